//! A generic declaration sheet: title, fields, tables (continued on new pages with their
//! header repeated), totals, notes, an optional QR code and a footer on every page.

use karvon_domain::Message;
use karvon_i18n::Catalogue;

use super::{footers, Labels, BODY_W, BOTTOM};
use crate::pdf::layout::{Align, Doc, Style, MARGIN, PT, THIN};
use crate::pdf::table::{Flow, Grid};
use crate::pdf::writer::write;
use crate::pdf::{PdfError, Place};

/// A document of labelled fields and tables, already in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    /// Title at the top of the first page.
    pub title: String,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// Label and value pairs, in order.
    pub fields: Vec<(String, String)>,
    /// Tables, in order, after the fields.
    pub tables: Vec<Table>,
    /// Paragraphs after the tables.
    pub notes: Vec<String>,
    /// A QR code module matrix (`true` = dark), drawn at the top right of the first page.
    pub qr: Option<Vec<Vec<bool>>>,
    /// Text at the foot of every page (beside "page n of m").
    pub footer: String,
}

/// A table of a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Heading above the table (also named in errors).
    pub title: String,
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows: one cell per column.
    pub rows: Vec<Vec<String>>,
    /// Label and value pairs under the table (e.g. "Total duty", "1 200 000,00 UZS").
    pub totals: Vec<(String, String)>,
}

/// A column of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Heading text.
    pub heading: String,
    /// Alignment of the cells.
    pub align: Align,
    /// Share of the table's width (relative to the other columns' shares).
    pub width: u32,
}

const TITLE: Style = Style::bold(150);
const SUBTITLE: Style = Style::regular(95);
const LABEL: Style = Style::bold(85);
const TEXT: Style = Style::regular(90);
const TABLE_TITLE: Style = Style::bold(110);
const QR_SIDE: i32 = 110 * PT;

/// Renders a sheet; `cat` supplies the running texts ("continued", "page n of m").
pub fn sheet_pdf(sheet: &Sheet, cat: &Catalogue) -> Result<Vec<u8>, PdfError> {
    let labels = Labels::new(cat);
    let mut doc = Doc::new()?;
    draw(&mut doc, &labels, sheet)?;
    footers(&mut doc, &labels, &sheet.footer)?;
    write(&doc, &sheet.title)
}

/// Draws a sheet from the first page on.
pub(crate) fn draw(doc: &mut Doc, labels: &Labels, sheet: &Sheet) -> Result<(), PdfError> {
    let continued =
        labels.render(&Message::new("pdf-continued").text("title", sheet.title.clone()));
    doc.check(&continued, &Place::Field("pdf-sheet-title"))?;
    let running = Style::caption(85);
    let header = |doc: &mut Doc| {
        doc.text(MARGIN, MARGIN, BODY_W, Align::Left, running, &continued);
        MARGIN + running.leading() + 6 * PT
    };

    let qr_w = if sheet.qr.is_some() {
        QR_SIDE + 10 * PT
    } else {
        0
    };
    let head_w = BODY_W - qr_w;
    doc.check(&sheet.title, &Place::Field("pdf-sheet-title"))?;
    let lines = doc.wrap(&sheet.title, TITLE, head_w);
    let mut y = MARGIN + doc.lines(MARGIN, MARGIN, head_w, Align::Left, TITLE, &lines);
    if let Some(sub) = &sheet.subtitle {
        doc.check(sub, &Place::Field("pdf-sheet-subtitle"))?;
        let lines = doc.wrap(sub, SUBTITLE, head_w);
        y += PT + doc.lines(MARGIN, y + PT, head_w, Align::Left, SUBTITLE, &lines);
    }
    if let Some(modules) = &sheet.qr {
        let x = MARGIN + BODY_W - QR_SIDE;
        doc.frame(x, MARGIN, QR_SIDE, QR_SIDE, THIN);
        doc.qr(x, MARGIN, QR_SIDE, modules)?;
    }
    y += 8 * PT;
    let mut flow = Flow {
        y,
        bottom: BOTTOM,
        header: &header,
    };

    // Fields: label | value, beside the QR code while it lasts.
    for (label, value) in &sheet.fields {
        let place = Place::Label(label.clone());
        doc.check(label, &place)?;
        doc.check(value, &place)?;
        let width = if flow.y < MARGIN + QR_SIDE && doc.pages.len() == 1 {
            head_w
        } else {
            BODY_W
        };
        let label_w = BODY_W * 30 / 100;
        let label_lines = doc.wrap(label, LABEL, label_w - 4 * PT);
        let value_lines = doc.wrap(value, TEXT, width - label_w);
        let rows = label_lines.len().max(value_lines.len());
        let h = i32::try_from(rows).unwrap_or(1) * TEXT.leading() + 4 * PT;
        if h > BOTTOM - MARGIN - 40 * PT {
            return Err(PdfError::TooLong { place });
        }
        flow.need(doc, h);
        let y = flow.y;
        doc.lines(
            MARGIN,
            y + 2 * PT,
            label_w - 4 * PT,
            Align::Left,
            LABEL,
            &label_lines,
        );
        doc.lines(
            MARGIN + label_w,
            y + 2 * PT,
            width - label_w,
            Align::Left,
            TEXT,
            &value_lines,
        );
        doc.line(MARGIN, y + h, MARGIN + width, y + h, THIN / 2);
        flow.y += h;
    }
    flow.y = flow.y.max(if sheet.qr.is_some() && doc.pages.len() == 1 {
        MARGIN + QR_SIDE + 6 * PT
    } else {
        0
    });

    for table in &sheet.tables {
        draw_table(doc, &mut flow, table)?;
    }

    if !sheet.notes.is_empty() {
        flow.y += 6 * PT;
    }
    for note in &sheet.notes {
        doc.check(note, &Place::Field("pdf-sheet-note"))?;
        let lines = doc.wrap(note, TEXT, BODY_W - 10 * PT);
        for (i, line) in lines.iter().enumerate() {
            flow.need(doc, TEXT.leading());
            if i == 0 {
                doc.text(MARGIN, flow.y, 10 * PT, Align::Left, TEXT, "•");
            }
            doc.text(
                MARGIN + 10 * PT,
                flow.y,
                BODY_W - 10 * PT,
                Align::Left,
                TEXT,
                line,
            );
            flow.y += TEXT.leading();
        }
        flow.y += 3 * PT;
    }
    Ok(())
}

fn draw_table(doc: &mut Doc, flow: &mut Flow<'_>, table: &Table) -> Result<(), PdfError> {
    let place = Place::Label(table.title.clone());
    doc.check(&table.title, &place)?;
    let cols = table
        .columns
        .iter()
        .map(|c| (c.heading.clone(), c.align, c.width))
        .collect();
    let grid = Grid::by_shares(MARGIN, BODY_W, cols, Style::bold(75), Style::regular(80))
        .ok_or_else(|| PdfError::NoColumns {
            table: table.title.clone(),
        })?;
    for c in &table.columns {
        doc.check(&c.heading, &Place::Label(c.heading.clone()))?;
    }
    let mut rows = Vec::with_capacity(table.rows.len());
    for (n, cells) in table.rows.iter().enumerate() {
        if cells.len() != table.columns.len() {
            return Err(PdfError::RowCells {
                table: table.title.clone(),
                row: n + 1,
                cells: cells.len(),
                columns: table.columns.len(),
            });
        }
        let name = |col: usize| {
            let heading = table.columns.get(col).map_or("", |c| c.heading.as_str());
            Place::Label(format!("{} / {} / {}", table.title, n + 1, heading))
        };
        rows.push(grid.layout_row(doc, cells, &name)?);
    }

    flow.y += 4 * PT;
    let title_lines = doc.wrap(&table.title, TABLE_TITLE, BODY_W);
    let title_h = i32::try_from(title_lines.len()).unwrap_or(1) * TABLE_TITLE.leading() + 2 * PT;
    let first = rows.first().map_or(0, |r| r.height);
    flow.need(doc, title_h + grid.header_height(doc) + first);
    doc.lines(
        MARGIN,
        flow.y,
        BODY_W,
        Align::Left,
        TABLE_TITLE,
        &title_lines,
    );
    flow.y += title_h;
    flow.table(doc, &grid, &rows, &place)?;

    let value_w = BODY_W * 30 / 100;
    for (label, value) in &table.totals {
        let p = Place::Label(label.clone());
        doc.check(label, &p)?;
        doc.check(value, &p)?;
        let h = LABEL.leading() + 4 * PT;
        flow.need(doc, h);
        let label_w = BODY_W - value_w - 6 * PT;
        let fitted = doc
            .fit(label, LABEL, 550, label_w, LABEL.leading())
            .ok_or(PdfError::TooLong { place: p.clone() })?;
        doc.lines(
            MARGIN,
            flow.y + 2 * PT,
            label_w,
            Align::Right,
            fitted.0,
            &fitted.1,
        );
        let fitted = doc
            .fit(value, LABEL, 550, value_w - 4 * PT, LABEL.leading())
            .ok_or(PdfError::TooLong { place: p })?;
        doc.lines(
            MARGIN + BODY_W - value_w,
            flow.y + 2 * PT,
            value_w - 4 * PT,
            Align::Right,
            fitted.0,
            &fitted.1,
        );
        doc.line(
            MARGIN + BODY_W - value_w,
            flow.y + h,
            MARGIN + BODY_W,
            flow.y + h,
            THIN,
        );
        flow.y += h;
    }
    flow.y += 6 * PT;
    Ok(())
}
