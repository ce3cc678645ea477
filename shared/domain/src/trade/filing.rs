//! A trader declaration as filed: the declaration and the figures assessed for it, in a form
//! that can be signed, put in a QR code, verified offline and read back.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::message::Message;
use crate::money::Money;

use super::assess::TradeAssessment;
use super::declaration::TradeDeclaration;
use super::rules::Basis;

/// The format version written into every filing.
pub const FILING_FORMAT: u32 = 1;

/// One line's assessed figures, in the destination currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiledLine {
    /// Index into the declaration's lines.
    pub line: usize,
    /// Customs value.
    #[serde(with = "rust_decimal::serde::str")]
    pub customs_value: Decimal,
    /// Duty.
    #[serde(with = "rust_decimal::serde::str")]
    pub duty: Decimal,
    /// Excise.
    #[serde(with = "rust_decimal::serde::str")]
    pub excise: Decimal,
    /// VAT rate, percent.
    #[serde(with = "rust_decimal::serde::str")]
    pub vat_percent: Decimal,
    /// VAT.
    #[serde(with = "rust_decimal::serde::str")]
    pub vat: Decimal,
}

/// A fee on the declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiledFee {
    /// Catalogue id naming the fee.
    pub fee: String,
    /// Amount.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
}

/// Totals, in the destination currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiledTotals {
    /// Customs value.
    #[serde(with = "rust_decimal::serde::str")]
    pub customs_value: Decimal,
    /// Duty.
    #[serde(with = "rust_decimal::serde::str")]
    pub duty: Decimal,
    /// Excise.
    #[serde(with = "rust_decimal::serde::str")]
    pub excise: Decimal,
    /// VAT.
    #[serde(with = "rust_decimal::serde::str")]
    pub vat: Decimal,
    /// Fees.
    #[serde(with = "rust_decimal::serde::str")]
    pub fees: Decimal,
    /// Everything payable.
    #[serde(with = "rust_decimal::serde::str")]
    pub payable: Decimal,
}

/// A trader declaration with its assessed figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TradeFiling {
    /// Format version ([`FILING_FORMAT`]).
    pub format: u32,
    /// The declaration as the trader made it.
    pub declaration: TradeDeclaration,
    /// The trade rules used (jurisdiction and version).
    pub rules: String,
    /// The destination currency of every figure.
    pub currency: Currency,
    /// CIF or FOB.
    pub basis: Basis,
    /// Per line.
    pub lines: Vec<FiledLine>,
    /// Fees.
    pub fees: Vec<FiledFee>,
    /// Totals.
    pub totals: FiledTotals,
}

impl TradeFiling {
    /// The filing of a declaration and its assessment.
    pub fn new(declaration: TradeDeclaration, assessment: &TradeAssessment) -> Self {
        let t = &assessment.totals;
        Self {
            format: FILING_FORMAT,
            declaration,
            rules: assessment.rules.clone(),
            currency: assessment.currency,
            basis: assessment.basis,
            lines: assessment
                .lines
                .iter()
                .map(|l| FiledLine {
                    line: l.line,
                    customs_value: l.customs_value.amount,
                    duty: l.duty.amount,
                    excise: l.excise.amount,
                    vat_percent: l.vat_percent,
                    vat: l.vat.amount,
                })
                .collect(),
            fees: assessment
                .fees
                .iter()
                .map(|f| FiledFee {
                    fee: f.fee.to_owned(),
                    amount: f.amount.amount,
                })
                .collect(),
            totals: FiledTotals {
                customs_value: t.customs_value.amount,
                duty: t.duty.amount,
                excise: t.excise.amount,
                vat: t.vat.amount,
                fees: t.fees.amount,
                payable: t.payable.amount,
            },
        }
    }

    /// Everything payable.
    pub fn total_due(&self) -> Money {
        Money::new(self.totals.payable, self.currency)
    }

    /// The filing in readable lines.
    pub fn text_lines(&self) -> Vec<Message> {
        let d = &self.declaration;
        let cur = self.currency;
        let mut out = vec![
            Message::new("trade-text-head")
                .text("jurisdiction", d.jurisdiction.clone())
                .date("date", d.date)
                .text("invoice", d.invoice_number.clone()),
            Message::new("trade-text-parties")
                .text("consignor", d.consignor.name.clone())
                .text("consignee", d.consignee.name.clone()),
        ];
        for l in &self.lines {
            let Some(line) = d.lines.get(l.line) else {
                continue;
            };
            out.push(
                Message::new("trade-text-line")
                    .int("n", i64::try_from(l.line + 1).unwrap_or(i64::MAX))
                    .text("hs", line.hs_code.clone())
                    .text("description", line.description.clone())
                    .text("origin", line.origin.clone())
                    .money("value", l.customs_value, cur)
                    .money("duty", l.duty, cur)
                    .money("excise", l.excise, cur)
                    .money("vat", l.vat, cur),
            );
        }
        for f in &self.fees {
            out.push(
                Message::new("trade-text-fee")
                    .term("fee", f.fee.clone())
                    .money("amount", f.amount, cur),
            );
        }
        let t = &self.totals;
        out.push(
            Message::new("trade-text-totals")
                .money("value", t.customs_value, cur)
                .money("duty", t.duty, cur)
                .money("excise", t.excise, cur)
                .money("vat", t.vat, cur)
                .money("fees", t.fees, cur)
                .money("payable", t.payable, cur),
        );
        out
    }
}
