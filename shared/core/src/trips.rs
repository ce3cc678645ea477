//! Trips: where to, when, how, who travels, and a spending plan.

use karvon_domain::kind::Mode;
use karvon_domain::sync::EntityKind;
use karvon_domain::{Currency, Date, Message};
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::json;

use crate::store::new_id;
use crate::validate::{self, MAX_NAME_CHARS};
use crate::{deletes, Error, Karvon};

/// Longest stay abroad a trip may record, in days.
const MAX_DAYS_ABROAD: u32 = 3_650;

/// A spending plan: how much the travellers mean to spend, in a chosen currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The planned amount.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Its currency.
    pub currency: Currency,
}

/// What the user enters about a trip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TripInput {
    /// A name for the trip.
    pub name: String,
    /// Jurisdiction code of the rules pack, e.g. `FI`.
    pub jurisdiction: String,
    /// Local date of arrival.
    pub arrival: Date,
    /// How the travellers arrive.
    pub mode: Mode,
    /// Whole days spent abroad.
    pub days_abroad: u32,
    /// Traveller ids.
    pub travellers: Vec<String>,
    /// Optional spending plan.
    pub plan: Option<Plan>,
    /// Ask to pool the household's allowances on one declaration.
    pub joint: bool,
}

/// Changes to a trip; `None` keeps a field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TripPatch {
    /// New name.
    pub name: Option<String>,
    /// New jurisdiction.
    pub jurisdiction: Option<String>,
    /// New arrival date.
    pub arrival: Option<Date>,
    /// New mode.
    pub mode: Option<Mode>,
    /// New days abroad.
    pub days_abroad: Option<u32>,
    /// New traveller list.
    pub travellers: Option<Vec<String>>,
    /// New plan (`Some(None)` removes it).
    pub plan: Option<Option<Plan>>,
    /// New joint-declaration wish.
    pub joint: Option<bool>,
}

/// A stored trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TripRecord {
    /// Record id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Jurisdiction code.
    pub jurisdiction: String,
    /// Local arrival date.
    pub arrival: Date,
    /// Mode of arrival.
    pub mode: Mode,
    /// Days abroad.
    pub days_abroad: u32,
    /// Traveller ids, in the order they were listed.
    pub travellers: Vec<String>,
    /// Spending plan.
    pub plan: Option<Plan>,
    /// Joint declaration asked for.
    pub joint: bool,
    /// Last change, UTC ms.
    pub updated_ms: i64,
}

impl Karvon {
    fn check_trip(&self, t: &TripInput) -> Result<(TripInput, Vec<String>), Error> {
        let name = validate::text("name", &t.name, MAX_NAME_CHARS)?;
        let jurisdiction = t.jurisdiction.trim().to_ascii_uppercase();
        match self.packs().get(&jurisdiction) {
            Some(p) if p.assessable => {}
            _ => {
                let known: Vec<String> = self
                    .packs()
                    .iter()
                    .filter(|p| p.assessable)
                    .map(|p| p.id.clone())
                    .collect();
                return Err(Error::input(
                    "jurisdiction",
                    Message::new("input-unknown-jurisdiction")
                        .text("value", t.jurisdiction.chars().take(16).collect::<String>())
                        .text("known", known.join(", ")),
                ));
            }
        }
        if t.days_abroad > MAX_DAYS_ABROAD {
            return Err(Error::input(
                "days_abroad",
                Message::new("input-too-big").int("max", i64::from(MAX_DAYS_ABROAD)),
            ));
        }
        if t.travellers.is_empty() {
            return Err(Error::input("travellers", Message::new("input-missing")));
        }
        if t.travellers.len() > karvon_domain::trip::MAX_TRAVELLERS {
            return Err(Error::input(
                "travellers",
                Message::new("input-too-many")
                    .int(
                        "count",
                        i64::try_from(t.travellers.len()).unwrap_or(i64::MAX),
                    )
                    .int(
                        "max",
                        i64::try_from(karvon_domain::trip::MAX_TRAVELLERS).unwrap_or(0),
                    ),
            ));
        }
        let mut ids = Vec::new();
        for who in &t.travellers {
            let tr = self.traveller(who)?;
            if !ids.contains(&tr.id) {
                ids.push(tr.id);
            }
        }
        let plan = match t.plan {
            Some(p) => Some(Plan {
                amount: validate::positive("plan", p.amount)?,
                currency: p.currency,
            }),
            None => None,
        };
        Ok((
            TripInput {
                name,
                jurisdiction,
                plan,
                travellers: ids.clone(),
                ..t.clone()
            },
            ids,
        ))
    }

    /// Adds a trip.
    pub fn add_trip(&self, input: &TripInput) -> Result<TripRecord, Error> {
        let (t, ids) = self.check_trip(input)?;
        let id = new_id();
        self.store()?.write(|tx| {
            let now = tx.now_ms();
            let row = json!({
                "name": t.name,
                "jurisdiction": t.jurisdiction,
                "arrival": t.arrival.to_string(),
                "mode": t.mode.as_str(),
                "days_abroad": t.days_abroad,
                "travellers": ids,
                "plan": plan_value(t.plan),
                "joint": t.joint,
            });
            let hlc = tx.record_create(EntityKind::Trip, &id, &row.to_string())?;
            tx.execute(
                "INSERT INTO trip(id, name, jurisdiction, arrival, mode, days_abroad, plan_amount,
                 plan_currency, joint, hlc, created_ms, updated_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                params![
                    id,
                    t.name,
                    t.jurisdiction,
                    t.arrival.to_string(),
                    t.mode.as_str(),
                    t.days_abroad,
                    t.plan.map(|p| p.amount.to_string()),
                    t.plan.map(|p| p.currency.code().to_owned()),
                    t.joint,
                    hlc,
                    now
                ],
            )?;
            for who in &ids {
                tx.execute(
                    "INSERT INTO trip_traveller(trip_id, traveller_id) VALUES (?1, ?2)",
                    params![id, who],
                )?;
            }
            Ok(())
        })?;
        self.trip(&id)
    }

    /// Changes a trip.
    pub fn edit_trip(&self, id: &str, patch: &TripPatch) -> Result<TripRecord, Error> {
        let cur = self.trip(id)?;
        let merged = TripInput {
            name: patch.name.clone().unwrap_or_else(|| cur.name.clone()),
            jurisdiction: patch
                .jurisdiction
                .clone()
                .unwrap_or_else(|| cur.jurisdiction.clone()),
            arrival: patch.arrival.unwrap_or(cur.arrival),
            mode: patch.mode.unwrap_or(cur.mode),
            days_abroad: patch.days_abroad.unwrap_or(cur.days_abroad),
            travellers: patch
                .travellers
                .clone()
                .unwrap_or_else(|| cur.travellers.clone()),
            plan: patch.plan.unwrap_or(cur.plan),
            joint: patch.joint.unwrap_or(cur.joint),
        };
        let (t, ids) = self.check_trip(&merged)?;
        let id = cur.id.clone();
        self.write(|tx| {
            // A traveller with purchases on this trip cannot leave it.
            for gone in cur.travellers.iter().filter(|g| !ids.contains(g)) {
                let n: i64 = tx.query_row(
                    "SELECT count(*) FROM purchase WHERE trip_id = ?1 AND traveller_id = ?2
                     AND deleted_ms IS NULL",
                    params![id, gone],
                    |r| r.get(0),
                )?;
                if n > 0 {
                    return Err(Error::input(
                        "travellers",
                        Message::new("input-traveller-has-purchases").int("purchases", n),
                    ));
                }
            }
            let now = tx.now_ms();
            tx.execute(
                "UPDATE trip SET name = ?2, jurisdiction = ?3, arrival = ?4, mode = ?5,
                 days_abroad = ?6, plan_amount = ?7, plan_currency = ?8, joint = ?9,
                 updated_ms = ?10 WHERE id = ?1",
                params![
                    id,
                    t.name,
                    t.jurisdiction,
                    t.arrival.to_string(),
                    t.mode.as_str(),
                    t.days_abroad,
                    t.plan.map(|p| p.amount.to_string()),
                    t.plan.map(|p| p.currency.code().to_owned()),
                    t.joint,
                    now
                ],
            )?;
            let k = EntityKind::Trip;
            if t.name != cur.name {
                tx.record(k, &id, "name", &json!(t.name).to_string())?;
            }
            if t.jurisdiction != cur.jurisdiction {
                tx.record(k, &id, "jurisdiction", &json!(t.jurisdiction).to_string())?;
            }
            if t.arrival != cur.arrival {
                tx.record(k, &id, "arrival", &json!(t.arrival.to_string()).to_string())?;
            }
            if t.mode != cur.mode {
                tx.record(k, &id, "mode", &json!(t.mode.as_str()).to_string())?;
            }
            if t.days_abroad != cur.days_abroad {
                tx.record(k, &id, "days_abroad", &json!(t.days_abroad).to_string())?;
            }
            if ids != cur.travellers {
                tx.execute("DELETE FROM trip_traveller WHERE trip_id = ?1", [&id])?;
                for who in &ids {
                    tx.execute(
                        "INSERT INTO trip_traveller(trip_id, traveller_id) VALUES (?1, ?2)",
                        params![id, who],
                    )?;
                }
                tx.record(k, &id, "travellers", &json!(ids).to_string())?;
            }
            if t.plan != cur.plan {
                tx.record(k, &id, "plan", &plan_json(t.plan))?;
            }
            if t.joint != cur.joint {
                tx.record(k, &id, "joint", &json!(t.joint).to_string())?;
            }
            crate::alerts::refresh(self, tx, &id)?;
            Ok(())
        })?;
        self.trip(&id)
    }

    /// One trip (not deleted).
    pub fn trip(&self, id: &str) -> Result<TripRecord, Error> {
        let id = validate::id("trip", id)?;
        self.store()?
            .read(|c| read_trip(c, &id))?
            .ok_or(Error::NotFound { entity: "trip", id })
    }

    /// All trips, newest arrival first.
    pub fn trips(&self) -> Result<Vec<TripRecord>, Error> {
        self.store()?.read(|c| {
            let mut s = c.prepare_cached(
                "SELECT id FROM trip WHERE deleted_ms IS NULL ORDER BY arrival DESC, created_ms DESC",
            )?;
            let ids: Vec<String> = s.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
            let mut out = Vec::new();
            for id in ids {
                if let Some(t) = read_trip(c, &id)? {
                    out.push(t);
                }
            }
            Ok(out)
        })
    }

    /// Deletes a trip (a tombstone: its purchases stay with it and come back with an undo).
    pub fn delete_trip(&self, id: &str) -> Result<(), Error> {
        let t = self.trip(id)?;
        self.store()?
            .write(|tx| deletes::tombstone(tx, EntityKind::Trip, &t.id))
    }

    /// Resolves an id or a unique id prefix (at least 4 characters) of a live record.
    pub fn resolve_id(&self, entity: &'static str, prefix: &str) -> Result<String, Error> {
        let table = match entity {
            "trip" => "trip",
            "traveller" => "traveller",
            "purchase" => "purchase",
            "party" => "party",
            "document" => "document",
            "payment" => "payment",
            "template" => "template",
            _ => {
                return Err(Error::NotFound {
                    entity,
                    id: prefix.to_owned(),
                })
            }
        };
        let p = prefix.trim().to_ascii_lowercase();
        let not_found = || Error::NotFound {
            entity,
            id: prefix.chars().take(64).collect(),
        };
        if p.len() < 4 || !p.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(not_found());
        }
        let hits: Vec<String> = self.store()?.read(|c| {
            let mut s = c.prepare(&format!(
                "SELECT id FROM {table} WHERE id >= ?1 AND id < ?1 || 'g' AND deleted_ms IS NULL LIMIT 2"
            ))?;
            let ids = s.query_map([&p], |r| r.get(0))?.collect::<Result<_, _>>()?;
            Ok(ids)
        })?;
        match hits.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(not_found()),
            _ => Err(Error::input(
                "id",
                Message::new("input-ambiguous-id").text("id", p),
            )),
        }
    }
}

fn plan_value(plan: Option<Plan>) -> serde_json::Value {
    match plan {
        Some(p) => json!({"amount": p.amount.to_string(), "currency": p.currency.code()}),
        None => serde_json::Value::Null,
    }
}

fn plan_json(plan: Option<Plan>) -> String {
    plan_value(plan).to_string()
}

type Row = (
    String,
    String,
    String,
    String,
    String,
    u32,
    Option<String>,
    Option<String>,
    bool,
    i64,
);

pub(crate) fn read_trip(c: &Connection, id: &str) -> Result<Option<TripRecord>, Error> {
    let row: Option<Row> = c
        .prepare_cached(
            "SELECT id, name, jurisdiction, arrival, mode, days_abroad, plan_amount, plan_currency,
             joint, updated_ms FROM trip WHERE id = ?1 AND deleted_ms IS NULL",
        )?
        .query_row([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
            ))
        })
        .optional()?;
    let Some((
        id,
        name,
        jurisdiction,
        arrival,
        mode,
        days_abroad,
        amount,
        currency,
        joint,
        updated_ms,
    )) = row
    else {
        return Ok(None);
    };
    let bad =
        |field: &'static str| Error::Store(Message::new("error-db-value").text("field", field));
    let plan = match (amount, currency) {
        (Some(a), Some(c)) => Some(Plan {
            amount: a.parse().map_err(|_| bad("plan_amount"))?,
            currency: Currency::from_code(&c).map_err(|_| bad("plan_currency"))?,
        }),
        _ => None,
    };
    let mut s = c.prepare_cached(
        "SELECT tt.traveller_id FROM trip_traveller tt JOIN traveller t ON t.id = tt.traveller_id
         WHERE tt.trip_id = ?1 ORDER BY tt.traveller_id",
    )?;
    let travellers = s
        .query_map([&id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(Some(TripRecord {
        arrival: arrival.parse().map_err(|_| bad("arrival"))?,
        mode: Mode::parse(&mode).ok_or_else(|| bad("mode"))?,
        id,
        name,
        jurisdiction,
        days_abroad,
        travellers,
        plan,
        joint,
        updated_ms,
    }))
}
