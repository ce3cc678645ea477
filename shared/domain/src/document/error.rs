//! Why a document could not be signed, read or trusted, in English for logs and as a
//! [`Message`].

use std::fmt;

use crate::message::Message;

use super::DocKind;

/// A part of the binary envelope, named in errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnvelopeField {
    /// The format version byte.
    Version,
    /// The kind tag.
    Kind,
    /// The issue time (milliseconds, 8 bytes).
    IssuedAt,
    /// The signer's Ed25519 public key (32 bytes).
    PublicKey,
    /// The body length (4 bytes).
    BodyLength,
    /// The canonical body.
    Body,
    /// The Ed25519 signature (64 bytes).
    Signature,
}

impl EnvelopeField {
    /// The catalogue term naming the field.
    pub fn term(self) -> &'static str {
        match self {
            EnvelopeField::Version => "document-field-version",
            EnvelopeField::Kind => "document-field-kind",
            EnvelopeField::IssuedAt => "document-field-issued-at",
            EnvelopeField::PublicKey => "document-field-public-key",
            EnvelopeField::BodyLength => "document-field-body-length",
            EnvelopeField::Body => "document-field-body",
            EnvelopeField::Signature => "document-field-signature",
        }
    }
}

impl fmt::Display for EnvelopeField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EnvelopeField::Version => "format version",
            EnvelopeField::Kind => "kind",
            EnvelopeField::IssuedAt => "issue time",
            EnvelopeField::PublicKey => "public key",
            EnvelopeField::BodyLength => "body length",
            EnvelopeField::Body => "body",
            EnvelopeField::Signature => "signature",
        })
    }
}

/// Why a document could not be encoded, decoded, signed or trusted.
///
/// The English text is for logs; users see [`DocumentError::message`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// The body cannot be put in canonical form (a float, an integer beyond 64 bits).
    #[error("the document cannot be encoded: {detail}")]
    Encode {
        /// What was refused.
        detail: String,
    },
    /// Canonical bytes do not decode as the requested type.
    #[error("the data does not decode at `{path}`: {detail}")]
    Decode {
        /// Field path, e.g. `contents[3].value`.
        path: String,
        /// What was wrong.
        detail: String,
    },
    /// A signed body does not decode as its kind's type.
    #[error("the {kind:?} document's contents are not valid at `{path}`: {detail}")]
    Body {
        /// The document's kind.
        kind: DocKind,
        /// Field path, e.g. `contents[3].value`.
        path: String,
        /// What was wrong.
        detail: String,
    },
    /// The body is too large to sign (the envelope would exceed [`super::MAX_ENVELOPE_BYTES`]).
    #[error("the document body is {len} bytes; at most {max} can be signed")]
    BodyTooLarge {
        /// Body size in bytes.
        len: usize,
        /// The largest body accepted.
        max: usize,
    },

    /// Nothing was given.
    #[error("the document is empty")]
    Empty,
    /// The QR text does not start with `KV1:`.
    #[error("the text does not start with `KV1:` (it starts with `{found}`)")]
    Prefix {
        /// The first characters as given (at most 4).
        found: String,
    },
    /// A character outside the Base45 alphabet.
    #[error("`{character}` at position {position} is not a Base45 character")]
    Base45Char {
        /// The character.
        character: char,
        /// Its 1-based position in the whole text.
        position: usize,
    },
    /// The Base45 part has a length that no data has (3n + 1): it was cut short.
    #[error("the Base45 text has {len} characters, which no data encodes: it is truncated")]
    Base45Length {
        /// Number of Base45 characters.
        len: usize,
    },
    /// A Base45 group encodes a number too large for its bytes.
    #[error("the Base45 group at position {position} is out of range")]
    Base45Value {
        /// 1-based position of the group's first character in the whole text.
        position: usize,
    },
    /// The compressed data ends early.
    #[error("the compressed document is truncated")]
    InflateTruncated,
    /// The compressed data is corrupt (bad stream or checksum).
    #[error("the compressed document is corrupt")]
    InflateCorrupt,
    /// The data inflates beyond the limit (a decompression bomb, or not a Karvon document).
    #[error("the document inflates to more than {max} bytes")]
    TooLarge {
        /// The limit in bytes.
        max: usize,
    },

    /// The envelope ends before a field.
    #[error("the document ends before its {field}")]
    EnvelopeTruncated {
        /// The missing (or cut) field.
        field: EnvelopeField,
    },
    /// Bytes follow the signature.
    #[error("{count} unexpected bytes follow the signature")]
    EnvelopeTrailing {
        /// How many.
        count: usize,
    },
    /// A format version this build does not read.
    #[error("document format version {version} is not supported")]
    UnsupportedVersion {
        /// The version byte.
        version: u8,
    },
    /// A kind tag that names no kind.
    #[error("document kind tag {tag} is unknown")]
    UnknownKind {
        /// The tag byte.
        tag: u8,
    },
    /// The body length field is larger than any document can be.
    #[error("the body length {len} exceeds the limit of {max} bytes")]
    BodyLength {
        /// The length as written.
        len: u64,
        /// The limit.
        max: usize,
    },

    /// The signature does not match the document and its key.
    #[error("the signature is not valid: the document was changed or not signed by this key")]
    SignatureInvalid,
    /// The signature is valid but the key is not one the verifier trusts.
    #[error("the document is signed by an untrusted key ({fingerprint})")]
    UntrustedKey {
        /// Short fingerprint of the key.
        fingerprint: String,
    },
    /// A signing key could not be read.
    #[error("the signing key is not a valid Ed25519 PKCS#8 key: {detail}")]
    KeyRejected {
        /// Why.
        detail: String,
    },
    /// A signing key could not be generated (the random source failed).
    #[error("a signing key could not be generated")]
    KeyGeneration,
}

impl DocumentError {
    /// The error as a translatable message.
    pub fn message(&self) -> Message {
        match self {
            DocumentError::Encode { detail } => {
                Message::new("document-error-encode").text("detail", detail.clone())
            }
            DocumentError::Decode { path, detail } => Message::new("document-error-decode")
                .text("path", path.clone())
                .text("detail", detail.clone()),
            DocumentError::Body { kind, path, detail } => Message::new("document-error-body")
                .term("kind", kind.term())
                .text("path", path.clone())
                .text("detail", detail.clone()),
            DocumentError::BodyTooLarge { len, max } => {
                Message::new("document-error-body-too-large")
                    .int("len", count(*len))
                    .int("max", count(*max))
            }
            DocumentError::Empty => Message::new("document-error-empty"),
            DocumentError::Prefix { found } => {
                Message::new("document-error-prefix").text("found", found.clone())
            }
            DocumentError::Base45Char {
                character,
                position,
            } => Message::new("document-error-base45-char")
                .text("character", character.to_string())
                .int("position", count(*position)),
            DocumentError::Base45Length { len } => {
                Message::new("document-error-base45-length").int("len", count(*len))
            }
            DocumentError::Base45Value { position } => {
                Message::new("document-error-base45-value").int("position", count(*position))
            }
            DocumentError::InflateTruncated => Message::new("document-error-inflate-truncated"),
            DocumentError::InflateCorrupt => Message::new("document-error-inflate-corrupt"),
            DocumentError::TooLarge { max } => {
                Message::new("document-error-too-large").int("max", count(*max))
            }
            DocumentError::EnvelopeTruncated { field } => {
                Message::new("document-error-envelope-truncated").term("field", field.term())
            }
            DocumentError::EnvelopeTrailing { count: n } => {
                Message::new("document-error-envelope-trailing").int("count", count(*n))
            }
            DocumentError::UnsupportedVersion { version } => {
                Message::new("document-error-version").int("version", i64::from(*version))
            }
            DocumentError::UnknownKind { tag } => {
                Message::new("document-error-unknown-kind").int("tag", i64::from(*tag))
            }
            DocumentError::BodyLength { len, max } => Message::new("document-error-body-length")
                .int("len", i64::try_from(*len).unwrap_or(i64::MAX))
                .int("max", count(*max)),
            DocumentError::SignatureInvalid => Message::new("document-error-signature"),
            DocumentError::UntrustedKey { fingerprint } => {
                Message::new("document-error-untrusted").text("fingerprint", fingerprint.clone())
            }
            DocumentError::KeyRejected { detail } => {
                Message::new("document-error-key").text("detail", detail.clone())
            }
            DocumentError::KeyGeneration => Message::new("document-error-key-generation"),
        }
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
