//! The HTTP API: routes, request signing checks, limits and handlers.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use http_body_util::BodyExt;
use karvon_domain::dist::{BundleKind, BundleList, PATH_BUNDLE, PATH_DISTRIBUTION};
use karvon_domain::sync::auth::{
    body_sha256_hex, check_timestamp, device_id_for, hex_decode, hex_encode, verify_request,
    SignedHeaders, HEADER_DEVICE, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIMESTAMP,
    MAX_CLOCK_SKEW_MS,
};
use karvon_domain::sync::wire::{
    DeviceInfo, DeviceList, DeviceRegistered, PairingCreated, PullRequest, PullResponse,
    PushRequest, PushResponse, RedeemPairingRequest, RegisterRequest, PATH_DEVICES, PATH_FILINGS,
    PATH_PAIRING, PATH_PAIRING_REDEEM, PATH_PULL, PATH_PUSH, PATH_REGISTER, PROBLEM_CONTENT_TYPE,
};
use karvon_domain::PackSet;
use ring::rand::{SecureRandom, SystemRandom};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::ratelimit::{Rate, RateLimiter};
use crate::store::{DeviceRecord, NewDevice, PushBatch, Storage};
use crate::Error;

/// The OpenAPI description served at `GET /openapi.json`.
pub const OPENAPI_JSON: &str = include_str!("../openapi.json");

/// Limits the server enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest request body, in bytes (larger ones get 413).
    pub max_body_bytes: usize,
    /// Requests per signed device.
    pub device_rate: Rate,
    /// Registrations and pairing redemptions per client address.
    pub address_rate: Rate,
    /// Largest clock difference of a signed request, in milliseconds.
    pub max_skew_ms: u64,
    /// How long a pairing code works, in milliseconds.
    pub pairing_ttl_ms: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: 4 * 1024 * 1024,
            device_rate: Rate {
                burst: 120,
                per_second: 30,
            },
            address_rate: Rate {
                burst: 20,
                per_second: 1,
            },
            max_skew_ms: MAX_CLOCK_SKEW_MS,
            pairing_ttl_ms: 10 * 60 * 1000,
        }
    }
}

/// Shared state of the handlers.
#[derive(Debug, Clone)]
pub struct App(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    store: Arc<dyn Storage>,
    limits: Limits,
    devices: RateLimiter,
    addresses: RateLimiter,
    rng: SystemRandom,
    nonces_pruned_ms: AtomicU64,
    packs: Arc<PackSet>,
}

/// How much of an over-limit body is read and discarded before answering 413.
const DRAIN_BYTES: usize = 4 * 1024 * 1024;

/// Crockford base 32 (no I, L, O, U).
const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters in a pairing code.
const CODE_LEN: usize = 10;

/// The server's wall clock, UTC milliseconds.
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Every endpoint: method, path, handler. The router and the OpenAPI test both read this.
fn endpoints() -> Vec<(Method, &'static str, MethodRouter<App>)> {
    vec![
        (Method::GET, "/openapi.json", get(openapi)),
        (Method::GET, "/healthz", get(health)),
        (Method::POST, PATH_REGISTER, post(register)),
        (Method::POST, PATH_PAIRING, post(create_pairing)),
        (Method::POST, PATH_PAIRING_REDEEM, post(redeem_pairing)),
        (Method::GET, PATH_DEVICES, get(devices)),
        (Method::POST, PATH_PUSH, post(push)),
        (Method::GET, PATH_PULL, get(pull)),
        (Method::POST, PATH_FILINGS, post(crate::filing::file)),
        (Method::GET, PATH_DISTRIBUTION, get(distribution)),
        (Method::GET, PATH_BUNDLE, get(bundle)),
    ]
}

/// The `(method, path)` of every route the router serves.
pub fn routes() -> Vec<(String, &'static str)> {
    endpoints()
        .into_iter()
        .map(|(m, p, _)| (m.as_str().to_owned(), p))
        .collect()
}

/// The router over a store with limits.
pub fn router(store: Arc<dyn Storage>, limits: Limits) -> Router {
    let app = App(Arc::new(Inner {
        store,
        limits,
        devices: RateLimiter::new(limits.device_rate),
        addresses: RateLimiter::new(limits.address_rate),
        rng: SystemRandom::new(),
        nonces_pruned_ms: AtomicU64::new(0),
        packs: Arc::new(PackSet::embedded().unwrap_or_default()),
    }));
    endpoints()
        .into_iter()
        .fold(Router::new(), |r, (_, path, mr)| r.route(path, mr))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(app)
}

/// Serves a router on a bound listener until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), Error> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .map_err(|e| Error::Io {
        what: "the listening socket".into(),
        detail: e.to_string(),
    })
}

fn problem(e: &Error) -> Response {
    let p = e.to_problem();
    if p.status >= 500 {
        eprintln!("karvon-server: {e}");
    }
    let status = StatusCode::from_u16(p.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(&p).unwrap_or_default();
    let mut response = (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(PROBLEM_CONTENT_TYPE),
        )],
        body,
    )
        .into_response();
    if let Error::RateLimited { retry_after_s } = e {
        if let Ok(v) = HeaderValue::from_str(&retry_after_s.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
    }
    response
}

pub(crate) fn json<T: Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response(),
        Err(e) => problem(&Error::Corrupt(e.to_string())),
    }
}

pub(crate) fn respond(result: Result<Response, Error>) -> Response {
    result.unwrap_or_else(|e| problem(&e))
}

pub(crate) fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| Error::BadJson {
        path: e.path().to_string(),
        detail: e.inner().to_string(),
    })?;
    de.end().map_err(|e| Error::BadJson {
        path: ".".into(),
        detail: e.to_string(),
    })?;
    Ok(value)
}

fn header_str<'a>(parts: &'a Parts, name: &'static str) -> Result<Option<&'a str>, Error> {
    parts
        .headers
        .get(name)
        .map(|v| {
            v.to_str()
                .map_err(|_| karvon_domain::sync::auth::AuthError::Malformed(name).into())
        })
        .transpose()
}

fn path_and_query(parts: &Parts) -> &str {
    parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.path(), |p| p.as_str())
}

fn public_key_bytes(hex: &str) -> Result<Vec<u8>, Error> {
    hex_decode(hex)
        .filter(|k| k.len() == 32)
        .ok_or(Error::Wire(karvon_domain::sync::wire::WireError::PublicKey))
}

impl App {
    pub(crate) fn store(&self) -> &dyn Storage {
        &*self.0.store
    }

    /// The server's own rules packs (the embedded ones).
    pub(crate) fn packs(&self) -> &PackSet {
        &self.0.packs
    }

    /// Reads the signature headers and checks the timestamp.
    fn check_headers(&self, parts: &Parts) -> Result<SignedHeaders, Error> {
        let headers = SignedHeaders::parse(
            header_str(parts, HEADER_DEVICE)?,
            header_str(parts, HEADER_TIMESTAMP)?,
            header_str(parts, HEADER_NONCE)?,
            header_str(parts, HEADER_SIGNATURE)?,
        )?;
        check_timestamp(headers.timestamp_ms, now_ms(), self.0.limits.max_skew_ms)?;
        Ok(headers)
    }

    /// Reads the body up to the limit. A body over the limit is read on and thrown away up to
    /// [`DRAIN_BYTES`] more, so that a client still sending it gets the 413 instead of a reset
    /// connection; a body declared larger than that is refused at once.
    async fn read_body(&self, parts: &Parts, mut body: axum::body::Body) -> Result<Bytes, Error> {
        let max = self.0.limits.max_body_bytes;
        let too_large = Error::BodyTooLarge { max };
        let declared = parts
            .headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        let cap = max.saturating_add(DRAIN_BYTES);
        if declared.is_some_and(|n| n > u64::try_from(cap).unwrap_or(u64::MAX)) {
            return Err(too_large);
        }
        let mut buf = Vec::new();
        let mut total = 0usize;
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| Error::BadJson {
                path: ".".into(),
                detail: format!("the body could not be read: {e}"),
            })?;
            if let Ok(data) = frame.into_data() {
                total = total.saturating_add(data.len());
                if total > cap {
                    return Err(too_large);
                }
                if total <= max {
                    buf.extend_from_slice(&data);
                }
            }
        }
        if total > max {
            return Err(too_large);
        }
        Ok(Bytes::from(buf))
    }

    /// Records the nonce (refusing a replay); now and then forgets nonces past the window.
    async fn fresh_nonce(&self, headers: &SignedHeaders) -> Result<(), Error> {
        let now = now_ms();
        let window = self.0.limits.max_skew_ms;
        let last = self.0.nonces_pruned_ms.load(Ordering::Relaxed);
        if now.saturating_sub(last) > 10_000
            && self
                .0
                .nonces_pruned_ms
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            self.store()
                .forget_nonces(now.saturating_sub(window.saturating_mul(2)))
                .await?;
        }
        let fresh = self
            .store()
            .use_nonce(
                headers.device_id.clone(),
                headers.nonce.clone(),
                headers.timestamp_ms,
            )
            .await?;
        if fresh {
            Ok(())
        } else {
            Err(Error::ReplayedNonce)
        }
    }

    /// Checks a request signed by a registered device; returns the device and the body.
    pub(crate) async fn signed(&self, req: Request) -> Result<(Parts, DeviceRecord, Bytes), Error> {
        let (parts, body) = req.into_parts();
        let body = self.read_body(&parts, body).await?;
        let headers = self.check_headers(&parts)?;
        let device = self
            .store()
            .device(headers.device_id.clone())
            .await?
            .ok_or_else(|| Error::UnknownDevice(headers.device_id.clone()))?;
        verify_request(
            &device.public_key,
            &headers,
            parts.method.as_str(),
            path_and_query(&parts),
            &body,
        )?;
        self.0
            .devices
            .take(&device.device_id, now_ms())
            .map_err(|retry_after_s| Error::RateLimited { retry_after_s })?;
        self.fresh_nonce(&headers).await?;
        Ok((parts, device, body))
    }

    /// Checks a request signed by the key its own body introduces (registration, pairing).
    async fn self_signed<T: DeserializeOwned>(
        &self,
        req: Request,
        key_of: impl Fn(&T) -> Result<&str, Error>,
    ) -> Result<(T, Vec<u8>), Error> {
        let (parts, body) = req.into_parts();
        let body = self.read_body(&parts, body).await?;
        let headers = self.check_headers(&parts)?;
        let address = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(String::new, |c| c.0.ip().to_string());
        self.0
            .addresses
            .take(&address, now_ms())
            .map_err(|retry_after_s| Error::RateLimited { retry_after_s })?;
        let request: T = parse(&body)?;
        let key = public_key_bytes(key_of(&request)?)?;
        if device_id_for(&key) != headers.device_id {
            return Err(Error::Auth(
                karvon_domain::sync::auth::AuthError::BadSignature,
            ));
        }
        verify_request(
            &key,
            &headers,
            parts.method.as_str(),
            path_and_query(&parts),
            &body,
        )?;
        self.fresh_nonce(&headers).await?;
        Ok((request, key))
    }

    fn random_hex(&self, bytes: usize) -> Result<String, Error> {
        let mut buf = vec![0u8; bytes];
        self.0.rng.fill(&mut buf).map_err(|_| Error::Io {
            what: "the system random source".into(),
            detail: "unavailable".into(),
        })?;
        Ok(hex_encode(&buf))
    }

    fn new_code(&self) -> Result<String, Error> {
        let mut buf = [0u8; CODE_LEN];
        self.0.rng.fill(&mut buf).map_err(|_| Error::Io {
            what: "the system random source".into(),
            detail: "unavailable".into(),
        })?;
        Ok(buf
            .iter()
            .map(|b| char::from(CODE_ALPHABET[usize::from(b & 31)]))
            .collect())
    }
}

/// The canonical form of a typed code (upper case, no separators, I/L read as 1, O as 0).
fn normalise_code(code: &str) -> Option<String> {
    let s: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        })
        .collect();
    (s.len() == CODE_LEN && s.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(s)
}

fn code_hash(code: &str) -> String {
    body_sha256_hex(code.as_bytes())
}

fn registered(d: &DeviceRecord) -> DeviceRegistered {
    DeviceRegistered {
        account_id: d.account_id.clone(),
        device_id: d.device_id.clone(),
    }
}

async fn openapi() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI_JSON,
    )
        .into_response()
}

async fn health(State(app): State<App>) -> Response {
    json(
        StatusCode::OK,
        &serde_json::json!({ "status": "ok", "backend": app.store().backend() }),
    )
}

async fn not_found(req: Request) -> Response {
    problem(&Error::NotFound(
        req.uri().path().chars().take(200).collect(),
    ))
}

async fn method_not_allowed(req: Request) -> Response {
    problem(&Error::MethodNotAllowed(req.method().to_string()))
}

async fn register(State(app): State<App>, req: Request) -> Response {
    respond(
        async {
            let (request, key) = app
                .self_signed(req, |r: &RegisterRequest| {
                    r.validate()?;
                    Ok(&r.public_key)
                })
                .await?;
            let device = NewDevice {
                device_id: device_id_for(&key),
                public_key: key,
                name: request.device_name.trim().to_owned(),
                now_ms: now_ms(),
            };
            let (record, created) = app.store().register(app.random_hex(16)?, device).await?;
            let status = if created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            Ok(json(status, &registered(&record)))
        }
        .await,
    )
}

async fn create_pairing(State(app): State<App>, req: Request) -> Response {
    respond(
        async {
            let (_, device, _) = app.signed(req).await?;
            let code = app.new_code()?;
            let now = now_ms();
            let expires_ms = now.saturating_add(app.0.limits.pairing_ttl_ms);
            app.store()
                .create_pairing(device.account_id, code_hash(&code), now, expires_ms)
                .await?;
            let shown = format!("{}-{}", &code[..5], &code[5..]);
            Ok(json(
                StatusCode::CREATED,
                &PairingCreated {
                    code: shown,
                    expires_ms,
                },
            ))
        }
        .await,
    )
}

async fn redeem_pairing(State(app): State<App>, req: Request) -> Response {
    respond(
        async {
            let (request, key) = app
                .self_signed(req, |r: &RedeemPairingRequest| {
                    r.validate()?;
                    Ok(&r.public_key)
                })
                .await?;
            let code = normalise_code(&request.code).ok_or(Error::PairingInvalid)?;
            let device = NewDevice {
                device_id: device_id_for(&key),
                public_key: key,
                name: request.device_name.trim().to_owned(),
                now_ms: now_ms(),
            };
            let record = app.store().redeem_pairing(code_hash(&code), device).await?;
            Ok(json(StatusCode::CREATED, &registered(&record)))
        }
        .await,
    )
}

async fn devices(State(app): State<App>, req: Request) -> Response {
    respond(
        async {
            let (_, device, _) = app.signed(req).await?;
            let devices = app.store().devices(device.account_id).await?;
            Ok(json(
                StatusCode::OK,
                &DeviceList {
                    devices: devices
                        .into_iter()
                        .map(|d| DeviceInfo {
                            device_id: d.device_id,
                            name: d.name,
                            created_ms: d.created_ms,
                        })
                        .collect(),
                },
            ))
        }
        .await,
    )
}

async fn push(State(app): State<App>, req: Request) -> Response {
    respond(
        async {
            let (_, device, body) = app.signed(req).await?;
            let request: PushRequest = parse(&body)?;
            request.validate()?;
            let digest = body_sha256_hex(
                &serde_json::to_vec(&request.changes).map_err(|e| Error::Corrupt(e.to_string()))?,
            );
            let key = request.idempotency_key.to_ascii_lowercase();
            let receipt = app
                .store()
                .push(PushBatch {
                    account_id: device.account_id,
                    device_id: device.device_id,
                    idempotency_key: key.clone(),
                    digest,
                    changes: request.changes,
                    now_ms: now_ms(),
                })
                .await?;
            Ok(json(
                StatusCode::OK,
                &PushResponse {
                    idempotency_key: key,
                    stored: receipt.stored,
                    cursor: receipt.cursor,
                },
            ))
        }
        .await,
    )
}

async fn pull(State(app): State<App>, req: Request) -> Response {
    respond(
        async {
            let (parts, device, _) = app.signed(req).await?;
            let request = PullRequest::from_query(parts.uri.query())?;
            let page = app
                .store()
                .pull(device.account_id, request.cursor, request.limit)
                .await?;
            Ok(json(
                StatusCode::OK,
                &PullResponse {
                    changes: page.changes,
                    next_cursor: page.next_cursor,
                    more: page.more,
                },
            ))
        }
        .await,
    )
}

/// The newest version of every published bundle (open: bundles carry their own signatures).
async fn distribution(State(app): State<App>) -> Response {
    respond(
        async {
            let bundles = app.store().latest_bundles().await?;
            Ok(json(StatusCode::OK, &BundleList { bundles }))
        }
        .await,
    )
}

/// The signed bytes of the newest version of one bundle.
async fn bundle(State(app): State<App>, Path((kind, name)): Path<(String, String)>) -> Response {
    respond(
        async {
            let missing = || Error::NotFound(format!("{PATH_DISTRIBUTION}/{kind}/{name}"));
            let k = BundleKind::parse(&kind).ok_or_else(missing)?;
            let n = k.normal_name(&name).map_err(|_| missing())?;
            let bytes = app.store().bundle(k, n).await?.ok_or_else(missing)?;
            Ok((
                [(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/octet-stream"),
                )],
                bytes,
            )
                .into_response())
        }
        .await,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_forgivingly_and_refused_when_malformed() {
        assert_eq!(normalise_code("abcde-fghjk").as_deref(), Some("ABCDEFGHJK"));
        assert_eq!(normalise_code("0O1IL 23456").as_deref(), Some("0011123456"));
        assert_eq!(normalise_code("ABCDE-FGHJ"), None);
        assert_eq!(normalise_code("ABCDE-FGHJU"), None);
    }
}
