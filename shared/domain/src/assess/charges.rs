//! Charges on the dutiable part of an item: rate expressions, duty schemes, excise and VAT.

use std::borrow::Cow;
use std::fmt::Display;

use rust_decimal::Decimal;

use super::cond;
use super::lines::{message, At, Ctx, Line};
use super::{NoticeCode, Severity};
use crate::message::Message;
use crate::pack::{ChargeRule, Component, Duty, Expr, NumFig};
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
    pub quantity_missing: bool,
}

impl Charge {
    pub fn total(&self) -> Decimal {
        self.duty + self.excise + self.vat
    }
}

/// The first charge rule matching the line, with its index (looked up once per line).
pub(crate) fn rule_for<'p>(
    ctx: &mut Ctx<'p>,
    line: &Line<'_>,
) -> Result<Option<(usize, &'p ChargeRule)>, InputError> {
    let pack = ctx.pack;
    if let Some(found) = ctx.charge_rule(line.idx) {
        return Ok(found.map(|i| (i, &pack.charges[i])));
    }
    let mut found = None;
    for (i, rule) in pack.charges.iter().enumerate() {
        if cond::matches(ctx, &rule.matches, line, format_args!("charges[{i}].match"))? {
            found = Some(i);
            break;
        }
    }
    ctx.set_charge_rule(line.idx, found);
    Ok(found.map(|i| (i, &pack.charges[i])))
}

/// A tax's name as a term: the catalogue's own tax ids need no copy per line.
fn tax_term(name: &str) -> Cow<'static, str> {
    const KNOWN: [&str; 3] = ["tax-vat", "tax-gst", "tax-consumption"];
    match KNOWN.iter().find(|&&k| k == name) {
        Some(&k) => Cow::Borrowed(k),
        None => Cow::Owned(name.to_owned()),
    }
}

/// Whether charges computed without recording can fail: only a per-unit amount in a currency
/// without a rate can.
pub(crate) fn can_fail(ctx: &Ctx<'_>) -> bool {
    fn fails(ctx: &Ctx<'_>, e: &Expr) -> bool {
        match e {
            Expr::Percent(_) => false,
            Expr::PerUnit { amount, .. } => ctx
                .to_pack_currency(amount.amount, amount.currency, "rates")
                .is_err(),
            Expr::Max(list) | Expr::Sum(list) => list.iter().any(|x| fails(ctx, x)),
        }
    }
    let pack = ctx.pack;
    let in_rules = pack.charges.iter().flat_map(|r| {
        let duty = match &r.duty {
            Duty::Expr(e) => Some(e),
            _ => None,
        };
        let excise = match &r.excise {
            Component::Expr(e) => Some(e),
            _ => None,
        };
        r.single.iter().chain(duty).chain(excise)
    });
    let excess = pack
        .quantity_allowances
        .values()
        .filter_map(|qa| qa.excess_charge.as_ref());
    in_rules.chain(excess).any(|e| fails(ctx, e))
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

/// Rule, fraction, whether the flat rate applied, the value in a band (exact representations).
type MemoKey = (usize, bool, [u8; 16], Option<[u8; 16]>);

/// The amounts of a charge computed without recording, and what they were computed for.
#[derive(Debug, Clone)]
pub(crate) struct Memo {
    key: MemoKey,
    duty: Decimal,
    excise: Decimal,
    vat: Decimal,
    complete: bool,
    quantity_missing: bool,
}

/// Charges on a portion by a charge rule (or none: the pack has no rule, so amounts are unknown).
///
/// Without `record` nothing but the amounts is produced, so the last such result per line is
/// kept: the allocation stages ask for the same portions again and again.
pub(crate) fn charge<'p>(
    ctx: &mut Ctx<'p>,
    rule: Option<(usize, &'p ChargeRule)>,
    portion: Portion<'_, '_>,
    dctx: DutyCtx,
    record: bool,
) -> Result<Charge, InputError> {
    let Some((ri, r)) = rule.filter(|_| !record) else {
        return compute(ctx, rule, portion, dctx, record, Vec::new(), None);
    };
    let key = memo_key(ri, r, portion, dctx);
    let li = portion.line.idx;
    if let Some(m) = ctx.charge_memo[li].as_ref().filter(|m| m.key == key) {
        return Ok(Charge {
            duty: m.duty,
            excise: m.excise,
            vat: m.vat,
            complete: m.complete,
            steps: Vec::new(),
            quantity_missing: m.quantity_missing,
        });
    }
    let c = compute(ctx, rule, portion, dctx, record, Vec::new(), None)?;
    debug_assert!(c.steps.is_empty(), "nothing is explained without `record`");
    ctx.charge_memo[li] = Some(Memo {
        key,
        duty: c.duty,
        excise: c.excise,
        vat: c.vat,
        complete: c.complete,
        quantity_missing: c.quantity_missing,
    });
    Ok(c)
}

/// Like [`charge`] with `record`, the arithmetic added to `steps` (returned in the charge). Duty
/// and VAT already computed for the same portion are taken as they are.
pub(crate) fn charge_onto<'p>(
    ctx: &mut Ctx<'p>,
    rule: Option<(usize, &'p ChargeRule)>,
    portion: Portion<'_, '_>,
    dctx: DutyCtx,
    steps: Vec<Message>,
) -> Result<Charge, InputError> {
    let earlier = rule.and_then(|(ri, r)| {
        let key = memo_key(ri, r, portion, dctx);
        ctx.charge_memo[portion.line.idx]
            .as_ref()
            .filter(|m| m.key == key)
            .map(|m| Known {
                duty: m.duty,
                vat: m.vat,
            })
    });
    compute(ctx, rule, portion, dctx, true, steps, earlier)
}

/// What a line's charges for a portion are kept under.
fn memo_key(ri: usize, r: &ChargeRule, portion: Portion<'_, '_>, dctx: DutyCtx) -> MemoKey {
    (
        ri,
        dctx.flat_applies || !flat_matters(r, portion.line),
        portion.f.serialize(),
        dctx.in_band.map(|b| b.serialize()),
    )
}

/// Duty and VAT of a portion, computed before.
#[derive(Debug, Clone, Copy)]
struct Known {
    duty: Decimal,
    vat: Decimal,
}

/// The charges, explained onto `steps` with `record`; duty and VAT taken from `earlier` if given.
fn compute<'p>(
    ctx: &mut Ctx<'p>,
    rule: Option<(usize, &'p ChargeRule)>,
    portion: Portion<'_, '_>,
    dctx: DutyCtx,
    record: bool,
    steps: Vec<Message>,
    earlier: Option<Known>,
) -> Result<Charge, InputError> {
    let mut c = Charge {
        complete: true,
        steps,
        ..Charge::default()
    };
    let Some((ri, rule)) = rule else {
        c.complete = false;
        c.steps.push(Message::new("step-no-charge-rule"));
        return Ok(c);
    };
    let path = At("charges", ri);
    if let Some(single) = &rule.single {
        let (amount, known) = eval(
            ctx,
            single,
            portion,
            &format_args!("{path}.single"),
            &mut c,
            record,
        )?;
        c.duty = amount;
        c.complete &= known;
        if record {
            c.steps.push(message("step-single-payment", 1).money(
                "result",
                amount,
                ctx.pack.currency,
            ));
        }
        return Ok(c);
    }
    let value = portion.value();
    c.duty = duty(
        ctx,
        &rule.duty,
        portion,
        value,
        dctx,
        &format_args!("{path}.duty"),
        &mut c,
        record,
        earlier.map(|k| k.duty),
    )?;
    c.excise = match &rule.excise {
        Component::None => Decimal::ZERO,
        Component::Unknown => {
            c.complete = false;
            if record {
                c.steps
                    .push(message("step-rate-unknown", 1).term("tax", "tax-excise"));
            }
            Decimal::ZERO
        }
        Component::Expr(e) => {
            let (amount, known) = eval(
                ctx,
                e,
                portion,
                &format_args!("{path}.excise"),
                &mut c,
                record,
            )?;
            c.complete &= known;
            amount
        }
    };
    if rule.vat {
        let vat = ctx.pack.vat.as_ref();
        let name = || vat.map_or(Cow::Borrowed("tax-vat"), |v| tax_term(&v.name));
        match (vat.and_then(|v| v.rate.as_ref()), value) {
            (Some(rate), Some(value)) => {
                if record {
                    ctx.used("vat.rate", rate);
                }
                let base = value + c.duty + c.excise;
                let amount = earlier.map_or_else(|| base * rate.value / HUNDRED, |k| k.vat);
                if record {
                    c.steps.push(
                        message("step-vat", 4)
                            .term("tax", name())
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
                        .push(message("step-rate-unknown", 1).term("tax", name()));
                }
            }
            (Some(_), None) => {
                c.complete = false;
                if record {
                    c.steps
                        .push(message("step-value-missing", 1).term("tax", name()));
                }
            }
        }
    }
    Ok(c)
}

/// Evaluates a rate expression on a portion: `(amount, known)`.
pub(crate) fn eval<'p>(
    ctx: &mut Ctx<'p>,
    e: &'p Expr,
    portion: Portion<'_, '_>,
    path: &dyn Display,
    c: &mut Charge,
    record: bool,
) -> Result<(Decimal, bool), InputError> {
    let cur = ctx.pack.currency;
    match e {
        Expr::Percent(rate) => {
            if record {
                ctx.used(format_args!("{path}.percent"), rate);
            }
            match portion.value() {
                Some(v) => {
                    let amount = v * rate.value / HUNDRED;
                    if record {
                        c.steps.push(
                            message("step-percent", 3)
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
                            .push(message("step-value-missing", 1).term("tax", "tax-duty"));
                    }
                    Ok((Decimal::ZERO, false))
                }
            }
        }
        Expr::PerUnit { amount, unit } => {
            let per = if record {
                ctx.money(format_args!("{path}.per_unit.amount"), amount)?
            } else {
                ctx.to_pack_currency(amount.amount, amount.currency, "rates")?
            };
            match portion.line.quantity(*unit) {
                Some(q) => {
                    let qty = q * portion.f;
                    let result = qty * per;
                    if record {
                        c.steps.push(
                            message("step-per-unit", 4)
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
                            .push(message("step-quantity-missing", 1).term("unit", unit.term()));
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
                let (v, k) = eval(
                    ctx,
                    x,
                    portion,
                    &format_args!("{path}.{key}[{i}]"),
                    c,
                    record,
                )?;
                known &= k;
                acc = if is_max { acc.max(v) } else { acc + v };
            }
            if record && is_max {
                c.steps
                    .push(message("step-max", 1).money("result", acc, cur));
            }
            Ok((acc, known))
        }
    }
}

/// Whether the amounts on a line depend on the flat rate applying: only when its rule charges a
/// flat rate and the line has its own tariff rate. Otherwise beyond the flat rate the tariff is
/// estimated at the flat rate itself (see [`duty`]), the same arithmetic.
fn flat_matters(rule: &ChargeRule, line: &Line<'_>) -> bool {
    rule.single.is_none() && matches!(rule.duty, Duty::Flat { .. }) && line.item.duty_rate.is_some()
}

#[allow(clippy::too_many_arguments)]
fn duty<'p>(
    ctx: &mut Ctx<'p>,
    d: &'p Duty,
    portion: Portion<'_, '_>,
    value: Option<Decimal>,
    dctx: DutyCtx,
    path: &dyn Display,
    c: &mut Charge,
    record: bool,
    earlier: Option<Decimal>,
) -> Result<Decimal, InputError> {
    let cur = ctx.pack.currency;
    match d {
        Duty::None => Ok(Decimal::ZERO),
        Duty::Unknown => {
            c.complete = false;
            if record {
                c.steps
                    .push(message("step-rate-unknown", 1).term("tax", "tax-duty"));
            }
            Ok(Decimal::ZERO)
        }
        Duty::Expr(e) => {
            let (amount, known) = eval(ctx, e, portion, &format_args!("{path}.expr"), c, record)?;
            c.complete &= known;
            Ok(amount)
        }
        Duty::Tariff { estimate } => tariff(
            ctx,
            portion,
            value,
            estimate.as_ref(),
            &format_args!("{path}.tariff.estimate"),
            c,
            record,
            earlier,
        ),
        // Without an own rate both branches charge `value × rate`: see `flat_matters`.
        Duty::Flat { rate, up_to } => {
            if record {
                ctx.used(format_args!("{path}.flat.up_to"), up_to);
            }
            if dctx.flat_applies {
                if record {
                    ctx.used(format_args!("{path}.flat.rate"), rate);
                }
                let Some(v) = value else {
                    c.complete = false;
                    return Ok(Decimal::ZERO);
                };
                let amount = earlier.unwrap_or_else(|| v * rate.value / HUNDRED);
                if record {
                    let ceiling = ctx.money(format_args!("{path}.flat.up_to"), up_to)?;
                    c.steps.push(
                        message("step-flat-rate", 4)
                            .money("base", v, cur)
                            .percent("rate", rate.value)
                            .money("ceiling", ceiling, cur)
                            .money("result", amount, cur),
                    );
                }
                Ok(amount)
            } else {
                if record {
                    let ceiling = ctx.money(format_args!("{path}.flat.up_to"), up_to)?;
                    c.steps
                        .push(message("step-flat-exceeded", 1).money("ceiling", ceiling, cur));
                }
                tariff(
                    ctx,
                    portion,
                    value,
                    Some(rate),
                    &format_args!("{path}.flat.rate"),
                    c,
                    record,
                    earlier,
                )
            }
        }
        Duty::Band { rate, width } => {
            let Some(v) = value else {
                c.complete = false;
                return Ok(Decimal::ZERO);
            };
            let in_band = dctx.in_band.unwrap_or(v).min(v);
            let band = in_band * rate.value / HUNDRED;
            if record {
                ctx.used(format_args!("{path}.band.rate"), rate);
                let w = ctx.money(format_args!("{path}.band.width"), width)?;
                c.steps.push(
                    message("step-band", 4)
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
                    Some(rate),
                    &format_args!("{path}.band.rate"),
                    c,
                    record,
                    None,
                )?;
                Ok(band + beyond)
            } else {
                Ok(band)
            }
        }
    }
}

/// The item's own tariff rate, else an estimate (flagged), else unknown.
#[allow(clippy::too_many_arguments)]
fn tariff<'p>(
    ctx: &mut Ctx<'p>,
    portion: Portion<'_, '_>,
    base: Option<Decimal>,
    estimate: Option<&'p NumFig>,
    path: &dyn Display,
    c: &mut Charge,
    record: bool,
    earlier: Option<Decimal>,
) -> Result<Decimal, InputError> {
    let cur = ctx.pack.currency;
    let Some(base) = base else {
        c.complete = false;
        if record {
            c.steps
                .push(message("step-value-missing", 1).term("tax", "tax-duty"));
        }
        return Ok(Decimal::ZERO);
    };
    if let Some(rate) = portion.line.item.duty_rate {
        let amount = earlier.unwrap_or_else(|| base * rate / HUNDRED);
        if record {
            c.steps.push(
                message("step-tariff-own", 3)
                    .money("base", base, cur)
                    .percent("rate", rate)
                    .money("result", amount, cur),
            );
        }
        return Ok(amount);
    }
    match estimate {
        Some(fig) => {
            let rate = fig.value;
            let amount = earlier.unwrap_or_else(|| base * rate / HUNDRED);
            if record {
                ctx.used(path, fig);
                c.steps.push(
                    message("step-tariff-estimated", 3)
                        .money("base", base, cur)
                        .percent("rate", rate)
                        .money("result", amount, cur),
                );
                ctx.notice(
                    NoticeCode::RateEstimated,
                    Severity::Info,
                    message("notice-rate-estimated", 2)
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
                    .push(message("step-rate-unknown", 1).term("tax", "tax-duty"));
            }
            Ok(Decimal::ZERO)
        }
    }
}
