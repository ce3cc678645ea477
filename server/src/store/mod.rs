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

use karvon_domain::sync::Change;

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
        entity: karvon_domain::sync::EntityKind::parse(entity)
            .ok_or_else(|| Error::Corrupt(format!("unknown entity {entity}")))?,
        id,
        field,
        value,
        hlc: hlc.parse().map_err(|e| Error::Corrupt(format!("{e}")))?,
    })
}
