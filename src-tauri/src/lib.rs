//! `karvon-desktop`: the Tauri 2 shell of the desktop app.
//!
//! It opens the core on the platform's app-data folder (or `$KARVON_DATA`), keeps it in Tauri's
//! managed state, and exposes thin `#[tauri::command]`s (see [`commands`]) that call the core
//! and answer with the typed messages of [`wire`], every text rendered in the user's language.
//! Alerts the core raises become desktop notifications; a worker thread syncs with the
//! configured server (see [`sync`]). The UI (`ui/dist`) is embedded.

pub mod backup;
pub mod commands;
mod error;
pub mod receipts;
pub mod sync;
pub mod templates;
mod views;
#[path = "../../ui/src/wire.rs"]
pub mod wire;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use karvon_core::i18n::{Catalogue, Lang};
use karvon_core::{Karvon, KeySource};
use tauri::Manager;

pub use error::api_error;
use sync::Syncer;
use wire::Settings;

/// The shell's state: the core on its data folder, the user's settings and the sync worker.
#[derive(Debug)]
pub struct AppState {
    core: Arc<Karvon>,
    dir: PathBuf,
    settings: Mutex<Settings>,
    syncer: Arc<Syncer>,
}

/// The core's device settings and sync server (first run: the language of the environment).
fn settings_of(core: &Karvon) -> Result<Settings, karvon_core::Error> {
    let saved = core
        .saved_settings()?
        .unwrap_or_else(|| karvon_core::Settings {
            language: default_lang(),
            ..karvon_core::Settings::default()
        });
    Ok(Settings {
        lang: saved.language.tag().to_owned(),
        home: saved.home_country,
        currency: saved.currency.code().to_owned(),
        server: core.sync_status()?.server_url.unwrap_or_default(),
    })
}

impl AppState {
    /// Opens the core on `dir` with the key file beside the database (or `$KARVON_KEY_FILE`);
    /// the settings are the core's (first run: the language of the environment).
    pub fn open(dir: &Path) -> Result<Self, karvon_core::Error> {
        let key = std::env::var_os("KARVON_KEY_FILE")
            .map(PathBuf::from)
            .unwrap_or_else(|| dir.join("key"));
        let core = Karvon::open(dir, &KeySource::File(key))?;
        let settings = settings_of(&core)?;
        let syncer = Arc::new(Syncer::default());
        syncer.enable(!settings.server.is_empty());
        Ok(Self {
            core: Arc::new(core),
            dir: dir.to_owned(),
            settings: Mutex::new(settings),
            syncer,
        })
    }

    /// The core.
    pub fn core(&self) -> &Karvon {
        &self.core
    }

    /// The sync worker's state.
    pub fn syncer(&self) -> &Syncer {
        &self.syncer
    }

    /// Starts the sync worker thread.
    pub fn start_sync(&self) -> std::io::Result<()> {
        self.syncer.spawn(Arc::clone(&self.core))
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads the settings from the core again (after a restore replaced them) and syncs, or
    /// stops syncing, as they say.
    pub fn reload_settings(&self) -> Result<Settings, karvon_core::Error> {
        let settings = settings_of(&self.core)?;
        *self.settings.lock().unwrap_or_else(|p| p.into_inner()) = settings.clone();
        self.syncer.enable(!settings.server.is_empty());
        Ok(settings)
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

    /// Checks and saves the settings: language, home country and currency in the core's
    /// settings, the server in its sync state (an empty server stops syncing). Every bad
    /// field is named.
    pub fn save_settings(&self, s: Settings) -> Result<Settings, karvon_core::Error> {
        let parsed = karvon_core::Settings::parse(&s.lang, &s.home, &s.currency)?;
        let server = s.server.trim().to_owned();
        let before = self.settings().server;
        if server.is_empty() {
            if !before.is_empty() {
                self.core.forget_sync_server()?;
            }
        } else {
            self.core.configure_sync(&server).map_err(|e| match e {
                karvon_core::Error::Sync(e) => karvon_core::Error::Input(
                    karvon_core::domain::InputError::new("server", e.message()),
                ),
                other => other,
            })?;
        }
        self.core.save_settings(&parsed)?;
        let saved = Settings {
            lang: parsed.language.tag().to_owned(),
            home: parsed.home_country,
            currency: parsed.currency.code().to_owned(),
            server: self.core.sync_status()?.server_url.unwrap_or_default(),
        };
        *self.settings.lock().unwrap_or_else(|p| p.into_inner()) = saved.clone();
        if saved.server != before {
            self.syncer.enable(!saved.server.is_empty());
        }
        Ok(saved)
    }

    /// Links this device to the account of the device that made `code` on `server`, then
    /// syncs with it. A refused code on another server than before leaves sync off (this
    /// device does not open an account of its own there); the outbox keeps everything.
    pub fn pair(&self, server: &str, code: &str) -> Result<Settings, karvon_core::Error> {
        let before = self.settings().server;
        let outcome = self
            .core
            .pair_device(server, code, &commands::sync_options())
            .map_err(|e| match e {
                karvon_core::Error::Sync(e @ karvon_core::sync::SyncError::BadUrl { .. }) => {
                    karvon_core::Error::Input(karvon_core::domain::InputError::new(
                        "server",
                        e.message(),
                    ))
                }
                other => other,
            });
        let mut now = self.core.sync_status()?.server_url.unwrap_or_default();
        if outcome.is_err() && now != before && !now.is_empty() {
            self.core.forget_sync_server()?;
            now = String::new();
        }
        let settings = {
            let mut g = self.settings.lock().unwrap_or_else(|p| p.into_inner());
            g.server = now;
            g.clone()
        };
        if settings.server != before || outcome.is_ok() {
            self.syncer.enable(!settings.server.is_empty());
        }
        outcome.map(|()| settings)
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
            state.start_sync()?;
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
            commands::sync_now,
            commands::pairing_code,
            commands::pair_device,
            receipts::attach_receipt,
            receipts::receipt,
            receipts::delete_receipt,
            templates::templates,
            templates::save_template,
            templates::delete_template,
            backup::backup,
            backup::stage_restore,
            backup::restore,
            commands::export_payment_xml,
        ])
        .build(tauri::generate_context!())
        .map_err(|e| e.to_string())?
        .run(|app, event| {
            // The statuses computed this session are kept on disk, so the next start shows
            // them without recomputing (the app ends without dropping its state).
            if let tauri::RunEvent::Exit = event {
                if let Some(st) = app.try_state::<AppState>() {
                    let _ = st.core().save_statuses();
                }
            }
        });
    Ok(())
}
