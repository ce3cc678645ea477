//! ISO 13616 IBANs (country code, check digits, per-country length, mod 97) and the shape of
//! ISO 9362 BICs.
//!
//! The reference (§5, §6 `iban_validate`) asks for IBAN validation before writing an EPC QR
//! code or pain.001 but gives no length table; the table below is from the SWIFT IBAN
//! registry as known to the authors \[K: check against the current registry\]. It covers
//! every SEPA country and a few neighbours; other countries are refused by name.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{compact, groups_of_four, mod97, PaymentError};

/// IBAN length by ISO 3166 country code, sorted by code.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24), // Andorra (SEPA)
    ("AE", 23),
    ("AL", 28), // Albania (SEPA)
    ("AT", 20), // Austria (SEPA)
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16), // Belgium (SEPA)
    ("BG", 22), // Bulgaria (SEPA)
    ("BH", 22),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21), // Switzerland (SEPA)
    ("CR", 22),
    ("CY", 28), // Cyprus (SEPA)
    ("CZ", 24), // Czechia (SEPA)
    ("DE", 22), // Germany (SEPA)
    ("DK", 18), // Denmark (SEPA)
    ("DO", 28),
    ("EE", 20), // Estonia (SEPA)
    ("EG", 29),
    ("ES", 24), // Spain (SEPA)
    ("FI", 18), // Finland (SEPA; also Åland)
    ("FO", 18),
    ("FR", 27), // France (SEPA; also its overseas departments, Monaco uses MC)
    ("GB", 22), // United Kingdom (SEPA; also Jersey, Guernsey, Isle of Man)
    ("GE", 22),
    ("GI", 23), // Gibraltar (SEPA)
    ("GL", 18),
    ("GR", 27), // Greece (SEPA)
    ("GT", 28),
    ("HR", 21), // Croatia (SEPA)
    ("HU", 28), // Hungary (SEPA)
    ("IE", 22), // Ireland (SEPA)
    ("IL", 23),
    ("IQ", 23),
    ("IS", 26), // Iceland (SEPA)
    ("IT", 27), // Italy (SEPA)
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LC", 32),
    ("LI", 21), // Liechtenstein (SEPA)
    ("LT", 20), // Lithuania (SEPA)
    ("LU", 20), // Luxembourg (SEPA)
    ("LV", 21), // Latvia (SEPA)
    ("MC", 27), // Monaco (SEPA)
    ("MD", 24), // Moldova (SEPA)
    ("ME", 22), // Montenegro (SEPA)
    ("MK", 19), // North Macedonia (SEPA)
    ("MR", 27),
    ("MT", 31), // Malta (SEPA)
    ("MU", 30),
    ("NL", 18), // Netherlands (SEPA)
    ("NO", 15), // Norway (SEPA)
    ("PK", 24),
    ("PL", 28), // Poland (SEPA)
    ("PS", 29),
    ("PT", 25), // Portugal (SEPA)
    ("QA", 29),
    ("RO", 24), // Romania (SEPA)
    ("RS", 22), // Serbia (SEPA)
    ("SA", 24),
    ("SC", 31),
    ("SE", 24), // Sweden (SEPA)
    ("SI", 19), // Slovenia (SEPA)
    ("SK", 24), // Slovakia (SEPA)
    ("SM", 27), // San Marino (SEPA)
    ("ST", 25),
    ("SV", 28),
    ("TL", 23),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22), // Vatican City (SEPA)
    ("VG", 24),
    ("XK", 20),
];

/// The IBAN length of a country (ISO 3166 alpha-2, upper case), if it is in the table.
pub fn iban_length(country: &str) -> Option<usize> {
    IBAN_LENGTHS
        .binary_search_by(|(c, _)| (*c).cmp(country))
        .ok()
        .map(|i| IBAN_LENGTHS[i].1)
}

/// A valid IBAN, kept in electronic form (`DE89370400440532013000`).
///
/// [`fmt::Display`] prints the print form in groups of four; [`Iban::as_str`] gives the
/// electronic form for QR codes and XML.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Iban(String);

impl Iban {
    /// Checks an IBAN in electronic or print form. Spaces are ignored and lower case is
    /// upper-cased; then: two letters of a country in the table, two check digits, letters
    /// and digits only, the country's length, and (BBAN + country + check digits) mod 97 = 1
    /// with check digits 02 to 98.
    pub fn parse(text: &str) -> Result<Self, PaymentError> {
        let chars = compact(text);
        if chars.is_empty() {
            return Err(PaymentError::IbanEmpty);
        }
        if chars.len() < 2 || !chars[..2].iter().all(|(c, _)| c.is_ascii_alphabetic()) {
            return Err(PaymentError::IbanCountry {
                value: chars.iter().take(2).map(|(c, _)| c).collect(),
            });
        }
        if chars.len() < 4 || !chars[2..4].iter().all(|(c, _)| c.is_ascii_digit()) {
            return Err(PaymentError::IbanCheckDigits);
        }
        if let Some(&(character, position)) = chars.iter().find(|(c, _)| !c.is_ascii_alphanumeric())
        {
            return Err(PaymentError::IbanCharacter {
                character,
                position,
            });
        }
        let iban: String = chars.iter().map(|(c, _)| c).collect();
        let country = &iban[..2];
        let expected = iban_length(country).ok_or_else(|| PaymentError::IbanUnknownCountry {
            country: country.to_owned(),
        })?;
        if iban.len() != expected {
            return Err(PaymentError::IbanLength {
                country: country.to_owned(),
                length: iban.len(),
                expected,
            });
        }
        let check = &iban[2..4];
        let rearranged = iban[4..].bytes().chain(iban[..4].bytes());
        if !("02"..="98").contains(&check) || mod97(rearranged) != Some(1) {
            return Err(PaymentError::IbanChecksum);
        }
        Ok(Self(iban))
    }

    /// The electronic form, without spaces.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ISO 3166 country code, e.g. `DE`.
    pub fn country(&self) -> &str {
        &self.0[..2]
    }

    /// The two check digits.
    pub fn check_digits(&self) -> &str {
        &self.0[2..4]
    }

    /// The basic bank account number after the check digits.
    pub fn bban(&self) -> &str {
        &self.0[4..]
    }

    /// The print form in groups of four: `DE89 3704 0044 0532 0130 00`.
    pub fn print_form(&self) -> String {
        groups_of_four(&self.0)
    }
}

impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.print_form())
    }
}

impl FromStr for Iban {
    type Err = PaymentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Iban {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Iban {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A BIC (ISO 9362) of the right shape: 4 letters or digits (party prefix), 2 letters
/// (country), 2 letters or digits (location), optionally 3 letters or digits (branch).
///
/// That is the ISO 20022 `BICFIDec2014Identifier` pattern
/// `[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?` \[K\]. Only the shape is checked: whether
/// the bank exists needs the SWIFT directory.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Bic(String);

impl Bic {
    /// Checks a BIC's shape; surrounding spaces are trimmed and lower case is upper-cased.
    pub fn parse(text: &str) -> Result<Self, PaymentError> {
        let bic = text.trim().to_ascii_uppercase();
        let length = bic.chars().count();
        if length != 8 && length != 11 {
            return Err(PaymentError::BicLength { length });
        }
        for (i, c) in bic.chars().enumerate() {
            if !c.is_ascii_alphanumeric() {
                return Err(PaymentError::BicCharacter {
                    character: c,
                    position: i + 1,
                });
            }
            if (4..6).contains(&i) && !c.is_ascii_alphabetic() {
                return Err(PaymentError::BicCountry);
            }
        }
        Ok(Self(bic))
    }

    /// The BIC, upper case, 8 or 11 characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ISO 3166 country code (characters 5 and 6).
    pub fn country(&self) -> &str {
        &self.0[4..6]
    }
}

impl fmt::Display for Bic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Bic {
    type Err = PaymentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Bic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bic {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_plausible() {
        assert!(IBAN_LENGTHS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(IBAN_LENGTHS.iter().all(|(_, n)| (15..=34).contains(n)));
        assert_eq!(iban_length("NO"), Some(15));
        assert_eq!(iban_length("UZ"), None);
    }

    #[test]
    fn parses_print_form() {
        let iban = Iban::parse("de89 3704 0044 0532 0130 00").unwrap();
        assert_eq!(iban.as_str(), "DE89370400440532013000");
        assert_eq!(iban.to_string(), "DE89 3704 0044 0532 0130 00");
        assert_eq!(
            (iban.country(), iban.check_digits(), iban.bban()),
            ("DE", "89", "370400440532013000")
        );
    }

    #[test]
    fn refuses_with_reasons() {
        assert_eq!(Iban::parse(" "), Err(PaymentError::IbanEmpty));
        assert_eq!(
            Iban::parse("1E89"),
            Err(PaymentError::IbanCountry { value: "1E".into() })
        );
        assert_eq!(Iban::parse("DEX9"), Err(PaymentError::IbanCheckDigits));
        assert_eq!(
            Iban::parse("DE89 3704_0044"),
            Err(PaymentError::IbanCharacter {
                character: '_',
                position: 10
            })
        );
        assert_eq!(
            Iban::parse("UZ89370400440532013000"),
            Err(PaymentError::IbanUnknownCountry {
                country: "UZ".into()
            })
        );
        assert_eq!(
            Iban::parse("DE8937040044053201300"),
            Err(PaymentError::IbanLength {
                country: "DE".into(),
                length: 21,
                expected: 22
            })
        );
        assert_eq!(
            Iban::parse("DE88370400440532013000"),
            Err(PaymentError::IbanChecksum)
        );
    }

    #[test]
    fn bic_shapes() {
        assert_eq!(Bic::parse("cobadeffxxx").unwrap().as_str(), "COBADEFFXXX");
        assert_eq!(Bic::parse("BPOTBEB1").unwrap().country(), "BE");
        assert_eq!(
            Bic::parse("COBADEF"),
            Err(PaymentError::BicLength { length: 7 })
        );
        assert_eq!(Bic::parse("COBA1EFF"), Err(PaymentError::BicCountry));
        assert_eq!(
            Bic::parse("COBA-EFF"),
            Err(PaymentError::BicCharacter {
                character: '-',
                position: 5
            })
        );
    }
}
