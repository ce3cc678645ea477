//! Helpers for Karvon's end-to-end sync tests: a real `karvon-server` on an ephemeral loopback
//! port (SQLite file or a throwaway PostgreSQL cluster), devices of one account, a TCP fault
//! proxy, and the paths of the built binaries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod pg;
pub mod proxy;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::{Currency, Date};
use karvon_core::sync::SyncOptions;
use karvon_core::{Karvon, KeySource, PurchaseInput, TravellerInput, TripInput};
use karvon_server::{Limits, Rate, SqliteStore, Storage};

/// The data key every device of a test account shares (sealed fields need the same key).
pub const KEY: KeySource = KeySource::Provided([42; 32]);

/// A future that makes a store.
pub type StoreMaker = Box<dyn FnOnce() -> Pin<Box<dyn Future<Output = Arc<dyn Storage>>>> + Send>;

/// A running server.
#[derive(Debug)]
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// The port.
    pub port: u16,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _dir: Option<tempfile::TempDir>,
}

/// Limits for tests: the real body limit and skew, rate limits out of the way.
pub fn test_limits() -> Limits {
    let lots = Rate {
        burst: 1_000_000,
        per_second: 1_000_000,
    };
    Limits {
        device_rate: lots,
        address_rate: lots,
        ..Limits::default()
    }
}

impl Server {
    /// A server over a fresh SQLite file.
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("server.sqlite3");
        let mut s = Self::start(Box::new(move || {
            Box::pin(async move { Arc::new(SqliteStore::open(&path).unwrap()) as Arc<dyn Storage> })
        }));
        s._dir = Some(dir);
        s
    }

    /// A server over the store `make` opens (inside the server's runtime).
    pub fn start(make: StoreMaker) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let store = make().await;
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                ready_tx.send(()).unwrap();
                karvon_server::serve(
                    listener,
                    karvon_server::router(store, test_limits()),
                    async {
                        let _ = rx.await;
                    },
                )
                .await
                .unwrap();
            });
        });
        ready_rx.recv_timeout(Duration::from_secs(60)).unwrap();
        Self {
            url: format!("http://127.0.0.1:{port}"),
            port,
            shutdown: Some(tx),
            thread: Some(thread),
            _dir: None,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Sync options for tests: quick backoff, real sleeps.
pub fn fast_options() -> SyncOptions {
    SyncOptions {
        max_attempts: 12,
        base_delay: Duration::from_millis(2),
        max_delay: Duration::from_millis(40),
        ..SyncOptions::default()
    }
}

/// `n` devices of one new account on the server at `url`, in folders under `root`.
pub fn account(url: &str, root: &Path, n: usize) -> Vec<Karvon> {
    let opts = fast_options();
    let first = Karvon::open(&root.join("dev0"), &KEY).unwrap();
    first.configure_sync(url).unwrap();
    first.sync_with(&opts, &mut |_| {}).unwrap();
    let mut out = vec![first];
    for i in 1..n {
        let code = out[0].create_pairing_code(&opts).unwrap();
        let k = Karvon::open(&root.join(format!("dev{i}")), &KEY).unwrap();
        k.pair_device(url, &code.code, &opts).unwrap();
        out.push(k);
    }
    out
}

/// A day.
pub fn day(s: &str) -> Date {
    s.parse().unwrap()
}

/// Adds a traveller and a Finnish trip; returns the trip id.
pub fn seed_trip(k: &Karvon, name: &str) -> String {
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
    k.add_trip(&TripInput {
        name: name.into(),
        jurisdiction: "fi".into(),
        arrival: day("2026-12-10"),
        mode: Mode::Air,
        days_abroad: 6,
        travellers: vec![who],
        plan: None,
        joint: false,
    })
    .unwrap()
    .id
}

/// Adds a priced purchase.
pub fn buy(k: &Karvon, trip: &str, what: &str, eur: i64) -> String {
    k.add_purchase(
        &PurchaseInput::new(trip, what, Kind::Goods, day("2026-12-05")).priced(
            rust_decimal::Decimal::from(eur),
            Currency::from_code("EUR").unwrap(),
        ),
    )
    .unwrap()
    .purchase
    .id
}

/// Everything a user sees of the synced data, for comparing devices.
pub fn snapshot(k: &Karvon) -> serde_json::Value {
    let mut trips = Vec::new();
    for mut t in k.trips().unwrap() {
        // Purchases bought in the same millisecond list in local insertion order; compare
        // them by id.
        let mut purchases = k.purchases(&t.id).unwrap();
        purchases.sort_by(|a, b| a.id.cmp(&b.id));
        t.updated_ms = 0;
        trips.push(serde_json::json!({"trip": t, "purchases": purchases}));
    }
    let travellers: Vec<_> = k
        .travellers()
        .unwrap()
        .into_iter()
        .map(|t| serde_json::json!([t.id, t.name, t.document, t.birth_date.to_string()]))
        .collect();
    let documents: Vec<_> = k
        .documents(None)
        .unwrap()
        .into_iter()
        .map(|d| serde_json::json!([d.id, d.status, d.registration, d.body]))
        .collect();
    serde_json::json!({"trips": trips, "travellers": travellers, "documents": documents})
}

/// A built binary of the workspace (`karvon`, `karvon-server`), built on first use.
pub fn binary(name: &str) -> PathBuf {
    static BUILT: std::sync::Once = std::sync::Once::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    BUILT.call_once(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = std::process::Command::new(cargo)
            .current_dir(&root)
            .args(["build", "-q", "-p", "karvon", "-p", "karvon-server"])
            .status()
            .unwrap();
        assert!(status.success(), "building the binaries failed");
    });
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    target.join("debug").join(name)
}

/// Asserts two snapshots are equal, naming the first path where they differ.
pub fn assert_same(a: &serde_json::Value, b: &serde_json::Value) {
    fn walk(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> Option<String> {
        use serde_json::Value;
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
                keys.sort();
                keys.dedup();
                keys.into_iter().find_map(|k| {
                    walk(
                        x.get(k).unwrap_or(&Value::Null),
                        y.get(k).unwrap_or(&Value::Null),
                        &format!("{path}.{k}"),
                    )
                })
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (u, v))| walk(u, v, &format!("{path}[{i}]"))),
            _ if a == b => None,
            _ => Some(format!("{path}: {a} != {b}")),
        }
    }
    if let Some(d) = walk(a, b, "") {
        panic!(
            "devices differ at {}",
            d.chars().take(2000).collect::<String>()
        );
    }
}
