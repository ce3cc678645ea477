//! Travellers, trips, purchases, live status, what-if, alerts, export and receipts, through the
//! facade on a real SQLite file.

use std::path::Path;
use std::str::FromStr;

use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::{Channel, Currency, Date};
use karvon_core::{
    Error, Karvon, KeySource, Plan, PurchaseInput, TravellerInput, TravellerPatch, TripInput,
    TripPatch,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
fn day(s: &str) -> Date {
    s.parse().unwrap()
}
fn cur(s: &str) -> Currency {
    Currency::from_code(s).unwrap()
}

const KEY: KeySource = KeySource::Provided([42; 32]);

fn open(dir: &Path) -> Karvon {
    Karvon::open(dir, &KEY).unwrap()
}

fn me(k: &Karvon) -> String {
    k.add_traveller(&TravellerInput {
        name: "Aziza Karimova".into(),
        birth_date: Some(day("1990-03-14")),
        residency: "fi".into(),
        document: Some("FA1234567".into()),
        statuses: vec![],
    })
    .unwrap()
    .id
}

fn fi_trip(k: &Karvon, who: &[String], plan: Option<Plan>) -> String {
    k.add_trip(&TripInput {
        name: "Istanbul".into(),
        jurisdiction: "fi".into(),
        arrival: day("2026-12-10"),
        mode: Mode::Air,
        days_abroad: 6,
        travellers: who.to_vec(),
        plan,
        joint: false,
    })
    .unwrap()
    .id
}

fn goods(trip: &str, what: &str, eur: &str) -> PurchaseInput {
    PurchaseInput::new(trip, what, Kind::Goods, day("2026-12-05")).priced(d(eur), cur("EUR"))
}

#[test]
fn a_trip_with_purchases_tracks_allowances_and_alerts_once_per_crossing() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    let who = me(&k);
    let trip = fi_trip(&k, std::slice::from_ref(&who), None);

    // €350 of €430 (air): 81.3 % -> the 80 % alert, green, nothing due.
    let b = k.add_purchase(&goods(&trip, "Watch", "350")).unwrap();
    assert_eq!(b.purchase.value, Some(d("350")));
    let kinds: Vec<&str> = b.alerts.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(kinds, vec!["allowance_80"]);
    let s = k.status(&trip).unwrap();
    let goods_allowance = s
        .allowances
        .iter()
        .find(|a| a.unit == "money")
        .expect("the value allowance is listed");
    assert_eq!(
        (
            goods_allowance.used,
            goods_allowance.limit,
            goods_allowance.remaining
        ),
        (d("350"), d("430"), d("80"))
    );
    assert_eq!(goods_allowance.percent, d("81.3"));
    assert_eq!(goods_allowance.travellers, vec![who.clone()]);
    assert_eq!(s.assessment.channel, Channel::Green);
    assert!(s.complete);

    // What if a €120 jacket? Watch stays exempt (least cost), the jacket pays the flat 2.5 %
    // duty and VAT: 120 x 2.5 % = 3.00; (120 + 3) x 25.5 % = 31.365 -> 31.37; total 34.37.
    let w = k.what_if(&goods(&trip, "Jacket", "120")).unwrap();
    assert_eq!(
        (w.channel_before, w.channel_after),
        (Channel::Green, Channel::Red)
    );
    assert_eq!(w.extra, d("34.37"));
    assert_eq!(w.summary.id, "what-if-to-red");
    let alert_ids: Vec<&str> = w.alerts.iter().map(|m| m.id.as_ref()).collect();
    assert_eq!(
        alert_ids,
        vec!["alert-allowance-100", "alert-first-dutiable"]
    );
    // Nothing was saved by the what-if.
    assert_eq!(k.purchases(&trip).unwrap().len(), 1);

    let jacket = k.add_purchase(&goods(&trip, "Jacket", "120")).unwrap();
    let kinds: Vec<&str> = jacket.alerts.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(kinds, vec!["allowance_100", "dutiable"]);
    assert_eq!(k.status(&trip).unwrap().assessment.total_due, d("34.37"));

    // Reopening the folder raises nothing again; neither does another purchase.
    drop(k);
    let k = open(dir.path());
    let more = k.add_purchase(&goods(&trip, "Scarf", "10")).unwrap();
    assert!(more.alerts.is_empty(), "{:?}", more.alerts);
    assert_eq!(k.alerts(&trip, false).unwrap().len(), 3);

    // Going back under the limit re-arms the alerts; crossing again fires them again.
    k.delete_purchase(&jacket.purchase.id).unwrap();
    k.delete_purchase(&more.purchase.id).unwrap();
    let again = k.add_purchase(&goods(&trip, "Boots", "150")).unwrap();
    let kinds: Vec<&str> = again.alerts.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(kinds, vec!["allowance_100", "dutiable"]);

    // Acknowledged alerts leave the open list but stay queryable.
    let open_alerts = k.alerts(&trip, false).unwrap();
    assert_eq!(open_alerts.len(), 5);
    k.acknowledge_alert(&open_alerts[0].id).unwrap();
    assert_eq!(k.alerts(&trip, false).unwrap().len(), 4);
    assert_eq!(k.alerts(&trip, true).unwrap().len(), 5);
}

#[test]
fn cash_must_declare_and_spending_plan_alerts() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    let who = me(&k);
    let plan = Plan {
        amount: d("300"),
        currency: cur("EUR"),
    };
    let trip = fi_trip(&k, &[who], Some(plan));
    let mut cash = PurchaseInput::new(&trip, "Cash", Kind::Cash, day("2026-12-05"));
    cash.value = Some(d("10000"));
    cash.currency = Some(cur("EUR"));
    let b = k.add_purchase(&cash).unwrap();
    let kinds: Vec<&str> = b.alerts.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(kinds, vec!["cash"]);
    // Cash is not spending.
    let s = k.status(&trip).unwrap();
    assert_eq!(s.plan.as_ref().unwrap().spent, d("0.00"));

    // €310 is 72 % of the €430 allowance (no allowance alert) but over the €300 plan.
    let b = k.add_purchase(&goods(&trip, "Coat", "310")).unwrap();
    let kinds: Vec<&str> = b.alerts.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(kinds, vec!["plan"]);
    let p = k.status(&trip).unwrap().plan.clone().unwrap();
    assert_eq!(
        (p.spent, p.remaining, p.exceeded),
        (d("310.00"), d("-10.00"), true)
    );
}

#[test]
fn foreign_purchases_use_the_rate_of_their_date_and_export_agrees_with_status() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    let who = me(&k);
    let trip = fi_trip(&k, &[who], None);
    k.add_manual_rate(cur("EUR"), cur("USD"), d("0.90"), day("2026-12-01"))
        .unwrap();
    k.add_manual_rate(cur("EUR"), cur("USD"), d("0.80"), day("2026-12-04"))
        .unwrap();
    let mut early = goods(&trip, "Lamp", "100");
    early.currency = Some(cur("USD"));
    early.bought_on = day("2026-12-02");
    let mut late = goods(&trip, "Bag", "100");
    late.currency = Some(cur("USD"));
    late.bought_on = day("2026-12-06");
    let mut too_early = goods(&trip, "Hat", "100");
    too_early.currency = Some(cur("USD"));
    too_early.bought_on = day("2026-11-20");
    k.add_purchases(&[early, late, too_early]).unwrap();

    let s = k.status(&trip).unwrap();
    let values: Vec<Option<Decimal>> = s.assessment.items.iter().map(|i| i.customs_value).collect();
    assert_eq!(values, vec![Some(d("90.00")), Some(d("80.00"))]);
    assert_eq!(
        s.left_out.len(),
        1,
        "the hat has no rate on or before its date"
    );
    assert_eq!(s.left_out[0].reason.id, "status-no-rate");
    assert!(!s.complete);
    let ages: Vec<(Date, i64)> = s.rates.iter().map(|r| (r.valid_on, r.age_days)).collect();
    assert_eq!(ages, vec![(day("2026-12-01"), 1), (day("2026-12-04"), 2)]);

    // The exported trip file assesses to the same figures.
    let file = dir.path().join("export.json");
    std::fs::write(&file, k.export_trip(&trip).unwrap().to_string()).unwrap();
    let a = Karvon::new().unwrap().assess_file(&file).unwrap();
    assert_eq!(
        serde_json::to_value(&a).unwrap(),
        serde_json::to_value(&s.assessment).unwrap()
    );
}

#[test]
fn edits_deletes_undo_and_the_change_log() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    let who = me(&k);
    let trip = fi_trip(&k, std::slice::from_ref(&who), None);
    let p = k
        .add_purchase(&goods(&trip, "Watch", "350"))
        .unwrap()
        .purchase;

    let t = k
        .edit_trip(
            &trip,
            &TripPatch {
                name: Some("Istanbul again".into()),
                mode: Some(Mode::Road),
                ..TripPatch::default()
            },
        )
        .unwrap();
    assert_eq!((t.name.as_str(), t.mode), ("Istanbul again", Mode::Road));
    // By road the allowance is €300: the watch is now dutiable.
    assert_eq!(k.status(&trip).unwrap().assessment.channel, Channel::Red);

    let mut changed = goods(&trip, "Watch", "250");
    changed.shop = Some("Grand Bazaar".into());
    let p2 = k.edit_purchase(&p.id, &changed).unwrap();
    assert_eq!(
        (p2.value, p2.shop.as_deref()),
        (Some(d("250")), Some("Grand Bazaar"))
    );

    let tr = k
        .edit_traveller(
            &who,
            &TravellerPatch {
                document: Some(None),
                ..TravellerPatch::default()
            },
        )
        .unwrap();
    assert_eq!(tr.document, None);

    k.delete_purchase(&p.id).unwrap();
    assert!(k.purchases(&trip).unwrap().is_empty());
    assert!(matches!(k.purchase(&p.id), Err(Error::NotFound { .. })));
    let back = k.undo_delete().unwrap().unwrap();
    assert_eq!((back.entity, back.id.as_str()), ("purchase", p.id.as_str()));
    assert_eq!(k.purchases(&trip).unwrap().len(), 1);
    assert_eq!(k.undo_delete().unwrap(), None);

    // A traveller on a live trip cannot be deleted; a deleted trip frees them.
    assert!(k.delete_traveller(&who).unwrap_err().is_bad_input());
    k.delete_trip(&trip).unwrap();
    assert!(k.trips().unwrap().is_empty());
    k.undo_delete().unwrap();
    assert_eq!(k.trips().unwrap().len(), 1);

    // Every write left its change record: creates as `*`, edits per field, tombstones.
    let log = k.pending_changes(1000).unwrap();
    let fields: Vec<(String, &str)> = log
        .iter()
        .map(|c| (c.change.entity.as_str().to_owned(), c.change.field.as_str()))
        .collect();
    let has = |e: &str, f: &str| fields.iter().any(|(a, b)| a == e && *b == f);
    assert!(has("traveller", "*") && has("trip", "*") && has("purchase", "*"));
    assert!(has("trip", "name") && has("trip", "mode") && !has("trip", "arrival"));
    assert!(has("purchase", "value") && has("purchase", "shop"));
    assert!(has("purchase", "_deleted") && has("trip", "_deleted"));
    assert!(has("traveller", "document"));
    let clocks: Vec<_> = log.iter().map(|c| c.change.hlc.clone()).collect();
    assert!(clocks.windows(2).all(|w| w[0] < w[1]), "clocks increase");
}

#[test]
fn identifiers_are_not_in_the_database_file_and_need_the_key() {
    let dir = tempfile::tempdir().unwrap();
    {
        let k = open(dir.path());
        me(&k);
    }
    for name in ["karvon.sqlite3", "karvon.sqlite3-wal"] {
        let path = dir.path().join(name);
        if let Ok(bytes) = std::fs::read(&path) {
            for secret in [&b"FA1234567"[..], b"Aziza", b"Karimova"] {
                assert!(
                    !bytes.windows(secret.len()).any(|w| w == secret),
                    "{name} holds {}",
                    String::from_utf8_lossy(secret)
                );
            }
        }
    }
    let k = open(dir.path());
    let t = &k.travellers().unwrap()[0];
    assert_eq!(
        (t.name.as_str(), t.document.as_deref()),
        ("Aziza Karimova", Some("FA1234567"))
    );
    let wrong = Karvon::open(dir.path(), &KeySource::Provided([1; 32])).unwrap();
    assert!(matches!(wrong.travellers(), Err(Error::Key(_))));
}

#[test]
fn bad_purchases_are_refused_with_the_field_and_save_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    let a = me(&k);
    let trip = fi_trip(&k, &[a], None);
    let path_of = |e: Error| match e {
        Error::Input(i) => i.path,
        other => panic!("expected an input error, got {other:?}"),
    };
    let mut neg = goods(&trip, "Watch", "-1");
    assert_eq!(path_of(k.add_purchase(&neg).unwrap_err()), "value");
    neg.value = Some(d("1000000000001"));
    assert_eq!(path_of(k.add_purchase(&neg).unwrap_err()), "value");
    let long = goods(&trip, &"x".repeat(1001), "1");
    assert_eq!(path_of(k.add_purchase(&long).unwrap_err()), "description");
    let mut gin = PurchaseInput::new(&trip, "Gin", Kind::Spirits, day("2026-12-05"));
    assert_eq!(path_of(k.add_purchase(&gin).unwrap_err()), "litres");
    gin.litres = Some(d("1"));
    gin.abv = Some(d("140"));
    assert_eq!(path_of(k.add_purchase(&gin).unwrap_err()), "abv");
    // In a batch, one bad purchase refuses the whole batch and names it.
    let batch = [goods(&trip, "A", "1"), goods(&trip, "", "1")];
    assert_eq!(
        path_of(k.add_purchases(&batch).unwrap_err()),
        "purchases[1].description"
    );
    assert!(k.purchases(&trip).unwrap().is_empty());
    assert!(k
        .pending_changes(100)
        .unwrap()
        .iter()
        .all(|c| c.change.entity.as_str() != "purchase"));
    // Unknown ids and jurisdictions.
    assert!(matches!(k.status("nope"), Err(Error::NotFound { .. })));
    let mut t = TripInput {
        name: "x".into(),
        jurisdiction: "EU".into(),
        arrival: day("2026-12-10"),
        mode: Mode::Air,
        days_abroad: 1,
        travellers: vec![],
        plan: None,
        joint: false,
    };
    assert_eq!(path_of(k.add_trip(&t).unwrap_err()), "jurisdiction");
    t.jurisdiction = "FI".into();
    assert_eq!(path_of(k.add_trip(&t).unwrap_err()), "travellers");
}

#[test]
fn receipts_are_kept_by_hash_and_verified_on_read() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(&dir.path().join("data"));
    let a = me(&k);
    let trip = fi_trip(&k, &[a], None);
    let p = k
        .add_purchase(&goods(&trip, "Watch", "350"))
        .unwrap()
        .purchase;
    let file = dir.path().join("receipt.jpg");
    std::fs::write(&file, b"\xff\xd8 a receipt photo").unwrap();
    let r = k.attach_receipt(&p.id, &file).unwrap();
    assert_eq!(r.size, 18);
    assert_eq!(k.receipt_bytes(&r.id).unwrap(), b"\xff\xd8 a receipt photo");
    assert_eq!(k.receipts(&p.id).unwrap(), vec![r.clone()]);

    // A 2 GB file is refused before reading and nothing is recorded.
    let huge = dir.path().join("huge.pdf");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(2 * 1024 * 1024 * 1024)
        .unwrap();
    let err = k.attach_receipt(&p.id, &huge).unwrap_err();
    assert!(err.is_bad_input(), "{err:?}");
    assert_eq!(k.receipts(&p.id).unwrap().len(), 1);

    // A damaged file is detected.
    let stored = dir.path().join("data/receipts").join(&r.sha256);
    std::fs::write(&stored, b"tampered").unwrap();
    assert!(matches!(k.receipt_bytes(&r.id), Err(Error::Store(_))));
}

#[test]
fn receipts_given_as_bytes_are_kept_like_files_and_listed_per_trip() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(&dir.path().join("data"));
    let a = me(&k);
    let trip = fi_trip(&k, std::slice::from_ref(&a), None);
    let other = fi_trip(&k, &[a], None);
    let watch = k
        .add_purchase(&goods(&trip, "Watch", "350"))
        .unwrap()
        .purchase;
    let jacket = k
        .add_purchase(&goods(&trip, "Jacket", "120"))
        .unwrap()
        .purchase;
    let elsewhere = k
        .add_purchase(&goods(&other, "Scarf", "40"))
        .unwrap()
        .purchase;
    let photo = b"\x89PNG\r\n\x1a\n a receipt".to_vec();
    // A path in the name is cut to the file's own name.
    let r = k
        .attach_receipt_bytes(&watch.id, "C:\\Users\\me\\shop.png", &photo)
        .unwrap();
    assert_eq!(r.file_name, "shop.png");
    assert_eq!(r.size, u64::try_from(photo.len()).unwrap());
    assert_eq!(k.receipt_bytes(&r.id).unwrap(), photo);
    // The same content from a file lands on the same stored file.
    let file = dir.path().join("again.png");
    std::fs::write(&file, &photo).unwrap();
    let same = k.attach_receipt(&jacket.id, &file).unwrap();
    assert_eq!(same.sha256, r.sha256);
    let third = k
        .attach_receipt_bytes(&elsewhere.id, "s.jpg", b"\xff\xd8")
        .unwrap();
    assert_eq!(
        k.trip_receipts(&trip).unwrap(),
        vec![r.clone(), same.clone()]
    );
    assert_eq!(k.trip_receipts(&other).unwrap(), vec![third]);

    // Empty, oversized and nameless content is refused, naming the field; nothing is recorded.
    for (name, bytes) in [
        ("empty.jpg", Vec::new()),
        ("big.jpg", vec![0u8; 25 * 1024 * 1024 + 1]),
        ("", photo.clone()),
    ] {
        let err = k.attach_receipt_bytes(&watch.id, name, &bytes).unwrap_err();
        assert!(err.is_bad_input(), "{name}: {err:?}");
    }
    assert!(k.attach_receipt_bytes("no-such", "a.jpg", &photo).is_err());
    assert_eq!(k.receipts(&watch.id).unwrap(), vec![r.clone()]);

    // A deleted receipt or purchase leaves the trip's list.
    k.delete_receipt(&same.id).unwrap();
    k.delete_purchase(&watch.id).unwrap();
    assert!(k.trip_receipts(&trip).unwrap().is_empty());
    // Nothing half-written stays in the receipts folder.
    let names: Vec<String> = std::fs::read_dir(dir.path().join("data/receipts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with("incoming-")),
        "{names:?}"
    );
}

#[test]
fn the_kept_status_follows_writes_from_another_process() {
    let dir = tempfile::tempdir().unwrap();
    let a = open(dir.path());
    let who = me(&a);
    let trip = fi_trip(&a, &[who], None);
    a.add_purchase(&goods(&trip, "Watch", "350")).unwrap();
    let first = a.status(&trip).unwrap();
    assert!(
        std::sync::Arc::ptr_eq(&first, &a.status(&trip).unwrap()),
        "kept while unchanged"
    );
    // Another opener of the same folder (as another process would) writes.
    let b = open(dir.path());
    b.add_purchase(&goods(&trip, "Jacket", "120")).unwrap();
    let now = a.status(&trip).unwrap();
    assert_eq!(now.assessment.items.len(), 2);
    assert_eq!(now.assessment.total_due, d("34.37"));
    assert_eq!(*now, a.status_fresh(&trip).unwrap());
}

#[test]
fn a_bulk_import_raises_its_alerts_at_the_next_look() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    let who = me(&k);
    let trip = fi_trip(&k, &[who], None);
    let batch: Vec<_> = (0..5)
        .map(|i| goods(&trip, &format!("Plate {i}"), "90"))
        .collect();
    k.add_purchases(&batch).unwrap();
    // 5 x €90 = €450 > €430: both allowance alerts and the first dutiable item, raised once.
    let kinds: Vec<String> = k
        .alerts(&trip, false)
        .unwrap()
        .into_iter()
        .map(|a| a.kind)
        .collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    assert!(kinds.contains(&"allowance_80".to_owned()) && kinds.contains(&"dutiable".to_owned()));
    k.status(&trip).unwrap();
    assert_eq!(k.alerts(&trip, true).unwrap().len(), 3);
}
