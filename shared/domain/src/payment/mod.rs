//! E-payment drafts as data: creditor references, IBAN checks and the export formats.
//!
//! Sources (`shared/reference/trader-and-payments.md` §5 and §7):
//!
//! - [`rf`]: ISO 11649 RF creditor reference (mod 97, letters A=10..Z=35).
//! - [`iban`]: ISO 13616 IBAN (country table, mod 97) and the ISO 9362 BIC shape.
//! - [`epc_qr`]: EPC069-12 "SEPA Credit Transfer QR" payload, versions 001 and 002, UTF-8.
//! - [`pain001`]: ISO 20022 `pain.001.001.09` Customer Credit Transfer Initiation, written by hand.
//! - [`draft`]: the country-neutral [`PaymentDraft`] with its forward-only status and exports.
//!
//! \[K\] marks a fact from background knowledge, as the reference labels them: verify it
//! against the primary text before relying on it.
//!
//! Nothing here reads a clock or does I/O; every time is passed in. Money is
//! `rust_decimal::Decimal` with its currency ([`Money`]).

#![warn(missing_docs)]

mod account;
pub mod draft;
pub mod epc_qr;
mod error;
pub mod iban;
pub mod pain001;
pub mod rf;
mod xml;

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::money::Money;

pub use account::{Account, Party, MAX_ACCOUNT_CHARS, MAX_BANK_CODE_CHARS};
pub use draft::{Pain001Header, Payee, PaymentDraft, PaymentStatus};
pub use epc_qr::{
    epc_max_amount, EpcQr, EpcVersion, EPC_MAX_INFORMATION_CHARS, EPC_MAX_NAME_CHARS,
    EPC_MAX_PAYLOAD_BYTES,
};
pub use error::{Field, PaymentError};
pub use iban::{iban_length, Bic, Iban};
pub use pain001::{
    CreditTransfer, CreditTransferInitiation, MAX_ID_CHARS, PAIN_001_NAMESPACE, PAIN_001_VERSION,
};
pub use rf::{CreditorReference, RF_MAX_BASE_CHARS};

/// Most characters of unstructured remittance text (EPC069-12 line 11, ISO 20022 `Ustrd`).
pub const MAX_REMITTANCE_CHARS: usize = 140;

/// Most characters of a party name in pain.001 and in a draft (ISO 20022 `Max140Text`).
pub const MAX_NAME_CHARS: usize = 140;

/// An ISO 20022 purpose code (`ExternalPurpose1Code`, e.g. `GOVT`, `TAXS`, `CHAR`).
///
/// Four letters, stored upper case. Used on EPC069-12 line 9 and in pain.001 `Purp/Cd`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PurposeCode(String);

impl PurposeCode {
    /// Checks a purpose code: exactly four ASCII letters (lower case is upper-cased).
    pub fn parse(text: &str) -> Result<Self, PaymentError> {
        let code = text.trim();
        if code.len() == 4 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
            Ok(Self(code.to_ascii_uppercase()))
        } else {
            Err(PaymentError::PurposeCode {
                value: code.chars().take(16).collect(),
            })
        }
    }

    /// The code, e.g. `GOVT`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PurposeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for PurposeCode {
    type Err = PaymentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for PurposeCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PurposeCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// ISO 7064 MOD 97-10 remainder of a string of digits and upper-case letters, where
/// each letter counts as two digits (A=10 … Z=35). `None` on any other character.
pub(crate) fn mod97(bytes: impl IntoIterator<Item = u8>) -> Option<u32> {
    bytes.into_iter().try_fold(0u32, |r, b| match b {
        b'0'..=b'9' => Some((r * 10 + u32::from(b - b'0')) % 97),
        b'A'..=b'Z' => Some((r * 100 + u32::from(b - b'A') + 10) % 97),
        _ => None,
    })
}

/// The characters of `text` without spaces, ASCII upper-cased, each with its 1-based
/// position in `text` (so errors point at what the user typed).
pub(crate) fn compact(text: &str) -> Vec<(char, usize)> {
    text.chars()
        .enumerate()
        .filter(|(_, c)| *c != ' ')
        .map(|(i, c)| (c.to_ascii_uppercase(), i + 1))
        .collect()
}

/// `text` in groups of four characters separated by one space (IBAN and RF print form).
pub(crate) fn groups_of_four(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (i, c) in text.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// A required text field, trimmed: not blank, no control characters (line breaks would
/// break the EPC line structure; XML 1.0 forbids most of them), at most `max` characters.
pub(crate) fn required_text(field: Field, value: &str, max: usize) -> Result<&str, PaymentError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(PaymentError::Required { field });
    }
    if value.chars().any(char::is_control) {
        return Err(PaymentError::ControlCharacter { field });
    }
    let length = value.chars().count();
    if length > max {
        return Err(PaymentError::TooLong { field, length, max });
    }
    Ok(value)
}

/// An optional text field: blank counts as absent, otherwise as [`required_text`].
pub(crate) fn optional_text(
    field: Field,
    value: Option<&str>,
    max: usize,
) -> Result<Option<&str>, PaymentError> {
    match value {
        Some(v) if !v.trim().is_empty() => required_text(field, v, max).map(Some),
        _ => Ok(None),
    }
}

/// Largest amount with 18 digits in all at the currency's minor units (ISO 20022
/// `ActiveOrHistoricCurrencyAndAmount`: `totalDigits` 18), e.g. 9999999999999999.99 EUR.
pub(crate) fn iso20022_max(money: Money) -> Decimal {
    let scale = money.currency.minor_units().min(18);
    let digits = 10i128.pow(18) - 1;
    Decimal::from_i128_with_scale(digits, scale)
}

/// Checks an amount to pay: at least one minor unit, at most `max`, and no more decimal
/// places than the currency's minor units. Returns the amount, normalised.
pub(crate) fn check_amount(money: Money, max: Decimal) -> Result<Decimal, PaymentError> {
    let places = money.currency.minor_units();
    let min = Decimal::new(1, places);
    if money.amount < min {
        return Err(PaymentError::AmountTooSmall {
            min: Money::new(min, money.currency),
        });
    }
    if money.amount > max {
        return Err(PaymentError::AmountTooLarge {
            max: Money::new(max, money.currency),
        });
    }
    let amount = money.amount.normalize();
    if amount.scale() > places {
        return Err(PaymentError::AmountTooPrecise {
            places,
            currency: money.currency,
        });
    }
    Ok(amount)
}

/// Whether a currency is the euro.
pub(crate) fn is_euro(money: Money) -> bool {
    money.currency.code() == "EUR"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency::Currency;

    #[test]
    fn mod97_counts_letters_as_two_digits() {
        assert_eq!(mod97(*b"97"), Some(0));
        assert_eq!(mod97(*b"A"), Some(10));
        // "Z9" = 359 = 3 * 97 + 68.
        assert_eq!(mod97(*b"Z9"), Some(68));
        assert_eq!(mod97(*b"a"), None);
    }

    #[test]
    fn groups_and_compacts() {
        assert_eq!(groups_of_four("RF18539007547034"), "RF18 5390 0754 7034");
        assert_eq!(groups_of_four("ABCD"), "ABCD");
        assert_eq!(compact("a b"), vec![('A', 1), ('B', 3)]);
    }

    #[test]
    fn purpose_codes_are_four_letters() {
        assert_eq!(PurposeCode::parse(" govt ").unwrap().as_str(), "GOVT");
        assert!(matches!(
            PurposeCode::parse("GOV1"),
            Err(PaymentError::PurposeCode { .. })
        ));
        assert!(PurposeCode::parse("TAXES").is_err());
    }

    #[test]
    fn amounts_are_checked_against_minor_units() {
        let eur = Currency::from_code("EUR").unwrap();
        let jpy = Currency::from_code("JPY").unwrap();
        let max = iso20022_max(Money::zero(eur));
        assert_eq!(max.to_string(), "9999999999999999.99");
        assert_eq!(
            check_amount(Money::new(Decimal::new(1250, 2), eur), max),
            Ok(Decimal::new(125, 1))
        );
        assert_eq!(
            check_amount(Money::new(Decimal::new(5, 1), jpy), Decimal::from(1000)),
            Err(PaymentError::AmountTooSmall {
                min: Money::new(Decimal::ONE, jpy)
            })
        );
        assert_eq!(
            check_amount(Money::new(Decimal::new(1001, 3), eur), max),
            Err(PaymentError::AmountTooPrecise {
                places: 2,
                currency: eur
            })
        );
    }

    #[test]
    fn texts_are_trimmed_and_limited() {
        assert_eq!(required_text(Field::PayeeName, "  A  ", 3), Ok("A"));
        assert_eq!(
            required_text(Field::PayeeName, " ", 3),
            Err(PaymentError::Required {
                field: Field::PayeeName
            })
        );
        assert_eq!(
            required_text(Field::PayeeName, "a\nb", 9),
            Err(PaymentError::ControlCharacter {
                field: Field::PayeeName
            })
        );
        assert_eq!(
            required_text(Field::PayeeName, "ёёёё", 3),
            Err(PaymentError::TooLong {
                field: Field::PayeeName,
                length: 4,
                max: 3
            })
        );
        assert_eq!(optional_text(Field::Remittance, Some("  "), 3), Ok(None));
    }
}
