//! HS 2022 nomenclature offline: import and full-text search.
//!
//! The nomenclature is imported from the UN Comtrade CSV (`section,hscode,description,parent,
//! level`) into `hs_code`, indexed by the external-content FTS5 table `hs_fts` (unicode61,
//! diacritics removed). An import replaces the whole table in one transaction.
//!
//! Search ranking: a query that is only digits (dots and spaces allowed, `8517.13`) is a code
//! prefix look-up, ordered by code. Any other query is split into words; every word must match
//! (AND), either as a whole word or as the start of one (`smartph` finds `smartphones`), case
//! and diacritics ignored. Hits are ordered by bm25, where a whole-word match scores above a
//! prefix-only match and short descriptions score above long ones; equal scores put
//! subheadings (the 6-digit level a declaration needs) before headings and chapters, then
//! order by code.

mod import;
mod query;

use std::path::Path;

use serde::Serialize;

use crate::{Error, Karvon};

pub use import::{MAX_DESCRIPTION_CHARS, MAX_FILE_BYTES};
pub use query::{MAX_LIMIT, MAX_QUERY_CHARS};

/// A level of the nomenclature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HsLevel {
    /// A 2-digit chapter (`85`).
    Chapter,
    /// A 4-digit heading (`8517`).
    Heading,
    /// A 6-digit subheading (`851713`).
    Subheading,
}

impl HsLevel {
    /// The number of digits of a code at this level: 2, 4 or 6.
    pub fn digits(self) -> usize {
        match self {
            HsLevel::Chapter => 2,
            HsLevel::Heading => 4,
            HsLevel::Subheading => 6,
        }
    }

    /// The level whose codes have `digits` digits.
    pub fn from_digits(digits: usize) -> Option<Self> {
        match digits {
            2 => Some(HsLevel::Chapter),
            4 => Some(HsLevel::Heading),
            6 => Some(HsLevel::Subheading),
            _ => None,
        }
    }
}

/// What an import stored, per level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct HsImport {
    /// 2-digit chapters.
    pub chapters: usize,
    /// 4-digit headings.
    pub headings: usize,
    /// 6-digit subheadings.
    pub subheadings: usize,
}

impl HsImport {
    /// Every code stored.
    pub fn total(&self) -> usize {
        self.chapters + self.headings + self.subheadings
    }
}

/// A code and its description, as a step of a chain or a child.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HsNode {
    /// The code (digits, leading zeros kept).
    pub code: String,
    /// Its description.
    pub description: String,
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HsHit {
    /// The code (digits, leading zeros kept).
    pub code: String,
    /// Its level.
    pub level: HsLevel,
    /// Its section as given in the file (Roman numeral; `TOTAL` for chapter 99).
    pub section: String,
    /// Its description.
    pub description: String,
    /// From the chapter down to this code itself: `85` → `8517` → `851713`.
    pub chain: Vec<HsNode>,
}

/// One code with its ancestors and children.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HsEntry {
    /// The code (digits, leading zeros kept).
    pub code: String,
    /// Its level.
    pub level: HsLevel,
    /// Its section as given in the file.
    pub section: String,
    /// Its description.
    pub description: String,
    /// From the chapter down to this code itself.
    pub chain: Vec<HsNode>,
    /// The codes one level below, ordered by code (none for a subheading).
    pub children: Vec<HsNode>,
}

/// An HS file parsed and checked whole from bytes (a distribution bundle's content), ready to
/// replace the stored nomenclature.
#[derive(Debug)]
pub(crate) struct CheckedHs(Vec<import::Row>);

impl CheckedHs {
    /// Parses `bytes` exactly as [`Karvon::import_hs`] parses a file.
    pub(crate) fn parse(name: &str, bytes: &[u8]) -> Result<Self, Error> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(Error::feed(
                name,
                "file",
                karvon_domain::Message::new("input-too-large").int("limit", MAX_FILE_BYTES as i64),
            ));
        }
        Ok(Self(import::parse(name, bytes)?))
    }

    /// Codes in the file.
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// Replaces the stored nomenclature.
    pub(crate) fn replace(&self, tx: &mut crate::store::Tx<'_>) -> Result<HsImport, Error> {
        import::replace(tx, &self.0)
    }
}

impl Karvon {
    /// Imports the HS nomenclature from a CSV file (`section,hscode,description,parent,level`),
    /// replacing the stored one in a single transaction.
    ///
    /// Every row is checked first (header, level 2/4/6, code digits matching the level, parent
    /// being the code's prefix and present, description of 1 to [`MAX_DESCRIPTION_CHARS`]
    /// characters); the `TOTAL` row is skipped. A file over [`MAX_FILE_BYTES`] is refused
    /// before it is read. On any error nothing changes.
    pub fn import_hs(&self, path: &Path) -> Result<HsImport, Error> {
        let store = self.store()?;
        let rows = import::read(path)?;
        store.write(|tx| {
            let counts = import::replace(tx, &rows)?;
            crate::dist::note_local_hs(tx, &path.display().to_string())?;
            Ok(counts)
        })
    }

    /// Searches the nomenclature: up to `limit` hits (clamped to `1..=`[`MAX_LIMIT`]).
    ///
    /// Digits (with dots or spaces, `8517.13`) look up codes by prefix, in code order; national
    /// codes longer than 6 digits are cut to their HS subheading. Other text matches
    /// descriptions: every word, whole or as a prefix, ranked as described in the
    /// [module documentation](self). A blank query finds nothing; one longer than
    /// [`MAX_QUERY_CHARS`] characters is an input error.
    pub fn hs_search(&self, query: &str, limit: usize) -> Result<Vec<HsHit>, Error> {
        let parsed = query::parse(query)?;
        let limit = limit.clamp(1, MAX_LIMIT);
        match parsed {
            query::Query::Empty => Ok(Vec::new()),
            parsed => self
                .store()?
                .read(|conn| query::search(conn, &parsed, limit)),
        }
    }

    /// One code (2, 4 or 6 digits, dots allowed; an 8- to 10-digit national code means its
    /// 6-digit subheading) with its chain and children, or `None` if it is not stored.
    pub fn hs_lookup(&self, code: &str) -> Result<Option<HsEntry>, Error> {
        let code = query::lookup_code(code)?;
        self.store()?.read(|conn| query::lookup(conn, &code))
    }

    /// How many codes are stored (0 before the first import).
    pub fn hs_count(&self) -> Result<usize, Error> {
        self.store()?.read(query::count)
    }
}
