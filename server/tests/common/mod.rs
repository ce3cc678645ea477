//! Test helpers: a real server on an ephemeral loopback port, a small signing HTTP client over
//! hyper, and a throwaway PostgreSQL cluster.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod contract;
pub mod pg;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use karvon_domain::sync::auth::{device_id_for, hex_encode, sign_request};
use karvon_domain::sync::wire::{Problem, PushRequest, PATH_PULL, PATH_PUSH, PATH_REGISTER};
use karvon_domain::sync::{Change, EntityKind, Hlc};
use karvon_server::{Limits, Storage};
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde::de::DeserializeOwned;

/// UTC milliseconds now.
pub fn now_ms() -> u64 {
    u64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis(),
    )
    .unwrap()
}

/// Random lowercase hex of `n` bytes.
pub fn random_hex(n: usize) -> String {
    let mut b = vec![0u8; n];
    SystemRandom::new().fill(&mut b).unwrap();
    hex_encode(&b)
}

/// A random UUID text (v4 layout is not checked by the server; only the form).
pub fn uuid() -> String {
    let h = random_hex(16);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// A device with its own Ed25519 key.
#[derive(Debug)]
pub struct Device {
    pub key: Ed25519KeyPair,
    pub public_hex: String,
    pub id: String,
}

impl Device {
    pub fn new() -> Self {
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).unwrap();
        let key = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
        let public_hex = hex_encode(key.public_key().as_ref());
        let id = device_id_for(key.public_key().as_ref());
        Self {
            key,
            public_hex,
            id,
        }
    }

    /// Signature headers for a request at time `ts`.
    pub fn headers_at(
        &self,
        method: &str,
        path: &str,
        body: &[u8],
        ts: u64,
    ) -> Vec<(String, String)> {
        sign_request(&self.key, method, path, body, ts, &random_hex(16))
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect()
    }

    /// Signature headers for a request now.
    pub fn headers(&self, method: &str, path: &str, body: &[u8]) -> Vec<(String, String)> {
        self.headers_at(method, path, body, now_ms())
    }
}

/// An HTTP reply.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: hyper::HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "status {} body {:?}: {e}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The problem document's code, after checking its media type and status.
    pub fn problem(&self) -> String {
        assert_eq!(
            self.headers
                .get("content-type")
                .map(|v| v.to_str().unwrap()),
            Some("application/problem+json"),
            "status {} body {}",
            self.status,
            String::from_utf8_lossy(&self.body)
        );
        let p: Problem = self.json();
        assert_eq!(p.status, self.status);
        p.code.as_str().to_owned()
    }

    /// Asserts a status and a problem code.
    #[track_caller]
    pub fn expect_problem(&self, status: u16, code: &str) {
        assert_eq!(
            (self.status, self.problem().as_str()),
            (status, code),
            "body {}",
            String::from_utf8_lossy(&self.body)
        );
    }

    #[track_caller]
    pub fn expect_ok(&self) -> &Self {
        assert!(
            (200..300).contains(&self.status),
            "status {} body {}",
            self.status,
            String::from_utf8_lossy(&self.body)
        );
        self
    }
}

/// A server running on 127.0.0.1 with an ephemeral port.
#[derive(Debug)]
pub struct TestServer {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl TestServer {
    pub async fn start(store: Arc<dyn Storage>, limits: Limits) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            karvon_server::serve(listener, karvon_server::router(store, limits), async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
        Self {
            addr,
            stop: Some(stop),
            task: Some(task),
        }
    }

    pub async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.task.take() {
            t.await.unwrap();
        }
    }

    /// Sends a raw request.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(String, String)],
        body: Vec<u8>,
    ) -> Reply {
        let stream = tokio::net::TcpStream::connect(self.addr).await.unwrap();
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .unwrap();
        tokio::spawn(async move {
            let _ = conn.await;
        });
        let mut req = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header("host", self.addr.to_string());
        for (k, v) in headers {
            req = req.header(k.as_str(), v.as_str());
        }
        if !body.is_empty() {
            req = req.header("content-type", "application/json");
        }
        let res = sender
            .send_request(req.body(Full::new(Bytes::from(body))).unwrap())
            .await
            .unwrap();
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    /// Sends a request signed by `device` now.
    pub async fn call(&self, device: &Device, method: &str, path: &str, body: &[u8]) -> Reply {
        let headers = device.headers(method, path, body);
        self.send(method, path, &headers, body.to_vec()).await
    }

    /// Registers a device (a new account), returning the reply.
    pub async fn register(&self, device: &Device, name: &str) -> Reply {
        let body = serde_json::to_vec(&serde_json::json!({
            "public_key": device.public_hex, "device_name": name
        }))
        .unwrap();
        self.call(device, "POST", PATH_REGISTER, &body).await
    }

    /// Pushes changes with a key.
    pub async fn push(&self, device: &Device, key: &str, changes: &[Change]) -> Reply {
        let body = serde_json::to_vec(&PushRequest {
            idempotency_key: key.to_owned(),
            changes: changes.to_vec(),
        })
        .unwrap();
        self.call(device, "POST", PATH_PUSH, &body).await
    }

    /// Pulls one page.
    pub async fn pull(&self, device: &Device, cursor: u64, limit: u32) -> Reply {
        let path = format!("{PATH_PULL}?cursor={cursor}&limit={limit}");
        self.call(device, "GET", &path, b"").await
    }
}

/// A change to a trip's field at a clock.
pub fn change(id: &str, field: &str, value: &str, millis: u64, node: &str) -> Change {
    Change {
        entity: EntityKind::Trip,
        id: id.to_owned(),
        field: field.to_owned(),
        value: value.to_owned(),
        hlc: Hlc {
            millis,
            counter: 0,
            node: node.to_owned(),
        },
    }
}
