//! The generated Kotlin bindings compiled with kotlinc 2.x and run on the JVM with JNA against
//! the Linux build of the library, async (suspend) calls included: `mobile/tests/kotlin/Main.kt`.
//! Fails (never skips) when the toolchain is missing: `cargo xtask setup` installs openjdk-17,
//! libjna-java and the npm `kotlin-compiler` (in `~/.cache/karvon/npm`). Also checks the
//! committed Kotlin bindings are current.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The kotlinc launcher: `$KOTLINC`, else the npm package in the cache.
fn kotlinc() -> PathBuf {
    if let Some(k) = std::env::var_os("KOTLINC") {
        return PathBuf::from(k);
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("/root"), PathBuf::from);
    home.join(".cache/karvon/npm/node_modules/kotlin-compiler/bin/kotlinc")
}

fn need(path: &Path, what: &str) -> PathBuf {
    assert!(
        path.is_file(),
        "{what} not found at {}: run `cargo xtask setup`",
        path.display()
    );
    path.to_path_buf()
}

#[test]
fn kotlin_bindings_run_on_the_jvm() {
    let out = common::fresh_bindings(&["kotlin"]);
    let kotlinc = need(&kotlinc(), "kotlinc (npm kotlin-compiler)");
    let lib = kotlinc
        .parent()
        .and_then(Path::parent)
        .expect("kotlin-compiler/bin/kotlinc")
        .join("lib");
    let coroutines = need(
        &lib.join("kotlinx-coroutines-core-jvm.jar"),
        "kotlinx-coroutines-core-jvm.jar",
    );
    let stdlib = need(&lib.join("kotlin-stdlib.jar"), "kotlin-stdlib.jar");
    let jna = need(Path::new("/usr/share/java/jna.jar"), "JNA (libjna-java)");
    let sep = if cfg!(windows) { ";" } else { ":" };
    let join = |paths: &[&Path]| {
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(sep)
    };

    let generated = out.path().join("kotlin/uz/karvon/mobile/karvon_mobile.kt");
    let jar = out.path().join("test.jar");
    let started = std::time::Instant::now();
    let compiled = common::run(
        Command::new(&kotlinc)
            .arg(&generated)
            .arg(common::root().join("mobile/tests/kotlin/Main.kt"))
            .args(["-nowarn", "-jvm-target", "17", "-cp"])
            .arg(join(&[&jna, &coroutines]))
            .arg("-d")
            .arg(&jar),
        "kotlinc",
    );
    assert!(compiled.status.success(), "kotlinc failed");
    println!("kotlinc took {:.1} s", started.elapsed().as_secs_f64());

    let ran = common::run(
        Command::new("java")
            .arg(format!(
                "-Djna.library.path={}",
                out.path().join("lib").display()
            ))
            .arg("-cp")
            .arg(join(&[&jar, &stdlib, &coroutines, &jna]))
            .arg("MainKt"),
        "java (openjdk-17)",
    );
    let report = String::from_utf8_lossy(&ran.stdout);
    assert!(ran.status.success(), "the Kotlin program failed");
    let last = report.lines().last().unwrap_or_default();
    assert_eq!(
        last, "4 passed, 0 failed",
        "every Kotlin test ran and passed"
    );
}
