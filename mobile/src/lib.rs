//! `karvon-mobile`: Karvon's core as one native library for the mobile apps, exported with
//! uniffi (proc macros, library mode) to Kotlin, Swift and Python.
//!
//! [`KarvonApi`] is a thin wrapper over [`karvon_core::Karvon`]: it reads the host's text
//! fields into core inputs (naming the field when one is bad), calls the core, and hands back
//! records with money as exact decimal strings and every message rendered in the chosen
//! language next to its catalogue id. Errors come back as one [`ApiError`]. The host owns the
//! screens, the camera, notifications and the OS keystore: it passes the 32-byte key that
//! protects identifiers (and seals the device signing key) and registers an
//! [`EventListener`] to hear about alerts. The language comes from the device settings saved
//! with [`KarvonApi::save_settings`] (the one passed to `open_*` until settings are saved).

mod background;
mod documents;
mod error;
mod forms;
mod input;
mod records;
mod settings;
mod shopping;
mod sync;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use karvon_core::crypto::{KeySource, KEY_LEN};
use karvon_core::domain::Message;
use karvon_core::i18n::{Catalogue, Lang};
use karvon_core::{Error, Karvon};

pub use error::{ApiError, Problem};
pub use forms::{
    Account, PaymentInput, PurchaseInput, TravellerInput, TravellerPatch, TripInput, TripPatch,
};
pub use records::*;
pub use settings::Settings;

uniffi::setup_scaffolding!();

/// What the library tells the host app as it happens, so the app can raise a notification.
/// Calls come on the thread that made the change, after it is saved; return quickly.
#[uniffi::export(callback_interface)]
pub trait EventListener: Send + Sync {
    /// An alert was raised: by a purchase added, edited, deleted or restored (undo), a trip or
    /// traveller edit, rates added or imported, or a status read after a bulk import or sync.
    fn on_alert(&self, alert: Alert);
}

/// Karvon opened on a data folder: travellers, trips, purchases, status, declarations,
/// payments, rates and the HS nomenclature.
#[derive(uniffi::Object)]
pub struct KarvonApi {
    core: Karvon,
    shared: Arc<Shared>,
}

/// What the API and the core's alert hook share: the language and the listener.
struct Shared {
    lang: Mutex<Lang>,
    listener: Mutex<Option<Arc<dyn EventListener>>>,
}

impl Shared {
    /// The current language.
    fn lang(&self) -> Lang {
        *self.lang.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Tells the listener about alerts the core raised, rendered in the current language.
    fn raise(&self, alerts: &[karvon_core::Alert]) {
        // Called without the lock held, so the listener may call back into the API.
        let listener = self
            .listener
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some(l) = listener {
            let alerts: Vec<Alert> = render_in(self.lang(), |c| {
                alerts.iter().map(|a| Alert::new(c, a)).collect()
            });
            for a in alerts {
                l.on_alert(a);
            }
        }
    }
}

impl std::fmt::Debug for KarvonApi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KarvonApi")
            .field("core", &self.core)
            .finish_non_exhaustive()
    }
}

fn language(tag: &str) -> Result<Lang, Error> {
    Lang::parse(tag).ok_or_else(|| {
        error::bad(
            "language",
            Message::new("mobile-unknown-language")
                .text("value", tag.chars().take(16).collect::<String>()),
        )
    })
}

/// Opens the core, mapping a failure in the language asked for (English if that is unknown).
/// The saved settings' language wins over `lang` (stored settings that cannot be read leave
/// `lang`; `settings()` then reports them).
fn open(data_dir: &str, key: Result<KeySource, Error>, lang: &str) -> Result<KarvonApi, ApiError> {
    let cat = Catalogue::new(Lang::parse(lang).unwrap_or(Lang::En));
    let core = (|| {
        let lang = language(lang)?;
        let core = Karvon::open(&PathBuf::from(data_dir), &key?)?;
        let lang = match core.saved_settings() {
            Ok(Some(s)) => s.language,
            Ok(None) | Err(_) => lang,
        };
        Ok((core, lang))
    })();
    let (core, lang) = core.map_err(|e| ApiError::from_core(&cat, &e))?;
    let shared = Arc::new(Shared {
        lang: Mutex::new(lang),
        listener: Mutex::new(None),
    });
    let hook = Arc::clone(&shared);
    core.set_alert_hook(Some(Arc::new(move |alerts: &[karvon_core::Alert]| {
        hook.raise(alerts);
    })))
    .map_err(|e| ApiError::from_core(&cat, &e))?;
    Ok(KarvonApi { core, shared })
}

#[uniffi::export]
impl KarvonApi {
    /// Opens (or creates) the data folder `data_dir` with the 32-byte key from the OS keystore
    /// (Android Keystore, iOS Keychain). `language`: `en`, `uz` or `ru` (or a locale such as
    /// `ru_RU`).
    #[uniffi::constructor]
    pub fn open_with_key(
        data_dir: String,
        key: Vec<u8>,
        language: String,
    ) -> Result<Self, ApiError> {
        let key = <[u8; KEY_LEN]>::try_from(key.as_slice())
            .map(KeySource::Provided)
            .map_err(|_| {
                Error::Key(
                    Message::new("mobile-key-length")
                        .int("expected", KEY_LEN as i64)
                        .int("got", i64::try_from(key.len()).unwrap_or(i64::MAX)),
                )
            });
        open(&data_dir, key, &language)
    }

    /// Opens (or creates) the data folder with the key kept in `key_file` (created with mode
    /// 0600 on first use), as the desktop does.
    #[uniffi::constructor]
    pub fn open_with_key_file(
        data_dir: String,
        key_file: String,
        language: String,
    ) -> Result<Self, ApiError> {
        open(
            &data_dir,
            Ok(KeySource::File(PathBuf::from(key_file))),
            &language,
        )
    }

    /// The language messages are rendered in (`en`, `uz-Latn`, `ru`).
    pub fn language(&self) -> String {
        self.lang().tag().to_owned()
    }

    /// Renders every later message and error in this language (`en`, `uz`, `ru`).
    pub fn set_language(&self, language: String) -> Result<(), ApiError> {
        let lang = self.run(|_| self::language(&language))?;
        self.set_lang(lang);
        Ok(())
    }

    /// Registers the listener that hears about alerts (replacing any earlier one).
    pub fn set_listener(&self, listener: Box<dyn EventListener>) {
        *self
            .shared
            .listener
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(Arc::from(listener));
    }

    /// Stops telling the listener anything.
    pub fn clear_listener(&self) {
        *self
            .shared
            .listener
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// The rules packs a trip can go to.
    pub fn jurisdictions(&self) -> Vec<Jurisdiction> {
        self.core
            .packs()
            .iter()
            .filter(|p| p.assessable)
            .map(|p| Jurisdiction {
                id: p.id.clone(),
                name: p.name.clone(),
                currency: p.currency.code().to_owned(),
                valid_from: p.valid_from.to_string(),
            })
            .collect()
    }

    /// The fingerprint of this device's signing key (made on first use).
    pub fn device_key_fingerprint(&self) -> Result<String, ApiError> {
        self.run(Karvon::device_key_fingerprint)
    }

    /// How many changes wait to be sent at the next sync (counting up to `limit`).
    pub fn pending_changes(&self, limit: u32) -> Result<u32, ApiError> {
        self.run(|k| k.pending_changes(limit as usize))
            .map(|l| u32::try_from(l.len()).unwrap_or(u32::MAX))
    }

    // Travellers and parties.

    /// Adds a traveller.
    pub fn add_traveller(&self, input: TravellerInput) -> Result<Traveller, ApiError> {
        self.run(|k| k.add_traveller(&input.to_core()?))
            .map(Traveller::from)
    }

    /// Changes a traveller.
    pub fn edit_traveller(&self, id: String, patch: TravellerPatch) -> Result<Traveller, ApiError> {
        self.run(|k| k.edit_traveller(&id, &patch.to_core()?))
            .map(Traveller::from)
    }

    /// One traveller by id or unique prefix.
    pub fn traveller(&self, id: String) -> Result<Traveller, ApiError> {
        self.run(|k| k.traveller(&id)).map(Traveller::from)
    }

    /// Every traveller.
    pub fn travellers(&self) -> Result<Vec<Traveller>, ApiError> {
        self.run(Karvon::travellers)
            .map(|l| l.into_iter().map(Traveller::from).collect())
    }

    /// Deletes a traveller (undo with `undo_delete`).
    pub fn delete_traveller(&self, id: String) -> Result<(), ApiError> {
        self.run(|k| k.delete_traveller(&id))
    }

    /// Adds a family or group of travellers.
    pub fn add_party(&self, name: String, members: Vec<String>) -> Result<Party, ApiError> {
        self.run(|k| k.add_party(&name, &members)).map(Party::from)
    }

    /// Every party.
    pub fn parties(&self) -> Result<Vec<Party>, ApiError> {
        self.run(Karvon::parties)
            .map(|l| l.into_iter().map(Party::from).collect())
    }

    /// Deletes a party (its travellers stay).
    pub fn delete_party(&self, id: String) -> Result<(), ApiError> {
        self.run(|k| k.delete_party(&id))
    }

    // Trips.

    /// Adds a trip.
    pub fn add_trip(&self, input: TripInput) -> Result<Trip, ApiError> {
        self.show(|k| k.add_trip(&input.to_core()?), Trip::new)
    }

    /// Changes a trip.
    pub fn edit_trip(&self, id: String, patch: TripPatch) -> Result<Trip, ApiError> {
        self.show(|k| k.edit_trip(&id, &patch.to_core()?), Trip::new)
    }

    /// One trip by id or unique prefix.
    pub fn trip(&self, id: String) -> Result<Trip, ApiError> {
        self.show(|k| k.trip(&id), Trip::new)
    }

    /// Every trip.
    pub fn trips(&self) -> Result<Vec<Trip>, ApiError> {
        self.show(Karvon::trips, |c, l| {
            l.into_iter().map(|t| Trip::new(c, t)).collect()
        })
    }

    /// Deletes a trip (undo with `undo_delete`).
    pub fn delete_trip(&self, id: String) -> Result<(), ApiError> {
        self.run(|k| k.delete_trip(&id))
    }

    /// Restores the last deleted record, if any.
    pub fn undo_delete(&self) -> Result<Option<Restored>, ApiError> {
        self.run(Karvon::undo_delete).map(|r| {
            r.map(|r| Restored {
                entity: r.entity.to_owned(),
                id: r.id,
            })
        })
    }

    /// The trip as a trip file (JSON) with every purchase and the rates used.
    pub fn export_trip(&self, id: String) -> Result<String, ApiError> {
        self.run(|k| k.export_trip(&id)).map(|v| v.to_string())
    }

    /// Assesses a trip file (the JSON the command line's `assess` reads), without saving it.
    pub fn assess_trip_json(&self, json: String) -> Result<Assessment, ApiError> {
        self.show(
            |k| {
                let trip = karvon_core::domain::parse_trip(&json)?;
                k.assess(&trip)
            },
            |c, a| Assessment::new(c, &a),
        )
    }
}

impl KarvonApi {
    /// The current language.
    fn lang(&self) -> Lang {
        self.shared.lang()
    }

    /// Renders every later message in `lang`.
    fn set_lang(&self, lang: Lang) {
        *self
            .shared
            .lang
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = lang;
    }

    /// Renders with the catalogue of the current language.
    fn render<R>(&self, f: impl FnOnce(&Catalogue) -> R) -> R {
        render_in(self.lang(), f)
    }

    /// A core error as the host sees it.
    fn fail(&self, e: &Error) -> ApiError {
        self.render(|c| ApiError::from_core(c, e))
    }

    /// Runs a core call; its error is mapped in the current language.
    fn run<T>(&self, call: impl FnOnce(&Karvon) -> Result<T, Error>) -> Result<T, ApiError> {
        call(&self.core).map_err(|e| self.fail(&e))
    }

    /// Runs a core call, then renders its result (the catalogue is held only to render).
    fn show<T, V>(
        &self,
        call: impl FnOnce(&Karvon) -> Result<T, Error>,
        view: impl FnOnce(&Catalogue, T) -> V,
    ) -> Result<V, ApiError> {
        let value = self.run(call)?;
        Ok(self.render(|c| view(c, value)))
    }
}

/// Renders with the catalogue of `lang`. Catalogues cannot move between threads, so each
/// calling thread keeps one (rebuilt when the language changes).
fn render_in<R>(lang: Lang, f: impl FnOnce(&Catalogue) -> R) -> R {
    thread_local! {
        static CATALOGUE: std::cell::RefCell<Option<Catalogue>> =
            const { std::cell::RefCell::new(None) };
    }
    CATALOGUE.with(|cell| {
        let mut cat = cell.borrow_mut();
        match cat.as_ref() {
            Some(c) if c.lang() == lang => {}
            _ => *cat = Some(Catalogue::new(lang)),
        }
        match cat.as_ref() {
            Some(c) => f(c),
            None => f(&Catalogue::new(lang)),
        }
    })
}
