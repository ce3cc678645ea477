//! The records the host app receives: money as decimal strings with currency codes, dates as
//! `YYYY-MM-DD`, enums as their stable codes, and every message rendered in the API's language
//! together with its catalogue id. Each is built from a core value; nothing is computed here.

use karvon_core::alerts::Alert as CoreAlert;
use karvon_core::documents::{DocumentRecord, Verified as CoreVerified};
use karvon_core::domain::assess::{ItemResult, Notice as CoreNotice};
use karvon_core::domain::{Assessment as CoreAssessment, Currency, Message};
use karvon_core::i18n::Catalogue;
use karvon_core::payments::PaymentRecord;
use karvon_core::status::{TripStatus as CoreStatus, WhatIf as CoreWhatIf};
use karvon_core::{Purchase as CorePurchase, TripRecord};
use rust_decimal::Decimal;
use serde::Serialize;

/// A message: its catalogue id and its text in the API's language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Msg {
    /// Catalogue id, e.g. `alert-allowance-80`.
    pub id: String,
    /// The rendered text.
    pub text: String,
}

/// An amount of money: an exact decimal string and an ISO 4217 code.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Amount {
    /// Exact decimal, e.g. `"120.50"`.
    pub value: String,
    /// ISO 4217 code, e.g. `"EUR"`.
    pub currency: String,
}

/// A message rendered with `cat`.
pub(crate) fn msg(cat: &Catalogue, m: &Message) -> Msg {
    Msg {
        id: m.id.to_string(),
        text: cat.render(m),
    }
}

/// The serde code of an enum value (`red`, `not_allowed`, `user_entered`).
pub(crate) fn code<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn dec(d: Decimal) -> String {
    d.to_string()
}

fn opt_dec(d: Option<Decimal>) -> Option<String> {
    d.map(dec)
}

fn amount(d: Decimal, c: Currency) -> Amount {
    Amount {
        value: dec(d),
        currency: c.code().to_owned(),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A stored traveller, identifiers opened.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Traveller {
    /// Record id.
    pub id: String,
    /// Name as on the travel document.
    pub name: String,
    /// Date of birth.
    pub birth_date: String,
    /// Country of residence, ISO 3166 alpha-2.
    pub residency: String,
    /// Passport or ID number.
    pub document: Option<String>,
    /// Statuses such as `crew`.
    pub statuses: Vec<String>,
    /// Last change, UTC milliseconds.
    pub updated_ms: i64,
}

impl From<karvon_core::Traveller> for Traveller {
    fn from(t: karvon_core::Traveller) -> Self {
        Self {
            id: t.id,
            name: t.name,
            birth_date: t.birth_date.to_string(),
            residency: t.residency,
            document: t.document,
            statuses: t.statuses,
            updated_ms: t.updated_ms,
        }
    }
}

/// A family or group travelling together.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Party {
    /// Record id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Member traveller ids.
    pub members: Vec<String>,
}

impl From<karvon_core::Party> for Party {
    fn from(p: karvon_core::Party) -> Self {
        Self {
            id: p.id,
            name: p.name,
            members: p.members,
        }
    }
}

/// A stored trip.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Trip {
    /// Record id.
    pub id: String,
    /// The user's name for it.
    pub name: String,
    /// Destination rules pack, e.g. `UZ`.
    pub jurisdiction: String,
    /// Arrival date.
    pub arrival: String,
    /// Travel mode code (`air`, `road`, ...).
    pub mode: String,
    /// The travel mode, rendered.
    pub mode_text: String,
    /// Whole days abroad.
    pub days_abroad: u32,
    /// Traveller ids.
    pub travellers: Vec<String>,
    /// Spending plan.
    pub plan: Option<Amount>,
    /// Joint (household) declaration asked for.
    pub joint: bool,
    /// Last change, UTC milliseconds.
    pub updated_ms: i64,
}

impl Trip {
    pub(crate) fn new(cat: &Catalogue, t: TripRecord) -> Self {
        Self {
            mode: t.mode.as_str().to_owned(),
            mode_text: cat.text(&t.mode.term()),
            id: t.id,
            name: t.name,
            jurisdiction: t.jurisdiction,
            arrival: t.arrival.to_string(),
            days_abroad: t.days_abroad,
            travellers: t.travellers,
            plan: t.plan.map(|p| amount(p.amount, p.currency)),
            joint: t.joint,
            updated_ms: t.updated_ms,
        }
    }
}

/// A stored purchase.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Purchase {
    /// Record id.
    pub id: String,
    /// Trip id.
    pub trip: String,
    /// Traveller id.
    pub traveller: String,
    /// What it is.
    pub description: String,
    /// Kind code (`goods`, `spirits`, ...).
    pub kind: String,
    /// The kind, rendered.
    pub kind_text: String,
    /// Price paid, when priced.
    pub value: Option<Amount>,
    /// Pieces.
    pub count: Option<String>,
    /// Litres.
    pub litres: Option<String>,
    /// Grams.
    pub grams: Option<String>,
    /// Millilitres.
    pub ml: Option<String>,
    /// Weight in kg.
    pub weight_kg: Option<String>,
    /// Alcohol by volume, %.
    pub abv: Option<String>,
    /// Type of spirit.
    pub spirit: Option<String>,
    /// HS code.
    pub hs_code: Option<String>,
    /// Own tariff rate, %.
    pub duty_rate: Option<String>,
    /// Shop.
    pub shop: Option<String>,
    /// Date bought.
    pub bought_on: String,
    /// When it was recorded, UTC milliseconds.
    pub bought_ms: i64,
    /// Taken out and brought back.
    pub used: bool,
    /// A gift.
    pub gift: bool,
    /// Bought tax free.
    pub tax_free: bool,
}

impl Purchase {
    pub(crate) fn new(cat: &Catalogue, p: CorePurchase) -> Self {
        Self {
            kind: p.kind.as_str().to_owned(),
            kind_text: cat.text(&p.kind.term()),
            value: match (p.value, p.currency) {
                (Some(v), Some(c)) => Some(amount(v, c)),
                _ => None,
            },
            count: opt_dec(p.count),
            litres: opt_dec(p.litres),
            grams: opt_dec(p.grams),
            ml: opt_dec(p.ml),
            weight_kg: opt_dec(p.weight_kg),
            abv: opt_dec(p.abv),
            spirit: p.spirit.map(|s| s.as_str().to_owned()),
            duty_rate: opt_dec(p.duty_rate),
            bought_on: p.bought_on.to_string(),
            id: p.id,
            trip: p.trip,
            traveller: p.traveller,
            description: p.description,
            hs_code: p.hs_code,
            shop: p.shop,
            bought_ms: p.bought_ms,
            used: p.used,
            gift: p.gift,
            tax_free: p.tax_free,
        }
    }
}

/// A raised alert (80 % / 100 % of an allowance, first dutiable item, plan exceeded, ...).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Alert {
    /// Record id.
    pub id: String,
    /// Trip id.
    pub trip: String,
    /// `allowance_80`, `allowance_100`, `dutiable`, `plan`, `cash` or `must_declare`.
    pub kind: String,
    /// What to tell the user.
    pub message: Msg,
    /// When it fired, UTC milliseconds.
    pub created_ms: i64,
    /// When the user acknowledged it.
    pub acknowledged_ms: Option<i64>,
}

impl Alert {
    pub(crate) fn new(cat: &Catalogue, a: &CoreAlert) -> Self {
        Self {
            id: a.id.clone(),
            trip: a.trip.clone(),
            kind: a.kind.clone(),
            message: msg(cat, &a.message),
            created_ms: a.created_ms,
            acknowledged_ms: a.acknowledged_ms,
        }
    }
}

/// A purchase just saved, with the alerts it raised.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PurchaseAdded {
    /// The purchase.
    pub purchase: Purchase,
    /// Alerts it raised (also sent to the event listener).
    pub alerts: Vec<Alert>,
}

/// One item of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ItemLine {
    /// Position in the trip.
    pub index: u32,
    /// Traveller id.
    pub traveller: String,
    /// Description.
    pub description: String,
    /// Kind code.
    pub kind: String,
    /// `exempt`, `dutiable`, `not_allowed`, `declare_only` or `not_counted`.
    pub status: String,
    /// The status, rendered.
    pub status_text: String,
    /// Customs value in the assessment currency, when priced.
    pub customs_value: Option<String>,
    /// The part above allowances.
    pub dutiable_value: String,
    /// Duty.
    pub duty: String,
    /// VAT.
    pub vat: String,
    /// Excise.
    pub excise: String,
    /// Other charges.
    pub other: String,
    /// False when a rate was unknown.
    pub complete: bool,
    /// The pack rule that decided.
    pub rule: String,
    /// Its source URL.
    pub source: Option<String>,
    /// The arithmetic, step by step.
    pub explanation: Vec<Msg>,
}

impl ItemLine {
    pub(crate) fn new(cat: &Catalogue, i: &ItemResult) -> Self {
        let status = code(&i.status);
        Self {
            index: count(i.index),
            traveller: i.traveller.to_string(),
            description: i.description.clone(),
            kind: i.kind.as_str().to_owned(),
            status_text: cat.text(&format!("status-{}", status.replace('_', "-"))),
            status,
            customs_value: opt_dec(i.customs_value),
            dutiable_value: dec(i.dutiable_value),
            duty: dec(i.duty),
            vat: dec(i.vat),
            excise: dec(i.excise),
            other: dec(i.other),
            complete: i.complete,
            rule: i.rule.to_string(),
            source: i.source.as_deref().map(str::to_owned),
            explanation: i.explanation.iter().map(|m| msg(cat, m)).collect(),
        }
    }
}

/// A notice for the traveller.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Notice {
    /// Notice code (`cash_declaration_required`, ...).
    pub code: String,
    /// `must` or `info`.
    pub severity: String,
    /// The text.
    pub message: Msg,
    /// The item it concerns.
    pub item: Option<u32>,
    /// Its source URL.
    pub source: Option<String>,
}

impl Notice {
    fn new(cat: &Catalogue, n: &CoreNotice) -> Self {
        Self {
            code: code(&n.code),
            severity: code(&n.severity),
            message: msg(cat, &n.message),
            item: n.item.map(count),
            source: n.source.clone(),
        }
    }
}

/// What is due on arrival, and why.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Assessment {
    /// Jurisdiction.
    pub jurisdiction: String,
    /// Currency of the amounts.
    pub currency: String,
    /// `green` or `red`.
    pub channel: String,
    /// The channel, rendered.
    pub channel_text: String,
    /// Total duty.
    pub duty: String,
    /// Total VAT.
    pub vat: String,
    /// Total excise.
    pub excise: String,
    /// Other charges.
    pub other: String,
    /// Everything due.
    pub total_due: String,
    /// False when a rate was unknown: the real amount is higher.
    pub complete: bool,
    /// Per item.
    pub items: Vec<ItemLine>,
    /// Notices.
    pub notices: Vec<Notice>,
}

impl Assessment {
    pub(crate) fn new(cat: &Catalogue, a: &CoreAssessment) -> Self {
        let channel = code(&a.channel);
        Self {
            jurisdiction: a.jurisdiction.clone(),
            currency: a.currency.code().to_owned(),
            channel_text: cat.text(&format!("channel-{channel}")),
            channel,
            duty: dec(a.duty),
            vat: dec(a.vat),
            excise: dec(a.excise),
            other: dec(a.other),
            total_due: dec(a.total_due),
            complete: a.complete,
            items: a.items.iter().map(|i| ItemLine::new(cat, i)).collect(),
            notices: a.notices.iter().map(|n| Notice::new(cat, n)).collect(),
        }
    }
}

/// A traveller as the status shows them.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TravellerLine {
    /// Record id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Age on arrival.
    pub age: u32,
    /// Resident of the destination.
    pub resident: bool,
}

/// Where one allowance stands.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AllowanceLine {
    /// Traveller ids sharing it.
    pub travellers: Vec<String>,
    /// Category code.
    pub category: String,
    /// The category, rendered.
    pub category_text: String,
    /// Pack rule path.
    pub rule: String,
    /// Used, in `unit`.
    pub used: String,
    /// Limit, in `unit`.
    pub limit: String,
    /// What is left.
    pub remaining: String,
    /// Used as a percentage of the limit.
    pub percent: String,
    /// `money` (in the assessment currency), `fraction`, or a quantity unit (`litres`, ...).
    pub unit: String,
}

/// The spending plan against what was spent.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanLine {
    /// The plan.
    pub plan: Amount,
    /// Spent so far, in the plan currency.
    pub spent: String,
    /// Plan minus spent (negative when exceeded).
    pub remaining: String,
    /// Whether the plan is exceeded.
    pub exceeded: bool,
    /// Purchases that could not be converted (no rate).
    pub unconverted: Vec<String>,
}

/// One exchange rate used.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RateLine {
    /// From this currency.
    pub from_currency: String,
    /// Into this one.
    pub to_currency: String,
    /// Units of `to_currency` per one `from_currency`.
    pub rate: String,
    /// `cbu`, `ecb` or `user_entered`.
    pub source: String,
    /// The table's date.
    pub valid_on: String,
    /// Days between the table's date and its use.
    pub age_days: i64,
    /// The file it came from, or `manual`.
    pub origin: String,
}

/// A purchase left out of the assessment.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LeftOut {
    /// Purchase id.
    pub purchase: String,
    /// Why.
    pub reason: Msg,
}

/// The live status of a trip.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TripStatus {
    /// The trip.
    pub trip: Trip,
    /// Its travellers.
    pub travellers: Vec<TravellerLine>,
    /// The assessment with the purchases so far.
    pub assessment: Assessment,
    /// Purchase id of each assessment item, by index.
    pub purchase_ids: Vec<String>,
    /// Every allowance.
    pub allowances: Vec<AllowanceLine>,
    /// The spending plan.
    pub plan: Option<PlanLine>,
    /// Rates used.
    pub rates: Vec<RateLine>,
    /// Purchases left out (no exchange rate).
    pub left_out: Vec<LeftOut>,
    /// Alerts not yet acknowledged, newest first.
    pub alerts: Vec<Alert>,
    /// Whether every figure is complete.
    pub complete: bool,
}

impl TripStatus {
    pub(crate) fn new(cat: &Catalogue, s: &CoreStatus) -> Self {
        Self {
            trip: Trip::new(cat, s.trip.clone()),
            travellers: s
                .travellers
                .iter()
                .map(|t| TravellerLine {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    age: t.age,
                    resident: t.resident,
                })
                .collect(),
            assessment: Assessment::new(cat, &s.assessment),
            purchase_ids: s.purchase_ids.clone(),
            allowances: s
                .allowances
                .iter()
                .map(|a| AllowanceLine {
                    travellers: a.travellers.clone(),
                    category: code(&a.category),
                    category_text: cat.text(a.category.term()),
                    rule: a.rule.clone(),
                    used: dec(a.used),
                    limit: dec(a.limit),
                    remaining: dec(a.remaining),
                    percent: dec(a.percent),
                    unit: a.unit.to_owned(),
                })
                .collect(),
            plan: s.plan.as_ref().map(|p| PlanLine {
                plan: amount(p.plan.amount, p.plan.currency),
                spent: dec(p.spent),
                remaining: dec(p.remaining),
                exceeded: p.exceeded,
                unconverted: p.unconverted.clone(),
            }),
            rates: s
                .rates
                .iter()
                .map(|r| RateLine {
                    from_currency: r.from.code().to_owned(),
                    to_currency: r.to.code().to_owned(),
                    rate: dec(r.rate),
                    source: code(&r.source),
                    valid_on: r.valid_on.to_string(),
                    age_days: r.age_days,
                    origin: r.origin.clone(),
                })
                .collect(),
            left_out: s
                .left_out
                .iter()
                .map(|l| LeftOut {
                    purchase: l.purchase.clone(),
                    reason: msg(cat, &l.reason),
                })
                .collect(),
            alerts: s.alerts.iter().map(|a| Alert::new(cat, a)).collect(),
            complete: s.complete,
        }
    }
}

/// What a purchase would change, before it is saved.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WhatIf {
    /// Channel now.
    pub channel_before: String,
    /// Channel with the purchase.
    pub channel_after: String,
    /// Total due now.
    pub total_before: String,
    /// Total due with the purchase.
    pub total_after: String,
    /// The difference.
    pub extra: String,
    /// Currency of the totals.
    pub currency: String,
    /// The purchase's own line (none when it could not be assessed).
    pub line: Option<ItemLine>,
    /// Alerts it would raise.
    pub alerts: Vec<Msg>,
    /// One sentence for the user.
    pub summary: Msg,
    /// True when it would be left out (no exchange rate).
    pub left_out: bool,
}

impl WhatIf {
    pub(crate) fn new(cat: &Catalogue, w: &CoreWhatIf) -> Self {
        Self {
            channel_before: code(&w.channel_before),
            channel_after: code(&w.channel_after),
            total_before: dec(w.total_before),
            total_after: dec(w.total_after),
            extra: dec(w.extra),
            currency: w.currency.code().to_owned(),
            line: w.line.as_ref().map(|l| ItemLine::new(cat, l)),
            alerts: w.alerts.iter().map(|m| msg(cat, m)).collect(),
            summary: msg(cat, &w.summary),
            left_out: w.left_out,
        }
    }
}

/// One step of a document's status timeline.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatusEvent {
    /// Status code reached (`signed`, `queued`, ...).
    pub status: String,
    /// The status, rendered.
    pub status_text: String,
    /// When, UTC milliseconds.
    pub at_ms: i64,
    /// Registration number, rejection reason, or what changed.
    pub note: Option<String>,
}

/// A declaration (one version of one document).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Document {
    /// Record id.
    pub id: String,
    /// `passenger`, `cn22`, `cn23`, `trade` or `payment`.
    pub kind: String,
    /// The kind, rendered.
    pub kind_text: String,
    /// Id of the first version.
    pub series: String,
    /// Version number, from 1.
    pub version: u32,
    /// The version it amends.
    pub amends: Option<String>,
    /// The version that amends it.
    pub amended_by: Option<String>,
    /// Trip id, for a passenger declaration.
    pub trip_id: Option<String>,
    /// Label for lists.
    pub title: String,
    /// Status code (`draft`, `signed`, `queued`, `submitted`, ...).
    pub status: String,
    /// The status, rendered.
    pub status_text: String,
    /// When it was signed, UTC milliseconds.
    pub signed_ms: Option<i64>,
    /// Fingerprint of the signing key.
    pub key_fingerprint: Option<String>,
    /// Registration number given by customs.
    pub registration: Option<String>,
    /// Rejection reason.
    pub reason: Option<String>,
    /// Created, UTC milliseconds.
    pub created_ms: i64,
    /// Last change, UTC milliseconds.
    pub updated_ms: i64,
    /// The document in readable lines.
    pub lines: Vec<Msg>,
    /// Its status timeline.
    pub timeline: Vec<StatusEvent>,
    /// The document as JSON.
    pub body_json: String,
}

impl Document {
    pub(crate) fn new(cat: &Catalogue, d: DocumentRecord, lines: &[Message]) -> Self {
        Self {
            kind: d.kind.code().to_owned(),
            kind_text: cat.text(d.kind.term()),
            status: d.status.as_str().to_owned(),
            status_text: cat.text(d.status.term_id()),
            lines: lines.iter().map(|m| msg(cat, m)).collect(),
            timeline: d
                .timeline
                .iter()
                .map(|e| StatusEvent {
                    status: e.status.as_str().to_owned(),
                    status_text: cat.text(e.status.term_id()),
                    at_ms: e.at_ms,
                    note: e.note.clone(),
                })
                .collect(),
            body_json: d.body.to_string(),
            id: d.id,
            series: d.series,
            version: d.version,
            amends: d.amends,
            amended_by: d.amended_by,
            trip_id: d.trip_id,
            title: d.title,
            signed_ms: d.signed_ms,
            key_fingerprint: d.key_fingerprint,
            registration: d.registration,
            reason: d.reason,
            created_ms: d.created_ms,
            updated_ms: d.updated_ms,
        }
    }
}

/// What a scanned QR payload says, after its signature was checked.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Verified {
    /// Document kind code.
    pub kind: String,
    /// When it was signed, UTC milliseconds.
    pub issued_ms: i64,
    /// The signing key's fingerprint.
    pub key_fingerprint: String,
    /// Whether this device signed it.
    pub own_key: bool,
    /// The document in readable lines.
    pub lines: Vec<Msg>,
    /// The document as JSON.
    pub body_json: String,
}

impl Verified {
    pub(crate) fn new(cat: &Catalogue, v: &CoreVerified) -> Self {
        Self {
            kind: v.kind.code().to_owned(),
            issued_ms: v.issued_ms,
            key_fingerprint: v.key_fingerprint.clone(),
            own_key: v.own_key,
            lines: v.lines.iter().map(|m| msg(cat, m)).collect(),
            body_json: v.body.to_string(),
        }
    }
}

/// A payment draft made from a declaration.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Payment {
    /// Record id.
    pub id: String,
    /// The declaration it pays.
    pub document_id: String,
    /// `draft`, `submitted` or `paid`.
    pub status: String,
    /// The status, rendered.
    pub status_text: String,
    /// Amount to pay.
    pub amount: Amount,
    /// The draft in readable lines (payee, reference, purpose, ...).
    pub lines: Vec<Msg>,
    /// When it was made, UTC milliseconds.
    pub created_ms: i64,
    /// The draft as JSON.
    pub draft_json: String,
}

impl Payment {
    pub(crate) fn new(cat: &Catalogue, p: &PaymentRecord) -> Self {
        Self {
            id: p.id.clone(),
            document_id: p.document_id.clone(),
            status: code(&p.status),
            status_text: cat.text(p.status.term_id()),
            amount: Amount {
                value: p.draft.amount.minor_units_string(),
                currency: p.draft.amount.currency.code().to_owned(),
            },
            lines: p.draft.text_lines().iter().map(|m| msg(cat, m)).collect(),
            created_ms: p.created_ms,
            draft_json: serde_json::to_string(&p.draft).unwrap_or_default(),
        }
    }
}

/// What a rates import stored.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RatesImport {
    /// `cbu`, `ecb` or `user_entered`.
    pub source: String,
    /// Base currency.
    pub base: String,
    /// The file name.
    pub origin: String,
    /// Dated tables stored.
    pub tables: u32,
    /// Rates stored.
    pub rates: u32,
    /// First date.
    pub first: String,
    /// Last date.
    pub last: String,
    /// Currency codes skipped (not ISO 4217).
    pub skipped: Vec<String>,
}

impl From<karvon_core::rates::RatesImport> for RatesImport {
    fn from(r: karvon_core::rates::RatesImport) -> Self {
        Self {
            source: code(&r.source),
            base: r.base.code().to_owned(),
            origin: r.origin,
            tables: count(r.tables),
            rates: count(r.rates),
            first: r.first.to_string(),
            last: r.last.to_string(),
            skipped: r.skipped,
        }
    }
}

/// A stored rate table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RateTable {
    /// `cbu`, `ecb` or `user_entered`.
    pub source: String,
    /// Base currency.
    pub base: String,
    /// The date it is valid from.
    pub valid_on: String,
    /// Rates in it.
    pub rates: u32,
    /// When it was imported, UTC milliseconds.
    pub imported_ms: i64,
    /// The file it came from, or `manual`.
    pub origin: String,
}

impl From<karvon_core::rates::RateTableInfo> for RateTable {
    fn from(r: karvon_core::rates::RateTableInfo) -> Self {
        Self {
            source: code(&r.source),
            base: r.base.code().to_owned(),
            valid_on: r.valid_on.to_string(),
            rates: count(r.rates),
            imported_ms: r.imported_ms,
            origin: r.origin,
        }
    }
}

/// One node of the HS nomenclature.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HsNode {
    /// Code (2, 4 or 6 digits).
    pub code: String,
    /// Description.
    pub description: String,
}

/// A hit of an HS search.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HsHit {
    /// Code.
    pub code: String,
    /// Digits of the level: 2 (chapter), 4 (heading) or 6 (subheading).
    pub digits: u32,
    /// Section (roman numeral).
    pub section: String,
    /// Description.
    pub description: String,
    /// The chapter and heading above it.
    pub chain: Vec<HsNode>,
}

fn nodes(list: &[karvon_core::hs::HsNode]) -> Vec<HsNode> {
    list.iter()
        .map(|n| HsNode {
            code: n.code.clone(),
            description: n.description.clone(),
        })
        .collect()
}

impl From<karvon_core::hs::HsHit> for HsHit {
    fn from(h: karvon_core::hs::HsHit) -> Self {
        Self {
            digits: count(h.level.digits()),
            chain: nodes(&h.chain),
            code: h.code,
            section: h.section,
            description: h.description,
        }
    }
}

/// One HS code with what is above and below it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HsEntry {
    /// Code.
    pub code: String,
    /// Digits of the level.
    pub digits: u32,
    /// Section.
    pub section: String,
    /// Description.
    pub description: String,
    /// The nodes above it.
    pub chain: Vec<HsNode>,
    /// The nodes right below it.
    pub children: Vec<HsNode>,
}

impl From<karvon_core::hs::HsEntry> for HsEntry {
    fn from(h: karvon_core::hs::HsEntry) -> Self {
        Self {
            digits: count(h.level.digits()),
            chain: nodes(&h.chain),
            children: nodes(&h.children),
            code: h.code,
            section: h.section,
            description: h.description,
        }
    }
}

/// What an HS import stored, per level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct HsImport {
    /// Chapters.
    pub chapters: u32,
    /// Headings.
    pub headings: u32,
    /// Subheadings.
    pub subheadings: u32,
}

impl From<karvon_core::hs::HsImport> for HsImport {
    fn from(h: karvon_core::hs::HsImport) -> Self {
        Self {
            chapters: count(h.chapters),
            headings: count(h.headings),
            subheadings: count(h.subheadings),
        }
    }
}

/// A receipt file attached to a purchase.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Receipt {
    /// Record id.
    pub id: String,
    /// Purchase id.
    pub purchase: String,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// Original file name.
    pub file_name: String,
}

impl From<karvon_core::receipts::Receipt> for Receipt {
    fn from(r: karvon_core::receipts::Receipt) -> Self {
        Self {
            id: r.id,
            purchase: r.purchase,
            sha256: r.sha256,
            size: r.size,
            file_name: r.file_name,
        }
    }
}

/// A rules pack the app can plan a trip to.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Jurisdiction {
    /// Pack id, e.g. `UZ`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its currency.
    pub currency: String,
    /// The date this version of the rules is valid from.
    pub valid_from: String,
}

/// A record a deletion was undone for.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Restored {
    /// `trip`, `traveller`, `purchase`, ...
    pub entity: String,
    /// Its id.
    pub id: String,
}
