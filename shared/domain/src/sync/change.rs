//! A change record: one field of one entity set at one clock, or a tombstone.

use serde::{Deserialize, Serialize};

use super::Hlc;

/// The kinds of synced entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person who travels.
    Traveller,
    /// A group or family of travellers.
    Group,
    /// Membership of a traveller in a group.
    GroupMember,
    /// A trip.
    Trip,
    /// Who travels on a trip.
    TripTraveller,
    /// A purchase.
    Purchase,
    /// A receipt attached to a purchase.
    Receipt,
    /// An acknowledged alert.
    Alert,
    /// A declaration (one version of it).
    Document,
    /// A saved template for repeat shipments.
    Template,
    /// A payment draft for a declaration.
    Payment,
}

impl EntityKind {
    /// The stable name used in storage and on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Traveller => "traveller",
            Self::Group => "group",
            Self::GroupMember => "group_member",
            Self::Trip => "trip",
            Self::TripTraveller => "trip_traveller",
            Self::Purchase => "purchase",
            Self::Receipt => "receipt",
            Self::Alert => "alert",
            Self::Document => "document",
            Self::Template => "template",
            Self::Payment => "payment",
        }
    }

    /// Reads a stable name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "traveller" => Self::Traveller,
            "group" => Self::Group,
            "group_member" => Self::GroupMember,
            "trip" => Self::Trip,
            "trip_traveller" => Self::TripTraveller,
            "purchase" => Self::Purchase,
            "receipt" => Self::Receipt,
            "alert" => Self::Alert,
            "document" => Self::Document,
            "template" => Self::Template,
            "payment" => Self::Payment,
            _ => return None,
        })
    }
}

/// The field name a tombstone uses.
pub const DELETED_FIELD: &str = "_deleted";

/// One change to send: per-field last-writer-wins, ordered by `hlc`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// What kind of entity changed.
    pub entity: EntityKind,
    /// Its id (a UUID).
    pub id: String,
    /// The field, or `_deleted` for a tombstone (value `true`) or its undo (`false`).
    pub field: String,
    /// The new value as JSON text (`null` clears it).
    pub value: String,
    /// When, on the hybrid logical clock.
    pub hlc: Hlc,
}

impl Change {
    /// Whether this record deletes or restores the entity.
    pub fn is_tombstone(&self) -> bool {
        self.field == DELETED_FIELD
    }
}
