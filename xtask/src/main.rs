//! `cargo xtask run | test | bench`: the project's tasks in one place.

use std::process::{Command, ExitCode};

fn cargo(args: &[&str]) -> bool {
    eprintln!("+ cargo {}", args.join(" "));
    Command::new(env!("CARGO"))
        .args(args)
        .status()
        .is_ok_and(|s| s.success())
}

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let ok = match task.as_str() {
        // The main job: assess the bundled example trip.
        "run" => cargo(&[
            "run",
            "-q",
            "-p",
            "karvon",
            "--",
            "assess",
            "examples/trip-fi.json",
        ]),
        // Every test, plus the formatting and lint gates.
        "test" => {
            cargo(&["fmt", "--all", "--", "--check"])
                && cargo(&[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ])
                && cargo(&["test", "--workspace"])
        }
        "bench" => {
            cargo(&["bench", "-p", "karvon-domain"]) && cargo(&["bench", "-p", "karvon-core"])
        }
        _ => {
            eprintln!("usage: cargo xtask <run|test|bench>");
            false
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
