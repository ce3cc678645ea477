//! UPU CN 22 / CN 23 postal customs declarations as data, with their validation.
//!
//! Sources: the team reference `trader-and-payments.md` §1 (fields as the forms number them, when
//! to use which form, the instructions turned into rules) and §1.4 (the ITMATT data the forms feed).
//!
//! - [`Cn22`] and [`Cn23`] hold every field of the forms ([`form`]).
//! - [`parse_cn22`], [`parse_cn23`] and [`parse_declaration`] read the JSON below, reporting every
//!   structural problem with its path (`contents[1].value.amount`).
//! - [`validate_cn22`] and [`validate_cn23`] report every problem of a parsed form at once, as
//!   errors and warnings with paths, plus the 300 SDR check ([`check_sdr`]) that needs a dated
//!   [`SdrRate`] passed in; without one the check is [`SdrDecision::Undecided`], never a silent pass.
//! - The types serialize (serde) to the same JSON shape, so output reads back in.
//!
//! # JSON shape
//!
//! Numbers may be JSON numbers or strings (`"12.50"`, kept exact). `null` counts as absent.
//! Unknown fields are refused. Texts are trimmed; a blank optional text counts as absent. The
//! `//` comments below explain the shape and are not part of it.
//!
//! ```json
//! {
//!   "form": "cn23",                     // optional for parse_cn22/parse_cn23, required for parse_declaration
//!   "operator": "O'zbekiston pochtasi", // optional: designated operator
//!   "item_id": "RR123456785UZ",         // optional: UPU S10 number; spaces dropped, upper-cased
//!   "sender": {                         // "From" (on a CN 22: written on the item)
//!     "name": "Aziza Karimova",         // required
//!     "business": "Karimova Textiles",  // optional
//!     "street": "Navoiy ko'chasi 12",   // required
//!     "postcode": "100011",             // optional
//!     "city": "Tashkent",               // required
//!     "country": "UZ",                  // required, ISO 3166-1 alpha-2 (upper-cased)
//!     "phone": "+998 71 200 00 00",     // optional
//!     "email": "aziza@example.uz",      // optional
//!     "reference": "UZ123456789"        // optional: sender's customs reference / importer's tax or VAT id
//!   },
//!   "addressee": { ... same fields ... },
//!   "categories": ["sale_of_goods"],    // one or more of: gift, documents, commercial_sample,
//!                                       //   returned_goods, sale_of_goods, other
//!   "explanation": "...",               // required with "other"
//!   "contents": [                       // 1 to 100 lines
//!     {
//!       "description": "men's cotton shirts", // required, detailed
//!       "quantity": "2",                // required, > 0
//!       "unit": "pcs",                  // optional
//!       "net_weight_kg": "0.400",       // required, > 0
//!       "value": {"amount": "30.00", "currency": "USD"}, // required; currency = total's
//!       "hs_code": "6205.20",           // commercial items: 6-10 digits, dots and spaces dropped
//!       "origin": "UZ"                  // commercial items: ISO 3166-1 alpha-2
//!     }
//!   ],
//!   "total_weight_kg": "0.550",         // required: gross, at least the lines' net weights
//!   "total_value": {"amount": "30.00", "currency": "USD"}, // required: sum of the lines
//!   "signed_on": "2026-11-20",          // required: date of the sender's signature
//!
//!   // CN 23 only (refused in a CN 22):
//!   "postal_charges": {"amount": "12.00", "currency": "USD"}, // box 9
//!   "comments": "subject to phytosanitary inspection",      // box 11
//!   "licences": ["L-123"],              // box 12
//!   "certificates": ["PC-2026-77"],     // box 13
//!   "invoice": "INV-2026-0042",         // box 14
//!   "office_of_origin": "Tashkent 100000", // filled by the post
//!   "date_of_posting": "2026-11-21",    // filled by the post
//!   "non_delivery": {"action": "return", "route": "priority"} // or "non_priority"; or {"action": "abandon"}
//! }
//! ```
//!
//! Parser limits: [`MAX_INPUT_BYTES`] (1 MiB), [`MAX_LINES`] (100) entries per list,
//! [`MAX_TEXT_CHARS`] (1,000) characters per text, numbers within ±[`MAX_NUMBER`] (10^12).

mod country;
pub mod form;
mod json;
mod text;
mod validate;

pub use country::is_country;
pub use form::{Category, Cn22, Cn23, ContentLine, Declaration, NonDelivery, Party, Route};
pub use json::{
    parse_cn22, parse_cn23, parse_declaration, MAX_INPUT_BYTES, MAX_LINES, MAX_NUMBER,
    MAX_TEXT_CHARS,
};
pub use validate::{
    check_sdr, is_vague_description, validate, validate_cn22, validate_cn23, Outcome, SdrCheck,
    SdrDecision, SdrRate, Validation, CN22_LIMIT_SDR, CN22_WEIGHT_NOTE_KG, MAX_CITY_CHARS,
    MAX_COMMENTS_CHARS, MAX_DESCRIPTION_CHARS, MAX_EMAIL_CHARS, MAX_EXPLANATION_CHARS,
    MAX_NAME_CHARS, MAX_PHONE_CHARS, MAX_POSTCODE_CHARS, MAX_REFERENCE_CHARS, MAX_STREET_CHARS,
    MAX_UNIT_CHARS, VAGUE_DESCRIPTIONS,
};

/// Every catalogue id this module can emit (errors, warnings and the terms inside them), for the
/// catalogue tests.
pub const MESSAGE_IDS: &[&str] = &[
    // Readable lines (text.rs).
    "postal-text-form",
    "postal-text-sender",
    "postal-text-addressee",
    "postal-text-category",
    "postal-text-explanation",
    "postal-text-line",
    "postal-text-totals",
    "postal-text-charges",
    "postal-text-licence",
    "postal-text-certificate",
    "postal-text-invoice",
    "postal-text-comments",
    "postal-text-signed-on",
    // Parsing.
    "input-syntax",
    "input-too-large",
    "input-type",
    "input-missing",
    "input-unknown-field",
    "input-text-too-long",
    "input-too-many",
    "input-too-big",
    "input-too-precise",
    "input-not-decimal",
    "input-unknown-currency",
    "input-date",
    "input-postal-form",
    "input-postal-unknown-category",
    "input-postal-unknown-action",
    "input-postal-unknown-route",
    "type-array",
    "type-number",
    "type-object",
    "type-string",
    // Validation errors.
    "input-empty-text",
    "input-empty-list",
    "input-control-chars",
    "input-country",
    "input-not-positive",
    "input-negative",
    "input-postal-item-id",
    "input-postal-phone",
    "input-postal-email",
    "input-postal-category-twice",
    "input-postal-gift-commercial",
    "input-postal-explanation-required",
    "input-postal-vague-description",
    "input-postal-currency-mismatch",
    "input-postal-hs-code",
    "input-postal-hs-required",
    "input-postal-origin-required",
    "input-postal-total-weight",
    "input-postal-total-value",
    "input-postal-cn23-required",
    // Warnings.
    "notice-postal-sdr-undecided",
    "notice-postal-sdr-at-limit",
    "notice-postal-cn22-weight",
    "notice-postal-invoice-missing",
    // Terms.
    "postal-category-gift",
    "postal-category-documents",
    "postal-category-commercial-sample",
    "postal-category-returned-goods",
    "postal-category-sale-of-goods",
    "postal-category-other",
];
