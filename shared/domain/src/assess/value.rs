//! The value allowance of a traveller or a pooled household, and the charges of that pool.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::allocate::best_subset;
use super::charges::{self, Charge, DutyCtx, Portion};
use super::lines::{message, Ctx, Fixed, Line};
use super::{AllowanceUse, NoticeCode, Severity};
use crate::message::Message;
use crate::pack::{Attach, Duty, Expr, MoneyFig};
use crate::trip::InputError;

/// One pool: travellers sharing a value allowance, its limit and weight limit.
#[derive(Debug, Clone)]
pub(crate) struct Pool {
    pub travellers: Vec<usize>,
    pub limit: Decimal,
    pub weight_limit: Option<Decimal>,
}

/// Applies the value allowance to a pool and computes the pool's charges.
pub(crate) fn apply(
    ctx: &mut Ctx<'_>,
    lines: &mut [Line<'_>],
    order: &[usize],
    pool: &Pool,
    forced: Option<&[bool]>,
    uses: &mut Vec<AllowanceUse>,
) -> Result<(), InputError> {
    let pack = ctx.pack;
    let members: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&li| {
            pool.travellers.contains(&lines[li].item.traveller) && lines[li].fixed == Fixed::Open
        })
        .collect();
    let counting: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&li| lines[li].counts_value && !lines[li].uncovered)
        .collect();
    // Steps are added in trip order, like the charges' (see `pool_charges`).
    let mut by_line: Vec<(usize, usize)> = counting.iter().copied().enumerate().collect();
    by_line.sort_unstable_by_key(|&(_, li)| li);
    let counted = |l: &Line<'_>| l.cv.unwrap_or(Decimal::ZERO) * (Decimal::ONE - l.q_frac);
    let values: Vec<Decimal> = counting.iter().map(|&li| counted(&lines[li])).collect();
    let total: Decimal = values.iter().copied().sum();
    let cur = pack.currency;

    if let Some(va) = &pack.value_allowance {
        let ids: Vec<String> = pool
            .travellers
            .iter()
            .map(|&t| ctx.trip.travellers[t].id.clone())
            .collect();
        uses.push(AllowanceUse {
            travellers: ids.clone(),
            category: crate::pack::Category::Goods,
            rule: "value_allowance".into(),
            used: total,
            limit: pool.limit,
            unit: "money",
        });
        let mut weight_excess = Decimal::ZERO;
        if let Some(wl) = pool.weight_limit {
            let w: Decimal = counting
                .iter()
                .map(|&li| {
                    lines[li].item.weight_kg.unwrap_or_default() * (Decimal::ONE - lines[li].q_frac)
                })
                .sum();
            if w > wl && !w.is_zero() {
                weight_excess = total * (w - wl) / w;
                let n = Message::new("notice-weight-exceeded")
                    .number("weight", w.normalize())
                    .number("limit", wl.normalize());
                ctx.notice(NoticeCode::AllowanceExceeded, Severity::Must, n, None, None);
            }
        }
        if total > pool.limit || weight_excess > Decimal::ZERO {
            let n = Message::new("notice-value-exceeded")
                .text("travellers", ids.join(", "))
                .money("used", total, cur)
                .money("limit", pool.limit, cur);
            ctx.notice(NoticeCode::AllowanceExceeded, Severity::Must, n, None, None);
        }
        match va.attach {
            Attach::WholeCategory => {
                let over = total > pool.limit;
                for &(_, li) in &by_line {
                    lines[li].v_frac = if over { Decimal::ONE } else { Decimal::ZERO };
                    let id = if over {
                        "step-whole-category-exceeded"
                    } else {
                        "step-in-value-allowance"
                    };
                    lines[li].steps.push(
                        message(id, 2)
                            .money("used", total, cur)
                            .money("limit", pool.limit, cur),
                    );
                }
            }
            Attach::Excess => {
                // The value norm: the exemption goes to the items that would cost most per unit
                // of value.
                let rates = rate_per_value(ctx, lines, &counting, &values)?;
                let mut exempts = fill(&values, &rates, total.min(pool.limit));
                if let (Some(wl), true) = (pool.weight_limit, weight_excess > Decimal::ZERO) {
                    // The weight norm: the kilograms over it are dutiable, at least the per-kg
                    // rate on each; the exemption goes to the items that cost most per kilogram.
                    // When both norms are exceeded, the larger charge is due.
                    let mut kgs = Vec::with_capacity(counting.len());
                    let mut per_kg = Vec::with_capacity(counting.len());
                    for (k, &li) in counting.iter().enumerate() {
                        let kg = lines[li].item.weight_kg.unwrap_or_default()
                            * (Decimal::ONE - lines[li].q_frac);
                        let cost = rates[k] * lines[li].cv.unwrap_or_default();
                        per_kg.push(if kg.is_zero() { cost } else { cost / kg });
                        kgs.push(kg);
                    }
                    let by_weight: Vec<Decimal> = fill(&kgs, &per_kg, wl)
                        .into_iter()
                        .enumerate()
                        .map(|(k, e)| {
                            if kgs[k].is_zero() {
                                values[k]
                            } else {
                                values[k] * e / kgs[k]
                            }
                        })
                        .collect();
                    let mut cost = [Decimal::ZERO; 2];
                    for (c, ex) in cost.iter_mut().zip([&exempts, &by_weight]) {
                        for (k, &li) in counting.iter().enumerate() {
                            lines[li].v_frac = excess_fraction(values[k], ex[k]);
                        }
                        *c = pool_charges(ctx, lines, &members, pool.travellers.len(), Pass::Cost)?
                            .total;
                    }
                    if cost[1] > cost[0] {
                        exempts = by_weight;
                    }
                }
                for &(k, li) in &by_line {
                    let v = values[k];
                    let exempt = exempts[k];
                    lines[li].v_frac = excess_fraction(v, exempt);
                    let msg = if exempt == v {
                        message("step-in-value-allowance", 2)
                            .money("used", total, cur)
                            .money("limit", pool.limit, cur)
                    } else {
                        message("step-excess-part", 3)
                            .money("exempt", exempt, cur)
                            .money("dutiable", v - exempt, cur)
                            .money("limit", pool.limit, cur)
                    };
                    lines[li].steps.push(msg);
                }
            }
            Attach::Indivisible => {
                let mut candidates: Vec<Vec<bool>> = Vec::new();
                if let Some(f) = forced {
                    candidates.push(
                        counting
                            .iter()
                            .map(|&li| f.get(li).copied().unwrap_or(false))
                            .collect(),
                    );
                } else {
                    let below_flat = tariff_only_below(
                        ctx,
                        lines,
                        &members,
                        &counting,
                        &values,
                        pool.travellers.len(),
                    )?;
                    let mut solved: Vec<(Vec<Decimal>, Decimal, Vec<bool>)> = Vec::new();
                    for flat in [true, false] {
                        let dctx = DutyCtx {
                            flat_applies: flat,
                            in_band: None,
                        };
                        let mut savings = Vec::with_capacity(counting.len());
                        for &li in &counting {
                            let rule = charges::rule_for(ctx, &lines[li])?;
                            let line = &lines[li];
                            let full = Portion {
                                line,
                                f: Decimal::ONE - line.q_frac,
                            };
                            savings.push(charges::charge(ctx, rule, full, dctx, false)?.total());
                        }
                        let mut caps = vec![pool.limit];
                        // At tariff rates, also the best pick that keeps the flat rate off.
                        if let (false, Some(b)) = (flat, below_flat) {
                            caps.push(pool.limit.min(b));
                        }
                        for cap in caps {
                            // The same inputs give the same pick: solve each problem once.
                            let pick = match solved
                                .iter()
                                .find(|(s, c, _)| same(&[*c], &[cap]) && same(s, &savings))
                            {
                                Some((_, _, pick)) => pick.clone(),
                                None => {
                                    let pick = best_subset(&values, &savings, cap);
                                    solved.push((savings.clone(), cap, pick.clone()));
                                    pick
                                }
                            };
                            if !candidates.contains(&pick) {
                                candidates.push(pick);
                            }
                        }
                    }
                }
                // Evaluate each candidate in full; keep the cheapest (first on ties). An amount
                // with an unknown rate is only a lower bound: a complete one is preferred to it.
                // A single candidate is the answer as it is (the charges below compute it anyway).
                let mut best: Option<((bool, Decimal), Vec<bool>)> = None;
                if candidates.len() == 1 {
                    best = candidates.pop().map(|c| ((false, Decimal::ZERO), c));
                }
                for cand in candidates {
                    for (k, &li) in counting.iter().enumerate() {
                        lines[li].v_frac = if cand[k] { Decimal::ZERO } else { Decimal::ONE };
                    }
                    let cost =
                        pool_charges(ctx, lines, &members, pool.travellers.len(), Pass::Cost)?;
                    let key = (!cost.complete, cost.total);
                    if best.as_ref().is_none_or(|(c, _)| key < *c) {
                        best = Some((key, cand));
                    }
                }
                if let Some((_, cand)) = best {
                    let any_taxed = cand.iter().any(|x| !x);
                    for &(k, li) in &by_line {
                        lines[li].v_frac = if cand[k] { Decimal::ZERO } else { Decimal::ONE };
                        let msg = if cand[k] {
                            message("step-indivisible-exempt", 1).money("limit", pool.limit, cur)
                        } else if values[k] > pool.limit {
                            message("step-indivisible-too-large", 2)
                                .money("value", values[k], cur)
                                .money("limit", pool.limit, cur)
                        } else {
                            message("step-indivisible-taxed", 1).money("limit", pool.limit, cur)
                        };
                        lines[li].steps.push(msg);
                    }
                    if any_taxed && cand.iter().any(|x| *x) {
                        let n =
                            Message::new("notice-officer-decides").money("limit", pool.limit, cur);
                        ctx.notice(NoticeCode::OfficerDecides, Severity::Info, n, None, None);
                    }
                }
            }
        }
    } else {
        for &li in &counting {
            lines[li].uncovered = true;
        }
    }
    pool_charges(ctx, lines, &members, pool.travellers.len(), Pass::Record)?;
    Ok(())
}

/// The flat rate (EU 2.5 % up to €700) applies while the flat-rated dutiable total is at most its
/// ceiling, that is while the value exempted from the counted lines reaches `total − ceiling`.
/// Exempting less puts every line at tariff rates, which can cost less (low tariff rates), so the
/// cheapest allocation may be one that keeps the flat rate off. Returns the largest exempt value
/// that keeps it off, when the flat rate can be lost and every counted line is flat-rated.
fn tariff_only_below(
    ctx: &mut Ctx<'_>,
    lines: &mut [Line<'_>],
    members: &[usize],
    counting: &[usize],
    values: &[Decimal],
    pool_size: usize,
) -> Result<Option<Decimal>, InputError> {
    for &li in counting {
        if !matches!(
            charges::rule_for(ctx, &lines[li])?,
            Some((_, r)) if matches!(r.duty, Duty::Flat { .. })
        ) {
            return Ok(None);
        }
        lines[li].v_frac = Decimal::ONE;
    }
    // Only the flat-rate totals are needed; the charges are skipped when they cannot fail.
    let pass = if charges::can_fail(ctx) {
        Pass::Cost
    } else {
        Pass::Totals
    };
    let all = pool_charges(ctx, lines, members, pool_size, pass)?;
    let Some(ceiling) = all.flat_ceiling else {
        return Ok(None);
    };
    if all.flat_total <= ceiling {
        return Ok(None);
    }
    // Exempt values are sums of `values`: the next one below `need` is one unit of their scale less.
    let need = all.flat_total - ceiling;
    let scale = values
        .iter()
        .map(|v| v.scale())
        .fold(need.scale(), u32::max);
    let below = need - Decimal::new(1, scale.min(28));
    Ok((below < need && below >= Decimal::ZERO).then_some(below))
}

/// Whether two lists hold the same decimals, scale included.
fn same(a: &[Decimal], b: &[Decimal]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.serialize() == y.serialize())
}

/// Shares out `room` over `amounts`, the items with the highest `rank` first (ties: in order);
/// items of amount zero are exempt whatever the room. Returns the exempt amount of each.
fn fill(amounts: &[Decimal], rank: &[Decimal], room: Decimal) -> Vec<Decimal> {
    let mut idx: Vec<usize> = (0..amounts.len()).collect();
    idx.sort_by(|&a, &b| rank[b].cmp(&rank[a]).then(a.cmp(&b)));
    let mut left = room.max(Decimal::ZERO);
    let mut out = vec![Decimal::ZERO; amounts.len()];
    for k in idx {
        let take = amounts[k].min(left).max(Decimal::ZERO);
        left -= take;
        out[k] = take;
    }
    out
}

/// The dutiable fraction of a counted value once `exempt` of it is exempt.
fn excess_fraction(value: Decimal, exempt: Decimal) -> Decimal {
    if value.is_zero() {
        Decimal::ZERO
    } else {
        (value - exempt) / value
    }
}

/// Tax per unit of value of each counted line if wholly dutiable (for ordering the exemption).
///
/// A marginal band charges the same rate whichever items fill it, so what exempting an item
/// saves is its rate beyond the band (its own tariff rate, or the estimate): lines are ranked as
/// if the band were full (US: the highest-duty items go under the exemption).
fn rate_per_value(
    ctx: &mut Ctx<'_>,
    lines: &[Line<'_>],
    counting: &[usize],
    values: &[Decimal],
) -> Result<Vec<Decimal>, InputError> {
    let mut out = Vec::with_capacity(counting.len());
    for (k, &li) in counting.iter().enumerate() {
        let line = &lines[li];
        let rule = charges::rule_for(ctx, line)?;
        let c = charges::charge(
            ctx,
            rule,
            Portion {
                line,
                f: Decimal::ONE,
            },
            DutyCtx {
                flat_applies: true,
                in_band: Some(Decimal::ZERO),
            },
            false,
        )?;
        out.push(if values[k].is_zero() {
            Decimal::ZERO
        } else {
            c.total() / line.cv.unwrap_or(Decimal::ONE).max(Decimal::new(1, 6))
        });
    }
    Ok(out)
}

/// What a pool's dutiable lines cost, unrounded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PoolCost {
    /// Every charge.
    pub total: Decimal,
    /// Whether every rate was known.
    pub complete: bool,
    /// Dutiable value of the flat-rated lines.
    pub flat_total: Decimal,
    /// The lowest flat-rate ceiling, if a line is flat-rated.
    pub flat_ceiling: Option<Decimal>,
}

/// What [`pool_charges`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    /// Only the flat-rate totals (`total` is left at zero).
    Totals,
    /// What the lines cost.
    Cost,
    /// What the lines cost, stored on them with the arithmetic.
    Record,
}

/// Computes the charges of a pool's dutiable lines (when recording, the cost is not summed).
pub(crate) fn pool_charges<'p>(
    ctx: &mut Ctx<'p>,
    lines: &mut [Line<'_>],
    members: &[usize],
    pool_size: usize,
    pass: Pass,
) -> Result<PoolCost, InputError> {
    let pack = ctx.pack;
    let record = pass == Pass::Record;
    // Which rules each dutiable line uses; the excess charge of its quantity allowance, if any.
    struct Part<'p> {
        li: usize,
        special: Option<(&'p str, &'p Expr)>,
        normal: Decimal,
        rule: Option<usize>,
    }
    let mut parts = Vec::with_capacity(members.len());
    for &li in members {
        let line = &lines[li];
        let f = line.dutiable_fraction();
        if f.is_zero() {
            continue;
        }
        let special_expr = line.q_allowance.as_ref().and_then(|n| {
            let (name, qa) = pack
                .quantity_allowances
                .get_key_value(n)
                .expect("lines name allowances of the pack");
            qa.excess_charge.as_ref().map(|e| (name.as_str(), e))
        });
        let (special, normal) = match special_expr {
            Some(e) if !line.uncovered => ((!line.q_frac.is_zero()).then_some(e), f - line.q_frac),
            _ => (None, f),
        };
        let rule = charges::rule_for(ctx, line)?.map(|(i, _)| i);
        parts.push(Part {
            li,
            special,
            normal,
            rule,
        });
    }
    // Pack figures converted once per call, by charge rule.
    let mut converted: Vec<Option<Decimal>> = vec![None; pack.charges.len()];
    let mut convert = |ctx: &Ctx<'p>, r: usize, fig: &MoneyFig| -> Result<Decimal, InputError> {
        if let Some(c) = converted[r] {
            return Ok(c);
        }
        let c = ctx.to_pack_currency(fig.amount, fig.currency, "rates")?;
        converted[r] = Some(c);
        Ok(c)
    };
    // Flat rates apply while the dutiable total of flat-rated goods stays under the ceiling.
    let mut flat_total = Decimal::ZERO;
    let mut flat_ceiling: Option<Decimal> = None;
    for p in &parts {
        if let Some((r, Duty::Flat { up_to, .. })) = p.rule.map(|r| (r, &pack.charges[r].duty)) {
            flat_total += lines[p.li].cv.unwrap_or_default() * p.normal;
            let c = convert(ctx, r, up_to)?;
            flat_ceiling = Some(flat_ceiling.map_or(c, |x: Decimal| x.min(c)));
        }
    }
    let flat_applies = flat_ceiling.is_none_or(|c| flat_total <= c);
    // Bands are filled by the items with the highest tariff rate first (favourable).
    let mut band_room: Option<Decimal> = None;
    for p in &parts {
        if let Some((r, Duty::Band { width, .. })) = p.rule.map(|r| (r, &pack.charges[r].duty)) {
            let w = convert(ctx, r, width)?;
            band_room = Some(w * Decimal::from(pool_size.max(1) as u64));
        }
    }
    if pass == Pass::Totals {
        return Ok(PoolCost {
            total: Decimal::ZERO,
            complete: true,
            flat_total,
            flat_ceiling,
        });
    }
    // A line's rate beyond the band is its own rate, else the band rate it would be estimated at.
    let beyond: Vec<Decimal> = parts
        .iter()
        .map(|p| {
            let own = lines[p.li].item.duty_rate;
            match p.rule.map(|r| &pack.charges[r].duty) {
                Some(Duty::Band { rate, .. }) => own.unwrap_or(rate.value),
                _ => own.unwrap_or_default(),
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| beyond[b].cmp(&beyond[a]).then(a.cmp(&b)));
    let mut in_band: Vec<Option<Decimal>> = vec![None; parts.len()];
    if let Some(mut room) = band_room {
        for &k in &order {
            let p = &parts[k];
            if !p.normal.is_zero() {
                let value = lines[p.li].cv.unwrap_or_default() * p.normal;
                let take = value.min(room).max(Decimal::ZERO);
                room -= take;
                in_band[k] = Some(take);
            }
        }
    }
    // Lines are explained in trip order, so that each line's allocations sit near each other and
    // are freed in the order made; unless a charge may fail, as the first failure must stay first.
    if record && !charges::can_fail(ctx) {
        order.sort_unstable_by_key(|&k| parts[k].li);
    }
    // What a line records of its rule (its path and source URL), once per rule.
    // Per charge rule, its path and source URL, shared by the lines it charges.
    let mut cited: Vec<Option<RuleCite>> = vec![None; pack.charges.len()];
    let mut total = Decimal::ZERO;
    let mut complete = true;
    for k in order {
        let p = &parts[k];
        // Recorded steps go straight onto the line's explanation.
        let steps = if record {
            std::mem::take(&mut lines[p.li].steps)
        } else {
            Vec::new()
        };
        let line = &lines[p.li];
        let mut acc = Charge {
            complete: true,
            steps,
            ..Charge::default()
        };
        if let Some((name, expr)) = p.special {
            let mut c = Charge {
                complete: true,
                steps: std::mem::take(&mut acc.steps),
                ..Charge::default()
            };
            let portion = Portion {
                line,
                f: line.q_frac,
            };
            let (amount, known) = charges::eval(
                ctx,
                expr,
                portion,
                &format_args!("quantity_allowances.{name}.excess_charge"),
                &mut c,
                record,
            )?;
            acc.duty += amount;
            acc.complete &= known;
            acc.steps = c.steps;
        }
        if !p.normal.is_zero() {
            let rule = p.rule.map(|r| (r, &pack.charges[r]));
            let dctx = DutyCtx {
                flat_applies,
                in_band: in_band[k],
            };
            let portion = Portion { line, f: p.normal };
            let c = if record {
                let steps = std::mem::take(&mut acc.steps);
                charges::charge_onto(ctx, rule, portion, dctx, steps)?
            } else {
                charges::charge(ctx, rule, portion, dctx, false)?
            };
            acc.duty += c.duty;
            acc.excise += c.excise;
            acc.vat += c.vat;
            acc.complete &= c.complete;
            acc.quantity_missing |= c.quantity_missing;
            if record {
                acc.steps = c.steps;
            }
        }
        complete &= acc.complete;
        if !record {
            total += acc.total();
        } else {
            let idx = line.idx;
            let line = &mut lines[p.li];
            line.duty = acc.duty;
            line.excise = acc.excise;
            line.vat = acc.vat;
            line.complete = acc.complete;
            line.steps = acc.steps;
            if let Some(r) = p.rule {
                let (rule, source) = cited[r].get_or_insert_with(|| {
                    let source = first_source(pack, r).and_then(|s| ctx.url(&s));
                    (ctx.rule(&format!("charges[{r}]")), source)
                });
                line.rule = Arc::clone(rule);
                line.source.clone_from(source);
            }
            if acc.quantity_missing {
                let n = message("notice-quantity-missing", 1).int("item", idx as i64 + 1);
                ctx.notice(
                    NoticeCode::QuantityMissing,
                    Severity::Info,
                    n,
                    Some(idx),
                    None,
                );
            }
        }
    }
    Ok(PoolCost {
        total,
        complete,
        flat_total,
        flat_ceiling,
    })
}

/// A rule's path and source URL, as lines share them.
type RuleCite = (Arc<str>, Option<Arc<str>>);

/// The source key of the first figure in a charge rule, for the line's citation.
fn first_source(pack: &crate::pack::Pack, r: usize) -> Option<String> {
    use crate::pack::{Component, Expr};
    fn expr_source(e: &Expr) -> Option<String> {
        match e {
            Expr::Percent(f) => Some(f.source.clone()),
            Expr::PerUnit { amount, .. } => Some(amount.source.clone()),
            Expr::Max(l) | Expr::Sum(l) => l.iter().find_map(expr_source),
        }
    }
    let rule = &pack.charges[r];
    if let Some(s) = &rule.single {
        return expr_source(s);
    }
    match &rule.duty {
        Duty::Flat { rate, .. } | Duty::Band { rate, .. } => return Some(rate.source.clone()),
        Duty::Expr(e) => return expr_source(e),
        Duty::Tariff { estimate: Some(f) } => return Some(f.source.clone()),
        _ => {}
    }
    if let Component::Expr(e) = &rule.excise {
        return expr_source(e);
    }
    pack.vat
        .as_ref()
        .and_then(|v| v.rate.as_ref())
        .map(|r| r.source.clone())
}
