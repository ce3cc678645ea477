//! ISO 20022 `pain.001.001.09` Customer Credit Transfer Initiation, written by hand.
//!
//! Source: reference §5.2 (the `pain.001.001.09` skeleton; the EPC SEPA guidelines use the
//! 2019 message versions). One `PmtInf` block holds every transfer. Element order follows
//! the skeleton and the XSD sequence \[K\]:
//!
//! - `GrpHdr`: `MsgId`, `CreDtTm`, `NbOfTxs`, `CtrlSum`, `InitgPty/Nm`.
//! - `PmtInf`: `PmtInfId`, `PmtMtd` = `TRF`, `NbOfTxs`, `CtrlSum`, `ReqdExctnDt/Dt`, `Dbtr/Nm`,
//!   `DbtrAcct`, `DbtrAgt` (`BICFI`, a national bank code as `ClrSysMmbId/MmbId`, or
//!   `Othr/Id` = `NOTPROVIDED` as the EPC guidelines ask when the BIC is unknown \[K\]).
//! - `CdtTrfTxInf`: `PmtId/EndToEndId`, `Amt/InstdAmt@Ccy`, `CdtrAgt` (when known),
//!   `Cdtr/Nm`, `CdtrAcct`, `Purp/Cd`, `RmtInf` with either `Strd/CdtrRefInf` (type `SCOR`,
//!   issuer `ISO`, the RF reference) or `Ustrd`.
//!
//! IBAN accounts are written as `Id/IBAN`, national ones as `Id/Othr/Id`. `CreDtTm` is the
//! given UTC time to the second with a `Z`. Output is deterministic: no clock is read.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::money::{fixed_scale, Money};

use super::xml::XmlWriter;
use super::{
    check_amount, iso20022_max, optional_text, required_text, Account, CreditorReference, Field,
    Party, PaymentError, PurposeCode, MAX_NAME_CHARS, MAX_REMITTANCE_CHARS,
};

/// The message version written.
pub const PAIN_001_VERSION: &str = "pain.001.001.09";

/// The XML namespace of [`PAIN_001_VERSION`].
pub const PAIN_001_NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

/// Most characters of `MsgId`, `PmtInfId` and `EndToEndId` (`Max35Text`).
pub const MAX_ID_CHARS: usize = 35;

/// A pain.001 message: one payer, one requested execution date, one or more transfers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditTransferInitiation {
    /// `GrpHdr/MsgId`: unique per message, at most 35 characters.
    pub message_id: String,
    /// `GrpHdr/CreDtTm`: when the message was made, UTC milliseconds (passed in).
    pub created_at_ms: u64,
    /// `GrpHdr/InitgPty/Nm`: who prepares the message (usually the payer).
    pub initiating_party: String,
    /// `PmtInf/PmtInfId`: at most 35 characters.
    pub payment_info_id: String,
    /// `PmtInf/ReqdExctnDt/Dt`: the day the payer's bank should pay.
    pub requested_execution_date: Date,
    /// `Dbtr`, `DbtrAcct`, `DbtrAgt`: the payer.
    pub debtor: Party,
    /// `CdtTrfTxInf`: the transfers, at least one.
    pub transfers: Vec<CreditTransfer>,
}

/// One transfer of a pain.001 message (`CdtTrfTxInf`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditTransfer {
    /// `PmtId/EndToEndId`: travels with the payment to the payee, at most 35 characters.
    pub end_to_end_id: String,
    /// `Amt/InstdAmt`: positive, at most the currency's minor units, 18 digits in all.
    pub amount: Money,
    /// `Cdtr`, `CdtrAcct`, `CdtrAgt`: the payee.
    pub creditor: Party,
    /// `Purp/Cd`.
    pub purpose: Option<PurposeCode>,
    /// `RmtInf/Strd/CdtrRefInf`: an RF creditor reference. Not with `remittance_text`.
    pub reference: Option<CreditorReference>,
    /// `RmtInf/Ustrd`: at most 140 characters. Not with `reference`.
    pub remittance_text: Option<String>,
}

impl CreditTransfer {
    /// Checks the transfer; returns the normalised amount and the remittance text.
    fn checked(&self) -> Result<(Decimal, Option<&str>), PaymentError> {
        required_text(Field::EndToEndId, &self.end_to_end_id, MAX_ID_CHARS)?;
        let amount = check_amount(self.amount, iso20022_max(self.amount))?;
        self.creditor.validate(Field::PayeeName)?;
        let remittance = optional_text(
            Field::Remittance,
            self.remittance_text.as_deref(),
            MAX_REMITTANCE_CHARS,
        );
        if self.reference.is_some() && !matches!(remittance, Ok(None)) {
            return Err(PaymentError::BothRemittances);
        }
        Ok((amount, remittance?))
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` for UTC milliseconds (milliseconds dropped).
fn iso_date_time(millis: u64) -> Result<String, PaymentError> {
    const DAY_MS: u64 = 86_400_000;
    let date = i64::try_from(millis / DAY_MS)
        .ok()
        .and_then(Date::from_days_since_epoch)
        .ok_or(PaymentError::Timestamp { millis })?;
    let seconds = (millis % DAY_MS) / 1000;
    Ok(format!(
        "{date}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    ))
}

impl CreditTransferInitiation {
    /// The XML document (UTF-8, two-space indent, trailing newline), or why it cannot be made.
    ///
    /// Text fields are trimmed; names are at most 140 characters; no field may hold a
    /// control character.
    pub fn to_xml(&self) -> Result<String, PaymentError> {
        let message_id = required_text(Field::MessageId, &self.message_id, MAX_ID_CHARS)?;
        let created = iso_date_time(self.created_at_ms)?;
        let initiating = required_text(
            Field::InitiatingParty,
            &self.initiating_party,
            MAX_NAME_CHARS,
        )?;
        let info_id = required_text(Field::PaymentInfoId, &self.payment_info_id, MAX_ID_CHARS)?;
        self.debtor.validate(Field::PayerName)?;
        let first = self.transfers.first().ok_or(PaymentError::NoTransfers)?;
        let mut checked = Vec::with_capacity(self.transfers.len());
        let mut sum = Decimal::ZERO;
        let mut places = 0;
        for transfer in &self.transfers {
            let (amount, remittance) = transfer.checked()?;
            let too_large = || PaymentError::AmountTooLarge {
                max: Money::new(iso20022_max(first.amount), first.amount.currency),
            };
            sum = sum.checked_add(amount).ok_or_else(too_large)?;
            if sum > iso20022_max(first.amount) {
                return Err(too_large());
            }
            places = places.max(transfer.amount.currency.minor_units());
            checked.push((transfer, amount, remittance));
        }
        let count = self.transfers.len().to_string();
        let control_sum = fixed_scale(sum, places);

        let mut w = XmlWriter::new();
        w.open_with("Document", Some(("xmlns", PAIN_001_NAMESPACE)))
            .open("CstmrCdtTrfInitn")
            .open("GrpHdr")
            .leaf("MsgId", message_id)
            .leaf("CreDtTm", &created)
            .leaf("NbOfTxs", &count)
            .leaf("CtrlSum", &control_sum)
            .open("InitgPty")
            .leaf("Nm", initiating)
            .close()
            .close();
        w.open("PmtInf")
            .leaf("PmtInfId", info_id)
            .leaf("PmtMtd", "TRF")
            .leaf("NbOfTxs", &count)
            .leaf("CtrlSum", &control_sum)
            .open("ReqdExctnDt")
            .leaf("Dt", &self.requested_execution_date.to_string())
            .close()
            .open("Dbtr")
            .leaf("Nm", self.debtor.name.trim())
            .close();
        account(&mut w, "DbtrAcct", &self.debtor.account);
        w.open("DbtrAgt");
        if !agent(&mut w, &self.debtor.account) {
            w.open("FinInstnId")
                .open("Othr")
                .leaf("Id", "NOTPROVIDED")
                .close()
                .close();
        }
        w.close();
        for (transfer, amount, remittance) in checked {
            let currency = transfer.amount.currency;
            w.open("CdtTrfTxInf")
                .open("PmtId")
                .leaf("EndToEndId", transfer.end_to_end_id.trim())
                .close()
                .open("Amt")
                .leaf_with(
                    "InstdAmt",
                    Some(("Ccy", currency.code())),
                    &fixed_scale(amount, currency.minor_units()),
                )
                .close();
            if has_agent(&transfer.creditor.account) {
                w.open("CdtrAgt");
                agent(&mut w, &transfer.creditor.account);
                w.close();
            }
            w.open("Cdtr")
                .leaf("Nm", transfer.creditor.name.trim())
                .close();
            account(&mut w, "CdtrAcct", &transfer.creditor.account);
            if let Some(purpose) = &transfer.purpose {
                w.open("Purp").leaf("Cd", purpose.as_str()).close();
            }
            if let Some(reference) = &transfer.reference {
                w.open("RmtInf")
                    .open("Strd")
                    .open("CdtrRefInf")
                    .open("Tp")
                    .open("CdOrPrtry")
                    .leaf("Cd", "SCOR")
                    .close()
                    .leaf("Issr", "ISO")
                    .close()
                    .leaf("Ref", reference.as_str())
                    .close()
                    .close()
                    .close();
            } else if let Some(text) = remittance {
                w.open("RmtInf").leaf("Ustrd", text).close();
            }
            w.close();
        }
        Ok(w.finish())
    }
}

/// `<{wrapper}><Id>…</Id></{wrapper}>` for an account.
fn account(w: &mut XmlWriter, wrapper: &'static str, account: &Account) {
    w.open(wrapper).open("Id");
    match account {
        Account::Iban { iban, .. } => {
            w.leaf("IBAN", iban.as_str());
        }
        Account::National { number, .. } => {
            w.open("Othr").leaf("Id", number.trim()).close();
        }
    }
    w.close().close();
}

/// Whether the account names its bank.
fn has_agent(account: &Account) -> bool {
    match account {
        Account::Iban { bic, .. } => bic.is_some(),
        Account::National { bank_code, .. } => {
            bank_code.as_deref().is_some_and(|c| !c.trim().is_empty())
        }
    }
}

/// Writes `FinInstnId` for the account's bank, if known; returns whether it did.
fn agent(w: &mut XmlWriter, account: &Account) -> bool {
    match account {
        Account::Iban { bic: Some(bic), .. } => {
            w.open("FinInstnId").leaf("BICFI", bic.as_str()).close();
            true
        }
        Account::National {
            bank_code: Some(code),
            ..
        } if !code.trim().is_empty() => {
            w.open("FinInstnId")
                .open("ClrSysMmbId")
                .leaf("MmbId", code.trim())
                .close()
                .close();
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_times() {
        assert_eq!(iso_date_time(0).unwrap(), "1970-01-01T00:00:00Z");
        // 2026-11-21 is day 20778 since 1970-01-01; + 10:00:00.999.
        let ms = 20_778 * 86_400_000 + 36_000_999;
        assert_eq!(iso_date_time(ms).unwrap(), "2026-11-21T10:00:00Z");
        assert_eq!(
            iso_date_time(u64::MAX),
            Err(PaymentError::Timestamp { millis: u64::MAX })
        );
    }
}
