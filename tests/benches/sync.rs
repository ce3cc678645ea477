//! Sync benchmarks on loopback.
//!
//! - `push_10k`: 10,000 queued changes pushed end to end (batches of 1,000) by the real client
//!   to a real server on SQLite (criterion; target ≤ 3 s).
//! - `load`: server throughput of signed sync requests (a pull and a small push per device in
//!   turn) from a Rust load generator with 16 concurrent devices for 5 s, on SQLite and on
//!   PostgreSQL, with p50/p99 latency (target ≥ 2,000 requests/s on SQLite).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use criterion::Criterion;
use karvon_core::domain::kind::Kind;
use karvon_core::domain::Currency;
use karvon_core::sync::{HttpRequest, SyncOptions, Transport, UreqTransport};
use karvon_core::{Karvon, PurchaseInput};
use karvon_domain::sync::auth::{hex_encode, sign_request};
use karvon_e2e::pg::PgCluster;
use karvon_e2e::{day, fast_options, seed_trip, Server};
use karvon_server::{PostgresStore, Storage};

fn queued(k: &Karvon, n: usize) {
    let trip = seed_trip(k, "Bench");
    let inputs: Vec<PurchaseInput> = (0..n - 2)
        .map(|i| {
            PurchaseInput::new(&trip, &format!("Item {i}"), Kind::Goods, day("2026-12-05")).priced(
                rust_decimal::Decimal::from(5),
                Currency::from_code("EUR").unwrap(),
            )
        })
        .collect();
    k.add_purchases(&inputs).unwrap();
    assert_eq!(k.sync_status().unwrap().pending, n);
}

fn push_10k(c: &mut Criterion) {
    let server = Server::sqlite();
    let root = tempfile::tempdir().unwrap();
    let mut n = 0;
    let mut g = c.benchmark_group("sync");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("push_10k_changes_loopback", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let k = Karvon::open(&root.path().join(format!("d{n}")), &karvon_e2e::KEY).unwrap();
                k.configure_sync(&server.url).unwrap();
                k.sync_with(&fast_options(), &mut |_| {}).unwrap();
                queued(&k, 10_000);
                let started = Instant::now();
                let r = k
                    .sync_with(
                        &SyncOptions {
                            pull_limit: 1_000,
                            ..fast_options()
                        },
                        &mut |_| {},
                    )
                    .unwrap();
                total += started.elapsed();
                assert_eq!(r.pushed, 10_000);
            }
            total
        });
    });
    g.finish();
}

/// A registered device for the load generator: its key and the body of its small push.
struct LoadDevice {
    key: ring::signature::Ed25519KeyPair,
}

fn load(url: &str, label: &str) {
    use ring::rand::SystemRandom;
    use ring::signature::{Ed25519KeyPair, KeyPair};
    let transport = Arc::new(UreqTransport::new(Duration::from_secs(30)));
    let devices: Vec<LoadDevice> = (0..16)
        .map(|_| {
            let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).unwrap();
            LoadDevice {
                key: Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap(),
            }
        })
        .collect();
    let nonce = Arc::new(std::sync::atomic::AtomicU64::new(1));
    let send = |d: &LoadDevice, method: &'static str, path: &str, body: &[u8]| {
        let n = nonce.fetch_add(1, Ordering::Relaxed);
        let now = u64::try_from(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_millis(),
        )
        .unwrap();
        let h = sign_request(&d.key, method, path, body, now, &format!("{n:032x}"));
        let mut headers: Vec<(&'static str, String)> = h.to_pairs().into_iter().collect();
        headers.push(("content-type", "application/json".into()));
        transport
            .send(&HttpRequest {
                method,
                url: format!("{url}{path}"),
                headers,
                body: body.to_vec(),
            })
            .unwrap()
    };
    for d in &devices {
        let body = serde_json::json!({
            "public_key": hex_encode(d.key.public_key().as_ref()),
            "device_name": "load"
        })
        .to_string();
        let r = send(d, "POST", "/v1/register", body.as_bytes());
        assert!(r.status < 300, "{}", String::from_utf8_lossy(&r.body));
    }
    let stop = Arc::new(AtomicBool::new(false));
    let latencies = Arc::new(Mutex::new(Vec::<u32>::new()));
    let started = Instant::now();
    std::thread::scope(|s| {
        for (i, d) in devices.iter().enumerate() {
            let (stop, latencies, send) = (stop.clone(), latencies.clone(), &send);
            s.spawn(move || {
                let mut mine = Vec::new();
                let mut round = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    round += 1;
                    let t = Instant::now();
                    let r = if round.is_multiple_of(2) {
                        let key = format!("{:08x}-0000-4000-8000-{:012x}", i, round);
                        let body = format!(
                            "{{\"idempotency_key\":\"{key}\",\"changes\":[{{\"entity\":\"trip\",\"id\":\"t{i}\",\"field\":\"name\",\"value\":\"\\\"n{round}\\\"\",\"hlc\":{{\"millis\":{round},\"counter\":0,\"node\":\"{i:016x}\"}}}}]}}"
                        );
                        send(d, "POST", "/v1/push", body.as_bytes())
                    } else {
                        send(d, "GET", "/v1/pull?cursor=0&limit=50", b"")
                    };
                    assert!(r.status < 300, "{}", String::from_utf8_lossy(&r.body));
                    mine.push(u32::try_from(t.elapsed().as_micros()).unwrap_or(u32::MAX));
                }
                latencies.lock().unwrap().extend(mine);
            });
        }
        std::thread::sleep(Duration::from_secs(5));
        stop.store(true, Ordering::Relaxed);
    });
    let elapsed = started.elapsed();
    let mut l = latencies.lock().unwrap().clone();
    l.sort_unstable();
    let pct = |p: usize| l[(l.len() * p / 100).min(l.len() - 1)];
    let per_s = u128::try_from(l.len()).unwrap() * 1000 / elapsed.as_millis();
    println!(
        "load/{label}: {} requests in {} ms = {per_s} req/s; p50 {} µs, p99 {} µs (16 devices, pull and 1-change push alternating)",
        l.len(),
        elapsed.as_millis(),
        pct(50),
        pct(99)
    );
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    push_10k(&mut c);
    c.final_summary();
    {
        let server = Server::sqlite();
        load(&server.url, "sqlite");
    }
    let cluster = PgCluster::start();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let url = rt.block_on(cluster.create_db("karvon_bench"));
    let server = Server::start(Box::new(move || {
        Box::pin(async move {
            Arc::new(PostgresStore::connect(&url, 8).await.unwrap()) as Arc<dyn Storage>
        })
    }));
    load(&server.url, "postgres");
}
