//! Rate expressions: how a tariff line's duty or excise is computed (reference §4.2).
//!
//! # Text syntax (the tariff file's `duty` and `excise` columns)
//!
//! ```text
//! expr  := term ( "+" term )*                    sum of the terms
//! term  := NUMBER "%"                            ad valorem: percent of the customs value
//!        | NUMBER CURRENCY "/" UNIT              specific: amount per unit of quantity
//!        | ("max" | "min") "(" expr ( ";" expr )+ ")"   the higher / the lower of
//! NUMBER := digits [ "." digits ]                no sign, no exponent, no decimal comma
//! CURRENCY := an ISO 4217 code (EUR, USD, UZS …)
//! UNIT := kg | l | pcs | pair | m | m2 | m3 | cm3   (aliases: piece, p/st → pcs; cc → cm3;
//!                                                     ltr, litre, liter → l)
//! ```
//!
//! Spaces are allowed between tokens. Examples: `12%`, `2.5 EUR/kg`, `5% + 0.5 EUR/l`,
//! `max(20%; 0.20 USD/kg)` ("20 % but not less than US$0.20 per kg"), `min(10%; 3 EUR/pcs)`
//! (a cap). At most [`MAX_EXPR_CHARS`] characters and [`MAX_DEPTH`] nested `max`/`min`.
//!
//! # JSON form (serde)
//!
//! ```json
//! {"type": "max", "of": [
//!   {"type": "ad_valorem", "percent": "20"},
//!   {"type": "specific", "amount": "0.20", "currency": "USD", "unit": "kg"}
//! ]}
//! ```
//!
//! `sum`, `max` and `min` take `of`, a list of at least two expressions.
//!
//! # Evaluation
//!
//! Ad valorem parts take the customs value; `kg` parts take the line's net mass; other units
//! take the line's quantity, which must be in the same unit. Specific amounts in another currency
//! are converted with the [`RateTable`] given. Nothing is rounded here: the assessment rounds.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::fx::RateTable;
use crate::message::Message;

/// Longest expression text, in characters.
pub const MAX_EXPR_CHARS: usize = 200;
/// Deepest nesting of `max(…)` / `min(…)`.
pub const MAX_DEPTH: usize = 8;

/// A unit of quantity a specific rate is expressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Kilogram of net mass.
    Kg,
    /// Litre.
    L,
    /// Piece (item, `p/st`).
    Pcs,
    /// Pair.
    Pair,
    /// Metre.
    M,
    /// Square metre.
    M2,
    /// Cubic metre.
    M3,
    /// Cubic centimetre (engine capacity).
    Cm3,
}

impl Unit {
    /// Every unit, in display order.
    pub const ALL: [Unit; 8] = [
        Unit::Kg,
        Unit::L,
        Unit::Pcs,
        Unit::Pair,
        Unit::M,
        Unit::M2,
        Unit::M3,
        Unit::Cm3,
    ];

    /// The canonical name used in files (`kg`, `l`, `pcs` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Kg => "kg",
            Unit::L => "l",
            Unit::Pcs => "pcs",
            Unit::Pair => "pair",
            Unit::M => "m",
            Unit::M2 => "m2",
            Unit::M3 => "m3",
            Unit::Cm3 => "cm3",
        }
    }

    /// The catalogue id naming the unit.
    pub fn term_id(self) -> &'static str {
        match self {
            Unit::Kg => "trade-unit-kg",
            Unit::L => "trade-unit-l",
            Unit::Pcs => "trade-unit-pcs",
            Unit::Pair => "trade-unit-pair",
            Unit::M => "trade-unit-m",
            Unit::M2 => "trade-unit-m2",
            Unit::M3 => "trade-unit-m3",
            Unit::Cm3 => "trade-unit-cm3",
        }
    }

    /// Reads a unit name or alias, case-insensitively.
    pub fn parse(text: &str) -> Option<Unit> {
        let lower = text.trim().to_ascii_lowercase();
        Some(match lower.as_str() {
            "kg" | "kgs" => Unit::Kg,
            "l" | "ltr" | "litre" | "liter" | "litres" | "liters" => Unit::L,
            "pcs" | "pc" | "piece" | "pieces" | "p/st" | "item" | "items" | "u" => Unit::Pcs,
            "pair" | "pairs" | "pa" => Unit::Pair,
            "m" => Unit::M,
            "m2" | "m²" | "sqm" => Unit::M2,
            "m3" | "m³" => Unit::M3,
            "cm3" | "cm³" | "cc" => Unit::Cm3,
            _ => return None,
        })
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rate expression (see the module documentation for the text and JSON forms).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum RateExpr {
    /// Percent of the customs value.
    AdValorem {
        /// The rate in percent (`12` is 12 %).
        #[serde(with = "rust_decimal::serde::str")]
        percent: Decimal,
    },
    /// An amount per unit of quantity.
    Specific {
        /// The amount per unit.
        #[serde(with = "rust_decimal::serde::str")]
        amount: Decimal,
        /// Its currency.
        currency: Currency,
        /// The unit.
        unit: Unit,
    },
    /// The sum of the parts (compound duty).
    Sum {
        /// The parts (two or more).
        of: Vec<RateExpr>,
    },
    /// The highest of the parts ("X %, but not less than Y per kg").
    Max {
        /// The parts (two or more).
        of: Vec<RateExpr>,
    },
    /// The lowest of the parts (a cap).
    Min {
        /// The parts (two or more).
        of: Vec<RateExpr>,
    },
}

/// What the parser expected at a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expected {
    /// A number, `max(` or `min(`.
    Term,
    /// `%` or a currency code after a number.
    PercentOrCurrency,
    /// `/` between a currency and a unit.
    Slash,
    /// A unit name.
    Unit,
    /// `(` after `max` or `min`.
    OpenParen,
    /// `;` or `)` inside `max(…)` / `min(…)`.
    SeparatorOrClose,
    /// `+` or the end of the expression.
    PlusOrEnd,
}

impl Expected {
    /// The catalogue id describing what was expected.
    pub fn term_id(self) -> &'static str {
        match self {
            Expected::Term => "tariff-expected-term",
            Expected::PercentOrCurrency => "tariff-expected-percent-or-currency",
            Expected::Slash => "tariff-expected-slash",
            Expected::Unit => "tariff-expected-unit",
            Expected::OpenParen => "tariff-expected-open-paren",
            Expected::SeparatorOrClose => "tariff-expected-separator",
            Expected::PlusOrEnd => "tariff-expected-plus-or-end",
        }
    }

    fn english(self) -> &'static str {
        match self {
            Expected::Term => "a number, max( or min(",
            Expected::PercentOrCurrency => "% or a currency code",
            Expected::Slash => "/",
            Expected::Unit => "a unit (kg, l, pcs, pair, m, m2, m3, cm3)",
            Expected::OpenParen => "(",
            Expected::SeparatorOrClose => "; or )",
            Expected::PlusOrEnd => "+ or the end",
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

/// Why an expression could not be read or evaluated. Positions are 1-based characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExprError {
    /// The expression is empty.
    #[error("the rate expression is empty")]
    Empty,
    /// The expression is longer than [`MAX_EXPR_CHARS`].
    #[error("the rate expression has {length} characters; the limit is {MAX_EXPR_CHARS}")]
    TooLong {
        /// Its length in characters.
        length: usize,
    },
    /// Something else was found where a token was expected.
    #[error("at character {position}: expected {expected}, found `{found}`")]
    Syntax {
        /// Where.
        position: usize,
        /// What was expected.
        expected: Expected,
        /// What was found (`end` at the end), cut to 16 characters.
        found: String,
    },
    /// A number that is not a plain decimal or too large.
    #[error("at character {position}: `{value}` is not a plain decimal number")]
    Number {
        /// Where.
        position: usize,
        /// The text.
        value: String,
    },
    /// Three letters that are not an ISO 4217 currency.
    #[error("at character {position}: `{value}` is not a currency code")]
    Currency {
        /// Where.
        position: usize,
        /// The text.
        value: String,
    },
    /// A unit name that is not known.
    #[error("at character {position}: `{value}` is not a unit (kg, l, pcs, pair, m, m2, m3, cm3)")]
    Unit {
        /// Where.
        position: usize,
        /// The text.
        value: String,
    },
    /// `max(…)` or `min(…)` nested too deep.
    #[error("at character {position}: nested deeper than {MAX_DEPTH} levels")]
    TooDeep {
        /// Where.
        position: usize,
    },
    /// A `sum`, `max` or `min` with fewer than two parts (JSON form).
    #[error("a sum, max or min needs at least two parts")]
    TooFewParts,
    /// A negative rate or amount (JSON form).
    #[error("a rate or amount must not be negative")]
    Negative,
    /// No exchange rate for a specific amount's currency.
    #[error("no {currency} rate in the rate table to convert a specific amount")]
    MissingRate {
        /// The currency.
        currency: Currency,
    },
    /// A specific rate per unit the line's quantity is not given in.
    #[error("the rate is per {needed}; the line's quantity is in {given}")]
    UnitMismatch {
        /// The rate's unit.
        needed: Unit,
        /// The line's unit.
        given: Unit,
    },
    /// The arithmetic left the representable range.
    #[error("the amount is too large to compute")]
    Overflow,
}

impl ExprError {
    /// The error for users.
    pub fn message(&self) -> Message {
        match self {
            ExprError::Empty => Message::new("tariff-expr-empty"),
            ExprError::TooLong { length } => Message::new("tariff-expr-too-long")
                .int("length", to_i64(*length))
                .int("max", to_i64(MAX_EXPR_CHARS)),
            ExprError::Syntax {
                position,
                expected,
                found,
            } => Message::new("tariff-expr-syntax")
                .int("position", to_i64(*position))
                .term("expected", expected.term_id())
                .text("found", found.clone()),
            ExprError::Number { position, value } => Message::new("tariff-expr-number")
                .int("position", to_i64(*position))
                .text("value", value.clone()),
            ExprError::Currency { position, value } => Message::new("tariff-expr-currency")
                .int("position", to_i64(*position))
                .text("value", value.clone()),
            ExprError::Unit { position, value } => Message::new("tariff-expr-unit")
                .int("position", to_i64(*position))
                .text("value", value.clone()),
            ExprError::TooDeep { position } => Message::new("tariff-expr-too-deep")
                .int("position", to_i64(*position))
                .int("max", to_i64(MAX_DEPTH)),
            ExprError::TooFewParts => Message::new("tariff-expr-too-few-parts"),
            ExprError::Negative => Message::new("tariff-expr-negative"),
            ExprError::MissingRate { currency } => {
                Message::new("tariff-expr-missing-rate").text("currency", currency.code())
            }
            ExprError::UnitMismatch { needed, given } => Message::new("tariff-expr-unit-mismatch")
                .term("needed", needed.term_id())
                .term("given", given.term_id()),
            ExprError::Overflow => Message::new("tariff-expr-overflow"),
        }
    }
}

pub(crate) fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// What an expression is evaluated on: one line's figures.
#[derive(Debug, Clone, Copy)]
pub struct EvalInput<'a> {
    /// The line's customs value in `currency`.
    pub customs_value: Decimal,
    /// The currency of the customs value and of the result.
    pub currency: Currency,
    /// Net mass in kg.
    pub net_kg: Decimal,
    /// The line's quantity, in `unit`.
    pub quantity: Decimal,
    /// The unit of `quantity`.
    pub unit: Unit,
    /// Rates to convert specific amounts in other currencies.
    pub rates: &'a RateTable,
}

/// The amount an expression gives, unrounded, with the arithmetic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The amount in the input's currency.
    pub amount: Decimal,
    /// Each part's arithmetic, innermost first.
    pub steps: Vec<Message>,
}

impl RateExpr {
    /// Checks the structural rules the text syntax guarantees (for expressions read from JSON):
    /// two or more parts in every list, no negative figure, nesting within [`MAX_DEPTH`].
    pub fn check(&self) -> Result<(), ExprError> {
        self.check_at(0)
    }

    fn check_at(&self, depth: usize) -> Result<(), ExprError> {
        match self {
            RateExpr::AdValorem { percent } if percent.is_sign_negative() => {
                Err(ExprError::Negative)
            }
            RateExpr::Specific { amount, .. } if amount.is_sign_negative() => {
                Err(ExprError::Negative)
            }
            RateExpr::AdValorem { .. } | RateExpr::Specific { .. } => Ok(()),
            RateExpr::Sum { of } | RateExpr::Max { of } | RateExpr::Min { of } => {
                if depth > MAX_DEPTH {
                    return Err(ExprError::TooDeep { position: 0 });
                }
                if of.len() < 2 {
                    return Err(ExprError::TooFewParts);
                }
                of.iter().try_for_each(|e| e.check_at(depth + 1))
            }
        }
    }

    /// Whether any part is ad valorem (a percent of the customs value).
    pub fn has_ad_valorem(&self) -> bool {
        match self {
            RateExpr::AdValorem { .. } => true,
            RateExpr::Specific { .. } => false,
            RateExpr::Sum { of } | RateExpr::Max { of } | RateExpr::Min { of } => {
                of.iter().any(RateExpr::has_ad_valorem)
            }
        }
    }

    /// Evaluates the expression on a line; the amount is unrounded.
    pub fn evaluate(&self, input: &EvalInput<'_>) -> Result<Evaluation, ExprError> {
        self.check()?;
        let mut steps = Vec::new();
        let amount = self.eval_into(input, &mut steps)?;
        Ok(Evaluation { amount, steps })
    }

    fn eval_into(
        &self,
        input: &EvalInput<'_>,
        steps: &mut Vec<Message>,
    ) -> Result<Decimal, ExprError> {
        let ccy = input.currency;
        match self {
            RateExpr::AdValorem { percent } => {
                let result = input
                    .customs_value
                    .checked_mul(*percent)
                    .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                    .ok_or(ExprError::Overflow)?;
                steps.push(
                    Message::new("trade-step-ad-valorem")
                        .money("base", input.customs_value, ccy)
                        .percent("rate", *percent)
                        .money("result", result, ccy),
                );
                Ok(result)
            }
            RateExpr::Specific {
                amount,
                currency,
                unit,
            } => {
                let quantity = match unit {
                    Unit::Kg => input.net_kg,
                    u if *u == input.unit => input.quantity,
                    u => {
                        return Err(ExprError::UnitMismatch {
                            needed: *u,
                            given: input.unit,
                        })
                    }
                };
                let foreign = quantity.checked_mul(*amount).ok_or(ExprError::Overflow)?;
                steps.push(
                    Message::new("trade-step-specific")
                        .number("quantity", quantity)
                        .term("unit", unit.term_id())
                        .money("rate", *amount, *currency)
                        .money("result", foreign, *currency),
                );
                if *currency == ccy {
                    return Ok(foreign);
                }
                let conv = input
                    .rates
                    .convert(foreign, *currency, ccy)
                    .map_err(|e| match e {
                        crate::fx::FxError::Overflow => ExprError::Overflow,
                        _ => ExprError::MissingRate {
                            currency: *currency,
                        },
                    })?;
                steps.push(convert_step(
                    foreign,
                    *currency,
                    conv.rate,
                    conv.amount,
                    ccy,
                    input.rates,
                ));
                Ok(conv.amount)
            }
            RateExpr::Sum { of } => {
                let mut total = Decimal::ZERO;
                for e in of {
                    let v = e.eval_into(input, steps)?;
                    total = total.checked_add(v).ok_or(ExprError::Overflow)?;
                }
                steps.push(Message::new("trade-step-sum").money("result", total, ccy));
                Ok(total)
            }
            RateExpr::Max { of } | RateExpr::Min { of } => {
                let is_max = matches!(self, RateExpr::Max { .. });
                let mut best: Option<Decimal> = None;
                for e in of {
                    let v = e.eval_into(input, steps)?;
                    best = Some(match best {
                        Some(b) if is_max => b.max(v),
                        Some(b) => b.min(v),
                        None => v,
                    });
                }
                let result = best.ok_or(ExprError::TooFewParts)?;
                let id = if is_max {
                    "trade-step-max"
                } else {
                    "trade-step-min"
                };
                steps.push(Message::new(id).money("result", result, ccy));
                Ok(result)
            }
        }
    }
}

/// The step explaining a currency conversion with the table's source and date.
pub(crate) fn convert_step(
    amount: Decimal,
    from: Currency,
    rate: Decimal,
    result: Decimal,
    to: Currency,
    rates: &RateTable,
) -> Message {
    Message::new("trade-step-convert")
        .money("amount", amount, from)
        .number("rate", rate)
        .money("result", result, to)
        .term("source", source_term(rates))
        .date("date", rates.date)
}

/// The catalogue id naming a rate table's publisher.
pub(crate) fn source_term(rates: &RateTable) -> &'static str {
    match rates.source {
        crate::fx::RateSource::Cbu => "trade-rates-cbu",
        crate::fx::RateSource::Ecb => "trade-rates-ecb",
        crate::fx::RateSource::UserEntered => "trade-rates-user",
    }
}

impl fmt::Display for RateExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RateExpr::AdValorem { percent } => write!(f, "{}%", percent.normalize()),
            RateExpr::Specific {
                amount,
                currency,
                unit,
            } => write!(f, "{} {currency}/{unit}", amount.normalize()),
            RateExpr::Sum { of } => {
                for (i, e) in of.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" + ")?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
            RateExpr::Max { of } | RateExpr::Min { of } => {
                f.write_str(if matches!(self, RateExpr::Max { .. }) {
                    "max("
                } else {
                    "min("
                })?;
                for (i, e) in of.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{e}")?;
                }
                f.write_str(")")
            }
        }
    }
}

impl FromStr for RateExpr {
    type Err = ExprError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_expr(s)
    }
}

/// Parses the text syntax (see the module documentation).
pub fn parse_expr(text: &str) -> Result<RateExpr, ExprError> {
    let length = text.chars().count();
    if length > MAX_EXPR_CHARS {
        return Err(ExprError::TooLong { length });
    }
    let chars: Vec<char> = text.chars().collect();
    let mut p = Parser { chars, at: 0 };
    p.skip_ws();
    if p.peek().is_none() {
        return Err(ExprError::Empty);
    }
    let expr = p.expr(0)?;
    p.skip_ws();
    if p.peek().is_some() {
        return Err(p.syntax(Expected::PlusOrEnd));
    }
    Ok(expr)
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn syntax(&self, expected: Expected) -> ExprError {
        let found: String = if self.at >= self.chars.len() {
            "end".to_owned()
        } else {
            self.chars[self.at..]
                .iter()
                .take_while(|c| !c.is_whitespace())
                .take(16)
                .collect()
        };
        ExprError::Syntax {
            position: self.at + 1,
            expected,
            found,
        }
    }

    fn expr(&mut self, depth: usize) -> Result<RateExpr, ExprError> {
        let mut parts = vec![self.term(depth)?];
        loop {
            self.skip_ws();
            if self.peek() == Some('+') {
                self.at += 1;
                self.skip_ws();
                match self.term(depth)? {
                    RateExpr::Sum { of } => parts.extend(of),
                    t => parts.push(t),
                }
            } else {
                break;
            }
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            RateExpr::Sum { of: parts }
        })
    }

    fn word(&mut self) -> String {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '²' || c == '³')
        {
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }

    fn term(&mut self, depth: usize) -> Result<RateExpr, ExprError> {
        self.skip_ws();
        let start = self.at;
        match self.peek() {
            Some(c) if c.is_ascii_digit() => self.number_term(),
            Some(c) if c.is_alphabetic() => {
                let word = self.word().to_ascii_lowercase();
                let is_max = match word.as_str() {
                    "max" => true,
                    "min" => false,
                    _ => {
                        self.at = start;
                        return Err(self.syntax(Expected::Term));
                    }
                };
                if depth >= MAX_DEPTH {
                    return Err(ExprError::TooDeep {
                        position: start + 1,
                    });
                }
                self.skip_ws();
                if self.peek() != Some('(') {
                    return Err(self.syntax(Expected::OpenParen));
                }
                self.at += 1;
                let mut of = vec![self.expr(depth + 1)?];
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(';') => {
                            self.at += 1;
                            of.push(self.expr(depth + 1)?);
                        }
                        Some(')') if of.len() >= 2 => {
                            self.at += 1;
                            break;
                        }
                        _ => return Err(self.syntax(Expected::SeparatorOrClose)),
                    }
                }
                Ok(if is_max {
                    RateExpr::Max { of }
                } else {
                    RateExpr::Min { of }
                })
            }
            _ => Err(self.syntax(Expected::Term)),
        }
    }

    fn number_term(&mut self) -> Result<RateExpr, ExprError> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == ',')
        {
            // A number runs into letters only when malformed (`1e5`); stop at a currency code
            // separated by a space, which is the normal form.
            if self.peek().is_some_and(|c| c.is_ascii_alphabetic()) && self.at > start {
                let rest: String = self.chars[self.at..].iter().take(3).collect();
                if rest.len() == 3 && rest.chars().all(|c| c.is_ascii_uppercase()) {
                    break;
                }
            }
            self.at += 1;
        }
        let text: String = self.chars[start..self.at].iter().collect();
        let valid = {
            let mut parts = text.splitn(2, '.');
            let int = parts.next().unwrap_or("");
            let frac = parts.next();
            !int.is_empty()
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
        };
        let value = if valid {
            Decimal::from_str_exact(&text).ok()
        } else {
            None
        };
        let Some(value) = value else {
            return Err(ExprError::Number {
                position: start + 1,
                value: text.chars().take(16).collect(),
            });
        };
        self.skip_ws();
        match self.peek() {
            Some('%') => {
                self.at += 1;
                Ok(RateExpr::AdValorem { percent: value })
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let at = self.at;
                let code = self.word();
                let currency = Currency::from_code(&code).map_err(|_| ExprError::Currency {
                    position: at + 1,
                    value: code.chars().take(16).collect(),
                })?;
                self.skip_ws();
                if self.peek() != Some('/') {
                    return Err(self.syntax(Expected::Slash));
                }
                self.at += 1;
                self.skip_ws();
                let at = self.at;
                // `p/st` is the one unit name with a slash.
                let mut name = self.word();
                if name.eq_ignore_ascii_case("p") && self.peek() == Some('/') {
                    self.at += 1;
                    name = format!("p/{}", self.word());
                }
                if name.is_empty() {
                    return Err(self.syntax(Expected::Unit));
                }
                let unit = Unit::parse(&name).ok_or_else(|| ExprError::Unit {
                    position: at + 1,
                    value: name.chars().take(16).collect(),
                })?;
                Ok(RateExpr::Specific {
                    amount: value,
                    currency,
                    unit,
                })
            }
            _ => Err(self.syntax(Expected::PercentOrCurrency)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fx::RateSource;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn c(s: &str) -> Currency {
        Currency::from_code(s).unwrap()
    }

    #[test]
    fn parses_and_prints_canonically() {
        for (text, canon) in [
            ("12%", "12%"),
            ("12 %", "12%"),
            ("2.5 EUR/kg", "2.5 EUR/kg"),
            ("2.50EUR / KG", "2.5 EUR/kg"),
            ("max(10%; 1.20 USD/kg)", "max(10%; 1.2 USD/kg)"),
            ("5% + 0.5 EUR/l", "5% + 0.5 EUR/l"),
            ("5% + 1 EUR/l + 2 EUR/kg", "5% + 1 EUR/l + 2 EUR/kg"),
            (
                "MIN( max(20%;0.2 USD/kg) ; 3 USD/p/st )",
                "min(max(20%; 0.2 USD/kg); 3 USD/pcs)",
            ),
            ("1.5 EUR/cc", "1.5 EUR/cm3"),
        ] {
            let e = parse_expr(text).unwrap_or_else(|err| panic!("{text}: {err}"));
            assert_eq!(e.to_string(), canon, "{text}");
            assert_eq!(parse_expr(canon).unwrap(), e);
        }
    }

    #[test]
    fn reports_position_and_expectation() {
        let syntax = |t: &str| match parse_expr(t) {
            Err(ExprError::Syntax {
                position,
                expected,
                found,
            }) => (position, expected, found),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(syntax("12"), (3, Expected::PercentOrCurrency, "end".into()));
        assert_eq!(syntax("12% 3%"), (5, Expected::PlusOrEnd, "3%".into()));
        assert_eq!(syntax("max(10%, 2 USD/kg)").1, Expected::SeparatorOrClose);
        assert_eq!(
            syntax("max(10%)"),
            (8, Expected::SeparatorOrClose, ")".into())
        );
        assert_eq!(syntax("2 USD kg").1, Expected::Slash);
        assert_eq!(syntax("avg(1%; 2%)"), (1, Expected::Term, "avg(1%;".into()));
        assert_eq!(syntax("max 1%").1, Expected::OpenParen);
        assert_eq!(syntax("5% +").1, Expected::Term);
        assert!(matches!(
            parse_expr("1e5%"),
            Err(ExprError::Number { position: 1, .. })
        ));
        assert!(matches!(parse_expr("12,5%"), Err(ExprError::Number { .. })));
        assert!(matches!(
            parse_expr("-3%"),
            Err(ExprError::Syntax { position: 1, .. })
        ));
        assert!(matches!(
            parse_expr("2 XYZ/kg"),
            Err(ExprError::Currency { position: 3, .. })
        ));
        assert!(matches!(
            parse_expr("2 EUR/barrel"),
            Err(ExprError::Unit { position: 7, .. })
        ));
        assert_eq!(parse_expr("   "), Err(ExprError::Empty));
        let deep = format!("{}1%; 2%{}", "max(".repeat(9), ")".repeat(9));
        assert!(matches!(parse_expr(&deep), Err(ExprError::TooDeep { .. })));
        assert!(matches!(
            parse_expr(&"1".repeat(201)),
            Err(ExprError::TooLong { length: 201 })
        ));
    }

    #[test]
    fn json_form_round_trips_and_is_checked() {
        let e = parse_expr("max(20%; 0.20 USD/kg)").unwrap();
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"type":"max","of":[{"type":"ad_valorem","percent":"20"},{"type":"specific","amount":"0.20","currency":"USD","unit":"kg"}]}"#
        );
        assert_eq!(serde_json::from_str::<RateExpr>(&json).unwrap(), e);
        let one: RateExpr =
            serde_json::from_str(r#"{"type":"sum","of":[{"type":"ad_valorem","percent":"1"}]}"#)
                .unwrap();
        assert_eq!(one.check(), Err(ExprError::TooFewParts));
        let neg: RateExpr =
            serde_json::from_str(r#"{"type":"ad_valorem","percent":"-1"}"#).unwrap();
        assert_eq!(neg.check(), Err(ExprError::Negative));
        assert!(
            serde_json::from_str::<RateExpr>(r#"{"type":"ad_valorem","percent":"1","x":1}"#)
                .is_err()
        );
    }

    #[test]
    fn evaluates_with_unit_and_currency_checks() {
        let mut rates = RateTable::new(RateSource::Cbu, "2026-03-02".parse().unwrap(), c("UZS"));
        rates.insert(c("USD"), d("12000")).unwrap();
        let input = EvalInput {
            customs_value: d("1000000"),
            currency: c("UZS"),
            net_kg: d("10"),
            quantity: d("4"),
            unit: Unit::Pcs,
            rates: &rates,
        };
        let e = parse_expr("max(20%; 0.20 USD/kg)").unwrap();
        // 20 % = 200,000; 10 kg × 0.20 USD = 2 USD = 24,000 UZS: the percent wins.
        let ev = e.evaluate(&input).unwrap();
        assert_eq!(ev.amount, d("200000"));
        assert_eq!(ev.steps.len(), 4);
        let per_piece = parse_expr("3 USD/pcs").unwrap().evaluate(&input).unwrap();
        assert_eq!(per_piece.amount, d("144000"));
        assert_eq!(
            parse_expr("1 USD/l").unwrap().evaluate(&input),
            Err(ExprError::UnitMismatch {
                needed: Unit::L,
                given: Unit::Pcs
            })
        );
        assert_eq!(
            parse_expr("1 EUR/kg").unwrap().evaluate(&input),
            Err(ExprError::MissingRate { currency: c("EUR") })
        );
        let cap = parse_expr("min(20%; 5000 UZS/pcs)")
            .unwrap()
            .evaluate(&input)
            .unwrap();
        assert_eq!(cap.amount, d("20000"));
    }
}
