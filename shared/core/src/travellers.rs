//! Travellers and parties (families, groups). Names and document numbers are sealed at rest.

use karvon_domain::sync::EntityKind;
use karvon_domain::{Date, Message};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;

use crate::crypto::hex;
use crate::store::{new_id, Tx};
use crate::validate::{self, MAX_NAME_CHARS};
use crate::{deletes, Error, Karvon};

/// Longest document number.
const MAX_DOCUMENT_CHARS: usize = 64;
/// Most statuses per traveller.
const MAX_STATUSES: usize = 16;

/// What the user enters about a traveller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TravellerInput {
    /// Name as on the travel document.
    pub name: String,
    /// Date of birth (ages are computed on the arrival date).
    pub birth_date: Option<Date>,
    /// Country of residence, ISO 3166 alpha-2.
    pub residency: String,
    /// Passport or ID number.
    pub document: Option<String>,
    /// Statuses such as `crew` or `long_term_pass`.
    pub statuses: Vec<String>,
}

/// Changes to a traveller; `None` keeps a field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TravellerPatch {
    /// New name.
    pub name: Option<String>,
    /// New birth date.
    pub birth_date: Option<Date>,
    /// New residency.
    pub residency: Option<String>,
    /// New document number (`Some(None)` removes it).
    pub document: Option<Option<String>>,
    /// New statuses.
    pub statuses: Option<Vec<String>>,
}

/// A stored traveller, identifiers opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Traveller {
    /// Record id.
    pub id: String,
    /// Name as on the travel document.
    pub name: String,
    /// Date of birth.
    pub birth_date: Date,
    /// Country of residence.
    pub residency: String,
    /// Document number.
    pub document: Option<String>,
    /// Statuses.
    pub statuses: Vec<String>,
    /// Last change, UTC ms.
    pub updated_ms: i64,
}

/// A group or family travelling together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    /// Record id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Member traveller ids.
    pub members: Vec<String>,
}

struct Checked {
    name: String,
    birth_date: Date,
    residency: String,
    document: Option<String>,
    statuses: Vec<String>,
}

fn check(input: &TravellerInput) -> Result<Checked, Error> {
    let name = validate::text("name", &input.name, MAX_NAME_CHARS)?;
    let birth_date = input
        .birth_date
        .ok_or_else(|| Error::input("birth_date", Message::new("input-missing")))?;
    let residency = validate::country("residency", &input.residency)?;
    let document = match input.document.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(validate::text("document", d, MAX_DOCUMENT_CHARS)?),
    };
    let statuses = statuses(&input.statuses)?;
    Ok(Checked {
        name,
        birth_date,
        residency,
        document,
        statuses,
    })
}

fn statuses(list: &[String]) -> Result<Vec<String>, Error> {
    if list.len() > MAX_STATUSES {
        return Err(Error::input(
            "statuses",
            Message::new("input-too-many")
                .int("count", i64::try_from(list.len()).unwrap_or(i64::MAX))
                .int("max", i64::try_from(MAX_STATUSES).unwrap_or(i64::MAX)),
        ));
    }
    let mut out = Vec::new();
    for (i, s) in list.iter().enumerate() {
        let s = validate::text(&format!("statuses[{i}]"), s, 64)?;
        if !out.contains(&s) {
            out.push(s);
        }
    }
    Ok(out)
}

/// The sealing context of a traveller's field.
fn ctx(id: &str, field: &str) -> String {
    format!("traveller:{id}:{field}")
}

impl Karvon {
    /// Adds a traveller.
    pub fn add_traveller(&self, input: &TravellerInput) -> Result<Traveller, Error> {
        let c = check(input)?;
        let data = self.data()?;
        let id = new_id();
        let name_enc = data.cipher.seal(&ctx(&id, "name"), &c.name)?;
        let doc_enc = match &c.document {
            Some(d) => Some(data.cipher.seal(&ctx(&id, "document"), d)?),
            None => None,
        };
        let statuses = serde_json::to_string(&c.statuses).unwrap_or_default();
        data.store.write(|tx| {
            let now = tx.now_ms();
            let row = json!({
                "name": { "sealed": hex(&name_enc) },
                "document": doc_enc.as_ref().map(|d| json!({ "sealed": hex(d) })),
                "birth_date": c.birth_date.to_string(),
                "residency": c.residency,
                "statuses": c.statuses,
            });
            let hlc = tx.record_create(EntityKind::Traveller, &id, &row.to_string())?;
            tx.execute(
                "INSERT INTO traveller(id, name_enc, document_enc, birth_date, residency, statuses,
                 hlc, created_ms, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![
                    id,
                    name_enc,
                    doc_enc,
                    c.birth_date.to_string(),
                    c.residency,
                    statuses,
                    hlc,
                    now
                ],
            )?;
            Ok(())
        })?;
        self.traveller(&id)
    }

    /// Changes a traveller.
    pub fn edit_traveller(&self, id: &str, patch: &TravellerPatch) -> Result<Traveller, Error> {
        let cur = self.traveller(id)?;
        let input = TravellerInput {
            name: patch.name.clone().unwrap_or_else(|| cur.name.clone()),
            birth_date: Some(patch.birth_date.unwrap_or(cur.birth_date)),
            residency: patch
                .residency
                .clone()
                .unwrap_or_else(|| cur.residency.clone()),
            document: patch
                .document
                .clone()
                .unwrap_or_else(|| cur.document.clone()),
            statuses: patch
                .statuses
                .clone()
                .unwrap_or_else(|| cur.statuses.clone()),
        };
        let c = check(&input)?;
        let data = self.data()?;
        let id = cur.id.clone();
        data.store.write(|tx| {
            let k = EntityKind::Traveller;
            let now = tx.now_ms();
            if c.name != cur.name {
                let enc = data.cipher.seal(&ctx(&id, "name"), &c.name)?;
                tx.execute(
                    "UPDATE traveller SET name_enc = ?2 WHERE id = ?1",
                    params![id, enc],
                )?;
                tx.record(k, &id, "name", &json!({ "sealed": hex(&enc) }).to_string())?;
            }
            if c.document != cur.document {
                let enc = match &c.document {
                    Some(d) => Some(data.cipher.seal(&ctx(&id, "document"), d)?),
                    None => None,
                };
                tx.execute(
                    "UPDATE traveller SET document_enc = ?2 WHERE id = ?1",
                    params![id, enc],
                )?;
                let v = enc.as_ref().map(|d| json!({ "sealed": hex(d) }));
                tx.record(k, &id, "document", &json!(v).to_string())?;
            }
            if c.birth_date != cur.birth_date {
                let v = c.birth_date.to_string();
                tx.execute(
                    "UPDATE traveller SET birth_date = ?2 WHERE id = ?1",
                    params![id, v],
                )?;
                tx.record(k, &id, "birth_date", &json!(v).to_string())?;
            }
            if c.residency != cur.residency {
                tx.execute(
                    "UPDATE traveller SET residency = ?2 WHERE id = ?1",
                    params![id, c.residency],
                )?;
                tx.record(k, &id, "residency", &json!(c.residency).to_string())?;
            }
            if c.statuses != cur.statuses {
                let v = serde_json::to_string(&c.statuses).unwrap_or_default();
                tx.execute(
                    "UPDATE traveller SET statuses = ?2 WHERE id = ?1",
                    params![id, v],
                )?;
                tx.record(k, &id, "statuses", &v)?;
            }
            tx.execute(
                "UPDATE traveller SET updated_ms = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            // Age, residency and statuses change allowances: check the trips they are on.
            let trips: Vec<String> = tx
                .prepare_cached(
                    "SELECT t.id FROM trip_traveller tt JOIN trip t ON t.id = tt.trip_id
                     WHERE tt.traveller_id = ?1 AND t.deleted_ms IS NULL",
                )?
                .query_map([&id], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for trip in &trips {
                crate::alerts::refresh(self, tx, trip)?;
            }
            Ok(())
        })?;
        self.traveller(&id)
    }

    /// One traveller (not deleted).
    pub fn traveller(&self, id: &str) -> Result<Traveller, Error> {
        let id = validate::id("traveller", id)?;
        let data = self.data()?;
        let row = data.store.read(|c| read_one(c, &id))?;
        let row = row.ok_or(Error::NotFound {
            entity: "traveller",
            id: id.clone(),
        })?;
        open_row(self, row)
    }

    /// All travellers, by name.
    pub fn travellers(&self) -> Result<Vec<Traveller>, Error> {
        let data = self.data()?;
        let rows = data.store.read(|c| {
            let mut s = c.prepare_cached(
                "SELECT id, name_enc, document_enc, birth_date, residency, statuses, updated_ms
                 FROM traveller WHERE deleted_ms IS NULL",
            )?;
            let rows = s.query_map([], row)?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })?;
        let mut out = rows
            .into_iter()
            .map(|r| open_row(self, r))
            .collect::<Result<Vec<_>, _>>()?;
        out.sort_by_key(|t| t.name.to_lowercase());
        Ok(out)
    }

    /// Deletes a traveller (a tombstone; `undo_delete` brings it back). Refused while a trip
    /// that is not deleted still lists them.
    pub fn delete_traveller(&self, id: &str) -> Result<(), Error> {
        let t = self.traveller(id)?;
        let data = self.data()?;
        data.store.write(|tx| {
            let trips: i64 = tx.query_row(
                "SELECT count(*) FROM trip_traveller tt JOIN trip t ON t.id = tt.trip_id
                 WHERE tt.traveller_id = ?1 AND t.deleted_ms IS NULL",
                [&t.id],
                |r| r.get(0),
            )?;
            if trips > 0 {
                return Err(Error::input(
                    "traveller",
                    Message::new("input-traveller-on-trip").int("trips", trips),
                ));
            }
            deletes::tombstone(tx, EntityKind::Traveller, &t.id)
        })
    }

    /// Adds a party of existing travellers.
    pub fn add_party(&self, name: &str, members: &[String]) -> Result<Party, Error> {
        let name = validate::text("name", name, MAX_NAME_CHARS)?;
        let mut ids = Vec::new();
        for m in members {
            let t = self.traveller(m)?;
            if !ids.contains(&t.id) {
                ids.push(t.id);
            }
        }
        let id = new_id();
        self.store()?.write(|tx| {
            let now = tx.now_ms();
            let row = json!({ "name": name, "members": ids });
            let hlc = tx.record_create(EntityKind::Group, &id, &row.to_string())?;
            tx.execute(
                "INSERT INTO party(id, name, hlc, created_ms, updated_ms) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![id, name, hlc, now],
            )?;
            set_members(tx, &id, &ids)?;
            Ok(())
        })?;
        Ok(Party {
            id,
            name,
            members: ids,
        })
    }

    /// All parties that are not deleted.
    pub fn parties(&self) -> Result<Vec<Party>, Error> {
        self.store()?.read(|c| {
            let mut s = c.prepare_cached(
                "SELECT id, name FROM party WHERE deleted_ms IS NULL ORDER BY name",
            )?;
            let heads: Vec<(String, String)> = s
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let mut out = Vec::new();
            for (id, name) in heads {
                let mut m = c.prepare_cached(
                    "SELECT pm.traveller_id FROM party_member pm JOIN traveller t
                     ON t.id = pm.traveller_id WHERE pm.party_id = ?1 AND t.deleted_ms IS NULL",
                )?;
                let members = m
                    .query_map([&id], |r| r.get(0))?
                    .collect::<Result<Vec<String>, _>>()?;
                out.push(Party { id, name, members });
            }
            Ok(out)
        })
    }

    /// Deletes a party (its travellers stay).
    pub fn delete_party(&self, id: &str) -> Result<(), Error> {
        let id = validate::id("party", id)?;
        self.store()?.write(|tx| {
            let n: i64 = tx.query_row(
                "SELECT count(*) FROM party WHERE id = ?1 AND deleted_ms IS NULL",
                [&id],
                |r| r.get(0),
            )?;
            if n == 0 {
                return Err(Error::NotFound {
                    entity: "party",
                    id: id.clone(),
                });
            }
            deletes::tombstone(tx, EntityKind::Group, &id)
        })
    }
}

fn set_members(tx: &Tx<'_>, party: &str, ids: &[String]) -> Result<(), Error> {
    tx.execute("DELETE FROM party_member WHERE party_id = ?1", [party])?;
    for t in ids {
        tx.execute(
            "INSERT INTO party_member(party_id, traveller_id) VALUES (?1, ?2)",
            params![party, t],
        )?;
    }
    Ok(())
}

type Row = (
    String,
    Vec<u8>,
    Option<Vec<u8>>,
    String,
    String,
    String,
    i64,
);

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

fn read_one(c: &Connection, id: &str) -> Result<Option<Row>, Error> {
    Ok(c.prepare_cached(
        "SELECT id, name_enc, document_enc, birth_date, residency, statuses, updated_ms
         FROM traveller WHERE id = ?1 AND deleted_ms IS NULL",
    )?
    .query_row([id], row)
    .optional()?)
}

/// A live traveller read on a given connection, identifiers opened.
pub(crate) fn read_open(k: &Karvon, c: &Connection, id: &str) -> Result<Traveller, Error> {
    let row = read_one(c, id)?.ok_or_else(|| Error::NotFound {
        entity: "traveller",
        id: id.to_owned(),
    })?;
    open_row(k, row)
}

fn open_row(
    k: &Karvon,
    (id, name, doc, birth, residency, statuses, updated_ms): Row,
) -> Result<Traveller, Error> {
    let cipher = &k.data()?.cipher;
    let name = cipher.open(&ctx(&id, "name"), &name)?;
    let document = match doc {
        Some(d) => Some(cipher.open(&ctx(&id, "document"), &d)?),
        None => None,
    };
    Ok(Traveller {
        birth_date: birth.parse().map_err(|_| {
            Error::Store(Message::new("error-db-value").text("field", "birth_date"))
        })?,
        statuses: serde_json::from_str(&statuses).unwrap_or_default(),
        id,
        name,
        residency,
        document,
        updated_ms,
    })
}
