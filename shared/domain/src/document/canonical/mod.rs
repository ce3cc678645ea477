//! The canonical byte form of a document body: deterministic CBOR (RFC 8949) of any
//! `T: Serialize`.
//!
//! One value has one encoding: heads in their shortest form, definite lengths only, struct
//! fields as text keys in declaration order, maps in their iteration order (documents use
//! `Vec` and `BTreeMap`, never `HashMap`), enum variants as a text (unit) or a one-entry map
//! `{variant: value}`, `None` and `()` as null. Floating-point numbers are refused (money and
//! quantities are decimals, which this workspace serializes as strings).
//!
//! The decoder accepts exactly that subset: a non-shortest head, an indefinite length, a tag, a
//! float, invalid UTF-8 or bytes left over is an error, with the field path and byte offset.

mod de;
mod ser;

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::DocumentError;

pub(super) const MAJOR_UINT: u8 = 0;
pub(super) const MAJOR_NEG: u8 = 1;
pub(super) const MAJOR_BYTES: u8 = 2;
pub(super) const MAJOR_TEXT: u8 = 3;
pub(super) const MAJOR_ARRAY: u8 = 4;
pub(super) const MAJOR_MAP: u8 = 5;
pub(super) const MAJOR_SIMPLE: u8 = 7;
pub(super) const SIMPLE_FALSE: u8 = 0xf4;
pub(super) const SIMPLE_TRUE: u8 = 0xf5;
pub(super) const SIMPLE_NULL: u8 = 0xf6;
/// Deepest nesting of arrays, maps and enum variants the decoder follows.
pub(super) const MAX_DEPTH: usize = 64;

/// Why the codec refused: serde's text, plus where in the bytes when decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CodecError {
    text: String,
    offset: Option<usize>,
}

impl CodecError {
    fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            offset: None,
        }
    }

    fn at(text: impl Into<String>, offset: usize) -> Self {
        Self {
            text: text.into(),
            offset: Some(offset),
        }
    }
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(at) => write!(f, "{} (at byte {at})", self.text),
            None => f.write_str(&self.text),
        }
    }
}

impl std::error::Error for CodecError {}

impl serde::ser::Error for CodecError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::new(msg.to_string())
    }
}

impl serde::de::Error for CodecError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::new(msg.to_string())
    }
}

/// The canonical bytes of a value.
///
/// Fails with [`DocumentError::Encode`] when the value holds a float, an integer beyond 64
/// bits, or its own `Serialize` refuses.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, DocumentError> {
    let mut out = Vec::new();
    value
        .serialize(&mut ser::Encoder { out: &mut out })
        .map_err(|e| DocumentError::Encode {
            detail: e.to_string(),
        })?;
    Ok(out)
}

/// Reads a value from its canonical bytes; every byte must be used.
///
/// Fails with [`DocumentError::Decode`] naming the field path (`contents[3].value`) and the
/// problem.
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DocumentError> {
    let mut decoder = de::Decoder::new(bytes);
    let value = serde_path_to_error::deserialize(&mut decoder).map_err(|e| {
        let path = e.path().to_string();
        DocumentError::Decode {
            path,
            detail: e.into_inner().to_string(),
        }
    })?;
    decoder.end().map_err(|e| DocumentError::Decode {
        path: ".".to_owned(),
        detail: e.to_string(),
    })?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn unhex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    /// Encodings from RFC 8949 Appendix A.
    #[test]
    fn rfc_8949_vectors() {
        let ints: [(i64, &str); 12] = [
            (0, "00"),
            (23, "17"),
            (24, "1818"),
            (100, "1864"),
            (1000, "1903e8"),
            (1_000_000, "1a000f4240"),
            (1_000_000_000_000, "1b000000e8d4a51000"),
            (-1, "20"),
            (-100, "3863"),
            (-1000, "3903e7"),
            (i64::MIN, "3b7fffffffffffffff"),
            (i64::MAX, "1b7fffffffffffffff"),
        ];
        for (v, h) in ints {
            assert_eq!(hex(&to_vec(&v).unwrap()), h, "{v}");
            assert_eq!(from_slice::<i64>(&unhex(h)).unwrap(), v);
        }
        assert_eq!(hex(&to_vec(&u64::MAX).unwrap()), "1bffffffffffffffff");
        assert_eq!(hex(&to_vec("IETF").unwrap()), "6449455446");
        assert_eq!(hex(&to_vec("ü").unwrap()), "62c3bc");
        assert_eq!(hex(&to_vec(&vec![1, 2, 3]).unwrap()), "83010203");
        assert_eq!(hex(&to_vec(&Vec::<u8>::new()).unwrap()), "80");
        assert_eq!(hex(&to_vec(&true).unwrap()), "f5");
        assert_eq!(hex(&to_vec(&None::<u8>).unwrap()), "f6");
        let mut map = BTreeMap::new();
        map.insert("b".to_owned(), vec![2, 3]);
        map.insert("a".to_owned(), vec![1]);
        assert_eq!(hex(&to_vec(&map).unwrap()), "a2616181016162820203");
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum Shape {
        Dot,
        Circle(u32),
        Pair(i8, String),
        Rect { w: u16, h: u16 },
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    enum Tagged {
        A { x: i32 },
        B,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Doc {
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        shapes: Vec<Shape>,
        tagged: Vec<Tagged>,
        bytes: Vec<u8>,
        flag: bool,
        unit: (),
    }

    #[test]
    fn round_trips_the_serde_model() {
        let doc = Doc {
            name: "Ташкент".to_owned(),
            note: None,
            shapes: vec![
                Shape::Dot,
                Shape::Circle(70_000),
                Shape::Pair(-5, "x".to_owned()),
                Shape::Rect { w: 3, h: 400 },
            ],
            tagged: vec![Tagged::A { x: -9 }, Tagged::B],
            bytes: vec![0, 255],
            flag: false,
            unit: (),
        };
        let bytes = to_vec(&doc).unwrap();
        assert_eq!(from_slice::<Doc>(&bytes).unwrap(), doc);
        assert_eq!(to_vec(&doc).unwrap(), bytes, "deterministic");
        // Struct fields are text keys in declaration order; `note` is skipped.
        assert!(hex(&bytes).starts_with("a6646e616d65"));
    }

    #[test]
    fn refuses_non_canonical_and_foreign_input() {
        let cases: [(&str, &str); 9] = [
            ("1817", "shortest"),
            ("190017", "shortest"),
            ("9f0102ff", "indefinite"),
            ("f93c00", "floating-point"),
            ("c11a514b67b0", "tags"),
            ("62c328", "UTF-8"),
            ("0000", "1 bytes follow"),
            ("1c", "reserved"),
            ("", "ends too early"),
        ];
        for (h, needle) in cases {
            let err = from_slice::<serde::de::IgnoredAny>(&unhex(h)).unwrap_err();
            assert!(err.to_string().contains(needle), "{h}: {err}");
        }
        // A huge declared length is refused before any allocation.
        let err = from_slice::<Vec<u8>>(&unhex("9bffffffffffffffff")).unwrap_err();
        assert!(err.to_string().contains("longer than the data"), "{err}");
        // Deep nesting stops at the limit.
        let deep = vec![0x81; 10_000];
        let err = from_slice::<serde_json::Value>(&deep).unwrap_err();
        assert!(err.to_string().contains("nested too deeply"), "{err}");
        // Floats are refused when encoding too.
        assert!(matches!(to_vec(&1.5f64), Err(DocumentError::Encode { .. })));
    }

    #[test]
    fn names_the_path_of_a_wrong_field() {
        let bytes = to_vec(&Doc {
            name: "n".to_owned(),
            note: Some("x".to_owned()),
            shapes: vec![Shape::Dot, Shape::Circle(1)],
            tagged: vec![],
            bytes: vec![],
            flag: true,
            unit: (),
        })
        .unwrap();
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Other {
            name: String,
            shapes: Vec<u8>,
        }
        match from_slice::<Other>(&bytes) {
            Err(DocumentError::Decode { path, .. }) => assert_eq!(path, "shapes[0]"),
            other => panic!("{other:?}"),
        }
    }
}
