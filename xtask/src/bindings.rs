//! `cargo xtask bindings [--out DIR] [--check]`: builds `karvon-mobile` (debug) and generates its
//! Kotlin, Swift and Python bindings in library mode with the workspace's pinned
//! `uniffi-bindgen`, from the unstripped library (uniffi reads the interface from its
//! metadata symbols, which stripping removes).
//!
//! - no option: writes `mobile/bindings/{kotlin,swift,python}` (committed);
//! - `--out DIR`: writes `DIR/{kotlin,swift,python}` and copies the library into `DIR/lib` and
//!   beside the Python module, ready to run (the tests use this);
//! - `--check`: generates into a scratch folder and fails if the committed bindings differ.
//!
//! It also installs the Kotlin compiler the JVM test needs (`setup_kotlin`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The npm package that carries kotlinc 2.x and kotlinx-coroutines (Debian's are too old).
pub const KOTLIN_COMPILER: &str = "kotlin-compiler@2.4.20";

/// The generated languages, each in its own folder.
const LANGUAGES: [&str; 3] = ["kotlin", "swift", "python"];

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Where cargo puts debug builds.
fn debug_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root().join("target"), PathBuf::from)
        .join("debug")
}

/// The cdylib's file name on this platform.
pub fn library_file() -> String {
    format!(
        "{}karvon_mobile{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    )
}

/// The folder the npm packages the tests use are installed in.
pub fn npm_cache() -> PathBuf {
    std::env::var_os("HOME")
        .map_or_else(|| PathBuf::from("/tmp"), PathBuf::from)
        .join(".cache/karvon/npm")
}

fn run(cmd: &mut Command) -> Result<(), String> {
    eprintln!("+ {cmd:?}");
    match cmd.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("{cmd:?} failed: {s}")),
        Err(e) => Err(format!("{cmd:?} could not start: {e}")),
    }
}

fn cargo_build(package: &str) -> Result<(), String> {
    // One package at a time, so each is built with its own features (the library does not
    // get the bindgen's).
    run(Command::new(env!("CARGO")).args(["build", "-q", "-p", package]))
}

/// Builds the library and the bindgen, then generates every language into `out`.
/// Returns the path of the (unstripped) library.
fn generate(out: &Path) -> Result<PathBuf, String> {
    cargo_build("karvon-mobile")?;
    cargo_build("uniffi-bindgen")?;
    let debug = debug_dir();
    let lib = debug.join(library_file());
    if !lib.is_file() {
        return Err(format!("{} was not built", lib.display()));
    }
    let bindgen = debug.join(format!("uniffi-bindgen{}", std::env::consts::EXE_SUFFIX));
    for lang in LANGUAGES {
        let dir = out.join(lang);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        run(Command::new(&bindgen)
            .current_dir(root())
            .args(["generate", "--no-format", "--language", lang])
            .arg("--out-dir")
            .arg(&dir)
            .arg(&lib))?;
    }
    Ok(lib)
}

/// Every file under `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else if let Ok(rel) = p.strip_prefix(base) {
                out.push(rel.to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The files that differ between two binding folders (missing on either side included).
pub fn differences(a: &Path, b: &Path) -> Vec<String> {
    let (fa, fb) = (files(a), files(b));
    let mut all: Vec<&PathBuf> = fa.iter().chain(fb.iter()).collect();
    all.sort();
    all.dedup();
    all.into_iter()
        .filter(|rel| std::fs::read(a.join(rel)).ok() != std::fs::read(b.join(rel)).ok())
        .map(|rel| rel.display().to_string())
        .collect()
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("{} -> {}: {e}", from.display(), to.display()))
}

/// `cargo xtask bindings [--out DIR] [--check]`.
pub fn bindings(args: &[String]) -> bool {
    let result = (|| {
        let committed = root().join("mobile").join("bindings");
        let out = args
            .iter()
            .position(|a| a == "--out")
            .map(|i| {
                args.get(i + 1)
                    .map(PathBuf::from)
                    .ok_or("--out needs a folder")
            })
            .transpose()?;
        if args.iter().any(|a| a == "--check") {
            let scratch = debug_dir().join("bindings-check");
            generate(&scratch)?;
            let diff = differences(&committed, &scratch);
            if !diff.is_empty() {
                return Err(format!(
                    "the committed bindings are stale ({}): run `cargo xtask bindings`",
                    diff.join(", ")
                ));
            }
            eprintln!("mobile/bindings are up to date");
            return Ok(());
        }
        match out {
            Some(out) => {
                let lib = generate(&out)?;
                copy(&lib, &out.join("lib").join(library_file()))?;
                copy(&lib, &out.join("python").join(library_file()))?;
                eprintln!("bindings and library in {}", out.display());
            }
            None => {
                generate(&committed)?;
                eprintln!("bindings written to {}", committed.display());
            }
        }
        Ok::<(), String>(())
    })();
    match result {
        Ok(()) => true,
        Err(e) => {
            eprintln!("xtask bindings: {e}");
            false
        }
    }
}

/// Installs kotlinc 2.x (npm `kotlin-compiler`, which also carries
/// `kotlinx-coroutines-core-jvm.jar`) under `~/.cache/karvon/npm` when missing.
pub fn setup_kotlin() -> bool {
    let cache = npm_cache();
    if cache
        .join("node_modules/kotlin-compiler/bin/kotlinc")
        .is_file()
    {
        return true;
    }
    if let Err(e) = std::fs::create_dir_all(&cache) {
        eprintln!("{}: {e}", cache.display());
        return false;
    }
    run(Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&cache)
        .arg(KOTLIN_COMPILER))
    .map_err(|e| eprintln!("{e}"))
    .is_ok()
}
