//! The stages of an assessment, in order.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::lines::{message, At, Ctx, Fixed, Line};
use super::share;
use super::value::{self, Pool};
use super::{quantity, Amounts, Assessment, Channel, ItemResult, ItemStatus, NoticeCode, Severity};
use crate::fx::{RateSource, RateTable};
use crate::kind::Kind;
use crate::message::Message;
use crate::pack::{CashPer, Compare, ItemRule, Pack, PackSet};
use crate::trip::{InputError, Trip};

pub(crate) fn run(
    trip: &Trip,
    packs: &PackSet,
    forced: Option<&[bool]>,
) -> Result<Assessment, InputError> {
    let pack = packs
        .get(&trip.jurisdiction)
        .filter(|p| p.assessable)
        .ok_or_else(|| {
            let known: Vec<&str> = packs
                .iter()
                .filter(|p| p.assessable)
                .map(|p| p.id.as_str())
                .collect();
            InputError::new(
                "jurisdiction",
                Message::new("input-unknown-jurisdiction")
                    .text("value", trip.jurisdiction.clone())
                    .text("known", known.join(", ")),
            )
        })?;
    let mut rates = RateTable::new(RateSource::UserEntered, trip.arrival, pack.currency);
    for (c, r) in &trip.rates {
        rates.insert(*c, *r).map_err(|_| {
            InputError::new(format!("rates.{c}"), Message::new("input-not-positive"))
        })?;
    }
    let mut ctx = Ctx::new(pack, trip, rates);
    let no_rule = ctx.rule("");

    // Lines with values in the pack currency.
    let mut lines = Vec::with_capacity(trip.items.len());
    for (idx, item) in trip.items.iter().enumerate() {
        let cv = match (item.value, item.currency, item.rate) {
            (Some(v), Some(c), Some(r)) if c != pack.currency => Some(
                pack.rounding
                    .conversion
                    .apply(v * r, pack.currency.minor_units()),
            ),
            (Some(v), Some(c), _) => {
                Some(ctx.to_pack_currency(v, c, format_args!("items[{idx}].currency"))?)
            }
            _ => None,
        };
        let mut steps = Vec::new();
        if let (Some(v), Some(c), Some(conv)) = (item.value, item.currency, cv) {
            if c != pack.currency {
                let rate = item.rate.or_else(|| ctx.rates.rate(c)).unwrap_or_default();
                steps.push(
                    message("step-converted", 3)
                        .money("amount", v, c)
                        .number("rate", rate)
                        .money("result", conv, pack.currency),
                );
            }
        }
        lines.push(Line {
            idx,
            item,
            cv,
            fixed: Fixed::Open,
            must_declare: false,
            cash_declared: false,
            q_frac: Decimal::ZERO,
            q_allowance: None,
            counts_value: false,
            v_frac: Decimal::ZERO,
            uncovered: false,
            rule: Arc::clone(&no_rule),
            source: None,
            steps,
            duty: Decimal::ZERO,
            vat: Decimal::ZERO,
            excise: Decimal::ZERO,
            complete: true,
        });
    }
    let order = canonical_order(trip, &lines);

    // Items that are decided by their kind alone.
    for &li in &order {
        let kind = lines[li].item.kind;
        if lines[li].item.used {
            lines[li].fixed = Fixed::NotCounted;
            lines[li].rule = ctx.rule("used");
            lines[li].steps.push(Message::new("step-used"));
            continue;
        }
        if kind == Kind::Cash {
            lines[li].fixed = Fixed::Cash;
            lines[li].rule = ctx.rule("cash");
            continue;
        }
        if let Some((i, r)) = first_rule(&mut ctx, &pack.prohibited, &lines[li], "prohibited")? {
            let url = ctx.url(&r.source);
            let rule = ctx.rule(&format!("prohibited[{i}]"));
            let line = &mut lines[li];
            line.fixed = Fixed::NotAllowed;
            line.rule = rule;
            line.source = url.clone();
            line.steps
                .push(message("step-prohibited", 1).term("reason", r.reason.clone()));
            let n = message("notice-prohibited", 2)
                .int("item", li as i64 + 1)
                .term("reason", r.reason.clone());
            ctx.notice(NoticeCode::NotAllowed, Severity::Must, n, Some(li), url);
            continue;
        }
        if let Some((i, r)) = first_rule(&mut ctx, &pack.not_counted, &lines[li], "not_counted")? {
            let url = ctx.url(&r.source);
            let rule = ctx.rule(&format!("not_counted[{i}]"));
            let line = &mut lines[li];
            line.fixed = Fixed::NotCounted;
            line.rule = rule;
            line.source = url;
            line.steps
                .push(message("step-not-counted", 1).term("reason", r.reason.clone()));
            continue;
        }
        if let Some((_, r)) = first_rule(&mut ctx, &pack.must_declare, &lines[li], "must_declare")?
        {
            let url = ctx.url(&r.source);
            let line = &mut lines[li];
            line.must_declare = true;
            line.source = url.clone();
            line.steps
                .push(message("step-must-declare", 1).term("reason", r.reason.clone()));
            let n = message("notice-must-declare", 3)
                .int("item", li as i64 + 1)
                .text("description", line.item.description.clone())
                .term("reason", r.reason.clone());
            ctx.notice(
                NoticeCode::MustDeclareItem,
                Severity::Must,
                n,
                Some(li),
                url,
            );
        }
        if pack
            .value_allowance
            .as_ref()
            .is_some_and(|va| va.counts.contains(&kind))
        {
            lines[li].counts_value = true;
            lines[li].rule = ctx.rule("value_allowance");
        }
    }

    // Minimum stay: below it, no allowance at all.
    let mut removed = false;
    for (i, gate) in pack.stay_gates.iter().enumerate() {
        if gate.modes.contains(&trip.mode) {
            ctx.used(format_args!("stay_gates[{i}].min_days"), &gate.min_days);
            if Decimal::from(trip.days_abroad) < gate.min_days.value {
                removed = true;
                let n = Message::new("notice-min-stay")
                    .int("days", i64::from(trip.days_abroad))
                    .number("min", gate.min_days.value)
                    .term("mode", trip.mode.term());
                let url = ctx.url(&gate.min_days.source);
                ctx.notice(NoticeCode::MinStayNotMet, Severity::Info, n, None, url);
            }
        }
    }

    let mut uses = Vec::new();
    quantity::apply(&mut ctx, &mut lines, &order, removed, &mut uses)?;

    // Open lines no allowance covers are dutiable in full.
    for &li in &order {
        let line = &mut lines[li];
        if line.fixed == Fixed::Open && line.q_allowance.is_none() && !line.counts_value {
            line.uncovered = true;
            line.steps
                .push(message("step-no-allowance-for-kind", 1).term("kind", line.item.kind.term()));
        }
    }

    for pool in pools(&mut ctx, removed)? {
        value::apply(&mut ctx, &mut lines, &order, &pool, forced, &mut uses)?;
    }

    cash(&mut ctx, &mut lines)?;
    Ok(finish(ctx, lines, &order, uses))
}

/// The first item rule of a list that matches the line.
fn first_rule<'p>(
    ctx: &mut Ctx<'p>,
    rules: &'p [ItemRule],
    line: &Line<'_>,
    list: &str,
) -> Result<Option<(usize, &'p ItemRule)>, InputError> {
    for (i, r) in rules.iter().enumerate() {
        if super::cond::matches(ctx, &r.matches, line, format_args!("{list}[{i}].match"))? {
            ctx.cite(r, At(list, i), || crate::pack::Cite {
                source: r.source.clone(),
                from: r.from,
                confidence: r.confidence,
                note: None,
            });
            return Ok(Some((i, r)));
        }
    }
    Ok(None)
}

/// A total order of items independent of their order in the file, for every tie-break.
fn canonical_order(trip: &Trip, lines: &[Line<'_>]) -> Vec<usize> {
    let key = |i: usize| {
        let l = &lines[i];
        let it = l.item;
        (
            &trip.travellers[it.traveller].id,
            it.kind,
            l.cv,
            it.value,
            it.currency.map(|c| c.code()),
            (it.count, it.litres, it.grams, it.ml, it.weight_kg, it.abv),
            (it.spirit, it.duty_rate, it.used, it.gift, &it.hs_code),
            &it.description,
        )
    };
    // The start of that key as integers, so that most comparisons are cheap: the rank of the
    // traveller id, the kind, and the customs value at one scale when all values fit.
    let mut ids: Vec<&str> = trip.travellers.iter().map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let rank: Vec<u64> = trip
        .travellers
        .iter()
        .map(|t| ids.binary_search(&t.id.as_str()).unwrap_or(0) as u64)
        .collect();
    let scale = lines.iter().filter_map(|l| l.cv).map(|v| v.scale()).max();
    let at_scale = |v: Decimal| {
        let up = 10i128.checked_pow(scale.unwrap_or(0) - v.scale())?;
        v.mantissa().checked_mul(up)
    };
    let values: Option<Vec<i128>> = lines
        .iter()
        .map(|l| l.cv.map_or(Some(0), at_scale))
        .collect();
    let mut heads: Vec<(u64, i128, usize)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let (cv, known) = match &values {
                Some(v) => (v[i], u64::from(l.cv.is_some())),
                None => (0, 0),
            };
            let head = (rank[l.item.traveller] << 32) | ((l.item.kind as u64) << 1) | known;
            (head, cv, i)
        })
        .collect();
    heads.sort_unstable_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| key(a.2).cmp(&key(b.2)))
            .then(a.2.cmp(&b.2))
    });
    heads.into_iter().map(|(_, _, i)| i).collect()
}

/// Travellers grouped by value allowance: one pool per traveller, or one for the household.
fn pools(ctx: &mut Ctx<'_>, removed: bool) -> Result<Vec<Pool>, InputError> {
    let pack: &Pack = ctx.pack;
    let trip = ctx.trip;
    let mut limits = Vec::with_capacity(trip.travellers.len());
    let mut weights = Vec::with_capacity(trip.travellers.len());
    for t in &trip.travellers {
        let mut limit = Decimal::ZERO;
        if let (Some(va), false) = (&pack.value_allowance, removed) {
            let mut reasons = Vec::new();
            let mut found = false;
            for (i, tier) in va.tiers.iter().enumerate() {
                let path = At("value_allowance.tiers", i);
                match super::cond::holds(ctx, &tier.when, t, format_args!("{path}.when")) {
                    Ok(()) => {
                        limit = ctx.money(format_args!("{path}.amount"), &tier.amount)?;
                        found = true;
                        break;
                    }
                    Err(r) => reasons.push(r),
                }
            }
            if !found {
                let n = Message::new("notice-no-allowance").text("traveller", t.id.clone());
                ctx.notice(NoticeCode::NoAllowance, Severity::Info, n, None, None);
            }
        }
        let mut wl = None;
        if let (Some(wa), false) = (&pack.weight_allowance, removed) {
            for (i, tier) in wa.tiers.iter().enumerate() {
                let path = At("weight_allowance.tiers", i);
                if super::cond::holds(ctx, &tier.when, t, format_args!("{path}.when")).is_ok() {
                    ctx.used(format_args!("{path}.kg"), &tier.kg);
                    wl = Some(tier.kg.value);
                    break;
                }
            }
        }
        limits.push(limit);
        weights.push(wl);
    }
    let n = trip.travellers.len();
    let pooled = match &pack.value_allowance {
        Some(va) if trip.joint_declaration && n > 1 => {
            ctx.used("value_allowance.pooling", &va.pooling);
            let url = ctx.url(&va.pooling.source);
            if va.pooling.allowed {
                ctx.notice(
                    NoticeCode::PoolingApplied,
                    Severity::Info,
                    Message::new("notice-pooling-applied"),
                    None,
                    url,
                );
                true
            } else {
                ctx.notice(
                    NoticeCode::PoolingRefused,
                    Severity::Info,
                    Message::new("notice-pooling-refused"),
                    None,
                    url,
                );
                false
            }
        }
        _ => false,
    };
    Ok(if pooled {
        let weight_limit = weights
            .iter()
            .try_fold(Decimal::ZERO, |acc, w| w.map(|w| acc + w));
        vec![Pool {
            travellers: (0..n).collect(),
            limit: limits.iter().copied().sum(),
            weight_limit,
        }]
    } else {
        (0..n)
            .map(|i| Pool {
                travellers: vec![i],
                limit: limits[i],
                weight_limit: weights[i],
            })
            .collect()
    })
}

/// Cash: declared when the traveller's (or the party's) total reaches the threshold.
fn cash(ctx: &mut Ctx<'_>, lines: &mut [Line<'_>]) -> Result<(), InputError> {
    let pack = ctx.pack;
    let cash_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].fixed == Fixed::Cash)
        .collect();
    if cash_lines.is_empty() {
        return Ok(());
    }
    let Some(rule) = &pack.cash else {
        for &li in &cash_lines {
            lines[li].steps.push(Message::new("step-cash-no-rule"));
        }
        return Ok(());
    };
    let threshold = ctx.money("cash.threshold", &rule.threshold)?;
    let url = ctx.url(&rule.threshold.source);
    let groups: Vec<Vec<usize>> = match rule.per {
        CashPer::Party => vec![cash_lines.clone()],
        CashPer::Traveller => (0..ctx.trip.travellers.len())
            .map(|t| {
                cash_lines
                    .iter()
                    .copied()
                    .filter(|&li| lines[li].item.traveller == t)
                    .collect()
            })
            .collect(),
    };
    let cur = pack.currency;
    for group in groups.into_iter().filter(|g| !g.is_empty()) {
        let total: Decimal = group
            .iter()
            .map(|&li| lines[li].cv.unwrap_or_default())
            .sum();
        let reached = match rule.compare {
            Compare::AtLeast => total >= threshold,
            Compare::MoreThan => total > threshold,
        };
        let cmp = match rule.compare {
            Compare::AtLeast => "compare-at-least",
            Compare::MoreThan => "compare-more-than",
        };
        for &li in &group {
            let line = &mut lines[li];
            line.cash_declared = reached;
            line.source.clone_from(&url);
            line.steps.push(
                Message::new(if reached {
                    "step-cash-declare"
                } else {
                    "step-cash-below"
                })
                .money("total", total, cur)
                .term("compare", cmp)
                .money("threshold", threshold, cur),
            );
        }
        if reached {
            let n = Message::new("notice-cash")
                .money("total", total, cur)
                .term("compare", cmp)
                .money("threshold", threshold, cur);
            ctx.notice(
                NoticeCode::CashDeclarationRequired,
                Severity::Must,
                n,
                None,
                url.clone(),
            );
        }
    }
    Ok(())
}

/// Rounds each tax total, apportions lines, sets statuses, the channel and the notices.
fn finish(
    mut ctx: Ctx<'_>,
    lines: Vec<Line<'_>>,
    order: &[usize],
    uses: Vec<super::AllowanceUse>,
) -> Assessment {
    let pack = ctx.pack;
    let cur = pack.currency;
    let minor = cur.minor_units();
    let r = pack.rounding.charges;
    let pick = |f: fn(&Line<'_>) -> Decimal| -> (Decimal, Vec<Decimal>) {
        let parts: Vec<Decimal> = order.iter().map(|&li| f(&lines[li])).collect();
        let total = r.apply(parts.iter().copied().sum(), minor);
        let shares = share::shares(total, &parts, r.scale.unwrap_or(minor));
        let mut by_index = vec![Decimal::ZERO; lines.len()];
        for (&li, share) in order.iter().zip(shares) {
            by_index[li] = share;
        }
        (total, by_index)
    };
    let (duty, duty_l) = pick(|l| l.duty);
    let (vat, vat_l) = pick(|l| l.vat);
    let (excise, excise_l) = pick(|l| l.excise);
    let totals = Amounts {
        duty,
        vat,
        excise,
        other: r.apply(Decimal::ZERO, minor),
    };

    let mut complete = true;
    let mut red = false;
    let mut items = Vec::with_capacity(lines.len());
    // Every line of a traveller, and every line a rule decides, shares one copy of its name.
    let travellers: Vec<Arc<str>> = ctx
        .trip
        .travellers
        .iter()
        .map(|t| Arc::from(t.id.as_str()))
        .collect();
    let none = ctx.rule("none");
    for (li, line) in lines.into_iter().enumerate() {
        let f = line.dutiable_fraction();
        let status = match line.fixed {
            Fixed::NotAllowed => ItemStatus::NotAllowed,
            Fixed::NotCounted => ItemStatus::NotCounted,
            Fixed::Cash if line.cash_declared => ItemStatus::DeclareOnly,
            Fixed::Cash => ItemStatus::NotCounted,
            Fixed::Open if f > Decimal::ZERO => ItemStatus::Dutiable,
            Fixed::Open if line.must_declare => ItemStatus::DeclareOnly,
            Fixed::Open => ItemStatus::Exempt,
        };
        red |= matches!(
            status,
            ItemStatus::Dutiable | ItemStatus::NotAllowed | ItemStatus::DeclareOnly
        );
        let open = line.fixed == Fixed::Open;
        complete &= !open || line.complete;
        let dutiable_value = if open {
            rounded(line.cv.unwrap_or_default() * f, cur, pack)
        } else {
            zero(minor)
        };
        let mut steps = line.steps;
        if status == ItemStatus::Exempt && steps.is_empty() {
            steps.push(Message::new("step-exempt"));
        }
        items.push(ItemResult {
            index: li,
            traveller: Arc::clone(&travellers[line.item.traveller]),
            description: line.item.description.clone(),
            kind: line.item.kind,
            status,
            customs_value: line.cv,
            dutiable_value,
            duty: duty_l[li],
            vat: vat_l[li],
            excise: excise_l[li],
            other: zero(minor),
            complete: !open || line.complete,
            rule: if line.rule.is_empty() {
                Arc::clone(&none)
            } else {
                line.rule
            },
            source: line.source,
            explanation: steps,
        });
    }
    if !complete {
        ctx.notice(
            NoticeCode::AmountIncomplete,
            Severity::Info,
            Message::new("notice-amount-incomplete"),
            None,
            None,
        );
    }
    for n in &pack.notices {
        let url = ctx.url(&n.source);
        ctx.cite(n, &n.message, || crate::pack::Cite {
            source: n.source.clone(),
            from: n.from,
            confidence: n.confidence,
            note: None,
        });
        ctx.notice(
            NoticeCode::Jurisdiction,
            Severity::Info,
            Message::new_owned(n.message.clone()),
            None,
            url,
        );
    }
    ctx.unconfirmed_notices();
    let mut notices = ctx.notices;
    notices.sort_by_key(|n| (n.severity != Severity::Must, n.code, n.item));
    Assessment {
        jurisdiction: pack.id.clone(),
        currency: cur,
        arrival: ctx.trip.arrival,
        pack_valid_from: pack.valid_from,
        channel: if red { Channel::Red } else { Channel::Green },
        duty: totals.duty,
        vat: totals.vat,
        excise: totals.excise,
        other: totals.other,
        total_due: totals.total(),
        complete,
        items,
        notices,
        allowances: uses,
        figures: ctx.figures.into_values().collect(),
    }
}

fn zero(minor: u32) -> Decimal {
    let mut z = Decimal::ZERO;
    z.rescale(minor);
    z
}

fn rounded(v: Decimal, cur: crate::Currency, pack: &Pack) -> Decimal {
    pack.rounding.charges.apply(v, cur.minor_units())
}
