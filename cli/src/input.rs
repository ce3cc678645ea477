//! Turns command-line text into core inputs; every refusal names the option.

use karvon_core::domain::kind::{Kind, Mode, Spirit};
use karvon_core::domain::{Currency, Date, InputError, Message};
use karvon_core::{Error, PurchaseInput};
use rust_decimal::Decimal;

use crate::args::BuyArgs;

fn bad(flag: &str, m: Message) -> Error {
    Error::Input(InputError::new(flag, m))
}

/// An error naming a command-line option.
pub fn field(flag: &str, m: Message) -> Error {
    bad(flag, m)
}

/// A text file (a form, a CSV file), at most 64 MiB.
pub fn read_text(path: &std::path::Path) -> Result<String, Error> {
    karvon_core::files::read_text(path, karvon_core::files::MAX_TEXT_BYTES)
}

/// A decimal number.
pub fn decimal(flag: &str, s: &str) -> Result<Decimal, Error> {
    let t = s.trim();
    if t.len() > 40 {
        return Err(bad(flag, Message::new("input-not-decimal")));
    }
    Decimal::from_str_exact(t).map_err(|_| bad(flag, Message::new("input-not-decimal")))
}

/// An optional decimal number.
pub fn opt_decimal(flag: &str, s: Option<&String>) -> Result<Option<Decimal>, Error> {
    s.map(|v| decimal(flag, v)).transpose()
}

/// A calendar date.
pub fn date(flag: &str, s: &str) -> Result<Date, Error> {
    s.trim().parse().map_err(|_| {
        bad(
            flag,
            Message::new("input-date").text("value", s.chars().take(32).collect::<String>()),
        )
    })
}

/// Today's date (UTC).
pub fn today() -> Date {
    let days = karvon_core::store::now_ms().div_euclid(86_400_000);
    Date::from_days_since_epoch(days)
        .unwrap_or_else(|| Date::new(1970, 1, 1).unwrap_or_else(|_| unreachable!()))
}

/// An ISO 4217 currency.
pub fn currency(flag: &str, s: &str) -> Result<Currency, Error> {
    karvon_core::validate::currency(flag, s)
}

/// A travel mode.
pub fn mode(flag: &str, s: &str) -> Result<Mode, Error> {
    Mode::parse(s.trim()).ok_or_else(|| {
        bad(
            flag,
            Message::new("input-unknown-mode")
                .text("value", s.chars().take(32).collect::<String>()),
        )
    })
}

/// Yes or no.
pub fn yes_no(flag: &str, s: &str) -> Result<bool, Error> {
    match s.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "ha" | "да" => Ok(true),
        "no" | "n" | "false" | "0" | "yo'q" | "нет" => Ok(false),
        _ => Err(bad(
            flag,
            Message::new("input-type").term("expected", "type-boolean"),
        )),
    }
}

/// A whole number of days.
pub fn days(flag: &str, s: &str) -> Result<u32, Error> {
    s.trim()
        .parse()
        .map_err(|_| bad(flag, Message::new("input-not-whole")))
}

/// The purchase `buy` and `what-if` describe.
pub fn purchase(trip: &str, a: &BuyArgs) -> Result<PurchaseInput, Error> {
    let kind = Kind::parse(a.kind.trim()).ok_or_else(|| {
        bad(
            "--kind",
            Message::new("input-unknown-kind")
                .text("value", a.kind.chars().take(32).collect::<String>()),
        )
    })?;
    let bought_on = match &a.date {
        Some(d) => date("--date", d)?,
        None => today(),
    };
    let mut p = PurchaseInput::new(trip, &a.description, kind, bought_on);
    p.traveller = a.traveller.clone();
    p.value = opt_decimal("--value", a.value.as_ref())?;
    p.currency = a
        .currency
        .as_deref()
        .map(|c| currency("--currency", c))
        .transpose()?;
    p.count = opt_decimal("--count", a.count.as_ref())?;
    p.litres = opt_decimal("--litres", a.litres.as_ref())?;
    p.grams = opt_decimal("--grams", a.grams.as_ref())?;
    p.ml = opt_decimal("--ml", a.ml.as_ref())?;
    p.weight_kg = opt_decimal("--weight", a.weight.as_ref())?;
    p.abv = opt_decimal("--abv", a.abv.as_ref())?;
    p.duty_rate = opt_decimal("--duty-rate", a.duty_rate.as_ref())?;
    p.spirit = match &a.spirit {
        Some(s) => Some(Spirit::parse(s.trim()).ok_or_else(|| {
            bad(
                "--spirit",
                Message::new("input-unknown-spirit")
                    .text("value", s.chars().take(32).collect::<String>()),
            )
        })?),
        None => None,
    };
    p.hs_code = a.hs.clone();
    p.shop = a.shop.clone();
    p.used = a.used;
    p.gift = a.gift;
    p.unaccompanied = a.unaccompanied;
    p.tax_free = a.tax_free;
    Ok(p)
}
