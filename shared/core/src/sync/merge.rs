//! Merging pulled changes into the local tables.
//!
//! [`ENTITIES`] is the one place that maps every synced entity kind to its table and every
//! field a module records (see `Tx::record` / `Tx::record_create` in travellers, trips,
//! purchases, receipts, documents, trade templates and payments) to its columns.
//!
//! Rules:
//! - a field is set only when the incoming clock is newer than the field's local clock (its
//!   `field_clock`, else the clock of the row's create record); the new clock is recorded;
//! - a create record (`*`) inserts the row when it is missing (so it is idempotent);
//! - `_deleted` is a last-writer-wins field: `true` sets `deleted_ms`, `false` clears it;
//! - a document's and a payment's `status` only move forward (the later status wins whatever
//!   the clocks), because the server decides them;
//! - merged changes never enter the outbox.

use std::collections::BTreeSet;

use karvon_domain::filing::DocStatus;
use karvon_domain::payment::{PaymentDraft, PaymentStatus};
use karvon_domain::sync::{Change, EntityKind, Hlc, DELETED_FIELD};
use rusqlite::types::Value as Sql;
use rusqlite::{params, OptionalExtension};
use serde_json::Value;

use crate::store::{Tx, CREATE_FIELD};
use crate::{Error, Karvon};

/// How a synced field is kept locally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    /// A TEXT column (a JSON string; `null` clears it).
    Text(&'static str),
    /// An INTEGER column (a JSON number).
    Int(&'static str),
    /// A 0/1 column (a JSON boolean).
    Bool(&'static str),
    /// Sealed bytes sent as `{"sealed": "<hex>"}` (or `null`).
    Sealed(&'static str),
    /// Bytes sent as a hex string.
    Hex(&'static str),
    /// Any JSON value kept as its compact text.
    Json(&'static str),
    /// A trip plan `{amount, currency}` or `null`: `plan_amount`, `plan_currency`.
    Plan,
    /// A list of ids kept as link rows: (table, parent column, child column).
    Links(&'static str, &'static str, &'static str),
    /// A document's status: only moves forward.
    DocStatus,
    /// A payment's status: only moves forward (also kept inside the draft body).
    PayStatus,
    /// A signed envelope (hex of the sealed bytes): `signed_enc`, `signed_ms`, `key_fingerprint`.
    Signed,
    /// A known field with no local column (only its clock is kept).
    Ignored,
}

/// How an entity kind is stored.
#[derive(Debug)]
struct Entity {
    kind: EntityKind,
    /// The table of rows (for link kinds, the link table).
    table: &'static str,
    /// Whether rows keep the clock of their create record in `hlc`.
    has_hlc: bool,
    /// Whether rows have `updated_ms`.
    has_updated: bool,
    /// Whether rows have `deleted_ms` (tombstones).
    has_deleted: bool,
    /// For link kinds (`parent:child` ids): the parent and child columns.
    link: Option<(&'static str, &'static str)>,
    /// Field name → column(s).
    fields: &'static [(&'static str, Col)],
}

/// Every synced entity kind: its table and the fields its module records.
const ENTITIES: &[Entity] = &[
    Entity {
        kind: EntityKind::Traveller,
        table: "traveller",
        has_hlc: true,
        has_updated: true,
        has_deleted: true,
        link: None,
        fields: &[
            ("name", Col::Sealed("name_enc")),
            ("document", Col::Sealed("document_enc")),
            ("birth_date", Col::Text("birth_date")),
            ("residency", Col::Text("residency")),
            ("statuses", Col::Json("statuses")),
        ],
    },
    Entity {
        kind: EntityKind::Group,
        table: "party",
        has_hlc: true,
        has_updated: true,
        has_deleted: true,
        link: None,
        fields: &[
            ("name", Col::Text("name")),
            (
                "members",
                Col::Links("party_member", "party_id", "traveller_id"),
            ),
        ],
    },
    Entity {
        kind: EntityKind::GroupMember,
        table: "party_member",
        has_hlc: false,
        has_updated: false,
        has_deleted: false,
        link: Some(("party_id", "traveller_id")),
        fields: &[],
    },
    Entity {
        kind: EntityKind::Trip,
        table: "trip",
        has_hlc: true,
        has_updated: true,
        has_deleted: true,
        link: None,
        fields: &[
            ("name", Col::Text("name")),
            ("jurisdiction", Col::Text("jurisdiction")),
            ("arrival", Col::Text("arrival")),
            ("mode", Col::Text("mode")),
            ("days_abroad", Col::Int("days_abroad")),
            (
                "travellers",
                Col::Links("trip_traveller", "trip_id", "traveller_id"),
            ),
            ("plan", Col::Plan),
            ("joint", Col::Bool("joint")),
        ],
    },
    Entity {
        kind: EntityKind::TripTraveller,
        table: "trip_traveller",
        has_hlc: false,
        has_updated: false,
        has_deleted: false,
        link: Some(("trip_id", "traveller_id")),
        fields: &[],
    },
    Entity {
        kind: EntityKind::Purchase,
        table: "purchase",
        has_hlc: true,
        has_updated: true,
        has_deleted: true,
        link: None,
        fields: &[
            ("id", Col::Ignored),
            ("trip", Col::Text("trip_id")),
            ("traveller", Col::Text("traveller_id")),
            ("description", Col::Text("description")),
            ("kind", Col::Text("kind")),
            ("value", Col::Text("value")),
            ("currency", Col::Text("currency")),
            ("count", Col::Text("count")),
            ("litres", Col::Text("litres")),
            ("grams", Col::Text("grams")),
            ("ml", Col::Text("ml")),
            ("weight_kg", Col::Text("weight_kg")),
            ("abv", Col::Text("abv")),
            ("spirit", Col::Text("spirit")),
            ("hs_code", Col::Text("hs_code")),
            ("duty_rate", Col::Text("duty_rate")),
            ("shop", Col::Text("shop")),
            ("bought_on", Col::Text("bought_on")),
            ("bought_ms", Col::Int("bought_ms")),
            ("used", Col::Bool("used")),
            ("gift", Col::Bool("gift")),
            ("tax_free", Col::Bool("tax_free")),
            ("unaccompanied", Col::Bool("unaccompanied")),
        ],
    },
    Entity {
        kind: EntityKind::Receipt,
        table: "receipt",
        has_hlc: true,
        has_updated: false,
        has_deleted: true,
        link: None,
        // Metadata only: the file itself stays on the device that attached it.
        fields: &[
            ("purchase", Col::Text("purchase_id")),
            ("sha256", Col::Text("sha256")),
            ("size", Col::Int("size")),
            ("file_name", Col::Text("file_name")),
        ],
    },
    Entity {
        kind: EntityKind::Alert,
        table: "alert",
        has_hlc: false,
        has_updated: false,
        has_deleted: false,
        link: None,
        // Alerts are raised on each device; only an acknowledgement travels.
        fields: &[("acknowledged_ms", Col::Int("acknowledged_ms"))],
    },
    Entity {
        kind: EntityKind::Document,
        table: "document",
        has_hlc: true,
        has_updated: true,
        has_deleted: true,
        link: None,
        fields: &[
            ("kind", Col::Text("kind")),
            ("series", Col::Text("series")),
            ("version", Col::Int("version")),
            ("amends", Col::Text("amends")),
            ("trip_id", Col::Text("trip_id")),
            ("title", Col::Text("title")),
            ("status", Col::DocStatus),
            ("body_enc", Col::Hex("body_enc")),
            ("body", Col::Hex("body_enc")),
            ("signed", Col::Signed),
            ("registration", Col::Text("registration")),
            ("reason", Col::Text("reason")),
            ("channel", Col::Ignored),
        ],
    },
    Entity {
        kind: EntityKind::Template,
        table: "template",
        has_hlc: true,
        has_updated: true,
        has_deleted: true,
        link: None,
        fields: &[
            ("name", Col::Text("name")),
            ("kind", Col::Text("kind")),
            ("body", Col::Json("body")),
        ],
    },
    Entity {
        kind: EntityKind::Payment,
        table: "payment",
        has_hlc: true,
        has_updated: true,
        has_deleted: true,
        link: None,
        fields: &[
            ("document_id", Col::Text("document_id")),
            ("status", Col::PayStatus),
            ("body", Col::Json("body")),
        ],
    },
];

fn entity(kind: EntityKind) -> Option<&'static Entity> {
    ENTITIES.iter().find(|e| e.kind == kind)
}

/// What a merge did.
#[derive(Debug, Default)]
pub(crate) struct Merged {
    /// Changes that changed something locally.
    pub applied: usize,
    /// Trips whose purchases or settings changed (their alerts are checked again).
    pub trips: BTreeSet<String>,
}

fn bad_value(field: &str) -> Error {
    Error::Store(karvon_domain::Message::new("error-db-value").text("field", field.to_owned()))
}

fn parse_value(c: &Change) -> Result<Value, Error> {
    serde_json::from_str(&c.value).map_err(|_| bad_value(&c.field))
}

/// The SQL value of one column from a JSON value.
fn sql_of(col: Col, v: &Value, field: &str) -> Result<Sql, Error> {
    Ok(match (col, v) {
        (_, Value::Null) => Sql::Null,
        (Col::Text(_), Value::String(s)) => Sql::Text(s.clone()),
        (Col::Text(_), Value::Number(n)) => Sql::Text(n.to_string()),
        (Col::Int(_), Value::Number(n)) => {
            Sql::Integer(n.to_string().parse::<i64>().map_err(|_| bad_value(field))?)
        }
        (Col::Bool(_), Value::Bool(b)) => Sql::Integer(i64::from(*b)),
        (Col::Sealed(_), Value::Object(m)) => match m.get("sealed").and_then(Value::as_str) {
            Some(h) => Sql::Blob(unhex(h).ok_or_else(|| bad_value(field))?),
            None => return Err(bad_value(field)),
        },
        (Col::Hex(_), Value::String(h)) => Sql::Blob(unhex(h).ok_or_else(|| bad_value(field))?),
        (Col::Json(_), v) => Sql::Text(v.to_string()),
        _ => return Err(bad_value(field)),
    })
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    karvon_domain::sync::auth::hex_decode(&s.to_ascii_lowercase())
}

/// The local clock of a field: its own, else the clock of the row's create record.
fn local_clock(tx: &Tx<'_>, e: &Entity, id: &str, field: &str) -> Result<Option<Hlc>, Error> {
    let own: Option<String> = tx
        .prepare_cached(
            "SELECT hlc FROM field_clock WHERE entity = ?1 AND entity_id = ?2 AND field = ?3",
        )?
        .query_row(params![e.kind.as_str(), id, field], |r| r.get(0))
        .optional()?;
    if let Some(h) = own {
        return Ok(h.parse().ok());
    }
    if e.has_hlc {
        let row: Option<String> = tx
            .prepare_cached(&format!("SELECT hlc FROM {} WHERE id = ?1", e.table))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        return Ok(row.and_then(|h| h.parse().ok()));
    }
    Ok(None)
}

fn set_clock(tx: &Tx<'_>, kind: EntityKind, id: &str, field: &str, hlc: &Hlc) -> Result<(), Error> {
    tx.prepare_cached(
        "INSERT INTO field_clock(entity, entity_id, field, hlc) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc
         WHERE excluded.hlc > field_clock.hlc",
    )?
    .execute(params![kind.as_str(), id, field, hlc.to_string()])?;
    Ok(())
}

fn row_exists(tx: &Tx<'_>, table: &str, id: &str) -> Result<bool, Error> {
    Ok(tx
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

impl Karvon {
    /// Merges pulled changes (in server order) inside the caller's write transaction.
    pub(crate) fn merge_changes(
        &self,
        tx: &mut Tx<'_>,
        changes: &[Change],
    ) -> Result<Merged, Error> {
        let mut merged = Merged::default();
        let mut followed = Vec::new();
        for c in changes {
            tx.observe(&c.hlc)?;
            let Some(e) = entity(c.entity) else {
                continue;
            };
            let changed = if let Some((parent, child)) = e.link {
                merge_link(tx, e, parent, child, c)?
            } else if c.field == CREATE_FIELD {
                self.merge_create(tx, e, c)?
            } else if c.field == DELETED_FIELD {
                merge_tombstone(tx, e, c)?
            } else {
                self.merge_field(tx, e, c, &mut followed)?
            };
            if changed {
                merged.applied += 1;
                if let Some(trip) = trip_of(tx, c.entity, &c.id)? {
                    merged.trips.insert(trip);
                }
            }
        }
        for trip in &merged.trips {
            crate::alerts::mark_stale(tx, trip)?;
        }
        Ok(merged)
    }

    fn merge_create(&self, tx: &mut Tx<'_>, e: &Entity, c: &Change) -> Result<bool, Error> {
        if e.kind == EntityKind::Alert || row_exists(tx, e.table, &c.id)? {
            return Ok(false);
        }
        let Value::Object(row) = parse_value(c)? else {
            return Err(bad_value(&c.field));
        };
        let mut cols: Vec<&str> = vec!["id"];
        let mut vals: Vec<Sql> = vec![Sql::Text(c.id.clone())];
        let mut links = Vec::new();
        let mut name_for_template: Option<String> = None;
        for (field, col) in e.fields {
            let Some(v) = row.get(*field) else {
                continue;
            };
            match *col {
                Col::Text(n)
                | Col::Int(n)
                | Col::Bool(n)
                | Col::Sealed(n)
                | Col::Hex(n)
                | Col::Json(n) => {
                    if cols.contains(&n) {
                        continue;
                    }
                    if e.kind == EntityKind::Template && n == "name" {
                        name_for_template = v.as_str().map(str::to_owned);
                    }
                    cols.push(n);
                    vals.push(sql_of(*col, v, field)?);
                }
                Col::Plan => {
                    let (a, cur) = plan_parts(v, field)?;
                    cols.extend(["plan_amount", "plan_currency"]);
                    vals.extend([a, cur]);
                }
                Col::DocStatus | Col::PayStatus => {
                    cols.push("status");
                    vals.push(sql_of(Col::Text("status"), v, field)?);
                }
                Col::Links(table, parent, child) => links.push((table, parent, child, v.clone())),
                Col::Signed | Col::Ignored => {}
            }
        }
        if let Some(name) = name_for_template {
            if let Some(pos) = cols.iter().position(|c| *c == "name") {
                vals[pos] = Sql::Text(template_name(tx, &c.id, &name, &c.hlc)?);
            }
        }
        // The create record's clock is the creation time on the device that made it, so
        // lists ordered by creation read alike on every device.
        let created = i64::try_from(c.hlc.millis).unwrap_or_else(|_| tx.now_ms());
        if e.has_hlc {
            cols.push("hlc");
            vals.push(Sql::Text(c.hlc.to_string()));
        }
        cols.push("created_ms");
        vals.push(Sql::Integer(created));
        if e.has_updated {
            cols.push("updated_ms");
            vals.push(Sql::Integer(created));
        }
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {}({}) VALUES ({}) ON CONFLICT(id) DO NOTHING",
            e.table,
            cols.join(", "),
            marks.join(", ")
        );
        let n = tx.execute(&sql, rusqlite::params_from_iter(vals))?;
        if n == 0 {
            return Ok(false);
        }
        for (table, parent, child, v) in links {
            set_links(tx, table, parent, child, &c.id, &v)?;
        }
        if e.kind == EntityKind::Document {
            let status = row
                .get("status")
                .and_then(Value::as_str)
                .unwrap_or("draft")
                .to_owned();
            event(tx, &c.id, &status, None)?;
        }
        Ok(true)
    }

    fn merge_field(
        &self,
        tx: &mut Tx<'_>,
        e: &Entity,
        c: &Change,
        followed: &mut Vec<String>,
    ) -> Result<bool, Error> {
        let Some(&(_, col)) = e.fields.iter().find(|(f, _)| *f == c.field) else {
            // A field this version does not know: ignored (a newer client wrote it).
            return Ok(false);
        };
        if !row_exists(tx, e.table, &c.id)? {
            return Ok(false);
        }
        let v = parse_value(c)?;
        match col {
            Col::DocStatus => return self.merge_doc_status(tx, c, &v, followed),
            Col::PayStatus => return merge_pay_status(tx, &c.id, &v, &c.field),
            _ => {}
        }
        let local = local_clock(tx, e, &c.id, &c.field)?;
        if local.as_ref().is_some_and(|l| *l >= c.hlc) {
            return Ok(false);
        }
        set_clock(tx, e.kind, &c.id, &c.field, &c.hlc)?;
        let changed = match col {
            Col::Text(n) | Col::Int(n) | Col::Bool(n) | Col::Sealed(n) | Col::Json(n) => {
                update(tx, e, &c.id, &[(n, sql_of(col, &v, &c.field)?)])?
            }
            Col::Hex(n) => {
                if e.kind == EntityKind::Document && is_signed(tx, &c.id)? {
                    // A signed document is frozen: the signature wins over a concurrent edit.
                    false
                } else {
                    update(tx, e, &c.id, &[(n, sql_of(col, &v, &c.field)?)])?
                }
            }
            Col::Plan => {
                let (a, cur) = plan_parts(&v, &c.field)?;
                update(tx, e, &c.id, &[("plan_amount", a), ("plan_currency", cur)])?
            }
            Col::Links(table, parent, child) => {
                set_links(tx, table, parent, child, &c.id, &v)?;
                true
            }
            Col::Signed => self.merge_signed(tx, &c.id, &v)?,
            Col::DocStatus | Col::PayStatus | Col::Ignored => false,
        };
        Ok(changed)
    }

    fn merge_signed(&self, tx: &Tx<'_>, id: &str, v: &Value) -> Result<bool, Error> {
        let sealed = match v {
            Value::String(h) => unhex(h).ok_or_else(|| bad_value("signed"))?,
            _ => return Err(bad_value("signed")),
        };
        // The envelope says when and with which key it was signed (readable with the shared
        // data key; without it only the sealed bytes are kept).
        let opened = self
            .data()?
            .cipher
            .open_bytes(&format!("document:{id}:signed"), &sealed)
            .ok()
            .and_then(|b| karvon_domain::document::SignedDocument::from_bytes(&b).ok());
        let (signed_ms, fingerprint) = match &opened {
            Some(s) => (Some(s.issued_ms), Some(s.key_fingerprint())),
            None => (None, None),
        };
        let n = tx.execute(
            "UPDATE document SET signed_enc = ?2, signed_ms = ?3, key_fingerprint = ?4,
             updated_ms = ?5 WHERE id = ?1 AND signed_enc IS NULL",
            params![id, sealed, signed_ms, fingerprint, tx.now_ms()],
        )?;
        Ok(n > 0)
    }

    fn merge_doc_status(
        &self,
        tx: &Tx<'_>,
        c: &Change,
        v: &Value,
        followed: &mut Vec<String>,
    ) -> Result<bool, Error> {
        let to = v
            .as_str()
            .and_then(DocStatus::parse)
            .ok_or_else(|| bad_value("status"))?;
        let from: String =
            tx.query_row("SELECT status FROM document WHERE id = ?1", [&c.id], |r| {
                r.get(0)
            })?;
        let from = DocStatus::parse(&from).ok_or_else(|| bad_value("status"))?;
        set_clock(tx, EntityKind::Document, &c.id, &c.field, &c.hlc)?;
        if from.merge(to) == from {
            return Ok(false);
        }
        tx.execute(
            "UPDATE document SET status = ?2, updated_ms = ?3 WHERE id = ?1",
            params![c.id, to.as_str(), tx.now_ms()],
        )?;
        let note: Option<String> = tx.query_row(
            "SELECT CASE WHEN ?2 = 'rejected' THEN reason ELSE registration END
             FROM document WHERE id = ?1",
            params![c.id, to.as_str()],
            |r| r.get(0),
        )?;
        event(tx, &c.id, to.as_str(), note.as_deref())?;
        if to >= DocStatus::Submitted && to != DocStatus::Rejected {
            // The declaration's payment drafts follow it (as `follow_declaration` does).
            let ids: Vec<String> = {
                let mut s = tx.prepare_cached(
                    "SELECT id FROM payment WHERE document_id = ?1 AND status = 'draft'",
                )?;
                let rows = s.query_map([&c.id], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            for id in ids {
                merge_pay_status(tx, &id, &Value::from("submitted"), "status")?;
                followed.push(id);
            }
        }
        Ok(true)
    }
}

fn merge_pay_status(tx: &Tx<'_>, id: &str, v: &Value, field: &str) -> Result<bool, Error> {
    let to = match v.as_str() {
        Some("draft") => PaymentStatus::Draft,
        Some("submitted") => PaymentStatus::Submitted,
        Some("paid") => PaymentStatus::Paid,
        _ => return Err(bad_value(field)),
    };
    let body: String =
        tx.query_row("SELECT body FROM payment WHERE id = ?1", [id], |r| r.get(0))?;
    let mut draft: PaymentDraft = serde_json::from_str(&body).map_err(|_| bad_value("body"))?;
    if to <= draft.status() {
        return Ok(false);
    }
    draft
        .advance(to)
        .map_err(|e| Error::Document(e.message()))?;
    let body = serde_json::to_string(&draft).map_err(|_| bad_value("body"))?;
    tx.execute(
        "UPDATE payment SET status = ?2, body = ?3, updated_ms = ?4 WHERE id = ?1",
        params![id, v.as_str().unwrap_or_default(), body, tx.now_ms()],
    )?;
    Ok(true)
}

fn merge_tombstone(tx: &Tx<'_>, e: &Entity, c: &Change) -> Result<bool, Error> {
    if !e.has_deleted || !row_exists(tx, e.table, &c.id)? {
        return Ok(false);
    }
    let local = local_clock(tx, e, &c.id, DELETED_FIELD)?;
    if local.as_ref().is_some_and(|l| *l >= c.hlc) {
        return Ok(false);
    }
    set_clock(tx, e.kind, &c.id, DELETED_FIELD, &c.hlc)?;
    let deleted = match parse_value(c)? {
        Value::Bool(b) => b,
        _ => return Err(bad_value(DELETED_FIELD)),
    };
    let sql = if deleted {
        format!(
            "UPDATE {} SET deleted_ms = COALESCE(deleted_ms, ?2) WHERE id = ?1",
            e.table
        )
    } else {
        format!(
            "UPDATE {} SET deleted_ms = NULL WHERE id = ?1 AND ?2 IS NOT NULL",
            e.table
        )
    };
    Ok(tx.execute(&sql, params![c.id, tx.now_ms()])? > 0)
}

/// A link kind (`parent:child` id): a create or `_deleted: false` adds it, `_deleted: true`
/// removes it, last writer wins.
fn merge_link(
    tx: &Tx<'_>,
    e: &Entity,
    parent: &str,
    child: &str,
    c: &Change,
) -> Result<bool, Error> {
    let Some((p, ch)) = c.id.split_once(':') else {
        return Err(bad_value("id"));
    };
    let present = match (c.field.as_str(), parse_value(c)?) {
        (CREATE_FIELD, _) => true,
        (DELETED_FIELD, Value::Bool(b)) => !b,
        _ => return Ok(false),
    };
    let local = local_clock(tx, e, &c.id, DELETED_FIELD)?;
    if local.as_ref().is_some_and(|l| *l >= c.hlc) {
        return Ok(false);
    }
    set_clock(tx, e.kind, &c.id, DELETED_FIELD, &c.hlc)?;
    let n = if present {
        tx.execute(
            &format!(
                "INSERT OR IGNORE INTO {t}({parent}, {child})
                 SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM traveller WHERE id = ?2)",
                t = e.table
            ),
            params![p, ch],
        )?
    } else {
        tx.execute(
            &format!(
                "DELETE FROM {t} WHERE {parent} = ?1 AND {child} = ?2",
                t = e.table
            ),
            params![p, ch],
        )?
    };
    Ok(n > 0)
}

fn update(tx: &Tx<'_>, e: &Entity, id: &str, sets: &[(&str, Sql)]) -> Result<bool, Error> {
    let mut parts: Vec<String> = sets
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{c} = ?{}", i + 2))
        .collect();
    let mut vals: Vec<Sql> = vec![Sql::Text(id.to_owned())];
    vals.extend(sets.iter().map(|(_, v)| v.clone()));
    if e.has_updated {
        parts.push(format!("updated_ms = ?{}", vals.len() + 1));
        vals.push(Sql::Integer(tx.now_ms()));
    }
    let sql = format!("UPDATE {} SET {} WHERE id = ?1", e.table, parts.join(", "));
    Ok(tx.execute(&sql, rusqlite::params_from_iter(vals))? > 0)
}

fn plan_parts(v: &Value, field: &str) -> Result<(Sql, Sql), Error> {
    match v {
        Value::Null => Ok((Sql::Null, Sql::Null)),
        Value::Object(m) => {
            let amount = m.get("amount").and_then(Value::as_str);
            let currency = m.get("currency").and_then(Value::as_str);
            match (amount, currency) {
                (Some(a), Some(c)) => Ok((Sql::Text(a.to_owned()), Sql::Text(c.to_owned()))),
                _ => Err(bad_value(field)),
            }
        }
        _ => Err(bad_value(field)),
    }
}

fn set_links(
    tx: &Tx<'_>,
    table: &str,
    parent: &str,
    child: &str,
    id: &str,
    v: &Value,
) -> Result<(), Error> {
    let Value::Array(items) = v else {
        return Err(bad_value(table));
    };
    tx.execute(&format!("DELETE FROM {table} WHERE {parent} = ?1"), [id])?;
    for item in items {
        let Some(other) = item.as_str() else {
            return Err(bad_value(table));
        };
        // A link to a traveller this device does not hold is skipped rather than breaking
        // the merge (the traveller's create record always comes first in server order).
        tx.execute(
            &format!(
                "INSERT OR IGNORE INTO {table}({parent}, {child})
                 SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM traveller WHERE id = ?2)"
            ),
            params![id, other],
        )?;
    }
    Ok(())
}

fn is_signed(tx: &Tx<'_>, id: &str) -> Result<bool, Error> {
    Ok(tx
        .query_row(
            "SELECT signed_enc IS NOT NULL FROM document WHERE id = ?1",
            [id],
            |r| r.get::<_, bool>(0),
        )
        .optional()?
        .unwrap_or(false))
}

fn event(tx: &Tx<'_>, id: &str, status: &str, note: Option<&str>) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO document_event(document_id, seq, status, at_ms, note)
         VALUES(?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM document_event WHERE document_id = ?1),
                ?2, ?3, ?4)",
        params![id, status, tx.now_ms(), note],
    )?;
    Ok(())
}

/// Two devices may save templates of the same name while offline; names are unique, so the
/// later one (by clock) gets its id appended, on every device alike.
fn template_name(tx: &Tx<'_>, id: &str, name: &str, hlc: &Hlc) -> Result<String, Error> {
    let taken: Option<(String, String)> = tx
        .query_row(
            "SELECT id, hlc FROM template WHERE name = ?1 AND deleted_ms IS NULL AND id != ?2",
            params![name, id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((other, other_hlc)) = taken else {
        return Ok(name.to_owned());
    };
    let suffixed = |id: &str| format!("{name} ({})", id.chars().take(8).collect::<String>());
    let other_hlc: Option<Hlc> = other_hlc.parse().ok();
    if other_hlc.is_some_and(|o| o < *hlc) {
        return Ok(suffixed(id));
    }
    tx.execute(
        "UPDATE template SET name = ?2 WHERE id = ?1",
        params![other, suffixed(&other)],
    )?;
    Ok(name.to_owned())
}

/// The trip a changed record belongs to, for its alerts.
fn trip_of(tx: &Tx<'_>, kind: EntityKind, id: &str) -> Result<Option<String>, Error> {
    Ok(match kind {
        EntityKind::Trip => Some(id.to_owned()),
        EntityKind::Purchase => tx
            .query_row("SELECT trip_id FROM purchase WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?,
        _ => None,
    })
}
