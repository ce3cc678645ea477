//! Rounding rules named by rules packs, and apportioning a rounded total over lines.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// How a pack rounds an amount to the currency's minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Half away from zero (EU Reg. 1103/97 style).
    HalfUp,
    /// Half to even (banker's rounding).
    HalfEven,
    /// Toward zero (truncate).
    Down,
    /// Away from zero.
    Up,
}

/// A rounding rule: the mode, and optionally a coarser scale than the currency's minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// The mode.
    pub mode: RoundingMode,
    /// Decimal places to keep; `None` keeps the currency's minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<u32>,
}

impl Rounding {
    /// Half-up to the currency's minor units.
    pub const HALF_UP: Rounding = Rounding {
        mode: RoundingMode::HalfUp,
        scale: None,
    };

    /// Rounds `value` to this rule's scale, or to `minor_units` when the rule names none.
    pub fn apply(self, value: Decimal, minor_units: u32) -> Decimal {
        let scale = self.scale.unwrap_or(minor_units);
        let strategy = match self.mode {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
        };
        let mut r = value.round_dp_with_strategy(scale, strategy);
        r.rescale(scale);
        r
    }
}

/// Splits `total` (already rounded to `scale`) over non-negative `parts` so that the shares are
/// multiples of `10^-scale`, sum exactly to `total`, and each is within one unit of its part.
/// Units left over after truncation go to the largest remainders; ties go to the lower index, so
/// callers pass parts in a canonical order.
pub fn apportion(total: Decimal, parts: &[Decimal], scale: u32) -> Vec<Decimal> {
    let unit = Decimal::new(1, scale);
    let mut shares: Vec<Decimal> = parts
        .iter()
        .map(|p| {
            let mut t = p.round_dp_with_strategy(scale, RoundingStrategy::ToZero);
            t.rescale(scale);
            t
        })
        .collect();
    let assigned: Decimal = shares.iter().copied().sum();
    let mut left = ((total - assigned) / unit).round();
    if left <= Decimal::ZERO || parts.is_empty() {
        return shares;
    }
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| {
        (parts[b] - shares[b])
            .cmp(&(parts[a] - shares[a]))
            .then(a.cmp(&b))
    });
    let mut i = 0;
    while left > Decimal::ZERO {
        let k = order[i % order.len()];
        shares[k] += unit;
        left -= Decimal::ONE;
        i += 1;
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounds_by_mode() {
        let r = |mode| Rounding { mode, scale: None };
        assert_eq!(r(RoundingMode::HalfUp).apply(d("2.345"), 2), d("2.35"));
        assert_eq!(r(RoundingMode::HalfEven).apply(d("2.345"), 2), d("2.34"));
        assert_eq!(r(RoundingMode::Down).apply(d("2.349"), 2), d("2.34"));
        assert_eq!(r(RoundingMode::Up).apply(d("2.341"), 2), d("2.35"));
        assert_eq!(r(RoundingMode::HalfUp).apply(d("1500.5"), 0), d("1501"));
        assert_eq!(
            Rounding {
                mode: RoundingMode::Down,
                scale: Some(0)
            }
            .apply(d("9.99"), 2),
            d("9")
        );
        assert_eq!(Rounding::HALF_UP.apply(d("3"), 2).to_string(), "3.00");
    }

    #[test]
    fn apportions_exactly() {
        let parts = [d("0.333"), d("0.333"), d("0.334")];
        let shares = apportion(d("1.00"), &parts, 2);
        assert_eq!(shares.iter().copied().sum::<Decimal>(), d("1.00"));
        assert_eq!(shares, vec![d("0.33"), d("0.33"), d("0.34")]);
        let shares = apportion(d("0.01"), &[d("0.004"), d("0.004")], 2);
        assert_eq!(shares, vec![d("0.01"), d("0.00")]);
        assert!(apportion(d("0"), &[], 2).is_empty());
    }
}
