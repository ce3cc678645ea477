//! Installing signed bundles from their bytes (no server): trust, precise refusals recorded
//! with their reason, content checked by the parser of its kind, and the origin of everything
//! in force (embedded, file, manual, publisher).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use karvon_core::dist::{check_content, DistError, Origin};
use karvon_core::domain::dist::{sign, BundleError, BundleKind, SignedBundle};
use karvon_core::domain::document::{fingerprint, Signer};
use karvon_core::domain::{Currency, Date};
use karvon_core::{Error, Karvon, KeySource};
use rust_decimal::Decimal;

fn data(relative: &str) -> PathBuf {
    karvon_core::reference_data(Path::new(env!("CARGO_MANIFEST_DIR")), relative)
        .unwrap_or_else(|| panic!("the shared reference data {relative} is missing"))
}

fn signer() -> Signer {
    Signer::from_pkcs8(&Signer::generate_pkcs8(&ring::rand::SystemRandom::new()).unwrap()).unwrap()
}

fn hex(key: &[u8; 32]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

fn open(dir: &Path) -> Karvon {
    Karvon::open(dir, &KeySource::Provided([7; 32])).unwrap()
}

fn bundle(s: &Signer, kind: BundleKind, name: &str, version: u64, content: &[u8]) -> Vec<u8> {
    sign(s, kind, name, version, 1_790_000_000_000, content.to_vec())
        .unwrap()
        .to_bytes()
        .unwrap()
}

fn bundle_err(e: Error) -> BundleError {
    match e {
        Error::Dist(DistError::Bundle(b)) => b,
        other => panic!("not a bundle refusal: {other:?}"),
    }
}

fn fi_pack(amount: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/fi.json"))
        .unwrap()
        .replace(
            r#""amount": {"amount": "430""#,
            &format!(r#""amount": {{"amount": "{amount}""#),
        )
}

fn goods_limit(k: &Karvon) -> Decimal {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trip.json");
    let trip = serde_json::json!({
        "jurisdiction": "FI", "arrival": "2026-12-10", "mode": "air", "days_abroad": 6,
        "travellers": [{"id": "me", "age": 34, "resident": true}],
        "items": [{"traveller": "me", "description": "Watch", "kind": "goods",
                   "value": "10", "currency": "EUR"}]
    });
    std::fs::write(&path, trip.to_string()).unwrap();
    let a = k.assess_file(&path).unwrap();
    a.allowances
        .iter()
        .find(|x| serde_json::to_value(x.category).unwrap() == "goods")
        .map(|x| x.limit)
        .unwrap()
}

#[test]
fn keys_are_trusted_explicitly_and_refusals_are_precise_and_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut k = open(dir.path());
    let s = signer();
    assert!(
        k.publishers().unwrap().is_empty(),
        "nothing trusted by default"
    );

    let fi = bundle(&s, BundleKind::Pack, "FI", 1, fi_pack("470").as_bytes());
    let e = bundle_err(k.install_bundle("test", &fi, None).unwrap_err());
    assert_eq!(
        e,
        BundleError::UnknownKey {
            key_id: fingerprint(&s.public_key())
        }
    );
    let failures = k.sources().unwrap().failures;
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].code, "dist-unknown-key");
    assert_eq!(failures[0].version, Some(1));
    assert_eq!(failures[0].server, "test");

    // Bad keys and unknown ids are bad input with their own codes.
    let e = k.trust_publisher("12ab").unwrap_err();
    assert!(e.is_bad_input());
    assert_eq!(bundle_err(e), BundleError::BadKey);
    let e = k.untrust_publisher("0000000000000000").unwrap_err();
    assert!(matches!(e, Error::Dist(DistError::NoSuchKey { .. })));

    let added = k
        .trust_publisher(&hex(&s.public_key()).to_uppercase())
        .unwrap();
    assert_eq!(added.key_id, fingerprint(&s.public_key()));
    k.trust_publisher(&hex(&s.public_key())).unwrap();
    assert_eq!(
        k.publishers().unwrap().len(),
        1,
        "trusting twice adds one key"
    );

    // Asked for one kind or name, given another.
    let e = bundle_err(
        k.install_bundle("test", &fi, Some((BundleKind::Hs, "hs")))
            .unwrap_err(),
    );
    assert!(matches!(e, BundleError::WrongKind { .. }));
    // The content must be what the signed name says: an ECB feed signed as `cbu`.
    let ecb = std::fs::read(data("fx/eurofxref.csv")).unwrap();
    let mislabelled = bundle(&s, BundleKind::Rates, "cbu", 1, &ecb);
    let e = bundle_err(k.install_bundle("test", &mislabelled, None).unwrap_err());
    assert_eq!(
        e,
        BundleError::WrongName {
            expected: "cbu".into(),
            found: "ecb".into()
        }
    );
    // Garbage is malformed, and nothing is recorded for it (no kind or name to record under).
    let e = bundle_err(k.install_bundle("test", b"not a bundle", None).unwrap_err());
    assert!(matches!(e, BundleError::Malformed { .. }));

    // A pack that verifies but does not validate names the field.
    let bad = bundle(&s, BundleKind::Pack, "FI", 1, fi_pack("-1").as_bytes());
    let e = k.install_bundle("test", &bad, None).unwrap_err();
    match &e {
        Error::Dist(d @ DistError::Content { at, .. }) => {
            assert!(at.contains("value_allowance"), "{at}");
            assert!(d.problem().is_some());
        }
        other => panic!("{other:?}"),
    }
    let rec = k.sources().unwrap().failures;
    let fi_fail = rec.iter().find(|f| f.name == "FI").unwrap();
    assert_eq!(fi_fail.code, "dist-content-invalid");
    assert!(fi_fail.problem.is_some());
    assert_eq!(goods_limit(&k), Decimal::from(430));

    // A good one installs, is in force at once and after reopening, and clears the failure.
    let installed = k.install_bundle("test", &fi, None).unwrap();
    assert_eq!((installed.version, installed.previous), (1, None));
    assert_eq!(goods_limit(&k), Decimal::from(470));
    drop(k);
    let mut k = open(dir.path());
    assert_eq!(goods_limit(&k), Decimal::from(470));
    let src = k.sources().unwrap();
    assert!(src.failures.iter().all(|f| f.name != "FI"));
    let entry = src.entries.iter().find(|e| e.name == "FI").unwrap();
    assert!(matches!(
        &entry.origin,
        Origin::Publisher { version: 1, server, .. } if server == "test"
    ));
    let uz = src.entries.iter().find(|e| e.name == "UZ").unwrap();
    assert_eq!(uz.origin, Origin::Embedded);

    // The same version again, or an older one, is refused; the installed one stays.
    let e = bundle_err(k.install_bundle("test", &fi, None).unwrap_err());
    assert!(matches!(
        e,
        BundleError::NotNewer {
            offered: 1,
            installed: 1,
            ..
        }
    ));
    let v3 = bundle(&s, BundleKind::Pack, "FI", 3, fi_pack("480").as_bytes());
    k.install_bundle("test", &v3, None).unwrap();
    let v2 = bundle(&s, BundleKind::Pack, "FI", 2, fi_pack("490").as_bytes());
    assert!(matches!(
        bundle_err(k.install_bundle("test", &v2, None).unwrap_err()),
        BundleError::NotNewer {
            offered: 2,
            installed: 3,
            ..
        }
    ));
    assert_eq!(goods_limit(&k), Decimal::from(480));

    // Untrusting keeps what was installed; later bundles of that key are refused.
    k.untrust_publisher(&added.key_id).unwrap();
    assert_eq!(goods_limit(&open(dir.path())), Decimal::from(480));
    let v4 = bundle(&s, BundleKind::Pack, "FI", 4, fi_pack("400").as_bytes());
    assert!(matches!(
        bundle_err(k.install_bundle("test", &v4, None).unwrap_err()),
        BundleError::UnknownKey { .. }
    ));
}

#[test]
fn origins_of_files_manual_rates_and_bundles() {
    let dir = tempfile::tempdir().unwrap();
    let mut k = open(dir.path());
    let s = signer();
    k.trust_publisher(&hex(&s.public_key())).unwrap();

    let ecb_path = data("fx/eurofxref.csv");
    k.import_rates(&ecb_path).unwrap();
    k.add_manual_rate(
        Currency::from_code("UZS").unwrap(),
        Currency::from_code("EUR").unwrap(),
        Decimal::from(14_000),
        "2026-04-13".parse::<Date>().unwrap(),
    )
    .unwrap();
    let hs_path = data("hs/harmonized-system.csv");
    k.import_hs(&hs_path).unwrap();
    let src = k.sources().unwrap();
    let ecb = src
        .entries
        .iter()
        .find(|e| e.kind == BundleKind::Rates && e.name == "ecb")
        .unwrap();
    assert!(
        matches!(&ecb.origin, Origin::File { path } if path.ends_with("eurofxref.csv")),
        "{:?}",
        ecb.origin
    );
    assert!(src
        .entries
        .iter()
        .any(|e| e.kind == BundleKind::Rates && e.origin == Origin::Manual));
    let hs = src
        .entries
        .iter()
        .find(|e| e.kind == BundleKind::Hs)
        .unwrap();
    assert!(matches!(hs.origin, Origin::File { .. }));
    assert!(hs.count > 5000);

    // The same files as bundles: the publisher is now the origin of what they replaced.
    let ecb_bytes = std::fs::read(&ecb_path).unwrap();
    assert_eq!(
        check_content(BundleKind::Rates, None, &ecb_bytes).unwrap(),
        "ecb"
    );
    k.install_bundle(
        "test",
        &bundle(&s, BundleKind::Rates, "ecb", 1, &ecb_bytes),
        None,
    )
    .unwrap();
    let hs_bytes = std::fs::read(&hs_path).unwrap();
    let hs_bundle = bundle(&s, BundleKind::Hs, "hs", 1, &hs_bytes);
    assert!(SignedBundle::from_bytes(&hs_bundle).is_ok());
    k.install_bundle("test", &hs_bundle, Some((BundleKind::Hs, "hs")))
        .unwrap();
    let src = k.sources().unwrap();
    let ecb = src
        .entries
        .iter()
        .find(|e| e.kind == BundleKind::Rates && e.name == "ecb")
        .unwrap();
    assert!(matches!(ecb.origin, Origin::Publisher { version: 1, .. }));
    let hs = src
        .entries
        .iter()
        .find(|e| e.kind == BundleKind::Hs)
        .unwrap();
    assert!(matches!(hs.origin, Origin::Publisher { version: 1, .. }));

    // A later local import of the HS file is in force again and says so.
    k.import_hs(&hs_path).unwrap();
    let hs = k
        .sources()
        .unwrap()
        .entries
        .into_iter()
        .find(|e| e.kind == BundleKind::Hs)
        .unwrap();
    assert!(matches!(hs.origin, Origin::File { .. }));

    // Content checks used by `publish`: an empty HS file and a non-feed are refused.
    assert!(check_content(BundleKind::Hs, None, b"").is_err());
    let e = check_content(BundleKind::Rates, Some("cbu"), b"hello").unwrap_err();
    assert!(e.is_bad_input());
}
