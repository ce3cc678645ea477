//! The one error type the host app sees, mapped from the core's errors in one place
//! ([`ApiError::from_core`]), with the message already rendered in the API's language.

use karvon_core::domain::{InputError, Message};
use karvon_core::i18n::Catalogue;
use karvon_core::report::error_text;
use karvon_core::Error;

/// One bad field of a form or a file, for [`ApiError::Invalid`].
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Problem {
    /// Where: a field path (`items[1].value`), or `invoice:3:origin` in a CSV file.
    pub path: String,
    /// Catalogue id of the message (`input-not-decimal`).
    pub id: String,
    /// The message in the API's language, with the path.
    pub text: String,
}

/// Everything a call can fail with. `text` is always ready to show to the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum ApiError {
    /// Bad input at a field path (e.g. `value`, `bought_on`, `statuses[2]`).
    #[error("{text}")]
    Input {
        /// The field path (empty for the whole input).
        path: String,
        /// Catalogue id of the problem.
        id: String,
        /// The message in the API's language (`text`, as Kotlin's `message` is taken).
        text: String,
    },
    /// Several problems at once (a form, a CSV file), each with its place.
    #[error("{text}")]
    Invalid {
        /// Every problem.
        problems: Vec<Problem>,
        /// A summary followed by each problem, in the API's language.
        text: String,
    },
    /// An imported file (rates feed, HS table) is malformed; nothing of it was saved.
    #[error("{text}")]
    Feed {
        /// The file.
        file: String,
        /// Where in the file (`line 12`, `Cube[3]@rate`).
        at: String,
        /// The message in the API's language (`text`, as Kotlin's `message` is taken).
        text: String,
    },
    /// No record with this id (or it was deleted).
    #[error("{text}")]
    NotFound {
        /// `trip`, `traveller`, `purchase`, `document`, `payment`, ...
        entity: String,
        /// The id asked for.
        id: String,
        /// The message in the API's language (`text`, as Kotlin's `message` is taken).
        text: String,
    },
    /// A document cannot be made, signed, verified or moved as asked.
    #[error("{text}")]
    Document {
        /// Catalogue id of the reason.
        id: String,
        /// The message in the API's language (`text`, as Kotlin's `message` is taken).
        text: String,
    },
    /// The database or a file could not be used (disk full, read-only, corrupt, ...).
    #[error("{text}")]
    Storage {
        /// The message in the API's language (`text`, as Kotlin's `message` is taken).
        text: String,
    },
    /// Sync with the server failed (network, server refusal); what was saved stays saved.
    #[error("{text}")]
    Network {
        /// The message in the API's language.
        text: String,
    },
    /// The key that protects personal identifiers is missing, malformed or wrong.
    #[error("{text}")]
    Key {
        /// The message in the API's language (`text`, as Kotlin's `message` is taken).
        text: String,
    },
}

impl ApiError {
    /// The one mapping from the core's errors, rendered with `cat`.
    pub(crate) fn from_core(cat: &Catalogue, e: &Error) -> Self {
        let text = error_text(cat, e);
        match e {
            Error::Input(i) => ApiError::Input {
                path: i.path.clone(),
                id: i.message.id.to_string(),
                text,
            },
            Error::Pack(p) => ApiError::Input {
                path: p.field.clone(),
                id: p.message.id.to_string(),
                text,
            },
            Error::Invalid(list) => ApiError::Invalid {
                problems: list.iter().map(|i| problem(cat, i)).collect(),
                text,
            },
            Error::Feed { file, at, .. } => ApiError::Feed {
                file: file.clone(),
                at: at.clone(),
                text,
            },
            Error::NotFound { entity, id } => ApiError::NotFound {
                entity: (*entity).to_owned(),
                id: id.clone(),
                text,
            },
            Error::Document(m) => ApiError::Document {
                id: m.id.to_string(),
                text,
            },
            Error::Key(_) => ApiError::Key { text },
            Error::Dist(d) => ApiError::Document {
                id: d.code().to_owned(),
                text,
            },
            Error::Sync(_) => ApiError::Network { text },
            Error::Io { .. } | Error::Db(_) | Error::Store(_) => ApiError::Storage { text },
        }
    }
}

fn problem(cat: &Catalogue, i: &InputError) -> Problem {
    Problem {
        path: i.path.clone(),
        id: i.message.id.to_string(),
        text: error_text(cat, &Error::Input(i.clone())),
    }
}

/// An input error at `path` (built as a core error so that it maps like every other one).
pub(crate) fn bad(path: &str, m: Message) -> Error {
    Error::Input(InputError::new(path, m))
}
