//! Purchases: what was bought, for how much, by whom, when and where.

use karvon_domain::kind::{Kind, Present, Spirit};
use karvon_domain::sync::EntityKind;
use karvon_domain::trip::{MAX_ITEMS, MAX_TEXT_CHARS};
use karvon_domain::{Currency, Date, Message};
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write as _;

use crate::alerts::{self, Alert};
use crate::store::{new_id, Tx};
use crate::validate;
use crate::{deletes, Error, Karvon};

/// A saved purchase and the alerts it raised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bought {
    /// The purchase as stored.
    pub purchase: Purchase,
    /// Alerts that turned on with it.
    pub alerts: Vec<Alert>,
}

/// What the user enters about a purchase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseInput {
    /// The trip id.
    pub trip: String,
    /// The traveller id; may be left out when the trip has one traveller.
    pub traveller: Option<String>,
    /// What it is.
    pub description: String,
    /// Its kind.
    pub kind: Kind,
    /// Price paid.
    pub value: Option<Decimal>,
    /// Currency of the price.
    pub currency: Option<Currency>,
    /// Pieces.
    pub count: Option<Decimal>,
    /// Litres.
    pub litres: Option<Decimal>,
    /// Grams.
    pub grams: Option<Decimal>,
    /// Millilitres.
    pub ml: Option<Decimal>,
    /// Weight in kilograms.
    pub weight_kg: Option<Decimal>,
    /// Alcohol by volume, percent.
    pub abv: Option<Decimal>,
    /// Type of spirit.
    pub spirit: Option<Spirit>,
    /// HS code.
    pub hs_code: Option<String>,
    /// The item's own tariff duty rate in percent.
    pub duty_rate: Option<Decimal>,
    /// The shop.
    pub shop: Option<String>,
    /// Local date of purchase (picks the exchange rate).
    pub bought_on: Date,
    /// Time of purchase, UTC ms (defaults to now).
    pub bought_ms: Option<i64>,
    /// Taken out and brought back.
    pub used: bool,
    /// A gift.
    pub gift: bool,
    /// Eligible for a tax-free (VAT) refund where bought.
    pub tax_free: bool,
    /// Sent home separately (unaccompanied baggage), declared apart from what is carried.
    pub unaccompanied: bool,
}

impl PurchaseInput {
    /// A purchase of `kind` on `bought_on` with every optional field empty.
    pub fn new(trip: &str, description: &str, kind: Kind, bought_on: Date) -> Self {
        Self {
            trip: trip.to_owned(),
            traveller: None,
            description: description.to_owned(),
            kind,
            value: None,
            currency: None,
            count: None,
            litres: None,
            grams: None,
            ml: None,
            weight_kg: None,
            abv: None,
            spirit: None,
            hs_code: None,
            duty_rate: None,
            shop: None,
            bought_on,
            bought_ms: None,
            used: false,
            gift: false,
            tax_free: false,
            unaccompanied: false,
        }
    }

    /// With a price.
    pub fn priced(mut self, value: Decimal, currency: Currency) -> Self {
        self.value = Some(value);
        self.currency = Some(currency);
        self
    }
}

/// A stored purchase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Purchase {
    /// Record id.
    pub id: String,
    /// Trip id.
    pub trip: String,
    /// Traveller id.
    pub traveller: String,
    /// What it is.
    pub description: String,
    /// Its kind.
    pub kind: Kind,
    /// Price paid.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Decimal>,
    /// Currency of the price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Pieces.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub count: Option<Decimal>,
    /// Litres.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub litres: Option<Decimal>,
    /// Grams.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub grams: Option<Decimal>,
    /// Millilitres.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub ml: Option<Decimal>,
    /// Weight in kilograms.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub weight_kg: Option<Decimal>,
    /// Alcohol by volume.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub abv: Option<Decimal>,
    /// Type of spirit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spirit: Option<Spirit>,
    /// HS code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<String>,
    /// Own duty rate, percent.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub duty_rate: Option<Decimal>,
    /// Shop.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shop: Option<String>,
    /// Local date of purchase.
    pub bought_on: Date,
    /// Time of purchase, UTC ms.
    pub bought_ms: i64,
    /// Taken out and brought back.
    pub used: bool,
    /// A gift.
    pub gift: bool,
    /// Tax-free refund eligible.
    pub tax_free: bool,
    /// Sent separately (unaccompanied baggage).
    pub unaccompanied: bool,
}

/// The numeric fields and their upper bounds, in the order of the table.
const QUANTITIES: [&str; 5] = ["count", "litres", "grams", "ml", "weight_kg"];

impl Purchase {
    /// The row as a JSON object without the id (the create record and edits use it).
    fn to_json(&self) -> Value {
        let mut v = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Value::Object(m) = &mut v {
            m.remove("id");
        }
        v
    }

    /// The create record: the row as JSON text, written directly (one per purchase, so a bulk
    /// import writes as many as rows). The id is the record's own entity id and is left out, as
    /// are fields the row leaves at their defaults (absent values, `false` flags): a merge reads
    /// a missing field as its column's default.
    fn create_record(&self) -> String {
        let mut out = String::with_capacity(160 + self.description.len());
        let mut w = JsonObject(&mut out);
        w.text("trip", &self.trip);
        w.text("traveller", &self.traveller);
        w.text("description", &self.description);
        w.raw_text("kind", self.kind.as_str());
        w.decimal("value", self.value);
        if let Some(c) = self.currency {
            w.raw_text("currency", c.code());
        }
        w.decimal("count", self.count);
        w.decimal("litres", self.litres);
        w.decimal("grams", self.grams);
        w.decimal("ml", self.ml);
        w.decimal("weight_kg", self.weight_kg);
        w.decimal("abv", self.abv);
        if let Some(s) = self.spirit {
            w.raw_text("spirit", s.as_str());
        }
        if let Some(h) = &self.hs_code {
            w.text("hs_code", h);
        }
        w.decimal("duty_rate", self.duty_rate);
        if let Some(s) = &self.shop {
            w.text("shop", s);
        }
        w.display("bought_on", self.bought_on);
        w.key("bought_ms");
        let _ = write!(w.0, "{}", self.bought_ms);
        for (name, on) in [
            ("used", self.used),
            ("gift", self.gift),
            ("tax_free", self.tax_free),
            ("unaccompanied", self.unaccompanied),
        ] {
            if on {
                w.key(name);
                w.0.push_str("true");
            }
        }
        out.push('}');
        out
    }
}

/// A JSON object being written into an empty string (its brace opens with the first key).
struct JsonObject<'s>(&'s mut String);

impl JsonObject<'_> {
    /// Writes a key, with the comma before it when needed.
    fn key(&mut self, name: &str) {
        self.0.push(if self.0.is_empty() { '{' } else { ',' });
        self.0.push('"');
        self.0.push_str(name);
        self.0.push_str("\":");
    }

    /// A text field, escaped: runs without a character to escape are copied whole.
    fn text(&mut self, name: &str, value: &str) {
        self.key(name);
        self.0.push('"');
        let mut from = 0;
        for (at, b) in value.bytes().enumerate() {
            let escaped = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..0x20 => "",
                _ => continue,
            };
            self.0.push_str(&value[from..at]);
            if escaped.is_empty() {
                let _ = write!(self.0, "\\u{:04x}", b);
            } else {
                self.0.push_str(escaped);
            }
            from = at + 1;
        }
        self.0.push_str(&value[from..]);
        self.0.push('"');
    }

    /// A text field that needs no escaping (codes).
    fn raw_text(&mut self, name: &str, value: &str) {
        self.display(name, value);
    }

    /// A field written as the string of its `Display` (dates, decimals; no escaping needed).
    fn display(&mut self, name: &str, value: impl std::fmt::Display) {
        self.key(name);
        let _ = write!(self.0, "\"{value}\"");
    }

    /// An optional decimal, as a string; nothing when absent.
    fn decimal(&mut self, name: &str, value: Option<Decimal>) {
        if let Some(v) = value {
            self.display(name, v);
        }
    }
}

/// Checks a purchase the way the trip-file reader checks an item, so that every stored purchase
/// can be exported and assessed.
///
/// The purchase goes on `trip`; `default_ms` is its time when the input gives none.
fn check(
    p: &PurchaseInput,
    trip: String,
    traveller: String,
    default_ms: i64,
) -> Result<Purchase, Error> {
    let description = validate::text("description", &p.description, MAX_TEXT_CHARS)?;
    let value = p.value.map(|v| validate::money("value", v)).transpose()?;
    if value.is_some() && p.currency.is_none() {
        return Err(Error::input("currency", Message::new("input-missing")));
    }
    let q = [p.count, p.litres, p.grams, p.ml, p.weight_kg];
    let mut checked = [None; 5];
    for (i, (name, v)) in QUANTITIES.iter().zip(q).enumerate() {
        checked[i] = v.map(|v| validate::quantity(name, v)).transpose()?;
    }
    let [count, litres, grams, ml, weight_kg] = checked;
    if count.is_some_and(|c| !c.fract().is_zero()) {
        return Err(Error::input("count", Message::new("input-not-whole")));
    }
    let abv = p.abv.map(|v| validate::quantity("abv", v)).transpose()?;
    if abv.is_some_and(|a| a > Decimal::ONE_HUNDRED) {
        return Err(Error::input(
            "abv",
            Message::new("input-too-big").int("max", 100),
        ));
    }
    let duty_rate = p
        .duty_rate
        .map(|v| validate::quantity("duty_rate", v))
        .transpose()?;
    if duty_rate.is_some_and(|a| a > Decimal::from(1000)) {
        return Err(Error::input(
            "duty_rate",
            Message::new("input-too-big").int("max", 1000),
        ));
    }
    let hs_code = p
        .hs_code
        .as_deref()
        .map(|c| validate::hs_code("hs_code", c))
        .transpose()?;
    let shop = validate::opt_text("shop", p.shop.as_deref())?;
    let kind = p.kind;
    let has = Present {
        value: value.is_some(),
        count: count.is_some(),
        litres: litres.is_some(),
        grams: grams.is_some(),
        ml: ml.is_some(),
        used: p.used,
    };
    if let Some(field) = kind.missing_field(has) {
        return Err(Error::input(
            field,
            Message::new("input-missing-for-kind").term("kind", kind.term()),
        ));
    }
    Ok(Purchase {
        id: String::new(),
        trip,
        traveller,
        description,
        kind,
        value,
        currency: p.currency,
        count,
        litres,
        grams,
        ml,
        weight_kg,
        abv,
        spirit: p.spirit,
        hs_code,
        duty_rate,
        shop,
        bought_on: p.bought_on,
        bought_ms: p.bought_ms.unwrap_or(default_ms),
        used: p.used,
        gift: p.gift,
        tax_free: p.tax_free,
        unaccompanied: p.unaccompanied,
    })
}

fn dec(v: Option<Decimal>) -> Option<String> {
    v.map(|d| d.to_string())
}

/// The purchase row, every column (the clock at `?23`, the time at `?24`).
const INSERT: &str = "INSERT INTO purchase(id, trip_id, traveller_id, description, kind, value,
     currency, count, litres, grams, ml, weight_kg, abv, spirit, hs_code, duty_rate, shop,
     bought_on, bought_ms, used, gift, tax_free, hlc, created_ms, updated_ms, unaccompanied)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
     ?19, ?20, ?21, ?22, ?23, ?24, ?24, ?25)";

/// Inserts new purchases with their create records, the statements prepared once.
fn insert(tx: &mut Tx<'_>, rows: &[Purchase]) -> Result<(), Error> {
    tx.record_creates(
        EntityKind::Purchase,
        rows,
        INSERT,
        |p| (p.id.as_str(), p.create_record()),
        |s, p, hlc, now| {
            s.execute(params![
                p.id,
                p.trip,
                p.traveller,
                p.description,
                p.kind.as_str(),
                dec(p.value),
                p.currency.map(Currency::code),
                dec(p.count),
                dec(p.litres),
                dec(p.grams),
                dec(p.ml),
                dec(p.weight_kg),
                dec(p.abv),
                p.spirit.map(Spirit::as_str),
                p.hs_code,
                dec(p.duty_rate),
                p.shop,
                p.bought_on.to_string(),
                p.bought_ms,
                p.used,
                p.gift,
                p.tax_free,
                hlc,
                now,
                p.unaccompanied
            ])?;
            Ok(())
        },
    )
}

/// The trip's live purchase count and traveller ids, checked inside the write transaction.
fn trip_facts(c: &Connection, trip: &str) -> Result<(i64, Vec<String>), Error> {
    let live: Option<i64> = c
        .prepare_cached("SELECT 1 FROM trip WHERE id = ?1 AND deleted_ms IS NULL")?
        .query_row([trip], |r| r.get(0))
        .optional()?;
    if live.is_none() {
        return Err(Error::NotFound {
            entity: "trip",
            id: trip.to_owned(),
        });
    }
    let n: i64 = c
        .prepare_cached("SELECT count(*) FROM purchase WHERE trip_id = ?1 AND deleted_ms IS NULL")?
        .query_row([trip], |r| r.get(0))?;
    let mut s = c.prepare_cached(
        "SELECT traveller_id FROM trip_traveller WHERE trip_id = ?1 ORDER BY traveller_id",
    )?;
    let who = s
        .query_map([trip], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok((n, who))
}

fn pick_traveller(p: &PurchaseInput, on_trip: &[String]) -> Result<String, Error> {
    match &p.traveller {
        Some(t) => {
            let t = t.trim().to_ascii_lowercase();
            let hit: Vec<&String> = on_trip.iter().filter(|id| id.starts_with(&t)).collect();
            match (t.len() >= 4, hit.as_slice()) {
                (true, [one]) => Ok((*one).clone()),
                _ => Err(Error::input(
                    "traveller",
                    Message::new("input-unknown-traveller").text("id", t),
                )),
            }
        }
        None if on_trip.len() == 1 => Ok(on_trip[0].clone()),
        None => Err(Error::input("traveller", Message::new("input-missing"))),
    }
}

impl Karvon {
    /// Adds one purchase; returns it with the alerts it raised.
    pub fn add_purchase(&self, input: &PurchaseInput) -> Result<Bought, Error> {
        let (mut ids, alerts) = self.insert_purchases(std::slice::from_ref(input), false)?;
        Ok(Bought {
            purchase: self.purchase(&ids.remove(0))?,
            alerts,
        })
    }

    /// Adds many purchases in one transaction (all or none), as an import does; returns their
    /// ids in order. The trips' alerts are checked when their status is next read.
    pub fn add_purchases(&self, inputs: &[PurchaseInput]) -> Result<Vec<String>, Error> {
        Ok(self.insert_purchases(inputs, true)?.0)
    }

    fn insert_purchases(
        &self,
        inputs: &[PurchaseInput],
        later: bool,
    ) -> Result<(Vec<String>, Vec<Alert>), Error> {
        self.write(|tx| {
            let mut touched: Vec<String> = Vec::new();
            let mut ids = Vec::with_capacity(inputs.len());
            let mut facts: Option<(String, i64, Vec<String>)> = None;
            // Rows of one trip are written together, before the next trip's facts are read.
            let mut batch: Vec<Purchase> = Vec::new();
            for (i, input) in inputs.iter().enumerate() {
                let trip = validate::id("trip", &input.trip)?;
                if facts.as_ref().is_none_or(|f| f.0 != trip) {
                    insert(tx, &batch)?;
                    batch.clear();
                    let (n, who) = trip_facts(tx, &trip)?;
                    facts = Some((trip.clone(), n, who));
                }
                let Some((_, count, who)) = facts.as_mut() else {
                    continue;
                };
                if *count >= i64::try_from(MAX_ITEMS).unwrap_or(i64::MAX) {
                    return Err(Error::input(
                        "trip",
                        Message::new("input-too-many")
                            .int("count", *count + 1)
                            .int("max", i64::try_from(MAX_ITEMS).unwrap_or(0)),
                    ));
                }
                let traveller =
                    pick_traveller(input, who).map_err(|e| at_index(e, inputs.len(), i))?;
                if !touched.contains(&trip) {
                    touched.push(trip.clone());
                }
                let mut p = check(input, trip, traveller, tx.now_ms())
                    .map_err(|e| at_index(e, inputs.len(), i))?;
                p.id = new_id();
                *count += 1;
                ids.push(p.id.clone());
                batch.push(p);
            }
            insert(tx, &batch)?;
            let mut alerts = Vec::new();
            for trip in &touched {
                if later {
                    alerts::mark_stale(tx, trip)?;
                } else {
                    alerts.extend(alerts::refresh(self, tx, trip)?);
                }
            }
            Ok((ids, alerts))
        })
    }

    /// One purchase (not deleted).
    pub fn purchase(&self, id: &str) -> Result<Purchase, Error> {
        let id = validate::id("purchase", id)?;
        self.store()?
            .read(|c| {
                c.prepare_cached(&format!("{SELECT} WHERE id = ?1 AND deleted_ms IS NULL"))?
                    .query_row([&id], read_row)
                    .optional()?
                    .transpose()
            })?
            .ok_or(Error::NotFound {
                entity: "purchase",
                id,
            })
    }

    /// The purchases of a trip, oldest first.
    pub fn purchases(&self, trip: &str) -> Result<Vec<Purchase>, Error> {
        let trip = self.trip(trip)?;
        self.store()?.read(|c| trip_purchases(c, &trip.id))
    }

    /// Changes a purchase: `input` is the whole new purchase; changed fields are recorded.
    pub fn edit_purchase(&self, id: &str, input: &PurchaseInput) -> Result<Purchase, Error> {
        let cur = self.purchase(id)?;
        self.write(|tx| {
            let (_, who) = trip_facts(tx, &cur.trip)?;
            let traveller = pick_traveller(input, &who)?;
            let mut p = check(input, cur.trip.clone(), traveller, cur.bought_ms)?;
            p.id = cur.id.clone();
            let (old, new) = (cur.to_json(), p.to_json());
            let (Value::Object(old), Value::Object(new)) = (old, new) else {
                return Ok(());
            };
            let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
            keys.sort();
            keys.dedup();
            let changed: Vec<(String, Value)> = keys
                .into_iter()
                .filter(|k| old.get(*k) != new.get(*k))
                .map(|k| (k.clone(), new.get(k).cloned().unwrap_or(Value::Null)))
                .collect();
            if changed.is_empty() {
                return Ok(());
            }
            let now = tx.now_ms();
            tx.execute(
                "UPDATE purchase SET traveller_id = ?2, description = ?3, kind = ?4, value = ?5,
                 currency = ?6, count = ?7, litres = ?8, grams = ?9, ml = ?10, weight_kg = ?11,
                 abv = ?12, spirit = ?13, hs_code = ?14, duty_rate = ?15, shop = ?16,
                 bought_on = ?17, bought_ms = ?18, used = ?19, gift = ?20, tax_free = ?21,
                 updated_ms = ?22, unaccompanied = ?23 WHERE id = ?1",
                params![
                    p.id,
                    p.traveller,
                    p.description,
                    p.kind.as_str(),
                    dec(p.value),
                    p.currency.map(|c| c.code().to_owned()),
                    dec(p.count),
                    dec(p.litres),
                    dec(p.grams),
                    dec(p.ml),
                    dec(p.weight_kg),
                    dec(p.abv),
                    p.spirit.map(Spirit::as_str),
                    p.hs_code,
                    dec(p.duty_rate),
                    p.shop,
                    p.bought_on.to_string(),
                    p.bought_ms,
                    p.used,
                    p.gift,
                    p.tax_free,
                    now,
                    p.unaccompanied
                ],
            )?;
            for (field, value) in changed {
                tx.record(EntityKind::Purchase, &p.id, &field, &value.to_string())?;
            }
            alerts::refresh(self, tx, &cur.trip)?;
            Ok(())
        })?;
        self.purchase(&cur.id)
    }

    /// Deletes a purchase (a tombstone; `undo_delete` brings it back).
    pub fn delete_purchase(&self, id: &str) -> Result<(), Error> {
        let p = self.purchase(id)?;
        self.write(|tx| {
            deletes::tombstone(tx, EntityKind::Purchase, &p.id)?;
            alerts::refresh(self, tx, &p.trip)?;
            Ok(())
        })
    }
}

/// A purchase checked as `add_purchase` would, without saving it (its id is empty).
pub(crate) fn preview(
    c: &Connection,
    trip: &crate::TripRecord,
    input: &PurchaseInput,
) -> Result<Purchase, Error> {
    let (_, who) = trip_facts(c, &trip.id)?;
    let traveller = pick_traveller(input, &who)?;
    check(input, trip.id.clone(), traveller, crate::store::now_ms())
}

/// Names the purchase in a batch error (`purchases[3].value`).
fn at_index(e: Error, len: usize, i: usize) -> Error {
    match e {
        Error::Input(mut ie) if len > 1 => {
            ie.path = format!("purchases[{i}].{}", ie.path);
            Error::Input(ie)
        }
        e => e,
    }
}

const SELECT: &str = "SELECT id, trip_id, traveller_id, description, kind, value, currency, count,
    litres, grams, ml, weight_kg, abv, spirit, hs_code, duty_rate, shop, bought_on, bought_ms,
    used, gift, tax_free, unaccompanied FROM purchase";

/// The live purchases of a trip, oldest first.
pub(crate) fn trip_purchases(c: &Connection, trip: &str) -> Result<Vec<Purchase>, Error> {
    let mut s = c.prepare_cached(&format!(
        "{SELECT} WHERE trip_id = ?1 AND deleted_ms IS NULL ORDER BY bought_on, bought_ms, rowid"
    ))?;
    let rows = s.query_map([trip], read_row)?;
    let mut out = Vec::new();
    for r in rows {
        out.push(r??);
    }
    Ok(out)
}

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Purchase, Error>> {
    let bad =
        |field: &'static str| Error::Store(Message::new("error-db-value").text("field", field));
    // Codes, dates and decimals are read in place (no string of their own per row).
    let text = |i: usize| -> rusqlite::Result<Option<&str>> {
        r.get_ref(i)?.as_str_or_null().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    };
    let d = |i: usize, field: &'static str| -> rusqlite::Result<Result<Option<Decimal>, Error>> {
        Ok(text(i)?
            .map(|s| s.parse::<Decimal>().map_err(|_| bad(field)))
            .transpose())
    };
    let kind = text(4)?;
    let currency = text(6)?;
    let spirit = text(13)?;
    let bought_on = text(17)?;
    Ok((|| {
        Ok(Purchase {
            id: r.get(0)?,
            trip: r.get(1)?,
            traveller: r.get(2)?,
            description: r.get(3)?,
            kind: kind.and_then(Kind::parse).ok_or_else(|| bad("kind"))?,
            value: d(5, "value")??,
            currency: currency
                .map(|c| Currency::from_code(c).map_err(|_| bad("currency")))
                .transpose()?,
            count: d(7, "count")??,
            litres: d(8, "litres")??,
            grams: d(9, "grams")??,
            ml: d(10, "ml")??,
            weight_kg: d(11, "weight_kg")??,
            abv: d(12, "abv")??,
            spirit: spirit
                .map(|s| Spirit::parse(s).ok_or_else(|| bad("spirit")))
                .transpose()?,
            hs_code: r.get(14)?,
            duty_rate: d(15, "duty_rate")??,
            shop: r.get(16)?,
            bought_on: bought_on
                .and_then(|b| b.parse().ok())
                .ok_or_else(|| bad("bought_on"))?,
            bought_ms: r.get(18)?,
            used: r.get(19)?,
            gift: r.get(20)?,
            tax_free: r.get(21)?,
            unaccompanied: r.get(22)?,
        })
    })())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(description: &str) -> Purchase {
        Purchase {
            id: "0190a0b0-0000-7000-8000-000000000001".into(),
            trip: "0190a0b0-0000-7000-8000-000000000002".into(),
            traveller: "0190a0b0-0000-7000-8000-000000000003".into(),
            description: description.into(),
            kind: Kind::Spirits,
            value: Some(Decimal::new(12_345, 2)),
            currency: Currency::from_code("USD").ok(),
            count: None,
            litres: Some(Decimal::new(7, 1)),
            grams: None,
            ml: None,
            weight_kg: Some(Decimal::new(12, 1)),
            abv: Some(Decimal::from(40)),
            spirit: Spirit::parse("whisky"),
            hs_code: Some("220830".into()),
            duty_rate: None,
            shop: Some("Duty \"free\"".into()),
            bought_on: "2026-12-05".parse().unwrap_or_else(|_| unreachable!()),
            bought_ms: 1_764_000_000_123,
            used: false,
            gift: true,
            tax_free: false,
            unaccompanied: true,
        }
    }

    /// The written create record is the serde row without the id and the default fields.
    #[test]
    fn create_record_is_the_row_without_defaults() {
        for d in [
            "Gin",
            "a \"quoted\" \\ back\\slash\nnew\tline\u{1}\u{7f} ünï 🦀",
        ] {
            let p = sample(d);
            let written: Value = serde_json::from_str(&p.create_record()).unwrap_or_default();
            let Value::Object(mut full) = serde_json::to_value(&p).unwrap_or_default() else {
                panic!("a purchase is an object");
            };
            full.remove("id");
            full.retain(|_, v| *v != Value::Bool(false));
            assert_eq!(written, Value::Object(full), "{d}");
        }
        let mut bare = sample("x");
        (
            bare.value,
            bare.currency,
            bare.litres,
            bare.weight_kg,
            bare.abv,
        ) = (None, None, None, None, None);
        (
            bare.spirit,
            bare.hs_code,
            bare.shop,
            bare.gift,
            bare.unaccompanied,
        ) = (None, None, None, false, false);
        let text = bare.create_record();
        assert!(!text.contains("null") && !text.contains("false"), "{text}");
        assert!(serde_json::from_str::<Value>(&text).is_ok(), "{text}");
    }
}
