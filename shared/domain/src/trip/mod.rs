//! A trip as the assessment engine reads it: who travels, how, and what they carry.

mod parse;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::currency::Currency;
use crate::date::Date;
use crate::kind::{Kind, Mode, Spirit};
use crate::message::Message;

pub use parse::{
    parse_trip, MAX_INPUT_BYTES, MAX_ITEMS, MAX_MONEY, MAX_QUANTITY, MAX_TEXT_CHARS, MAX_TRAVELLERS,
};

/// A trip, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trip {
    /// Jurisdiction code of the rules pack, e.g. `FI`.
    pub jurisdiction: String,
    /// Local date of arrival.
    pub arrival: Date,
    /// How the travellers arrive.
    pub mode: Mode,
    /// Whole days spent abroad.
    pub days_abroad: u32,
    /// Who travels.
    pub travellers: Vec<Traveller>,
    /// What they carry.
    pub items: Vec<Item>,
    /// Units of the pack currency per one unit of each foreign currency.
    pub rates: BTreeMap<Currency, Decimal>,
    /// Whether the household asks to pool allowances on one joint declaration.
    pub joint_declaration: bool,
}

/// One traveller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Traveller {
    /// The id items refer to.
    pub id: String,
    /// Age in whole years on the arrival date.
    pub age: u32,
    /// Resident of the destination.
    pub resident: bool,
    /// Statuses such as `crew` or `long_term_pass`.
    pub statuses: Vec<String>,
    /// Index into `Trip::travellers` of the adult who declares this (minor) traveller's goods,
    /// when the trip file names one (`guardian`, a traveller id).
    pub guardian: Option<usize>,
}

/// One item carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Index into `Trip::travellers`.
    pub traveller: usize,
    /// What it is, in the user's words.
    pub description: String,
    /// Its kind.
    pub kind: Kind,
    /// Price paid.
    pub value: Option<Decimal>,
    /// Currency of the price.
    pub currency: Option<Currency>,
    /// Units of the pack currency per one unit of `currency` on the purchase date; when absent the
    /// trip's `rates` apply.
    pub rate: Option<Decimal>,
    /// Pieces.
    pub count: Option<Decimal>,
    /// Litres.
    pub litres: Option<Decimal>,
    /// Grams.
    pub grams: Option<Decimal>,
    /// Millilitres.
    pub ml: Option<Decimal>,
    /// Weight in kilograms.
    pub weight_kg: Option<Decimal>,
    /// Alcohol by volume, percent.
    pub abv: Option<Decimal>,
    /// Type of spirit.
    pub spirit: Option<Spirit>,
    /// HS code, digits only.
    pub hs_code: Option<String>,
    /// The item's own tariff duty rate in percent, when the user knows it.
    pub duty_rate: Option<Decimal>,
    /// Taken out and brought back: does not count.
    pub used: bool,
    /// A gift.
    pub gift: bool,
    /// Sent separately (unaccompanied baggage), not carried on arrival.
    pub unaccompanied: bool,
}

/// A trip file that cannot be assessed: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {}", .message.id)]
pub struct InputError {
    /// The field path, e.g. `items[1].value` (empty for the whole file).
    pub path: String,
    /// What is wrong, as a translatable message.
    pub message: Message,
}

impl InputError {
    /// An error at a path.
    pub fn new(path: impl Into<String>, message: Message) -> Self {
        Self {
            path: path.into(),
            message,
        }
    }
}
