//! `karvon backup` and `karvon restore` through the real binary: a backup made on one data
//! folder restores on another with a different key file; inspect; confirmation and passphrase
//! rules; and `kill -9` in the middle of restoring a large backup leaves all the old data or
//! all the restored data, never a mix.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::str::FromStr;
use std::thread::sleep;
use std::time::{Duration, Instant};

use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::Currency;
use karvon_core::{Karvon, KeySource, PurchaseInput, TravellerInput, TripInput};
use rust_decimal::Decimal;

const BIN: &str = env!("CARGO_BIN_EXE_karvon");
const PASS: &str = "a long enough passphrase";

/// Runs the binary on a data folder (its key file inside it), with extra environment.
fn run(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(BIN);
    c.arg("--data")
        .arg(data)
        .arg("--key-file")
        .arg(data.join("key"))
        .args(args)
        .env("KARVON_LANG", "en")
        .env_remove("KARVON_PASSPHRASE")
        .stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn err(out: &Output, code: i32) -> String {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A data folder with `trips` trips named `label` of `n` purchases each.
fn device(data: &Path, label: &str, trips: usize, n: usize) -> Karvon {
    let k = Karvon::open(data, &KeySource::File(data.join("key"))).unwrap();
    let who = k
        .add_traveller(&TravellerInput {
            name: format!("{label} Person"),
            birth_date: Some("1985-05-05".parse().unwrap()),
            residency: "FI".into(),
            document: Some(format!("{label}-DOC-1")),
            statuses: vec![],
        })
        .unwrap()
        .id;
    for _ in 0..trips {
        let trip = k
            .add_trip(&TripInput {
                name: label.into(),
                jurisdiction: "FI".into(),
                arrival: "2026-12-10".parse().unwrap(),
                mode: Mode::Air,
                days_abroad: 4,
                travellers: vec![who.clone()],
                plan: None,
                joint: false,
            })
            .unwrap()
            .id;
        let eur = Currency::from_code("EUR").unwrap();
        let buys: Vec<_> = (0..n)
            .map(|i| {
                PurchaseInput::new(
                    &trip,
                    &format!("{label} item {i}"),
                    Kind::Goods,
                    "2026-12-01".parse().unwrap(),
                )
                .priced(Decimal::from_str("1.25").unwrap(), eur)
            })
            .collect();
        k.add_purchases(&buys).unwrap();
    }
    k
}

#[test]
fn backup_inspect_and_restore_on_another_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let a_core = device(&a, "Samarkand", 1, 3);
    let receipt = tmp.path().join("r.png");
    std::fs::write(&receipt, b"receipt bytes").unwrap();
    let trip = a_core.trips().unwrap()[0].id.clone();
    let p = a_core.purchases(&trip).unwrap()[0].id.clone();
    a_core.attach_receipt(&p, &receipt).unwrap();

    // No passphrase and no terminal: refused, naming the variable; nothing written.
    let file = tmp.path().join("all");
    let e = err(&run(&a, &["backup", file.to_str().unwrap()], &[]), 2);
    assert!(e.contains("KARVON_PASSPHRASE"), "{e}");
    let short = run(
        &a,
        &["backup", file.to_str().unwrap()],
        &[("KARVON_PASSPHRASE", "short")],
    );
    assert!(err(&short, 2).contains("at least 8 characters"));
    assert!(std::fs::read_dir(tmp.path()).unwrap().count() == 2);

    let out = ok(&run(
        &a,
        &["backup", file.to_str().unwrap()],
        &[("KARVON_PASSPHRASE", PASS)],
    ));
    let file = tmp.path().join("all.karvon-backup");
    assert!(out.contains("Backup saved to"), "{out}");
    assert!(
        out.contains("trips: 1") && out.contains("purchases: 3"),
        "{out}"
    );
    assert!(file.is_file());

    // Inspect needs neither a passphrase nor a data folder.
    let nowhere = tmp.path().join("nowhere");
    let json = ok(&run(
        &nowhere,
        &["backup", "--inspect", "--json", file.to_str().unwrap()],
        &[],
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["counts"]["purchases"], 3);
    assert_eq!(v["counts"]["receipts"], 1);
    assert!(!nowhere.exists());
    let text = ok(&run(
        &nowhere,
        &[
            "--lang",
            "uz",
            "backup",
            "--inspect",
            file.to_str().unwrap(),
        ],
        &[],
    ));
    assert!(text.contains("xaridlar: 3"), "{text}");

    // Device B with its own key file and its own data.
    let b = tmp.path().join("b");
    drop(device(&b, "Bukhara", 1, 2));
    let e = err(
        &run(
            &b,
            &["restore", file.to_str().unwrap()],
            &[("KARVON_PASSPHRASE", PASS)],
        ),
        2,
    );
    assert!(e.contains("--yes"), "{e}");
    let e = err(
        &run(
            &b,
            &["--lang", "ru", "restore", "--yes", file.to_str().unwrap()],
            &[("KARVON_PASSPHRASE", "not the passphrase")],
        ),
        2,
    );
    assert!(e.contains("Пароль не подходит"), "{e}");
    let list = ok(&run(&b, &["trip", "list"], &[]));
    assert!(
        list.contains("Bukhara") && !list.contains("Samarkand"),
        "{list}"
    );

    let out = ok(&run(
        &b,
        &["restore", "--yes", file.to_str().unwrap()],
        &[("KARVON_PASSPHRASE", PASS)],
    ));
    assert!(out.contains("Restored from"), "{out}");
    let list = ok(&run(&b, &["trip", "list"], &[]));
    assert!(
        list.contains("Samarkand") && !list.contains("Bukhara"),
        "{list}"
    );
    let k = Karvon::open(&b, &KeySource::File(b.join("key"))).unwrap();
    let t = k.traveller(&k.trips().unwrap()[0].travellers[0]).unwrap();
    assert_eq!(t.document.as_deref(), Some("Samarkand-DOC-1"));
    let r = &k.receipts(&p).unwrap()[0];
    assert_eq!(k.receipt_bytes(&r.id).unwrap(), b"receipt bytes");

    // Not a backup: a precise error, exit code 2.
    let e = err(
        &run(
            &b,
            &["restore", "--yes", receipt.to_str().unwrap()],
            &[("KARVON_PASSPHRASE", PASS)],
        ),
        2,
    );
    assert!(e.contains("is not a Karvon backup"), "{e}");
}

/// SIGKILL to the child's process group, then reap it.
fn kill9(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-s", "KILL", "--", &format!("-{}", child.id())])
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

/// Every row of every table, sorted: to compare a database with itself before a restore.
fn dump(data: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(data.join("karvon.sqlite3")).unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let mut s = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = s.column_count();
        let mut rows: Vec<String> = s
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        out.extend(rows.into_iter().map(|r| format!("{t}: {r}")));
    }
    out
}

/// SQLite's integrity and foreign key checks pass.
fn consistent(data: &Path) {
    let c = rusqlite::Connection::open(data.join("karvon.sqlite3")).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
}

const OLD_PURCHASES: usize = 500;
/// The large backup: trips of the most purchases a trip may have.
const NEW_TRIPS: usize = 4;
const NEW_PURCHASES: usize = 10_000;

fn restore_child(data: &Path, file: &Path) -> Child {
    use std::os::unix::process::CommandExt;
    Command::new(BIN)
        .arg("--data")
        .arg(data)
        .arg("--key-file")
        .arg(data.join("key"))
        .args(["restore", "--yes"])
        .arg(file)
        .env("KARVON_PASSPHRASE", PASS)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap()
}

#[test]
fn a_killed_restore_leaves_all_the_old_data_or_all_the_restored_data() {
    let tmp = tempfile::tempdir().unwrap();
    let big = tmp.path().join("big");
    let file = tmp.path().join("big.karvon-backup");
    device(&big, "Restored", NEW_TRIPS, NEW_PURCHASES)
        .backup(&file, PASS)
        .unwrap();

    // How long a whole restore takes here, to spread the kills over it.
    let timing = tmp.path().join("timing");
    drop(device(&timing, "Old", 1, OLD_PURCHASES));
    let started = Instant::now();
    let mut child = restore_child(&timing, &file);
    assert!(child.wait().unwrap().success());
    let whole = started.elapsed();

    let mut old_kept = 0;
    let mut new_whole = 0;
    let mut mid_restore = 0;
    for (i, fraction) in [0.2_f64, 0.45, 0.6, 0.7, 0.8, 0.9, 0.97].iter().enumerate() {
        let data = tmp.path().join(format!("live{i}"));
        drop(device(&data, "Old", 1, OLD_PURCHASES));
        let before = dump(&data);
        let mut child = restore_child(&data, &file);
        sleep(whole.mul_f64(*fraction));
        let running = child.try_wait().unwrap().is_none();
        kill9(&mut child);
        consistent(&data);
        let after = dump(&data);
        if after == before {
            old_kept += 1;
            if running {
                mid_restore += 1;
            }
        } else {
            let k = Karvon::open(&data, &KeySource::File(data.join("key"))).unwrap();
            let trips = k.trips().unwrap();
            assert_eq!(
                trips.len(),
                NEW_TRIPS,
                "a mix of trips after a kill at {fraction}"
            );
            for t in &trips {
                assert_eq!(t.name, "Restored");
                assert_eq!(k.purchases(&t.id).unwrap().len(), NEW_PURCHASES);
            }
            new_whole += 1;
        }
        // A later restore still works and clears what the killed one left behind.
        let mut again = restore_child(&data, &file);
        assert!(again.wait().unwrap().success());
        let left: Vec<_> = std::fs::read_dir(&data)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".restore-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        let _ = std::fs::remove_dir_all(&data);
    }
    eprintln!(
        "whole restore {whole:?}; kills: {old_kept} kept the old data ({mid_restore} while running), {new_whole} found it restored"
    );
    assert!(mid_restore > 0, "no kill landed during a restore");

    // Kills inside the replacing transaction itself: the test sees the restore holding the
    // database's write lock for a while (a probe's BEGIN IMMEDIATE is refused), then kills.
    let mut in_transaction = 0;
    for (i, extra_ms) in [0u64, 100, 250].iter().enumerate() {
        let data = tmp.path().join(format!("tx{i}"));
        drop(device(&data, "Old", 1, OLD_PURCHASES));
        let before = dump(&data);
        let probe = rusqlite::Connection::open(data.join("karvon.sqlite3")).unwrap();
        probe.busy_timeout(Duration::ZERO).unwrap();
        let mut child = restore_child(&data, &file);
        let mut busy_in_a_row = 0;
        let deadline = Instant::now() + whole * 4;
        while busy_in_a_row < 3 && Instant::now() < deadline {
            match probe.execute_batch("BEGIN IMMEDIATE; ROLLBACK;") {
                Ok(()) => busy_in_a_row = 0,
                Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
                    busy_in_a_row += 1;
                }
                Err(e) => panic!("{e}"),
            }
            sleep(Duration::from_millis(5));
        }
        assert_eq!(busy_in_a_row, 3, "the restore never held the write lock");
        sleep(Duration::from_millis(*extra_ms));
        let running = child.try_wait().unwrap().is_none();
        kill9(&mut child);
        drop(probe);
        consistent(&data);
        if running {
            assert_eq!(
                dump(&data),
                before,
                "a kill inside the transaction left a mix"
            );
            in_transaction += 1;
        }
    }
    eprintln!("{in_transaction} of 3 kills landed inside the replacing transaction");
    assert!(in_transaction > 0, "no kill landed inside the transaction");
}
