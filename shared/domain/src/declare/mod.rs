//! The passenger declaration: what a travelling party declares on arrival, built from a trip,
//! its assessment and the rules pack.
//!
//! The declaration is data meant to be signed as canonical bytes and carried in a QR code, so it
//! holds only vectors and options in a fixed field order, refers to travellers by their index in
//! `travellers`, and leaves out what the pack already says. Goods of a minor are put on their
//! guardian: the one the trip names, or else the first adult of the party (and the declaration
//! says which). Unaccompanied articles are listed apart from the goods carried.

mod build;
mod text;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::assess::Channel;
use crate::currency::Currency;
use crate::date::Date;
use crate::kind::{Kind, Mode, Unit};
use crate::message::Message;
use crate::money::Money;
use crate::pack::{CashPer, Compare, Permit};

/// The age from which a traveller is an adult who can declare for the party and be a guardian.
pub const ADULT_AGE: u32 = 18;

/// The format version written into every declaration.
pub const FORMAT: u32 = 1;

/// A passenger declaration for one arrival of a travelling party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassengerDeclaration {
    /// Format version ([`FORMAT`]).
    pub format: u32,
    /// Jurisdiction (the rules pack id), e.g. `FI`.
    pub jurisdiction: String,
    /// The date the rules pack version is valid from.
    pub pack_valid_from: Date,
    /// The pack currency, in which every charge is given.
    pub currency: Currency,
    /// Local date of arrival.
    pub arrival: Date,
    /// How the party arrives.
    pub mode: Mode,
    /// Index in `travellers` of the declarant: the first adult of the party (the first
    /// traveller when nobody is an adult, with a notice).
    pub declarant: usize,
    /// Every traveller of the party, in trip order.
    pub travellers: Vec<DeclTraveller>,
    /// Goods carried that are declared.
    pub goods: Vec<DeclaredItem>,
    /// Unaccompanied articles (sent separately), every one of them.
    pub unaccompanied: Vec<DeclaredItem>,
    /// Cash that reaches the pack's declaration threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash: Option<CashDeclaration>,
    /// Charges for the whole party, from the assessment.
    pub totals: Charges,
    /// False when a rate was unknown: the real amount due is higher than shown.
    pub complete: bool,
    /// Catalogue term of the pack's VAT (`tax-vat`, `tax-gst`, `tax-consumption`).
    pub vat_name: String,
    /// Red when anything is declared, green otherwise.
    pub channel: Channel,
    /// Notices for the declarant and the officer.
    pub notices: Vec<Message>,
}

/// A traveller as declared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclTraveller {
    /// The id (label) of the traveller in the trip.
    pub id: String,
    /// Age in whole years on the arrival date.
    pub age: u32,
    /// For a minor: who declares their goods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guardian: Option<Guardian>,
}

/// The adult who declares a minor's goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guardian {
    /// Index in `travellers`.
    pub traveller: usize,
    /// Whether the trip named this guardian or the first adult was taken.
    pub by: GuardianBy,
}

/// How a guardian was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuardianBy {
    /// Named in the trip file.
    Named,
    /// Not named: the first adult of the party.
    FirstAdult,
}

/// Why an item is declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Wholly or partly above an allowance.
    OverAllowance,
    /// Dutiable: no allowance covers it (or none applies to the trip).
    Dutiable,
    /// Must be declared whatever its value.
    MustDeclare,
    /// May not be brought in by this traveller.
    NotAllowed,
    /// Needs a permit, or is prohibited for travellers (see `permits`).
    Restricted,
}

impl Reason {
    /// The catalogue term naming the reason.
    pub fn term(self) -> &'static str {
        match self {
            Reason::OverAllowance => "declare-reason-over-allowance",
            Reason::Dutiable => "declare-reason-dutiable",
            Reason::MustDeclare => "declare-reason-must-declare",
            Reason::NotAllowed => "declare-reason-not-allowed",
            Reason::Restricted => "declare-reason-restricted",
        }
    }
}

/// A quantity with its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quantity {
    /// The amount.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Its unit.
    pub unit: Unit,
}

/// Charges in the pack currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Charges {
    /// Customs duty (and single payments that replace duty, VAT and excise).
    #[serde(with = "rust_decimal::serde::str")]
    pub duty: Decimal,
    /// VAT, GST or consumption tax.
    #[serde(with = "rust_decimal::serde::str")]
    pub vat: Decimal,
    /// Excise.
    #[serde(with = "rust_decimal::serde::str")]
    pub excise: Decimal,
    /// Everything due (including other charges).
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
}

/// A permit a restricted good needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitNeed {
    /// The permit (or `prohibited`).
    pub permit: Permit,
    /// The issuing authority, as the pack names it.
    pub authority: String,
    /// Index of the rule in the pack's `restricted` list.
    pub rule: usize,
}

/// One declared item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclaredItem {
    /// Index of the item in the trip file (and in the assessment).
    pub item: usize,
    /// What it is, in the traveller's words.
    pub description: String,
    /// Its kind.
    pub kind: Kind,
    /// How much, when the trip gives a quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// Price paid, in the currency paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Money>,
    /// Index in `travellers` of who carries and declares it.
    pub carrier: usize,
    /// Index in `travellers` of the minor it belongs to, when the carrier is their guardian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<usize>,
    /// Its charges, from the assessment.
    pub charges: Charges,
    /// Why it is declared (empty only for an unaccompanied article with nothing else to say).
    pub reasons: Vec<Reason>,
    /// Permits it needs, when restricted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permits: Vec<PermitNeed>,
}

/// The cash declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashDeclaration {
    /// The pack's threshold, in the currency the pack gives it.
    pub threshold: Money,
    /// Whether the threshold is reached at the figure or above it.
    pub compare: Compare,
    /// Whether it counts per traveller or over the whole party.
    pub per: CashPer,
    /// The holdings that reach it: one per traveller, or one for the party.
    pub holdings: Vec<CashHolding>,
}

/// Cash of one traveller (or of the party) that reaches the threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashHolding {
    /// Index in `travellers` of who carries and declares it (the declarant for the party).
    pub carrier: usize,
    /// Index in `travellers` of the minor it belongs to, when the carrier is their guardian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<usize>,
    /// Amounts per currency, in currency-code order.
    pub amounts: Vec<Money>,
    /// Their total in the pack currency, as compared with the threshold.
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
}

/// A declaration that cannot be built: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {}", .message.id)]
pub struct DeclareError {
    /// The field path in the trip, e.g. `travellers[1].guardian` (or `assessment`).
    pub path: String,
    /// What is wrong, as a translatable message.
    pub message: Message,
}

impl DeclareError {
    /// An error at a path.
    pub fn new(path: impl Into<String>, message: Message) -> Self {
        Self {
            path: path.into(),
            message,
        }
    }
}

impl PassengerDeclaration {
    /// Whether anything must be declared: goods, unaccompanied articles or cash. When not,
    /// the party takes the green channel ([`PassengerDeclaration::verdict`] says why).
    pub fn is_needed(&self) -> bool {
        !self.goods.is_empty() || !self.unaccompanied.is_empty() || self.cash.is_some()
    }

    /// The channel and its reason, as a message.
    pub fn verdict(&self) -> Message {
        if self.is_needed() {
            Message::new("declare-verdict-red")
                .int("goods", count(self.goods.len()))
                .int("unaccompanied", count(self.unaccompanied.len()))
                .term(
                    "cash",
                    if self.cash.is_some() {
                        "declare-cash-yes"
                    } else {
                        "declare-cash-no"
                    },
                )
        } else {
            Message::new("declare-verdict-green")
        }
    }

    /// Every restricted good (carried or unaccompanied) with each permit it needs.
    pub fn restricted(&self) -> impl Iterator<Item = (&DeclaredItem, &PermitNeed)> {
        self.goods
            .iter()
            .chain(&self.unaccompanied)
            .flat_map(|d| d.permits.iter().map(move |p| (d, p)))
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
