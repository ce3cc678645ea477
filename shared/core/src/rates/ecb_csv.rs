//! ECB reference rates as CSV: the history file (`Date,USD,...`, ISO dates, newest first) and
//! the daily file (`Date, USD, ...`, `13 April 2026`). Figures are units of currency per 1 EUR;
//! `N/A` means no rate that day; a trailing comma adds an empty last column.

use std::collections::{BTreeSet, HashSet};

use karvon_domain::fx::RateSource;
use karvon_domain::{Currency, Message};

use super::feed::{self, bad_value, Feed, FeedRate, FeedTable};
use super::Quote;
use crate::Error;

/// A header column after `Date`.
struct Column {
    name: String,
    currency: Option<Currency>,
}

/// Parses an ECB CSV file.
pub(super) fn parse(file: &str, text: &str) -> Result<Feed, Error> {
    let eur = super::iso("EUR");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let syntax = |e: csv::Error| {
        let line = e.position().map_or(1, csv::Position::line);
        Error::feed(
            file,
            format!("line {line}"),
            Message::new("rates-syntax").text("detail", e.to_string()),
        )
    };

    let header = match records.next() {
        Some(r) => r.map_err(syntax)?,
        None => return Err(Error::feed(file, "line 1", Message::new("rates-empty"))),
    };
    let first = header.get(0).unwrap_or_default();
    if first != "Date" {
        return Err(Error::feed(
            file,
            "line 1, column 1",
            Message::new("rates-csv-date-column").text("found", first),
        ));
    }
    let mut columns: Vec<Column> = Vec::new();
    let mut skipped = BTreeSet::new();
    let mut seen = HashSet::new();
    for (i, name) in header.iter().enumerate().skip(1) {
        let at = || format!("line 1, column {}", i + 1);
        if name.is_empty() {
            if i + 1 == header.len() {
                break;
            }
            return Err(Error::feed(file, at(), bad_value("rates-not-code", name)));
        }
        let currency = feed::code(name, eur).map_err(|m| Error::feed(file, at(), m))?;
        if !seen.insert(name.to_owned()) {
            return Err(Error::feed(
                file,
                at(),
                Message::new("rates-duplicate-column").text("code", name),
            ));
        }
        if currency.is_none() {
            skipped.insert(name.to_owned());
        }
        columns.push(Column {
            name: name.to_owned(),
            currency,
        });
    }
    if columns.is_empty() {
        return Err(Error::feed(file, "line 1", Message::new("rates-no-rates")));
    }

    let mut tables = Vec::new();
    let mut dates = HashSet::new();
    for record in records {
        let record = record.map_err(syntax)?;
        let line = record.position().map_or(0, csv::Position::line);
        let at = |column: &str| format!("line {line}, column {column}");
        let date_text = record.get(0).unwrap_or_default();
        let valid_on = feed::date(date_text)
            .ok_or_else(|| Error::feed(file, at("Date"), bad_value("rates-date", date_text)))?;
        if !dates.insert(valid_on) {
            return Err(Error::feed(
                file,
                at("Date"),
                Message::new("rates-duplicate-date")
                    .arg("date", karvon_domain::Arg::Date { value: valid_on }),
            ));
        }
        let mut rates = Vec::with_capacity(columns.len());
        for (i, column) in columns.iter().enumerate() {
            let Some(cell) = record.get(i + 1) else {
                return Err(Error::feed(
                    file,
                    at(&column.name),
                    Message::new("rates-csv-short"),
                ));
            };
            if cell == "N/A" {
                continue;
            }
            let value = feed::positive(cell).map_err(|m| {
                let m = if m.id == "rates-not-decimal" {
                    bad_value("rates-not-rate", cell)
                } else {
                    m
                };
                Error::feed(file, at(&column.name), m)
            })?;
            let Some(currency) = column.currency else {
                continue;
            };
            let per_unit = feed::inverse(value).ok_or_else(|| {
                Error::feed(
                    file,
                    at(&column.name),
                    bad_value("rates-out-of-range", cell),
                )
            })?;
            rates.push(FeedRate {
                currency,
                published: cell.to_owned(),
                nominal: rust_decimal::Decimal::ONE,
                per_unit,
            });
        }
        if let Some((j, extra)) = record
            .iter()
            .enumerate()
            .skip(columns.len() + 1)
            .find(|(_, c)| !c.is_empty())
        {
            return Err(Error::feed(
                file,
                format!("line {line}, column {}", j + 1),
                bad_value("rates-csv-extra", extra),
            ));
        }
        if !rates.is_empty() {
            tables.push(FeedTable { valid_on, rates });
        }
    }
    Ok(Feed {
        source: RateSource::Ecb,
        base: eur,
        quote: Quote::CurrencyPerBase,
        tables,
        skipped,
    })
}
