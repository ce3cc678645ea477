//! Drawing primitives on A4 pages: text (measured by advance widths, wrapped, fitted to
//! boxes), lines, boxes, check boxes and vector QR codes.
//!
//! Every length is an `i32` in centipoints (1/100 pt), top-down from the page's top-left
//! corner; the writer turns them into PDF space. No floating-point arithmetic is involved.

use super::font::{Fonts, Weight};
use super::{PdfError, Place};

/// One point, in layout units.
pub(crate) const PT: i32 = 100;
/// A4 width (595.28 pt).
pub(crate) const PAGE_W: i32 = 59528;
/// A4 height (841.89 pt).
pub(crate) const PAGE_H: i32 = 84189;
/// Page margin (about 10 mm).
pub(crate) const MARGIN: i32 = 28 * PT;
/// Thin rule width.
pub(crate) const THIN: i32 = 50;
/// Frame rule width.
pub(crate) const FRAME: i32 = 100;

/// A grey level for fills and text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shade {
    /// Black.
    Black,
    /// Dark grey, for captions.
    Dark,
    /// Light grey, for header rows.
    Light,
}

/// One drawing operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Op {
    /// A run of text; `y` is the baseline.
    Text {
        x: i32,
        y: i32,
        size: i32,
        weight: Weight,
        shade: Shade,
        text: String,
    },
    /// A straight line.
    Line {
        x1: i32,
        y1: i32,
        x2: i32,
        y2: i32,
        width: i32,
    },
    /// A rectangle, stroked with a width and/or filled.
    Rect {
        x: i32,
        y: i32,
        w: i32,
        h: i32,
        stroke: Option<i32>,
        fill: Option<Shade>,
    },
}

/// One page's operations, in drawing order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Page {
    /// The operations.
    pub(crate) ops: Vec<Op>,
}

/// How a text sits in its box horizontally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Flush left.
    #[default]
    Left,
    /// Centred.
    Center,
    /// Flush right (numbers, amounts).
    Right,
}

/// A text style: size in centipoints, weight and shade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Style {
    pub(crate) size: i32,
    pub(crate) weight: Weight,
    pub(crate) shade: Shade,
}

impl Style {
    /// Regular black text of `points` size, given in tenths of a point.
    pub(crate) const fn regular(tenths: i32) -> Self {
        Self {
            size: tenths * 10,
            weight: Weight::Regular,
            shade: Shade::Black,
        }
    }

    /// Bold black text.
    pub(crate) const fn bold(tenths: i32) -> Self {
        Self {
            size: tenths * 10,
            weight: Weight::Bold,
            shade: Shade::Black,
        }
    }

    /// Dark grey caption text.
    pub(crate) const fn caption(tenths: i32) -> Self {
        Self {
            size: tenths * 10,
            weight: Weight::Regular,
            shade: Shade::Dark,
        }
    }

    /// The same style at another size.
    pub(crate) const fn sized(self, size: i32) -> Self {
        Self { size, ..self }
    }

    /// Distance between baselines.
    pub(crate) const fn leading(self) -> i32 {
        self.size * 6 / 5
    }
}

/// The document being laid out: its fonts and pages.
#[derive(Debug)]
pub(crate) struct Doc {
    pub(crate) fonts: Fonts,
    pub(crate) pages: Vec<Page>,
    current: usize,
}

impl Doc {
    /// An empty document with one blank page.
    pub(crate) fn new() -> Result<Self, PdfError> {
        let fonts = Fonts::load().ok_or(PdfError::Font)?;
        Ok(Self {
            fonts,
            pages: vec![Page::default()],
            current: 0,
        })
    }

    /// Starts a new page.
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.current = self.pages.len() - 1;
    }

    /// Draws on page `index` (0-based) from now on; out of range is ignored.
    pub(crate) fn select(&mut self, index: usize) {
        if index < self.pages.len() {
            self.current = index;
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.get_mut(self.current) {
            page.ops.push(op);
        }
    }

    /// The width of `text` in a style.
    pub(crate) fn width(&self, text: &str, style: Style) -> i32 {
        self.fonts.get(style.weight).width(text, style.size)
    }

    /// Refuses text with a character the fonts cannot show, naming the place.
    pub(crate) fn check(&self, text: &str, place: &Place) -> Result<(), PdfError> {
        for weight in Weight::ALL {
            if let Some(character) = self.fonts.get(weight).missing(text) {
                return Err(PdfError::UnsupportedCharacter {
                    place: place.clone(),
                    character,
                });
            }
        }
        Ok(())
    }

    /// Draws one line of text whose line box starts at `top`, aligned within `x..x + w`.
    pub(crate) fn text(
        &mut self,
        x: i32,
        top: i32,
        w: i32,
        align: Align,
        style: Style,
        text: &str,
    ) {
        let text = text.replace('\t', " ");
        let width = self.width(&text, style);
        let x = match align {
            Align::Left => x,
            Align::Center => x + (w - width) / 2,
            Align::Right => x + w - width,
        };
        let ascent = self.fonts.get(style.weight).ascent();
        let baseline = top + style.size * ascent / 1000;
        self.push(Op::Text {
            x,
            y: baseline,
            size: style.size,
            weight: style.weight,
            shade: style.shade,
            text,
        });
    }

    /// Draws lines of text from `top` down; returns the height used.
    pub(crate) fn lines(
        &mut self,
        x: i32,
        top: i32,
        w: i32,
        align: Align,
        style: Style,
        lines: &[String],
    ) -> i32 {
        let mut y = top;
        for line in lines {
            self.text(x, y, w, align, style, line);
            y += style.leading();
        }
        y - top
    }

    /// Splits text into lines no wider than `max` (explicit newlines kept; words longer
    /// than a line are cut between characters).
    pub(crate) fn wrap(&self, text: &str, style: Style, max: i32) -> Vec<String> {
        let font = self.fonts.get(style.weight);
        let space = font.width(" ", style.size);
        let mut out = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            let mut line_w = 0;
            for word in para.split([' ', '\t']).filter(|w| !w.is_empty()) {
                let word_w = font.width(word, style.size);
                let gap = if line.is_empty() { 0 } else { space };
                if line_w + gap + word_w <= max {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    line_w += gap + word_w;
                    continue;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                    line_w = 0;
                }
                if word_w <= max {
                    line.push_str(word);
                    line_w = word_w;
                    continue;
                }
                for c in word.chars() {
                    let cw = font.width(c.encode_utf8(&mut [0; 4]), style.size);
                    if line_w + cw > max && !line.is_empty() {
                        out.push(std::mem::take(&mut line));
                        line_w = 0;
                    }
                    line.push(c);
                    line_w += cw;
                }
            }
            out.push(line);
        }
        while out.len() > 1 && out.last().is_some_and(String::is_empty) {
            out.pop();
        }
        out
    }

    /// Wraps text into a `w` × `h` box, shrinking from the style's size down to `min` in
    /// quarter points; `None` when it does not fit even at `min`.
    pub(crate) fn fit(
        &self,
        text: &str,
        style: Style,
        min: i32,
        w: i32,
        h: i32,
    ) -> Option<(Style, Vec<String>)> {
        let mut size = style.size;
        while size >= min {
            let s = style.sized(size);
            let lines = self.wrap(text, s, w);
            let height = i32::try_from(lines.len()).unwrap_or(i32::MAX) * s.leading();
            let widest = lines.iter().map(|l| self.width(l, s)).max().unwrap_or(0);
            if height <= h + s.leading() - s.size && widest <= w {
                return Some((s, lines));
            }
            size -= 25;
        }
        None
    }

    /// Draws user text fitted into a box (see [`Doc::fit`]); a precise error when the text
    /// has a character the font lacks or does not fit.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn fitted(
        &mut self,
        place: &Place,
        text: &str,
        style: Style,
        (x, top, w, h): (i32, i32, i32, i32),
        align: Align,
    ) -> Result<(), PdfError> {
        self.check(text, place)?;
        let min = MIN_SIZE.min(style.size);
        let (s, lines) = self
            .fit(text, style, min, w, h)
            .ok_or_else(|| PdfError::TooLong {
                place: place.clone(),
            })?;
        self.lines(x, top, w, align, s, &lines);
        Ok(())
    }

    /// A stroked rectangle.
    pub(crate) fn frame(&mut self, x: i32, y: i32, w: i32, h: i32, width: i32) {
        self.push(Op::Rect {
            x,
            y,
            w,
            h,
            stroke: Some(width),
            fill: None,
        });
    }

    /// A filled rectangle without outline.
    pub(crate) fn fill(&mut self, x: i32, y: i32, w: i32, h: i32, shade: Shade) {
        self.push(Op::Rect {
            x,
            y,
            w,
            h,
            stroke: None,
            fill: Some(shade),
        });
    }

    /// A straight line.
    pub(crate) fn line(&mut self, x1: i32, y1: i32, x2: i32, y2: i32, width: i32) {
        self.push(Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
        });
    }

    /// A check box of side `side` at (`x`, `y`), crossed when `checked`.
    pub(crate) fn checkbox(&mut self, x: i32, y: i32, side: i32, checked: bool) {
        self.frame(x, y, side, side, THIN);
        if checked {
            let inset = side / 5;
            let (a, b) = (x + inset, x + side - inset);
            let (c, d) = (y + inset, y + side - inset);
            self.line(a, c, b, d, FRAME + THIN);
            self.line(a, d, b, c, FRAME + THIN);
        }
    }

    /// A QR code from its module matrix (`true` = dark), drawn as filled squares in a
    /// `side` × `side` square at (`x`, `y`) with a quiet zone of four modules.
    pub(crate) fn qr(
        &mut self,
        x: i32,
        y: i32,
        side: i32,
        modules: &[Vec<bool>],
    ) -> Result<(), PdfError> {
        let n = modules.len();
        if n == 0 || modules.iter().any(|row| row.len() != n) {
            return Err(PdfError::QrMatrix);
        }
        let count = i32::try_from(n + 8).map_err(|_| PdfError::QrMatrix)?;
        let module = side / count;
        if module == 0 {
            return Err(PdfError::QrMatrix);
        }
        let offset = (side - module * count) / 2 + 4 * module;
        let (ox, oy) = (x + offset, y + offset);
        for (r, row) in (0..).zip(modules) {
            let mut c = 0;
            while c < n {
                if !row[c] {
                    c += 1;
                    continue;
                }
                let start = c;
                while c < n && row[c] {
                    c += 1;
                }
                let (s, e) = (
                    i32::try_from(start).unwrap_or(0),
                    i32::try_from(c).unwrap_or(0),
                );
                self.fill(
                    ox + s * module,
                    oy + r * module,
                    (e - s) * module,
                    module,
                    Shade::Black,
                );
            }
        }
        Ok(())
    }
}

/// Smallest size user text is shrunk to before it counts as too long (5.5 pt).
pub(crate) const MIN_SIZE: i32 = 550;
