//! Assessing a trader declaration: customs value, duty, excise, VAT and fees per line and in
//! total, in the destination currency, each figure with its rule, source and arithmetic.
//!
//! Order (reference §4.3): line values converted to the destination currency → customs value
//! (CIF: plus freight and insurance shared by value) → duty (tariff expression, or the low-value
//! regime) → excise → VAT on customs value + duty + excise → fees on the declaration.
//!
//! Rounding: converted amounts with the rules' `conversion` rule; duty, excise, VAT and fees per
//! line with the `charges` rule; freight and insurance shares by integer apportioning so that they
//! sum exactly to the converted totals. Totals are sums of rounded figures.
//!
//! A line whose HS code has no tariff row on the date is an error naming the line and the code
//! (every such line at once): a partial assessment would read as a total, so none is returned.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::currency::Currency;
use crate::date::Date;
use crate::fx::RateTable;
use crate::message::Message;
use crate::money::Money;
use crate::pack::Confidence;
use crate::rounding::{apportion, Rounding};

use super::declaration::{Direction, Problems, TradeDeclaration};
use super::error::TradeError;
use super::rate_expr::{convert_step, source_term, to_i64, EvalInput, RateExpr};
use super::rules::{Basis, LowValueDuty, TradeRules};
use super::tariff::{Tariff, TariffLine};

/// One line's figures, in the destination currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineAssessment {
    /// The line's index in the declaration.
    pub line: usize,
    /// The line's HS code (digits).
    pub hs_code: String,
    /// The tariff prefix that matched.
    pub tariff_hs: String,
    /// The tariff row used (spreadsheet numbering).
    pub tariff_row: usize,
    /// The tariff row's source.
    pub source: String,
    /// The tariff row's confidence.
    pub confidence: Confidence,
    /// The invoice value converted and rounded.
    pub value: Money,
    /// The line's share of the freight added to the customs value.
    pub freight: Money,
    /// The line's share of the insurance added to the customs value.
    pub insurance: Money,
    /// Customs value.
    pub customs_value: Money,
    /// Customs duty.
    pub duty: Money,
    /// Excise.
    pub excise: Money,
    /// VAT rate in percent.
    #[serde(with = "rust_decimal::serde::str")]
    pub vat_percent: Decimal,
    /// VAT base: customs value + duty + excise.
    pub vat_base: Money,
    /// VAT.
    pub vat: Money,
    /// The arithmetic and the rules behind each figure.
    pub steps: Vec<Message>,
}

/// A fee on the declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeeAssessment {
    /// The catalogue id naming the fee.
    pub fee: &'static str,
    /// The amount.
    pub amount: Money,
    /// The source (URL).
    pub source: String,
    /// Confidence.
    pub confidence: Confidence,
    /// The arithmetic.
    pub steps: Vec<Message>,
}

/// Totals in the destination currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TradeTotals {
    /// Customs value.
    pub customs_value: Money,
    /// Customs duty.
    pub duty: Money,
    /// Excise.
    pub excise: Money,
    /// VAT.
    pub vat: Money,
    /// Fees.
    pub fees: Money,
    /// Duty + excise + VAT + fees.
    pub payable: Money,
}

/// The assessment of a declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TradeAssessment {
    /// The declaration's jurisdiction.
    pub jurisdiction: String,
    /// The rules used (`UZ`, `EU`).
    pub rules: String,
    /// The date the rules and rates were taken on.
    pub date: Date,
    /// The destination currency.
    pub currency: Currency,
    /// The valuation basis.
    pub basis: Basis,
    /// The low-value treatment applied, if any.
    pub low_value: Option<LowValueDuty>,
    /// Per line.
    pub lines: Vec<LineAssessment>,
    /// Fees.
    pub fees: Vec<FeeAssessment>,
    /// Totals.
    pub totals: TradeTotals,
    /// Declaration-level explanations (basis, rates, freight, low-value decision).
    pub steps: Vec<Message>,
}

fn confidence_term(c: Confidence) -> &'static str {
    match c {
        Confidence::Confirmed => "confidence-confirmed",
        Confidence::Secondary => "confidence-secondary",
        Confidence::Unconfirmed => "confidence-unconfirmed",
        Confidence::Conflict => "confidence-conflict",
    }
}

fn source_step(url: &str, confidence: Confidence, from: Date) -> Message {
    Message::new("trade-step-source")
        .text("source", url)
        .term("confidence", confidence_term(confidence))
        .date("from", from)
}

/// Converts with the table and rounds with `rounding`; the step explains it.
fn convert(
    amount: Decimal,
    from: Currency,
    to: Currency,
    rates: &RateTable,
    rounding: Rounding,
) -> Option<(Decimal, Option<Message>)> {
    if from == to {
        return Some((rounding.apply(amount, to.minor_units()), None));
    }
    let c = rates.convert(amount, from, to).ok()?;
    let rounded = rounding.apply(c.amount, to.minor_units());
    Some((
        rounded,
        Some(convert_step(amount, from, c.rate, rounded, to, rates)),
    ))
}

/// Shares `total` over lines in proportion to `weights`, exactly, at `scale`.
fn share_by(total: Decimal, weights: &[Decimal], scale: u32) -> Vec<Decimal> {
    let sum: Decimal = weights.iter().copied().sum();
    if total.is_zero() || sum.is_zero() {
        let mut zero = Decimal::ZERO;
        zero.rescale(scale);
        return vec![zero; weights.len()];
    }
    let parts: Vec<Decimal> = weights
        .iter()
        .map(|w| {
            w.checked_mul(total)
                .and_then(|v| v.checked_div(sum))
                .unwrap_or(Decimal::ZERO)
        })
        .collect();
    apportion(total, &parts, scale)
}

/// Assesses an import declaration with the rules, the tariff and a rate table (units of the
/// table's base per foreign unit, dated on or before the declaration date).
pub fn assess_trade(
    decl: &TradeDeclaration,
    rules: &TradeRules,
    tariff: &Tariff,
    rates: &RateTable,
) -> Result<TradeAssessment, TradeError> {
    let invalid = decl.validate();
    if !invalid.is_empty() {
        return Err(TradeError::Invalid(invalid));
    }
    let date = decl.date;
    let mut p = Problems::default();
    if decl.direction == Direction::Export {
        p.push("direction", Message::new("trade-export-not-assessed"));
    }
    if !rules.covers(&decl.jurisdiction) {
        p.push(
            "jurisdiction",
            Message::new("trade-rules-jurisdiction")
                .text("declaration", decl.jurisdiction.clone())
                .text("rules", rules.id.clone()),
        );
    }
    if tariff.jurisdiction != rules.id && tariff.jurisdiction != decl.jurisdiction {
        p.push(
            "jurisdiction",
            Message::new("trade-tariff-jurisdiction")
                .text("tariff", tariff.jurisdiction.clone())
                .text("declaration", decl.jurisdiction.clone()),
        );
    }
    if rules.valuation.from > date {
        p.push(
            "date",
            Message::new("trade-rules-not-in-force")
                .date("date", date)
                .date("from", rules.valuation.from),
        );
    }
    if rates.date > date {
        p.push(
            "date",
            Message::new("trade-rates-after-date")
                .date("rates", rates.date)
                .date("date", date),
        );
    }
    if !p.0.is_empty() {
        return Err(TradeError::Assessment(p.0));
    }

    let ccy = rules.currency;
    let conv = rules.rounding.conversion;
    let charge = rules.rounding.charges;
    let scale = conv.scale.unwrap_or(ccy.minor_units());
    let basis = rules.valuation.basis;
    let mut steps = vec![
        Message::new("trade-step-valuation")
            .term("basis", basis_term(basis))
            .text("source", rules.source_url(&rules.valuation.source))
            .term("confidence", confidence_term(rules.valuation.confidence)),
        Message::new("trade-step-rates")
            .term("source", source_term(rates))
            .date("date", rates.date),
    ];

    // What the invoice price leaves out, by the valuation basis and the Incoterm.
    let (mut freight, mut insurance) = (None, None);
    match basis {
        Basis::Cif => {
            let term = format!("{:?}", decl.incoterm).to_uppercase();
            if decl.incoterm.price_includes_freight() {
                if decl.freight.is_some_and(|m| !m.amount.is_zero()) {
                    p.push(
                        "freight",
                        Message::new("trade-freight-in-price").text("incoterm", term.clone()),
                    );
                }
            } else if decl.freight.is_none() {
                p.push(
                    "freight",
                    Message::new("trade-freight-required").text("incoterm", term.clone()),
                );
            } else {
                freight = decl.freight;
            }
            if decl.incoterm.price_includes_insurance() {
                if decl.insurance.is_some_and(|m| !m.amount.is_zero()) {
                    p.push(
                        "insurance",
                        Message::new("trade-insurance-in-price").text("incoterm", term),
                    );
                }
            } else {
                insurance = decl.insurance;
            }
            if !p.0.is_empty() {
                return Err(TradeError::Invalid(p.0));
            }
        }
        Basis::Fob => {
            if decl.freight.is_some() || decl.insurance.is_some() {
                steps.push(Message::new("trade-step-fob-excluded"));
            }
        }
    }

    // Tariff rows, VAT rates and converted values.
    let mut rows: Vec<(&TariffLine, Decimal, String, Confidence, Date)> = Vec::new();
    let mut values = Vec::with_capacity(decl.lines.len());
    let mut value_steps = Vec::with_capacity(decl.lines.len());
    for (i, line) in decl.lines.iter().enumerate() {
        let hs: String = line.hs_code.chars().filter(char::is_ascii_digit).collect();
        match tariff.lookup(&hs, date) {
            None => p.push(
                format!("lines[{i}].hs_code"),
                Message::new("trade-no-tariff-line")
                    .text("hs", hs)
                    .text("jurisdiction", tariff.jurisdiction.clone())
                    .date("date", date),
            ),
            Some(row) => {
                let vat = match row.vat_percent {
                    Some(v) => Some((v, row.source.clone(), row.confidence, row.valid_from)),
                    None => rules.vat_on(date).map(|v| {
                        (
                            v.percent,
                            rules.source_url(&v.source).to_owned(),
                            v.confidence,
                            v.from,
                        )
                    }),
                };
                match vat {
                    Some((v, src, conf, from)) => rows.push((row, v, src, conf, from)),
                    None => p.push(
                        format!("lines[{i}].hs_code"),
                        Message::new("trade-no-vat-rate")
                            .text("hs", hs)
                            .date("date", date),
                    ),
                }
            }
        }
        match convert(line.value, line.currency, ccy, rates, conv) {
            Some((v, step)) => {
                values.push(v);
                value_steps.push(step);
            }
            None => p.push(
                format!("lines[{i}].currency"),
                missing_rate(line.currency, rates),
            ),
        }
    }
    let mut cost = |name: &str, m: Option<Money>| -> (Decimal, Option<Message>) {
        let Some(m) = m else {
            return (Decimal::ZERO, None);
        };
        match convert(m.amount, m.currency, ccy, rates, conv) {
            Some(v) => v,
            None => {
                p.push(format!("{name}.currency"), missing_rate(m.currency, rates));
                (Decimal::ZERO, None)
            }
        }
    };
    let (freight_total, freight_step) = cost("freight", freight);
    let (insurance_total, insurance_step) = cost("insurance", insurance);
    if !p.0.is_empty() {
        return Err(TradeError::Assessment(p.0));
    }
    steps.extend(freight_step);
    steps.extend(insurance_step);
    let freight_shares = share_by(freight_total, &values, scale);
    let insurance_shares = share_by(insurance_total, &values, scale);
    if !freight_total.is_zero() {
        steps.push(Message::new("trade-step-freight-total").money("amount", freight_total, ccy));
    }
    if !insurance_total.is_zero() {
        steps.push(Message::new("trade-step-insurance-total").money(
            "amount",
            insurance_total,
            ccy,
        ));
    }

    // Customs values.
    let customs_values: Vec<Decimal> = (0..values.len())
        .map(|i| values[i] + freight_shares[i] + insurance_shares[i])
        .collect();

    // The low-value regime, on the intrinsic value (goods only) in the threshold's currency.
    let mut low_value = None;
    if let Some((lv, period)) = rules.low_value_on(date) {
        let t = &lv.threshold;
        let has_excise = rows.iter().any(|(r, ..)| r.excise.is_some());
        let intrinsic = decl.intrinsic_value();
        match convert(
            intrinsic.amount,
            intrinsic.currency,
            t.currency,
            rates,
            conv,
        ) {
            None => {
                return Err(TradeError::Assessment(vec![crate::trip::InputError::new(
                    "currency",
                    missing_rate(t.currency, rates),
                )]))
            }
            Some((value, step)) => {
                steps.extend(step);
                let source = rules.source_url(&period.source);
                if value > t.amount {
                    steps.push(
                        Message::new("trade-step-low-value-above")
                            .money("value", value, t.currency)
                            .money("threshold", t.amount, t.currency),
                    );
                } else if lv.excise_goods_excluded && has_excise {
                    steps.push(Message::new("trade-step-low-value-excise"));
                } else {
                    steps.push(
                        Message::new("trade-step-low-value")
                            .money("value", value, t.currency)
                            .money("threshold", t.amount, t.currency)
                            .date("from", period.from),
                    );
                    steps.push(source_step(source, period.confidence, period.from));
                    low_value = Some(period.duty.clone());
                }
            }
        }
    }

    // Flat duty per sub-heading: each sub-heading's amount shared over its lines by value.
    let mut flat = vec![Decimal::ZERO; values.len()];
    let mut flat_steps: Vec<Option<Message>> = vec![None; values.len()];
    if let Some(LowValueDuty::FlatPerSubheading { amount, currency }) = &low_value {
        let Some((each, step)) = convert(*amount, *currency, ccy, rates, conv) else {
            return Err(TradeError::Assessment(vec![crate::trip::InputError::new(
                "currency",
                missing_rate(*currency, rates),
            )]));
        };
        steps.extend(step);
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, line) in decl.lines.iter().enumerate() {
            let hs: String = line
                .hs_code
                .chars()
                .filter(char::is_ascii_digit)
                .take(6)
                .collect();
            match groups.iter_mut().find(|(h, _)| *h == hs) {
                Some((_, members)) => members.push(i),
                None => groups.push((hs, vec![i])),
            }
        }
        steps.push(
            Message::new("trade-step-flat-total")
                .money("amount", *amount, *currency)
                .int("count", to_i64(groups.len()))
                .money("result", each * Decimal::from(groups.len()), ccy),
        );
        let charge_scale = charge.scale.unwrap_or(ccy.minor_units());
        let each = charge.apply(each, ccy.minor_units());
        for (hs, members) in &groups {
            let weights: Vec<Decimal> = members.iter().map(|&i| customs_values[i]).collect();
            for (&i, share) in members.iter().zip(share_by(each, &weights, charge_scale)) {
                flat[i] = share;
                flat_steps[i] = Some(
                    Message::new("trade-step-flat-share")
                        .text("subheading", hs.clone())
                        .money("amount", each, ccy)
                        .int("lines", to_i64(members.len()))
                        .money("result", share, ccy),
                );
            }
        }
    }

    // Per line: duty, excise, VAT.
    let mut lines = Vec::with_capacity(decl.lines.len());
    for (i, line) in decl.lines.iter().enumerate() {
        let (row, vat_percent, vat_source, vat_conf, vat_from) = &rows[i];
        let cv = customs_values[i];
        let mut ls = Vec::new();
        match value_steps[i].take() {
            Some(step) => ls.push(step),
            None => ls.push(Message::new("trade-step-value").money("value", values[i], ccy)),
        }
        if !freight_total.is_zero() {
            ls.push(
                Message::new("trade-step-freight-share")
                    .money("total", freight_total, ccy)
                    .money("result", freight_shares[i], ccy),
            );
        }
        if !insurance_total.is_zero() {
            ls.push(
                Message::new("trade-step-insurance-share")
                    .money("total", insurance_total, ccy)
                    .money("result", insurance_shares[i], ccy),
            );
        }
        ls.push(
            Message::new("trade-step-customs-value")
                .term("basis", basis_term(basis))
                .money("value", values[i], ccy)
                .money("freight", freight_shares[i], ccy)
                .money("insurance", insurance_shares[i], ccy)
                .money("result", cv, ccy),
        );
        ls.push(
            Message::new("trade-step-tariff")
                .text("hs", row.hs.clone())
                .int("row", to_i64(row.row))
                .text("duty", row.duty.to_string())
                .text(
                    "excise",
                    row.excise
                        .as_ref()
                        .map_or_else(|| "—".to_owned(), ToString::to_string),
                ),
        );
        ls.push(source_step(&row.source, row.confidence, row.valid_from));
        let input = EvalInput {
            customs_value: cv,
            currency: ccy,
            net_kg: line.net_kg,
            quantity: line.quantity,
            unit: line.unit,
            rates,
        };
        let mut eval = |expr: &RateExpr, field: &str, ls: &mut Vec<Message>| -> Decimal {
            match expr.evaluate(&input) {
                Ok(ev) => {
                    ls.extend(ev.steps);
                    let rounded = charge.apply(ev.amount, ccy.minor_units());
                    if rounded != ev.amount {
                        ls.push(
                            Message::new("trade-step-rounded")
                                .money("amount", ev.amount, ccy)
                                .money("result", rounded, ccy),
                        );
                    }
                    rounded
                }
                Err(e) => {
                    p.push(format!("lines[{i}].{field}"), e.message());
                    Decimal::ZERO
                }
            }
        };
        let duty = match &low_value {
            Some(LowValueDuty::Relief) => {
                ls.push(Message::new("trade-step-duty-relief"));
                charge.apply(Decimal::ZERO, ccy.minor_units())
            }
            Some(LowValueDuty::FlatPerSubheading { .. }) => {
                ls.extend(flat_steps[i].take());
                flat[i]
            }
            None => eval(&row.duty, "duty", &mut ls),
        };
        let excise = match &row.excise {
            Some(e) => eval(e, "excise", &mut ls),
            None => charge.apply(Decimal::ZERO, ccy.minor_units()),
        };
        let vat_base = cv + duty + excise;
        let vat_raw = vat_base * vat_percent / Decimal::ONE_HUNDRED;
        let vat = charge.apply(vat_raw, ccy.minor_units());
        ls.push(
            Message::new("trade-step-vat")
                .money("value", cv, ccy)
                .money("duty", duty, ccy)
                .money("excise", excise, ccy)
                .money("base", vat_base, ccy)
                .percent("rate", *vat_percent)
                .money("result", vat, ccy),
        );
        ls.push(source_step(vat_source, *vat_conf, *vat_from));
        lines.push(LineAssessment {
            line: i,
            hs_code: line.hs_code.chars().filter(char::is_ascii_digit).collect(),
            tariff_hs: row.hs.clone(),
            tariff_row: row.row,
            source: row.source.clone(),
            confidence: row.confidence,
            value: Money::new(values[i], ccy),
            freight: Money::new(freight_shares[i], ccy),
            insurance: Money::new(insurance_shares[i], ccy),
            customs_value: Money::new(cv, ccy),
            duty: Money::new(duty, ccy),
            excise: Money::new(excise, ccy),
            vat_percent: *vat_percent,
            vat_base: Money::new(vat_base, ccy),
            vat: Money::new(vat, ccy),
            steps: ls,
        });
    }
    if !p.0.is_empty() {
        return Err(TradeError::Assessment(p.0));
    }

    // Fees.
    let total_cv: Decimal = customs_values.iter().copied().sum();
    let mut fees = Vec::new();
    if let Some(schedule) = &rules.clearance_fee {
        let Some(fee) = rules.clearance_fee_on(date) else {
            return Err(TradeError::Assessment(vec![crate::trip::InputError::new(
                "date",
                Message::new("trade-fee-not-in-force")
                    .date("date", date)
                    .date("from", schedule.from),
            )]));
        };
        let Some(brv) = rules.brv_on(date) else {
            return Err(TradeError::Assessment(vec![crate::trip::InputError::new(
                "date",
                Message::new("trade-brv-missing").date("date", date),
            )]));
        };
        let Some((in_basis, step)) = convert(total_cv, ccy, fee.basis_currency, rates, conv) else {
            return Err(TradeError::Assessment(vec![crate::trip::InputError::new(
                "currency",
                missing_rate(fee.basis_currency, rates),
            )]));
        };
        let mut fs = Vec::new();
        fs.extend(step);
        let band = fee
            .bands
            .iter()
            .find(|b| b.contains(in_basis))
            .or(fee.bands.last());
        if let Some(band) = band {
            let band_msg = match (band.up_to, band.below) {
                (Some(b), _) => {
                    Message::new("trade-step-fee-band-up-to").money("bound", b, fee.basis_currency)
                }
                (None, Some(b)) => {
                    Message::new("trade-step-fee-band-below").money("bound", b, fee.basis_currency)
                }
                (None, None) => Message::new("trade-step-fee-band-top"),
            };
            fs.push(
                band_msg
                    .money("value", in_basis, fee.basis_currency)
                    .number("multiple", band.brv),
            );
            let amount = charge.apply(band.brv * brv.amount, ccy.minor_units());
            fs.push(
                Message::new("trade-step-fee")
                    .number("multiple", band.brv)
                    .money("brv", brv.amount, brv.currency)
                    .date("from", brv.from)
                    .money("result", amount, ccy),
            );
            fs.push(source_step(
                rules.source_url(&brv.source),
                brv.confidence,
                brv.from,
            ));
            fs.push(source_step(
                rules.source_url(&fee.source),
                fee.confidence,
                fee.from,
            ));
            fees.push(FeeAssessment {
                fee: "trade-fee-clearance",
                amount: Money::new(amount, ccy),
                source: rules.source_url(&fee.source).to_owned(),
                confidence: fee.confidence,
                steps: fs,
            });
        }
    }

    let sum = |f: &dyn Fn(&LineAssessment) -> Decimal| -> Money {
        Money::new(lines.iter().map(f).sum(), ccy)
    };
    let duty = sum(&|l| l.duty.amount);
    let excise = sum(&|l| l.excise.amount);
    let vat = sum(&|l| l.vat.amount);
    let fee_total = Money::new(fees.iter().map(|f| f.amount.amount).sum(), ccy);
    let totals = TradeTotals {
        customs_value: Money::new(total_cv, ccy),
        duty,
        excise,
        vat,
        fees: fee_total,
        payable: Money::new(
            duty.amount + excise.amount + vat.amount + fee_total.amount,
            ccy,
        ),
    };
    Ok(TradeAssessment {
        jurisdiction: decl.jurisdiction.clone(),
        rules: rules.id.clone(),
        date,
        currency: ccy,
        basis,
        low_value,
        lines,
        fees,
        totals,
        steps,
    })
}

fn basis_term(basis: Basis) -> &'static str {
    match basis {
        Basis::Cif => "trade-basis-cif",
        Basis::Fob => "trade-basis-fob",
    }
}

fn missing_rate(currency: Currency, rates: &RateTable) -> Message {
    Message::new("trade-no-rate")
        .text("currency", currency.code())
        .term("source", source_term(rates))
        .date("date", rates.date)
}
