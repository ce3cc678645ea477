//! The server's one error type, and its mapping to HTTP problem documents.

use karvon_domain::sync::auth::AuthError;
use karvon_domain::sync::wire::{Problem, ProblemCode, WireError};
use karvon_domain::Message;

/// Everything that can go wrong in the server.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A signature header is missing, malformed, stale or does not verify.
    #[error(transparent)]
    Auth(#[from] AuthError),
    /// The signing device is not registered.
    #[error("device {0} is not registered")]
    UnknownDevice(String),
    /// The nonce was used before within the window.
    #[error("nonce already used by this device")]
    ReplayedNonce,
    /// The body is larger than allowed.
    #[error("body is larger than {max} bytes")]
    BodyTooLarge {
        /// The limit in bytes.
        max: usize,
    },
    /// The caller sent too many requests.
    #[error("rate limit reached; retry in {retry_after_s} s")]
    RateLimited {
        /// Seconds until a request is allowed again.
        retry_after_s: u64,
    },
    /// The body is not the expected JSON; `path` names the offending field.
    #[error("body is not the expected JSON at {path}: {detail}")]
    BadJson {
        /// JSON path of the problem (`.` for the whole body).
        path: String,
        /// What the parser said.
        detail: String,
    },
    /// The request breaks a protocol rule.
    #[error(transparent)]
    Wire(#[from] WireError),
    /// The pairing code is unknown, used or expired.
    #[error("pairing code is unknown, used or expired")]
    PairingInvalid,
    /// The public key already belongs to a device.
    #[error("this public key is already registered")]
    DeviceExists,
    /// The idempotency key was used for a different batch.
    #[error("idempotency key {0} was used for a different batch")]
    IdempotencyConflict(String),
    /// No such endpoint.
    #[error("no endpoint at {0}")]
    NotFound(String),
    /// The endpoint does not take this method.
    #[error("method {0} is not allowed here")]
    MethodNotAllowed(String),
    /// A filed document is not validly signed, cannot be read or is not this account's.
    #[error("filing refused: {}", .0.id)]
    FilingInvalid(Message),
    /// The server's assessment differs from the filed declaration.
    #[error("filing does not match the server's assessment: {}", .0.id)]
    FilingMismatch(Message),
    /// No filing of that document.
    #[error("no filing of document {0}")]
    FilingNotFound(String),
    /// The storage backend failed or cannot be reached.
    #[error("{backend} storage failed: {detail}")]
    Storage {
        /// `sqlite` or `postgres`.
        backend: &'static str,
        /// What the driver said.
        detail: String,
    },
    /// Stored data cannot be read back (a bug or a damaged database).
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// A bundle as new or newer is already published.
    #[error("{kind} {name}: version {version} is not newer than the published version {latest}")]
    BundleNotNewer {
        /// The kind.
        kind: karvon_domain::dist::BundleKind,
        /// The name.
        name: String,
        /// The version refused.
        version: u64,
        /// The newest stored version.
        latest: u64,
    },
    /// Content to publish was refused (unreadable, invalid for its kind, key file problems).
    #[error("cannot publish: {0}")]
    Publish(#[from] karvon_core::Error),
    /// The data folder or listening socket cannot be used.
    #[error("cannot use {what}: {detail}")]
    Io {
        /// What was being opened.
        what: String,
        /// What the system said.
        detail: String,
    },
}

impl Error {
    /// The user-facing message.
    pub fn message(&self) -> Message {
        match self {
            Self::Auth(e) => e.message(),
            Self::Wire(e) => e.message(),
            Self::BadJson { path, .. } => Message::new("server-bad-json-at").text("path", path),
            Self::RateLimited { retry_after_s } => Message::new("server-rate-limited-for")
                .int("seconds", i64::try_from(*retry_after_s).unwrap_or(i64::MAX)),
            Self::Storage { backend, .. } => {
                Message::new("server-storage-failed").text("backend", *backend)
            }
            Self::Io { what, .. } => Message::new("server-io-failed").text("what", what),
            Self::FilingInvalid(m) | Self::FilingMismatch(m) => m.clone(),
            Self::FilingNotFound(id) => Message::new("server-filing-not-found").text("id", id),
            Self::BundleNotNewer {
                kind,
                name,
                version,
                latest,
            } => Message::new("dist-publish-not-newer")
                .term("kind", kind.term())
                .text("name", name)
                .int("version", i64::try_from(*version).unwrap_or(i64::MAX))
                .int("latest", i64::try_from(*latest).unwrap_or(i64::MAX)),
            Self::Publish(karvon_core::Error::Dist(d)) => d.message(),
            Self::Publish(e) => Message::new("dist-publish-failed").text("detail", e.to_string()),
            other => other.code().message(),
        }
    }

    /// The problem code this error is reported under.
    pub fn code(&self) -> ProblemCode {
        match self {
            Self::Auth(AuthError::Missing(_)) => ProblemCode::Unsigned,
            Self::Auth(AuthError::Malformed(_)) => ProblemCode::MalformedAuth,
            Self::Auth(AuthError::Stale { .. }) => ProblemCode::StaleTimestamp,
            Self::Auth(AuthError::PublicKey | AuthError::BadSignature) => ProblemCode::BadSignature,
            Self::UnknownDevice(_) => ProblemCode::UnknownDevice,
            Self::ReplayedNonce => ProblemCode::ReplayedNonce,
            Self::BodyTooLarge { .. } => ProblemCode::BodyTooLarge,
            Self::RateLimited { .. } => ProblemCode::RateLimited,
            Self::BadJson { .. } => ProblemCode::BadJson,
            Self::Wire(_) => ProblemCode::InvalidRequest,
            Self::PairingInvalid => ProblemCode::PairingInvalid,
            Self::DeviceExists => ProblemCode::DeviceExists,
            Self::IdempotencyConflict(_) => ProblemCode::IdempotencyConflict,
            Self::NotFound(_) => ProblemCode::NotFound,
            Self::MethodNotAllowed(_) => ProblemCode::MethodNotAllowed,
            Self::Storage { .. } => ProblemCode::Unavailable,
            Self::FilingInvalid(_) => ProblemCode::FilingInvalid,
            Self::FilingMismatch(_) => ProblemCode::FilingMismatch,
            Self::FilingNotFound(_) => ProblemCode::NotFound,
            Self::BundleNotNewer { .. } | Self::Publish(_) => ProblemCode::InvalidRequest,
            Self::Corrupt(_) | Self::Io { .. } => ProblemCode::Internal,
        }
    }

    /// The problem document sent for this error (the one place errors become HTTP).
    pub fn to_problem(&self) -> Problem {
        let detail = match self {
            // Do not leak driver details to clients.
            Self::Storage { backend, .. } => format!("{backend} storage is unavailable"),
            Self::Corrupt(_) | Self::Io { .. } => "internal error".to_owned(),
            other => other.to_string(),
        };
        let problem = Problem::new(self.code(), detail);
        match self {
            Self::FilingInvalid(m) | Self::FilingMismatch(m) => problem.with_reason(m.clone()),
            _ => problem,
        }
    }

    pub(crate) fn sqlite(e: rusqlite::Error) -> Self {
        Self::Storage {
            backend: "sqlite",
            detail: e.to_string(),
        }
    }

    pub(crate) fn postgres(e: tokio_postgres::Error) -> Self {
        Self::Storage {
            backend: "postgres",
            detail: e.to_string(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Self::sqlite(e)
    }
}

impl From<tokio_postgres::Error> for Error {
    fn from(e: tokio_postgres::Error) -> Self {
        Self::postgres(e)
    }
}
