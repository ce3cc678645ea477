//! Structured, translatable messages: a message id plus typed arguments.
//!
//! The domain never builds user-facing sentences; it emits [`Message`]s that a catalogue
//! (`karvon-i18n`) renders in the user's language.

mod args;

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::date::Date;

pub use args::{Args, NamedArg};

/// A typed argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Arg {
    /// Verbatim text supplied by a user or a pack (a description, a URL).
    Text {
        /// The text.
        value: String,
    },
    /// The id of another message to render in place (a kind, a unit, a mode).
    Term {
        /// The message id.
        id: Cow<'static, str>,
    },
    /// An amount of money.
    Money {
        /// Exact amount.
        #[serde(with = "rust_decimal::serde::str")]
        amount: Decimal,
        /// Its currency.
        currency: Currency,
    },
    /// A plain exact number (a quantity, a rate).
    Number {
        /// The value.
        #[serde(with = "rust_decimal::serde::str")]
        value: Decimal,
    },
    /// A percentage (`25.5` means 25.5 %).
    Percent {
        /// The value in percent.
        #[serde(with = "rust_decimal::serde::str")]
        value: Decimal,
    },
    /// A whole number (a count, an index, an age).
    Int {
        /// The value.
        value: i64,
    },
    /// A calendar date.
    Date {
        /// The date.
        value: Date,
    },
}

/// A message id with named arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Catalogue id, e.g. `line-exempt-in-allowance`.
    pub id: Cow<'static, str>,
    /// Named arguments, in the order given.
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

impl Message {
    /// A message without arguments.
    pub fn new(id: &'static str) -> Self {
        Self {
            id: Cow::Borrowed(id),
            args: Args::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Self {
        self.args.push((Cow::Borrowed(name), value));
        self
    }

    /// Adds verbatim text.
    pub fn text(self, name: &'static str, value: impl Into<String>) -> Self {
        self.arg(
            name,
            Arg::Text {
                value: value.into(),
            },
        )
    }

    /// Adds a term (another message id).
    pub fn term(self, name: &'static str, id: impl Into<Cow<'static, str>>) -> Self {
        self.arg(name, Arg::Term { id: id.into() })
    }

    /// Adds an amount of money.
    pub fn money(self, name: &'static str, amount: Decimal, currency: Currency) -> Self {
        self.arg(name, Arg::Money { amount, currency })
    }

    /// Adds a number.
    pub fn number(self, name: &'static str, value: Decimal) -> Self {
        self.arg(name, Arg::Number { value })
    }

    /// Adds a percentage.
    pub fn percent(self, name: &'static str, value: Decimal) -> Self {
        self.arg(name, Arg::Percent { value })
    }

    /// Adds a whole number.
    pub fn int(self, name: &'static str, value: i64) -> Self {
        self.arg(name, Arg::Int { value })
    }

    /// Adds a date.
    pub fn date(self, name: &'static str, value: Date) -> Self {
        self.arg(name, Arg::Date { value })
    }

    /// The same message with its arguments shared (see [`Args::shared`]): for a message that is
    /// copied many times.
    #[must_use]
    pub fn shared(self) -> Self {
        Self {
            id: self.id,
            args: self.args.shared(),
        }
    }

    /// The argument with this name, if any.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, a)| a)
    }
}

impl Message {
    /// A message whose id comes from data (a rules pack), not from code.
    pub fn new_owned(id: String) -> Self {
        Self {
            id: Cow::Owned(id),
            args: Args::new(),
        }
    }
}
