//! Turns the host's text fields into core values; every refusal names the record field.

use karvon_core::domain::kind::{Kind, Mode, Spirit};
use karvon_core::domain::{Currency, Date, Message};
use karvon_core::Error;
use rust_decimal::Decimal;

use crate::error::bad;

/// Longest decimal text accepted (longer is not a number Karvon can hold).
const MAX_DECIMAL_CHARS: usize = 40;

/// A decimal number such as `"120.50"`.
pub(crate) fn decimal(path: &str, s: &str) -> Result<Decimal, Error> {
    let t = s.trim();
    if t.len() > MAX_DECIMAL_CHARS {
        return Err(bad(path, Message::new("input-not-decimal")));
    }
    Decimal::from_str_exact(t).map_err(|_| bad(path, Message::new("input-not-decimal")))
}

/// An optional decimal number (`None` or an empty text is no number).
pub(crate) fn opt_decimal(path: &str, s: Option<&str>) -> Result<Option<Decimal>, Error> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => decimal(path, v).map(Some),
    }
}

/// A calendar date, `YYYY-MM-DD`.
pub(crate) fn date(path: &str, s: &str) -> Result<Date, Error> {
    s.trim().parse().map_err(|_| {
        bad(
            path,
            Message::new("input-date").text("value", s.chars().take(32).collect::<String>()),
        )
    })
}

/// An optional date.
pub(crate) fn opt_date(path: &str, s: Option<&str>) -> Result<Option<Date>, Error> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => date(path, v).map(Some),
    }
}

/// An ISO 4217 currency code.
pub(crate) fn currency(path: &str, s: &str) -> Result<Currency, Error> {
    karvon_core::validate::currency(path, s)
}

/// An optional currency code.
pub(crate) fn opt_currency(path: &str, s: Option<&str>) -> Result<Option<Currency>, Error> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => currency(path, v).map(Some),
    }
}

/// A travel mode (`air`, `road`, ...).
pub(crate) fn mode(path: &str, s: &str) -> Result<Mode, Error> {
    Mode::parse(s.trim()).ok_or_else(|| {
        bad(
            path,
            Message::new("input-unknown-mode")
                .text("value", s.chars().take(32).collect::<String>()),
        )
    })
}

/// A kind of goods (`goods`, `spirits`, ...).
pub(crate) fn kind(path: &str, s: &str) -> Result<Kind, Error> {
    Kind::parse(s.trim()).ok_or_else(|| {
        bad(
            path,
            Message::new("input-unknown-kind")
                .text("value", s.chars().take(32).collect::<String>()),
        )
    })
}

/// A type of spirit (`whisky`, `gin`, ...), optional.
pub(crate) fn spirit(path: &str, s: Option<&str>) -> Result<Option<Spirit>, Error> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => Spirit::parse(v).map(Some).ok_or_else(|| {
            bad(
                path,
                Message::new("input-unknown-spirit")
                    .text("value", v.chars().take(32).collect::<String>()),
            )
        }),
    }
}

/// An optional text: `None` or blank is no text.
pub(crate) fn opt_text(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of(e: Error) -> (String, String) {
        match e {
            Error::Input(i) => (i.path, i.message.id.to_string()),
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    #[test]
    fn each_refusal_names_its_field() {
        assert_eq!(decimal("value", " 12.50 ").unwrap().to_string(), "12.50");
        assert_eq!(
            path_of(decimal("value", "12,5").unwrap_err()),
            ("value".into(), "input-not-decimal".into())
        );
        assert_eq!(opt_decimal("litres", Some(" ")).unwrap(), None);
        assert_eq!(
            path_of(date("bought_on", "2026-13-01").unwrap_err()),
            ("bought_on".into(), "input-date".into())
        );
        assert_eq!(
            path_of(currency("currency", "XYZ").unwrap_err()).0,
            "currency"
        );
        assert_eq!(
            path_of(mode("mode", "teleport").unwrap_err()).1,
            "input-unknown-mode"
        );
        assert_eq!(
            path_of(kind("kind", "unicorn").unwrap_err()).1,
            "input-unknown-kind"
        );
        assert_eq!(
            path_of(spirit("spirit", Some("mead")).unwrap_err()).1,
            "input-unknown-spirit"
        );
        assert_eq!(opt_text(Some("  ")), None);
    }
}
