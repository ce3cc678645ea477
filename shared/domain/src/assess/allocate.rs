//! The least-cost allocation of an indivisible allowance: which whole items to exempt.
//!
//! A 0/1 knapsack: exempt a set of items whose values fit under the allowance so that the tax
//! saved is largest (ties: the larger exempt value, then the canonical order). Exact for any
//! number of items. When every item saves tax in the same proportion to its value (the usual
//! case: one rate for all goods) it is a subset-sum, solved with a bitset over the capacity in
//! minor units; otherwise a Pareto-frontier dynamic programme over (value, saving) pairs.

use rust_decimal::Decimal;

/// Largest capacity, in scaled integer units, for the bitset path.
const BITSET_LIMIT: i128 = 1 << 24;

/// Picks the items to exempt; `values[i] > capacity` are never picked.
pub fn best_subset(values: &[Decimal], savings: &[Decimal], capacity: Decimal) -> Vec<bool> {
    let n = values.len();
    let mut pick = vec![false; n];
    if capacity < Decimal::ZERO {
        return pick;
    }
    let candidates: Vec<usize> = (0..n).filter(|&i| values[i] <= capacity).collect();
    let total: Decimal = candidates.iter().map(|&i| values[i]).sum();
    if total <= capacity {
        for i in candidates {
            pick[i] = true;
        }
        return pick;
    }
    let scale = candidates
        .iter()
        .map(|&i| values[i].scale())
        .chain([capacity.scale()])
        .max()
        .unwrap_or(0);
    let to_int = |d: Decimal| -> Option<i128> {
        let mut x = d;
        x.rescale(scale);
        (x.scale() == scale).then(|| x.mantissa())
    };
    let weights: Option<Vec<i128>> = candidates.iter().map(|&i| to_int(values[i])).collect();
    let cap = to_int(capacity);
    let (Some(weights), Some(cap)) = (weights, cap) else {
        return pareto(&candidates, values, savings, capacity, pick);
    };
    if cap <= BITSET_LIMIT && uniform_ratio(&candidates, values, savings) {
        let chosen = subset_sum(&weights, cap as usize);
        for (k, &i) in candidates.iter().enumerate() {
            pick[i] = chosen[k];
        }
        return pick;
    }
    pareto(&candidates, values, savings, capacity, pick)
}

/// Whether every saving is the same multiple of its value.
fn uniform_ratio(candidates: &[usize], values: &[Decimal], savings: &[Decimal]) -> bool {
    let Some(&r) = candidates.iter().find(|&&i| !values[i].is_zero()) else {
        return true;
    };
    candidates.iter().all(|&i| {
        let lhs = savings[i].checked_mul(values[r]);
        let rhs = savings[r].checked_mul(values[i]);
        lhs.is_some() && lhs == rhs
    })
}

/// The largest reachable sum not above `cap`, and the items that reach it.
///
/// A bitset of reachable sums (bits above `cap` in the last word are ignored: shifts only move
/// them higher). Each item keeps, for the words its weight can reach, the sums that first became
/// reachable with it; walking the items backwards, an item is taken when the sum still to explain
/// first became reachable with it.
fn subset_sum(weights: &[i128], cap: usize) -> Vec<bool> {
    let words = cap / 64 + 1;
    let mut reach = vec![0u64; words];
    reach[0] = 1;
    let mut next = vec![0u64; words];
    // Sums gained per item: words `lo..=hi` of the bitset, stored from `gains[at]`.
    let mut gains: Vec<u64> = Vec::new();
    let mut spans: Vec<(usize, usize, usize)> = Vec::with_capacity(weights.len());
    // No sum above `top` is reachable yet.
    let mut top = 0usize;
    for &w in weights {
        let w = w as usize;
        if w == 0 {
            spans.push((gains.len(), 1, 0));
            continue;
        }
        let (ws, bs) = (w / 64, w % 64);
        top = (top + w).min(cap);
        let hi = top / 64;
        next[..ws].copy_from_slice(&reach[..ws]);
        let (old, from) = (&reach[ws..=hi], &reach[..=hi - ws]);
        if bs == 0 {
            for ((out, &o), &f) in next[ws..=hi].iter_mut().zip(old).zip(from) {
                *out = o | f;
            }
        } else {
            // Word j gains word j - ws shifted by bs, and the carry of word j - ws - 1.
            let back = 64 - bs;
            next[ws] = old[0] | (from[0] << bs);
            for (((out, &o), &f), &p) in next[ws + 1..=hi]
                .iter_mut()
                .zip(&old[1..])
                .zip(&from[1..])
                .zip(from)
            {
                *out = o | (f << bs) | (p >> back);
            }
        }
        spans.push((gains.len(), ws, hi));
        gains.extend(next[ws..=hi].iter().zip(old).map(|(&n, &o)| n & !o));
        std::mem::swap(&mut reach, &mut next);
        if reach[cap / 64] >> (cap % 64) & 1 == 1 {
            break;
        }
    }
    let mut best = top;
    while reach[best / 64] >> (best % 64) & 1 == 0 {
        best -= 1;
    }
    let mut chosen = vec![false; weights.len()];
    let mut s = best;
    for (k, &(at, lo, hi)) in spans.iter().enumerate().rev() {
        if s == 0 {
            break;
        }
        let word = s / 64;
        if (lo..=hi).contains(&word) && gains[at + word - lo] >> (s % 64) & 1 == 1 {
            chosen[k] = true;
            s -= weights[k] as usize;
        }
    }
    // Items of value zero cost nothing to exempt.
    for (k, &w) in weights.iter().enumerate() {
        if w == 0 {
            chosen[k] = true;
        }
    }
    chosen
}

#[derive(Clone, Copy)]
struct State {
    weight: Decimal,
    saving: Decimal,
    prev: u32,
    item: u32,
}

const NONE: u32 = u32::MAX;

/// Nemhauser–Ullmann: keep only (weight, saving) states not dominated by a lighter one.
fn pareto(
    candidates: &[usize],
    values: &[Decimal],
    savings: &[Decimal],
    capacity: Decimal,
    mut pick: Vec<bool>,
) -> Vec<bool> {
    let mut arena = vec![State {
        weight: Decimal::ZERO,
        saving: Decimal::ZERO,
        prev: NONE,
        item: NONE,
    }];
    let mut front: Vec<u32> = vec![0];
    for &i in candidates {
        let (w, p) = (values[i], savings[i]);
        let mut added: Vec<u32> = Vec::with_capacity(front.len());
        for &s in &front {
            let st = arena[s as usize];
            let weight = st.weight + w;
            if weight <= capacity {
                arena.push(State {
                    weight,
                    saving: st.saving + p,
                    prev: s,
                    item: i as u32,
                });
                added.push(arena.len() as u32 - 1);
            }
        }
        // Merge two weight-sorted lists, dropping dominated states.
        let mut merged: Vec<u32> = Vec::with_capacity(front.len() + added.len());
        let (mut a, mut b) = (0, 0);
        while a < front.len() || b < added.len() {
            let take_a = b >= added.len()
                || (a < front.len() && {
                    let (x, y) = (arena[front[a] as usize], arena[added[b] as usize]);
                    x.weight < y.weight || (x.weight == y.weight && x.saving >= y.saving)
                });
            let s = if take_a {
                a += 1;
                front[a - 1]
            } else {
                b += 1;
                added[b - 1]
            };
            let st = arena[s as usize];
            // A heavier state survives unless it saves less; equal savings keep the heavier one
            // (more value exempt), so the last state is the best by (saving, value).
            match merged.last() {
                Some(&l) if arena[l as usize].saving > st.saving => {}
                Some(&l) if arena[l as usize].weight == st.weight => {
                    if st.saving > arena[l as usize].saving {
                        *merged.last_mut().expect("non-empty") = s;
                    }
                }
                _ => merged.push(s),
            }
        }
        front = merged;
    }
    // The last state is the best by saving, then by exempt value.
    let mut s = *front.last().expect("the empty set is always a state");
    while s != NONE {
        let st = arena[s as usize];
        if st.item != NONE {
            pick[st.item as usize] = true;
        }
        s = st.prev;
    }
    for &i in candidates {
        if values[i].is_zero() {
            pick[i] = true;
        }
    }
    pick
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn brute(values: &[Decimal], savings: &[Decimal], cap: Decimal) -> (Decimal, Decimal) {
        let n = values.len();
        let mut best = (Decimal::MIN, Decimal::MIN);
        for mask in 0u32..(1 << n) {
            let (mut w, mut p) = (Decimal::ZERO, Decimal::ZERO);
            for i in 0..n {
                if mask >> i & 1 == 1 {
                    w += values[i];
                    p += savings[i];
                }
            }
            if w <= cap && (p, w) > best {
                best = (p, w);
            }
        }
        best
    }

    fn score(pick: &[bool], values: &[Decimal], savings: &[Decimal]) -> (Decimal, Decimal) {
        let mut s = (Decimal::ZERO, Decimal::ZERO);
        for i in 0..pick.len() {
            if pick[i] {
                s.0 += savings[i];
                s.1 += values[i];
            }
        }
        s
    }

    #[test]
    fn uniform_items_fill_the_allowance_best() {
        // EU €430: 300 + 130 fits exactly; greedy by size (300, 200) would leave 130 unused.
        let values = [d("300"), d("200"), d("130"), d("99.99")];
        let savings: Vec<Decimal> = values.iter().map(|v| v * d("0.28")).collect();
        let pick = best_subset(&values, &savings, d("430"));
        assert_eq!(pick, vec![true, false, true, false]);
    }

    #[test]
    fn different_rates_prefer_the_dearer_item() {
        let values = [d("100"), d("100")];
        let savings = [d("10"), d("15")];
        assert_eq!(best_subset(&values, &savings, d("150")), vec![false, true]);
    }

    #[test]
    fn matches_brute_force() {
        let mut seed = 7u64;
        let mut rnd = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for round in 0..300 {
            let n = 1 + rnd(12) as usize;
            let values: Vec<Decimal> = (0..n)
                .map(|_| Decimal::new(rnd(50_000) as i64, 2))
                .collect();
            let uniform = round % 2 == 0;
            let savings: Vec<Decimal> = values
                .iter()
                .map(|v| {
                    if uniform {
                        v * d("0.3")
                    } else {
                        Decimal::new(rnd(9_000) as i64, 2)
                    }
                })
                .collect();
            let cap = Decimal::new(rnd(100_000) as i64, 2);
            let pick = best_subset(&values, &savings, cap);
            let got = score(&pick, &values, &savings);
            assert!(got.1 <= cap);
            assert_eq!(
                got,
                brute(&values, &savings, cap),
                "round {round}: {values:?} {savings:?} {cap}"
            );
        }
    }

    /// Plain O(n × capacity) dynamic programme over cents: the oracle for large cases.
    fn dp_best(values: &[i64], savings: &[i64], cap: usize) -> i64 {
        let mut best = vec![i64::MIN; cap + 1];
        best[0] = 0;
        for (&w, &p) in values.iter().zip(savings) {
            let w = w as usize;
            for c in (w..=cap).rev() {
                if best[c - w] != i64::MIN {
                    best[c] = best[c].max(best[c - w] + p);
                }
            }
        }
        *best.iter().max().unwrap()
    }

    #[test]
    fn sixty_competing_items_are_exact() {
        let mut seed = 11u64;
        let mut rnd = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for round in 0..20 {
            let cents: Vec<i64> = (0..60).map(|_| 500 + rnd(9_000) as i64).collect();
            let uniform = round % 2 == 0;
            let save: Vec<i64> = cents
                .iter()
                .map(|&c| if uniform { c } else { rnd(5_000) as i64 })
                .collect();
            let values: Vec<Decimal> = cents.iter().map(|&c| Decimal::new(c, 2)).collect();
            let savings: Vec<Decimal> = save.iter().map(|&c| Decimal::new(c, 2)).collect();
            let pick = best_subset(&values, &savings, d("430"));
            let (p, w) = score(&pick, &values, &savings);
            assert!(w <= d("430"));
            assert_eq!(
                p,
                Decimal::new(dp_best(&cents, &save, 43_000), 2),
                "round {round}"
            );
        }
    }
}
