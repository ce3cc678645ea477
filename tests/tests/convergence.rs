//! Convergence: three devices of one account (same data key) edit the same trips and purchases
//! offline in random orders and sync in random orders through a real server on loopback; after
//! a final round of syncs all three hold identical data. One server, a new account per case.

use karvon_core::{Karvon, PurchaseInput, TripPatch};
use karvon_e2e::{account, buy, fast_options, seed_trip, snapshot, Server};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Rename(usize, u8),
    Days(usize, u32),
    Joint(usize, bool),
    Price(usize, usize, u16),
    Describe(usize, usize, u8),
    Delete(usize, usize),
    Undo(usize),
    Buy(usize, u16),
    Sync(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let dev = 0usize..3;
    prop_oneof![
        (dev.clone(), any::<u8>()).prop_map(|(d, n)| Op::Rename(d, n)),
        (dev.clone(), 0u32..30).prop_map(|(d, n)| Op::Days(d, n)),
        (dev.clone(), any::<bool>()).prop_map(|(d, b)| Op::Joint(d, b)),
        (dev.clone(), 0usize..4, 1u16..2000).prop_map(|(d, i, v)| Op::Price(d, i, v)),
        (dev.clone(), 0usize..4, any::<u8>()).prop_map(|(d, i, n)| Op::Describe(d, i, n)),
        (dev.clone(), 0usize..4).prop_map(|(d, i)| Op::Delete(d, i)),
        dev.clone().prop_map(Op::Undo),
        (dev.clone(), 1u16..500).prop_map(|(d, v)| Op::Buy(d, v)),
        dev.prop_map(Op::Sync),
    ]
}

fn purchase_at(k: &Karvon, trip: &str, i: usize) -> Option<karvon_core::Purchase> {
    k.purchases(trip).ok()?.into_iter().nth(i)
}

/// Applies one edit; an edit that is not possible on this device right now (a purchase it
/// deleted) is skipped, as a user could not make it either.
fn apply(devs: &[Karvon], trip: &str, op: &Op) {
    let opts = fast_options();
    match op {
        Op::Rename(d, n) => {
            let _ = devs[*d].edit_trip(
                trip,
                &TripPatch {
                    name: Some(format!("Trip {n}")),
                    ..TripPatch::default()
                },
            );
        }
        Op::Days(d, n) => {
            let _ = devs[*d].edit_trip(
                trip,
                &TripPatch {
                    days_abroad: Some(*n),
                    ..TripPatch::default()
                },
            );
        }
        Op::Joint(d, b) => {
            let _ = devs[*d].edit_trip(
                trip,
                &TripPatch {
                    joint: Some(*b),
                    ..TripPatch::default()
                },
            );
        }
        Op::Price(d, i, v) => {
            if let Some(p) = purchase_at(&devs[*d], trip, *i) {
                let input = PurchaseInput::new(trip, &p.description, p.kind, p.bought_on)
                    .priced((*v).into(), p.currency.unwrap());
                let _ = devs[*d].edit_purchase(&p.id, &input);
            }
        }
        Op::Describe(d, i, n) => {
            if let Some(p) = purchase_at(&devs[*d], trip, *i) {
                let input = PurchaseInput::new(trip, &format!("Item {n}"), p.kind, p.bought_on)
                    .priced(p.value.unwrap(), p.currency.unwrap());
                let _ = devs[*d].edit_purchase(&p.id, &input);
            }
        }
        Op::Delete(d, i) => {
            if let Some(p) = purchase_at(&devs[*d], trip, *i) {
                let _ = devs[*d].delete_purchase(&p.id);
            }
        }
        Op::Undo(d) => {
            let _ = devs[*d].undo_delete();
        }
        Op::Buy(d, v) => {
            let _ = buy(&devs[*d], trip, "Souvenir", i64::from(*v));
        }
        Op::Sync(d) => {
            devs[*d].sync_with(&opts, &mut |_| {}).unwrap();
        }
    }
}

#[test]
fn three_devices_converge_whatever_the_order() {
    let server = Server::sqlite();
    let root = tempfile::tempdir().unwrap();
    let cases = std::env::var("KARVON_E2E_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let n = std::sync::atomic::AtomicU32::new(0);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    runner
        .run(&proptest::collection::vec(op(), 1..24), |ops| {
            let case = n.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            let dir = root.path().join(format!("case{case}"));
            let devs = account(&server.url, &dir, 3);
            let trip = seed_trip(&devs[0], "Helsinki");
            for v in [120, 80, 45] {
                buy(&devs[0], &trip, "Gift", v);
            }
            let opts = fast_options();
            for d in &devs {
                d.sync_with(&opts, &mut |_| {}).unwrap();
            }
            for op in &ops {
                apply(&devs, &trip, op);
            }
            // Everyone sends, then everyone receives.
            for d in devs.iter().chain(devs.iter()) {
                d.sync_with(&opts, &mut |_| {}).unwrap();
            }
            let first = snapshot(&devs[0]);
            for d in &devs[1..] {
                prop_assert_eq!(&snapshot(d), &first);
                prop_assert!(d.pending_changes(1).unwrap().is_empty());
            }
            std::fs::remove_dir_all(&dir).ok();
            Ok(())
        })
        .unwrap();
    assert!(n.into_inner() >= cases);
}
