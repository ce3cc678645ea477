//! The signed document and its two carriers: the binary envelope (storage) and the QR text.
//!
//! Envelope, version 1 (all integers big-endian):
//!
//! | bytes | field |
//! | --- | --- |
//! | 1 | format version, `1` |
//! | 1 | kind tag ([`DocKind::tag`]) |
//! | 8 | issue time, milliseconds since the Unix epoch (signed) |
//! | 32 | signer's Ed25519 public key |
//! | 4 | body length `n` |
//! | n | body: canonical bytes ([`super::canonical`]) |
//! | 64 | Ed25519 signature over [`SignedDocument::signed_message`] |
//!
//! QR text: `KV1:` followed by Base45 (RFC 9285) of the zlib-compressed envelope, the scheme of
//! the EU digital COVID certificate. Every character is in the QR alphanumeric set.

use miniz_oxide::inflate::TINFLStatus;
use serde::de::DeserializeOwned;

use super::{base45, canonical, DocKind, DocumentError, EnvelopeField};

/// The envelope format version this build writes and reads.
pub const ENVELOPE_VERSION: u8 = 1;
/// The start of every QR text.
pub const QR_PREFIX: &str = "KV1:";
/// Largest envelope accepted, in bytes (256 KiB); also the cap on inflating QR text.
pub const MAX_ENVELOPE_BYTES: usize = 256 * 1024;
/// The domain-separation prefix of every signed message.
pub const SIGNING_MAGIC: &[u8; 11] = b"KARVON-DOC\x01";

/// Bytes of the envelope other than the body.
const OVERHEAD: usize = 1 + 1 + 8 + 32 + 4 + 64;
/// Largest body that fits in [`MAX_ENVELOPE_BYTES`].
pub const MAX_BODY_BYTES: usize = MAX_ENVELOPE_BYTES - OVERHEAD;
/// zlib compression level of the QR text (9 came out smaller than miniz_oxide's 10 here).
const DEFLATE_LEVEL: u8 = 9;

/// A document body in canonical form, signed by an Ed25519 key.
///
/// Reading one (from bytes or QR text) checks its shape only: call
/// [`SignedDocument::verify`] or [`SignedDocument::verify_trusted`] (feature `sign`) before
/// believing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedDocument {
    /// What the body is.
    pub kind: DocKind,
    /// When it was signed, milliseconds since the Unix epoch (given by the caller).
    pub issued_ms: i64,
    /// The signer's Ed25519 public key.
    pub public_key: [u8; 32],
    /// The body's canonical bytes.
    pub body: Vec<u8>,
    /// Ed25519 signature over [`SignedDocument::signed_message`].
    pub signature: [u8; 64],
}

impl SignedDocument {
    /// The exact bytes the signature covers: [`SIGNING_MAGIC`] ‖ kind tag ‖ issue time
    /// (8 bytes) ‖ public key ‖ body length (4 bytes) ‖ body.
    pub fn signed_message(&self) -> Result<Vec<u8>, DocumentError> {
        signed_message(self.kind, self.issued_ms, &self.public_key, &self.body)
    }

    /// The binary envelope (see the module doc).
    pub fn to_bytes(&self) -> Result<Vec<u8>, DocumentError> {
        let len = body_len(&self.body)?;
        let mut out = Vec::with_capacity(OVERHEAD + self.body.len());
        out.push(ENVELOPE_VERSION);
        out.push(self.kind.tag());
        out.extend_from_slice(&self.issued_ms.to_be_bytes());
        out.extend_from_slice(&self.public_key);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&self.body);
        out.extend_from_slice(&self.signature);
        Ok(out)
    }

    /// Reads a binary envelope, naming the first field that is missing or wrong.
    /// Does not verify the signature.
    pub fn from_bytes(bytes: &[u8]) -> Result<SignedDocument, DocumentError> {
        if bytes.is_empty() {
            return Err(DocumentError::Empty);
        }
        let mut r = Reader { bytes };
        let version = r.take::<1>(EnvelopeField::Version)?[0];
        if version != ENVELOPE_VERSION {
            return Err(DocumentError::UnsupportedVersion { version });
        }
        let tag = r.take::<1>(EnvelopeField::Kind)?[0];
        let kind = DocKind::from_tag(tag).ok_or(DocumentError::UnknownKind { tag })?;
        let issued_ms = i64::from_be_bytes(r.take(EnvelopeField::IssuedAt)?);
        let public_key = r.take(EnvelopeField::PublicKey)?;
        let len = u32::from_be_bytes(r.take(EnvelopeField::BodyLength)?);
        let len = usize::try_from(len)
            .ok()
            .filter(|&l| l <= MAX_BODY_BYTES)
            .ok_or(DocumentError::BodyLength {
                len: u64::from(len),
                max: MAX_BODY_BYTES,
            })?;
        let body = r.slice(len, EnvelopeField::Body)?.to_vec();
        let signature = r.take(EnvelopeField::Signature)?;
        if !r.bytes.is_empty() {
            return Err(DocumentError::EnvelopeTrailing {
                count: r.bytes.len(),
            });
        }
        Ok(SignedDocument {
            kind,
            issued_ms,
            public_key,
            body,
            signature,
        })
    }

    /// The QR text: `KV1:` + Base45(zlib(envelope)).
    pub fn to_qr_payload(&self) -> Result<String, DocumentError> {
        let bytes = self.to_bytes()?;
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&bytes, DEFLATE_LEVEL);
        Ok(format!("{QR_PREFIX}{}", base45::encode(&packed)))
    }

    /// Reads QR text (as a scanner returns it). Does not verify the signature.
    pub fn from_qr_payload(text: &str) -> Result<SignedDocument, DocumentError> {
        if text.is_empty() {
            return Err(DocumentError::Empty);
        }
        let Some(rest) = text.strip_prefix(QR_PREFIX) else {
            return Err(DocumentError::Prefix {
                found: text.chars().take(QR_PREFIX.len()).collect(),
            });
        };
        if rest.is_empty() {
            return Err(DocumentError::Empty);
        }
        let packed = base45::decode(rest, QR_PREFIX.len())?;
        let bytes =
            miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_ENVELOPE_BYTES)
                .map_err(|e| match e.status {
                    TINFLStatus::HasMoreOutput => DocumentError::TooLarge {
                        max: MAX_ENVELOPE_BYTES,
                    },
                    TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                        DocumentError::InflateTruncated
                    }
                    _ => DocumentError::InflateCorrupt,
                })?;
        SignedDocument::from_bytes(&bytes)
    }

    /// The body decoded as `T`; a mismatch names the field path. Does not verify the
    /// signature.
    pub fn decode_body<T: DeserializeOwned>(&self) -> Result<T, DocumentError> {
        canonical::from_slice(&self.body).map_err(|e| match e {
            DocumentError::Decode { path, detail } => DocumentError::Body {
                kind: self.kind,
                path,
                detail,
            },
            other => other,
        })
    }
}

/// The bytes a signature covers (see [`SignedDocument::signed_message`]).
pub(super) fn signed_message(
    kind: DocKind,
    issued_ms: i64,
    public_key: &[u8; 32],
    body: &[u8],
) -> Result<Vec<u8>, DocumentError> {
    let len = body_len(body)?;
    let mut m = Vec::with_capacity(SIGNING_MAGIC.len() + 45 + body.len());
    m.extend_from_slice(SIGNING_MAGIC);
    m.push(kind.tag());
    m.extend_from_slice(&issued_ms.to_be_bytes());
    m.extend_from_slice(public_key);
    m.extend_from_slice(&len.to_be_bytes());
    m.extend_from_slice(body);
    Ok(m)
}

fn body_len(body: &[u8]) -> Result<u32, DocumentError> {
    u32::try_from(body.len())
        .ok()
        .filter(|_| body.len() <= MAX_BODY_BYTES)
        .ok_or(DocumentError::BodyTooLarge {
            len: body.len(),
            max: MAX_BODY_BYTES,
        })
}

/// Reads envelope fields in order.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn slice(&mut self, n: usize, field: EnvelopeField) -> Result<&'a [u8], DocumentError> {
        if self.bytes.len() < n {
            return Err(DocumentError::EnvelopeTruncated { field });
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn take<const N: usize>(&mut self, field: EnvelopeField) -> Result<[u8; N], DocumentError> {
        let mut out = [0; N];
        out.copy_from_slice(self.slice(N, field)?);
        Ok(out)
    }
}
