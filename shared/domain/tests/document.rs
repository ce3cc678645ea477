//! Signed documents end to end: sign → envelope / QR text → read → verify → body, for the real
//! CN 22, CN 23 and payment draft and for passenger- and trade-like declarations; every kind of
//! tampering, truncation and garbage is refused with its precise error.

mod support;

use karvon_domain::document::{
    base45, canonical, fingerprint, DocKind, DocumentError, EnvelopeField, SignedDocument, Signer,
    MAX_ENVELOPE_BYTES, QR_PREFIX,
};
use proptest::prelude::*;
use ring::rand::SystemRandom;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use support::documents::{cn22, cn23, passenger, payment, trade, PassengerLike};

/// Alphanumeric characters a version 40 QR code holds at level M (ISO/IEC 18004 table 7).
const QR_40_M_ALPHANUMERIC: usize = 3391;
const ISSUED: i64 = 1_773_480_000_000;

fn signer() -> Signer {
    let pkcs8 = Signer::generate_pkcs8(&SystemRandom::new()).unwrap();
    Signer::from_pkcs8(&pkcs8).unwrap()
}

/// Signs, carries through both forms, reads back, verifies and decodes.
fn round_trip<T>(kind: DocKind, value: &T) -> (SignedDocument, String)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let signer = signer();
    let doc = signer.sign(kind, value, ISSUED).unwrap();
    assert_eq!(doc.public_key, signer.public_key());
    doc.verify().unwrap();

    let bytes = doc.to_bytes().unwrap();
    let from_bytes = SignedDocument::from_bytes(&bytes).unwrap();
    assert_eq!(from_bytes, doc);

    let qr = doc.to_qr_payload().unwrap();
    assert!(qr.starts_with(QR_PREFIX));
    let from_qr = SignedDocument::from_qr_payload(&qr).unwrap();
    assert_eq!(from_qr, doc);

    for read in [from_bytes, from_qr] {
        read.verify_trusted(&[[7; 32], signer.public_key()])
            .unwrap();
        assert_eq!(read.kind, kind);
        assert_eq!(read.issued_ms, ISSUED);
        assert_eq!(&read.decode_body::<T>().unwrap(), value);
    }
    // Canonical and Ed25519 are both deterministic: the same input gives the same bytes.
    assert_eq!(signer.sign(kind, value, ISSUED).unwrap(), doc);
    (doc, qr)
}

#[test]
fn real_documents_round_trip() {
    round_trip(DocKind::Cn22, &cn22());
    round_trip(DocKind::Cn23, &cn23());
    round_trip(DocKind::Payment, &payment());
}

#[test]
fn thirty_item_passenger_declaration_fits_one_qr_code() {
    let (doc, qr) = round_trip(DocKind::Passenger, &passenger(30));
    println!(
        "30-item passenger declaration: body {} bytes, envelope {} bytes, QR text {} characters",
        doc.body.len(),
        doc.to_bytes().unwrap().len(),
        qr.len()
    );
    assert!(qr.len() <= QR_40_M_ALPHANUMERIC, "{} characters", qr.len());
    // Every character is in the QR alphanumeric set, so the code uses alphanumeric mode.
    assert!(qr
        .bytes()
        .all(|b| b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".contains(&b)));
}

#[test]
fn thirty_line_trade_declaration_round_trips() {
    let (doc, qr) = round_trip(DocKind::Trade, &trade(30));
    println!(
        "30-line trade declaration: body {} bytes, QR text {} characters",
        doc.body.len(),
        qr.len()
    );
}

#[test]
fn trust_is_checked_against_the_given_keys() {
    let doc = signer().sign(DocKind::Cn22, &cn22(), ISSUED).unwrap();
    doc.verify().unwrap();
    let err = doc.verify_trusted(&[signer().public_key()]).unwrap_err();
    assert_eq!(
        err,
        DocumentError::UntrustedKey {
            fingerprint: doc.key_fingerprint()
        }
    );
    assert_eq!(err.message().id, "document-error-untrusted");
    assert_eq!(doc.verify_trusted(&[]), Err(err));
    // The fingerprint: 16 hex digits of SHA-256 of the key, the same for a reloaded key.
    let fp = doc.key_fingerprint();
    assert_eq!(fp.len(), 16);
    assert!(fp
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    assert_eq!(fingerprint(&doc.public_key), fp);
}

#[test]
fn keys_reload_and_bad_keys_are_refused() {
    let pkcs8 = Signer::generate_pkcs8(&SystemRandom::new()).unwrap();
    let a = Signer::from_pkcs8(&pkcs8).unwrap();
    let b = Signer::from_pkcs8(&pkcs8).unwrap();
    assert_eq!(a.public_key(), b.public_key());
    let doc = a.sign(DocKind::Payment, &payment(), 0).unwrap();
    assert_eq!(
        doc.signature,
        b.sign(DocKind::Payment, &payment(), 0).unwrap().signature
    );
    assert!(!format!("{a:?}").contains(&format!("{:?}", &pkcs8[..8])));
    let err = Signer::from_pkcs8(&pkcs8[..20]).unwrap_err();
    assert!(matches!(err, DocumentError::KeyRejected { .. }), "{err}");
    assert_eq!(err.message().id, "document-error-key");
}

#[test]
fn every_bit_flip_of_the_envelope_is_refused() {
    let original = signer().sign(DocKind::Cn23, &cn23(), ISSUED).unwrap();
    let bytes = original.to_bytes().unwrap();
    let mut reasons = std::collections::BTreeSet::new();
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut bad = bytes.clone();
            bad[i] ^= 1 << bit;
            let result = SignedDocument::from_bytes(&bad).and_then(|d| d.verify());
            let err = result.expect_err("a flipped bit must never verify");
            reasons.insert(err.message().id);
        }
    }
    // Version, kind, length and everything signed each fail in their own way.
    for id in [
        "document-error-version",
        "document-error-unknown-kind",
        "document-error-signature",
        "document-error-envelope-truncated",
        "document-error-body-length",
    ] {
        assert!(reasons.contains(id), "{id} not seen in {reasons:?}");
    }
}

#[test]
fn one_bit_flip_in_each_byte_of_a_large_envelope_is_refused() {
    let bytes = signer()
        .sign(DocKind::Passenger, &passenger(30), ISSUED)
        .unwrap()
        .to_bytes()
        .unwrap();
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 1 << (i % 8);
        assert!(
            SignedDocument::from_bytes(&bad)
                .and_then(|d| d.verify())
                .is_err(),
            "byte {i}"
        );
    }
}

#[test]
fn changing_any_character_of_the_qr_text_is_refused() {
    let qr = signer()
        .sign(DocKind::Cn22, &cn22(), ISSUED)
        .unwrap()
        .to_qr_payload()
        .unwrap();
    let alphabet: Vec<char> = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
        .chars()
        .collect();
    let chars: Vec<char> = qr.chars().collect();
    for i in 0..chars.len() {
        for shift in [1, 17, 44] {
            let mut bad = chars.clone();
            let at = alphabet.iter().position(|&c| c == chars[i]).unwrap();
            bad[i] = alphabet[(at + shift) % 45];
            let bad: String = bad.into_iter().collect();
            assert!(
                SignedDocument::from_qr_payload(&bad)
                    .and_then(|d| d.verify())
                    .is_err(),
                "position {i} shift {shift}"
            );
        }
        // A character outside the alphabet is named with its position.
        let mut bad = chars.clone();
        bad[i] = 'ж';
        let bad: String = bad.into_iter().collect();
        let err = SignedDocument::from_qr_payload(&bad).unwrap_err();
        if i >= QR_PREFIX.len() {
            assert_eq!(
                err,
                DocumentError::Base45Char {
                    character: 'ж',
                    position: i + 1
                }
            );
        } else {
            assert!(matches!(err, DocumentError::Prefix { .. }), "{err}");
        }
    }
}

#[test]
fn a_forged_signature_is_refused() {
    let real = signer();
    let forger = signer();
    let doc = real.sign(DocKind::Cn22, &cn22(), ISSUED).unwrap();

    // The forger changes the value, signs with their key and keeps the real public key.
    let mut changed = cn22();
    changed.total_value.amount = "3.50".parse().unwrap();
    let forged_by = forger.sign(DocKind::Cn22, &changed, ISSUED).unwrap();
    let forged = SignedDocument {
        public_key: doc.public_key,
        ..forged_by.clone()
    };
    let through_qr = SignedDocument::from_qr_payload(&forged.to_qr_payload().unwrap()).unwrap();
    assert_eq!(through_qr.verify(), Err(DocumentError::SignatureInvalid));
    assert_eq!(
        through_qr.verify_trusted(&[real.public_key()]),
        Err(DocumentError::SignatureInvalid)
    );

    // Signed honestly with the forger's own key it verifies, but is not trusted.
    forged_by.verify().unwrap();
    assert!(matches!(
        forged_by.verify_trusted(&[real.public_key()]),
        Err(DocumentError::UntrustedKey { .. })
    ));

    // A real signature moved onto another kind or issue time does not verify.
    for moved in [
        SignedDocument {
            kind: DocKind::Cn23,
            ..doc.clone()
        },
        SignedDocument {
            issued_ms: ISSUED + 1,
            ..doc.clone()
        },
    ] {
        assert_eq!(moved.verify(), Err(DocumentError::SignatureInvalid));
    }
}

#[test]
fn truncated_input_says_truncated() {
    let doc = signer().sign(DocKind::Cn23, &cn23(), ISSUED).unwrap();
    let qr = doc.to_qr_payload().unwrap();
    let base45_len = qr.len() - QR_PREFIX.len();
    // Keeping whole groups of three leaves valid Base45 with the end of the zlib stream gone.
    let whole = (base45_len - 1) / 3 * 3;
    for groups in 0..40 {
        let keep = QR_PREFIX.len() + whole - 3 * groups;
        assert_eq!(
            SignedDocument::from_qr_payload(&qr[..keep]),
            Err(DocumentError::InflateTruncated),
            "kept {keep} of {}",
            qr.len()
        );
    }
    // Any cut at all is refused: as truncated, as a Base45 length or group no data has, or
    // (when the cut leaves two characters of a three-character group, which decode as one
    // wrong byte) as corrupt.
    for keep in QR_PREFIX.len() + 1..qr.len() {
        let err = SignedDocument::from_qr_payload(&qr[..keep]).unwrap_err();
        assert!(
            matches!(
                err,
                DocumentError::InflateTruncated
                    | DocumentError::InflateCorrupt
                    | DocumentError::Base45Length { .. }
                    | DocumentError::Base45Value { .. }
            ),
            "kept {keep}: {err}"
        );
    }
    let short = base45_len - (base45_len % 3) - 2; // a length of the form 3n + 1
    assert_eq!(
        SignedDocument::from_qr_payload(&qr[..QR_PREFIX.len() + short]),
        Err(DocumentError::Base45Length { len: short })
    );

    // A cut envelope names the field it stops in.
    let bytes = doc.to_bytes().unwrap();
    let body_end = 46 + doc.body.len();
    for (keep, field) in [
        (1, EnvelopeField::Kind),
        (2, EnvelopeField::IssuedAt),
        (9, EnvelopeField::IssuedAt),
        (10, EnvelopeField::PublicKey),
        (41, EnvelopeField::PublicKey),
        (42, EnvelopeField::BodyLength),
        (46, EnvelopeField::Body),
        (body_end - 1, EnvelopeField::Body),
        (body_end, EnvelopeField::Signature),
        (bytes.len() - 1, EnvelopeField::Signature),
    ] {
        assert_eq!(
            SignedDocument::from_bytes(&bytes[..keep]),
            Err(DocumentError::EnvelopeTruncated { field }),
            "kept {keep}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        SignedDocument::from_bytes(&longer),
        Err(DocumentError::EnvelopeTrailing { count: 1 })
    );
}

#[test]
fn wrong_prefix_empty_and_garbage_are_named() {
    let qr = signer()
        .sign(DocKind::Cn22, &cn22(), ISSUED)
        .unwrap()
        .to_qr_payload()
        .unwrap();
    let body = &qr[QR_PREFIX.len()..];
    for (text, found) in [
        (format!("HC1:{body}"), "HC1:"),
        (format!("KV2:{body}"), "KV2:"),
        (format!("kv1:{body}"), "kv1:"),
        (body.to_owned(), &body[..4]),
        ("KV".to_owned(), "KV"),
    ] {
        assert_eq!(
            SignedDocument::from_qr_payload(&text),
            Err(DocumentError::Prefix {
                found: found.to_owned()
            })
        );
    }
    assert_eq!(
        SignedDocument::from_qr_payload(""),
        Err(DocumentError::Empty)
    );
    assert_eq!(
        SignedDocument::from_qr_payload("KV1:"),
        Err(DocumentError::Empty)
    );
    assert_eq!(SignedDocument::from_bytes(&[]), Err(DocumentError::Empty));
    assert_eq!(
        SignedDocument::from_qr_payload("KV1:hello"),
        Err(DocumentError::Base45Char {
            character: 'h',
            position: 5
        })
    );
    assert_eq!(
        SignedDocument::from_qr_payload("KV1:BB8GGW"),
        Err(DocumentError::Base45Value { position: 8 })
    );
    // Valid Base45 that is not zlib data.
    let not_zlib = format!("KV1:{}", base45::encode(b"this is not a document"));
    assert_eq!(
        SignedDocument::from_qr_payload(&not_zlib),
        Err(DocumentError::InflateCorrupt)
    );
    // Valid zlib of something that is not an envelope.
    let not_envelope = format!(
        "KV1:{}",
        base45::encode(&miniz_oxide::deflate::compress_to_vec_zlib(b"\x09hello", 6))
    );
    assert_eq!(
        SignedDocument::from_qr_payload(&not_envelope),
        Err(DocumentError::UnsupportedVersion { version: 9 })
    );
}

#[test]
fn a_decompression_bomb_is_capped() {
    let bomb = vec![0u8; 8 * MAX_ENVELOPE_BYTES];
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&bomb, 10);
    assert!(packed.len() < 4_000);
    let text = format!("KV1:{}", base45::encode(&packed));
    let err = SignedDocument::from_qr_payload(&text).unwrap_err();
    assert_eq!(
        err,
        DocumentError::TooLarge {
            max: MAX_ENVELOPE_BYTES
        }
    );
    assert_eq!(err.message().id, "document-error-too-large");
}

#[test]
fn envelope_fields_are_checked() {
    let doc = signer().sign(DocKind::Payment, &payment(), ISSUED).unwrap();
    let bytes = doc.to_bytes().unwrap();
    let mut bad = bytes.clone();
    bad[1] = 9;
    assert_eq!(
        SignedDocument::from_bytes(&bad),
        Err(DocumentError::UnknownKind { tag: 9 })
    );
    let mut bad = bytes.clone();
    bad[0] = 2;
    assert_eq!(
        SignedDocument::from_bytes(&bad),
        Err(DocumentError::UnsupportedVersion { version: 2 })
    );
    let mut bad = bytes.clone();
    bad[42..46].copy_from_slice(&u32::MAX.to_be_bytes());
    assert!(matches!(
        SignedDocument::from_bytes(&bad),
        Err(DocumentError::BodyLength { len, .. }) if len == u64::from(u32::MAX)
    ));
    // The signed message is domain-separated and binds every field.
    let m = doc.signed_message().unwrap();
    assert!(m.starts_with(b"KARVON-DOC\x01\x05"));
    assert_eq!(m.len(), 11 + 1 + 8 + 32 + 4 + doc.body.len());
    // Too large a body is refused when signing.
    let huge = vec!["x".repeat(1000); 300];
    assert!(matches!(
        signer().sign(DocKind::Trade, &huge, ISSUED),
        Err(DocumentError::BodyTooLarge { .. })
    ));
}

#[test]
fn a_body_of_the_wrong_shape_names_the_field() {
    let doc = signer()
        .sign(DocKind::Passenger, &passenger(3), ISSUED)
        .unwrap();
    let err = doc
        .decode_body::<karvon_domain::payment::PaymentDraft>()
        .unwrap_err();
    assert!(
        matches!(
            &err,
            DocumentError::Body {
                kind: DocKind::Passenger,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(err.message().id, "document-error-body");

    // A currency that is not ISO 4217, three items deep.
    let mut value = serde_json::to_value(passenger(3)).unwrap();
    value["items"][2]["vat"]["currency"] = "ZZZ".into();
    let doc = signer().sign(DocKind::Passenger, &value, ISSUED).unwrap();
    match doc.decode_body::<PassengerLike>() {
        Err(DocumentError::Body { path, detail, .. }) => {
            assert_eq!(path, "items[2].vat.currency");
            assert!(detail.contains("ZZZ"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn canonical_bytes_are_deterministic_and_strict() {
    let a = canonical::to_vec(&cn23()).unwrap();
    assert_eq!(canonical::to_vec(&cn23()).unwrap(), a);
    let mut longer = a.clone();
    longer.push(0);
    assert!(matches!(
        canonical::from_slice::<karvon_domain::postal::Cn23>(&longer),
        Err(DocumentError::Decode { .. })
    ));
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct RandomBody {
    names: Vec<String>,
    numbers: Vec<i64>,
    flag: Option<bool>,
    #[serde(with = "bytes")]
    blob: Vec<u8>,
    nested: Vec<(u32, String)>,
}

mod bytes {
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
        }
        d.deserialize_bytes(V)
    }
}

fn random_body() -> impl Strategy<Value = RandomBody> {
    (
        proptest::collection::vec("\\PC{0,30}", 0..8),
        proptest::collection::vec(any::<i64>(), 0..8),
        any::<Option<bool>>(),
        proptest::collection::vec(any::<u8>(), 0..64),
        proptest::collection::vec((any::<u32>(), "[a-zа-я ]{0,12}"), 0..5),
    )
        .prop_map(|(names, numbers, flag, blob, nested)| RandomBody {
            names,
            numbers,
            flag,
            blob,
            nested,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_bodies_round_trip(body in random_body(), issued in any::<i64>(), tag in 1u8..=5) {
        let kind = DocKind::from_tag(tag).unwrap();
        let signer = signer();
        let doc = signer.sign(kind, &body, issued).unwrap();
        let read = SignedDocument::from_qr_payload(&doc.to_qr_payload().unwrap()).unwrap();
        read.verify_trusted(&[signer.public_key()]).unwrap();
        prop_assert_eq!(read.decode_body::<RandomBody>().unwrap(), body.clone());
        let read = SignedDocument::from_bytes(&doc.to_bytes().unwrap()).unwrap();
        prop_assert_eq!(read.decode_body::<RandomBody>().unwrap(), body);
    }

    #[test]
    fn random_corruption_never_verifies(
        body in random_body(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
    ) {
        let doc = signer().sign(DocKind::Trade, &body, ISSUED).unwrap();
        let mut bytes = doc.to_bytes().unwrap();
        let mut positions = std::collections::BTreeSet::new();
        for (at, mask) in &edits {
            let i = at.index(bytes.len());
            if positions.insert(i) {
                bytes[i] ^= mask;
            }
        }
        prop_assert!(SignedDocument::from_bytes(&bytes).and_then(|d| d.verify()).is_err());
    }
}
