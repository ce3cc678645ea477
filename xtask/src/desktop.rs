//! Desktop tasks: the tools the desktop app needs, building the UI (wasm) and the app,
//! running it, its end-to-end tests in a real window, and its start-up benchmark.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Debian packages the desktop app builds and is tested with, each with a probe.
pub const PACKAGES: &[(&str, &str)] = &[
    ("build-essential", "cc"),
    ("pkg-config", "pkg-config"),
    ("libssl-dev", "/usr/include/openssl/ssl.h"),
    ("libxdo-dev", "/usr/include/xdo.h"),
    (
        "libwebkit2gtk-4.1-dev",
        "/usr/lib/x86_64-linux-gnu/pkgconfig/webkit2gtk-4.1.pc",
    ),
    (
        "libayatana-appindicator3-dev",
        "/usr/lib/x86_64-linux-gnu/pkgconfig/ayatana-appindicator3-0.1.pc",
    ),
    (
        "librsvg2-dev",
        "/usr/lib/x86_64-linux-gnu/pkgconfig/librsvg-2.0.pc",
    ),
    ("librsvg2-bin", "rsvg-convert"),
    ("xvfb", "Xvfb"),
    ("xauth", "xauth"),
    ("webkit2gtk-driver", "WebKitWebDriver"),
    ("imagemagick", "/usr/bin/convert"),
];

/// The tauri-driver version the tests use.
const TAURI_DRIVER: &str = "2.1.0";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin").join(name)
}

fn run(cmd: &mut Command) -> bool {
    eprintln!("+ {cmd:?}");
    cmd.status().is_ok_and(|s| s.success())
}

fn cargo() -> Command {
    let mut c = Command::new(env!("CARGO"));
    c.current_dir(root());
    c
}

/// The version of a package in Cargo.lock.
fn locked_version(package: &str) -> Option<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).ok()?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l == format!("name = \"{package}\"") {
            let v = lines.next()?;
            return v
                .strip_prefix("version = \"")
                .map(|v| v.trim_end_matches('"').to_owned());
        }
    }
    None
}

/// Whether `cargo install` put `package` at `version` into ~/.cargo/bin (and it is still there).
fn installed(package: &str, bin: &str, version: &str) -> bool {
    cargo_bin(bin).exists()
        && cargo().args(["install", "--list"]).output().is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.starts_with(&format!("{package} v{version}:")))
        })
}

/// The wasm target, wasm-bindgen CLI (the version in Cargo.lock) and tauri-driver, each
/// installed only when missing (cargo install caches them in ~/.cargo/bin).
pub fn tools() -> bool {
    let target_ok = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown"));
    if !target_ok && !run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
    {
        return false;
    }
    let Some(wb) = locked_version("wasm-bindgen") else {
        eprintln!("wasm-bindgen is not in Cargo.lock");
        return false;
    };
    if !installed("wasm-bindgen-cli", "wasm-bindgen", &wb)
        && !run(cargo().args(["install", "wasm-bindgen-cli", "--version", &wb]))
    {
        return false;
    }
    if !installed("tauri-driver", "tauri-driver", TAURI_DRIVER)
        && !run(cargo().args([
            "install",
            "tauri-driver",
            "--version",
            TAURI_DRIVER,
            "--locked",
        ]))
    {
        return false;
    }
    true
}

/// Builds the UI into `ui/dist`: cargo for wasm32 (with clippy's lints as errors when `lint`),
/// the wasm-bindgen CLI, the static files.
pub fn ui(release: bool, lint: bool) -> bool {
    let root = root();
    let mut build = cargo();
    if lint {
        build.envs(crate::lint_env());
    }
    build.args([
        "build",
        "-p",
        "karvon-ui",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    build.args(["--profile", if release { "desktop" } else { "ui" }]);
    if !run(&mut build) {
        return false;
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let wasm = target
        .join("wasm32-unknown-unknown")
        .join(if release { "desktop" } else { "ui" })
        .join("karvon-ui.wasm");
    let dist = root.join("ui").join("dist");
    let _ = std::fs::create_dir_all(&dist);
    if !run(Command::new(cargo_bin("wasm-bindgen"))
        .arg(&wasm)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "karvon_ui",
            "--out-dir",
        ])
        .arg(&dist))
    {
        return false;
    }
    let copies = [
        (root.join("ui/index.html"), dist.join("index.html")),
        (root.join("ui/style.css"), dist.join("style.css")),
        (root.join("ui/boot.js"), dist.join("boot.js")),
        (root.join("icons/karvon.svg"), dist.join("icon.svg")),
    ];
    copies.iter().all(|(from, to)| {
        std::fs::copy(from, to)
            .map_err(|e| eprintln!("copy {}: {e}", from.display()))
            .is_ok()
    })
}

/// Builds the UI, then runs the desktop app (debug build) on the embedded database.
pub fn run_app() -> bool {
    ui(false, false) && run(cargo().args(["run", "-p", "karvon-desktop"]))
}

/// Start-up benchmark: shipping builds (the `desktop` profile) of the app and of a bare Tauri
/// window, then start time to first meaningful paint, resident memory and stripped binary size.
pub fn bench() -> bool {
    ui(true, false)
        && run(cargo().args([
            "build",
            "--profile",
            "desktop",
            "-p",
            "karvon-desktop",
            "--bin",
            "karvon-desktop",
            "--example",
            "bare",
        ]))
        && run(cargo().args([
            "bench",
            "--profile",
            "desktop",
            "-p",
            "karvon-desktop",
            "--bench",
            "startup",
        ]))
}
