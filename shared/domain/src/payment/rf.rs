//! ISO 11649 RF creditor references: `RF`, two check digits, then 1 to 21 letters or digits.
//!
//! The check digits are ISO 7064 MOD 97-10 over the reference part followed by `RF00`,
//! letters counted as A=10 … Z=35: check = 98 − (that number mod 97). A reference is
//! valid when the same number, with the real check digits, is 1 mod 97. Printed in groups
//! of four (`RF18 5390 0754 7034`); spaces in input are ignored. Source: reference §5.1
//! (EPC069-12 line 10, "ISO 11649 RF creditor reference") and the ISO 11649 scheme \[K\].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{compact, groups_of_four, mod97, PaymentError};

/// Most characters of the reference part after `RF` and the check digits.
pub const RF_MAX_BASE_CHARS: usize = 21;

/// A valid ISO 11649 creditor reference, kept in electronic form (`RF18539007547034`).
///
/// [`fmt::Display`] prints the print form in groups of four; [`CreditorReference::as_str`]
/// gives the electronic form for QR codes and XML.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CreditorReference(String);

impl CreditorReference {
    /// Makes a reference from its reference part (letters and digits, up to 21; spaces
    /// are ignored, lower case is upper-cased) by computing the check digits.
    pub fn from_base(base: &str) -> Result<Self, PaymentError> {
        let chars = compact(base);
        let base = reference_part(&chars)?;
        let check = check_digits(&base);
        Ok(Self(format!("RF{check:02}{base}")))
    }

    /// Checks a reference in electronic or print form (`RF18 5390 0754 7034`).
    pub fn parse(text: &str) -> Result<Self, PaymentError> {
        let chars = compact(text);
        if chars.is_empty() {
            return Err(PaymentError::RfEmpty);
        }
        if chars.len() < 2 || chars[0].0 != 'R' || chars[1].0 != 'F' {
            return Err(PaymentError::RfPrefix);
        }
        if chars.len() < 4 || !chars[2].0.is_ascii_digit() || !chars[3].0.is_ascii_digit() {
            return Err(PaymentError::RfCheckDigits);
        }
        let base = reference_part(&chars[4..])?;
        let given: u32 = chars[2..4]
            .iter()
            .map(|(c, _)| c.to_digit(10).unwrap_or(0))
            .fold(0, |acc, d| acc * 10 + d);
        if given != check_digits(&base) {
            return Err(PaymentError::RfChecksum);
        }
        Ok(Self(format!("RF{given:02}{base}")))
    }

    /// The electronic form, without spaces: `RF18539007547034`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two check digits, e.g. `18`.
    pub fn check_digits(&self) -> &str {
        &self.0[2..4]
    }

    /// The reference part after the check digits, e.g. `539007547034`.
    pub fn base(&self) -> &str {
        &self.0[4..]
    }

    /// The print form in groups of four: `RF18 5390 0754 7034`.
    pub fn print_form(&self) -> String {
        groups_of_four(&self.0)
    }
}

/// The reference part: only ASCII letters and digits, 1 to 21 of them.
fn reference_part(chars: &[(char, usize)]) -> Result<String, PaymentError> {
    if let Some(&(character, position)) = chars.iter().find(|(c, _)| !c.is_ascii_alphanumeric()) {
        return Err(PaymentError::RfCharacter {
            character,
            position,
        });
    }
    if chars.is_empty() || chars.len() > RF_MAX_BASE_CHARS {
        return Err(PaymentError::RfLength {
            length: chars.len(),
        });
    }
    Ok(chars.iter().map(|(c, _)| c).collect())
}

/// 98 − (reference part + `RF00`) mod 97; `base` holds only A–Z and 0–9.
fn check_digits(base: &str) -> u32 {
    98 - mod97(base.bytes().chain(*b"RF00")).unwrap_or(0)
}

impl fmt::Display for CreditorReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.print_form())
    }
}

impl FromStr for CreditorReference {
    type Err = PaymentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for CreditorReference {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for CreditorReference {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_the_well_known_example() {
        let rf = CreditorReference::from_base("5390 0754 7034").unwrap();
        assert_eq!(rf.as_str(), "RF18539007547034");
        assert_eq!(rf.to_string(), "RF18 5390 0754 7034");
        assert_eq!((rf.check_digits(), rf.base()), ("18", "539007547034"));
        assert_eq!(CreditorReference::parse("rf18 5390 0754 7034"), Ok(rf));
    }

    #[test]
    fn refuses_with_reasons() {
        assert_eq!(CreditorReference::parse("  "), Err(PaymentError::RfEmpty));
        assert_eq!(
            CreditorReference::parse("RX18"),
            Err(PaymentError::RfPrefix)
        );
        assert_eq!(
            CreditorReference::parse("RF1"),
            Err(PaymentError::RfCheckDigits)
        );
        assert_eq!(
            CreditorReference::parse("RF18"),
            Err(PaymentError::RfLength { length: 0 })
        );
        assert_eq!(
            CreditorReference::parse("RF18 5390-0754"),
            Err(PaymentError::RfCharacter {
                character: '-',
                position: 10
            })
        );
        assert_eq!(
            CreditorReference::from_base("1234567890123456789012"),
            Err(PaymentError::RfLength { length: 22 })
        );
        assert_eq!(
            CreditorReference::parse("RF19539007547034"),
            Err(PaymentError::RfChecksum)
        );
    }

    #[test]
    fn never_makes_check_digits_00_01_or_99() {
        for n in 0..2000u32 {
            let rf = CreditorReference::from_base(&n.to_string()).unwrap();
            let check: u32 = rf.check_digits().parse().unwrap();
            assert!((2..=98).contains(&check), "{rf}");
            assert_eq!(CreditorReference::parse(rf.as_str()), Ok(rf));
        }
    }
}
