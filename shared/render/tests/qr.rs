//! QR codes as a user meets them: a signed declaration's text becomes an SVG or a PNG, and the
//! PNG reads back to the identical text.

#[path = "../../domain/tests/support/documents.rs"]
mod documents;

use karvon_domain::document::{DocKind, SignedDocument, Signer};
use karvon_render::qr::{self, QrError, QrLevel, QrMatrix, MAX_SCALE, QUIET_ZONE};
use proptest::prelude::*;
use ring::rand::SystemRandom;

fn signer() -> Signer {
    Signer::from_pkcs8(&Signer::generate_pkcs8(&SystemRandom::new()).unwrap()).unwrap()
}

fn passenger_payload() -> String {
    signer()
        .sign(
            DocKind::Passenger,
            &documents::passenger(30),
            1_773_480_000_000,
        )
        .unwrap()
        .to_qr_payload()
        .unwrap()
}

#[test]
fn thirty_item_passenger_declaration_fits_one_code_at_level_m() {
    let payload = passenger_payload();
    let rows = qr::modules(&payload, QrLevel::M).unwrap();
    let matrix = QrMatrix::encode(&payload, QrLevel::M).unwrap();
    println!(
        "30-item passenger declaration: {} characters, QR version {} ({} × {} modules) at level M",
        payload.len(),
        matrix.version(),
        matrix.width(),
        matrix.width()
    );
    assert_eq!(rows, matrix.rows());
    assert_eq!(matrix.width(), 17 + 4 * usize::from(matrix.version()));
    assert_eq!(rows.len(), matrix.width());
    assert!(rows.iter().all(|r| r.len() == matrix.width()));
    // The top-left finder pattern's outer ring is dark.
    assert!((0..7).all(|i| rows[0][i] && rows[6][i] && rows[i][0] && rows[i][6]));
}

#[test]
fn a_signed_declaration_survives_png_and_verifies() {
    let payload = passenger_payload();
    let png = qr::to_png(&payload, QrLevel::M, 3).unwrap();
    assert_eq!(&png[..4], b"\x89PNG");
    let read = qr::read_png(&png).unwrap();
    assert_eq!(read, payload);
    let doc = SignedDocument::from_qr_payload(&read).unwrap();
    doc.verify().unwrap();
    assert_eq!(
        doc.decode_body::<documents::PassengerLike>().unwrap(),
        documents::passenger(30)
    );
}

#[test]
fn every_level_reads_back() {
    let payload = signer()
        .sign(DocKind::Cn22, &documents::cn22(), 0)
        .unwrap()
        .to_qr_payload()
        .unwrap();
    for level in [QrLevel::L, QrLevel::M, QrLevel::Q, QrLevel::H] {
        for scale in [2, 5] {
            let png = qr::to_png(&payload, level, scale).unwrap();
            assert_eq!(qr::read_png(&png).unwrap(), payload, "{level:?} ×{scale}");
        }
    }
    // Text with lower case and Cyrillic goes in byte mode and reads back too.
    let text = "Karvon: декларация № 17";
    assert_eq!(
        qr::read_png(&qr::to_png(text, QrLevel::Q, 4).unwrap()).unwrap(),
        text
    );
}

/// Parses the SVG and returns its side and the modules its path's runs
/// (`M x y h n v1 h-n z`) paint.
fn svg_modules(svg: &str) -> (usize, Vec<Vec<bool>>) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(root.attribute("shape-rendering"), Some("crispEdges"));
    let view: Vec<usize> = root
        .attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!((view[0], view[1]), (0, 0));
    assert_eq!(view[2], view[3]);
    let side = view[2];
    let rect = root.children().find(|n| n.has_tag_name("rect")).unwrap();
    assert_eq!(rect.attribute("fill"), Some("#fff"));
    assert_eq!(rect.attribute("width"), Some(side.to_string().as_str()));
    let path = root.children().find(|n| n.has_tag_name("path")).unwrap();
    assert_eq!(path.attribute("fill"), Some("#000"));
    let mut grid = vec![vec![false; side]; side];
    for run in path
        .attribute("d")
        .unwrap()
        .split('z')
        .filter(|s| !s.is_empty())
    {
        let run = run.strip_prefix('M').unwrap();
        let (x, rest) = run.split_once(' ').unwrap();
        let (y, rest) = rest.split_once('h').unwrap();
        let (n, rest) = rest.split_once("v1h-").unwrap();
        assert_eq!(n, rest);
        let (x, y, n): (usize, usize, usize) =
            (x.parse().unwrap(), y.parse().unwrap(), n.parse().unwrap());
        for cell in &mut grid[y][x..x + n] {
            assert!(!*cell, "module painted twice");
            *cell = true;
        }
    }
    (side, grid)
}

#[test]
fn svg_is_xml_with_exactly_the_modules() {
    for payload in [passenger_payload(), "KV1:HELLO".to_owned()] {
        let rows = qr::modules(&payload, QrLevel::M).unwrap();
        let svg = qr::to_svg(&payload, QrLevel::M).unwrap();
        let (side, grid) = svg_modules(&svg);
        assert_eq!(side, rows.len() + 2 * QUIET_ZONE);
        let code = QUIET_ZONE..QUIET_ZONE + rows.len();
        for (y, row) in grid.iter().enumerate() {
            for (x, &dark) in row.iter().enumerate() {
                let want =
                    code.contains(&x) && code.contains(&y) && rows[y - QUIET_ZONE][x - QUIET_ZONE];
                assert_eq!(dark, want, "module {x},{y}");
            }
        }
        let dark = rows.iter().flatten().filter(|&&d| d).count();
        assert_eq!(grid.iter().flatten().filter(|&&d| d).count(), dark);
    }
}

#[test]
fn too_long_names_the_limit() {
    let fits = "A".repeat(3391);
    assert_eq!(QrMatrix::encode(&fits, QrLevel::M).unwrap().version(), 40);
    let err = qr::to_svg(&"A".repeat(3392), QrLevel::M).unwrap_err();
    assert_eq!(
        err,
        QrError::TooLong {
            len: 3392,
            max: 3391
        }
    );
    assert_eq!(err.message().id, "qr-error-too-long");
    assert_eq!(
        qr::modules(&"a".repeat(1274), QrLevel::H),
        Err(QrError::TooLong {
            len: 1274,
            max: 1273
        })
    );
    assert_eq!(
        qr::to_png(&"7".repeat(7090), QrLevel::L, 1),
        Err(QrError::TooLong {
            len: 7090,
            max: 7089
        })
    );
}

#[test]
fn bad_scales_and_images_are_refused() {
    for scale in [0, MAX_SCALE + 1] {
        assert_eq!(
            qr::to_png("KV1:", QrLevel::M, scale),
            Err(QrError::Scale {
                scale,
                max: MAX_SCALE
            })
        );
    }
    assert_eq!(qr::read_png(b""), Err(QrError::NotPng));
    assert_eq!(qr::read_png(b"<svg/>"), Err(QrError::NotPng));
    let png = qr::to_png("KV1:HELLO", QrLevel::M, 2).unwrap();
    assert!(matches!(
        qr::read_png(&png[..png.len() - 20]),
        Err(QrError::PngCorrupt { .. })
    ));
    assert_eq!(qr::read_png(&white_png(64)), Err(QrError::NotFound));
    assert_eq!(QrError::NotFound.message().id, "qr-error-not-found");
}

/// A plain white 8-bit greyscale PNG, built by hand (the crate only writes QR codes).
fn white_png(side: u32) -> Vec<u8> {
    fn crc(data: &[u8]) -> u32 {
        let mut c = 0xffff_ffffu32;
        for &b in data {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    (c >> 1) ^ 0xedb8_8320
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc(&body).to_be_bytes());
    }
    let mut ihdr = side.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    let raw: Vec<u8> = (0..side)
        .flat_map(|_| std::iter::once(0).chain(std::iter::repeat_n(255, side as usize)))
        .collect();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 6),
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_texts_read_back(text in "[0-9A-Z $%*+./:-]{1,300}", scale in 2u32..5) {
        let png = qr::to_png(&text, QrLevel::M, scale).unwrap();
        prop_assert_eq!(qr::read_png(&png).unwrap(), text);
    }
}
