//! Documents as PDF: the postal forms and the payment draft in their own layouts, the passenger
//! and trader declarations as sheets. A signed document carries its QR code.

use karvon_domain::declare::{DeclaredItem, PassengerDeclaration};
use karvon_domain::document::DocKind;
use karvon_domain::payment::{Account, Payee, PaymentDraft};
use karvon_domain::postal::{Cn22, Cn23};
use karvon_domain::trade::TradeFiling;
use karvon_domain::Message;
use karvon_i18n::{format_decimal, format_money, Catalogue, Lang};
use karvon_render::pdf::{cn22_pdf, cn23_pdf, payment_pdf, sheet_pdf, Align, Column, Sheet, Table};
use karvon_render::qr::{modules, QrLevel};

use crate::documents::DocumentRecord;
use crate::{Error, Karvon};

fn render_error(m: Message) -> Error {
    Error::Document(m)
}

fn col(cat: &Catalogue, id: &str, align: Align, width: u32) -> Column {
    Column {
        heading: cat.text(id),
        align,
        width,
    }
}

impl Karvon {
    /// A document as PDF in a language; a signed one carries its QR code for the officer.
    pub fn document_pdf(&self, id: &str, lang: Lang) -> Result<Vec<u8>, Error> {
        let doc = self.document(id)?;
        let cat = Catalogue::new(lang);
        let qr = if doc.status.is_frozen() {
            let payload = self.qr_payload(&doc.id)?;
            Some(modules(&payload, QrLevel::M).map_err(|e| render_error(e.message()))?)
        } else {
            None
        };
        let pdf = match doc.kind {
            DocKind::Cn22 => {
                let form: Cn22 = crate::kinds::typed(&doc.body)?;
                cn22_pdf(&form, &cat, qr.as_deref())
            }
            DocKind::Cn23 => {
                let form: Cn23 = crate::kinds::typed(&doc.body)?;
                cn23_pdf(&form, &cat, qr.as_deref())
            }
            DocKind::Payment => {
                let draft: PaymentDraft = crate::kinds::typed(&doc.body)?;
                payment_pdf(&draft, &cat, qr.as_deref())
            }
            DocKind::Passenger => {
                let decl: PassengerDeclaration = crate::kinds::typed(&doc.body)?;
                sheet_pdf(&passenger_sheet(&decl, &doc, &cat, qr), &cat)
            }
            DocKind::Trade => {
                let filing: TradeFiling = crate::kinds::typed(&doc.body)?;
                sheet_pdf(&trade_sheet(&filing, &doc, &cat, qr), &cat)
            }
        };
        pdf.map_err(|e| render_error(e.message()))
    }

    /// A payment draft as PDF, with the EPC QR code when it is a SEPA payment.
    pub fn payment_pdf(&self, id: &str, lang: Lang) -> Result<Vec<u8>, Error> {
        let p = self.payment(id)?;
        let cat = Catalogue::new(lang);
        let sepa = p.draft.amount.currency.code() == "EUR"
            && matches!(
                &p.draft.payee,
                Payee::Known(party) if matches!(party.account, Account::Iban { .. })
            );
        let qr = if sepa {
            let payload = self.export_payment(&p.id, &crate::payments::PaymentExport::EpcQr)?;
            Some(modules(&payload, QrLevel::M).map_err(|e| render_error(e.message()))?)
        } else {
            None
        };
        payment_pdf(&p.draft, &cat, qr.as_deref()).map_err(|e| render_error(e.message()))
    }
}

/// The footer of a sheet: who signed and when, or that it is a draft.
pub(crate) fn footer(doc: &DocumentRecord, cat: &Catalogue) -> String {
    let state = cat.render(
        &Message::new("pdf-doc-footer")
            .int("version", i64::from(doc.version))
            .term("status", doc.status.term_id())
            .text("id", doc.id.clone()),
    );
    match (&doc.key_fingerprint, doc.signed_ms) {
        (Some(key), Some(at)) => format!(
            "{state} · {}",
            cat.render(
                &Message::new("pdf-doc-signed")
                    .text("key", key.clone())
                    .date("date", utc_date(at))
            )
        ),
        _ => format!("{state} · {}", cat.text("pdf-doc-unsigned")),
    }
}

fn utc_date(ms: i64) -> karvon_domain::Date {
    karvon_domain::Date::from_days_since_epoch(ms.div_euclid(86_400_000))
        .unwrap_or_else(|| karvon_domain::Date::new(1970, 1, 1).unwrap_or_else(|_| unreachable!()))
}

fn person(decl: &PassengerDeclaration, index: usize) -> String {
    decl.travellers
        .get(index)
        .map_or_else(|| index.to_string(), |t| t.id.clone())
}

fn goods_table(
    decl: &PassengerDeclaration,
    cat: &Catalogue,
    title: &str,
    goods: &[DeclaredItem],
) -> Table {
    let cur = decl.currency;
    let columns = vec![
        col(cat, "pdf-passenger-description", Align::Left, 23),
        col(cat, "pdf-passenger-carrier", Align::Left, 14),
        col(cat, "pdf-passenger-quantity", Align::Right, 13),
        col(cat, "pdf-passenger-value", Align::Right, 13),
        col(cat, "pdf-passenger-duty", Align::Right, 11),
        col(cat, "pdf-passenger-vat", Align::Right, 11),
        col(cat, "pdf-passenger-total", Align::Right, 12),
        col(cat, "pdf-passenger-reason", Align::Left, 18),
    ];
    let rows = goods
        .iter()
        .map(|g| {
            let mut carrier = person(decl, g.carrier);
            if let Some(owner) = g.owner {
                carrier = cat.render(
                    &Message::new("pdf-passenger-for")
                        .text("carrier", carrier)
                        .text("owner", person(decl, owner)),
                );
            }
            let mut reasons: Vec<String> = g.reasons.iter().map(|r| cat.text(r.term())).collect();
            for p in &g.permits {
                reasons.push(format!("{} ({})", cat.text(p.permit.term()), p.authority));
            }
            vec![
                g.description.clone(),
                carrier,
                g.quantity.map_or_else(String::new, |q| {
                    format!(
                        "{} {}",
                        format_decimal(cat.lang(), q.amount, None),
                        cat.text(q.unit.term())
                    )
                }),
                g.value.map_or_else(String::new, |v| {
                    format_money(cat.lang(), v.amount, v.currency)
                }),
                format_money(cat.lang(), g.charges.duty, cur),
                format_money(cat.lang(), g.charges.vat, cur),
                format_money(cat.lang(), g.charges.total, cur),
                reasons.join("; "),
            ]
        })
        .collect();
    Table {
        title: title.to_owned(),
        columns,
        rows,
        totals: Vec::new(),
    }
}

fn passenger_sheet(
    decl: &PassengerDeclaration,
    doc: &DocumentRecord,
    cat: &Catalogue,
    qr: Option<Vec<Vec<bool>>>,
) -> Sheet {
    let lang = cat.lang();
    let cur = decl.currency;
    let mut fields = vec![
        (
            cat.text("pdf-passenger-jurisdiction"),
            decl.jurisdiction.clone(),
        ),
        (cat.text("pdf-passenger-arrival"), decl.arrival.to_string()),
        (cat.text("pdf-passenger-mode"), cat.text(&decl.mode.term())),
        (
            cat.text("pdf-passenger-declarant"),
            person(decl, decl.declarant),
        ),
        (
            cat.text("pdf-passenger-travellers"),
            decl.travellers
                .iter()
                .map(|t| format!("{} ({})", t.id, t.age))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            cat.text("pdf-passenger-verdict"),
            cat.render(&decl.verdict()),
        ),
    ];
    if let Some(r) = &doc.registration {
        fields.push((cat.text("pdf-doc-registration"), r.clone()));
    }
    let mut tables = Vec::new();
    if !decl.goods.is_empty() {
        let mut t = goods_table(decl, cat, &cat.text("pdf-passenger-goods"), &decl.goods);
        t.totals = vec![
            (
                cat.text("pdf-passenger-duty"),
                format_money(lang, decl.totals.duty, cur),
            ),
            (
                cat.text("pdf-passenger-vat"),
                format_money(lang, decl.totals.vat, cur),
            ),
            (
                cat.text("pdf-passenger-excise"),
                format_money(lang, decl.totals.excise, cur),
            ),
            (
                cat.text("pdf-passenger-total-due"),
                format_money(lang, decl.totals.total, cur),
            ),
        ];
        tables.push(t);
    }
    if !decl.unaccompanied.is_empty() {
        tables.push(goods_table(
            decl,
            cat,
            &cat.text("pdf-passenger-unaccompanied"),
            &decl.unaccompanied,
        ));
    }
    if let Some(cash) = &decl.cash {
        tables.push(Table {
            title: cat.render(&Message::new("pdf-passenger-cash").money(
                "threshold",
                cash.threshold.amount,
                cash.threshold.currency,
            )),
            columns: vec![
                col(cat, "pdf-passenger-carrier", Align::Left, 30),
                col(cat, "pdf-passenger-amounts", Align::Left, 45),
                col(cat, "pdf-passenger-total", Align::Right, 25),
            ],
            rows: cash
                .holdings
                .iter()
                .map(|h| {
                    vec![
                        person(decl, h.carrier),
                        h.amounts
                            .iter()
                            .map(|m| format_money(lang, m.amount, m.currency))
                            .collect::<Vec<_>>()
                            .join(", "),
                        format_money(lang, h.total, cash.threshold.currency),
                    ]
                })
                .collect(),
            totals: Vec::new(),
        });
    }
    let mut notes: Vec<String> = decl.notices.iter().map(|m| cat.render(m)).collect();
    if !decl.complete {
        notes.push(cat.text("pdf-passenger-incomplete"));
    }
    Sheet {
        title: cat.text("pdf-passenger-title"),
        subtitle: Some(doc.title.clone()),
        fields,
        tables,
        notes,
        qr,
        footer: footer(doc, cat),
    }
}

fn trade_sheet(
    f: &TradeFiling,
    doc: &DocumentRecord,
    cat: &Catalogue,
    qr: Option<Vec<Vec<bool>>>,
) -> Sheet {
    let lang = cat.lang();
    let cur = f.currency;
    let d = &f.declaration;
    let party = |p: &karvon_domain::trade::TradeParty| {
        let mut s = format!("{}, {}, {}", p.name, p.address, p.country);
        if let Some(t) = &p.tax_id {
            s.push_str(&format!(" ({t})"));
        }
        s
    };
    let mut fields = vec![
        (cat.text("pdf-trade-jurisdiction"), d.jurisdiction.clone()),
        (cat.text("pdf-trade-date"), d.date.to_string()),
        (cat.text("pdf-trade-declarant"), party(&d.declarant)),
        (cat.text("pdf-trade-consignor"), party(&d.consignor)),
        (cat.text("pdf-trade-consignee"), party(&d.consignee)),
        (
            cat.text("pdf-trade-invoice"),
            format!("{} ({})", d.invoice_number, d.invoice_date),
        ),
        (cat.text("pdf-trade-rules"), f.rules.clone()),
    ];
    if let Some(r) = &doc.registration {
        fields.push((cat.text("pdf-doc-registration"), r.clone()));
    }
    let rows = f
        .lines
        .iter()
        .filter_map(|l| {
            let line = d.lines.get(l.line)?;
            Some(vec![
                (l.line + 1).to_string(),
                line.hs_code.clone(),
                line.description.clone(),
                line.origin.clone(),
                format!(
                    "{} {}",
                    format_decimal(lang, line.quantity, None),
                    cat.text(line.unit.term_id())
                ),
                format_decimal(lang, line.net_kg, None),
                format_money(lang, l.customs_value, cur),
                format_money(lang, l.duty, cur),
                format_money(lang, l.excise, cur),
                format_money(lang, l.vat, cur),
            ])
        })
        .collect();
    let mut totals = vec![
        (
            cat.text("pdf-trade-customs-value"),
            format_money(lang, f.totals.customs_value, cur),
        ),
        (
            cat.text("pdf-passenger-duty"),
            format_money(lang, f.totals.duty, cur),
        ),
        (
            cat.text("pdf-passenger-excise"),
            format_money(lang, f.totals.excise, cur),
        ),
        (
            cat.text("pdf-passenger-vat"),
            format_money(lang, f.totals.vat, cur),
        ),
    ];
    for fee in &f.fees {
        totals.push((cat.text(&fee.fee), format_money(lang, fee.amount, cur)));
    }
    totals.push((
        cat.text("pdf-passenger-total-due"),
        format_money(lang, f.totals.payable, cur),
    ));
    let table = Table {
        title: cat.text("pdf-trade-lines"),
        columns: vec![
            col(cat, "pdf-trade-n", Align::Right, 4),
            col(cat, "pdf-trade-hs", Align::Left, 11),
            col(cat, "pdf-passenger-description", Align::Left, 22),
            col(cat, "pdf-trade-origin", Align::Center, 6),
            col(cat, "pdf-passenger-quantity", Align::Right, 9),
            col(cat, "pdf-trade-net-kg", Align::Right, 7),
            col(cat, "pdf-trade-customs-value", Align::Right, 12),
            col(cat, "pdf-passenger-duty", Align::Right, 10),
            col(cat, "pdf-passenger-excise", Align::Right, 9),
            col(cat, "pdf-passenger-vat", Align::Right, 10),
        ],
        rows,
        totals,
    };
    Sheet {
        title: cat.text(match d.direction {
            karvon_domain::trade::Direction::Import => "pdf-trade-title-import",
            karvon_domain::trade::Direction::Export => "pdf-trade-title-export",
        }),
        subtitle: Some(doc.title.clone()),
        fields,
        tables: vec![table],
        notes: Vec::new(),
        qr,
        footer: footer(doc, cat),
    }
}
