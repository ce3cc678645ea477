//! Templates for repeat shipments: the parties, terms and lines of a declaration without the
//! per-shipment figures, stored by the core (serde) and turned into a declaration per shipment.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::date::Date;
use crate::message::Message;
use crate::money::Money;

use super::declaration::{Direction, Incoterm, Problems, TradeDeclaration, TradeLine, TradeParty};
use super::error::TradeError;
use super::rate_expr::Unit;

/// Longest template name, in characters.
pub const MAX_TEMPLATE_NAME_CHARS: usize = 70;

/// A line of a template: what is shipped; the figures may be left for each shipment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateLine {
    /// HS code.
    pub hs_code: String,
    /// Description.
    pub description: String,
    /// Country of origin.
    pub origin: String,
    /// Unit of quantity.
    pub unit: Unit,
    /// Default quantity.
    #[serde(
        default,
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Decimal>,
    /// Default net mass in kg.
    #[serde(
        default,
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub net_kg: Option<Decimal>,
    /// Default gross mass in kg.
    #[serde(
        default,
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub gross_kg: Option<Decimal>,
    /// Default value (in the template's currency).
    #[serde(
        default,
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Decimal>,
}

/// A repeat shipment's template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TradeTemplate {
    /// The name the user gave it.
    pub name: String,
    /// Import or export.
    pub direction: Direction,
    /// The jurisdiction.
    pub jurisdiction: String,
    /// Declarant.
    pub declarant: TradeParty,
    /// Consignor.
    pub consignor: TradeParty,
    /// Consignee.
    pub consignee: TradeParty,
    /// Invoice currency.
    pub currency: Currency,
    /// Delivery term.
    pub incoterm: Incoterm,
    /// The default lines.
    pub lines: Vec<TemplateLine>,
}

/// One line's figures for a shipment; absent fields keep the template's default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineFigures {
    /// Quantity.
    #[serde(
        default,
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Decimal>,
    /// Net mass in kg.
    #[serde(
        default,
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub net_kg: Option<Decimal>,
    /// Gross mass in kg.
    #[serde(
        default,
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub gross_kg: Option<Decimal>,
    /// Value.
    #[serde(
        default,
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Decimal>,
}

/// The per-shipment part of a declaration made from a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateOverrides {
    /// The invoice number.
    pub invoice_number: String,
    /// The invoice date.
    pub invoice_date: Date,
    /// Freight, when not in the price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freight: Option<Money>,
    /// Insurance, when not in the price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance: Option<Money>,
    /// Figures by line index.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lines: BTreeMap<usize, LineFigures>,
}

impl TradeTemplate {
    /// A template from a declaration; with `keep_figures` false the quantities, masses and values
    /// are left for each shipment.
    pub fn from_declaration(name: &str, decl: &TradeDeclaration, keep_figures: bool) -> Self {
        let keep = |v: Decimal| keep_figures.then_some(v);
        TradeTemplate {
            name: name.trim().to_owned(),
            direction: decl.direction,
            jurisdiction: decl.jurisdiction.clone(),
            declarant: decl.declarant.clone(),
            consignor: decl.consignor.clone(),
            consignee: decl.consignee.clone(),
            currency: decl.currency,
            incoterm: decl.incoterm,
            lines: decl
                .lines
                .iter()
                .map(|l| TemplateLine {
                    hs_code: l.hs_code.clone(),
                    description: l.description.clone(),
                    origin: l.origin.clone(),
                    unit: l.unit,
                    quantity: keep(l.quantity),
                    net_kg: keep(l.net_kg),
                    gross_kg: keep(l.gross_kg),
                    value: keep(l.value),
                })
                .collect(),
        }
    }

    /// A declaration dated `date` from the template and the shipment's figures. Every missing
    /// figure and every validation problem is reported at once ([`TradeError::Invalid`]).
    pub fn instantiate(
        &self,
        date: Date,
        overrides: &TemplateOverrides,
    ) -> Result<TradeDeclaration, TradeError> {
        let mut p = Problems::default();
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > MAX_TEMPLATE_NAME_CHARS {
            p.push(
                "name",
                Message::new("trade-template-name").int("max", MAX_TEMPLATE_NAME_CHARS as i64),
            );
        }
        for &k in overrides.lines.keys() {
            if k >= self.lines.len() {
                p.push(
                    format!("overrides.lines[{k}]"),
                    Message::new("trade-template-no-line")
                        .int("line", i64::try_from(k).unwrap_or(i64::MAX))
                        .int("count", i64::try_from(self.lines.len()).unwrap_or(i64::MAX)),
                );
            }
        }
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, t) in self.lines.iter().enumerate() {
            let o = overrides.lines.get(&i).cloned().unwrap_or_default();
            let mut figure = |field: &str, over: Option<Decimal>, default: Option<Decimal>| {
                over.or(default).unwrap_or_else(|| {
                    p.push(
                        format!("lines[{i}].{field}"),
                        Message::new("trade-template-missing"),
                    );
                    Decimal::ZERO
                })
            };
            let quantity = figure("quantity", o.quantity, t.quantity);
            let net_kg = figure("net_kg", o.net_kg, t.net_kg);
            let gross_kg = figure("gross_kg", o.gross_kg, t.gross_kg);
            let value = figure("value", o.value, t.value);
            lines.push(TradeLine {
                hs_code: t.hs_code.clone(),
                description: t.description.clone(),
                origin: t.origin.clone(),
                quantity,
                unit: t.unit,
                net_kg,
                gross_kg,
                value,
                currency: self.currency,
            });
        }
        if !p.0.is_empty() {
            return Err(TradeError::Invalid(p.0));
        }
        let decl = TradeDeclaration {
            direction: self.direction,
            jurisdiction: self.jurisdiction.clone(),
            date,
            declarant: self.declarant.clone(),
            consignor: self.consignor.clone(),
            consignee: self.consignee.clone(),
            currency: self.currency,
            incoterm: self.incoterm,
            freight: overrides.freight,
            insurance: overrides.insurance,
            invoice_number: overrides.invoice_number.clone(),
            invoice_date: overrides.invoice_date,
            lines,
        };
        let problems = decl.validate();
        if problems.is_empty() {
            Ok(decl)
        } else {
            Err(TradeError::Invalid(problems))
        }
    }
}
