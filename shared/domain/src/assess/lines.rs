//! The engine's working state: one `Line` per item, and the context shared by the stages.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{FigureUse, Notice, NoticeCode, Severity};
use crate::fx::RateTable;
use crate::kind::{Kind, Unit};
use crate::message::Message;
use crate::pack::{Cite, Cited, Confidence, MoneyFig, Pack};
use crate::trip::{InputError, Item, Trip};

/// Where an item stands before charges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fixed {
    /// Counted and possibly charged.
    Open,
    /// Does not count.
    NotCounted,
    /// Not allowed.
    NotAllowed,
    /// Cash (declared or not by the cash rule).
    Cash,
}

/// The working state of one item.
#[derive(Debug, Clone)]
pub(crate) struct Line<'t> {
    pub idx: usize,
    pub item: &'t Item,
    pub cv: Option<Decimal>,
    pub fixed: Fixed,
    pub must_declare: bool,
    pub cash_declared: bool,
    /// Dutiable fraction from the quantity stage (0..=1), of which `q_special` is charged by the
    /// allowance's own excess charge.
    pub q_frac: Decimal,
    pub q_allowance: Option<String>,
    /// Whether the value of the quantity-covered part (or the whole item) counts in value.
    pub counts_value: bool,
    /// Dutiable fraction of the value-counted part.
    pub v_frac: Decimal,
    /// Dutiable because no allowance covers this kind (or allowances are removed).
    pub uncovered: bool,
    pub rule: String,
    pub source: Option<String>,
    pub steps: Vec<Message>,
    /// Unrounded charges.
    pub duty: Decimal,
    pub vat: Decimal,
    pub excise: Decimal,
    pub complete: bool,
}

impl Line<'_> {
    /// The quantity of this item in a unit, if the item gives it.
    pub fn quantity(&self, unit: Unit) -> Option<Decimal> {
        let it = self.item;
        match unit {
            Unit::Litres => it.litres,
            Unit::Pieces => it.count.or(match it.kind {
                Kind::Goods | Kind::Phone => Some(Decimal::ONE),
                _ => None,
            }),
            Unit::Grams => it.grams,
            Unit::Millilitres => it.ml,
            Unit::Kilograms => it.weight_kg,
        }
    }

    /// The total dutiable fraction of the item.
    pub fn dutiable_fraction(&self) -> Decimal {
        if self.uncovered {
            return Decimal::ONE;
        }
        let rest = Decimal::ONE - self.q_frac;
        let v = if self.counts_value {
            rest * self.v_frac
        } else {
            Decimal::ZERO
        };
        (self.q_frac + v).min(Decimal::ONE)
    }
}

/// Shared context of one assessment.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub pack: &'a Pack,
    pub trip: &'a Trip,
    pub rates: RateTable,
    pub figures: BTreeMap<String, FigureUse>,
    pub notices: Vec<Notice>,
}

impl<'a> Ctx<'a> {
    /// Records a figure as used.
    pub fn used(&mut self, path: &str, fig: &dyn Cited) {
        self.cite(path, fig.cite());
    }

    /// Records a citation as used.
    pub fn cite(&mut self, path: &str, cite: Cite) {
        if self.figures.contains_key(path) {
            return;
        }
        let (url, title) = self
            .pack
            .sources
            .get(&cite.source)
            .map(|s| (s.url.clone(), s.title.clone()))
            .unwrap_or_default();
        self.figures.insert(
            path.to_owned(),
            FigureUse {
                path: path.to_owned(),
                url,
                title,
                from: cite.from,
                confidence: cite.confidence,
            },
        );
    }

    /// The URL of a source key.
    pub fn url(&self, source: &str) -> Option<String> {
        self.pack.sources.get(source).map(|s| s.url.clone())
    }

    /// Converts a pack figure into the pack currency, recording it as used.
    pub fn money(&mut self, path: &str, fig: &MoneyFig) -> Result<Decimal, InputError> {
        self.used(path, fig);
        self.to_pack_currency(fig.amount, fig.currency, "rates")
    }

    /// Converts an amount into the pack currency, rounding as the pack says.
    pub fn to_pack_currency(
        &self,
        amount: Decimal,
        currency: crate::Currency,
        path: &str,
    ) -> Result<Decimal, InputError> {
        let conv = self
            .rates
            .convert(amount, currency, self.pack.currency)
            .map_err(|_| {
                InputError::new(
                    path,
                    Message::new("input-missing-rate")
                        .text("currency", currency.code())
                        .text("pack", self.pack.currency.code()),
                )
            })?;
        if conv.path == crate::fx::ConversionPath::Identity {
            return Ok(amount);
        }
        Ok(self
            .pack
            .rounding
            .conversion
            .apply(conv.amount, self.pack.currency.minor_units()))
    }

    /// Adds a notice once (same code, item and message id).
    pub fn notice(
        &mut self,
        code: NoticeCode,
        severity: Severity,
        message: Message,
        item: Option<usize>,
        source: Option<String>,
    ) {
        let dup = self
            .notices
            .iter()
            .any(|n| n.code == code && n.item == item && n.message == message);
        if !dup {
            self.notices.push(Notice {
                code,
                severity,
                message,
                item,
                source,
            });
        }
    }

    /// Notices for every figure used whose confidence is not `confirmed`.
    pub fn unconfirmed_notices(&mut self) {
        let figures: Vec<FigureUse> = self.figures.values().cloned().collect();
        for f in figures {
            if f.confidence != Confidence::Confirmed {
                let msg = Message::new("notice-rule-unconfirmed")
                    .text("figure", f.path.clone())
                    .term(
                        "confidence",
                        format!("confidence-{}", f.confidence.as_str()),
                    )
                    .text("url", f.url.clone());
                self.notice(
                    NoticeCode::RuleUnconfirmed,
                    Severity::Info,
                    msg,
                    None,
                    Some(f.url),
                );
            }
        }
    }
}
