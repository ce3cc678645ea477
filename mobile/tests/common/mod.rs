//! Shared by the binding tests: fresh bindings with the library beside them, checked against
//! the committed ones.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("mobile/ has a parent")
        .to_path_buf()
}

fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Generates the bindings with `cargo xtask bindings --out` into a scratch folder (the library
/// is copied into `lib/` and beside the Python module), and checks that the committed
/// `mobile/bindings/<lang>` of each of `langs` match what the current library generates.
pub fn fresh_bindings(langs: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO"))
        .current_dir(root())
        .args(["run", "-q", "-p", "xtask", "--", "bindings", "--out"])
        .arg(out.path())
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cargo xtask bindings --out failed");
    for lang in langs {
        same(lang, out.path());
    }
    out
}

/// Fails when `mobile/bindings/<lang>` differs from the fresh files in `out/<lang>`.
fn same(lang: &str, out: &Path) {
    let committed = root().join("mobile/bindings").join(lang);
    let fresh = out.join(lang);
    let library = format!(
        "{}karvon_mobile{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    );
    let mut b = files(&fresh);
    b.retain(|f| f.as_os_str() != library.as_str());
    let a = files(&committed);
    assert_eq!(
        a, b,
        "generated {lang} files differ: run `cargo xtask bindings`"
    );
    for rel in &a {
        assert!(
            std::fs::read(committed.join(rel)).unwrap() == std::fs::read(fresh.join(rel)).unwrap(),
            "mobile/bindings/{lang}/{} is stale: run `cargo xtask bindings`",
            rel.display()
        );
    }
}

/// Runs a command, failing the test (not skipping it) when the program is missing.
pub fn run(cmd: &mut Command, what: &str) -> Output {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("{what} is required for this test ({e}); `cargo xtask setup` installs it")
    });
    println!("{}", String::from_utf8_lossy(&out.stdout));
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    out
}

/// The number in `Ran N tests` / `N passed` style summaries: the first number after `marker`.
#[allow(dead_code)] // only the Python runner reads a count
pub fn count_after(text: &str, marker: &str) -> usize {
    text.split(marker)
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}
