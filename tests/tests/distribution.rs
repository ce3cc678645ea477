//! Signed distribution end to end: `karvon-server publisher-key` and `publish` (the real
//! binary) write bundles into the server's SQLite file, a real server serves them on loopback,
//! and the `karvon` CLI trusts the key, runs `update`, and the assessment, `sources` and the
//! recorded refusals show the result. Tampered, unsigned-by-a-trusted-key, invalid and older
//! bundles are refused with their reason while the last good version stays in force.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use karvon_core::domain::dist::{self, BundleKind};
use karvon_core::domain::document::Signer;
use karvon_core::{Karvon, KeySource};
use karvon_e2e::{binary, Server};
use karvon_server::{NewBundle, SqliteStore, Storage};
use serde_json::Value;

const CBU_JSON: &str = r#"[
  {"id": 68, "Code": "840", "Ccy": "USD", "CcyNm_EN": "US Dollar", "Nominal": "1",
   "Rate": "11909.66", "Diff": "-24.58", "Date": "13.04.2026"},
  {"id": 20, "Code": "978", "Ccy": "EUR", "CcyNm_EN": "Euro", "Nominal": "1",
   "Rate": "13588.92", "Diff": "-2.99", "Date": "13.04.2026"}
]"#;

/// Runs a binary; returns the exit code, stdout and stderr.
fn run(bin: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(binary(bin))
        .args(args)
        .env("KARVON_LANG", "en")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `karvon --data DIR --key-file DIR/key ARGS`.
fn karvon(data: &Path, args: &[&str]) -> (i32, String, String) {
    let d = data.display().to_string();
    let key = data.join("key").display().to_string();
    let mut all = vec!["--data", d.as_str(), "--key-file", key.as_str()];
    all.extend_from_slice(args);
    run("karvon", &all)
}

/// `karvon-server --data DIR publish --key KEY WHAT...`; must succeed.
fn publish(server_dir: &Path, key: &Path, what: &[&str]) -> String {
    let d = server_dir.display().to_string();
    let k = key.display().to_string();
    let mut all = vec!["--data", d.as_str(), "publish", "--key", k.as_str()];
    all.extend_from_slice(what);
    let (code, out, err) = run("karvon-server", &all);
    assert_eq!(code, 0, "publish {what:?}: {out}{err}");
    out
}

/// The goods allowance of the example Finnish trip, as `karvon assess --json` computes it.
fn goods_limit(data: &Path) -> String {
    let trip = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/trip-fi.json");
    let (code, out, err) = karvon(data, &["assess", trip.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v["allowances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["category"] == "goods")
        .unwrap()["limit"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The FI pack with the air/sea goods allowance set to `amount` (EUR).
fn fi_pack(amount: &str) -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/rules/fi.json"),
    )
    .unwrap();
    let from = r#""amount": {"amount": "430""#;
    assert!(text.contains(from));
    text.replace(from, &format!(r#""amount": {{"amount": "{amount}""#))
}

fn sources(data: &Path) -> Value {
    let (code, out, err) = karvon(data, &["sources", "--json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn entry<'a>(s: &'a Value, kind: &str, name: &str) -> &'a Value {
    s["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == kind && e["name"] == name)
        .unwrap_or_else(|| panic!("no {kind} {name} in {s}"))
}

fn failure_code(s: &Value, kind: &str, name: &str) -> Option<String> {
    s["failures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == kind && f["name"] == name)
        .map(|f| f["code"].as_str().unwrap().to_owned())
}

/// Serves `body` once per connection over plain HTTP on loopback (an ECB feed "URL").
fn serve_file(body: Vec<u8>) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/eurofxref.csv",
        listener.local_addr().unwrap().port()
    );
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { return };
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    url
}

/// Stores `bytes` as a bundle straight into the server's SQLite file (what a compromised or
/// broken server would serve).
fn put_raw(db: &Path, bundle: &dist::SignedBundle, bytes: Vec<u8>) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let store = SqliteStore::open(db).unwrap();
        store
            .put_bundle(NewBundle {
                kind: bundle.header.kind,
                name: bundle.header.name.clone(),
                version: bundle.header.version,
                published_ms: bundle.header.published_ms,
                sha256: bundle.header.sha256.clone(),
                key_id: bundle.header.key_id.clone(),
                bytes,
                now_ms: 1,
            })
            .await
            .unwrap();
    });
}

fn sqlite_server(db: PathBuf) -> Server {
    Server::start(Box::new(move || {
        Box::pin(async move { Arc::new(SqliteStore::open(&db).unwrap()) as Arc<dyn Storage> })
    }))
}

#[test]
fn publish_update_refuse_and_keep_the_last_good_version() {
    let root = tempfile::tempdir().unwrap();
    let sdir = root.path().join("server");
    let db = sdir.join("karvon-server.sqlite3");
    let client = root.path().join("client");
    let key = root.path().join("publisher.key");
    let other_key = root.path().join("other.key");

    // Publisher keys: the public key on stdout; an existing file is never overwritten.
    let (code, public, err) = run("karvon-server", &["publisher-key", key.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let public = public.trim().to_owned();
    assert_eq!(public.len(), 64);
    let (code, _, _) = run("karvon-server", &["publisher-key", key.to_str().unwrap()]);
    assert_ne!(code, 0, "an existing key file is refused");
    let (code, _, err) = run(
        "karvon-server",
        &["publisher-key", other_key.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    let signer = Signer::from_pkcs8(&std::fs::read(&key).unwrap()).unwrap();
    let key_id = karvon_core::domain::document::fingerprint(&signer.public_key());

    // Publish: a pack with a changed figure, CBU rates from a file, ECB rates from a URL, HS.
    let pack500 = root.path().join("fi-500.json");
    std::fs::write(&pack500, fi_pack("500")).unwrap();
    let out = publish(&sdir, &key, &["pack", pack500.to_str().unwrap()]);
    assert!(out.contains("published pack FI version 1"), "{out}");
    let cbu = root.path().join("cbu.json");
    std::fs::write(&cbu, CBU_JSON).unwrap();
    publish(&sdir, &key, &["rates", "--cbu", cbu.to_str().unwrap()]);
    let ecb =
        karvon_core::reference_data(Path::new(env!("CARGO_MANIFEST_DIR")), "fx/eurofxref.csv")
            .expect("the shared reference data fx/eurofxref.csv is missing");
    let ecb_url = serve_file(std::fs::read(ecb).unwrap());
    publish(&sdir, &key, &["rates", "--ecb", &ecb_url]);
    let hs = karvon_core::reference_data(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        "hs/harmonized-system.csv",
    )
    .expect("the shared reference data hs/harmonized-system.csv is missing");
    publish(&sdir, &key, &["hs", hs.to_str().unwrap()]);

    // The server checks content with the client's parsers: an invalid pack is refused (exit 2)
    // naming the place, and a CBU feed given as ECB is refused.
    let bad_pack = root.path().join("fi-bad.json");
    std::fs::write(&bad_pack, fi_pack("-5")).unwrap();
    let (code, out, err) = run(
        "karvon-server",
        &[
            "--data",
            sdir.to_str().unwrap(),
            "publish",
            "--key",
            key.to_str().unwrap(),
            "pack",
            bad_pack.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("value_allowance"), "{err}");
    let (code, _, err) = run(
        "karvon-server",
        &[
            "--data",
            sdir.to_str().unwrap(),
            "publish",
            "--key",
            key.to_str().unwrap(),
            "rates",
            "--ecb",
            cbu.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{err}");

    let server = sqlite_server(db.clone());

    // Nothing is trusted by default: everything is refused for an unknown key.
    assert_eq!(goods_limit(&client), "430");
    let (code, out, _) = karvon(&client, &["sources", "keys"]);
    assert_eq!(code, 0);
    assert!(out.contains("No publisher key is trusted"), "{out}");
    let (code, out, err) = karvon(&client, &["update", "--server", &server.url]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("4 refused"), "{out}");
    assert!(out.contains("not trusted here"), "{out}");
    let s = sources(&client);
    assert_eq!(
        failure_code(&s, "pack", "FI").as_deref(),
        Some("dist-unknown-key")
    );
    assert_eq!(entry(&s, "pack", "FI")["origin"]["type"], "embedded");
    assert_eq!(goods_limit(&client), "430");

    // Bad input exits 2.
    let (code, _, err) = karvon(&client, &["sources", "trust", "not-a-key"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("64 hexadecimal digits"), "{err}");
    let (code, _, _) = karvon(&client, &["sources", "untrust", "0123456789abcdef"]);
    assert_eq!(code, 2);
    let (code, _, err) = karvon(&client, &["update", "--server", "not-a-url"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--server"), "{err}");

    // Trust the key, update: all four install and the assessment uses the new figure.
    let (code, out, err) = karvon(&client, &["sources", "trust", &public]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&key_id), "{out}");
    let (code, out, err) = karvon(&client, &["update"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("4 installed, 0 up to date, 0 refused"),
        "{out}"
    );
    assert!(err.contains("[1/4]"), "progress on stderr: {err}");
    assert_eq!(goods_limit(&client), "500");
    let s = sources(&client);
    let fi = &entry(&s, "pack", "FI")["origin"];
    assert_eq!(fi["type"], "publisher");
    assert_eq!(fi["key_id"], key_id.as_str());
    assert_eq!(fi["server"], server.url.as_str());
    assert_eq!(fi["version"], 1);
    assert_eq!(entry(&s, "rates", "cbu")["origin"]["type"], "publisher");
    assert_eq!(entry(&s, "rates", "ecb")["origin"]["type"], "publisher");
    let hs_entry = entry(&s, "hs", "hs");
    assert_eq!(hs_entry["origin"]["type"], "publisher");
    assert!(hs_entry["count"].as_u64().unwrap() > 5000, "{hs_entry}");
    assert_eq!(failure_code(&s, "pack", "FI"), None, "cleared on install");
    let (code, text, _) = karvon(&client, &["sources"]);
    assert_eq!(code, 0);
    assert!(
        text.contains(&format!(
            "Rules pack FI: version 1 from {}, signed by publisher key {key_id}",
            server.url
        )),
        "{text}"
    );
    // Another update has nothing to do.
    let (code, out, _) = karvon(&client, &["update"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("0 installed, 4 up to date, 0 refused"),
        "{out}"
    );

    // v2: signed by the trusted key, one content byte flipped on the server.
    let v2 = dist::sign(
        &signer,
        BundleKind::Pack,
        "FI",
        2,
        1_800_000_000_000,
        fi_pack("600").into_bytes(),
    )
    .unwrap();
    let mut tampered = v2.to_bytes().unwrap();
    let at = tampered.len() - 10;
    tampered[at] ^= 0x01;
    put_raw(&db, &v2, tampered);
    let (code, out, _) = karvon(&client, &["update"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("changed after signing"), "{out}");
    let s = sources(&client);
    assert_eq!(
        failure_code(&s, "pack", "FI").as_deref(),
        Some("dist-digest-mismatch")
    );
    assert_eq!(entry(&s, "pack", "FI")["origin"]["version"], 1);
    assert_eq!(goods_limit(&client), "500");

    // v3: a valid pack signed by a key the client does not trust.
    let pack600 = root.path().join("fi-600.json");
    std::fs::write(&pack600, fi_pack("600")).unwrap();
    let out = publish(&sdir, &other_key, &["pack", pack600.to_str().unwrap()]);
    assert!(out.contains("version 3"), "{out}");
    let (code, _, _) = karvon(&client, &["update"]);
    assert_eq!(code, 1);
    let s = sources(&client);
    assert_eq!(
        failure_code(&s, "pack", "FI").as_deref(),
        Some("dist-unknown-key")
    );
    assert_eq!(goods_limit(&client), "500");

    // v4: signed by the trusted key, verifies, but the pack does not validate.
    let v4 = dist::sign(
        &signer,
        BundleKind::Pack,
        "FI",
        4,
        1_800_000_000_000,
        fi_pack("-5").into_bytes(),
    )
    .unwrap();
    put_raw(&db, &v4, v4.to_bytes().unwrap());
    let (code, out, _) = karvon(&client, &["update"]);
    assert_eq!(code, 1, "{out}");
    let s = sources(&client);
    assert_eq!(
        failure_code(&s, "pack", "FI").as_deref(),
        Some("dist-content-invalid")
    );
    let (_, text, _) = karvon(&client, &["sources"]);
    assert!(text.contains("Refused rules pack FI version 4"), "{text}");
    assert!(text.contains("value_allowance"), "{text}");
    let (code, status, err) = karvon(&client, &["sync", "--status"]);
    assert_eq!(code, 0, "{err}");
    assert!(status.contains("Refused updates (1)"), "{status}");
    assert!(status.contains("version 4"), "{status}");
    assert_eq!(goods_limit(&client), "500");

    // v5: valid and trusted: installed over version 1.
    let out = publish(&sdir, &key, &["pack", pack600.to_str().unwrap()]);
    assert!(out.contains("version 5"), "{out}");
    let (code, out, err) = karvon(&client, &["update"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("version 5 over version 1"), "{out}");
    assert_eq!(goods_limit(&client), "600");
    assert_eq!(failure_code(&sources(&client), "pack", "FI"), None);

    // An older server still offering version 1: refused, version 5 stays.
    let old_dir = root.path().join("old-server");
    publish(&old_dir, &key, &["pack", pack500.to_str().unwrap()]);
    let old = sqlite_server(old_dir.join("karvon-server.sqlite3"));
    let (code, out, _) = karvon(&client, &["update", "--server", &old.url]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("not newer than the installed version 5"),
        "{out}"
    );
    let s = sources(&client);
    assert_eq!(
        failure_code(&s, "pack", "FI").as_deref(),
        Some("dist-not-newer")
    );
    assert_eq!(goods_limit(&client), "600");

    // Replaying the old signed bundle file directly is refused too, as is a header byte
    // changed (the signature no longer verifies).
    let mut k = Karvon::open(&client, &KeySource::File(client.join("key"))).unwrap();
    let v1 = dist::sign(
        &signer,
        BundleKind::Pack,
        "FI",
        1,
        1,
        fi_pack("450").into_bytes(),
    )
    .unwrap();
    let e = k
        .install_bundle("file", &v1.to_bytes().unwrap(), None)
        .unwrap_err();
    assert!(e.to_string().contains("not newer"), "{e}");
    let mut forged = dist::sign(
        &signer,
        BundleKind::Pack,
        "FI",
        9,
        1,
        fi_pack("450").into_bytes(),
    )
    .unwrap();
    forged.header.version = 10;
    forged.header_bytes = karvon_core::domain::document::canonical::to_vec(&forged.header).unwrap();
    let e = k
        .install_bundle("file", &forged.to_bytes().unwrap(), None)
        .unwrap_err();
    assert!(e.to_string().contains("signature"), "{e}");
    drop(k);
    assert_eq!(goods_limit(&client), "600");

    // Untrusting the key keeps what it signed installed.
    let (code, _, err) = karvon(&client, &["sources", "untrust", &key_id]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(goods_limit(&client), "600");
    drop(server);
}
