//! A country-neutral payment draft (reference §5.3, "Suggested payment draft record") and
//! its exports: EPC QR payload, pain.001 XML and translatable plain-text lines.
//!
//! The payee may be [`Payee::GivenAtFiling`]: the reference marks the Uzbek treasury
//! account and payment-purpose code as unconfirmed, so a draft never invents them; it says
//! the payee is given by customs at filing, and the bank-file exports refuse until a real
//! account is entered.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::message::Message;
use crate::money::Money;

use super::epc_qr::EpcQr;
use super::pain001::{CreditTransfer, CreditTransferInitiation};
use super::{
    check_amount, iso20022_max, optional_text, Account, CreditorReference, EpcVersion, Field,
    Party, PaymentError, PurposeCode, MAX_REMITTANCE_CHARS,
};

/// Where a payment goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Payee {
    /// The account is given by customs when the declaration is filed; nothing is assumed.
    GivenAtFiling,
    /// A payee whose name and account are known.
    Known(Party),
}

/// Where a payment stands. It only moves forward: draft → submitted → paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// Prepared, not yet sent to a bank or an authority.
    Draft,
    /// Sent (filed or handed to a bank), not yet confirmed paid.
    Submitted,
    /// Confirmed paid.
    Paid,
}

impl PaymentStatus {
    /// The catalogue id naming the status.
    pub fn term_id(self) -> &'static str {
        match self {
            PaymentStatus::Draft => "payment-status-draft",
            PaymentStatus::Submitted => "payment-status-submitted",
            PaymentStatus::Paid => "payment-status-paid",
        }
    }
}

/// The parts of a pain.001 message a draft does not hold (all passed in; no clock is read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pain001Header {
    /// `MsgId`, at most 35 characters.
    pub message_id: String,
    /// `CreDtTm`, UTC milliseconds.
    pub created_at_ms: u64,
    /// `PmtInfId`, at most 35 characters.
    pub payment_info_id: String,
    /// `EndToEndId`, at most 35 characters.
    pub end_to_end_id: String,
    /// `ReqdExctnDt`: the day the payer's bank should pay.
    pub requested_execution_date: Date,
    /// The payer; also written as the initiating party.
    pub payer: Party,
}

/// A payment to prepare: what, to whom, with which reference, by when, and how far along.
///
/// Fields are open for building; [`PaymentDraft::validate`] and every export check them.
/// The status is changed only through [`PaymentDraft::advance`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentDraft {
    /// Amount and currency: positive, at most the currency's minor units.
    pub amount: Money,
    /// The payee, or [`Payee::GivenAtFiling`].
    pub payee: Payee,
    /// ISO 11649 creditor reference, when the payee gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<CreditorReference>,
    /// When it must be paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<Date>,
    /// What it pays for, as remittance text (at most 140 characters). Exports use it as
    /// unstructured remittance only when there is no RF reference (the two exclude each other).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// ISO 20022 purpose code, e.g. `GOVT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose_code: Option<PurposeCode>,
    status: PaymentStatus,
}

impl PaymentDraft {
    /// A new draft with status [`PaymentStatus::Draft`], after checking the amount.
    pub fn new(amount: Money, payee: Payee) -> Result<Self, PaymentError> {
        let draft = Self {
            amount,
            payee,
            reference: None,
            due_date: None,
            purpose: None,
            purpose_code: None,
            status: PaymentStatus::Draft,
        };
        draft.validate()?;
        Ok(draft)
    }

    /// Checks the amount, the payee and the purpose text.
    pub fn validate(&self) -> Result<(), PaymentError> {
        check_amount(self.amount, iso20022_max(self.amount))?;
        if let Payee::Known(party) = &self.payee {
            party.validate(Field::PayeeName)?;
        }
        self.purpose_text()?;
        Ok(())
    }

    fn purpose_text(&self) -> Result<Option<&str>, PaymentError> {
        optional_text(
            Field::Remittance,
            self.purpose.as_deref(),
            MAX_REMITTANCE_CHARS,
        )
    }

    /// The current status.
    pub fn status(&self) -> PaymentStatus {
        self.status
    }

    /// Moves the status forward (steps may be skipped, e.g. draft → paid). Asking for the
    /// current status again changes nothing; going back is refused.
    pub fn advance(&mut self, to: PaymentStatus) -> Result<(), PaymentError> {
        if to < self.status {
            return Err(PaymentError::StatusBackward {
                from: self.status,
                to,
            });
        }
        self.status = to;
        Ok(())
    }

    fn known_payee(&self) -> Result<&Party, PaymentError> {
        match &self.payee {
            Payee::Known(party) => Ok(party),
            Payee::GivenAtFiling => Err(PaymentError::PayeeGivenAtFiling),
        }
    }

    /// The remittance the exports carry: the RF reference, else the purpose text.
    fn remittance(&self) -> Result<(Option<CreditorReference>, Option<String>), PaymentError> {
        let text = self.purpose_text()?;
        Ok(match &self.reference {
            Some(rf) => (Some(rf.clone()), None),
            None => (None, text.map(str::to_owned)),
        })
    }

    /// The EPC069-12 QR inputs: euro only, and only for a known payee with an IBAN.
    pub fn epc_qr(&self, version: EpcVersion) -> Result<EpcQr, PaymentError> {
        self.validate()?;
        if !super::is_euro(self.amount) {
            return Err(PaymentError::NotEuro {
                currency: self.amount.currency,
            });
        }
        let party = self.known_payee()?;
        let Account::Iban { iban, bic } = &party.account else {
            return Err(PaymentError::PayeeNotIban);
        };
        let (reference, remittance_text) = self.remittance()?;
        Ok(EpcQr {
            version,
            bic: bic.clone(),
            beneficiary_name: party.name.trim().to_owned(),
            iban: iban.clone(),
            amount: Some(self.amount),
            purpose: self.purpose_code.clone(),
            reference,
            remittance_text,
            information: None,
        })
    }

    /// The EPC069-12 QR payload text (see [`EpcQr::payload`]).
    pub fn epc_qr_payload(&self, version: EpcVersion) -> Result<String, PaymentError> {
        self.epc_qr(version)?.payload()
    }

    /// The draft as one pain.001 transfer; needs a known payee.
    pub fn credit_transfer(&self, end_to_end_id: &str) -> Result<CreditTransfer, PaymentError> {
        self.validate()?;
        let party = self.known_payee()?;
        let (reference, remittance_text) = self.remittance()?;
        Ok(CreditTransfer {
            end_to_end_id: end_to_end_id.to_owned(),
            amount: self.amount,
            creditor: party.clone(),
            purpose: self.purpose_code.clone(),
            reference,
            remittance_text,
        })
    }

    /// A `pain.001.001.09` document paying this draft from `header.payer`.
    pub fn pain001(&self, header: &Pain001Header) -> Result<String, PaymentError> {
        let transfer = self.credit_transfer(&header.end_to_end_id)?;
        CreditTransferInitiation {
            message_id: header.message_id.clone(),
            created_at_ms: header.created_at_ms,
            initiating_party: header.payer.name.clone(),
            payment_info_id: header.payment_info_id.clone(),
            requested_execution_date: header.requested_execution_date,
            debtor: header.payer.clone(),
            transfers: vec![transfer],
        }
        .to_xml()
    }

    /// The draft as plain-text lines for a front to translate and print, in this order:
    /// amount, payee (or "given by customs at filing"), account, bank, reference, due
    /// date, purpose, purpose code, status. Absent parts have no line.
    pub fn text_lines(&self) -> Vec<Message> {
        let mut lines = vec![Message::new("payment-text-amount").money(
            "amount",
            self.amount.amount,
            self.amount.currency,
        )];
        match &self.payee {
            Payee::GivenAtFiling => lines.push(Message::new("payment-text-payee-at-filing")),
            Payee::Known(party) => {
                lines.push(Message::new("payment-text-payee").text("name", party.name.trim()));
                match &party.account {
                    Account::Iban { iban, bic } => {
                        lines.push(
                            Message::new("payment-text-iban").text("iban", iban.print_form()),
                        );
                        if let Some(bic) = bic {
                            lines.push(Message::new("payment-text-bic").text("bic", bic.as_str()));
                        }
                    }
                    Account::National { number, bank_code } => {
                        lines.push(
                            Message::new("payment-text-account").text("account", number.trim()),
                        );
                        if let Some(code) = bank_code.as_deref().map(str::trim) {
                            if !code.is_empty() {
                                lines.push(
                                    Message::new("payment-text-bank-code").text("code", code),
                                );
                            }
                        }
                    }
                }
            }
        }
        if let Some(rf) = &self.reference {
            lines.push(Message::new("payment-text-reference").text("reference", rf.print_form()));
        }
        if let Some(date) = self.due_date {
            lines.push(Message::new("payment-text-due").date("date", date));
        }
        if let Some(purpose) = self.purpose.as_deref().map(str::trim) {
            if !purpose.is_empty() {
                lines.push(Message::new("payment-text-purpose").text("text", purpose));
            }
        }
        if let Some(code) = &self.purpose_code {
            lines.push(Message::new("payment-text-purpose-code").text("code", code.as_str()));
        }
        lines.push(Message::new("payment-text-status").term("status", self.status.term_id()));
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency::Currency;
    use rust_decimal::Decimal;

    fn uzs(amount: i64) -> Money {
        Money::new(Decimal::from(amount), Currency::from_code("UZS").unwrap())
    }

    #[test]
    fn status_moves_only_forward() {
        let mut d = PaymentDraft::new(uzs(1000), Payee::GivenAtFiling).unwrap();
        assert_eq!(d.status(), PaymentStatus::Draft);
        d.advance(PaymentStatus::Submitted).unwrap();
        d.advance(PaymentStatus::Submitted).unwrap();
        assert_eq!(
            d.advance(PaymentStatus::Draft),
            Err(PaymentError::StatusBackward {
                from: PaymentStatus::Submitted,
                to: PaymentStatus::Draft
            })
        );
        d.advance(PaymentStatus::Paid).unwrap();
        assert_eq!(d.status(), PaymentStatus::Paid);
    }

    #[test]
    fn given_at_filing_is_never_exported_as_an_account() {
        let d = PaymentDraft::new(uzs(1000), Payee::GivenAtFiling).unwrap();
        assert_eq!(
            d.credit_transfer("E2E"),
            Err(PaymentError::PayeeGivenAtFiling)
        );
        let ids: Vec<_> = d.text_lines().into_iter().map(|m| m.id).collect();
        assert_eq!(
            ids,
            [
                "payment-text-amount",
                "payment-text-payee-at-filing",
                "payment-text-status"
            ]
        );
    }
}
