//! The typed messages between the UI and the desktop shell: every command's arguments and
//! answers. This one file is compiled into both crates (the shell includes it by path), so the
//! two sides cannot disagree about a field.
//!
//! Answers carry texts already rendered in the user's language and numbers already formatted
//! for the locale: the UI computes nothing a user reads as a figure.

use serde::{Deserialize, Serialize};

/// A failed command: the message in the user's language, the field it is about, and every
/// problem when there were several (a form, a CSV file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ApiError {
    /// What went wrong, rendered.
    pub message: String,
    /// The field path (e.g. `value`, `invoice:3:value`), empty when the error is not about one.
    pub field: String,
    /// Each problem of a multi-problem error, with its field.
    pub problems: Vec<Problem>,
}

/// One problem of several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Problem {
    /// The field path.
    pub field: String,
    /// What is wrong there, rendered.
    pub message: String,
}

/// A code and its label in the current language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Choice {
    /// The value sent back to the shell.
    pub code: String,
    /// What the user reads.
    pub label: String,
}

/// The user's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Settings {
    /// `en`, `uz` or `ru`.
    pub lang: String,
    /// Home country (ISO 3166 alpha-2), the default residency of new travellers.
    pub home: String,
    /// The currency new purchases and plans start in (ISO 4217).
    pub currency: String,
    /// Sync server address; empty when none is configured.
    pub server: String,
}

/// A one-time code that links another device to this device's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PairingView {
    /// The code to type on the other device.
    pub code: String,
    /// How long it works and where, rendered.
    pub hint: String,
}

/// Everything the UI needs to draw its chrome in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Boot {
    /// The settings in force.
    pub settings: Settings,
    /// Every `ui-` text of the catalogue in that language: id → text.
    pub texts: Vec<(String, String)>,
    /// Languages, each named in itself.
    pub languages: Vec<Choice>,
    /// Jurisdictions with an assessable rules pack.
    pub jurisdictions: Vec<Choice>,
    /// Travel modes.
    pub modes: Vec<Choice>,
    /// Item kinds.
    pub kinds: Vec<Choice>,
    /// Currency codes, the common ones first.
    pub currencies: Vec<String>,
    /// The data folder in use.
    pub data_dir: String,
}

/// A traveller on the trip form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TravellerForm {
    /// The stored traveller's id; empty for a new one.
    pub id: String,
    /// Name.
    pub name: String,
    /// Age on arrival, in whole years (typed text).
    pub age: String,
    /// Country of residence (ISO 3166 alpha-2).
    pub residency: String,
}

/// The trip form, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TripForm {
    /// Name.
    pub name: String,
    /// Jurisdiction code.
    pub jurisdiction: String,
    /// Arrival date, `YYYY-MM-DD`.
    pub arrival: String,
    /// Mode code.
    pub mode: String,
    /// Days abroad (typed text).
    pub days_abroad: String,
    /// Travellers.
    pub travellers: Vec<TravellerForm>,
    /// Spending plan amount; empty for none.
    pub plan_amount: String,
    /// Spending plan currency.
    pub plan_currency: String,
}

/// A trip in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TripRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// One line: destination, date, mode, days, travellers.
    pub summary: String,
    /// `green` or `red`.
    pub channel: String,
    /// The channel, rendered.
    pub channel_text: String,
    /// Everything due, formatted.
    pub total: String,
}

/// A purchase, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PurchaseForm {
    /// Trip id.
    pub trip: String,
    /// Amount (typed text); may be empty for kinds counted by quantity.
    pub value: String,
    /// Currency code.
    pub currency: String,
    /// Kind code.
    pub kind: String,
    /// Traveller id; empty for the first traveller.
    pub traveller: String,
    /// What it is.
    pub description: String,
    /// Quantity in the kind's unit (litres, pieces, grams, ml); empty when not needed.
    pub quantity: String,
    /// Alcohol by volume in percent, for drinks.
    pub abv: String,
    /// HS code, optional.
    pub hs_code: String,
    /// Date bought, `YYYY-MM-DD`; empty for today.
    pub date: String,
}

/// One allowance bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Bar {
    /// Category and whose allowance.
    pub label: String,
    /// "used of limit unit".
    pub detail: String,
    /// Use in whole percent (may exceed 100).
    pub percent: u32,
}

/// One point of the spending chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Point {
    /// The date, formatted.
    pub label: String,
    /// Spent by then, formatted.
    pub value: String,
    /// Spent by then in thousandths of the chart's top (0–1000).
    pub permille: u32,
}

/// An alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AlertView {
    /// Id (to acknowledge it).
    pub id: String,
    /// Text.
    pub text: String,
    /// Kind: `allowance_80`, `allowance_100`, `dutiable`, `plan`, `cash`, `must_declare`.
    pub kind: String,
}

/// One assessed item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ItemView {
    /// Purchase id (empty for a previewed item).
    pub purchase: String,
    /// Description.
    pub description: String,
    /// Traveller's name.
    pub traveller: String,
    /// Kind, rendered.
    pub kind: String,
    /// Status code (`exempt`, `dutiable`, ...).
    pub status: String,
    /// Status, rendered.
    pub status_text: String,
    /// Price as bought, formatted.
    pub price: String,
    /// Customs value, formatted.
    pub value: String,
    /// Duty, formatted.
    pub duty: String,
    /// VAT, formatted.
    pub vat: String,
    /// Excise, formatted.
    pub excise: String,
    /// The rule that decided it.
    pub rule: String,
    /// Its source URL.
    pub source: String,
    /// The arithmetic, step by step.
    pub steps: Vec<String>,
}

/// The live status of a trip: allowances, channel, alerts, assessment, charts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct StatusView {
    /// Trip id.
    pub id: String,
    /// Trip name.
    pub name: String,
    /// One line about the trip.
    pub summary: String,
    /// Travellers: id and label (name, age).
    pub travellers: Vec<Choice>,
    /// `green` or `red`.
    pub channel: String,
    /// The channel, rendered.
    pub channel_text: String,
    /// Totals: duty, VAT, excise, total due, each labelled and formatted.
    pub totals: Vec<Choice>,
    /// Allowance bars.
    pub bars: Vec<Bar>,
    /// Spending plan: "spent of plan" and percent, when there is a plan.
    pub plan: Option<Bar>,
    /// Spending over the trip.
    pub spending: Vec<Point>,
    /// Open alerts.
    pub alerts: Vec<AlertView>,
    /// Assessed items.
    pub items: Vec<ItemView>,
    /// Notices, rendered.
    pub notices: Vec<String>,
    /// Rate tables used, rendered.
    pub rates: Vec<String>,
    /// Purchases left out and why.
    pub left_out: Vec<String>,
    /// Declarations of this trip.
    pub documents: Vec<DocRow>,
    /// Receipts attached to the trip's purchases.
    #[serde(default)]
    pub receipts: Vec<ReceiptView>,
}

/// A receipt attached to a purchase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ReceiptView {
    /// Receipt id.
    pub id: String,
    /// The purchase it belongs to.
    pub purchase: String,
    /// The file's name.
    pub name: String,
    /// Name and size, rendered.
    pub label: String,
    /// Media type guessed from the name (`image/jpeg`, `application/pdf`, …).
    pub media: String,
}

/// A backup to make: the passphrase twice, and where (empty: the downloads folder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct BackupForm {
    /// Passphrase (at least 8 characters).
    pub passphrase: String,
    /// The passphrase again.
    pub repeat: String,
    /// The file to write (empty: the downloads folder).
    pub path: String,
}

/// A backup file: where it is and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct BackupView {
    /// The file (for a picked file: its name).
    pub path: String,
    /// For a picked file: what restores it.
    pub token: String,
    /// When and by which version it was made, rendered.
    pub made: String,
    /// What it holds, rendered.
    pub summary: String,
}

/// A saved trader template in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TemplateRow {
    /// The name it was saved under.
    pub name: String,
    /// Direction, jurisdiction, parties, currency and lines, rendered.
    pub summary: String,
}

/// The payer's account for a bank transfer file (ISO 20022 pain.001).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PayerForm {
    /// Account holder.
    pub name: String,
    /// IBAN (spaces allowed).
    pub iban: String,
    /// BIC, optional.
    pub bic: String,
    /// The day the bank should pay (`YYYY-MM-DD`; empty means today).
    pub date: String,
}

/// What a purchase would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PreviewView {
    /// The summary sentence.
    pub summary: String,
    /// Channel after, rendered.
    pub channel_text: String,
    /// `green` or `red` after.
    pub channel: String,
    /// Total before and after, rendered.
    pub totals: String,
    /// The line as it would be assessed.
    pub item: Option<ItemView>,
    /// Alerts it would raise.
    pub alerts: Vec<String>,
}

/// A saved purchase's consequences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Added {
    /// The new purchase's id.
    pub id: String,
    /// Alerts it raised, rendered.
    pub alerts: Vec<String>,
}

/// A declaration in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DocRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind, rendered.
    pub kind: String,
    /// Status, rendered.
    pub status: String,
}

/// One step of a declaration's status timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Step {
    /// Status, rendered.
    pub status: String,
    /// When, formatted.
    pub at: String,
    /// Note (registration number, reason).
    pub note: String,
}

/// A declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DocView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind code (`passenger`, `cn23`, `trade`, ...).
    pub kind: String,
    /// Status code (`draft`, `signed`, `queued`, ...).
    pub status: String,
    /// Status, rendered.
    pub status_text: String,
    /// Its content, line by line.
    pub lines: Vec<String>,
    /// Status timeline.
    pub timeline: Vec<Step>,
    /// Registration number once registered.
    pub registration: String,
    /// Key fingerprint once signed.
    pub key: String,
    /// Payment drafts made from it.
    pub payments: Vec<PaymentView>,
}

/// A payment draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PaymentView {
    /// Id.
    pub id: String,
    /// Status, rendered.
    pub status: String,
    /// Its content, line by line.
    pub lines: Vec<String>,
    /// The SEPA credit transfer QR (EPC069-12) as SVG, when it applies (EUR to a known IBAN).
    pub epc_svg: String,
}

/// Who is paid, when the user knows it (all optional; name and IBAN go together).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PayeeForm {
    /// Account holder.
    pub name: String,
    /// IBAN (spaces allowed).
    pub iban: String,
    /// BIC, optional.
    pub bic: String,
    /// ISO 11649 creditor reference (`RF…`), optional.
    pub reference: String,
}

/// A trader import: the declaration header (JSON), invoice lines (CSV) and tariff (CSV).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TradeForm {
    /// Header JSON.
    pub header: String,
    /// Invoice CSV.
    pub invoice: String,
    /// Tariff CSV.
    pub tariff: String,
    /// A saved template to take the header from instead of `header` (empty: use `header`).
    #[serde(default)]
    pub template: String,
    /// Invoice number (with a template).
    #[serde(default)]
    pub invoice_number: String,
    /// Invoice date, `YYYY-MM-DD` (with a template).
    #[serde(default)]
    pub invoice_date: String,
    /// Declaration date, `YYYY-MM-DD` (with a template; empty means today).
    #[serde(default)]
    pub date: String,
}

/// A rate table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RateRow {
    /// Source, date, base and age, rendered.
    pub text: String,
}

/// An HS search hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct HsRow {
    /// Code.
    pub code: String,
    /// Description.
    pub text: String,
}

/// Sync state for the indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SyncView {
    /// `offline`, `idle`, `syncing`, `error` (the last sync failed; it will retry) or
    /// `problem` (something needs the user).
    pub state: String,
    /// The state, rendered (one short line for the header).
    pub text: String,
    /// Why the last sync failed, rendered (empty unless `error`).
    #[serde(default)]
    pub detail: String,
    /// Changes and declarations waiting to be sent.
    pub pending: u32,
    /// Progress while syncing, 0–100.
    pub percent: u32,
    /// The server, rendered (or how to set one).
    pub server: String,
    /// When the last sync ended, rendered.
    pub last: String,
    /// Problems that need the user, rendered.
    pub problems: Vec<String>,
}
