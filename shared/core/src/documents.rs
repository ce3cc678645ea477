//! Declarations kept on the device: drafts, signing with the device key, amendments as linked
//! new versions, and the status timeline. Bodies are sealed at rest (they hold names and
//! document numbers); the signed envelope is kept exactly as signed.

use karvon_domain::document::{DocKind, SignedDocument};
use karvon_domain::filing::{Actor, DocStatus};
use karvon_domain::sync::EntityKind;
use karvon_domain::Message;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use serde_json::Value;

use crate::store::{new_id, Tx};
use crate::{kinds, Error, Karvon};

/// Longest title of a document, in characters.
pub const MAX_TITLE_CHARS: usize = 120;

/// One step of a document's status timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusEvent {
    /// The status reached.
    pub status: DocStatus,
    /// When, UTC milliseconds.
    pub at_ms: i64,
    /// A registration number, a rejection reason, or what changed.
    pub note: Option<String>,
}

/// A declaration as stored: one version of one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentRecord {
    /// Its id.
    pub id: String,
    /// What it is.
    pub kind: DocKind,
    /// The id of the first version; every amendment shares it.
    pub series: String,
    /// 1 for the original, 2 for the first amendment, ...
    pub version: u32,
    /// The version this one amends.
    pub amends: Option<String>,
    /// The trip it was made from.
    pub trip_id: Option<String>,
    /// A label for lists.
    pub title: String,
    /// Where it stands.
    pub status: DocStatus,
    /// The document as JSON (the kind's own type).
    pub body: Value,
    /// When it was signed, UTC milliseconds.
    pub signed_ms: Option<i64>,
    /// The short fingerprint of the key that signed it.
    pub key_fingerprint: Option<String>,
    /// The registration number customs gave.
    pub registration: Option<String>,
    /// Why customs rejected it.
    pub reason: Option<String>,
    /// When it was made and last changed, UTC milliseconds.
    pub created_ms: i64,
    /// When it last changed, UTC milliseconds.
    pub updated_ms: i64,
    /// Every status it went through, oldest first.
    pub timeline: Vec<StatusEvent>,
    /// A later version that amends this one, if any.
    pub amended_by: Option<String>,
}

/// What a signed payload says, after its signature was checked.
#[derive(Debug, Clone, Serialize)]
pub struct Verified {
    /// What it is.
    pub kind: DocKind,
    /// When it was signed, UTC milliseconds.
    pub issued_ms: i64,
    /// The signing key's short fingerprint.
    pub key_fingerprint: String,
    /// Whether this device signed it.
    pub own_key: bool,
    /// The document as JSON.
    pub body: Value,
    /// The document in readable lines.
    #[serde(skip)]
    pub lines: Vec<Message>,
}

fn doc_error(m: Message) -> Error {
    Error::Document(m)
}

impl Karvon {
    /// Saves a new draft of `kind` from its JSON, checked against the kind's type.
    pub fn create_document(
        &self,
        kind: DocKind,
        trip_id: Option<&str>,
        title: &str,
        body: &Value,
    ) -> Result<DocumentRecord, Error> {
        let title = crate::validate::text("title", title, MAX_TITLE_CHARS)?;
        let body = kinds::check(kind, body)?;
        let data = self.data()?;
        let id = new_id();
        data.store.write(|tx| {
            insert(self, tx, &id, kind, &id, 1, None, trip_id, &title, &body)?;
            Ok(())
        })?;
        self.document(&id)
    }

    /// Replaces the content of a draft. A signed document is never edited: amend it instead.
    pub fn update_document(&self, id: &str, body: &Value) -> Result<DocumentRecord, Error> {
        let doc = self.document(id)?;
        if doc.status.is_frozen() {
            return Err(doc_error(
                Message::new("filing-error-frozen").term("status", doc.status.term_id()),
            ));
        }
        let body = kinds::check(doc.kind, body)?;
        let data = self.data()?;
        let sealed = data.cipher.seal(
            &context(&doc.id),
            &serde_json::to_string(&body).map_err(json_error)?,
        )?;
        data.store.write(|tx| {
            let now = tx.now_ms();
            tx.execute(
                "UPDATE document SET body_enc = ?2, updated_ms = ?3 WHERE id = ?1",
                params![doc.id, sealed, now],
            )?;
            tx.record(EntityKind::Document, &doc.id, "body", &hex_value(&sealed))
        })?;
        self.document(&doc.id)
    }

    /// Signs a draft with this device's key: the canonical bytes of the document are frozen.
    pub fn sign_document(&self, id: &str) -> Result<DocumentRecord, Error> {
        let doc = self.document(id)?;
        doc.status
            .advance(DocStatus::Signed, Actor::Device)
            .map_err(|e| doc_error(e.message()))?;
        kinds::ready_to_sign(self, doc.kind, &doc.body)?;
        let data = self.data()?;
        let signer = self.signer()?;
        let now = crate::store::now_ms();
        let signed = kinds::sign(&signer, doc.kind, &doc.body, now)?;
        let bytes = signed.to_bytes().map_err(|e| doc_error(e.message()))?;
        let sealed = data.cipher.seal_bytes(&signed_context(&doc.id), &bytes)?;
        let fingerprint = signed.key_fingerprint();
        data.store.write(|tx| {
            let changed = tx.execute(
                "UPDATE document SET signed_enc = ?2, signed_ms = ?3, key_fingerprint = ?4,
                 status = 'signed', updated_ms = ?3
                 WHERE id = ?1 AND status = 'draft' AND updated_ms = ?5",
                params![doc.id, sealed, now, fingerprint, doc.updated_ms],
            )?;
            if changed == 0 {
                // Signed or changed by another writer since it was read: what was signed here
                // would not be what is stored, so nothing is written.
                return Err(doc_error(
                    Message::new("filing-error-moved").term("status", doc.status.term_id()),
                ));
            }
            event(tx, &doc.id, DocStatus::Signed, None)?;
            tx.record(EntityKind::Document, &doc.id, "signed", &hex_value(&sealed))?;
            tx.record(EntityKind::Document, &doc.id, "status", "\"signed\"")
        })?;
        self.document(&doc.id)
    }

    /// Queues a signed document for filing when a connection appears.
    pub fn queue_document(&self, id: &str) -> Result<DocumentRecord, Error> {
        self.move_document(id, DocStatus::Queued, Actor::Device, None, None)
    }

    /// Applies a status decided by the server (submitted, registered, cleared, rejected), with
    /// the registration number or the reason. Older or equal statuses are ignored.
    pub fn apply_server_status(
        &self,
        id: &str,
        to: DocStatus,
        registration: Option<&str>,
        reason: Option<&str>,
    ) -> Result<DocumentRecord, Error> {
        let doc = self.document(id)?;
        if to <= doc.status {
            return Ok(doc);
        }
        self.move_document(id, to, Actor::Server, registration, reason)
    }

    fn move_document(
        &self,
        id: &str,
        to: DocStatus,
        actor: Actor,
        registration: Option<&str>,
        reason: Option<&str>,
    ) -> Result<DocumentRecord, Error> {
        let doc = self.document(id)?;
        doc.status
            .advance(to, actor)
            .map_err(|e| doc_error(e.message()))?;
        let registration = registration
            .map(|r| crate::validate::text("registration", r, 64))
            .transpose()?;
        let reason = reason
            .map(|r| crate::validate::text("reason", r, 2_000))
            .transpose()?;
        self.data()?.store.write(|tx| {
            let now = tx.now_ms();
            let changed = tx.execute(
                "UPDATE document SET status = ?2, updated_ms = ?3,
                 registration = COALESCE(?4, registration), reason = COALESCE(?5, reason)
                 WHERE id = ?1 AND status = ?6",
                params![
                    doc.id,
                    to.as_str(),
                    now,
                    registration,
                    reason,
                    doc.status.as_str()
                ],
            )?;
            if changed == 0 {
                // Another writer moved it meanwhile: nothing is overwritten.
                return Err(doc_error(
                    Message::new("filing-error-moved").term("status", doc.status.term_id()),
                ));
            }
            let note = registration.clone().or_else(|| reason.clone());
            event(tx, &doc.id, to, note.as_deref())?;
            tx.record(
                EntityKind::Document,
                &doc.id,
                "status",
                &serde_json::to_string(to.as_str()).map_err(json_error)?,
            )?;
            if let Some(r) = &registration {
                tx.record(
                    EntityKind::Document,
                    &doc.id,
                    "registration",
                    &serde_json::to_string(r).map_err(json_error)?,
                )?;
            }
            Ok(())
        })?;
        if to >= DocStatus::Submitted {
            crate::payments::follow_declaration(self, &doc.id, to)?;
        }
        self.document(&doc.id)
    }

    /// Makes a new draft that amends a signed document: same content, next version, linked.
    pub fn amend_document(&self, id: &str) -> Result<DocumentRecord, Error> {
        let doc = self.document(id)?;
        if !doc.status.can_amend() {
            return Err(doc_error(Message::new("filing-error-amend-draft")));
        }
        if let Some(next) = &doc.amended_by {
            return Err(doc_error(
                Message::new("filing-error-amended").text("id", short(next)),
            ));
        }
        let data = self.data()?;
        let new = new_id();
        data.store.write(|tx| {
            insert(
                self,
                tx,
                &new,
                doc.kind,
                &doc.series,
                doc.version + 1,
                Some(&doc.id),
                doc.trip_id.as_deref(),
                &doc.title,
                &doc.body,
            )
        })?;
        self.document(&new)
    }

    /// Deletes a draft (a signed document stays: it may have been shown to an officer).
    pub fn delete_document(&self, id: &str) -> Result<(), Error> {
        let doc = self.document(id)?;
        if doc.status.is_frozen() {
            return Err(doc_error(
                Message::new("filing-error-delete-signed").term("status", doc.status.term_id()),
            ));
        }
        self.data()?
            .store
            .write(|tx| crate::deletes::tombstone(tx, EntityKind::Document, &doc.id))
    }

    /// One document by id or unique id prefix.
    pub fn document(&self, id: &str) -> Result<DocumentRecord, Error> {
        let id = self.resolve_id("document", id)?;
        let data = self.data()?;
        data.store.read(|c| {
            read(self, c, &id)?.ok_or_else(|| Error::NotFound {
                entity: "document",
                id: id.clone(),
            })
        })
    }

    /// Every live document, newest first; of one trip when given.
    pub fn documents(&self, trip_id: Option<&str>) -> Result<Vec<DocumentRecord>, Error> {
        let data = self.data()?;
        data.store.read(|c| {
            let ids: Vec<String> = {
                let mut s = c.prepare_cached(
                    "SELECT id FROM document WHERE deleted_ms IS NULL
                     AND (?1 IS NULL OR trip_id = ?1) ORDER BY created_ms DESC, id DESC",
                )?;
                let rows = s.query_map([trip_id], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            ids.iter()
                .filter_map(|id| read(self, c, id).transpose())
                .collect()
        })
    }

    /// The signed envelope of a document.
    pub fn signed_document(&self, id: &str) -> Result<SignedDocument, Error> {
        let doc = self.document(id)?;
        let data = self.data()?;
        let sealed: Option<Vec<u8>> = data.store.read(|c| {
            Ok(c.query_row(
                "SELECT signed_enc FROM document WHERE id = ?1",
                [&doc.id],
                |r| r.get(0),
            )?)
        })?;
        let sealed = sealed.ok_or_else(|| doc_error(Message::new("filing-error-not-signed")))?;
        let bytes = data.cipher.open_bytes(&signed_context(&doc.id), &sealed)?;
        SignedDocument::from_bytes(&bytes).map_err(|e| doc_error(e.message()))
    }

    /// The QR payload of a signed document, for an officer to scan offline.
    pub fn qr_payload(&self, id: &str) -> Result<String, Error> {
        self.signed_document(id)?
            .to_qr_payload()
            .map_err(|e| doc_error(e.message()))
    }

    /// The fingerprint of this device's signing key.
    pub fn device_key_fingerprint(&self) -> Result<String, Error> {
        Ok(karvon_domain::document::fingerprint(
            &self.signer()?.public_key(),
        ))
    }

    /// Decodes a QR payload, checks its signature and reads the document in it.
    pub fn verify_payload(&self, payload: &str) -> Result<Verified, Error> {
        let signed =
            SignedDocument::from_qr_payload(payload).map_err(|e| doc_error(e.message()))?;
        signed.verify().map_err(|e| doc_error(e.message()))?;
        let own_key = match self.data.as_ref() {
            Some(_) => self.signer()?.public_key() == signed.public_key,
            None => false,
        };
        let (body, lines) = kinds::open(&signed)?;
        Ok(Verified {
            kind: signed.kind,
            issued_ms: signed.issued_ms,
            key_fingerprint: signed.key_fingerprint(),
            own_key,
            body,
            lines,
        })
    }
}

impl Karvon {
    /// Makes the passenger declaration of a stored trip as a draft, from its live assessment.
    pub fn declare_trip(&self, trip_id: &str) -> Result<DocumentRecord, Error> {
        let trip_id = self.resolve_id("trip", trip_id)?;
        let data = self.data()?;
        let snap = data.store.read(|c| self.snapshot(c, &trip_id, None))?;
        if !snap.left_out.is_empty() {
            // A purchase without an exchange rate would be missing from the declaration.
            return Err(doc_error(Message::new("filing-error-left-out").int(
                "count",
                i64::try_from(snap.left_out.len()).unwrap_or(i64::MAX),
            )));
        }
        let assessment = self.assess(&snap.domain)?;
        let pack = self.packs().get(&snap.trip.jurisdiction).ok_or_else(|| {
            Error::input(
                "jurisdiction",
                Message::new("input-unknown-jurisdiction")
                    .text("value", snap.trip.jurisdiction.clone())
                    .text("known", ""),
            )
        })?;
        let decl = karvon_domain::declare::PassengerDeclaration::from_trip(
            &snap.domain,
            &assessment,
            pack,
        )
        .map_err(|e| Error::input(e.path.clone(), e.message.clone()))?;
        let body = serde_json::to_value(&decl).map_err(json_error)?;
        self.create_document(DocKind::Passenger, Some(&trip_id), &snap.trip.name, &body)
    }

    /// The readable lines of a document.
    pub fn document_lines(&self, doc: &DocumentRecord) -> Result<Vec<Message>, Error> {
        kinds::lines(doc.kind, &doc.body)
    }

    /// Reads a CN 22 or CN 23 from its JSON form (every problem reported at once).
    pub fn parse_postal(&self, kind: DocKind, text: &str) -> Result<Value, Error> {
        use karvon_domain::postal::{parse_cn22, parse_cn23};
        let value = match kind {
            DocKind::Cn22 => parse_cn22(text).map(serde_json::to_value),
            DocKind::Cn23 => parse_cn23(text).map(serde_json::to_value),
            _ => return Err(doc_error(Message::new("filing-error-not-postal"))),
        };
        value.map_err(Error::Invalid)?.map_err(json_error)
    }

    /// SDR rates kept as rate tables (`karvon rates add --from XDR --to EUR …`), for the CN 22
    /// 300 SDR check.
    pub fn sdr_rates(&self) -> Result<Vec<karvon_domain::postal::SdrRate>, Error> {
        self.data()?.store.read(|c| {
            let mut s = c.prepare_cached(
                "SELECT t.base, t.valid_on, r.per_unit, t.source FROM rate r
                 JOIN rate_table t ON t.id = r.table_id WHERE r.currency = 'XDR'",
            )?;
            let rows = s.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (base, on, per_unit, source) = row?;
                let (Ok(currency), Ok(date), Ok(units)) = (
                    karvon_domain::Currency::from_code(&base),
                    on.parse(),
                    per_unit.parse(),
                ) else {
                    continue;
                };
                out.push(karvon_domain::postal::SdrRate {
                    date,
                    currency,
                    units_per_sdr: units,
                    source,
                });
            }
            Ok(out)
        })
    }
}

#[allow(clippy::too_many_arguments)]
fn insert(
    k: &Karvon,
    tx: &mut Tx<'_>,
    id: &str,
    kind: DocKind,
    series: &str,
    version: u32,
    amends: Option<&str>,
    trip_id: Option<&str>,
    title: &str,
    body: &Value,
) -> Result<(), Error> {
    let data = k.data()?;
    let sealed = data.cipher.seal(
        &context(id),
        &serde_json::to_string(body).map_err(json_error)?,
    )?;
    let now = tx.now_ms();
    let row = serde_json::json!({
        "kind": kind,
        "series": series,
        "version": version,
        "amends": amends,
        "trip_id": trip_id,
        "title": title,
        "status": DocStatus::Draft.as_str(),
        "body_enc": crate::crypto::hex(&sealed),
    });
    let hlc = tx.record_create(EntityKind::Document, id, &row.to_string())?;
    tx.execute(
        "INSERT INTO document(id, kind, series, version, amends, trip_id, title, status,
         body_enc, hlc, created_ms, updated_ms)
         VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 'draft', ?8, ?9, ?10, ?10)",
        params![
            id,
            kind.code(),
            series,
            version,
            amends,
            trip_id,
            title,
            sealed,
            hlc,
            now
        ],
    )?;
    event(tx, id, DocStatus::Draft, None)
}

fn event(tx: &Tx<'_>, id: &str, status: DocStatus, note: Option<&str>) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO document_event(document_id, seq, status, at_ms, note)
         VALUES(?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM document_event WHERE document_id = ?1),
                ?2, ?3, ?4)",
        params![id, status.as_str(), tx.now_ms(), note],
    )?;
    Ok(())
}

fn read(k: &Karvon, c: &Connection, id: &str) -> Result<Option<DocumentRecord>, Error> {
    let row = c
        .prepare_cached(
            "SELECT id, kind, series, version, amends, trip_id, title, status, body_enc,
             signed_ms, key_fingerprint, registration, reason, created_ms, updated_ms
             FROM document WHERE id = ?1 AND deleted_ms IS NULL",
        )?
        .query_row([id], |r| Ok(RawRow::from_row(r)))
        .optional()?;
    let Some(row) = row else {
        return Ok(None);
    };
    let row = row?;
    let plain = k.data()?.cipher.open(&context(&row.id), &row.body_enc)?;
    let body: Value = serde_json::from_str(&plain).map_err(json_error)?;
    let timeline = {
        let mut s = c.prepare_cached(
            "SELECT status, at_ms, note FROM document_event WHERE document_id = ?1 ORDER BY seq",
        )?;
        let rows = s.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for r in rows {
            let (status, at_ms, note) = r?;
            out.push(StatusEvent {
                status: parse_status(&status)?,
                at_ms,
                note,
            });
        }
        out
    };
    let amended_by: Option<String> = c
        .prepare_cached("SELECT id FROM document WHERE amends = ?1 AND deleted_ms IS NULL")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(Some(DocumentRecord {
        id: row.id,
        kind: parse_kind(&row.kind)?,
        series: row.series,
        version: row.version,
        amends: row.amends,
        trip_id: row.trip_id,
        title: row.title,
        status: parse_status(&row.status)?,
        body,
        signed_ms: row.signed_ms,
        key_fingerprint: row.key_fingerprint,
        registration: row.registration,
        reason: row.reason,
        created_ms: row.created_ms,
        updated_ms: row.updated_ms,
        timeline,
        amended_by,
    }))
}

struct RawRow {
    id: String,
    kind: String,
    series: String,
    version: u32,
    amends: Option<String>,
    trip_id: Option<String>,
    title: String,
    status: String,
    body_enc: Vec<u8>,
    signed_ms: Option<i64>,
    key_fingerprint: Option<String>,
    registration: Option<String>,
    reason: Option<String>,
    created_ms: i64,
    updated_ms: i64,
}

impl RawRow {
    fn from_row(r: &Row<'_>) -> Result<Self, Error> {
        Ok(Self {
            id: r.get(0)?,
            kind: r.get(1)?,
            series: r.get(2)?,
            version: r.get(3)?,
            amends: r.get(4)?,
            trip_id: r.get(5)?,
            title: r.get(6)?,
            status: r.get(7)?,
            body_enc: r.get(8)?,
            signed_ms: r.get(9)?,
            key_fingerprint: r.get(10)?,
            registration: r.get(11)?,
            reason: r.get(12)?,
            created_ms: r.get(13)?,
            updated_ms: r.get(14)?,
        })
    }
}

fn parse_kind(s: &str) -> Result<DocKind, Error> {
    [
        DocKind::Passenger,
        DocKind::Cn22,
        DocKind::Cn23,
        DocKind::Trade,
        DocKind::Payment,
    ]
    .into_iter()
    .find(|k| k.code() == s)
    .ok_or_else(|| Error::Store(Message::new("error-db-value").text("field", s)))
}

fn parse_status(s: &str) -> Result<DocStatus, Error> {
    DocStatus::parse(s).ok_or_else(|| Error::Store(Message::new("error-db-value").text("field", s)))
}

fn context(id: &str) -> String {
    format!("document:{id}:body")
}

fn signed_context(id: &str) -> String {
    format!("document:{id}:signed")
}

fn hex_value(bytes: &[u8]) -> String {
    format!("\"{}\"", crate::crypto::hex(bytes))
}

fn short(id: &str) -> String {
    id.chars().take(8).collect()
}

pub(crate) fn json_error(e: serde_json::Error) -> Error {
    Error::Store(Message::new("error-db-value").text("field", e.to_string()))
}
