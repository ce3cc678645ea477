//! Charges on the dutiable part of an item: rate expressions, duty schemes, excise and VAT.

use rust_decimal::Decimal;

use super::cond;
use super::lines::{Ctx, Line};
use super::{NoticeCode, Severity};
use crate::message::Message;
use crate::pack::{ChargeRule, Component, Duty, Expr};
use crate::trip::InputError;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// How the duty schemes that depend on other items apply to this portion.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DutyCtx {
    /// Whether a flat rate applies (the dutiable total is under its ceiling).
    pub flat_applies: bool,
    /// How much of this portion's value falls in a marginal band (`None`: all of it).
    pub in_band: Option<Decimal>,
}

impl DutyCtx {
    /// The most favourable assumptions, for ranking items before the totals are known.
    pub const STANDALONE: DutyCtx = DutyCtx {
        flat_applies: true,
        in_band: None,
    };
}

/// Charges on one portion, unrounded, with the arithmetic.
#[derive(Debug, Clone, Default)]
pub(crate) struct Charge {
    pub duty: Decimal,
    pub excise: Decimal,
    pub vat: Decimal,
    pub complete: bool,
    pub steps: Vec<Message>,
    pub estimated: bool,
    pub quantity_missing: bool,
}

impl Charge {
    pub fn total(&self) -> Decimal {
        self.duty + self.excise + self.vat
    }
}

/// The first charge rule matching the line, with its index.
pub(crate) fn rule_for<'p>(
    ctx: &mut Ctx<'p>,
    line: &Line<'_>,
) -> Result<Option<(usize, &'p ChargeRule)>, InputError> {
    let pack = ctx.pack;
    for (i, rule) in pack.charges.iter().enumerate() {
        if cond::matches(ctx, &rule.matches, line, &format!("charges[{i}].match"))? {
            return Ok(Some((i, rule)));
        }
    }
    Ok(None)
}

/// The value and quantities of fraction `f` of a line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Portion<'l, 't> {
    pub line: &'l Line<'t>,
    pub f: Decimal,
}

impl Portion<'_, '_> {
    fn value(&self) -> Option<Decimal> {
        self.line.cv.map(|v| v * self.f)
    }
}

/// Charges on a portion by a charge rule (or none: the pack has no rule, so amounts are unknown).
pub(crate) fn charge(
    ctx: &mut Ctx<'_>,
    rule: Option<(usize, &ChargeRule)>,
    portion: Portion<'_, '_>,
    dctx: DutyCtx,
    record: bool,
) -> Result<Charge, InputError> {
    let mut c = Charge {
        complete: true,
        ..Charge::default()
    };
    let Some((ri, rule)) = rule else {
        c.complete = false;
        c.steps.push(Message::new("step-no-charge-rule"));
        return Ok(c);
    };
    let path = format!("charges[{ri}]");
    if let Some(single) = &rule.single {
        let (amount, known) = eval(
            ctx,
            single,
            portion,
            &format!("{path}.single"),
            &mut c,
            record,
        )?;
        c.duty = amount;
        c.complete &= known;
        if record {
            c.steps.push(Message::new("step-single-payment").money(
                "result",
                amount,
                ctx.pack.currency,
            ));
        }
        return Ok(c);
    }
    c.duty = duty(
        ctx,
        &rule.duty,
        portion,
        dctx,
        &format!("{path}.duty"),
        &mut c,
        record,
    )?;
    c.excise = match &rule.excise {
        Component::None => Decimal::ZERO,
        Component::Unknown => {
            c.complete = false;
            if record {
                c.steps
                    .push(Message::new("step-rate-unknown").term("tax", "tax-excise"));
            }
            Decimal::ZERO
        }
        Component::Expr(e) => {
            let (amount, known) = eval(ctx, e, portion, &format!("{path}.excise"), &mut c, record)?;
            c.complete &= known;
            amount
        }
    };
    if rule.vat {
        let vat = ctx.pack.vat.clone();
        let name = vat
            .as_ref()
            .map_or_else(|| "tax-vat".to_owned(), |v| v.name.clone());
        match (vat.and_then(|v| v.rate), portion.value()) {
            (Some(rate), Some(value)) => {
                if record {
                    ctx.used("vat.rate", &rate);
                }
                let base = value + c.duty + c.excise;
                let amount = base * rate.value / HUNDRED;
                if record {
                    c.steps.push(
                        Message::new("step-vat")
                            .term("tax", name)
                            .money("base", base, ctx.pack.currency)
                            .percent("rate", rate.value)
                            .money("result", amount, ctx.pack.currency),
                    );
                }
                c.vat = amount;
            }
            (None, _) => {
                c.complete = false;
                if record {
                    c.steps
                        .push(Message::new("step-rate-unknown").term("tax", name));
                }
            }
            (Some(_), None) => {
                c.complete = false;
                if record {
                    c.steps
                        .push(Message::new("step-value-missing").term("tax", name));
                }
            }
        }
    }
    Ok(c)
}

/// Evaluates a rate expression on a portion: `(amount, known)`.
pub(crate) fn eval(
    ctx: &mut Ctx<'_>,
    e: &Expr,
    portion: Portion<'_, '_>,
    path: &str,
    c: &mut Charge,
    record: bool,
) -> Result<(Decimal, bool), InputError> {
    let cur = ctx.pack.currency;
    match e {
        Expr::Percent(rate) => {
            if record {
                ctx.used(&format!("{path}.percent"), rate);
            }
            match portion.value() {
                Some(v) => {
                    let amount = v * rate.value / HUNDRED;
                    if record {
                        c.steps.push(
                            Message::new("step-percent")
                                .money("base", v, cur)
                                .percent("rate", rate.value)
                                .money("result", amount, cur),
                        );
                    }
                    Ok((amount, true))
                }
                None => {
                    if record {
                        c.steps
                            .push(Message::new("step-value-missing").term("tax", "tax-duty"));
                    }
                    Ok((Decimal::ZERO, false))
                }
            }
        }
        Expr::PerUnit { amount, unit } => {
            let per = if record {
                ctx.money(&format!("{path}.per_unit.amount"), amount)?
            } else {
                ctx.to_pack_currency(amount.amount, amount.currency, "rates")?
            };
            match portion.line.quantity(*unit) {
                Some(q) => {
                    let qty = q * portion.f;
                    let result = qty * per;
                    if record {
                        c.steps.push(
                            Message::new("step-per-unit")
                                .number("quantity", qty.normalize())
                                .term("unit", unit.term())
                                .money("rate", per, cur)
                                .money("result", result, cur),
                        );
                    }
                    Ok((result, true))
                }
                None => {
                    if record {
                        c.steps
                            .push(Message::new("step-quantity-missing").term("unit", unit.term()));
                    }
                    c.quantity_missing = true;
                    Ok((Decimal::ZERO, false))
                }
            }
        }
        Expr::Max(list) | Expr::Sum(list) => {
            let is_max = matches!(e, Expr::Max(_));
            let mut acc = Decimal::ZERO;
            let mut known = true;
            for (i, x) in list.iter().enumerate() {
                let key = if is_max { "max" } else { "sum" };
                let (v, k) = eval(ctx, x, portion, &format!("{path}.{key}[{i}]"), c, record)?;
                known &= k;
                acc = if is_max { acc.max(v) } else { acc + v };
            }
            if record && is_max {
                c.steps
                    .push(Message::new("step-max").money("result", acc, cur));
            }
            Ok((acc, known))
        }
    }
}

fn duty(
    ctx: &mut Ctx<'_>,
    d: &Duty,
    portion: Portion<'_, '_>,
    dctx: DutyCtx,
    path: &str,
    c: &mut Charge,
    record: bool,
) -> Result<Decimal, InputError> {
    let cur = ctx.pack.currency;
    match d {
        Duty::None => Ok(Decimal::ZERO),
        Duty::Unknown => {
            c.complete = false;
            if record {
                c.steps
                    .push(Message::new("step-rate-unknown").term("tax", "tax-duty"));
            }
            Ok(Decimal::ZERO)
        }
        Duty::Expr(e) => {
            let (amount, known) = eval(ctx, e, portion, &format!("{path}.expr"), c, record)?;
            c.complete &= known;
            Ok(amount)
        }
        Duty::Tariff { estimate } => {
            let est = estimate.as_ref().map(|f| (f.value, f.clone()));
            tariff(
                ctx,
                portion,
                portion.value(),
                est,
                &format!("{path}.tariff.estimate"),
                c,
                record,
            )
        }
        Duty::Flat { rate, up_to } => {
            if record {
                ctx.used(&format!("{path}.flat.up_to"), up_to);
            }
            if dctx.flat_applies {
                if record {
                    ctx.used(&format!("{path}.flat.rate"), rate);
                }
                let Some(v) = portion.value() else {
                    c.complete = false;
                    return Ok(Decimal::ZERO);
                };
                let amount = v * rate.value / HUNDRED;
                if record {
                    let ceiling = ctx.money(&format!("{path}.flat.up_to"), up_to)?;
                    c.steps.push(
                        Message::new("step-flat-rate")
                            .money("base", v, cur)
                            .percent("rate", rate.value)
                            .money("ceiling", ceiling, cur)
                            .money("result", amount, cur),
                    );
                }
                Ok(amount)
            } else {
                if record {
                    let ceiling = ctx.money(&format!("{path}.flat.up_to"), up_to)?;
                    c.steps
                        .push(Message::new("step-flat-exceeded").money("ceiling", ceiling, cur));
                }
                tariff(
                    ctx,
                    portion,
                    portion.value(),
                    Some((rate.value, rate.clone())),
                    &format!("{path}.flat.rate"),
                    c,
                    record,
                )
            }
        }
        Duty::Band { rate, width } => {
            let Some(v) = portion.value() else {
                c.complete = false;
                return Ok(Decimal::ZERO);
            };
            let in_band = dctx.in_band.unwrap_or(v).min(v);
            let band = in_band * rate.value / HUNDRED;
            if record {
                ctx.used(&format!("{path}.band.rate"), rate);
                let w = ctx.money(&format!("{path}.band.width"), width)?;
                c.steps.push(
                    Message::new("step-band")
                        .money("base", in_band, cur)
                        .percent("rate", rate.value)
                        .money("width", w, cur)
                        .money("result", band, cur),
                );
            }
            let rest = v - in_band;
            // A value rebuilt from a dutiable fraction can exceed the band by a residue of the
            // division (e.g. 1,000.0000...01): below half a minor unit it is not a real excess.
            if !rest.round_dp(cur.minor_units()).is_zero() {
                let beyond = tariff(
                    ctx,
                    portion,
                    Some(rest),
                    Some((rate.value, rate.clone())),
                    &format!("{path}.band.rate"),
                    c,
                    record,
                )?;
                Ok(band + beyond)
            } else {
                Ok(band)
            }
        }
    }
}

/// The item's own tariff rate, else an estimate (flagged), else unknown.
fn tariff(
    ctx: &mut Ctx<'_>,
    portion: Portion<'_, '_>,
    base: Option<Decimal>,
    estimate: Option<(Decimal, crate::pack::NumFig)>,
    path: &str,
    c: &mut Charge,
    record: bool,
) -> Result<Decimal, InputError> {
    let cur = ctx.pack.currency;
    let Some(base) = base else {
        c.complete = false;
        if record {
            c.steps
                .push(Message::new("step-value-missing").term("tax", "tax-duty"));
        }
        return Ok(Decimal::ZERO);
    };
    if let Some(rate) = portion.line.item.duty_rate {
        let amount = base * rate / HUNDRED;
        if record {
            c.steps.push(
                Message::new("step-tariff-own")
                    .money("base", base, cur)
                    .percent("rate", rate)
                    .money("result", amount, cur),
            );
        }
        return Ok(amount);
    }
    match estimate {
        Some((rate, fig)) => {
            let amount = base * rate / HUNDRED;
            c.estimated = true;
            if record {
                ctx.used(path, &fig);
                c.steps.push(
                    Message::new("step-tariff-estimated")
                        .money("base", base, cur)
                        .percent("rate", rate)
                        .money("result", amount, cur),
                );
                ctx.notice(
                    NoticeCode::RateEstimated,
                    Severity::Info,
                    Message::new("notice-rate-estimated")
                        .int("item", portion.line.idx as i64 + 1)
                        .percent("rate", rate),
                    Some(portion.line.idx),
                    None,
                );
            }
            Ok(amount)
        }
        None => {
            c.complete = false;
            if record {
                c.steps
                    .push(Message::new("step-rate-unknown").term("tax", "tax-duty"));
            }
            Ok(Decimal::ZERO)
        }
    }
}
