//! Locale formatting of exact decimals and money (no floats).

use karvon_domain::Currency;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::Lang;

/// Most fractional digits shown for a plain number (a quantity, a rate) without a fixed scale.
const MAX_PLAIN_DECIMALS: u32 = 4;

/// Formats a decimal with the locale's separators; `scale` fixes the fractional digits, otherwise
/// at most four significant fractional digits are shown.
pub fn format_decimal(lang: Lang, value: Decimal, scale: Option<u32>) -> String {
    let mut v = match scale {
        Some(s) => {
            let mut r = value.round_dp_with_strategy(s, RoundingStrategy::MidpointAwayFromZero);
            r.rescale(s);
            r
        }
        None => value.round_dp(MAX_PLAIN_DECIMALS).normalize(),
    };
    if v.is_zero() {
        v = v.abs();
    }
    let text = v.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (text, None),
    };
    let (group, point) = match lang {
        Lang::En => (",", "."),
        Lang::Uz | Lang::Ru => ("\u{a0}", ","),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3 * 2);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(c);
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}{point}{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Formats money: at least the currency's minor units, at most two more (intermediate steps).
pub fn format_money(lang: Lang, amount: Decimal, currency: Currency) -> String {
    let minor = currency.minor_units();
    // Values rebuilt from fractions carry residue (1205000.00000000000000000001): show at most
    // two digits beyond the minor unit, and only the ones that are not zero.
    let natural = amount.round_dp(minor + 2).normalize().scale();
    let scale = natural.clamp(minor, minor + 2);
    format!(
        "{}\u{a0}{}",
        format_decimal(lang, amount, Some(scale)),
        currency.code()
    )
}
