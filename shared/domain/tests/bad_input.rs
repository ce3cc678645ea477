//! Trip files the engine must refuse with a precise path and message id, without panicking.

use std::sync::OnceLock;

use karvon_domain::{assess, parse_trip, InputError, PackSet};
use proptest::prelude::*;

fn packs() -> &'static PackSet {
    static PACKS: OnceLock<PackSet> = OnceLock::new();
    PACKS.get_or_init(|| PackSet::embedded().expect("embedded packs load"))
}

/// Parses and, if that succeeds, assesses.
fn check(text: &str) -> Result<(), InputError> {
    let trip = parse_trip(text)?;
    assess(&trip, packs()).map(|_| ())
}

fn expect_err(text: &str, path: &str, id: &str) -> InputError {
    let err = check(text).expect_err("input must be refused");
    assert_eq!(
        (err.path.as_str(), err.message.id.as_ref()),
        (path, id),
        "{err:?}"
    );
    err
}

/// A valid FI trip with these items.
fn fi_trip(items: &str) -> String {
    format!(
        r#"{{"jurisdiction": "FI", "arrival": "2026-05-01", "mode": "air", "days_abroad": 5,
            "travellers": [{{"id": "a", "age": 30}}], "items": [{items}], "rates": {{"USD": "0.92"}}}}"#
    )
}

const GOOD: &str = r#"{"description": "book", "kind": "goods", "value": "20", "currency": "EUR"}"#;

#[test]
fn a_valid_trip_is_accepted() {
    check(&fi_trip(GOOD)).expect("valid");
}

#[test]
fn malformed_json() {
    for text in [
        "{not json",
        "",
        "{\"jurisdiction\": \"FI\",",
        "[1, 2",
        "{\"a\": 1}}",
    ] {
        let err = check(text).expect_err("malformed JSON is refused");
        assert_eq!(err.path, "", "{text:?}");
        assert_eq!(err.message.id, "input-syntax", "{text:?}");
    }
    // Nesting deeper than the parser's recursion limit is a syntax error, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    expect_err(&deep, "", "input-syntax");
    // Valid JSON of the wrong shape.
    expect_err("[]", "", "input-type");
    expect_err("null", "", "input-type");
}

#[test]
fn unknown_jurisdiction() {
    let text = fi_trip(GOOD).replace("\"FI\"", "\"XX\"");
    let err = expect_err(&text, "jurisdiction", "input-unknown-jurisdiction");
    assert!(matches!(
        err.message.get("value"),
        Some(karvon_domain::Arg::Text { value }) if value == "XX"
    ));
    // The EU baseline exists but is not assessable.
    let eu = fi_trip(GOOD).replace("\"FI\"", "\"EU\"");
    expect_err(&eu, "jurisdiction", "input-unknown-jurisdiction");
}

#[test]
fn negative_value() {
    let text = fi_trip(&format!(
        r#"{GOOD}, {{"description": "bad", "kind": "goods", "value": "-5", "currency": "EUR"}}"#
    ));
    expect_err(&text, "items[1].value", "input-negative");
    // As a JSON number too.
    let text = fi_trip(&format!(
        r#"{GOOD}, {{"description": "bad", "kind": "goods", "value": -0.01, "currency": "EUR"}}"#
    ));
    expect_err(&text, "items[1].value", "input-negative");
}

#[test]
fn value_too_big() {
    // 1e30 is beyond any decimal the engine keeps; 1e20 is a decimal, but beyond the money limit.
    for value in [
        "1e30",
        "\"1e30\"",
        "1E+30",
        "1e20",
        "\"100000000000000000000\"",
    ] {
        let text = fi_trip(&format!(
            r#"{{"description": "yacht", "kind": "goods", "value": {value}, "currency": "EUR"}}"#
        ));
        expect_err(&text, "items[0].value", "input-too-big");
    }
    // A rate of 1e30 is refused in the same way.
    let text = fi_trip(GOOD).replace(r#""USD": "0.92""#, r#""USD": 1e30"#);
    expect_err(&text, "rates.USD", "input-too-big");
}

#[test]
fn unknown_currency() {
    let text = fi_trip(r#"{"description": "x", "kind": "goods", "value": "5", "currency": "XYZ"}"#);
    expect_err(&text, "items[0].currency", "input-unknown-currency");
    let text = fi_trip(GOOD).replace(r#""USD": "0.92""#, r#""QQQ": "1""#);
    expect_err(&text, "rates.QQQ", "input-unknown-currency");
}

#[test]
fn missing_rate() {
    // A price in GBP, but the trip only gives a USD rate.
    let text = fi_trip(&format!(
        r#"{GOOD}, {{"description": "scarf", "kind": "goods", "value": "50", "currency": "GBP"}}"#
    ));
    expect_err(&text, "items[1].currency", "input-missing-rate");
    // A pack figure in a currency the trip gives no rate for (UZ allowances are in USD).
    let uz = r#"{"jurisdiction": "UZ", "arrival": "2026-05-01", "mode": "air", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [{"description": "rug", "kind": "goods", "value": "500000", "currency": "UZS"}]}"#;
    expect_err(uz, "rates", "input-missing-rate");
}

#[test]
fn too_many_items() {
    let items = vec![GOOD; 10_001].join(",");
    let err = expect_err(&fi_trip(&items), "items", "input-too-many");
    assert!(matches!(
        err.message.get("count"),
        Some(karvon_domain::Arg::Int { value: 10_001 })
    ));
    // 10,000 is allowed.
    let items = vec![GOOD; 10_000].join(",");
    parse_trip(&fi_trip(&items)).expect("10,000 items are accepted");
}

#[test]
fn description_too_long() {
    let long = "x".repeat(10 * 1024 * 1024);
    let text = fi_trip(&format!(
        r#"{{"description": "{long}", "kind": "goods", "value": "5", "currency": "EUR"}}"#
    ));
    expect_err(&text, "items[0].description", "input-text-too-long");
}

#[test]
fn other_bad_fields_have_paths() {
    let cases: [(&str, &str, &str); 8] = [
        (
            r#"{"description": "x", "kind": "gadget", "value": "5", "currency": "EUR"}"#,
            "items[0].kind",
            "input-unknown-kind",
        ),
        (
            r#"{"description": "x", "kind": "goods", "value": "5"}"#,
            "items[0].currency",
            "input-missing",
        ),
        (
            r#"{"description": "x", "kind": "goods", "value": "abc", "currency": "EUR"}"#,
            "items[0].value",
            "input-not-decimal",
        ),
        (
            r#"{"description": "x", "kind": "goods", "value": true, "currency": "EUR"}"#,
            "items[0].value",
            "input-type",
        ),
        (
            r#"{"description": "x", "kind": "spirits", "value": "5", "currency": "EUR"}"#,
            "items[0].litres",
            "input-missing-for-kind",
        ),
        (
            r#"{"description": "x", "kind": "cigarettes", "count": "2.5", "value": "5", "currency": "EUR"}"#,
            "items[0].count",
            "input-not-whole",
        ),
        (
            r#"{"traveller": "zz", "description": "x", "kind": "goods", "value": "5", "currency": "EUR"}"#,
            "items[0].traveller",
            "input-unknown-traveller",
        ),
        (
            r#"{"description": "x", "kind": "goods", "value": "5", "currency": "EUR", "colour": "red"}"#,
            "items[0].colour",
            "input-unknown-field",
        ),
    ];
    for (item, path, id) in cases {
        expect_err(&fi_trip(item), path, id);
    }
}

/// Arbitrary JSON-ish text and random edits of a valid trip never panic.
fn mutate(base: &str, edits: &[(usize, u8)]) -> String {
    let mut bytes = base.as_bytes().to_vec();
    for &(pos, b) in edits {
        if bytes.is_empty() {
            break;
        }
        let p = pos % bytes.len();
        match b % 3 {
            0 => bytes[p] = b" {}[]\":,0123456789-.eE+abcnul"[usize::from(b) % 29],
            1 => {
                bytes.remove(p);
            }
            _ => bytes.insert(p, b"{}[]\":,9-e."[usize::from(b) % 11]),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in ".{0,200}") {
        let _ = check(&text);
    }

    #[test]
    fn random_edits_of_a_trip_never_panic(
        edits in prop::collection::vec((any::<usize>(), any::<u8>()), 1..8)
    ) {
        let base = fi_trip(&format!(
            r#"{GOOD}, {{"description": "gin", "kind": "spirits", "litres": "1", "abv": "40", "value": "30", "currency": "USD"}},
               {{"description": "cash", "kind": "cash", "value": "12000", "currency": "EUR"}}"#
        ));
        let _ = check(&mutate(&base, &edits));
    }
}
