//! ISO 4217 currencies and their minor units.

mod iso4217;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use iso4217::ISO_4217;

/// An active ISO 4217 currency (a copyable handle into the embedded table).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    index: u16,
}

/// A code that is not an active ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 4217 currency code")]
pub struct UnknownCurrency(pub String);

impl Currency {
    /// Looks a currency up by its alphabetic code (exact, upper case).
    pub fn from_code(code: &str) -> Result<Self, UnknownCurrency> {
        ISO_4217
            .binary_search_by(|(c, _, _)| (*c).cmp(code))
            .map(|i| Currency { index: i as u16 })
            .map_err(|_| UnknownCurrency(code.chars().take(16).collect()))
    }

    /// The three-letter code, e.g. `EUR`.
    pub fn code(self) -> &'static str {
        ISO_4217[usize::from(self.index)].0
    }

    /// The ISO numeric code, e.g. 978.
    pub fn numeric(self) -> u16 {
        ISO_4217[usize::from(self.index)].1
    }

    /// Digits after the decimal point of the minor unit (2 for EUR, 0 for JPY, 3 for KWD).
    pub fn minor_units(self) -> u32 {
        u32::from(ISO_4217[usize::from(self.index)].2)
    }

    /// Every currency in the table.
    pub fn all() -> impl Iterator<Item = Currency> {
        (0..ISO_4217.len()).map(|i| Currency { index: i as u16 })
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = UnknownCurrency;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::from_code(s)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Currency::from_code(&code).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_codes() {
        let eur = Currency::from_code("EUR").unwrap();
        assert_eq!(
            (eur.code(), eur.numeric(), eur.minor_units()),
            ("EUR", 978, 2)
        );
        assert_eq!(Currency::from_code("JPY").unwrap().minor_units(), 0);
        assert_eq!(Currency::from_code("UZS").unwrap().minor_units(), 2);
        assert!(Currency::from_code("eur").is_err());
        assert!(Currency::from_code("XYZ").is_err());
        assert!(Currency::all().count() > 140);
    }
}
