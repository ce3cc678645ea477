//! Deletes are tombstones (the row stays, marked with the time), and the last one can be undone.

use karvon_domain::sync::{EntityKind, DELETED_FIELD};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::store::Tx;
use crate::{Error, Karvon};

/// What an undo brought back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// The kind of record.
    pub entity: &'static str,
    /// Its id.
    pub id: String,
}

/// The table that holds an entity kind.
fn table(kind: EntityKind) -> Option<&'static str> {
    Some(match kind {
        EntityKind::Traveller => "traveller",
        EntityKind::Group => "party",
        EntityKind::Trip => "trip",
        EntityKind::Purchase => "purchase",
        EntityKind::Receipt => "receipt",
        EntityKind::Document => "document",
        EntityKind::Template => "template",
        _ => return None,
    })
}

/// Marks a record deleted, records the tombstone for sync and remembers it for undo.
pub(crate) fn tombstone(tx: &mut Tx<'_>, kind: EntityKind, id: &str) -> Result<(), Error> {
    let Some(table) = table(kind) else {
        return Ok(());
    };
    let now = tx.now_ms();
    let n = tx.execute(
        &format!("UPDATE {table} SET deleted_ms = ?2 WHERE id = ?1 AND deleted_ms IS NULL"),
        params![id, now],
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            entity: table,
            id: id.to_owned(),
        });
    }
    tx.record(kind, id, DELETED_FIELD, "true")?;
    tx.execute(
        "INSERT INTO last_delete(slot, entity, entity_id, deleted_ms) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT(slot) DO UPDATE SET entity = excluded.entity,
           entity_id = excluded.entity_id, deleted_ms = excluded.deleted_ms",
        params![kind.as_str(), id, now],
    )?;
    Ok(())
}

impl Karvon {
    /// Brings back the last deleted record; `None` when there is nothing to undo.
    pub fn undo_delete(&self) -> Result<Option<Restored>, Error> {
        self.write(|tx| {
            let last: Option<(String, String)> = tx
                .query_row(
                    "SELECT entity, entity_id FROM last_delete WHERE slot = 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((entity, id)) = last else {
                return Ok(None);
            };
            tx.execute("DELETE FROM last_delete WHERE slot = 1", [])?;
            let Some(kind) = EntityKind::parse(&entity) else {
                return Ok(None);
            };
            let Some(table) = table(kind) else {
                return Ok(None);
            };
            let n = tx.execute(
                &format!("UPDATE {table} SET deleted_ms = NULL WHERE id = ?1"),
                [&id],
            )?;
            if n == 0 {
                return Ok(None);
            }
            tx.record(kind, &id, DELETED_FIELD, "false")?;
            let trip: Option<String> = match kind {
                EntityKind::Trip => Some(id.clone()),
                EntityKind::Purchase => tx
                    .query_row("SELECT trip_id FROM purchase WHERE id = ?1", [&id], |r| {
                        r.get(0)
                    })
                    .optional()?,
                _ => None,
            };
            if let Some(trip) = trip {
                crate::alerts::refresh(self, tx, &trip)?;
            }
            Ok(Some(Restored { entity: table, id }))
        })
    }
}
