//! Record ids: UUID version 7 (time-ordered, random tail), as lowercase hyphenated text.

use ring::rand::{SecureRandom, SystemRandom};

/// A new UUIDv7.
pub fn new_id() -> String {
    let mut b = [0u8; 16];
    // SystemRandom only fails when the OS has no entropy source at all.
    SystemRandom::new()
        .fill(&mut b)
        .expect("the operating system provides random bytes");
    let ms = u64::try_from(super::now_ms()).unwrap_or_default();
    b[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    b[6] = 0x70 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
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
    }
}
