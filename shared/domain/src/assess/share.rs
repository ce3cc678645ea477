//! Sharing a rounded tax total out over the lines: [`apportion`], fast for the usual parts.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::rounding::apportion;

/// The shares of `total` (rounded to `scale` places) in `parts` (in canonical order), exactly as
/// [`apportion`] gives them. Parts that are non-negative and fit as integers at one scale are
/// shared out on integers; any others by `apportion`, given the parts in the order in which it
/// hands out leftover units so that its sort has nothing to do.
pub(crate) fn shares(total: Decimal, parts: &[Decimal], scale: u32) -> Vec<Decimal> {
    if let Some(shares) = on_integers(total, parts, scale) {
        return shares;
    }
    let by = remainder_order(parts, scale);
    let sorted: Vec<Decimal> = by.iter().map(|&k| parts[k]).collect();
    let mut out = vec![Decimal::ZERO; parts.len()];
    for (&k, share) in by.iter().zip(apportion(total, &sorted, scale)) {
        out[k] = share;
    }
    out
}

/// Powers of ten up to the largest decimal scale.
const POW10: [i128; 29] = {
    let mut p = [1i128; 29];
    let mut i = 1;
    while i < 29 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// [`apportion`] in units of `10^-scale`: each part truncated, the units left over one each to
/// the largest remainders (ties to the earlier part), round and round again if need be.
fn on_integers(total: Decimal, parts: &[Decimal], scale: u32) -> Option<Vec<Decimal>> {
    if parts.is_empty() || total.scale() != scale {
        return None;
    }
    let top = parts.iter().map(|p| p.scale()).fold(scale, u32::max);
    let pow = |e: u32| POW10.get(e as usize).copied();
    let mut units = Vec::with_capacity(parts.len());
    // Remainders at scale `top`, to compare them as integers.
    let mut rest = Vec::with_capacity(parts.len());
    for p in parts {
        if p.is_sign_negative() {
            return None;
        }
        let (m, s) = (p.mantissa(), p.scale());
        if s <= scale {
            units.push(m.checked_mul(pow(scale - s)?)?);
            rest.push(0);
        } else {
            let unit = pow(s - scale)?;
            // Native division when both fit in 64 bits (the usual case).
            let (q, r) = match (u64::try_from(m), u64::try_from(unit)) {
                (Ok(m), Ok(unit)) => (i128::from(m / unit), i128::from(m % unit)),
                _ => (m / unit, m % unit),
            };
            units.push(q);
            rest.push(r.checked_mul(pow(top - s)?)?);
        }
    }
    let assigned = units.iter().try_fold(0i128, |a, &u| a.checked_add(u))?;
    let left = total.mantissa().checked_sub(assigned)?;
    if left > 0 {
        let n = u32::try_from(parts.len()).ok()?;
        let (each, extra) = (left / i128::from(n), (left % i128::from(n)) as usize);
        for u in &mut units {
            *u = u.checked_add(each)?;
        }
        if extra > 0 {
            // The `extra` largest remainders, ties to the earlier part, get one unit more; their
            // order among themselves does not matter. Remainders are below 10^28 < 2^94, so
            // (2^94 - 1 - remainder, position) packs into one integer, smallest first.
            let mut by: Vec<u128> = (0..n)
                .zip(&rest)
                .map(|(k, &r)| ((((1i128 << 94) - 1 - r) as u128) << 32) | u128::from(k))
                .collect();
            by.select_nth_unstable(extra - 1);
            for k in &by[..extra] {
                let k = (k & 0xffff_ffff) as usize;
                units[k] = units[k].checked_add(1)?;
            }
        }
    }
    units
        .into_iter()
        .map(|u| Decimal::try_from_i128_with_scale(u, scale).ok())
        .collect()
}

/// Positions of `parts` by what is left after truncating each to `scale` places, largest first,
/// ties in order: the order in which [`apportion`] hands out leftover units.
fn remainder_order(parts: &[Decimal], scale: u32) -> Vec<usize> {
    let rest: Vec<Decimal> = parts
        .iter()
        .map(|&p| {
            let mut t = p.round_dp_with_strategy(scale, RoundingStrategy::ToZero);
            t.rescale(scale);
            p - t
        })
        .collect();
    let mut by: Vec<usize> = (0..parts.len()).collect();
    by.sort_by(|&a, &b| rest[b].cmp(&rest[a]).then(a.cmp(&b)));
    by
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rounding::Rounding;

    /// Compares with `apportion` itself, scale and sign included.
    fn check(parts: &[Decimal], scale: u32) {
        check_above(parts, scale, 0);
    }

    /// The same with a total `extra` units above the parts' (leftover units go round again).
    fn check_above(parts: &[Decimal], scale: u32, extra: i64) {
        let sum: Decimal = parts.iter().copied().sum();
        let rounding = Rounding {
            mode: crate::rounding::RoundingMode::HalfUp,
            scale: Some(scale),
        };
        let total = rounding.apply(sum + Decimal::new(extra, scale), scale);
        let want = apportion(total, parts, scale);
        let got = shares(total, parts, scale);
        let repr = |v: &[Decimal]| v.iter().map(|d| d.serialize()).collect::<Vec<_>>();
        assert_eq!(repr(&got), repr(&want), "{parts:?} at {scale}: {total}");
    }

    #[test]
    fn matches_apportion() {
        let mut seed = 5u64;
        let mut rnd = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for round in 0..3000 {
            let n = 1 + rnd(40) as usize;
            let scale = rnd(4) as u32;
            let parts: Vec<Decimal> = (0..n)
                .map(|_| match rnd(6) {
                    0 => Decimal::ZERO,
                    1 => Decimal::new(rnd(1000) as i64, 0),
                    // A division residue: up to 28 places.
                    2 => Decimal::new(rnd(1_000_000) as i64, 2) / Decimal::from(7 + rnd(5)),
                    3 if round % 7 == 0 => -Decimal::new(rnd(10_000) as i64, 3),
                    _ => Decimal::new(rnd(10_000_000) as i64, rnd(8) as u32),
                })
                .collect();
            check(&parts, scale);
        }
    }

    #[test]
    fn edge_cases() {
        check(&[], 2);
        check(&[Decimal::ZERO, Decimal::ZERO], 2);
        let mut negative_zero = Decimal::new(0, 3);
        negative_zero.set_sign_negative(true);
        check(&[negative_zero, Decimal::ONE], 2);
        check(&[Decimal::new(1, 28), Decimal::new(5, 1)], 0);
        check(
            &[
                Decimal::MAX / Decimal::from(4),
                Decimal::MAX / Decimal::from(3),
            ],
            0,
        );
        let thirds = [Decimal::ONE / Decimal::from(3); 3];
        for extra in 0..10 {
            check_above(&thirds, 2, extra);
            check_above(
                &[Decimal::new(125, 3), Decimal::new(5, 3), Decimal::ZERO],
                2,
                extra,
            );
        }
    }
}
