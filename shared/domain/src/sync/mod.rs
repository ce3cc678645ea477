//! Sync wire types shared by clients and the server: the hybrid logical clock, change records,
//! the HTTP protocol's bodies and the signed-request scheme.

pub mod auth;
mod change;
mod hlc;
pub mod wire;

pub use change::{Change, EntityKind, DELETED_FIELD};
pub use hlc::{Hlc, HlcError};
