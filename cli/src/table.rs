//! The readable table of an assessment. Every word comes from the catalogue.

use std::fmt::Write;

use karvon_core::domain::{Assessment, Channel, ItemStatus, Message, Severity};
use karvon_core::i18n::{format_money, Catalogue};

fn status_id(s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Exempt => "status-exempt",
        ItemStatus::Dutiable => "status-dutiable",
        ItemStatus::NotAllowed => "status-not-allowed",
        ItemStatus::DeclareOnly => "status-declare-only",
        ItemStatus::NotCounted => "status-not-counted",
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Pads to `n` characters, on the right (`left == false`) or on the left (numbers).
fn fit(s: &str, n: usize, left: bool) -> String {
    let gap = " ".repeat(n.saturating_sub(s.chars().count()));
    if left {
        format!("{gap}{s}")
    } else {
        format!("{s}{gap}")
    }
}

fn pad(s: &str, n: usize) -> String {
    fit(s, n, false)
}

fn lpad(s: &str, n: usize) -> String {
    fit(s, n, true)
}

/// Renders the table, totals, channel, notices and explanations.
pub fn render(a: &Assessment, cat: &Catalogue) -> String {
    let lang = cat.lang();
    let money = |d| format_money(lang, d, a.currency);
    let mut out = String::new();
    let header = Message::new("cli-header")
        .text("jurisdiction", a.jurisdiction.clone())
        .date("arrival", a.arrival)
        .date("valid", a.pack_valid_from);
    let _ = writeln!(out, "{}", cat.render(&header));
    let cols = [
        (cat.text("cli-col-item"), 3),
        (cat.text("cli-col-description"), 24),
        (cat.text("cli-col-status"), 14),
        (cat.text("cli-col-value"), 16),
        (cat.text("cli-col-duty"), 14),
        (cat.text("cli-col-vat"), 14),
        (cat.text("cli-col-excise"), 14),
    ];
    let mut line = String::new();
    for (i, (c, w)) in cols.iter().enumerate() {
        let cell = if i >= 3 { lpad(c, *w) } else { pad(c, *w) };
        let _ = write!(line, "{cell} ");
    }
    let _ = writeln!(out, "{}", line.trim_end());
    let _ = writeln!(out, "{}", "─".repeat(line.trim_end().chars().count()));
    for it in &a.items {
        let value = it.customs_value.map(&money).unwrap_or_else(|| "—".into());
        let row = [
            pad(&(it.index + 1).to_string(), 3),
            pad(&clip(&it.description, 24), 24),
            pad(&clip(&cat.text(status_id(it.status)), 14), 14),
            lpad(&value, 16),
            lpad(&money(it.duty), 14),
            lpad(&money(it.vat), 14),
            lpad(&money(it.excise), 14),
        ];
        let _ = writeln!(out, "{}", row.join(" ").trim_end());
    }
    let _ = writeln!(out, "{}", "─".repeat(line.trim_end().chars().count()));
    let totals = [
        pad(&cat.text("cli-totals"), 3 + 1 + 24 + 1 + 14 + 1 + 16),
        lpad(&money(a.duty), 14),
        lpad(&money(a.vat), 14),
        lpad(&money(a.excise), 14),
    ];
    let _ = writeln!(out, "{}", totals.join(" "));
    let due = cat.render(&Message::new("cli-total-due").text("amount", money(a.total_due)));
    let incomplete = if a.complete {
        String::new()
    } else {
        format!(" {}", cat.text("cli-incomplete"))
    };
    let _ = writeln!(out, "{due}{incomplete}");
    let channel = match a.channel {
        Channel::Green => "channel-green",
        Channel::Red => "channel-red",
    };
    let _ = writeln!(
        out,
        "{}",
        cat.render(&Message::new("cli-channel").term("channel", channel))
    );
    if !a.notices.is_empty() {
        let _ = writeln!(out, "\n{}", cat.text("cli-notices"));
        for n in &a.notices {
            let sev = match n.severity {
                Severity::Must => "severity-must",
                Severity::Info => "severity-info",
            };
            let _ = writeln!(out, "  [{}] {}", cat.text(sev), cat.render(&n.message));
        }
    }
    let _ = writeln!(out, "\n{}", cat.text("cli-explanations"));
    for it in &a.items {
        let _ = writeln!(
            out,
            "  {}. {} — {} ({})",
            it.index + 1,
            it.description,
            cat.text(status_id(it.status)),
            it.rule
        );
        for step in &it.explanation {
            let _ = writeln!(out, "     {}", cat.render(step));
        }
        if let Some(url) = &it.source {
            let _ = writeln!(
                out,
                "     {}",
                cat.render(&Message::new("cli-source").text("url", url.to_string()))
            );
        }
    }
    out
}
