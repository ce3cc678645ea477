//! Serialises laid-out pages to PDF bytes: one subset font per weight used (Type 0 /
//! CIDFontType2, Identity-H, glyph ids as CIDs), a ToUnicode CMap so text extraction
//! returns the real characters, and Flate-compressed streams.
//!
//! The output depends only on the pages and the title: no dates, no random ids.

use std::collections::{BTreeMap, BTreeSet};

use miniz_oxide::deflate::compress_to_vec_zlib;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;

use super::font::{Font, Weight};
use super::layout::{Doc, Op, Shade, PAGE_H};
use super::PdfError;

/// Zlib level: 6 is the usual balance of size and speed.
const LEVEL: u8 = 6;

/// A font as used by a document: which characters map to which subset glyph.
struct UsedFont {
    weight: Weight,
    /// Character → glyph id in the subset.
    glyphs: BTreeMap<char, u16>,
    /// The subset font file.
    data: Vec<u8>,
    /// Widths in thousandths of an em, indexed by subset glyph id.
    widths: Vec<i32>,
    /// Six-letter subset tag.
    tag: String,
}

fn used_font(font: &Font, weight: Weight, chars: &BTreeSet<char>) -> Result<UsedFont, PdfError> {
    let mut old: Vec<(char, u16)> = Vec::new();
    for &c in chars {
        old.push((c, font.glyph(c).unwrap_or(0)));
    }
    let mut gids: Vec<u16> = old.iter().map(|(_, g)| *g).collect();
    gids.sort_unstable();
    gids.dedup();
    let remapper = GlyphRemapper::new_from_glyphs_sorted(&gids);
    let original = weight.data().ok_or(PdfError::Font)?;
    let data = subsetter::subset(original, 0, &remapper).map_err(|_| PdfError::Font)?;
    let glyphs = old
        .into_iter()
        .map(|(c, g)| (c, remapper.get(g).unwrap_or(0)))
        .collect();
    let widths = remapper.remapped_gids().map(|g| font.advance(g)).collect();
    Ok(UsedFont {
        weight,
        glyphs,
        data,
        widths,
        tag: subset_tag(&gids),
    })
}

/// A deterministic six-letter tag (FNV-1a of the glyph ids), as PDF subset names need.
fn subset_tag(gids: &[u16]) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for g in gids {
        for b in g.to_be_bytes() {
            hash ^= u32::from(b);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    (0..6)
        .map(|_| {
            let letter = b'A' + u8::try_from(hash % 26).unwrap_or(0);
            hash /= 26;
            char::from(letter)
        })
        .collect()
}

fn gray(shade: Shade) -> f32 {
    match shade {
        Shade::Black => 0.0,
        Shade::Dark => 0.3,
        Shade::Light => 0.88,
    }
}

/// Integer layout units to a PDF number (a cast, no arithmetic).
fn n(v: i32) -> f32 {
    v as f32
}

/// Writes the document.
pub(crate) fn write(doc: &Doc, title: &str) -> Result<Vec<u8>, PdfError> {
    let mut chars: BTreeMap<Weight, BTreeSet<char>> = BTreeMap::new();
    for page in &doc.pages {
        for op in &page.ops {
            if let Op::Text { weight, text, .. } = op {
                chars.entry(*weight).or_default().extend(text.chars());
            }
        }
    }
    let fonts = chars
        .iter()
        .map(|(w, set)| used_font(doc.fonts.get(*w), *w, set))
        .collect::<Result<Vec<_>, _>>()?;

    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog_id = alloc();
    let tree_id = alloc();
    let info_id = alloc();
    let font_ids: Vec<[Ref; 5]> = fonts
        .iter()
        .map(|_| [alloc(), alloc(), alloc(), alloc(), alloc()])
        .collect();
    let page_ids: Vec<(Ref, Ref)> = doc.pages.iter().map(|_| (alloc(), alloc())).collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id).pages(tree_id);
    pdf.pages(tree_id)
        .kids(page_ids.iter().map(|(p, _)| *p))
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    pdf.document_info(info_id)
        .title(TextStr(title))
        .producer(TextStr("Karvon"));

    for (font, ids) in fonts.iter().zip(&font_ids) {
        write_font(&mut pdf, doc.fonts.get(font.weight), font, *ids);
    }

    for (page, (page_id, content_id)) in doc.pages.iter().zip(&page_ids) {
        let content = page_content(page, &fonts);
        let packed = compress_to_vec_zlib(&content, LEVEL);
        pdf.stream(*content_id, &packed).filter(Filter::FlateDecode);
        let mut p = pdf.page(*page_id);
        p.media_box(Rect::new(0.0, 0.0, 595.28, 841.89))
            .parent(tree_id)
            .contents(*content_id);
        let mut resources = p.resources();
        let mut dict = resources.fonts();
        for (font, ids) in fonts.iter().zip(&font_ids) {
            dict.pair(Name(font.weight.resource()), ids[0]);
        }
        dict.finish();
        resources.finish();
        p.finish();
    }
    Ok(pdf.finish())
}

fn write_font(pdf: &mut Pdf, font: &Font, used: &UsedFont, ids: [Ref; 5]) {
    let [type0_id, cid_id, descriptor_id, cmap_id, file_id] = ids;
    let name = format!("{}+{}", used.tag, used.weight.postscript_name());
    let base = Name(name.as_bytes());
    let info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };

    pdf.type0_font(type0_id)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(cmap_id);

    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(CidFontType::Type2)
        .base_font(base)
        .system_info(info)
        .font_descriptor(descriptor_id)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    cid.widths()
        .consecutive(0, used.widths.iter().map(|w| n(*w)));
    cid.finish();

    let [l, b, r, t] = font.bbox();
    let mut flags = FontFlags::SYMBOLIC;
    if used.weight == Weight::Bold {
        flags |= FontFlags::FORCE_BOLD;
    }
    pdf.font_descriptor(descriptor_id)
        .name(base)
        .flags(flags)
        .bbox(Rect::new(n(l), n(b), n(r), n(t)))
        .italic_angle(0.0)
        .ascent(n(font.ascent()))
        .descent(n(font.descent()))
        .cap_height(n(font.cap_height()))
        .stem_v(match used.weight {
            Weight::Regular => 80.0,
            Weight::Bold => 140.0,
        })
        .font_file2(file_id);

    let mut cmap = UnicodeCmap::<u16>::new(Name(b"Custom"), info);
    let mut seen = BTreeSet::new();
    for (c, g) in &used.glyphs {
        // Two characters may share a glyph (space and no-break space): the first wins.
        if seen.insert(*g) {
            cmap.pair(*g, *c);
        }
    }
    let cmap = compress_to_vec_zlib(cmap.finish().as_slice(), LEVEL);
    pdf.stream(cmap_id, &cmap).filter(Filter::FlateDecode);

    let file = compress_to_vec_zlib(&used.data, LEVEL);
    pdf.stream(file_id, &file).filter(Filter::FlateDecode);
}

fn page_content(page: &super::layout::Page, fonts: &[UsedFont]) -> Vec<u8> {
    let mut c = Content::new();
    // Layout units are centipoints: scale once, then every coordinate is an integer.
    c.transform([0.01, 0.0, 0.0, 0.01, 0.0, 0.0]);
    let mut fill = Shade::Black;
    for op in &page.ops {
        match op {
            Op::Text {
                x,
                y,
                size,
                weight,
                shade,
                text,
            } => {
                let Some(font) = fonts.iter().find(|f| f.weight == *weight) else {
                    continue;
                };
                if *shade != fill {
                    c.set_fill_gray(gray(*shade));
                    fill = *shade;
                }
                let mut bytes = Vec::with_capacity(text.len() * 2);
                for ch in text.chars() {
                    let g = font.glyphs.get(&ch).copied().unwrap_or(0);
                    bytes.extend(g.to_be_bytes());
                }
                c.begin_text()
                    .set_font(Name(weight.resource()), n(*size))
                    .set_text_matrix([1.0, 0.0, 0.0, 1.0, n(*x), n(PAGE_H - *y)])
                    .show(Str(&bytes))
                    .end_text();
            }
            Op::Line {
                x1,
                y1,
                x2,
                y2,
                width,
            } => {
                c.set_line_width(n(*width))
                    .move_to(n(*x1), n(PAGE_H - *y1))
                    .line_to(n(*x2), n(PAGE_H - *y2))
                    .stroke();
            }
            Op::Rect {
                x,
                y,
                w,
                h,
                stroke,
                fill: shade,
            } => {
                if let Some(shade) = shade {
                    if *shade != fill {
                        c.set_fill_gray(gray(*shade));
                        fill = *shade;
                    }
                }
                if let Some(width) = stroke {
                    c.set_line_width(n(*width));
                }
                c.rect(n(*x), n(PAGE_H - *y - *h), n(*w), n(*h));
                match (stroke, shade) {
                    (Some(_), Some(_)) => c.fill_nonzero_and_stroke(),
                    (Some(_), None) => c.stroke(),
                    (None, _) => c.fill_nonzero(),
                };
            }
        }
    }
    c.finish().into_vec()
}
