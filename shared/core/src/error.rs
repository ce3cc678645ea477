//! The core's error type: what went wrong, with enough to tell the user where.

use karvon_domain::{InputError, Message, PackError};

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The trip (or other input) is invalid: a field path and a message.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A rules pack failed to load.
    #[error(transparent)]
    Pack(#[from] PackError),
    /// A file could not be read or written.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// An imported file (rates feed, HS table) is malformed; nothing of it was saved.
    #[error("{file} at {at}: {}", .message.id)]
    Feed {
        /// The file name.
        file: String,
        /// Where in the file: `line 12`, `Cube[3]@rate`, `[4].Rate`.
        at: String,
        /// What is wrong.
        message: Message,
    },
    /// No record with this id (or it was deleted).
    #[error("no {entity} {id}")]
    NotFound {
        /// The kind of record (`trip`, `traveller`, `purchase`, ...).
        entity: &'static str,
        /// The id asked for.
        id: String,
    },
    /// The database refused an operation.
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    /// The store cannot be used as asked (no data folder open, schema from a newer version, ...).
    #[error("store: {}", .0.id)]
    Store(Message),
    /// The key that protects personal identifiers is missing, unreadable or wrong.
    #[error("key: {}", .0.id)]
    Key(Message),
    /// Several problems found at once (a form, a CSV file): every one with its place.
    #[error("{} problems, the first at {}", .0.len(), .0.first().map(|e| e.path.as_str()).unwrap_or(""))]
    Invalid(Vec<InputError>),
    /// A document cannot be made, signed, verified or moved as asked.
    #[error("document: {}", .0.id)]
    Document(Message),
    /// Sync with the server failed.
    #[error(transparent)]
    Sync(#[from] crate::sync::SyncError),
    /// A distribution bundle or publisher key was refused.
    #[error(transparent)]
    Dist(#[from] crate::dist::DistError),
}

impl Error {
    /// Whether the user's input is at fault (exit code 2 in the CLI).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            Error::Input(_)
                | Error::Pack(_)
                | Error::Feed { .. }
                | Error::NotFound { .. }
                | Error::Invalid(_)
                | Error::Document(_)
        ) || matches!(self, Error::Dist(d) if !matches!(d, crate::dist::DistError::UpdateFailed { .. }))
    }

    /// A feed error at a place in a file.
    pub(crate) fn feed(file: &str, at: impl Into<String>, message: Message) -> Self {
        Error::Feed {
            file: file.to_owned(),
            at: at.into(),
            message,
        }
    }

    /// An input error at a field path.
    pub(crate) fn input(path: impl Into<String>, message: Message) -> Self {
        Error::Input(InputError::new(path, message))
    }
}
