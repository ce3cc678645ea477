//! Turning what the user typed into a safe FTS5 expression or a code prefix, and the queries.

use karvon_domain::Message;
use rusqlite::{Connection, OptionalExtension, Row};

use super::{HsEntry, HsHit, HsLevel, HsNode};
use crate::Error;

/// Longest search text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most hits one search returns.
pub const MAX_LIMIT: usize = 100;

/// Digits of a subheading: longer (national) codes are cut to this.
const HS_DIGITS: usize = 6;

/// A parsed search.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Query {
    /// Nothing to search for.
    Empty,
    /// Codes starting with these digits.
    Code(String),
    /// An FTS5 expression built only from quoted words.
    Text(String),
}

/// Parses a search text. Never produces FTS5 syntax from the user's characters: every word is
/// a run of letters, digits and combining marks, written inside double quotes.
pub(super) fn parse(query: &str) -> Result<Query, Error> {
    let length = query.chars().count();
    if length > MAX_QUERY_CHARS {
        return Err(Error::input(
            "query",
            Message::new("input-text-too-long")
                .int("length", length as i64)
                .int("max", MAX_QUERY_CHARS as i64),
        ));
    }
    let query = query.trim();
    if query.is_empty() {
        return Ok(Query::Empty);
    }
    if query.bytes().any(|b| b.is_ascii_digit())
        && query
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b' ')
    {
        let mut digits: String = query.chars().filter(char::is_ascii_digit).collect();
        digits.truncate(HS_DIGITS);
        return Ok(Query::Code(digits));
    }
    let words: Vec<&str> = query
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Ok(Query::Empty);
    }
    // Each word matches whole or as a prefix; the whole-word phrase adds to bm25 so exact words
    // rank above mere prefixes. Words contain no `"`, so quoting needs no escaping.
    let expr = words
        .iter()
        .map(|w| format!("(\"{w}\" OR \"{w}\"*)"))
        .collect::<Vec<_>>()
        .join(" AND ");
    Ok(Query::Text(expr))
}

/// Part of a word: what the unicode61 tokenizer keeps (letters, digits, combining marks).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c,
            '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}')
}

/// Normalises a code to look up: dots and spaces dropped, 2, 4 or 6 digits, or 8 to 10 digits
/// of a national code cut to its subheading.
pub(super) fn lookup_code(code: &str) -> Result<String, Error> {
    let digits: String = code
        .trim()
        .chars()
        .filter(|c| *c != '.' && *c != ' ')
        .collect();
    let ok =
        digits.bytes().all(|b| b.is_ascii_digit()) && matches!(digits.len(), 2 | 4 | 6 | 8..=10);
    if !ok {
        return Err(Error::input("code", Message::new("input-hs-lookup-code")));
    }
    Ok(digits[..digits.len().min(HS_DIGITS)].to_owned())
}

/// The columns every hit reads: the code, then its chapter and heading (NULL when they are the
/// code itself).
const HIT_COLUMNS: &str = "h.code, h.level, h.section, h.description,
       ch.code, ch.description, hd.code, hd.description";
/// Joins that bring the chapter and heading of `h`.
const CHAIN_JOINS: &str = "LEFT JOIN hs_code ch ON h.level > 2 AND ch.code = substr(h.code, 1, 2)
     LEFT JOIN hs_code hd ON h.level > 4 AND hd.code = substr(h.code, 1, 4)";

/// Runs a search.
pub(super) fn search(conn: &Connection, query: &Query, limit: usize) -> Result<Vec<HsHit>, Error> {
    let limit = limit as i64;
    let hits = match query {
        Query::Empty => Vec::new(),
        Query::Code(prefix) => {
            // Every code starting with `prefix` sorts in [prefix, prefix + ':'): ':' follows '9'.
            let sql = format!(
                "SELECT {HIT_COLUMNS} FROM hs_code h {CHAIN_JOINS}
                 WHERE h.code >= ?1 AND h.code < ?2 ORDER BY h.code LIMIT ?3"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows =
                stmt.query_map(rusqlite::params![prefix, format!("{prefix}:"), limit], hit)?;
            rows.collect::<Result<_, _>>()?
        }
        Query::Text(expr) => {
            // Rank on the index alone (bm25, then rowid, which follows level descending and
            // code), and join the table and the chain only for the hits kept.
            let sql = format!(
                "WITH top AS (
                     SELECT rowid AS id, bm25(hs_fts) AS score FROM hs_fts
                     WHERE hs_fts MATCH ?1 ORDER BY score, rowid LIMIT ?2)
                 SELECT {HIT_COLUMNS}
                 FROM top JOIN hs_code h ON h.rowid = top.id {CHAIN_JOINS}
                 ORDER BY top.score, top.id"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params![expr, limit], hit)?;
            rows.collect::<Result<_, _>>()?
        }
    };
    Ok(hits)
}

/// One code with its chain and children.
pub(super) fn lookup(conn: &Connection, code: &str) -> Result<Option<HsEntry>, Error> {
    let sql = format!("SELECT {HIT_COLUMNS} FROM hs_code h {CHAIN_JOINS} WHERE h.code = ?1");
    let Some(found) = conn
        .prepare_cached(&sql)?
        .query_row([code], hit)
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare_cached("SELECT code, description FROM hs_code WHERE parent = ?1 ORDER BY code")?;
    let children = stmt
        .query_map([code], |r| {
            Ok(HsNode {
                code: r.get(0)?,
                description: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some(HsEntry {
        code: found.code,
        level: found.level,
        section: found.section,
        description: found.description,
        chain: found.chain,
        children,
    }))
}

/// How many codes are stored.
pub(super) fn count(conn: &Connection) -> Result<usize, Error> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM hs_code")?
        .query_row([], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or_default())
}

/// A hit from a row of [`HIT_COLUMNS`].
fn hit(r: &Row<'_>) -> rusqlite::Result<HsHit> {
    let code: String = r.get(0)?;
    let digits: i64 = r.get(1)?;
    let level = usize::try_from(digits)
        .ok()
        .and_then(HsLevel::from_digits)
        .ok_or_else(|| rusqlite::Error::IntegralValueOutOfRange(1, digits))?;
    let description: String = r.get(3)?;
    let mut chain = Vec::with_capacity(3);
    for (c, d) in [(4, 5), (6, 7)] {
        if let Some(code) = r.get::<_, Option<String>>(c)? {
            chain.push(HsNode {
                code,
                description: r.get(d)?,
            });
        }
    }
    chain.push(HsNode {
        code: code.clone(),
        description: description.clone(),
    });
    Ok(HsHit {
        code,
        level,
        section: r.get(2)?,
        description,
        chain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_words_and_syntax() {
        assert_eq!(parse("  ").unwrap(), Query::Empty);
        assert_eq!(parse("\"*(-:").unwrap(), Query::Empty);
        assert_eq!(parse("8517.13").unwrap(), Query::Code("851713".into()));
        assert_eq!(
            parse("8517 13 00 000").unwrap(),
            Query::Code("851713".into())
        );
        assert_eq!(
            parse("smartph").unwrap(),
            Query::Text("(\"smartph\" OR \"smartph\"*)".into())
        );
        assert_eq!(
            parse("NEAR(\"a\"* b:c").unwrap(),
            Query::Text(
                "(\"NEAR\" OR \"NEAR\"*) AND (\"a\" OR \"a\"*) AND (\"b\" OR \"b\"*) AND (\"c\" OR \"c\"*)"
                    .into()
            )
        );
        assert_eq!(
            parse("cafe\u{301}").unwrap(),
            Query::Text("(\"cafe\u{301}\" OR \"cafe\u{301}\"*)".into())
        );
        assert!(parse(&"a".repeat(MAX_QUERY_CHARS)).is_ok());
        assert!(parse(&"a".repeat(MAX_QUERY_CHARS + 1)).is_err());
    }

    #[test]
    fn normalises_lookup_codes() {
        assert_eq!(lookup_code("8517.13").unwrap(), "851713");
        assert_eq!(lookup_code("01").unwrap(), "01");
        assert_eq!(lookup_code("8517130000").unwrap(), "851713");
        for bad in ["", "8", "851", "8517x", "12345678901", "８５"] {
            assert!(lookup_code(bad).is_err(), "{bad}");
        }
    }
}
