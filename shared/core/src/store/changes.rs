//! The change log (outbox) and per-field clocks that sync reads.

use karvon_domain::sync::{EntityKind, Hlc};
use rusqlite::{params, Connection};

use crate::Error;

/// A change waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingChange {
    /// Position in the log.
    pub seq: i64,
    /// The change.
    pub change: karvon_domain::sync::Change,
}

/// The field name of a create record.
pub const CREATE_FIELD: &str = "*";

/// Appends a change record, in the caller's transaction.
pub(super) fn append(
    conn: &Connection,
    entity: EntityKind,
    id: &str,
    field: &str,
    value: &str,
    hlc: &str,
    now_ms: i64,
) -> Result<(), Error> {
    append_statement(conn)?.execute(params![entity.as_str(), id, field, value, hlc, now_ms])?;
    Ok(())
}

/// The statement that appends a change record (entity, id, field, value, clock, time).
pub(super) fn append_statement(conn: &Connection) -> Result<rusqlite::CachedStatement<'_>, Error> {
    Ok(conn.prepare_cached(
        "INSERT INTO change_log(entity, entity_id, field, value, hlc, created_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?)
}

/// Moves the clock of one field (edits only: a created row keeps its clock on the row).
pub(super) fn set_field_clock(
    conn: &Connection,
    entity: EntityKind,
    id: &str,
    field: &str,
    hlc: &str,
) -> Result<(), Error> {
    conn.prepare_cached(
        "INSERT INTO field_clock(entity, entity_id, field, hlc) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc",
    )?
    .execute(params![entity.as_str(), id, field, hlc])?;
    Ok(())
}

/// The oldest `limit` changes not yet acknowledged by the server.
pub fn pending(conn: &Connection, limit: usize) -> Result<Vec<PendingChange>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, entity, entity_id, field, value, hlc FROM change_log ORDER BY seq LIMIT ?1",
    )?;
    let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, entity, id, field, value, hlc) = row?;
        let (Some(entity), Ok(hlc)) = (EntityKind::parse(&entity), hlc.parse::<Hlc>()) else {
            continue;
        };
        out.push(PendingChange {
            seq,
            change: karvon_domain::sync::Change {
                entity,
                id,
                field,
                value,
                hlc,
            },
        });
    }
    Ok(out)
}
