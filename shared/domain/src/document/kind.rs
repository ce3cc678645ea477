//! What a signed document is: its kind, with a stable one-byte tag.

use serde::{Deserialize, Serialize};

/// The kind of a signed document. The tag (1 to 5) is part of the signed bytes and never
/// changes meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// A passenger (traveller's) customs declaration.
    Passenger,
    /// A CN 22 postal customs declaration.
    Cn22,
    /// A CN 23 postal customs declaration.
    Cn23,
    /// A trade (commercial) declaration.
    Trade,
    /// A payment draft.
    Payment,
}

impl DocKind {
    /// Every kind, in tag order.
    pub const ALL: [DocKind; 5] = [
        DocKind::Passenger,
        DocKind::Cn22,
        DocKind::Cn23,
        DocKind::Trade,
        DocKind::Payment,
    ];

    /// The stable one-byte tag.
    pub fn tag(self) -> u8 {
        match self {
            DocKind::Passenger => 1,
            DocKind::Cn22 => 2,
            DocKind::Cn23 => 3,
            DocKind::Trade => 4,
            DocKind::Payment => 5,
        }
    }

    /// The kind with this tag, if any.
    pub fn from_tag(tag: u8) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.tag() == tag)
    }

    /// The serde name, e.g. `cn22`.
    pub fn code(self) -> &'static str {
        match self {
            DocKind::Passenger => "passenger",
            DocKind::Cn22 => "cn22",
            DocKind::Cn23 => "cn23",
            DocKind::Trade => "trade",
            DocKind::Payment => "payment",
        }
    }

    /// The catalogue term naming the kind, e.g. `document-kind-cn22`.
    pub fn term(self) -> &'static str {
        match self {
            DocKind::Passenger => "document-kind-passenger",
            DocKind::Cn22 => "document-kind-cn22",
            DocKind::Cn23 => "document-kind-cn23",
            DocKind::Trade => "document-kind-trade",
            DocKind::Payment => "document-kind-payment",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_names_are_stable() {
        for (i, kind) in DocKind::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(kind.tag()), i + 1);
            assert_eq!(DocKind::from_tag(kind.tag()), Some(kind));
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.code())
            );
        }
        assert_eq!(DocKind::from_tag(0), None);
        assert_eq!(DocKind::from_tag(6), None);
    }
}
