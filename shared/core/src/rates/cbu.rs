//! Central Bank of Uzbekistan JSON: an array of objects (or one object) with string fields
//! `Ccy`, `Nominal`, `Rate` (UZS per `Nominal` units) and `Date` (`DD.MM.YYYY`). Other keys
//! (`id`, `Code`, `CcyNm_*`, `Diff`, ...) are ignored.

use std::collections::{BTreeMap, BTreeSet};

use karvon_domain::fx::RateSource;
use karvon_domain::{Arg, Message};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::feed::{self, bad_value, Feed, FeedRate, FeedTable};
use super::Quote;
use crate::Error;

/// Parses a CBU JSON file.
pub(super) fn parse(file: &str, text: &str) -> Result<Feed, Error> {
    let uzs = super::iso("UZS");
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        Error::feed(
            file,
            format!("line {}, column {}", e.line(), e.column()),
            Message::new("rates-syntax").text("detail", e.to_string()),
        )
    })?;
    let entries = match doc {
        Value::Array(a) => a,
        one @ Value::Object(_) => vec![one],
        _ => return Err(Error::feed(file, "", Message::new("rates-cbu-entry"))),
    };
    let mut by_date: BTreeMap<_, Vec<FeedRate>> = BTreeMap::new();
    let mut skipped = BTreeSet::new();
    for (i, entry) in entries.iter().enumerate() {
        let at = |key: &str| format!("[{i}].{key}");
        let Value::Object(o) = entry else {
            return Err(Error::feed(
                file,
                format!("[{i}]"),
                Message::new("rates-cbu-entry"),
            ));
        };
        let text_of = |key: &'static str| -> Result<Option<String>, Error> {
            match field(o, key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.trim().to_owned())),
                Some(Value::Number(n)) => Ok(Some(n.to_string())),
                Some(_) => Err(Error::feed(file, at(key), Message::new("rates-type"))),
            }
        };
        let required = |key: &'static str| -> Result<String, Error> {
            text_of(key)?.ok_or_else(|| Error::feed(file, at(key), Message::new("rates-missing")))
        };
        let code = required("Ccy")?;
        let rate_text = required("Rate")?;
        let date_text = required("Date")?;
        let nominal_text = text_of("Nominal")?;

        let currency = feed::code(&code, uzs).map_err(|m| Error::feed(file, at("Ccy"), m))?;
        let rate = feed::positive(&rate_text).map_err(|m| Error::feed(file, at("Rate"), m))?;
        let nominal = match &nominal_text {
            Some(n) => feed::positive(n).map_err(|m| Error::feed(file, at("Nominal"), m))?,
            None => Decimal::ONE,
        };
        let valid_on = feed::date(&date_text)
            .ok_or_else(|| Error::feed(file, at("Date"), bad_value("rates-date", &date_text)))?;
        let Some(currency) = currency else {
            skipped.insert(code);
            continue;
        };
        let per_unit = rate.checked_div(nominal).ok_or_else(|| {
            Error::feed(
                file,
                at("Rate"),
                bad_value("rates-out-of-range", &rate_text),
            )
        })?;
        let rates = by_date.entry(valid_on).or_default();
        if rates.iter().any(|r| r.currency == currency) {
            return Err(Error::feed(
                file,
                at("Ccy"),
                Message::new("rates-duplicate-currency")
                    .text("code", code)
                    .arg("date", Arg::Date { value: valid_on }),
            ));
        }
        rates.push(FeedRate {
            currency,
            published: rate_text,
            nominal,
            per_unit,
        });
    }
    Ok(Feed {
        source: RateSource::Cbu,
        base: uzs,
        quote: Quote::BasePerNominal,
        tables: by_date
            .into_iter()
            .map(|(valid_on, rates)| FeedTable { valid_on, rates })
            .collect(),
        skipped,
    })
}

/// A key matched exactly, else ignoring case (clients spell `CcyNm_UZc`, `ccy`, ...).
fn field<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    o.get(key).or_else(|| {
        o.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}
