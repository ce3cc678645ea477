//! Declaration commands end to end through the real binary: declare, sign, QR image, verify
//! (from the image and from text), PDF, file, amend, payment drafts, CN 23 and trade import.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_karvon");

fn examples(name: &str) -> String {
    format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--data")
        .arg(data)
        .arg("--key-file")
        .arg(data.join("key"))
        .args(args)
        .env("KARVON_LANG", "en")
        .output()
        .unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = run(data, args);
    assert!(
        out.status.success(),
        "karvon {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The id in "Made passenger declaration <id> (draft)." and the like.
fn made_id(out: &str) -> String {
    out.split_whitespace()
        .find(|w| w.len() == 36 && w.matches('-').count() == 4)
        .unwrap_or_else(|| panic!("no id in {out}"))
        .to_owned()
}

#[test]
fn declare_sign_show_verify_and_pay_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let me = ok(
        data,
        &[
            "traveller",
            "add",
            "--name",
            "Aziza Karimova",
            "--born",
            "1990-03-14",
            "--residency",
            "FI",
        ],
    );
    let me = me.split_whitespace().last().unwrap().to_owned();
    let trip = ok(
        data,
        &[
            "trip",
            "new",
            "--name",
            "Istanbul",
            "--to",
            "FI",
            "--arrive",
            "2026-12-10",
            "--days",
            "6",
            "--traveller",
            &me[..8],
        ],
    );
    let trip = trip.split_whitespace().last().unwrap().to_owned();
    ok(
        data,
        &[
            "buy",
            &trip[..8],
            "--what",
            "Leather jacket",
            "--value",
            "900",
            "--currency",
            "EUR",
            "--date",
            "2026-12-05",
        ],
    );

    let doc = made_id(&ok(data, &["declare", &trip[..8], "--sign"]));
    let show = ok(data, &["doc", "show", &doc]);
    assert!(
        show.contains("Leather jacket") && show.contains("signed"),
        "{show}"
    );

    // The QR image is read back and verified, as an officer's scanner would.
    let png = data.join("qr.png");
    ok(data, &["export", &doc, "--qr", png.to_str().unwrap()]);
    let verified = ok(data, &["verify", png.to_str().unwrap()]);
    assert!(verified.contains("Signature valid"), "{verified}");
    assert!(verified.contains("this device"), "{verified}");
    assert!(verified.contains("Leather jacket"), "{verified}");
    let payload = ok(data, &["export", &doc, "--payload"]).trim().to_owned();
    let mut forged: Vec<char> = payload.chars().collect();
    let at = forged.len() / 2;
    forged[at] = if forged[at] == '0' { '1' } else { '0' };
    let forged: String = forged.into_iter().collect();
    let out = run(data, &["verify", &forged]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // PDF in Uzbek.
    let pdf = data.join("decl.pdf");
    ok(
        data,
        &[
            "--lang",
            "uz",
            "export",
            &doc,
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // File, then a payment draft: customs gives the payee.
    assert!(ok(data, &["doc", "file", &doc]).contains("queued"));
    let pay: Value = serde_json::from_str(&ok(data, &["pay", "draft", &doc, "--json"])).unwrap();
    let pay_id = pay["id"].as_str().unwrap().to_owned();
    let text = ok(data, &["pay", "export", &pay_id, "--text"]);
    assert!(text.contains("given by customs"), "{text}");
    let pay_pdf = data.join("pay.pdf");
    ok(
        data,
        &["pay", "export", &pay_id, "--pdf", pay_pdf.to_str().unwrap()],
    );
    assert!(std::fs::read(&pay_pdf).unwrap().starts_with(b"%PDF-"));
    let epc = run(data, &["pay", "export", &pay_id, "--epc"]);
    assert_eq!(epc.status.code(), Some(2), "no IBAN, no EPC QR");

    // Amend makes version 2; the signed one cannot be edited or deleted.
    let amended = ok(data, &["doc", "amend", &doc]);
    assert!(amended.contains("version 2"), "{amended}");
    let del = run(data, &["doc", "delete", &doc]);
    assert_eq!(del.status.code(), Some(2));
    let list = ok(data, &["doc", "list"]);
    assert_eq!(list.lines().count(), 2, "{list}");
}

#[test]
fn cn23_and_trade_import_from_files() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let cn23 = made_id(&ok(data, &["cn23", &examples("cn23-uz-fi.json"), "--sign"]));
    let svg = data.join("cn23.svg");
    ok(data, &["export", &cn23, "--qr", svg.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));

    ok(
        data,
        &[
            "rates",
            "add",
            "USD",
            "12050",
            "--base",
            "UZS",
            "--date",
            "2026-11-19",
        ],
    );
    // A bad CSV: every bad cell named, exit 2, nothing saved.
    let bad = data.join("bad.csv");
    std::fs::write(
        &bad,
        "hs_code;description;origin;quantity;unit;net_kg;gross_kg;value;currency\n\
         080119;Coconuts fresh;MY;10;kg;10;11;1e400;USD\n\
         0801;Coconuts dried;ZZ;10;kg;10;11;5;USD\n",
    )
    .unwrap();
    let args = |csv: &str| {
        vec![
            "trade".to_owned(),
            "import".into(),
            csv.into(),
            "--header".into(),
            examples("trade-header-uz.json"),
            "--tariff".into(),
            examples("tariffs/uz.csv"),
        ]
    };
    let a = args(bad.to_str().unwrap());
    let out = run(data, &a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("invoice:2:value") && err.contains("invoice:3:origin"),
        "{err}"
    );
    assert_eq!(
        ok(data, &["doc", "list"]).lines().count(),
        1,
        "only the CN 23"
    );

    let a = args(&examples("invoice-uz.csv"));
    let trade = made_id(&ok(data, &a.iter().map(String::as_str).collect::<Vec<_>>()));
    ok(data, &["sign", &trade]);
    let payload = ok(data, &["export", &trade, "--payload"]).trim().to_owned();
    let out = Command::new(BIN)
        .args(["verify", &payload, "--json"])
        .env("KARVON_LANG", "en")
        .env_remove("KARVON_DATA")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "trade");
    assert_eq!(v["own_key"], false, "verified without the data folder");
}
