//! The status kept in memory (built by a write's alert check, or by an earlier read) or on disk
//! (kept by an earlier run) is exactly the status rebuilt from the database by a freshly opened
//! store, after any sequence of adds, bulk imports, edits, deletes, undos, rate changes and
//! reopenings.

use std::path::Path;

use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::{Currency, Date};
use karvon_core::{Karvon, KeySource, Plan, PurchaseInput, TravellerInput, TripInput};
use proptest::prelude::*;
use rust_decimal::Decimal;

const KEY: KeySource = KeySource::Provided([7; 32]);

fn day(s: &str) -> Date {
    s.parse().unwrap_or_else(|_| unreachable!("a valid date"))
}

fn cur(code: &str) -> Currency {
    Currency::from_code(code).unwrap_or_else(|_| unreachable!("a known currency"))
}

/// One step a user (or an import) takes.
#[derive(Debug, Clone)]
enum Op {
    /// Adds one purchase: kind index, value in cents, in dollars when true, traveller index.
    Add(usize, i64, bool, usize),
    /// Imports `n` goods at once (their alerts are checked at the next status read).
    Import(usize, i64),
    /// Sets a new value on the purchase at this position (modulo the count).
    Edit(usize, i64),
    /// Deletes the purchase at this position.
    Delete(usize),
    /// Undoes the last delete.
    Undo,
    /// Enters a new dollar rate (a write that is not about purchases).
    Rate(i64),
    /// Reads the status (and so keeps it).
    Look,
    /// Closes the store (keeping its statuses on disk) and opens it again.
    Reopen,
    /// Opens the store again without closing the old one (as if it had been killed).
    Restart,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..4usize, 100..60_000i64, any::<bool>(), 0..2usize)
            .prop_map(|(k, v, usd, t)| Op::Add(k, v, usd, t)),
        1 => (1..4usize, 100..30_000i64).prop_map(|(n, v)| Op::Import(n, v)),
        2 => (0..64usize, 100..60_000i64).prop_map(|(i, v)| Op::Edit(i, v)),
        2 => (0..64usize).prop_map(Op::Delete),
        1 => Just(Op::Undo),
        1 => (80..120i64).prop_map(Op::Rate),
        2 => Just(Op::Look),
        2 => Just(Op::Reopen),
        1 => Just(Op::Restart),
    ]
}

/// A purchase of a kind (goods, wine, cigarettes, spirits) at a value.
fn purchase(trip: &str, traveller: &str, kind: usize, cents: i64, usd: bool) -> PurchaseInput {
    let (kind, what) = [
        (Kind::Goods, "Scarf"),
        (Kind::Wine, "Wine"),
        (Kind::Cigarettes, "Cigarettes"),
        (Kind::Spirits, "Raki"),
    ][kind];
    let currency = if usd { cur("USD") } else { cur("EUR") };
    let mut p = PurchaseInput::new(trip, what, kind, day("2026-12-05"))
        .priced(Decimal::new(cents, 2), currency);
    p.traveller = Some(traveller.to_owned());
    match kind {
        Kind::Wine => p.litres = Some(Decimal::new(75, 2)),
        Kind::Spirits => {
            p.litres = Some(Decimal::new(7, 1));
            p.abv = Some(Decimal::from(40));
        }
        Kind::Cigarettes => p.count = Some(Decimal::from(200)),
        _ => {}
    }
    p
}

struct World {
    k: Karvon,
    trip: String,
    travellers: Vec<String>,
}

fn world(dir: &Path) -> World {
    let k = Karvon::open(dir, &KEY).unwrap_or_else(|e| panic!("open: {e:?}"));
    let travellers: Vec<String> = [
        ("Aziza Karimova", "1990-03-14"),
        ("Timur Karimov", "1988-07-02"),
    ]
    .iter()
    .map(|(name, born)| {
        k.add_traveller(&TravellerInput {
            name: (*name).into(),
            birth_date: Some(day(born)),
            residency: "FI".into(),
            document: None,
            statuses: vec![],
        })
        .unwrap_or_else(|e| panic!("traveller: {e:?}"))
        .id
    })
    .collect();
    let trip = k
        .add_trip(&TripInput {
            name: "Istanbul".into(),
            jurisdiction: "FI".into(),
            arrival: day("2026-12-10"),
            mode: Mode::Air,
            days_abroad: 6,
            travellers: travellers.clone(),
            plan: Some(Plan {
                amount: Decimal::from(500),
                currency: cur("EUR"),
            }),
            joint: false,
        })
        .unwrap_or_else(|e| panic!("trip: {e:?}"))
        .id;
    World {
        k,
        trip,
        travellers,
    }
}

impl World {
    fn apply(&mut self, op: &Op, dir: &Path) {
        match op {
            Op::Reopen => {
                self.k = Karvon::open(dir, &KEY).unwrap_or_else(|e| panic!("open: {e:?}"));
                return;
            }
            Op::Restart => {
                let again = Karvon::open(dir, &KEY).unwrap_or_else(|e| panic!("open: {e:?}"));
                std::mem::forget(std::mem::replace(&mut self.k, again));
                return;
            }
            _ => {}
        }
        let k = &self.k;
        let ids: Vec<String> = k
            .purchases(&self.trip)
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.id)
            .collect();
        // Steps the store refuses (a rate missing, nothing to undo) leave it as it was; the
        // comparison below still holds.
        match op {
            Op::Add(kind, cents, usd, t) => {
                let _ = k.add_purchase(&purchase(
                    &self.trip,
                    &self.travellers[*t],
                    *kind,
                    *cents,
                    *usd,
                ));
            }
            Op::Import(n, cents) => {
                let list: Vec<PurchaseInput> = (0..*n)
                    .map(|i| {
                        purchase(
                            &self.trip,
                            &self.travellers[i % 2],
                            0,
                            cents + i as i64,
                            false,
                        )
                    })
                    .collect();
                let _ = k.add_purchases(&list);
            }
            Op::Edit(i, cents) if !ids.is_empty() => {
                let id = &ids[i % ids.len()];
                if let Ok(p) = k.purchase(id) {
                    let mut input = purchase(&self.trip, &p.traveller, 0, *cents, false);
                    input.kind = p.kind;
                    (input.litres, input.abv, input.count) = (p.litres, p.abv, p.count);
                    input.description = p.description.clone();
                    let _ = k.edit_purchase(id, &input);
                }
            }
            Op::Delete(i) if !ids.is_empty() => {
                let _ = k.delete_purchase(&ids[i % ids.len()]);
            }
            Op::Undo => {
                let _ = k.undo_delete();
            }
            Op::Rate(r) => {
                let _ = k.add_manual_rate(
                    cur("EUR"),
                    cur("USD"),
                    Decimal::new(*r, 2),
                    day("2026-12-01"),
                );
            }
            Op::Look => {
                let _ = k.status(&self.trip);
            }
            Op::Edit(..) | Op::Delete(_) | Op::Reopen | Op::Restart => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// After every step, the status this store returns (kept or rebuilt) equals the status a
    /// freshly opened store rebuilds from the file.
    #[test]
    fn kept_status_equals_a_fresh_one(ops in prop::collection::vec(op(), 1..14)) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let mut w = world(dir.path());
        for (step, op) in ops.iter().enumerate() {
            w.apply(op, dir.path());
            let kept = w.k.status(&w.trip);
            let fresh = Karvon::open(dir.path(), &KEY)
                .and_then(|other| other.status_fresh(&w.trip));
            match (kept, fresh) {
                (Ok(kept), Ok(fresh)) => prop_assert_eq!(&*kept, &fresh, "step {} {:?}", step, op),
                (kept, fresh) => prop_assert_eq!(
                    kept.map(|_| ()).map_err(|e| format!("{e:?}")),
                    fresh.map(|_| ()).map_err(|e| format!("{e:?}")),
                    "step {} {:?}", step, op
                ),
            }
        }
    }
}

/// Right after adding a purchase, the status shows it, reads alike twice (the same kept status)
/// and equals a rebuilt one.
#[test]
fn the_status_after_a_write_is_the_one_the_write_built() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let w = world(dir.path());
    let added =
        w.k.add_purchase(&purchase(&w.trip, &w.travellers[0], 1, 2_500, false))
            .unwrap_or_else(|e| panic!("add: {e:?}"))
            .purchase
            .id;
    let first =
        w.k.status(&w.trip)
            .unwrap_or_else(|e| panic!("status: {e:?}"));
    let again =
        w.k.status(&w.trip)
            .unwrap_or_else(|e| panic!("status: {e:?}"));
    assert!(std::sync::Arc::ptr_eq(&first, &again));
    assert_eq!(first.purchase_ids, vec![added]);
    let fresh =
        w.k.status_fresh(&w.trip)
            .unwrap_or_else(|e| panic!("fresh: {e:?}"));
    assert_eq!(*first, fresh);
}
