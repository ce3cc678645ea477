//! The assessment engine: do I have to declare, and what will I pay?
//!
//! `assess` runs a trip through a rules pack in fixed stages: eligibility (stay, age, residency),
//! quantity allowances, the value allowance (indivisible, whole-category or excess, pooled where
//! allowed), charges (flat rates, bands, single payments, VAT on value + duty + excise), rounding
//! of each tax total with lines apportioned, then statuses, channel and notices. Every line keeps
//! the rule that decided it, its source and the arithmetic, as structured messages.

pub mod allocate;
mod charges;
mod cond;
mod engine;
mod lines;
mod quantity;
mod share;
mod value;

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

use crate::currency::Currency;
use crate::date::Date;
use crate::kind::Kind;
use crate::message::Message;
use crate::pack::{Category, Confidence, PackSet};
use crate::trip::{InputError, Trip};

/// Assesses a trip against the packs; fails only on input the packs cannot read.
pub fn assess(trip: &Trip, packs: &PackSet) -> Result<Assessment, InputError> {
    engine::run(trip, packs, None)
}

/// Like [`assess`], but with the indivisible allocation forced: `exempt[i]` says whether item `i`
/// is placed under the value allowance. For tests that compare allocations.
#[doc(hidden)]
pub fn assess_with_allocation(
    trip: &Trip,
    packs: &PackSet,
    exempt: &[bool],
) -> Result<Assessment, InputError> {
    engine::run(trip, packs, Some(exempt))
}

/// Green (nothing to declare) or red (declare).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Nothing to declare.
    Green,
    /// Goods to declare.
    Red,
}

/// What happens to one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Within an allowance: nothing to pay.
    Exempt,
    /// Wholly or partly above an allowance: to declare and pay.
    Dutiable,
    /// May not be brought in by this traveller.
    NotAllowed,
    /// Nothing to pay, but must be declared.
    DeclareOnly,
    /// Does not count (brought back, medicine, cash below the threshold).
    NotCounted,
}

/// How strongly a notice applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The traveller must act (declare, leave goods behind).
    Must,
    /// For information.
    Info,
}

/// What a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeCode {
    /// Cash at or over the threshold must be declared.
    CashDeclarationRequired,
    /// An item must be declared whatever its value.
    MustDeclareItem,
    /// An item is not allowed for the traveller's age.
    NotAllowedForAge,
    /// An item is not allowed at all (over a hard cap).
    NotAllowed,
    /// An allowance is exceeded.
    AllowanceExceeded,
    /// A figure used is not confirmed by an official source.
    RuleUnconfirmed,
    /// Items compete for an indivisible allowance; the cheapest allocation is shown, the officer decides.
    OfficerDecides,
    /// The stay abroad is too short for any allowance.
    MinStayNotMet,
    /// No value-allowance tier applies to a traveller.
    NoAllowance,
    /// Pooling allowances was asked for but is not allowed here.
    PoolingRefused,
    /// Allowances were pooled for the household.
    PoolingApplied,
    /// Some rate is not in the pack: the amounts shown are incomplete.
    AmountIncomplete,
    /// A tariff rate was estimated.
    RateEstimated,
    /// A figure needed a quantity (weight, value) the item does not give.
    QuantityMissing,
    /// A notice the pack always shows.
    Jurisdiction,
}

/// A notice for the traveller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// What it is about.
    pub code: NoticeCode,
    /// How strongly it applies.
    pub severity: Severity,
    /// The text, as a message.
    pub message: Message,
    /// The item it concerns, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
    /// The source URL behind it, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Amounts of one line or of the whole assessment, in the pack currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amounts {
    /// Customs duty (and single payments that replace duty, VAT and excise).
    pub duty: Decimal,
    /// VAT, GST or consumption tax.
    pub vat: Decimal,
    /// Excise.
    pub excise: Decimal,
    /// Other charges and fees.
    pub other: Decimal,
}

impl Amounts {
    /// Everything due.
    pub fn total(&self) -> Decimal {
        self.duty + self.vat + self.excise + self.other
    }
}

/// One item's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemResult {
    /// Index in the trip file.
    pub index: usize,
    /// Traveller id (shared by the traveller's lines).
    #[serde(serialize_with = "ser_str")]
    pub traveller: Arc<str>,
    /// Description from the trip file.
    pub description: String,
    /// Kind.
    pub kind: Kind,
    /// Status.
    pub status: ItemStatus,
    /// Value in the pack currency, rounded as the pack says.
    #[serde(serialize_with = "ser_opt_dec")]
    pub customs_value: Option<Decimal>,
    /// The part of the value that is dutiable.
    #[serde(serialize_with = "ser_dec")]
    pub dutiable_value: Decimal,
    /// Duty.
    #[serde(serialize_with = "ser_dec")]
    pub duty: Decimal,
    /// VAT.
    #[serde(serialize_with = "ser_dec")]
    pub vat: Decimal,
    /// Excise.
    #[serde(serialize_with = "ser_dec")]
    pub excise: Decimal,
    /// Other charges.
    #[serde(serialize_with = "ser_dec")]
    pub other: Decimal,
    /// Whether every charge on this line could be computed.
    pub complete: bool,
    /// The rule that decided it (a path in the pack, e.g. `quantity_allowances.alcohol`), shared
    /// by the lines it decides.
    #[serde(serialize_with = "ser_str")]
    pub rule: Arc<str>,
    /// The source URL of that rule (shared likewise).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_opt_str"
    )]
    pub source: Option<Arc<str>>,
    /// The arithmetic and reasons, step by step.
    pub explanation: Vec<Message>,
}

/// Use of one allowance by one traveller (or pooled household).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllowanceUse {
    /// Traveller ids it covers (several when pooled).
    pub travellers: Vec<String>,
    /// Category.
    pub category: Category,
    /// Pack path of the allowance.
    pub rule: String,
    /// Used, in `unit` (money in the pack currency, or a fraction of 1 for combined limits).
    #[serde(serialize_with = "ser_dec")]
    pub used: Decimal,
    /// The limit in the same unit (zero when no allowance applies).
    #[serde(serialize_with = "ser_dec")]
    pub limit: Decimal,
    /// `money`, `fraction`, or a quantity unit name.
    pub unit: &'static str,
}

/// A figure the assessment used, with its citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureUse {
    /// Pack path of the figure.
    pub path: String,
    /// Source URL.
    pub url: String,
    /// Source title.
    pub title: String,
    /// Effective from.
    pub from: Date,
    /// Confidence.
    pub confidence: Confidence,
}

/// The whole answer for a trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// Jurisdiction.
    pub jurisdiction: String,
    /// The pack's currency.
    pub currency: Currency,
    /// Local date of arrival.
    pub arrival: Date,
    /// Date the pack version is valid from.
    pub pack_valid_from: Date,
    /// Green or red.
    pub channel: Channel,
    /// Total duty.
    #[serde(serialize_with = "ser_dec")]
    pub duty: Decimal,
    /// Total VAT.
    #[serde(serialize_with = "ser_dec")]
    pub vat: Decimal,
    /// Total excise.
    #[serde(serialize_with = "ser_dec")]
    pub excise: Decimal,
    /// Total other charges.
    #[serde(serialize_with = "ser_dec")]
    pub other: Decimal,
    /// Everything due.
    #[serde(serialize_with = "ser_dec")]
    pub total_due: Decimal,
    /// False when a rate was unknown: the real amount due is higher than shown.
    pub complete: bool,
    /// Per item, in trip-file order.
    pub items: Vec<ItemResult>,
    /// Notices.
    pub notices: Vec<Notice>,
    /// Allowance use per traveller and category.
    pub allowances: Vec<AllowanceUse>,
    /// Figures used, with their sources.
    pub figures: Vec<FigureUse>,
}

impl Assessment {
    /// Whether a notice with this code is present.
    pub fn has_notice(&self, code: NoticeCode) -> bool {
        self.notices.iter().any(|n| n.code == code)
    }
}

#[allow(clippy::ref_option)]
fn ser_opt_dec<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

fn ser_dec<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

#[allow(clippy::ref_option)]
fn ser_opt_str<S: Serializer>(v: &Option<Arc<str>>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(t) => s.serialize_str(t),
        None => s.serialize_none(),
    }
}

fn ser_str<S: Serializer>(v: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v)
}
