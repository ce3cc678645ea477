//! Why a document could not be rendered, in English for logs and as a [`Message`].

use karvon_domain::Message;

/// Where in a document a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A box of a form, by the catalogue id of its label (e.g. `pdf-cn23-comments`).
    Field(&'static str),
    /// A box of one contents line (1-based), by the catalogue id of its label.
    Line(&'static str, usize),
    /// A part of a sheet, by the label or title the caller gave it.
    Label(String),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Field(id) => write!(f, "{id}"),
            Place::Line(id, line) => write!(f, "{id}, line {line}"),
            Place::Label(label) => write!(f, "“{label}”"),
        }
    }
}

/// A document that cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// A character the embedded font has no glyph for (an emoji, CJK, a control character).
    #[error("{place}: the font has no glyph for {character:?} (U+{:04X})", u32::from(*character))]
    UnsupportedCharacter {
        /// Where the text is.
        place: Place,
        /// The first character the font lacks.
        character: char,
    },
    /// Text too long for its box even at the smallest size.
    #[error("{place}: the text is too long for its box")]
    TooLong {
        /// Where the text is.
        place: Place,
    },
    /// A table row whose number of cells differs from the number of columns.
    #[error("table “{table}”, row {row}: {cells} cells for {columns} columns")]
    RowCells {
        /// The table's title.
        table: String,
        /// The row, 1-based.
        row: usize,
        /// Cells given.
        cells: usize,
        /// Columns of the table.
        columns: usize,
    },
    /// A table without columns, or whose width shares add up to zero.
    #[error("table “{table}” has no column with a width")]
    NoColumns {
        /// The table's title.
        table: String,
    },
    /// A QR matrix that is empty or not square.
    #[error("the QR code matrix is empty or not square")]
    QrMatrix,
    /// The embedded font could not be read or subset.
    #[error("the embedded font could not be read or subset")]
    Font,
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Adds the place as `place` (and `line`), choosing the id with or without a line.
fn with_place(plain: &'static str, lined: &'static str, place: &Place) -> Message {
    match place {
        Place::Field(id) => Message::new(plain).term("place", *id),
        Place::Line(id, line) => Message::new(lined)
            .term("place", *id)
            .int("line", int(*line)),
        Place::Label(label) => Message::new(plain).text("place", label.clone()),
    }
}

impl PdfError {
    /// The reason as a translatable message.
    pub fn message(&self) -> Message {
        match self {
            PdfError::UnsupportedCharacter { place, character } => {
                with_place("pdf-error-character", "pdf-error-character-line", place)
                    .text("character", character.to_string())
                    .text("code", format!("U+{:04X}", u32::from(*character)))
            }
            PdfError::TooLong { place } => {
                with_place("pdf-error-too-long", "pdf-error-too-long-line", place)
            }
            PdfError::RowCells {
                table,
                row,
                cells,
                columns,
            } => Message::new("pdf-error-row-cells")
                .text("table", table.clone())
                .int("row", int(*row))
                .int("cells", int(*cells))
                .int("columns", int(*columns)),
            PdfError::NoColumns { table } => {
                Message::new("pdf-error-no-columns").text("table", table.clone())
            }
            PdfError::QrMatrix => Message::new("pdf-error-qr"),
            PdfError::Font => Message::new("pdf-error-font"),
        }
    }
}
