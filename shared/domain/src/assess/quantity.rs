//! Quantity allowances (alcohol, tobacco, perfume, phones): age gates, caps, combination rules.

use rust_decimal::Decimal;

use super::charges::{self, DutyCtx, Portion};
use super::cond;
use super::lines::{message, Ctx, Fixed, Line};
use super::{AllowanceUse, NoticeCode, Severity};
use crate::message::Message;
use crate::pack::{Attach, Combine, QuantityAllowance, UnderAge};
use crate::trip::InputError;

/// Applies every quantity allowance to each traveller's lines (in canonical order).
pub(crate) fn apply(
    ctx: &mut Ctx<'_>,
    lines: &mut [Line<'_>],
    order: &[usize],
    removed: bool,
    uses: &mut Vec<AllowanceUse>,
) -> Result<(), InputError> {
    let pack = ctx.pack;
    let mut by_traveller: Vec<Vec<usize>> = vec![Vec::new(); ctx.trip.travellers.len()];
    for &li in order {
        by_traveller[lines[li].item.traveller].push(li);
    }
    // The kinds each allowance's members name, to pass over other lines at once.
    let kinds: Vec<u64> = pack
        .quantity_allowances
        .values()
        .map(|qa| {
            qa.members
                .values()
                .flat_map(|m| &m.matches.kinds)
                .fold(0, |acc, &k| acc | kind_bit(k))
        })
        .collect();
    for (ti, own) in by_traveller.iter().enumerate() {
        for ((name, qa), &named) in pack.quantity_allowances.iter().zip(&kinds) {
            // Claim this traveller's open, unclaimed lines matching a member.
            let mut claimed: Vec<(usize, &str)> = Vec::new();
            for &li in own {
                let line = &lines[li];
                if named & kind_bit(line.item.kind) == 0
                    || line.fixed != Fixed::Open
                    || line.q_allowance.is_some()
                {
                    continue;
                }
                for (mname, m) in &qa.members {
                    if cond::matches(
                        ctx,
                        &m.matches,
                        line,
                        format_args!("quantity_allowances.{name}.members.{mname}.match"),
                    )? {
                        claimed.push((li, mname));
                        break;
                    }
                }
            }
            if claimed.is_empty() {
                continue;
            }
            let path = format!("quantity_allowances.{name}");
            let rule = ctx.rule(&path);
            for (li, _) in &claimed {
                lines[*li].q_allowance = Some(name.clone());
                lines[*li].counts_value = qa.counts_in_value;
                lines[*li].rule = std::sync::Arc::clone(&rule);
            }
            apply_one(ctx, lines, &claimed, qa, &path, ti, removed, uses)?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn apply_one<'p>(
    ctx: &mut Ctx<'p>,
    lines: &mut [Line<'_>],
    claimed: &[(usize, &'p str)],
    qa: &'p QuantityAllowance,
    path: &str,
    ti: usize,
    removed: bool,
    uses: &mut Vec<AllowanceUse>,
) -> Result<(), InputError> {
    let t = &ctx.trip.travellers[ti];
    let cat = qa.category.term();
    // Age gates: the allowance's, then each member's.
    let mut open: Vec<(usize, &str)> = Vec::new();
    for &(li, mname) in claimed {
        let member = &qa.members[mname];
        let gates = [
            (qa.min_age.as_ref(), None),
            (member.min_age.as_ref(), Some(mname)),
        ];
        let mut blocked = false;
        for (gate, of_member) in gates {
            let Some(g) = gate else { continue };
            let gpath = GatePath(path, of_member);
            ctx.used(format_args!("{gpath}.age"), &g.age);
            if Decimal::from(t.age) >= g.age.value {
                continue;
            }
            blocked = true;
            let rule = ctx.rule(&gpath.to_string());
            let line = &mut lines[li];
            let msg = message("step-under-age", 3)
                .int("age", i64::from(t.age))
                .number("min", g.age.value)
                .term("category", cat);
            line.steps.push(msg);
            line.rule = rule;
            line.source = ctx.url(&g.age.source);
            match g.effect {
                UnderAge::NotAllowed => {
                    line.fixed = Fixed::NotAllowed;
                    let n = message("notice-not-allowed-for-age", 4)
                        .int("item", li as i64 + 1)
                        .text("description", line.item.description.clone())
                        .int("age", i64::from(t.age))
                        .number("min", g.age.value);
                    ctx.notice(
                        NoticeCode::NotAllowedForAge,
                        Severity::Must,
                        n,
                        Some(li),
                        ctx.url(&g.age.source),
                    );
                }
                UnderAge::NoAllowance => line.uncovered = true,
            }
            break;
        }
        if !blocked {
            open.push((li, mname));
        }
    }
    if open.is_empty() {
        return Ok(());
    }
    if removed {
        for (li, _) in &open {
            lines[*li].uncovered = true;
            lines[*li]
                .steps
                .push(Message::new("step-allowances-removed"));
        }
        return Ok(());
    }
    if let Err(reason) = cond::holds(ctx, &qa.when, t, format_args!("{path}.when")) {
        for (li, _) in &open {
            let line = &mut lines[*li];
            line.uncovered = true;
            line.steps
                .push(message("step-allowance-not-applicable", 1).term("category", cat));
            line.steps.push(reason.clone());
        }
        return Ok(());
    }
    // Quantities in each member's unit.
    let mut qty = Vec::with_capacity(open.len());
    for &(li, mname) in &open {
        let unit = qa.members[mname].unit;
        let q = lines[li].quantity(unit).ok_or_else(|| {
            InputError::new(
                format!("items[{li}].{}", unit_field(unit)),
                Message::new("input-missing-for-allowance").term("category", cat),
            )
        })?;
        qty.push(q);
    }
    // A hard cap (single member): above it, none of these goods may be brought in.
    if let Some(cap) = &qa.max_quantity {
        ctx.used(format_args!("{path}.max_quantity"), cap);
        let total: Decimal = qty.iter().copied().sum();
        if total > cap.value {
            let unit = qa
                .members
                .values()
                .next()
                .map(|m| m.unit.term())
                .unwrap_or("unit-pieces");
            let rule = ctx.rule(&format!("{path}.max_quantity"));
            for (li, _) in &open {
                let line = &mut lines[*li];
                line.fixed = Fixed::NotAllowed;
                line.rule = std::sync::Arc::clone(&rule);
                line.source = ctx.url(&cap.source);
                line.steps.push(
                    message("step-over-cap", 3)
                        .number("total", total)
                        .number("cap", cap.value)
                        .term("unit", unit),
                );
            }
            let n = Message::new("notice-over-cap")
                .term("category", cat)
                .number("total", total)
                .number("cap", cap.value)
                .term("unit", unit);
            ctx.notice(
                NoticeCode::NotAllowed,
                Severity::Must,
                n,
                None,
                ctx.url(&cap.source),
            );
            return Ok(());
        }
    }
    // Cost of each line if wholly dutiable, to favour the traveller.
    let mut cost = Vec::with_capacity(open.len());
    for (li, _) in &open {
        let line = &lines[*li];
        let p = Portion {
            line,
            f: Decimal::ONE,
        };
        let c = match &qa.excess_charge {
            Some(e) => {
                let mut scratch = charges::Charge::default();
                charges::eval(
                    ctx,
                    e,
                    p,
                    &format_args!("{path}.excess_charge"),
                    &mut scratch,
                    false,
                )?
                .0
            }
            None => {
                let rule = charges::rule_for(ctx, line)?;
                charges::charge(ctx, rule, p, DutyCtx::STANDALONE, false)?.total()
            }
        };
        cost.push(c);
    }
    let n = open.len();
    let mut covered = vec![Decimal::ZERO; n]; // covered quantity per line
    let (used, limit, unit_name) = match qa.combine {
        Combine::Fractions => {
            let mut lim = Vec::with_capacity(n);
            for &(_, mname) in &open {
                let fig = qa.members[mname]
                    .limit
                    .as_ref()
                    .expect("validated: fractions have limits");
                ctx.used(format_args!("{path}.members.{mname}.limit"), fig);
                lim.push(fig.value);
            }
            let usage: Vec<Decimal> = (0..n).map(|k| qty[k] / lim[k]).collect();
            let total: Decimal = usage.iter().copied().sum();
            if total <= Decimal::ONE {
                covered.clone_from(&qty);
            } else if qa.attach == Attach::Excess {
                // Fill the 100 % with the dearest quantity first: optimal, quantities are divisible.
                let mut idx: Vec<usize> = (0..n).collect();
                dearest_first(&mut idx, |k| cost[k] / usage_or_one(usage[k]));
                let mut room = Decimal::ONE;
                for k in idx {
                    let take = usage[k].min(room);
                    covered[k] = if usage[k].is_zero() {
                        qty[k]
                    } else {
                        qty[k] * take / usage[k]
                    };
                    room -= take;
                }
            }
            let single = qa.members.len() == 1;
            if single {
                let l = lim.first().copied().unwrap_or(Decimal::ONE);
                let q: Decimal = qty.iter().copied().sum();
                (q, l, unit_str(qa.members.values().next().map(|m| m.unit)))
            } else {
                (total, Decimal::ONE, "fraction")
            }
        }
        Combine::Options => {
            let mut best: Option<(Decimal, Vec<Decimal>, usize)> = None;
            for (oi, opt) in qa.options.iter().enumerate() {
                let mut cov = vec![Decimal::ZERO; n];
                let mut over = false;
                for (mname, lim) in &opt.limits {
                    let mut room = *lim;
                    let mut idx: Vec<usize> = (0..n).filter(|&k| open[k].1 == mname).collect();
                    dearest_first(&mut idx, |k| cost[k] / usage_or_one(qty[k]));
                    for k in idx {
                        let take = qty[k].min(room);
                        cov[k] = take;
                        room -= take;
                        over |= take < qty[k];
                    }
                }
                if qa.attach == Attach::WholeCategory && (over || (0..n).any(|k| cov[k] < qty[k])) {
                    cov = vec![Decimal::ZERO; n];
                }
                let c: Decimal = (0..n)
                    .map(|k| {
                        if qty[k].is_zero() {
                            Decimal::ZERO
                        } else {
                            cost[k] * (qty[k] - cov[k]) / qty[k]
                        }
                    })
                    .sum();
                if best.as_ref().is_none_or(|(bc, _, _)| c < *bc) {
                    best = Some((c, cov, oi));
                }
            }
            let (_, cov, oi) = best.expect("validated: options are not empty");
            let opt = &qa.options[oi];
            ctx.cite(opt, format_args!("{path}.options[{oi}]"), || {
                crate::pack::Cite {
                    source: opt.source.clone(),
                    from: opt.from,
                    confidence: opt.confidence,
                    note: None,
                }
            });
            covered = cov;
            for (li, _) in &open {
                lines[*li].steps.push(
                    message("step-option-chosen", 2)
                        .int("option", oi as i64 + 1)
                        .term("category", cat),
                );
            }
            let q: Decimal = qty.iter().copied().sum();
            let c: Decimal = covered.iter().copied().sum();
            (q, c, "mixed")
        }
    };
    let exceeded = open.iter().enumerate().any(|(k, _)| covered[k] < qty[k]);
    for (k, (li, _)) in open.iter().enumerate() {
        let line = &mut lines[*li];
        line.q_frac = if qty[k].is_zero() {
            Decimal::ZERO
        } else {
            (qty[k] - covered[k]) / qty[k]
        };
        let msg = if line.q_frac.is_zero() {
            message("step-within-quantity", 3)
                .term("category", cat)
                .number("used", used.normalize())
                .number("limit", limit.normalize())
        } else if covered[k].is_zero() {
            message("step-over-quantity-all", 3)
                .term("category", cat)
                .number("used", used.normalize())
                .number("limit", limit.normalize())
        } else {
            message("step-over-quantity-part", 3)
                .term("category", cat)
                .number("covered", covered[k].normalize())
                .number("quantity", qty[k].normalize())
        };
        line.steps.push(msg);
    }
    let ids = vec![t.id.clone()];
    uses.push(AllowanceUse {
        travellers: ids,
        category: qa.category,
        rule: path.to_owned(),
        used,
        limit,
        unit: unit_name,
    });
    if exceeded {
        let n = Message::new("notice-allowance-exceeded")
            .text("traveller", t.id.clone())
            .term("category", cat);
        ctx.notice(NoticeCode::AllowanceExceeded, Severity::Must, n, None, None);
    }
    Ok(())
}

/// One bit per kind (all bits, were there ever more than 64 kinds: nothing is passed over).
fn kind_bit(kind: crate::kind::Kind) -> u64 {
    1u64.checked_shl(kind as u32).unwrap_or(u64::MAX)
}

/// Sorts line positions by `dear` (cost per unit), highest first, ties in order; each key is
/// computed once.
fn dearest_first(idx: &mut Vec<usize>, dear: impl Fn(usize) -> Decimal) {
    if idx.len() < 2 {
        return;
    }
    let mut keyed: Vec<(Decimal, usize)> = idx.iter().map(|&k| (dear(k), k)).collect();
    keyed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    idx.clear();
    idx.extend(keyed.into_iter().map(|(_, k)| k));
}

/// The path of an age gate: the allowance's, or one member's.
#[derive(Debug, Clone, Copy)]
struct GatePath<'s>(&'s str, Option<&'s str>);

impl std::fmt::Display for GatePath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.1 {
            None => write!(f, "{}.min_age", self.0),
            Some(m) => write!(f, "{}.members.{m}.min_age", self.0),
        }
    }
}

fn usage_or_one(u: Decimal) -> Decimal {
    if u.is_zero() {
        Decimal::ONE
    } else {
        u
    }
}

fn unit_str(unit: Option<crate::kind::Unit>) -> &'static str {
    use crate::kind::Unit;
    match unit {
        Some(Unit::Litres) => "litres",
        Some(Unit::Grams) => "grams",
        Some(Unit::Millilitres) => "ml",
        Some(Unit::Kilograms) => "kg",
        _ => "pieces",
    }
}

fn unit_field(unit: crate::kind::Unit) -> &'static str {
    use crate::kind::Unit;
    match unit {
        Unit::Litres => "litres",
        Unit::Pieces => "count",
        Unit::Grams => "grams",
        Unit::Millilitres => "ml",
        Unit::Kilograms => "weight_kg",
    }
}
