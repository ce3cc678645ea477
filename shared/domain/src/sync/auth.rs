//! Signed requests: every request a device sends carries an Ed25519 signature over a canonical
//! string, so the server knows which device sent it, that nothing was changed on the way, and
//! (with the timestamp and nonce) that it is not a replay.
//!
//! The canonical string is six lines joined by `\n` after the scheme name:
//!
//! ```text
//! KARVON-ED25519-V1
//! POST                                  (method, upper case)
//! /v1/pull?cursor=0&limit=500           (path with query, exactly as sent)
//! e3b0c442…b855                          (SHA-256 of the body, 64 lowercase hex digits)
//! 1767225600000                         (timestamp, UTC milliseconds)
//! 5f1d…                                  (nonce, 16 to 64 lowercase hex digits, never reused)
//! 0123456789abcdef0123456789abcdef      (device id)
//! ```
//!
//! It travels in the headers [`HEADER_DEVICE`], [`HEADER_TIMESTAMP`], [`HEADER_NONCE`] and
//! [`HEADER_SIGNATURE`] (the 64-byte signature as 128 lowercase hex digits). The server refuses a
//! timestamp more than [`MAX_CLOCK_SKEW_MS`] from its clock and a nonce it saw within that window.
//! Registration and pairing redemption are signed the same way with the key the body introduces.

use crate::Message;

/// Header with the sending device's id.
pub const HEADER_DEVICE: &str = "x-karvon-device";
/// Header with the signing time, UTC milliseconds.
pub const HEADER_TIMESTAMP: &str = "x-karvon-timestamp";
/// Header with the one-time nonce.
pub const HEADER_NONCE: &str = "x-karvon-nonce";
/// Header with the signature, 128 lowercase hex digits.
pub const HEADER_SIGNATURE: &str = "x-karvon-signature";
/// The scheme name, first line of the canonical string.
pub const SCHEME: &str = "KARVON-ED25519-V1";
/// Largest distance between a request's timestamp and the server's clock (5 minutes).
pub const MAX_CLOCK_SKEW_MS: u64 = 5 * 60 * 1000;

/// The signature headers of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedHeaders {
    /// The device id (32 lowercase hex digits).
    pub device_id: String,
    /// Signing time, UTC milliseconds.
    pub timestamp_ms: u64,
    /// The nonce.
    pub nonce: String,
    /// The signature bytes.
    pub signature: Vec<u8>,
}

impl SignedHeaders {
    /// The four `(name, value)` header pairs to send.
    pub fn to_pairs(&self) -> [(&'static str, String); 4] {
        [
            (HEADER_DEVICE, self.device_id.clone()),
            (HEADER_TIMESTAMP, self.timestamp_ms.to_string()),
            (HEADER_NONCE, self.nonce.clone()),
            (HEADER_SIGNATURE, hex_encode(&self.signature)),
        ]
    }

    /// Reads the four headers (`None` where a header is absent).
    pub fn parse(
        device_id: Option<&str>,
        timestamp_ms: Option<&str>,
        nonce: Option<&str>,
        signature: Option<&str>,
    ) -> Result<Self, AuthError> {
        let device_id = device_id.ok_or(AuthError::Missing(HEADER_DEVICE))?;
        let timestamp_ms = timestamp_ms.ok_or(AuthError::Missing(HEADER_TIMESTAMP))?;
        let nonce = nonce.ok_or(AuthError::Missing(HEADER_NONCE))?;
        let signature = signature.ok_or(AuthError::Missing(HEADER_SIGNATURE))?;
        if !is_lower_hex(device_id, 32, 32) {
            return Err(AuthError::Malformed(HEADER_DEVICE));
        }
        let timestamp_ms = timestamp_ms
            .parse()
            .map_err(|_| AuthError::Malformed(HEADER_TIMESTAMP))?;
        if !is_lower_hex(nonce, 16, 64) {
            return Err(AuthError::Malformed(HEADER_NONCE));
        }
        let signature = hex_decode(signature)
            .filter(|s| s.len() == 64)
            .ok_or(AuthError::Malformed(HEADER_SIGNATURE))?;
        Ok(Self {
            device_id: device_id.to_owned(),
            timestamp_ms,
            nonce: nonce.to_owned(),
            signature,
        })
    }
}

/// Why a request's signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// A signature header is absent.
    #[error("header {0} is missing")]
    Missing(&'static str),
    /// A signature header cannot be read.
    #[error("header {0} is malformed")]
    Malformed(&'static str),
    /// The timestamp is too far from the server's clock.
    #[error("timestamp is {skew_ms} ms from the server clock (limit {MAX_CLOCK_SKEW_MS} ms)")]
    Stale {
        /// Distance from the server's clock.
        skew_ms: u64,
    },
    /// The public key cannot be used.
    #[error("public key is not a 32-byte Ed25519 key")]
    PublicKey,
    /// The signature does not verify.
    #[error("signature does not match the request")]
    BadSignature,
}

impl AuthError {
    /// The user-facing message.
    pub fn message(&self) -> Message {
        match self {
            Self::Missing(h) => Message::new("sync-auth-missing").text("header", *h),
            Self::Malformed(h) => Message::new("sync-auth-malformed").text("header", *h),
            Self::Stale { skew_ms } => Message::new("sync-auth-clock-skew")
                .int("seconds", i64::try_from(skew_ms / 1000).unwrap_or(i64::MAX)),
            Self::PublicKey => Message::new("sync-bad-public-key"),
            Self::BadSignature => Message::new("sync-auth-bad-signature"),
        }
    }
}

/// The canonical string a device signs and the server verifies.
pub fn canonical_request(
    method: &str,
    path_and_query: &str,
    body_sha256_hex: &str,
    timestamp_ms: u64,
    nonce: &str,
    device_id: &str,
) -> String {
    format!(
        "{SCHEME}\n{}\n{path_and_query}\n{body_sha256_hex}\n{timestamp_ms}\n{nonce}\n{device_id}",
        method.to_ascii_uppercase()
    )
}

/// Checks a timestamp against the receiver's clock, both UTC milliseconds.
pub fn check_timestamp(timestamp_ms: u64, now_ms: u64, max_skew_ms: u64) -> Result<(), AuthError> {
    let skew_ms = timestamp_ms.abs_diff(now_ms);
    if skew_ms > max_skew_ms {
        return Err(AuthError::Stale { skew_ms });
    }
    Ok(())
}

/// Lower-case hex of bytes.
pub fn hex_encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}

/// Bytes of lower-case hex text (`None` for odd length or another character).
pub fn hex_decode(s: &str) -> Option<Vec<u8>> {
    fn digit(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }
    let b = s.as_bytes();
    if !b.len().is_multiple_of(2) {
        return None;
    }
    b.chunks(2)
        .map(|p| Some(digit(p[0])? << 4 | digit(p[1])?))
        .collect()
}

fn is_lower_hex(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len())
        && s.len().is_multiple_of(2)
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(feature = "sign")]
mod with_ring {
    use ring::digest::{digest, SHA256};
    use ring::signature::{Ed25519KeyPair, KeyPair, UnparsedPublicKey, ED25519};

    use super::{canonical_request, hex_encode, AuthError, SignedHeaders};

    /// SHA-256 of a body as 64 lowercase hex digits.
    pub fn body_sha256_hex(body: &[u8]) -> String {
        hex_encode(digest(&SHA256, body).as_ref())
    }

    /// The device id of a public key: the first 16 bytes of its SHA-256, in hex.
    pub fn device_id_for(public_key: &[u8]) -> String {
        hex_encode(&digest(&SHA256, public_key).as_ref()[..16])
    }

    /// Signs a request with a device key; the caller supplies the time and a fresh random nonce.
    pub fn sign_request(
        key: &Ed25519KeyPair,
        method: &str,
        path_and_query: &str,
        body: &[u8],
        timestamp_ms: u64,
        nonce: &str,
    ) -> SignedHeaders {
        let device_id = device_id_for(key.public_key().as_ref());
        let text = canonical_request(
            method,
            path_and_query,
            &body_sha256_hex(body),
            timestamp_ms,
            nonce,
            &device_id,
        );
        SignedHeaders {
            signature: key.sign(text.as_bytes()).as_ref().to_vec(),
            device_id,
            timestamp_ms,
            nonce: nonce.to_owned(),
        }
    }

    /// Signs a request with a device's document [`Signer`] (one key per device for both).
    pub fn sign_request_as(
        signer: &crate::document::Signer,
        method: &str,
        path_and_query: &str,
        body: &[u8],
        timestamp_ms: u64,
        nonce: &str,
    ) -> SignedHeaders {
        sign_request(
            signer.key_pair(),
            method,
            path_and_query,
            body,
            timestamp_ms,
            nonce,
        )
    }

    /// Verifies a request's signature with the device's public key (raw 32 bytes). The caller
    /// still checks the timestamp ([`super::check_timestamp`]) and that the nonce is fresh.
    pub fn verify_request(
        public_key: &[u8],
        headers: &SignedHeaders,
        method: &str,
        path_and_query: &str,
        body: &[u8],
    ) -> Result<(), AuthError> {
        if public_key.len() != 32 {
            return Err(AuthError::PublicKey);
        }
        let text = canonical_request(
            method,
            path_and_query,
            &body_sha256_hex(body),
            headers.timestamp_ms,
            &headers.nonce,
            &headers.device_id,
        );
        UnparsedPublicKey::new(&ED25519, public_key)
            .verify(text.as_bytes(), &headers.signature)
            .map_err(|_| AuthError::BadSignature)
    }
}

#[cfg(feature = "sign")]
pub use with_ring::{
    body_sha256_hex, device_id_for, sign_request, sign_request_as, verify_request,
};

#[cfg(all(test, feature = "sign"))]
mod tests {
    use ring::rand::SystemRandom;
    use ring::signature::{Ed25519KeyPair, KeyPair};

    use super::*;

    fn key() -> Ed25519KeyPair {
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).unwrap();
        Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap()
    }

    #[test]
    fn canonical_string_has_every_part_in_order() {
        let s = canonical_request("post", "/v1/pull?cursor=1", "ab", 7, "00ff", "dd");
        assert_eq!(
            s,
            "KARVON-ED25519-V1\nPOST\n/v1/pull?cursor=1\nab\n7\n00ff\ndd"
        );
        assert_eq!(
            body_sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn a_signature_verifies_only_for_the_same_request_and_key() {
        let k = key();
        let pk = k.public_key().as_ref().to_vec();
        let h = sign_request(&k, "POST", "/v1/push", b"{}", 1_000, "0011223344556677");
        assert_eq!(h.device_id.len(), 32);
        assert_eq!(verify_request(&pk, &h, "POST", "/v1/push", b"{}"), Ok(()));
        let bad = Err(AuthError::BadSignature);
        assert_eq!(verify_request(&pk, &h, "POST", "/v1/push", b"{ }"), bad);
        assert_eq!(verify_request(&pk, &h, "GET", "/v1/push", b"{}"), bad);
        assert_eq!(verify_request(&pk, &h, "POST", "/v1/pull", b"{}"), bad);
        let mut later = h.clone();
        later.timestamp_ms += 1;
        assert_eq!(verify_request(&pk, &later, "POST", "/v1/push", b"{}"), bad);
        let other = key();
        assert_eq!(
            verify_request(other.public_key().as_ref(), &h, "POST", "/v1/push", b"{}"),
            bad
        );
    }

    #[test]
    fn headers_round_trip_and_bad_ones_are_named() {
        let h = sign_request(&key(), "GET", "/v1/devices", b"", 5, "aaaaaaaaaaaaaaaa");
        let pairs = h.to_pairs();
        let parsed = SignedHeaders::parse(
            Some(&pairs[0].1),
            Some(&pairs[1].1),
            Some(&pairs[2].1),
            Some(&pairs[3].1),
        );
        assert_eq!(parsed, Ok(h.clone()));
        assert_eq!(
            SignedHeaders::parse(Some(&pairs[0].1), None, Some("aa"), Some("bb")),
            Err(AuthError::Missing(HEADER_TIMESTAMP))
        );
        assert_eq!(
            SignedHeaders::parse(
                Some(&pairs[0].1),
                Some("5"),
                Some("short"),
                Some(&pairs[3].1)
            ),
            Err(AuthError::Malformed(HEADER_NONCE))
        );
    }

    #[test]
    fn timestamps_outside_the_window_are_stale() {
        assert_eq!(
            check_timestamp(1_000, 1_000 + MAX_CLOCK_SKEW_MS, MAX_CLOCK_SKEW_MS),
            Ok(())
        );
        assert_eq!(
            check_timestamp(1_000, 1_001 + MAX_CLOCK_SKEW_MS, MAX_CLOCK_SKEW_MS),
            Err(AuthError::Stale {
                skew_ms: MAX_CLOCK_SKEW_MS + 1
            })
        );
        assert_eq!(
            hex_decode(&hex_encode(&[0, 255, 16])),
            Some(vec![0, 255, 16])
        );
        assert_eq!(hex_decode("0G"), None);
    }
}
