//! The Karvon desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    match karvon_desktop::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("karvon-desktop: {e}");
            ExitCode::FAILURE
        }
    }
}
