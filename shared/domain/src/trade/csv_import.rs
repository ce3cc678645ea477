//! Importing invoice lines from CSV (format: `docs/invoice-csv.md`).
//!
//! Columns (header row required, any order, names case-insensitive, extra columns ignored):
//! `hs_code, description, origin, quantity, unit, net_kg, gross_kg, value, currency`, all
//! required. The delimiter (`,` `;` or TAB) is detected from the header; a UTF-8 BOM is dropped;
//! CRLF and quoted fields are read as usual. Every bad cell is reported with its row
//! (spreadsheet numbering: the header is row 1) and column; nothing is returned unless the whole
//! file is clean.

use rust_decimal::Decimal;

use crate::currency::Currency;
use crate::message::Message;

use super::csv_table::{
    check_line_count, hs_digits, read_header, strict_decimal, strip_bom, Collector, Column,
    CsvErrors,
};
use super::declaration::{description_problem, hs_message, origin_problem, TradeLine};
use super::rate_expr::{to_i64, Unit};
use super::tariff::to_usize;

/// Most lines in an invoice file: the header and 50,000 rows (a quoted line break counts as a
/// line). A longer file is refused before it is parsed.
pub const MAX_INVOICE_LINES: usize = 50_001;
/// Largest invoice file, in bytes (16 MiB).
pub const MAX_INVOICE_BYTES: usize = 16 * 1024 * 1024;

const COLUMNS: [Column; 9] = [
    Column {
        name: "hs_code",
        required: true,
    },
    Column {
        name: "description",
        required: true,
    },
    Column {
        name: "origin",
        required: true,
    },
    Column {
        name: "quantity",
        required: true,
    },
    Column {
        name: "unit",
        required: true,
    },
    Column {
        name: "net_kg",
        required: true,
    },
    Column {
        name: "gross_kg",
        required: true,
    },
    Column {
        name: "value",
        required: true,
    },
    Column {
        name: "currency",
        required: true,
    },
];

/// Reads invoice lines from CSV text; see the module documentation.
pub fn parse_invoice_csv(text: &str) -> Result<Vec<TradeLine>, CsvErrors> {
    let text = strip_bom(text);
    check_line_count(text, MAX_INVOICE_LINES)?;
    if text.len() > MAX_INVOICE_BYTES {
        return Err(CsvErrors::file(
            Message::new("trade-csv-too-large")
                .int("size", to_i64(text.len()))
                .int("max", to_i64(MAX_INVOICE_BYTES)),
        ));
    }
    let header = read_header(text, &COLUMNS)?;
    let mut errors = Collector::default();
    let mut lines = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(header.delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let row = e.position().map_or(0, |p| to_usize(p.line()));
                errors.push(row, None, Message::new("trade-csv-malformed"));
                // The reader cannot resynchronise after invalid UTF-8 or I/O errors.
                break;
            }
        }
        let row = record.position().map_or(0, |p| to_usize(p.line()));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != header.width {
            errors.push(
                row,
                None,
                Message::new("trade-csv-width")
                    .int("cells", to_i64(record.len()))
                    .int("expected", to_i64(header.width)),
            );
            continue;
        }
        if let Some(line) = read_line(&record, &header.index, row, &mut errors) {
            lines.push(line);
        }
    }
    if errors.is_empty() && lines.is_empty() {
        errors.push(0, None, Message::new("trade-csv-no-rows"));
    }
    errors.finish()?;
    Ok(lines)
}

fn read_line(
    record: &csv::StringRecord,
    index: &[Option<usize>],
    row: usize,
    errors: &mut Collector,
) -> Option<TradeLine> {
    let cell = |k: usize| index[k].and_then(|i| record.get(i)).unwrap_or("").trim();
    let mut clean = true;
    let mut bad = |k: usize, m: Message| {
        clean = false;
        errors.push(row, Some(COLUMNS[k].name), m);
    };
    let hs_code = match hs_digits(cell(0), 6, 10) {
        Ok(hs) => Some(hs),
        Err(_) if cell(0).is_empty() => {
            bad(0, Message::new("trade-csv-empty"));
            None
        }
        Err(n) => {
            bad(0, hs_message(cell(0), n));
            None
        }
    };
    let description = cell(1).to_owned();
    if let Some(m) = description_problem(&description) {
        bad(1, m);
    }
    let origin = cell(2).to_ascii_uppercase();
    if let Some(m) = origin_problem(&origin) {
        bad(2, m);
    }
    let mut number = |k: usize, positive: bool| -> Option<Decimal> {
        match strict_decimal(cell(k)) {
            Ok(v) if positive && v.is_zero() => {
                bad(k, Message::new("trade-not-positive"));
                None
            }
            Ok(v) => Some(v),
            Err(p) => {
                bad(k, p.message(cell(k)));
                None
            }
        }
    };
    let quantity = number(3, true);
    let net_kg = number(5, true);
    let gross_kg = number(6, false);
    let value = number(7, true);
    if let (Some(net), Some(gross)) = (net_kg, gross_kg) {
        if gross < net {
            bad(
                6,
                Message::new("trade-gross-below-net")
                    .number("gross", gross)
                    .number("net", net),
            );
        }
    }
    let unit = match Unit::parse(cell(4)) {
        Some(u) => Some(u),
        None if cell(4).is_empty() => {
            bad(4, Message::new("trade-csv-empty"));
            None
        }
        None => {
            bad(4, Message::new("trade-csv-unit").text("value", cell(4)));
            None
        }
    };
    let currency = match Currency::from_code(&cell(8).to_ascii_uppercase()) {
        Ok(c) => Some(c),
        Err(_) if cell(8).is_empty() => {
            bad(8, Message::new("trade-csv-empty"));
            None
        }
        Err(_) => {
            bad(8, Message::new("trade-csv-currency").text("value", cell(8)));
            None
        }
    };
    if !clean {
        return None;
    }
    Some(TradeLine {
        hs_code: hs_code?,
        description,
        origin,
        quantity: quantity?,
        unit: unit?,
        net_kg: net_kg?,
        gross_kg: gross_kg?,
        value: value?,
        currency: currency?,
    })
}
