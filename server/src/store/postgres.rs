//! The PostgreSQL backend (tokio-postgres, no TLS: run it on a private network or a socket) with
//! a small connection pool. Many server processes may share one database: every push locks its
//! account's row, so sequences stay gap-free and commit in order per account.

use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::{Mutex, MutexGuard};
use tokio_postgres::{Client, Config, NoTls};

use super::{
    distinct, filing_changes, parse_channel, parse_kind, parse_status, payments_of, read_change,
    registration_number, to_i64, to_u64, DeviceRecord, FilingMove, FilingRecord, NewBundle,
    NewDevice, NewFiling, PullPage, PushBatch, PushReceipt, Storage, StoreFuture,
};
use crate::Error;
use karvon_domain::dist::{BundleInfo, BundleKind};
use karvon_domain::sync::Change;

/// Numbered migrations; `karvon_schema.version` holds how many ran.
const MIGRATIONS: &[&str] = &[
    "
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    created_ms BIGINT NOT NULL,
    last_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    public_key BYTEA NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);
CREATE INDEX devices_account ON devices(account_id);
CREATE TABLE nonces (
    device_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    timestamp_ms BIGINT NOT NULL,
    PRIMARY KEY (device_id, nonce)
);
CREATE INDEX nonces_time ON nonces(timestamp_ms);
CREATE TABLE pairing_codes (
    code_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    expires_ms BIGINT NOT NULL
);
CREATE INDEX pairing_codes_account ON pairing_codes(account_id);
CREATE TABLE pushes (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    idempotency_key TEXT NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices(id),
    digest TEXT NOT NULL,
    stored BIGINT NOT NULL,
    cursor BIGINT NOT NULL,
    received_ms BIGINT NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX pushes_device ON pushes(device_id);
CREATE TABLE changes (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    seq BIGINT NOT NULL,
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
CREATE SEQUENCE filing_numbers;
CREATE TABLE filings (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    document_id TEXT NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices(id),
    kind TEXT NOT NULL,
    envelope TEXT NOT NULL,
    number BIGINT NOT NULL UNIQUE,
    registration TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    filed_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL,
    PRIMARY KEY (account_id, document_id)
);
CREATE INDEX filings_document ON filings(document_id);
",
    "
CREATE TABLE bundles (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    version BIGINT NOT NULL,
    published_ms BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    key_id TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    stored_ms BIGINT NOT NULL,
    PRIMARY KEY (kind, name, version)
);
",
];

/// Advisory lock key that serialises migrations between server processes.
const MIGRATION_LOCK: i64 = 0x4b61_7276_6f6e;

/// The PostgreSQL store.
#[derive(Debug)]
pub struct PostgresStore {
    config: Config,
    slots: Vec<Mutex<Option<Client>>>,
    next: AtomicUsize,
}

impl PostgresStore {
    /// Connects with a `postgres://…` URL (`?host=/socket/dir` for a Unix socket), keeping up to
    /// `pool_size` connections, and runs pending migrations.
    pub async fn connect(url: &str, pool_size: usize) -> Result<Self, Error> {
        let config: Config = url.parse().map_err(Error::postgres)?;
        let store = Self {
            config,
            slots: (0..pool_size.max(1)).map(|_| Mutex::new(None)).collect(),
            next: AtomicUsize::new(0),
        };
        store.migrate().await?;
        Ok(store)
    }

    /// A connection slot: a free one if any, else the next in turn (waiting for it).
    async fn slot(&self) -> MutexGuard<'_, Option<Client>> {
        for slot in &self.slots {
            if let Ok(guard) = slot.try_lock() {
                return guard;
            }
        }
        let n = self.next.fetch_add(1, Ordering::Relaxed) % self.slots.len();
        self.slots[n].lock().await
    }

    /// The slot's connection, (re)connecting when it is missing or broken.
    async fn ready<'g>(
        &self,
        slot: &'g mut MutexGuard<'_, Option<Client>>,
    ) -> Result<&'g mut Client, Error> {
        if !matches!(&**slot, Some(c) if !c.is_closed()) {
            let (client, connection) = self.config.connect(NoTls).await?;
            tokio::spawn(async move {
                // The connection ends when the server goes away; the client then reports
                // itself closed and the slot reconnects on next use.
                let _ = connection.await;
            });
            **slot = Some(client);
        }
        slot.as_mut().ok_or_else(|| Error::Storage {
            backend: "postgres",
            detail: "no connection".into(),
        })
    }

    async fn migrate(&self) -> Result<(), Error> {
        let mut slot = self.slot().await;
        let tx = self.ready(&mut slot).await?.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS karvon_schema (version BIGINT NOT NULL)")
            .await?;
        let version: i64 = match tx
            .query_opt("SELECT version FROM karvon_schema", &[])
            .await?
        {
            Some(row) => row.try_get(0)?,
            None => {
                tx.execute("INSERT INTO karvon_schema (version) VALUES (0)", &[])
                    .await?;
                0
            }
        };
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
            tx.batch_execute(sql).await?;
            let v = i64::try_from(n + 1).unwrap_or(i64::MAX);
            tx.execute("UPDATE karvon_schema SET version = $1", &[&v])
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

const DEVICE_COLUMNS: &str = "id, account_id, public_key, name, created_ms";

fn to_record(row: &tokio_postgres::Row) -> Result<DeviceRecord, Error> {
    Ok(DeviceRecord {
        device_id: row.try_get(0)?,
        account_id: row.try_get(1)?,
        public_key: row.try_get(2)?,
        name: row.try_get(3)?,
        created_ms: to_u64(row.try_get(4)?)?,
    })
}

async fn device_by_key(client: &Client, public_key: &[u8]) -> Result<Option<DeviceRecord>, Error> {
    let sql = format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE public_key = $1");
    client
        .query_opt(&sql, &[&public_key])
        .await?
        .as_ref()
        .map(to_record)
        .transpose()
}

async fn insert_device(
    tx: &tokio_postgres::Transaction<'_>,
    account_id: &str,
    d: &NewDevice,
) -> Result<bool, Error> {
    Ok(tx
        .execute(
            "INSERT INTO devices (id, account_id, public_key, name, created_ms)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            &[
                &d.device_id,
                &account_id,
                &d.public_key,
                &d.name,
                &to_i64(d.now_ms)?,
            ],
        )
        .await?
        == 1)
}

const FILING_COLUMNS: &str =
    "account_id, document_id, kind, registration, channel, status, reason, filed_ms, updated_ms";

fn read_filing(r: &tokio_postgres::Row) -> Result<FilingRecord, Error> {
    Ok(FilingRecord {
        account_id: r.try_get(0)?,
        document_id: r.try_get(1)?,
        kind: r.try_get(2)?,
        registration: r.try_get(3)?,
        channel: parse_channel(r.try_get(4)?)?,
        status: parse_status(r.try_get(5)?)?,
        reason: r.try_get(6)?,
        filed_ms: to_u64(r.try_get(7)?)?,
        updated_ms: to_u64(r.try_get(8)?)?,
    })
}

async fn filing_by(
    client: &impl tokio_postgres::GenericClient,
    account_id: Option<&str>,
    document_id: &str,
) -> Result<Option<FilingRecord>, Error> {
    let sql = format!(
        "SELECT {FILING_COLUMNS} FROM filings WHERE document_id = $1
         AND ($2::text IS NULL OR account_id = $2) ORDER BY filed_ms LIMIT 1"
    );
    client
        .query_opt(&sql, &[&document_id, &account_id])
        .await?
        .as_ref()
        .map(read_filing)
        .transpose()
}

/// Appends server-written changes to an account's stream (the account row is locked).
async fn append(
    tx: &tokio_postgres::Transaction<'_>,
    account_id: &str,
    device_id: &str,
    changes: &[Change],
) -> Result<(), Error> {
    let last: i64 = tx
        .query_one(
            "SELECT last_seq FROM accounts WHERE id = $1 FOR UPDATE",
            &[&account_id],
        )
        .await?
        .try_get(0)?;
    let mut seq = last;
    for c in changes {
        let n = tx
            .execute(
                "INSERT INTO changes (account_id, seq, entity, entity_id, field, value, hlc, device_id)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
                &[
                    &account_id,
                    &(seq + 1),
                    &c.entity.as_str(),
                    &c.id,
                    &c.field,
                    &c.value,
                    &c.hlc.to_string(),
                    &device_id,
                ],
            )
            .await?;
        seq += i64::try_from(n).unwrap_or(0);
    }
    tx.execute(
        "UPDATE accounts SET last_seq = $2 WHERE id = $1",
        &[&account_id, &seq],
    )
    .await?;
    Ok(())
}

impl Storage for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    fn register(
        &self,
        account_id: String,
        device: NewDevice,
    ) -> StoreFuture<'_, (DeviceRecord, bool)> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let tx = client.transaction().await?;
            tx.execute(
                "INSERT INTO accounts (id, created_ms) VALUES ($1, $2)",
                &[&account_id, &to_i64(device.now_ms)?],
            )
            .await?;
            let created = insert_device(&tx, &account_id, &device).await?;
            if created {
                tx.commit().await?;
            } else {
                tx.rollback().await?;
            }
            let record = device_by_key(client, &device.public_key)
                .await?
                .ok_or_else(|| Error::Corrupt("registered device vanished".into()))?;
            Ok((record, created))
        })
    }

    fn device(&self, device_id: String) -> StoreFuture<'_, Option<DeviceRecord>> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let sql = format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE id = $1");
            client
                .query_opt(&sql, &[&device_id])
                .await?
                .as_ref()
                .map(to_record)
                .transpose()
        })
    }

    fn devices(&self, account_id: String) -> StoreFuture<'_, Vec<DeviceRecord>> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let sql = format!(
                "SELECT {DEVICE_COLUMNS} FROM devices WHERE account_id = $1 ORDER BY created_ms, id"
            );
            client
                .query(&sql, &[&account_id])
                .await?
                .iter()
                .map(to_record)
                .collect()
        })
    }

    fn use_nonce(
        &self,
        device_id: String,
        nonce: String,
        timestamp_ms: u64,
    ) -> StoreFuture<'_, bool> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let tx = client.transaction().await?;
            // A lost nonce after a crash only reopens a replay window of minutes; skip the fsync.
            tx.batch_execute("SET LOCAL synchronous_commit = off")
                .await?;
            let fresh = tx
                .execute(
                    "INSERT INTO nonces (device_id, nonce, timestamp_ms) VALUES ($1, $2, $3)
                     ON CONFLICT DO NOTHING",
                    &[&device_id, &nonce, &to_i64(timestamp_ms)?],
                )
                .await?
                == 1;
            tx.commit().await?;
            Ok(fresh)
        })
    }

    fn forget_nonces(&self, before_ms: u64) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            self.ready(&mut slot)
                .await?
                .execute(
                    "DELETE FROM nonces WHERE timestamp_ms < $1",
                    &[&to_i64(before_ms)?],
                )
                .await?;
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
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let tx = client.transaction().await?;
            tx.execute(
                "DELETE FROM pairing_codes WHERE expires_ms < $1",
                &[&to_i64(now_ms)?],
            )
            .await?;
            tx.execute(
                "INSERT INTO pairing_codes (code_hash, account_id, expires_ms) VALUES ($1, $2, $3)",
                &[&code_hash, &account_id, &to_i64(expires_ms)?],
            )
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    fn redeem_pairing(
        &self,
        code_hash: String,
        device: NewDevice,
    ) -> StoreFuture<'_, DeviceRecord> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let tx = client.transaction().await?;
            let Some(row) = tx
                .query_opt(
                    "DELETE FROM pairing_codes WHERE code_hash = $1 RETURNING account_id, expires_ms",
                    &[&code_hash],
                )
                .await?
            else {
                return Err(Error::PairingInvalid);
            };
            let account_id: String = row.try_get(0)?;
            if to_u64(row.try_get(1)?)? < device.now_ms {
                tx.commit().await?;
                return Err(Error::PairingInvalid);
            }
            if !insert_device(&tx, &account_id, &device).await? {
                tx.rollback().await?;
                return Err(Error::DeviceExists);
            }
            tx.commit().await?;
            device_by_key(client, &device.public_key)
                .await?
                .ok_or_else(|| Error::Corrupt("paired device vanished".into()))
        })
    }

    fn push(&self, batch: PushBatch) -> StoreFuture<'_, PushReceipt> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let tx = client.transaction().await?;
            let last: i64 = tx
                .query_one(
                    "SELECT last_seq FROM accounts WHERE id = $1 FOR UPDATE",
                    &[&batch.account_id],
                )
                .await?
                .try_get(0)?;
            if let Some(row) = tx
                .query_opt(
                    "SELECT digest, stored, cursor FROM pushes
                     WHERE account_id = $1 AND idempotency_key = $2",
                    &[&batch.account_id, &batch.idempotency_key],
                )
                .await?
            {
                let digest: String = row.try_get(0)?;
                if digest != batch.digest {
                    return Err(Error::IdempotencyConflict(batch.idempotency_key));
                }
                return Ok(PushReceipt {
                    stored: u32::try_from(row.try_get::<_, i64>(1)?).unwrap_or(0),
                    cursor: to_u64(row.try_get(2)?)?,
                });
            }
            let changes = distinct(batch.changes);
            let mut entities = Vec::with_capacity(changes.len());
            let mut ids = Vec::with_capacity(changes.len());
            let mut fields = Vec::with_capacity(changes.len());
            let mut hlcs = Vec::with_capacity(changes.len());
            for c in &changes {
                entities.push(c.entity.as_str().to_owned());
                ids.push(c.id.clone());
                fields.push(c.field.clone());
                hlcs.push(c.hlc.to_string());
            }
            let existing: std::collections::HashSet<(String, String, String, String)> = tx
                .query(
                    "SELECT c.entity, c.entity_id, c.field, c.hlc
                     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(e, i, f, h)
                     JOIN changes c ON c.account_id = $1 AND c.entity = t.e
                      AND c.entity_id = t.i AND c.field = t.f AND c.hlc = t.h",
                    &[&batch.account_id, &entities, &ids, &fields, &hlcs],
                )
                .await?
                .iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)))
                .collect::<Result<_, Error>>()?;
            let (mut e, mut i, mut f, mut v, mut h) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for (n, c) in changes.into_iter().enumerate() {
                let key = (
                    entities[n].clone(),
                    c.id.clone(),
                    c.field.clone(),
                    hlcs[n].clone(),
                );
                if existing.contains(&key) {
                    continue;
                }
                e.push(key.0);
                i.push(c.id);
                f.push(c.field);
                v.push(c.value);
                h.push(key.3);
            }
            let stored = i64::try_from(e.len()).unwrap_or(i64::MAX);
            if stored > 0 {
                tx.execute(
                    "INSERT INTO changes (account_id, seq, entity, entity_id, field, value, hlc, device_id)
                     SELECT $1, $2 + t.o, t.e, t.i, t.f, t.v, t.h, $3
                     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                          WITH ORDINALITY AS t(e, i, f, v, h, o)",
                    &[&batch.account_id, &last, &batch.device_id, &e, &i, &f, &v, &h],
                )
                .await?;
            }
            let cursor = last + stored;
            tx.execute(
                "UPDATE accounts SET last_seq = $2 WHERE id = $1",
                &[&batch.account_id, &cursor],
            )
            .await?;
            tx.execute(
                "INSERT INTO pushes (account_id, idempotency_key, device_id, digest, stored, cursor, received_ms)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    &batch.account_id,
                    &batch.idempotency_key,
                    &batch.device_id,
                    &batch.digest,
                    &stored,
                    &cursor,
                    &to_i64(batch.now_ms)?,
                ],
            )
            .await?;
            tx.commit().await?;
            Ok(PushReceipt {
                stored: u32::try_from(stored).unwrap_or(u32::MAX),
                cursor: to_u64(cursor)?,
            })
        })
    }

    fn pull(&self, account_id: String, cursor: u64, limit: u32) -> StoreFuture<'_, PullPage> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let rows = client
                .query(
                    "SELECT seq, entity, entity_id, field, value, hlc FROM changes
                     WHERE account_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                    &[&account_id, &to_i64(cursor)?, &(i64::from(limit) + 1)],
                )
                .await?;
            let mut page = PullPage {
                changes: Vec::new(),
                next_cursor: cursor,
                more: false,
            };
            for row in &rows {
                if page.changes.len() == usize::try_from(limit).unwrap_or(usize::MAX) {
                    page.more = true;
                    break;
                }
                let entity: &str = row.try_get(1)?;
                let hlc: &str = row.try_get(5)?;
                page.changes.push(read_change(
                    entity,
                    row.try_get(2)?,
                    row.try_get(3)?,
                    row.try_get(4)?,
                    hlc,
                )?);
                page.next_cursor = to_u64(row.try_get(0)?)?;
            }
            Ok(page)
        })
    }

    fn file(&self, filing: NewFiling) -> StoreFuture<'_, FilingRecord> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            if let Some(f) =
                filing_by(&*client, Some(&filing.account_id), &filing.document_id).await?
            {
                return Ok(f);
            }
            let tx = client.transaction().await?;
            // Lock the account: a second filing of the same document waits and then finds it.
            tx.execute(
                "SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE",
                &[&filing.account_id],
            )
            .await?;
            if let Some(f) = filing_by(&tx, Some(&filing.account_id), &filing.document_id).await? {
                tx.rollback().await?;
                return Ok(f);
            }
            let n: i64 = tx
                .query_one("SELECT nextval('filing_numbers')", &[])
                .await?
                .try_get(0)?;
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
            let now = to_i64(filing.now_ms)?;
            tx.execute(
                "INSERT INTO filings (account_id, document_id, device_id, kind, envelope,
                 number, registration, channel, status, reason, filed_ms, updated_ms)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $10)",
                &[
                    &record.account_id,
                    &record.document_id,
                    &filing.device_id,
                    &record.kind,
                    &filing.envelope,
                    &n,
                    &record.registration,
                    &record.channel.as_str(),
                    &record.status.as_str(),
                    &now,
                ],
            )
            .await?;
            let changes = filing_changes(&record, &[], filing.now_ms);
            append(&tx, &record.account_id, &filing.device_id, &changes).await?;
            tx.commit().await?;
            Ok(record)
        })
    }

    fn filings(&self, account_id: Option<String>) -> StoreFuture<'_, Vec<FilingRecord>> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let sql = format!(
                "SELECT {FILING_COLUMNS} FROM filings WHERE $1::text IS NULL OR account_id = $1
                 ORDER BY number"
            );
            client
                .query(&sql, &[&account_id])
                .await?
                .iter()
                .map(read_filing)
                .collect()
        })
    }

    fn move_filing(&self, change: FilingMove) -> StoreFuture<'_, FilingRecord> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let Some(found) = filing_by(&*client, None, &change.document_id).await? else {
                return Err(Error::FilingNotFound(change.document_id));
            };
            let tx = client.transaction().await?;
            tx.execute(
                "SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE",
                &[&found.account_id],
            )
            .await?;
            let mut f = filing_by(&tx, Some(&found.account_id), &change.document_id)
                .await?
                .ok_or_else(|| Error::FilingNotFound(change.document_id.clone()))?;
            if !f.status.can_advance_to(change.status) {
                return Err(Error::Wire(
                    karvon_domain::sync::wire::WireError::StatusBackwards {
                        from: f.status,
                        to: change.status,
                    },
                ));
            }
            let device_id: String = tx
                .query_one(
                    "SELECT device_id FROM filings WHERE account_id = $1 AND document_id = $2",
                    &[&f.account_id, &f.document_id],
                )
                .await?
                .try_get(0)?;
            f.status = change.status;
            if change.reason.is_some() {
                f.reason = change.reason.clone();
            }
            f.updated_ms = change.now_ms;
            tx.execute(
                "UPDATE filings SET status = $3, reason = $4, updated_ms = $5
                 WHERE account_id = $1 AND document_id = $2",
                &[
                    &f.account_id,
                    &f.document_id,
                    &f.status.as_str(),
                    &f.reason,
                    &to_i64(change.now_ms)?,
                ],
            )
            .await?;
            let creates: Vec<(String, String)> = tx
                .query(
                    "SELECT entity_id, value FROM changes WHERE account_id = $1
                     AND entity = 'payment' AND field = '*'",
                    &[&f.account_id],
                )
                .await?
                .iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect::<Result<_, Error>>()?;
            let payments = payments_of(&creates, &f.document_id);
            let changes = filing_changes(&f, &payments, change.now_ms);
            append(&tx, &f.account_id, &device_id, &changes).await?;
            tx.commit().await?;
            Ok(f)
        })
    }

    fn put_bundle(&self, b: NewBundle) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let tx = client.transaction().await?;
            // Serialise publications of one bundle between server processes.
            let key = format!("karvon-bundle/{}/{}", b.kind.as_str(), b.name);
            tx.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                &[&key],
            )
            .await?;
            let latest: Option<i64> = tx
                .query_one(
                    "SELECT max(version) FROM bundles WHERE kind = $1 AND name = $2",
                    &[&b.kind.as_str(), &b.name],
                )
                .await?
                .try_get(0)?;
            if let Some(latest) = latest.map(to_u64).transpose()? {
                if b.version <= latest {
                    tx.rollback().await?;
                    return Err(Error::BundleNotNewer {
                        kind: b.kind,
                        name: b.name,
                        version: b.version,
                        latest,
                    });
                }
            }
            tx.execute(
                "INSERT INTO bundles(kind, name, version, published_ms, sha256, key_id, bytes,
                     stored_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &[
                    &b.kind.as_str(),
                    &b.name,
                    &to_i64(b.version)?,
                    &b.published_ms,
                    &b.sha256,
                    &b.key_id,
                    &b.bytes,
                    &to_i64(b.now_ms)?,
                ],
            )
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    fn bundle_version(&self, kind: BundleKind, name: String) -> StoreFuture<'_, Option<u64>> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let v: Option<i64> = client
                .query_one(
                    "SELECT max(version) FROM bundles WHERE kind = $1 AND name = $2",
                    &[&kind.as_str(), &name],
                )
                .await?
                .try_get(0)?;
            v.map(to_u64).transpose()
        })
    }

    fn latest_bundles(&self) -> StoreFuture<'_, Vec<BundleInfo>> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let rows = client
                .query(
                    "SELECT DISTINCT ON (kind, name) kind, name, version, published_ms,
                            octet_length(bytes)::BIGINT, sha256, key_id
                     FROM bundles ORDER BY kind, name, version DESC",
                    &[],
                )
                .await?;
            rows.iter()
                .map(|r| {
                    Ok(BundleInfo {
                        kind: parse_kind(r.try_get(0)?)?,
                        name: r.try_get(1)?,
                        version: to_u64(r.try_get(2)?)?,
                        published_ms: r.try_get(3)?,
                        size: to_u64(r.try_get(4)?)?,
                        sha256: r.try_get(5)?,
                        key_id: r.try_get(6)?,
                    })
                })
                .collect()
        })
    }

    fn bundle(&self, kind: BundleKind, name: String) -> StoreFuture<'_, Option<Vec<u8>>> {
        Box::pin(async move {
            let mut slot = self.slot().await;
            let client = self.ready(&mut slot).await?;
            let row = client
                .query_opt(
                    "SELECT bytes FROM bundles WHERE kind = $1 AND name = $2
                     ORDER BY version DESC LIMIT 1",
                    &[&kind.as_str(), &name],
                )
                .await?;
            row.map(|r| r.try_get(0)).transpose().map_err(Error::from)
        })
    }
}
