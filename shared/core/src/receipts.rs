//! Receipt attachments: files kept by content hash in the data folder, verified on every read.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use karvon_domain::sync::EntityKind;
use karvon_domain::Message;
use ring::digest::{Context, SHA256};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::json;

use crate::crypto::hex;
use crate::store::new_id;
use crate::{deletes, validate, Error, Karvon};

/// The largest receipt file accepted (25 MiB: a phone photo or a PDF).
pub const MAX_RECEIPT_BYTES: u64 = 25 * 1024 * 1024;

/// A receipt attached to a purchase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Receipt {
    /// Record id.
    pub id: String,
    /// The purchase it belongs to.
    pub purchase: String,
    /// SHA-256 of the content, lowercase hex (also its file name).
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// The name of the file it came from.
    pub file_name: String,
}

impl Karvon {
    fn receipts_dir(&self) -> Result<PathBuf, Error> {
        Ok(self.data()?.dir.join("receipts"))
    }

    /// Attaches a file to a purchase. The file is copied into the data folder under its hash
    /// (written to a temporary name, synced, then renamed), then recorded.
    pub fn attach_receipt(&self, purchase: &str, file: &Path) -> Result<Receipt, Error> {
        let p = self.purchase(purchase)?;
        let meta = fs::metadata(file).map_err(io(file))?;
        if !meta.is_file() {
            return Err(Error::input("file", Message::new("input-not-a-file")));
        }
        check_size(meta.len())?;
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file_name = validate::text("file", &file_name, 255)?;
        self.keep_receipt(p.id, file_name, |tmp| copy_hashed(file, tmp))
    }

    /// Attaches a receipt given as bytes (a photo taken or picked in the app), under the name of
    /// the file it came from; the same checks and storage as [`Karvon::attach_receipt`].
    pub fn attach_receipt_bytes(
        &self,
        purchase: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<Receipt, Error> {
        let p = self.purchase(purchase)?;
        check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
        if bytes.is_empty() {
            return Err(Error::input("file", Message::new("input-file-empty")));
        }
        // Only the last path segment, as a picked file's name would be.
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
        let file_name = validate::text("file", base, 255)?;
        self.keep_receipt(p.id, file_name, |tmp| write_hashed(bytes, tmp))
    }

    /// Stores a receipt's content (written by `write` to a temporary file that it hashes) under
    /// its hash, then records it against the purchase.
    fn keep_receipt(
        &self,
        purchase: String,
        file_name: String,
        write: impl FnOnce(&Path) -> Result<(String, u64), Error>,
    ) -> Result<Receipt, Error> {
        let dir = self.receipts_dir()?;
        fs::create_dir_all(&dir).map_err(io(&dir))?;
        let tmp = dir.join(format!("incoming-{}", new_id()));
        let (sha, size) = match write(&tmp) {
            Ok(v) => v,
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                return Err(e);
            }
        };
        let dest = dir.join(&sha);
        if dest.exists() {
            let _ = fs::remove_file(&tmp);
        } else {
            fs::rename(&tmp, &dest).map_err(io(&dest))?;
            if let Ok(d) = File::open(&dir) {
                let _ = d.sync_all();
            }
        }
        let id = new_id();
        self.store()?.write(|tx| {
            let now = tx.now_ms();
            let row =
                json!({"purchase": purchase, "sha256": sha, "size": size, "file_name": file_name});
            let hlc = tx.record_create(EntityKind::Receipt, &id, &row.to_string())?;
            tx.execute(
                "INSERT INTO receipt(id, purchase_id, sha256, size, file_name, hlc, created_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    purchase,
                    sha,
                    i64::try_from(size).unwrap_or(i64::MAX),
                    file_name,
                    hlc,
                    now
                ],
            )?;
            Ok(())
        })?;
        Ok(Receipt {
            id,
            purchase,
            sha256: sha,
            size,
            file_name,
        })
    }

    /// Every receipt of a trip's live purchases, in the order they were attached.
    pub fn trip_receipts(&self, trip: &str) -> Result<Vec<Receipt>, Error> {
        let t = self.trip(trip)?;
        self.store()?.read(|c| {
            let mut s = c.prepare_cached(
                "SELECT r.id, r.purchase_id, r.sha256, r.size, r.file_name FROM receipt r
                 JOIN purchase p ON p.id = r.purchase_id
                 WHERE p.trip_id = ?1 AND p.deleted_ms IS NULL AND r.deleted_ms IS NULL
                 ORDER BY r.created_ms, r.id",
            )?;
            let rows = s.query_map([&t.id], receipt_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// The receipts of a purchase.
    pub fn receipts(&self, purchase: &str) -> Result<Vec<Receipt>, Error> {
        let p = self.purchase(purchase)?;
        self.store()?.read(|c| {
            let mut s = c.prepare_cached(
                "SELECT id, purchase_id, sha256, size, file_name FROM receipt
                 WHERE purchase_id = ?1 AND deleted_ms IS NULL ORDER BY created_ms, id",
            )?;
            let rows = s.query_map([&p.id], receipt_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// The content of a receipt, checked against its hash.
    pub fn receipt_bytes(&self, id: &str) -> Result<Vec<u8>, Error> {
        let id = validate::id("receipt", id)?;
        let row: Option<(String, i64)> = self.store()?.read(|c| {
            Ok(c.query_row(
                "SELECT sha256, size FROM receipt WHERE id = ?1 AND deleted_ms IS NULL",
                [&id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
        })?;
        let (sha, size) = row.ok_or_else(|| Error::NotFound {
            entity: "receipt",
            id: id.clone(),
        })?;
        let path = self.receipts_dir()?.join(&sha);
        let bytes = fs::read(&path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        let mut ctx = Context::new(&SHA256);
        ctx.update(&bytes);
        if hex(ctx.finish().as_ref()) != sha || i64::try_from(bytes.len()).ok() != Some(size) {
            return Err(Error::Store(
                Message::new("error-receipt-damaged").text("path", path.display().to_string()),
            ));
        }
        Ok(bytes)
    }

    /// Removes a receipt from its purchase (a tombstone; the file stays until no record uses it).
    pub fn delete_receipt(&self, id: &str) -> Result<(), Error> {
        let id = validate::id("receipt", id)?;
        self.store()?
            .write(|tx| deletes::tombstone(tx, EntityKind::Receipt, &id))
    }
}

/// A receipt from a row of `id, purchase_id, sha256, size, file_name`.
fn receipt_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Receipt> {
    Ok(Receipt {
        id: r.get(0)?,
        purchase: r.get(1)?,
        sha256: r.get(2)?,
        size: u64::try_from(r.get::<_, i64>(3)?).unwrap_or_default(),
        file_name: r.get(4)?,
    })
}

/// An I/O error naming the path.
fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let path = path.display().to_string();
    move |source| Error::Io { path, source }
}

/// Refuses a receipt over [`MAX_RECEIPT_BYTES`].
fn check_size(len: u64) -> Result<(), Error> {
    if len > MAX_RECEIPT_BYTES {
        return Err(Error::input(
            "file",
            Message::new("input-file-too-large")
                .int("size", i64::try_from(len).unwrap_or(i64::MAX))
                .int("max", i64::try_from(MAX_RECEIPT_BYTES).unwrap_or(i64::MAX)),
        ));
    }
    Ok(())
}

/// Writes `bytes` to a new file `to` (synced), answering their hash and size.
fn write_hashed(bytes: &[u8], to: &Path) -> Result<(String, u64), Error> {
    let mut dst = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)
        .map_err(io(to))?;
    dst.write_all(bytes).map_err(io(to))?;
    dst.sync_all().map_err(io(to))?;
    let mut ctx = Context::new(&SHA256);
    ctx.update(bytes);
    Ok((
        hex(ctx.finish().as_ref()),
        u64::try_from(bytes.len()).unwrap_or(u64::MAX),
    ))
}

/// Copies `from` to `to` while hashing, refusing to go past the size limit even if the file grows.
fn copy_hashed(from: &Path, to: &Path) -> Result<(String, u64), Error> {
    let err = |path: &Path| {
        let path = path.display().to_string();
        move |source| Error::Io { path, source }
    };
    let mut src = File::open(from).map_err(err(from))?;
    let mut dst = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)
        .map_err(err(to))?;
    let mut ctx = Context::new(&SHA256);
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        let n = src.read(&mut buf).map_err(err(from))?;
        if n == 0 {
            break;
        }
        total += n as u64;
        if total > MAX_RECEIPT_BYTES {
            return Err(Error::input(
                "file",
                Message::new("input-file-too-large")
                    .int("size", i64::try_from(total).unwrap_or(i64::MAX))
                    .int("max", i64::try_from(MAX_RECEIPT_BYTES).unwrap_or(i64::MAX)),
            ));
        }
        ctx.update(&buf[..n]);
        dst.write_all(&buf[..n]).map_err(err(to))?;
    }
    dst.sync_all().map_err(err(to))?;
    Ok((hex(ctx.finish().as_ref()), total))
}
