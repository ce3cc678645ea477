//! Sync with a Karvon server: send the outbox exactly once, file queued declarations, and merge
//! what other devices of the account changed.
//!
//! - **Registration.** The device's signing key (the one that signs declarations) is registered
//!   with the server, or linked to an existing account with a pairing code; every request is
//!   signed with it (`karvon_domain::sync::auth`).
//! - **Push.** Changes leave the outbox in batches in clock order. A batch is saved with its
//!   idempotency key *before* it is sent and removed from the outbox only after the server
//!   acknowledged that key; after a crash or a lost reply the same batch goes again with the same
//!   key, and the server answers with the same receipt.
//! - **Filing.** Declarations with status `queued` are sent to the server, which checks them and
//!   registers them (filing the same document again gives the same registration).
//! - **Pull.** Changes after the stored server cursor are merged page by page (see [`merge`]);
//!   the cursor moves in the same transaction as the merge.
//! - **Errors.** Transient failures (network, 5xx, 429, transient problem codes, cut replies)
//!   are retried with exponential backoff and jitter; permanent ones are kept with their reason
//!   and shown by [`Karvon::sync_status`].
//!
//! Sealed fields (traveller names and documents, declaration bodies) travel as ciphertext: every
//! device of an account must use the same data key ([`crate::KeySource`]); Karvon does not
//! transfer keys between devices.

mod engine;
mod error;
mod http;
mod merge;

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use karvon_domain::filing::DocStatus;
use karvon_domain::sync::auth::{hex_encode, sign_request_as};
use karvon_domain::sync::wire::{
    DeviceRegistered, FileRequest, FileResponse, FilingStatus, PairingCreated, Problem,
    PullResponse, PushResponse, RedeemPairingRequest, RegisterRequest, PATH_FILINGS, PATH_PAIRING,
    PATH_PAIRING_REDEEM, PATH_PULL, PATH_PUSH, PATH_REGISTER,
};
use karvon_domain::Message;
use ring::rand::{SecureRandom, SystemRandom};
use rusqlite::{params, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use error::SyncError;
pub use http::{HttpReply, HttpRequest, Transport, UreqTransport};

use crate::{Error, Karvon};

/// How sync behaves; [`SyncOptions::default`] suits real use, tests inject the rest.
#[derive(Clone)]
pub struct SyncOptions {
    /// Most changes per push.
    pub batch_size: usize,
    /// Page size of pulls.
    pub pull_limit: u32,
    /// Attempts per request before a transient failure is given up on.
    pub max_attempts: u32,
    /// First backoff delay (doubled each retry, with jitter).
    pub base_delay: Duration,
    /// Longest backoff delay.
    pub max_delay: Duration,
    /// Waits between attempts.
    pub sleeper: Arc<dyn Fn(Duration) + Send + Sync>,
    /// The wall clock for request timestamps, UTC milliseconds.
    pub clock: Arc<dyn Fn() -> u64 + Send + Sync>,
    /// Seed of the backoff jitter (random when absent).
    pub jitter_seed: Option<u64>,
    /// The transport (HTTP over `ureq` when absent).
    pub transport: Option<Arc<dyn Transport>>,
    /// The name the server shows for this device.
    pub device_name: String,
}

impl fmt::Debug for SyncOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SyncOptions")
            .field("batch_size", &self.batch_size)
            .field("pull_limit", &self.pull_limit)
            .field("max_attempts", &self.max_attempts)
            .field("base_delay", &self.base_delay)
            .field("max_delay", &self.max_delay)
            .field("jitter_seed", &self.jitter_seed)
            .field("transport", &self.transport)
            .field("device_name", &self.device_name)
            .finish_non_exhaustive()
    }
}

fn system_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self {
            batch_size: 1_000,
            pull_limit: 1_000,
            max_attempts: 6,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(15),
            sleeper: Arc::new(std::thread::sleep),
            clock: Arc::new(system_ms),
            jitter_seed: None,
            transport: None,
            device_name: "Karvon".to_owned(),
        }
    }
}

/// Progress of a running sync, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum SyncProgress {
    /// Changes sent so far out of those waiting when the sync started.
    Pushing {
        /// Sent and acknowledged.
        sent: usize,
        /// Waiting at the start.
        total: usize,
    },
    /// Declarations filed so far.
    Filing {
        /// Filed.
        done: usize,
        /// Queued at the start.
        total: usize,
    },
    /// Changes received so far.
    Pulling {
        /// Received.
        received: usize,
        /// Of them, those that changed something here.
        applied: usize,
    },
}

/// A problem that needs the user, kept until it is resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncProblem {
    /// `push`, `pull`, `filing` or `register`.
    pub kind: String,
    /// What it concerns: a batch key, a document id.
    pub subject: String,
    /// The stable code (a server problem code or a `sync-` code).
    pub code: String,
    /// Why, for the user.
    pub message: Message,
    /// When, UTC milliseconds.
    pub at_ms: i64,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Changes sent and acknowledged.
    pub pushed: usize,
    /// Declarations filed.
    pub filed: usize,
    /// Changes received.
    pub pulled: usize,
    /// Received changes that changed something here.
    pub applied: usize,
    /// Problems left for the user (also in [`SyncStatus::problems`]).
    pub problems: Vec<SyncProblem>,
}

/// Where sync stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    /// The server, when configured.
    pub server_url: Option<String>,
    /// The account, once registered.
    pub account_id: Option<String>,
    /// This device's id, once registered.
    pub device_id: Option<String>,
    /// Changes waiting to be sent (including a batch in flight).
    pub pending: usize,
    /// Changes in the batch sent but not yet acknowledged.
    pub in_flight: usize,
    /// Declarations waiting to be filed.
    pub queued_documents: usize,
    /// The server cursor of the last pull.
    pub cursor: u64,
    /// When a sync last finished without a problem, UTC milliseconds.
    pub last_sync_ms: Option<i64>,
    /// Problems that need the user.
    pub problems: Vec<SyncProblem>,
}

/// The stored sync state.
#[derive(Debug, Clone)]
struct State {
    url: String,
    account_id: Option<String>,
    device_id: Option<String>,
    cursor: u64,
}

/// A saved push batch.
#[derive(Debug, Clone)]
struct Batch {
    key: String,
    first_seq: i64,
    last_seq: i64,
    changes: String,
    count: usize,
}

fn json_body<T: Serialize>(v: &T) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(v).map_err(crate::documents::json_error)
}

fn now_i64(options: &SyncOptions) -> i64 {
    i64::try_from((options.clock)()).unwrap_or(i64::MAX)
}

/// Checks and normalises a server URL (no trailing slash).
fn normalise_url(url: &str) -> Result<String, SyncError> {
    let u = url.trim().trim_end_matches('/');
    let rest = u
        .strip_prefix("http://")
        .or_else(|| u.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => Ok(u.to_owned()),
        _ => Err(SyncError::BadUrl {
            url: url.chars().take(200).collect(),
        }),
    }
}

/// One sync run against one server.
struct Session<'a> {
    k: &'a Karvon,
    url: String,
    options: &'a SyncOptions,
    transport: Arc<dyn Transport>,
    rng: SystemRandom,
    jitter: u64,
}

impl Session<'_> {
    fn nonce(&self) -> Result<String, SyncError> {
        let mut b = [0u8; 16];
        self.rng.fill(&mut b).map_err(|_| SyncError::Network {
            detail: "no system random source".into(),
        })?;
        Ok(hex_encode(&b))
    }

    /// The next jitter fraction in [0, 1000) (xorshift).
    fn jitter_permille(&mut self) -> u64 {
        let mut x = self.jitter.max(1);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.jitter = x;
        x % 1000
    }

    /// One signed request; a reply of 400 or more is a [`SyncError::Server`].
    fn once(
        &self,
        method: &'static str,
        path_and_query: &str,
        body: &[u8],
    ) -> Result<HttpReply, SyncError> {
        let signer = self.k.signer().map_err(|e| SyncError::Network {
            detail: e.to_string(),
        })?;
        let headers = sign_request_as(
            &signer,
            method,
            path_and_query,
            body,
            (self.options.clock)(),
            &self.nonce()?,
        );
        let mut pairs: Vec<(&'static str, String)> = headers.to_pairs().into_iter().collect();
        if !body.is_empty() {
            pairs.push(("content-type", "application/json".into()));
        }
        let reply = self.transport.send(&HttpRequest {
            method,
            url: format!("{}{path_and_query}", self.url),
            headers: pairs,
            body: body.to_vec(),
        })?;
        if reply.status < 400 {
            return Ok(reply);
        }
        let problem: Option<Problem> = serde_json::from_slice(&reply.body).ok();
        Err(match problem {
            Some(p) => SyncError::Server {
                status: reply.status,
                code: Some(p.code),
                reason: p.reason,
                detail: p.detail,
                retry_after_s: reply.retry_after_s,
            },
            None => SyncError::Server {
                status: reply.status,
                code: None,
                reason: None,
                detail: String::from_utf8_lossy(&reply.body)
                    .chars()
                    .take(200)
                    .collect(),
                retry_after_s: reply.retry_after_s,
            },
        })
    }

    /// A request retried with exponential backoff and jitter while it fails transiently;
    /// the reply body parsed as `T`.
    fn call<T: DeserializeOwned>(
        &mut self,
        method: &'static str,
        path_and_query: &str,
        body: &[u8],
    ) -> Result<T, SyncError> {
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let result = self.once(method, path_and_query, body).and_then(|r| {
                serde_json::from_slice::<T>(&r.body).map_err(|e| SyncError::BadReply {
                    status: r.status,
                    detail: e.to_string(),
                })
            });
            let err = match result {
                Ok(v) => return Ok(v),
                Err(e) if !e.is_transient() => return Err(e),
                Err(e) => e,
            };
            if attempt >= self.options.max_attempts {
                return Err(SyncError::GaveUp {
                    attempts: attempt,
                    last: Box::new(err),
                });
            }
            let exp = self
                .options
                .base_delay
                .saturating_mul(1u32 << (attempt - 1).min(16))
                .min(self.options.max_delay);
            // "Equal jitter": between half and all of the exponential delay.
            let half = exp / 2;
            let jittered = half + (half * self.jitter_permille_u32()) / 1000;
            let asked = match &err {
                SyncError::Server {
                    retry_after_s: Some(s),
                    ..
                } => Duration::from_secs((*s).min(60)),
                _ => Duration::ZERO,
            };
            (self.options.sleeper)(jittered.max(asked));
        }
    }

    fn jitter_permille_u32(&mut self) -> u32 {
        u32::try_from(self.jitter_permille()).unwrap_or(0)
    }
}
