//! Core records turned into the UI's views, every text rendered and every figure formatted.

use karvon_core::alerts::Alert;
use karvon_core::documents::DocumentRecord;
use karvon_core::domain::assess::ItemResult;
use karvon_core::domain::date::Date;
use karvon_core::domain::fx::RateSource;
use karvon_core::domain::payment::EpcVersion;
use karvon_core::domain::trade::{Direction, TradeTemplate};
use karvon_core::domain::{Channel, Currency, Message};
use karvon_core::i18n::{format_decimal, format_money, Catalogue};
use karvon_core::payments::PaymentRecord;
use karvon_core::receipts::Receipt;
use karvon_core::{Karvon, Purchase, TripRecord, TripStatus};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::wire::{
    AlertView, Bar, Choice, DocRow, DocView, ItemView, PaymentView, Point, ReceiptView, StatusView,
    Step, TemplateRow, TripRow,
};

/// A date in the locale's order.
pub fn date(cat: &Catalogue, d: Date) -> String {
    cat.render(
        &Message::new("ui-date-format")
            .text("day", format!("{:02}", d.day()))
            .text("month", format!("{:02}", d.month()))
            .text("year", d.year().to_string()),
    )
}

/// A UTC timestamp as date and time.
pub fn moment(cat: &Catalogue, ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let secs = ms.rem_euclid(86_400_000) / 1000;
    let day = Date::from_days_since_epoch(days).map_or_else(String::new, |d| date(cat, d));
    format!("{day} {:02}:{:02} UTC", secs / 3600, secs % 3600 / 60)
}

/// The channel's code and text.
pub fn channel(cat: &Catalogue, c: Channel) -> (String, String) {
    match c {
        Channel::Green => ("green".into(), cat.text("channel-green")),
        Channel::Red => ("red".into(), cat.text("channel-red")),
    }
}

/// One line about a trip.
pub fn trip_summary(cat: &Catalogue, t: &TripRecord) -> String {
    cat.render(
        &Message::new("ui-trip-summary")
            .text("jurisdiction", t.jurisdiction.clone())
            .text("arrival", date(cat, t.arrival))
            .term("mode", t.mode.term())
            .int("days", i64::from(t.days_abroad))
            .int(
                "travellers",
                i64::try_from(t.travellers.len()).unwrap_or(i64::MAX),
            ),
    )
}

/// A trip in the list, with its channel and total.
pub fn trip_row(k: &Karvon, cat: &Catalogue, t: &TripRecord) -> TripRow {
    let (channel, channel_text, total) = match k.status(&t.id) {
        Ok(s) => {
            let (c, text) = channel(cat, s.assessment.channel);
            let total = format_money(cat.lang(), s.assessment.total_due, s.assessment.currency);
            (c, text, total)
        }
        Err(_) => (String::new(), String::new(), String::new()),
    };
    TripRow {
        id: t.id.clone(),
        name: t.name.clone(),
        summary: trip_summary(cat, t),
        channel,
        channel_text,
        total,
    }
}

/// An amount of an allowance in its unit.
fn amount(cat: &Catalogue, unit: &str, d: Decimal, cur: Currency) -> String {
    match unit {
        "money" => format_money(cat.lang(), d, cur),
        "fraction" => format_decimal(cat.lang(), d, None),
        unit => format!(
            "{} {}",
            format_decimal(cat.lang(), d, None),
            cat.text(&format!("unit-{unit}"))
        ),
    }
}

/// A percentage as a whole number for a bar (never negative).
fn whole_percent(p: Decimal) -> u32 {
    p.round().max(Decimal::ZERO).to_u32().unwrap_or(u32::MAX)
}

/// An assessed line.
pub fn item(
    cat: &Catalogue,
    cur: Currency,
    s: Option<&TripStatus>,
    i: &ItemResult,
    p: Option<&Purchase>,
) -> ItemView {
    let lang = cat.lang();
    let money = |d: Decimal| format_money(lang, d, cur);
    let traveller = s
        .and_then(|s| s.travellers.iter().find(|t| *t.id == *i.traveller))
        .map_or_else(|| i.traveller.to_string(), |t| t.name.clone());
    let status = serde_json::to_value(i.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    ItemView {
        purchase: p.map(|p| p.id.clone()).unwrap_or_default(),
        description: i.description.clone(),
        traveller,
        kind: cat.text(&i.kind.term()),
        status_text: cat.text(&format!("status-{}", status.replace('_', "-"))),
        status,
        price: p
            .and_then(|p| p.value.zip(p.currency))
            .map(|(v, c)| format_money(lang, v, c))
            .unwrap_or_default(),
        value: i.customs_value.map(money).unwrap_or_default(),
        duty: money(i.duty),
        vat: money(i.vat),
        excise: money(i.excise),
        rule: i.rule.to_string(),
        source: i.source.as_deref().unwrap_or_default().to_owned(),
        steps: i.explanation.iter().map(|m| cat.render(m)).collect(),
    }
}

/// An alert.
pub fn alert(cat: &Catalogue, a: &Alert) -> AlertView {
    AlertView {
        id: a.id.clone(),
        text: cat.render(&a.message),
        kind: a.kind.clone(),
    }
}

fn source_term(s: &RateSource) -> &'static str {
    match s {
        RateSource::Cbu => "source-cbu",
        RateSource::Ecb => "source-ecb",
        RateSource::UserEntered => "source-user-entered",
    }
}

/// A rate table's line: source, date, base, age.
pub fn rate_line(
    cat: &Catalogue,
    source: &RateSource,
    base: Currency,
    valid_on: Date,
    detail: String,
) -> String {
    cat.render(
        &Message::new("ui-rate-line")
            .term("source", source_term(source))
            .text("base", base.code())
            .text("date", date(cat, valid_on))
            .text("detail", detail),
    )
}

/// The live status of a trip.
pub fn status(k: &Karvon, cat: &Catalogue, s: &TripStatus, purchases: &[Purchase]) -> StatusView {
    let a = &s.assessment;
    let cur = a.currency;
    let lang = cat.lang();
    let name_of = |id: &String| {
        s.travellers
            .iter()
            .find(|t| t.id == *id)
            .map_or_else(|| id.clone(), |t| t.name.clone())
    };
    let (channel, channel_text) = channel(cat, a.channel);
    let bars = s
        .allowances
        .iter()
        .filter(|b| !b.limit.is_zero())
        .map(|b| Bar {
            label: format!(
                "{} — {}",
                cat.text(b.category.term()),
                b.travellers
                    .iter()
                    .map(name_of)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            detail: cat.render(
                &Message::new("ui-bar-detail")
                    .text("used", amount(cat, b.unit, b.used, cur))
                    .text("limit", amount(cat, b.unit, b.limit, cur))
                    .percent("percent", b.percent),
            ),
            percent: whole_percent(b.percent),
        })
        .collect();
    let plan = s.plan.as_ref().map(|p| {
        let c = p.plan.currency;
        let percent = if p.plan.amount.is_zero() {
            100
        } else {
            whole_percent(p.spent * Decimal::ONE_HUNDRED / p.plan.amount)
        };
        Bar {
            label: cat.text("ui-plan"),
            detail: cat.render(
                &Message::new("ui-plan-detail")
                    .money("spent", p.spent, c)
                    .money("plan", p.plan.amount, c),
            ),
            percent,
        }
    });
    // Spending over the trip: each assessed line's customs value, summed by purchase date.
    let mut by_day: Vec<(Date, Decimal)> = Vec::new();
    for (i, line) in a.items.iter().enumerate() {
        let Some(p) = s
            .purchase_ids
            .get(i)
            .and_then(|id| purchases.iter().find(|p| p.id == *id))
        else {
            continue;
        };
        let v = line.customs_value.unwrap_or_default();
        match by_day.iter_mut().find(|(d, _)| *d == p.bought_on) {
            Some((_, sum)) => *sum += v,
            None => by_day.push((p.bought_on, v)),
        }
    }
    by_day.sort_by_key(|(d, _)| *d);
    let mut running = Decimal::ZERO;
    let cumulative: Vec<(Date, Decimal)> = by_day
        .into_iter()
        .map(|(d, v)| {
            running += v;
            (d, running)
        })
        .collect();
    let top = running.max(Decimal::ONE);
    let spending = cumulative
        .iter()
        .map(|(d, v)| Point {
            label: date(cat, *d),
            value: format_money(lang, *v, cur),
            permille: whole_percent(*v * Decimal::from(1000) / top).min(1000),
        })
        .collect();
    let items = a
        .items
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let p = s
                .purchase_ids
                .get(i)
                .and_then(|id| purchases.iter().find(|p| p.id == *id));
            item(cat, cur, Some(s), line, p)
        })
        .collect();
    let totals = vec![
        Choice {
            code: "duty".into(),
            label: format!(
                "{}: {}",
                cat.text("tax-duty"),
                format_money(lang, a.duty, cur)
            ),
        },
        Choice {
            code: "vat".into(),
            label: format!(
                "{}: {}",
                cat.text("tax-vat"),
                format_money(lang, a.vat, cur)
            ),
        },
        Choice {
            code: "excise".into(),
            label: format!(
                "{}: {}",
                cat.text("tax-excise"),
                format_money(lang, a.excise, cur)
            ),
        },
        Choice {
            code: "total".into(),
            label: cat.render(&Message::new("ui-total-due").money("total", a.total_due, cur)),
        },
    ];
    let documents = k
        .documents(Some(&s.trip.id))
        .unwrap_or_default()
        .iter()
        .map(|d| doc_row(cat, d))
        .collect();
    let receipts = k
        .trip_receipts(&s.trip.id)
        .unwrap_or_default()
        .iter()
        .map(|r| receipt(cat, r))
        .collect();
    StatusView {
        receipts,
        id: s.trip.id.clone(),
        name: s.trip.name.clone(),
        summary: trip_summary(cat, &s.trip),
        travellers: s
            .travellers
            .iter()
            .map(|t| Choice {
                code: t.id.clone(),
                label: cat.render(
                    &Message::new("ui-traveller-label")
                        .text("name", t.name.clone())
                        .int("age", i64::from(t.age)),
                ),
            })
            .collect(),
        channel,
        channel_text,
        totals,
        bars,
        plan,
        spending,
        alerts: s
            .alerts
            .iter()
            .filter(|a| a.acknowledged_ms.is_none())
            .map(|a| alert(cat, a))
            .collect(),
        items,
        notices: a.notices.iter().map(|n| cat.render(&n.message)).collect(),
        rates: s
            .rates
            .iter()
            .map(|r| {
                rate_line(
                    cat,
                    &r.source,
                    r.to,
                    r.valid_on,
                    cat.render(
                        &Message::new("ui-rate-used")
                            .text("from", r.from.code())
                            .number("rate", r.rate.round_dp(6).normalize())
                            .int("age", r.age_days),
                    ),
                )
            })
            .collect(),
        left_out: s
            .left_out
            .iter()
            .map(|l| {
                let what = purchases
                    .iter()
                    .find(|p| p.id == l.purchase)
                    .map_or_else(|| l.purchase.clone(), |p| p.description.clone());
                format!("{what}: {}", cat.render(&l.reason))
            })
            .collect(),
        documents,
    }
}

/// A document's kind code (`passenger`, `cn23`, ...).
fn kind_code<T: serde::Serialize>(kind: T) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A declaration in a list.
pub fn doc_row(cat: &Catalogue, d: &DocumentRecord) -> DocRow {
    DocRow {
        id: d.id.clone(),
        title: d.title.clone(),
        kind: cat.text(d.kind.term()),
        status: cat.text(d.status.term_id()),
    }
}

/// A payment draft.
pub fn payment(cat: &Catalogue, p: &PaymentRecord) -> PaymentView {
    PaymentView {
        id: p.id.clone(),
        status: cat.text(p.status.term_id()),
        lines: p.draft.text_lines().iter().map(|m| cat.render(m)).collect(),
        epc_svg: p
            .draft
            .epc_qr_payload(EpcVersion::V002)
            .ok()
            .and_then(|payload| {
                karvon_render::qr::to_svg(&payload, karvon_render::qr::QrLevel::M).ok()
            })
            .unwrap_or_default(),
    }
}

/// A declaration with its lines, timeline and payments.
pub fn document(k: &Karvon, cat: &Catalogue, d: &DocumentRecord) -> DocView {
    DocView {
        id: d.id.clone(),
        title: d.title.clone(),
        kind: kind_code(d.kind),
        status: d.status.as_str().to_owned(),
        status_text: cat.text(d.status.term_id()),
        lines: k
            .document_lines(d)
            .unwrap_or_default()
            .iter()
            .map(|m| cat.render(m))
            .collect(),
        timeline: d
            .timeline
            .iter()
            .map(|e| Step {
                status: cat.text(e.status.term_id()),
                at: moment(cat, e.at_ms),
                note: e.note.clone().unwrap_or_default(),
            })
            .collect(),
        registration: d.registration.clone().unwrap_or_default(),
        key: d.key_fingerprint.clone().unwrap_or_default(),
        payments: k
            .payments(&d.id)
            .unwrap_or_default()
            .iter()
            .map(|p| payment(cat, p))
            .collect(),
    }
}

/// The media type of a receipt, from its file name (what the window needs to show it).
pub fn media_type(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "heic" | "heif" => "image/heic",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// A receipt, with its size in kilobytes in the locale's format.
pub fn receipt(cat: &Catalogue, r: &Receipt) -> ReceiptView {
    let kb = Decimal::from(r.size) / Decimal::from(1024);
    ReceiptView {
        id: r.id.clone(),
        purchase: r.purchase.clone(),
        name: r.file_name.clone(),
        label: cat.render(
            &Message::new("ui-receipt-label")
                .text("name", r.file_name.clone())
                .text("size", format_decimal(cat.lang(), kb, Some(1))),
        ),
        media: media_type(&r.file_name).to_owned(),
    }
}

/// A saved trader template: direction, jurisdiction, parties, currency and lines.
pub fn template(cat: &Catalogue, t: &TradeTemplate) -> TemplateRow {
    let direction = match t.direction {
        Direction::Import => "ui-direction-import",
        Direction::Export => "ui-direction-export",
    };
    TemplateRow {
        name: t.name.clone(),
        summary: cat.render(
            &Message::new("ui-template-summary")
                .text("direction", cat.text(direction))
                .text("jurisdiction", t.jurisdiction.clone())
                .text("from", t.consignor.name.clone())
                .text("to", t.consignee.name.clone())
                .text("currency", t.currency.code().to_owned())
                .int("lines", i64::try_from(t.lines.len()).unwrap_or(i64::MAX)),
        ),
    }
}
