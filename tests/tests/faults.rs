//! Faults: two devices sync through a TCP proxy that drops connections before and after the
//! server commits, delays, cuts replies short and answers 500/503, over 1,000 randomized
//! rounds. Nothing is lost, no declaration is filed twice, and everything converges.

use karvon_core::sync::{SyncError, SyncOptions};
use karvon_core::{Karvon, TripPatch};
use karvon_e2e::proxy::{Fault, FaultProxy};
use karvon_e2e::{account, buy, seed_trip, snapshot, Server};
use std::sync::atomic::Ordering;
use std::time::Duration;

fn rounds() -> u64 {
    std::env::var("KARVON_E2E_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000)
}

#[test]
fn nothing_is_lost_or_filed_twice_through_a_faulty_network() {
    let server = Server::sqlite();
    let proxy = FaultProxy::start(server.port, 0x5eed_cafe);
    let root = tempfile::tempdir().unwrap();
    // Set up the account through the proxy with the faults off.
    proxy.enabled.store(false, Ordering::SeqCst);
    let devs = account(&proxy.url, root.path(), 2);
    let opts = SyncOptions {
        max_attempts: 4,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(8),
        ..SyncOptions::default()
    };
    let trip = seed_trip(&devs[0], "Bukhara");
    devs[0].sync_with(&opts, &mut |_| {}).unwrap();
    devs[1].sync_with(&opts, &mut |_| {}).unwrap();
    proxy.enabled.store(true, Ordering::SeqCst);

    let mut bought = 0usize;
    let mut queued = Vec::new();
    let mut seed = 0x1234_5678_u64;
    let mut roll = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let (mut ok, mut failed) = (0, 0);
    for round in 0..rounds() {
        let d: &Karvon = &devs[usize::try_from(roll(2)).unwrap()];
        match roll(10) {
            0..=4 => {
                buy(
                    d,
                    &trip,
                    &format!("Item {round}"),
                    10 + i64::try_from(roll(90)).unwrap(),
                );
                bought += 1;
            }
            5..=6 => {
                let _ = d.edit_trip(
                    &trip,
                    &TripPatch {
                        name: Some(format!("Bukhara {round}")),
                        ..TripPatch::default()
                    },
                );
            }
            7 if queued.len() < 5 => {
                // A declaration of its own small trip, filed through the faulty network.
                let t = seed_trip(d, &format!("Filing {round}"));
                buy(d, &t, "Carpet", 900);
                let doc = d.declare_trip(&t).unwrap().id;
                d.sign_document(&doc).unwrap();
                d.queue_document(&doc).unwrap();
                queued.push(doc);
            }
            _ => {}
        }
        match d.sync_with(&opts, &mut |_| {}) {
            Ok(r) => {
                assert!(r.problems.is_empty(), "round {round}: {:?}", r.problems);
                ok += 1;
            }
            // Retries ran out: nothing is lost, the next sync resumes.
            Err(karvon_core::Error::Sync(SyncError::GaveUp { .. })) => failed += 1,
            Err(e) => panic!("round {round}: {e:?}"),
        }
    }
    // Heal the network and let everyone catch up.
    proxy.enabled.store(false, Ordering::SeqCst);
    for d in devs.iter().chain(devs.iter()).chain(devs.iter()) {
        let r = d.sync_with(&opts, &mut |_| {}).unwrap();
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }
    karvon_e2e::assert_same(&snapshot(&devs[0]), &snapshot(&devs[1]));
    for d in &devs {
        assert!(d.pending_changes(1).unwrap().is_empty());
        let st = d.sync_status().unwrap();
        assert_eq!((st.pending, st.in_flight, st.queued_documents), (0, 0, 0));
    }
    // Every purchase made survived exactly once.
    assert_eq!(devs[0].purchases(&trip).unwrap().len(), bought);
    // Every declaration was registered once, with one number, seen alike on both devices.
    let mut numbers = Vec::new();
    for doc in &queued {
        let a = devs[0].document(doc).unwrap();
        let b = devs[1].document(doc).unwrap();
        assert_eq!(a.status.as_str(), "registered");
        assert_eq!(a.registration, b.registration);
        numbers.push(a.registration.unwrap());
    }
    numbers.sort();
    numbers.dedup();
    assert_eq!(
        numbers.len(),
        queued.len(),
        "one registration per declaration"
    );
    let faults = [
        Fault::DropBefore,
        Fault::DropAfter,
        Fault::Delay,
        Fault::Truncate,
        Fault::Unavailable,
        Fault::InternalAfter,
    ];
    for f in faults {
        assert!(proxy.stats.count(f) > 0, "{f:?} never happened");
    }
    println!(
        "{} rounds: {ok} syncs completed, {failed} gave up and resumed; faults: {:?}",
        rounds(),
        faults.map(|f| (f, proxy.stats.count(f)))
    );
}
