//! Karvon's pure domain: money and currencies, FX tables, rules packs and the assessment engine.
//!
//! No I/O, no threads, no clock: every input is passed in. Compiles for `wasm32-unknown-unknown`.

pub mod assess;
pub mod currency;
pub mod date;
pub mod declare;
pub mod dist;
pub mod document;
pub mod filing;
pub mod fx;
pub mod kind;
pub mod message;
pub mod money;
pub mod pack;
pub mod payment;
pub mod postal;
pub mod rounding;
pub mod sync;
pub mod trade;
pub mod trip;

pub use assess::{assess, Assessment, Channel, ItemStatus, Notice, NoticeCode, Severity};
pub use currency::Currency;
pub use date::Date;
pub use declare::{DeclareError, PassengerDeclaration};
pub use message::{Arg, Message};
pub use money::Money;
pub use pack::{Pack, PackError, PackSet};
pub use trip::{parse_trip, InputError, Trip};
