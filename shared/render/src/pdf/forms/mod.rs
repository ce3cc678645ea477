//! The documents: CN 23, CN 22, payment draft and the generic sheet, plus what they share
//! (captions in two languages, party blocks, number formats, page footers).

pub(crate) mod cn22;
pub(crate) mod cn23;
pub(crate) mod contents;
pub(crate) mod payment;
pub(crate) mod sheet;

use karvon_domain::postal::Party;
use karvon_domain::{Message, Money};
use karvon_i18n::{format_decimal, format_money, Catalogue, Lang};
use rust_decimal::Decimal;

use super::layout::{Align, Doc, Style, MARGIN, PAGE_H, PAGE_W, PT, THIN};
use super::{PdfError, Place};

/// Labels in the user's language, with the English wording of the UPU forms beside them.
pub(crate) struct Labels<'a> {
    pub(crate) cat: &'a Catalogue,
    english: Option<Catalogue>,
}

impl<'a> Labels<'a> {
    /// Labels for a catalogue (an English one is loaded only for other languages).
    pub(crate) fn new(cat: &'a Catalogue) -> Self {
        let english = (cat.lang() != Lang::En).then(|| Catalogue::new(Lang::En));
        Self { cat, english }
    }

    /// The user's language.
    pub(crate) fn lang(&self) -> Lang {
        self.cat.lang()
    }

    /// A label in the user's language.
    pub(crate) fn t(&self, id: &str) -> String {
        self.cat.text(id)
    }

    /// A message in the user's language.
    pub(crate) fn render(&self, message: &Message) -> String {
        self.cat.render(message)
    }

    /// A form caption: the English wording, and below it the user's language when it differs.
    pub(crate) fn cap(&self, id: &str) -> String {
        let local = self.cat.text(id);
        match &self.english {
            Some(en) => {
                let english = en.text(id);
                if english == local {
                    local
                } else {
                    format!("{english}\n{local}")
                }
            }
            None => local,
        }
    }

    /// A caption on one line: `English / local`.
    pub(crate) fn cap_inline(&self, id: &str) -> String {
        self.cap(id).replace('\n', " / ")
    }

    /// Money for the locale, e.g. `1 234,50 UZS`.
    pub(crate) fn money(&self, m: Money) -> String {
        format_money(self.lang(), m.amount, m.currency)
    }

    /// A plain number for the locale.
    pub(crate) fn number(&self, d: Decimal) -> String {
        format_decimal(self.lang(), d, None)
    }
}

/// Caption text size and style.
pub(crate) const CAPTION: Style = Style::caption(60);
/// Value text style.
pub(crate) const VALUE: Style = Style::regular(85);
/// Bold value text style.
pub(crate) const VALUE_BOLD: Style = Style::bold(85);
/// Inner padding of a form box.
pub(crate) const PAD: i32 = 2 * PT;

/// The usable width between the margins.
pub(crate) const BODY_W: i32 = PAGE_W - 2 * MARGIN;
/// Where page content ends (the footer sits below).
pub(crate) const BOTTOM: i32 = PAGE_H - MARGIN - 18 * PT;

/// Draws a framed box with a caption at its top-left; returns the y below the caption.
pub(crate) fn captioned(doc: &mut Doc, x: i32, y: i32, w: i32, h: i32, caption: &str) -> i32 {
    doc.frame(x, y, w, h, THIN);
    let lines = doc.wrap(caption, CAPTION, w - 2 * PAD);
    y + PAD / 2
        + doc.lines(
            x + PAD,
            y + PAD / 2,
            w - 2 * PAD,
            Align::Left,
            CAPTION,
            &lines,
        )
}

/// Height a caption takes in a box of width `w`.
pub(crate) fn caption_height(doc: &Doc, caption: &str, w: i32) -> i32 {
    let lines = doc.wrap(caption, CAPTION, w - 2 * PAD);
    i32::try_from(lines.len()).unwrap_or(1) * CAPTION.leading() + PAD / 2
}

/// Height of a value box whose caption wraps in `w` and that holds one value line.
pub(crate) fn value_box_height(doc: &Doc, caption: &str, w: i32) -> i32 {
    caption_height(doc, caption, w) + VALUE.leading() + PAD
}

/// A captioned box holding one user value, fitted into what is left of the box.
#[allow(clippy::too_many_arguments)]
pub(crate) fn value_box(
    doc: &mut Doc,
    (x, y, w, h): (i32, i32, i32, i32),
    caption: &str,
    value: &str,
    style: Style,
    align: Align,
    place: Place,
) -> Result<(), PdfError> {
    value_box_inset(doc, (x, y, w, h), 0, caption, value, style, align, place)
}

/// A [`value_box`] whose caption keeps `inset` free on the right (for a check box).
#[allow(clippy::too_many_arguments)]
pub(crate) fn value_box_inset(
    doc: &mut Doc,
    (x, y, w, h): (i32, i32, i32, i32),
    inset: i32,
    caption: &str,
    value: &str,
    style: Style,
    align: Align,
    place: Place,
) -> Result<(), PdfError> {
    doc.frame(x, y, w, h, THIN);
    let lines = doc.wrap(caption, CAPTION, w - 2 * PAD - inset);
    let top = y
        + PAD / 2
        + doc.lines(
            x + PAD,
            y + PAD / 2,
            w - 2 * PAD - inset,
            Align::Left,
            CAPTION,
            &lines,
        );
    let room = y + h - top - PAD / 2;
    doc.fitted(
        &place,
        value,
        style,
        (x + PAD, top, w - 2 * PAD, room),
        align,
    )
}

/// Labelled lines of a party (name, business, street, postcode and city, country, phone,
/// e-mail), each `(label id, value)`; absent parts are kept as empty values so the form's
/// lines stay in place.
pub(crate) fn party_rows(p: &Party, phone: bool) -> Vec<(&'static str, String)> {
    let mut place = String::new();
    if let Some(code) = p.postcode.as_deref().filter(|c| !c.trim().is_empty()) {
        place.push_str(code.trim());
        place.push(' ');
    }
    place.push_str(p.city.trim());
    let mut rows = vec![
        ("pdf-party-name", p.name.trim().to_owned()),
        (
            "pdf-party-business",
            p.business.as_deref().unwrap_or("").trim().to_owned(),
        ),
        ("pdf-party-street", p.street.trim().to_owned()),
        ("pdf-party-city", place),
        ("pdf-party-country", p.country.trim().to_owned()),
    ];
    if phone {
        rows.push((
            "pdf-party-phone",
            p.phone.as_deref().unwrap_or("").trim().to_owned(),
        ));
    }
    rows
}

/// Draws party rows in a box region starting at `top`: label column then value; the
/// street may take two lines. Returns the y below the last row.
pub(crate) fn party_block(
    doc: &mut Doc,
    labels: &Labels,
    (x, top, w): (i32, i32, i32),
    rows: &[(&'static str, String)],
) -> Result<i32, PdfError> {
    let label_w = 66 * PT;
    let mut y = top;
    for (id, value) in rows {
        let lines = if *id == "pdf-party-street" { 2 } else { 1 };
        let h = VALUE.leading() * lines;
        let label = labels.t(id);
        if let Some((style, lines)) =
            doc.fit(&label, CAPTION, 450, label_w - PAD, CAPTION.leading())
        {
            doc.lines(
                x + PAD,
                y + (VALUE.size - style.size),
                label_w - PAD,
                Align::Left,
                style,
                &lines[..1.min(lines.len())],
            );
        }
        doc.fitted(
            &Place::Field(id),
            value,
            VALUE,
            (x + label_w, y, w - label_w - PAD, h),
            Align::Left,
        )?;
        doc.line(x + label_w, y + h + 20, x + w - PAD, y + h + 20, THIN / 2);
        y += h + 2 * PT;
    }
    Ok(y)
}

/// Adds the footer to every page: a rule, `left` text, and "page n of m" on the right.
pub(crate) fn footers(doc: &mut Doc, labels: &Labels, left: &str) -> Result<(), PdfError> {
    let total = doc.pages.len();
    let y = PAGE_H - MARGIN - 10 * PT;
    let style = Style::caption(70);
    for i in 0..total {
        doc.select(i);
        doc.line(MARGIN, y - 2 * PT, PAGE_W - MARGIN, y - 2 * PT, THIN);
        let page = labels.render(
            &Message::new("pdf-page")
                .int("page", i64::try_from(i + 1).unwrap_or(0))
                .int("pages", i64::try_from(total).unwrap_or(0)),
        );
        let page_w = doc.width(&page, style) + 4 * PT;
        doc.text(
            PAGE_W - MARGIN - page_w,
            y,
            page_w,
            Align::Right,
            style,
            &page,
        );
        doc.fitted(
            &Place::Field("pdf-footer"),
            left,
            style,
            (MARGIN, y, BODY_W - page_w - 4 * PT, style.leading()),
            Align::Left,
        )?;
    }
    Ok(())
}
