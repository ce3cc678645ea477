//! Storage behind one object-safe async trait, with a SQLite and a PostgreSQL backend.
//!
//! Both keep, per account, a monotonically increasing server sequence over stored changes; a
//! push is stored once per idempotency key (and a change once per entity, id, field and clock),
//! and a pull reads changes after a sequence number.

mod postgres;
mod sqlite;

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;

use karvon_domain::dist::{BundleInfo, BundleKind};
use karvon_domain::sync::wire::{filed_fields, FilingStatus, InspectionChannel};
use karvon_domain::sync::{Change, EntityKind, Hlc};

pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

use crate::Error;

/// The future every storage call returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, Error>> + Send + 'a>>;

/// A device to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDevice {
    /// Its id (derived from the public key).
    pub device_id: String,
    /// The raw 32-byte Ed25519 public key.
    pub public_key: Vec<u8>,
    /// Its name.
    pub name: String,
    /// Now, UTC milliseconds.
    pub now_ms: u64,
}

/// A stored device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRecord {
    /// Its id.
    pub device_id: String,
    /// Its account.
    pub account_id: String,
    /// The raw 32-byte Ed25519 public key.
    pub public_key: Vec<u8>,
    /// Its name.
    pub name: String,
    /// When it joined, UTC milliseconds.
    pub created_ms: u64,
}

/// The acknowledgement of a stored push (the same every time its key is pushed again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PushReceipt {
    /// How many changes were new.
    pub stored: u32,
    /// The account's sequence right after the push.
    pub cursor: u64,
}

/// One page of a pull.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullPage {
    /// Changes in sequence order.
    pub changes: Vec<Change>,
    /// The sequence of the last change returned (or the requested cursor).
    pub next_cursor: u64,
    /// Whether more changes follow.
    pub more: bool,
}

/// A push to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushBatch {
    /// The account.
    pub account_id: String,
    /// The sending device.
    pub device_id: String,
    /// The client's idempotency key (lower case).
    pub idempotency_key: String,
    /// SHA-256 of the batch, to tell a retry from a reused key.
    pub digest: String,
    /// The changes.
    pub changes: Vec<Change>,
    /// Now, UTC milliseconds.
    pub now_ms: u64,
}

/// A declaration to file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFiling {
    /// The account.
    pub account_id: String,
    /// The device that filed it.
    pub device_id: String,
    /// The document's id (lower case).
    pub document_id: String,
    /// The document kind (`passenger`, `cn22`, ...).
    pub kind: String,
    /// The signed envelope as QR payload text.
    pub envelope: String,
    /// The inspection channel the check assigned.
    pub channel: InspectionChannel,
    /// Now, UTC milliseconds.
    pub now_ms: u64,
}

/// A stored filing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingRecord {
    /// The account.
    pub account_id: String,
    /// The document's id.
    pub document_id: String,
    /// The document kind.
    pub kind: String,
    /// The registration number.
    pub registration: String,
    /// The inspection channel.
    pub channel: InspectionChannel,
    /// Where it stands.
    pub status: FilingStatus,
    /// Why it was rejected.
    pub reason: Option<String>,
    /// When it was filed, UTC milliseconds.
    pub filed_ms: u64,
    /// When it last moved, UTC milliseconds.
    pub updated_ms: u64,
}

/// A status decided for a filing (the customs side).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingMove {
    /// The document's id.
    pub document_id: String,
    /// The new status.
    pub status: FilingStatus,
    /// Why, for a rejection.
    pub reason: Option<String>,
    /// Now, UTC milliseconds.
    pub now_ms: u64,
}

/// A signed distribution bundle to store (already signed and checked by `publish`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBundle {
    /// What it carries.
    pub kind: BundleKind,
    /// Which one, in normal form.
    pub name: String,
    /// Its version; must be newer than every stored version of the same kind and name.
    pub version: u64,
    /// When it was published, UTC milliseconds.
    pub published_ms: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// The publisher key id.
    pub key_id: String,
    /// The signed bundle file.
    pub bytes: Vec<u8>,
    /// Now, UTC milliseconds.
    pub now_ms: u64,
}

/// Where the server keeps accounts, devices, nonces, pairing codes and changes.
pub trait Storage: Send + Sync + std::fmt::Debug + 'static {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;

    /// Adds a device with a new account `account_id`; if its key is already registered, returns
    /// that device instead. The flag says whether the device is new.
    fn register(
        &self,
        account_id: String,
        device: NewDevice,
    ) -> StoreFuture<'_, (DeviceRecord, bool)>;

    /// A device by id.
    fn device(&self, device_id: String) -> StoreFuture<'_, Option<DeviceRecord>>;

    /// The devices of an account, oldest first.
    fn devices(&self, account_id: String) -> StoreFuture<'_, Vec<DeviceRecord>>;

    /// Remembers a nonce of a device; `false` if it was used before.
    fn use_nonce(
        &self,
        device_id: String,
        nonce: String,
        timestamp_ms: u64,
    ) -> StoreFuture<'_, bool>;

    /// Forgets nonces whose timestamp is before `before_ms` (those are refused as stale anyway).
    fn forget_nonces(&self, before_ms: u64) -> StoreFuture<'_, ()>;

    /// Stores a pairing code's hash for an account until `expires_ms` (and forgets expired codes).
    fn create_pairing(
        &self,
        account_id: String,
        code_hash: String,
        now_ms: u64,
        expires_ms: u64,
    ) -> StoreFuture<'_, ()>;

    /// Uses a pairing code once, adding the device to the code's account.
    /// Errors: [`Error::PairingInvalid`], [`Error::DeviceExists`] (the code stays usable).
    fn redeem_pairing(&self, code_hash: String, device: NewDevice)
        -> StoreFuture<'_, DeviceRecord>;

    /// Stores a push once per idempotency key. Errors: [`Error::IdempotencyConflict`].
    fn push(&self, batch: PushBatch) -> StoreFuture<'_, PushReceipt>;

    /// Changes of an account after `cursor`, at most `limit`.
    fn pull(&self, account_id: String, cursor: u64, limit: u32) -> StoreFuture<'_, PullPage>;

    /// Files a declaration once per (account, document): a new one is registered under the
    /// next registration number and its status, number and channel are written into the
    /// account's change stream; filing it again returns the stored record unchanged.
    fn file(&self, filing: NewFiling) -> StoreFuture<'_, FilingRecord>;

    /// Every filing (of one account when given), oldest first.
    fn filings(&self, account_id: Option<String>) -> StoreFuture<'_, Vec<FilingRecord>>;

    /// Moves a filing forward (clear, reject, paid) and writes the change into its account's
    /// stream. Errors: [`Error::FilingNotFound`], [`Error::Wire`] (a backward move).
    fn move_filing(&self, change: FilingMove) -> StoreFuture<'_, FilingRecord>;

    /// Stores a signed bundle (every version is kept). Errors: [`Error::BundleNotNewer`] when
    /// a version as new or newer of the same kind and name is stored.
    fn put_bundle(&self, bundle: NewBundle) -> StoreFuture<'_, ()>;

    /// The newest stored version of a bundle.
    fn bundle_version(&self, kind: BundleKind, name: String) -> StoreFuture<'_, Option<u64>>;

    /// The newest version of every bundle, ordered by kind and name (`size` is the file's).
    fn latest_bundles(&self) -> StoreFuture<'_, Vec<BundleInfo>>;

    /// The bytes of the newest version of a bundle.
    fn bundle(&self, kind: BundleKind, name: String) -> StoreFuture<'_, Option<Vec<u8>>>;
}

/// A stored bundle kind, or [`Error::Corrupt`].
pub(crate) fn parse_kind(s: &str) -> Result<BundleKind, Error> {
    BundleKind::parse(s).ok_or_else(|| Error::Corrupt(format!("unknown bundle kind {s}")))
}

/// The changes the server writes when a filing is registered or moves: for the document
/// (number, channel, reason, then status, so devices have them when the status arrives), and
/// for every payment draft of the document when it is paid.
pub(crate) fn filing_changes(f: &FilingRecord, payments: &[String], now_ms: u64) -> Vec<Change> {
    let mut counter = 0;
    let mut out = Vec::new();
    let mut push = |entity: EntityKind, id: &str, field: &str, value: String| {
        out.push(Change {
            entity,
            id: id.to_owned(),
            field: field.to_owned(),
            value,
            hlc: Hlc {
                millis: now_ms,
                counter,
                node: filed_fields::SERVER_NODE.to_owned(),
            },
        });
        counter += 1;
    };
    let json = |s: &str| serde_json::Value::from(s).to_string();
    let doc = &f.document_id;
    match f.status {
        FilingStatus::Paid => {
            for p in payments {
                push(EntityKind::Payment, p, "status", json("paid"));
            }
        }
        FilingStatus::Submitted | FilingStatus::Registered => {
            push(
                EntityKind::Document,
                doc,
                filed_fields::REGISTRATION,
                json(&f.registration),
            );
            push(
                EntityKind::Document,
                doc,
                filed_fields::CHANNEL,
                json(f.channel.as_str()),
            );
            push(
                EntityKind::Document,
                doc,
                filed_fields::STATUS,
                json(f.status.as_str()),
            );
        }
        FilingStatus::Cleared | FilingStatus::Rejected => {
            if let Some(r) = &f.reason {
                push(EntityKind::Document, doc, filed_fields::REASON, json(r));
            }
            push(
                EntityKind::Document,
                doc,
                filed_fields::STATUS,
                json(f.status.as_str()),
            );
        }
    }
    out
}

/// The registration number of the `n`th filing.
pub(crate) fn registration_number(n: i64) -> String {
    format!("KRV-{n:08}")
}

pub(crate) fn parse_channel(s: &str) -> Result<InspectionChannel, Error> {
    Ok(match s {
        "green" => InspectionChannel::Green,
        "yellow" => InspectionChannel::Yellow,
        "red" => InspectionChannel::Red,
        other => return Err(Error::Corrupt(format!("unknown channel {other}"))),
    })
}

pub(crate) fn parse_status(s: &str) -> Result<FilingStatus, Error> {
    Ok(match s {
        "submitted" => FilingStatus::Submitted,
        "registered" => FilingStatus::Registered,
        "paid" => FilingStatus::Paid,
        "cleared" => FilingStatus::Cleared,
        "rejected" => FilingStatus::Rejected,
        other => return Err(Error::Corrupt(format!("unknown filing status {other}"))),
    })
}

/// The payment ids among create records of an account whose document is `document_id`.
pub(crate) fn payments_of(creates: &[(String, String)], document_id: &str) -> Vec<String> {
    creates
        .iter()
        .filter(|(_, v)| {
            serde_json::from_str::<serde_json::Value>(v)
                .ok()
                .and_then(|j| {
                    j.get("document_id")
                        .and_then(|d| d.as_str().map(str::to_owned))
                })
                .is_some_and(|d| d == document_id)
        })
        .map(|(id, _)| id.clone())
        .collect()
}

/// The changes of a batch without repeats of the same (entity, id, field, clock), in order.
pub(crate) fn distinct(changes: Vec<Change>) -> Vec<Change> {
    let mut seen = HashSet::new();
    changes
        .into_iter()
        .filter(|c| seen.insert((c.entity, c.id.clone(), c.field.clone(), c.hlc.to_string())))
        .collect()
}

pub(crate) fn to_i64(v: u64) -> Result<i64, Error> {
    i64::try_from(v).map_err(|_| Error::Corrupt(format!("{v} does not fit a database integer")))
}

pub(crate) fn to_u64(v: i64) -> Result<u64, Error> {
    u64::try_from(v).map_err(|_| Error::Corrupt(format!("negative stored number {v}")))
}

pub(crate) fn read_change(
    entity: &str,
    id: String,
    field: String,
    value: String,
    hlc: &str,
) -> Result<Change, Error> {
    Ok(Change {
        entity: EntityKind::parse(entity)
            .ok_or_else(|| Error::Corrupt(format!("unknown entity {entity}")))?,
        id,
        field,
        value,
        hlc: hlc.parse().map_err(|e| Error::Corrupt(format!("{e}")))?,
    })
}
