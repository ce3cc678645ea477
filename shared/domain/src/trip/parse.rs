//! Reading a trip file (JSON) into a [`Trip`], with a precise path for every problem.

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::{InputError, Item, Traveller, Trip};
use crate::currency::Currency;
use crate::date::Date;
use crate::kind::{Kind, Mode, Present, Spirit};
use crate::message::Message;

/// Largest trip file accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Most items in one trip.
pub const MAX_ITEMS: usize = 10_000;
/// Most travellers in one trip.
pub const MAX_TRAVELLERS: usize = 100;
/// Longest description or id, in characters.
pub const MAX_TEXT_CHARS: usize = 1_000;

/// The largest amount or rate a trip may hold.
pub const MAX_MONEY: i64 = 1_000_000_000_000;
/// The largest quantity (pieces, litres, grams, millilitres, kilograms) a trip may hold.
pub const MAX_QUANTITY: i64 = 10_000_000;

type Res<T> = Result<T, InputError>;

/// Parses and validates a trip file's text.
pub fn parse_trip(text: &str) -> Res<Trip> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(InputError::new(
            "",
            Message::new("input-too-large").int("limit", MAX_INPUT_BYTES as i64),
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        InputError::new(
            "",
            Message::new("input-syntax")
                .int("line", e.line() as i64)
                .int("column", e.column() as i64)
                .text("detail", e.to_string()),
        )
    })?;
    let root = Obj::root(&value)?;
    root.only(&[
        "jurisdiction",
        "arrival",
        "mode",
        "days_abroad",
        "travellers",
        "items",
        "rates",
        "joint_declaration",
    ])?;
    let jurisdiction = root.text("jurisdiction", 8)?;
    let arrival = root.date("arrival")?;
    let mode = root.mode("mode")?;
    let days_abroad = root.whole("days_abroad", 36_600)?;
    let joint_declaration = root.opt_bool("joint_declaration")?.unwrap_or(false);

    let travellers_v = root.array("travellers", MAX_TRAVELLERS)?;
    if travellers_v.is_empty() {
        return Err(InputError::new(
            "travellers",
            Message::new("input-empty-list"),
        ));
    }
    let mut travellers = Vec::with_capacity(travellers_v.len());
    let mut ids = BTreeSet::new();
    for (i, v) in travellers_v.iter().enumerate() {
        let o = Obj::at(v, format!("travellers[{i}]"))?;
        o.only(&["id", "age", "resident", "statuses", "name", "guardian"])?;
        let id = o.text("id", MAX_TEXT_CHARS)?;
        if !ids.insert(id.clone()) {
            return Err(o.err("id", Message::new("input-duplicate-id").text("id", id)));
        }
        let age = o.whole("age", 130)?;
        let resident = o.opt_bool("resident")?.unwrap_or(true);
        let statuses = o.opt_strings("statuses")?;
        if o.get("name").is_some() {
            o.text("name", MAX_TEXT_CHARS)?;
        }
        travellers.push(Traveller {
            id,
            age,
            resident,
            statuses,
            guardian: None,
        });
    }
    // Guardians name any traveller of the party, before or after them in the list.
    for (i, v) in travellers_v.iter().enumerate() {
        let o = Obj::at(v, format!("travellers[{i}]"))?;
        if o.get("guardian").is_none() {
            continue;
        }
        let id = o.text("guardian", MAX_TEXT_CHARS)?;
        let at = travellers.iter().position(|t| t.id == id).ok_or_else(|| {
            o.err(
                "guardian",
                Message::new("input-unknown-traveller").text("id", id.clone()),
            )
        })?;
        if at == i {
            return Err(o.err("guardian", Message::new("input-guardian-self")));
        }
        travellers[i].guardian = Some(at);
    }

    let items_v = root.array("items", MAX_ITEMS)?;
    let mut items = Vec::with_capacity(items_v.len());
    for (i, v) in items_v.iter().enumerate() {
        items.push(parse_item(v, i, &travellers)?);
    }

    let mut rates = BTreeMap::new();
    if let Some(v) = root.get("rates") {
        let path = "rates".to_owned();
        let map = v
            .as_object()
            .ok_or_else(|| type_err(&path, "type-object"))?;
        for (code, rate) in map {
            let p = format!("rates.{}", clip(code));
            let currency = Currency::from_code(code).map_err(|_| {
                InputError::new(
                    &p,
                    Message::new("input-unknown-currency").text("code", clip(code)),
                )
            })?;
            let r = decimal(rate, &p)?;
            if r <= Decimal::ZERO {
                return Err(InputError::new(&p, Message::new("input-not-positive")));
            }
            if r > Decimal::from(MAX_MONEY) {
                return Err(InputError::new(
                    &p,
                    Message::new("input-too-big").int("max", MAX_MONEY),
                ));
            }
            rates.insert(currency, r);
        }
    }
    Ok(Trip {
        jurisdiction,
        arrival,
        mode,
        days_abroad,
        travellers,
        items,
        rates,
        joint_declaration,
    })
}

fn parse_item(v: &Value, i: usize, travellers: &[Traveller]) -> Res<Item> {
    let o = Obj::at(v, format!("items[{i}]"))?;
    o.only(&[
        "traveller",
        "description",
        "kind",
        "value",
        "currency",
        "rate",
        "count",
        "litres",
        "grams",
        "ml",
        "weight_kg",
        "abv",
        "spirit",
        "hs_code",
        "duty_rate",
        "used",
        "gift",
        "unaccompanied",
    ])?;
    let traveller = match o.get("traveller") {
        None if travellers.len() == 1 => 0,
        None => return Err(o.err("traveller", Message::new("input-missing"))),
        Some(_) => {
            let id = o.text("traveller", MAX_TEXT_CHARS)?;
            travellers.iter().position(|t| t.id == id).ok_or_else(|| {
                o.err(
                    "traveller",
                    Message::new("input-unknown-traveller").text("id", id),
                )
            })?
        }
    };
    let description = o.text("description", MAX_TEXT_CHARS)?;
    let kind_text = o.text("kind", 64)?;
    let kind = Kind::parse(&kind_text).ok_or_else(|| {
        o.err(
            "kind",
            Message::new("input-unknown-kind").text("value", kind_text),
        )
    })?;
    let value = o.opt_amount("value", MAX_MONEY)?;
    let currency = match o.get("currency") {
        None => None,
        Some(_) => {
            let code = o.text("currency", 16)?;
            Some(Currency::from_code(&code).map_err(|_| {
                o.err(
                    "currency",
                    Message::new("input-unknown-currency").text("code", code),
                )
            })?)
        }
    };
    if value.is_some() && currency.is_none() {
        return Err(o.err("currency", Message::new("input-missing")));
    }
    let rate = o.opt_amount("rate", MAX_MONEY)?;
    if let Some(r) = rate {
        if r.is_zero() {
            return Err(o.err("rate", Message::new("input-not-positive")));
        }
        if currency.is_none() {
            return Err(o.err("currency", Message::new("input-missing")));
        }
    }
    let count = o.opt_amount("count", MAX_QUANTITY)?;
    if let Some(c) = count {
        if !c.fract().is_zero() {
            return Err(o.err("count", Message::new("input-not-whole")));
        }
    }
    let litres = o.opt_amount("litres", MAX_QUANTITY)?;
    let grams = o.opt_amount("grams", MAX_QUANTITY)?;
    let ml = o.opt_amount("ml", MAX_QUANTITY)?;
    let weight_kg = o.opt_amount("weight_kg", MAX_QUANTITY)?;
    let abv = o.opt_amount("abv", 100)?;
    let duty_rate = o.opt_amount("duty_rate", 1000)?;
    let spirit = match o.get("spirit") {
        None => None,
        Some(_) => {
            let s = o.text("spirit", 64)?;
            Some(Spirit::parse(&s).ok_or_else(|| {
                o.err(
                    "spirit",
                    Message::new("input-unknown-spirit").text("value", s),
                )
            })?)
        }
    };
    let hs_code = match o.get("hs_code") {
        None => None,
        Some(_) => {
            let code = o.text("hs_code", 16)?;
            let ok = (2..=10).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
            if !ok {
                return Err(o.err("hs_code", Message::new("input-hs-code")));
            }
            Some(code)
        }
    };
    let used = o.opt_bool("used")?.unwrap_or(false);
    let gift = o.opt_bool("gift")?.unwrap_or(false);
    let unaccompanied = o.opt_bool("unaccompanied")?.unwrap_or(false);
    if unaccompanied && kind == Kind::Cash {
        return Err(o.err("unaccompanied", Message::new("input-unaccompanied-cash")));
    }

    // The quantity a kind is counted in must be present where an allowance needs it.
    let has = Present {
        value: value.is_some(),
        count: count.is_some(),
        litres: litres.is_some(),
        grams: grams.is_some(),
        ml: ml.is_some(),
        used,
    };
    if let Some(field) = kind.missing_field(has) {
        return Err(o.err(
            field,
            Message::new("input-missing-for-kind").term("kind", kind.term()),
        ));
    }
    Ok(Item {
        traveller,
        description,
        kind,
        value,
        currency,
        rate,
        count,
        litres,
        grams,
        ml,
        weight_kg,
        abv,
        spirit,
        hs_code,
        duty_rate,
        used,
        gift,
        unaccompanied,
    })
}

fn clip(s: &str) -> String {
    s.chars().take(32).collect()
}

fn type_err(path: &str, expected: &'static str) -> InputError {
    InputError::new(path, Message::new("input-type").term("expected", expected))
}

/// Reads an exact decimal from a JSON number or string.
fn decimal(v: &Value, path: &str) -> Res<Decimal> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.len() <= 64 => s.trim().to_owned(),
        Value::String(_) => return Err(InputError::new(path, Message::new("input-not-decimal"))),
        _ => return Err(type_err(path, "type-number")),
    };
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(&text)
    } else {
        Decimal::from_str_exact(&text)
    };
    parsed.map_err(|e| {
        let msg = e.to_string();
        if msg.contains("too large") || msg.contains("overflow") || msg.contains("exceeds") {
            InputError::new(path, Message::new("input-too-big").int("max", MAX_MONEY))
        } else if Decimal::from_str(&text).is_ok() {
            InputError::new(path, Message::new("input-too-precise"))
        } else {
            InputError::new(path, Message::new("input-not-decimal"))
        }
    })
}

struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn root(v: &'a Value) -> Res<Self> {
        Self::at(v, String::new())
    }

    fn at(v: &'a Value, path: String) -> Res<Self> {
        match v {
            Value::Object(map) => Ok(Self { map, path }),
            _ => Err(type_err(&path, "type-object")),
        }
    }

    fn field_path(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{}", self.path, name)
        }
    }

    fn err(&self, name: &str, message: Message) -> InputError {
        InputError::new(self.field_path(name), message)
    }

    fn get(&self, name: &str) -> Option<&'a Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }

    fn req(&self, name: &str) -> Res<&'a Value> {
        self.get(name)
            .ok_or_else(|| self.err(name, Message::new("input-missing")))
    }

    fn only(&self, allowed: &[&str]) -> Res<()> {
        match self.map.keys().find(|k| !allowed.contains(&k.as_str())) {
            None => Ok(()),
            Some(k) => Err(self.err(
                &clip(k),
                Message::new("input-unknown-field").text("allowed", allowed.join(", ")),
            )),
        }
    }

    fn text(&self, name: &str, max_chars: usize) -> Res<String> {
        let v = self.req(name)?;
        let s = v
            .as_str()
            .ok_or_else(|| type_err(&self.field_path(name), "type-string"))?;
        let chars = s.chars().count();
        if chars > max_chars {
            return Err(self.err(
                name,
                Message::new("input-text-too-long")
                    .int("max", max_chars as i64)
                    .int("length", chars as i64),
            ));
        }
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err(self.err(name, Message::new("input-empty-text")));
        }
        Ok(trimmed.to_owned())
    }

    fn date(&self, name: &str) -> Res<Date> {
        let s = self.text(name, 32)?;
        s.parse()
            .map_err(|_| self.err(name, Message::new("input-date").text("value", s)))
    }

    fn mode(&self, name: &str) -> Res<Mode> {
        let s = self.text(name, 32)?;
        Mode::parse(&s)
            .ok_or_else(|| self.err(name, Message::new("input-unknown-mode").text("value", s)))
    }

    fn whole(&self, name: &str, max: u32) -> Res<u32> {
        let d = decimal(self.req(name)?, &self.field_path(name))?;
        if d < Decimal::ZERO {
            return Err(self.err(name, Message::new("input-negative")));
        }
        if !d.fract().is_zero() {
            return Err(self.err(name, Message::new("input-not-whole")));
        }
        if d > Decimal::from(max) {
            return Err(self.err(
                name,
                Message::new("input-too-big").int("max", i64::from(max)),
            ));
        }
        Ok(u32::try_from(d.mantissa() / 10i128.pow(d.scale())).unwrap_or(max))
    }

    fn opt_amount(&self, name: &str, max: i64) -> Res<Option<Decimal>> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        let d = decimal(v, &self.field_path(name))?;
        if d < Decimal::ZERO {
            return Err(self.err(name, Message::new("input-negative")));
        }
        if d > Decimal::from(max) {
            return Err(self.err(name, Message::new("input-too-big").int("max", max)));
        }
        Ok(Some(d.normalize()))
    }

    fn opt_bool(&self, name: &str) -> Res<Option<bool>> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(type_err(&self.field_path(name), "type-boolean")),
        }
    }

    fn opt_strings(&self, name: &str) -> Res<Vec<String>> {
        let Some(v) = self.get(name) else {
            return Ok(Vec::new());
        };
        let list = v
            .as_array()
            .ok_or_else(|| type_err(&self.field_path(name), "type-array"))?;
        list.iter()
            .enumerate()
            .map(|(i, s)| {
                s.as_str()
                    .map(|s| s.chars().take(64).collect())
                    .ok_or_else(|| {
                        type_err(&format!("{}[{i}]", self.field_path(name)), "type-string")
                    })
            })
            .collect()
    }

    fn array(&self, name: &str, max: usize) -> Res<&'a Vec<Value>> {
        let v = self.req(name)?;
        let list = v
            .as_array()
            .ok_or_else(|| type_err(&self.field_path(name), "type-array"))?;
        if list.len() > max {
            return Err(self.err(
                name,
                Message::new("input-too-many")
                    .int("max", max as i64)
                    .int("count", list.len() as i64),
            ));
        }
        Ok(list)
    }
}
