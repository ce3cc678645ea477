//! Personal identifiers at rest: AES-256-GCM (ring) with a key kept outside the database.
//!
//! The key comes from the host (mobile apps pass their keystore's key) or from a key file
//! created with mode 0600 in the config folder. Each value is sealed with a fresh random nonce
//! and bound to its record and field, so a ciphertext cannot be moved to another row.

use std::io::Write;
use std::path::{Path, PathBuf};

use karvon_domain::Message;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};

use crate::Error;

/// Key length in bytes.
pub const KEY_LEN: usize = 32;
/// Format byte that starts every sealed value.
const VERSION: u8 = 1;

/// Where the data key comes from.
#[derive(Clone)]
pub enum KeySource {
    /// The host passes the key (e.g. from the Android Keystore or iOS Keychain).
    Provided([u8; KEY_LEN]),
    /// A key file (created with mode 0600 on first use).
    File(PathBuf),
}

impl std::fmt::Debug for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Provided(_) => f.write_str("Provided(..)"),
            Self::File(p) => f.debug_tuple("File").field(p).finish(),
        }
    }
}

/// Seals and opens personal identifiers.
pub struct Cipher {
    key: LessSafeKey,
}

impl std::fmt::Debug for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cipher(..)")
    }
}

impl Cipher {
    /// A cipher from a key source; a key file is created when missing.
    pub fn from_source(source: &KeySource) -> Result<Self, Error> {
        let bytes = match source {
            KeySource::Provided(k) => *k,
            KeySource::File(path) => load_or_create(path)?,
        };
        let key = UnboundKey::new(&AES_256_GCM, &bytes)
            .map_err(|_| Error::Key(Message::new("error-key-invalid")))?;
        Ok(Self {
            key: LessSafeKey::new(key),
        })
    }

    /// Seals `plain`, bound to `context` (e.g. `traveller:<id>:name`).
    pub fn seal(&self, context: &str, plain: &str) -> Result<Vec<u8>, Error> {
        self.seal_bytes(context, plain.as_bytes())
    }

    /// Opens a sealed value; fails when the key is wrong or the bytes were changed or moved.
    pub fn open(&self, context: &str, sealed: &[u8]) -> Result<String, Error> {
        String::from_utf8(self.open_bytes(context, sealed)?)
            .map_err(|_| Error::Key(Message::new("error-key-mismatch")))
    }

    /// Seals bytes, bound to `context`.
    pub fn seal_bytes(&self, context: &str, plain: &[u8]) -> Result<Vec<u8>, Error> {
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| Error::Key(Message::new("error-key-random")))?;
        let mut buf = plain.to_vec();
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context.as_bytes()),
                &mut buf,
            )
            .map_err(|_| Error::Key(Message::new("error-key-seal")))?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + buf.len());
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&buf);
        Ok(out)
    }

    /// Opens sealed bytes; fails when the key is wrong or the bytes were changed or moved.
    pub fn open_bytes(&self, context: &str, sealed: &[u8]) -> Result<Vec<u8>, Error> {
        let bad = || Error::Key(Message::new("error-key-mismatch"));
        if sealed.len() < 1 + NONCE_LEN || sealed[0] != VERSION {
            return Err(bad());
        }
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&sealed[1..=NONCE_LEN]);
        let mut buf = sealed[1 + NONCE_LEN..].to_vec();
        let plain = self
            .key
            .open_in_place(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context.as_bytes()),
                &mut buf,
            )
            .map_err(|_| bad())?;
        Ok(plain.to_vec())
    }
}

/// Bytes as lowercase hexadecimal text.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// Reads the key file, or creates it (0600) with a fresh random key.
fn load_or_create(path: &Path) -> Result<[u8; KEY_LEN], Error> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes)
                .map_err(|_| Error::Key(Message::new("error-key-invalid")))?;
            decode_hex(text.trim()).ok_or_else(|| Error::Key(Message::new("error-key-invalid")))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut key = [0u8; KEY_LEN];
            SystemRandom::new()
                .fill(&mut key)
                .map_err(|_| Error::Key(Message::new("error-key-random")))?;
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(io)?;
            }
            let hex = hex(&key);
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            let mut f = opts.open(path).map_err(io)?;
            f.write_all(hex.as_bytes()).map_err(io)?;
            f.write_all(b"\n").map_err(io)?;
            f.sync_all().map_err(io)?;
            Ok(key)
        }
        Err(e) => Err(io(e)),
    }
}

fn decode_hex(s: &str) -> Option<[u8; KEY_LEN]> {
    if s.len() != KEY_LEN * 2 {
        return None;
    }
    let mut out = [0u8; KEY_LEN];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(s.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seals_opens_and_refuses_moved_or_changed_values() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("conf/key");
        let c = Cipher::from_source(&KeySource::File(path.clone())).unwrap();
        let sealed = c.seal("traveller:1:document", "AB1234567").unwrap();
        assert_eq!(
            c.open("traveller:1:document", &sealed).unwrap(),
            "AB1234567"
        );
        assert!(c.open("traveller:2:document", &sealed).is_err());
        let mut changed = sealed.clone();
        *changed.last_mut().unwrap() ^= 1;
        assert!(c.open("traveller:1:document", &changed).is_err());
        // The same file gives the same key; another key cannot open.
        let again = Cipher::from_source(&KeySource::File(path.clone())).unwrap();
        assert_eq!(
            again.open("traveller:1:document", &sealed).unwrap(),
            "AB1234567"
        );
        let other = Cipher::from_source(&KeySource::Provided([7; KEY_LEN])).unwrap();
        assert!(other.open("traveller:1:document", &sealed).is_err());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, "not a key").unwrap();
        assert!(matches!(
            Cipher::from_source(&KeySource::File(path)),
            Err(Error::Key(_))
        ));
    }
}
