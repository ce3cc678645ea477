//! `karvon-desktop`: the Tauri 2 shell of the desktop app.
//!
//! It opens the core on the platform's app-data folder (or `$KARVON_DATA`), keeps it in Tauri's
//! managed state, and exposes thin `#[tauri::command]`s (see [`commands`]) that call the core
//! and answer with the typed messages of [`wire`], every text rendered in the user's language.
//! Alerts the core raises become desktop notifications. The UI (`ui/dist`) is embedded.

pub mod commands;
mod error;
mod views;
#[path = "../../ui/src/wire.rs"]
pub mod wire;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use karvon_core::i18n::{Catalogue, Lang};
use karvon_core::{Karvon, KeySource};
use tauri::Manager;

pub use error::api_error;
use wire::{ApiError, Settings};

/// The settings file inside the data folder.
const SETTINGS_FILE: &str = "desktop-settings.json";

/// The shell's state: the core on its data folder, and the user's settings.
#[derive(Debug)]
pub struct AppState {
    core: Karvon,
    dir: PathBuf,
    settings: Mutex<Settings>,
}

impl AppState {
    /// Opens the core on `dir` with the key file beside the database (or `$KARVON_KEY_FILE`).
    pub fn open(dir: &Path) -> Result<Self, karvon_core::Error> {
        let key = std::env::var_os("KARVON_KEY_FILE")
            .map(PathBuf::from)
            .unwrap_or_else(|| dir.join("key"));
        let core = Karvon::open(dir, &KeySource::File(key))?;
        let settings = std::fs::read_to_string(dir.join(SETTINGS_FILE))
            .ok()
            .and_then(|t| serde_json::from_str::<Settings>(&t).ok())
            .unwrap_or_else(|| Settings {
                lang: default_lang().tag().to_owned(),
                home: "UZ".to_owned(),
                server: String::new(),
            });
        Ok(Self {
            core,
            dir: dir.to_owned(),
            settings: Mutex::new(settings),
        })
    }

    /// The core.
    pub fn core(&self) -> &Karvon {
        &self.core
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The settings in force.
    pub fn settings(&self) -> Settings {
        self.settings
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The language in force.
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.settings().lang).unwrap_or(Lang::En)
    }

    /// A catalogue in the language in force.
    pub fn catalogue(&self) -> Catalogue {
        Catalogue::new(self.lang())
    }

    /// Replaces the settings and saves them (atomically) in the data folder.
    pub fn save_settings(&self, s: Settings) -> Result<(), ApiError> {
        let text = serde_json::to_string_pretty(&s).unwrap_or_default();
        karvon_core::files::write_atomic(&self.dir.join(SETTINGS_FILE), text.as_bytes())
            .map_err(|e| api_error(&self.catalogue(), &e))?;
        *self.settings.lock().unwrap_or_else(|p| p.into_inner()) = s;
        Ok(())
    }
}

/// The language of the environment (`LANG`), else English.
fn default_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find_map(|v| Lang::parse(&v))
        .unwrap_or(Lang::En)
}

/// The data folder: `$KARVON_DATA`, else the platform's app-data folder of this app.
fn data_dir(app: &tauri::App) -> PathBuf {
    if let Some(d) = std::env::var_os("KARVON_DATA") {
        return PathBuf::from(d);
    }
    app.path()
        .app_data_dir()
        .ok()
        .or_else(Karvon::default_data_dir)
        .unwrap_or_else(|| PathBuf::from("karvon-data"))
}

/// Builds and runs the app; returns when the last window closes.
pub fn run() -> Result<(), String> {
    tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let dir = data_dir(app);
            let state = AppState::open(&dir).map_err(|e| {
                let cat = Catalogue::new(default_lang());
                karvon_core::report::error_text(&cat, &e)
            })?;
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::boot,
            commands::save_settings,
            commands::trips,
            commands::trip_form,
            commands::create_trip,
            commands::update_trip,
            commands::delete_trip,
            commands::undo,
            commands::trip_status,
            commands::preview_purchase,
            commands::add_purchase,
            commands::delete_purchase,
            commands::acknowledge_alert,
            commands::declare,
            commands::document,
            commands::documents,
            commands::sign,
            commands::queue,
            commands::qr_svg,
            commands::export_pdf,
            commands::create_payment,
            commands::export_payment_pdf,
            commands::import_trade,
            commands::import_postal,
            commands::import_rates,
            commands::rate_tables,
            commands::hs_search,
            commands::import_hs,
            commands::sync_status,
        ])
        .run(tauri::generate_context!())
        .map_err(|e| e.to_string())
}
