//! Backup of all data to one file, and restore from it, on this device or another.
//!
//! **The file** (`*.karvon-backup`) is itself an SQLite database: a consistent snapshot of the
//! store (`VACUUM INTO`, one read transaction) with three tables added:
//! `backup_info` (format marker, app and schema version, time, counts), `backup_key` (salt,
//! PBKDF2 iterations and the sealed backup key) and `backup_files` (every receipt attachment by
//! its SHA-256). It is written under a temporary name beside the destination, synced and
//! renamed, so a crash never leaves half a backup under the chosen name.
//!
//! **Keys.** Personal identifiers are sealed with the device's data key, kept outside the
//! database. A backup carries its own fresh random key instead of the device's: every sealed
//! value (traveller names and document numbers, declaration bodies and signed envelopes, and the
//! same values inside queued change records) is re-sealed with it, and it is stored sealed
//! (AES-256-GCM) with a key derived from the passphrase (PBKDF2-HMAC-SHA256, 600,000
//! iterations, random salt). The device key thus never leaves the device, and restore re-seals
//! everything with the key of the device restoring, so a backup restores on a device with a
//! different key (the host's keystore stays in charge of its key). This device's signing key is
//! left out of the backup and is never replaced by a restore.
//!
//! **Restore** checks everything before it changes anything: the file is an SQLite database
//! whose integrity check passes, carries the format marker, has a schema no newer than ours
//! (older ones are migrated), the passphrase opens its key, and every receipt's bytes match
//! their hash. The checks, the migration and the re-sealing run on a private copy in the data
//! folder. Receipt files are then added to the data folder (content-addressed: extra files do
//! no harm), and the rows of every table are replaced in ONE write transaction: a crash leaves
//! the old data or the restored data, never a mix.
//!
//! **Sync and device identity.** A restore keeps this device's node id, its sync registration
//! and pull cursor (`sync_state`), and its signing key. The rows and their per-field clocks come
//! from the backup unchanged: no change record is made for restored rows, so nothing that was
//! already pushed goes again as new. The backup's outbox (changes not yet acknowledged when it
//! was made) is restored with its original clocks and goes with the next push; if the server
//! had received some of them meanwhile, they carry the same clocks and merge as no-ops. Restored
//! change records take outbox positions after every one this device ever used, so a push
//! acknowledged after the restore removes only its own range. The batch in flight of either
//! side is dropped (the backup's changes stay in the outbox and go in a new batch; this
//! device's were replaced with its data), and so are recorded sync problems (they described the
//! replaced data; the next sync records any that still hold). The backup file is made readable
//! by its owner only: trips and purchases are not sealed, only personal identifiers are. This device's clock moves past the backup's, and the write
//! counter `meta.writes` ends higher than both the old and the restored count, so every cache
//! keyed by it is stale; the in-memory status caches are dropped as well.

use std::fs::{self, File};
use std::io::Read;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use karvon_domain::sync::{EntityKind, Hlc};
use karvon_domain::Message;
use ring::digest::{Context, SHA256};
use ring::pbkdf2;
use ring::rand::{SecureRandom, SystemRandom};
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use serde_json::Value;

use crate::crypto::{hex, Cipher, KeySource, KEY_LEN};
use crate::store::{new_id, write_count, Tx, MIGRATIONS};
use crate::{Data, Error, Karvon};

/// The file extension of a backup (without the dot).
pub const EXTENSION: &str = "karvon-backup";
/// The backup format this version writes and reads.
pub const FORMAT: u32 = 1;
/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// PBKDF2-HMAC-SHA256 iterations for new backups.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The most iterations a backup may ask for (a forged file must not stall a restore for hours).
const MAX_ITERATIONS: u32 = 20_000_000;
/// The marker in `backup_info.marker`.
const MARKER: &str = "karvon-backup";
/// What every SQLite file starts with.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The context the backup key is sealed in.
const KEY_CONTEXT: &str = "karvon-backup:key";
/// Tables that belong to this device and are kept as they are by a restore.
const DEVICE_TABLES: &[&str] = &["device_key", "sync_state"];
/// Tables emptied by a restore and not taken from the backup (see the module doc).
const CLEARED_TABLES: &[&str] = &["sync_batch", "sync_problem"];
/// Tables whose rows are restored in order under new `AUTOINCREMENT` keys: (table, key).
const RENUMBERED: &[(&str, &str)] = &[("change_log", "seq")];
/// Keys of `meta` that belong to this device (node id, clock, write counter).
const DEVICE_META: &[&str] = &["node", "hlc", "writes"];
/// A table with sealed columns (its name is also the entity of the sealing context) and each
/// sealed column with the field its context names.
type SealedTable = (&'static str, &'static [(&'static str, &'static str)]);
/// Every sealed column: opened and sealed again when a backup is made and restored.
const SEALED_COLUMNS: &[SealedTable] = &[
    (
        "traveller",
        &[("name_enc", "name"), ("document_enc", "document")],
    ),
    (
        "document",
        &[("body_enc", "body"), ("signed_enc", "signed")],
    ),
];
/// The tables a backup adds to the snapshot.
const BACKUP_TABLES: &str = "
    CREATE TABLE backup_info (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        marker         TEXT NOT NULL,
        format         INTEGER NOT NULL,
        app_version    TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        created_ms     INTEGER NOT NULL,
        counts         TEXT NOT NULL
    ) STRICT;
    CREATE TABLE backup_key (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        salt       BLOB NOT NULL,
        iterations INTEGER NOT NULL,
        sealed     BLOB NOT NULL
    ) STRICT;
    CREATE TABLE backup_files (
        hash  TEXT PRIMARY KEY,
        bytes BLOB NOT NULL
    ) STRICT;";

/// What a backup file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    /// The backup file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// The backup format.
    pub format: u32,
    /// The Karvon version that made it.
    pub app_version: String,
    /// The database schema version of the snapshot.
    pub schema_version: u32,
    /// When it was made, UTC milliseconds.
    pub created_ms: i64,
    /// How many records of each kind it holds (deleted ones not counted).
    pub counts: BackupCounts,
}

/// Record counts of a backup (deleted records not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct BackupCounts {
    /// Trips.
    pub trips: u64,
    /// Travellers.
    pub travellers: u64,
    /// Purchases.
    pub purchases: u64,
    /// Receipt attachments.
    pub receipts: u64,
    /// Declarations and other documents (every version).
    pub documents: u64,
    /// Payment drafts.
    pub payments: u64,
    /// Exchange-rate tables.
    pub rate_tables: u64,
    /// Changes not yet sent to a sync server.
    pub pending_changes: u64,
}

impl Karvon {
    /// Writes everything in the data folder to one backup file at `dest` (replacing it), with
    /// the identifiers sealed under a key only `passphrase` opens. See the [module doc](self).
    pub fn backup(&self, dest: &Path, passphrase: &str) -> Result<BackupInfo, Error> {
        check_passphrase(passphrase)?;
        let data = self.data()?;
        let dir = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| {
                Error::input(
                    "file",
                    Message::new("backup-not-a-file").text("path", dest.display().to_string()),
                )
            })?;
        if is_same_file(dest, data.store.path()) {
            return Err(Error::input(
                "file",
                Message::new("backup-over-database").text("path", dest.display().to_string()),
            ));
        }
        let part = dir.join(format!(".{name}.{}.part", new_id()));
        let result = write_backup(data, &part, dest, passphrase).and_then(|()| {
            File::open(&part)
                .and_then(|f| f.sync_all())
                .and_then(|()| fs::rename(&part, dest))
                .map_err(io(dest))?;
            if let Ok(d) = File::open(dir) {
                let _ = d.sync_all();
            }
            read_info(dest)
        });
        if result.is_err() {
            remove_db_files(&part);
        }
        result
    }

    /// What a backup file holds, checked as far as it can be without the passphrase (an SQLite
    /// file, the format marker, a format and schema this version can restore).
    pub fn inspect_backup(path: &Path) -> Result<BackupInfo, Error> {
        check_header(path)?;
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| damaged(path, &e))?;
        check_integrity(&conn, path, "quick_check")?;
        let info = info_of(&conn, path)?;
        drop(conn);
        Ok(info)
    }

    /// Replaces all data in the data folder with the backup at `path`, after checking all of it
    /// (see the [module doc](self)). On any error nothing was changed.
    pub fn restore(&self, path: &Path, passphrase: &str) -> Result<BackupInfo, Error> {
        check_passphrase(passphrase)?;
        let data = self.data()?;
        check_header(path)?;
        remove_stale_copies(&data.dir);
        let work = data.dir.join(format!(".restore-{}.tmp", new_id()));
        let _cleanup = RemoveOnDrop(work.clone());
        fs::copy(path, &work).map_err(io(&work))?;
        let mut conn = Connection::open(&work).map_err(|e| damaged(path, &e))?;
        conn.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|e| damaged(path, &e))?;
        check_integrity(&conn, path, "integrity_check")?;
        let info = info_of(&conn, path)?;
        let key = open_backup_key(&conn, passphrase, path)?;
        let files = check_receipts(&conn, path)?;
        migrate(&mut conn, path)?;
        {
            let tx = conn.transaction().map_err(|e| damaged(path, &e))?;
            reseal(&tx, &key, &data.cipher).map_err(|e| match e {
                Error::Key(_) => Error::input(
                    "file",
                    Message::new("backup-damaged")
                        .text("path", path.display().to_string())
                        .text("detail", "sealed value"),
                ),
                other => other,
            })?;
            tx.commit()?;
        }
        let added = put_receipts(&conn, &data.dir.join("receipts"), &files)?;
        if let Err(e) = data.store.write(|tx| replace_all(tx, &conn, path)) {
            for f in added {
                let _ = fs::remove_file(f);
            }
            return Err(e);
        }
        forget_caches(data);
        Ok(info)
    }
}

/// The place a restore tells the rest of the core that the database now holds other data,
/// inside the restore's transaction (e.g. a new generation id for persisted status snapshots).
pub(crate) fn after_restore(tx: &Tx<'_>) -> Result<(), Error> {
    crate::snapshot::new_generation(tx)
}

/// Drops every in-memory cache built from the replaced data.
fn forget_caches(data: &Data) {
    data.statuses
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clear();
    data.written
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clear();
}

/// Refuses a passphrase shorter than [`MIN_PASSPHRASE_CHARS`].
fn check_passphrase(passphrase: &str) -> Result<(), Error> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Error::input(
            "passphrase",
            Message::new("backup-passphrase-short").int("min", MIN_PASSPHRASE_CHARS as i64),
        ));
    }
    Ok(())
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// A database error while writing `path`: a full or read-only disk becomes an I/O error on it.
fn write_error(path: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| {
        use rusqlite::ErrorCode;
        let kind = match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => std::io::ErrorKind::StorageFull,
            Some(ErrorCode::ReadOnly) => std::io::ErrorKind::ReadOnlyFilesystem,
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                std::io::ErrorKind::PermissionDenied
            }
            _ => return Error::Db(e),
        };
        Error::Io {
            path: path.display().to_string(),
            source: std::io::Error::new(kind, e),
        }
    }
}

/// The file is not a readable backup.
fn damaged(path: &Path, detail: &dyn std::fmt::Display) -> Error {
    Error::input(
        "file",
        Message::new("backup-damaged")
            .text("path", path.display().to_string())
            .text("detail", detail.to_string()),
    )
}

fn not_a_backup(path: &Path) -> Error {
    Error::input(
        "file",
        Message::new("backup-not-a-backup").text("path", path.display().to_string()),
    )
}

/// Whether `a` names the file `b` (or one of its journals), also through another path.
fn is_same_file(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| -> Option<PathBuf> {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty())?;
        Some(fs::canonicalize(dir).ok()?.join(p.file_name()?))
    };
    let (Some(a), Some(b)) = (canon(a), canon(b)) else {
        return false;
    };
    ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut name = b.as_os_str().to_owned();
        name.push(suffix);
        a.as_os_str() == name
    })
}

/// Removes a database file and its journals.
fn remove_db_files(path: &Path) {
    let _ = fs::remove_file(path);
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(PathBuf::from(p));
    }
}

/// Removes the private copy of a restore however it ends.
struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        remove_db_files(&self.0);
    }
}

/// Removes copies left by a restore that was killed.
fn remove_stale_copies(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(".restore-") && name.ends_with(".tmp") {
            remove_db_files(&e.path());
        }
    }
}

/// The snapshot, re-sealed under a fresh backup key, with the key, the receipts and the info.
fn write_backup(data: &Data, part: &Path, dest: &Path, passphrase: &str) -> Result<(), Error> {
    let source = Connection::open_with_flags(data.store.path(), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    source.busy_timeout(std::time::Duration::from_secs(10))?;
    source
        .execute("VACUUM INTO ?1", [part.to_string_lossy()])
        .map_err(write_error(dest))?;
    drop(source);
    // Trips and purchases are not sealed: only the owner reads the file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(part, fs::Permissions::from_mode(0o600)).map_err(io(dest))?;
    }
    let mut conn = Connection::open(part).map_err(write_error(dest))?;
    conn.pragma_update(None, "journal_mode", "DELETE")
        .map_err(write_error(dest))?;
    let rng = SystemRandom::new();
    let random = |n: usize| -> Result<Vec<u8>, Error> {
        let mut v = vec![0u8; n];
        rng.fill(&mut v)
            .map_err(|_| Error::Key(Message::new("error-key-random")))?;
        Ok(v)
    };
    let mut backup_key = [0u8; KEY_LEN];
    backup_key.copy_from_slice(&random(KEY_LEN)?);
    let salt = random(16)?;
    let wrap = passphrase_cipher(passphrase, &salt, PBKDF2_ITERATIONS)?;
    let sealed_key = wrap.seal_bytes(&key_context(PBKDF2_ITERATIONS), &backup_key)?;
    let backup_cipher = Cipher::from_source(&KeySource::Provided(backup_key))?;

    let tx = conn.transaction().map_err(write_error(dest))?;
    reseal(&tx, &data.cipher, &backup_cipher)?;
    // This device's signing key and its sync batch in flight never travel (its changes stay in
    // the outbox).
    tx.execute("DELETE FROM device_key", [])?;
    tx.execute("DELETE FROM sync_batch", [])?;
    // Derived data sealed with this device's key: rebuilt wherever the backup is restored.
    tx.execute("DELETE FROM status_snapshot", [])?;
    tx.execute_batch(BACKUP_TABLES)?;
    tx.execute(
        "INSERT INTO backup_key(id, salt, iterations, sealed) VALUES (1, ?1, ?2, ?3)",
        rusqlite::params![salt, PBKDF2_ITERATIONS, sealed_key],
    )?;
    copy_receipts_in(&tx, &data.dir.join("receipts"), dest)?;
    let counts = counts(&tx)?;
    let schema: u32 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    tx.execute(
        "INSERT INTO backup_info(id, marker, format, app_version, schema_version, created_ms,
         counts) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![
            MARKER,
            FORMAT,
            env!("CARGO_PKG_VERSION"),
            schema,
            crate::store::now_ms(),
            serde_json::to_string(&counts).unwrap_or_default()
        ],
    )?;
    tx.commit().map_err(write_error(dest))?;
    conn.close().map_err(|(_, e)| write_error(dest)(e))?;
    Ok(())
}

/// Puts every receipt file the snapshot refers to into `backup_files`, checked against its hash.
/// A file of a deleted receipt may be gone already; one of a live receipt must be there.
fn copy_receipts_in(tx: &Connection, dir: &Path, dest: &Path) -> Result<(), Error> {
    let rows: Vec<(String, i64, bool)> = {
        let mut s = tx.prepare(
            "SELECT sha256, MAX(size), MAX(deleted_ms IS NULL) FROM receipt GROUP BY sha256",
        )?;
        let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut insert = tx.prepare("INSERT INTO backup_files(hash, bytes) VALUES (?1, ?2)")?;
    for (sha, size, live) in rows {
        let file = dir.join(&sha);
        let bytes = match fs::read(&file) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !live => continue,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::Store(
                    Message::new("backup-receipt-missing").text("path", file.display().to_string()),
                ))
            }
            Err(e) => return Err(io(&file)(e)),
        };
        if sha256(&bytes) != sha || i64::try_from(bytes.len()).ok() != Some(size) {
            if !live {
                continue;
            }
            return Err(Error::Store(
                Message::new("error-receipt-damaged").text("path", file.display().to_string()),
            ));
        }
        insert
            .execute(rusqlite::params![sha, bytes])
            .map_err(write_error(dest))?;
    }
    Ok(())
}

fn sha256(bytes: &[u8]) -> String {
    let mut ctx = Context::new(&SHA256);
    ctx.update(bytes);
    hex(ctx.finish().as_ref())
}

/// Counts the records of a snapshot.
fn counts(c: &Connection) -> Result<BackupCounts, Error> {
    let n = |sql: &str| -> Result<u64, Error> {
        let v: i64 = c.query_row(sql, [], |r| r.get(0))?;
        Ok(u64::try_from(v).unwrap_or_default())
    };
    Ok(BackupCounts {
        trips: n("SELECT count(*) FROM trip WHERE deleted_ms IS NULL")?,
        travellers: n("SELECT count(*) FROM traveller WHERE deleted_ms IS NULL")?,
        purchases: n("SELECT count(*) FROM purchase WHERE deleted_ms IS NULL")?,
        receipts: n("SELECT count(*) FROM receipt WHERE deleted_ms IS NULL")?,
        documents: n("SELECT count(*) FROM document WHERE deleted_ms IS NULL")?,
        payments: n("SELECT count(*) FROM payment WHERE deleted_ms IS NULL")?,
        rate_tables: n("SELECT count(*) FROM rate_table")?,
        pending_changes: n("SELECT count(*) FROM change_log")?,
    })
}

/// The key that seals the backup key, from the passphrase.
fn passphrase_cipher(passphrase: &str, salt: &[u8], iterations: u32) -> Result<Cipher, Error> {
    let rounds =
        NonZeroU32::new(iterations).ok_or_else(|| Error::Key(Message::new("error-key-invalid")))?;
    let mut key = [0u8; KEY_LEN];
    pbkdf2::derive(
        pbkdf2::PBKDF2_HMAC_SHA256,
        rounds,
        salt,
        passphrase.as_bytes(),
        &mut key,
    );
    Cipher::from_source(&KeySource::Provided(key))
}

fn key_context(iterations: u32) -> String {
    format!("{KEY_CONTEXT}:{iterations}")
}

/// Checks the first bytes before anything else reads the file.
fn check_header(path: &Path) -> Result<(), Error> {
    let mut f = File::open(path).map_err(io(path))?;
    if f.metadata().map_err(io(path))?.is_dir() {
        return Err(not_a_backup(path));
    }
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match f.read(&mut head[read..]).map_err(io(path))? {
            0 => break,
            n => read += n,
        }
    }
    if read < head.len() || &head != SQLITE_MAGIC {
        return Err(not_a_backup(path));
    }
    Ok(())
}

/// SQLite's own check (`integrity_check` or `quick_check`) of the whole file.
fn check_integrity(conn: &Connection, path: &Path, pragma: &str) -> Result<(), Error> {
    let first: String = conn
        .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
        .map_err(|e| damaged(path, &e))?;
    if first != "ok" {
        return Err(damaged(path, &first));
    }
    Ok(())
}

/// Reads `backup_info` and checks format and schema against this version.
fn info_of(conn: &Connection, path: &Path) -> Result<BackupInfo, Error> {
    let has: bool = conn
        .query_row(
            "SELECT count(*) = 3 FROM sqlite_master WHERE type = 'table'
             AND name IN ('backup_info', 'backup_key', 'backup_files')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| damaged(path, &e))?;
    if !has {
        return Err(not_a_backup(path));
    }
    type Row = (String, i64, String, i64, i64, String);
    let row: Option<Row> = conn
        .query_row(
            "SELECT marker, format, app_version, schema_version, created_ms, counts
             FROM backup_info WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()
        .map_err(|e| damaged(path, &e))?;
    let Some((marker, format, app_version, schema, created_ms, counts)) = row else {
        return Err(not_a_backup(path));
    };
    if marker != MARKER {
        return Err(not_a_backup(path));
    }
    if format > i64::from(FORMAT) {
        return Err(Error::input(
            "file",
            Message::new("backup-newer-format")
                .text("version", app_version)
                .int("found", format)
                .int("known", i64::from(FORMAT)),
        ));
    }
    let known = MIGRATIONS.last().map(|m| m.0).unwrap_or_default();
    let user_version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| damaged(path, &e))?;
    if schema > i64::from(known) || user_version > known {
        return Err(Error::input(
            "file",
            Message::new("backup-newer-schema")
                .text("version", app_version)
                .int("found", schema.max(i64::from(user_version)))
                .int("known", i64::from(known)),
        ));
    }
    let counts: BackupCounts = serde_json::from_str(&counts).map_err(|e| damaged(path, &e))?;
    Ok(BackupInfo {
        path: path.to_owned(),
        bytes: fs::metadata(path).map_err(io(path))?.len(),
        format: u32::try_from(format).unwrap_or_default(),
        app_version,
        schema_version: u32::try_from(schema).unwrap_or_default(),
        created_ms,
        counts,
    })
}

/// Reads the backup just written, for the caller.
fn read_info(path: &Path) -> Result<BackupInfo, Error> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| damaged(path, &e))?;
    info_of(&conn, path)
}

/// Opens the backup key with the passphrase.
fn open_backup_key(conn: &Connection, passphrase: &str, path: &Path) -> Result<Cipher, Error> {
    let row: Option<(Vec<u8>, i64, Vec<u8>)> = conn
        .query_row(
            "SELECT salt, iterations, sealed FROM backup_key WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(|e| damaged(path, &e))?;
    let (salt, iterations, sealed) = row.ok_or_else(|| damaged(path, &"backup_key"))?;
    let iterations = u32::try_from(iterations)
        .ok()
        .filter(|i| (1..=MAX_ITERATIONS).contains(i))
        .ok_or_else(|| damaged(path, &"backup_key.iterations"))?;
    let wrap = passphrase_cipher(passphrase, &salt, iterations)?;
    let key = wrap
        .open_bytes(&key_context(iterations), &sealed)
        .map_err(|_| Error::input("passphrase", Message::new("backup-wrong-passphrase")))?;
    let key: [u8; KEY_LEN] = key
        .try_into()
        .map_err(|_| damaged(path, &"backup_key.sealed"))?;
    Cipher::from_source(&KeySource::Provided(key))
}

/// Checks every receipt file the backup needs against its hash and size; the hashes it holds.
fn check_receipts(conn: &Connection, path: &Path) -> Result<Vec<String>, Error> {
    let rows: Vec<(String, i64, bool, Option<Vec<u8>>)> = (|| {
        let mut s = conn.prepare(
            "SELECT r.sha256, MAX(r.size), MAX(r.deleted_ms IS NULL), f.bytes
             FROM receipt r LEFT JOIN backup_files f ON f.hash = r.sha256 GROUP BY r.sha256",
        )?;
        let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect::<Result<Vec<_>, _>>()
    })()
    .map_err(|e| damaged(path, &e))?;
    let mut out = Vec::new();
    for (sha, size, live, bytes) in rows {
        let Some(bytes) = bytes else {
            if live {
                return Err(Error::input(
                    "file",
                    Message::new("backup-receipt-missing").text("path", sha),
                ));
            }
            continue;
        };
        if sha256(&bytes) != sha || i64::try_from(bytes.len()).ok() != Some(size) {
            return Err(Error::input(
                "file",
                Message::new("backup-receipt-damaged").text("path", sha),
            ));
        }
        out.push(sha);
    }
    Ok(out)
}

/// Brings the private copy to this version's schema with the store's migrations.
fn migrate(conn: &mut Connection, path: &Path) -> Result<(), Error> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (version, sql) in MIGRATIONS {
        if *version <= current {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql).map_err(|e| damaged(path, &e))?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// Writes the backup's receipt files into the data folder (temporary name, synced, renamed);
/// returns the files it added (removed again when the restore fails after all).
fn put_receipts(conn: &Connection, dir: &Path, hashes: &[String]) -> Result<Vec<PathBuf>, Error> {
    let mut added = Vec::new();
    if hashes.is_empty() {
        return Ok(added);
    }
    let result = put_receipts_into(conn, dir, hashes, &mut added);
    if result.is_err() {
        for f in &added {
            let _ = fs::remove_file(f);
        }
    }
    result.map(|()| added)
}

fn put_receipts_into(
    conn: &Connection,
    dir: &Path,
    hashes: &[String],
    added: &mut Vec<PathBuf>,
) -> Result<(), Error> {
    fs::create_dir_all(dir).map_err(io(dir))?;
    for sha in hashes {
        let dest = dir.join(sha);
        let bytes: Vec<u8> = conn.query_row(
            "SELECT bytes FROM backup_files WHERE hash = ?1",
            [sha],
            |r| r.get(0),
        )?;
        let existed = dest.exists();
        if existed && fs::read(&dest).is_ok_and(|have| sha256(&have) == *sha) {
            continue;
        }
        crate::files::write_atomic(&dest, &bytes)?;
        if !existed {
            added.push(dest);
        }
    }
    Ok(())
}

/// Re-seals every sealed value of a database (rows and queued change records) from one key to
/// another. Triggers are set aside meanwhile (a signed document refuses any update).
fn reseal(c: &Connection, from: &Cipher, to: &Cipher) -> Result<(), Error> {
    let triggers: Vec<(String, String)> = {
        let mut s = c.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql NOT NULL",
        )?;
        let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (name, _) in &triggers {
        c.execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
    }
    let move_blob = |ctx: &str, v: Option<Vec<u8>>| -> Result<Option<Vec<u8>>, Error> {
        v.map(|b| to.seal_bytes(ctx, &from.open_bytes(ctx, &b)?))
            .transpose()
    };
    for &(table, cols) in SEALED_COLUMNS {
        for (col, field) in cols {
            let rows: Vec<(String, Option<Vec<u8>>)> = {
                let mut s = c.prepare(&format!(
                    "SELECT id, {col} FROM {table} WHERE {col} IS NOT NULL"
                ))?;
                let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.collect::<Result<_, _>>()?
            };
            let mut update = c.prepare(&format!("UPDATE {table} SET {col} = ?2 WHERE id = ?1"))?;
            for (id, blob) in rows {
                let ctx = format!("{table}:{id}:{field}");
                update.execute(rusqlite::params![id, move_blob(&ctx, blob)?])?;
            }
        }
    }
    let changes: Vec<(i64, String, String, String, String)> = {
        let mut s = c.prepare(
            "SELECT seq, entity, entity_id, field, value FROM change_log
             WHERE entity IN (?1, ?2)",
        )?;
        let rows = s.query_map(
            [
                EntityKind::Traveller.as_str(),
                EntityKind::Document.as_str(),
            ],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        rows.collect::<Result<_, _>>()?
    };
    let mut update = c.prepare("UPDATE change_log SET value = ?2 WHERE seq = ?1")?;
    for (seq, entity, id, field, value) in changes {
        let Ok(mut v) = serde_json::from_str::<Value>(&value) else {
            continue;
        };
        let changed = reseal_change(&entity, &id, &field, &mut v, from, to)?;
        if changed {
            update.execute(rusqlite::params![seq, v.to_string()])?;
        }
    }
    for (_, sql) in &triggers {
        c.execute_batch(sql)?;
    }
    Ok(())
}

/// Re-seals the sealed parts of one change record's value; whether anything changed.
fn reseal_change(
    entity: &str,
    id: &str,
    field: &str,
    v: &mut Value,
    from: &Cipher,
    to: &Cipher,
) -> Result<bool, Error> {
    // `{"sealed": "<hex>"}` (traveller fields) or a bare hex string (document fields).
    let one = |field: &str, v: &mut Value, wrapped: bool| -> Result<bool, Error> {
        let slot = if wrapped {
            match v.get_mut("sealed") {
                Some(s) => s,
                None => return Ok(false),
            }
        } else {
            v
        };
        let Some(bytes) = slot.as_str().and_then(unhex) else {
            return Ok(false);
        };
        let ctx = format!("{entity}:{id}:{field}");
        let moved = to.seal_bytes(&ctx, &from.open_bytes(&ctx, &bytes)?)?;
        *slot = Value::String(hex(&moved));
        Ok(true)
    };
    let traveller = entity == EntityKind::Traveller.as_str();
    Ok(match (traveller, field) {
        (true, crate::store::CREATE_FIELD) => {
            let mut any = false;
            for f in ["name", "document"] {
                if let Some(x) = v.get_mut(f) {
                    any |= one(f, x, true)?;
                }
            }
            any
        }
        (true, "name" | "document") => one(field, v, true)?,
        (false, crate::store::CREATE_FIELD) => match v.get_mut("body_enc") {
            Some(x) => one("body", x, false)?,
            None => false,
        },
        (false, "body" | "signed") => one(field, v, false)?,
        _ => false,
    })
}

/// Lowercase or uppercase hexadecimal text as bytes.
fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Replaces the rows of every table with the checked copy's, in the caller's transaction.
fn replace_all(tx: &mut Tx<'_>, copy: &Connection, path: &Path) -> Result<(), Error> {
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    let old_writes = write_count(tx)?;
    let restored_writes = write_count(copy)?;
    let restored_hlc: Option<String> = copy
        .query_row("SELECT value FROM meta WHERE key = 'hlc'", [], |r| r.get(0))
        .optional()?;
    let tables: Vec<(String, String)> = {
        let mut s = tx.prepare(
            "SELECT name, type FROM pragma_table_list WHERE schema = 'main'
             AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?;
        let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut rebuild = Vec::new();
    let mut fills = Vec::new();
    for (table, kind) in &tables {
        let t = quote(table);
        if DEVICE_TABLES.contains(&table.as_str()) {
            continue;
        }
        if CLEARED_TABLES.contains(&table.as_str()) {
            tx.execute(&format!("DELETE FROM {t}"), [])?;
            continue;
        }
        if kind == "virtual" {
            let sql: String = tx.query_row(
                "SELECT sql FROM sqlite_master WHERE name = ?1",
                [table],
                |r| r.get(0),
            )?;
            let lower = sql.to_ascii_lowercase();
            if lower.contains("fts5") && lower.contains("content") {
                rebuild.push(t);
                continue;
            }
        }
        let mut cols: Vec<String> = {
            let mut s = tx.prepare("SELECT name FROM pragma_table_info(?1)")?;
            let rows = s.query_map([table], |r| r.get::<_, String>(0))?;
            rows.collect::<Result<_, _>>()?
        };
        if kind == "virtual" {
            cols.insert(0, "rowid".to_owned());
        }
        // Restored change records get new positions after every one this outbox ever had: a
        // push acknowledged after the restore removes its own range only.
        let order = match RENUMBERED.iter().find(|(name, _)| name == table) {
            Some((_, seq)) => {
                cols.retain(|c| c != seq);
                format!(" ORDER BY {}", quote(seq))
            }
            None => String::new(),
        };
        let list = cols.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ");
        let keep_device_meta = table == "meta";
        if keep_device_meta {
            let keys = DEVICE_META
                .iter()
                .map(|k| format!("'{k}'"))
                .collect::<Vec<_>>();
            tx.execute(
                &format!("DELETE FROM meta WHERE key NOT IN ({})", keys.join(", ")),
                [],
            )?;
        } else {
            tx.execute(&format!("DELETE FROM {t}"), [])?;
        }
        fills.push((t, cols, list, order, keep_device_meta));
    }
    // Every table is emptied before any is filled: emptying a parent table (`rate_table`)
    // cascades to its children (`rate`), which must not lose rows already restored.
    for (t, cols, list, order, keep_device_meta) in fills {
        let mut read = copy
            .prepare(&format!("SELECT {list} FROM {t}{order}"))
            .map_err(|e| damaged(path, &e))?;
        let marks = (1..=cols.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut insert = tx.prepare(&format!("INSERT INTO {t}({list}) VALUES ({marks})"))?;
        let mut rows = read.query([])?;
        while let Some(row) = rows.next()? {
            let values = (0..cols.len())
                .map(|i| row.get::<_, Sql>(i))
                .collect::<Result<Vec<_>, _>>()?;
            if keep_device_meta {
                if let Some(Sql::Text(k)) = values.first() {
                    if DEVICE_META.contains(&k.as_str()) {
                        continue;
                    }
                }
            }
            insert.execute(rusqlite::params_from_iter(values))?;
        }
    }
    for t in rebuild {
        tx.execute(&format!("INSERT INTO {t}({t}) VALUES ('rebuild')"), [])?;
    }
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if broken > 0 {
        return Err(damaged(path, &"foreign_key_check"));
    }
    if let Some(hlc) = restored_hlc.and_then(|h| h.parse::<Hlc>().ok()) {
        tx.observe(&hlc)?;
    }
    // The commit adds one more: higher than both counts.
    tx.execute(
        "INSERT INTO meta(key, value) VALUES ('writes', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [old_writes
            .max(restored_writes)
            .saturating_add(1)
            .to_string()],
    )?;
    after_restore(tx)
}

/// An SQL identifier in double quotes.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_refuses_odd_text() {
        assert_eq!(unhex(&hex(&[0, 1, 254, 255])), Some(vec![0, 1, 254, 255]));
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
        assert_eq!(quote("a\"b"), "\"a\"\"b\"");
    }
}
