//! Crash: `karvon sync` (the CLI binary) is killed with SIGKILL at random points 100 times
//! while it pushes, files and pulls; every restart resumes, and at the end both devices hold the
//! same data with every purchase exactly once.

use std::process::{Command, Stdio};
use std::time::Duration;

use karvon_core::{Karvon, KeySource};
use karvon_e2e::{binary, buy, seed_trip, snapshot, Server};

fn kills() -> u64 {
    std::env::var("KARVON_E2E_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}

#[test]
fn sync_killed_at_random_points_resumes_without_loss_or_duplicates() {
    let server = Server::sqlite();
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("key");
    std::fs::write(&key, "2a".repeat(32)).unwrap();
    let data = tmp.path().join("phone");
    let sync = |wait: Option<Duration>| {
        let mut child = Command::new(binary("karvon"))
            .arg("--data")
            .arg(&data)
            .arg("--key-file")
            .arg(&key)
            .args(["sync", "--server", &server.url])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        match wait {
            Some(d) => {
                std::thread::sleep(d);
                // SIGKILL: no chance to clean up.
                let _ = child.kill();
                let _ = child.wait();
            }
            None => assert!(child.wait().unwrap().success()),
        }
    };
    let mut trips = Vec::new();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut bought = 0;
    let mut filed = Vec::new();
    for round in 0..kills() {
        {
            // New edits between the crashes (the CLI is not running now).
            let k = Karvon::open(&data, &KeySource::File(key.clone())).unwrap();
            if round % 10 == 0 {
                trips.push(seed_trip(&k, &format!("Khiva {round}")));
            }
            let trip = trips.last().unwrap();
            for i in 0..15 {
                buy(&k, trip, &format!("Round {round} item {i}"), 5 + i);
                bought += 1;
            }
            if round % 20 == 0 {
                let t = seed_trip(&k, &format!("Filed {round}"));
                buy(&k, &t, "Rug", 800);
                let doc = k.declare_trip(&t).unwrap().id;
                k.sign_document(&doc).unwrap();
                k.queue_document(&doc).unwrap();
                filed.push(doc);
            }
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        sync(Some(Duration::from_millis(seed % 150)));
    }
    sync(None);
    sync(None);
    let phone = Karvon::open(&data, &KeySource::File(key.clone())).unwrap();
    let st = phone.sync_status().unwrap();
    assert_eq!((st.pending, st.in_flight, st.queued_documents), (0, 0, 0));
    assert!(st.problems.is_empty(), "{:?}", st.problems);
    let kept: usize = trips
        .iter()
        .map(|t| phone.purchases(t).unwrap().len())
        .sum();
    assert_eq!(kept, bought);

    // A second device of the account receives exactly the same.
    let code = phone
        .create_pairing_code(&karvon_e2e::fast_options())
        .unwrap();
    let laptop = Karvon::open(&tmp.path().join("laptop"), &KeySource::File(key)).unwrap();
    laptop
        .pair_device(&server.url, &code.code, &karvon_e2e::fast_options())
        .unwrap();
    laptop
        .sync_with(&karvon_e2e::fast_options(), &mut |_| {})
        .unwrap();
    karvon_e2e::assert_same(&snapshot(&laptop), &snapshot(&phone));
    let mut numbers: Vec<String> = filed
        .iter()
        .map(|d| laptop.document(d).unwrap().registration.unwrap())
        .collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), filed.len());
}
