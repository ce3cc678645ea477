//! Evaluating pack conditions against a traveller and items against matchers.

use std::fmt::Display;

use rust_decimal::Decimal;

use super::lines::{Ctx, Line};
use crate::kind::Kind;
use crate::message::Message;
use crate::pack::{Condition, ItemMatch};
use crate::trip::{InputError, Traveller};

/// Whether a condition holds; records the figures it read. On failure, the reason.
pub(crate) fn holds<'p>(
    ctx: &mut Ctx<'p>,
    c: &'p Condition,
    t: &Traveller,
    path: impl Display,
) -> Result<(), Message> {
    let trip = ctx.trip;
    if !c.modes.is_empty() && !c.modes.contains(&trip.mode) {
        return Err(Message::new("step-cond-mode").term("mode", trip.mode.term()));
    }
    let age = Decimal::from(t.age);
    if let Some(f) = &c.min_age {
        ctx.used(format_args!("{path}.min_age"), f);
        if age < f.value {
            return Err(Message::new("step-cond-min-age")
                .int("age", i64::from(t.age))
                .number("min", f.value));
        }
    }
    if let Some(f) = &c.max_age {
        ctx.used(format_args!("{path}.max_age"), f);
        if age > f.value {
            return Err(Message::new("step-cond-max-age")
                .int("age", i64::from(t.age))
                .number("max", f.value));
        }
    }
    let days = Decimal::from(trip.days_abroad);
    if let Some(f) = &c.min_days_abroad {
        ctx.used(format_args!("{path}.min_days_abroad"), f);
        if days < f.value {
            return Err(Message::new("step-cond-min-days")
                .int("days", i64::from(trip.days_abroad))
                .number("min", f.value));
        }
    }
    if let Some(f) = &c.max_days_abroad {
        ctx.used(format_args!("{path}.max_days_abroad"), f);
        if days > f.value {
            return Err(Message::new("step-cond-max-days")
                .int("days", i64::from(trip.days_abroad))
                .number("max", f.value));
        }
    }
    if let Some(resident) = c.resident {
        if t.resident != resident {
            let id = if resident {
                "step-cond-residents-only"
            } else {
                "step-cond-non-residents-only"
            };
            return Err(Message::new(id));
        }
    }
    if let Some(s) = t.statuses.iter().find(|s| c.exclude_statuses.contains(s)) {
        return Err(Message::new("step-cond-status").text("status", s.clone()));
    }
    Ok(())
}

/// Whether an item matches; `value_at_most` needs the pack-currency value.
pub(crate) fn matches<'p>(
    ctx: &mut Ctx<'p>,
    m: &'p ItemMatch,
    line: &Line<'_>,
    path: impl Display,
) -> Result<bool, InputError> {
    let it = line.item;
    if !m.kinds.contains(&it.kind) {
        return Ok(false);
    }
    if !m.spirits.is_empty() && !it.spirit.is_some_and(|s| m.spirits.contains(&s)) {
        return Ok(false);
    }
    let abv = effective_abv(it.kind, it.abv);
    if let Some(above) = m.abv_above {
        if abv.is_none_or(|a| a <= above) {
            return Ok(false);
        }
    }
    if let Some(at_most) = m.abv_at_most {
        if abv.is_some_and(|a| a > at_most) {
            return Ok(false);
        }
    }
    if let Some(fig) = &m.value_at_most {
        let limit = ctx.money(format_args!("{path}.value_at_most"), fig)?;
        if line.cv.is_none_or(|v| v > limit) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The alcohol strength used for matching: the item's, or for spirits without one, above 22 %.
fn effective_abv(kind: Kind, abv: Option<Decimal>) -> Option<Decimal> {
    abv.or(match kind {
        Kind::Spirits => Some(Decimal::from(40)),
        _ => None,
    })
}
