//! The whole filing flow with the real binaries: declare → sign → queue → `karvon sync` →
//! `karvon-server admin clear` → `karvon sync` → a second device shows the declaration cleared
//! with its registration. A declaration that no longer matches its trip is refused with the
//! reason, kept as a problem, and never registered.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use karvon_core::domain::filing::DocStatus;
use karvon_core::{Karvon, KeySource};
use karvon_e2e::{binary, buy, seed_trip};

struct ServerProcess(Child);

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_server(data: &Path) -> (ServerProcess, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(binary("karvon-server"))
        .arg("--data")
        .arg(data)
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains("listening"), "{line}");
    (ServerProcess(child), format!("http://127.0.0.1:{port}"))
}

fn karvon(data: &Path, key: &Path, args: &[&str]) -> String {
    let out = Command::new(binary("karvon"))
        .arg("--data")
        .arg(data)
        .arg("--key-file")
        .arg(key)
        .args(["--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "karvon {args:?}: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

fn admin(server_data: &Path, args: &[&str]) -> String {
    let out = Command::new(binary("karvon-server"))
        .arg("--data")
        .arg(server_data)
        .arg("admin")
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "admin {args:?}: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

#[test]
fn a_declaration_is_filed_cleared_and_seen_cleared_on_a_second_device() {
    let tmp = tempfile::tempdir().unwrap();
    let server_data = tmp.path().join("server");
    let (_server, url) = start_server(&server_data);
    let key = tmp.path().join("key");
    std::fs::write(&key, "2a".repeat(32)).unwrap();
    let (d1, d2) = (tmp.path().join("phone"), tmp.path().join("laptop"));

    // Phone: a trip over the allowance, declared, signed and queued for filing.
    let (doc, stale) = {
        let k = Karvon::open(&d1, &KeySource::File(key.clone())).unwrap();
        let trip = seed_trip(&k, "Istanbul");
        buy(&k, &trip, "Leather jacket", 900);
        let doc = k.declare_trip(&trip).unwrap().id;
        k.sign_document(&doc).unwrap();
        k.queue_document(&doc).unwrap();
        // A second declaration whose trip changes after signing: the server must refuse it.
        let other = seed_trip(&k, "Riga");
        buy(&k, &other, "Camera", 700);
        let stale = k.declare_trip(&other).unwrap().id;
        k.sign_document(&stale).unwrap();
        buy(&k, &other, "Lens", 300);
        k.queue_document(&stale).unwrap();
        (doc, stale)
    };
    let out = karvon(&d1, &key, &["sync", "--server", &url]);
    assert!(out.contains("1 filed"), "{out}");

    let listed = admin(&server_data, &["list"]);
    assert!(listed.contains(&doc), "{listed}");
    assert!(listed.contains("registered"), "{listed}");
    assert!(
        !listed.contains(&stale),
        "a mismatching declaration is never registered"
    );
    let registration = listed
        .split_whitespace()
        .find(|w| w.starts_with("KRV-"))
        .unwrap()
        .to_owned();

    // The refusal is kept with its reason and shown by `sync --status`.
    let status = karvon(&d1, &key, &["sync", "--status"]);
    assert!(status.contains("Problems that need you: 1"), "{status}");
    assert!(status.contains(&stale), "{status}");
    assert!(
        status.contains("differs from the declaration at"),
        "{status}"
    );

    // Filing the same document again (another sync) registers nothing new.
    karvon(&d1, &key, &["sync"]);
    assert_eq!(admin(&server_data, &["list"]).lines().count(), 1);

    // Customs clears it.
    let cleared = admin(&server_data, &["clear", &doc]);
    assert!(cleared.contains("cleared"), "{cleared}");
    // Clearing it again is refused (status only moves forward).
    let again = Command::new(binary("karvon-server"))
        .arg("--data")
        .arg(&server_data)
        .args(["admin", "reject", &doc, "--reason", "late"])
        .output()
        .unwrap();
    assert!(!again.status.success());

    // Laptop: paired to the phone's account with a code, then synced.
    let code_out = karvon(&d1, &key, &["sync", "--new-code", "--json"]);
    let code: serde_json::Value = serde_json::from_str(&code_out).unwrap();
    let code = code["code"].as_str().unwrap().to_owned();
    karvon(&d2, &key, &["sync", "--server", &url, "--pair", &code]);
    karvon(&d1, &key, &["sync"]);

    let laptop = Karvon::open(&d2, &KeySource::File(key.clone())).unwrap();
    let seen = laptop.document(&doc).unwrap();
    assert_eq!(seen.status, DocStatus::Cleared);
    assert_eq!(seen.registration.as_deref(), Some(registration.as_str()));
    // The phone applied the same clearance through its own pull.
    let phone = Karvon::open(&d1, &KeySource::File(key)).unwrap();
    assert_eq!(phone.document(&doc).unwrap().status, DocStatus::Cleared);
    assert_eq!(
        phone.document(&stale).unwrap().status,
        DocStatus::Queued,
        "the refused declaration waits for the user"
    );
    assert_eq!(
        laptop.qr_payload(&doc).unwrap(),
        phone.qr_payload(&doc).unwrap()
    );
}
