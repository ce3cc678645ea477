//! CN 23 "Customs declaration", laid out like the UPU form: From / To, the numbered boxes 1 to
//! 15, office of origin and date of posting, and continuation sheets for lines that do not
//! fit the contents box.

use karvon_domain::postal::{Category, Cn23, ContentLine, NonDelivery, Route};
use karvon_domain::Message;
use karvon_i18n::Catalogue;

use super::contents::{Contents, ContentsColumn, LINE_COLUMN};
use super::{
    captioned, footers, party_block, party_rows, value_box, value_box_height, value_box_inset,
    Labels, BODY_W, BOTTOM, CAPTION, PAD, VALUE, VALUE_BOLD,
};
use crate::pdf::layout::{Align, Doc, Style, MARGIN, PT, THIN};
use crate::pdf::writer::write;
use crate::pdf::{PdfError, Place};

/// The contents columns: line number, boxes 1, 2, 3, 5, 7 and 8.
pub(crate) const COLUMNS: [ContentsColumn; 7] = [
    (LINE_COLUMN, Align::Right, 5, |_, _| String::new()),
    ("pdf-cn23-description", Align::Left, 33, |_, l| {
        l.description.trim().to_owned()
    }),
    ("pdf-cn23-quantity", Align::Right, 11, quantity),
    ("pdf-cn23-net-weight", Align::Right, 11, |lb, l| {
        lb.number(l.net_weight_kg)
    }),
    ("pdf-cn23-value", Align::Right, 14, |lb, l| {
        lb.money(l.value)
    }),
    ("pdf-cn23-hs", Align::Left, 13, |_, l| {
        l.hs_code.as_deref().unwrap_or("").trim().to_owned()
    }),
    ("pdf-cn23-origin", Align::Left, 13, |_, l| {
        l.origin.as_deref().unwrap_or("").trim().to_owned()
    }),
];

/// Quantity with its unit, e.g. `2 pcs`.
pub(crate) fn quantity(labels: &Labels, line: &ContentLine) -> String {
    let n = labels.number(line.quantity);
    match line
        .unit
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(unit) => format!("{n} {unit}"),
        None => n,
    }
}

/// The catalogue id of a category's caption on the forms.
pub(crate) fn category_id(c: Category) -> &'static str {
    match c {
        Category::Gift => "pdf-category-gift",
        Category::Documents => "pdf-category-documents",
        Category::CommercialSample => "pdf-category-commercial-sample",
        Category::ReturnedGoods => "pdf-category-returned-goods",
        Category::SaleOfGoods => "pdf-category-sale-of-goods",
        Category::Other => "pdf-category-other",
    }
}

/// Category check boxes in `cols` columns from `top`; returns the y below them.
pub(crate) fn categories(
    doc: &mut Doc,
    labels: &Labels,
    ticked: &[Category],
    (x, top, w): (i32, i32, i32),
    cols: usize,
) -> i32 {
    let box_side = 8 * PT;
    let cols_i = i32::try_from(cols.max(1)).unwrap_or(1);
    let cell_w = w / cols_i;
    let style = Style::regular(65);
    let mut y = top;
    for chunk in Category::ALL.chunks(cols.max(1)) {
        let mut row_h = box_side;
        for (i, c) in (0..).zip(chunk) {
            let cx = x + i * cell_w;
            doc.checkbox(cx, y, box_side, ticked.contains(c));
            let text = labels.cap_inline(category_id(*c));
            let lines = doc.wrap(&text, style, cell_w - box_side - 4 * PT);
            let h = doc.lines(
                cx + box_side + 2 * PT,
                y,
                cell_w - box_side - 4 * PT,
                Align::Left,
                style,
                &lines,
            );
            row_h = row_h.max(h);
        }
        y += row_h + 2 * PT;
    }
    y
}

/// Renders a CN 23 in the catalogue's language, with an optional QR code (e.g. the item's
/// electronic data) beside the sender's signature.
pub fn cn23_pdf(
    form: &Cn23,
    cat: &Catalogue,
    qr: Option<&[Vec<bool>]>,
) -> Result<Vec<u8>, PdfError> {
    let labels = Labels::new(cat);
    let mut doc = Doc::new()?;
    let x0 = MARGIN;
    let w = BODY_W;
    let half = w / 2;
    let mid = x0 + half;
    let rw = w - half;
    let mut y = MARGIN;

    // From | title, item number, sender's reference.
    let h1 = 116 * PT;
    let top = captioned(&mut doc, x0, y, half, h1, &labels.cap("pdf-cn23-from"));
    party_block(
        &mut doc,
        &labels,
        (x0, top + PT, half),
        &party_rows(&form.sender, true),
    )?;
    header_block(&mut doc, &labels, form, (mid, y, rw, h1))?;
    y += h1;

    // To | importer's reference and contact.
    let h2 = 100 * PT;
    let top = captioned(&mut doc, x0, y, half, h2, &labels.cap("pdf-cn23-to"));
    party_block(
        &mut doc,
        &labels,
        (x0, top + PT, half),
        &party_rows(&form.addressee, false),
    )?;
    let a = &form.addressee;
    value_box(
        &mut doc,
        (mid, y, rw, h2 / 2),
        &labels.cap("pdf-cn23-importer-reference"),
        a.reference.as_deref().unwrap_or(""),
        VALUE,
        Align::Left,
        Place::Field("pdf-cn23-importer-reference"),
    )?;
    let contact: Vec<&str> = [a.phone.as_deref(), a.email.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    value_box(
        &mut doc,
        (mid, y + h2 / 2, rw, h2 - h2 / 2),
        &labels.cap("pdf-cn23-importer-contact"),
        &contact.join("\n"),
        VALUE,
        Align::Left,
        Place::Field("pdf-cn23-importer-contact"),
    )?;
    y += h2;

    // Boxes below the contents, measured first so the contents box takes the rest.
    // Boxes 9, 4, 6 and office of origin share one row: as tall as the tallest caption needs.
    let cell = |a: usize, b: usize| -> i32 {
        let from = a.min(COLUMNS.len());
        let to = b.min(COLUMNS.len());
        let shares: u32 = COLUMNS.iter().map(|c| c.2).sum();
        let part: u32 = COLUMNS[from..to].iter().map(|c| c.2).sum();
        w * i32::try_from(part).unwrap_or(0) / i32::try_from(shares).unwrap_or(1)
    };
    let totals_h = [
        ("pdf-cn23-postal-charges", cell(0, 3)),
        ("pdf-cn23-total-weight", cell(3, 4)),
        ("pdf-cn23-total-value", cell(4, 5)),
        ("pdf-cn23-office-of-origin", cell(5, 7)),
    ]
    .iter()
    .map(|(id, cw)| value_box_height(&doc, &labels.cap(id), *cw) + VALUE.leading() / 2)
    .max()
    .unwrap_or(34 * PT)
    .max(28 * PT);
    let category_h = 74 * PT;
    let comments_h = 36 * PT;
    let docs_h = 32 * PT;
    let sign_h = 92 * PT;
    let contents_bottom = BOTTOM - totals_h - category_h - comments_h - docs_h - sign_h;

    let contents = Contents::new(&doc, &labels, (x0, w), &COLUMNS, &form.contents)?;
    let drawn = contents.draw_box(&mut doc, &labels, y, contents_bottom);
    y = contents_bottom;

    // Totals: postal charges (9), total gross weight (4), total value (6), office of origin.
    let g = &contents.grid;
    let col_w = |i: usize| g.cols.get(i).map_or(0, |c| c.width);
    let left_w = col_w(0) + col_w(1) + col_w(2);
    let charges = form
        .postal_charges
        .map(|m| labels.money(m))
        .unwrap_or_default();
    value_box(
        &mut doc,
        (x0, y, left_w, totals_h),
        &labels.cap("pdf-cn23-postal-charges"),
        &charges,
        VALUE,
        Align::Right,
        Place::Field("pdf-cn23-postal-charges"),
    )?;
    value_box(
        &mut doc,
        (g.col_x(3), y, col_w(3), totals_h),
        &labels.cap("pdf-cn23-total-weight"),
        &labels.number(form.total_weight_kg),
        VALUE_BOLD,
        Align::Right,
        Place::Field("pdf-cn23-total-weight"),
    )?;
    value_box(
        &mut doc,
        (g.col_x(4), y, col_w(4), totals_h),
        &labels.cap("pdf-cn23-total-value"),
        &labels.money(form.total_value),
        VALUE_BOLD,
        Align::Right,
        Place::Field("pdf-cn23-total-value"),
    )?;
    let mut posting = form.office_of_origin.clone().unwrap_or_default();
    if let Some(d) = form.date_of_posting {
        if !posting.is_empty() {
            posting.push('\n');
        }
        posting.push_str(&d.to_string());
    }
    value_box(
        &mut doc,
        (g.col_x(5), y, col_w(5) + col_w(6), totals_h),
        &labels.cap("pdf-cn23-office-of-origin"),
        &posting,
        VALUE,
        Align::Left,
        Place::Field("pdf-cn23-office-of-origin"),
    )?;
    y += totals_h;

    // Category (10) and explanation | instructions in case of non-delivery.
    let cat_w = w * 62 / 100;
    let top = captioned(
        &mut doc,
        x0,
        y,
        cat_w,
        category_h,
        &labels.cap("pdf-cn23-category"),
    );
    let below = categories(
        &mut doc,
        &labels,
        &form.categories,
        (x0 + PAD, top + PT, cat_w - 2 * PAD),
        3,
    );
    let explanation_cap = labels.cap_inline("pdf-form-explanation");
    let cap_w = doc.width(&explanation_cap, CAPTION).min(cat_w / 3);
    doc.text(
        x0 + PAD,
        below + PT,
        cap_w,
        Align::Left,
        CAPTION,
        &explanation_cap,
    );
    doc.fitted(
        &Place::Field("pdf-form-explanation"),
        form.explanation.as_deref().unwrap_or(""),
        VALUE,
        (
            x0 + PAD + cap_w + 3 * PT,
            below,
            cat_w - cap_w - 2 * PAD - 3 * PT,
            y + category_h - below - PAD,
        ),
        Align::Left,
    )?;
    non_delivery(
        &mut doc,
        &labels,
        form.non_delivery,
        (x0 + cat_w, y, w - cat_w, category_h),
    );
    y += category_h;

    // Comments (11).
    value_box(
        &mut doc,
        (x0, y, w, comments_h),
        &labels.cap_inline("pdf-cn23-comments"),
        form.comments.as_deref().unwrap_or(""),
        VALUE,
        Align::Left,
        Place::Field("pdf-cn23-comments"),
    )?;
    y += comments_h;

    // Licence (12), certificate (13), invoice (14).
    let third = w / 3;
    let docs: [(&'static str, Vec<String>); 3] = [
        ("pdf-cn23-licence", form.licences.clone()),
        ("pdf-cn23-certificate", form.certificates.clone()),
        (
            "pdf-cn23-invoice",
            form.invoice.clone().into_iter().collect(),
        ),
    ];
    for (i, (id, numbers)) in (0..).zip(docs) {
        let bx = x0 + i * third;
        let bw = if i == 2 { w - 2 * third } else { third };
        let ticked = numbers.iter().any(|n| !n.trim().is_empty());
        let side = 8 * PT;
        value_box_inset(
            &mut doc,
            (bx, y, bw, docs_h),
            side + 2 * PT,
            &labels.cap_inline(id),
            &numbers.join(", "),
            VALUE,
            Align::Left,
            Place::Field(id),
        )?;
        doc.checkbox(bx + bw - side - PAD, y + PAD, side, ticked);
    }
    y += docs_h;

    // Certification, date and sender's signature (15) | QR.
    signature(
        &mut doc,
        &labels,
        "pdf-cn23-certify",
        "pdf-cn23-signature",
        &form.signed_on.to_string(),
        (x0, y, w, sign_h),
        qr,
    )?;

    let footer = match form
        .item_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(item) => labels.render(&Message::new("pdf-cn23-footer-item").text("item", item)),
        None => labels.t("pdf-cn23-footer"),
    };
    contents.continuation(
        &mut doc,
        &labels.render(&Message::new("pdf-cn23-continuation").text("footer", footer.clone())),
        drawn,
    )?;
    footers(&mut doc, &labels, &footer)?;
    write(&doc, &footer)
}

/// The top-right block: operator, title, "may be opened officially", item number and the
/// sender's customs reference.
fn header_block(
    doc: &mut Doc,
    labels: &Labels,
    form: &Cn23,
    (x, y, w, h): (i32, i32, i32, i32),
) -> Result<(), PdfError> {
    doc.frame(x, y, w, h, THIN);
    value_box(
        doc,
        (x, y, w, 26 * PT),
        &labels.cap_inline("pdf-form-operator"),
        form.operator.as_deref().unwrap_or(""),
        VALUE_BOLD,
        Align::Left,
        Place::Field("pdf-form-operator"),
    )?;
    title(doc, labels, "CN 23", (x, y + 26 * PT, w));
    value_box(
        doc,
        (x, y + 62 * PT, w, 26 * PT),
        &labels.cap_inline("pdf-form-item-number"),
        form.item_id.as_deref().unwrap_or(""),
        Style::bold(100),
        Align::Left,
        Place::Field("pdf-form-item-number"),
    )?;
    value_box(
        doc,
        (x, y + 88 * PT, w, h - 88 * PT),
        &labels.cap_inline("pdf-cn23-sender-reference"),
        form.sender.reference.as_deref().unwrap_or(""),
        VALUE,
        Align::Left,
        Place::Field("pdf-cn23-sender-reference"),
    )
}

/// "CUSTOMS DECLARATION" with the form's code on the right, the title in the user's language
/// and "may be opened officially", in a 36 pt band.
pub(crate) fn title(doc: &mut Doc, labels: &Labels, code: &str, (x, y, w): (i32, i32, i32)) {
    let big = Style::bold(160);
    let code_w = doc.width(code, big);
    doc.text(
        x + w - code_w - PAD,
        y + 2 * PT,
        code_w,
        Align::Left,
        big,
        code,
    );
    let cap = labels.cap("pdf-form-title");
    let mut lines = cap.lines();
    let head = Style::bold(105);
    let mut ty = y + 3 * PT;
    if let Some(first) = lines.next() {
        doc.text(x + PAD, ty, w - code_w - 3 * PAD, Align::Left, head, first);
        ty += head.leading();
    }
    let sub = Style::bold(75);
    for line in lines {
        doc.text(x + PAD, ty, w - code_w - 3 * PAD, Align::Left, sub, line);
        ty += sub.leading();
    }
    let note = labels.cap_inline("pdf-form-may-be-opened");
    doc.text(
        x + PAD,
        y + 36 * PT - CAPTION.leading() - PT,
        w - 2 * PAD,
        Align::Left,
        CAPTION,
        &note,
    );
}

/// Instructions in case of non-delivery: return (priority / non-priority) or abandon.
fn non_delivery(
    doc: &mut Doc,
    labels: &Labels,
    choice: Option<NonDelivery>,
    (x, y, w, h): (i32, i32, i32, i32),
) {
    let top = captioned(doc, x, y, w, h, &labels.cap("pdf-cn23-non-delivery"));
    let side = 8 * PT;
    let style = Style::regular(65);
    let route = match choice {
        Some(NonDelivery::Return { route }) => route,
        _ => None,
    };
    let items: [(&'static str, bool, i32); 4] = [
        (
            "pdf-cn23-return",
            matches!(choice, Some(NonDelivery::Return { .. })),
            0,
        ),
        ("pdf-cn23-priority", route == Some(Route::Priority), 10 * PT),
        (
            "pdf-cn23-non-priority",
            route == Some(Route::NonPriority),
            10 * PT,
        ),
        ("pdf-cn23-abandon", choice == Some(NonDelivery::Abandon), 0),
    ];
    let mut yy = top + PT;
    for (id, ticked, indent) in items {
        let bx = x + PAD + indent;
        doc.checkbox(bx, yy, side, ticked);
        let text = labels.cap_inline(id);
        let lines = doc.wrap(&text, style, x + w - bx - side - 3 * PT - PAD);
        let first = &lines[..1.min(lines.len())];
        doc.lines(
            bx + side + 3 * PT,
            yy + PT / 2,
            x + w - bx - side - 3 * PT - PAD,
            Align::Left,
            style,
            first,
        );
        yy += side + 2 * PT;
    }
}

/// The certification text, date and signature box, with an optional QR code on the right.
pub(crate) fn signature(
    doc: &mut Doc,
    labels: &Labels,
    certify_id: &'static str,
    signature_id: &'static str,
    date: &str,
    (x, y, w, h): (i32, i32, i32, i32),
    qr: Option<&[Vec<bool>]>,
) -> Result<(), PdfError> {
    let qr_side = if qr.is_some() { h } else { 0 };
    let tw = w - qr_side;
    doc.frame(x, y, tw, h, THIN);
    let text = labels.cap(certify_id);
    let style = Style::regular(65);
    let lines = doc.wrap(&text, style, tw - 2 * PAD);
    let used = doc.lines(x + PAD, y + PAD, tw - 2 * PAD, Align::Left, style, &lines);
    let sy = y + PAD + used + 2 * PT;
    let cap = labels.cap_inline(signature_id);
    doc.text(x + PAD, sy, tw - 2 * PAD, Align::Left, CAPTION, &cap);
    let dy = sy + CAPTION.leading() + 2 * PT;
    doc.text(x + PAD, dy, tw / 3, Align::Left, VALUE_BOLD, date);
    let line_y = (y + h - 6 * PT).max(dy + VALUE.leading());
    doc.line(x + tw / 3, line_y, x + tw - 4 * PAD, line_y, THIN);
    if let Some(modules) = qr {
        doc.frame(x + tw, y, qr_side, h, THIN);
        doc.qr(x + tw, y, qr_side, modules)?;
    }
    Ok(())
}
