//! The embedded fonts: DejaVu Sans Condensed, regular and bold, from the `dejavu` crate.
//!
//! DejaVu covers Latin (with the Uzbek `ʻ`, U+02BB) and Cyrillic (with the Uzbek Cyrillic
//! letters). Its licence (Bitstream Vera terms, DejaVu changes in the public domain) allows
//! embedding the fonts in documents. Widths are kept in thousandths of an em, rounded, the
//! unit a PDF `W` array uses, so measured text and printed text advance alike.

use ttf_parser::{Face, GlyphId};

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

    /// The font file bytes.
    pub(crate) fn data(self) -> &'static [u8] {
        match self {
            Weight::Regular => dejavu::sans_condensed::regular(),
            Weight::Bold => dejavu::sans_condensed::bold(),
        }
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
        let face = Face::parse(weight.data(), 0).ok()?;
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
