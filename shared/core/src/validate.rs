//! Checks of user input before it reaches the store, with the field path in every error.

use karvon_domain::trip::{MAX_MONEY, MAX_QUANTITY, MAX_TEXT_CHARS};
use karvon_domain::{Currency, Message};
use rust_decimal::Decimal;

use crate::Error;

/// Longest name of a trip, traveller or party.
pub const MAX_NAME_CHARS: usize = 200;

/// A trimmed, non-empty text of at most `max` characters without control characters.
pub fn text(path: &str, value: &str, max: usize) -> Result<String, Error> {
    let t = value.trim();
    if t.is_empty() {
        return Err(Error::input(path, Message::new("input-empty-text")));
    }
    let length = t.chars().count();
    if length > max {
        return Err(Error::input(
            path,
            Message::new("input-text-too-long")
                .int("length", i64::try_from(length).unwrap_or(i64::MAX))
                .int("max", i64::try_from(max).unwrap_or(i64::MAX)),
        ));
    }
    if t.chars().any(char::is_control) {
        return Err(Error::input(path, Message::new("input-control-chars")));
    }
    Ok(t.to_owned())
}

/// An optional text: empty means none.
pub fn opt_text(path: &str, value: Option<&str>) -> Result<Option<String>, Error> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(path, v, MAX_TEXT_CHARS).map(Some),
    }
}

/// An amount of money: not negative, at most 10^12.
pub fn money(path: &str, value: Decimal) -> Result<Decimal, Error> {
    bounded(path, value, MAX_MONEY)
}

/// A quantity: not negative, at most 10^7.
pub fn quantity(path: &str, value: Decimal) -> Result<Decimal, Error> {
    bounded(path, value, MAX_QUANTITY)
}

fn bounded(path: &str, value: Decimal, max: i64) -> Result<Decimal, Error> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Error::input(path, Message::new("input-negative")));
    }
    if value > Decimal::from(max) {
        return Err(Error::input(
            path,
            Message::new("input-too-big").int("max", max),
        ));
    }
    Ok(value.normalize())
}

/// A positive amount (a spending plan, a rate).
pub fn positive(path: &str, value: Decimal) -> Result<Decimal, Error> {
    let v = money(path, value)?;
    if v.is_zero() {
        return Err(Error::input(path, Message::new("input-not-positive")));
    }
    Ok(v)
}

/// An ISO 4217 currency code.
pub fn currency(path: &str, code: &str) -> Result<Currency, Error> {
    Currency::from_code(code.trim()).map_err(|_| {
        Error::input(
            path,
            Message::new("input-unknown-currency")
                .text("code", code.chars().take(16).collect::<String>()),
        )
    })
}

/// An ISO 3166 alpha-2 country code, upper-cased.
pub fn country(path: &str, code: &str) -> Result<String, Error> {
    let c = code.trim().to_ascii_uppercase();
    if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Error::input(
            path,
            Message::new("input-country").text("value", code.chars().take(16).collect::<String>()),
        ));
    }
    Ok(c)
}

/// An HS code: 2 to 10 digits (dots and spaces are dropped).
pub fn hs_code(path: &str, code: &str) -> Result<String, Error> {
    let c: String = code.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if !(2..=10).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::input(path, Message::new("input-hs-code")));
    }
    Ok(c)
}

/// A record id as text (any UUID).
pub fn id(entity: &'static str, value: &str) -> Result<String, Error> {
    let v = value.trim().to_ascii_lowercase();
    if crate::store::is_id(&v) {
        Ok(v)
    } else {
        Err(Error::NotFound {
            entity,
            id: value.chars().take(64).collect(),
        })
    }
}
