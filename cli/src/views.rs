//! Human-readable output of the data commands. Every word comes from the catalogue.

use std::fmt::Write;

use karvon_core::alerts::Alert;
use karvon_core::domain::fx::RateSource;
use karvon_core::domain::{Channel, Message};
use karvon_core::hs::{HsEntry, HsHit};
use karvon_core::i18n::{format_decimal, format_money, Catalogue};
use karvon_core::rates::{RateTableInfo, RatesImport};
use karvon_core::report::{assessment_json, message_json};
use karvon_core::{Bought, Karvon, Purchase, Traveller, TripRecord, TripStatus, WhatIf};
use serde_json::{json, Value};

use crate::table;

fn say(cat: &Catalogue, m: &Message) {
    println!("{}", cat.render(m));
}

fn entity(m: Message, entity: &str, id: &str) -> Message {
    m.term("entity", format!("entity-{entity}"))
        .text("id", id.to_owned())
}

/// "Saved trip 0190…".
pub fn created(cat: &Catalogue, what: &str, id: &str) {
    say(cat, &entity(Message::new("cli-created"), what, id));
}

/// "Changed trip 0190…".
pub fn saved(cat: &Catalogue, what: &str, id: &str) {
    say(cat, &entity(Message::new("cli-saved"), what, id));
}

/// "Deleted trip 0190… (karvon undo brings it back)".
pub fn deleted(cat: &Catalogue, what: &str, id: &str) {
    say(cat, &entity(Message::new("cli-deleted"), what, id));
}

/// The rules packs.
pub fn packs(core: &Karvon, cat: &Catalogue, json: bool) {
    if json {
        let list: Vec<_> = core
            .packs()
            .iter()
            .map(|p| {
                json!({
                    "id": p.id, "name": p.name, "currency": p.currency,
                    "valid_from": p.valid_from, "assessable": p.assessable,
                    "extends": p.extends, "file": core.packs().file_of(&p.id),
                })
            })
            .collect();
        crate::print_json(&list);
    } else {
        println!("{}", cat.text("cli-packs-header"));
        for p in core.packs().iter() {
            let file = core.packs().file_of(&p.id).unwrap_or("-");
            println!(
                "  {:<3} {}  {}  {}  ({})",
                p.id, p.currency, p.valid_from, p.name, file
            );
        }
    }
}

/// The travellers.
pub fn travellers(list: &[Traveller], cat: &Catalogue) {
    println!("{}", cat.text("cli-travellers-header"));
    for t in list {
        say(
            cat,
            &Message::new("cli-traveller-line")
                .text("id", t.id.clone())
                .text("name", t.name.clone())
                .date("born", t.birth_date)
                .text("residency", t.residency.clone()),
        );
    }
}

fn trip_line(t: &TripRecord) -> Message {
    Message::new("cli-trip-line")
        .text("id", t.id.clone())
        .text("name", t.name.clone())
        .text("jurisdiction", t.jurisdiction.clone())
        .date("arrival", t.arrival)
        .term("mode", t.mode.term())
        .int("days", i64::from(t.days_abroad))
}

/// The trips.
pub fn trips(list: &[TripRecord], cat: &Catalogue) {
    println!("{}", cat.text("cli-trips-header"));
    for t in list {
        say(cat, &trip_line(t));
    }
}

fn purchase_line(p: &Purchase, cat: &Catalogue) -> Message {
    let value = match (p.value, p.currency) {
        (Some(v), Some(c)) => format_money(cat.lang(), v, c),
        _ => "-".to_owned(),
    };
    Message::new("cli-purchase-line")
        .text("id", p.id.clone())
        .date("date", p.bought_on)
        .text("description", p.description.clone())
        .term("kind", p.kind.term())
        .text("value", value)
}

/// One trip and its purchases.
pub fn trip_show(t: &TripRecord, purchases: &[Purchase], cat: &Catalogue) {
    say(cat, &trip_line(t));
    self::purchases(purchases, cat);
}

/// A list of purchases.
pub fn purchases(list: &[Purchase], cat: &Catalogue) {
    if list.is_empty() {
        println!("{}", cat.text("cli-no-purchases"));
    }
    for p in list {
        say(cat, &purchase_line(p, cat));
    }
}

/// A saved purchase and the alerts it raised.
pub fn bought(b: &Bought, cat: &Catalogue) {
    say(
        cat,
        &entity(Message::new("cli-created"), "purchase", &b.purchase.id),
    );
    for a in &b.alerts {
        println!("  ! {}", cat.render(&a.message));
    }
}

/// A what-if answer.
pub fn what_if(w: &WhatIf, cat: &Catalogue) {
    say(cat, &w.summary);
    say(
        cat,
        &Message::new("cli-what-if-totals")
            .money("before", w.total_before, w.currency)
            .money("after", w.total_after, w.currency)
            .term("channel", channel_term(w.channel_after)),
    );
    if let Some(line) = &w.line {
        for step in &line.explanation {
            println!("    {}", cat.render(step));
        }
    }
    for a in &w.alerts {
        println!("  ! {}", cat.render(a));
    }
}

/// A what-if answer as JSON with rendered texts.
pub fn what_if_json(w: &WhatIf, cat: &Catalogue) -> Value {
    let mut v = serde_json::to_value(w).unwrap_or(Value::Null);
    v["summary"] = message_json(cat, &w.summary);
    v["alerts"] = Value::Array(w.alerts.iter().map(|m| message_json(cat, m)).collect());
    if let Some(line) = &w.line {
        v["line"]["explanation"] = Value::Array(
            line.explanation
                .iter()
                .map(|m| message_json(cat, m))
                .collect(),
        );
    }
    v
}

fn channel_term(c: Channel) -> &'static str {
    match c {
        Channel::Green => "channel-green",
        Channel::Red => "channel-red",
    }
}

fn source_term(s: &RateSource) -> &'static str {
    match s {
        RateSource::Cbu => "source-cbu",
        RateSource::Ecb => "source-ecb",
        RateSource::UserEntered => "source-user-entered",
    }
}

/// The status of a trip, then the full assessment table.
pub fn status(s: &TripStatus, cat: &Catalogue) -> String {
    let lang = cat.lang();
    let cur = s.assessment.currency;
    let mut out = String::new();
    let t = &s.trip;
    let _ = writeln!(
        out,
        "{}",
        cat.render(
            &Message::new("cli-status-header")
                .text("name", t.name.clone())
                .text("jurisdiction", t.jurisdiction.clone())
                .date("arrival", t.arrival)
                .term("mode", t.mode.term())
                .int("days", i64::from(t.days_abroad))
        )
    );
    let _ = writeln!(out, "\n{}", cat.text("cli-allowances"));
    for a in &s.allowances {
        let who = a
            .travellers
            .iter()
            .map(|id| {
                s.travellers
                    .iter()
                    .find(|t| t.id == *id)
                    .map_or_else(|| id.clone(), |t| t.name.clone())
            })
            .collect::<Vec<_>>()
            .join(", ");
        let amount = |d| match a.unit {
            "money" => format_money(lang, d, cur),
            "fraction" => format_decimal(lang, d, None),
            unit => format!(
                "{} {}",
                format_decimal(lang, d, None),
                cat.text(&format!("unit-{unit}"))
            ),
        };
        let _ = writeln!(
            out,
            "  {}",
            cat.render(
                &Message::new("cli-allowance-line")
                    .text("who", who)
                    .term("category", a.category.term())
                    .text("used", amount(a.used))
                    .text("limit", amount(a.limit))
                    .percent("percent", a.percent)
                    .text("remaining", amount(a.remaining))
            )
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        cat.render(
            &Message::new("cli-projected")
                .money("total", s.assessment.total_due, cur)
                .term("channel", channel_term(s.assessment.channel))
        )
    );
    if let Some(p) = &s.plan {
        let c = p.plan.currency;
        let m = if p.exceeded {
            Message::new("cli-plan-over").money("over", -p.remaining, c)
        } else {
            Message::new("cli-plan").money("remaining", p.remaining, c)
        };
        let _ = writeln!(
            out,
            "{}",
            cat.render(&m.money("spent", p.spent, c).money("plan", p.plan.amount, c))
        );
    }
    if !s.rates.is_empty() {
        let _ = writeln!(out, "\n{}", cat.text("cli-rates-used"));
        for r in &s.rates {
            let _ = writeln!(
                out,
                "  {}",
                cat.render(
                    &Message::new("cli-rate-line")
                        .text("from", r.from.code())
                        .number("rate", r.rate.round_dp(6).normalize())
                        .text("to", r.to.code())
                        .term("source", source_term(&r.source))
                        .date("date", r.valid_on)
                        .int("age", r.age_days)
                        .text("origin", r.origin.clone())
                )
            );
        }
    }
    if !s.left_out.is_empty() {
        let _ = writeln!(out, "\n{}", cat.text("cli-left-out"));
        for l in &s.left_out {
            let _ = writeln!(out, "  {} {}", l.purchase, cat.render(&l.reason));
        }
    }
    let _ = writeln!(out, "\n{}", cat.text("cli-alerts"));
    if s.alerts.is_empty() {
        let _ = writeln!(out, "  {}", cat.text("cli-no-alerts"));
    }
    for a in &s.alerts {
        let _ = writeln!(out, "  {}  {}", a.id, cat.render(&a.message));
    }
    let _ = writeln!(out);
    out.push_str(&table::render(&s.assessment, cat));
    out
}

/// The status as JSON, with every message rendered beside its id.
pub fn status_json(s: &TripStatus, cat: &Catalogue) -> Value {
    let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
    v["assessment"] = assessment_json(&s.assessment, cat);
    v["alerts"] = alerts_json(&s.alerts, cat);
    v["left_out"] = Value::Array(
        s.left_out
            .iter()
            .map(|l| json!({"purchase": l.purchase, "reason": message_json(cat, &l.reason)}))
            .collect(),
    );
    v
}

/// Alerts.
pub fn alerts(list: &[Alert], cat: &Catalogue) {
    if list.is_empty() {
        println!("{}", cat.text("cli-no-alerts"));
    }
    for a in list {
        let mark = if a.acknowledged_ms.is_some() {
            " "
        } else {
            "!"
        };
        println!("{mark} {}  {}", a.id, cat.render(&a.message));
    }
}

/// Alerts as JSON with rendered texts.
pub fn alerts_json(list: &[Alert], cat: &Catalogue) -> Value {
    Value::Array(
        list.iter()
            .map(|a| {
                let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
                v["message"] = message_json(cat, &a.message);
                v
            })
            .collect(),
    )
}

/// What a rates import saved.
pub fn rates_import(r: &RatesImport, cat: &Catalogue) {
    say(
        cat,
        &Message::new("cli-rates-imported")
            .int("tables", i64::try_from(r.tables).unwrap_or(0))
            .int("rates", i64::try_from(r.rates).unwrap_or(0))
            .term("source", source_term(&r.source))
            .date("first", r.first)
            .date("last", r.last),
    );
    if !r.skipped.is_empty() {
        say(
            cat,
            &Message::new("cli-rates-skipped").text("codes", r.skipped.join(", ")),
        );
    }
}

/// Stored rate tables.
pub fn rate_tables(list: &[RateTableInfo], cat: &Catalogue) {
    if list.is_empty() {
        println!("{}", cat.text("cli-no-rates"));
    }
    for t in list {
        say(
            cat,
            &Message::new("cli-rate-table-line")
                .term("source", source_term(&t.source))
                .text("base", t.base.code())
                .date("date", t.valid_on)
                .int("count", i64::try_from(t.rates).unwrap_or(0))
                .text("origin", t.origin.clone()),
        );
    }
}

/// HS search results.
pub fn hs_hits(hits: &[HsHit], cat: &Catalogue) {
    if hits.is_empty() {
        println!("{}", cat.text("cli-hs-none"));
    }
    for h in hits {
        let chain: Vec<&str> = h.chain.iter().map(|n| n.code.as_str()).collect();
        println!("{:<8} {}  [{}]", h.code, h.description, chain.join(" › "));
    }
}

/// One HS code with its parents and children.
pub fn hs_entry(e: &HsEntry) {
    for (depth, n) in e.chain.iter().enumerate() {
        println!("{}{}  {}", "  ".repeat(depth), n.code, n.description);
    }
    let depth = e.chain.len();
    if e.chain.last().is_none_or(|n| n.code != e.code) {
        println!("{}{}  {}", "  ".repeat(depth), e.code, e.description);
    }
    for c in &e.children {
        println!("{}{}  {}", "  ".repeat(depth + 1), c.code, c.description);
    }
}

/// A UTC time in milliseconds as `2026-11-21 14:20 UTC`.
pub fn utc(ms: i64) -> String {
    let day = ms.div_euclid(86_400_000);
    let minutes = ms.rem_euclid(86_400_000) / 60_000;
    let date = karvon_core::domain::Date::from_days_since_epoch(day)
        .map(|d| d.to_string())
        .unwrap_or_else(|| day.to_string());
    format!("{date} {:02}:{:02} UTC", minutes / 60, minutes % 60)
}
