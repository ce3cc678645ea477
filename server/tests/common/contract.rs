//! One contract suite for every storage backend, run through a real HTTP server.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use karvon_domain::sync::wire::{
    DeviceList, DeviceRegistered, PairingCreated, PullResponse, PushResponse, PATH_DEVICES,
    PATH_PAIRING, PATH_PAIRING_REDEEM, PATH_PULL, PATH_PUSH, PATH_REGISTER,
};
use karvon_domain::sync::Change;
use karvon_server::{Limits, Rate, Storage};

use super::{change, now_ms, uuid, Device, TestServer};

/// Makes a fresh, empty store for each case.
pub type Factory<'a> = dyn FnMut() -> Pin<Box<dyn Future<Output = Arc<dyn Storage>> + 'a>> + 'a;

type Case = fn(Arc<dyn Storage>) -> Pin<Box<dyn Future<Output = ()>>>;

/// Every case, by name.
pub const CASES: &[(&str, Case)] = &[
    ("register_is_idempotent_per_key", |s| {
        Box::pin(register_is_idempotent_per_key(s))
    }),
    ("pairing_links_devices_to_one_account", |s| {
        Box::pin(pairing_links_devices_to_one_account(s))
    }),
    ("pairing_codes_are_one_time_and_expire", |s| {
        Box::pin(pairing_codes_are_one_time_and_expire(s))
    }),
    ("accounts_are_isolated_on_every_endpoint", |s| {
        Box::pin(accounts_are_isolated_on_every_endpoint(s))
    }),
    ("bad_signatures_are_refused", |s| {
        Box::pin(bad_signatures_are_refused(s))
    }),
    ("push_is_idempotent_by_key", |s| {
        Box::pin(push_is_idempotent_by_key(s))
    }),
    ("pull_pages_with_a_cursor", |s| {
        Box::pin(pull_pages_with_a_cursor(s))
    }),
    ("concurrent_pushes_store_each_change_once", |s| {
        Box::pin(concurrent_pushes_store_each_change_once(s))
    }),
    ("body_too_large_is_refused", |s| {
        Box::pin(body_too_large_is_refused(s))
    }),
    ("rate_limit_is_per_device", |s| {
        Box::pin(rate_limit_is_per_device(s))
    }),
    ("bad_bodies_name_the_field", |s| {
        Box::pin(bad_bodies_name_the_field(s))
    }),
    ("unknown_routes_and_methods_are_problems", |s| {
        Box::pin(unknown_routes_and_methods_are_problems(s))
    }),
    ("distribution_serves_the_newest_signed_bundle", |s| {
        Box::pin(distribution_serves_the_newest_signed_bundle(s))
    }),
];

/// A stored bundle of `content` signed by `signer` as `version` of pack `name`.
fn pack_bundle(
    signer: &karvon_domain::document::Signer,
    name: &str,
    version: u64,
    content: &[u8],
) -> (karvon_server::store::NewBundle, Vec<u8>) {
    let b = karvon_domain::dist::sign(
        signer,
        karvon_domain::dist::BundleKind::Pack,
        name,
        version,
        i64::try_from(now_ms()).unwrap(),
        content.to_vec(),
    )
    .unwrap();
    let bytes = b.to_bytes().unwrap();
    let stored = karvon_server::store::NewBundle {
        kind: b.header.kind,
        name: b.header.name.clone(),
        version,
        published_ms: b.header.published_ms,
        sha256: b.header.sha256.clone(),
        key_id: b.header.key_id.clone(),
        bytes: bytes.clone(),
        now_ms: now_ms(),
    };
    (stored, bytes)
}

async fn distribution_serves_the_newest_signed_bundle(store: Arc<dyn Storage>) {
    use karvon_domain::dist::{verify, BundleKind, BundleList};
    let rng = ring::rand::SystemRandom::new();
    let signer = karvon_domain::document::Signer::from_pkcs8(
        &karvon_domain::document::Signer::generate_pkcs8(&rng).unwrap(),
    )
    .unwrap();
    let srv = server(store.clone()).await;
    // Nothing published: an empty list, and 404 for a bundle.
    let empty: BundleList = srv
        .send("GET", "/v1/distribution", &[], Vec::new())
        .await
        .json();
    assert!(empty.bundles.is_empty());
    srv.send("GET", "/v1/distribution/pack/FI", &[], Vec::new())
        .await
        .expect_problem(404, "server-not-found");
    assert_eq!(
        store
            .bundle_version(BundleKind::Pack, "FI".into())
            .await
            .unwrap(),
        None
    );

    let (v1, _) = pack_bundle(&signer, "FI", 1, b"{\"v\":1}");
    store.put_bundle(v1.clone()).await.unwrap();
    let (v2, v2_bytes) = pack_bundle(&signer, "FI", 2, b"{\"v\":2}");
    store.put_bundle(v2.clone()).await.unwrap();
    let (hs, _) = {
        let b =
            karvon_domain::dist::sign(&signer, BundleKind::Hs, "hs", 1, 5, b"x".to_vec()).unwrap();
        let bytes = b.to_bytes().unwrap();
        (
            karvon_server::store::NewBundle {
                kind: BundleKind::Hs,
                name: "hs".into(),
                version: 1,
                published_ms: 5,
                sha256: b.header.sha256.clone(),
                key_id: b.header.key_id.clone(),
                bytes: bytes.clone(),
                now_ms: now_ms(),
            },
            bytes,
        )
    };
    store.put_bundle(hs).await.unwrap();
    // An older or equal version is refused and changes nothing.
    for stale in [v1.clone(), v2.clone()] {
        match store.put_bundle(stale).await {
            Err(karvon_server::Error::BundleNotNewer { latest: 2, .. }) => {}
            other => panic!("expected BundleNotNewer, got {other:?}"),
        }
    }
    assert_eq!(
        store
            .bundle_version(BundleKind::Pack, "FI".into())
            .await
            .unwrap(),
        Some(2)
    );

    let list: BundleList = srv
        .send("GET", "/v1/distribution", &[], Vec::new())
        .await
        .json();
    let got: Vec<_> = list
        .bundles
        .iter()
        .map(|b| (b.kind, b.name.as_str(), b.version))
        .collect();
    assert_eq!(
        got,
        vec![(BundleKind::Hs, "hs", 1), (BundleKind::Pack, "FI", 2)]
    );
    assert_eq!(list.bundles[1].size, v2_bytes.len() as u64);
    assert_eq!(list.bundles[1].sha256, v2.sha256);
    assert_eq!(list.bundles[1].key_id, v2.key_id);

    // The newest bytes, exactly as stored, verifying with the publisher key; a lower-case
    // pack name finds the same bundle.
    let r = srv
        .send("GET", "/v1/distribution/pack/fi", &[], Vec::new())
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.headers.get("content-type").unwrap(),
        "application/octet-stream"
    );
    assert_eq!(r.body, v2_bytes);
    let b = verify(
        &r.body,
        &[signer.public_key()],
        Some((BundleKind::Pack, "FI")),
    )
    .unwrap();
    assert_eq!(b.content, b"{\"v\":2}");
    for path in ["/v1/distribution/nope/FI", "/v1/distribution/rates/xyz"] {
        srv.send("GET", path, &[], Vec::new())
            .await
            .expect_problem(404, "server-not-found");
    }
    srv.stop().await;
}

/// Runs every case against fresh stores from `factory`.
pub async fn run(backend: &str, factory: &mut Factory<'_>) {
    for (name, case) in CASES {
        let store = factory().await;
        assert_eq!(store.backend(), backend);
        let started = std::time::Instant::now();
        case(store).await;
        println!(
            "{backend}: {name} ok ({} ms)",
            started.elapsed().as_millis()
        );
    }
}

async fn server(store: Arc<dyn Storage>) -> TestServer {
    TestServer::start(store, Limits::default()).await
}

async fn registered(srv: &TestServer, name: &str) -> (Device, DeviceRegistered) {
    let d = Device::new();
    let r = srv.register(&d, name).await;
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let ids: DeviceRegistered = r.json();
    (d, ids)
}

async fn pull_all(srv: &TestServer, d: &Device) -> Vec<Change> {
    let mut cursor = 0;
    let mut all = Vec::new();
    loop {
        let page: PullResponse = srv.pull(d, cursor, 1000).await.expect_ok().json();
        all.extend(page.changes);
        cursor = page.next_cursor;
        if !page.more {
            return all;
        }
    }
}

async fn pair(srv: &TestServer, existing: &Device, name: &str) -> (Device, DeviceRegistered) {
    let code: PairingCreated = srv
        .call(existing, "POST", PATH_PAIRING, b"")
        .await
        .expect_ok()
        .json();
    let d = Device::new();
    let body = serde_json::to_vec(&serde_json::json!({
        "code": code.code.to_lowercase(), "public_key": d.public_hex, "device_name": name
    }))
    .unwrap();
    let r = srv.call(&d, "POST", PATH_PAIRING_REDEEM, &body).await;
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let ids = r.json();
    (d, ids)
}

async fn register_is_idempotent_per_key(store: Arc<dyn Storage>) {
    let srv = server(store).await;
    let (d, first) = registered(&srv, "Phone").await;
    assert_eq!(first.device_id, d.id);
    // The first answer was lost: registering again gives the same account, 200 not 201.
    let again = srv.register(&d, "Phone").await;
    assert_eq!(again.status, 200);
    assert_eq!(again.json::<DeviceRegistered>(), first);
    let list: DeviceList = srv
        .call(&d, "GET", PATH_DEVICES, b"")
        .await
        .expect_ok()
        .json();
    assert_eq!(list.devices.len(), 1);
    assert_eq!(list.devices[0].name, "Phone");
    // Another key is another account.
    let (_, other) = registered(&srv, "Laptop").await;
    assert_ne!(other.account_id, first.account_id);
    // A body whose key is not 32 bytes of hex.
    let bad = Device::new();
    let body = br#"{"public_key":"abcd","device_name":"x"}"#;
    srv.call(&bad, "POST", PATH_REGISTER, body)
        .await
        .expect_problem(422, "server-invalid-request");
    // Signed by one key, registering another: refused.
    let body = serde_json::to_vec(&serde_json::json!({
        "public_key": Device::new().public_hex, "device_name": "Thief"
    }))
    .unwrap();
    srv.call(&bad, "POST", PATH_REGISTER, &body)
        .await
        .expect_problem(401, "server-bad-signature");
    srv.stop().await;
}

async fn pairing_links_devices_to_one_account(store: Arc<dyn Storage>) {
    let srv = server(store).await;
    let (phone, ids) = registered(&srv, "Phone").await;
    let (laptop, laptop_ids) = pair(&srv, &phone, "Laptop").await;
    assert_eq!(laptop_ids.account_id, ids.account_id);
    assert_eq!(laptop_ids.device_id, laptop.id);
    let a = change("trip-1", "name", "\"Samarkand\"", 1_000, "00000000000000a1");
    let b = change("trip-1", "budget", "\"120.50\"", 1_001, "00000000000000a2");
    srv.push(&phone, &uuid(), std::slice::from_ref(&a))
        .await
        .expect_ok();
    srv.push(&laptop, &uuid(), std::slice::from_ref(&b))
        .await
        .expect_ok();
    let want = vec![a, b];
    assert_eq!(pull_all(&srv, &phone).await, want);
    assert_eq!(pull_all(&srv, &laptop).await, want);
    let list: DeviceList = srv
        .call(&laptop, "GET", PATH_DEVICES, b"")
        .await
        .expect_ok()
        .json();
    let names: Vec<_> = list.devices.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Phone", "Laptop"]);
    // An already registered key cannot be paired again (and keeps its account).
    let code: PairingCreated = srv.call(&phone, "POST", PATH_PAIRING, b"").await.json();
    let body = serde_json::to_vec(&serde_json::json!({
        "code": code.code, "public_key": laptop.public_hex, "device_name": "again"
    }))
    .unwrap();
    srv.call(&laptop, "POST", PATH_PAIRING_REDEEM, &body)
        .await
        .expect_problem(409, "server-device-exists");
    // The refused attempt did not use the code up.
    pair_with_code(&srv, &code.code).await.expect_ok();
    srv.stop().await;
}

async fn pair_with_code(srv: &TestServer, code: &str) -> super::Reply {
    let d = Device::new();
    let body = serde_json::to_vec(&serde_json::json!({
        "code": code, "public_key": d.public_hex, "device_name": "New"
    }))
    .unwrap();
    srv.call(&d, "POST", PATH_PAIRING_REDEEM, &body).await
}

async fn pairing_codes_are_one_time_and_expire(store: Arc<dyn Storage>) {
    let limits = Limits {
        pairing_ttl_ms: 300,
        ..Limits::default()
    };
    let srv = TestServer::start(store, limits).await;
    let (phone, _) = registered(&srv, "Phone").await;
    let code: PairingCreated = srv.call(&phone, "POST", PATH_PAIRING, b"").await.json();
    assert!(code.expires_ms > now_ms() && code.expires_ms <= now_ms() + 300);
    pair_with_code(&srv, &code.code).await.expect_ok();
    pair_with_code(&srv, &code.code)
        .await
        .expect_problem(404, "server-pairing-invalid");
    let late: PairingCreated = srv.call(&phone, "POST", PATH_PAIRING, b"").await.json();
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    pair_with_code(&srv, &late.code)
        .await
        .expect_problem(404, "server-pairing-invalid");
    pair_with_code(&srv, "NOT-A-CODE")
        .await
        .expect_problem(404, "server-pairing-invalid");
    pair_with_code(&srv, "00000-00000")
        .await
        .expect_problem(404, "server-pairing-invalid");
    srv.stop().await;
}

async fn accounts_are_isolated_on_every_endpoint(store: Arc<dyn Storage>) {
    let srv = server(store).await;
    let (alice, alice_ids) = registered(&srv, "Alice").await;
    let (bob, bob_ids) = registered(&srv, "Bob").await;
    let key = uuid();
    let secret = change("trip-a", "name", "\"Alice's trip\"", 5, "00000000000000a1");
    let first: PushResponse = srv
        .push(&alice, &key, std::slice::from_ref(&secret))
        .await
        .expect_ok()
        .json();
    assert_eq!(first.stored, 1);

    // Bob sees nothing of Alice's, and his devices list is his own.
    assert!(pull_all(&srv, &bob).await.is_empty());
    let list: DeviceList = srv
        .call(&bob, "GET", PATH_DEVICES, b"")
        .await
        .expect_ok()
        .json();
    assert_eq!(list.devices.len(), 1);
    assert_eq!(list.devices[0].device_id, bob_ids.device_id);
    // The same idempotency key in Bob's account is Bob's own batch.
    let mine = change("trip-b", "name", "\"Bob's trip\"", 6, "00000000000000b1");
    let bobs: PushResponse = srv
        .push(&bob, &key, std::slice::from_ref(&mine))
        .await
        .expect_ok()
        .json();
    assert_eq!((bobs.stored, bobs.cursor), (1, 1));
    assert_eq!(pull_all(&srv, &alice).await, vec![secret]);
    assert_eq!(pull_all(&srv, &bob).await, vec![mine]);
    // A code from Bob's account links a device to Bob, never to Alice.
    let (_, paired) = pair(&srv, &bob, "Bob 2").await;
    assert_eq!(paired.account_id, bob_ids.account_id);
    assert_ne!(paired.account_id, alice_ids.account_id);

    // Bob claiming to be Alice's device (his key, her device id) is refused everywhere.
    let push_body = serde_json::to_vec(&serde_json::json!({
        "idempotency_key": uuid(), "changes": []
    }))
    .unwrap();
    let pull_path = format!("{PATH_PULL}?cursor=0&limit=10");
    let signed_routes: [(&str, &str, &[u8]); 4] = [
        ("POST", PATH_PAIRING, b""),
        ("GET", PATH_DEVICES, b""),
        ("POST", PATH_PUSH, &push_body),
        ("GET", &pull_path, b""),
    ];
    for (method, path, body) in signed_routes {
        let mut headers = bob.headers(method, path, body);
        headers[0].1 = alice.id.clone();
        srv.send(method, path, &headers, body.to_vec())
            .await
            .expect_problem(401, "server-bad-signature");
    }
    // And Bob cannot register or pair Alice's key: he cannot sign for it.
    let reg = serde_json::to_vec(&serde_json::json!({
        "public_key": alice.public_hex, "device_name": "Alice?"
    }))
    .unwrap();
    let mut headers = bob.headers("POST", PATH_REGISTER, &reg);
    headers[0].1 = alice.id.clone();
    srv.send("POST", PATH_REGISTER, &headers, reg)
        .await
        .expect_problem(401, "server-bad-signature");
    let code: PairingCreated = srv.call(&bob, "POST", PATH_PAIRING, b"").await.json();
    let redeem = serde_json::to_vec(&serde_json::json!({
        "code": code.code, "public_key": alice.public_hex, "device_name": "Alice?"
    }))
    .unwrap();
    let mut headers = bob.headers("POST", PATH_PAIRING_REDEEM, &redeem);
    headers[0].1 = alice.id.clone();
    srv.send("POST", PATH_PAIRING_REDEEM, &headers, redeem)
        .await
        .expect_problem(401, "server-bad-signature");
    assert_eq!(pull_all(&srv, &alice).await.len(), 1);
    srv.stop().await;
}

async fn bad_signatures_are_refused(store: Arc<dyn Storage>) {
    let srv = server(store).await;
    let (d, _) = registered(&srv, "Phone").await;
    let body = serde_json::to_vec(&serde_json::json!({
        "idempotency_key": uuid(),
        "changes": [change("t", "name", "\"x\"", 1, "00000000000000a1")]
    }))
    .unwrap();
    let pull_path = format!("{PATH_PULL}?cursor=0&limit=10");
    let routes: [(&str, &str, &[u8]); 4] = [
        ("POST", PATH_PAIRING, b""),
        ("GET", PATH_DEVICES, b""),
        ("POST", PATH_PUSH, &body),
        ("GET", &pull_path, b""),
    ];
    for (method, path, body) in routes {
        // Unsigned.
        srv.send(method, path, &[], body.to_vec())
            .await
            .expect_problem(401, "server-unsigned");
        // One header missing.
        let headers = d.headers(method, path, body);
        srv.send(method, path, &headers[..3], body.to_vec())
            .await
            .expect_problem(401, "server-unsigned");
        // Malformed timestamp.
        let mut bad = d.headers(method, path, body);
        bad[1].1 = "yesterday".into();
        srv.send(method, path, &bad, body.to_vec())
            .await
            .expect_problem(401, "server-malformed-auth");
        // Unknown device.
        let stranger = Device::new();
        srv.call(&stranger, method, path, body)
            .await
            .expect_problem(401, "server-unknown-device");
        // Expired and from the future (beyond 5 minutes).
        for ts in [now_ms() - 6 * 60_000, now_ms() + 6 * 60_000] {
            let h = d.headers_at(method, path, body, ts);
            srv.send(method, path, &h, body.to_vec())
                .await
                .expect_problem(401, "server-stale-timestamp");
        }
        // Tampered body, path or query.
        let h = d.headers(method, path, body);
        if !body.is_empty() {
            let mut t = body.to_vec();
            let at = t.len() - 3;
            t[at] ^= 1;
            srv.send(method, path, &h, t)
                .await
                .expect_problem(401, "server-bad-signature");
        }
        let other_path = if path.contains('?') {
            path.replace("limit=10", "limit=11")
        } else {
            format!("{path}?x=1")
        };
        let reply = srv.send(method, &other_path, &h, body.to_vec()).await;
        reply.expect_problem(401, "server-bad-signature");
        // Replayed: the same signed request twice; only the first passes.
        let h = d.headers(method, path, body);
        srv.send(method, path, &h, body.to_vec()).await.expect_ok();
        srv.send(method, path, &h, body.to_vec())
            .await
            .expect_problem(401, "server-replayed-nonce");
    }
    // Register and redeem refuse the same way.
    let reg = serde_json::to_vec(&serde_json::json!({
        "public_key": d.public_hex, "device_name": "x"
    }))
    .unwrap();
    srv.send("POST", PATH_REGISTER, &[], reg.clone())
        .await
        .expect_problem(401, "server-unsigned");
    let h = d.headers_at("POST", PATH_REGISTER, &reg, now_ms() - 6 * 60_000);
    srv.send("POST", PATH_REGISTER, &h, reg.clone())
        .await
        .expect_problem(401, "server-stale-timestamp");
    let h = d.headers("POST", PATH_REGISTER, &reg);
    srv.send("POST", PATH_REGISTER, &h, reg.clone())
        .await
        .expect_ok();
    srv.send("POST", PATH_REGISTER, &h, reg.clone())
        .await
        .expect_problem(401, "server-replayed-nonce");
    let redeem = br#"{"code":"00000-00000","public_key":"00","device_name":"x"}"#;
    srv.send("POST", PATH_PAIRING_REDEEM, &[], redeem.to_vec())
        .await
        .expect_problem(401, "server-unsigned");
    srv.stop().await;
}

async fn push_is_idempotent_by_key(store: Arc<dyn Storage>) {
    let srv = server(store).await;
    let (d, _) = registered(&srv, "Phone").await;
    let key = uuid();
    let batch: Vec<Change> = (0..3)
        .map(|i| change("trip-1", &format!("f{i}"), "1", 10 + i, "00000000000000a1"))
        .collect();
    let first: PushResponse = srv.push(&d, &key, &batch).await.expect_ok().json();
    assert_eq!((first.stored, first.cursor), (3, 3));
    assert_eq!(first.idempotency_key, key);
    // The answer was lost; the client sends the same batch with the same key (signed anew).
    let again: PushResponse = srv.push(&d, &key, &batch).await.expect_ok().json();
    assert_eq!(again, first);
    // Upper-case spelling of the same key is the same key.
    let upper: PushResponse = srv
        .push(&d, &key.to_uppercase(), &batch)
        .await
        .expect_ok()
        .json();
    assert_eq!(upper, first);
    assert_eq!(pull_all(&srv, &d).await, batch);
    // The same key for a different batch is a client bug: refused, nothing stored.
    srv.push(&d, &key, &batch[..2])
        .await
        .expect_problem(409, "server-idempotency-conflict");
    // A new key carrying changes the server already has stores nothing new.
    let dup: PushResponse = srv.push(&d, &uuid(), &batch).await.expect_ok().json();
    assert_eq!((dup.stored, dup.cursor), (0, 3));
    // Repeats inside one batch are stored once.
    let extra = change("trip-1", "f9", "2", 20, "00000000000000a1");
    let twice: PushResponse = srv
        .push(&d, &uuid(), &[extra.clone(), extra.clone()])
        .await
        .expect_ok()
        .json();
    assert_eq!((twice.stored, twice.cursor), (1, 4));
    // An empty batch is acknowledged at the current cursor.
    let empty: PushResponse = srv.push(&d, &uuid(), &[]).await.expect_ok().json();
    assert_eq!((empty.stored, empty.cursor), (0, 4));
    assert_eq!(pull_all(&srv, &d).await.len(), 4);
    srv.stop().await;
}

async fn pull_pages_with_a_cursor(store: Arc<dyn Storage>) {
    let srv = server(store).await;
    let (d, _) = registered(&srv, "Phone").await;
    let (other, _) = pair(&srv, &d, "Tablet").await;
    let all: Vec<Change> = (0..25)
        .map(|i| {
            change(
                &format!("trip-{i}"),
                "name",
                &format!("\"{i}\""),
                100 + i,
                "00000000000000a1",
            )
        })
        .collect();
    srv.push(&d, &uuid(), &all[..12]).await.expect_ok();
    // A tombstone travels like any change.
    let mut tomb = all[12].clone();
    tomb.field = karvon_domain::sync::DELETED_FIELD.to_owned();
    tomb.value = "true".into();
    let mut all = all;
    all[12] = tomb;
    srv.push(&other, &uuid(), &all[12..]).await.expect_ok();
    let mut cursor = 0;
    let mut pages = Vec::new();
    let mut seen = Vec::new();
    loop {
        let page: PullResponse = srv.pull(&other, cursor, 10).await.expect_ok().json();
        assert!(page.next_cursor >= cursor);
        pages.push((page.changes.len(), page.more));
        seen.extend(page.changes);
        cursor = page.next_cursor;
        if !page.more {
            break;
        }
    }
    assert_eq!(pages, [(10, true), (10, true), (5, false)]);
    assert_eq!(seen, all);
    assert!(seen[12].is_tombstone());
    // Nothing new: an empty page, the cursor stays.
    let page: PullResponse = srv.pull(&d, cursor, 10).await.expect_ok().json();
    assert_eq!(
        (page.changes.len(), page.next_cursor, page.more),
        (0, cursor, false)
    );
    // A later push shows up after the cursor only.
    let late = change("trip-x", "name", "\"late\"", 999, "00000000000000a2");
    srv.push(&other, &uuid(), std::slice::from_ref(&late))
        .await
        .expect_ok();
    let page: PullResponse = srv.pull(&d, cursor, 10).await.expect_ok().json();
    assert_eq!(page.changes, vec![late]);
    // Limits out of range and unknown parameters are refused.
    for q in [
        "cursor=0&limit=0",
        "cursor=0&limit=1001",
        "cursor=-1",
        "cursor=0&since=5",
    ] {
        let path = format!("{PATH_PULL}?{q}");
        srv.call(&d, "GET", &path, b"")
            .await
            .expect_problem(422, "server-invalid-request");
    }
    // Without a query: everything from the start, default page size.
    let page: PullResponse = srv.call(&d, "GET", PATH_PULL, b"").await.expect_ok().json();
    assert_eq!(page.changes.len(), 26);
    srv.stop().await;
}

async fn concurrent_pushes_store_each_change_once(store: Arc<dyn Storage>) {
    let srv = Arc::new(server(store).await);
    let (a, _) = registered(&srv, "A").await;
    let (b, _) = pair(&srv, &a, "B").await;
    let devices = Arc::new([a, b]);
    let mut tasks = Vec::new();
    for t in 0..8u64 {
        let srv = Arc::clone(&srv);
        let devices = Arc::clone(&devices);
        tasks.push(tokio::spawn(async move {
            let d = &devices[usize::try_from(t % 2).unwrap()];
            let batch: Vec<Change> = (0..20)
                .map(|i| {
                    change(
                        &format!("trip-{t}"),
                        &format!("f{i}"),
                        "1",
                        1_000 + i,
                        &format!("{t:016x}"),
                    )
                })
                .collect();
            // Each batch is sent twice at once with one key, as a retry racing the original.
            let key = uuid();
            let (r1, r2) = tokio::join!(srv.push(d, &key, &batch), srv.push(d, &key, &batch));
            let (r1, r2): (PushResponse, PushResponse) =
                (r1.expect_ok().json(), r2.expect_ok().json());
            assert_eq!(r1, r2);
            r1
        }));
    }
    let mut cursors = Vec::new();
    for t in tasks {
        let r = t.await.unwrap();
        assert_eq!(r.stored, 20);
        cursors.push(r.cursor);
    }
    cursors.sort_unstable();
    assert_eq!(cursors, (1..=8).map(|n| n * 20).collect::<Vec<u64>>());
    let all = pull_all(&srv, &devices[1]).await;
    assert_eq!(all.len(), 160);
    let distinct: std::collections::HashSet<_> = all
        .iter()
        .map(|c| (c.id.clone(), c.field.clone()))
        .collect();
    assert_eq!(distinct.len(), 160);
}

async fn body_too_large_is_refused(store: Arc<dyn Storage>) {
    let srv = server(store).await;
    let (d, _) = registered(&srv, "Phone").await;
    let max = Limits::default().max_body_bytes;
    assert_eq!(max, 4 * 1024 * 1024);
    let mut body =
        br#"{"idempotency_key":"00000000-0000-0000-0000-000000000000","changes":[],"pad":""#
            .to_vec();
    body.resize(max + 1 - 2, b'x');
    body.extend_from_slice(b"\"}");
    assert_eq!(body.len(), max + 1);
    srv.call(&d, "POST", PATH_PUSH, &body)
        .await
        .expect_problem(413, "server-body-too-large");
    // Just under the limit passes the size check (and then fails on the unknown field).
    body.truncate(max - 2);
    body.extend_from_slice(b"\"}");
    srv.call(&d, "POST", PATH_PUSH, &body)
        .await
        .expect_problem(400, "server-bad-json");
    srv.stop().await;
}

async fn rate_limit_is_per_device(store: Arc<dyn Storage>) {
    let limits = Limits {
        device_rate: Rate {
            burst: 3,
            per_second: 1,
        },
        ..Limits::default()
    };
    let srv = TestServer::start(store, limits).await;
    let (a, _) = registered(&srv, "A").await;
    let (b, _) = registered(&srv, "B").await;
    for _ in 0..3 {
        srv.call(&a, "GET", PATH_DEVICES, b"").await.expect_ok();
    }
    let limited = srv.call(&a, "GET", PATH_DEVICES, b"").await;
    limited.expect_problem(429, "server-rate-limited");
    assert_eq!(
        limited
            .headers
            .get("retry-after")
            .map(|v| v.to_str().unwrap()),
        Some("1")
    );
    // Another device is not affected.
    srv.call(&b, "GET", PATH_DEVICES, b"").await.expect_ok();
    // A second later, one more request is allowed.
    tokio::time::sleep(std::time::Duration::from_millis(1_050)).await;
    srv.call(&a, "GET", PATH_DEVICES, b"").await.expect_ok();
    srv.call(&a, "GET", PATH_DEVICES, b"")
        .await
        .expect_problem(429, "server-rate-limited");
    srv.stop().await;
}

async fn bad_bodies_name_the_field(store: Arc<dyn Storage>) {
    let srv = server(store).await;
    let (d, _) = registered(&srv, "Phone").await;
    let detail = |r: super::Reply| -> String {
        let p: karvon_domain::sync::wire::Problem = r.json();
        p.detail
    };
    let body = br#"{"idempotency_key":"9b2f4c1e-0d7a-4e8b-9c3f-1a2b3c4d5e6f","changes":[{"entity":"trip","id":"t","field":"f","value":"1","hlc":{"millis":"soon","counter":0,"node":"a"}}]}"#;
    let r = srv.call(&d, "POST", PATH_PUSH, body).await;
    assert_eq!(r.status, 400);
    assert!(detail(r).contains("changes[0].hlc.millis"));
    let body = br#"{"idempotency_key":"9b2f4c1e-0d7a-4e8b-9c3f-1a2b3c4d5e6f","changes":[{"entity":"ship","id":"t","field":"f","value":"1","hlc":{"millis":1,"counter":0,"node":"a"}}]}"#;
    let r = srv.call(&d, "POST", PATH_PUSH, body).await;
    assert_eq!(r.status, 400);
    assert!(detail(r).contains("changes[0].entity"));
    srv.call(&d, "POST", PATH_PUSH, b"{not json")
        .await
        .expect_problem(400, "server-bad-json");
    // Well-formed but against the rules: named too.
    let out_of_order = vec![
        change("t", "a", "1", 5, "00000000000000a1"),
        change("t", "b", "1", 4, "00000000000000a1"),
    ];
    let r = srv.push(&d, &uuid(), &out_of_order).await;
    assert_eq!(r.status, 422);
    assert!(detail(r).contains("changes[1].hlc"));
    let r = srv.push(&d, "not-a-uuid", &[]).await;
    assert_eq!(r.status, 422);
    assert!(detail(r).contains("idempotency_key"));
    let r = srv
        .push(
            &d,
            &uuid(),
            &[change("t", "a", "{broken", 5, "00000000000000a1")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(detail(r).contains("changes[0].value"));
    assert!(pull_all(&srv, &d).await.is_empty());
    srv.stop().await;
}

async fn unknown_routes_and_methods_are_problems(store: Arc<dyn Storage>) {
    let srv = server(store).await;
    srv.send("GET", "/v1/nothing", &[], Vec::new())
        .await
        .expect_problem(404, "server-not-found");
    srv.send("DELETE", PATH_PUSH, &[], Vec::new())
        .await
        .expect_problem(405, "server-method-not-allowed");
    let health = srv.send("GET", "/healthz", &[], Vec::new()).await;
    let v: serde_json::Value = health.expect_ok().json();
    assert_eq!(v["status"], "ok");
    srv.stop().await;
}
