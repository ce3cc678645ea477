//! The HTTP sync protocol's bodies: device registration, pairing, push and pull, filed-document
//! status and problem documents.
//!
//! Every body is JSON. Every request except `GET /openapi.json` and `GET /healthz` is signed as
//! described in [`super::auth`]. Errors come back as `application/problem+json` ([`Problem`]).

use serde::{Deserialize, Serialize};

use super::Change;
use crate::Message;

/// Path of device registration (creates an account with its first device).
pub const PATH_REGISTER: &str = "/v1/register";
/// Path that creates a pairing code for the signing device's account.
pub const PATH_PAIRING: &str = "/v1/pairing";
/// Path that links a new device to an account with a pairing code.
pub const PATH_PAIRING_REDEEM: &str = "/v1/pairing/redeem";
/// Path that lists the devices of the signing device's account.
pub const PATH_DEVICES: &str = "/v1/devices";
/// Path of push (upload a batch of changes).
pub const PATH_PUSH: &str = "/v1/push";
/// Path of pull (download changes after a cursor; query `cursor` and `limit`).
pub const PATH_PULL: &str = "/v1/pull";
/// Path that files a signed declaration with customs (through the server).
pub const PATH_FILINGS: &str = "/v1/filings";
/// Media type of problem documents.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// Most changes one push may carry.
pub const MAX_PUSH_CHANGES: usize = 5_000;
/// Most changes one pull returns.
pub const MAX_PULL_LIMIT: u32 = 1_000;
/// Pull page size when the request names none.
pub const DEFAULT_PULL_LIMIT: u32 = 500;
/// Longest device name, in characters.
pub const MAX_DEVICE_NAME_CHARS: usize = 100;

/// A device introduces its Ed25519 public key (also the body of pairing redemption, with a code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    /// The raw 32-byte Ed25519 public key, 64 lowercase hex digits.
    pub public_key: String,
    /// A name the user recognises ("Dilnoza's phone").
    pub device_name: String,
}

/// Which account a registered or paired device belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceRegistered {
    /// The account (32 lowercase hex digits).
    pub account_id: String,
    /// The device id, derived from its public key (see [`super::auth::device_id_for`]).
    pub device_id: String,
}

/// A one-time code that links another device to the signing device's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingCreated {
    /// The code to type or scan on the new device (10 characters of Crockford base 32).
    pub code: String,
    /// When the code stops working, UTC milliseconds.
    pub expires_ms: u64,
}

/// A new device redeems a pairing code with its own key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedeemPairingRequest {
    /// The code shown on the existing device.
    pub code: String,
    /// The new device's raw Ed25519 public key, 64 lowercase hex digits.
    pub public_key: String,
    /// The new device's name.
    pub device_name: String,
}

/// One device of an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceInfo {
    /// The device id.
    pub device_id: String,
    /// Its name.
    pub name: String,
    /// When it joined, UTC milliseconds.
    pub created_ms: u64,
}

/// The devices of an account, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceList {
    /// The devices.
    pub devices: Vec<DeviceInfo>,
}

/// A batch of changes from the outbox with the key that makes sending it again harmless.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    /// A UUID the client stored before sending; the same key always gets the same acknowledgement.
    pub idempotency_key: String,
    /// The changes, ordered by their clock (not decreasing).
    pub changes: Vec<Change>,
}

/// The server's acknowledgement of a push.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    /// The acknowledged key: the client may now drop the batch from its outbox.
    pub idempotency_key: String,
    /// How many changes were new to the server (repeats of stored changes are not stored again).
    pub stored: u32,
    /// The account's server cursor right after this push was stored.
    pub cursor: u64,
}

/// What a pull asks for: changes after a server cursor (sent as the query `?cursor=N&limit=M`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullRequest {
    /// The cursor from the last pull (`0` for everything).
    pub cursor: u64,
    /// The largest page wanted (1 to [`MAX_PULL_LIMIT`]).
    pub limit: u32,
}

/// A page of changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullResponse {
    /// Changes after the requested cursor in server order, including the pulling device's own.
    pub changes: Vec<Change>,
    /// The cursor to ask with next time (unchanged when nothing was new).
    pub next_cursor: u64,
    /// Whether more changes wait after this page.
    pub more: bool,
}

/// Kinds of documents the server files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A customs declaration.
    Declaration,
    /// A payment of duties.
    Payment,
}

/// Where a filed document stands. Only the server moves it, and only forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingStatus {
    /// Received by the server, not yet registered.
    Submitted,
    /// Registered by customs under a number.
    Registered,
    /// Duties paid and confirmed.
    Paid,
    /// Released by customs (final).
    Cleared,
    /// Refused by customs (final).
    Rejected,
}

impl FilingStatus {
    fn rank(self) -> u8 {
        match self {
            Self::Submitted => 0,
            Self::Registered => 1,
            Self::Paid => 2,
            Self::Cleared | Self::Rejected => 3,
        }
    }

    /// Whether no status can follow this one.
    pub fn is_final(self) -> bool {
        self.rank() == 3
    }

    /// Whether `next` may follow this status (strictly forward, never out of a final one).
    pub fn can_advance_to(self, next: Self) -> bool {
        !self.is_final() && next.rank() > self.rank()
    }

    /// The stable name used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Registered => "registered",
            Self::Paid => "paid",
            Self::Cleared => "cleared",
            Self::Rejected => "rejected",
        }
    }
}

/// The inspection channel customs assigned to a registered declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InspectionChannel {
    /// Released without inspection.
    Green,
    /// Documents checked.
    Yellow,
    /// Goods inspected.
    Red,
}

/// A server-decided status of a filed document, delivered to every device of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusUpdate {
    /// Which kind of document.
    pub document: DocumentKind,
    /// The document's id (a UUID).
    pub id: String,
    /// The new status.
    pub status: FilingStatus,
    /// The customs registration number, once registered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_number: Option<String>,
    /// The inspection channel, once assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<InspectionChannel>,
    /// Why, for a rejection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Message>,
    /// When the server decided, UTC milliseconds.
    pub at_ms: u64,
}

impl StatusUpdate {
    /// Checks that this update may follow `previous` (the status the device holds, if any).
    pub fn follows(&self, previous: Option<FilingStatus>) -> Result<(), WireError> {
        match previous {
            Some(prev) if !prev.can_advance_to(self.status) => Err(WireError::StatusBackwards {
                from: prev,
                to: self.status,
            }),
            _ => Ok(()),
        }
    }
}

/// A signed declaration sent for filing.
///
/// For a passenger declaration the device also sends the trip it was made from (a trip file, the
/// JSON `karvon assess` reads) so that the server can assess it again with its own rules packs
/// and refuse a declaration that does not match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRequest {
    /// The document's id on the device (a UUID): filing the same id again is harmless.
    pub document_id: String,
    /// The signed envelope as its QR payload text (`KV1:` + Base45).
    pub envelope: String,
    /// The trip file the passenger declaration was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trip: Option<serde_json::Value>,
}

/// The server's answer to a filing: the same every time the same document is filed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileResponse {
    /// The filed document.
    pub document_id: String,
    /// Where it stands now.
    pub status: FilingStatus,
    /// The registration number customs gave it.
    pub registration_number: String,
    /// The inspection channel.
    pub channel: InspectionChannel,
}

impl FileRequest {
    /// Checks the id's form and that an envelope is present.
    pub fn validate(&self) -> Result<(), WireError> {
        if !is_uuid(&self.document_id) {
            return Err(WireError::DocumentId(
                self.document_id.chars().take(64).collect(),
            ));
        }
        if self.envelope.trim().is_empty() {
            return Err(WireError::Envelope);
        }
        Ok(())
    }
}

/// The document fields the server writes into an account's change stream when a filing moves;
/// every device applies them on pull (status only moves forward).
pub mod filed_fields {
    /// The document's status (`"registered"`, `"cleared"`, `"rejected"`).
    pub const STATUS: &str = "status";
    /// The registration number.
    pub const REGISTRATION: &str = "registration";
    /// The inspection channel (`"green"`, `"yellow"`, `"red"`).
    pub const CHANNEL: &str = "channel";
    /// Why customs rejected it (text).
    pub const REASON: &str = "reason";
    /// Node id of clocks on changes the server writes.
    pub const SERVER_NODE: &str = "server";
}

impl InspectionChannel {
    /// The stable name used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Green => "green",
            Self::Yellow => "yellow",
            Self::Red => "red",
        }
    }
}

/// Stable machine-readable codes of problem documents; each is also a message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProblemCode {
    /// A signature header is missing.
    #[serde(rename = "server-unsigned")]
    Unsigned,
    /// A signature header cannot be read.
    #[serde(rename = "server-malformed-auth")]
    MalformedAuth,
    /// The device id is not registered.
    #[serde(rename = "server-unknown-device")]
    UnknownDevice,
    /// The signature does not match the request.
    #[serde(rename = "server-bad-signature")]
    BadSignature,
    /// The timestamp is outside the allowed window.
    #[serde(rename = "server-stale-timestamp")]
    StaleTimestamp,
    /// The nonce was used before.
    #[serde(rename = "server-replayed-nonce")]
    ReplayedNonce,
    /// The body is larger than the server accepts.
    #[serde(rename = "server-body-too-large")]
    BodyTooLarge,
    /// Too many requests from this device or address.
    #[serde(rename = "server-rate-limited")]
    RateLimited,
    /// The body is not the JSON the endpoint expects.
    #[serde(rename = "server-bad-json")]
    BadJson,
    /// The body is JSON of the right shape with a wrong value.
    #[serde(rename = "server-invalid-request")]
    InvalidRequest,
    /// The pairing code is unknown, used or expired.
    #[serde(rename = "server-pairing-invalid")]
    PairingInvalid,
    /// The public key already belongs to a device.
    #[serde(rename = "server-device-exists")]
    DeviceExists,
    /// The idempotency key was used before for a different batch.
    #[serde(rename = "server-idempotency-conflict")]
    IdempotencyConflict,
    /// No such endpoint.
    #[serde(rename = "server-not-found")]
    NotFound,
    /// The endpoint does not take this method.
    #[serde(rename = "server-method-not-allowed")]
    MethodNotAllowed,
    /// The server's storage is unavailable; try again later.
    #[serde(rename = "server-unavailable")]
    Unavailable,
    /// An unexpected server fault.
    #[serde(rename = "server-internal")]
    Internal,
    /// A filed document is not validly signed, cannot be read, or is not the signing device's.
    #[serde(rename = "server-filing-invalid")]
    FilingInvalid,
    /// The server's own assessment of a filed declaration differs from the declaration.
    #[serde(rename = "server-filing-mismatch")]
    FilingMismatch,
}

impl ProblemCode {
    /// Every code, for catalogues and documents.
    pub const ALL: [Self; 19] = [
        Self::Unsigned,
        Self::MalformedAuth,
        Self::UnknownDevice,
        Self::BadSignature,
        Self::StaleTimestamp,
        Self::ReplayedNonce,
        Self::BodyTooLarge,
        Self::RateLimited,
        Self::BadJson,
        Self::InvalidRequest,
        Self::PairingInvalid,
        Self::DeviceExists,
        Self::IdempotencyConflict,
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::Unavailable,
        Self::Internal,
        Self::FilingInvalid,
        Self::FilingMismatch,
    ];

    /// The stable code, which is also the message id of its user-facing text.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unsigned => "server-unsigned",
            Self::MalformedAuth => "server-malformed-auth",
            Self::UnknownDevice => "server-unknown-device",
            Self::BadSignature => "server-bad-signature",
            Self::StaleTimestamp => "server-stale-timestamp",
            Self::ReplayedNonce => "server-replayed-nonce",
            Self::BodyTooLarge => "server-body-too-large",
            Self::RateLimited => "server-rate-limited",
            Self::BadJson => "server-bad-json",
            Self::InvalidRequest => "server-invalid-request",
            Self::PairingInvalid => "server-pairing-invalid",
            Self::DeviceExists => "server-device-exists",
            Self::IdempotencyConflict => "server-idempotency-conflict",
            Self::NotFound => "server-not-found",
            Self::MethodNotAllowed => "server-method-not-allowed",
            Self::Unavailable => "server-unavailable",
            Self::Internal => "server-internal",
            Self::FilingInvalid => "server-filing-invalid",
            Self::FilingMismatch => "server-filing-mismatch",
        }
    }

    /// The HTTP status that carries this code.
    pub fn status(self) -> u16 {
        match self {
            Self::Unsigned
            | Self::MalformedAuth
            | Self::UnknownDevice
            | Self::BadSignature
            | Self::StaleTimestamp
            | Self::ReplayedNonce => 401,
            Self::BodyTooLarge => 413,
            Self::RateLimited => 429,
            Self::BadJson => 400,
            Self::InvalidRequest | Self::FilingInvalid | Self::FilingMismatch => 422,
            Self::PairingInvalid | Self::NotFound => 404,
            Self::DeviceExists | Self::IdempotencyConflict => 409,
            Self::MethodNotAllowed => 405,
            Self::Unavailable => 503,
            Self::Internal => 500,
        }
    }

    /// A short English title for the problem document (clients show [`Self::message`] instead).
    pub fn title(self) -> &'static str {
        match self {
            Self::Unsigned => "Request not signed",
            Self::MalformedAuth => "Malformed signature header",
            Self::UnknownDevice => "Unknown device",
            Self::BadSignature => "Signature does not match",
            Self::StaleTimestamp => "Timestamp outside the allowed window",
            Self::ReplayedNonce => "Nonce already used",
            Self::BodyTooLarge => "Body too large",
            Self::RateLimited => "Too many requests",
            Self::BadJson => "Body is not the expected JSON",
            Self::InvalidRequest => "Invalid value in the request",
            Self::PairingInvalid => "Pairing code unknown, used or expired",
            Self::DeviceExists => "Device already registered",
            Self::IdempotencyConflict => "Idempotency key reused for a different batch",
            Self::NotFound => "No such endpoint",
            Self::MethodNotAllowed => "Method not allowed",
            Self::Unavailable => "Storage unavailable",
            Self::Internal => "Internal server error",
            Self::FilingInvalid => "Filed document refused",
            Self::FilingMismatch => "Declaration differs from the server's assessment",
        }
    }

    /// Whether a client should retry the same request later (with backoff) rather than give up.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            Self::RateLimited | Self::Unavailable | Self::Internal | Self::StaleTimestamp
        )
    }

    /// The user-facing message.
    pub fn message(self) -> Message {
        Message::new(self.as_str())
    }
}

/// An HTTP problem document (RFC 9457) with a stable `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// A URI naming the problem type (`urn:karvon:problem:<code>`).
    #[serde(rename = "type")]
    pub kind: String,
    /// A short English summary.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// English detail for logs and support (never parsed).
    pub detail: String,
    /// The stable code; also the message id to show.
    pub code: ProblemCode,
    /// The precise reason, when the server can name one (a filing mismatch names the field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Message>,
}

impl Problem {
    /// The problem document for a code with a detail.
    pub fn new(code: ProblemCode, detail: impl Into<String>) -> Self {
        Self {
            kind: format!("urn:karvon:problem:{}", code.as_str()),
            title: code.title().to_owned(),
            status: code.status(),
            detail: detail.into(),
            code,
            reason: None,
        }
    }

    /// The same problem with a precise reason for the user.
    pub fn with_reason(mut self, reason: Message) -> Self {
        self.reason = Some(reason);
        self
    }
}

/// A request body or query that is well-formed JSON but breaks a protocol rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    /// `idempotency_key` is not a UUID.
    #[error("idempotency_key is not a UUID: {0:?}")]
    IdempotencyKey(String),
    /// Too many changes in one push.
    #[error("changes holds {count} changes; at most {max} per push")]
    TooManyChanges {
        /// How many were sent.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A change's clock is earlier than the one before it.
    #[error("changes[{index}].hlc is earlier than the change before it")]
    OutOfOrder {
        /// Index of the change.
        index: usize,
    },
    /// A change's entity id or field is empty or too long.
    #[error("changes[{index}].{field} is empty or longer than 200 characters")]
    BadName {
        /// Index of the change.
        index: usize,
        /// `id` or `field`.
        field: &'static str,
    },
    /// A change's value is not JSON text.
    #[error("changes[{index}].value is not JSON text")]
    BadValue {
        /// Index of the change.
        index: usize,
    },
    /// A public key is not 64 hex digits of a 32-byte key.
    #[error("public_key is not 64 lowercase hex digits")]
    PublicKey,
    /// A device name is empty or too long.
    #[error("device_name must have 1 to {MAX_DEVICE_NAME_CHARS} characters")]
    DeviceName,
    /// A pull query parameter is unknown or not a whole number in range.
    #[error("query parameter {0:?} is unknown or not a whole number in range")]
    Query(String),
    /// A filed document id is not a UUID.
    #[error("document_id is not a UUID: {0:?}")]
    DocumentId(String),
    /// A filing carries no envelope.
    #[error("envelope is empty")]
    Envelope,
    /// A status would move backwards or out of a final state.
    #[error("status cannot move from {} to {}", from.as_str(), to.as_str())]
    StatusBackwards {
        /// Current status.
        from: FilingStatus,
        /// Refused next status.
        to: FilingStatus,
    },
}

impl WireError {
    /// The user-facing message.
    pub fn message(&self) -> Message {
        match self {
            Self::IdempotencyKey(_) => Message::new("sync-bad-idempotency-key"),
            Self::TooManyChanges { count, max } => Message::new("sync-too-many-changes")
                .int("count", to_i64(*count))
                .int("max", to_i64(*max)),
            Self::OutOfOrder { index } => {
                Message::new("sync-change-out-of-order").int("index", to_i64(*index))
            }
            Self::BadName { index, field } => Message::new("sync-change-bad-name")
                .int("index", to_i64(*index))
                .text("field", *field),
            Self::BadValue { index } => {
                Message::new("sync-change-bad-value").int("index", to_i64(*index))
            }
            Self::PublicKey => Message::new("sync-bad-public-key"),
            Self::DeviceName => {
                Message::new("sync-bad-device-name").int("max", to_i64(MAX_DEVICE_NAME_CHARS))
            }
            Self::Query(name) => Message::new("sync-bad-query").text("name", name.clone()),
            Self::DocumentId(_) => Message::new("sync-bad-document-id"),
            Self::Envelope => Message::new("sync-empty-envelope"),
            Self::StatusBackwards { from, to } => Message::new("sync-status-backwards")
                .text("from", from.as_str())
                .text("to", to.as_str()),
        }
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Whether `s` is a UUID in its 8-4-4-4-12 hex text form (either case).
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn check_key_and_name(public_key: &str, device_name: &str) -> Result<(), WireError> {
    if public_key.len() != 64
        || !public_key
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(WireError::PublicKey);
    }
    let n = device_name.trim().chars().count();
    if n == 0 || device_name.chars().count() > MAX_DEVICE_NAME_CHARS {
        return Err(WireError::DeviceName);
    }
    Ok(())
}

impl RegisterRequest {
    /// Checks the key's form and the name's length.
    pub fn validate(&self) -> Result<(), WireError> {
        check_key_and_name(&self.public_key, &self.device_name)
    }
}

impl RedeemPairingRequest {
    /// Checks the key's form and the name's length (the code is checked by the server).
    pub fn validate(&self) -> Result<(), WireError> {
        check_key_and_name(&self.public_key, &self.device_name)
    }
}

impl PushRequest {
    /// Checks the key, the batch size, the clock order and every change's names and value.
    pub fn validate(&self) -> Result<(), WireError> {
        if !is_uuid(&self.idempotency_key) {
            return Err(WireError::IdempotencyKey(
                self.idempotency_key.chars().take(64).collect(),
            ));
        }
        if self.changes.len() > MAX_PUSH_CHANGES {
            return Err(WireError::TooManyChanges {
                count: self.changes.len(),
                max: MAX_PUSH_CHANGES,
            });
        }
        for (index, c) in self.changes.iter().enumerate() {
            if c.id.is_empty() || c.id.len() > 200 {
                return Err(WireError::BadName { index, field: "id" });
            }
            if c.field.is_empty() || c.field.len() > 200 {
                return Err(WireError::BadName {
                    index,
                    field: "field",
                });
            }
            if serde_json::from_str::<serde::de::IgnoredAny>(&c.value).is_err() {
                return Err(WireError::BadValue { index });
            }
            if index > 0 && c.hlc < self.changes[index - 1].hlc {
                return Err(WireError::OutOfOrder { index });
            }
        }
        Ok(())
    }
}

impl PullRequest {
    /// The query string (without `?`).
    pub fn to_query(&self) -> String {
        format!("cursor={}&limit={}", self.cursor, self.limit)
    }

    /// Reads `cursor=N&limit=M` (both optional; unknown parameters are refused).
    pub fn from_query(query: Option<&str>) -> Result<Self, WireError> {
        let mut req = Self {
            cursor: 0,
            limit: DEFAULT_PULL_LIMIT,
        };
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            match name {
                "cursor" => {
                    req.cursor = value
                        .parse()
                        .map_err(|_| WireError::Query("cursor".into()))?;
                }
                "limit" => {
                    req.limit = value
                        .parse()
                        .ok()
                        .filter(|l| (1..=MAX_PULL_LIMIT).contains(l))
                        .ok_or_else(|| WireError::Query("limit".into()))?;
                }
                _ => return Err(WireError::Query(name.chars().take(32).collect())),
            }
        }
        Ok(req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{EntityKind, Hlc};

    fn change(millis: u64, value: &str) -> Change {
        Change {
            entity: EntityKind::Trip,
            id: "t1".into(),
            field: "name".into(),
            value: value.into(),
            hlc: Hlc {
                millis,
                counter: 0,
                node: "00000000000000aa".into(),
            },
        }
    }

    #[test]
    fn push_validation_names_the_broken_part() {
        let mut push = PushRequest {
            idempotency_key: "9b2f4c1e-0d7a-4e8b-9c3f-1a2b3c4d5e6f".into(),
            changes: vec![change(1, "\"a\""), change(2, "null")],
        };
        assert_eq!(push.validate(), Ok(()));
        push.changes.swap(0, 1);
        assert_eq!(push.validate(), Err(WireError::OutOfOrder { index: 1 }));
        push.changes = vec![change(1, "not json")];
        assert_eq!(push.validate(), Err(WireError::BadValue { index: 0 }));
        push.idempotency_key = "key-1".into();
        let err = push.validate().unwrap_err();
        assert_eq!(err.message().id, "sync-bad-idempotency-key");
    }

    #[test]
    fn status_only_moves_forward() {
        use FilingStatus::*;
        assert!(Submitted.can_advance_to(Registered));
        assert!(Registered.can_advance_to(Cleared));
        assert!(Paid.can_advance_to(Rejected));
        assert!(!Registered.can_advance_to(Submitted));
        assert!(!Cleared.can_advance_to(Rejected));
        assert!(!Paid.can_advance_to(Paid));
        let update = StatusUpdate {
            document: DocumentKind::Declaration,
            id: "d".into(),
            status: Registered,
            registration_number: Some("26001/01.01.2026/0000001".into()),
            channel: Some(InspectionChannel::Green),
            reason: None,
            at_ms: 5,
        };
        assert!(update.follows(None).is_ok());
        assert_eq!(
            update.follows(Some(Cleared)),
            Err(WireError::StatusBackwards {
                from: Cleared,
                to: Registered
            })
        );
    }

    #[test]
    fn pull_query_round_trips_and_refuses_junk() {
        let q = PullRequest {
            cursor: 42,
            limit: 7,
        };
        assert_eq!(PullRequest::from_query(Some(&q.to_query())), Ok(q));
        assert_eq!(
            PullRequest::from_query(None).map(|r| r.limit),
            Ok(DEFAULT_PULL_LIMIT)
        );
        assert_eq!(
            PullRequest::from_query(Some("limit=0")),
            Err(WireError::Query("limit".into()))
        );
        assert_eq!(
            PullRequest::from_query(Some("cursor=-1")),
            Err(WireError::Query("cursor".into()))
        );
    }

    #[test]
    fn problem_codes_are_stable_and_serialise_as_their_id() {
        for code in ProblemCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(code.message().id, code.as_str());
        }
        let p = Problem::new(ProblemCode::ReplayedNonce, "nonce seen");
        let v: serde_json::Value = serde_json::to_value(&p).unwrap();
        assert_eq!(v["type"], "urn:karvon:problem:server-replayed-nonce");
        assert_eq!(v["status"], 401);
    }

    #[test]
    fn uuids_are_recognised() {
        assert!(is_uuid("9B2F4C1E-0D7A-4E8B-9C3F-1A2B3C4D5E6F"));
        assert!(!is_uuid("9b2f4c1e0d7a4e8b9c3f1a2b3c4d5e6f"));
        assert!(!is_uuid("9b2f4c1e-0d7a-4e8b-9c3f-1a2b3c4d5e6g"));
    }
}
