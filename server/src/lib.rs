//! Karvon's sync server: devices authenticate with Ed25519-signed requests, push batches of
//! field changes idempotently and pull them back by a server cursor. Storage is SQLite (one file
//! in the data folder) or PostgreSQL (shared by many server processes).
//!
//! The wire types and the signing scheme live in `karvon_domain::sync`.

pub mod app;
mod error;
mod filing;
pub mod ratelimit;
pub mod store;

pub use app::{router, routes, serve, Limits, OPENAPI_JSON};
pub use error::Error;
pub use ratelimit::Rate;
pub use store::{FilingMove, FilingRecord, NewBundle, PostgresStore, SqliteStore, Storage};
