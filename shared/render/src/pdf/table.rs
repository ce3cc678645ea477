//! Ruled tables: a header row, rows whose cells wrap, and a flow that continues a table on a
//! new page with its header repeated.

use super::layout::{Align, Doc, Shade, Style, PT, THIN};
use super::{PdfError, Place};

/// Horizontal padding inside a cell.
const PAD_X: i32 = 2 * PT;
/// Vertical padding inside a cell.
const PAD_Y: i32 = 2 * PT;

/// One column: heading (may hold `\n`), alignment and width in layout units.
#[derive(Debug, Clone)]
pub(crate) struct GridCol {
    pub(crate) heading: String,
    pub(crate) align: Align,
    pub(crate) width: i32,
}

/// A table's geometry and styles.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub(crate) x: i32,
    pub(crate) cols: Vec<GridCol>,
    pub(crate) head: Style,
    pub(crate) body: Style,
}

/// A row laid out: the wrapped lines of each cell and the row's height.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) cells: Vec<Vec<String>>,
    pub(crate) height: i32,
}

impl Grid {
    /// Columns sized by shares of `width`; the last column takes the rounding remainder.
    /// `None` when the shares add up to zero.
    pub(crate) fn by_shares(
        x: i32,
        width: i32,
        cols: Vec<(String, Align, u32)>,
        head: Style,
        body: Style,
    ) -> Option<Self> {
        let total: i64 = cols.iter().map(|c| i64::from(c.2)).sum();
        if total == 0 {
            return None;
        }
        let mut used = 0;
        let count = cols.len();
        let cols = cols
            .into_iter()
            .enumerate()
            .map(|(i, (heading, align, share))| {
                let w = if i + 1 == count {
                    width - used
                } else {
                    i32::try_from(i64::from(width) * i64::from(share) / total).unwrap_or(0)
                };
                used += w;
                GridCol {
                    heading,
                    align,
                    width: w,
                }
            })
            .collect();
        Some(Self {
            x,
            cols,
            head,
            body,
        })
    }

    /// The left edge of column `i`.
    pub(crate) fn col_x(&self, i: usize) -> i32 {
        self.x + self.cols.iter().take(i).map(|c| c.width).sum::<i32>()
    }

    /// The table's full width.
    pub(crate) fn width(&self) -> i32 {
        self.cols.iter().map(|c| c.width).sum()
    }

    fn heading_lines(&self, doc: &Doc) -> Vec<Vec<String>> {
        self.cols
            .iter()
            .map(|c| doc.wrap(&c.heading, self.head, c.width - 2 * PAD_X))
            .collect()
    }

    fn height_of(lines: &[Vec<String>], style: Style) -> i32 {
        let most = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        i32::try_from(most).unwrap_or(1) * style.leading() + 2 * PAD_Y
            - (style.leading() - style.size)
    }

    /// The header row's height.
    pub(crate) fn header_height(&self, doc: &Doc) -> i32 {
        Self::height_of(&self.heading_lines(doc), self.head)
    }

    /// Draws the header row at `y`; returns its height.
    pub(crate) fn draw_header(&self, doc: &mut Doc, y: i32) -> i32 {
        let lines = self.heading_lines(doc);
        let h = Self::height_of(&lines, self.head);
        doc.fill(self.x, y, self.width(), h, Shade::Light);
        self.draw_cells(doc, y, h, &lines, self.head, true);
        h
    }

    /// Wraps a row's cells; `place` names a cell (by column) for errors.
    pub(crate) fn layout_row(
        &self,
        doc: &Doc,
        cells: &[String],
        place: &dyn Fn(usize) -> Place,
    ) -> Result<Row, PdfError> {
        let mut out = Vec::with_capacity(cells.len());
        for (i, (cell, col)) in cells.iter().zip(&self.cols).enumerate() {
            doc.check(cell, &place(i))?;
            out.push(doc.wrap(cell, self.body, col.width - 2 * PAD_X));
        }
        let height = Self::height_of(&out, self.body);
        Ok(Row { cells: out, height })
    }

    /// Draws a laid-out row at `y`.
    pub(crate) fn draw_row(&self, doc: &mut Doc, y: i32, row: &Row) {
        self.draw_cells(doc, y, row.height, &row.cells, self.body, false);
    }

    fn draw_cells(
        &self,
        doc: &mut Doc,
        y: i32,
        h: i32,
        cells: &[Vec<String>],
        style: Style,
        heading: bool,
    ) {
        let mut x = self.x;
        for (col, lines) in self.cols.iter().zip(cells) {
            doc.frame(x, y, col.width, h, THIN);
            let align = if heading { Align::Left } else { col.align };
            doc.lines(
                x + PAD_X,
                y + PAD_Y,
                col.width - 2 * PAD_X,
                align,
                style,
                lines,
            );
            x += col.width;
        }
    }
}

/// The vertical position on the current page and where it ends; `header` starts a new page
/// (drawing its running header) and returns where content begins.
pub(crate) struct Flow<'h> {
    pub(crate) y: i32,
    pub(crate) bottom: i32,
    pub(crate) header: &'h dyn Fn(&mut Doc) -> i32,
}

impl std::fmt::Debug for Flow<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Flow")
            .field("y", &self.y)
            .field("bottom", &self.bottom)
            .finish()
    }
}

impl Flow<'_> {
    /// Makes room for `h`: starts a new page when it does not fit; says whether it did.
    pub(crate) fn need(&mut self, doc: &mut Doc, h: i32) -> bool {
        if self.y + h <= self.bottom {
            return false;
        }
        doc.new_page();
        self.y = (self.header)(doc);
        true
    }

    /// Flows rows below a header, repeating the header on every new page. A row taller than
    /// a page is refused as too long, naming `place`.
    pub(crate) fn table(
        &mut self,
        doc: &mut Doc,
        grid: &Grid,
        rows: &[Row],
        place: &Place,
    ) -> Result<(), PdfError> {
        let header = grid.header_height(doc);
        let first = rows.first().map_or(0, |r| r.height);
        self.need(doc, header + first);
        self.y += grid.draw_header(doc, self.y);
        for row in rows {
            if self.need(doc, row.height) {
                self.y += grid.draw_header(doc, self.y);
            }
            if self.y + row.height > self.bottom {
                return Err(PdfError::TooLong {
                    place: place.clone(),
                });
            }
            grid.draw_row(doc, self.y, row);
            self.y += row.height;
        }
        Ok(())
    }
}
