//! The sync engine through the facade, against a scripted in-memory server behind the
//! `Transport` trait: outbox exactly once (lost replies, crashes), backoff with jitter and
//! `Retry-After`, permanent refusals kept with their reason, progress, and merging between
//! devices (per-field last writer wins, tombstones, forward-only statuses). The real server over
//! real TCP is exercised by the `karvon-e2e` crate.

use std::collections::{HashMap, VecDeque};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::sync::wire::{
    Problem, ProblemCode, PullRequest, PullResponse, PushRequest, PushResponse,
};
use karvon_core::domain::sync::{Change, EntityKind, Hlc};
use karvon_core::domain::{Currency, Date};
use karvon_core::sync::{HttpReply, HttpRequest, SyncError, SyncOptions, SyncProgress, Transport};
use karvon_core::{Error, Karvon, KeySource, PurchaseInput, TravellerInput, TripInput, TripPatch};
use rust_decimal::Decimal;

const KEY: KeySource = KeySource::Provided([9; 32]);
const URL: &str = "http://fake.test";

/// What the fake server does with the next request.
#[derive(Debug, Clone)]
enum Fault {
    /// Answer with this status (and a problem document of this code) without doing anything.
    Status(u16, ProblemCode, Option<u64>),
    /// Do the work, then lose the reply (the connection breaks).
    LoseReply,
    /// Break the connection before the server sees the request.
    Refuse,
}

#[derive(Debug, Default)]
struct Inner {
    changes: Vec<Change>,
    receipts: HashMap<String, (String, PushResponse)>,
    faults: VecDeque<Fault>,
    pushes: Vec<String>,
    requests: usize,
}

#[derive(Debug, Default)]
struct FakeServer(Mutex<Inner>);

impl FakeServer {
    fn fault(&self, f: Fault) {
        self.0.lock().unwrap().faults.push_back(f);
    }
}

fn reply(status: u16, body: Vec<u8>) -> HttpReply {
    HttpReply {
        status,
        retry_after_s: None,
        body,
    }
}

impl Transport for FakeServer {
    fn send(&self, req: &HttpRequest) -> Result<HttpReply, SyncError> {
        let mut s = self.0.lock().unwrap();
        s.requests += 1;
        assert!(req.headers.iter().any(|(h, _)| *h == "x-karvon-signature"));
        let fault = s.faults.pop_front();
        if let Some(Fault::Status(status, code, retry)) = &fault {
            let body = serde_json::to_vec(&Problem::new(*code, "scripted")).unwrap();
            return Ok(HttpReply {
                status: *status,
                retry_after_s: *retry,
                body,
            });
        }
        if matches!(fault, Some(Fault::Refuse)) {
            return Err(SyncError::Network {
                detail: "connection refused".into(),
            });
        }
        let path = req.url.strip_prefix(URL).unwrap().to_owned();
        let out = if path == "/v1/register" {
            let body =
                serde_json::json!({"account_id": "a".repeat(32), "device_id": "d".repeat(32)});
            reply(201, serde_json::to_vec(&body).unwrap())
        } else if path == "/v1/push" {
            let p: PushRequest = serde_json::from_slice(&req.body).unwrap();
            p.validate().unwrap();
            s.pushes.push(p.idempotency_key.clone());
            let digest = serde_json::to_string(&p.changes).unwrap();
            if let Some((d, r)) = s.receipts.get(&p.idempotency_key) {
                assert_eq!(*d, digest, "same key, other batch");
                reply(200, serde_json::to_vec(r).unwrap())
            } else {
                let mut stored = 0;
                for c in p.changes {
                    if !s.changes.contains(&c) {
                        s.changes.push(c);
                        stored += 1;
                    }
                }
                let r = PushResponse {
                    idempotency_key: p.idempotency_key.clone(),
                    stored,
                    cursor: s.changes.len() as u64,
                };
                s.receipts.insert(p.idempotency_key, (digest, r.clone()));
                reply(200, serde_json::to_vec(&r).unwrap())
            }
        } else if let Some(q) = path.strip_prefix("/v1/pull?") {
            let q = PullRequest::from_query(Some(q)).unwrap();
            let from = q.cursor as usize;
            let to = (from + q.limit as usize).min(s.changes.len());
            let page = PullResponse {
                changes: s.changes[from..to].to_vec(),
                next_cursor: to as u64,
                more: to < s.changes.len(),
            };
            reply(200, serde_json::to_vec(&page).unwrap())
        } else {
            panic!("unexpected {path}")
        };
        if matches!(fault, Some(Fault::LoseReply)) {
            return Err(SyncError::Network {
                detail: "connection reset".into(),
            });
        }
        Ok(out)
    }
}

struct Rig {
    server: Arc<FakeServer>,
    sleeps: Arc<Mutex<Vec<Duration>>>,
}

impl Rig {
    fn new() -> Self {
        Self {
            server: Arc::new(FakeServer::default()),
            sleeps: Arc::new(Mutex::new(Vec::new())),
        }
    }

    fn options(&self) -> SyncOptions {
        let sleeps = self.sleeps.clone();
        SyncOptions {
            batch_size: 7,
            pull_limit: 5,
            max_attempts: 4,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(2),
            sleeper: Arc::new(move |d| sleeps.lock().unwrap().push(d)),
            jitter_seed: Some(42),
            transport: Some(self.server.clone()),
            ..SyncOptions::default()
        }
    }

    fn sync(&self, k: &Karvon) -> Result<karvon_core::sync::SyncReport, Error> {
        k.sync_with(&self.options(), &mut |_| {})
    }
}

fn device(dir: &tempfile::TempDir, name: &str) -> Karvon {
    let k = Karvon::open(&dir.path().join(name), &KEY).unwrap();
    k.configure_sync(URL).unwrap();
    k
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn seed(k: &Karvon) -> (String, String) {
    let who = k
        .add_traveller(&TravellerInput {
            name: "Dilnoza Yusupova".into(),
            birth_date: Some(day("1988-05-02")),
            residency: "FI".into(),
            document: Some("FB7654321".into()),
            statuses: vec![],
        })
        .unwrap()
        .id;
    let trip = k
        .add_trip(&TripInput {
            name: "Tallinn".into(),
            jurisdiction: "FI".into(),
            arrival: day("2026-11-02"),
            mode: Mode::Sea,
            days_abroad: 2,
            travellers: vec![who.clone()],
            plan: None,
            joint: false,
        })
        .unwrap()
        .id;
    for (i, what) in ["Coat", "Boots", "Scarf"].iter().enumerate() {
        k.add_purchase(
            &PurchaseInput::new(&trip, what, Kind::Goods, day("2026-11-01")).priced(
                d(&format!("{}0.50", i + 1)),
                Currency::from_code("EUR").unwrap(),
            ),
        )
        .unwrap();
    }
    (who, trip)
}

/// Everything a user sees of the synced data, for comparing devices.
fn snapshot(k: &Karvon) -> serde_json::Value {
    let mut trips = Vec::new();
    for mut t in k.trips().unwrap() {
        let purchases = k.purchases(&t.id).unwrap();
        t.updated_ms = 0;
        trips.push(serde_json::json!({"trip": t, "purchases": purchases}));
    }
    let travellers: Vec<_> = k
        .travellers()
        .unwrap()
        .into_iter()
        .map(|t| serde_json::json!([t.id, t.name, t.document, t.birth_date.to_string()]))
        .collect();
    serde_json::json!({"trips": trips, "travellers": travellers})
}

#[test]
fn two_devices_converge_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let rig = Rig::new();
    let a = device(&dir, "a");
    let b = device(&dir, "b");
    let (_, trip) = seed(&a);
    let first = rig.sync(&a).unwrap();
    assert_eq!(first.pushed, 5);
    assert!(a.pending_changes(10).unwrap().is_empty());
    let got = rig.sync(&b).unwrap();
    assert_eq!((got.pulled, got.applied), (5, 5));
    assert_eq!(snapshot(&a), snapshot(&b));
    // B reads the sealed name: both devices share the data key.
    assert_eq!(b.travellers().unwrap()[0].name, "Dilnoza Yusupova");
    // Pulled changes never go back into B's outbox.
    assert!(b.pending_changes(10).unwrap().is_empty());

    // Offline edits on both: different fields merge, the same field goes to the later clock.
    a.edit_trip(
        &trip,
        &TripPatch {
            name: Some("Tallinn weekend".into()),
            days_abroad: Some(3),
            ..TripPatch::default()
        },
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(3));
    b.edit_trip(
        &trip,
        &TripPatch {
            name: Some("Tallinn (late)".into()),
            joint: Some(true),
            ..TripPatch::default()
        },
    )
    .unwrap();
    let coat = b.purchases(&trip).unwrap()[0].id.clone();
    b.delete_purchase(&coat).unwrap();
    rig.sync(&a).unwrap();
    rig.sync(&b).unwrap();
    rig.sync(&a).unwrap();
    assert_eq!(snapshot(&a), snapshot(&b));
    let t = a.trip(&trip).unwrap();
    assert_eq!(
        (t.name.as_str(), t.days_abroad, t.joint),
        ("Tallinn (late)", 3, true)
    );
    assert_eq!(a.purchases(&trip).unwrap().len(), 2);
    // The undo of the delete travels too.
    b.undo_delete().unwrap();
    rig.sync(&b).unwrap();
    rig.sync(&a).unwrap();
    assert_eq!(a.purchases(&trip).unwrap().len(), 3);
    assert_eq!(snapshot(&a), snapshot(&b));
    // Pulling again changes nothing.
    let again = rig.sync(&a).unwrap();
    assert_eq!((again.pushed, again.pulled, again.applied), (0, 0, 0));
}

#[test]
fn a_lost_reply_resends_the_same_batch_with_the_same_key() {
    let dir = tempfile::tempdir().unwrap();
    let rig = Rig::new();
    let a = device(&dir, "a");
    seed(&a);
    rig.sync(&a).unwrap(); // registered, first 5 pushed
    let trip = a.trips().unwrap()[0].id.clone();
    a.edit_trip(
        &trip,
        &TripPatch {
            name: Some("Renamed".into()),
            ..TripPatch::default()
        },
    )
    .unwrap();
    let before = rig.server.0.lock().unwrap().changes.len();
    // The server stores the batch and the reply is lost; the retry gets the same receipt.
    rig.server.fault(Fault::LoseReply);
    let r = rig.sync(&a).unwrap();
    assert_eq!(r.pushed, 1);
    let s = rig.server.0.lock().unwrap();
    assert_eq!(s.changes.len(), before + 1, "stored once");
    let n = s.pushes.len();
    assert_eq!(s.pushes[n - 1], s.pushes[n - 2], "same key resent");
    drop(s);
    assert!(a.pending_changes(10).unwrap().is_empty());
}

#[test]
fn a_batch_survives_a_crash_and_goes_again_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let rig = Rig::new();
    {
        let a = device(&dir, "a");
        rig.sync(&a).unwrap(); // registers
        seed(&a);
        // Every attempt fails after the server stored the batch: sync gives up, the batch
        // stays in flight with its key.
        for _ in 0..4 {
            rig.server.fault(Fault::LoseReply);
        }
        let err = rig.sync(&a).unwrap_err();
        assert!(
            matches!(err, Error::Sync(SyncError::GaveUp { attempts: 4, .. })),
            "{err:?}"
        );
        let st = a.sync_status().unwrap();
        assert_eq!((st.pending, st.in_flight), (5, 5));
        assert!(
            st.problems.is_empty(),
            "transient failures are not problems"
        );
    }
    // "Restart": a new core on the same folder resumes with the same key.
    let a = Karvon::open(&dir.path().join("a"), &KEY).unwrap();
    let r = rig.sync(&a).unwrap();
    assert_eq!(r.pushed, 5);
    let s = rig.server.0.lock().unwrap();
    assert_eq!(s.changes.len(), 5);
    assert!(s.pushes.windows(2).all(|w| w[0] == w[1]), "{:?}", s.pushes);
    drop(s);
    let st = a.sync_status().unwrap();
    assert_eq!((st.pending, st.in_flight), (0, 0));
    assert!(st.last_sync_ms.is_some());
}

#[test]
fn transient_failures_back_off_with_jitter_and_honour_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    let rig = Rig::new();
    let a = device(&dir, "a");
    rig.server
        .fault(Fault::Status(503, ProblemCode::Unavailable, None));
    rig.server.fault(Fault::Refuse);
    rig.server
        .fault(Fault::Status(429, ProblemCode::RateLimited, Some(3)));
    rig.sync(&a).unwrap();
    let sleeps = rig.sleeps.lock().unwrap().clone();
    assert_eq!(sleeps.len(), 3, "{sleeps:?}");
    assert!((100..=200).contains(&sleeps[0].as_millis()), "{sleeps:?}");
    assert!((200..=400).contains(&sleeps[1].as_millis()), "{sleeps:?}");
    assert_eq!(sleeps[2], Duration::from_secs(3), "Retry-After wins");
    // Past the attempts, sync gives up with the last failure and loses nothing.
    seed(&a);
    for _ in 0..4 {
        rig.server
            .fault(Fault::Status(500, ProblemCode::Internal, None));
    }
    let err = rig.sync(&a).unwrap_err();
    let Error::Sync(SyncError::GaveUp { attempts, last }) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*attempts, 4);
    assert_eq!(last.code(), "server-internal");
    assert_eq!(a.sync_status().unwrap().pending, 5);
    let sleeps = rig.sleeps.lock().unwrap().clone();
    // Doubling up to the 2 s cap: each delay within [half, all] of 200·2ⁿ ms.
    let tail: Vec<u128> = sleeps[3..].iter().map(Duration::as_millis).collect();
    assert_eq!(tail.len(), 3);
    assert!((100..=200).contains(&tail[0]) && (200..=400).contains(&tail[1]));
    assert!((400..=800).contains(&tail[2]), "{tail:?}");
}

#[test]
fn a_permanent_refusal_is_kept_with_its_reason_until_it_clears() {
    let dir = tempfile::tempdir().unwrap();
    let rig = Rig::new();
    let a = device(&dir, "a");
    rig.sync(&a).unwrap();
    seed(&a);
    rig.server
        .fault(Fault::Status(422, ProblemCode::InvalidRequest, None));
    let r = rig.sync(&a).unwrap();
    assert_eq!(r.pushed, 0);
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].kind, "push");
    assert_eq!(r.problems[0].code, "server-invalid-request");
    assert_eq!(r.problems[0].message.id, "server-invalid-request");
    let st = a.sync_status().unwrap();
    assert_eq!((st.pending, st.in_flight, st.problems.len()), (5, 5, 1));
    assert!(
        rig.sleeps.lock().unwrap().is_empty(),
        "no retry of a refusal"
    );
    // Once the server accepts it, the problem is gone.
    let r = rig.sync(&a).unwrap();
    assert_eq!(r.pushed, 5);
    assert!(a.sync_status().unwrap().problems.is_empty());
}

#[test]
fn progress_counts_every_change_sent_and_received() {
    let dir = tempfile::tempdir().unwrap();
    let rig = Rig::new();
    let a = device(&dir, "a");
    let b = device(&dir, "b");
    seed(&a);
    seed(&a);
    let mut events = Vec::new();
    let r = a
        .sync_with(&rig.options(), &mut |p| events.push(p))
        .unwrap();
    assert_eq!(r.pushed, 10);
    let sent: Vec<(usize, usize)> = events
        .iter()
        .filter_map(|e| match e {
            SyncProgress::Pushing { sent, total } => Some((*sent, *total)),
            _ => None,
        })
        .collect();
    // Batches of 7: 0, 7, 10 of 10.
    assert_eq!(sent, [(0, 10), (7, 10), (10, 10)]);
    let mut pulled = Vec::new();
    b.sync_with(&rig.options(), &mut |p| {
        if let SyncProgress::Pulling { received, .. } = p {
            pulled.push(received);
        }
    })
    .unwrap();
    // Pages of 5.
    assert_eq!(pulled, [5, 10]);
}

#[test]
fn server_statuses_only_move_forward_and_never_reenter_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let rig = Rig::new();
    let a = device(&dir, "a");
    let b = device(&dir, "b");
    let (_, trip) = seed(&a);
    let doc = a.declare_trip(&trip).unwrap().id;
    a.sign_document(&doc).unwrap();
    rig.sync(&a).unwrap();
    rig.sync(&b).unwrap();
    let on_b = b.document(&doc).unwrap();
    assert_eq!(on_b.status.as_str(), "signed");
    assert_eq!(
        on_b.key_fingerprint,
        a.document(&doc).unwrap().key_fingerprint
    );
    assert_eq!(b.qr_payload(&doc).unwrap(), a.qr_payload(&doc).unwrap());
    // The server writes a registration and then a clearance into the stream; a stale
    // "signed" arrives after them and changes nothing.
    let server = |field: &str, value: &str, ms: u64| Change {
        entity: EntityKind::Document,
        id: doc.clone(),
        field: field.into(),
        value: value.into(),
        hlc: Hlc {
            millis: ms,
            counter: 0,
            node: "server".into(),
        },
    };
    {
        let now = u64::try_from(karvon_core::store::now_ms()).unwrap();
        let mut s = rig.server.0.lock().unwrap();
        s.changes
            .push(server("registration", "\"KRV-2026-0000001\"", now));
        s.changes.push(server("status", "\"registered\"", now));
        s.changes.push(server("status", "\"cleared\"", now + 1));
        s.changes.push(server("status", "\"signed\"", now + 2));
    }
    rig.sync(&b).unwrap();
    let on_b = b.document(&doc).unwrap();
    assert_eq!(on_b.status.as_str(), "cleared");
    assert_eq!(on_b.registration.as_deref(), Some("KRV-2026-0000001"));
    assert!(b.pending_changes(10).unwrap().is_empty());
    let timeline: Vec<&str> = on_b.timeline.iter().map(|e| e.status.as_str()).collect();
    assert_eq!(timeline, ["draft", "signed", "registered", "cleared"]);
}

#[test]
fn sync_needs_a_server_and_refuses_a_bad_url() {
    let dir = tempfile::tempdir().unwrap();
    let k = Karvon::open(&dir.path().join("k"), &KEY).unwrap();
    let err = k.sync(&mut |_| {}).unwrap_err();
    assert!(matches!(err, Error::Sync(SyncError::NotConfigured)));
    assert_eq!(
        k.configure_sync("ftp://x").unwrap_err().to_string(),
        SyncError::BadUrl {
            url: "ftp://x".into()
        }
        .to_string()
    );
    let st = k.sync_status().unwrap();
    assert_eq!(st.server_url, None);
}

#[test]
fn forgetting_the_server_stops_sync_and_keeps_the_outbox() {
    let rig = Rig::new();
    let dir = tempfile::tempdir().unwrap();
    let k = device(&dir, "a");
    rig.sync(&k).unwrap();
    seed(&k);
    let waiting = k.sync_status().unwrap().pending;
    assert!(waiting > 0);
    k.forget_sync_server().unwrap();
    let st = k.sync_status().unwrap();
    assert_eq!(
        (st.server_url, st.account_id, st.device_id),
        (None, None, None)
    );
    assert_eq!(st.pending, waiting, "nothing waiting is lost");
    assert!(matches!(
        rig.sync(&k).unwrap_err(),
        Error::Sync(SyncError::NotConfigured)
    ));
    // A server again: this device registers afresh and sends what waited.
    k.configure_sync(URL).unwrap();
    let report = rig.sync(&k).unwrap();
    assert_eq!(report.pushed, waiting);
    assert_eq!(k.sync_status().unwrap().pending, 0);
}
