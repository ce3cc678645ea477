//! Exchange rates offline: feed import, stored tables, look-up by date.
//!
//! Feeds are recognised by their content, never their name: Central Bank of Uzbekistan JSON,
//! ECB XML (daily or history) and ECB CSV (daily or history). A file is parsed and checked
//! whole, then written in one transaction, so a bad file saves nothing. Figures are kept exactly
//! as published, beside their value per unit of the currency; no float is ever used.
//!
//! Look-up never looks forward: the rate valid on a date comes from the newest table dated on
//! or before it. See [`MAX_LOOK_BACK_DAYS`] for a currency that table lacks.

mod cbu;
mod ecb_csv;
mod ecb_xml;
mod feed;
mod lookup;
mod store;

use std::collections::BTreeMap;
use std::path::Path;

use karvon_domain::fx::{ConversionPath, RateSource};
use karvon_domain::{Currency, Date, Message};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::{Error, Karvon};

pub use feed::MAX_FEED_BYTES;
pub use lookup::{lookup, rates_into};

/// How far behind the newest table of a source a currency it lacks may still be found, in days.
///
/// The newest table of each source (and base) dated on or before the asked date is used however
/// old it is (its date tells how stale it is). If that table lacks a currency, older tables of
/// the same source are searched only while they are at most this many days older than it: this
/// bridges a currency missing for a few days (a partial file, a holiday) without bringing back a
/// currency the source stopped quoting (RUB at the ECB after 2022-03-01, for example).
pub const MAX_LOOK_BACK_DAYS: i64 = 7;

/// The largest rate a user may enter: units of base per one unit of currency.
pub const MAX_MANUAL_RATE: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0); // 10^12

/// The origin recorded for rates entered by the user.
pub const MANUAL_ORIGIN: &str = "manual";

/// What an import saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatesImport {
    /// Who published the rates.
    pub source: RateSource,
    /// The currency they are quoted against.
    pub base: Currency,
    /// The file name, kept as the tables' origin.
    pub origin: String,
    /// Dated tables saved (each replaces a stored one of the same source, base and date).
    pub tables: usize,
    /// Rates saved, over all tables.
    pub rates: usize,
    /// The earliest date imported.
    pub first: Date,
    /// The latest date imported.
    pub last: Date,
    /// Codes in the file that are not current ISO 4217 currencies (CYP, EEK, ...), sorted.
    pub skipped: Vec<String>,
}

/// A stored rate table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateTableInfo {
    /// Who published the rates.
    pub source: RateSource,
    /// The currency they are quoted against.
    pub base: Currency,
    /// The date the rates are valid from.
    pub valid_on: Date,
    /// How many currencies the table quotes.
    pub rates: usize,
    /// When it was imported (or last changed), UTC milliseconds.
    pub imported_ms: i64,
    /// The file it came from, or [`MANUAL_ORIGIN`].
    pub origin: String,
}

/// The rate found for a conversion on a date, naming the table it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundRate {
    /// Units of the target currency per one unit of the source currency.
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    /// Who published the table (`UserEntered` for the identity rate, which needs no table).
    pub source: RateSource,
    /// The table's date (the asked date for the identity rate).
    pub valid_on: Date,
    /// How the table was read.
    pub path: ConversionPath,
    /// The table's file name, [`MANUAL_ORIGIN`], or `identity`.
    pub origin: String,
}

/// How a table's published figures read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quote {
    /// Units of base per `nominal` units of the currency (CBU, manual).
    BasePerNominal,
    /// Units of the currency per one unit of base (ECB).
    CurrencyPerBase,
}

impl Quote {
    fn as_str(self) -> &'static str {
        match self {
            Quote::BasePerNominal => "base_per_nominal",
            Quote::CurrencyPerBase => "currency_per_base",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "base_per_nominal" => Some(Quote::BasePerNominal),
            "currency_per_base" => Some(Quote::CurrencyPerBase),
            _ => None,
        }
    }
}

/// The stored name of a source.
fn source_str(source: &RateSource) -> &'static str {
    match source {
        RateSource::Cbu => "cbu",
        RateSource::Ecb => "ecb",
        RateSource::UserEntered => "user_entered",
    }
}

/// A source from its stored name.
fn parse_source(s: &str) -> Option<RateSource> {
    match s {
        "cbu" => Some(RateSource::Cbu),
        "ecb" => Some(RateSource::Ecb),
        "user_entered" => Some(RateSource::UserEntered),
        _ => None,
    }
}

/// A currency this module names in code (always in the ISO table).
fn iso(code: &'static str) -> Currency {
    #[allow(clippy::expect_used)]
    Currency::from_code(code).expect("a built-in ISO 4217 code")
}

/// A currency code typed by the user, as an input error at `field` when it is not ISO 4217.
pub fn parse_currency(field: &str, code: &str) -> Result<Currency, Error> {
    crate::validate::currency(field, code)
}

/// A rates feed parsed and checked whole from bytes (a distribution bundle's content), ready to
/// be saved.
#[derive(Debug)]
pub(crate) struct CheckedFeed(feed::Feed);

impl CheckedFeed {
    /// Parses `bytes` exactly as [`Karvon::import_rates`] parses a file (`file` names it in
    /// errors).
    pub(crate) fn parse(file: &str, bytes: &[u8]) -> Result<Self, Error> {
        if bytes.len() as u64 > MAX_FEED_BYTES {
            return Err(Error::feed(
                file,
                format!("byte {}", MAX_FEED_BYTES + 1),
                Message::new("rates-too-large").int("limit", MAX_FEED_BYTES as i64),
            ));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::feed(
                file,
                format!("byte {}", e.valid_up_to() + 1),
                Message::new("rates-not-utf8"),
            )
        })?;
        Ok(Self(feed::parse(file, text)?))
    }

    /// Who published the feed.
    pub(crate) fn source(&self) -> RateSource {
        self.0.source.clone()
    }

    /// Saves every table with `origin` (each replaces the stored table of its date).
    pub(crate) fn save(&self, tx: &mut crate::store::Tx<'_>, origin: &str) -> Result<(), Error> {
        store::save(tx, &self.0, origin)
    }
}

impl Karvon {
    /// Imports a rates feed (CBU JSON, ECB XML or CSV, recognised by content) in one
    /// transaction: a malformed file gives [`Error::Feed`] with the place and saves nothing.
    /// Each dated table replaces a stored one of the same source, base and date.
    pub fn import_rates(&self, path: &Path) -> Result<RatesImport, Error> {
        let store = self.store()?;
        let (origin, feed) = feed::read(path)?;
        let dates = || feed.tables.iter().map(|t| t.valid_on);
        let (Some(first), Some(last)) = (dates().min(), dates().max()) else {
            return Err(Error::feed(&origin, "-", Message::new("rates-no-rates")));
        };
        store.write(|tx| {
            store::save(tx, &feed, &origin)?;
            crate::alerts::refresh_all(self, tx)
        })?;
        Ok(RatesImport {
            source: feed.source,
            base: feed.base,
            origin,
            tables: feed.tables.len(),
            rates: feed.tables.iter().map(|t| t.rates.len()).sum(),
            first,
            last,
            skipped: feed.skipped.into_iter().collect(),
        })
    }

    /// Records a rate entered by the user: `per_unit` units of `base` per one `currency`, valid
    /// from `valid_on`. It joins (or replaces the same currency in) the user's table of that
    /// base and date, which wins over published tables of the same date.
    pub fn add_manual_rate(
        &self,
        base: Currency,
        currency: Currency,
        per_unit: Decimal,
        valid_on: Date,
    ) -> Result<(), Error> {
        if base == currency {
            return Err(Error::input(
                "currency",
                Message::new("input-same-currency").text("code", base.code()),
            ));
        }
        if per_unit <= Decimal::ZERO {
            return Err(Error::input("per_unit", Message::new("input-not-positive")));
        }
        if per_unit > MAX_MANUAL_RATE {
            return Err(Error::input(
                "per_unit",
                Message::new("input-too-big").number("max", MAX_MANUAL_RATE),
            ));
        }
        self.store()?.write(|tx| {
            store::save_manual(tx, base, currency, per_unit, valid_on)?;
            crate::alerts::refresh_all(self, tx)
        })
    }

    /// Every stored rate table, newest first.
    pub fn rate_tables(&self) -> Result<Vec<RateTableInfo>, Error> {
        self.store()?.read(store::tables)
    }

    /// The rate from `from` to `to` valid on `on` (see [`lookup`]).
    pub fn rate(&self, from: Currency, to: Currency, on: Date) -> Result<Option<FoundRate>, Error> {
        self.store()?.read(|conn| lookup(conn, from, to, on))
    }

    /// Every currency convertible into `to` on `on`, with its best rate (see [`rates_into`]).
    pub fn rates_into(
        &self,
        to: Currency,
        on: Date,
    ) -> Result<BTreeMap<Currency, FoundRate>, Error> {
        self.store()?.read(|conn| rates_into(conn, to, on))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_limit_is_ten_to_the_twelfth() {
        assert_eq!(MAX_MANUAL_RATE, Decimal::from(1_000_000_000_000_i64));
    }
}
