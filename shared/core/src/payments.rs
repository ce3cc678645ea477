//! Payment drafts made from a declaration's totals, their exports, and their status, which
//! follows the declaration (draft → submitted → paid).

use karvon_domain::date::Date;
use karvon_domain::filing::DocStatus;
use karvon_domain::payment::{
    CreditorReference, EpcVersion, Pain001Header, Party, Payee, PaymentDraft, PaymentStatus,
};
use karvon_domain::sync::EntityKind;
use karvon_domain::Message;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::documents::json_error;
use crate::store::new_id;
use crate::{kinds, Error, Karvon};

/// What the user adds to a payment draft; everything else comes from the declaration.
#[derive(Debug, Clone, Default)]
pub struct PaymentOptions {
    /// The payee, when known; otherwise the draft says customs gives it at filing.
    pub payee: Option<Party>,
    /// An ISO 11649 creditor reference given by the payee (`RF…`).
    pub reference: Option<String>,
    /// When it must be paid.
    pub due_date: Option<Date>,
    /// Remittance text; by default it names the declaration.
    pub purpose: Option<String>,
}

/// A stored payment draft.
#[derive(Debug, Clone, Serialize)]
pub struct PaymentRecord {
    /// Its id.
    pub id: String,
    /// The declaration it pays.
    pub document_id: String,
    /// Where it stands.
    pub status: PaymentStatus,
    /// The draft.
    pub draft: PaymentDraft,
    /// When it was made, UTC milliseconds.
    pub created_ms: i64,
}

/// A payment export and what it needs beyond the draft.
#[derive(Debug, Clone)]
pub enum PaymentExport {
    /// The EPC069-12 SEPA credit transfer QR payload (EUR only, IBAN payee).
    EpcQr,
    /// ISO 20022 pain.001.001.09 XML for the payer's bank.
    Pain001 {
        /// The payer (debtor), with their account.
        payer: Party,
        /// The day the payer's bank should pay.
        execution_date: Date,
    },
}

fn payment_error(e: &karvon_domain::payment::PaymentError) -> Error {
    Error::Document(e.message())
}

impl Karvon {
    /// Makes a payment draft from a signed declaration's amount due.
    pub fn create_payment(
        &self,
        document_id: &str,
        options: &PaymentOptions,
    ) -> Result<PaymentRecord, Error> {
        let doc = self.document(document_id)?;
        if !doc.status.is_frozen() {
            return Err(Error::Document(Message::new("payment-error-unsigned")));
        }
        let amount = kinds::amount_due(doc.kind, &doc.body)?
            .ok_or_else(|| Error::Document(Message::new("payment-error-nothing-due")))?;
        let payee = options
            .payee
            .clone()
            .map_or(Payee::GivenAtFiling, Payee::Known);
        let mut draft = PaymentDraft::new(amount, payee).map_err(|e| payment_error(&e))?;
        draft.reference = options
            .reference
            .as_deref()
            .map(CreditorReference::parse)
            .transpose()
            .map_err(|e| payment_error(&e))?;
        draft.due_date = options.due_date;
        draft.purpose = Some(match &options.purpose {
            Some(p) => p.clone(),
            None => format!(
                "{} v{}{}",
                doc.title,
                doc.version,
                doc.registration
                    .as_deref()
                    .map(|r| format!(" {r}"))
                    .unwrap_or_default()
            )
            .chars()
            .take(140)
            .collect(),
        });
        draft.validate().map_err(|e| payment_error(&e))?;
        let id = new_id();
        let body = serde_json::to_string(&draft).map_err(json_error)?;
        self.data()?.store.write(|tx| {
            let row = serde_json::json!({
                "document_id": doc.id,
                "status": "draft",
                "body": draft,
            });
            let hlc = tx.record_create(EntityKind::Payment, &id, &row.to_string())?;
            tx.execute(
                "INSERT INTO payment(id, document_id, status, body, hlc, created_ms, updated_ms)
                 VALUES(?1, ?2, 'draft', ?3, ?4, ?5, ?5)",
                params![id, doc.id, body, hlc, tx.now_ms()],
            )?;
            Ok(())
        })?;
        // A declaration already filed carries its payment along.
        if doc.status >= DocStatus::Submitted {
            follow_declaration(self, &doc.id, doc.status)?;
        }
        self.payment(&id)
    }

    /// One payment draft by id or unique prefix.
    pub fn payment(&self, id: &str) -> Result<PaymentRecord, Error> {
        let id = self.resolve_id("payment", id)?;
        self.data()?.store.read(|c| {
            let row = c
                .query_row(
                    "SELECT id, document_id, body, created_ms FROM payment WHERE id = ?1",
                    [&id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, i64>(3)?,
                        ))
                    },
                )
                .optional()?
                .ok_or_else(|| Error::NotFound {
                    entity: "payment",
                    id: id.clone(),
                })?;
            record(row)
        })
    }

    /// The payment drafts of a declaration (of every version of it), oldest first.
    pub fn payments(&self, document_id: &str) -> Result<Vec<PaymentRecord>, Error> {
        let doc = self.document(document_id)?;
        self.data()?.store.read(|c| {
            let mut s = c.prepare_cached(
                "SELECT p.id, p.document_id, p.body, p.created_ms FROM payment p
                 JOIN document d ON d.id = p.document_id
                 WHERE d.series = ?1 ORDER BY p.created_ms, p.id",
            )?;
            let rows = s.query_map([&doc.series], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
            let mut out = Vec::new();
            for r in rows {
                out.push(record(r?)?);
            }
            Ok(out)
        })
    }

    /// A payment draft in an export format (plain text is [`PaymentDraft::text_lines`]).
    pub fn export_payment(&self, id: &str, export: &PaymentExport) -> Result<String, Error> {
        let p = self.payment(id)?;
        match export {
            PaymentExport::EpcQr => p
                .draft
                .epc_qr_payload(EpcVersion::V002)
                .map_err(|e| payment_error(&e)),
            PaymentExport::Pain001 {
                payer,
                execution_date,
            } => {
                // Ids are this draft's own: a bank refuses a message id it has seen before.
                let compact: String = p.id.chars().filter(|c| *c != '-').collect();
                let header = Pain001Header {
                    message_id: format!("KRV{compact}"),
                    created_at_ms: u64::try_from(crate::store::now_ms()).unwrap_or_default(),
                    payment_info_id: format!("KRP{compact}"),
                    end_to_end_id: format!("KRE{compact}"),
                    requested_execution_date: *execution_date,
                    payer: payer.clone(),
                };
                p.draft.pain001(&header).map_err(|e| payment_error(&e))
            }
        }
    }

    /// Records that customs confirmed a payment (decided by the server).
    pub fn apply_payment_paid(&self, id: &str) -> Result<PaymentRecord, Error> {
        let p = self.payment(id)?;
        set_status(self, &p, PaymentStatus::Paid)?;
        self.payment(&p.id)
    }
}

/// Moves a declaration's payment drafts along with it: filed → submitted.
pub(crate) fn follow_declaration(
    k: &Karvon,
    document_id: &str,
    to: DocStatus,
) -> Result<(), Error> {
    if to < DocStatus::Submitted || to == DocStatus::Rejected {
        return Ok(());
    }
    let ids: Vec<String> = k.data()?.store.read(|c| {
        let mut s =
            c.prepare_cached("SELECT id FROM payment WHERE document_id = ?1 AND status = 'draft'")?;
        let rows = s.query_map([document_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    })?;
    for id in ids {
        let p = k.payment(&id)?;
        set_status(k, &p, PaymentStatus::Submitted)?;
    }
    Ok(())
}

fn set_status(k: &Karvon, p: &PaymentRecord, to: PaymentStatus) -> Result<(), Error> {
    let mut draft = p.draft.clone();
    draft.advance(to).map_err(|e| payment_error(&e))?;
    let body = serde_json::to_string(&draft).map_err(json_error)?;
    let name = status_name(to);
    k.data()?.store.write(|tx| {
        tx.execute(
            "UPDATE payment SET status = ?2, body = ?3, updated_ms = ?4 WHERE id = ?1",
            params![p.id, name, body, tx.now_ms()],
        )?;
        tx.record(EntityKind::Payment, &p.id, "status", &format!("\"{name}\""))
    })
}

fn status_name(s: PaymentStatus) -> &'static str {
    match s {
        PaymentStatus::Draft => "draft",
        PaymentStatus::Submitted => "submitted",
        PaymentStatus::Paid => "paid",
    }
}

fn record(
    (id, document_id, body, created_ms): (String, String, String, i64),
) -> Result<PaymentRecord, Error> {
    let draft: PaymentDraft = serde_json::from_str(&body).map_err(json_error)?;
    Ok(PaymentRecord {
        id,
        document_id,
        status: draft.status(),
        draft,
        created_ms,
    })
}
