//! Assessment benchmarks. Targets (2-core machine): a 50-item trip with competing indivisible
//! items ≤ 200 µs; a 5,000-item list ≤ 10 ms.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use karvon_domain::{assess, parse_trip, PackSet};

/// A FI trip: `n` goods items of 7.13–49.99 EUR competing for the €430 allowance, plus drinks.
fn trip(n: usize) -> String {
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        let cents = 713 + (i * 7919) % 4286;
        let kind = match i % 10 {
            7 => r#""kind": "wine", "litres": "0.75""#.to_owned(),
            8 => r#""kind": "cigarettes", "count": 20"#.to_owned(),
            _ => r#""kind": "goods""#.to_owned(),
        };
        items.push(format!(
            r#"{{"traveller": "t{}", "description": "item {i}", {kind}, "value": "{}.{:02}", "currency": "EUR"}}"#,
            i % 2,
            cents / 100,
            cents % 100
        ));
    }
    format!(
        r#"{{"jurisdiction": "FI", "arrival": "2026-12-10", "mode": "air", "days_abroad": 6,
            "travellers": [{{"id": "t0", "age": 40}}, {{"id": "t1", "age": 38}}],
            "items": [{}]}}"#,
        items.join(",")
    )
}

fn bench(c: &mut Criterion) {
    let packs = PackSet::embedded().expect("packs");
    let t50 = parse_trip(&trip(50)).expect("trip");
    c.bench_function("assess 50 items, competing indivisible", |b| {
        b.iter(|| assess(black_box(&t50), &packs))
    });
    let t5000 = parse_trip(&trip(5000)).expect("trip");
    c.bench_function("assess 5000 items", |b| {
        b.iter(|| assess(black_box(&t5000), &packs))
    });
    // The same, with freeing the 5,000-line result left out of the timing (a front keeps the
    // result on screen and frees it later): how long the answer takes to compute.
    c.bench_function("assess 5000 items, result kept", |b| {
        b.iter_with_large_drop(|| assess(black_box(&t5000), &packs))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
