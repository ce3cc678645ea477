//! Validation of CN 22 / CN 23 declarations: every problem at once, each with its field path.
//!
//! Errors make a form unusable; warnings are per-operator or unconfirmed rules the user should
//! check. Paths use the JSON shape of [`super`] (`contents[1].value.amount`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::country::is_country;
use super::form::{Category, Cn22, Cn23, ContentLine, Declaration, Party};
use crate::currency::Currency;
use crate::date::Date;
use crate::message::Message;
use crate::money::Money;
use crate::trip::InputError;

/// The CN 22 value limit in SDR (reference §1.1): "CN 22 applies up to 300 SDR".
///
/// At exactly 300 SDR a CN 22 is allowed. India Post: "If the value of the contents is over
/// 300 SDR, you must use a CN 23 form" (so 300 itself is not over). Eswatini Post asks for CN 23
/// for letter-post items "of 300 SDR or more"; that conflicting reading is shown as the warning
/// `notice-postal-sdr-at-limit` when the value is exactly the limit.
pub const CN22_LIMIT_SDR: u32 = 300;

/// The per-operator CN 22 weight note in kg (reference §1.1, marked unconfirmed): several secondary
/// sources restrict CN 22 to items under 2 kg (letter-post small packets). Above it Karvon warns
/// (`notice-postal-cn22-weight`); it never refuses.
pub const CN22_WEIGHT_NOTE_KG: u32 = 2;

/// Descriptions refused as too general when they are the whole description (case-insensitive,
/// ignoring a leading quantity such as `2 x`, and lists of them such as "clothes and gifts").
///
/// From the reference (§1.2, §1.3): "clothes", "spare parts", "samples", "food products". From the
/// Karvon brief: "gift", "goods", "items", "parts", "stuff". The rest are Karvon's additions of the
/// same kind (singular and plural forms, common catch-alls, and the usual Russian and Uzbek words,
/// since users may type them before the form is put into English or French). Apostrophes are
/// compared as `'`.
pub const VAGUE_DESCRIPTIONS: &[&str] = &[
    // Reference and brief.
    "clothes",
    "samples",
    "spare parts",
    "food products",
    "gift",
    "goods",
    "items",
    "parts",
    "stuff",
    // Karvon's additions.
    "accessories",
    "clothing",
    "food",
    "general goods",
    "gifts",
    "item",
    "merchandise",
    "misc",
    "miscellaneous",
    "part",
    "personal effects",
    "personal items",
    "present",
    "presents",
    "products",
    "sample",
    "spare part",
    "things",
    "various",
    // Russian.
    "вещи",
    "запчасти",
    "образцы",
    "одежда",
    "подарки",
    "подарок",
    "продукты",
    "товар",
    "товары",
    // Uzbek (Latin).
    "ehtiyot qismlar",
    "kiyim",
    "kiyimlar",
    "namunalar",
    "narsalar",
    "sovg'a",
    "sovg'alar",
    "tovar",
    "tovarlar",
];

// Text limits. The printed boxes are small and the UPU M33 (ITMATT) field lengths are not public
// (reference §1.4), so these are Karvon's choices: room for real data, short enough to print.

/// Longest name, business name, operator name or office of origin, in characters.
pub const MAX_NAME_CHARS: usize = 70;
/// Longest street address, in characters.
pub const MAX_STREET_CHARS: usize = 105;
/// Longest postcode, in characters.
pub const MAX_POSTCODE_CHARS: usize = 16;
/// Longest city name, in characters.
pub const MAX_CITY_CHARS: usize = 50;
/// Longest telephone number, in characters.
pub const MAX_PHONE_CHARS: usize = 25;
/// Longest e-mail address, in characters (the SMTP path limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest reference or document number (customs reference, tax id, licence, certificate,
/// invoice), in characters.
pub const MAX_REFERENCE_CHARS: usize = 35;
/// Longest detailed description of a contents line, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 100;
/// Longest unit of measurement, in characters.
pub const MAX_UNIT_CHARS: usize = 16;
/// Longest explanation of the category, in characters.
pub const MAX_EXPLANATION_CHARS: usize = 100;
/// Longest comments (CN 23 box 11), in characters.
pub const MAX_COMMENTS_CHARS: usize = 250;

/// A dated SDR rate: units of `currency` per one SDR (IMF special drawing right, ISO 4217 `XDR`).
///
/// The rate is in neither the ECB nor the CBU feed (reference §1.1); it is passed in, e.g. from the
/// IMF or the rate a post prints ("300 SDR = Rs.23000").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SdrRate {
    /// The date the rate is valid for.
    pub date: Date,
    /// The currency the rate is quoted in.
    pub currency: Currency,
    /// Units of `currency` per one SDR.
    #[serde(with = "rust_decimal::serde::str")]
    pub units_per_sdr: Decimal,
    /// Who published the rate (e.g. `IMF`, `India Post`).
    pub source: String,
}

/// What the 300 SDR check decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SdrDecision {
    /// The value is at most 300 SDR: a CN 22 may be used (a CN 23 always may).
    Cn22Allowed,
    /// The value is above 300 SDR: a CN 23 is required.
    Cn23Required,
    /// No usable SDR rate for the currency: the check cannot decide.
    Undecided,
}

/// The 300 SDR check with the figures behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SdrCheck {
    /// The decision.
    pub decision: SdrDecision,
    /// The total value checked.
    pub value: Money,
    /// The date a rate was looked for (a rate dated on or before it is used, the latest first).
    pub on: Date,
    /// The rate used; absent when the value is in SDR (`XDR`) or no rate was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<SdrRate>,
    /// The value in SDR, unrounded; absent when undecided.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub value_sdr: Option<Decimal>,
    /// 300 SDR in the value's currency (what a post prints on the form); absent when undecided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<Money>,
    /// Whether the value is exactly 300 SDR (see [`CN22_LIMIT_SDR`]).
    pub at_limit: bool,
}

/// Checks a total value against the 300 SDR CN 22 limit with the latest rate for its currency dated
/// on or before `on`. Compares exactly (`value ≤ 300 × rate`); a missing or non-positive rate gives
/// [`SdrDecision::Undecided`].
pub fn check_sdr(value: Money, on: Date, rates: &[SdrRate]) -> SdrCheck {
    let limit_sdr = Decimal::from(CN22_LIMIT_SDR);
    let undecided = |rate: Option<SdrRate>| SdrCheck {
        decision: SdrDecision::Undecided,
        value,
        on,
        rate,
        value_sdr: None,
        limit: None,
        at_limit: false,
    };
    let (units, rate) = if value.currency.code() == "XDR" {
        (Decimal::ONE, None)
    } else {
        let found = rates
            .iter()
            .filter(|r| {
                r.currency == value.currency && r.date <= on && r.units_per_sdr > Decimal::ZERO
            })
            .max_by_key(|r| r.date);
        match found {
            Some(r) => (r.units_per_sdr, Some(r.clone())),
            None => return undecided(None),
        }
    };
    let (Some(limit), Some(value_sdr)) = (
        limit_sdr.checked_mul(units),
        value.amount.checked_div(units),
    ) else {
        return undecided(rate);
    };
    SdrCheck {
        decision: if value.amount > limit {
            SdrDecision::Cn23Required
        } else {
            SdrDecision::Cn22Allowed
        },
        value,
        on,
        rate,
        value_sdr: Some(value_sdr),
        limit: Some(Money::new(limit, value.currency)),
        at_limit: value.amount == limit,
    }
}

/// The overall result of a validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// No errors (warnings may remain).
    Valid,
    /// No errors, but a CN 22's 300 SDR limit could not be checked for want of a rate.
    Undecided,
    /// At least one error.
    Invalid,
}

/// Everything wrong with a declaration, found at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validation {
    /// The overall result.
    pub outcome: Outcome,
    /// Problems that make the form unusable, in form order.
    pub errors: Vec<InputError>,
    /// Per-operator or unconfirmed rules to check, and the undecided SDR check.
    pub warnings: Vec<InputError>,
    /// The 300 SDR check.
    pub sdr: SdrCheck,
}

/// Validates a CN 22; the SDR check uses the signature date.
pub fn validate_cn22(form: &Cn22, rates: &[SdrRate]) -> Validation {
    let mut ch = Checker::default();
    let common = Common {
        operator: form.operator.as_deref(),
        item_id: form.item_id.as_deref(),
        sender: &form.sender,
        addressee: &form.addressee,
        categories: &form.categories,
        explanation: form.explanation.as_deref(),
        contents: &form.contents,
        total_weight_kg: form.total_weight_kg,
        total_value: form.total_value,
    };
    common.check(&mut ch);
    let sdr = check_sdr(form.total_value, form.signed_on, rates);
    if form.total_value.amount >= Decimal::ZERO {
        match sdr.decision {
            SdrDecision::Cn23Required => ch.error("total_value.amount", sdr_message(&sdr)),
            SdrDecision::Undecided => ch.warn(
                "total_value.currency",
                Message::new("notice-postal-sdr-undecided")
                    .text("currency", form.total_value.currency.code())
                    .date("date", sdr.on)
                    .int("limit", i64::from(CN22_LIMIT_SDR)),
            ),
            SdrDecision::Cn22Allowed if sdr.at_limit => ch.warn(
                "total_value.amount",
                Message::new("notice-postal-sdr-at-limit").int("limit", i64::from(CN22_LIMIT_SDR)),
            ),
            SdrDecision::Cn22Allowed => {}
        }
    }
    if form.total_weight_kg > Decimal::from(CN22_WEIGHT_NOTE_KG) {
        ch.warn(
            "total_weight_kg",
            Message::new("notice-postal-cn22-weight")
                .number("weight", form.total_weight_kg)
                .int("limit", i64::from(CN22_WEIGHT_NOTE_KG)),
        );
    }
    ch.finish(sdr, true)
}

/// Validates a CN 23; the SDR check (for information only: a CN 23 is allowed at any value) uses
/// the date of posting, or the signature date when there is none.
pub fn validate_cn23(form: &Cn23, rates: &[SdrRate]) -> Validation {
    let mut ch = Checker::default();
    let common = Common {
        operator: form.operator.as_deref(),
        item_id: form.item_id.as_deref(),
        sender: &form.sender,
        addressee: &form.addressee,
        categories: &form.categories,
        explanation: form.explanation.as_deref(),
        contents: &form.contents,
        total_weight_kg: form.total_weight_kg,
        total_value: form.total_value,
    };
    let commercial = common.check(&mut ch);
    if let Some(charges) = form.postal_charges {
        if charges.amount < Decimal::ZERO {
            ch.error("postal_charges.amount", Message::new("input-negative"));
        }
    }
    if let Some(comments) = form.comments.as_deref() {
        ch.optional("comments", comments, MAX_COMMENTS_CHARS, true);
    }
    for (list, name) in [
        (&form.licences, "licences"),
        (&form.certificates, "certificates"),
    ] {
        for (i, number) in list.iter().enumerate() {
            ch.required(&format!("{name}[{i}]"), number, MAX_REFERENCE_CHARS);
        }
    }
    match form.invoice.as_deref() {
        Some(invoice) => {
            ch.optional("invoice", invoice, MAX_REFERENCE_CHARS, false);
        }
        None if commercial => ch.warn("invoice", Message::new("notice-postal-invoice-missing")),
        None => {}
    }
    if let Some(office) = form.office_of_origin.as_deref() {
        ch.optional("office_of_origin", office, MAX_NAME_CHARS, false);
    }
    let on = form.date_of_posting.unwrap_or(form.signed_on);
    let sdr = check_sdr(form.total_value, on, rates);
    ch.finish(sdr, false)
}

/// Validates either form.
pub fn validate(declaration: &Declaration, rates: &[SdrRate]) -> Validation {
    match declaration {
        Declaration::Cn22(form) => validate_cn22(form, rates),
        Declaration::Cn23(form) => validate_cn23(form, rates),
    }
}

/// Whether a description is too general to be accepted (see [`VAGUE_DESCRIPTIONS`]).
pub fn is_vague_description(text: &str) -> bool {
    let lower: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ʻ' | 'ʼ' | '‘' | '’' | '`' | '´' => '\'',
            c => c,
        })
        .collect();
    let mut any = false;
    for chunk in lower.split([',', ';', '&', '+', '/']) {
        for part in chunk.split(" and ") {
            let words: Vec<&str> = part
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .skip_while(|w| is_quantity_word(w))
                .collect();
            if words.is_empty() {
                continue;
            }
            any = true;
            if !VAGUE_DESCRIPTIONS.contains(&words.join(" ").as_str()) {
                return false;
            }
        }
    }
    any
}

/// A leading quantity word: `2`, `2.5`, `x`, `2x`, `x2`, `pcs`, `of`.
fn is_quantity_word(w: &str) -> bool {
    let digits = w
        .trim_start_matches(['x', '×'])
        .trim_end_matches(['x', '×']);
    (!digits.is_empty()
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ','))
        || matches!(
            w,
            "x" | "×" | "pc" | "pcs" | "piece" | "pieces" | "of" | "dona" | "шт" | "штук"
        )
}

fn sdr_message(sdr: &SdrCheck) -> Message {
    let mut m = Message::new("input-postal-cn23-required")
        .money("value", sdr.value.amount, sdr.value.currency)
        .number("sdr", sdr.value_sdr.unwrap_or_default().round_dp(2))
        .int("limit", i64::from(CN22_LIMIT_SDR));
    match &sdr.rate {
        Some(rate) => {
            m = m
                .money("rate", rate.units_per_sdr, rate.currency)
                .text("source", rate.source.clone())
                .date("date", rate.date);
        }
        // The value is in SDR itself.
        None => {
            m = m
                .money("rate", Decimal::ONE, sdr.value.currency)
                .text("source", sdr.value.currency.code())
                .date("date", sdr.on);
        }
    }
    m
}

/// The fields both forms share, borrowed.
struct Common<'a> {
    operator: Option<&'a str>,
    item_id: Option<&'a str>,
    sender: &'a Party,
    addressee: &'a Party,
    categories: &'a [Category],
    explanation: Option<&'a str>,
    contents: &'a [ContentLine],
    total_weight_kg: Decimal,
    total_value: Money,
}

impl Common<'_> {
    /// Checks the shared fields; returns whether the item is commercial.
    fn check(&self, ch: &mut Checker) -> bool {
        if let Some(operator) = self.operator {
            ch.optional("operator", operator, MAX_NAME_CHARS, false);
        }
        if let Some(id) = self.item_id {
            if !is_s10(id) {
                ch.error("item_id", Message::new("input-postal-item-id"));
            }
        }
        check_party(ch, "sender", self.sender);
        check_party(ch, "addressee", self.addressee);
        let commercial = self.check_categories(ch);
        self.check_contents(ch, commercial);
        commercial
    }

    fn check_categories(&self, ch: &mut Checker) -> bool {
        if self.categories.is_empty() {
            ch.error("categories", Message::new("input-empty-list"));
        }
        let first_commercial = self.categories.iter().find(|c| c.is_commercial());
        for (i, c) in self.categories.iter().enumerate() {
            let path = format!("categories[{i}]");
            if self.categories[..i].contains(c) {
                ch.error(
                    path,
                    Message::new("input-postal-category-twice").term("category", c.term()),
                );
            } else if *c == Category::Gift {
                if let Some(commercial) = first_commercial {
                    ch.error(
                        path,
                        Message::new("input-postal-gift-commercial")
                            .term("category", commercial.term()),
                    );
                }
            }
        }
        match self.explanation {
            Some(text) => {
                ch.optional("explanation", text, MAX_EXPLANATION_CHARS, false);
            }
            None if self.categories.contains(&Category::Other) => {
                ch.error(
                    "explanation",
                    Message::new("input-postal-explanation-required"),
                );
            }
            None => {}
        }
        first_commercial.is_some()
    }

    fn check_contents(&self, ch: &mut Checker, commercial: bool) {
        if self.contents.is_empty() {
            ch.error("contents", Message::new("input-empty-list"));
        }
        let currency = self.total_value.currency;
        // Totals are compared only when there are lines and every line's own figure is usable,
        // so that one fault is reported once.
        let start = (!self.contents.is_empty()).then_some(Decimal::ZERO);
        let mut weight_sum = start;
        let mut value_sum = start;
        for (i, line) in self.contents.iter().enumerate() {
            let p = format!("contents[{i}]");
            let description = format!("{p}.description");
            if ch.required(&description, &line.description, MAX_DESCRIPTION_CHARS)
                && is_vague_description(&line.description)
            {
                ch.error(
                    description,
                    Message::new("input-postal-vague-description")
                        .text("value", line.description.clone()),
                );
            }
            if line.quantity <= Decimal::ZERO {
                ch.error(format!("{p}.quantity"), Message::new("input-not-positive"));
            }
            if let Some(unit) = line.unit.as_deref() {
                ch.optional(&format!("{p}.unit"), unit, MAX_UNIT_CHARS, false);
            }
            if line.net_weight_kg <= Decimal::ZERO {
                ch.error(
                    format!("{p}.net_weight_kg"),
                    Message::new("input-not-positive"),
                );
                weight_sum = None;
            } else {
                weight_sum = weight_sum.and_then(|s| s.checked_add(line.net_weight_kg));
            }
            let mut value_ok = true;
            if line.value.amount < Decimal::ZERO {
                ch.error(format!("{p}.value.amount"), Message::new("input-negative"));
                value_ok = false;
            }
            if line.value.currency != currency {
                ch.error(
                    format!("{p}.value.currency"),
                    Message::new("input-postal-currency-mismatch")
                        .text("expected", currency.code())
                        .text("found", line.value.currency.code()),
                );
                value_ok = false;
            }
            value_sum = value_sum
                .filter(|_| value_ok)
                .and_then(|s| s.checked_add(line.value.amount));
            match line.hs_code.as_deref() {
                Some(code) if !is_hs_code(code) => {
                    ch.error(format!("{p}.hs_code"), Message::new("input-postal-hs-code"));
                }
                None if commercial => ch.error(
                    format!("{p}.hs_code"),
                    Message::new("input-postal-hs-required"),
                ),
                _ => {}
            }
            match line.origin.as_deref() {
                Some(origin) => ch.country(&format!("{p}.origin"), origin),
                None if commercial => ch.error(
                    format!("{p}.origin"),
                    Message::new("input-postal-origin-required"),
                ),
                None => {}
            }
        }
        if self.total_weight_kg <= Decimal::ZERO {
            ch.error("total_weight_kg", Message::new("input-not-positive"));
        } else if let Some(sum) = weight_sum.filter(|s| self.total_weight_kg < *s) {
            ch.error(
                "total_weight_kg",
                Message::new("input-postal-total-weight")
                    .number("total", self.total_weight_kg)
                    .number("sum", sum),
            );
        }
        if self.total_value.amount < Decimal::ZERO {
            ch.error("total_value.amount", Message::new("input-negative"));
        } else if let Some(sum) = value_sum.filter(|s| self.total_value.amount != *s) {
            ch.error(
                "total_value.amount",
                Message::new("input-postal-total-value")
                    .money("total", self.total_value.amount, currency)
                    .money("sum", sum, currency),
            );
        }
    }
}

fn check_party(ch: &mut Checker, at: &str, party: &Party) {
    let p = |field: &str| format!("{at}.{field}");
    ch.required(&p("name"), &party.name, MAX_NAME_CHARS);
    if let Some(business) = party.business.as_deref() {
        ch.optional(&p("business"), business, MAX_NAME_CHARS, false);
    }
    ch.required(&p("street"), &party.street, MAX_STREET_CHARS);
    if let Some(postcode) = party.postcode.as_deref() {
        ch.optional(&p("postcode"), postcode, MAX_POSTCODE_CHARS, false);
    }
    ch.required(&p("city"), &party.city, MAX_CITY_CHARS);
    ch.country(&p("country"), &party.country);
    if let Some(phone) = party.phone.as_deref() {
        let path = p("phone");
        if ch.optional(&path, phone, MAX_PHONE_CHARS, false) && !is_phone(phone) {
            ch.error(path, Message::new("input-postal-phone"));
        }
    }
    if let Some(email) = party.email.as_deref() {
        let path = p("email");
        if ch.optional(&path, email, MAX_EMAIL_CHARS, false) && !is_email(email) {
            ch.error(path, Message::new("input-postal-email"));
        }
    }
    if let Some(reference) = party.reference.as_deref() {
        ch.optional(&p("reference"), reference, MAX_REFERENCE_CHARS, false);
    }
}

/// A UPU S10 item number: two letters, eight digits and a check digit, two letters.
fn is_s10(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 13
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..11].iter().all(u8::is_ascii_digit)
        && b[11..].iter().all(u8::is_ascii_uppercase)
}

/// An HS tariff number: 6 digits (HS subheading) up to 10 (national tariff lines).
fn is_hs_code(code: &str) -> bool {
    (6..=10).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}

fn is_phone(phone: &str) -> bool {
    phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | '/'))
        && phone.chars().filter(char::is_ascii_digit).count() >= 4
}

fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

#[derive(Default)]
struct Checker {
    errors: Vec<InputError>,
    warnings: Vec<InputError>,
}

impl Checker {
    fn error(&mut self, path: impl Into<String>, message: Message) {
        self.errors.push(InputError::new(path, message));
    }

    fn warn(&mut self, path: impl Into<String>, message: Message) {
        self.warnings.push(InputError::new(path, message));
    }

    /// A text that must not be empty; returns whether it passed.
    fn required(&mut self, path: &str, value: &str, max: usize) -> bool {
        self.optional(path, value, max, false)
    }

    /// A text that was given: not empty, not too long, no control characters (line breaks and
    /// tabs allowed when `multiline`); returns whether it passed.
    fn optional(&mut self, path: &str, value: &str, max: usize, multiline: bool) -> bool {
        if value.trim().is_empty() {
            self.error(path, Message::new("input-empty-text"));
            return false;
        }
        let length = value.chars().count();
        if length > max {
            self.error(
                path,
                Message::new("input-text-too-long")
                    .int("max", max as i64)
                    .int("length", length as i64),
            );
            return false;
        }
        let bad = |c: char| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'));
        if value.chars().any(bad) {
            self.error(path, Message::new("input-control-chars"));
            return false;
        }
        true
    }

    fn country(&mut self, path: &str, code: &str) {
        if !is_country(code) {
            self.error(
                path,
                Message::new("input-country")
                    .text("value", code.chars().take(16).collect::<String>()),
            );
        }
    }

    fn finish(self, sdr: SdrCheck, sdr_decides: bool) -> Validation {
        let outcome = if !self.errors.is_empty() {
            Outcome::Invalid
        } else if sdr_decides && sdr.decision == SdrDecision::Undecided {
            Outcome::Undecided
        } else {
            Outcome::Valid
        };
        Validation {
            outcome,
            errors: self.errors,
            warnings: self.warnings,
            sdr,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_words_are_refused_alone_only() {
        for vague in [
            "clothes",
            "Clothes.",
            "2 x clothes",
            "3 pcs spare parts",
            "Gift",
            "clothes and gifts",
            "samples, parts",
            "  STUFF ",
            "sovgʻa",
            "Одежда",
        ] {
            assert!(is_vague_description(vague), "{vague}");
        }
        for fine in [
            "2 men's cotton shirts",
            "gift box of dried apricots",
            "clothes: 2 wool scarves",
            "bicycle spare parts: brake pads",
            "",
            "2",
        ] {
            assert!(!is_vague_description(fine), "{fine}");
        }
        for entry in VAGUE_DESCRIPTIONS {
            assert!(is_vague_description(entry), "{entry} must match itself");
        }
    }

    #[test]
    fn formats() {
        assert!(is_s10("RR123456785UZ"));
        assert!(!is_s10("RR12345678UZ"));
        assert!(!is_s10("rr123456785uz"));
        assert!(is_hs_code("610510") && is_hs_code("6105100000"));
        assert!(!is_hs_code("6105") && !is_hs_code("61051000001") && !is_hs_code("6105.10"));
        assert!(is_phone("+998 (71) 233-57-01") && !is_phone("call me") && !is_phone("+1"));
        assert!(is_email("a.b@example.uz"));
        for bad in ["a@b", "@x.uz", "a@@x.uz", "a b@x.uz", "a@.uz", "a@x."] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn sdr_compares_exactly() {
        let usd = Currency::from_code("USD").unwrap();
        let day: Date = "2026-11-20".parse().unwrap();
        let rate = SdrRate {
            date: day,
            currency: usd,
            units_per_sdr: Decimal::new(137, 2),
            source: "test rate".into(),
        };
        // 300 × 1.37 = 411.00
        let at = check_sdr(
            Money::new(Decimal::new(411, 0), usd),
            day,
            std::slice::from_ref(&rate),
        );
        assert_eq!((at.decision, at.at_limit), (SdrDecision::Cn22Allowed, true));
        assert_eq!(at.limit, Some(Money::new(Decimal::new(41100, 2), usd)));
        let over = check_sdr(
            Money::new(Decimal::new(41101, 2), usd),
            day,
            std::slice::from_ref(&rate),
        );
        assert_eq!(over.decision, SdrDecision::Cn23Required);
        // A rate dated after the day is not used.
        let before = day.add_days(-1).unwrap();
        let early = check_sdr(Money::new(Decimal::ONE, usd), before, &[rate]);
        assert_eq!(early.decision, SdrDecision::Undecided);
        let xdr = Currency::from_code("XDR").unwrap();
        let own = check_sdr(Money::new(Decimal::from(300), xdr), day, &[]);
        assert_eq!(
            (own.decision, own.at_limit),
            (SdrDecision::Cn22Allowed, true)
        );
    }
}
