//! Reading CN 22 / CN 23 JSON (the shape is in the [`super`] module doc), reporting every
//! structural problem with its field path.
//!
//! Parsing checks JSON types and size limits only; what the values mean (empty names, vague
//! descriptions, totals) is judged by [`super::validate_cn22`] / [`super::validate_cn23`], so that
//! a form that parses can be shown back to the user with all its problems.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::form::{Category, Cn22, Cn23, ContentLine, Declaration, NonDelivery, Party, Route};
use crate::currency::Currency;
use crate::date::Date;
use crate::message::Message;
use crate::money::Money;
use crate::trip::InputError;

/// Largest input accepted, in bytes (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;
/// Most entries in one list (contents lines, categories, licence or certificate numbers).
pub const MAX_LINES: usize = 100;
/// Longest text accepted by the parser, in characters (the forms' own limits are tighter and
/// checked by validation).
pub const MAX_TEXT_CHARS: usize = 1_000;
/// Largest magnitude of any number (amount, weight, quantity): 10^12.
pub const MAX_NUMBER: i64 = 1_000_000_000_000;

const COMMON_FIELDS: [&str; 11] = [
    "form",
    "operator",
    "item_id",
    "sender",
    "addressee",
    "categories",
    "explanation",
    "contents",
    "total_weight_kg",
    "total_value",
    "signed_on",
];
const CN23_FIELDS: [&str; 8] = [
    "postal_charges",
    "comments",
    "licences",
    "certificates",
    "invoice",
    "office_of_origin",
    "date_of_posting",
    "non_delivery",
];
const PARTY_FIELDS: [&str; 9] = [
    "name",
    "business",
    "street",
    "postcode",
    "city",
    "country",
    "phone",
    "email",
    "reference",
];
const LINE_FIELDS: [&str; 7] = [
    "description",
    "quantity",
    "unit",
    "net_weight_kg",
    "value",
    "hs_code",
    "origin",
];

type Errors = Vec<InputError>;

/// Parses a CN 22 (`"form"` may be absent, or must be `"cn22"`).
pub fn parse_cn22(text: &str) -> Result<Cn22, Vec<InputError>> {
    let value = read(text)?;
    cn22_from(&value, false)
}

/// Parses a CN 23 (`"form"` may be absent, or must be `"cn23"`).
pub fn parse_cn23(text: &str) -> Result<Cn23, Vec<InputError>> {
    let value = read(text)?;
    cn23_from(&value, false)
}

/// Parses either form, chosen by the required `"form"` field (`"cn22"` or `"cn23"`).
pub fn parse_declaration(text: &str) -> Result<Declaration, Vec<InputError>> {
    let value = read(text)?;
    let form = value.get("form").and_then(Value::as_str);
    match form {
        Some("cn23") => cn23_from(&value, true).map(Declaration::Cn23),
        Some("cn22") => cn22_from(&value, true).map(Declaration::Cn22),
        _ => {
            let mut errs = Vec::new();
            if let Some(root) = Obj::at(&value, String::new(), &mut errs) {
                check_form(&root, "cn22, cn23", true, &mut errs);
            }
            Err(errs)
        }
    }
}

fn read(text: &str) -> Result<Value, Errors> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(vec![InputError::new(
            "",
            Message::new("input-too-large").int("limit", MAX_INPUT_BYTES as i64),
        )]);
    }
    serde_json::from_str(text).map_err(|e| {
        vec![InputError::new(
            "",
            Message::new("input-syntax")
                .int("line", e.line() as i64)
                .int("column", e.column() as i64)
                .text("detail", e.to_string()),
        )]
    })
}

/// The fields both forms share.
struct Common {
    operator: Option<String>,
    item_id: Option<String>,
    sender: Party,
    addressee: Party,
    categories: Vec<Category>,
    explanation: Option<String>,
    contents: Vec<ContentLine>,
    total_weight_kg: Decimal,
    total_value: Money,
    signed_on: Date,
}

fn cn22_from(value: &Value, form_required: bool) -> Result<Cn22, Errors> {
    let mut errs = Vec::new();
    let Some(root) = Obj::at(value, String::new(), &mut errs) else {
        return Err(errs);
    };
    root.only(&COMMON_FIELDS, &mut errs);
    check_form(&root, "cn22", form_required, &mut errs);
    let common = common(&root, &mut errs);
    match common {
        Some(c) if errs.is_empty() => Ok(Cn22 {
            operator: c.operator,
            item_id: c.item_id,
            sender: c.sender,
            addressee: c.addressee,
            categories: c.categories,
            explanation: c.explanation,
            contents: c.contents,
            total_weight_kg: c.total_weight_kg,
            total_value: c.total_value,
            signed_on: c.signed_on,
        }),
        _ => Err(errs),
    }
}

fn cn23_from(value: &Value, form_required: bool) -> Result<Cn23, Errors> {
    let mut errs = Vec::new();
    let Some(root) = Obj::at(value, String::new(), &mut errs) else {
        return Err(errs);
    };
    let allowed: Vec<&str> = COMMON_FIELDS.iter().chain(&CN23_FIELDS).copied().collect();
    root.only(&allowed, &mut errs);
    check_form(&root, "cn23", form_required, &mut errs);
    let common = common(&root, &mut errs);
    let postal_charges = root.opt_money("postal_charges", &mut errs);
    let comments = root.opt_text("comments", &mut errs);
    let licences = root.texts("licences", &mut errs);
    let certificates = root.texts("certificates", &mut errs);
    let invoice = root.opt_text("invoice", &mut errs);
    let office_of_origin = root.opt_text("office_of_origin", &mut errs);
    let date_of_posting = root.opt_date("date_of_posting", &mut errs);
    let non_delivery = non_delivery(&root, &mut errs);
    match common {
        Some(c) if errs.is_empty() => Ok(Cn23 {
            operator: c.operator,
            item_id: c.item_id,
            sender: c.sender,
            addressee: c.addressee,
            categories: c.categories,
            explanation: c.explanation,
            contents: c.contents,
            total_weight_kg: c.total_weight_kg,
            total_value: c.total_value,
            postal_charges,
            comments,
            licences,
            certificates,
            invoice,
            office_of_origin,
            date_of_posting,
            non_delivery,
            signed_on: c.signed_on,
        }),
        _ => Err(errs),
    }
}

fn check_form(root: &Obj<'_>, expected: &'static str, required: bool, errs: &mut Errors) {
    let found = match root.get("form") {
        None if !required => return,
        None => return errs.push(root.err("form", Message::new("input-missing"))),
        Some(Value::String(s)) if s == expected => return,
        Some(Value::String(s)) => clip(s),
        Some(_) => return errs.push(type_err(&root.field_path("form"), "type-string")),
    };
    errs.push(
        root.err(
            "form",
            Message::new("input-postal-form")
                .text("expected", expected)
                .text("found", found),
        ),
    );
}

fn common(root: &Obj<'_>, errs: &mut Errors) -> Option<Common> {
    let start = errs.len();
    let operator = root.opt_text("operator", errs);
    let item_id = root
        .opt_text("item_id", errs)
        .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .map(|s| s.to_uppercase());
    let sender = party(root, "sender", errs);
    let addressee = party(root, "addressee", errs);
    let categories = categories(root, errs);
    let explanation = root.opt_text("explanation", errs);
    let mut contents = Vec::new();
    if let Some(list) = root.array("contents", errs) {
        for (i, v) in list.iter().enumerate() {
            if let Some(line) = content_line(v, format!("contents[{i}]"), errs) {
                contents.push(line);
            }
        }
    }
    let total_weight_kg = root.decimal("total_weight_kg", errs);
    let total_value = root.money("total_value", errs);
    let signed_on = root.date("signed_on", errs);
    if errs.len() > start {
        return None;
    }
    Some(Common {
        operator,
        item_id,
        sender: sender?,
        addressee: addressee?,
        categories,
        explanation,
        contents,
        total_weight_kg: total_weight_kg?,
        total_value: total_value?,
        signed_on: signed_on?,
    })
}

fn party(root: &Obj<'_>, name: &str, errs: &mut Errors) -> Option<Party> {
    let start = errs.len();
    let o = Obj::at(root.req(name, errs)?, root.field_path(name), errs)?;
    o.only(&PARTY_FIELDS, errs);
    let party = Party {
        name: o.text("name", errs).unwrap_or_default(),
        business: o.opt_text("business", errs),
        street: o.text("street", errs).unwrap_or_default(),
        postcode: o.opt_text("postcode", errs),
        city: o.text("city", errs).unwrap_or_default(),
        country: o.text("country", errs).unwrap_or_default().to_uppercase(),
        phone: o.opt_text("phone", errs),
        email: o.opt_text("email", errs),
        reference: o.opt_text("reference", errs),
    };
    (errs.len() == start).then_some(party)
}

fn categories(root: &Obj<'_>, errs: &mut Errors) -> Vec<Category> {
    let mut out = Vec::new();
    let Some(list) = root.array("categories", errs) else {
        return out;
    };
    for (i, v) in list.iter().enumerate() {
        let path = format!("categories[{i}]");
        match v.as_str() {
            None => errs.push(type_err(&path, "type-string")),
            Some(s) => match Category::parse(s.trim()) {
                Some(c) => out.push(c),
                None => errs.push(InputError::new(
                    path,
                    Message::new("input-postal-unknown-category").text("value", clip(s)),
                )),
            },
        }
    }
    out
}

fn content_line(v: &Value, path: String, errs: &mut Errors) -> Option<ContentLine> {
    let start = errs.len();
    let o = Obj::at(v, path, errs)?;
    o.only(&LINE_FIELDS, errs);
    let description = o.text("description", errs);
    let quantity = o.decimal("quantity", errs);
    let unit = o.opt_text("unit", errs);
    let net_weight_kg = o.decimal("net_weight_kg", errs);
    let value = o.money("value", errs);
    let hs_code = o
        .opt_text("hs_code", errs)
        .map(|s| s.chars().filter(|c| !matches!(c, '.' | ' ')).collect());
    let origin = o.opt_text("origin", errs).map(|s| s.to_uppercase());
    if errs.len() > start {
        return None;
    }
    Some(ContentLine {
        description: description?,
        quantity: quantity?,
        unit,
        net_weight_kg: net_weight_kg?,
        value: value?,
        hs_code,
        origin,
    })
}

fn non_delivery(root: &Obj<'_>, errs: &mut Errors) -> Option<NonDelivery> {
    let v = root.get("non_delivery")?;
    let o = Obj::at(v, root.field_path("non_delivery"), errs)?;
    let action = o.text("action", errs)?;
    match action.as_str() {
        "abandon" => {
            o.only(&["action"], errs);
            Some(NonDelivery::Abandon)
        }
        "return" => {
            o.only(&["action", "route"], errs);
            let route = match o.opt_text("route", errs).as_deref() {
                None => None,
                Some("priority") => Some(Route::Priority),
                Some("non_priority") => Some(Route::NonPriority),
                Some(other) => {
                    errs.push(o.err(
                        "route",
                        Message::new("input-postal-unknown-route").text("value", clip(other)),
                    ));
                    None
                }
            };
            Some(NonDelivery::Return { route })
        }
        other => {
            errs.push(o.err(
                "action",
                Message::new("input-postal-unknown-action").text("value", clip(other)),
            ));
            None
        }
    }
}

fn clip(s: &str) -> String {
    s.chars().take(32).collect()
}

fn type_err(path: &str, expected: &'static str) -> InputError {
    InputError::new(path, Message::new("input-type").term("expected", expected))
}

/// Reads an exact decimal from a JSON number or a string, within ±[`MAX_NUMBER`].
fn decimal(v: &Value, path: &str) -> Result<Decimal, InputError> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.len() <= 64 => s.trim().to_owned(),
        Value::String(_) => return Err(InputError::new(path, Message::new("input-not-decimal"))),
        _ => return Err(type_err(path, "type-number")),
    };
    let too_big = || InputError::new(path, Message::new("input-too-big").int("max", MAX_NUMBER));
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(&text)
    } else {
        Decimal::from_str_exact(&text)
    };
    match parsed {
        Ok(d) if d.abs() > Decimal::from(MAX_NUMBER) => Err(too_big()),
        Ok(d) => Ok(d),
        Err(_) => match magnitude(&text) {
            None => Err(InputError::new(path, Message::new("input-not-decimal"))),
            Some(m) if m >= 12 => Err(too_big()),
            Some(_) => Err(InputError::new(path, Message::new("input-too-precise"))),
        },
    }
}

/// The power of ten of the leading digit of a decimal numeral (`1e400` → 400, `0.05` → -2);
/// `None` when the text is not a numeral.
fn magnitude(text: &str) -> Option<i64> {
    let t = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exp) = match t.find(['e', 'E']) {
        None => (t, 0),
        Some(i) => {
            let e = &t[i + 1..];
            let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let huge = if e.starts_with('-') {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            };
            (&t[..i], e.parse::<i64>().unwrap_or(huge))
        }
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    let significant = int.trim_start_matches('0');
    let lead = if !significant.is_empty() {
        significant.len() as i64 - 1
    } else {
        match frac.find(|c| c != '0') {
            Some(i) => -(i as i64) - 1,
            None => i64::MIN / 2,
        }
    };
    Some(lead.saturating_add(exp))
}

/// A JSON object at a path; every reader pushes its problems to `errs` and returns `None` for a
/// missing or bad value.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn at(v: &'a Value, path: String, errs: &mut Errors) -> Option<Self> {
        match v {
            Value::Object(map) => Some(Self { map, path }),
            _ => {
                errs.push(type_err(&path, "type-object"));
                None
            }
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

    /// A field's value; `null` counts as absent.
    fn get(&self, name: &str) -> Option<&'a Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }

    fn req(&self, name: &str, errs: &mut Errors) -> Option<&'a Value> {
        let v = self.get(name);
        if v.is_none() {
            errs.push(self.err(name, Message::new("input-missing")));
        }
        v
    }

    fn only(&self, allowed: &[&str], errs: &mut Errors) {
        for k in self.map.keys().filter(|k| !allowed.contains(&k.as_str())) {
            errs.push(self.err(
                &clip(k),
                Message::new("input-unknown-field").text("allowed", allowed.join(", ")),
            ));
        }
    }

    /// A text of at most [`MAX_TEXT_CHARS`], trimmed.
    fn string(&self, name: &str, v: &Value, errs: &mut Errors) -> Option<String> {
        let Some(s) = v.as_str() else {
            errs.push(type_err(&self.field_path(name), "type-string"));
            return None;
        };
        let chars = s.chars().count();
        if chars > MAX_TEXT_CHARS {
            errs.push(
                self.err(
                    name,
                    Message::new("input-text-too-long")
                        .int("max", MAX_TEXT_CHARS as i64)
                        .int("length", chars as i64),
                ),
            );
            return None;
        }
        Some(s.trim().to_owned())
    }

    /// A required text (it may be empty: validation says so).
    fn text(&self, name: &str, errs: &mut Errors) -> Option<String> {
        let v = self.req(name, errs)?;
        self.string(name, v, errs)
    }

    /// An optional text; blank counts as absent.
    fn opt_text(&self, name: &str, errs: &mut Errors) -> Option<String> {
        let v = self.get(name)?;
        self.string(name, v, errs).filter(|s| !s.is_empty())
    }

    /// An optional list of texts.
    fn texts(&self, name: &str, errs: &mut Errors) -> Vec<String> {
        if self.get(name).is_none() {
            return Vec::new();
        }
        let Some(list) = self.array(name, errs) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, v) in list.iter().enumerate() {
            if let Some(s) = self.string(&format!("{name}[{i}]"), v, errs) {
                out.push(s);
            }
        }
        out
    }

    fn array(&self, name: &str, errs: &mut Errors) -> Option<&'a Vec<Value>> {
        let v = self.req(name, errs)?;
        let Some(list) = v.as_array() else {
            errs.push(type_err(&self.field_path(name), "type-array"));
            return None;
        };
        if list.len() > MAX_LINES {
            errs.push(
                self.err(
                    name,
                    Message::new("input-too-many")
                        .int("max", MAX_LINES as i64)
                        .int("count", list.len() as i64),
                ),
            );
            return None;
        }
        Some(list)
    }

    fn decimal(&self, name: &str, errs: &mut Errors) -> Option<Decimal> {
        let v = self.req(name, errs)?;
        decimal(v, &self.field_path(name))
            .map_err(|e| errs.push(e))
            .ok()
    }

    fn date(&self, name: &str, errs: &mut Errors) -> Option<Date> {
        let v = self.req(name, errs)?;
        self.date_value(name, v, errs)
    }

    fn opt_date(&self, name: &str, errs: &mut Errors) -> Option<Date> {
        let v = self.get(name)?;
        self.date_value(name, v, errs)
    }

    fn date_value(&self, name: &str, v: &Value, errs: &mut Errors) -> Option<Date> {
        let s = self.string(name, v, errs)?;
        match Date::from_str(&s) {
            Ok(d) => Some(d),
            Err(_) => {
                errs.push(self.err(name, Message::new("input-date").text("value", clip(&s))));
                None
            }
        }
    }

    /// `{"amount": "12.50", "currency": "EUR"}`.
    fn money(&self, name: &str, errs: &mut Errors) -> Option<Money> {
        let v = self.req(name, errs)?;
        self.money_value(name, v, errs)
    }

    fn opt_money(&self, name: &str, errs: &mut Errors) -> Option<Money> {
        let v = self.get(name)?;
        self.money_value(name, v, errs)
    }

    fn money_value(&self, name: &str, v: &'a Value, errs: &mut Errors) -> Option<Money> {
        let o = Obj::at(v, self.field_path(name), errs)?;
        o.only(&["amount", "currency"], errs);
        let amount = o.decimal("amount", errs);
        let code = o.text("currency", errs);
        let currency = code.and_then(|code| match Currency::from_code(&code) {
            Ok(c) => Some(c),
            Err(_) => {
                errs.push(o.err(
                    "currency",
                    Message::new("input-unknown-currency").text("code", clip(&code)),
                ));
                None
            }
        });
        Some(Money::new(amount?, currency?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes() {
        assert_eq!(magnitude("1e400"), Some(400));
        assert_eq!(magnitude("-2.5E+3"), Some(3));
        assert_eq!(magnitude("0.05"), Some(-2));
        assert_eq!(magnitude("1e-400"), Some(-400));
        assert_eq!(magnitude("123456789012345678901234567890"), Some(29));
        assert_eq!(magnitude("1e99999999999999999999999"), Some(i64::MAX / 2));
        assert_eq!(magnitude("abc"), None);
        assert_eq!(magnitude("1e"), None);
        assert_eq!(magnitude("."), None);
    }

    #[test]
    fn decimals_are_exact_and_bounded() {
        let ok = |t: &str| decimal(&serde_json::from_str(t).unwrap(), "x");
        assert_eq!(ok("\"12.50\"").unwrap(), Decimal::new(1250, 2));
        assert_eq!(ok("0.1").unwrap(), Decimal::new(1, 1));
        assert_eq!(ok("1.5e3").unwrap(), Decimal::from(1500));
        assert_eq!(ok("1000000000000").unwrap(), Decimal::from(MAX_NUMBER));
        let id = |t: &str| ok(t).unwrap_err().message.id.into_owned();
        assert_eq!(id("1000000000000.01"), "input-too-big");
        assert_eq!(id("1e400"), "input-too-big");
        assert_eq!(id("-1e400"), "input-too-big");
        assert_eq!(id("123456789012345678901234567890123"), "input-too-big");
        assert_eq!(
            id("0.00000000000000000000000000000000001"),
            "input-too-precise"
        );
        assert_eq!(id("\"twelve\""), "input-not-decimal");
        assert_eq!(id("true"), "input-type");
        assert_eq!(id("[1]"), "input-type");
    }
}
