//! CN 22 / CN 23 declarations: parsing, every validation rule with its path and message id, the
//! 300 SDR boundary, and the catalogue ids.

use std::collections::BTreeSet;
use std::str::FromStr;

use karvon_domain::postal::{
    check_sdr, parse_cn22, parse_cn23, parse_declaration, validate, validate_cn22, validate_cn23,
    Category, Cn22, Cn23, Declaration, NonDelivery, Outcome, Route, SdrDecision, SdrRate,
    Validation, MAX_INPUT_BYTES, MESSAGE_IDS, VAGUE_DESCRIPTIONS,
};
use karvon_domain::{Arg, Currency, Date, InputError, Money};
use rust_decimal::Decimal;
use serde_json::{json, Value};

const CN22: &str = r#"{
  "operator": "O'zbekiston pochtasi",
  "item_id": "RR 123 456 785 uz",
  "sender": {"name": "Aziza Karimova", "street": "Navoiy ko'chasi 12", "postcode": "100011",
             "city": "Tashkent", "country": "uz", "phone": "+998 71 200 00 00"},
  "addressee": {"name": "Mikko Virtanen", "street": "Mannerheimintie 5 A 3", "postcode": "00100",
                "city": "Helsinki", "country": "FI", "email": "mikko@example.fi"},
  "categories": ["gift"],
  "contents": [
    {"description": "men's cotton shirts", "quantity": 2, "unit": "pcs", "net_weight_kg": "0.40",
     "value": {"amount": "30.00", "currency": "USD"}},
    {"description": "dried apricots in a paper bag", "quantity": "1", "net_weight_kg": 0.5,
     "value": {"amount": 8.5, "currency": "USD"}, "origin": "UZ"}
  ],
  "total_weight_kg": "1.05",
  "total_value": {"amount": "38.50", "currency": "USD"},
  "signed_on": "2026-11-20"
}"#;

const CN23: &str = r#"{
  "form": "cn23",
  "operator": "O'zbekiston pochtasi",
  "item_id": "CP123456785UZ",
  "sender": {"name": "Aziza Karimova", "business": "Karimova Textiles", "street": "Navoiy ko'chasi 12",
             "postcode": "100011", "city": "Tashkent", "country": "UZ", "phone": "+998 71 200 00 00",
             "email": "sales@karimova.example.uz", "reference": "UZ305123456"},
  "addressee": {"name": "Mikko Virtanen", "business": "Virtanen Oy", "street": "Mannerheimintie 5 A 3",
                "postcode": "00100", "city": "Helsinki", "country": "FI", "phone": "+358 40 123 4567",
                "email": "mikko@example.fi", "reference": "FI12345678"},
  "categories": ["sale_of_goods"],
  "contents": [
    {"description": "women's silk scarves, hand-woven ikat", "quantity": "10", "unit": "pcs",
     "net_weight_kg": "1.2", "value": {"amount": "450.00", "currency": "USD"},
     "hs_code": "6214.10", "origin": "UZ"},
    {"description": "glazed ceramic tea bowls (piyola)", "quantity": "6", "unit": "pcs",
     "net_weight_kg": "1.8", "value": {"amount": "72.00", "currency": "USD"},
     "hs_code": "691200", "origin": "UZ"}
  ],
  "total_weight_kg": "3.6",
  "total_value": {"amount": "522.00", "currency": "USD"},
  "postal_charges": {"amount": "38.40", "currency": "USD"},
  "comments": "No quarantine or other restrictions.\nHandle with care.",
  "licences": [],
  "certificates": ["UZ-ORIGIN-2026-0042"],
  "invoice": "INV-2026-0042",
  "office_of_origin": "Tashkent 100000",
  "date_of_posting": "2026-11-21",
  "non_delivery": {"action": "return", "route": "non_priority"},
  "signed_on": "2026-11-20"
}"#;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn usd() -> Currency {
    Currency::from_code("USD").unwrap()
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// 1 SDR = 1.37 USD (a test figure, not a published rate).
fn rates() -> Vec<SdrRate> {
    vec![SdrRate {
        date: date("2026-11-02"),
        currency: usd(),
        units_per_sdr: d("1.37"),
        source: "test rate".into(),
    }]
}

/// The JSON text after an edit.
fn edit(text: &str, f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(text).unwrap();
    f(&mut v);
    v.to_string()
}

/// Sets (or adds) the field at a JSON pointer.
fn set(text: &str, pointer: &str, value: Value) -> String {
    edit(text, |v| {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let target = v.pointer_mut(parent).expect("parent exists");
        match target {
            Value::Object(map) => {
                map.insert(key.to_owned(), value);
            }
            Value::Array(list) => list[key.parse::<usize>().unwrap()] = value,
            _ => panic!("not a container"),
        }
    })
}

/// Removes the field at a JSON pointer.
fn remove(text: &str, pointer: &str) -> String {
    edit(text, |v| {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        v.pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .expect("parent object")
            .remove(key)
            .expect("field exists");
    })
}

fn pairs(errors: &[InputError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.path.clone(), e.message.id.to_string()))
        .collect()
}

fn check22(text: &str) -> Validation {
    let form = parse_cn22(text).unwrap_or_else(|e| panic!("parses: {:?}", pairs(&e)));
    validate_cn22(&form, &rates())
}

fn check23(text: &str) -> Validation {
    let form = parse_cn23(text).unwrap_or_else(|e| panic!("parses: {:?}", pairs(&e)));
    validate_cn23(&form, &rates())
}

/// The validation has exactly this one error.
fn one_error(v: &Validation, path: &str, id: &str) -> InputError {
    assert_eq!(
        pairs(&v.errors),
        vec![(path.to_owned(), id.to_owned())],
        "warnings: {:?}",
        pairs(&v.warnings)
    );
    assert_eq!(v.outcome, Outcome::Invalid);
    v.errors[0].clone()
}

fn err22(text: &str, path: &str, id: &str) -> InputError {
    one_error(&check22(text), path, id)
}

fn err23(text: &str, path: &str, id: &str) -> InputError {
    one_error(&check23(text), path, id)
}

/// Parsing fails with exactly this one error.
fn parse_err22(text: &str, path: &str, id: &str) -> InputError {
    let errors = parse_cn22(text).expect_err("must be refused");
    assert_eq!(pairs(&errors), vec![(path.to_owned(), id.to_owned())]);
    errors[0].clone()
}

fn text_arg(e: &InputError, name: &str) -> String {
    match e.message.get(name) {
        Some(Arg::Text { value }) => value.clone(),
        other => panic!("{name}: {other:?}"),
    }
}

fn int_arg(e: &InputError, name: &str) -> i64 {
    match e.message.get(name) {
        Some(Arg::Int { value }) => *value,
        other => panic!("{name}: {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Complete, valid forms.

#[test]
fn a_complete_cn22_is_valid() {
    let form = parse_cn22(CN22).expect("parses");
    assert_eq!(form.item_id.as_deref(), Some("RR123456785UZ"));
    assert_eq!(form.sender.country, "UZ");
    assert_eq!(form.categories, vec![Category::Gift]);
    assert_eq!(form.contents[1].value, Money::new(d("8.5"), usd()));
    assert_eq!(form.total_value.amount, d("38.50"));
    let v = validate_cn22(&form, &rates());
    assert_eq!(v.outcome, Outcome::Valid);
    assert!(v.errors.is_empty() && v.warnings.is_empty(), "{v:?}");
    assert_eq!(v.sdr.decision, SdrDecision::Cn22Allowed);
    assert_eq!(v.sdr.limit, Some(Money::new(d("411"), usd())));
}

#[test]
fn a_complete_cn23_is_valid_and_round_trips() {
    let form = parse_cn23(CN23).expect("parses");
    assert_eq!(form.contents[0].hs_code.as_deref(), Some("621410"));
    assert_eq!(
        form.non_delivery,
        Some(NonDelivery::Return {
            route: Some(Route::NonPriority)
        })
    );
    assert_eq!(form.date_of_posting, Some(date("2026-11-21")));
    let v = validate_cn23(&form, &rates());
    assert_eq!(v.outcome, Outcome::Valid);
    assert!(v.errors.is_empty() && v.warnings.is_empty(), "{v:?}");
    // 522 USD is above 300 SDR: fine for a CN 23, and said so.
    assert_eq!(v.sdr.decision, SdrDecision::Cn23Required);

    // Serialized output reads back to the same form.
    let out = serde_json::to_string(&form).unwrap();
    assert_eq!(parse_cn23(&out).unwrap(), form);
    let value: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        value["total_value"],
        json!({"amount": "522.00", "currency": "USD"})
    );
    assert_eq!(value["categories"], json!(["sale_of_goods"]));
    assert_eq!(
        value["non_delivery"],
        json!({"action": "return", "route": "non_priority"})
    );
    assert!(value.get("licences").is_none(), "empty lists are left out");

    let cn22 = parse_cn22(CN22).unwrap();
    assert_eq!(
        parse_cn22(&serde_json::to_string(&cn22).unwrap()).unwrap(),
        cn22
    );
}

#[test]
fn declarations_carry_their_form() {
    let d23 = parse_declaration(CN23).expect("cn23");
    assert!(matches!(d23, Declaration::Cn23(_)));
    let text = serde_json::to_string(&d23).unwrap();
    assert!(text.starts_with(r#"{"form":"cn23""#), "{text}");
    assert_eq!(parse_declaration(&text).unwrap(), d23);
    assert_eq!(validate(&d23, &rates()).outcome, Outcome::Valid);

    let d22 = Declaration::Cn22(parse_cn22(CN22).unwrap());
    let text = serde_json::to_string(&d22).unwrap();
    assert_eq!(parse_declaration(&text).unwrap(), d22);
    // A tagged CN 22 is still a CN 22 for parse_cn22.
    parse_cn22(&text).expect("tag accepted");

    let none = parse_declaration(CN22).expect_err("untagged");
    assert_eq!(pairs(&none), vec![("form".into(), "input-missing".into())]);
    let wrong = parse_declaration(&set(CN22, "/form", json!("cn24"))).expect_err("cn24");
    assert_eq!(
        pairs(&wrong),
        vec![("form".into(), "input-postal-form".into())]
    );
    let e = parse_err22(
        &set(CN22, "/form", json!("cn23")),
        "form",
        "input-postal-form",
    );
    assert_eq!(text_arg(&e, "expected"), "cn22");
    let errors = parse_cn23(&set(CN23, "/form", json!("cn22"))).expect_err("cn22 tag");
    assert_eq!(
        pairs(&errors),
        vec![("form".into(), "input-postal-form".into())]
    );
}

// ---------------------------------------------------------------------------------------------
// One rule, one failing case.

#[test]
fn vague_descriptions_are_refused_with_the_hint() {
    for word in [
        "clothes",
        "Samples",
        "spare parts",
        "gift",
        "goods",
        "2 x items",
        "parts",
        "stuff.",
    ] {
        let text = set(CN22, "/contents/0/description", json!(word));
        let e = err22(
            &text,
            "contents[0].description",
            "input-postal-vague-description",
        );
        assert_eq!(text_arg(&e, "value"), word);
    }
    // Detailed descriptions that contain those words are fine.
    for fine in [
        "children's wool clothes, knitted",
        "bicycle spare parts: brake pads",
    ] {
        let v = check22(&set(CN22, "/contents/0/description", json!(fine)));
        assert!(v.errors.is_empty(), "{fine}: {:?}", pairs(&v.errors));
    }
    assert!(VAGUE_DESCRIPTIONS.contains(&"clothes"));
}

#[test]
fn description_rules() {
    err22(
        &set(CN22, "/contents/0/description", json!("   ")),
        "contents[0].description",
        "input-empty-text",
    );
    let long = "a".repeat(101);
    let e = err22(
        &set(CN22, "/contents/1/description", json!(long)),
        "contents[1].description",
        "input-text-too-long",
    );
    assert_eq!((int_arg(&e, "max"), int_arg(&e, "length")), (100, 101));
    err22(
        &set(CN22, "/contents/0/description", json!("cotton\u{7}shirts")),
        "contents[0].description",
        "input-control-chars",
    );
}

#[test]
fn commercial_items_need_hs_code_and_origin() {
    for category in ["sale_of_goods", "commercial_sample", "returned_goods"] {
        let text = set(CN22, "/categories", json!([category]));
        let v = check22(&text);
        assert_eq!(
            pairs(&v.errors),
            vec![
                (
                    "contents[0].hs_code".into(),
                    "input-postal-hs-required".into()
                ),
                (
                    "contents[0].origin".into(),
                    "input-postal-origin-required".into()
                ),
                (
                    "contents[1].hs_code".into(),
                    "input-postal-hs-required".into()
                ),
            ],
            "{category}"
        );
    }
    let cn23 = remove(CN23, "/contents/1/origin");
    err23(&cn23, "contents[1].origin", "input-postal-origin-required");
    let cn23 = remove(CN23, "/contents/0/hs_code");
    err23(&cn23, "contents[0].hs_code", "input-postal-hs-required");
}

#[test]
fn hs_code_and_origin_formats() {
    for bad in ["6214", "62141000001", "6214-10", "abcdef"] {
        err23(
            &set(CN23, "/contents/0/hs_code", json!(bad)),
            "contents[0].hs_code",
            "input-postal-hs-code",
        );
    }
    // National 8- and 10-digit lines are accepted; dots and spaces are dropped.
    for ok in ["62141000", "6214 10 0000"] {
        let v = check23(&set(CN23, "/contents/0/hs_code", json!(ok)));
        assert!(v.errors.is_empty(), "{ok}: {:?}", pairs(&v.errors));
    }
    let e = err23(
        &set(CN23, "/contents/1/origin", json!("XX")),
        "contents[1].origin",
        "input-country",
    );
    assert_eq!(text_arg(&e, "value"), "XX");
}

#[test]
fn totals_must_match_the_lines() {
    let e = err22(
        &set(CN22, "/total_value/amount", json!("38.49")),
        "total_value.amount",
        "input-postal-total-value",
    );
    assert_eq!(
        e.message.get("sum"),
        Some(&Arg::Money {
            amount: d("38.50"),
            currency: usd()
        })
    );
    // Exact decimals: 38.5 equals 38.50.
    assert!(check22(&set(CN22, "/total_value/amount", json!("38.5")))
        .errors
        .is_empty());
    // The gross weight may exceed the net weights (packaging) but not fall below them.
    let e = err22(
        &set(CN22, "/total_weight_kg", json!("0.89")),
        "total_weight_kg",
        "input-postal-total-weight",
    );
    assert_eq!(
        e.message.get("sum"),
        Some(&Arg::Number { value: d("0.90") })
    );
    assert!(check22(&set(CN22, "/total_weight_kg", json!("0.9")))
        .errors
        .is_empty());
    err22(
        &set(CN22, "/total_weight_kg", json!(0)),
        "total_weight_kg",
        "input-not-positive",
    );
    err22(
        &set(CN22, "/total_value/amount", json!(-1)),
        "total_value.amount",
        "input-negative",
    );
}

#[test]
fn lines_need_positive_quantities_and_weights_and_one_currency() {
    err22(
        &set(CN22, "/contents/0/quantity", json!(0)),
        "contents[0].quantity",
        "input-not-positive",
    );
    err22(
        &set(CN22, "/contents/1/quantity", json!("-2")),
        "contents[1].quantity",
        "input-not-positive",
    );
    // A bad line weight is reported once: the total is not compared with it.
    err22(
        &set(CN22, "/contents/0/net_weight_kg", json!("-0.4")),
        "contents[0].net_weight_kg",
        "input-not-positive",
    );
    err22(
        &set(CN22, "/contents/0/value/amount", json!("-30")),
        "contents[0].value.amount",
        "input-negative",
    );
    let e = err22(
        &set(CN22, "/contents/1/value/currency", json!("EUR")),
        "contents[1].value.currency",
        "input-postal-currency-mismatch",
    );
    assert_eq!(
        (text_arg(&e, "expected"), text_arg(&e, "found")),
        ("USD".into(), "EUR".into())
    );
    err22(
        &set(CN22, "/contents", json!([])),
        "contents",
        "input-empty-list",
    );
}

#[test]
fn category_rules() {
    err22(
        &set(CN22, "/categories", json!(["other"])),
        "explanation",
        "input-postal-explanation-required",
    );
    let explained = set(
        &set(CN22, "/categories", json!(["other"])),
        "/explanation",
        json!("personal belongings sent home after a move"),
    );
    assert!(check22(&explained).errors.is_empty());
    err22(
        &set(CN22, "/categories", json!([])),
        "categories",
        "input-empty-list",
    );
    err22(
        &set(CN22, "/categories", json!(["gift", "gift"])),
        "categories[1]",
        "input-postal-category-twice",
    );
    let e = err23(
        &set(CN23, "/categories", json!(["gift", "sale_of_goods"])),
        "categories[0]",
        "input-postal-gift-commercial",
    );
    assert_eq!(
        e.message.get("category"),
        Some(&Arg::Term {
            id: "postal-category-sale-of-goods".into()
        })
    );
    // Documents need no HS code or origin.
    let docs = set(
        &set(CN22, "/categories", json!(["documents"])),
        "/contents",
        json!([{"description": "signed paper contract", "quantity": 1, "net_weight_kg": "0.05",
                "value": {"amount": "0", "currency": "USD"}}]),
    );
    let docs = set(&docs, "/total_value/amount", json!("0"));
    assert!(
        check22(&docs).errors.is_empty(),
        "{:?}",
        pairs(&check22(&docs).errors)
    );
}

#[test]
fn party_rules() {
    err22(
        &set(CN22, "/sender/name", json!("")),
        "sender.name",
        "input-empty-text",
    );
    err22(
        &set(CN22, "/addressee/street", json!(" ")),
        "addressee.street",
        "input-empty-text",
    );
    let e = err22(
        &set(CN22, "/sender/country", json!("UK")),
        "sender.country",
        "input-country",
    );
    assert_eq!(text_arg(&e, "value"), "UK");
    err22(
        &set(CN22, "/addressee/country", json!("FIN")),
        "addressee.country",
        "input-country",
    );
    err22(
        &set(CN22, "/sender/name", json!("x".repeat(71))),
        "sender.name",
        "input-text-too-long",
    );
    err22(
        &set(CN22, "/sender/postcode", json!("1".repeat(17))),
        "sender.postcode",
        "input-text-too-long",
    );
    err22(
        &set(CN22, "/sender/phone", json!("call me")),
        "sender.phone",
        "input-postal-phone",
    );
    err22(
        &set(CN22, "/addressee/email", json!("mikko at example.fi")),
        "addressee.email",
        "input-postal-email",
    );
    err22(
        &set(CN22, "/sender/city", json!("Tash\nkent")),
        "sender.city",
        "input-control-chars",
    );
    err22(
        &set(CN22, "/item_id", json!("RR12345UZ")),
        "item_id",
        "input-postal-item-id",
    );
}

#[test]
fn cn23_only_rules() {
    err23(
        &set(CN23, "/postal_charges/amount", json!("-1")),
        "postal_charges.amount",
        "input-negative",
    );
    err23(
        &set(CN23, "/licences", json!(["L-1", " "])),
        "licences[1]",
        "input-empty-text",
    );
    err23(
        &set(CN23, "/certificates", json!(["C".repeat(36)])),
        "certificates[0]",
        "input-text-too-long",
    );
    err23(
        &set(CN23, "/comments", json!("c".repeat(251))),
        "comments",
        "input-text-too-long",
    );
    err23(
        &set(CN23, "/comments", json!("quarantine\u{0}")),
        "comments",
        "input-control-chars",
    );
    err23(
        &set(CN23, "/office_of_origin", json!("o".repeat(71))),
        "office_of_origin",
        "input-text-too-long",
    );
    // Commercial items without an invoice: a warning (Hong Kong Post's rule), not an error.
    let v = check23(&remove(CN23, "/invoice"));
    assert_eq!(v.outcome, Outcome::Valid);
    assert_eq!(
        pairs(&v.warnings),
        vec![("invoice".into(), "notice-postal-invoice-missing".into())]
    );
    let abandon = parse_cn23(&set(CN23, "/non_delivery", json!({"action": "abandon"}))).unwrap();
    assert_eq!(abandon.non_delivery, Some(NonDelivery::Abandon));
}

#[test]
fn all_problems_are_reported_at_once() {
    let text = set(CN22, "/contents/0/description", json!("clothes"));
    let text = set(&text, "/sender/country", json!("XX"));
    let text = set(&text, "/categories", json!(["other"]));
    let text = set(&text, "/contents/1/quantity", json!("0"));
    let v = check22(&text);
    assert_eq!(
        pairs(&v.errors),
        vec![
            ("sender.country".into(), "input-country".into()),
            (
                "explanation".into(),
                "input-postal-explanation-required".into()
            ),
            (
                "contents[0].description".into(),
                "input-postal-vague-description".into()
            ),
            ("contents[1].quantity".into(), "input-not-positive".into()),
        ]
    );
    assert_eq!(v.outcome, Outcome::Invalid);

    // Structural problems are collected too.
    let text = set(CN22, "/contents/0/quantity", json!(true));
    let text = set(&text, "/sender/country", json!(7));
    let text = remove(&text, "/signed_on");
    let text = set(&text, "/colour", json!("blue"));
    let errors = parse_cn22(&text).expect_err("refused");
    assert_eq!(
        pairs(&errors),
        vec![
            ("colour".into(), "input-unknown-field".into()),
            ("sender.country".into(), "input-type".into()),
            ("contents[0].quantity".into(), "input-type".into()),
            ("signed_on".into(), "input-missing".into()),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// The 300 SDR limit and the 2 kg note.

/// A CN 22 whose single line and total are worth `amount` USD.
fn cn22_worth(amount: &str) -> String {
    let text = set(
        CN22,
        "/contents",
        json!([{
        "description": "hand-painted ceramic plate", "quantity": 1, "net_weight_kg": "0.8",
        "value": {"amount": amount, "currency": "USD"}}]),
    );
    set(&text, "/total_value/amount", json!(amount))
}

#[test]
fn cn22_is_allowed_up_to_and_at_300_sdr() {
    // 300 SDR × 1.37 = 411.00 USD.
    let v = check22(&cn22_worth("410.99"));
    assert_eq!(
        (v.outcome, v.sdr.decision),
        (Outcome::Valid, SdrDecision::Cn22Allowed)
    );
    assert!(v.warnings.is_empty());

    // Exactly 300 SDR: allowed ("up to 300 SDR", India Post "over 300 SDR" → CN 23), with a
    // warning about operators that ask for CN 23 at "300 SDR or more" (Eswatini Post).
    let v = check22(&cn22_worth("411.00"));
    assert_eq!(
        (v.outcome, v.sdr.decision),
        (Outcome::Valid, SdrDecision::Cn22Allowed)
    );
    assert!(v.sdr.at_limit);
    assert_eq!(v.sdr.value_sdr, Some(d("300")));
    assert_eq!(
        pairs(&v.warnings),
        vec![(
            "total_value.amount".into(),
            "notice-postal-sdr-at-limit".into()
        )]
    );
}

#[test]
fn cn22_above_300_sdr_needs_a_cn23() {
    let v = check22(&cn22_worth("411.01"));
    let e = one_error(&v, "total_value.amount", "input-postal-cn23-required");
    assert_eq!(v.sdr.decision, SdrDecision::Cn23Required);
    assert_eq!(int_arg(&e, "limit"), 300);
    assert_eq!(text_arg(&e, "source"), "test rate");
    assert_eq!(
        e.message.get("rate"),
        Some(&Arg::Money {
            amount: d("1.37"),
            currency: usd()
        })
    );
    // The same value on a CN 23 is fine.
    let cn23 = set(CN23, "/contents/0/value/amount", json!("339.01"));
    let cn23 = set(&cn23, "/total_value/amount", json!("411.01"));
    let v = check23(&cn23);
    assert_eq!(
        (v.outcome, v.sdr.decision),
        (Outcome::Valid, SdrDecision::Cn23Required)
    );
}

#[test]
fn without_an_sdr_rate_the_check_is_undecided() {
    let form = parse_cn22(CN22).unwrap();
    let v = validate_cn22(&form, &[]);
    assert_eq!(v.outcome, Outcome::Undecided);
    assert_eq!(v.sdr.decision, SdrDecision::Undecided);
    assert!(v.errors.is_empty());
    assert_eq!(
        pairs(&v.warnings),
        vec![(
            "total_value.currency".into(),
            "notice-postal-sdr-undecided".into()
        )]
    );
    // A rate for another currency, or dated after the signature, does not decide either.
    let mut other = rates();
    other[0].currency = Currency::from_code("EUR").unwrap();
    assert_eq!(validate_cn22(&form, &other).outcome, Outcome::Undecided);
    let mut later = rates();
    later[0].date = date("2026-11-21");
    assert_eq!(validate_cn22(&form, &later).outcome, Outcome::Undecided);
    // The latest rate on or before the date is used.
    let mut two = rates();
    two.push(SdrRate {
        date: date("2026-11-19"),
        currency: usd(),
        units_per_sdr: d("1.30"),
        source: "newer".into(),
    });
    let check = check_sdr(form.total_value, form.signed_on, &two);
    assert_eq!(check.rate.map(|r| r.source), Some("newer".to_owned()));
    // Errors still make the form invalid without a rate.
    let bad = parse_cn22(&set(CN22, "/sender/name", json!(""))).unwrap();
    assert_eq!(validate_cn22(&bad, &[]).outcome, Outcome::Invalid);
    // A CN 23 does not need the check to be valid.
    let cn23 = parse_cn23(CN23).unwrap();
    assert_eq!(validate_cn23(&cn23, &[]).outcome, Outcome::Valid);
}

#[test]
fn values_in_sdr_need_no_rate() {
    let text = cn22_worth("300");
    let text = set(&text, "/contents/0/value/currency", json!("XDR"));
    let text = set(&text, "/total_value/currency", json!("XDR"));
    let v = validate_cn22(&parse_cn22(&text).unwrap(), &[]);
    assert_eq!(
        (v.outcome, v.sdr.decision),
        (Outcome::Valid, SdrDecision::Cn22Allowed)
    );
    let text = set(
        &set(&text, "/contents/0/value/amount", json!("300.5")),
        "/total_value/amount",
        json!("300.5"),
    );
    let v = validate_cn22(&parse_cn22(&text).unwrap(), &[]);
    one_error(&v, "total_value.amount", "input-postal-cn23-required");
}

#[test]
fn cn22_over_2_kg_is_a_warning_only() {
    let v = check22(&set(CN22, "/total_weight_kg", json!("2")));
    assert!(v.warnings.is_empty());
    let v = check22(&set(CN22, "/total_weight_kg", json!("2.001")));
    assert_eq!(v.outcome, Outcome::Valid);
    assert_eq!(
        pairs(&v.warnings),
        vec![("total_weight_kg".into(), "notice-postal-cn22-weight".into())]
    );
}

// ---------------------------------------------------------------------------------------------
// Bad JSON.

#[test]
fn malformed_json_is_a_syntax_error() {
    for text in ["{", "", "{\"sender\": }", "[1, 2", "{\"a\": 1}}"] {
        let errors = parse_cn22(text).expect_err("refused");
        assert_eq!(
            pairs(&errors),
            vec![(String::new(), "input-syntax".into())],
            "{text:?}"
        );
    }
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(parse_cn23(&deep).unwrap_err()[0].message.id, "input-syntax");
    for text in ["[]", "null", "\"cn22\""] {
        parse_err22(text, "", "input-type");
    }
}

#[test]
fn wrong_types_name_their_path() {
    let e = parse_err22(
        &set(CN22, "/contents/1/net_weight_kg", json!([1])),
        "contents[1].net_weight_kg",
        "input-type",
    );
    assert_eq!(
        e.message.get("expected"),
        Some(&Arg::Term {
            id: "type-number".into()
        })
    );
    parse_err22(
        &set(CN22, "/sender", json!("Aziza")),
        "sender",
        "input-type",
    );
    parse_err22(
        &set(CN22, "/categories", json!("gift")),
        "categories",
        "input-type",
    );
    parse_err22(
        &set(CN22, "/categories/0", json!(1)),
        "categories[0]",
        "input-type",
    );
    parse_err22(
        &set(CN22, "/contents/0", json!("shirts")),
        "contents[0]",
        "input-type",
    );
    parse_err22(
        &set(CN22, "/total_value", json!("38.50")),
        "total_value",
        "input-type",
    );
    parse_err22(
        &set(CN22, "/sender/name", json!(null)),
        "sender.name",
        "input-missing",
    );
    parse_err22(
        &remove(CN22, "/contents/0/value/currency"),
        "contents[0].value.currency",
        "input-missing",
    );
    parse_err22(
        &set(CN22, "/total_value/currency", json!("usd")),
        "total_value.currency",
        "input-unknown-currency",
    );
    parse_err22(
        &set(CN22, "/signed_on", json!("2026-02-30")),
        "signed_on",
        "input-date",
    );
    parse_err22(
        &set(CN22, "/categories/0", json!("present")),
        "categories[0]",
        "input-postal-unknown-category",
    );
    parse_err22(
        &set(CN22, "/contents/0/colour", json!("blue")),
        "contents[0].colour",
        "input-unknown-field",
    );
    parse_err22(
        &set(
            CN22,
            "/postal_charges",
            json!({"amount": "1", "currency": "USD"}),
        ),
        "postal_charges",
        "input-unknown-field",
    );
    parse_err22(
        &set(CN22, "/contents/0/quantity", json!("two")),
        "contents[0].quantity",
        "input-not-decimal",
    );
    let errors = parse_cn23(&set(CN23, "/non_delivery", json!({"action": "burn"}))).unwrap_err();
    assert_eq!(
        pairs(&errors),
        vec![(
            "non_delivery.action".into(),
            "input-postal-unknown-action".into()
        )]
    );
    let errors = parse_cn23(&set(CN23, "/non_delivery/route", json!("air"))).unwrap_err();
    assert_eq!(
        pairs(&errors),
        vec![(
            "non_delivery.route".into(),
            "input-postal-unknown-route".into()
        )]
    );
    let errors = parse_cn23(&set(
        CN23,
        "/non_delivery",
        json!({"action": "abandon", "route": "priority"}),
    ))
    .unwrap_err();
    assert_eq!(
        pairs(&errors),
        vec![("non_delivery.route".into(), "input-unknown-field".into())]
    );
}

#[test]
fn size_limits() {
    let e = parse_err22(
        &set(CN22, "/sender/name", json!("a".repeat(1001))),
        "sender.name",
        "input-text-too-long",
    );
    assert_eq!(int_arg(&e, "max"), 1000);
    // 1,000 characters parse; the form's own limit is then reported by validation.
    let v = check22(&set(CN22, "/sender/name", json!("é".repeat(1000))));
    let e = one_error(&v, "sender.name", "input-text-too-long");
    assert_eq!(int_arg(&e, "max"), 70);

    let line = json!({"description": "cotton socks", "quantity": 1, "net_weight_kg": "0.01",
                      "value": {"amount": "1", "currency": "USD"}});
    let e = parse_err22(
        &set(CN22, "/contents", Value::Array(vec![line.clone(); 101])),
        "contents",
        "input-too-many",
    );
    assert_eq!(int_arg(&e, "count"), 101);
    let hundred = set(CN22, "/contents", Value::Array(vec![line; 100]));
    let hundred = set(&hundred, "/total_value/amount", json!("100"));
    assert!(check22(&hundred).errors.is_empty());

    let big = format!("{{\"operator\": \"{}\"}}", "a".repeat(MAX_INPUT_BYTES));
    parse_err22(&big, "", "input-too-large");
}

#[test]
fn numbers_are_exact_and_bounded() {
    let text = CN22.replace(r#""amount": 8.5"#, r#""amount": 1e400"#);
    let e = parse_err22(&text, "contents[1].value.amount", "input-too-big");
    assert_eq!(
        e.message.get("max"),
        Some(&Arg::Int {
            value: 1_000_000_000_000
        })
    );
    parse_err22(
        &set(CN22, "/total_weight_kg", json!("1000000000000.5")),
        "total_weight_kg",
        "input-too-big",
    );
    parse_err22(
        &set(CN22, "/contents/0/quantity", json!("-1e13")),
        "contents[0].quantity",
        "input-too-big",
    );
    parse_err22(
        &set(
            CN22,
            "/contents/0/net_weight_kg",
            json!("0.000000000000000000000000000000001"),
        ),
        "contents[0].net_weight_kg",
        "input-too-precise",
    );
    // A JSON number keeps its exact decimal digits (no float rounding).
    let text = CN22.replace(r#""amount": 8.5"#, r#""amount": 8.50000000000000000001"#);
    let form = parse_cn22(&text).unwrap();
    assert_eq!(form.contents[1].value.amount, d("8.50000000000000000001"));
    one_error(
        &validate_cn22(&form, &rates()),
        "total_value.amount",
        "input-postal-total-value",
    );
}

// ---------------------------------------------------------------------------------------------
// Catalogue ids.

fn ftl_ids(lang: &str) -> BTreeSet<String> {
    let dir = format!("{}/../i18n/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        text += &std::fs::read_to_string(entry.unwrap().path()).unwrap();
    }
    text.lines()
        .filter(|l| !l.starts_with(['#', ' ']) && l.contains(" = "))
        .map(|l| l.split(" = ").next().unwrap_or_default().trim().to_owned())
        .collect()
}

#[test]
fn every_emitted_id_is_listed_and_translated() {
    // Every id literal in the postal sources is in MESSAGE_IDS.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/postal");
    let listed: BTreeSet<&str> = MESSAGE_IDS.iter().copied().collect();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for prefix in ["\"input-", "\"notice-", "\"postal-", "\"type-"] {
            for (at, _) in text.match_indices(prefix) {
                let tail = &text[at + 1..];
                let id = &tail[..tail.find('"').unwrap()];
                assert!(
                    listed.contains(id),
                    "{id} in {path:?} is not in MESSAGE_IDS"
                );
            }
        }
    }
    for lang in ["en", "uz", "ru"] {
        let ids = ftl_ids(lang);
        let missing: Vec<_> = MESSAGE_IDS
            .iter()
            .filter(|id| !ids.contains(**id))
            .collect();
        assert!(missing.is_empty(), "{lang}: missing {missing:?}");
    }
}

#[test]
fn built_forms_validate_without_json() {
    // The types can be built directly; validation does not rely on the parser's checks.
    let mut form: Cn22 = parse_cn22(CN22).unwrap();
    form.sender.country = "uz".into();
    form.contents[0].hs_code = Some("6205.20".into());
    let v = validate_cn22(&form, &rates());
    assert_eq!(
        pairs(&v.errors),
        vec![
            ("sender.country".into(), "input-country".into()),
            ("contents[0].hs_code".into(), "input-postal-hs-code".into()),
        ]
    );
    let mut cn23: Cn23 = parse_cn23(CN23).unwrap();
    cn23.invoice = Some(String::new());
    one_error(
        &validate_cn23(&cn23, &rates()),
        "invoice",
        "input-empty-text",
    );
}
