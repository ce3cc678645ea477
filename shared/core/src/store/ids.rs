//! Record ids: UUID version 7 (time-ordered, random tail), as lowercase hyphenated text.

use ring::rand::{SecureRandom, SystemRandom};

/// Random bytes drawn from the OS a page at a time (one system call per 256 ids).
struct Pool {
    bytes: [u8; 4096],
    used: usize,
}

thread_local! {
    static POOL: std::cell::RefCell<Pool> = const {
        std::cell::RefCell::new(Pool { bytes: [0; 4096], used: 4096 })
    };
}

/// Ten random bytes for one id.
fn random10() -> [u8; 10] {
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        if p.used + 10 > p.bytes.len() {
            // SystemRandom only fails when the OS has no entropy source at all.
            SystemRandom::new()
                .fill(&mut p.bytes)
                .expect("the operating system provides random bytes");
            p.used = 0;
        }
        let mut out = [0u8; 10];
        out.copy_from_slice(&p.bytes[p.used..p.used + 10]);
        // Never hand out the same bytes twice.
        let used = p.used;
        p.bytes[used..used + 10].fill(0);
        p.used += 10;
        out
    })
}

/// A new UUIDv7.
pub fn new_id() -> String {
    let mut b = [0u8; 16];
    b[6..].copy_from_slice(&random10());
    let ms = u64::try_from(super::now_ms()).unwrap_or_default();
    b[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    b[6] = 0x70 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    id_text(&b)
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The canonical text of a UUID (lowercase, hyphenated).
pub fn id_text(b: &[u8; 16]) -> String {
    let mut out = [b'-'; 36];
    let mut at = 0;
    for (i, x) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            at += 1;
        }
        out[at] = HEX[usize::from(x >> 4)];
        out[at + 1] = HEX[usize::from(x & 0x0f)];
        at += 2;
    }
    // Hex digits and hyphens only: always UTF-8.
    std::str::from_utf8(&out).unwrap_or_default().to_owned()
}

/// The 16 bytes of an id in exactly the form [`id_text`] writes (`None` for anything else,
/// uppercase included, so that the bytes always give back the same text).
pub fn id_bytes(s: &str) -> Option<[u8; 16]> {
    let s = s.as_bytes();
    if s.len() != 36 {
        return None;
    }
    let digit = |c: u8| HEX.iter().position(|h| *h == c).map(|v| v as u8);
    let mut out = [0u8; 16];
    let mut at = 0;
    for (i, b) in out.iter_mut().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            if s[at] != b'-' {
                return None;
            }
            at += 1;
        }
        *b = (digit(s[at])? << 4) | digit(s[at + 1])?;
        at += 2;
    }
    Some(out)
}

/// Whether `s` looks like an id this store made (any UUID in canonical text form).
pub fn is_id(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuid_v7_and_unique() {
        let a = new_id();
        let b = new_id();
        assert!(is_id(&a) && is_id(&b) && a != b);
        assert_eq!(&a[14..15], "7");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
        // Many ids from the pool: all distinct and time-ordered by their first 48 bits.
        let many: Vec<String> = (0..2_000).map(|_| new_id()).collect();
        let set: std::collections::BTreeSet<&String> = many.iter().collect();
        assert_eq!(set.len(), many.len());
        assert!(many.windows(2).all(|w| w[0][..13] <= w[1][..13]));
    }

    #[test]
    fn canonical_ids_go_to_bytes_and_back_and_nothing_else_does() {
        for id in (0..100).map(|_| new_id()) {
            assert_eq!(id_text(&id_bytes(&id).unwrap()), id);
        }
        let upper = new_id().to_uppercase();
        assert!(is_id(&upper) && id_bytes(&upper).is_none());
        for bad in [
            "",
            "x",
            "0123456789abcdef0123456789abcdef0123",
            "0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6",
        ] {
            assert!(id_bytes(bad).is_none(), "{bad}");
        }
        assert!(id_bytes("0192a3b4-c5d6-7e8f-9a0b_1c2d3e4f5a6b").is_none());
    }
}
