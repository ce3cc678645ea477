//! Backup and restore through the facade, on real files in temp dirs: a backup made on device A
//! restores on device B with another data key; restoring replaces other data; every bad file,
//! a wrong passphrase, missing or damaged receipts change nothing; a full or read-only
//! destination is refused without leaving a file behind, and a full data folder refuses a
//! restore without a change; a backup of the first schema restores migrated.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::{Currency, Date};
use karvon_core::i18n::{Catalogue, Lang};
use karvon_core::payments::PaymentOptions;
use karvon_core::report::error_text;
use karvon_core::{Error, Karvon, KeySource, PurchaseInput, TravellerInput, TripInput};
use rust_decimal::Decimal;

const KEY_A: KeySource = KeySource::Provided([1; 32]);
const KEY_B: KeySource = KeySource::Provided([2; 32]);
const PASS: &str = "correct horse battery";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
fn day(s: &str) -> Date {
    s.parse().unwrap()
}
fn cur(s: &str) -> Currency {
    Currency::from_code(s).unwrap()
}

/// The ids a device A holds, to compare after a restore.
struct Made {
    traveller: String,
    trip: String,
    purchase: String,
    receipt: String,
    receipt_bytes: Vec<u8>,
    document: String,
    payment: String,
}

/// Device A: a traveller with a document number, a trip over the allowance, purchases (one in
/// USD, priced through a manual rate), a receipt, a signed declaration and its payment draft.
fn device_a(dir: &Path) -> (Karvon, Made) {
    let k = Karvon::open(dir, &KEY_A).unwrap();
    let traveller = k
        .add_traveller(&TravellerInput {
            name: "Aziza Karimova".into(),
            birth_date: Some(day("1990-04-02")),
            residency: "fi".into(),
            document: Some("FA7654321".into()),
            statuses: vec![],
        })
        .unwrap()
        .id;
    let trip = k
        .add_trip(&TripInput {
            name: "Istanbul".into(),
            jurisdiction: "fi".into(),
            arrival: day("2026-12-10"),
            mode: Mode::Air,
            days_abroad: 6,
            travellers: vec![traveller.clone()],
            plan: None,
            joint: false,
        })
        .unwrap()
        .id;
    k.add_manual_rate(cur("EUR"), cur("USD"), d("0.92"), day("2026-12-01"))
        .unwrap();
    let purchase = k
        .add_purchase(
            &PurchaseInput::new(&trip, "Leather jacket", Kind::Goods, day("2026-12-05"))
                .priced(d("900"), cur("EUR")),
        )
        .unwrap()
        .purchase
        .id;
    k.add_purchase(
        &PurchaseInput::new(&trip, "Headphones", Kind::Goods, day("2026-12-06"))
            .priced(d("150"), cur("USD")),
    )
    .unwrap();
    let receipt_bytes: Vec<u8> = (0..70_000u32).map(|i| (i % 251) as u8).collect();
    let file = dir.join("receipt.jpg");
    std::fs::write(&file, &receipt_bytes).unwrap();
    let receipt = k.attach_receipt(&purchase, &file).unwrap().id;
    let draft = k.declare_trip(&trip).unwrap();
    let document = k.sign_document(&draft.id).unwrap().id;
    let payment = k
        .create_payment(&document, &PaymentOptions::default())
        .unwrap()
        .id;
    let made = Made {
        traveller,
        trip,
        purchase,
        receipt,
        receipt_bytes,
        document,
        payment,
    };
    (k, made)
}

/// Every row of every table of a data folder's database, and the receipt files: what "nothing
/// changed" compares.
fn dump(dir: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(dir.join(karvon_core::DATABASE_FILE)).unwrap();
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
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect();
                Ok(format!("{t}: {}", cells.join(" | ")))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        out.extend(rows);
    }
    if let Ok(files) = std::fs::read_dir(dir.join("receipts")) {
        let mut names: Vec<String> = files
            .flatten()
            .map(|f| f.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| format!("file {n}")));
    }
    out
}

fn meta(dir: &Path, key: &str) -> Option<String> {
    let c = rusqlite::Connection::open(dir.join(karvon_core::DATABASE_FILE)).unwrap();
    c.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .ok()
}

fn writes(dir: &Path) -> i64 {
    meta(dir, "writes").unwrap().parse().unwrap()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_backup_from_device_a_restores_everything_on_device_b_with_another_key() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, made) = device_a(&tmp.path().join("a"));
    let file = tmp.path().join("all.karvon-backup");
    let info = a.backup(&file, PASS).unwrap();
    assert_eq!(info.path, file);
    assert_eq!(info.bytes, std::fs::metadata(&file).unwrap().len());
    assert_eq!(info.format, karvon_core::backup::FORMAT);
    assert_eq!(info.counts.trips, 1);
    assert_eq!(info.counts.travellers, 1);
    assert_eq!(info.counts.purchases, 2);
    assert_eq!(info.counts.receipts, 1);
    assert_eq!(info.counts.documents, 1);
    assert_eq!(info.counts.payments, 1);
    assert_eq!(info.counts.rate_tables, 1);
    assert!(info.counts.pending_changes > 5);
    assert!((karvon_core::store::now_ms() - info.created_ms).abs() < 60_000);
    // No temporary file is left beside it; inspecting needs no passphrase and agrees.
    let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(Karvon::inspect_backup(&file).unwrap(), info);
    // The document number is sealed in the file (alert texts name the traveller, as they do in
    // the live database).
    let raw = std::fs::read(&file).unwrap();
    assert!(!contains(&raw, b"FA7654321"));

    let b_dir = tmp.path().join("b");
    let b = Karvon::open(&b_dir, &KEY_B).unwrap();
    let b_node = meta(&b_dir, "node").unwrap();
    let restored = b.restore(&file, PASS).unwrap();
    assert_eq!(restored.counts, info.counts);

    assert_eq!(b.trips().unwrap(), a.trips().unwrap());
    assert_eq!(
        b.purchases(&made.trip).unwrap(),
        a.purchases(&made.trip).unwrap()
    );
    let t = b.traveller(&made.traveller).unwrap();
    assert_eq!(t.document.as_deref(), Some("FA7654321"));
    assert_eq!(t, a.traveller(&made.traveller).unwrap());
    assert_eq!(
        *b.status(&made.trip).unwrap(),
        *a.status(&made.trip).unwrap()
    );
    assert_eq!(b.receipt_bytes(&made.receipt).unwrap(), made.receipt_bytes);
    assert_eq!(
        b.receipts(&made.purchase).unwrap(),
        a.receipts(&made.purchase).unwrap()
    );
    assert_eq!(
        format!("{:?}", b.document(&made.document).unwrap()),
        format!("{:?}", a.document(&made.document).unwrap())
    );
    // The signed declaration opens with B's key and still verifies.
    let payload = b.qr_payload(&made.document).unwrap();
    assert_eq!(payload, a.qr_payload(&made.document).unwrap());
    b.verify_payload(&payload).unwrap();
    assert_eq!(
        format!("{:?}", b.payment(&made.payment).unwrap()),
        format!("{:?}", a.payment(&made.payment).unwrap())
    );
    assert_eq!(b.rate_tables().unwrap(), a.rate_tables().unwrap());
    // The outbox of A goes from B with its original clocks; B keeps its own node id.
    let pa = a.pending_changes(1_000).unwrap();
    let pb = b.pending_changes(1_000).unwrap();
    assert_eq!(
        pa.iter().map(|p| &p.change.hlc).collect::<Vec<_>>(),
        pb.iter().map(|p| &p.change.hlc).collect::<Vec<_>>()
    );
    assert_eq!(meta(&b_dir, "node").unwrap(), b_node);
    // The change records carry B's sealing now: B opens the traveller's document number in it.
    let sealed_doc = pb
        .iter()
        .find(|p| p.change.id == made.traveller && p.change.field == "*")
        .unwrap();
    assert_ne!(
        sealed_doc.change.value,
        pa.iter()
            .find(|p| p.change.id == made.traveller && p.change.field == "*")
            .unwrap()
            .change
            .value
    );

    // B goes on working: a new edit, and a reopen with B's key reads everything.
    b.add_purchase(
        &PurchaseInput::new(&made.trip, "Scarf", Kind::Goods, day("2026-12-07"))
            .priced(d("20"), cur("EUR")),
    )
    .unwrap();
    let b_sign = b.declare_trip(&made.trip).unwrap();
    b.sign_document(&b_sign.id).unwrap();
    drop(b);
    let b = Karvon::open(&b_dir, &KEY_B).unwrap();
    assert_eq!(b.purchases(&made.trip).unwrap().len(), 3);
    assert_eq!(b.traveller(&made.traveller).unwrap().name, "Aziza Karimova");
    // A key that is neither A's nor B's cannot open the restored identifiers.
    drop(b);
    let other = Karvon::open(&b_dir, &KeySource::Provided([3; 32])).unwrap();
    assert!(other.traveller(&made.traveller).is_err());
}

#[test]
fn restoring_replaces_other_data_and_leaves_every_cache_stale() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, made) = device_a(&tmp.path().join("a"));
    let hs = karvon_core::reference_data(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        "hs/harmonized-system.csv",
    )
    .expect("the shared HS table");
    a.import_hs(&hs).unwrap();
    let file = tmp.path().join("a.karvon-backup");
    a.backup(&file, PASS).unwrap();
    let restored_writes = writes(&tmp.path().join("a"));

    // Device C has its own data, a sync server, and a status in its cache.
    let c_dir = tmp.path().join("c");
    let c = Karvon::open(&c_dir, &KEY_B).unwrap();
    c.configure_sync("http://127.0.0.1:9/").unwrap();
    let who = c
        .add_traveller(&TravellerInput {
            name: "Other Person".into(),
            birth_date: Some(day("1970-01-01")),
            residency: "fi".into(),
            document: None,
            statuses: vec![],
        })
        .unwrap()
        .id;
    let own = c
        .add_trip(&TripInput {
            name: "Tallinn".into(),
            jurisdiction: "fi".into(),
            arrival: day("2026-10-01"),
            mode: Mode::Sea,
            days_abroad: 2,
            travellers: vec![who.clone()],
            plan: None,
            joint: false,
        })
        .unwrap()
        .id;
    for i in 0..30 {
        c.add_purchase(
            &PurchaseInput::new(&own, &format!("thing {i}"), Kind::Goods, day("2026-09-30"))
                .priced(d("10"), cur("EUR")),
        )
        .unwrap();
    }
    let _cached = c.status(&own).unwrap();
    let old_writes = writes(&c_dir);
    assert!(old_writes > restored_writes, "C wrote more than A");
    let node = meta(&c_dir, "node").unwrap();
    let last_seq = c.pending_changes(10_000).unwrap().last().unwrap().seq;
    let fingerprint = c.device_key_fingerprint().unwrap();

    c.restore(&file, PASS).unwrap();
    assert_eq!(c.trips().unwrap(), a.trips().unwrap());
    assert!(matches!(c.trip(&own), Err(Error::NotFound { .. })));
    assert!(matches!(c.traveller(&who), Err(Error::NotFound { .. })));
    assert!(matches!(c.status(&own), Err(Error::NotFound { .. })));
    assert_eq!(
        *c.status(&made.trip).unwrap(),
        *a.status(&made.trip).unwrap()
    );
    assert!(writes(&c_dir) > old_writes.max(restored_writes));
    // The restored outbox comes after every position C's outbox had, in its order.
    let pending = c.pending_changes(10_000).unwrap();
    assert_eq!(pending.len(), a.pending_changes(10_000).unwrap().len());
    assert!(pending.iter().all(|p| p.seq > last_seq));
    // This device's identity stays: node id, signing key, sync server.
    assert_eq!(meta(&c_dir, "node").unwrap(), node);
    assert_eq!(c.device_key_fingerprint().unwrap(), fingerprint);
    assert_eq!(
        c.sync_status().unwrap().server_url.as_deref(),
        Some("http://127.0.0.1:9")
    );
    // The other process's view: a fresh open sees the same.
    drop(c);
    let again = Karvon::open(&c_dir, &KEY_B).unwrap();
    assert_eq!(
        *again.status(&made.trip).unwrap(),
        *a.status(&made.trip).unwrap()
    );
    let db = rusqlite::Connection::open(c_dir.join(karvon_core::DATABASE_FILE)).unwrap();
    let ok: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // HS search works on the restored (rebuilt) full-text index, as on A.
    let found = again.hs_search("live horses", 5).unwrap();
    assert!(!found.is_empty());
    assert_eq!(
        format!("{found:?}"),
        format!("{:?}", a.hs_search("live horses", 5).unwrap())
    );
    assert_eq!(again.hs_count().unwrap(), a.hs_count().unwrap());
}

/// Applies `f` to a copy of a good backup through SQL, returning the copy.
fn tampered(good: &Path, name: &str, sql: &str) -> PathBuf {
    let p = good.with_file_name(name);
    std::fs::copy(good, &p).unwrap();
    let c = rusqlite::Connection::open(&p).unwrap();
    c.execute_batch(sql).unwrap();
    p
}

fn input_id(e: &Error) -> (String, String) {
    match e {
        Error::Input(i) => (i.path.clone(), i.message.id.to_string()),
        other => panic!("expected an input error, got {other:?}"),
    }
}

#[test]
fn bad_backups_and_wrong_passphrases_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, _) = device_a(&tmp.path().join("a"));
    let good = tmp.path().join("good.karvon-backup");
    a.backup(&good, PASS).unwrap();

    // The device restored onto has its own data, compared before and after every attempt.
    let live_dir = tmp.path().join("live");
    let (live, live_made) = device_a(&live_dir);
    // The live device's receipt differs from the backup's: a failed restore must not leave the
    // backup's receipt file behind.
    let other = live_dir.join("other.jpg");
    std::fs::write(&other, b"another receipt").unwrap();
    let old_receipt = live.receipts(&live_made.purchase).unwrap()[0].clone();
    live.delete_receipt(&old_receipt.id).unwrap();
    live.attach_receipt(&live_made.purchase, &other).unwrap();
    std::fs::remove_file(live_dir.join("receipts").join(&old_receipt.sha256)).unwrap();
    let before = dump(&live_dir);

    let random = tmp.path().join("random.karvon-backup");
    std::fs::write(
        &random,
        (0..5000u32)
            .map(|i| (i * 7919 % 256) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let plain = tmp.path().join("plain.sqlite3");
    rusqlite::Connection::open(&plain)
        .unwrap()
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let truncated = tmp.path().join("truncated.karvon-backup");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let empty = tmp.path().join("empty.karvon-backup");
    std::fs::write(&empty, b"").unwrap();
    let newer_format = tampered(&good, "newer-format", "UPDATE backup_info SET format = 99");
    let newer_schema = tampered(&good, "newer-schema", "PRAGMA user_version = 99");
    let no_receipt = tampered(&good, "no-receipt", "DELETE FROM backup_files");
    let bad_receipt = tampered(
        &good,
        "bad-receipt",
        "UPDATE backup_files SET bytes = zeroblob(length(bytes))",
    );
    let no_marker = tampered(&good, "no-marker", "UPDATE backup_info SET marker = 'x'");
    let bad_key = tampered(
        &good,
        "bad-key",
        "UPDATE backup_key SET sealed = zeroblob(length(sealed))",
    );

    // Rows whose trip is gone: caught by the foreign key check inside the replacing
    // transaction, which rolls back (and the receipt file it added is removed again).
    let orphans = tampered(
        &good,
        "orphans",
        "PRAGMA foreign_keys = OFF; DELETE FROM trip;",
    );
    let cases: Vec<(&Path, &str, &str, &str)> = vec![
        (&orphans, PASS, "file", "backup-damaged"),
        (&random, PASS, "file", "backup-not-a-backup"),
        (&empty, PASS, "file", "backup-not-a-backup"),
        (&plain, PASS, "file", "backup-not-a-backup"),
        (&truncated, PASS, "file", "backup-damaged"),
        (&newer_format, PASS, "file", "backup-newer-format"),
        (&newer_schema, PASS, "file", "backup-newer-schema"),
        (&no_receipt, PASS, "file", "backup-receipt-missing"),
        (&bad_receipt, PASS, "file", "backup-receipt-damaged"),
        (&no_marker, PASS, "file", "backup-not-a-backup"),
        (&bad_key, PASS, "passphrase", "backup-wrong-passphrase"),
        (
            &good,
            "correct horse battery!",
            "passphrase",
            "backup-wrong-passphrase",
        ),
        (&good, "short", "passphrase", "backup-passphrase-short"),
    ];
    let cat = Catalogue::new(Lang::En);
    for (file, pass, field, id) in cases {
        let err = live.restore(file, pass).unwrap_err();
        assert_eq!(
            input_id(&err),
            (field.to_owned(), id.to_owned()),
            "{}",
            file.display()
        );
        assert!(err.is_bad_input());
        let text = error_text(&cat, &err);
        assert!(!text.contains('{'), "{text}");
        assert_eq!(
            dump(&live_dir),
            before,
            "{} changed the data",
            file.display()
        );
    }
    // Inspect sees the same problems without a passphrase.
    for (file, id) in [
        (&random, "backup-not-a-backup"),
        (&plain, "backup-not-a-backup"),
        (&newer_schema, "backup-newer-schema"),
        (&newer_format, "backup-newer-format"),
    ] {
        let err = Karvon::inspect_backup(file).unwrap_err();
        assert_eq!(input_id(&err).1, id, "{}", file.display());
    }
    let text = error_text(
        &Catalogue::new(Lang::Ru),
        &Karvon::inspect_backup(&newer_schema).unwrap_err(),
    );
    assert!(text.contains("более новой версией Karvon"), "{text}");
    assert!(matches!(
        Karvon::inspect_backup(&tmp.path().join("none")),
        Err(Error::Io { .. })
    ));
    // No private copy is left in the data folder.
    let left: Vec<_> = std::fs::read_dir(&live_dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".restore-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // And after all that, the good backup restores.
    live.restore(&good, PASS).unwrap();
    assert_ne!(dump(&live_dir), before);
}

#[test]
fn a_short_passphrase_or_missing_receipt_file_makes_no_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("a");
    let (a, made) = device_a(&dir);
    let file = tmp.path().join("x.karvon-backup");
    let err = a.backup(&file, "1234567").unwrap_err();
    assert_eq!(
        input_id(&err),
        (
            "passphrase".to_owned(),
            "backup-passphrase-short".to_owned()
        )
    );
    assert!(!file.exists());
    let sha = a.receipts(&made.purchase).unwrap()[0].sha256.clone();
    std::fs::remove_file(dir.join("receipts").join(&sha)).unwrap();
    match a.backup(&file, PASS) {
        Err(Error::Store(m)) => assert_eq!(m.id, "backup-receipt-missing"),
        other => panic!("{other:?}"),
    }
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "only the data folder: {left:?}");
    // A deleted receipt's file may be gone: the backup goes ahead without it.
    a.delete_receipt(&made.receipt).unwrap();
    let info = a.backup(&file, PASS).unwrap();
    assert_eq!(info.counts.receipts, 0);
    let b = Karvon::open(&tmp.path().join("b"), &KEY_B).unwrap();
    b.restore(&file, PASS).unwrap();
    assert!(b.receipts(&made.purchase).unwrap().is_empty());
}

/// A tmpfs of `size` mounted on a fresh folder, unmounted on drop.
struct Mount {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Mount {
    fn new(size: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mnt");
        std::fs::create_dir(&path).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .status()
            .unwrap()
            .success();
        assert!(
            ok,
            "mounting a tmpfs needs root (CI and the dev machines run as root)"
        );
        Self { _dir: dir, path }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

#[test]
fn full_or_read_only_places_are_refused_and_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, _) = device_a(&tmp.path().join("a"));
    let cat = Catalogue::new(Lang::En);

    let full = Mount::new("64k");
    let file = full.path.join("x.karvon-backup");
    let err = a.backup(&file, PASS).unwrap_err();
    let text = error_text(&cat, &err);
    assert!(text.contains("disk is full"), "{err:?}: {text}");
    let left: Vec<_> = std::fs::read_dir(&full.path).unwrap().flatten().collect();
    assert!(left.is_empty(), "{left:?}");

    let ro = Mount::new("8m");
    let ok = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&ro.path)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let err = a
        .backup(&ro.path.join("x.karvon-backup"), PASS)
        .unwrap_err();
    let text = error_text(&cat, &err);
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert!(text.contains("read-only"), "{text}");

    let missing = tmp.path().join("no-such-folder").join("x.karvon-backup");
    assert!(matches!(a.backup(&missing, PASS), Err(Error::Io { .. })));
    // A data folder with no room for the restore's private copy: refused, nothing changed.
    let small = Mount::new("2m");
    let live_dir = small.path.join("data");
    let (live, _) = device_a(&live_dir);
    let good = tmp.path().join("good.karvon-backup");
    a.backup(&good, PASS).unwrap();
    let free = {
        let out = Command::new("df")
            .args(["--output=avail", "-B1"])
            .arg(&small.path)
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .nth(1)
            .unwrap()
            .trim()
            .parse::<u64>()
            .unwrap()
    };
    let filler = small.path.join("filler");
    std::fs::write(
        &filler,
        vec![0u8; usize::try_from(free).unwrap() - 8 * 1024],
    )
    .unwrap();
    let before = dump(&live_dir);
    let err = live.restore(&good, PASS).unwrap_err();
    let text = error_text(&cat, &err);
    assert!(text.contains("disk is full"), "{err:?}: {text}");
    assert_eq!(dump(&live_dir), before);
    std::fs::remove_file(&filler).unwrap();
    live.restore(&good, PASS).unwrap();

    // Never over the live database, by whatever path.
    let db = tmp
        .path()
        .join("a")
        .join(".")
        .join(karvon_core::DATABASE_FILE);
    let before = std::fs::read(tmp.path().join("a").join(karvon_core::DATABASE_FILE)).unwrap();
    let err = a.backup(&db, PASS).unwrap_err();
    assert_eq!(
        input_id(&err),
        ("file".to_owned(), "backup-over-database".to_owned())
    );
    assert_eq!(
        std::fs::read(tmp.path().join("a").join(karvon_core::DATABASE_FILE)).unwrap(),
        before
    );
    // A backup is readable by its owner only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = tmp.path().join("ok.karvon-backup");
        a.backup(&file, PASS).unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// A backup as a version on the first schema would have written it: the schema-1 fixture with a
/// traveller sealed under the backup key, and the backup tables. It restores, migrated.
#[test]
fn a_backup_of_an_older_schema_is_migrated_on_restore() {
    use karvon_core::crypto::Cipher;
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("v1.karvon-backup");
    let backup_key = [5u8; 32];
    let salt = [9u8; 16];
    let iterations = 1_000u32;
    let mut wrap = [0u8; 32];
    ring::pbkdf2::derive(
        ring::pbkdf2::PBKDF2_HMAC_SHA256,
        std::num::NonZeroU32::new(iterations).unwrap(),
        &salt,
        PASS.as_bytes(),
        &mut wrap,
    );
    let sealed_key = Cipher::from_source(&KeySource::Provided(wrap))
        .unwrap()
        .seal_bytes(&format!("karvon-backup:key:{iterations}"), &backup_key)
        .unwrap();
    let inner = Cipher::from_source(&KeySource::Provided(backup_key)).unwrap();
    let who = "01900000-0000-7000-8000-0000000000aa";
    let name = inner
        .seal(&format!("traveller:{who}:name"), "Old Timer")
        .unwrap();
    let doc = inner
        .seal(&format!("traveller:{who}:document"), "OLD123")
        .unwrap();
    {
        let c = rusqlite::Connection::open(&file).unwrap();
        c.execute_batch(include_str!("fixtures/schema_v1.sql"))
            .unwrap();
        c.execute(
            "INSERT INTO traveller(id, name_enc, document_enc, birth_date, residency, hlc,
             created_ms, updated_ms) VALUES (?1, ?2, ?3, '1950-01-01', 'FI',
             '000000000000002-00000000-0123456789abcdef', 1, 1)",
            rusqlite::params![who, name, doc],
        )
        .unwrap();
        c.execute(
            "INSERT INTO trip_traveller(trip_id, traveller_id)
             VALUES ('01900000-0000-7000-8000-000000000001', ?1)",
            [who],
        )
        .unwrap();
        c.execute_batch(
            "CREATE TABLE backup_info (id INTEGER PRIMARY KEY, marker TEXT NOT NULL,
               format INTEGER NOT NULL, app_version TEXT NOT NULL, schema_version INTEGER NOT NULL,
               created_ms INTEGER NOT NULL, counts TEXT NOT NULL) STRICT;
             CREATE TABLE backup_key (id INTEGER PRIMARY KEY, salt BLOB NOT NULL,
               iterations INTEGER NOT NULL, sealed BLOB NOT NULL) STRICT;
             CREATE TABLE backup_files (hash TEXT PRIMARY KEY, bytes BLOB NOT NULL) STRICT;
             INSERT INTO backup_info VALUES (1, 'karvon-backup', 1, '0.0.1', 1, 1700000000000,
               '{\"trips\":1,\"travellers\":1,\"purchases\":0,\"receipts\":0,\"documents\":0,
                 \"payments\":0,\"rate_tables\":0,\"pending_changes\":2}');",
        )
        .unwrap();
        c.execute(
            "INSERT INTO backup_key VALUES (1, ?1, ?2, ?3)",
            rusqlite::params![salt.to_vec(), iterations, sealed_key],
        )
        .unwrap();
    }
    let info = Karvon::inspect_backup(&file).unwrap();
    assert_eq!(
        (info.schema_version, info.app_version.as_str()),
        (1, "0.0.1")
    );
    assert_eq!(info.created_ms, 1_700_000_000_000);

    let dir = tmp.path().join("b");
    let (b, _) = device_a(&dir);
    b.restore(&file, PASS).unwrap();
    let trips = b.trips().unwrap();
    assert_eq!(trips.len(), 1);
    assert_eq!(trips[0].name, "Helsinki");
    let t = b.traveller(who).unwrap();
    assert_eq!(
        (t.name.as_str(), t.document.as_deref()),
        ("Old Timer", Some("OLD123"))
    );
    assert_eq!(b.pending_changes(10).unwrap().len(), 2);
    // The live database stays on the newest schema, and takes new writes on the old data.
    let newest = karvon_core::store::MIGRATIONS.last().unwrap().0;
    b.store()
        .unwrap()
        .read(|c| {
            assert_eq!(karvon_core::store::schema_version(c).unwrap(), newest);
            Ok(())
        })
        .unwrap();
    b.add_purchase(
        &PurchaseInput::new(&trips[0].id, "Souvenir", Kind::Goods, day("2026-12-05"))
            .priced(d("30"), cur("EUR")),
    )
    .unwrap();
    assert_eq!(b.status(&trips[0].id).unwrap().assessment.items.len(), 1);
}

#[test]
fn status_snapshots_stay_out_of_backups_and_a_restore_never_reads_an_old_one() {
    let tmp = tempfile::tempdir().unwrap();
    let a_dir = tmp.path().join("a");
    let (k, made) = device_a(&a_dir);
    k.status(&made.trip).unwrap();
    k.save_statuses().unwrap();
    let live = rusqlite::Connection::open(a_dir.join(karvon_core::DATABASE_FILE)).unwrap();
    let saved: i64 = live
        .query_row("SELECT count(*) FROM status_snapshot", [], |r| r.get(0))
        .unwrap();
    assert!(saved >= 1, "the status is kept on disk");
    drop(live);
    let file = tmp.path().join("a.karvon-backup");
    k.backup(&file, PASS).unwrap();
    let c = rusqlite::Connection::open(&file).unwrap();
    let kept: i64 = c
        .query_row("SELECT count(*) FROM status_snapshot", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 0, "derived data sealed with the device key stays out");
    drop(c);
    // A purchase after the backup, and its status saved on disk.
    k.add_purchase(
        &PurchaseInput::new(&made.trip, "Watch", Kind::Goods, day("2026-12-07"))
            .priced(d("400"), cur("EUR")),
    )
    .unwrap();
    assert_eq!(k.status(&made.trip).unwrap().assessment.items.len(), 3);
    k.save_statuses().unwrap();
    let generation = meta(&a_dir, "generation");
    assert!(generation.is_some());
    drop(k);
    let k = Karvon::open(&a_dir, &KEY_A).unwrap();
    k.restore(&file, PASS).unwrap();
    assert_ne!(meta(&a_dir, "generation"), generation);
    let s = k.status(&made.trip).unwrap();
    let fresh = k.status_fresh(&made.trip).unwrap();
    assert_eq!(
        (s.assessment.items.len(), s.left_out.len()),
        (fresh.assessment.items.len(), fresh.left_out.len())
    );
    assert_eq!(s.purchase_ids.len() + s.left_out.len(), 2, "as backed up");
    assert!(
        s.left_out.is_empty(),
        "{:?} {:?}",
        s.left_out,
        k.rate_tables()
    );
    assert_eq!(*s, fresh);
    drop(k);
    let k = Karvon::open(&a_dir, &KEY_A).unwrap();
    assert_eq!(
        *k.status(&made.trip).unwrap(),
        k.status_fresh(&made.trip).unwrap()
    );
}
