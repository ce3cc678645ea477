//! Dated exchange-rate tables with direct, inverse and cross conversion.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::date::Date;

/// Where a rate table comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RateSource {
    /// Central Bank of Uzbekistan.
    Cbu,
    /// European Central Bank reference rates.
    Ecb,
    /// Entered by the user (including the `rates` of a trip file).
    UserEntered,
}

/// A table of rates on one date: units of `base` per one unit of each listed currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateTable {
    /// Who published the rates.
    pub source: RateSource,
    /// The date the rates are valid for.
    pub date: Date,
    /// The currency the rates are quoted in.
    pub base: Currency,
    rates: BTreeMap<Currency, Decimal>,
}

/// How an amount was converted, for explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversionPath {
    /// Same currency.
    Identity,
    /// Foreign to base: multiply by the quoted rate.
    Direct,
    /// Base to foreign: divide by the quoted rate.
    Inverse,
    /// Foreign to foreign through the base.
    Cross,
}

/// The result of a conversion with the effective rate used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversion {
    /// The converted amount, unrounded.
    pub amount: Decimal,
    /// Units of the target currency per one unit of the source currency.
    pub rate: Decimal,
    /// Which way the table was read.
    pub path: ConversionPath,
}

/// Why a rate table refused an operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FxError {
    /// No rate for this currency in the table.
    #[error("no rate for {0} in the table")]
    MissingRate(Currency),
    /// A rate must be a positive number.
    #[error("the rate for {0} must be positive")]
    NonPositiveRate(Currency),
    /// The arithmetic left the representable range.
    #[error("conversion overflow")]
    Overflow,
}

impl RateTable {
    /// An empty table quoted in `base`.
    pub fn new(source: RateSource, date: Date, base: Currency) -> Self {
        Self {
            source,
            date,
            base,
            rates: BTreeMap::new(),
        }
    }

    /// Sets the rate of `currency`: units of base per one unit of `currency`.
    pub fn insert(&mut self, currency: Currency, rate: Decimal) -> Result<(), FxError> {
        if rate <= Decimal::ZERO {
            return Err(FxError::NonPositiveRate(currency));
        }
        if currency != self.base {
            self.rates.insert(currency, rate);
        }
        Ok(())
    }

    /// The quoted rate of a currency (1 for the base).
    pub fn rate(&self, currency: Currency) -> Option<Decimal> {
        if currency == self.base {
            Some(Decimal::ONE)
        } else {
            self.rates.get(&currency).copied()
        }
    }

    /// Currencies with a rate, the base excluded.
    pub fn currencies(&self) -> impl Iterator<Item = Currency> + '_ {
        self.rates.keys().copied()
    }

    /// Converts `amount` from one currency to another.
    pub fn convert(
        &self,
        amount: Decimal,
        from: Currency,
        to: Currency,
    ) -> Result<Conversion, FxError> {
        if from == to {
            return Ok(Conversion {
                amount,
                rate: Decimal::ONE,
                path: ConversionPath::Identity,
            });
        }
        let rate_from = self.rate(from).ok_or(FxError::MissingRate(from))?;
        let rate_to = self.rate(to).ok_or(FxError::MissingRate(to))?;
        let (rate, path) = if to == self.base {
            (rate_from, ConversionPath::Direct)
        } else if from == self.base {
            (
                Decimal::ONE.checked_div(rate_to).ok_or(FxError::Overflow)?,
                ConversionPath::Inverse,
            )
        } else {
            (
                rate_from.checked_div(rate_to).ok_or(FxError::Overflow)?,
                ConversionPath::Cross,
            )
        };
        let converted = match path {
            ConversionPath::Inverse => amount.checked_div(rate_to),
            ConversionPath::Cross => amount
                .checked_mul(rate_from)
                .and_then(|v| v.checked_div(rate_to)),
            _ => amount.checked_mul(rate),
        }
        .ok_or(FxError::Overflow)?;
        Ok(Conversion {
            amount: converted,
            rate,
            path,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn c(code: &str) -> Currency {
        Currency::from_code(code).unwrap()
    }
    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn table() -> RateTable {
        let mut t = RateTable::new(RateSource::Ecb, "2026-04-13".parse().unwrap(), c("EUR"));
        // ECB quotes foreign per EUR; as "EUR per unit": USD 1/1.1684, here rounded inputs.
        t.insert(c("USD"), d("0.85")).unwrap();
        t.insert(c("GBP"), d("1.15")).unwrap();
        t
    }

    #[test]
    fn direct_inverse_cross() {
        let t = table();
        let direct = t.convert(d("100"), c("USD"), c("EUR")).unwrap();
        assert_eq!(
            (direct.amount, direct.path),
            (d("85.00"), ConversionPath::Direct)
        );
        let inverse = t.convert(d("115"), c("EUR"), c("GBP")).unwrap();
        assert_eq!(
            (inverse.amount, inverse.path),
            (d("100"), ConversionPath::Inverse)
        );
        let cross = t.convert(d("115"), c("GBP"), c("USD")).unwrap();
        // 115 GBP = 132.25 EUR = 155.588235... USD
        assert_eq!(cross.path, ConversionPath::Cross);
        assert_eq!(cross.amount.round_dp(4), d("155.5882"));
        assert_eq!(
            t.convert(d("7"), c("EUR"), c("EUR")).unwrap().amount,
            d("7")
        );
    }

    #[test]
    fn refuses_missing_and_bad_rates() {
        let mut t = table();
        assert_eq!(
            t.convert(d("1"), c("JPY"), c("EUR")),
            Err(FxError::MissingRate(c("JPY")))
        );
        assert_eq!(
            t.insert(c("JPY"), d("0")),
            Err(FxError::NonPositiveRate(c("JPY")))
        );
        assert_eq!(
            t.insert(c("JPY"), d("-1")),
            Err(FxError::NonPositiveRate(c("JPY")))
        );
    }
}
