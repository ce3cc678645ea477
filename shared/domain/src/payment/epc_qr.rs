//! EPC069-12 "SEPA Credit Transfer QR" payload: the text that goes into the QR code.
//!
//! Source: reference §5.1 (EPC069-12 v2.1 and its field table). Twelve elements, one per
//! line, separated by LF; absent optional elements are empty lines. Nothing follows the
//! last populated element, so trailing empty lines are left out \[K: EPC069-12 v2.1 text\].
//!
//! | line | element | here |
//! |---|---|---|
//! | 1 | service tag | `BCD` |
//! | 2 | version | `001` (BIC mandatory) or `002` (BIC optional) |
//! | 3 | character set | `1` (UTF-8), the only one written here |
//! | 4 | identification | `SCT` |
//! | 5 | BIC | optional in 002 |
//! | 6 | beneficiary name | 1 to 70 characters |
//! | 7 | beneficiary IBAN | |
//! | 8 | amount | `EUR` + 0.01 to 999999999.99, two decimals written (`EUR12.30`) |
//! | 9 | purpose | ISO 20022 purpose code |
//! | 10 | structured remittance | ISO 11649 RF reference, **or** line 11 |
//! | 11 | unstructured remittance | up to 140 characters |
//! | 12 | beneficiary-to-originator information | up to 70 characters |
//!
//! The whole payload is at most 331 bytes (QR version 13, error correction level M).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::{fixed_scale, Money};

use super::{
    check_amount, is_euro, optional_text, required_text, Bic, CreditorReference, Field, Iban,
    PaymentError, PurposeCode, MAX_REMITTANCE_CHARS,
};

/// Largest payload, in bytes (EPC069-12: QR version 13 at error correction level M).
pub const EPC_MAX_PAYLOAD_BYTES: usize = 331;

/// Most characters of the beneficiary name (line 6).
pub const EPC_MAX_NAME_CHARS: usize = 70;

/// Most characters of the beneficiary-to-originator information (line 12).
pub const EPC_MAX_INFORMATION_CHARS: usize = 70;

/// Largest amount (line 8): 999999999.99 EUR.
pub fn epc_max_amount() -> Decimal {
    Decimal::new(99_999_999_999, 2)
}

/// The EPC069-12 data format version (line 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum EpcVersion {
    /// `001`: the BIC of the beneficiary bank is mandatory.
    #[serde(rename = "001")]
    V001,
    /// `002`: the BIC is optional (still needed for non-EEA SEPA payees).
    #[default]
    #[serde(rename = "002")]
    V002,
}

impl EpcVersion {
    /// The version as written on line 2.
    pub fn as_str(self) -> &'static str {
        match self {
            EpcVersion::V001 => "001",
            EpcVersion::V002 => "002",
        }
    }
}

/// The inputs of one EPC QR code. Build with [`EpcQr::new`], set the optional fields,
/// then call [`EpcQr::payload`], which checks everything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpcQr {
    /// Data format version (line 2).
    pub version: EpcVersion,
    /// BIC of the beneficiary bank (line 5); mandatory in version 001.
    pub bic: Option<Bic>,
    /// Beneficiary name (line 6), 1 to 70 characters.
    pub beneficiary_name: String,
    /// Beneficiary IBAN (line 7).
    pub iban: Iban,
    /// Amount (line 8): euro only, 0.01 to 999999999.99, at most two decimals.
    pub amount: Option<Money>,
    /// Purpose code (line 9).
    pub purpose: Option<PurposeCode>,
    /// Structured remittance: an RF creditor reference (line 10). Not with `remittance_text`.
    pub reference: Option<CreditorReference>,
    /// Unstructured remittance text (line 11), at most 140 characters. Not with `reference`.
    pub remittance_text: Option<String>,
    /// Beneficiary-to-originator information (line 12), at most 70 characters.
    pub information: Option<String>,
}

impl EpcQr {
    /// A version 002 code for a payee, with no amount or remittance yet.
    pub fn new(beneficiary_name: impl Into<String>, iban: Iban) -> Self {
        Self {
            version: EpcVersion::V002,
            bic: None,
            beneficiary_name: beneficiary_name.into(),
            iban,
            amount: None,
            purpose: None,
            reference: None,
            remittance_text: None,
            information: None,
        }
    }

    /// The payload text (UTF-8, LF between lines), or why it cannot be made.
    ///
    /// Text fields are trimmed; blank optional ones count as absent.
    pub fn payload(&self) -> Result<String, PaymentError> {
        if self.version == EpcVersion::V001 && self.bic.is_none() {
            return Err(PaymentError::BicRequired);
        }
        let name = required_text(
            Field::BeneficiaryName,
            &self.beneficiary_name,
            EPC_MAX_NAME_CHARS,
        )?;
        let amount = match self.amount {
            None => String::new(),
            Some(money) => format!("EUR{}", epc_amount(money)?),
        };
        let remittance = optional_text(
            Field::Remittance,
            self.remittance_text.as_deref(),
            MAX_REMITTANCE_CHARS,
        );
        if self.reference.is_some() && !matches!(remittance, Ok(None)) {
            return Err(PaymentError::BothRemittances);
        }
        let remittance = remittance?;
        let information = optional_text(
            Field::Information,
            self.information.as_deref(),
            EPC_MAX_INFORMATION_CHARS,
        )?;
        let lines = [
            "BCD",
            self.version.as_str(),
            "1",
            "SCT",
            self.bic.as_ref().map_or("", Bic::as_str),
            name,
            self.iban.as_str(),
            &amount,
            self.purpose.as_ref().map_or("", PurposeCode::as_str),
            self.reference
                .as_ref()
                .map_or("", CreditorReference::as_str),
            remittance.unwrap_or(""),
            information.unwrap_or(""),
        ];
        let used = lines
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(0, |i| i + 1);
        let payload = lines[..used].join("\n");
        if payload.len() > EPC_MAX_PAYLOAD_BYTES {
            return Err(PaymentError::PayloadTooLarge {
                bytes: payload.len(),
                max: EPC_MAX_PAYLOAD_BYTES,
            });
        }
        Ok(payload)
    }
}

/// The amount of line 8 without `EUR`: euro only, 0.01 to 999999999.99, two decimals.
fn epc_amount(money: Money) -> Result<String, PaymentError> {
    if !is_euro(money) {
        return Err(PaymentError::NotEuro {
            currency: money.currency,
        });
    }
    let amount = check_amount(money, epc_max_amount())?;
    Ok(fixed_scale(amount, 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency::Currency;

    fn eur(cents: i64) -> Money {
        Money::new(Decimal::new(cents, 2), Currency::from_code("EUR").unwrap())
    }

    #[test]
    fn amount_forms() {
        assert_eq!(epc_amount(eur(100)).unwrap(), "1.00");
        assert_eq!(epc_amount(eur(1230)).unwrap(), "12.30");
        assert_eq!(epc_amount(eur(1)).unwrap(), "0.01");
        assert_eq!(epc_amount(eur(99_999_999_999)).unwrap(), "999999999.99");
        assert!(matches!(
            epc_amount(eur(100_000_000_000)),
            Err(PaymentError::AmountTooLarge { .. })
        ));
    }

    #[test]
    fn trailing_empty_lines_are_left_out() {
        let iban = Iban::parse("BE72000000001616").unwrap();
        let qr = EpcQr::new("Red Cross of Belgium", iban);
        assert_eq!(
            qr.payload().unwrap(),
            "BCD\n002\n1\nSCT\n\nRed Cross of Belgium\nBE72000000001616"
        );
    }
}
