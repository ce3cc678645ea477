//! Per-destination trade rules as data (`shared/rules/trade/*.json`, embedded): valuation basis,
//! default VAT, the low-value regime, the clearance fee, BRV values and rounding — every figure
//! with its source, effective dates and confidence (reference §3.3, §4).
//!
//! # JSON shape
//!
//! ```json
//! {
//!   "format": 1, "id": "UZ", "name": "…", "currency": "UZS",
//!   "members": [],                                   // other codes a declaration may name (EU states)
//!   "sources": {"key": {"url": "https://…", "title": "…"}},
//!   "valuation": {"basis": "cif", "source": "key", "from": "2023-01-01", "confidence": "unconfirmed", "note": "…"},
//!   "vat": [{"percent": "12", "source": "key", "from": "2023-01-01", "confidence": "confirmed"}],
//!   "low_value": {                                   // optional
//!     "threshold": {"amount": "150", "currency": "EUR", "source": "key", "from": "2021-07-01", "confidence": "secondary"},
//!     "excise_goods_excluded": true,
//!     "periods": [
//!       {"duty": {"kind": "relief"}, "source": "key", "from": "2021-07-01", "to": "2026-06-30", "confidence": "unconfirmed"},
//!       {"duty": {"kind": "flat_per_subheading", "amount": "3", "currency": "EUR"}, "source": "key", "from": "2026-07-01", "confidence": "secondary"}
//!     ]
//!   },
//!   "clearance_fee": {                               // optional: multiples of the BRV by customs value
//!     "basis_currency": "USD", "source": "key", "from": "2025-05-05", "confidence": "secondary",
//!     "bands": [{"up_to": "10000", "brv": "1"}, …, {"below": "1000000", "brv": "20"}, {"brv": "25"}]
//!   },
//!   "brv": [{"amount": "412000", "currency": "UZS", "source": "key", "from": "2025-08-01", "confidence": "confirmed"}],
//!   "rounding": {"conversion": {"mode": "half_up"}, "charges": {"mode": "half_up"},
//!                "source": "key", "from": "2023-01-01", "confidence": "unconfirmed"}
//! }
//! ```
//!
//! `to` is optional everywhere (inclusive last day). A band's `up_to` includes its bound, `below`
//! excludes it; the last band has neither.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::date::Date;
use crate::message::Message;
use crate::pack::{Confidence, Source};
use crate::rounding::Rounding;
use crate::trip::InputError;

use super::error::TradeError;

/// The trade rules shipped in the binary: `(id, JSON text)`.
pub const EMBEDDED_TRADE_RULES: &[(&str, &str)] = &[
    ("UZ", include_str!("../../../rules/trade/uz.json")),
    ("EU", include_str!("../../../rules/trade/eu.json")),
];

/// Largest rules file accepted, in bytes.
pub const MAX_RULES_BYTES: usize = 256 * 1024;

/// What the customs value includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Cost, insurance and freight to the place of importation are included.
    Cif,
    /// Free on board: transport and insurance are left out.
    Fob,
}

/// The valuation basis with its citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Valuation {
    /// CIF or FOB.
    pub basis: Basis,
    /// Key into `sources`.
    pub source: String,
    /// Effective from: the rules apply from this date.
    pub from: Date,
    /// Confidence.
    pub confidence: Confidence,
    /// Maintainer note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A dated percentage (a VAT rate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedPercent {
    /// The rate in percent.
    #[serde(with = "rust_decimal::serde::str")]
    pub percent: Decimal,
    /// Key into `sources`.
    pub source: String,
    /// First day.
    pub from: Date,
    /// Last day (inclusive), if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Confidence.
    pub confidence: Confidence,
    /// Maintainer note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A dated amount of money (a threshold, a BRV value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedAmount {
    /// The amount.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Its currency.
    pub currency: Currency,
    /// Key into `sources`.
    pub source: String,
    /// First day.
    pub from: Date,
    /// Last day (inclusive), if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Confidence.
    pub confidence: Confidence,
    /// Maintainer note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What the low-value regime does to customs duty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum LowValueDuty {
    /// No customs duty (duty relief for consignments of negligible value).
    Relief,
    /// A flat duty per distinct tariff sub-heading (6-digit HS code) in the consignment, in
    /// place of the tariff duty.
    FlatPerSubheading {
        /// The amount per sub-heading.
        #[serde(with = "rust_decimal::serde::str")]
        amount: Decimal,
        /// Its currency.
        currency: Currency,
    },
}

/// One period of the low-value regime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LowValuePeriod {
    /// The duty treatment.
    pub duty: LowValueDuty,
    /// Key into `sources`.
    pub source: String,
    /// First day.
    pub from: Date,
    /// Last day (inclusive), if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Confidence.
    pub confidence: Confidence,
    /// Maintainer note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A low-value (de minimis) regime on the consignment's intrinsic value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LowValue {
    /// The threshold on the intrinsic value (goods only, without transport and insurance); a
    /// consignment at or below it qualifies.
    pub threshold: DatedAmount,
    /// Whether a consignment with any line carrying excise is left out of the regime.
    pub excise_goods_excluded: bool,
    /// The periods, in date order, not overlapping.
    pub periods: Vec<LowValuePeriod>,
}

/// One band of the clearance fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeBand {
    /// Upper bound, included.
    #[serde(
        default,
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub up_to: Option<Decimal>,
    /// Upper bound, excluded.
    #[serde(
        default,
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub below: Option<Decimal>,
    /// The fee in multiples of the BRV.
    #[serde(with = "rust_decimal::serde::str")]
    pub brv: Decimal,
}

impl FeeBand {
    /// Whether a value falls in this band (given it is above the previous bands).
    pub fn contains(&self, value: Decimal) -> bool {
        match (self.up_to, self.below) {
            (Some(max), _) => value <= max,
            (None, Some(max)) => value < max,
            (None, None) => true,
        }
    }
}

/// A clearance fee in multiples of the BRV, by the declaration's total customs value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClearanceFee {
    /// The currency the bands are expressed in.
    pub basis_currency: Currency,
    /// The bands, ascending; the last has no bound.
    pub bands: Vec<FeeBand>,
    /// Key into `sources`.
    pub source: String,
    /// First day.
    pub from: Date,
    /// Last day (inclusive), if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Confidence.
    pub confidence: Confidence,
    /// Maintainer note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Rounding at the named steps: each converted amount, and each charge per line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TradeRounding {
    /// Each currency conversion (line values, freight, insurance, fee bases).
    pub conversion: Rounding,
    /// Each duty, excise, VAT and fee amount.
    pub charges: Rounding,
    /// Key into `sources`.
    pub source: String,
    /// Effective from.
    pub from: Date,
    /// Confidence.
    pub confidence: Confidence,
    /// Maintainer note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A destination's trade rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TradeRules {
    /// Format version (1).
    pub format: u32,
    /// The jurisdiction (`UZ`, `EU`).
    pub id: String,
    /// A short name (verbatim).
    pub name: String,
    /// The currency duties and taxes are paid in.
    pub currency: Currency,
    /// Other codes a declaration may name for these rules (the EU's member states).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// Cited sources by key.
    pub sources: BTreeMap<String, Source>,
    /// The valuation basis.
    pub valuation: Valuation,
    /// Default VAT rates by period (used when the tariff row has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vat: Vec<DatedPercent>,
    /// The low-value regime, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low_value: Option<LowValue>,
    /// The clearance fee, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clearance_fee: Option<ClearanceFee>,
    /// BRV (base calculation value) by period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub brv: Vec<DatedAmount>,
    /// Rounding.
    pub rounding: TradeRounding,
}

fn on<T>(items: &[T], date: Date, span: impl Fn(&T) -> (Date, Option<Date>)) -> Option<&T> {
    items.iter().find(|i| {
        let (from, to) = span(i);
        from <= date && to.is_none_or(|t| date <= t)
    })
}

impl TradeRules {
    /// Reads and checks a rules file.
    pub fn from_json(text: &str) -> Result<TradeRules, TradeError> {
        if text.len() > MAX_RULES_BYTES {
            return Err(TradeError::rules(
                "",
                Message::new("trade-rules-too-large").int("max", MAX_RULES_BYTES as i64),
            ));
        }
        let de = &mut serde_json::Deserializer::from_str(text);
        let rules: TradeRules = serde_path_to_error::deserialize(de).map_err(|e| {
            let detail = e.inner().to_string();
            TradeError::rules(
                e.path().to_string(),
                Message::new("trade-rules-json").text("detail", detail),
            )
        })?;
        rules.check()?;
        Ok(rules)
    }

    /// The embedded rules for a jurisdiction (`UZ`, `EU`, or an EU member state).
    pub fn embedded(jurisdiction: &str) -> Result<TradeRules, TradeError> {
        for (_, text) in EMBEDDED_TRADE_RULES {
            let rules = TradeRules::from_json(text)?;
            if rules.covers(jurisdiction) {
                return Ok(rules);
            }
        }
        Err(TradeError::rules(
            "jurisdiction",
            Message::new("trade-rules-unknown")
                .text("value", jurisdiction.chars().take(16).collect::<String>()),
        ))
    }

    /// Whether a declaration for `jurisdiction` uses these rules.
    pub fn covers(&self, jurisdiction: &str) -> bool {
        self.id == jurisdiction || self.members.iter().any(|m| m == jurisdiction)
    }

    /// The URL of a source key (the key itself if it is missing, which `check` prevents).
    pub fn source_url<'a>(&'a self, key: &'a str) -> &'a str {
        self.sources.get(key).map_or(key, |s| s.url.as_str())
    }

    /// The default VAT rate on a date.
    pub fn vat_on(&self, date: Date) -> Option<&DatedPercent> {
        on(&self.vat, date, |v| (v.from, v.to))
    }

    /// The BRV on a date.
    pub fn brv_on(&self, date: Date) -> Option<&DatedAmount> {
        on(&self.brv, date, |v| (v.from, v.to))
    }

    /// The low-value regime and its period on a date.
    pub fn low_value_on(&self, date: Date) -> Option<(&LowValue, &LowValuePeriod)> {
        let lv = self.low_value.as_ref()?;
        if lv.threshold.from > date || lv.threshold.to.is_some_and(|t| date > t) {
            return None;
        }
        on(&lv.periods, date, |p| (p.from, p.to)).map(|p| (lv, p))
    }

    /// The clearance fee schedule in force on a date.
    pub fn clearance_fee_on(&self, date: Date) -> Option<&ClearanceFee> {
        self.clearance_fee
            .as_ref()
            .filter(|f| f.from <= date && f.to.is_none_or(|t| date <= t))
    }

    fn check(&self) -> Result<(), TradeError> {
        let mut problems = Vec::new();
        let mut bad =
            |path: String, message: Message| problems.push(InputError::new(path, message));
        if self.format != 1 {
            bad(
                "format".into(),
                Message::new("trade-rules-format").int("format", i64::from(self.format)),
            );
        }
        for (path, code) in std::iter::once(("id".to_owned(), &self.id)).chain(
            self.members
                .iter()
                .enumerate()
                .map(|(i, m)| (format!("members[{i}]"), m)),
        ) {
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                bad(
                    path,
                    Message::new("trade-jurisdiction").text("value", code.clone()),
                );
            }
        }
        let mut cites: Vec<(String, &str)> = vec![
            ("valuation.source".into(), &self.valuation.source),
            ("rounding.source".into(), &self.rounding.source),
        ];
        for (i, v) in self.vat.iter().enumerate() {
            cites.push((format!("vat[{i}].source"), &v.source));
        }
        for (i, v) in self.brv.iter().enumerate() {
            cites.push((format!("brv[{i}].source"), &v.source));
            if v.currency != self.currency {
                bad(
                    format!("brv[{i}].currency"),
                    Message::new("trade-rules-brv-currency"),
                );
            }
        }
        if let Some(lv) = &self.low_value {
            cites.push(("low_value.threshold.source".into(), &lv.threshold.source));
            for (i, p) in lv.periods.iter().enumerate() {
                cites.push((format!("low_value.periods[{i}].source"), &p.source));
            }
            check_spans(
                lv.periods.iter().map(|p| (p.from, p.to)),
                "low_value.periods",
                &mut bad,
            );
        }
        if let Some(fee) = &self.clearance_fee {
            cites.push(("clearance_fee.source".into(), &fee.source));
            let n = fee.bands.len();
            let mut last: Option<Decimal> = None;
            for (i, band) in fee.bands.iter().enumerate() {
                let bound = match (band.up_to, band.below) {
                    (Some(_), Some(_)) => {
                        bad(
                            format!("clearance_fee.bands[{i}]"),
                            Message::new("trade-rules-band-bounds"),
                        );
                        None
                    }
                    (b @ Some(_), None) | (None, b @ Some(_)) => b,
                    (None, None) => None,
                };
                let is_last = i + 1 == n;
                if bound.is_none() != is_last || band.brv.is_sign_negative() {
                    bad(
                        format!("clearance_fee.bands[{i}]"),
                        Message::new("trade-rules-band-bounds"),
                    );
                }
                if let (Some(b), Some(l)) = (bound, last) {
                    if b <= l {
                        bad(
                            format!("clearance_fee.bands[{i}]"),
                            Message::new("trade-rules-band-order"),
                        );
                    }
                }
                last = bound.or(last);
            }
            if fee.bands.is_empty() {
                bad(
                    "clearance_fee.bands".into(),
                    Message::new("trade-rules-band-bounds"),
                );
            }
            if self.brv.is_empty() {
                bad("brv".into(), Message::new("trade-rules-brv-missing"));
            }
        }
        check_spans(self.vat.iter().map(|v| (v.from, v.to)), "vat", &mut bad);
        check_spans(self.brv.iter().map(|v| (v.from, v.to)), "brv", &mut bad);
        for (path, key) in cites {
            if !self.sources.contains_key(key) {
                bad(path, Message::new("trade-rules-source").text("key", key));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(TradeError::Rules(problems))
        }
    }
}

/// Periods must be in date order, each ending before the next starts.
fn check_spans(
    spans: impl Iterator<Item = (Date, Option<Date>)>,
    path: &str,
    bad: &mut impl FnMut(String, Message),
) {
    let mut previous_end: Option<Option<Date>> = None;
    for (i, (from, to)) in spans.enumerate() {
        if to.is_some_and(|t| t < from) {
            bad(
                format!("{path}[{i}].to"),
                Message::new("trade-rules-periods"),
            );
        }
        if let Some(end) = previous_end {
            if end.is_none_or(|e| from <= e) {
                bad(
                    format!("{path}[{i}].from"),
                    Message::new("trade-rules-periods"),
                );
            }
        }
        previous_end = Some(to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load() {
        let uz = TradeRules::embedded("UZ").unwrap();
        assert_eq!(uz.valuation.basis, Basis::Cif);
        assert_eq!(
            uz.vat_on("2026-03-01".parse().unwrap()).unwrap().percent,
            Decimal::from(12)
        );
        assert_eq!(
            uz.brv_on("2025-08-01".parse().unwrap()).unwrap().amount,
            Decimal::from(412_000)
        );
        assert_eq!(
            uz.brv_on("2025-07-31".parse().unwrap()).unwrap().amount,
            Decimal::from(375_000)
        );
        let fi = TradeRules::embedded("FI").unwrap();
        assert_eq!(fi.id, "EU");
        assert!(fi.vat_on("2026-03-01".parse().unwrap()).is_none());
        assert!(TradeRules::embedded("US").is_err());
    }

    #[test]
    fn rejects_bad_rules_with_paths() {
        let (_, eu) = EMBEDDED_TRADE_RULES[1];
        let broken = eu.replacen("\"format\": 1", "\"format\": 1, \"extra\": 2", 1);
        let e = TradeRules::from_json(&broken).unwrap_err();
        assert_eq!(e.problems()[0].message.id, "trade-rules-json");
        let (_, uz) = EMBEDDED_TRADE_RULES[0];
        let unordered = uz.replacen("\"up_to\": \"20000\"", "\"up_to\": \"5000\"", 1);
        let e = TradeRules::from_json(&unordered).unwrap_err();
        assert_eq!(e.problems()[0].path, "clearance_fee.bands[1]");
        assert_eq!(e.problems()[0].message.id, "trade-rules-band-order");
    }
}
