//! Amounts of money: an exact decimal and its currency.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::rounding::Rounding;

/// An exact amount in one currency. Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// The amount, in major units (e.g. `12.50` euros).
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Its currency.
    pub currency: Currency,
}

impl Money {
    /// An amount in a currency.
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Self { amount, currency }
    }

    /// Zero in a currency.
    pub fn zero(currency: Currency) -> Self {
        Self::new(Decimal::ZERO, currency)
    }

    /// The amount rounded to the currency's minor units with a rule's mode.
    pub fn rounded(self, rounding: Rounding) -> Self {
        Self::new(
            rounding.apply(self.amount, self.currency.minor_units()),
            self.currency,
        )
    }

    /// The amount as a string with exactly the currency's minor units (`12.50`), no rounding
    /// beyond what the value already has (extra digits are kept).
    pub fn minor_units_string(self) -> String {
        fixed_scale(self.amount, self.currency.minor_units())
    }
}

/// Renders a decimal with at least `scale` fractional digits.
pub fn fixed_scale(value: Decimal, scale: u32) -> String {
    let mut v = value.normalize();
    if v.scale() < scale {
        v.rescale(scale);
    }
    v.to_string()
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.minor_units_string(), self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn renders_minor_units() {
        let eur = Currency::from_code("EUR").unwrap();
        let jpy = Currency::from_code("JPY").unwrap();
        assert_eq!(Money::new(Decimal::from(12), eur).to_string(), "12.00 EUR");
        assert_eq!(
            Money::new(Decimal::from_str("12.5").unwrap(), eur).minor_units_string(),
            "12.50"
        );
        assert_eq!(
            Money::new(Decimal::from(1500), jpy).minor_units_string(),
            "1500"
        );
        assert_eq!(
            fixed_scale(Decimal::from_str("1.2345").unwrap(), 2),
            "1.2345"
        );
    }
}
