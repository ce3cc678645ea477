//! Declaration commands: make, sign, file, amend, verify and export documents; payment drafts.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use karvon_core::documents::{DocumentRecord, Verified};
use karvon_core::domain::document::DocKind;
use karvon_core::domain::payment::{Bic, Iban, Party};
use karvon_core::domain::Message;
use karvon_core::i18n::Catalogue;
use karvon_core::payments::{PaymentExport, PaymentOptions, PaymentRecord};
use karvon_core::{Error, Karvon};
use serde_json::json;

use crate::{input, print_json};

/// Documents kept in the data folder.
#[derive(Debug, Subcommand)]
pub enum DocCmd {
    /// List declarations (of one trip when given).
    List {
        /// Trip id.
        #[arg(long)]
        trip: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one declaration with its status timeline.
    Show {
        /// Document id (or a unique prefix).
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Queue a signed declaration for filing (sent at the next sync).
    File {
        /// Document id.
        id: String,
    },
    /// Make a new draft that amends a signed declaration.
    Amend {
        /// Document id.
        id: String,
    },
    /// Delete a draft.
    Delete {
        /// Document id.
        id: String,
    },
}

/// Where a new postal declaration comes from.
#[derive(Debug, Args)]
pub struct PostalArgs {
    /// The form as a JSON file (see the README).
    pub file: PathBuf,
    /// A label for lists.
    #[arg(long)]
    pub title: Option<String>,
    /// Sign it right away.
    #[arg(long)]
    pub sign: bool,
}

/// Payment drafts.
#[derive(Debug, Subcommand)]
pub enum PayCmd {
    /// Make a payment draft from a signed declaration's amount due.
    Draft(PayDraftArgs),
    /// List the payment drafts of a declaration.
    List {
        /// Document id.
        document: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export a payment draft: EPC QR payload, pain.001 XML, or plain text.
    Export(PayExportArgs),
}

/// Options of `karvon pay draft`.
#[derive(Debug, Args)]
pub struct PayDraftArgs {
    /// Document id.
    pub document: String,
    /// The payee's name (when customs gave it; otherwise the draft says it is given at filing).
    #[arg(long, requires = "iban")]
    pub payee_name: Option<String>,
    /// The payee's IBAN.
    #[arg(long, requires = "payee_name")]
    pub iban: Option<String>,
    /// The payee's BIC.
    #[arg(long, requires = "iban")]
    pub bic: Option<String>,
    /// The ISO 11649 creditor reference the payee gave (RF…).
    #[arg(long)]
    pub reference: Option<String>,
    /// Due date (YYYY-MM-DD).
    #[arg(long)]
    pub due: Option<String>,
    /// Payment purpose text.
    #[arg(long)]
    pub purpose: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Options of `karvon pay export`.
#[derive(Debug, Args)]
pub struct PayExportArgs {
    /// Payment id.
    pub payment: String,
    /// The EPC069-12 (SEPA) QR payload; with --qr FILE also as an image.
    #[arg(long, conflicts_with_all = ["pain001", "text"])]
    pub epc: bool,
    /// ISO 20022 pain.001 XML for your bank.
    #[arg(long, conflicts_with = "text", requires_all = ["payer_name", "payer_iban"])]
    pub pain001: bool,
    /// Plain text.
    #[arg(long)]
    pub text: bool,
    /// The payer's name (pain.001).
    #[arg(long)]
    pub payer_name: Option<String>,
    /// The payer's IBAN (pain.001).
    #[arg(long)]
    pub payer_iban: Option<String>,
    /// The payer's BIC (pain.001).
    #[arg(long)]
    pub payer_bic: Option<String>,
    /// The day the bank should pay (pain.001; default: the due date, else today).
    #[arg(long)]
    pub date: Option<String>,
    /// Write to this file instead of the terminal (`.png`/`.svg` with --epc write the QR image).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Write the payment draft as PDF (with its EPC QR code for a SEPA payee) to this file.
    #[arg(long, conflicts_with_all = ["epc", "pain001", "text", "output"])]
    pub pdf: Option<PathBuf>,
}

/// Options of `karvon export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Document id.
    pub id: String,
    /// Write the PDF to this file.
    #[arg(long)]
    pub pdf: Option<PathBuf>,
    /// Write the QR code to this file (`.png` or `.svg`); the document must be signed.
    #[arg(long)]
    pub qr: Option<PathBuf>,
    /// Print the QR payload text.
    #[arg(long)]
    pub payload: bool,
    /// Print the document as JSON.
    #[arg(long)]
    pub json: bool,
}

fn say(cat: &Catalogue, m: &Message) {
    println!("{}", cat.render(m));
}

fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

/// `karvon doc …`.
pub fn doc(k: &Karvon, cat: &Catalogue, c: &DocCmd) -> Result<(), Error> {
    match c {
        DocCmd::List { trip, json } => {
            let trip = trip
                .as_deref()
                .map(|t| k.resolve_id("trip", t))
                .transpose()?;
            let list = k.documents(trip.as_deref())?;
            if *json {
                print_json(
                    &list
                        .iter()
                        .map(|d| summary_json(d, cat))
                        .collect::<Vec<_>>(),
                );
            } else if list.is_empty() {
                say(cat, &Message::new("cli-doc-none"));
            } else {
                for d in &list {
                    println!(
                        "{}  {:<22} v{}  {:<11} {}",
                        short(&d.id),
                        cat.text(d.kind.term()),
                        d.version,
                        cat.text(d.status.term_id()),
                        d.title
                    );
                }
            }
        }
        DocCmd::Show { id, json } => {
            let d = k.document(id)?;
            if *json {
                print_json(&d);
            } else {
                show(k, cat, &d)?;
            }
        }
        DocCmd::File { id } => {
            let d = k.queue_document(id)?;
            say(
                cat,
                &Message::new("cli-doc-queued").text("id", short(&d.id).to_owned()),
            );
        }
        DocCmd::Amend { id } => {
            let d = k.amend_document(id)?;
            say(
                cat,
                &Message::new("cli-doc-amended")
                    .text("id", short(&d.id).to_owned())
                    .int("version", i64::from(d.version))
                    .text(
                        "of",
                        short(d.amends.as_deref().unwrap_or_default()).to_owned(),
                    ),
            );
        }
        DocCmd::Delete { id } => {
            let d = k.document(id)?;
            k.delete_document(&d.id)?;
            crate::views::deleted(cat, "document", &d.id);
        }
    }
    Ok(())
}

fn summary_json(d: &DocumentRecord, cat: &Catalogue) -> serde_json::Value {
    json!({
        "id": d.id,
        "kind": d.kind,
        "version": d.version,
        "status": d.status,
        "status_text": cat.text(d.status.term_id()),
        "title": d.title,
        "trip_id": d.trip_id,
        "registration": d.registration,
    })
}

fn show(k: &Karvon, cat: &Catalogue, d: &DocumentRecord) -> Result<(), Error> {
    say(
        cat,
        &Message::new("cli-doc-head")
            .text("title", d.title.clone())
            .term("kind", d.kind.term())
            .int("version", i64::from(d.version))
            .term("status", d.status.term_id())
            .text("id", d.id.clone()),
    );
    if let Some(a) = &d.amends {
        say(
            cat,
            &Message::new("cli-doc-amends").text("id", short(a).to_owned()),
        );
    }
    if let Some(a) = &d.amended_by {
        say(
            cat,
            &Message::new("cli-doc-amended-by").text("id", short(a).to_owned()),
        );
    }
    if let Some(f) = &d.key_fingerprint {
        say(cat, &Message::new("cli-doc-key").text("key", f.clone()));
    }
    for line in k.document_lines(d)? {
        println!("  {}", cat.render(&line));
    }
    say(cat, &Message::new("cli-doc-timeline"));
    for e in &d.timeline {
        let mut m = Message::new("cli-doc-event")
            .term("status", e.status.term_id())
            .text("at", crate::views::utc(e.at_ms));
        if let Some(n) = &e.note {
            m = m.text("note", n.clone());
        } else {
            m = m.text("note", "");
        }
        println!("  {}", cat.render(&m));
    }
    Ok(())
}

/// After a new draft: sign it if asked, then say what was made.
pub fn made(k: &Karvon, cat: &Catalogue, d: DocumentRecord, sign: bool) -> Result<(), Error> {
    let d = if sign { k.sign_document(&d.id)? } else { d };
    say(
        cat,
        &Message::new("cli-doc-made")
            .term("kind", d.kind.term())
            .text("id", d.id.clone())
            .term("status", d.status.term_id()),
    );
    Ok(())
}

/// `karvon cn22 FILE` / `karvon cn23 FILE`.
pub fn postal(k: &Karvon, cat: &Catalogue, kind: DocKind, a: &PostalArgs) -> Result<(), Error> {
    let text = input::read_text(&a.file)?;
    let body = k.parse_postal(kind, &text)?;
    let title = a.title.clone().unwrap_or_else(|| {
        format!(
            "{} {}",
            kind.code().to_uppercase(),
            a.file.file_stem().and_then(|s| s.to_str()).unwrap_or("")
        )
    });
    let d = k.create_document(kind, None, &title, &body)?;
    made(k, cat, d, a.sign)
}

/// `karvon sign ID`.
pub fn sign(k: &Karvon, cat: &Catalogue, id: &str) -> Result<(), Error> {
    let d = k.sign_document(id)?;
    say(
        cat,
        &Message::new("cli-doc-signed")
            .text("id", short(&d.id).to_owned())
            .text("key", d.key_fingerprint.clone().unwrap_or_default()),
    );
    Ok(())
}

/// `karvon verify PAYLOAD|IMAGE.png`.
pub fn verify(k: &Karvon, cat: &Catalogue, what: &str, json: bool) -> Result<(), Error> {
    let path = Path::new(what);
    let payload = if path.is_file() {
        let bytes = karvon_core::files::read_bytes(path, karvon_core::files::MAX_TEXT_BYTES)?;
        if bytes.starts_with(b"\x89PNG") {
            karvon_render::qr::read_png(&bytes).map_err(|e| Error::Document(e.message()))?
        } else {
            String::from_utf8_lossy(&bytes).trim().to_owned()
        }
    } else {
        what.trim().to_owned()
    };
    let v = k.verify_payload(&payload)?;
    if json {
        print_json(&v);
    } else {
        verified(cat, &v);
    }
    Ok(())
}

fn verified(cat: &Catalogue, v: &Verified) {
    say(
        cat,
        &Message::new(if v.own_key {
            "cli-verify-ok-own"
        } else {
            "cli-verify-ok"
        })
        .term("kind", v.kind.term())
        .text("key", v.key_fingerprint.clone())
        .text("at", crate::views::utc(v.issued_ms)),
    );
    for line in &v.lines {
        println!("  {}", cat.render(line));
    }
}

/// `karvon export ID --pdf|--qr|--payload|--json`.
pub fn export(k: &Karvon, cat: &Catalogue, a: &ExportArgs) -> Result<(), Error> {
    let d = k.document(&a.id)?;
    let mut any = false;
    if let Some(file) = &a.pdf {
        let pdf = k.document_pdf(&d.id, cat.lang())?;
        write(file, &pdf)?;
        say(
            cat,
            &Message::new("cli-wrote").text("path", file.display().to_string()),
        );
        any = true;
    }
    if let Some(file) = &a.qr {
        let payload = k.qr_payload(&d.id)?;
        write_qr(file, &payload)?;
        say(
            cat,
            &Message::new("cli-wrote").text("path", file.display().to_string()),
        );
        any = true;
    }
    if a.payload {
        println!("{}", k.qr_payload(&d.id)?);
        any = true;
    }
    if a.json || !any {
        print_json(&d.body);
    }
    Ok(())
}

fn write(file: &Path, bytes: &[u8]) -> Result<(), Error> {
    karvon_core::files::write_atomic(file, bytes)
}

fn write_qr(file: &Path, payload: &str) -> Result<(), Error> {
    use karvon_render::qr::{to_png, to_svg, QrLevel};
    let svg = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    let bytes = if svg {
        to_svg(payload, QrLevel::M)
            .map_err(|e| Error::Document(e.message()))?
            .into_bytes()
    } else {
        to_png(payload, QrLevel::M, 8).map_err(|e| Error::Document(e.message()))?
    };
    write(file, &bytes)
}

/// `karvon pay …`.
pub fn pay(k: &Karvon, cat: &Catalogue, c: &PayCmd) -> Result<(), Error> {
    match c {
        PayCmd::Draft(a) => {
            let payee = match (&a.payee_name, &a.iban) {
                (Some(name), Some(iban)) => Some(Party::with_iban(
                    name.clone(),
                    Iban::parse(iban).map_err(|e| input::field("--iban", e.message()))?,
                    a.bic
                        .as_deref()
                        .map(Bic::parse)
                        .transpose()
                        .map_err(|e| input::field("--bic", e.message()))?,
                )),
                _ => None,
            };
            let p = k.create_payment(
                &a.document,
                &PaymentOptions {
                    payee,
                    reference: a.reference.clone(),
                    due_date: a
                        .due
                        .as_deref()
                        .map(|d| input::date("--due", d))
                        .transpose()?,
                    purpose: a.purpose.clone(),
                },
            )?;
            if a.json {
                print_json(&p);
            } else {
                payment(cat, &p);
            }
        }
        PayCmd::List { document, json } => {
            let list = k.payments(document)?;
            if *json {
                print_json(&list);
            } else {
                for p in &list {
                    payment(cat, p);
                }
            }
        }
        PayCmd::Export(a) => {
            let p = k.payment(&a.payment)?;
            if let Some(file) = &a.pdf {
                write(file, &k.payment_pdf(&p.id, cat.lang())?)?;
                say(
                    cat,
                    &Message::new("cli-wrote").text("path", file.display().to_string()),
                );
                return Ok(());
            }
            let out = if a.epc {
                k.export_payment(&p.id, &PaymentExport::EpcQr)?
            } else if a.pain001 {
                let payer = Party::with_iban(
                    a.payer_name.clone().unwrap_or_default(),
                    Iban::parse(a.payer_iban.as_deref().unwrap_or_default())
                        .map_err(|e| input::field("--payer-iban", e.message()))?,
                    a.payer_bic
                        .as_deref()
                        .map(Bic::parse)
                        .transpose()
                        .map_err(|e| input::field("--payer-bic", e.message()))?,
                );
                let execution_date = match &a.date {
                    Some(d) => input::date("--date", d)?,
                    None => p.draft.due_date.unwrap_or_else(input::today),
                };
                k.export_payment(
                    &p.id,
                    &PaymentExport::Pain001 {
                        payer,
                        execution_date,
                    },
                )?
            } else {
                p.draft
                    .text_lines()
                    .iter()
                    .map(|m| cat.render(m))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            match &a.output {
                Some(file)
                    if a.epc
                        && file.extension().is_some_and(|e| {
                            e.eq_ignore_ascii_case("png") || e.eq_ignore_ascii_case("svg")
                        }) =>
                {
                    write_qr(file, &out)?;
                    say(
                        cat,
                        &Message::new("cli-wrote").text("path", file.display().to_string()),
                    );
                }
                Some(file) => {
                    write(file, out.as_bytes())?;
                    say(
                        cat,
                        &Message::new("cli-wrote").text("path", file.display().to_string()),
                    );
                }
                None => println!("{out}"),
            }
        }
    }
    Ok(())
}

fn payment(cat: &Catalogue, p: &PaymentRecord) {
    say(
        cat,
        &Message::new("cli-payment-head")
            .text("id", p.id.clone())
            .term("status", p.status.term_id()),
    );
    for line in p.draft.text_lines() {
        println!("  {}", cat.render(&line));
    }
}
