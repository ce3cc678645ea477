//! HS search benchmarks on the real HS 2022 file (6,939 codes). Target (2-core machine): a
//! median ≤ 2 ms per typical search, chains included, 20 hits.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use karvon_core::{Karvon, KeySource};

/// The HS 2022 file, kept outside the repository.
const CSV: &str = "hs/harmonized-system.csv";

/// Typical searches: one prefix word, a short common prefix, two words, codes.
const QUERIES: &[(&str, &str)] = &[
    ("prefix word", "smartph"),
    ("short prefix", "me"),
    ("whole word", "coffee"),
    ("two words", "horses live"),
    ("three words", "frozen fish fillets"),
    ("diacritics", "café roasted"),
    ("code prefix", "8517"),
    ("code with dot", "8517.13"),
    ("chapter code", "85"),
    // Worst case, not typical: a one-letter prefix matches nearly every code.
    ("one letter", "c"),
];

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let k = Karvon::open(dir.path(), &KeySource::Provided([7; 32])).expect("open");
    let csv = karvon_core::reference_data(Path::new(env!("CARGO_MANIFEST_DIR")), CSV)
        .expect("the shared reference data hs/harmonized-system.csv is missing");
    k.import_hs(&csv).expect("import");
    let mut group = c.benchmark_group("hs_search");
    for (name, query) in QUERIES {
        group.bench_function(*name, |b| {
            b.iter(|| k.hs_search(black_box(query), 20).expect("search"))
        });
    }
    group.bench_function("lookup 8517", |b| {
        b.iter(|| k.hs_lookup(black_box("8517")).expect("lookup"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
