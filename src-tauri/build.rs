//! Generates the Tauri context and the permissions of Karvon's commands: only the commands
//! listed here (and in `permissions/karvon.toml`) can be invoked by the UI.

/// Every command (`src/commands.rs`, `src/receipts.rs`, `src/templates.rs`, `src/backup.rs`).
const COMMANDS: &[&str] = &[
    "boot",
    "save_settings",
    "trips",
    "trip_form",
    "create_trip",
    "update_trip",
    "delete_trip",
    "undo",
    "trip_status",
    "preview_purchase",
    "add_purchase",
    "delete_purchase",
    "acknowledge_alert",
    "declare",
    "document",
    "documents",
    "sign",
    "queue",
    "qr_svg",
    "export_pdf",
    "create_payment",
    "export_payment_pdf",
    "import_trade",
    "import_postal",
    "import_rates",
    "rate_tables",
    "hs_search",
    "import_hs",
    "sync_status",
    "sync_now",
    "pairing_code",
    "pair_device",
    "attach_receipt",
    "receipt",
    "delete_receipt",
    "templates",
    "save_template",
    "delete_template",
    "export_payment_xml",
    "backup",
    "stage_restore",
    "restore",
];

fn main() {
    let attrs = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attrs) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
