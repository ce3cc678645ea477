//! Signed documents: sign + encode a 50-item declaration to QR text (target ≤ 2 ms), and
//! decode + verify it (target ≤ 1 ms).

#[path = "../tests/support/documents.rs"]
mod documents;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use karvon_domain::document::{DocKind, SignedDocument, Signer};
use ring::rand::SystemRandom;

fn document(c: &mut Criterion) {
    let pkcs8 = Signer::generate_pkcs8(&SystemRandom::new()).expect("key");
    let signer = Signer::from_pkcs8(&pkcs8).expect("key");
    let declaration = documents::passenger(50);
    let payload = signer
        .sign(DocKind::Passenger, &declaration, 1_773_480_000_000)
        .and_then(|d| d.to_qr_payload())
        .expect("sign");
    println!("50-item declaration: QR text {} characters", payload.len());

    c.bench_function("sign + encode 50 items to QR text", |b| {
        b.iter(|| {
            signer
                .sign(
                    DocKind::Passenger,
                    black_box(&declaration),
                    1_773_480_000_000,
                )
                .and_then(|d| d.to_qr_payload())
                .expect("sign")
        })
    });
    c.bench_function("decode + verify 50 items from QR text", |b| {
        b.iter(|| {
            let doc = SignedDocument::from_qr_payload(black_box(&payload)).expect("decode");
            doc.verify_trusted(&[signer.public_key()]).expect("verify");
            doc.decode_body::<documents::PassengerLike>().expect("body")
        })
    });
}

criterion_group!(benches, document);
criterion_main!(benches);
