//! The contents table of CN 22 and CN 23: as many lines as fit in the form's box, then a
//! continuation sheet whose table repeats its header on every page.

use karvon_domain::postal::ContentLine;
use karvon_domain::Message;

use super::{Labels, BODY_W, BOTTOM, VALUE};
use crate::pdf::layout::{Align, Doc, Style, MARGIN, PT, THIN};
use crate::pdf::table::{Flow, Grid, Row};
use crate::pdf::{PdfError, Place};

/// One column of the contents table: label id, alignment, width share, the cell text.
pub(crate) type ContentsColumn = (
    &'static str,
    Align,
    u32,
    fn(&Labels, &ContentLine) -> String,
);

/// The label id of a numbering column: its cells show the line number.
pub(crate) const LINE_COLUMN: &str = "pdf-contents-line";

/// The contents table of a form, laid out.
pub(crate) struct Contents {
    pub(crate) grid: Grid,
    pub(crate) rows: Vec<Row>,
    raw: Vec<Vec<String>>,
    ids: Vec<&'static str>,
}

impl Contents {
    /// Lays out the lines: one row each, cells named by their column's label for errors.
    pub(crate) fn new(
        doc: &Doc,
        labels: &Labels,
        (x, w): (i32, i32),
        columns: &[ContentsColumn],
        lines: &[ContentLine],
    ) -> Result<Self, PdfError> {
        let cols = columns
            .iter()
            .map(|(id, align, share, _)| (labels.cap(id), *align, *share))
            .collect();
        let grid = Grid::by_shares(x, w, cols, Style::caption(60), VALUE.sized(800))
            .ok_or(PdfError::Font)?;
        let ids: Vec<&'static str> = columns.iter().map(|c| c.0).collect();
        let mut rows = Vec::with_capacity(lines.len());
        let mut raw = Vec::with_capacity(lines.len());
        for (n, line) in lines.iter().enumerate() {
            let mut cells: Vec<String> = columns.iter().map(|c| (c.3)(labels, line)).collect();
            if let (Some(first), Some(&LINE_COLUMN)) = (cells.first_mut(), ids.first()) {
                *first = (n + 1).to_string();
            }
            let place = |col: usize| Place::Line(ids.get(col).copied().unwrap_or(""), n + 1);
            rows.push(grid.layout_row(doc, &cells, &place)?);
            raw.push(cells);
        }
        Ok(Self {
            grid,
            rows,
            raw,
            ids,
        })
    }

    /// Draws the header and the rows that fit between `y` and `bottom`; the rest of the box
    /// is left ruled and empty, or, when lines remain, says where they continue. Returns how
    /// many lines were drawn.
    pub(crate) fn draw_box(&self, doc: &mut Doc, labels: &Labels, y: i32, bottom: i32) -> usize {
        let mut y = y + self.grid.draw_header(doc, y);
        let note_h = VALUE.leading() + 4 * PT;
        let total: i32 = self.rows.iter().map(|r| r.height).sum();
        let all_fit = y + total <= bottom;
        let limit = if all_fit { bottom } else { bottom - note_h };
        let mut drawn = 0;
        for row in &self.rows {
            if y + row.height > limit {
                break;
            }
            self.grid.draw_row(doc, y, row);
            y += row.height;
            drawn += 1;
        }
        if all_fit {
            for i in 0..self.grid.cols.len() {
                let w = self.grid.cols.get(i).map_or(0, |c| c.width);
                if bottom > y {
                    doc.frame(self.grid.col_x(i), y, w, bottom - y, THIN);
                }
            }
        } else {
            let w = self.grid.width();
            doc.frame(self.grid.x, y, w, bottom - y, THIN);
            let note = labels.render(
                &Message::new("pdf-contents-continued")
                    .int("from", i64::try_from(drawn + 1).unwrap_or(0))
                    .int("to", i64::try_from(self.rows.len()).unwrap_or(0)),
            );
            let lines = doc.wrap(&note, Style::bold(80), w - 4 * PT);
            doc.lines(
                self.grid.x + 2 * PT,
                y + 2 * PT,
                w - 4 * PT,
                Align::Left,
                Style::bold(80),
                &lines[..1.min(lines.len())],
            );
        }
        drawn
    }

    /// Continuation sheet(s) for the lines from `from` (0-based) on, full page width.
    pub(crate) fn continuation(
        &self,
        doc: &mut Doc,
        heading: &str,
        from: usize,
    ) -> Result<(), PdfError> {
        let Some(rest) = self.raw.get(from..).filter(|r| !r.is_empty()) else {
            return Ok(());
        };
        let title = Style::bold(110);
        let header = |doc: &mut Doc| {
            doc.text(MARGIN, MARGIN, BODY_W, Align::Left, title, heading);
            MARGIN + title.leading() + 4 * PT
        };
        doc.new_page();
        let y = header(doc);
        let mut grid = self.grid.clone();
        let scale_from = grid.width();
        grid.x = MARGIN;
        for col in &mut grid.cols {
            col.width =
                i32::try_from(i64::from(col.width) * i64::from(BODY_W) / i64::from(scale_from))
                    .unwrap_or(col.width);
        }
        let mut rows = Vec::with_capacity(rest.len());
        for (n, cells) in (from + 1..).zip(rest) {
            // Wrapped again for the wider columns.
            let place = |col: usize| Place::Line(self.ids.get(col).copied().unwrap_or(""), n);
            rows.push(grid.layout_row(doc, cells, &place)?);
        }
        let mut flow = Flow {
            y,
            bottom: BOTTOM,
            header: &header,
        };
        flow.table(doc, &grid, &rows, &Place::Field("pdf-contents"))
    }
}
