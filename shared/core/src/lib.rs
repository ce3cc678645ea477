//! `karvon-core`: the facade every front (CLI, desktop, mobile) uses.
//!
//! It owns the rules packs (embedded, plus files the user loads), reads trip files and runs the
//! domain's assessment. Opened on a data folder, it also keeps travellers, trips and purchases in
//! SQLite, imports exchange rates and the HS nomenclature, tracks allowances live and raises
//! alerts. Sync and signing arrive in later issues behind the same [`Karvon`] type.

pub mod alerts;
pub mod backup;
pub mod crypto;
mod deletes;
pub mod dist;
pub mod documents;
mod error;
pub mod files;
pub mod hs;
mod keys;
mod kinds;
pub mod payments;
mod pdfs;
pub mod purchases;
pub mod rates;
pub mod receipts;
pub mod report;
pub mod settings;
mod snapshot;
pub mod status;
pub mod store;
pub mod sync;
pub mod trade;
pub mod travellers;
pub mod trips;
pub mod validate;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use alerts::Alert;
pub use backup::{BackupCounts, BackupInfo};
pub use crypto::KeySource;
pub use deletes::Restored;
pub use error::Error;
pub use karvon_domain as domain;
pub use karvon_i18n as i18n;
pub use purchases::{Bought, Purchase, PurchaseInput};
pub use settings::Settings;
pub use status::{TripStatus, WhatIf};
pub use store::AlertHook;
pub use travellers::{Party, Traveller, TravellerInput, TravellerPatch};
pub use trips::{Plan, TripInput, TripPatch, TripRecord};

use karvon_domain::{
    parse_trip, trip::MAX_INPUT_BYTES, Assessment, InputError, Message, Pack, PackSet, Trip,
};

/// The core facade.
#[derive(Debug, Clone)]
pub struct Karvon {
    packs: PackSet,
    data: Option<Arc<Data>>,
}

/// An open data folder.
#[derive(Debug)]
struct Data {
    dir: PathBuf,
    store: store::Store,
    cipher: crypto::Cipher,
    /// The last status of recently viewed trips, with the write count it was built at.
    statuses: std::sync::Mutex<Vec<status::Kept>>,
    /// Statuses built inside a write transaction not yet committed (by the thread writing, with
    /// the write count the commit gives): kept once the commit succeeds.
    written: std::sync::Mutex<Vec<status::Written>>,
    /// This device's signing key, loaded on first use.
    signer: std::sync::OnceLock<Arc<karvon_domain::document::Signer>>,
}

impl Drop for Karvon {
    /// The last handle on a data folder keeps its statuses on disk for the next run
    /// ([`Karvon::save_statuses`]); a failure only means they are rebuilt then.
    fn drop(&mut self) {
        if self
            .data
            .as_ref()
            .is_some_and(|d| Arc::strong_count(d) == 1)
        {
            let _ = self.save_statuses();
        }
    }
}

/// The database file inside a data folder.
pub const DATABASE_FILE: &str = "karvon.sqlite3";

impl Karvon {
    /// A core with the rules packs embedded in the binary, without a data folder.
    pub fn new() -> Result<Self, Error> {
        Ok(Self {
            packs: PackSet::embedded()?,
            data: None,
        })
    }

    /// A core on a data folder (created if missing), with the key that protects identifiers.
    pub fn open(dir: &Path, key: &KeySource) -> Result<Self, Error> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
        let cipher = crypto::Cipher::from_source(key)?;
        let store = store::Store::open(&dir.join(DATABASE_FILE))?;
        let mut packs = PackSet::embedded()?;
        store.read(|c| dist::load_installed_packs(c, &mut packs))?;
        Ok(Self {
            packs,
            data: Some(Arc::new(Data {
                dir: dir.to_owned(),
                store,
                cipher,
                statuses: std::sync::Mutex::new(Vec::new()),
                written: std::sync::Mutex::new(Vec::new()),
                signer: std::sync::OnceLock::new(),
            })),
        })
    }

    /// The platform's data folder for Karvon (e.g. `~/.local/share/karvon`).
    pub fn default_data_dir() -> Option<PathBuf> {
        dirs::data_dir().map(|d| d.join("karvon"))
    }

    /// The default key file: `key` in the platform's config folder for Karvon.
    pub fn default_key_file() -> Option<PathBuf> {
        dirs::config_dir().map(|d| d.join("karvon").join("key"))
    }

    /// The open data folder, or an error telling the front to open one.
    fn data(&self) -> Result<&Data, Error> {
        self.data
            .as_deref()
            .ok_or_else(|| Error::Store(Message::new("error-no-data")))
    }

    /// This device's signing key (made and sealed in the database on first use).
    pub(crate) fn signer(&self) -> Result<Arc<karvon_domain::document::Signer>, Error> {
        let data = self.data()?;
        if let Some(s) = data.signer.get() {
            return Ok(s.clone());
        }
        let s = keys::signer(&data.store, &data.cipher)?;
        Ok(data.signer.get_or_init(|| s).clone())
    }

    /// Changes waiting for sync, oldest first (at most `limit`).
    pub fn pending_changes(&self, limit: usize) -> Result<Vec<store::PendingChange>, Error> {
        self.store()?.read(|c| store::pending(c, limit))
    }

    /// The store of the open data folder.
    pub fn store(&self) -> Result<&store::Store, Error> {
        Ok(&self.data()?.store)
    }

    /// Loads a rules pack file (JSON), replacing the embedded pack of the same jurisdiction.
    pub fn load_pack_file(&mut self, path: &Path) -> Result<&Pack, Error> {
        let text = read_limited(path, karvon_domain::pack::MAX_PACK_BYTES)?;
        let name = path.display().to_string();
        Ok(self.packs.add(&name, &text)?)
    }

    /// The loaded packs.
    pub fn packs(&self) -> &PackSet {
        &self.packs
    }

    /// Reads and validates a trip file.
    pub fn read_trip(&self, path: &Path) -> Result<Trip, Error> {
        let text = read_limited(path, MAX_INPUT_BYTES)?;
        Ok(parse_trip(&text)?)
    }

    /// Assesses a trip.
    pub fn assess(&self, trip: &Trip) -> Result<Assessment, Error> {
        Ok(karvon_domain::assess(trip, &self.packs)?)
    }

    /// Reads and assesses a trip file.
    pub fn assess_file(&self, path: &Path) -> Result<Assessment, Error> {
        self.assess(&self.read_trip(path)?)
    }
}

/// Finds a file of the team's shared reference data (`shared/data/…` in a folder beside the
/// repository, which is read-only and never copied in): `$KARVON_SHARED_DATA` first, then each
/// ancestor of `from`, then `/work/shared/data`. Tests and benches use it for their fixtures.
#[doc(hidden)]
pub fn reference_data(from: &Path, relative: &str) -> Option<PathBuf> {
    let mut roots: Vec<PathBuf> = Vec::new();
    if let Some(d) = std::env::var_os("KARVON_SHARED_DATA") {
        roots.push(PathBuf::from(d));
    }
    roots.extend(from.ancestors().map(|a| a.join("shared").join("data")));
    roots.push(PathBuf::from("/work/shared/data"));
    roots
        .into_iter()
        .map(|r| r.join(relative))
        .find(|p| p.is_file())
}

/// Reads a UTF-8 file, refusing one larger than `limit` before reading it whole.
fn read_limited(path: &Path, limit: usize) -> Result<String, Error> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > limit as u64 {
        return Err(InputError::new(
            "",
            Message::new("input-too-large").int("limit", limit as i64),
        )
        .into());
    }
    let bytes = std::fs::read(path).map_err(io)?;
    String::from_utf8(bytes).map_err(|e| Error::Io {
        path: path.display().to_string(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn assesses_a_file_and_refuses_a_broken_pack() {
        let dir = tempfile::tempdir().unwrap();
        let trip = dir.path().join("trip.json");
        std::fs::write(
            &trip,
            r#"{"jurisdiction":"FI","arrival":"2026-12-10","mode":"air","days_abroad":6,
               "travellers":[{"id":"me","age":34}],
               "items":[{"description":"Watch","kind":"goods","value":"350","currency":"EUR"}]}"#,
        )
        .unwrap();
        let mut k = Karvon::new().unwrap();
        let a = k.assess_file(&trip).unwrap();
        assert_eq!(a.total_due.to_string(), "0.00");

        let pack = dir.path().join("xx.json");
        let mut f = std::fs::File::create(&pack).unwrap();
        f.write_all(br#"{"format":1,"id":"XX","name":"x","currency":"EUR","valid_from":"2026-01-01","sources":{},"rounding":{"conversion":{"mode":"half_up"},"charges":{"mode":"sideways"}}}"#).unwrap();
        let err = k.load_pack_file(&pack).unwrap_err();
        let Error::Pack(e) = err else {
            panic!("expected a pack error")
        };
        assert_eq!(e.field, "rounding.charges.mode");
        assert!(k.packs().get("XX").is_none());

        let missing = k.assess_file(&dir.path().join("nope.json")).unwrap_err();
        assert!(!missing.is_bad_input());
    }
}
