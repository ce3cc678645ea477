//! The payment draft as a sheet: amount, payee (or "given by customs at filing"), account,
//! creditor reference, due date, purpose, status and an optional EPC QR code.

use karvon_domain::payment::{Account, Payee, PaymentDraft};
use karvon_i18n::Catalogue;

use super::sheet::{draw, Sheet};
use super::{footers, Labels};
use crate::pdf::layout::Doc;
use crate::pdf::writer::write;
use crate::pdf::PdfError;

/// Renders a payment draft; `qr` is the EPC QR matrix when the caller made one (euro, IBAN).
pub fn payment_pdf(
    draft: &PaymentDraft,
    cat: &Catalogue,
    qr: Option<&[Vec<bool>]>,
) -> Result<Vec<u8>, PdfError> {
    let labels = Labels::new(cat);
    let sheet = payment_sheet(draft, &labels, qr);
    let mut doc = Doc::new()?;
    draw(&mut doc, &labels, &sheet)?;
    footers(&mut doc, &labels, &sheet.footer)?;
    write(&doc, &sheet.title)
}

fn payment_sheet(draft: &PaymentDraft, labels: &Labels, qr: Option<&[Vec<bool>]>) -> Sheet {
    let mut fields = vec![(labels.t("pdf-payment-amount"), labels.money(draft.amount))];
    let mut notes = Vec::new();
    match &draft.payee {
        Payee::GivenAtFiling => {
            let at_filing = labels.t("pdf-payment-given-at-filing");
            fields.push((labels.t("pdf-payment-payee"), at_filing.clone()));
            fields.push((labels.t("pdf-payment-account"), at_filing));
            notes.push(labels.t("pdf-payment-note-at-filing"));
        }
        Payee::Known(party) => {
            fields.push((labels.t("pdf-payment-payee"), party.name.trim().to_owned()));
            match &party.account {
                Account::Iban { iban, bic } => {
                    fields.push((labels.t("pdf-payment-iban"), iban.print_form()));
                    if let Some(bic) = bic {
                        fields.push((labels.t("pdf-payment-bic"), bic.as_str().to_owned()));
                    }
                }
                Account::National { number, bank_code } => {
                    fields.push((labels.t("pdf-payment-account"), number.trim().to_owned()));
                    if let Some(code) = bank_code
                        .as_deref()
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                    {
                        fields.push((labels.t("pdf-payment-bank-code"), code.to_owned()));
                    }
                }
            }
        }
    }
    if let Some(rf) = &draft.reference {
        fields.push((labels.t("pdf-payment-reference"), rf.print_form()));
    }
    if let Some(date) = draft.due_date {
        fields.push((labels.t("pdf-payment-due"), date.to_string()));
    }
    if let Some(purpose) = draft
        .purpose
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        fields.push((labels.t("pdf-payment-purpose"), purpose.to_owned()));
    }
    if let Some(code) = &draft.purpose_code {
        fields.push((
            labels.t("pdf-payment-purpose-code"),
            code.as_str().to_owned(),
        ));
    }
    fields.push((
        labels.t("pdf-payment-status"),
        labels.t(draft.status().term_id()),
    ));
    if qr.is_some() {
        notes.push(labels.t("pdf-payment-note-qr"));
    }
    notes.push(labels.t("pdf-payment-note-draft"));
    Sheet {
        title: labels.t("pdf-payment-title"),
        subtitle: None,
        fields,
        tables: Vec::new(),
        notes,
        qr: qr.map(<[Vec<bool>]>::to_vec),
        footer: labels.t("pdf-payment-footer"),
    }
}
