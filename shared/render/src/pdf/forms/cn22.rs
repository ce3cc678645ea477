//! CN 22 "Customs declaration" (letter-post items up to 300 SDR), laid out like the UPU form
//! (boxes 1 to 8), with the sender and addressee below as the address written on the item.

use karvon_domain::postal::{Cn22, ContentLine};
use karvon_domain::Message;
use karvon_i18n::Catalogue;

use super::cn23::{categories, quantity, signature, title};
use super::contents::{Contents, ContentsColumn};
use super::{
    captioned, footers, party_block, party_rows, value_box, value_box_height, Labels, BODY_W,
    BOTTOM, CAPTION, PAD, VALUE, VALUE_BOLD,
};
use crate::pdf::layout::{Align, Doc, Style, MARGIN, PT, THIN};
use crate::pdf::writer::write;
use crate::pdf::{PdfError, Place};

/// Boxes 1 to 5.
const COLUMNS: [ContentsColumn; 5] = [
    ("pdf-cn22-description", Align::Left, 40, description),
    ("pdf-cn22-weight", Align::Right, 14, |lb, l| {
        lb.number(l.net_weight_kg)
    }),
    ("pdf-cn22-value", Align::Right, 18, |lb, l| {
        lb.money(l.value)
    }),
    ("pdf-cn22-hs", Align::Left, 15, |_, l| {
        l.hs_code.as_deref().unwrap_or("").trim().to_owned()
    }),
    ("pdf-cn22-origin", Align::Left, 13, |_, l| {
        l.origin.as_deref().unwrap_or("").trim().to_owned()
    }),
];

/// Box 1: quantity and detailed description, e.g. `2 pcs men's cotton shirts`.
fn description(labels: &Labels, line: &ContentLine) -> String {
    format!("{} {}", quantity(labels, line), line.description.trim())
}

/// Renders a CN 22 in the catalogue's language, with an optional QR code beside the form.
pub fn cn22_pdf(
    form: &Cn22,
    cat: &Catalogue,
    qr: Option<&[Vec<bool>]>,
) -> Result<Vec<u8>, PdfError> {
    let labels = Labels::new(cat);
    let mut doc = Doc::new()?;
    let x0 = MARGIN;
    let w = 350 * PT;
    let mut y = MARGIN;

    value_box(
        &mut doc,
        (x0, y, w, 26 * PT),
        &labels.cap_inline("pdf-form-operator"),
        form.operator.as_deref().unwrap_or(""),
        VALUE_BOLD,
        Align::Left,
        Place::Field("pdf-form-operator"),
    )?;
    y += 26 * PT;
    doc.frame(x0, y, w, 36 * PT, THIN);
    title(&mut doc, &labels, "CN 22", (x0, y, w));
    y += 36 * PT;
    value_box(
        &mut doc,
        (x0, y, w, 26 * PT),
        &labels.cap_inline("pdf-form-item-number"),
        form.item_id.as_deref().unwrap_or(""),
        Style::bold(100),
        Align::Left,
        Place::Field("pdf-form-item-number"),
    )?;
    y += 26 * PT;

    let category_h = 84 * PT;
    let top = captioned(
        &mut doc,
        x0,
        y,
        w,
        category_h,
        &labels.cap("pdf-cn22-category"),
    );
    let below = categories(
        &mut doc,
        &labels,
        &form.categories,
        (x0 + PAD, top + PT, w - 2 * PAD),
        2,
    );
    let cap = labels.cap_inline("pdf-form-explanation");
    let cap_w = doc.width(&cap, CAPTION).min(w / 3);
    doc.text(x0 + PAD, below + PT, cap_w, Align::Left, CAPTION, &cap);
    doc.fitted(
        &Place::Field("pdf-form-explanation"),
        form.explanation.as_deref().unwrap_or(""),
        VALUE,
        (
            x0 + PAD + cap_w + 3 * PT,
            below,
            w - cap_w - 2 * PAD - 3 * PT,
            y + category_h - below - PAD,
        ),
        Align::Left,
    )?;
    y += category_h;

    let totals_h = ["pdf-cn22-total-weight", "pdf-cn22-total-value"]
        .iter()
        .zip([14, 18])
        .map(|(id, share)| {
            value_box_height(&doc, &labels.cap(id), w * share / 100) + VALUE.leading() / 2
        })
        .max()
        .unwrap_or(34 * PT)
        .max(28 * PT);
    let sign_h = 84 * PT;
    let address_h = 108 * PT;
    let contents = Contents::new(&doc, &labels, (x0, w), &COLUMNS, &form.contents)?;
    let needed = contents.grid.header_height(&doc)
        + contents.rows.iter().map(|r| r.height).sum::<i32>()
        + 20 * PT;
    let room = BOTTOM - totals_h - sign_h - address_h - 10 * PT;
    let bottom = (y + needed.max(80 * PT)).min(room);
    let drawn = contents.draw_box(&mut doc, &labels, y, bottom);
    y = bottom;

    let g = &contents.grid;
    let col_w = |i: usize| g.cols.get(i).map_or(0, |c| c.width);
    doc.frame(x0, y, col_w(0), totals_h, THIN);
    value_box(
        &mut doc,
        (g.col_x(1), y, col_w(1), totals_h),
        &labels.cap("pdf-cn22-total-weight"),
        &labels.number(form.total_weight_kg),
        VALUE_BOLD,
        Align::Right,
        Place::Field("pdf-cn22-total-weight"),
    )?;
    value_box(
        &mut doc,
        (g.col_x(2), y, col_w(2), totals_h),
        &labels.cap("pdf-cn22-total-value"),
        &labels.money(form.total_value),
        VALUE_BOLD,
        Align::Right,
        Place::Field("pdf-cn22-total-value"),
    )?;
    doc.frame(g.col_x(3), y, col_w(3) + col_w(4), totals_h, THIN);
    y += totals_h;

    signature(
        &mut doc,
        &labels,
        "pdf-cn22-certify",
        "pdf-cn22-signature",
        &form.signed_on.to_string(),
        (x0, y, w, sign_h),
        None,
    )?;
    y += sign_h + 10 * PT;

    let half = BODY_W / 2;
    for (i, (id, party, phone)) in (0..).zip([
        ("pdf-cn22-sender", &form.sender, true),
        ("pdf-cn22-addressee", &form.addressee, true),
    ]) {
        let bx = x0 + i * half;
        let top = captioned(&mut doc, bx, y, half, address_h, &labels.cap(id));
        party_block(
            &mut doc,
            &labels,
            (bx, top + PT, half),
            &party_rows(party, phone),
        )?;
    }

    if let Some(modules) = qr {
        let side = (BODY_W - w - 12 * PT).min(150 * PT);
        let qx = x0 + w + 12 * PT;
        doc.frame(qx, MARGIN, side, side, THIN);
        doc.qr(qx, MARGIN, side, modules)?;
    }

    let footer = match form
        .item_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(item) => labels.render(&Message::new("pdf-cn22-footer-item").text("item", item)),
        None => labels.t("pdf-cn22-footer"),
    };
    let heading =
        labels.render(&Message::new("pdf-cn22-continuation").text("footer", footer.clone()));
    contents.continuation(&mut doc, &heading, drawn)?;
    footers(&mut doc, &labels, &footer)?;
    write(&doc, &footer)
}
