//! Signed distribution bundles: a rules pack, a rate table or the HS data set, signed by a
//! publisher key, checked by the client before it installs anything.
//!
//! A bundle file is the canonical CBOR ([`crate::document::canonical`]) of a map
//! `{format: 1, header: bytes, signature: bytes, content: bytes}`:
//!
//! - `header` is itself the canonical CBOR of a [`BundleHeader`]: kind, name, version,
//!   publication time, content size, SHA-256 of the content (hex) and the publisher key id
//!   (the key's fingerprint, [`crate::document::fingerprint`]);
//! - `signature` is the Ed25519 signature (64 bytes) over [`BUNDLE_MAGIC`] ‖ `header`;
//! - `content` is the published file itself (pack JSON, CBU JSON or ECB XML/CSV, HS CSV).
//!
//! The signature covers the header, the header covers the content by its digest: a changed
//! header fails the signature, a changed content fails the digest. Verification
//! ([`verify`], feature `sign`) reports which check failed: [`BundleError::UnknownKey`],
//! [`BundleError::BadSignature`], [`BundleError::DigestMismatch`], [`BundleError::WrongKind`],
//! [`BundleError::WrongName`] or [`BundleError::Malformed`].

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::document::canonical;
use crate::message::Message;

/// The bundle format this build writes and reads.
pub const BUNDLE_FORMAT: u64 = 1;
/// Domain separation of bundle signatures (never valid as a document or request signature).
pub const BUNDLE_MAGIC: &[u8; 14] = b"KARVON-BUNDLE\x01";
/// Largest bundle accepted, in bytes (16 MiB, the most a client reads from the server; the HS
/// 2022 file is about 0.85 MB).
pub const MAX_BUNDLE_BYTES: usize = 16 * 1024 * 1024;
/// Longest bundle name, in characters.
pub const MAX_NAME_CHARS: usize = 32;
/// `GET`: the latest bundle of each kind and name ([`BundleList`]).
pub const PATH_DISTRIBUTION: &str = "/v1/distribution";
/// `GET`: the signed bytes of the latest bundle of a kind and name (route template).
pub const PATH_BUNDLE: &str = "/v1/distribution/{kind}/{name}";

/// What a bundle carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BundleKind {
    /// A rules pack (JSON) of one jurisdiction; the name is the pack id (`FI`, `UZ`).
    Pack,
    /// A rates feed of one source; the name is `cbu` or `ecb`.
    Rates,
    /// The HS nomenclature (UN Comtrade CSV); the name is `hs`.
    Hs,
}

impl BundleKind {
    /// Every kind.
    pub const ALL: [BundleKind; 3] = [BundleKind::Pack, BundleKind::Rates, BundleKind::Hs];

    /// The stable code: `pack`, `rates`, `hs`.
    pub fn as_str(self) -> &'static str {
        match self {
            BundleKind::Pack => "pack",
            BundleKind::Rates => "rates",
            BundleKind::Hs => "hs",
        }
    }

    /// A kind from its code.
    pub fn parse(code: &str) -> Option<BundleKind> {
        BundleKind::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// The catalogue term naming the kind.
    pub fn term(self) -> &'static str {
        match self {
            BundleKind::Pack => "dist-kind-pack",
            BundleKind::Rates => "dist-kind-rates",
            BundleKind::Hs => "dist-kind-hs",
        }
    }

    /// The name in its normal form (pack ids upper case, others lower case), or
    /// [`BundleError::BadName`] when it is empty, too long, has other characters than ASCII
    /// letters, digits, `-` and `_`, or is not a name this kind takes (`cbu`/`ecb`, `hs`).
    pub fn normal_name(self, name: &str) -> Result<String, BundleError> {
        let bad = || BundleError::BadName {
            kind: self,
            name: name.chars().take(MAX_NAME_CHARS + 8).collect(),
        };
        if name.is_empty()
            || name.chars().count() > MAX_NAME_CHARS
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(bad());
        }
        match self {
            BundleKind::Pack => Ok(name.to_ascii_uppercase()),
            BundleKind::Rates => match name.to_ascii_lowercase().as_str() {
                n @ ("cbu" | "ecb") => Ok(n.to_owned()),
                _ => Err(bad()),
            },
            BundleKind::Hs => match name.to_ascii_lowercase().as_str() {
                "hs" => Ok("hs".to_owned()),
                _ => Err(bad()),
            },
        }
    }
}

impl fmt::Display for BundleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The signed description of a bundle's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleHeader {
    /// What the content is.
    pub kind: BundleKind,
    /// Which one (pack id, rate source, `hs`), in normal form.
    pub name: String,
    /// Increases with every publication of the same kind and name.
    pub version: u64,
    /// When it was published, UTC milliseconds.
    pub published_ms: i64,
    /// The content's length in bytes.
    pub size: u64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    /// The publisher key's id ([`crate::document::fingerprint`] of its public key).
    pub key_id: String,
}

/// What the server lists for one bundle (the latest of its kind and name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleInfo {
    /// What it is.
    pub kind: BundleKind,
    /// Which one.
    pub name: String,
    /// Its version.
    pub version: u64,
    /// When it was published, UTC milliseconds.
    pub published_ms: i64,
    /// Bytes of the whole signed bundle (what a download costs).
    pub size: u64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// The publisher key id.
    pub key_id: String,
}

/// The body of `GET /v1/distribution`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleList {
    /// The latest bundle of each kind and name, ordered by kind and name.
    pub bundles: Vec<BundleInfo>,
}

/// The path of one bundle: `/v1/distribution/{kind}/{name}`.
pub fn bundle_path(kind: BundleKind, name: &str) -> String {
    format!("{PATH_DISTRIBUTION}/{}/{name}", kind.as_str())
}

/// A bundle read from its bytes (not yet verified unless it came from [`verify`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedBundle {
    /// The decoded header.
    pub header: BundleHeader,
    /// The header's canonical bytes, exactly as signed.
    pub header_bytes: Vec<u8>,
    /// Ed25519 signature over [`BUNDLE_MAGIC`] ‖ `header_bytes`.
    pub signature: [u8; 64],
    /// The content.
    pub content: Vec<u8>,
}

/// A byte string in CBOR (serde's `Vec<u8>` would be an array of numbers).
#[derive(Debug)]
struct Bytes(Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Bytes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
        }
        d.deserialize_bytes(V)
    }
}

/// The outer map of a bundle file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    format: u64,
    header: Bytes,
    signature: Bytes,
    content: Bytes,
}

impl SignedBundle {
    /// The bundle file's bytes (see the module doc).
    pub fn to_bytes(&self) -> Result<Vec<u8>, BundleError> {
        canonical::to_vec(&Wire {
            format: BUNDLE_FORMAT,
            header: Bytes(self.header_bytes.clone()),
            signature: Bytes(self.signature.to_vec()),
            content: Bytes(self.content.clone()),
        })
        .map_err(|e| BundleError::Malformed {
            detail: e.to_string(),
        })
    }

    /// Reads a bundle file: its shape and header only; the signature and digest are checked
    /// by [`verify`].
    pub fn from_bytes(bytes: &[u8]) -> Result<SignedBundle, BundleError> {
        if bytes.len() > MAX_BUNDLE_BYTES {
            return Err(BundleError::TooLarge {
                size: bytes.len() as u64,
                max: MAX_BUNDLE_BYTES as u64,
            });
        }
        let malformed = |e: crate::document::DocumentError| BundleError::Malformed {
            detail: e.to_string(),
        };
        let wire: Wire = canonical::from_slice(bytes).map_err(malformed)?;
        if wire.format != BUNDLE_FORMAT {
            return Err(BundleError::UnsupportedFormat {
                format: wire.format,
            });
        }
        let signature: [u8; 64] =
            wire.signature
                .0
                .as_slice()
                .try_into()
                .map_err(|_| BundleError::Malformed {
                    detail: format!("the signature has {} bytes, not 64", wire.signature.0.len()),
                })?;
        let header: BundleHeader = canonical::from_slice(&wire.header.0).map_err(malformed)?;
        Ok(SignedBundle {
            header,
            header_bytes: wire.header.0,
            signature,
            content: wire.content.0,
        })
    }

    /// The exact bytes the signature covers.
    pub fn signed_message(&self) -> Vec<u8> {
        signed_message(&self.header_bytes)
    }

    /// This bundle as the server lists it (`size` is the whole file's length).
    pub fn info(&self, file_size: u64) -> BundleInfo {
        BundleInfo {
            kind: self.header.kind,
            name: self.header.name.clone(),
            version: self.header.version,
            published_ms: self.header.published_ms,
            size: file_size,
            sha256: self.header.sha256.clone(),
            key_id: self.header.key_id.clone(),
        }
    }
}

fn signed_message(header: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(BUNDLE_MAGIC.len() + header.len());
    m.extend_from_slice(BUNDLE_MAGIC);
    m.extend_from_slice(header);
    m
}

/// Refuses a bundle whose version is not newer than the one installed (no rollback by
/// replaying an older signed bundle).
pub fn check_newer(header: &BundleHeader, installed: Option<u64>) -> Result<(), BundleError> {
    match installed {
        Some(v) if header.version <= v => Err(BundleError::NotNewer {
            kind: header.kind,
            name: header.name.clone(),
            offered: header.version,
            installed: v,
        }),
        _ => Ok(()),
    }
}

/// Why a bundle cannot be made, read or trusted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    /// The bytes are not a bundle (or its header is not a header).
    #[error("the bundle is malformed: {detail}")]
    Malformed {
        /// What was wrong, with the field path.
        detail: String,
    },
    /// The bundle is larger than [`MAX_BUNDLE_BYTES`].
    #[error("the bundle has {size} bytes, more than {max}")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// A format version this build does not read.
    #[error("bundle format {format} is not supported")]
    UnsupportedFormat {
        /// The version found.
        format: u64,
    },
    /// The publisher key is not among the trusted keys.
    #[error("the bundle is signed by key {key_id}, which is not trusted")]
    UnknownKey {
        /// The key id named by the bundle.
        key_id: String,
    },
    /// The signature does not verify with the named (trusted) key.
    #[error("the bundle's signature does not verify with key {key_id}")]
    BadSignature {
        /// The key id.
        key_id: String,
    },
    /// The content is not what the signed header describes.
    #[error("the bundle's content does not match its signed digest (expected {expected}, found {found})")]
    DigestMismatch {
        /// The signed SHA-256 (hex).
        expected: String,
        /// The SHA-256 of the content received.
        found: String,
    },
    /// A different kind than asked for.
    #[error("expected a {expected} bundle, found {found}")]
    WrongKind {
        /// The kind asked for.
        expected: BundleKind,
        /// The kind in the header.
        found: BundleKind,
    },
    /// A different name than asked for.
    #[error("expected bundle {expected}, found {found}")]
    WrongName {
        /// The name asked for.
        expected: String,
        /// The name in the header.
        found: String,
    },
    /// A name this kind does not take.
    #[error("{name:?} is not a valid {kind} bundle name")]
    BadName {
        /// The kind.
        kind: BundleKind,
        /// The name given.
        name: String,
    },
    /// Not newer than the installed version.
    #[error("{kind} {name} version {offered} is not newer than the installed version {installed}")]
    NotNewer {
        /// The kind.
        kind: BundleKind,
        /// The name.
        name: String,
        /// The version offered.
        offered: u64,
        /// The version installed.
        installed: u64,
    },
    /// A public key in text is not 64 hex digits.
    #[error("a publisher key is 64 hexadecimal digits")]
    BadKey,
    /// Signing failed.
    #[error("the bundle cannot be signed: {detail}")]
    Sign {
        /// What failed.
        detail: String,
    },
}

impl BundleError {
    /// The stable code of the failure (`dist-unknown-key`, ...), also its message id.
    pub fn code(&self) -> &'static str {
        match self {
            BundleError::Malformed { .. } => "dist-malformed",
            BundleError::TooLarge { .. } => "dist-too-large",
            BundleError::UnsupportedFormat { .. } => "dist-unsupported-format",
            BundleError::UnknownKey { .. } => "dist-unknown-key",
            BundleError::BadSignature { .. } => "dist-bad-signature",
            BundleError::DigestMismatch { .. } => "dist-digest-mismatch",
            BundleError::WrongKind { .. } => "dist-wrong-kind",
            BundleError::WrongName { .. } => "dist-wrong-name",
            BundleError::BadName { .. } => "dist-bad-name",
            BundleError::NotNewer { .. } => "dist-not-newer",
            BundleError::BadKey => "dist-bad-key",
            BundleError::Sign { .. } => "dist-sign-failed",
        }
    }

    /// The user-facing message.
    pub fn message(&self) -> Message {
        let m = Message::new(self.code());
        let int = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        match self {
            BundleError::Malformed { detail } | BundleError::Sign { detail } => {
                m.text("detail", detail.chars().take(200).collect::<String>())
            }
            BundleError::TooLarge { size, max } => m.int("size", int(*size)).int("max", int(*max)),
            BundleError::UnsupportedFormat { format } => m.int("format", int(*format)),
            BundleError::UnknownKey { key_id } | BundleError::BadSignature { key_id } => {
                m.text("key", key_id.clone())
            }
            BundleError::DigestMismatch { expected, found } => m
                .text("expected", expected.clone())
                .text("found", found.clone()),
            BundleError::WrongKind { expected, found } => m
                .term("expected", expected.term())
                .term("found", found.term()),
            BundleError::WrongName { expected, found } => m
                .text("expected", expected.clone())
                .text("found", found.clone()),
            BundleError::BadName { kind, name } => {
                m.term("kind", kind.term()).text("name", name.clone())
            }
            BundleError::NotNewer {
                kind,
                name,
                offered,
                installed,
            } => m
                .term("kind", kind.term())
                .text("name", name.clone())
                .int("offered", int(*offered))
                .int("installed", int(*installed)),
            BundleError::BadKey => m,
        }
    }
}

#[cfg(feature = "sign")]
mod signing {
    use ring::signature::{UnparsedPublicKey, ED25519};

    use super::*;
    use crate::document::{fingerprint, Signer};
    use crate::sync::auth::{hex_decode, hex_encode};

    /// SHA-256 of `bytes`, lower-case hex.
    pub fn sha256_hex(bytes: &[u8]) -> String {
        hex_encode(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref())
    }

    /// A publisher public key from its text (64 hex digits, spaces and case ignored).
    pub fn parse_public_key(text: &str) -> Result<[u8; 32], BundleError> {
        let clean: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        hex_decode(&clean)
            .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
            .ok_or(BundleError::BadKey)
    }

    /// Signs `content` as version `version` of the bundle `kind`/`name`, published at
    /// `published_ms`. The name is checked and put in normal form.
    pub fn sign(
        signer: &Signer,
        kind: BundleKind,
        name: &str,
        version: u64,
        published_ms: i64,
        content: Vec<u8>,
    ) -> Result<SignedBundle, BundleError> {
        let header = BundleHeader {
            kind,
            name: kind.normal_name(name)?,
            version,
            published_ms,
            size: content.len() as u64,
            sha256: sha256_hex(&content),
            key_id: fingerprint(&signer.public_key()),
        };
        let header_bytes = canonical::to_vec(&header).map_err(|e| BundleError::Sign {
            detail: e.to_string(),
        })?;
        let mut signature = [0; 64];
        signature.copy_from_slice(
            signer
                .key_pair()
                .sign(&signed_message(&header_bytes))
                .as_ref(),
        );
        let bundle = SignedBundle {
            header,
            header_bytes,
            signature,
            content,
        };
        let size = bundle.to_bytes()?.len();
        if size > MAX_BUNDLE_BYTES {
            return Err(BundleError::TooLarge {
                size: size as u64,
                max: MAX_BUNDLE_BYTES as u64,
            });
        }
        Ok(bundle)
    }

    /// Reads and verifies a bundle file against the trusted publisher keys, in this order:
    /// shape ([`BundleError::Malformed`]), key ([`BundleError::UnknownKey`]), signature
    /// ([`BundleError::BadSignature`]), content digest ([`BundleError::DigestMismatch`]), then
    /// the kind and name asked for, when given.
    pub fn verify(
        bytes: &[u8],
        trusted: &[[u8; 32]],
        expected: Option<(BundleKind, &str)>,
    ) -> Result<SignedBundle, BundleError> {
        let bundle = SignedBundle::from_bytes(bytes)?;
        let key_id = &bundle.header.key_id;
        let key = trusted
            .iter()
            .find(|k| fingerprint(k) == *key_id)
            .ok_or_else(|| BundleError::UnknownKey {
                key_id: key_id.chars().take(64).collect(),
            })?;
        UnparsedPublicKey::new(&ED25519, key)
            .verify(&bundle.signed_message(), &bundle.signature)
            .map_err(|_| BundleError::BadSignature {
                key_id: key_id.clone(),
            })?;
        let found = sha256_hex(&bundle.content);
        if found != bundle.header.sha256 || bundle.content.len() as u64 != bundle.header.size {
            return Err(BundleError::DigestMismatch {
                expected: bundle.header.sha256.clone(),
                found,
            });
        }
        let kind = bundle.header.kind;
        let name = kind.normal_name(&bundle.header.name)?;
        if name != bundle.header.name {
            return Err(BundleError::BadName {
                kind,
                name: bundle.header.name.clone(),
            });
        }
        if let Some((want_kind, want_name)) = expected {
            if want_kind != kind {
                return Err(BundleError::WrongKind {
                    expected: want_kind,
                    found: kind,
                });
            }
            if want_name != name {
                return Err(BundleError::WrongName {
                    expected: want_name.to_owned(),
                    found: name,
                });
            }
        }
        Ok(bundle)
    }
}

#[cfg(feature = "sign")]
pub use signing::{parse_public_key, sha256_hex, sign, verify};

#[cfg(all(test, feature = "sign"))]
mod tests {
    use super::*;
    use crate::document::{fingerprint, Signer};

    fn signer() -> Signer {
        let rng = ring::rand::SystemRandom::new();
        Signer::from_pkcs8(&Signer::generate_pkcs8(&rng).unwrap()).unwrap()
    }

    #[test]
    fn signs_reads_and_verifies_with_precise_refusals() {
        let s = signer();
        let other = signer();
        let b = sign(
            &s,
            BundleKind::Pack,
            "fi",
            3,
            1_700_000_000_000,
            b"{}".to_vec(),
        )
        .unwrap();
        assert_eq!(b.header.name, "FI");
        assert_eq!(b.header.key_id, fingerprint(&s.public_key()));
        let bytes = b.to_bytes().unwrap();
        assert_eq!(SignedBundle::from_bytes(&bytes).unwrap(), b);
        let ok = verify(
            &bytes,
            &[other.public_key(), s.public_key()],
            Some((BundleKind::Pack, "FI")),
        )
        .unwrap();
        assert_eq!(ok.content, b"{}");

        assert!(matches!(
            verify(&bytes, &[other.public_key()], None),
            Err(BundleError::UnknownKey { .. })
        ));
        // The last byte is content: the digest catches it.
        let mut t = bytes.clone();
        *t.last_mut().unwrap() ^= 1;
        assert!(matches!(
            verify(&t, &[s.public_key()], None),
            Err(BundleError::DigestMismatch { .. })
        ));
        // A header byte (the version, inside the header) fails the signature.
        let mut h = b.clone();
        h.header.version = 4;
        h.header_bytes = canonical::to_vec(&h.header).unwrap();
        assert!(matches!(
            verify(&h.to_bytes().unwrap(), &[s.public_key()], None),
            Err(BundleError::BadSignature { .. })
        ));
        assert!(matches!(
            verify(&bytes, &[s.public_key()], Some((BundleKind::Hs, "hs"))),
            Err(BundleError::WrongKind { .. })
        ));
        assert!(matches!(
            verify(&bytes, &[s.public_key()], Some((BundleKind::Pack, "UZ"))),
            Err(BundleError::WrongName { .. })
        ));
        assert!(matches!(
            verify(&bytes[..bytes.len() - 1], &[s.public_key()], None),
            Err(BundleError::Malformed { .. })
        ));
        assert!(matches!(
            check_newer(&b.header, Some(3)),
            Err(BundleError::NotNewer {
                offered: 3,
                installed: 3,
                ..
            })
        ));
        assert!(check_newer(&b.header, Some(2)).is_ok());
    }

    #[test]
    fn names_and_keys_are_checked() {
        assert_eq!(BundleKind::Rates.normal_name("CBU").unwrap(), "cbu");
        assert!(BundleKind::Rates.normal_name("fed").is_err());
        assert!(BundleKind::Pack.normal_name("../x").is_err());
        assert!(BundleKind::Hs.normal_name("hs").is_ok());
        let s = signer();
        let text = crate::sync::auth::hex_encode(&s.public_key());
        assert_eq!(
            parse_public_key(&text.to_uppercase()).unwrap(),
            s.public_key()
        );
        assert_eq!(parse_public_key("abc"), Err(BundleError::BadKey));
    }
}
