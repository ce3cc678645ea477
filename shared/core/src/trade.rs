//! Trader declarations: invoice lines imported from CSV onto a header (a JSON file or a saved
//! template), assessed with the destination's trade rules, a tariff file and the stored rates,
//! and kept as a draft. Nothing is saved unless the whole input is clean.

use karvon_domain::document::DocKind;
use karvon_domain::fx::RateTable;
use karvon_domain::sync::EntityKind;
use karvon_domain::trade::{
    assess_trade, parse_invoice_csv, CsvErrors, Tariff, TradeDeclaration, TradeError, TradeFiling,
    TradeRules, TradeTemplate,
};
use karvon_domain::{Date, InputError, Message};
use rusqlite::{params, OptionalExtension};
use serde_json::Value;

use crate::documents::{json_error, DocumentRecord};
use crate::store::new_id;
use crate::{Error, Karvon};

/// Where the header of a trader declaration comes from.
#[derive(Debug, Clone)]
pub enum TradeHeader {
    /// A JSON declaration (its `lines`, if any, are replaced by the CSV's).
    Json(String),
    /// A saved template, with this shipment's invoice and date.
    Template {
        /// The template's name.
        name: String,
        /// Invoice number.
        invoice_number: String,
        /// Invoice date.
        invoice_date: Date,
        /// Declaration date.
        date: Date,
    },
}

fn csv_errors(file: &str, e: CsvErrors) -> Error {
    let mut list: Vec<InputError> = e
        .errors
        .iter()
        .map(|c| {
            let at = match (c.row, &c.column) {
                (0, None) => file.to_owned(),
                (0, Some(col)) => format!("{file}:{col}"),
                (row, None) => format!("{file}:{row}"),
                (row, Some(col)) => format!("{file}:{row}:{col}"),
            };
            InputError::new(at, c.message.clone())
        })
        .collect();
    if e.total > e.errors.len() {
        list.push(InputError::new(file.to_owned(), e.summary()));
    }
    Error::Invalid(list)
}

fn trade_error(e: TradeError) -> Error {
    Error::Invalid(e.problems().to_vec())
}

impl Karvon {
    /// Imports invoice lines onto a header, assesses them and saves the draft declaration.
    pub fn import_trade(
        &self,
        header: &TradeHeader,
        invoice_csv: &str,
        tariff_csv: &str,
        title: Option<&str>,
    ) -> Result<DocumentRecord, Error> {
        let lines = parse_invoice_csv(invoice_csv).map_err(|e| csv_errors("invoice", e))?;
        let mut value = match header {
            TradeHeader::Json(text) => serde_json::from_str::<Value>(text).map_err(|e| {
                Error::input(
                    "header",
                    Message::new("input-syntax")
                        .int("line", i64::try_from(e.line()).unwrap_or(i64::MAX))
                        .int("column", i64::try_from(e.column()).unwrap_or(i64::MAX))
                        .text("detail", e.to_string()),
                )
            })?,
            TradeHeader::Template {
                name,
                invoice_number,
                invoice_date,
                date,
            } => {
                let t = self.template(name)?;
                serde_json::json!({
                    "direction": t.direction,
                    "jurisdiction": t.jurisdiction,
                    "date": date,
                    "declarant": t.declarant,
                    "consignor": t.consignor,
                    "consignee": t.consignee,
                    "currency": t.currency,
                    "incoterm": t.incoterm,
                    "invoice_number": invoice_number,
                    "invoice_date": invoice_date,
                })
            }
        };
        if let Value::Object(map) = &mut value {
            map.insert(
                "lines".into(),
                serde_json::to_value(&lines).map_err(json_error)?,
            );
        }
        let decl: TradeDeclaration = crate::kinds::typed(&value)?;
        let rules = TradeRules::embedded(&decl.jurisdiction).map_err(trade_error)?;
        let tariff =
            Tariff::parse(&decl.jurisdiction, tariff_csv).map_err(|e| csv_errors("tariff", e))?;
        let rates = self.rate_table(rules.currency, decl.date)?;
        let assessment = assess_trade(&decl, &rules, &tariff, &rates).map_err(trade_error)?;
        let title = title.map_or_else(
            || format!("{} {}", decl.jurisdiction, decl.invoice_number),
            str::to_owned,
        );
        let filing = TradeFiling::new(decl, &assessment);
        let body = serde_json::to_value(&filing).map_err(json_error)?;
        self.create_document(DocKind::Trade, None, &title, &body)
    }

    /// Every stored rate into `to` valid on `on` (looking back), as one table.
    pub fn rate_table(&self, to: karvon_domain::Currency, on: Date) -> Result<RateTable, Error> {
        let found = self.rates_into(to, on)?;
        let date = found.values().map(|f| f.valid_on).max().unwrap_or(on);
        let source = found
            .values()
            .find(|f| f.origin != "identity")
            .map_or(karvon_domain::fx::RateSource::UserEntered, |f| {
                f.source.clone()
            });
        let mut table = RateTable::new(source, date, to);
        for (cur, f) in found {
            table
                .insert(cur, f.rate)
                .map_err(|_| Error::input("rates", Message::new("input-not-positive")))?;
        }
        Ok(table)
    }

    /// Saves a trader declaration's parties and lines as a template for repeat shipments.
    pub fn save_template(
        &self,
        name: &str,
        document_id: &str,
        keep_figures: bool,
    ) -> Result<TradeTemplate, Error> {
        let name = crate::validate::text("name", name, 80)?;
        let doc = self.document(document_id)?;
        if doc.kind != DocKind::Trade {
            return Err(Error::Document(Message::new("trade-template-not-trade")));
        }
        let filing: TradeFiling = crate::kinds::typed(&doc.body)?;
        let template = TradeTemplate::from_declaration(&name, &filing.declaration, keep_figures);
        let body = serde_json::to_string(&template).map_err(json_error)?;
        let id = new_id();
        self.store()?.write(|tx| {
            let taken: Option<String> = tx
                .query_row(
                    "SELECT id FROM template WHERE name = ?1 AND deleted_ms IS NULL",
                    [&name],
                    |r| r.get(0),
                )
                .optional()?;
            if taken.is_some() {
                return Err(Error::input(
                    "name",
                    Message::new("trade-template-exists").text("name", name.clone()),
                ));
            }
            let row = serde_json::json!({"name": name, "kind": "trade", "body": template});
            let hlc = tx.record_create(EntityKind::Template, &id, &row.to_string())?;
            tx.execute(
                "INSERT INTO template(id, name, kind, body, hlc, created_ms, updated_ms)
                 VALUES(?1, ?2, 'trade', ?3, ?4, ?5, ?5)",
                params![id, name, body, hlc, tx.now_ms()],
            )?;
            Ok(())
        })?;
        Ok(template)
    }

    /// A saved template by name.
    pub fn template(&self, name: &str) -> Result<TradeTemplate, Error> {
        let body: Option<String> = self.store()?.read(|c| {
            Ok(c.query_row(
                "SELECT body FROM template WHERE name = ?1 AND deleted_ms IS NULL",
                [name.trim()],
                |r| r.get(0),
            )
            .optional()?)
        })?;
        let body = body.ok_or_else(|| Error::NotFound {
            entity: "template",
            id: name.chars().take(80).collect(),
        })?;
        serde_json::from_str(&body).map_err(json_error)
    }

    /// Deletes a saved template by name (a tombstone: undo brings it back).
    pub fn delete_template(&self, name: &str) -> Result<(), Error> {
        let name = name.trim();
        self.store()?.write(|tx| {
            let id: Option<String> = tx
                .query_row(
                    "SELECT id FROM template WHERE name = ?1 AND deleted_ms IS NULL",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            let id = id.ok_or_else(|| Error::NotFound {
                entity: "template",
                id: name.chars().take(80).collect(),
            })?;
            crate::deletes::tombstone(tx, EntityKind::Template, &id)
        })
    }

    /// Every saved template, by name.
    pub fn templates(&self) -> Result<Vec<TradeTemplate>, Error> {
        let bodies: Vec<String> = self.store()?.read(|c| {
            let mut s =
                c.prepare("SELECT body FROM template WHERE deleted_ms IS NULL ORDER BY name")?;
            let rows = s.query_map([], |r| r.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })?;
        bodies
            .iter()
            .map(|b| serde_json::from_str(b).map_err(json_error))
            .collect()
    }
}
