//! The core's error type: what went wrong, with enough to tell the user where.

use karvon_domain::{InputError, PackError};

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The trip (or other input) is invalid: a field path and a message.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A rules pack failed to load.
    #[error(transparent)]
    Pack(#[from] PackError),
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

impl Error {
    /// Whether the user's input is at fault (exit code 2 in the CLI).
    pub fn is_bad_input(&self) -> bool {
        matches!(self, Error::Input(_) | Error::Pack(_))
    }
}
