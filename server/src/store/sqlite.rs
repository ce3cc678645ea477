//! The SQLite backend: one connection owned by one thread (the single writer); every call is a
//! job sent to that thread and answered over a oneshot channel.

use std::path::Path;
use std::sync::mpsc;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use tokio::sync::oneshot;

use super::{
    distinct, filing_changes, parse_channel, parse_kind, parse_status, payments_of, read_change,
    registration_number, to_i64, to_u64, DeviceRecord, FilingMove, FilingRecord, NewBundle,
    NewDevice, NewFiling, PullPage, PushBatch, PushReceipt, Storage, StoreFuture,
};
use crate::Error;
use karvon_domain::dist::{BundleInfo, BundleKind};
use karvon_domain::sync::Change;

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

/// Numbered migrations; `user_version` holds how many ran.
const MIGRATIONS: &[&str] = &[
    "
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    created_ms INTEGER NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    public_key BLOB NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE INDEX devices_account ON devices(account_id);
CREATE TABLE nonces (
    device_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    timestamp_ms INTEGER NOT NULL,
    PRIMARY KEY (device_id, nonce)
) WITHOUT ROWID;
CREATE INDEX nonces_time ON nonces(timestamp_ms);
CREATE TABLE pairing_codes (
    code_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    expires_ms INTEGER NOT NULL
);
CREATE INDEX pairing_codes_account ON pairing_codes(account_id);
CREATE TABLE pushes (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    idempotency_key TEXT NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices(id),
    digest TEXT NOT NULL,
    stored INTEGER NOT NULL,
    cursor INTEGER NOT NULL,
    received_ms INTEGER NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX pushes_device ON pushes(device_id);
CREATE TABLE changes (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    seq INTEGER NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices(id),
    PRIMARY KEY (account_id, seq)
);
CREATE UNIQUE INDEX changes_identity ON changes(account_id, entity, entity_id, field, hlc);
CREATE INDEX changes_device ON changes(device_id);
",
    "
CREATE TABLE filings (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    document_id TEXT NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices(id),
    kind TEXT NOT NULL,
    envelope TEXT NOT NULL,
    number INTEGER NOT NULL UNIQUE,
    registration TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    filed_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (account_id, document_id)
);
CREATE INDEX filings_document ON filings(document_id);
",
    "
CREATE TABLE bundles (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    published_ms INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    key_id TEXT NOT NULL,
    bytes BLOB NOT NULL,
    stored_ms INTEGER NOT NULL,
    PRIMARY KEY (kind, name, version)
);
",
];

/// The SQLite store.
#[derive(Debug)]
pub struct SqliteStore {
    jobs: mpsc::Sender<Job>,
}

impl SqliteStore {
    /// Opens (creating and migrating) the database file and starts its thread.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let mut conn = Connection::open(path)?;
        prepare(&mut conn)?;
        let (jobs, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("karvon-sqlite".into())
            .spawn(move || {
                while let Ok(job) = rx.recv() {
                    job(&mut conn);
                }
            })
            .map_err(|e| Error::Io {
                what: "the SQLite thread".into(),
                detail: e.to_string(),
            })?;
        Ok(Self { jobs })
    }

    fn call<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, Error> + Send + 'static,
    ) -> StoreFuture<'_, T> {
        let (tx, rx) = oneshot::channel();
        let sent = self.jobs.send(Box::new(move |conn| {
            let _ = tx.send(f(conn));
        }));
        Box::pin(async move {
            let gone = || Error::Storage {
                backend: "sqlite",
                detail: "the database thread stopped".into(),
            };
            sent.map_err(|_| gone())?;
            rx.await.map_err(|_| gone())?
        })
    }
}

fn prepare(conn: &mut Connection) -> Result<(), Error> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    if version > known {
        return Err(Error::Corrupt(format!(
            "database schema version {version} is newer than this server ({known})"
        )));
    }
    for (n, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(version).unwrap_or(0))
    {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(
            None,
            "user_version",
            i64::try_from(n + 1).unwrap_or(i64::MAX),
        )?;
        tx.commit()?;
    }
    Ok(())
}

/// Runs `f` in an immediate transaction committed with a full sync (acknowledged data survives
/// power loss; nonce writes use the connection's lighter default).
fn durable<T>(
    conn: &mut Connection,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<Option<T>, Error>,
) -> Result<Option<T>, Error> {
    conn.pragma_update(None, "synchronous", "FULL")?;
    let result = (|| {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        if out.is_some() {
            tx.commit()?;
        }
        Ok(out)
    })();
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    result
}

fn device_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, String, Vec<u8>, String, i64)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn to_record(row: (String, String, Vec<u8>, String, i64)) -> Result<DeviceRecord, Error> {
    Ok(DeviceRecord {
        device_id: row.0,
        account_id: row.1,
        public_key: row.2,
        name: row.3,
        created_ms: to_u64(row.4)?,
    })
}

const DEVICE_COLUMNS: &str = "id, account_id, public_key, name, created_ms";

fn device_by(
    conn: &Connection,
    column: &str,
    value: &dyn rusqlite::ToSql,
) -> Result<Option<DeviceRecord>, Error> {
    let sql = format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE {column} = ?1");
    conn.prepare_cached(&sql)?
        .query_row([value], device_row)
        .optional()?
        .map(to_record)
        .transpose()
}

fn insert_device(tx: &Connection, account_id: &str, d: &NewDevice) -> Result<bool, Error> {
    Ok(tx
        .prepare_cached(
            "INSERT INTO devices (id, account_id, public_key, name, created_ms)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            d.device_id,
            account_id,
            d.public_key,
            d.name,
            to_i64(d.now_ms)?
        ])?
        == 1)
}

const FILING_COLUMNS: &str =
    "account_id, document_id, kind, registration, channel, status, reason, filed_ms, updated_ms";

fn read_filing(r: &rusqlite::Row<'_>) -> Result<FilingRecord, Error> {
    Ok(FilingRecord {
        account_id: r.get(0)?,
        document_id: r.get(1)?,
        kind: r.get(2)?,
        registration: r.get(3)?,
        channel: parse_channel(&r.get::<_, String>(4)?)?,
        status: parse_status(&r.get::<_, String>(5)?)?,
        reason: r.get(6)?,
        filed_ms: to_u64(r.get(7)?)?,
        updated_ms: to_u64(r.get(8)?)?,
    })
}

fn filing_by(
    conn: &Connection,
    account_id: Option<&str>,
    document_id: &str,
) -> Result<Option<FilingRecord>, Error> {
    let sql = format!(
        "SELECT {FILING_COLUMNS} FROM filings WHERE document_id = ?1
         AND (?2 IS NULL OR account_id = ?2) ORDER BY filed_ms LIMIT 1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params![document_id, account_id])?;
    match rows.next()? {
        Some(r) => Ok(Some(read_filing(r)?)),
        None => Ok(None),
    }
}

/// Appends server-written changes to an account's stream under its sequence.
fn append(
    tx: &rusqlite::Transaction<'_>,
    account_id: &str,
    device_id: &str,
    changes: &[Change],
) -> Result<(), Error> {
    let last: i64 = tx
        .prepare_cached("SELECT last_seq FROM accounts WHERE id = ?1")?
        .query_row([account_id], |r| r.get(0))?;
    let mut seq = last;
    let mut insert = tx.prepare_cached(
        "INSERT INTO changes (account_id, seq, entity, entity_id, field, value, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
    )?;
    for c in changes {
        let n = insert.execute(params![
            account_id,
            seq + 1,
            c.entity.as_str(),
            c.id,
            c.field,
            c.value,
            c.hlc.to_string(),
            device_id
        ])?;
        seq += i64::try_from(n).unwrap_or(0);
    }
    tx.prepare_cached("UPDATE accounts SET last_seq = ?2 WHERE id = ?1")?
        .execute(params![account_id, seq])?;
    Ok(())
}

impl Storage for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    fn register(
        &self,
        account_id: String,
        device: NewDevice,
    ) -> StoreFuture<'_, (DeviceRecord, bool)> {
        self.call(move |conn| {
            let created = durable(conn, |tx| {
                tx.execute(
                    "INSERT INTO accounts (id, created_ms) VALUES (?1, ?2)",
                    params![account_id, to_i64(device.now_ms)?],
                )?;
                Ok(insert_device(tx, &account_id, &device)?.then_some(()))
            })?
            .is_some();
            let record = device_by(conn, "public_key", &device.public_key)?
                .ok_or_else(|| Error::Corrupt("registered device vanished".into()))?;
            Ok((record, created))
        })
    }

    fn device(&self, device_id: String) -> StoreFuture<'_, Option<DeviceRecord>> {
        self.call(move |conn| device_by(conn, "id", &device_id))
    }

    fn devices(&self, account_id: String) -> StoreFuture<'_, Vec<DeviceRecord>> {
        self.call(move |conn| {
            let sql = format!(
                "SELECT {DEVICE_COLUMNS} FROM devices WHERE account_id = ?1 ORDER BY created_ms, id"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([account_id], device_row)?;
            rows.map(|r| to_record(r?)).collect()
        })
    }

    fn use_nonce(
        &self,
        device_id: String,
        nonce: String,
        timestamp_ms: u64,
    ) -> StoreFuture<'_, bool> {
        self.call(move |conn| {
            Ok(conn
                .prepare_cached(
                    "INSERT INTO nonces (device_id, nonce, timestamp_ms) VALUES (?1, ?2, ?3)
                     ON CONFLICT DO NOTHING",
                )?
                .execute(params![device_id, nonce, to_i64(timestamp_ms)?])?
                == 1)
        })
    }

    fn forget_nonces(&self, before_ms: u64) -> StoreFuture<'_, ()> {
        self.call(move |conn| {
            conn.prepare_cached("DELETE FROM nonces WHERE timestamp_ms < ?1")?
                .execute([to_i64(before_ms)?])?;
            Ok(())
        })
    }

    fn create_pairing(
        &self,
        account_id: String,
        code_hash: String,
        now_ms: u64,
        expires_ms: u64,
    ) -> StoreFuture<'_, ()> {
        self.call(move |conn| {
            durable(conn, |tx| {
                // Drop codes that expired, while here.
                tx.execute(
                    "DELETE FROM pairing_codes WHERE expires_ms < ?1",
                    [to_i64(now_ms)?],
                )?;
                tx.execute(
                    "INSERT INTO pairing_codes (code_hash, account_id, expires_ms) VALUES (?1, ?2, ?3)",
                    params![code_hash, account_id, to_i64(expires_ms)?],
                )?;
                Ok(Some(()))
            })?;
            Ok(())
        })
    }

    fn redeem_pairing(
        &self,
        code_hash: String,
        device: NewDevice,
    ) -> StoreFuture<'_, DeviceRecord> {
        self.call(move |conn| {
            let mut outcome = Err(Error::PairingInvalid);
            durable(conn, |tx| {
                let found: Option<(String, i64)> = tx
                    .query_row(
                        "DELETE FROM pairing_codes WHERE code_hash = ?1 RETURNING account_id, expires_ms",
                        [&code_hash],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let Some((account_id, expires_ms)) = found else {
                    return Ok(None);
                };
                if to_u64(expires_ms)? < device.now_ms {
                    // Expired: the code is gone for good.
                    return Ok(Some(()));
                }
                if !insert_device(tx, &account_id, &device)? {
                    outcome = Err(Error::DeviceExists);
                    return Ok(None);
                }
                outcome = Ok(());
                Ok(Some(()))
            })?;
            outcome?;
            device_by(conn, "id", &device.device_id)?
                .ok_or_else(|| Error::Corrupt("paired device vanished".into()))
        })
    }

    fn push(&self, batch: PushBatch) -> StoreFuture<'_, PushReceipt> {
        self.call(move |conn| {
            let mut conflict = false;
            let receipt = durable(conn, |tx| {
                let last: i64 = tx
                    .prepare_cached("SELECT last_seq FROM accounts WHERE id = ?1")?
                    .query_row([&batch.account_id], |r| r.get(0))?;
                let earlier: Option<(String, i64, i64)> = tx
                    .prepare_cached(
                        "SELECT digest, stored, cursor FROM pushes
                         WHERE account_id = ?1 AND idempotency_key = ?2",
                    )?
                    .query_row(params![batch.account_id, batch.idempotency_key], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })
                    .optional()?;
                if let Some((digest, stored, cursor)) = earlier {
                    if digest != batch.digest {
                        conflict = true;
                        return Ok(None);
                    }
                    return Ok(Some(PushReceipt {
                        stored: u32::try_from(stored).unwrap_or(0),
                        cursor: to_u64(cursor)?,
                    }));
                }
                let mut seq = last;
                let mut insert = tx.prepare_cached(
                    "INSERT INTO changes (account_id, seq, entity, entity_id, field, value, hlc, device_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
                )?;
                for c in distinct(batch.changes.clone()) {
                    let n = insert.execute(params![
                        batch.account_id,
                        seq + 1,
                        c.entity.as_str(),
                        c.id,
                        c.field,
                        c.value,
                        c.hlc.to_string(),
                        batch.device_id
                    ])?;
                    seq += i64::try_from(n).unwrap_or(0);
                }
                drop(insert);
                tx.prepare_cached("UPDATE accounts SET last_seq = ?2 WHERE id = ?1")?
                    .execute(params![batch.account_id, seq])?;
                let stored = seq - last;
                tx.prepare_cached(
                    "INSERT INTO pushes (account_id, idempotency_key, device_id, digest, stored, cursor, received_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    batch.account_id,
                    batch.idempotency_key,
                    batch.device_id,
                    batch.digest,
                    stored,
                    seq,
                    to_i64(batch.now_ms)?
                ])?;
                Ok(Some(PushReceipt {
                    stored: u32::try_from(stored).unwrap_or(u32::MAX),
                    cursor: to_u64(seq)?,
                }))
            })?;
            match receipt {
                Some(r) => Ok(r),
                None if conflict => Err(Error::IdempotencyConflict(batch.idempotency_key)),
                None => Err(Error::Corrupt("push produced no receipt".into())),
            }
        })
    }

    fn pull(&self, account_id: String, cursor: u64, limit: u32) -> StoreFuture<'_, PullPage> {
        self.call(move |conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT seq, entity, entity_id, field, value, hlc FROM changes
                 WHERE account_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
            )?;
            let rows = stmt.query_map(
                params![account_id, to_i64(cursor)?, i64::from(limit) + 1],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                },
            )?;
            let mut page = PullPage {
                changes: Vec::new(),
                next_cursor: cursor,
                more: false,
            };
            for row in rows {
                let (seq, entity, id, field, value, hlc) = row?;
                if page.changes.len() == usize::try_from(limit).unwrap_or(usize::MAX) {
                    page.more = true;
                    break;
                }
                page.changes
                    .push(read_change(&entity, id, field, value, &hlc)?);
                page.next_cursor = to_u64(seq)?;
            }
            Ok(page)
        })
    }

    fn file(&self, filing: NewFiling) -> StoreFuture<'_, FilingRecord> {
        self.call(move |conn| {
            if let Some(f) = filing_by(conn, Some(&filing.account_id), &filing.document_id)? {
                return Ok(f);
            }
            durable(conn, |tx| {
                if filing_by(tx, Some(&filing.account_id), &filing.document_id)?.is_some() {
                    return Ok(Some(()));
                }
                let n: i64 = tx.query_row(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM filings",
                    [],
                    |r| r.get(0),
                )?;
                let record = FilingRecord {
                    account_id: filing.account_id.clone(),
                    document_id: filing.document_id.clone(),
                    kind: filing.kind.clone(),
                    registration: registration_number(n),
                    channel: filing.channel,
                    status: karvon_domain::sync::wire::FilingStatus::Registered,
                    reason: None,
                    filed_ms: filing.now_ms,
                    updated_ms: filing.now_ms,
                };
                tx.execute(
                    "INSERT INTO filings (account_id, document_id, device_id, kind, envelope,
                     number, registration, channel, status, reason, filed_ms, updated_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, ?10, ?10)",
                    params![
                        record.account_id,
                        record.document_id,
                        filing.device_id,
                        record.kind,
                        filing.envelope,
                        n,
                        record.registration,
                        record.channel.as_str(),
                        record.status.as_str(),
                        to_i64(filing.now_ms)?
                    ],
                )?;
                let changes = filing_changes(&record, &[], filing.now_ms);
                append(tx, &record.account_id, &filing.device_id, &changes)?;
                Ok(Some(()))
            })?;
            filing_by(conn, Some(&filing.account_id), &filing.document_id)?
                .ok_or_else(|| Error::Corrupt("filing vanished".into()))
        })
    }

    fn filings(&self, account_id: Option<String>) -> StoreFuture<'_, Vec<FilingRecord>> {
        self.call(move |conn| {
            let sql = format!(
                "SELECT {FILING_COLUMNS} FROM filings WHERE ?1 IS NULL OR account_id = ?1
                 ORDER BY number"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let mut rows = stmt.query([account_id])?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                out.push(read_filing(r)?);
            }
            Ok(out)
        })
    }

    fn move_filing(&self, change: FilingMove) -> StoreFuture<'_, FilingRecord> {
        self.call(move |conn| {
            let mut refused = None;
            durable(conn, |tx| {
                let Some(mut f) = filing_by(tx, None, &change.document_id)? else {
                    refused = Some(Error::FilingNotFound(change.document_id.clone()));
                    return Ok(None);
                };
                if !f.status.can_advance_to(change.status) {
                    refused = Some(Error::Wire(
                        karvon_domain::sync::wire::WireError::StatusBackwards {
                            from: f.status,
                            to: change.status,
                        },
                    ));
                    return Ok(None);
                }
                let device_id: String = tx.query_row(
                    "SELECT device_id FROM filings WHERE account_id = ?1 AND document_id = ?2",
                    params![f.account_id, f.document_id],
                    |r| r.get(0),
                )?;
                f.status = change.status;
                if change.reason.is_some() {
                    f.reason = change.reason.clone();
                }
                f.updated_ms = change.now_ms;
                tx.execute(
                    "UPDATE filings SET status = ?3, reason = COALESCE(?4, reason), updated_ms = ?5
                     WHERE account_id = ?1 AND document_id = ?2",
                    params![
                        f.account_id,
                        f.document_id,
                        f.status.as_str(),
                        f.reason,
                        to_i64(change.now_ms)?
                    ],
                )?;
                let creates: Vec<(String, String)> = {
                    let mut s = tx.prepare_cached(
                        "SELECT entity_id, value FROM changes WHERE account_id = ?1
                         AND entity = 'payment' AND field = '*'",
                    )?;
                    let rows = s.query_map([&f.account_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    rows.collect::<Result<_, _>>()?
                };
                let payments = payments_of(&creates, &f.document_id);
                let changes = filing_changes(&f, &payments, change.now_ms);
                append(tx, &f.account_id, &device_id, &changes)?;
                Ok(Some(()))
            })?;
            if let Some(e) = refused {
                return Err(e);
            }
            filing_by(conn, None, &change.document_id)?
                .ok_or_else(|| Error::Corrupt("filing vanished".into()))
        })
    }

    fn put_bundle(&self, b: NewBundle) -> StoreFuture<'_, ()> {
        self.call(move |conn| {
            let mut refused = None;
            durable(conn, |tx| {
                let latest: Option<i64> = tx.query_row(
                    "SELECT max(version) FROM bundles WHERE kind = ?1 AND name = ?2",
                    params![b.kind.as_str(), b.name],
                    |r| r.get(0),
                )?;
                if let Some(latest) = latest.map(to_u64).transpose()? {
                    if b.version <= latest {
                        refused = Some(Error::BundleNotNewer {
                            kind: b.kind,
                            name: b.name.clone(),
                            version: b.version,
                            latest,
                        });
                        return Ok(None);
                    }
                }
                tx.execute(
                    "INSERT INTO bundles(kind, name, version, published_ms, sha256, key_id, bytes,
                         stored_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        b.kind.as_str(),
                        b.name,
                        to_i64(b.version)?,
                        b.published_ms,
                        b.sha256,
                        b.key_id,
                        b.bytes,
                        to_i64(b.now_ms)?
                    ],
                )?;
                Ok(Some(()))
            })?;
            match refused {
                Some(e) => Err(e),
                None => Ok(()),
            }
        })
    }

    fn bundle_version(&self, kind: BundleKind, name: String) -> StoreFuture<'_, Option<u64>> {
        self.call(move |conn| {
            let v: Option<i64> = conn.query_row(
                "SELECT max(version) FROM bundles WHERE kind = ?1 AND name = ?2",
                params![kind.as_str(), name],
                |r| r.get(0),
            )?;
            v.map(to_u64).transpose()
        })
    }

    fn latest_bundles(&self) -> StoreFuture<'_, Vec<BundleInfo>> {
        self.call(move |conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT b.kind, b.name, b.version, b.published_ms, length(b.bytes), b.sha256,
                        b.key_id
                 FROM bundles b
                 WHERE b.version = (SELECT max(x.version) FROM bundles x
                                    WHERE x.kind = b.kind AND x.name = b.name)
                 ORDER BY b.kind, b.name",
            )?;
            let mut rows = stmt.query([])?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                out.push(BundleInfo {
                    kind: parse_kind(&r.get::<_, String>(0)?)?,
                    name: r.get(1)?,
                    version: to_u64(r.get(2)?)?,
                    published_ms: r.get(3)?,
                    size: to_u64(r.get(4)?)?,
                    sha256: r.get(5)?,
                    key_id: r.get(6)?,
                });
            }
            Ok(out)
        })
    }

    fn bundle(&self, kind: BundleKind, name: String) -> StoreFuture<'_, Option<Vec<u8>>> {
        self.call(move |conn| {
            Ok(conn
                .query_row(
                    "SELECT bytes FROM bundles WHERE kind = ?1 AND name = ?2
                     ORDER BY version DESC LIMIT 1",
                    params![kind.as_str(), name],
                    |r| r.get(0),
                )
                .optional()?)
        })
    }
}
