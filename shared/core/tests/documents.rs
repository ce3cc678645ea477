//! Declarations through the facade on a real SQLite file: make, sign, QR, verify, tamper, file,
//! server statuses, amend, payment drafts, PDFs (read back with pdftotext), trade CSV import.

use std::path::Path;
use std::process::Command;
use std::str::FromStr;

use karvon_core::domain::document::DocKind;
use karvon_core::domain::filing::DocStatus;
use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::payment::PaymentStatus;
use karvon_core::domain::{Currency, Date};
use karvon_core::i18n::Lang;
use karvon_core::payments::{PaymentExport, PaymentOptions};
use karvon_core::trade::TradeHeader;
use karvon_core::{Error, Karvon, KeySource, PurchaseInput, TravellerInput, TripInput};
use rust_decimal::Decimal;

const KEY: KeySource = KeySource::Provided([7; 32]);

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
fn day(s: &str) -> Date {
    s.parse().unwrap()
}
fn cur(s: &str) -> Currency {
    Currency::from_code(s).unwrap()
}
fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A Finnish trip with €900 of goods: over the €430 allowance, so duty and VAT are due.
fn fi_trip(k: &Karvon) -> String {
    let who = k
        .add_traveller(&TravellerInput {
            name: "Aziza Karimova".into(),
            birth_date: Some(day("1990-03-14")),
            residency: "fi".into(),
            document: Some("FA1234567".into()),
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
            travellers: vec![who],
            plan: None,
            joint: false,
        })
        .unwrap()
        .id;
    k.add_purchase(
        &PurchaseInput::new(&trip, "Leather jacket", Kind::Goods, day("2026-12-05"))
            .priced(d("900"), cur("EUR")),
    )
    .unwrap();
    trip
}

fn pdftotext(pdf: &[u8], dir: &Path) -> String {
    let file = dir.join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by `cargo xtask setup`");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn passenger_declaration_signs_verifies_files_and_amends() {
    let dir = tempfile::tempdir().unwrap();
    let k = Karvon::open(dir.path(), &KEY).unwrap();
    let trip = fi_trip(&k);

    let draft = k.declare_trip(&trip).unwrap();
    assert_eq!(draft.kind, DocKind::Passenger);
    assert_eq!(draft.status, DocStatus::Draft);
    assert_eq!(draft.version, 1);
    assert_eq!(draft.body["goods"][0]["description"], "Leather jacket");
    // A draft may be edited; nothing signed may.
    let mut body = draft.body.clone();
    body["goods"][0]["description"] = "Leather jacket, black".into();
    let draft = k.update_document(&draft.id, &body).unwrap();
    assert_eq!(
        draft.body["goods"][0]["description"],
        "Leather jacket, black"
    );
    assert!(
        matches!(k.queue_document(&draft.id), Err(Error::Document(m)) if m.id == "filing-error-skip")
    );

    let signed = k.sign_document(&draft.id).unwrap();
    assert_eq!(signed.status, DocStatus::Signed);
    let fp = signed.key_fingerprint.clone().unwrap();
    assert_eq!(fp, k.device_key_fingerprint().unwrap());
    match k.update_document(&signed.id, &body) {
        Err(Error::Document(m)) => assert_eq!(m.id, "filing-error-frozen"),
        other => panic!("{other:?}"),
    }
    // The database itself refuses to change a signed body.
    let db = rusqlite::Connection::open(dir.path().join(karvon_core::DATABASE_FILE)).unwrap();
    let err = db
        .execute(
            "UPDATE document SET body_enc = x'00' WHERE id = ?1",
            [&signed.id],
        )
        .unwrap_err();
    assert!(err.to_string().contains("signed document"), "{err}");

    // QR payload → verify → the same document; this device signed it.
    let payload = k.qr_payload(&signed.id).unwrap();
    assert!(payload.starts_with("KV1:"));
    let v = k.verify_payload(&payload).unwrap();
    assert_eq!(v.kind, DocKind::Passenger);
    assert!(v.own_key);
    assert_eq!(v.key_fingerprint, fp);
    assert_eq!(v.body, signed.body);
    assert!(!v.lines.is_empty());
    // Another core (an officer's device) verifies it too, but it is not its key.
    let officer = Karvon::new().unwrap();
    assert!(!officer.verify_payload(&payload).unwrap().own_key);
    // Any changed character fails; a cut payload fails.
    for at in [5, payload.len() / 2, payload.len() - 1] {
        let mut chars: Vec<char> = payload.chars().collect();
        chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
        let forged: String = chars.into_iter().collect();
        assert!(officer.verify_payload(&forged).is_err(), "changed at {at}");
    }
    assert!(officer
        .verify_payload(&payload[..payload.len() - 7])
        .is_err());

    // File it: queued by the device, then the server's statuses, forward only.
    let queued = k.queue_document(&signed.id).unwrap();
    assert_eq!(queued.status, DocStatus::Queued);
    let reg = k
        .apply_server_status(
            &signed.id,
            DocStatus::Registered,
            Some("FI-2026-000123"),
            None,
        )
        .unwrap();
    assert_eq!(reg.registration.as_deref(), Some("FI-2026-000123"));
    let same = k
        .apply_server_status(&signed.id, DocStatus::Submitted, None, None)
        .unwrap();
    assert_eq!(
        same.status,
        DocStatus::Registered,
        "an older status is ignored"
    );
    let statuses: Vec<DocStatus> = same.timeline.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        vec![
            DocStatus::Draft,
            DocStatus::Signed,
            DocStatus::Queued,
            DocStatus::Registered
        ]
    );

    // Payment draft from the totals: customs gives the payee, so the bank exports refuse.
    let pay = k
        .create_payment(&signed.id, &PaymentOptions::default())
        .unwrap();
    let due = d(signed.body["totals"]["total"].as_str().unwrap());
    assert!(due > Decimal::ZERO);
    assert_eq!(pay.draft.amount.amount, due);
    assert_eq!(
        pay.status,
        PaymentStatus::Submitted,
        "follows the filed declaration"
    );
    assert!(k.export_payment(&pay.id, &PaymentExport::EpcQr).is_err());
    assert_eq!(
        k.apply_payment_paid(&pay.id).unwrap().status,
        PaymentStatus::Paid
    );

    // Amend: a new linked draft; the signed version stays as it was.
    let v2 = k.amend_document(&signed.id).unwrap();
    assert_eq!((v2.version, v2.status), (2, DocStatus::Draft));
    assert_eq!(v2.series, signed.series);
    assert_eq!(v2.amends.as_deref(), Some(signed.id.as_str()));
    assert_eq!(
        k.document(&signed.id).unwrap().amended_by.as_deref(),
        Some(v2.id.as_str())
    );
    assert!(
        matches!(k.amend_document(&signed.id), Err(Error::Document(m)) if m.id == "filing-error-amended")
    );
    assert!(k.delete_document(&signed.id).is_err(), "signed is kept");
    k.delete_document(&v2.id).unwrap();

    // The PDF carries the goods and the QR; pdftotext reads it back in Russian.
    let pdf = k.document_pdf(&signed.id, Lang::Ru).unwrap();
    let text = pdftotext(&pdf, dir.path());
    assert!(
        text.contains("Пассажирская таможенная декларация"),
        "{text}"
    );
    assert!(text.contains("Leather jacket, black"), "{text}");
    assert!(text.contains("FI-2026-000123"), "{text}");

    // Reopening keeps everything and the same key.
    drop(k);
    let k = Karvon::open(dir.path(), &KEY).unwrap();
    assert_eq!(k.device_key_fingerprint().unwrap(), fp);
    assert_eq!(k.documents(Some(&trip)).unwrap().len(), 1);
}

#[test]
fn the_signing_key_is_sealed_and_needs_the_data_key() {
    let dir = tempfile::tempdir().unwrap();
    let k = Karvon::open(dir.path(), &KEY).unwrap();
    let body = k
        .parse_postal(DocKind::Cn23, &example("cn23-uz-fi.json"))
        .unwrap();
    let doc = k
        .create_document(DocKind::Cn23, None, "Scarves to Helsinki", &body)
        .unwrap();
    let signed = k.sign_document(&doc.id).unwrap();
    let raw = std::fs::read(dir.path().join(karvon_core::DATABASE_FILE)).unwrap();
    // Names on the form are sealed at rest.
    assert!(!raw.windows(14).any(|w| w == b"Mikko Virtanen"));
    drop(k);
    let wrong = Karvon::open(dir.path(), &KeySource::Provided([8; 32])).unwrap();
    // The sealed body does not open with another key.
    assert!(matches!(wrong.document(&signed.id), Err(Error::Key(_))));
    let other = wrong.create_document(DocKind::Cn23, None, "x", &body);
    // Opening the sealed key with the wrong data key fails with a clear error.
    let id = other.unwrap().id;
    match wrong.sign_document(&id) {
        Err(Error::Key(m)) => assert_eq!(m.id, "error-key-signing-mismatch"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn cn23_from_json_signs_and_renders_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let k = Karvon::open(dir.path(), &KEY).unwrap();
    let body = k
        .parse_postal(DocKind::Cn23, &example("cn23-uz-fi.json"))
        .unwrap();
    let doc = k
        .create_document(DocKind::Cn23, None, "Scarves", &body)
        .unwrap();
    let signed = k.sign_document(&doc.id).unwrap();
    let v = Karvon::new()
        .unwrap()
        .verify_payload(&k.qr_payload(&signed.id).unwrap())
        .unwrap();
    assert_eq!(v.kind, DocKind::Cn23);
    assert_eq!(v.body, signed.body);
    let text = pdftotext(&k.document_pdf(&signed.id, Lang::En).unwrap(), dir.path());
    for want in [
        "Mikko Virtanen",
        "ikat",
        "INV-2026-0042",
        "UZ-ORIGIN-2026-0042",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    // A vague description is refused at signing, with its place.
    let mut vague = body.clone();
    vague["contents"][0]["description"] = "clothes".into();
    let d2 = k
        .create_document(DocKind::Cn23, None, "Vague", &vague)
        .unwrap();
    match k.sign_document(&d2.id) {
        Err(Error::Invalid(list)) => {
            assert!(
                list.iter().any(|e| e.path.contains("contents[0]")),
                "{list:?}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(k.document(&d2.id).unwrap().status, DocStatus::Draft);
}

#[test]
fn trade_import_assesses_and_refuses_a_bad_csv_whole() {
    let dir = tempfile::tempdir().unwrap();
    let k = Karvon::open(dir.path(), &KEY).unwrap();
    k.add_manual_rate(cur("UZS"), cur("USD"), d("12050"), day("2026-11-19"))
        .unwrap();
    let header = TradeHeader::Json(example("trade-header-uz.json"));
    let tariff = example("tariffs/uz.csv");

    // Two bad rows: every problem at once, nothing saved.
    let bad = "hs_code,description,origin,quantity,unit,net_kg,gross_kg,value,currency\n\
               0801x9,Coconuts fresh,MY,10,kg,10,11,1e400,USD\n\
               080119,Coconuts dried,ZZ,10,kg,10,11,5,USD\n";
    match k.import_trade(&header, bad, &tariff, None) {
        Err(Error::Invalid(list)) => {
            let places: Vec<&str> = list.iter().map(|e| e.path.as_str()).collect();
            assert!(
                places.iter().any(|p| p.starts_with("invoice:2:hs_code")),
                "{places:?}"
            );
            assert!(
                places.iter().any(|p| p.starts_with("invoice:2:value")),
                "{places:?}"
            );
            assert!(
                places.iter().any(|p| p.starts_with("invoice:3:origin")),
                "{places:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(k.documents(None).unwrap().is_empty(), "nothing half-saved");

    let doc = k
        .import_trade(&header, &example("invoice-uz.csv"), &tariff, None)
        .unwrap();
    assert_eq!(doc.kind, DocKind::Trade);
    let payable = d(doc.body["totals"]["payable"].as_str().unwrap());
    assert!(payable > Decimal::ZERO);
    let signed = k.sign_document(&doc.id).unwrap();
    let v = Karvon::new()
        .unwrap()
        .verify_payload(&k.qr_payload(&signed.id).unwrap())
        .unwrap();
    assert_eq!(v.body, signed.body);
    let pay = k
        .create_payment(&signed.id, &PaymentOptions::default())
        .unwrap();
    assert_eq!(pay.draft.amount.amount, payable);
    assert_eq!(pay.draft.amount.currency, cur("UZS"));

    // A template keeps the parties for the next shipment.
    k.save_template("coconuts", &signed.id, false).unwrap();
    let again = k
        .import_trade(
            &TradeHeader::Template {
                name: "coconuts".into(),
                invoice_number: "CF-2026-131".into(),
                invoice_date: day("2026-11-18"),
                date: day("2026-11-21"),
            },
            &example("invoice-uz.csv"),
            &tariff,
            None,
        )
        .unwrap();
    assert_eq!(again.body["declaration"]["invoice_number"], "CF-2026-131");
    // A template can be deleted, and the delete undone.
    assert_eq!(k.templates().unwrap().len(), 1);
    k.delete_template(" coconuts ").unwrap();
    assert!(k.templates().unwrap().is_empty());
    assert!(matches!(
        k.delete_template("coconuts"),
        Err(Error::NotFound { .. })
    ));
    k.undo_delete().unwrap();
    assert_eq!(k.template("coconuts").unwrap().name, "coconuts");
    assert_eq!(
        again.body["declaration"]["consignor"],
        signed.body["declaration"]["consignor"]
    );
    let text = pdftotext(&k.document_pdf(&signed.id, Lang::Uz).unwrap(), dir.path());
    assert!(text.contains("Coconuts, fresh, in shell"), "{text}");
    assert!(text.contains("CF-2026-118"), "{text}");
}

#[test]
fn a_thirty_item_passenger_declaration_fits_one_qr_code_at_level_m() {
    let dir = tempfile::tempdir().unwrap();
    let k = Karvon::open(dir.path(), &KEY).unwrap();
    let trip = fi_trip(&k);
    let names = [
        "Кожаная сумка ручной работы",
        "Oʻzbek doʻppisi, ipak",
        "Wool carpet, hand-knotted",
        "Серебряный браслет",
        "Ceramic tea set, 6 cups",
    ];
    for i in 0..29 {
        let what = format!("{} #{}", names[i % names.len()], i + 1);
        k.add_purchase(
            &PurchaseInput::new(&trip, &what, Kind::Goods, day("2026-12-05"))
                .priced(d(&format!("{}.90", 440 + i * 7)), cur("EUR")),
        )
        .unwrap();
    }
    let doc = k.declare_trip(&trip).unwrap();
    assert_eq!(doc.body["goods"].as_array().unwrap().len(), 30);
    let signed = k.sign_document(&doc.id).unwrap();
    let payload = k.qr_payload(&signed.id).unwrap();
    let qr = karvon_render::qr::QrMatrix::encode(&payload, karvon_render::qr::QrLevel::M)
        .unwrap_or_else(|e| panic!("{} characters do not fit: {e:?}", payload.len()));
    eprintln!(
        "30 items: {} characters, QR version {} at level M",
        payload.len(),
        qr.version()
    );
    // What an officer's phone reads back from the printed code verifies.
    let png = qr.to_png(4).unwrap();
    let read = karvon_render::qr::read_png(&png).unwrap();
    assert_eq!(read, payload);
    assert!(Karvon::new().unwrap().verify_payload(&read).is_ok());
}

#[test]
fn goods_sent_home_separately_are_declared_apart() {
    let dir = tempfile::tempdir().unwrap();
    let k = Karvon::open(dir.path(), &KEY).unwrap();
    let trip = fi_trip(&k);
    let mut carpet = PurchaseInput::new(&trip, "Silk carpet", Kind::Goods, day("2026-12-06"))
        .priced(d("1200"), cur("EUR"));
    carpet.unaccompanied = true;
    let bought = k.add_purchase(&carpet).unwrap();
    assert!(bought.purchase.unaccompanied);
    let doc = k.declare_trip(&trip).unwrap();
    let carried: Vec<&str> = doc.body["goods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["description"].as_str().unwrap())
        .collect();
    let apart: Vec<&str> = doc.body["unaccompanied"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["description"].as_str().unwrap())
        .collect();
    assert_eq!(carried, vec!["Leather jacket"]);
    assert_eq!(apart, vec!["Silk carpet"]);
}
