//! The SQLite store: one writer and a few readers on one file, WAL, numbered migrations, and a
//! change record beside every synced write.

mod changes;
mod ids;
mod migrate;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use karvon_domain::sync::{EntityKind, Hlc};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::{Alert, Error};

pub use changes::{pending, PendingChange, CREATE_FIELD};
pub use ids::{id_bytes, id_text, is_id, new_id};
pub use migrate::{schema_version, MIGRATIONS};

/// Readers kept open beside the writer.
const READERS: usize = 2;

/// The store: a SQLite file with one writer connection and a small pool of readers.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    clock: Mutex<Hlc>,
    hook: Hook,
}

/// Called with the alerts a write raised, once it is committed (see [`Store::set_alert_hook`]).
pub type AlertHook = Arc<dyn Fn(&[Alert]) + Send + Sync>;

/// The registered [`AlertHook`], if any.
#[derive(Default)]
struct Hook(Mutex<Option<AlertHook>>);

impl std::fmt::Debug for Hook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let set = self
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some();
        f.debug_tuple("Hook").field(&set).finish()
    }
}

/// A write transaction (`BEGIN IMMEDIATE`) that also records changes for sync.
#[derive(Debug)]
pub struct Tx<'a> {
    tx: rusqlite::Transaction<'a>,
    clock: MutexGuard<'a, Hlc>,
    now_ms: i64,
    /// Alerts raised in this transaction, announced once it commits.
    fired: Vec<Alert>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let mut writer = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&writer)?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        migrate::run(&mut writer)?;
        let node = node_id(&writer)?;
        let last: Option<String> = writer
            .query_row("SELECT value FROM meta WHERE key = 'hlc'", [], |r| r.get(0))
            .ok();
        let clock = last
            .and_then(|s| s.parse::<Hlc>().ok())
            .map(|h| Hlc {
                node: node.clone(),
                ..h
            })
            .unwrap_or_else(|| Hlc::zero(node));
        Ok(Self {
            path: path.to_owned(),
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
            clock: Mutex::new(clock),
            hook: Hook::default(),
        })
    }

    /// Registers the function told about the alerts of every committed write (replacing any
    /// earlier one; `None` removes it). It runs on the writing thread after the write's locks
    /// are released, so it may call back into the store.
    pub fn set_alert_hook(&self, hook: Option<AlertHook>) {
        *self.hook.0.lock().unwrap_or_else(PoisonError::into_inner) = hook;
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one immediate write transaction; commits when it returns `Ok`.
    /// The alerts it raised go to the alert hook after the commit.
    pub fn write<T>(&self, f: impl FnOnce(&mut Tx<'_>) -> Result<T, Error>) -> Result<T, Error> {
        let (out, fired) = {
            let mut conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
            let clock = self.clock.lock().unwrap_or_else(|p| p.into_inner());
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut t = Tx {
                tx,
                clock,
                now_ms: now_ms(),
                fired: Vec::new(),
            };
            let out = f(&mut t)?;
            t.save_clock()?;
            let fired = std::mem::take(&mut t.fired);
            t.tx.commit()?;
            (out, fired)
        };
        if !fired.is_empty() {
            let hook = self
                .hook
                .0
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            if let Some(hook) = hook {
                hook(&fired);
            }
        }
        Ok(out)
    }

    /// Runs `f` in an immediate transaction that writes derived data only (kept computations
    /// such as status snapshots): no clock tick, no change record and no write count, so caches
    /// stamped with the count stay valid. Commits with `synchronous = NORMAL` (losing it to a
    /// power cut only costs a recomputation). Gives up at once, with `Ok(None)`, when this
    /// process or another one is writing: it never makes a reader wait.
    pub(crate) fn write_derived<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        let mut conn = match self.writer.try_lock() {
            Ok(c) => c,
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return Ok(None),
        };
        conn.busy_timeout(Duration::ZERO)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let out = derived(&mut conn, f);
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(Duration::from_secs(10))?;
        match out {
            Err(Error::Db(rusqlite::Error::SqliteFailure(e, _)))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                Ok(None)
            }
            out => out.map(Some),
        }
    }

    /// Runs `f` on a reader connection (a consistent snapshot for its duration).
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T, Error>) -> Result<T, Error> {
        let conn = {
            let mut pool = self.readers.lock().unwrap_or_else(|p| p.into_inner());
            pool.pop()
        };
        let conn = match conn {
            Some(c) => c,
            None => {
                let c = Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                configure(&c)?;
                c
            }
        };
        let out = {
            let tx = conn.unchecked_transaction()?;
            let out = f(&tx);
            tx.finish()?;
            out
        };
        let mut pool = self.readers.lock().unwrap_or_else(|p| p.into_inner());
        if pool.len() < READERS {
            pool.push(conn);
        }
        out
    }
}

impl<'a> Tx<'a> {
    /// The wall time of this transaction, UTC milliseconds.
    pub fn now_ms(&self) -> i64 {
        self.now_ms
    }

    /// Notes alerts this transaction raised, for the alert hook.
    pub(crate) fn fired(&mut self, alerts: &[Alert]) {
        self.fired.extend_from_slice(alerts);
    }

    /// The next clock value of this device.
    fn tick(&mut self) -> Result<String, Error> {
        self.clock
            .advance(u64::try_from(self.now_ms).unwrap_or_default())
            .map_err(|_| Error::Store(karvon_domain::Message::new("error-clock")))?;
        Ok(self.clock.to_string())
    }

    /// Moves this device's clock past a clock received from another device (sync), so that
    /// every later local edit orders after it. A clock too far in the future (more than
    /// five minutes ahead of the wall clock) is not followed.
    pub fn observe(&mut self, remote: &Hlc) -> Result<(), Error> {
        let now = u64::try_from(self.now_ms).unwrap_or_default();
        match self.clock.receive(remote, now) {
            Ok(next) => {
                *self.clock = next;
                Ok(())
            }
            Err(karvon_domain::sync::HlcError::Drift(_)) => Ok(()),
            Err(_) => Err(Error::Store(karvon_domain::Message::new("error-clock"))),
        }
    }

    /// Records that `field` of an entity was set to `value` (JSON text), for sync.
    pub fn record(
        &mut self,
        entity: EntityKind,
        id: &str,
        field: &str,
        value: &str,
    ) -> Result<(), Error> {
        let hlc = self.tick()?;
        changes::append(&self.tx, entity, id, field, value, &hlc, self.now_ms)?;
        changes::set_field_clock(&self.tx, entity, id, field, &hlc)
    }

    /// Records a new entity as one change (field `*`, `value` the whole row as a JSON object);
    /// returns the clock to keep on the row.
    pub fn record_create(
        &mut self,
        entity: EntityKind,
        id: &str,
        value: &str,
    ) -> Result<String, Error> {
        let hlc = self.tick()?;
        changes::append(&self.tx, entity, id, CREATE_FIELD, value, &hlc, self.now_ms)?;
        Ok(hlc)
    }

    /// Records many new entities of one kind, one change record each, and writes each row with
    /// `write` through one statement prepared from `row_sql` (it gets the row's clock and this
    /// transaction's time). Both statements are prepared once for the whole batch.
    pub fn record_creates<T>(
        &mut self,
        entity: EntityKind,
        rows: &[T],
        row_sql: &str,
        mut record: impl FnMut(&T) -> (&str, String),
        mut write: impl FnMut(&mut rusqlite::CachedStatement<'_>, &T, &str, i64) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if rows.is_empty() {
            return Ok(());
        }
        let Self {
            tx, clock, now_ms, ..
        } = self;
        let now = *now_ms;
        let mut log = changes::append_statement(tx)?;
        let mut insert = tx.prepare_cached(row_sql)?;
        for row in rows {
            clock
                .advance(u64::try_from(now).unwrap_or_default())
                .map_err(|_| Error::Store(karvon_domain::Message::new("error-clock")))?;
            let hlc = clock.to_string();
            let (id, value) = record(row);
            log.execute(rusqlite::params![
                entity.as_str(),
                id,
                CREATE_FIELD,
                value,
                hlc,
                now
            ])?;
            write(&mut insert, row, &hlc, now)?;
        }
        Ok(())
    }

    /// Saves the clock and counts the write, so readers can tell their caches are stale.
    fn save_clock(&self) -> Result<(), Error> {
        self.tx
            .prepare_cached(
                "INSERT INTO meta(key, value) VALUES('hlc', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            )?
            .execute([self.clock.to_string()])?;
        self.tx
            .prepare_cached(
                "INSERT INTO meta(key, value) VALUES('writes', '1')
                 ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
            )?
            .execute([])?;
        Ok(())
    }
}

impl<'a> std::ops::Deref for Tx<'a> {
    type Target = rusqlite::Transaction<'a>;

    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

/// One transaction of [`Store::write_derived`].
fn derived<T>(
    conn: &mut Connection,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, Error>,
) -> Result<T, Error> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// Settings every connection gets.
fn configure(conn: &Connection) -> Result<(), Error> {
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // 32 MiB of page cache: bulk imports touch the same index pages again and again.
    conn.pragma_update(None, "cache_size", -32_000)?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// This device's node id, made once and kept in `meta`.
fn node_id(conn: &Connection) -> Result<String, Error> {
    if let Ok(id) = conn.query_row("SELECT value FROM meta WHERE key = 'node'", [], |r| {
        r.get::<_, String>(0)
    }) {
        return Ok(id);
    }
    let id: String = new_id().replace('-', "")[16..].to_owned();
    conn.execute("INSERT INTO meta(key, value) VALUES('node', ?1)", [&id])?;
    Ok(id)
}

/// How many write transactions the database has committed (from any process): a cache built
/// at one count is valid while the count is unchanged.
pub fn write_count(conn: &Connection) -> Result<i64, Error> {
    let v: Option<String> = conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'writes'")?
        .query_row([], |r| r.get(0))
        .ok();
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// The wall clock, UTC milliseconds.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
