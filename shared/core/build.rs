//! Sets `KARVON_BUILD_ID`: a hash of the assessment engine's and the core's sources (or the
//! value the environment gives), so a status kept on disk by another build of the same version
//! is never taken for this build's.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

/// Hashes every file under `dir` (sorted by path) into `h`.
fn hash_dir(dir: &Path, h: &mut DefaultHasher) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            hash_dir(&p, h);
        } else if let Ok(bytes) = std::fs::read(&p) {
            p.file_name().hash(h);
            bytes.hash(h);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-env-changed=KARVON_BUILD_ID");
    if let Ok(id) = std::env::var("KARVON_BUILD_ID") {
        println!("cargo:rustc-env=KARVON_BUILD_ID={id}");
        return;
    }
    let mut h = DefaultHasher::new();
    for dir in ["src", "../domain/src"] {
        println!("cargo:rerun-if-changed={dir}");
        hash_dir(Path::new(dir), &mut h);
    }
    println!("cargo:rustc-env=KARVON_BUILD_ID={:016x}", h.finish());
}
