//! The lifecycle of a declaration: draft → signed → queued → submitted → registered →
//! cleared | rejected. Status only moves forward; the device takes the first steps and the
//! server decides the rest. Nothing signed is edited: an amendment is a new, linked version.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::message::Message;

/// Where a declaration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    /// Being written; the only status in which the content may change.
    Draft,
    /// Signed with the device key; frozen.
    Signed,
    /// Waiting to be sent to customs when a connection appears.
    Queued,
    /// Received by the server.
    Submitted,
    /// Registered by customs, with a registration number.
    Registered,
    /// Cleared by customs.
    Cleared,
    /// Refused by customs, with a reason.
    Rejected,
}

/// Who moves a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The user's device.
    Device,
    /// The Karvon server, for customs.
    Server,
}

/// A status change that is not allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingError {
    /// The status the document has.
    pub from: DocStatus,
    /// The status asked for.
    pub to: DocStatus,
    /// Who asked.
    pub actor: Actor,
}

impl fmt::Display for FilingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a {:?} declaration cannot become {:?} by the {:?}",
            self.from, self.to, self.actor
        )
    }
}

impl std::error::Error for FilingError {}

impl FilingError {
    /// The message for the user.
    pub fn message(&self) -> Message {
        let id = if self.actor == Actor::Device && self.to.decided_by() == Actor::Server {
            "filing-error-server-decides"
        } else if self.to <= self.from {
            "filing-error-backwards"
        } else {
            "filing-error-skip"
        };
        Message::new(id)
            .term("from", self.from.term_id())
            .term("to", self.to.term_id())
    }
}

impl DocStatus {
    /// Every status, in order.
    pub const ALL: [DocStatus; 7] = [
        DocStatus::Draft,
        DocStatus::Signed,
        DocStatus::Queued,
        DocStatus::Submitted,
        DocStatus::Registered,
        DocStatus::Cleared,
        DocStatus::Rejected,
    ];

    /// The stable name used in storage and on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            DocStatus::Draft => "draft",
            DocStatus::Signed => "signed",
            DocStatus::Queued => "queued",
            DocStatus::Submitted => "submitted",
            DocStatus::Registered => "registered",
            DocStatus::Cleared => "cleared",
            DocStatus::Rejected => "rejected",
        }
    }

    /// Reads a stable name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    /// The catalogue id naming the status.
    pub fn term_id(self) -> &'static str {
        match self {
            DocStatus::Draft => "filing-status-draft",
            DocStatus::Signed => "filing-status-signed",
            DocStatus::Queued => "filing-status-queued",
            DocStatus::Submitted => "filing-status-submitted",
            DocStatus::Registered => "filing-status-registered",
            DocStatus::Cleared => "filing-status-cleared",
            DocStatus::Rejected => "filing-status-rejected",
        }
    }

    /// Who moves a document into this status.
    pub fn decided_by(self) -> Actor {
        match self {
            DocStatus::Draft | DocStatus::Signed | DocStatus::Queued => Actor::Device,
            DocStatus::Submitted
            | DocStatus::Registered
            | DocStatus::Cleared
            | DocStatus::Rejected => Actor::Server,
        }
    }

    /// Whether nothing follows.
    pub fn is_final(self) -> bool {
        matches!(self, DocStatus::Cleared | DocStatus::Rejected)
    }

    /// Whether the content is frozen (signed or beyond).
    pub fn is_frozen(self) -> bool {
        self != DocStatus::Draft
    }

    /// Whether `to` may follow this status when `actor` asks. The device signs and queues; the
    /// server acknowledges, registers, clears or rejects. The server may skip ahead (a document
    /// may be registered and cleared while the device was offline), never back.
    pub fn can_become(self, to: DocStatus, actor: Actor) -> bool {
        use DocStatus::*;
        if to.decided_by() != actor || self.is_final() || to <= self {
            return false;
        }
        match actor {
            Actor::Device => matches!((self, to), (Draft, Signed) | (Signed, Queued)),
            // The server only sees signed documents, and rejection ends any open state.
            Actor::Server => self >= Signed && (to != Cleared || self <= Registered),
        }
    }

    /// The status after `to` is asked for, or why not.
    pub fn advance(self, to: DocStatus, actor: Actor) -> Result<DocStatus, FilingError> {
        if self.can_become(to, actor) {
            Ok(to)
        } else {
            Err(FilingError {
                from: self,
                to,
                actor,
            })
        }
    }

    /// The later of two statuses, for merging copies of one document from two devices.
    pub fn merge(self, other: DocStatus) -> DocStatus {
        self.max(other)
    }

    /// Whether an amendment (a new linked draft) may be made from a document in this status.
    pub fn can_amend(self) -> bool {
        self.is_frozen()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DocStatus::*;

    #[test]
    fn the_device_signs_and_queues_only() {
        assert!(Draft.can_become(Signed, Actor::Device));
        assert!(Signed.can_become(Queued, Actor::Device));
        assert!(
            !Draft.can_become(Queued, Actor::Device),
            "must be signed first"
        );
        assert!(!Queued.can_become(Submitted, Actor::Device));
        assert!(!Registered.can_become(Cleared, Actor::Device));
        assert!(!Signed.can_become(Draft, Actor::Device));
        let err = Queued.advance(Cleared, Actor::Device).unwrap_err();
        assert_eq!(err.message().id, "filing-error-server-decides");
        assert_eq!(
            Signed
                .advance(Draft, Actor::Device)
                .unwrap_err()
                .message()
                .id,
            "filing-error-backwards"
        );
        assert_eq!(
            Draft
                .advance(Queued, Actor::Device)
                .unwrap_err()
                .message()
                .id,
            "filing-error-skip"
        );
    }

    #[test]
    fn the_server_moves_forward_and_never_back() {
        assert!(Queued.can_become(Submitted, Actor::Server));
        assert!(Queued.can_become(Registered, Actor::Server));
        assert!(Submitted.can_become(Rejected, Actor::Server));
        assert!(Registered.can_become(Cleared, Actor::Server));
        assert!(!Draft.can_become(Submitted, Actor::Server), "unsigned");
        assert!(!Cleared.can_become(Rejected, Actor::Server), "final");
        assert!(!Rejected.can_become(Cleared, Actor::Server), "final");
        assert!(!Registered.can_become(Submitted, Actor::Server));
        assert!(!Queued.can_become(Signed, Actor::Server));
    }

    #[test]
    fn every_pair_is_forward_only() {
        for from in DocStatus::ALL {
            for to in DocStatus::ALL {
                for actor in [Actor::Device, Actor::Server] {
                    if from.can_become(to, actor) {
                        assert!(to > from, "{from:?} → {to:?}");
                        assert!(!from.is_final());
                    }
                }
            }
            assert_eq!(DocStatus::parse(from.as_str()), Some(from));
        }
        assert_eq!(Signed.merge(Registered), Registered);
        assert_eq!(Cleared.merge(Queued), Cleared);
        assert!(!Draft.can_amend() && Signed.can_amend() && Rejected.can_amend());
    }
}
