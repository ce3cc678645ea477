//! A bare Tauri window (same Tauri features, a static page, no commands): the baseline of the
//! desktop start-up benchmark (`cargo xtask bench-desktop`). Its configuration sits in its own
//! folder: Tauri reads `tauri.conf.json` from the folder of the path given, not the file named.

fn main() -> std::process::ExitCode {
    match tauri::Builder::default().run(tauri::generate_context!("bare/tauri.conf.json")) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bare: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
