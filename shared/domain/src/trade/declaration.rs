//! The simplified trader declaration and its validation.
//!
//! Validation reports every problem at once, each with its path in the JSON shape of
//! [`TradeDeclaration`] (`lines[2].hs_code`, `consignor.country`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::date::Date;
use crate::message::Message;
use crate::money::Money;
use crate::postal::{is_country, is_vague_description};
use crate::trip::InputError;

use super::csv_table::{hs_digits, MAX_CELL_NUMBER};
use super::rate_expr::{to_i64, Unit};

/// Most lines in one declaration.
pub const MAX_TRADE_LINES: usize = 999;
/// Longest party name, in characters.
pub const MAX_PARTY_NAME_CHARS: usize = 70;
/// Longest address, in characters.
pub const MAX_ADDRESS_CHARS: usize = 200;
/// Longest tax id or invoice number, in characters.
pub const MAX_REFERENCE_CHARS: usize = 35;
/// Longest goods description, in characters.
pub const MAX_LINE_DESCRIPTION_CHARS: usize = 250;

/// Import into or export from the jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Goods entering the jurisdiction.
    Import,
    /// Goods leaving it.
    Export,
}

/// Incoterms 2020: who pays transport and insurance, which decides what the invoice price holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Incoterm {
    /// Ex works.
    Exw,
    /// Free carrier.
    Fca,
    /// Free alongside ship.
    Fas,
    /// Free on board.
    Fob,
    /// Cost and freight.
    Cfr,
    /// Cost, insurance and freight.
    Cif,
    /// Carriage paid to.
    Cpt,
    /// Carriage and insurance paid to.
    Cip,
    /// Delivered at place.
    Dap,
    /// Delivered at place unloaded.
    Dpu,
    /// Delivered duty paid.
    Ddp,
}

impl Incoterm {
    /// Whether the invoice price already holds the main carriage to the destination.
    pub fn price_includes_freight(self) -> bool {
        !matches!(
            self,
            Incoterm::Exw | Incoterm::Fca | Incoterm::Fas | Incoterm::Fob
        )
    }

    /// Whether the invoice price already holds the insurance of the main carriage.
    pub fn price_includes_insurance(self) -> bool {
        matches!(
            self,
            Incoterm::Cif | Incoterm::Cip | Incoterm::Dap | Incoterm::Dpu | Incoterm::Ddp
        )
    }
}

/// A party to the declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TradeParty {
    /// Name or business name.
    pub name: String,
    /// Full address.
    pub address: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Tax or VAT/EORI identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
}

/// One invoice line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TradeLine {
    /// HS / national tariff code, 6 to 10 digits (dots and spaces allowed).
    pub hs_code: String,
    /// Detailed description of the goods.
    pub description: String,
    /// Country of origin, ISO 3166-1 alpha-2.
    pub origin: String,
    /// Quantity in `unit`.
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    /// The unit of `quantity`.
    pub unit: Unit,
    /// Net mass in kg.
    #[serde(with = "rust_decimal::serde::str")]
    pub net_kg: Decimal,
    /// Gross mass in kg (at least the net mass).
    #[serde(with = "rust_decimal::serde::str")]
    pub gross_kg: Decimal,
    /// The line's invoice value (price paid or payable for the whole line).
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Its currency (the invoice's).
    pub currency: Currency,
}

/// A simplified trader declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TradeDeclaration {
    /// Import or export.
    pub direction: Direction,
    /// The destination (import) or departure (export) jurisdiction: `UZ`, `EU` or a member state.
    pub jurisdiction: String,
    /// The date of the declaration (rates and rules apply on it).
    pub date: Date,
    /// Who lodges the declaration.
    pub declarant: TradeParty,
    /// The seller / sender.
    pub consignor: TradeParty,
    /// The buyer / receiver.
    pub consignee: TradeParty,
    /// The invoice currency.
    pub currency: Currency,
    /// The delivery term of the invoice.
    pub incoterm: Incoterm,
    /// Transport cost to the place of importation, when not in the price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freight: Option<Money>,
    /// Insurance cost, when not in the price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance: Option<Money>,
    /// The invoice number.
    pub invoice_number: String,
    /// The invoice date.
    pub invoice_date: Date,
    /// The lines, 1 to [`MAX_TRADE_LINES`].
    pub lines: Vec<TradeLine>,
}

/// Collects problems with their paths.
#[derive(Debug, Default)]
pub(crate) struct Problems(pub Vec<InputError>);

impl Problems {
    pub(crate) fn push(&mut self, path: impl Into<String>, message: Message) {
        self.0.push(InputError::new(path, message));
    }

    fn text(&mut self, path: &str, value: &str, required: bool, max: usize) {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            if required {
                self.push(path, Message::new("trade-empty"));
            }
            return;
        }
        let n = trimmed.chars().count();
        if n > max {
            self.push(
                path,
                Message::new("trade-text-too-long")
                    .int("length", to_i64(n))
                    .int("max", to_i64(max)),
            );
        }
        if trimmed.chars().any(char::is_control) {
            self.push(path, Message::new("trade-control-chars"));
        }
    }
}

/// Whether a code is an assigned ISO 3166-1 alpha-2 code (upper case).
fn check_country(p: &mut Problems, path: &str, code: &str) {
    if !is_country(code) {
        p.push(
            path,
            Message::new("trade-country").text("value", code.chars().take(16).collect::<String>()),
        );
    }
}

/// What is wrong with a goods description, if anything (empty, too long, control characters,
/// too vague).
pub(crate) fn description_problem(description: &str) -> Option<Message> {
    let description = description.trim();
    let n = description.chars().count();
    if description.is_empty() {
        Some(Message::new("trade-empty"))
    } else if n > MAX_LINE_DESCRIPTION_CHARS {
        Some(
            Message::new("trade-text-too-long")
                .int("length", to_i64(n))
                .int("max", to_i64(MAX_LINE_DESCRIPTION_CHARS)),
        )
    } else if description.chars().any(char::is_control) {
        Some(Message::new("trade-control-chars"))
    } else if is_vague_description(description) {
        Some(Message::new("trade-vague-description").text("value", description))
    } else {
        None
    }
}

/// What is wrong with a country code, if anything.
pub(crate) fn origin_problem(code: &str) -> Option<Message> {
    if code.is_empty() {
        Some(Message::new("trade-empty"))
    } else if is_country(code) {
        None
    } else {
        Some(Message::new("trade-country").text("value", code.chars().take(16).collect::<String>()))
    }
}

/// The checks of one line's fields: `(field, message)` pairs.
fn line_problems(line: &TradeLine) -> Vec<(&'static str, Message)> {
    let mut out = Vec::new();
    if let Err(n) = hs_digits(&line.hs_code, 6, 10) {
        out.push(("hs_code", hs_message(&line.hs_code, n)));
    }
    if let Some(m) = description_problem(&line.description) {
        out.push(("description", m));
    }
    if let Some(m) = origin_problem(&line.origin) {
        out.push(("origin", m));
    }
    let max = Decimal::from(MAX_CELL_NUMBER);
    for (field, value) in [
        ("quantity", line.quantity),
        ("net_kg", line.net_kg),
        ("value", line.value),
    ] {
        if value <= Decimal::ZERO {
            out.push((field, Message::new("trade-not-positive")));
        } else if value > max {
            out.push((
                field,
                Message::new("trade-too-big").int("max", MAX_CELL_NUMBER),
            ));
        }
    }
    if line.gross_kg < line.net_kg {
        out.push((
            "gross_kg",
            Message::new("trade-gross-below-net")
                .number("gross", line.gross_kg)
                .number("net", line.net_kg),
        ));
    } else if line.gross_kg > max {
        out.push((
            "gross_kg",
            Message::new("trade-too-big").int("max", MAX_CELL_NUMBER),
        ));
    }
    out
}

/// The message for an HS code that is not 6–10 digits (`digits` = 0: other characters).
pub(crate) fn hs_message(value: &str, digits: usize) -> Message {
    let shown: String = value.chars().take(24).collect();
    if digits == 0 {
        Message::new("trade-hs-chars").text("value", shown)
    } else if digits == 5 || digits == 7 || digits == 9 {
        // A spreadsheet drops leading zeros: 080111 becomes 80111.
        Message::new("trade-hs-leading-zero")
            .text("value", shown)
            .int("digits", to_i64(digits))
    } else {
        Message::new("trade-hs-length")
            .text("value", shown)
            .int("digits", to_i64(digits))
    }
}

impl TradeDeclaration {
    /// Every problem of the declaration, in field order; empty when it is valid.
    pub fn validate(&self) -> Vec<InputError> {
        let mut p = Problems::default();
        let j = &self.jurisdiction;
        if j.len() != 2 || !j.bytes().all(|b| b.is_ascii_uppercase()) {
            p.push(
                "jurisdiction",
                Message::new("trade-jurisdiction")
                    .text("value", j.chars().take(16).collect::<String>()),
            );
        }
        for (name, party) in [
            ("declarant", &self.declarant),
            ("consignor", &self.consignor),
            ("consignee", &self.consignee),
        ] {
            p.text(
                &format!("{name}.name"),
                &party.name,
                true,
                MAX_PARTY_NAME_CHARS,
            );
            p.text(
                &format!("{name}.address"),
                &party.address,
                true,
                MAX_ADDRESS_CHARS,
            );
            check_country(&mut p, &format!("{name}.country"), &party.country);
            if let Some(tax) = &party.tax_id {
                p.text(&format!("{name}.tax_id"), tax, false, MAX_REFERENCE_CHARS);
            }
        }
        for (name, cost) in [("freight", &self.freight), ("insurance", &self.insurance)] {
            if let Some(m) = cost {
                if m.amount.is_sign_negative() && !m.amount.is_zero() {
                    p.push(format!("{name}.amount"), Message::new("trade-negative"));
                } else if m.amount > Decimal::from(MAX_CELL_NUMBER) {
                    p.push(
                        format!("{name}.amount"),
                        Message::new("trade-too-big").int("max", MAX_CELL_NUMBER),
                    );
                }
            }
        }
        p.text(
            "invoice_number",
            &self.invoice_number,
            true,
            MAX_REFERENCE_CHARS,
        );
        if self.invoice_date > self.date {
            p.push(
                "invoice_date",
                Message::new("trade-invoice-after-declaration")
                    .date("invoice", self.invoice_date)
                    .date("declaration", self.date),
            );
        }
        if self.lines.is_empty() {
            p.push("lines", Message::new("trade-no-lines"));
        } else if self.lines.len() > MAX_TRADE_LINES {
            p.push(
                "lines",
                Message::new("trade-too-many-lines")
                    .int("count", to_i64(self.lines.len()))
                    .int("max", to_i64(MAX_TRADE_LINES)),
            );
        } else {
            for (i, line) in self.lines.iter().enumerate() {
                for (field, message) in line_problems(line) {
                    p.push(format!("lines[{i}].{field}"), message);
                }
                if line.currency != self.currency {
                    p.push(
                        format!("lines[{i}].currency"),
                        Message::new("trade-line-currency")
                            .text("line", line.currency.code())
                            .text("invoice", self.currency.code()),
                    );
                }
            }
        }
        p.0
    }

    /// The intrinsic value of the goods: the sum of the line values (invoice currency).
    pub fn intrinsic_value(&self) -> Money {
        Money::new(self.lines.iter().map(|l| l.value).sum(), self.currency)
    }
}
