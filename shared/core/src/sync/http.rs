//! The HTTP side of sync: a small blocking transport trait (so tests can script replies) and
//! its implementation over `ureq` (rustls with the ring provider for `https://`).

use std::fmt;
use std::io::Read;
use std::time::Duration;

use super::SyncError;

/// Largest reply body read from the server.
const MAX_REPLY_BYTES: u64 = 16 * 1024 * 1024;

/// One request to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The full URL.
    pub url: String,
    /// Header pairs (the signature headers, content type).
    pub headers: Vec<(&'static str, String)>,
    /// The body (empty for GET).
    pub body: Vec<u8>,
}

/// The server's reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpReply {
    /// The HTTP status.
    pub status: u16,
    /// Seconds from a `Retry-After` header.
    pub retry_after_s: Option<u64>,
    /// The whole body.
    pub body: Vec<u8>,
}

/// Sends requests; a failure to connect, send or read the whole reply is
/// [`SyncError::Network`] or [`SyncError::BadReply`] (both transient).
pub trait Transport: Send + Sync + fmt::Debug {
    /// Sends one request and reads the whole reply.
    fn send(&self, request: &HttpRequest) -> Result<HttpReply, SyncError>;
}

/// The real transport: a `ureq` agent with timeouts.
pub struct UreqTransport {
    agent: ureq::Agent,
}

impl fmt::Debug for UreqTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UreqTransport").finish_non_exhaustive()
    }
}

impl UreqTransport {
    /// A transport whose every call ends within `timeout`.
    pub fn new(timeout: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .timeout_connect(Some(timeout.min(Duration::from_secs(10))))
            .max_redirects(0)
            .build();
        Self {
            agent: ureq::Agent::new_with_config(config),
        }
    }
}

impl Default for UreqTransport {
    fn default() -> Self {
        Self::new(Duration::from_secs(60))
    }
}

fn network(e: &ureq::Error) -> SyncError {
    SyncError::Network {
        detail: e.to_string(),
    }
}

impl Transport for UreqTransport {
    fn send(&self, request: &HttpRequest) -> Result<HttpReply, SyncError> {
        let reply = if request.method == "GET" {
            let mut r = self.agent.get(&request.url);
            for (k, v) in &request.headers {
                r = r.header(*k, v);
            }
            r.call()
        } else {
            let mut r = self.agent.post(&request.url);
            for (k, v) in &request.headers {
                r = r.header(*k, v);
            }
            r.send(&request.body[..])
        };
        let mut reply = reply.map_err(|e| network(&e))?;
        let status = reply.status().as_u16();
        let retry_after_s = reply
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse().ok());
        let declared: Option<u64> = reply
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse().ok());
        let mut body = Vec::new();
        reply
            .body_mut()
            .as_reader()
            .take(MAX_REPLY_BYTES)
            .read_to_end(&mut body)
            .map_err(|e| SyncError::BadReply {
                status,
                detail: e.to_string(),
            })?;
        if declared.is_some_and(|n| n != body.len() as u64) {
            return Err(SyncError::BadReply {
                status,
                detail: format!("body cut short at {} bytes", body.len()),
            });
        }
        Ok(HttpReply {
            status,
            retry_after_s,
            body,
        })
    }
}
