//! The sync engine's one error type: what went wrong talking to the server, and whether trying
//! again later can help.

use karvon_domain::sync::wire::ProblemCode;
use karvon_domain::Message;

/// Everything sync can fail with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// No server is configured (`configure_sync` first).
    #[error("no sync server is configured")]
    NotConfigured,
    /// The server URL cannot be used.
    #[error("server URL {url:?} is not an http:// or https:// URL")]
    BadUrl {
        /// The URL given.
        url: String,
    },
    /// The server could not be reached, or the connection broke.
    #[error("network: {detail}")]
    Network {
        /// What the transport said.
        detail: String,
    },
    /// The server answered with a body that is not what the protocol promises (cut short,
    /// not JSON).
    #[error("unreadable reply from the server ({status}): {detail}")]
    BadReply {
        /// The HTTP status.
        status: u16,
        /// What was wrong.
        detail: String,
    },
    /// The server refused the request with a problem document.
    #[error("server refused ({status} {}): {detail}", code.map_or("-", ProblemCode::as_str))]
    Server {
        /// The HTTP status.
        status: u16,
        /// The problem code, when the body was a problem document.
        code: Option<ProblemCode>,
        /// The precise reason the server gave, when it gave one.
        reason: Option<Message>,
        /// English detail for logs.
        detail: String,
        /// Seconds the server asked to wait (`Retry-After`).
        retry_after_s: Option<u64>,
    },
    /// A transient failure lasted through every retry.
    #[error("gave up after {attempts} attempts: {last}")]
    GaveUp {
        /// How many attempts were made.
        attempts: u32,
        /// The last failure.
        last: Box<SyncError>,
    },
    /// Sync stopped at a refusal that needs the user (see `sync_status`).
    #[error("sync stopped: {0}")]
    Stopped(Box<SyncError>),
}

impl SyncError {
    /// Whether the same request may succeed later (network trouble, 5xx, 429, transient codes).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Network { .. } | Self::BadReply { .. } => true,
            Self::Server { status, code, .. } => match code {
                Some(c) => c.is_transient(),
                None => *status >= 500 || *status == 429 || *status == 408,
            },
            Self::NotConfigured | Self::BadUrl { .. } | Self::GaveUp { .. } | Self::Stopped(_) => {
                false
            }
        }
    }

    /// Whether the server refused the request for good: it needs the user, not a retry.
    pub fn is_refusal(&self) -> bool {
        matches!(self, Self::Server { .. }) && !self.is_transient()
    }

    /// The stable code kept with a recorded problem.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotConfigured => "sync-not-configured",
            Self::BadUrl { .. } => "sync-bad-url",
            Self::Network { .. } => "sync-network",
            Self::BadReply { .. } => "sync-bad-reply",
            Self::Server { code: Some(c), .. } => c.as_str(),
            Self::Server { code: None, .. } => "sync-http-status",
            Self::GaveUp { last, .. } | Self::Stopped(last) => last.code(),
        }
    }

    /// The user-facing message.
    pub fn message(&self) -> Message {
        match self {
            Self::NotConfigured => Message::new("sync-not-configured"),
            Self::BadUrl { url } => {
                Message::new("sync-bad-url").text("url", url.chars().take(200).collect::<String>())
            }
            Self::Network { detail } => Message::new("sync-network").text("detail", detail),
            Self::BadReply { status, .. } => {
                Message::new("sync-bad-reply").int("status", i64::from(*status))
            }
            Self::Server {
                reason: Some(r), ..
            } => r.clone(),
            Self::Server { code: Some(c), .. } => c.message(),
            Self::Server { status, .. } => {
                Message::new("sync-http-status").int("status", i64::from(*status))
            }
            Self::GaveUp { attempts, last } => {
                let reason = last.message();
                let mut m = Message::new("sync-gave-up")
                    .int("attempts", i64::from(*attempts))
                    .term("problem", reason.id);
                // The reason's own details (`detail`, `status`), for the term to render with.
                m.args.extend(reason.args);
                m
            }
            Self::Stopped(last) => last.message(),
        }
    }
}
