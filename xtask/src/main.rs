//! `cargo xtask setup | run | test | bench | bindings | ui | bench-desktop | mobile-size`: the
//! project's tasks in one place.

mod bindings;
mod desktop;
mod size;

use std::process::{Command, ExitCode};

/// Debian packages the tests use, each with a program that shows it is installed:
/// poppler-utils renders PDFs to text and images; PostgreSQL backs the server's contract tests.
const PACKAGES: &[(&str, &str)] = &[
    ("poppler-utils", "pdftoppm"),
    ("postgresql", "/usr/lib/postgresql"),
    // The mobile bindings' tests: Python, and Kotlin on the JVM with JNA.
    ("python3", "python3"),
    ("openjdk-17-jdk-headless", "javac"),
    ("libjna-java", "/usr/share/java/jna.jar"),
];

fn installed(probe: &str) -> bool {
    if probe.starts_with('/') {
        return std::path::Path::new(probe).exists();
    }
    Command::new("sh")
        .args(["-c", &format!("command -v {probe} >/dev/null")])
        .status()
        .is_ok_and(|s| s.success())
}

/// Installs the Debian packages the tests need, when missing (needs root, as on CI).
fn setup() -> bool {
    let missing: Vec<&str> = PACKAGES
        .iter()
        .chain(desktop::PACKAGES)
        .filter(|(_, probe)| !installed(probe))
        .map(|(pkg, _)| *pkg)
        .collect();
    if missing.is_empty() {
        return true;
    }
    eprintln!("+ apt-get install {}", missing.join(" "));
    let apt = |args: &[&str]| {
        Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .is_ok_and(|s| s.success())
    };
    let _ = apt(&["update", "-qq"]);
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(&missing);
    apt(&args)
}

fn cargo(args: &[&str]) -> bool {
    eprintln!("+ cargo {}", args.join(" "));
    Command::new(env!("CARGO"))
        .args(args)
        .status()
        .is_ok_and(|s| s.success())
}

/// The environment that makes cargo compile the workspace's own crates with clippy's driver
/// and clippy's lints as errors (`-D warnings`), dependencies with plain rustc: one build both
/// lints and yields the test binaries, instead of `cargo clippy` checking every dependency
/// again. Each entry is (variable, value).
pub fn lint_env() -> Vec<(&'static str, String)> {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let driver = std::path::Path::new(&sysroot)
        .join("bin")
        .join("clippy-driver");
    vec![
        ("RUSTC_WORKSPACE_WRAPPER", driver.display().to_string()),
        // How `cargo clippy` hands its arguments to the driver.
        (
            "CLIPPY_ARGS",
            "-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__".to_owned(),
        ),
    ]
}

/// `cargo ARGS` with the workspace's crates linted by clippy (see [`lint_env`]).
fn linted(args: &[&str]) -> bool {
    eprintln!("+ cargo {} (clippy-driver)", args.join(" "));
    Command::new(env!("CARGO"))
        .args(args)
        .envs(lint_env())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs one step of a task and says how long it took (CI logs show where the time goes).
fn step(name: &str, f: impl FnOnce() -> bool) -> bool {
    let start = std::time::Instant::now();
    let ok = f();
    eprintln!(
        "== {name}: {} in {:.0?}",
        if ok { "ok" } else { "FAILED" },
        start.elapsed()
    );
    ok
}

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let ok = match task.as_str() {
        // The main job: build the UI and launch the desktop app on the embedded database.
        "run" => setup() && desktop::tools() && desktop::run_app(),
        // Build the desktop UI into ui/dist.
        "ui" => desktop::tools() && desktop::ui(false, false),
        // Debian packages the tests need.
        "setup" => setup() && bindings::setup_kotlin(),
        // Kotlin, Swift and Python bindings of the mobile library.
        "bindings" => bindings::bindings(&std::env::args().skip(2).collect::<Vec<_>>()),
        // Every test, plus the formatting and lint gates.
        "test" => {
            step("packages", setup)
                && step("kotlin", bindings::setup_kotlin)
                && step("desktop tools", desktop::tools)
                && step("fmt", || cargo(&["fmt", "--all", "--", "--check"]))
                && step("ui, linted", || desktop::ui(false, true))
                && step("build every target, linted", || {
                    linted(&[
                        "test",
                        "--workspace",
                        "--exclude",
                        "karvon-ui",
                        "--all-targets",
                        "--no-run",
                    ])
                })
                && step("tests", || {
                    linted(&["test", "--workspace", "--exclude", "karvon-ui"])
                })
        }
        // Optional, not part of `test`: the size-tuned mobile library against its budget.
        "mobile-size" => size::mobile_size(&std::env::args().skip(2).collect::<Vec<_>>()),
        "bench" => {
            cargo(&["bench", "-p", "karvon-domain"]) && cargo(&["bench", "-p", "karvon-core"])
        }
        "bench-desktop" => setup() && desktop::tools() && desktop::bench(),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup|run|test|bench|bindings|ui|bench-desktop|mobile-size>"
            );
            false
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
