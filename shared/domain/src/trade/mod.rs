//! The simplified trader declaration: rate expressions, tariff files, per-destination trade
//! rules, declarations with their assessment, invoice CSV import and repeat-shipment templates.
//!
//! Sources: the team reference `trader-and-payments.md` §3.3 (which rate), §4 (customs value,
//! rate expressions, tax base and order, low-value regimes, the Uzbek clearance fee, rounding) and
//! §7 (dated, sourced reference data). File formats: `docs/tariff-file.md`, `docs/invoice-csv.md`.
//!
//! - [`RateExpr`]: duty and excise as a small expression (`max(20%; 0.20 USD/kg)`), parsed from
//!   text with precise errors and evaluated with explanation steps.
//! - [`Tariff`]: a jurisdiction's dated tariff rows; [`Tariff::lookup`] takes the longest prefix.
//! - [`TradeRules`]: valuation basis, VAT, low-value regime, fees, BRV and rounding, each cited.
//! - [`TradeDeclaration`] and [`assess_trade`]: per-line customs value, duty, excise, VAT, fees and
//!   totals in the destination currency, with the rule, source and arithmetic of every figure.
//! - [`parse_invoice_csv`]: invoice lines from CSV, every bad cell reported with row and column.
//! - [`TradeTemplate`]: repeat shipments.

mod assess;
mod csv_import;
mod csv_table;
mod declaration;
mod error;
mod filing;
pub mod rate_expr;
mod rules;
mod tariff;
mod template;

pub use assess::{assess_trade, FeeAssessment, LineAssessment, TradeAssessment, TradeTotals};
pub use csv_import::{parse_invoice_csv, MAX_INVOICE_BYTES, MAX_INVOICE_LINES};
pub use csv_table::{CsvError, CsvErrors, MAX_CELL_NUMBER, MAX_REPORTED_ERRORS};
pub use declaration::{
    Direction, Incoterm, TradeDeclaration, TradeLine, TradeParty, MAX_ADDRESS_CHARS,
    MAX_LINE_DESCRIPTION_CHARS, MAX_PARTY_NAME_CHARS, MAX_REFERENCE_CHARS, MAX_TRADE_LINES,
};
pub use error::TradeError;
pub use filing::{FiledFee, FiledLine, FiledTotals, TradeFiling, FILING_FORMAT};
pub use rate_expr::{parse_expr, EvalInput, Evaluation, ExprError, RateExpr, Unit};
pub use rules::{
    Basis, ClearanceFee, DatedAmount, DatedPercent, FeeBand, LowValue, LowValueDuty,
    LowValuePeriod, TradeRounding, TradeRules, Valuation, EMBEDDED_TRADE_RULES, MAX_RULES_BYTES,
};
pub use tariff::{Tariff, TariffLine, MAX_TARIFF_LINES, MAX_TARIFF_TEXT_CHARS};
pub use template::{
    LineFigures, TemplateLine, TemplateOverrides, TradeTemplate, MAX_TEMPLATE_NAME_CHARS,
};
