//! The embedded fonts: DejaVu Sans Condensed, regular and bold, from the `dejavu` crate.
//!
//! The build script stores them zlib-compressed (about 0.66 MB instead of 1.35 MB in every
//! library that links the renderer); each face is inflated once, on first use, and kept for
//! the life of the process.
//!
//! DejaVu covers Latin (with the Uzbek `ʻ`, U+02BB) and Cyrillic (with the Uzbek Cyrillic
//! letters). Its licence (Bitstream Vera terms, DejaVu changes in the public domain) allows
//! embedding the fonts in documents. Widths are kept in thousandths of an em, rounded, the
//! unit a PDF `W` array uses, so measured text and printed text advance alike.

use std::sync::OnceLock;

use miniz_oxide::inflate::decompress_to_vec_zlib_with_limit;
use ttf_parser::{Face, GlyphId};

include!(concat!(env!("OUT_DIR"), "/fonts.rs"));

/// The regular face, zlib-compressed by the build script.
const REGULAR_Z: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/regular.ttf.z"));
/// The bold face, zlib-compressed by the build script.
const BOLD_Z: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bold.ttf.z"));

/// The inflated regular face (`None` if the embedded bytes were damaged).
static REGULAR: OnceLock<Option<Vec<u8>>> = OnceLock::new();
/// The inflated bold face (`None` if the embedded bytes were damaged).
static BOLD: OnceLock<Option<Vec<u8>>> = OnceLock::new();

/// Inflates an embedded face, which must come out exactly `len` bytes long.
fn inflate(packed: &[u8], len: usize) -> Option<Vec<u8>> {
    decompress_to_vec_zlib_with_limit(packed, len)
        .ok()
        .filter(|data| data.len() == len)
}

/// Which of the two embedded faces a text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Weight {
    /// DejaVu Sans Condensed.
    Regular,
    /// DejaVu Sans Condensed Bold.
    Bold,
}

impl Weight {
    /// Both weights, in the order their fonts are written.
    pub(crate) const ALL: [Weight; 2] = [Weight::Regular, Weight::Bold];

    /// The resource name in page dictionaries.
    pub(crate) fn resource(self) -> &'static [u8] {
        match self {
            Weight::Regular => b"F1",
            Weight::Bold => b"F2",
        }
    }

    /// The PostScript name of the face.
    pub(crate) fn postscript_name(self) -> &'static str {
        match self {
            Weight::Regular => "DejaVuSansCondensed",
            Weight::Bold => "DejaVuSansCondensed-Bold",
        }
    }

    /// The font file bytes, inflated on first use; `None` only if the embedded copy is damaged.
    pub(crate) fn data(self) -> Option<&'static [u8]> {
        let (cell, packed, len) = match self {
            Weight::Regular => (&REGULAR, REGULAR_Z, REGULAR_LEN),
            Weight::Bold => (&BOLD, BOLD_Z, BOLD_LEN),
        };
        cell.get_or_init(|| inflate(packed, len)).as_deref()
    }
}

/// One parsed face and its metrics in thousandths of an em.
#[derive(Debug)]
pub(crate) struct Font {
    face: Face<'static>,
    units_per_em: i64,
}

/// Both faces.
#[derive(Debug)]
pub(crate) struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    /// Parses the embedded faces; `None` only if the bundled files were damaged.
    pub(crate) fn load() -> Option<Self> {
        Some(Self {
            regular: Font::parse(Weight::Regular)?,
            bold: Font::parse(Weight::Bold)?,
        })
    }

    /// The face of a weight.
    pub(crate) fn get(&self, weight: Weight) -> &Font {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

impl Font {
    fn parse(weight: Weight) -> Option<Self> {
        let face = Face::parse(weight.data()?, 0).ok()?;
        let units_per_em = i64::from(face.units_per_em());
        (units_per_em > 0).then_some(Self { face, units_per_em })
    }

    /// Font units to thousandths of an em, rounded half away from zero.
    pub(crate) fn to_milli(&self, units: i64) -> i32 {
        let scaled = units * 1000;
        let half = self.units_per_em / 2;
        let rounded = if scaled >= 0 {
            (scaled + half) / self.units_per_em
        } else {
            (scaled - half) / self.units_per_em
        };
        i32::try_from(rounded).unwrap_or(0)
    }

    /// The glyph of a character, if the face has one (tabs count as spaces).
    pub(crate) fn glyph(&self, c: char) -> Option<u16> {
        let c = if c == '\t' { ' ' } else { c };
        if c.is_control() {
            return None;
        }
        self.face.glyph_index(c).map(|g| g.0).filter(|g| *g != 0)
    }

    /// The first character of `text` the face cannot show.
    pub(crate) fn missing(&self, text: &str) -> Option<char> {
        text.chars()
            .find(|c| *c != '\n' && self.glyph(*c).is_none())
    }

    /// Advance width of a glyph in thousandths of an em.
    pub(crate) fn advance(&self, glyph: u16) -> i32 {
        let units = self.face.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0);
        self.to_milli(i64::from(units))
    }

    /// Width of `text` at `size` (both in centipoints); unknown characters count as zero.
    pub(crate) fn width(&self, text: &str, size: i32) -> i32 {
        let milli: i64 = text
            .chars()
            .filter_map(|c| self.glyph(c))
            .map(|g| i64::from(self.advance(g)))
            .sum();
        i32::try_from(milli * i64::from(size) / 1000).unwrap_or(i32::MAX)
    }

    /// Ascender in thousandths of an em.
    pub(crate) fn ascent(&self) -> i32 {
        self.to_milli(i64::from(self.face.ascender()))
    }

    /// Descender in thousandths of an em (negative).
    pub(crate) fn descent(&self) -> i32 {
        self.to_milli(i64::from(self.face.descender()))
    }

    /// Capital height in thousandths of an em.
    pub(crate) fn cap_height(&self) -> i32 {
        let units = self.face.capital_height().unwrap_or(self.face.ascender());
        self.to_milli(i64::from(units))
    }

    /// Bounding box of all glyphs in thousandths of an em: left, bottom, right, top.
    pub(crate) fn bbox(&self) -> [i32; 4] {
        let r = self.face.global_bounding_box();
        [
            self.to_milli(i64::from(r.x_min)),
            self.to_milli(i64::from(r.y_min)),
            self.to_milli(i64::from(r.x_max)),
            self.to_milli(i64::from(r.y_max)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_faces_inflate_to_the_dejavu_files_once() {
        let regular = Weight::Regular.data().unwrap_or_default();
        let bold = Weight::Bold.data().unwrap_or_default();
        assert_eq!(regular, dejavu::sans_condensed::regular());
        assert_eq!(bold, dejavu::sans_condensed::bold());
        // Stored compressed: the library carries well under the inflated size.
        assert!(REGULAR_Z.len() + BOLD_Z.len() < (REGULAR_LEN + BOLD_LEN) * 6 / 10);
        // Inflated once: a second call hands out the same bytes, not a new copy.
        let again = Weight::Regular.data().unwrap_or_default();
        assert_eq!(again.as_ptr(), regular.as_ptr());
    }

    #[test]
    fn faces_cover_uzbek_latin_and_cyrillic() {
        let fonts = Fonts::load();
        assert!(fonts.is_some());
        if let Some(fonts) = fonts {
            for weight in Weight::ALL {
                assert_eq!(
                    fonts.get(weight).missing("Oʻzbekiston Ўзбекистон ҚҒҲ €"),
                    None
                );
            }
        }
    }

    #[test]
    fn damaged_or_wrong_length_data_is_refused() {
        assert_eq!(
            inflate(&REGULAR_Z[..REGULAR_Z.len() / 2], REGULAR_LEN),
            None
        );
        assert_eq!(inflate(REGULAR_Z, REGULAR_LEN - 1), None);
        assert_eq!(inflate(b"not zlib", 10), None);
        assert_eq!(
            inflate(REGULAR_Z, REGULAR_LEN).map(|d| d.len()),
            Some(REGULAR_LEN)
        );
    }
}
