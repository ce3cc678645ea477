//! Why trade rules, a declaration, a template or an assessment were refused.

use crate::message::Message;
use crate::trip::InputError;

/// The trade area's error: every problem at once, each with a field path and a [`Message`].
///
/// Paths follow the JSON shape of the declaration (`lines[2].hs_code`, `freight.amount`) or of the
/// rules file (`clearance_fee.bands[3]`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TradeError {
    /// The trade rules file cannot be used.
    #[error("trade rules: {}", first(.0))]
    Rules(Vec<InputError>),
    /// The declaration (or a template's result) is not valid.
    #[error("the declaration has {} problem(s), first: {}", .0.len(), first(.0))]
    Invalid(Vec<InputError>),
    /// The declaration is valid but cannot be assessed (no tariff line, no rate, no rule in
    /// force on the date, an export).
    #[error("the declaration cannot be assessed: {} problem(s), first: {}", .0.len(), first(.0))]
    Assessment(Vec<InputError>),
}

fn first(problems: &[InputError]) -> String {
    problems
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

impl TradeError {
    /// The problems, each with its path and message.
    pub fn problems(&self) -> &[InputError] {
        match self {
            TradeError::Rules(p) | TradeError::Invalid(p) | TradeError::Assessment(p) => p,
        }
    }

    /// A one-line summary for users.
    pub fn message(&self) -> Message {
        let id = match self {
            TradeError::Rules(_) => "trade-error-rules",
            TradeError::Invalid(_) => "trade-error-invalid",
            TradeError::Assessment(_) => "trade-error-assessment",
        };
        Message::new(id).int(
            "count",
            i64::try_from(self.problems().len()).unwrap_or(i64::MAX),
        )
    }

    pub(crate) fn rules(path: impl Into<String>, message: Message) -> Self {
        TradeError::Rules(vec![InputError::new(path, message)])
    }
}
