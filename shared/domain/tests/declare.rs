//! The passenger declaration, built from real trip files through the assessment and the
//! embedded packs, the way a front builds it.

use std::collections::BTreeSet;

use karvon_domain::declare::{
    CashHolding, Charges, Guardian, GuardianBy, PermitNeed, Quantity, Reason, ADULT_AGE,
};
use karvon_domain::kind::{Kind, Unit};
use karvon_domain::pack::{CashPer, Compare, Permit};
use karvon_domain::{
    assess, parse_trip, Arg, Assessment, Channel, Currency, Message, Money, PackSet,
    PassengerDeclaration, Trip,
};
use karvon_i18n::{Catalogue, Lang};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().expect("test decimal")
}

fn cur(code: &str) -> Currency {
    Currency::from_code(code).expect("test currency")
}

fn trip(json: &str) -> Trip {
    parse_trip(json).unwrap_or_else(|e| panic!("trip does not parse: {e:?}\n{json}"))
}

fn assessed(trip: &Trip) -> (Assessment, PackSet) {
    let packs = PackSet::embedded().expect("embedded packs load");
    let a = assess(trip, &packs).unwrap_or_else(|e| panic!("not assessable: {e:?}"));
    (a, packs)
}

fn declare(json: &str) -> PassengerDeclaration {
    let t = trip(json);
    let (a, packs) = assessed(&t);
    let pack = packs.get(&t.jurisdiction).expect("pack");
    PassengerDeclaration::from_trip(&t, &a, pack)
        .unwrap_or_else(|e| panic!("declaration fails: {e:?}"))
}

fn declare_err(t: &Trip) -> karvon_domain::DeclareError {
    let (a, packs) = assessed(t);
    let pack = packs.get(&t.jurisdiction).expect("pack");
    PassengerDeclaration::from_trip(t, &a, pack).expect_err("declaration must fail")
}

fn text_arg<'a>(m: &'a Message, name: &str) -> &'a str {
    match m.get(name) {
        Some(Arg::Text { value }) => value,
        other => panic!("{}: argument {name} is {other:?}", m.id),
    }
}

const FI_FAMILY: &str = r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":10,
  "travellers":[{"id":"mum","age":40},{"id":"dad","age":42},{"id":"kid","age":12,"guardian":"dad"}],
  "items":[
    {"traveller":"mum","description":"Watch","kind":"goods","value":"200","currency":"EUR"},
    {"traveller":"kid","description":"Game console","kind":"goods","value":"500","currency":"EUR","count":1}
  ]}"#;

#[test]
fn finnish_child_goods_go_on_the_named_guardian() {
    let d = declare(FI_FAMILY);
    assert_eq!(d.jurisdiction, "FI");
    assert_eq!(d.currency, cur("EUR"));
    assert_eq!(d.declarant, 0, "the first adult declares");
    assert_eq!(
        d.travellers[2].guardian,
        Some(Guardian {
            traveller: 1,
            by: GuardianBy::Named
        })
    );
    assert_eq!(d.travellers[0].guardian, None, "adults have no guardian");
    // The €200 watch is within mum's €430; the €500 console is over the kid's €430 allowance
    // (an indivisible item), so it is declared, carried by dad, owned by the kid.
    assert_eq!(d.goods.len(), 1);
    let g = &d.goods[0];
    assert_eq!((g.item, g.description.as_str()), (1, "Game console"));
    assert_eq!((g.carrier, g.owner), (1, Some(2)));
    assert_eq!(g.reasons, [Reason::OverAllowance]);
    assert_eq!(
        g.quantity,
        Some(Quantity {
            amount: dec("1"),
            unit: Unit::Pieces
        })
    );
    assert_eq!(g.value, Some(Money::new(dec("500"), cur("EUR"))));
    // 2.5 % flat duty on €500 = 12.50; VAT 25.5 % of 512.50 = 130.6875 → 130.69.
    let expected = Charges {
        duty: dec("12.50"),
        vat: dec("130.69"),
        excise: dec("0.00"),
        total: dec("143.19"),
    };
    assert_eq!(g.charges, expected);
    assert_eq!(d.totals, expected);
    assert!(d.is_needed());
    assert_eq!(d.channel, Channel::Red);
    assert!(
        !d.notices
            .iter()
            .any(|n| n.id == "declare-notice-guardian-first-adult"),
        "a named guardian needs no notice"
    );
}

#[test]
fn without_a_named_guardian_the_first_adult_declares_and_says_so() {
    let json = FI_FAMILY.replace(r#","guardian":"dad""#, "");
    let d = declare(&json);
    assert_eq!(
        d.travellers[2].guardian,
        Some(Guardian {
            traveller: 0,
            by: GuardianBy::FirstAdult
        })
    );
    assert_eq!((d.goods[0].carrier, d.goods[0].owner), (0, Some(2)));
    let n = d
        .notices
        .iter()
        .find(|n| n.id == "declare-notice-guardian-first-adult")
        .expect("the declaration says the guardian was not named");
    assert_eq!(
        (text_arg(n, "traveller"), text_arg(n, "guardian")),
        ("kid", "mum")
    );
}

#[test]
fn uzbek_phone_is_always_declared_and_cash_over_the_threshold() {
    let d = declare(
        r#"{"jurisdiction":"UZ","arrival":"2026-12-10","mode":"air","days_abroad":8,
        "travellers":[{"id":"aziz","age":41},{"id":"malika","age":12}],
        "items":[
          {"traveller":"aziz","description":"New phone","kind":"phone","value":"900","currency":"USD","count":1},
          {"traveller":"aziz","description":"Shirt","kind":"goods","value":"40","currency":"USD"},
          {"traveller":"aziz","description":"Dollars","kind":"cash","value":"15000","currency":"USD"},
          {"traveller":"aziz","description":"Euros","kind":"cash","value":"500","currency":"EUR"},
          {"traveller":"malika","description":"Pocket money","kind":"cash","value":"50","currency":"USD"}
        ],
        "rates":{"USD":"12050","EUR":"13000"}}"#,
    );
    // Within the two duty-free phones, yet declared whatever its value; the shirt is not.
    assert_eq!(d.goods.len(), 1);
    let phone = &d.goods[0];
    assert_eq!(phone.kind, Kind::Phone);
    assert_eq!(phone.reasons, [Reason::MustDeclare]);
    assert_eq!(phone.charges.total, Decimal::ZERO);
    // Cash per traveller: aziz 15,000 × 12,050 + 500 × 13,000 = 187,250,000 UZS > 100,000,000.
    // Malika's 50 USD (602,500 UZS) stays below the threshold and is not declared.
    let cash = d.cash.as_ref().expect("cash is declared");
    assert_eq!(cash.threshold, Money::new(dec("100000000"), cur("UZS")));
    assert_eq!(
        (cash.compare, cash.per),
        (Compare::MoreThan, CashPer::Traveller)
    );
    assert_eq!(
        cash.holdings,
        [CashHolding {
            carrier: 0,
            owner: None,
            amounts: vec![
                Money::new(dec("500"), cur("EUR")),
                Money::new(dec("15000"), cur("USD")),
            ],
            total: dec("187250000.00"),
        }]
    );
    assert!(d.is_needed());
    assert_eq!(d.channel, Channel::Red);
    assert_eq!(d.verdict().id, "declare-verdict-red");
}

#[test]
fn nothing_to_declare_is_green_with_its_reason() {
    let d = declare(
        r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":5,
        "travellers":[{"id":"me","age":30}],
        "items":[
          {"description":"Jacket","kind":"goods","value":"100","currency":"EUR"},
          {"description":"Wine","kind":"wine","litres":"1.5","value":"20","currency":"EUR"},
          {"description":"Cash","kind":"cash","value":"500","currency":"EUR"}
        ]}"#,
    );
    assert!(!d.is_needed());
    assert_eq!(d.channel, Channel::Green);
    assert!(d.goods.is_empty() && d.unaccompanied.is_empty() && d.cash.is_none());
    assert_eq!(d.totals.total, Decimal::ZERO);
    assert_eq!(d.verdict(), Message::new("declare-verdict-green"));
    let ids: Vec<_> = d.text_lines().into_iter().map(|m| m.id).collect();
    assert!(ids.iter().any(|i| i == "declare-text-no-goods"), "{ids:?}");
    assert!(ids.iter().any(|i| i == "declare-verdict-green"), "{ids:?}");
}

#[test]
fn restricted_goods_show_their_permit_and_authority() {
    let d = declare(
        r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":5,
        "travellers":[{"id":"me","age":30}],
        "items":[
          {"description":"Salami","kind":"food","hs_code":"160100","value":"15","currency":"EUR"},
          {"description":"Apple seedlings","kind":"plants","value":"12","currency":"EUR"},
          {"description":"Chocolate","kind":"food","hs_code":"1806","value":"10","currency":"EUR"}
        ]}"#,
    );
    // Every item is within the €430 allowance: only the restrictions make them declared.
    let found: Vec<(&str, &PermitNeed)> = d
        .restricted()
        .map(|(item, p)| (item.description.as_str(), p))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "Salami");
    assert_eq!(found[0].1.permit, Permit::Prohibited);
    assert_eq!(
        found[0].1.authority,
        "Finnish Food Authority (Ruokavirasto)"
    );
    assert_eq!(found[1].0, "Apple seedlings");
    assert_eq!(found[1].1.permit, Permit::Phytosanitary);
    assert_eq!(
        found[1].1.authority,
        "Plant protection authority of the country of departure"
    );
    assert!(d.goods.iter().all(|g| g.reasons == [Reason::Restricted]));
    assert!(d.goods.iter().all(|g| g.description != "Chocolate"));
    assert!(d.is_needed());
    assert_eq!(d.channel, Channel::Red);
    // The permit rule and authority are confirmed for Finland: no doubt is raised.
    assert!(!d
        .notices
        .iter()
        .any(|n| n.id == "declare-notice-restriction-unconfirmed"));
    let lines = d.text_lines();
    let permit = lines
        .iter()
        .find(|m| m.id == "declare-text-permit")
        .expect("a permit line");
    assert_eq!(
        text_arg(permit, "authority"),
        "Finnish Food Authority (Ruokavirasto)"
    );
}

#[test]
fn a_permit_rule_from_secondary_sources_is_flagged() {
    let d = declare(
        r#"{"jurisdiction":"UZ","arrival":"2026-12-10","mode":"air","days_abroad":8,
        "travellers":[{"id":"aziz","age":41}],
        "items":[{"description":"Tulip bulbs","kind":"plants","value":"10","currency":"USD","weight_kg":"1"}],
        "rates":{"USD":"12050"}}"#,
    );
    assert_eq!(d.goods.len(), 1);
    assert_eq!(d.goods[0].permits[0].permit, Permit::Phytosanitary);
    assert_eq!(
        d.goods[0].permits[0].authority,
        "Agency for Plant Quarantine and Protection of the Republic of Uzbekistan"
    );
    let n = d
        .notices
        .iter()
        .find(|n| n.id == "declare-notice-restriction-unconfirmed")
        .expect("secondary facts are flagged");
    assert_eq!(text_arg(n, "description"), "Tulip bulbs");
}

#[test]
fn unaccompanied_articles_are_listed_separately() {
    let d = declare(
        r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":5,
        "travellers":[{"id":"me","age":30}],
        "items":[
          {"description":"Carpet","kind":"goods","value":"300","currency":"EUR","weight_kg":"12","unaccompanied":true},
          {"description":"Camera","kind":"goods","value":"900","currency":"EUR"},
          {"description":"Book","kind":"goods","value":"20","currency":"EUR"}
        ]}"#,
    );
    assert_eq!(d.unaccompanied.len(), 1);
    assert_eq!(d.unaccompanied[0].description, "Carpet");
    assert_eq!(
        d.unaccompanied[0].quantity,
        Some(Quantity {
            amount: dec("12"),
            unit: Unit::Kilograms
        })
    );
    assert_eq!(d.goods.len(), 1, "carried goods only");
    assert_eq!(d.goods[0].description, "Camera");
    assert!(d.goods.iter().all(|g| g.description != "Carpet"));
    let ids: Vec<_> = d.text_lines().into_iter().map(|m| m.id).collect();
    let at = |id: &str| ids.iter().position(|i| i == id).unwrap_or(usize::MAX);
    assert!(at("declare-text-goods") < at("declare-text-unaccompanied"));
    assert!(at("declare-text-unaccompanied") < ids.len());

    // An unaccompanied article alone still needs the declaration.
    let alone = declare(
        r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":5,
        "travellers":[{"id":"me","age":30}],
        "items":[{"description":"Books","kind":"goods","value":"50","currency":"EUR","unaccompanied":true}]}"#,
    );
    assert!(alone.goods.is_empty());
    assert_eq!(alone.unaccompanied.len(), 1);
    assert!(alone.unaccompanied[0].reasons.is_empty());
    assert!(alone.is_needed());
}

#[test]
fn unaccompanied_is_parsed_like_other_fields() {
    let bad = parse_trip(
        r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":5,
        "travellers":[{"id":"me","age":30}],
        "items":[{"description":"Cash","kind":"cash","value":"50","currency":"EUR","unaccompanied":true}]}"#,
    )
    .expect_err("cash cannot be unaccompanied");
    assert_eq!(bad.path, "items[0].unaccompanied");
    assert_eq!(bad.message.id, "input-unaccompanied-cash");
    let bad = parse_trip(
        r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":5,
        "travellers":[{"id":"me","age":30}],
        "items":[{"description":"Rug","kind":"goods","value":"50","currency":"EUR","unaccompanied":"yes"}]}"#,
    )
    .expect_err("a boolean");
    assert_eq!(bad.path, "items[0].unaccompanied");
    assert_eq!(bad.message.id, "input-type");
}

#[test]
fn a_guardian_who_is_a_minor_or_not_in_the_party_is_refused() {
    // Named guardian aged 15.
    let t = trip(
        r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":5,
        "travellers":[{"id":"mum","age":40},{"id":"teen","age":15},{"id":"kid","age":8,"guardian":"teen"}],
        "items":[]}"#,
    );
    let e = declare_err(&t);
    assert_eq!(e.path, "travellers[2].guardian");
    assert_eq!(e.message.id, "declare-error-guardian-minor");
    assert_eq!(text_arg(&e.message, "guardian"), "teen");
    assert_eq!(e.message.get("age"), Some(&Arg::Int { value: 15 }));
    assert_eq!(
        e.message.get("adult"),
        Some(&Arg::Int {
            value: i64::from(ADULT_AGE)
        })
    );

    // A guardian id that is not in the trip file: the parser names the field.
    let e = parse_trip(
        r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":5,
        "travellers":[{"id":"mum","age":40},{"id":"kid","age":8,"guardian":"grandma"}],
        "items":[]}"#,
    )
    .expect_err("unknown guardian");
    assert_eq!(e.path, "travellers[1].guardian");
    assert_eq!(e.message.id, "input-unknown-traveller");

    // Naming oneself.
    let e = parse_trip(
        r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":5,
        "travellers":[{"id":"kid","age":8,"guardian":"kid"}],"items":[]}"#,
    )
    .expect_err("own guardian");
    assert_eq!(
        (e.path.as_str(), e.message.id.as_ref()),
        ("travellers[0].guardian", "input-guardian-self")
    );

    // A trip built in code whose guardian index is outside the party.
    let mut t = trip(FI_FAMILY);
    t.travellers[2].guardian = Some(7);
    let e = declare_err(&t);
    assert_eq!(e.path, "travellers[2].guardian");
    assert_eq!(e.message.id, "declare-error-guardian-not-in-party");
    assert_eq!(text_arg(&e.message, "traveller"), "kid");
}

#[test]
fn an_assessment_of_another_trip_is_refused() {
    let t = trip(FI_FAMILY);
    let (_, packs) = assessed(&t);
    let other = trip(&FI_FAMILY.replace("Game console", "Tablet"));
    let (a, _) = assessed(&other);
    let e = PassengerDeclaration::from_trip(&t, &a, packs.get("FI").expect("FI"))
        .expect_err("mismatch");
    assert_eq!(e.path, "assessment");
    assert_eq!(e.message.id, "declare-error-assessment-mismatch");
    assert_eq!(text_arg(&e.message, "field"), "items[1]");
    let e = PassengerDeclaration::from_trip(&t, &a, packs.get("UZ").expect("UZ"))
        .expect_err("another pack");
    assert_eq!(e.message.id, "declare-error-pack-mismatch");
}

fn samples() -> Vec<PassengerDeclaration> {
    vec![
        declare(FI_FAMILY),
        declare(&FI_FAMILY.replace(r#","guardian":"dad""#, "")),
        declare(
            r#"{"jurisdiction":"UZ","arrival":"2026-12-10","mode":"air","days_abroad":8,
            "travellers":[{"id":"aziz","age":41},{"id":"malika","age":12}],
            "items":[
              {"traveller":"aziz","description":"New phone","kind":"phone","value":"900","currency":"USD","count":1},
              {"traveller":"malika","description":"Dollars","kind":"cash","value":"9000","currency":"USD"},
              {"traveller":"malika","description":"Tulip bulbs","kind":"plants","value":"10","currency":"USD","weight_kg":"1"},
              {"traveller":"aziz","description":"Rug","kind":"goods","value":"1500","currency":"USD","weight_kg":"9","unaccompanied":true}
            ],
            "rates":{"USD":"12050"}}"#,
        ),
        declare(
            r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"road","days_abroad":2,
            "travellers":[{"id":"me","age":30}],
            "items":[
              {"description":"Vodka","kind":"spirits","litres":"3","abv":"40","value":"30","currency":"EUR"},
              {"description":"Salami","kind":"food","hs_code":"1601","value":"15","currency":"EUR"},
              {"description":"Cash","kind":"cash","value":"12000","currency":"EUR"}
            ]}"#,
        ),
        declare(
            r#"{"jurisdiction":"FI","arrival":"2026-07-20","mode":"air","days_abroad":5,
            "travellers":[{"id":"kid","age":16}],
            "items":[{"description":"Book","kind":"goods","value":"20","currency":"EUR"}]}"#,
        ),
    ]
}

#[test]
fn json_round_trip_is_identical() {
    for d in samples() {
        let json = serde_json::to_string(&d).expect("serialises");
        let back: PassengerDeclaration = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, d);
        assert_eq!(
            serde_json::to_string(&back).expect("again"),
            json,
            "stable bytes"
        );
    }
    // The UZ sample: a minor's cash and restricted plants go on the first adult; the rug is
    // unaccompanied; the lone 16-year-old is their own declarant with a notice.
    let s = samples();
    let uz = &s[2];
    let cash = uz
        .cash
        .as_ref()
        .expect("malika's cash is over 100 million UZS");
    assert_eq!(
        (cash.holdings[0].carrier, cash.holdings[0].owner),
        (0, Some(1))
    );
    assert_eq!(
        uz.goods
            .iter()
            .find(|g| g.kind == Kind::Plants)
            .map(|g| g.carrier),
        Some(0)
    );
    assert_eq!(uz.unaccompanied[0].description, "Rug");
    assert!(s[4]
        .notices
        .iter()
        .any(|n| n.id == "declare-notice-no-adult"));
    assert!(!s[3].complete, "FI excise on spirits is unknown");
}

/// Every id a message uses, nested terms included.
fn ids_of(m: &Message, out: &mut BTreeSet<String>) {
    out.insert(m.id.to_string());
    for (_, a) in &m.args {
        if let Arg::Term { id } = a {
            out.insert(id.to_string());
        }
    }
}

#[test]
fn text_lines_render_in_every_language() {
    let mut ids = BTreeSet::new();
    let mut rendered: Vec<[String; 3]> = Vec::new();
    for d in samples() {
        for m in d.text_lines() {
            ids_of(&m, &mut ids);
            let texts = Lang::ALL.map(|l| Catalogue::new(l).render(&m));
            for t in &texts {
                assert!(!t.contains('{') && !t.contains("declare-"), "{t}");
            }
            rendered.push(texts);
        }
    }
    for lang in Lang::ALL {
        let cat = Catalogue::new(lang);
        let missing: Vec<_> = ids.iter().filter(|id| !cat.has(id)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
    // Real translations, not copies of the English text.
    let title = &rendered[0];
    assert!(
        title[0].starts_with("Passenger declaration"),
        "{}",
        title[0]
    );
    assert!(
        title[1].starts_with("Yoʻlovchi deklaratsiyasi"),
        "{}",
        title[1]
    );
    assert!(
        title[2].starts_with("Пассажирская декларация"),
        "{}",
        title[2]
    );
    for id in [
        "declare-text-goods",
        "declare-text-unaccompanied",
        "declare-text-cash",
        "declare-text-permit",
        "declare-text-guardian-named",
        "declare-text-guardian-first-adult",
        "declare-verdict-red",
        "declare-verdict-green",
        "declare-notice-no-adult",
    ] {
        assert!(ids.contains(id), "{id} not exercised");
    }
}

#[test]
fn a_pack_restriction_is_validated_with_its_field() {
    let mut packs = PackSet::embedded().expect("embedded packs load");
    let pack = |restricted: &str| {
        format!(
            r#"{{"format":1,"id":"XF","name":"test","extends":"FI","currency":"EUR",
            "valid_from":"2026-01-01","restricted":[{restricted}]}}"#
        )
    };
    let e = packs
        .add(
            "xf.json",
            &pack(r#"{"hs_prefixes":["02","8x"],"permit":"veterinary","authority":"A","source":"tulli-foods","from":"2026-01-01","confidence":"confirmed"}"#),
        )
        .expect_err("a prefix of digits");
    assert_eq!(e.field, "restricted[0].hs_prefixes[1]");
    assert_eq!(e.message.id, "pack-error-hs-prefix");
    let e = packs
        .add(
            "xf.json",
            &pack(r#"{"permit":"licence","authority":"A","source":"tulli-foods","from":"2026-01-01","confidence":"confirmed"}"#),
        )
        .expect_err("matches nothing");
    assert_eq!(
        (e.field.as_str(), e.message.id.as_ref()),
        ("restricted[0].kinds", "pack-error-empty")
    );
    let e = packs
        .add(
            "xf.json",
            &pack(r#"{"kinds":["medicine"],"permit":"licence","authority":"A","source":"nowhere","from":"2026-01-01","confidence":"secondary"}"#),
        )
        .expect_err("an unknown source");
    assert_eq!(
        (e.field.as_str(), e.message.id.as_ref()),
        ("restricted[0].source", "pack-error-unknown-source")
    );
    let ok = packs
        .add(
            "xf.json",
            &pack(r#"{"kinds":["medicine"],"permit":"licence","authority":"A","source":"tulli-foods","from":"2026-01-01","confidence":"secondary"}"#),
        )
        .expect("a valid restriction");
    assert_eq!(
        ok.restricted.len(),
        1,
        "a pack's list replaces its parent's"
    );
    assert_eq!(ok.restricted[0].permit, Permit::Licence);
}
