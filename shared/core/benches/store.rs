//! Store benchmarks: inserting 100,000 purchases through the facade against a bare rusqlite loop
//! of the same rows, and the live status of a trip with 10,000 purchases.

use std::cell::{Cell, RefCell};
use std::hint::black_box;
use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::{Currency, Date};
use karvon_core::{Karvon, KeySource, PurchaseInput, TravellerInput, TripInput};
use rust_decimal::Decimal;

const TRIPS: usize = 10;
const PER_TRIP: usize = 10_000;
/// Rounds of the add-then-refresh loop.
const ROUNDS: usize = 15;

fn open(dir: &Path) -> (Karvon, Vec<String>) {
    let k = Karvon::open(dir, &KeySource::Provided([3; 32])).unwrap();
    let who = k
        .add_traveller(&TravellerInput {
            name: "Bench Traveller".into(),
            birth_date: Some("1985-06-01".parse().unwrap()),
            residency: "FI".into(),
            document: None,
            statuses: vec![],
        })
        .unwrap()
        .id;
    let trips = (0..TRIPS)
        .map(|i| {
            k.add_trip(&TripInput {
                name: format!("Trip {i}"),
                jurisdiction: "FI".into(),
                arrival: "2026-12-10".parse().unwrap(),
                mode: Mode::Air,
                days_abroad: 7,
                travellers: vec![who.clone()],
                plan: None,
                joint: false,
            })
            .unwrap()
            .id
        })
        .collect();
    (k, trips)
}

/// Purchases as a shopper makes them: mostly goods in euros, some in dollars, some drinks.
fn purchases(trip: &str, n: usize) -> Vec<PurchaseInput> {
    let day: Date = "2026-12-05".parse().unwrap();
    let (eur, usd) = (
        Currency::from_code("EUR").unwrap(),
        Currency::from_code("USD").unwrap(),
    );
    (0..n)
        .map(|i| {
            let value = Decimal::from_str(&format!("{}.{:02}", 5 + i % 90, i % 100)).unwrap();
            if i % 10 == 9 {
                let mut p = PurchaseInput::new(trip, "Wine", Kind::Wine, day).priced(value, eur);
                p.litres = Some(Decimal::new(75, 2));
                p
            } else if i % 4 == 0 {
                PurchaseInput::new(trip, "Souvenir", Kind::Goods, day).priced(value, usd)
            } else {
                let mut p = PurchaseInput::new(trip, "Gift", Kind::Goods, day).priced(value, eur);
                p.shop = Some("Market".into());
                p
            }
        })
        .collect()
}

/// The same rows through a plain prepared statement in one transaction.
fn bare_insert(dir: &Path, trips: &[String], traveller: &str, rows: &[Vec<PurchaseInput>]) {
    let mut c = rusqlite::Connection::open(dir.join("karvon.sqlite3")).unwrap();
    // The same settings the store gives its connections.
    c.pragma_update(None, "synchronous", "FULL").unwrap();
    c.pragma_update(None, "cache_size", -32_000).unwrap();
    c.pragma_update(None, "foreign_keys", "ON").unwrap();
    let tx = c.transaction().unwrap();
    {
        let mut s = tx
            .prepare(
                "INSERT INTO purchase(id, trip_id, traveller_id, description, kind, value, currency,
                 litres, shop, bought_on, bought_ms, hlc, created_ms, updated_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
            )
            .unwrap();
        let mut n = 0u64;
        for (trip, list) in trips.iter().zip(rows) {
            for p in list {
                n += 1;
                s.execute(rusqlite::params![
                    format!("{n:036}"),
                    trip,
                    traveller,
                    p.description,
                    p.kind.as_str(),
                    p.value.map(|v| v.to_string()),
                    p.currency.map(|c| c.code().to_owned()),
                    p.litres.map(|v| v.to_string()),
                    p.shop,
                    p.bought_on.to_string(),
                    1_i64,
                    "000000000000001-00000000-0000000000000000",
                    1_i64
                ])
                .unwrap();
            }
        }
    }
    tx.commit().unwrap();
}

fn usd_rate(k: &Karvon) {
    k.add_manual_rate(
        Currency::from_code("EUR").unwrap(),
        Currency::from_code("USD").unwrap(),
        Decimal::from_str("0.92").unwrap(),
        "2026-12-01".parse().unwrap(),
    )
    .unwrap();
}

fn inserts(c: &mut Criterion) {
    let mut g = c.benchmark_group("insert_100k_purchases");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    g.bench_function("karvon", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let (k, trips) = open(dir.path());
                usd_rate(&k);
                let rows: Vec<Vec<PurchaseInput>> =
                    trips.iter().map(|t| purchases(t, PER_TRIP)).collect();
                (dir, k, rows)
            },
            |(dir, k, rows)| {
                for list in &rows {
                    black_box(k.add_purchases(list).unwrap());
                }
                (dir, k)
            },
            BatchSize::PerIteration,
        );
    });
    g.bench_function("bare_rusqlite", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let (k, trips) = open(dir.path());
                let traveller = k.travellers().unwrap()[0].id.clone();
                let rows: Vec<Vec<PurchaseInput>> =
                    trips.iter().map(|t| purchases(t, PER_TRIP)).collect();
                drop(k);
                (dir, trips, traveller, rows)
            },
            |(dir, trips, traveller, rows)| {
                bare_insert(dir.path(), &trips, &traveller, &rows);
                dir
            },
            BatchSize::PerIteration,
        );
    });
    g.finish();
}

fn status(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (k, trips) = open(dir.path());
    usd_rate(&k);
    k.add_purchases(&purchases(&trips[0], PER_TRIP)).unwrap();
    let mut g = c.benchmark_group("status");
    g.sample_size(20);
    // Rebuilt from the database: read 10,000 rows, convert, assess, plan, alerts.
    g.bench_function("trip_with_10k_purchases_rebuilt", |b| {
        b.iter(|| black_box(k.status_fresh(&trips[0]).unwrap()));
    });
    // Unchanged since the last look: the kept status after one write-count check.
    g.bench_function("trip_with_10k_purchases_unchanged", |b| {
        b.iter(|| black_box(k.status(&trips[0]).unwrap()));
    });
    // The user's flow: one purchase added (the one added before is deleted, so the trip keeps
    // 10,000), then the status refreshed. First only the refresh is timed, then both.
    let extra = purchases(&trips[0], 1).remove(0);
    // A trip holds at most 10,000 purchases: one of them makes room for the one added.
    let first = k.purchases(&trips[0]).unwrap().remove(0).id;
    let last: RefCell<Option<String>> = RefCell::new(Some(first));
    let replace = || {
        if let Some(id) = last.take() {
            k.delete_purchase(&id).unwrap();
        }
        last.replace(Some(k.add_purchase(&extra).unwrap().purchase.id));
    };
    // Criterion sizes its runs by the timed part alone; with an add before each (untimed)
    // refresh that could take hours, so this one is a plain loop of rounds.
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            replace();
            let start = Instant::now();
            black_box(k.status(&trips[0]).unwrap());
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "status/trip_with_10k_purchases_after_adding_one: best {:?}, median {:?} ({ROUNDS} rounds)",
        times[0],
        times[ROUNDS / 2]
    );
    g.bench_function("trip_with_10k_purchases_add_one_then_status", |b| {
        b.iter_batched(
            || {
                if let Some(id) = last.take() {
                    k.delete_purchase(&id).unwrap();
                }
            },
            |()| {
                last.replace(Some(k.add_purchase(&extra).unwrap().purchase.id));
                black_box(k.status(&trips[0]).unwrap())
            },
            BatchSize::PerIteration,
        );
    });
    // Keeping a status on disk: the one the last add built, written by `save_statuses` (what
    // dropping the store does); then its size.
    let mut saves: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            replace();
            black_box(k.status(&trips[0]).unwrap());
            let start = Instant::now();
            assert_eq!(k.save_statuses().unwrap(), 1);
            start.elapsed()
        })
        .collect();
    saves.sort();
    let bytes: i64 = rusqlite::Connection::open(dir.path().join("karvon.sqlite3"))
        .unwrap()
        .query_row(
            "SELECT length(bytes) FROM status_snapshot WHERE trip_id = ?1",
            [&trips[0]],
            |r| r.get(0),
        )
        .unwrap();
    println!(
        "status/snapshot_save_10k: best {:?}, median {:?} ({ROUNDS} rounds), {bytes} bytes",
        saves[0],
        saves[ROUNDS / 2]
    );
    drop(k);
    // Cold: the first status on a store just opened (nothing kept in memory); nothing was
    // written since the status was last computed, so it is read from its snapshot.
    let key = KeySource::Provided([3; 32]);
    g.bench_function("trip_with_10k_purchases_cold", |b| {
        b.iter_batched(
            || Karvon::open(dir.path(), &key).unwrap(),
            |k| {
                black_box(k.status(&trips[0]).unwrap());
                k
            },
            BatchSize::PerIteration,
        );
    });
    // Cold after another process wrote (a rate entered, which changes nothing for this trip
    // but counts as a write): the snapshot is stale, so the status is rebuilt (and kept again).
    let other = Karvon::open(dir.path(), &key).unwrap();
    let eur = Currency::from_code("EUR").unwrap();
    let gbp = Currency::from_code("GBP").unwrap();
    let day = Cell::new(0u32);
    let on: Date = "2020-01-01".parse().unwrap();
    g.bench_function("trip_with_10k_purchases_cold_after_other_write", |b| {
        b.iter_batched(
            || {
                day.set(day.get() + 1);
                let rate = Decimal::new(85 + i64::from(day.get() % 9), 2);
                other.add_manual_rate(eur, gbp, rate, on).unwrap();
                Karvon::open(dir.path(), &key).unwrap()
            },
            |k| {
                black_box(k.status(&trips[0]).unwrap());
                k
            },
            BatchSize::PerIteration,
        );
    });
    g.finish();
}

criterion_group!(benches, inserts, status);
criterion_main!(benches);
