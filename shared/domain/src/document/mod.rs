//! Signed, offline-verifiable documents: a declaration or payment draft in canonical form,
//! signed with Ed25519, carried as a binary envelope or as QR text.
//!
//! ```text
//! body ──canonical──▶ bytes ──sign──▶ SignedDocument ──to_bytes──▶ envelope
//!                                                     └─to_qr_payload──▶ "KV1:" Base45(zlib(envelope))
//! ```
//!
//! Decoding (envelope, QR text, body) needs no feature; signing and verifying need the
//! default `sign` feature (`ring`), so a wasm front can read documents with
//! `default-features = false`.

pub mod base45;
pub mod canonical;
mod envelope;
mod error;
mod kind;
#[cfg(feature = "sign")]
mod sign;

pub use envelope::{
    SignedDocument, ENVELOPE_VERSION, MAX_BODY_BYTES, MAX_ENVELOPE_BYTES, QR_PREFIX, SIGNING_MAGIC,
};
pub use error::{DocumentError, EnvelopeField};
pub use kind::DocKind;
#[cfg(feature = "sign")]
pub use sign::{fingerprint, Signer};
