//! The trader tariff file: per jurisdiction, dated rows of HS code (or prefix), duty, excise and
//! VAT, each with its source and confidence. The format is documented in `docs/tariff-file.md`.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::message::Message;
use crate::pack::Confidence;

use super::csv_table::{
    check_line_count, hs_digits, read_header, strict_decimal, strip_bom, Collector, Column,
    CsvErrors,
};
use super::rate_expr::{parse_expr, RateExpr};

/// Most lines in a tariff file (header included).
pub const MAX_TARIFF_LINES: usize = 100_001;
/// Longest description, source or note in a tariff row, in characters.
pub const MAX_TARIFF_TEXT_CHARS: usize = 500;

const COLUMNS: [Column; 10] = [
    Column {
        name: "hs",
        required: true,
    },
    Column {
        name: "description",
        required: true,
    },
    Column {
        name: "duty",
        required: true,
    },
    Column {
        name: "excise",
        required: false,
    },
    Column {
        name: "vat",
        required: false,
    },
    Column {
        name: "source",
        required: true,
    },
    Column {
        name: "valid_from",
        required: true,
    },
    Column {
        name: "valid_to",
        required: false,
    },
    Column {
        name: "confidence",
        required: true,
    },
    Column {
        name: "note",
        required: false,
    },
];

/// One row of a tariff: the rates for an HS code or prefix over a validity period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TariffLine {
    /// The HS code or prefix (2 to 10 digits) the row applies to.
    pub hs: String,
    /// The goods (verbatim from the file).
    pub description: String,
    /// The customs duty.
    pub duty: RateExpr,
    /// The excise, if any.
    pub excise: Option<RateExpr>,
    /// The VAT rate in percent; absent: the rules' default.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub vat_percent: Option<Decimal>,
    /// Where the rates can be checked (a URL).
    pub source: String,
    /// First day the row applies.
    pub valid_from: Date,
    /// Last day the row applies (inclusive); absent: open-ended.
    pub valid_to: Option<Date>,
    /// How sure the research is.
    pub confidence: Confidence,
    /// A maintainer note (verbatim).
    pub note: Option<String>,
    /// The row in the file (spreadsheet numbering), for explanations.
    pub row: usize,
}

impl TariffLine {
    /// Whether the row applies on `date`.
    pub fn valid_on(&self, date: Date) -> bool {
        self.valid_from <= date && self.valid_to.is_none_or(|to| date <= to)
    }
}

/// A jurisdiction's tariff, indexed by prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tariff {
    /// The jurisdiction (`UZ`, `EU` …), upper case.
    pub jurisdiction: String,
    lines: Vec<TariffLine>,
    by_prefix: HashMap<String, Vec<usize>>,
}

impl Tariff {
    /// Reads a tariff file, reporting every bad row and column at once.
    ///
    /// Checks: the header (delimiter `,` `;` or TAB detected), HS prefixes of 2–10 digits, rate
    /// expressions, VAT percent, dates (`valid_to` not before `valid_from`), confidence, text
    /// lengths, and that no two rows for the same prefix overlap in time.
    pub fn parse(jurisdiction: &str, text: &str) -> Result<Tariff, CsvErrors> {
        let code = jurisdiction.trim().to_ascii_uppercase();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(CsvErrors::file(
                Message::new("trade-jurisdiction")
                    .text("value", jurisdiction.chars().take(16).collect::<String>()),
            ));
        }
        let text = strip_bom(text);
        check_line_count(text, MAX_TARIFF_LINES)?;
        let header = read_header(text, &COLUMNS)?;
        let mut errors = Collector::default();
        let mut lines = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(header.delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        for result in reader.records() {
            let record = match result {
                Ok(r) => r,
                Err(e) => {
                    let row = e.position().map_or(0, |p| to_usize(p.line()));
                    errors.push(row, None, Message::new("trade-csv-malformed"));
                    continue;
                }
            };
            let row = record.position().map_or(0, |p| to_usize(p.line()));
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if record.len() != header.width {
                errors.push(
                    row,
                    None,
                    Message::new("trade-csv-width")
                        .int("cells", i64::try_from(record.len()).unwrap_or(i64::MAX))
                        .int("expected", i64::try_from(header.width).unwrap_or(i64::MAX)),
                );
                continue;
            }
            let cell = |k: usize| {
                header.index[k]
                    .and_then(|i| record.get(i))
                    .unwrap_or("")
                    .trim()
            };
            let mut bad = |column: &str, message: Message| errors.push(row, Some(column), message);
            let hs = match hs_digits(cell(0), 2, 10) {
                Ok(hs) => Some(hs),
                Err(_) if cell(0).is_empty() => {
                    bad("hs", Message::new("trade-csv-empty"));
                    None
                }
                Err(n) => {
                    bad(
                        "hs",
                        Message::new("tariff-hs-prefix")
                            .text("value", cell(0))
                            .int("digits", i64::try_from(n).unwrap_or(0)),
                    );
                    None
                }
            };
            let mut text_cell = |k: usize, required: bool| -> Option<String> {
                let v = cell(k);
                let name = COLUMNS[k].name;
                if v.is_empty() {
                    if required {
                        bad(name, Message::new("trade-csv-empty"));
                    }
                    return None;
                }
                let n = v.chars().count();
                if n > MAX_TARIFF_TEXT_CHARS {
                    bad(
                        name,
                        Message::new("trade-text-too-long")
                            .int("length", i64::try_from(n).unwrap_or(i64::MAX))
                            .int("max", i64::try_from(MAX_TARIFF_TEXT_CHARS).unwrap_or(0)),
                    );
                    return None;
                }
                Some(v.to_owned())
            };
            let description = text_cell(1, true);
            let source = text_cell(5, true);
            let note = text_cell(9, false);
            let mut expr = |k: usize| -> Option<Option<RateExpr>> {
                let v = cell(k);
                if v.is_empty() {
                    if COLUMNS[k].required {
                        bad(COLUMNS[k].name, Message::new("trade-csv-empty"));
                        return None;
                    }
                    return Some(None);
                }
                match parse_expr(v) {
                    Ok(e) => Some(Some(e)),
                    Err(e) => {
                        bad(COLUMNS[k].name, e.message());
                        None
                    }
                }
            };
            let duty = expr(2);
            let excise = expr(3);
            let vat = match cell(4) {
                "" => Some(None),
                v => match strict_decimal(v.trim_end_matches('%')) {
                    Ok(p) if p <= Decimal::ONE_HUNDRED => Some(Some(p)),
                    Ok(_) => {
                        bad("vat", Message::new("tariff-vat-range").text("value", v));
                        None
                    }
                    Err(p) => {
                        bad("vat", p.message(v));
                        None
                    }
                },
            };
            let mut date = |k: usize| -> Option<Option<Date>> {
                let v = cell(k);
                if v.is_empty() {
                    if COLUMNS[k].required {
                        bad(COLUMNS[k].name, Message::new("trade-csv-empty"));
                        return None;
                    }
                    return Some(None);
                }
                match v.parse::<Date>() {
                    Ok(d) => Some(Some(d)),
                    Err(_) => {
                        bad(
                            COLUMNS[k].name,
                            Message::new("trade-csv-date").text("value", v),
                        );
                        None
                    }
                }
            };
            let valid_from = date(6);
            let valid_to = date(7);
            let confidence = match cell(8).to_ascii_lowercase().as_str() {
                "confirmed" => Some(Confidence::Confirmed),
                "secondary" => Some(Confidence::Secondary),
                "unconfirmed" => Some(Confidence::Unconfirmed),
                "conflict" => Some(Confidence::Conflict),
                "" => {
                    bad("confidence", Message::new("trade-csv-empty"));
                    None
                }
                _ => {
                    bad(
                        "confidence",
                        Message::new("tariff-confidence").text("value", cell(8)),
                    );
                    None
                }
            };
            if let (Some(Some(from)), Some(Some(to))) = (valid_from, valid_to) {
                if to < from {
                    bad(
                        "valid_to",
                        Message::new("tariff-dates-reversed")
                            .date("from", from)
                            .date("to", to),
                    );
                    continue;
                }
            }
            if let (
                Some(hs),
                Some(description),
                Some(Some(duty)),
                Some(excise),
                Some(vat_percent),
                Some(source),
                Some(Some(valid_from)),
                Some(valid_to),
                Some(confidence),
            ) = (
                hs,
                description,
                duty,
                excise,
                vat,
                source,
                valid_from,
                valid_to,
                confidence,
            ) {
                lines.push(TariffLine {
                    hs,
                    description,
                    duty,
                    excise,
                    vat_percent,
                    source,
                    valid_from,
                    valid_to,
                    confidence,
                    note,
                    row,
                });
            }
        }
        if errors.is_empty() && lines.is_empty() {
            errors.push(0, None, Message::new("trade-csv-no-rows"));
        }
        let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, line) in lines.iter().enumerate() {
            let same = by_prefix.entry(line.hs.clone()).or_default();
            if let Some(&j) = same.iter().find(|&&j| overlaps(&lines[j], line)) {
                errors.push(
                    line.row,
                    Some("valid_from"),
                    Message::new("tariff-overlap")
                        .text("hs", line.hs.clone())
                        .int("other", i64::try_from(lines[j].row).unwrap_or(0)),
                );
            }
            same.push(i);
        }
        errors.finish()?;
        Ok(Tariff {
            jurisdiction: code,
            lines,
            by_prefix,
        })
    }

    /// The row for an HS code on a date: the longest prefix of `hs` (dots and spaces ignored)
    /// with a row valid on the date.
    pub fn lookup(&self, hs: &str, date: Date) -> Option<&TariffLine> {
        let code: String = hs.chars().filter(|c| c.is_ascii_digit()).collect();
        (2..=code.len().min(10)).rev().find_map(|n| {
            self.by_prefix.get(&code[..n]).and_then(|rows| {
                rows.iter()
                    .map(|&i| &self.lines[i])
                    .find(|l| l.valid_on(date))
            })
        })
    }

    /// Every row, in file order.
    pub fn lines(&self) -> &[TariffLine] {
        &self.lines
    }
}

fn overlaps(a: &TariffLine, b: &TariffLine) -> bool {
    b.valid_to.is_none_or(|b_end| a.valid_from <= b_end)
        && a.valid_to.is_none_or(|a_end| b.valid_from <= a_end)
}

pub(crate) fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "hs,description,duty,vat,source,valid_from,valid_to,confidence\n\
        61,Apparel (knitted),10%,20,https://example.org/a,2020-01-01,,secondary\n\
        6105,Shirts,12%,20,https://example.org/b,2020-01-01,2025-12-31,secondary\n\
        6105,Shirts,8%,20,https://example.org/c,2026-01-01,,secondary\n\
        610510,Cotton shirts,max(12%; 1 EUR/pcs),,https://example.org/d,2026-03-01,,unconfirmed\n";

    #[test]
    fn longest_prefix_valid_on_the_date() {
        let t = Tariff::parse("eu", FILE).unwrap();
        assert_eq!(t.jurisdiction, "EU");
        let on = |hs: &str, date: &str| {
            t.lookup(hs, date.parse().unwrap())
                .map(|l| (l.hs.clone(), l.duty.to_string()))
        };
        assert_eq!(
            on("6105.10.00", "2026-03-01"),
            Some(("610510".into(), "max(12%; 1 EUR/pcs)".into()))
        );
        // Before the 6-digit row starts, the 4-digit row of that period applies.
        assert_eq!(
            on("610510", "2026-02-28"),
            Some(("6105".into(), "8%".into()))
        );
        assert_eq!(
            on("610510", "2025-12-31"),
            Some(("6105".into(), "12%".into()))
        );
        assert_eq!(
            on("610990", "2026-03-01"),
            Some(("61".into(), "10%".into()))
        );
        assert_eq!(on("620610", "2026-03-01"), None);
        assert_eq!(on("610510", "2019-12-31"), None);
    }

    #[test]
    fn overlapping_rows_are_refused() {
        let bad = "hs,description,duty,source,valid_from,valid_to,confidence\n\
            6105,Shirts,12%,u,2020-01-01,2026-06-30,secondary\n\
            6105,Shirts,8%,u,2026-01-01,,secondary\n";
        let e = Tariff::parse("EU", bad).unwrap_err();
        assert_eq!(e.total, 1);
        assert_eq!(e.errors[0].row, 3);
        assert_eq!(e.errors[0].message.id, "tariff-overlap");
    }
}
