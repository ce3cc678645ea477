//! PDF export: the CN 23 and CN 22 customs declarations laid out like the UPU forms, the
//! payment draft, and a generic declaration [`Sheet`] (used for the passenger and trader
//! declarations).
//!
//! Text is set in DejaVu Sans Condensed (Latin with the Uzbek `ʻ`, and Cyrillic), embedded as
//! a per-document subset with a ToUnicode map, so copying or extracting text returns the real
//! characters. Labels come from the `render.ftl` catalogue; fixed captions of the UPU forms
//! show their English wording beside the user's language. Output depends only on the input:
//! the same document gives the same bytes.
//!
//! QR codes are drawn as vectors from a module matrix the caller supplies (`true` = dark).

mod error;
mod font;
mod forms;
mod layout;
mod table;
mod writer;

pub use error::{PdfError, Place};
pub use forms::cn22::cn22_pdf;
pub use forms::cn23::cn23_pdf;
pub use forms::payment::payment_pdf;
pub use forms::sheet::{sheet_pdf, Column, Sheet, Table};
pub use layout::Align;
