//! Base45 (RFC 9285): bytes as text in the QR code alphanumeric alphabet.
//!
//! Two bytes `[a, b]` become `n = a * 256 + b` written as three characters `c d e` with
//! `n = c + d * 45 + e * 45²`; a last single byte becomes two characters.

use super::DocumentError;

/// The 45 characters, in value order.
const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Encodes bytes as Base45 text.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2) * 3);
    let mut push = |v: usize| out.push(char::from(ALPHABET[v % 45]));
    for pair in bytes.chunks(2) {
        match *pair {
            [a, b] => {
                let n = usize::from(a) * 256 + usize::from(b);
                push(n);
                push(n / 45);
                push(n / 2025);
            }
            [a] => {
                let n = usize::from(a);
                push(n);
                push(n / 45);
            }
            _ => {}
        }
    }
    out
}

fn value(c: u8) -> Option<u16> {
    ALPHABET.iter().position(|&a| a == c).map(|v| v as u16)
}

/// Decodes Base45 text. `offset` is the number of characters before `text` in what the user
/// gave, so that positions in errors count from the start of their input (1-based).
pub fn decode(text: &str, offset: usize) -> Result<Vec<u8>, DocumentError> {
    let mut digits = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match u8::try_from(c).ok().and_then(value) {
            Some(v) => digits.push(v),
            None => {
                return Err(DocumentError::Base45Char {
                    character: c,
                    position: offset + i + 1,
                })
            }
        }
    }
    if digits.len() % 3 == 1 {
        return Err(DocumentError::Base45Length { len: digits.len() });
    }
    let mut out = Vec::with_capacity(digits.len() / 3 * 2 + 1);
    for (g, group) in digits.chunks(3).enumerate() {
        let position = offset + g * 3 + 1;
        let n = group
            .iter()
            .rev()
            .fold(0u32, |acc, &d| acc * 45 + u32::from(d));
        match group.len() {
            3 => {
                let n = u16::try_from(n).map_err(|_| DocumentError::Base45Value { position })?;
                out.extend_from_slice(&n.to_be_bytes());
            }
            _ => {
                let n = u8::try_from(n).map_err(|_| DocumentError::Base45Value { position })?;
                out.push(n);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples of RFC 9285 §4.
    #[test]
    fn rfc_9285_examples() {
        assert_eq!(encode(b"AB"), "BB8");
        assert_eq!(encode(b"Hello!!"), "%69 VD92EX0");
        assert_eq!(encode(b"base-45"), "UJCLQE7W581");
        assert_eq!(decode("QED8WEX0", 0).unwrap(), b"ietf!");
        assert_eq!(decode("", 0).unwrap(), b"");
    }

    #[test]
    fn refuses_bad_text() {
        assert_eq!(
            decode("GGW", 0),
            Err(DocumentError::Base45Value { position: 1 })
        );
        assert_eq!(
            decode("BB8a", 4),
            Err(DocumentError::Base45Char {
                character: 'a',
                position: 8
            })
        );
        assert_eq!(
            decode("BB8B", 0),
            Err(DocumentError::Base45Length { len: 4 })
        );
        assert_eq!(
            decode("BB8:Z", 0),
            Err(DocumentError::Base45Value { position: 4 })
        );
    }

    #[test]
    fn every_pair_round_trips() {
        for a in 0..=255u8 {
            for b in [0u8, 1, 44, 45, 200, 255] {
                let bytes = [a, b, a];
                assert_eq!(decode(&encode(&bytes), 0).unwrap(), bytes);
            }
        }
    }
}
