//! Declarations (passenger, CN 22/23, trade), signing, QR, verification, PDFs; payment drafts.

use karvon_core::documents::DocumentRecord;
use karvon_core::domain::document::DocKind;
use karvon_core::payments::PaymentExport;
use karvon_core::trade::TradeHeader;
use karvon_core::{Error, Karvon};
use karvon_render::qr::{self, QrLevel};

use crate::background::background;
use crate::forms::{Account, PaymentInput};
use crate::input::{date, opt_date, opt_text};
use crate::records::{Document, Payment, Verified};
use crate::{ApiError, KarvonApi};

/// Largest pixel size of one QR module.
const MAX_QR_SCALE: u32 = 40;

/// A document with its readable lines.
fn with_lines(
    k: &Karvon,
    d: DocumentRecord,
) -> Result<(DocumentRecord, Vec<karvon_core::domain::Message>), Error> {
    let lines = k.document_lines(&d)?;
    Ok((d, lines))
}

fn qr_error(e: &qr::QrError) -> Error {
    Error::Document(e.message())
}

#[uniffi::export]
impl KarvonApi {
    /// Makes the passenger declaration of a trip as a draft, from its live assessment.
    pub fn declare_trip(&self, trip: String) -> Result<Document, ApiError> {
        self.document_of(|k| k.declare_trip(&trip))
    }

    /// Makes a CN 22 draft from its JSON form (every problem reported at once).
    pub fn create_cn22(&self, json: String, title: Option<String>) -> Result<Document, ApiError> {
        self.postal(DocKind::Cn22, &json, title)
    }

    /// Makes a CN 23 draft from its JSON form (every problem reported at once).
    pub fn create_cn23(&self, json: String, title: Option<String>) -> Result<Document, ApiError> {
        self.postal(DocKind::Cn23, &json, title)
    }

    /// Imports invoice lines (CSV) onto a JSON header, assesses them with the tariff (CSV)
    /// and the stored rates, and saves the trader declaration as a draft. Nothing is saved
    /// unless the whole input is clean.
    pub async fn import_trade(
        &self,
        header_json: String,
        invoice_csv: String,
        tariff_csv: String,
        title: Option<String>,
    ) -> Result<Document, ApiError> {
        self.trade(
            TradeHeader::Json(header_json),
            invoice_csv,
            tariff_csv,
            title,
        )
        .await
    }

    /// Like `import_trade`, with the header from a saved template and this shipment's invoice
    /// number and dates (`YYYY-MM-DD`).
    #[allow(clippy::too_many_arguments)]
    pub async fn import_trade_from_template(
        &self,
        template: String,
        invoice_number: String,
        invoice_date: String,
        date: String,
        invoice_csv: String,
        tariff_csv: String,
        title: Option<String>,
    ) -> Result<Document, ApiError> {
        let header = (|| {
            Ok(TradeHeader::Template {
                name: template,
                invoice_number,
                invoice_date: self::date("invoice_date", &invoice_date)?,
                date: self::date("date", &date)?,
            })
        })()
        .map_err(|e: Error| self.fail(&e))?;
        self.trade(header, invoice_csv, tariff_csv, title).await
    }

    /// Saves a trader declaration's parties (and lines, with `keep_figures` their figures too)
    /// as a template named `name`; returns the template as JSON.
    pub fn save_template(
        &self,
        name: String,
        document: String,
        keep_figures: bool,
    ) -> Result<String, ApiError> {
        self.run(|k| k.save_template(&name, &document, keep_figures))
            .map(|t| serde_json::to_string(&t).unwrap_or_default())
    }

    /// Every saved template, as JSON objects.
    pub fn templates(&self) -> Result<Vec<String>, ApiError> {
        self.run(Karvon::templates).map(|l| {
            l.iter()
                .map(|t| serde_json::to_string(t).unwrap_or_default())
                .collect()
        })
    }

    /// Replaces the content (JSON) of a draft.
    pub fn update_document(&self, id: String, body_json: String) -> Result<Document, ApiError> {
        self.document_of(|k| {
            let body = serde_json::from_str(&body_json).map_err(|e| {
                crate::error::bad(
                    "body_json",
                    karvon_core::domain::Message::new("input-syntax")
                        .int("line", i64::try_from(e.line()).unwrap_or(i64::MAX))
                        .int("column", i64::try_from(e.column()).unwrap_or(i64::MAX))
                        .text("detail", e.to_string()),
                )
            })?;
            k.update_document(&id, &body)
        })
    }

    /// Signs a draft with this device's key.
    pub fn sign_document(&self, id: String) -> Result<Document, ApiError> {
        self.document_of(|k| k.sign_document(&id))
    }

    /// Files a signed declaration: it is queued and sent at the next sync.
    pub fn file_document(&self, id: String) -> Result<Document, ApiError> {
        self.document_of(|k| k.queue_document(&id))
    }

    /// Makes a new draft that amends a signed declaration (next version).
    pub fn amend_document(&self, id: String) -> Result<Document, ApiError> {
        self.document_of(|k| k.amend_document(&id))
    }

    /// Deletes a draft (a signed declaration stays).
    pub fn delete_document(&self, id: String) -> Result<(), ApiError> {
        self.run(|k| k.delete_document(&id))
    }

    /// One declaration by id or unique prefix.
    pub fn document(&self, id: String) -> Result<Document, ApiError> {
        self.document_of(|k| k.document(&id))
    }

    /// Every declaration, newest first (of one trip when given).
    pub fn documents(&self, trip: Option<String>) -> Result<Vec<Document>, ApiError> {
        self.show(
            |k| {
                let trip = opt_text(trip.as_deref())
                    .map(|t| k.resolve_id("trip", &t))
                    .transpose()?;
                k.documents(trip.as_deref())?
                    .into_iter()
                    .map(|d| with_lines(k, d))
                    .collect::<Result<Vec<_>, _>>()
            },
            |c, l| {
                l.into_iter()
                    .map(|(d, lines)| Document::new(c, d, &lines))
                    .collect()
            },
        )
    }

    /// The QR payload of a signed declaration, for an officer to scan offline.
    pub fn qr_payload(&self, id: String) -> Result<String, ApiError> {
        self.run(|k| k.qr_payload(&id))
    }

    /// The QR code of a signed declaration as a PNG, `scale` pixels per module (1 to 40).
    pub fn qr_png(&self, id: String, scale: u32) -> Result<Vec<u8>, ApiError> {
        self.run(|k| {
            let payload = k.qr_payload(&id)?;
            qr::to_png(&payload, QrLevel::M, scale.clamp(1, MAX_QR_SCALE)).map_err(|e| qr_error(&e))
        })
    }

    /// The QR code of a signed declaration as SVG.
    pub fn qr_svg(&self, id: String) -> Result<String, ApiError> {
        self.run(|k| {
            let payload = k.qr_payload(&id)?;
            qr::to_svg(&payload, QrLevel::M).map_err(|e| qr_error(&e))
        })
    }

    /// Checks a scanned QR payload's signature and reads the declaration in it.
    pub async fn verify(&self, payload: String) -> Result<Verified, ApiError> {
        let core = self.core.clone();
        let v = background(move || core.verify_payload(payload.trim()))
            .await
            .map_err(|e| self.fail(&e))?;
        Ok(self.render(|c| Verified::new(c, &v)))
    }

    /// The declaration as a PDF in the API's language.
    pub async fn document_pdf(&self, id: String) -> Result<Vec<u8>, ApiError> {
        let core = self.core.clone();
        let lang = self.lang();
        background(move || core.document_pdf(&id, lang))
            .await
            .map_err(|e| self.fail(&e))
    }

    /// A payment draft as a PDF in the API's language.
    pub async fn payment_pdf(&self, id: String) -> Result<Vec<u8>, ApiError> {
        let core = self.core.clone();
        let lang = self.lang();
        background(move || core.payment_pdf(&id, lang))
            .await
            .map_err(|e| self.fail(&e))
    }

    /// Makes a payment draft from a signed declaration's amount due.
    pub fn create_payment(
        &self,
        document: String,
        input: PaymentInput,
    ) -> Result<Payment, ApiError> {
        self.show(
            |k| k.create_payment(&document, &input.to_core()?),
            |c, p| Payment::new(c, &p),
        )
    }

    /// One payment draft by id or unique prefix.
    pub fn payment(&self, id: String) -> Result<Payment, ApiError> {
        self.show(|k| k.payment(&id), |c, p| Payment::new(c, &p))
    }

    /// The payment drafts of a declaration.
    pub fn payments(&self, document: String) -> Result<Vec<Payment>, ApiError> {
        self.show(
            |k| k.payments(&document),
            |c, l| l.iter().map(|p| Payment::new(c, p)).collect(),
        )
    }

    /// The EPC069-12 (SEPA) QR payload of a payment draft (EUR, IBAN payee).
    pub fn payment_epc_qr(&self, id: String) -> Result<String, ApiError> {
        self.run(|k| k.export_payment(&id, &PaymentExport::EpcQr))
    }

    /// ISO 20022 pain.001 XML of a payment draft for the payer's bank; `execution_date`
    /// defaults to the due date.
    pub fn payment_pain001(
        &self,
        id: String,
        payer: Account,
        execution_date: Option<String>,
    ) -> Result<String, ApiError> {
        self.run(|k| {
            let payer = payer.to_core("payer")?;
            let execution_date = match opt_date("execution_date", execution_date.as_deref())? {
                Some(d) => d,
                None => k.payment(&id)?.draft.due_date.ok_or_else(|| {
                    crate::error::bad(
                        "execution_date",
                        karvon_core::domain::Message::new("input-missing"),
                    )
                })?,
            };
            k.export_payment(
                &id,
                &PaymentExport::Pain001 {
                    payer,
                    execution_date,
                },
            )
        })
    }
}

impl KarvonApi {
    /// Runs a call that gives a document and shows it with its lines.
    fn document_of(
        &self,
        call: impl FnOnce(&Karvon) -> Result<DocumentRecord, Error>,
    ) -> Result<Document, ApiError> {
        self.show(
            |k| with_lines(k, call(k)?),
            |c, (d, lines)| Document::new(c, d, &lines),
        )
    }

    fn postal(
        &self,
        kind: DocKind,
        json: &str,
        title: Option<String>,
    ) -> Result<Document, ApiError> {
        self.document_of(|k| {
            let body = k.parse_postal(kind, json)?;
            let title = opt_text(title.as_deref()).unwrap_or_else(|| kind.code().to_uppercase());
            k.create_document(kind, None, &title, &body)
        })
    }

    async fn trade(
        &self,
        header: TradeHeader,
        invoice_csv: String,
        tariff_csv: String,
        title: Option<String>,
    ) -> Result<Document, ApiError> {
        let core = self.core.clone();
        let (d, lines) = background(move || {
            let d = core.import_trade(&header, &invoice_csv, &tariff_csv, title.as_deref())?;
            with_lines(&core, d)
        })
        .await
        .map_err(|e| self.fail(&e))?;
        Ok(self.render(|c| Document::new(c, d, &lines)))
    }
}
