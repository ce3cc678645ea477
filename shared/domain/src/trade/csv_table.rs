//! What the two trade CSV files share: errors with row and column, header reading with delimiter
//! detection, limits, and strict decimals.

use std::fmt;

use rust_decimal::Decimal;

use crate::message::Message;

use super::rate_expr::to_i64;

/// At most this many errors are kept in [`CsvErrors::errors`]; [`CsvErrors::total`] counts all.
pub const MAX_REPORTED_ERRORS: usize = 100;

/// One problem in a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// The row as a spreadsheet shows it: the header is row 1, the first data row is row 2
    /// (the line on which the record starts). 0 for the file as a whole.
    pub row: usize,
    /// The column's header name, when the problem is in one cell or column.
    pub column: Option<String>,
    /// What is wrong.
    pub message: Message,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.row, &self.column) {
            (0, None) => write!(f, "file: {}", self.message.id),
            (0, Some(c)) => write!(f, "column {c}: {}", self.message.id),
            (r, None) => write!(f, "row {r}: {}", self.message.id),
            (r, Some(c)) => write!(f, "row {r}, column {c}: {}", self.message.id),
        }
    }
}

/// Every problem found in a CSV file (the first [`MAX_REPORTED_ERRORS`], and how many in all).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{total} problem(s) in the file, first: {}", .errors.first().map(ToString::to_string).unwrap_or_default())]
pub struct CsvErrors {
    /// The first problems, in file order.
    pub errors: Vec<CsvError>,
    /// How many problems were found in all (more than `errors.len()` when some were left out).
    pub total: usize,
}

impl CsvErrors {
    /// A single problem with the whole file.
    pub fn file(message: Message) -> Self {
        Self {
            errors: vec![CsvError {
                row: 0,
                column: None,
                message,
            }],
            total: 1,
        }
    }

    /// A summary for users: how many problems, and how many are listed.
    pub fn summary(&self) -> Message {
        Message::new("trade-csv-summary")
            .int("total", to_i64(self.total))
            .int("shown", to_i64(self.errors.len()))
    }
}

/// Collects problems, keeping the first [`MAX_REPORTED_ERRORS`].
#[derive(Debug, Default)]
pub(crate) struct Collector {
    errors: Vec<CsvError>,
    total: usize,
}

impl Collector {
    pub(crate) fn push(&mut self, row: usize, column: Option<&str>, message: Message) {
        self.total += 1;
        if self.errors.len() < MAX_REPORTED_ERRORS {
            self.errors.push(CsvError {
                row,
                column: column.map(str::to_owned),
                message,
            });
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.total == 0
    }

    pub(crate) fn finish(self) -> Result<(), CsvErrors> {
        if self.total == 0 {
            Ok(())
        } else {
            Err(CsvErrors {
                errors: self.errors,
                total: self.total,
            })
        }
    }
}

/// A column a file may have.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    /// The header name (compared case-insensitively, spaces and `-` read as `_`).
    pub name: &'static str,
    /// Whether the column must be present.
    pub required: bool,
}

/// Where each known column is in the file.
#[derive(Debug)]
pub(crate) struct Header {
    pub delimiter: u8,
    /// For each known column (same order as given), its index in the record.
    pub index: Vec<Option<usize>>,
    /// The number of header cells.
    pub width: usize,
}

fn normalise(name: &str) -> String {
    name.trim()
        .trim_matches('"')
        .trim()
        .to_ascii_lowercase()
        .replace([' ', '-'], "_")
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "trade-delimiter-comma",
        b';' => "trade-delimiter-semicolon",
        b'\t' => "trade-delimiter-tab",
        b'|' => "trade-delimiter-pipe",
        _ => "trade-delimiter-space",
    }
}

/// Strips a UTF-8 byte-order mark.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads the header line: detects the delimiter among `,`, `;` and TAB (the one under which the
/// most known columns are found), maps the columns, and reports missing or repeated ones. When no
/// delimiter finds every required column and the header splits better on `|` or spaces, the
/// error says which delimiter the file seems to use.
pub(crate) fn read_header(text: &str, columns: &[Column]) -> Result<Header, CsvErrors> {
    let first = text.split('\n').next().unwrap_or("").trim_end_matches('\r');
    if first.trim().is_empty() {
        return Err(CsvErrors::file(Message::new("trade-csv-no-header")));
    }
    let known = |cells: &[String]| {
        columns
            .iter()
            .filter(|c| cells.iter().any(|h| *h == c.name))
            .count()
    };
    let split = |d: u8| -> Vec<String> {
        first
            .split(char::from(d))
            .map(normalise)
            .collect::<Vec<_>>()
    };
    let mut best: Option<(u8, usize)> = None;
    for d in [b',', b';', b'\t'] {
        let n = known(&split(d));
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((d, n));
        }
    }
    let (delimiter, _) = best.unwrap_or((b',', 0));
    let cells = split(delimiter);
    let mut errors = Collector::default();
    let mut index = vec![None; columns.len()];
    for (k, col) in columns.iter().enumerate() {
        let at: Vec<usize> = cells
            .iter()
            .enumerate()
            .filter(|(_, h)| **h == col.name)
            .map(|(i, _)| i)
            .collect();
        match at.as_slice() {
            [] => {}
            [i] => index[k] = Some(*i),
            _ => errors.push(
                1,
                Some(col.name),
                Message::new("trade-csv-column-twice").text("column", col.name),
            ),
        }
    }
    let missing: Vec<&str> = columns
        .iter()
        .zip(&index)
        .filter(|(c, i)| c.required && i.is_none())
        .map(|(c, _)| c.name)
        .collect();
    if !missing.is_empty() {
        let mut m = Message::new("trade-csv-missing-columns")
            .text("columns", missing.join(", "))
            .term("delimiter", delimiter_name(delimiter));
        // Does another delimiter explain it?
        let required = columns.iter().filter(|c| c.required).count();
        for other in [b'|', b' '] {
            let cells: Vec<String> = first
                .split(char::from(other))
                .filter(|s| !s.trim().is_empty())
                .map(normalise)
                .collect();
            let found = columns
                .iter()
                .filter(|c| c.required && cells.iter().any(|h| *h == c.name))
                .count();
            if found == required {
                m = Message::new("trade-csv-wrong-delimiter")
                    .text("columns", missing.join(", "))
                    .term("found", delimiter_name(other));
                break;
            }
        }
        errors.push(1, None, m);
    }
    errors.finish()?;
    Ok(Header {
        delimiter,
        index,
        width: cells.len(),
    })
}

/// Refuses a text with more than `max_lines` lines quickly, before parsing it: counts line
/// breaks and stops at the first one over the limit.
pub(crate) fn check_line_count(text: &str, max_lines: usize) -> Result<(), CsvErrors> {
    let mut lines = 0usize;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' && i + 1 < text.len() {
            lines += 1;
            if lines >= max_lines {
                return Err(CsvErrors::file(
                    Message::new("trade-csv-too-many-rows").int("max", to_i64(max_lines)),
                ));
            }
        }
    }
    Ok(())
}

/// Why a cell is not an acceptable decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecimalProblem {
    Empty,
    NotDecimal,
    DecimalComma,
    Negative,
    TooBig,
}

impl DecimalProblem {
    pub(crate) fn message(self, value: &str) -> Message {
        let shown: String = value.chars().take(24).collect();
        match self {
            DecimalProblem::Empty => Message::new("trade-csv-empty"),
            DecimalProblem::NotDecimal => {
                Message::new("trade-csv-not-decimal").text("value", shown)
            }
            DecimalProblem::DecimalComma => {
                Message::new("trade-csv-decimal-comma").text("value", shown)
            }
            DecimalProblem::Negative => Message::new("trade-csv-negative").text("value", shown),
            DecimalProblem::TooBig => Message::new("trade-csv-too-big").text("value", shown),
        }
    }
}

/// The largest number a cell may hold (10^12): beyond any real invoice, far inside `Decimal`.
pub const MAX_CELL_NUMBER: i64 = 1_000_000_000_000;

/// Reads a plain decimal (`12`, `12.5`, `0.125`): no sign, exponent, grouping, `NaN` or
/// infinity; at most 28 significant digits; at most [`MAX_CELL_NUMBER`].
pub(crate) fn strict_decimal(cell: &str) -> Result<Decimal, DecimalProblem> {
    let t = cell.trim();
    if t.is_empty() {
        return Err(DecimalProblem::Empty);
    }
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let plain = |s: &str| {
        let mut parts = s.splitn(2, '.');
        let int = parts.next().unwrap_or("");
        let frac = parts.next();
        !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
    };
    if !plain(body) {
        let comma = body.replacen(',', ".", 1);
        if body.matches(',').count() == 1 && !body.contains('.') && plain(&comma) {
            return Err(DecimalProblem::DecimalComma);
        }
        return Err(DecimalProblem::NotDecimal);
    }
    let value = Decimal::from_str_exact(body).map_err(|_| DecimalProblem::TooBig)?;
    if negative && !value.is_zero() {
        return Err(DecimalProblem::Negative);
    }
    if value > Decimal::from(MAX_CELL_NUMBER) {
        return Err(DecimalProblem::TooBig);
    }
    Ok(value)
}

/// Normalises an HS code: dots and spaces dropped. `Err` carries the digit count when it is not
/// `min..=max` ASCII digits (0 when there are other characters).
pub(crate) fn hs_digits(text: &str, min: usize, max: usize) -> Result<String, usize> {
    let code: String = text.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(0);
    }
    if (min..=max).contains(&code.len()) {
        Ok(code)
    } else {
        Err(code.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_decimals() {
        assert_eq!(strict_decimal(" 12.50 "), Ok(Decimal::new(1250, 2)));
        assert_eq!(strict_decimal("0"), Ok(Decimal::ZERO));
        assert_eq!(strict_decimal("1e400"), Err(DecimalProblem::NotDecimal));
        assert_eq!(strict_decimal("NaN"), Err(DecimalProblem::NotDecimal));
        assert_eq!(strict_decimal("inf"), Err(DecimalProblem::NotDecimal));
        assert_eq!(strict_decimal("12,5"), Err(DecimalProblem::DecimalComma));
        assert_eq!(strict_decimal("1,234.5"), Err(DecimalProblem::NotDecimal));
        assert_eq!(strict_decimal("-3"), Err(DecimalProblem::Negative));
        assert_eq!(strict_decimal("."), Err(DecimalProblem::NotDecimal));
        assert_eq!(strict_decimal("1."), Err(DecimalProblem::NotDecimal));
        assert_eq!(strict_decimal(""), Err(DecimalProblem::Empty));
        assert_eq!(strict_decimal(&"9".repeat(40)), Err(DecimalProblem::TooBig));
        assert_eq!(strict_decimal("1000000000001"), Err(DecimalProblem::TooBig));
    }

    #[test]
    fn hs_codes() {
        assert_eq!(hs_digits("6109.10 00", 6, 10), Ok("61091000".into()));
        assert_eq!(hs_digits("80111", 6, 10), Err(5));
        assert_eq!(hs_digits("61O9", 6, 10), Err(0));
    }
}
