//! Sync wire types shared by clients and the server: the hybrid logical clock and change records.

mod change;
mod hlc;

pub use change::{Change, EntityKind, DELETED_FIELD};
pub use hlc::{Hlc, HlcError};
