//! The status kept on disk: a store opened again reads it when nothing was written since, and
//! never after any kind of write, a changed pack, a damaged or foreign row, or another key.

use std::path::Path;

use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::{Currency, Date};
use karvon_core::{
    Karvon, KeySource, Plan, PurchaseInput, Settings, TravellerInput, TravellerPatch, TripInput,
    TripPatch,
};
use rusqlite::Connection;
use rust_decimal::Decimal;

const KEY: KeySource = KeySource::Provided([9; 32]);

fn day(s: &str) -> Date {
    s.parse().unwrap_or_else(|_| unreachable!("a valid date"))
}

fn cur(code: &str) -> Currency {
    Currency::from_code(code).unwrap_or_else(|_| unreachable!("a known currency"))
}

fn open(dir: &Path) -> Karvon {
    Karvon::open(dir, &KEY).unwrap_or_else(|e| panic!("open: {e:?}"))
}

/// A trip of two travellers with a plan and purchases of every kind, some in dollars, one of
/// them without a rate (left out), and the alerts they raise.
fn seed(dir: &Path) -> (String, Vec<String>) {
    let k = open(dir);
    let people: Vec<String> = ["Aziza Karimova", "Timur Karimov"]
        .iter()
        .map(|name| {
            k.add_traveller(&TravellerInput {
                name: (*name).into(),
                birth_date: Some(day("1990-03-14")),
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
            travellers: people.clone(),
            plan: Some(Plan {
                amount: Decimal::from(400),
                currency: cur("EUR"),
            }),
            joint: false,
        })
        .unwrap_or_else(|e| panic!("trip: {e:?}"))
        .id;
    k.add_manual_rate(
        cur("EUR"),
        cur("USD"),
        Decimal::new(92, 2),
        day("2026-12-01"),
    )
    .unwrap_or_else(|e| panic!("rate: {e:?}"));
    let mut list = Vec::new();
    for i in 0..30i64 {
        let (kind, what) = [
            (Kind::Goods, "Scarf"),
            (Kind::Wine, "Wine"),
            (Kind::Cigarettes, "Cigarettes"),
        ][(i % 3) as usize];
        let currency = if i % 4 == 0 { "USD" } else { "EUR" };
        let mut p = PurchaseInput::new(&trip, what, kind, day("2026-12-05"))
            .priced(Decimal::new(1_999 + i * 1_250, 2), cur(currency));
        p.traveller = Some(people[(i % 2) as usize].clone());
        match kind {
            Kind::Wine => p.litres = Some(Decimal::new(75, 2)),
            Kind::Cigarettes => p.count = Some(Decimal::from(200)),
            _ => {}
        }
        list.push(p);
    }
    // No GBP rate: left out of the assessment and of the plan.
    let mut tea = PurchaseInput::new(&trip, "Tea", Kind::Goods, day("2026-12-06"))
        .priced(Decimal::new(1_050, 2), cur("GBP"));
    tea.traveller = Some(people[0].clone());
    list.push(tea);
    for p in &list {
        k.add_purchase(p)
            .unwrap_or_else(|e| panic!("purchase: {e:?}"));
    }
    (trip, people)
}

/// Opens the folder, reads the status (kept on disk when it had to be rebuilt), and closes.
fn look(dir: &Path, trip: &str) {
    let k = open(dir);
    k.status(trip).unwrap_or_else(|e| panic!("status: {e:?}"));
}

/// Whether a store opened on `dir` would read the trip's status from its snapshot; and then
/// that the status it gives equals one rebuilt from the database.
fn reopen_uses_snapshot(dir: &Path, trip: &str) -> bool {
    let k = open(dir);
    let used = k
        .kept_status_usable(trip)
        .unwrap_or_else(|e| panic!("probe: {e:?}"));
    let kept = k.status(trip).unwrap_or_else(|e| panic!("status: {e:?}"));
    let fresh = k
        .status_fresh(trip)
        .unwrap_or_else(|e| panic!("fresh: {e:?}"));
    assert_eq!(*kept, fresh);
    used
}

fn sql(dir: &Path, statement: &str) {
    let c = Connection::open(dir.join(karvon_core::DATABASE_FILE))
        .unwrap_or_else(|e| panic!("sqlite: {e}"));
    c.execute_batch(statement)
        .unwrap_or_else(|e| panic!("{statement}: {e}"));
}

#[test]
fn a_store_opened_again_reads_the_status_it_kept_and_it_equals_a_rebuilt_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (trip, _) = seed(dir.path());
    // The last add built the status in memory; closing the store kept it on disk.
    assert!(reopen_uses_snapshot(dir.path(), &trip));
    // The whole status is there: left out purchase, plan, rates, alerts, items.
    let k = open(dir.path());
    let s = k.status(&trip).unwrap_or_else(|e| panic!("status: {e:?}"));
    assert_eq!(s.left_out.len(), 1);
    assert_eq!(s.assessment.items.len(), 30);
    assert!(s.plan.as_ref().is_some_and(|p| p.exceeded));
    assert!(!s.rates.is_empty());
    assert!(!s.alerts.is_empty());
    assert!(!s.complete);
    // Reading it is not a write: the count stays, so it stays usable.
    drop(k);
    assert!(reopen_uses_snapshot(dir.path(), &trip));
}

#[test]
fn a_large_trip_read_back_equals_a_rebuilt_one() {
    // Enough purchases for several chunks of items and of notices, decoded side by side.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (trip, people) = seed(dir.path());
    let k = open(dir.path());
    let bulk: Vec<PurchaseInput> = (0..3_300i64)
        .map(|i| {
            let (kind, what) = [
                (Kind::Goods, "Plate"),
                (Kind::Wine, "Rosé"),
                (Kind::Goods, "Сумка"),
            ][(i % 3) as usize];
            let currency = ["EUR", "USD", "GBP"][(i % 7 % 3) as usize];
            let mut p = PurchaseInput::new(&trip, &format!("{what} {i}"), kind, day("2026-12-07"))
                .priced(Decimal::new(500 + i * 37, 2), cur(currency));
            p.traveller = Some(people[(i % 2) as usize].clone());
            if kind == Kind::Wine {
                p.litres = Some(Decimal::new(75, 2));
            }
            p
        })
        .collect();
    k.add_purchases(&bulk)
        .unwrap_or_else(|e| panic!("purchases: {e:?}"));
    let built = k.status(&trip).unwrap_or_else(|e| panic!("status: {e:?}"));
    let counts = (built.assessment.items.len(), built.assessment.notices.len());
    assert!(counts.0 > 2_048 && counts.1 > 1_024, "{counts:?}");
    drop(k);
    assert!(reopen_uses_snapshot(dir.path(), &trip));
    let k = open(dir.path());
    let kept = k.status(&trip).unwrap_or_else(|e| panic!("status: {e:?}"));
    assert_eq!(*kept, *built);
    // The same text in every language's figures: the JSON a front receives is identical.
    let json = |s: &karvon_core::TripStatus| serde_json::to_string(s).unwrap_or_default();
    assert_eq!(json(&kept), json(&built));
}

#[test]
fn the_snapshot_holds_no_name_in_plain_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (trip, _) = seed(dir.path());
    look(dir.path(), &trip);
    let c = Connection::open(dir.path().join(karvon_core::DATABASE_FILE))
        .unwrap_or_else(|e| panic!("sqlite: {e}"));
    let bytes: Vec<u8> = c
        .query_row("SELECT bytes FROM status_snapshot", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("row: {e}"));
    assert!(bytes.len() > 1_000);
    for needle in ["Aziza", "Karimov", "Scarf"] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle} in plain text"
        );
    }
}

/// Every kind of write that can change a status: after it, a store opened again does not use
/// the snapshot, and its status equals a rebuilt one (which differs from the kept one).
#[test]
fn no_snapshot_is_used_after_any_kind_of_write() {
    type Write = Box<dyn Fn(&Karvon, &str, &[String])>;
    let purchase = |trip: &str, people: &[String]| {
        let mut p = PurchaseInput::new(trip, "Lamp", Kind::Goods, day("2026-12-07"))
            .priced(Decimal::new(45_000, 2), cur("EUR"));
        p.traveller = Some(people[1].clone());
        p
    };
    let writes: Vec<(&str, Write)> = vec![
        (
            "add purchase",
            Box::new(move |k, t, people| {
                k.add_purchase(&purchase(t, people)).map(|_| ()).unwrap();
            }),
        ),
        (
            "import purchases",
            Box::new(move |k, t, people| {
                k.add_purchases(&[purchase(t, people), purchase(t, people)])
                    .map(|_| ())
                    .unwrap();
            }),
        ),
        (
            "edit purchase",
            Box::new(|k, t, _| {
                let p = k.purchases(t).unwrap().remove(0);
                let mut input = PurchaseInput::new(t, &p.description, p.kind, p.bought_on)
                    .priced(Decimal::new(99_900, 2), cur("EUR"));
                input.traveller = Some(p.traveller.clone());
                (input.litres, input.count) = (p.litres, p.count);
                k.edit_purchase(&p.id, &input).unwrap();
            }),
        ),
        (
            "delete purchase",
            Box::new(|k, t, _| {
                let p = k.purchases(t).unwrap().remove(0);
                k.delete_purchase(&p.id).unwrap();
            }),
        ),
        (
            "edit trip",
            Box::new(|k, t, _| {
                k.edit_trip(
                    t,
                    &TripPatch {
                        plan: Some(Some(Plan {
                            amount: Decimal::from(10_000),
                            currency: cur("EUR"),
                        })),
                        ..TripPatch::default()
                    },
                )
                .unwrap();
            }),
        ),
        (
            "rename traveller",
            Box::new(|k, _, people| {
                k.edit_traveller(
                    &people[0],
                    &TravellerPatch {
                        name: Some("Aziza Yusupova".into()),
                        ..TravellerPatch::default()
                    },
                )
                .unwrap();
            }),
        ),
        (
            "manual rate",
            Box::new(|k, _, _| {
                k.add_manual_rate(
                    cur("EUR"),
                    cur("USD"),
                    Decimal::new(80, 2),
                    day("2026-12-03"),
                )
                .unwrap();
            }),
        ),
        (
            "rate feed import",
            Box::new(|k, _, _| {
                let dir = tempfile::tempdir().unwrap();
                let file = dir.path().join("gbp.csv");
                std::fs::write(&file, "Date,USD,GBP,\n2026-12-04,1.05,0.85,\n").unwrap();
                k.import_rates(&file).unwrap();
            }),
        ),
        (
            "acknowledge alert",
            Box::new(|k, t, _| {
                let a = k.alerts(t, false).unwrap().remove(0);
                k.acknowledge_alert(&a.id).unwrap();
            }),
        ),
    ];
    for (name, write) in &writes {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let (trip, people) = seed(dir.path());
        look(dir.path(), &trip);
        let before = open(dir.path())
            .status_fresh(&trip)
            .unwrap_or_else(|e| panic!("{name}: fresh: {e:?}"));
        {
            // The write in a store that keeps nothing of it on disk (as if killed after it).
            let k = open(dir.path());
            write(&k, &trip, &people);
            std::mem::forget(k);
        }
        assert!(
            !reopen_uses_snapshot(dir.path(), &trip),
            "{name}: the snapshot was used"
        );
        let after = open(dir.path())
            .status_fresh(&trip)
            .unwrap_or_else(|e| panic!("{name}: fresh: {e:?}"));
        assert_ne!(before, after, "{name}: the write changed nothing");
        // Rebuilt at that read, so kept again.
        assert!(reopen_uses_snapshot(dir.path(), &trip), "{name}");
    }
}

#[test]
fn no_snapshot_is_used_after_an_undo() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (trip, _) = seed(dir.path());
    {
        let k = open(dir.path());
        let p = k.purchases(&trip).unwrap_or_default().remove(0);
        k.delete_purchase(&p.id)
            .unwrap_or_else(|e| panic!("delete: {e:?}"));
    }
    // Kept on disk without the purchase; the undo brings it back.
    assert!(reopen_uses_snapshot(dir.path(), &trip));
    let deleted = open(dir.path())
        .status_fresh(&trip)
        .unwrap_or_else(|e| panic!("fresh: {e:?}"));
    {
        let k = open(dir.path());
        k.undo_delete().unwrap_or_else(|e| panic!("undo: {e:?}"));
        std::mem::forget(k);
    }
    assert!(!reopen_uses_snapshot(dir.path(), &trip));
    let restored = open(dir.path())
        .status_fresh(&trip)
        .unwrap_or_else(|e| panic!("fresh: {e:?}"));
    assert_eq!(restored.purchase_ids.len(), deleted.purchase_ids.len() + 1);
}

/// Writes that leave this trip's status as it was still make the snapshot stale (they count).
#[test]
fn writes_that_change_nothing_visible_also_make_it_stale() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (trip, _) = seed(dir.path());
    look(dir.path(), &trip);
    {
        let k = open(dir.path());
        k.save_settings(
            &Settings::parse("ru", "UZ", "UZS").unwrap_or_else(|e| panic!("settings: {e:?}")),
        )
        .unwrap_or_else(|e| panic!("save: {e:?}"));
        std::mem::forget(k);
    }
    assert!(!reopen_uses_snapshot(dir.path(), &trip));
}

#[test]
fn a_damaged_moved_or_foreign_snapshot_is_ignored_and_the_status_rebuilt() {
    let cases = [
        "UPDATE status_snapshot SET bytes = x'00'",
        "UPDATE status_snapshot SET bytes = substr(bytes, 1, length(bytes) - 1)",
        "UPDATE status_snapshot SET bytes = CAST(x'02' || substr(bytes, 2) AS BLOB)",
        "UPDATE status_snapshot
         SET bytes = CAST(substr(bytes, 1, 100) || x'ff' || substr(bytes, 102) AS BLOB)",
        "UPDATE status_snapshot SET stamp = stamp || ' other'",
        "UPDATE status_snapshot SET stamp = replace(stamp, 'core ', 'core 9')",
        "UPDATE meta SET value = 'other' WHERE key = 'generation'",
        "UPDATE status_snapshot SET writes = writes - 1",
    ];
    for case in cases {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let (trip, _) = seed(dir.path());
        look(dir.path(), &trip);
        sql(dir.path(), case);
        assert!(!reopen_uses_snapshot(dir.path(), &trip), "{case}");
    }
    // Moved to another trip: the bytes are bound to theirs.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (trip, people) = seed(dir.path());
    let other = {
        let k = open(dir.path());
        let t = k
            .add_trip(&TripInput {
                name: "Other".into(),
                jurisdiction: "FI".into(),
                arrival: day("2026-12-10"),
                mode: Mode::Air,
                days_abroad: 6,
                travellers: people,
                plan: Some(Plan {
                    amount: Decimal::from(400),
                    currency: cur("EUR"),
                }),
                joint: false,
            })
            .unwrap_or_else(|e| panic!("trip: {e:?}"))
            .id;
        k.status(&trip).unwrap_or_else(|e| panic!("status: {e:?}"));
        t
    };
    sql(
        dir.path(),
        &format!(
            "INSERT INTO status_snapshot SELECT '{other}', writes, stamp, bytes, saved_ms
             FROM status_snapshot WHERE trip_id = '{trip}'"
        ),
    );
    assert!(!reopen_uses_snapshot(dir.path(), &other));
}

#[test]
fn another_key_cannot_read_the_snapshot_and_gets_the_same_error_as_a_rebuild() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (trip, _) = seed(dir.path());
    look(dir.path(), &trip);
    let k = Karvon::open(dir.path(), &KeySource::Provided([1; 32]))
        .unwrap_or_else(|e| panic!("open: {e:?}"));
    assert!(!k.kept_status_usable(&trip).unwrap_or(true));
    let kept = k.status(&trip).map(|_| ()).map_err(|e| format!("{e:?}"));
    let fresh = k
        .status_fresh(&trip)
        .map(|_| ())
        .map_err(|e| format!("{e:?}"));
    assert!(kept.is_err());
    assert_eq!(kept, fresh);
}

#[test]
fn a_different_pack_in_memory_does_not_use_the_snapshot() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (trip, _) = seed(dir.path());
    look(dir.path(), &trip);
    // The Finnish pack with another name: the same rules, but not the same pack.
    let (_, text) = karvon_core::domain::pack::EMBEDDED
        .iter()
        .find(|(f, _)| *f == "fi.json")
        .unwrap_or_else(|| unreachable!("an embedded FI pack"));
    let mut pack: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("pack: {e}"));
    pack["name"] = serde_json::Value::String("Finland (local copy)".into());
    let file = dir.path().join("fi-local.json");
    std::fs::write(&file, pack.to_string()).unwrap_or_else(|e| panic!("write: {e}"));
    let mut k = open(dir.path());
    assert!(k.kept_status_usable(&trip).unwrap_or(false));
    k.load_pack_file(&file)
        .unwrap_or_else(|e| panic!("load: {e:?}"));
    assert!(!k.kept_status_usable(&trip).unwrap_or(true));
    let kept = k.status(&trip).unwrap_or_else(|e| panic!("status: {e:?}"));
    let fresh = k
        .status_fresh(&trip)
        .unwrap_or_else(|e| panic!("fresh: {e:?}"));
    assert_eq!(*kept, fresh);
}

#[test]
fn a_busy_database_still_gives_the_status_at_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (trip, _) = seed(dir.path());
    sql(dir.path(), "DELETE FROM status_snapshot");
    // Another process holds the write lock: keeping the snapshot gives up at once.
    let k = open(dir.path());
    let c = Connection::open(dir.path().join(karvon_core::DATABASE_FILE))
        .unwrap_or_else(|e| panic!("sqlite: {e}"));
    c.execute_batch("BEGIN IMMEDIATE")
        .unwrap_or_else(|e| panic!("lock: {e}"));
    let start = std::time::Instant::now();
    let kept = k.status(&trip).unwrap_or_else(|e| panic!("status: {e:?}"));
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(
        *kept,
        k.status_fresh(&trip)
            .unwrap_or_else(|e| panic!("fresh: {e:?}"))
    );
    assert!(!k.kept_status_usable(&trip).unwrap_or(true));
    c.execute_batch("ROLLBACK")
        .unwrap_or_else(|e| panic!("unlock: {e}"));
    // Free again: closing the store keeps it.
    drop(k);
    assert!(reopen_uses_snapshot(dir.path(), &trip));
}
