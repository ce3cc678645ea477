//! Reading and checking the HS CSV, then replacing the stored nomenclature.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use karvon_domain::Message;

use super::{HsImport, HsLevel};
use crate::store::Tx;
use crate::Error;

/// Largest HS file accepted, in bytes (the HS 2022 file is about 0.85 MB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Longest description accepted, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 1_000;

/// The exact header.
const HEADER: [&str; 5] = ["section", "hscode", "description", "parent", "level"];
/// The code of the synthetic grand-total row, and the parent of chapters.
const TOTAL: &str = "TOTAL";
/// Longest section name (Roman numerals up to `XXI`, or `TOTAL`).
const MAX_SECTION_CHARS: usize = 8;
/// Longest piece of a bad value quoted back in a message.
const QUOTE_CHARS: usize = 40;

/// A checked row.
#[derive(Debug)]
pub(super) struct Row {
    code: String,
    level: HsLevel,
    parent: Option<String>,
    section: String,
    description: String,
}

/// Reads and checks the whole file; nothing is stored.
pub(super) fn read(path: &Path) -> Result<Vec<Row>, Error> {
    let name = path.display().to_string();
    let bytes = read_bytes(path, &name)?;
    parse(&name, &bytes)
}

/// Replaces the stored nomenclature with `rows` and rebuilds the full-text index.
///
/// Rowids follow (level descending, code): subheadings first, each level in code order. The
/// search breaks bm25 ties by rowid, so it needs no join to rank.
pub(super) fn replace(tx: &mut Tx<'_>, rows: &[Row]) -> Result<HsImport, Error> {
    let mut order: Vec<&Row> = rows.iter().collect();
    order.sort_by(|a, b| b.level.cmp(&a.level).then_with(|| a.code.cmp(&b.code)));
    tx.execute("DELETE FROM hs_code", [])?;
    let mut counts = HsImport::default();
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO hs_code(rowid, code, level, parent, section, description)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        // Parents before children, as each insert checks the foreign key: `order` backwards.
        for (i, r) in order.iter().enumerate().rev() {
            insert.execute(rusqlite::params![
                i as i64 + 1,
                r.code,
                r.level.digits() as i64,
                r.parent,
                r.section,
                r.description
            ])?;
            match r.level {
                HsLevel::Chapter => counts.chapters += 1,
                HsLevel::Heading => counts.headings += 1,
                HsLevel::Subheading => counts.subheadings += 1,
            }
        }
    }
    tx.execute("INSERT INTO hs_fts(hs_fts) VALUES ('rebuild')", [])?;
    tx.execute("INSERT INTO hs_fts(hs_fts) VALUES ('optimize')", [])?;
    Ok(counts)
}

/// The file's bytes, refusing a file over [`MAX_FILE_BYTES`] before reading it.
fn read_bytes(path: &Path, name: &str) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io {
        path: name.to_owned(),
        source,
    };
    let too_large = || {
        Error::feed(
            name,
            "file",
            Message::new("input-too-large").int("limit", MAX_FILE_BYTES as i64),
        )
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or_default());
    // The file may grow after the size check: never read past the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Parses and checks the CSV text.
pub(super) fn parse(name: &str, bytes: &[u8]) -> Result<Vec<Row>, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows: Vec<Row> = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut header = false;
    let mut last_line = 0;
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(name, &e))?;
        let line = record.position().map_or(last_line + 1, |p| p.line());
        last_line = line;
        let at = |column: &str| format!("line {line}, {column}");
        if !header {
            if !record.iter().eq(HEADER) {
                let found = record.iter().collect::<Vec<_>>().join(",");
                return Err(Error::feed(
                    name,
                    format!("line {line}"),
                    Message::new("input-hs-header")
                        .text("expected", HEADER.join(","))
                        .text("found", quote(&found)),
                ));
            }
            header = true;
            continue;
        }
        if record.len() != HEADER.len() {
            return Err(Error::feed(
                name,
                format!("line {line}"),
                Message::new("input-hs-fields")
                    .int("count", record.len() as i64)
                    .int("expected", HEADER.len() as i64),
            ));
        }
        let (section, code, description, parent, level) =
            (&record[0], &record[1], &record[2], &record[3], &record[4]);
        if code == TOTAL {
            continue;
        }
        if section.is_empty()
            || section.chars().count() > MAX_SECTION_CHARS
            || !section.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return Err(Error::feed(
                name,
                at("section"),
                Message::new("input-hs-section").text("value", quote(section)),
            ));
        }
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::feed(
                name,
                at("hscode"),
                Message::new("input-hs-code-digits").text("code", quote(code)),
            ));
        }
        let level = match level.parse::<usize>().ok().and_then(HsLevel::from_digits) {
            Some(l) => l,
            None => {
                return Err(Error::feed(
                    name,
                    at("level"),
                    Message::new("input-hs-level").text("value", quote(level)),
                ))
            }
        };
        if code.len() != level.digits() {
            return Err(Error::feed(
                name,
                at("level"),
                Message::new("input-hs-level-mismatch")
                    .text("code", code)
                    .int("length", code.len() as i64)
                    .int("level", level.digits() as i64),
            ));
        }
        let expected = match level {
            HsLevel::Chapter => TOTAL,
            _ => &code[..level.digits() - 2],
        };
        let parent_ok = parent == expected || (level == HsLevel::Chapter && parent.is_empty());
        if !parent_ok {
            return Err(Error::feed(
                name,
                at("parent"),
                Message::new("input-hs-parent")
                    .text("parent", quote(parent))
                    .text("expected", expected),
            ));
        }
        let description = description.trim();
        if description.is_empty() {
            return Err(Error::feed(
                name,
                at("description"),
                Message::new("input-empty-text"),
            ));
        }
        let length = description.chars().count();
        if length > MAX_DESCRIPTION_CHARS {
            return Err(Error::feed(
                name,
                at("description"),
                Message::new("input-text-too-long")
                    .int("length", length as i64)
                    .int("max", MAX_DESCRIPTION_CHARS as i64),
            ));
        }
        if let Some(first) = seen.insert(code.to_owned(), line) {
            return Err(Error::feed(
                name,
                at("hscode"),
                Message::new("input-hs-duplicate")
                    .text("code", code)
                    .text("first", first.to_string()),
            ));
        }
        rows.push(Row {
            code: code.to_owned(),
            level,
            parent: (level != HsLevel::Chapter).then(|| expected.to_owned()),
            section: section.to_owned(),
            description: description.to_owned(),
        });
        lines.push(line);
    }
    if !header {
        return Err(Error::feed(name, "line 1", Message::new("input-hs-empty")));
    }
    if rows.is_empty() {
        return Err(Error::feed(
            name,
            format!("line {}", last_line + 1),
            Message::new("input-hs-empty"),
        ));
    }
    for (row, line) in rows.iter().zip(&lines) {
        if let Some(parent) = &row.parent {
            if !seen.contains_key(parent) {
                return Err(Error::feed(
                    name,
                    format!("line {line}, parent"),
                    Message::new("input-hs-parent-missing")
                        .text("parent", parent.clone())
                        .text("code", row.code.clone()),
                ));
            }
        }
    }
    Ok(rows)
}

/// A CSV reading error at its line.
fn csv_error(name: &str, e: &csv::Error) -> Error {
    let line = e.position().map_or(1, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => Message::new("input-hs-utf8"),
        _ => Message::new("input-hs-syntax").text("detail", e.to_string()),
    };
    Error::feed(name, format!("line {line}"), message)
}

/// A value quoted back to the user, cut to a readable length.
fn quote(value: &str) -> String {
    if value.chars().count() <= QUOTE_CHARS {
        value.to_owned()
    } else {
        let mut s: String = value.chars().take(QUOTE_CHARS).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (String, String) {
        match parse("f.csv", text.as_bytes()).unwrap_err() {
            Error::Feed { at, message, .. } => (at, message.id.into_owned()),
            other => panic!("expected a feed error, got {other:?}"),
        }
    }

    const HEAD: &str = "section,hscode,description,parent,level\n";

    #[test]
    fn accepts_bom_crlf_and_any_order() {
        let text = format!(
            "\u{feff}{}\r\nI,0101,\"Horses, live\",01,4\r\nI,01,Animals; live,TOTAL,2\r\n\
             TOTAL,TOTAL,Total,TOTAL,5\r\n",
            HEAD.trim_end()
        );
        let rows = parse("f.csv", text.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].description, "Horses, live");
        assert_eq!(rows[0].parent.as_deref(), Some("01"));
        assert_eq!(rows[1].parent, None);
    }

    #[test]
    fn places_each_error() {
        assert_eq!(err(""), ("line 1".into(), "input-hs-empty".into()));
        assert_eq!(err(HEAD), ("line 2".into(), "input-hs-empty".into()));
        assert_eq!(
            err("section,code,description,parent,level\n").1,
            "input-hs-header"
        );
        let cases = [
            ("I,01,A,TOTAL,2\nI,0101,\"B, c", "line 3", "input-hs-fields"),
            ("I,0x,A,TOTAL,2", "line 2, hscode", "input-hs-code-digits"),
            ("I,01,A,TOTAL,3", "line 2, level", "input-hs-level"),
            ("I,0101,A,01,2", "line 2, level", "input-hs-level-mismatch"),
            (
                "I,01,A,TOTAL,2\nI,0101,B,02,4",
                "line 3, parent",
                "input-hs-parent",
            ),
            (
                "I,01,A,TOTAL,2\nI,0201,B,02,4",
                "line 3, parent",
                "input-hs-parent-missing",
            ),
            (
                "I,01,A,TOTAL,2\nI,01,B,TOTAL,2",
                "line 3, hscode",
                "input-hs-duplicate",
            ),
            ("I,01, ,TOTAL,2", "line 2, description", "input-empty-text"),
            (",01,A,TOTAL,2", "line 2, section", "input-hs-section"),
        ];
        for (body, at, id) in cases {
            assert_eq!(
                err(&format!("{HEAD}{body}\n")),
                (at.into(), id.into()),
                "{body}"
            );
        }
        let long = "x".repeat(MAX_DESCRIPTION_CHARS + 1);
        assert_eq!(
            err(&format!("{HEAD}I,01,{long},TOTAL,2\n")).1,
            "input-text-too-long"
        );
        let mut bad = HEAD.as_bytes().to_vec();
        bad.extend_from_slice(b"I,01,\xff,TOTAL,2\n");
        match parse("f.csv", &bad).unwrap_err() {
            Error::Feed { at, message, .. } => {
                assert_eq!((at.as_str(), &*message.id), ("line 2", "input-hs-utf8"))
            }
            other => panic!("{other:?}"),
        }
    }
}
