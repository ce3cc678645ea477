use std::collections::BTreeSet;

use karvon_domain::{Currency, Message};
use rust_decimal::Decimal;

use super::*;

fn ids(src: &str) -> BTreeSet<String> {
    src.lines()
        .filter(|l| !l.starts_with(['#', ' ']) && l.contains(" = "))
        .map(|l| l.split(" = ").next().unwrap_or_default().trim().to_owned())
        .collect()
}

/// The ids of every catalogue file of a language; an id defined twice fails.
fn all_ids(lang: Lang) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    for source in lang.sources() {
        for id in ids(source) {
            assert!(all.insert(id.clone()), "{lang:?}: {id} is defined twice");
        }
    }
    all
}

#[test]
fn every_locale_has_every_id_and_parses() {
    let en = all_ids(Lang::En);
    assert!(en.len() > 150);
    for lang in Lang::ALL {
        for (n, source) in lang.sources().iter().enumerate() {
            FluentResource::try_new((*source).to_owned())
                .unwrap_or_else(|_| panic!("{lang:?} file {n} parses"));
        }
        let other = all_ids(lang);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang:?}: missing {missing:?}, extra {extra:?}"
        );
    }
}

/// Every id the domain, the CLI and the rules packs can emit has an English text.
#[test]
fn catalogue_covers_every_emitted_id() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let en = all_ids(Lang::En);
    let mut emitted = BTreeSet::new();
    let mut files = Vec::new();
    for dir in [
        "shared/domain/src",
        "shared/core/src",
        "cli/src",
        "shared/rules",
        "shared/render/src",
        "server/src",
        "src-tauri/src",
        "ui/src",
        "mobile/src",
    ] {
        collect(&std::path::Path::new(root).join(dir), &mut files);
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for prefix in [
            "input-",
            "notice-",
            "step-",
            "pack-error-",
            "pack-notice-",
            "reason-",
            "cli-",
            "tax-",
            "type-",
            "unit-",
            "category-",
            "compare-",
            "confidence-",
            "channel-",
            "status-",
            "severity-",
            "alert-",
            "error-",
            "what-if-",
            "entity-",
            "source-",
            "rates-",
            "payment-",
            "postal-",
            "declare-",
            "trade-",
            "tariff-",
            "document-",
            "render-",
            "pdf-",
            "qr-",
            "sync-",
            "server-",
            "filing-",
            "mobile-",
            "ui-",
            "dist-",
            "settings-",
            "backup-",
        ] {
            let pat = format!("\"{prefix}");
            let mut rest = text.as_str();
            while let Some(at) = rest.find(&pat) {
                let tail = &rest[at + 1..];
                let end = tail.find('"').unwrap_or(0);
                let id = &tail[..end];
                if id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    && !id.ends_with('-')
                {
                    emitted.insert(id.to_owned());
                }
                rest = &tail[end..];
            }
        }
    }
    let missing: Vec<_> = emitted.difference(&en).collect();
    assert!(
        missing.is_empty(),
        "ids without an English text: {missing:?}"
    );
}

fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs" || x == "json") {
            out.push(p);
        }
    }
}

#[test]
fn renders_arguments_per_locale() {
    let eur = Currency::from_code("EUR").unwrap();
    let m = Message::new("step-percent")
        .money("base", Decimal::new(123456789, 2), eur)
        .percent("rate", Decimal::new(255, 1))
        .money("result", Decimal::new(3148148, 4), eur);
    assert_eq!(
        Catalogue::new(Lang::En).render(&m),
        "1,234,567.89\u{a0}EUR × 25.5\u{a0}% = 314.8148\u{a0}EUR."
    );
    let ru = Catalogue::new(Lang::Ru).render(&m);
    assert!(ru.contains("1\u{a0}234\u{a0}567,89"), "{ru}");
    let jpy = Currency::from_code("JPY").unwrap();
    assert_eq!(
        format_money(Lang::En, Decimal::from(200000), jpy),
        "200,000\u{a0}JPY"
    );
    assert_eq!(
        Catalogue::new(Lang::En).render(&Message::new_owned("no-such-id".into())),
        "no-such-id"
    );
}

#[test]
fn terms_render_nested() {
    let m = Message::new("input-missing-for-kind").term("kind", "kind-sparkling-wine");
    assert_eq!(
        Catalogue::new(Lang::En).render(&m),
        "required for sparkling wine"
    );
    assert_eq!(Lang::parse("ru_RU.UTF-8"), Some(Lang::Ru));
    assert_eq!(Lang::parse("uz"), Some(Lang::Uz));
    assert_eq!(Lang::parse("de"), None);
}

#[test]
fn a_term_renders_with_the_arguments_of_its_message() {
    // A reason carried inside another message keeps its own details.
    let m = Message::new("sync-gave-up")
        .int("attempts", 6)
        .term("problem", "sync-network")
        .text("detail", "connection refused");
    for lang in [Lang::En, Lang::Uz, Lang::Ru] {
        let text = Catalogue::new(lang).render(&m);
        assert!(text.contains("connection refused"), "{lang:?}: {text}");
        assert!(
            text.contains('6') && !text.contains('{'),
            "{lang:?}: {text}"
        );
    }
}

#[test]
fn residue_from_fractions_is_not_shown() {
    let uzs = Currency::from_code("UZS").unwrap();
    let residue: Decimal = "1205000.00000000000000000001".parse().unwrap();
    assert_eq!(
        format_money(Lang::En, residue, uzs),
        "1,205,000.00\u{a0}UZS"
    );
    let kg: Decimal = "0.1909090909090909090909090909".parse().unwrap();
    assert_eq!(format_decimal(Lang::En, kg, None), "0.1909");
    assert_eq!(
        format_money(Lang::En, "6901.363636".parse().unwrap(), uzs),
        "6,901.3636\u{a0}UZS"
    );
}
