//! The one place a core error becomes the UI's [`ApiError`].

use karvon_core::domain::{InputError, Message};
use karvon_core::i18n::Catalogue;
use karvon_core::report::error_text;
use karvon_core::Error;

use crate::wire::{ApiError, Problem};

/// A core error in the user's language, with its field path and every problem of a list.
pub fn api_error(cat: &Catalogue, err: &Error) -> ApiError {
    let problem = |e: &InputError| Problem {
        field: e.path.clone(),
        message: cat.render(&e.message),
    };
    match err {
        Error::Input(e) => ApiError {
            message: error_text(cat, err),
            field: e.path.clone(),
            problems: vec![problem(e)],
        },
        Error::Invalid(list) => ApiError {
            message: cat.render(
                &Message::new("error-invalid")
                    .int("count", i64::try_from(list.len()).unwrap_or(i64::MAX)),
            ),
            field: list.first().map(|e| e.path.clone()).unwrap_or_default(),
            problems: list.iter().map(problem).collect(),
        },
        Error::Feed { file, at, message } => ApiError {
            message: error_text(cat, err),
            field: format!("{file}:{at}"),
            problems: vec![Problem {
                field: format!("{file}:{at}"),
                message: cat.render(message),
            }],
        },
        _ => ApiError {
            message: error_text(cat, err),
            field: String::new(),
            problems: Vec::new(),
        },
    }
}

/// An error about one field the shell itself checked (a date, a number, a code).
pub fn field_error(cat: &Catalogue, field: &str, message: Message) -> ApiError {
    api_error(cat, &Error::Input(InputError::new(field, message)))
}
