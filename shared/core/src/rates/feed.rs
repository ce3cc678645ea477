//! A rates feed read into memory and checked whole before anything is written.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;

use karvon_domain::fx::RateSource;
use karvon_domain::{Currency, Date, Message};
use rust_decimal::Decimal;

use super::{cbu, ecb_csv, ecb_xml, Quote};
use crate::Error;

/// The largest feed file accepted (checked before reading): 64 MiB.
pub const MAX_FEED_BYTES: u64 = 64 * 1024 * 1024;

/// A parsed feed: one or more dated tables from one source against one base.
#[derive(Debug)]
pub(super) struct Feed {
    pub source: RateSource,
    pub base: Currency,
    pub quote: Quote,
    pub tables: Vec<FeedTable>,
    /// Codes in the file that are not current ISO 4217 currencies (or are the base).
    pub skipped: BTreeSet<String>,
}

/// The rates of one date.
#[derive(Debug)]
pub(super) struct FeedTable {
    pub valid_on: Date,
    pub rates: Vec<FeedRate>,
}

/// One rate as published, with its value per unit.
#[derive(Debug)]
pub(super) struct FeedRate {
    pub currency: Currency,
    pub published: String,
    pub nominal: Decimal,
    pub per_unit: Decimal,
}

/// Reads `path` (refusing large, empty and non-UTF-8 files) and parses it by its content.
pub(super) fn read(path: &Path) -> Result<(String, Feed), Error> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let too_large = || {
        Error::feed(
            &file,
            format!("byte {}", MAX_FEED_BYTES + 1),
            Message::new("rates-too-large").int("limit", MAX_FEED_BYTES as i64),
        )
    };
    let handle = std::fs::File::open(path).map_err(io)?;
    if handle.metadata().map_err(io)?.len() > MAX_FEED_BYTES {
        return Err(too_large());
    }
    // Read at most one byte past the limit, in case the file grew since.
    let mut bytes = Vec::new();
    handle
        .take(MAX_FEED_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FEED_BYTES {
        return Err(too_large());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::feed(
            &file,
            format!("byte {}", e.utf8_error().valid_up_to() + 1),
            Message::new("rates-not-utf8"),
        )
    })?;
    let feed = parse(&file, &text)?;
    Ok((file, feed))
}

/// Parses a feed, detecting its format from the first visible character.
pub(super) fn parse(file: &str, text: &str) -> Result<Feed, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let feed = match text.trim_start().chars().next() {
        None => return Err(Error::feed(file, "line 1", Message::new("rates-empty"))),
        Some('[' | '{') => cbu::parse(file, text)?,
        Some('<') => ecb_xml::parse(file, text)?,
        Some(_) if text.lines().next().is_some_and(|l| l.contains(',')) => {
            ecb_csv::parse(file, text)?
        }
        Some(_) => {
            return Err(Error::feed(
                file,
                "line 1",
                Message::new("rates-unknown-format"),
            ))
        }
    };
    if feed.tables.iter().all(|t| t.rates.is_empty()) {
        return Err(Error::feed(file, "-", Message::new("rates-no-rates")));
    }
    Ok(feed)
}

/// Why a published figure was refused.
pub(super) fn bad_value(id: &'static str, value: &str) -> Message {
    Message::new(id).text("value", value.chars().take(40).collect::<String>())
}

/// A strictly positive plain decimal (`123`, `1.1684`): no sign, exponent or separators.
pub(super) fn positive(text: &str) -> Result<Decimal, Message> {
    let plain = |s: &str| {
        let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
        !int.is_empty()
            && !frac.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit())
    };
    if let Some(rest) = text.strip_prefix('-') {
        if plain(rest) {
            return Err(bad_value("rates-not-positive", text));
        }
    }
    if !plain(text) {
        return Err(bad_value("rates-not-decimal", text));
    }
    let value = Decimal::from_str_exact(text).map_err(|_| bad_value("rates-not-decimal", text))?;
    if value <= Decimal::ZERO {
        return Err(bad_value("rates-not-positive", text));
    }
    Ok(value)
}

/// A three-letter upper-case code: `Ok(Some)` if it is a current ISO 4217 currency other than
/// `base`, `Ok(None)` if it should be skipped, `Err` if it does not look like a code at all.
pub(super) fn code(text: &str, base: Currency) -> Result<Option<Currency>, Message> {
    if text.len() != 3 || !text.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(bad_value("rates-not-code", text));
    }
    Ok(Currency::from_code(text).ok().filter(|c| *c != base))
}

/// `1 / rate` for quotes in units of currency per one base.
pub(super) fn inverse(rate: Decimal) -> Option<Decimal> {
    Decimal::ONE.checked_div(rate)
}

/// A date as ISO `YYYY-MM-DD`, `DD.MM.YYYY` (CBU) or `13 April 2026` (ECB daily CSV).
pub(super) fn date(text: &str) -> Option<Date> {
    if let Ok(d) = Date::from_str(text) {
        return Some(d);
    }
    let num = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i32>().ok())
            .flatten()
    };
    let parts: Vec<&str> = if text.contains('.') {
        text.split('.').collect()
    } else {
        text.split_whitespace().collect()
    };
    let [d, m, y] = parts[..] else {
        return None;
    };
    let day = u8::try_from(num(d, 1..=2)?).ok()?;
    let year = num(y, 4..=4)?;
    let month = if text.contains('.') {
        u8::try_from(num(m, 1..=2)?).ok()?
    } else {
        const MONTHS: [&str; 12] = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        let m = m.to_ascii_lowercase();
        let i = MONTHS
            .iter()
            .position(|name| *name == m || (m.len() == 3 && name.starts_with(&m)))?;
        u8::try_from(i + 1).ok()?
    };
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_strict() {
        assert_eq!(positive("1.1684").unwrap().to_string(), "1.1684");
        assert_eq!(positive("366.90").unwrap().to_string(), "366.90");
        for bad in ["", "abc", "1e5", "+1", "1.", ".5", "1,5", " 1", "N/A"] {
            assert_eq!(positive(bad).unwrap_err().id, "rates-not-decimal", "{bad}");
        }
        for bad in ["-1.2", "0", "0.000"] {
            assert_eq!(positive(bad).unwrap_err().id, "rates-not-positive", "{bad}");
        }
    }

    #[test]
    fn dates_in_three_spellings() {
        let want = Date::new(2026, 4, 13).ok();
        assert_eq!(date("2026-04-13"), want);
        assert_eq!(date("13.04.2026"), want);
        assert_eq!(date("13 April 2026"), want);
        assert_eq!(date("13 Apr 2026"), want);
        assert_eq!(date("31.02.2026"), None);
        assert_eq!(date("13 Avril 2026"), None);
        assert_eq!(date("13.04.26"), None);
    }
}
