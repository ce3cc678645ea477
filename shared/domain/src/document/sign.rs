//! Signing and verifying with Ed25519 (`ring`); only with the `sign` feature.

use std::fmt;

use ring::signature::{Ed25519KeyPair, KeyPair, UnparsedPublicKey, ED25519};
use serde::Serialize;

use super::envelope::signed_message;
use super::{canonical, DocKind, DocumentError, SignedDocument};

/// Bytes of SHA-256 shown in a key fingerprint (16 hex characters).
const FINGERPRINT_BYTES: usize = 8;

/// An Ed25519 signing key.
pub struct Signer {
    pair: Ed25519KeyPair,
    public_key: [u8; 32],
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("fingerprint", &fingerprint(&self.public_key))
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// A new key as PKCS#8 (v2) bytes, from the caller's random source (the domain reads no
    /// randomness itself). Store the bytes; load them with [`Signer::from_pkcs8`].
    pub fn generate_pkcs8(rng: &dyn ring::rand::SecureRandom) -> Result<Vec<u8>, DocumentError> {
        Ed25519KeyPair::generate_pkcs8(rng)
            .map(|doc| doc.as_ref().to_vec())
            .map_err(|_| DocumentError::KeyGeneration)
    }

    /// Loads a key from PKCS#8 (v2) bytes.
    pub fn from_pkcs8(pkcs8: &[u8]) -> Result<Signer, DocumentError> {
        let pair = Ed25519KeyPair::from_pkcs8(pkcs8).map_err(|e| DocumentError::KeyRejected {
            detail: e.to_string(),
        })?;
        let mut public_key = [0; 32];
        public_key.copy_from_slice(pair.public_key().as_ref());
        Ok(Signer { pair, public_key })
    }

    /// The public key, to publish or pin as trusted.
    pub fn public_key(&self) -> [u8; 32] {
        self.public_key
    }

    /// The key pair, for signing sync requests (their canonical text has its own prefix, so a
    /// request signature can never pass as a document signature).
    pub(crate) fn key_pair(&self) -> &Ed25519KeyPair {
        &self.pair
    }

    /// Signs `body` (in canonical form) as a document of `kind` issued at `issued_ms`.
    pub fn sign<T: Serialize + ?Sized>(
        &self,
        kind: DocKind,
        body: &T,
        issued_ms: i64,
    ) -> Result<SignedDocument, DocumentError> {
        let body = canonical::to_vec(body)?;
        let message = signed_message(kind, issued_ms, &self.public_key, &body)?;
        let mut signature = [0; 64];
        signature.copy_from_slice(self.pair.sign(&message).as_ref());
        Ok(SignedDocument {
            kind,
            issued_ms,
            public_key: self.public_key,
            body,
            signature,
        })
    }
}

impl SignedDocument {
    /// Checks the signature against the document's own public key. This proves the document
    /// is unchanged since that key signed it; [`SignedDocument::verify_trusted`] also checks
    /// whose key it is.
    pub fn verify(&self) -> Result<(), DocumentError> {
        let message = self.signed_message()?;
        UnparsedPublicKey::new(&ED25519, &self.public_key)
            .verify(&message, &self.signature)
            .map_err(|_| DocumentError::SignatureInvalid)
    }

    /// Checks the signature, then that the key is one of `trusted`.
    pub fn verify_trusted(&self, trusted: &[[u8; 32]]) -> Result<(), DocumentError> {
        self.verify()?;
        if trusted.contains(&self.public_key) {
            Ok(())
        } else {
            Err(DocumentError::UntrustedKey {
                fingerprint: self.key_fingerprint(),
            })
        }
    }

    /// A short fingerprint of the signer's key: the first 8 bytes of its SHA-256, in hex.
    pub fn key_fingerprint(&self) -> String {
        fingerprint(&self.public_key)
    }
}

/// The fingerprint of a public key (see [`SignedDocument::key_fingerprint`]).
pub fn fingerprint(public_key: &[u8; 32]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, public_key);
    digest.as_ref()[..FINGERPRINT_BYTES]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
