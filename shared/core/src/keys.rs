//! This device's Ed25519 signing key: made on first use, kept in the database sealed with the
//! data key (never in clear, never synced), loaded once per open core.

use std::sync::Arc;

use karvon_domain::document::Signer;
use karvon_domain::Message;
use ring::rand::SystemRandom;
use rusqlite::OptionalExtension;

use crate::crypto::Cipher;
use crate::store::Store;
use crate::Error;

/// The context the sealed key is bound to.
const CONTEXT: &str = "device:signing-key";

/// The device key, loading it or making it on first use.
pub(crate) fn signer(store: &Store, cipher: &Cipher) -> Result<Arc<Signer>, Error> {
    let existing: Option<Vec<u8>> = store.read(|c| {
        Ok(
            c.query_row("SELECT pkcs8_enc FROM device_key WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()?,
        )
    })?;
    let sealed = match existing {
        Some(sealed) => sealed,
        None => {
            let pkcs8 = Signer::generate_pkcs8(&SystemRandom::new())
                .map_err(|e| Error::Key(e.message()))?;
            let signer = Signer::from_pkcs8(&pkcs8).map_err(|e| Error::Key(e.message()))?;
            let sealed = cipher.seal_bytes(CONTEXT, &pkcs8)?;
            // Another process may have made one meanwhile: the first key stays.
            store.write(|tx| {
                tx.execute(
                    "INSERT INTO device_key(id, public_key, pkcs8_enc, created_ms)
                     VALUES(1, ?1, ?2, ?3) ON CONFLICT(id) DO NOTHING",
                    rusqlite::params![signer.public_key().to_vec(), sealed, tx.now_ms()],
                )?;
                Ok(())
            })?;
            store.read(|c| {
                Ok(
                    c.query_row("SELECT pkcs8_enc FROM device_key WHERE id = 1", [], |r| {
                        r.get(0)
                    })?,
                )
            })?
        }
    };
    let pkcs8 = cipher
        .open_bytes(CONTEXT, &sealed)
        .map_err(|_| Error::Key(Message::new("error-key-signing-mismatch")))?;
    let signer = Signer::from_pkcs8(&pkcs8).map_err(|e| Error::Key(e.message()))?;
    Ok(Arc::new(signer))
}
