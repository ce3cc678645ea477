//! Trader declaration commands: import invoice lines from CSV, and templates.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use karvon_core::i18n::Catalogue;
use karvon_core::trade::TradeHeader;
use karvon_core::{Error, Karvon};

use crate::{docs, input, print_json};

/// `karvon trade …`.
#[derive(Debug, Subcommand)]
pub enum TradeCmd {
    /// Import invoice lines (CSV) onto a header or a template, assess, and save a draft.
    Import(ImportArgs),
    /// Save a trader declaration's parties and lines as a template.
    SaveTemplate {
        /// Template name.
        name: String,
        /// Document id of a trader declaration.
        document: String,
        /// Keep quantities, weights and values too.
        #[arg(long)]
        with_figures: bool,
    },
    /// List templates.
    Templates {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Options of `karvon trade import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Invoice lines, CSV (see docs/invoice-csv.md).
    pub csv: PathBuf,
    /// The tariff file of the destination (see docs/tariff-file.md).
    #[arg(long)]
    pub tariff: PathBuf,
    /// The declaration's header as JSON: direction, jurisdiction, date, parties, currency,
    /// incoterm, freight, insurance, invoice.
    #[arg(
        long,
        conflicts_with = "template",
        required_unless_present = "template"
    )]
    pub header: Option<PathBuf>,
    /// Take the header from this saved template.
    #[arg(long, requires_all = ["invoice", "invoice_date"])]
    pub template: Option<String>,
    /// Invoice number (with --template).
    #[arg(long)]
    pub invoice: Option<String>,
    /// Invoice date (with --template).
    #[arg(long)]
    pub invoice_date: Option<String>,
    /// Declaration date (with --template; default today).
    #[arg(long)]
    pub date: Option<String>,
    /// A label for lists.
    #[arg(long)]
    pub title: Option<String>,
    /// Sign it right away.
    #[arg(long)]
    pub sign: bool,
}

/// Runs a trade command.
pub fn trade(k: &Karvon, cat: &Catalogue, c: &TradeCmd) -> Result<(), Error> {
    match c {
        TradeCmd::Import(a) => {
            let header = match (&a.header, &a.template) {
                (Some(file), _) => TradeHeader::Json(input::read_text(file)?),
                (None, Some(name)) => TradeHeader::Template {
                    name: name.clone(),
                    invoice_number: a.invoice.clone().unwrap_or_default(),
                    invoice_date: input::date(
                        "--invoice-date",
                        a.invoice_date.as_deref().unwrap_or_default(),
                    )?,
                    date: match &a.date {
                        Some(d) => input::date("--date", d)?,
                        None => input::today(),
                    },
                },
                (None, None) => {
                    return Err(input::field(
                        "--header",
                        karvon_core::domain::Message::new("input-missing"),
                    ))
                }
            };
            let csv = input::read_text(&a.csv)?;
            let tariff = input::read_text(&a.tariff)?;
            let d = k.import_trade(&header, &csv, &tariff, a.title.as_deref())?;
            docs::made(k, cat, d, a.sign)?;
        }
        TradeCmd::SaveTemplate {
            name,
            document,
            with_figures,
        } => {
            let t = k.save_template(name, document, *with_figures)?;
            println!(
                "{}",
                cat.render(
                    &karvon_core::domain::Message::new("cli-template-saved")
                        .text("name", t.name.clone())
                        .int("lines", i64::try_from(t.lines.len()).unwrap_or(i64::MAX))
                )
            );
        }
        TradeCmd::Templates { json } => {
            let list = k.templates()?;
            if *json {
                print_json(&list);
            } else {
                for t in &list {
                    println!(
                        "{}  {}  {} → {}  ({})",
                        t.name,
                        t.jurisdiction,
                        t.consignor.name,
                        t.consignee.name,
                        t.lines.len()
                    );
                }
            }
        }
    }
    Ok(())
}
