//! Worked cases for KZ (EAEU), TR, AE, KR and AU, computed by hand from
//! `shared/reference/traveller-rules.md` and the packs in `shared/rules/`.
//!
//! Every expected amount below was worked out on paper first; the arithmetic is in the comment
//! above each assertion. Amounts are compared as exact decimal strings in the pack currency.

use std::sync::OnceLock;

use karvon_domain::assess::ItemResult;
use karvon_domain::{
    assess, parse_trip, Arg, Assessment, Channel, ItemStatus, NoticeCode, PackSet,
};
use rust_decimal::Decimal;

fn packs() -> &'static PackSet {
    static PACKS: OnceLock<PackSet> = OnceLock::new();
    PACKS.get_or_init(|| PackSet::embedded().expect("embedded packs load"))
}

fn run(json: &str) -> Assessment {
    let trip = parse_trip(json).unwrap_or_else(|e| panic!("trip does not parse: {e}"));
    assess(&trip, packs()).unwrap_or_else(|e| panic!("trip does not assess: {e}"))
}

fn item<'a>(a: &'a Assessment, description: &str) -> &'a ItemResult {
    a.items
        .iter()
        .find(|i| i.description == description)
        .unwrap_or_else(|| panic!("no item {description}"))
}

fn total_dutiable(a: &Assessment) -> Decimal {
    a.items.iter().map(|i| i.dutiable_value).sum()
}

/// Whether a `rule_unconfirmed` notice names this pack figure.
fn unconfirmed(a: &Assessment, figure: &str) -> bool {
    a.notices.iter().any(|n| {
        n.code == NoticeCode::RuleUnconfirmed
            && matches!(n.message.get("figure"), Some(Arg::Text { value }) if value == figure)
    })
}

/// Asserts the four tax totals and the total due as exact strings.
fn totals(a: &Assessment, duty: &str, vat: &str, excise: &str, total: &str) {
    assert_eq!(a.duty.to_string(), duty, "duty");
    assert_eq!(a.vat.to_string(), vat, "vat");
    assert_eq!(a.excise.to_string(), excise, "excise");
    assert_eq!(a.total_due.to_string(), total, "total_due");
}

// ---------------------------------------------------------------------------------------------
// Kazakhstan (EAEU). Pack currency KZT (2 decimals). Trip rates: 1 EUR = 500 KZT, 1 USD = 450 KZT.
// Road €500 = 250,000.00 KZT; air €10,000 = 5,000,000.00 KZT; 25 kg / 50 kg weight norms.
// Above the norms: a single payment of max(30 % of the value, €4 = 2,000 KZT per kg) on the
// part of the excess. Alcohol (18+): 3 L free, €10 = 5,000 KZT per litre over 3 L up to 5 L,
// over 5 L not allowed. Cash: declare at US$10,000 (= 4,500,000.00 KZT) or more.
// ---------------------------------------------------------------------------------------------

#[test]
fn kz_road_goods_over_500_euros_pay_30_percent_of_the_excess() {
    let a = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "road", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [{"description": "coat", "kind": "goods", "value": "600", "currency": "EUR", "weight_kg": "10"}],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    // Value 600 × 500 = 300,000.00 KZT; limit 500 × 500 = 250,000.00; 10 kg ≤ 25 kg.
    // Excess 300,000 − 250,000 = 50,000.00 KZT (1/6 of the coat).
    // 30 % × 50,000 = 15,000.00; €4/kg on 10 kg × 1/6 = 1.667 kg × 2,000 = 3,333.33.
    // Single payment max(15,000.00, 3,333.33) = 15,000.00.
    totals(&a, "15000.00", "0.00", "0.00", "15000.00");
    let coat = item(&a, "coat");
    assert_eq!(coat.status, ItemStatus::Dutiable);
    assert_eq!(coat.customs_value.unwrap().to_string(), "300000.00");
    assert_eq!(coat.dutiable_value.to_string(), "50000.00");
    assert_eq!(coat.duty.to_string(), "15000.00");
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Red);
    assert!(a.has_notice(NoticeCode::AllowanceExceeded));
}

#[test]
fn kz_air_allowance_is_10000_euros_and_only_the_excess_is_charged() {
    // Exactly €10,000 by air: 9,000 + 1,000 = 10,000 is not above the €10,000 norm.
    let at_limit = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "air", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [
            {"description": "laptop", "kind": "goods", "value": "9000", "currency": "EUR", "weight_kg": "3"},
            {"description": "camera", "kind": "goods", "value": "1000", "currency": "EUR", "weight_kg": "2"}
        ],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    totals(&at_limit, "0.00", "0.00", "0.00", "0.00");
    assert_eq!(at_limit.channel, Channel::Green);
    assert!(at_limit
        .items
        .iter()
        .all(|i| i.status == ItemStatus::Exempt));

    // The same by road: limit €500 = 250,000.00; value 5,000,000.00; 5 kg ≤ 25 kg.
    // Excess 4,750,000.00 × 30 % = 1,425,000.00 (the €4/kg floor is far lower for each item).
    let by_road = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "road", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [
            {"description": "laptop", "kind": "goods", "value": "9000", "currency": "EUR", "weight_kg": "3"},
            {"description": "camera", "kind": "goods", "value": "1000", "currency": "EUR", "weight_kg": "2"}
        ],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    assert_eq!(total_dutiable(&by_road).to_string(), "4750000.00");
    totals(&by_road, "1425000.00", "0.00", "0.00", "1425000.00");

    // Air, plus a €400 lens: €10,400 = 5,200,000.00 KZT; 6 kg ≤ 50 kg.
    // Excess 5,200,000 − 5,000,000 = 200,000.00 KZT; 30 % = 60,000.00. For every item 30 % of the
    // value beats €4/kg (laptop €2,700 vs €12, camera €300 vs €8, lens €120 vs €4), and a part of
    // an item is charged in proportion, so whichever part is dutiable the payment is 60,000.00.
    let over = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "air", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [
            {"description": "laptop", "kind": "goods", "value": "9000", "currency": "EUR", "weight_kg": "3"},
            {"description": "camera", "kind": "goods", "value": "1000", "currency": "EUR", "weight_kg": "2"},
            {"description": "lens", "kind": "goods", "value": "400", "currency": "EUR", "weight_kg": "1"}
        ],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    assert_eq!(total_dutiable(&over).to_string(), "200000.00");
    totals(&over, "60000.00", "0.00", "0.00", "60000.00");
    assert_eq!(over.channel, Channel::Red);
    assert!(over.complete);
}

#[test]
fn kz_weight_norm_of_25_kg_charges_the_per_kg_floor() {
    // €300 = 150,000.00 KZT is under the €500 norm, but 30 kg is over the 25 kg norm.
    // The excess is the overweight share of the value: 150,000 × (30 − 25) / 30 = 25,000.00 KZT
    // (1/6 of the tiles, i.e. 5 kg). 30 % × 25,000 = 7,500.00; €4/kg × 5 kg = €20 = 10,000.00.
    // Single payment max(7,500.00, 10,000.00) = 10,000.00.
    let a = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "road", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [{"description": "tiles", "kind": "goods", "value": "300", "currency": "EUR", "weight_kg": "30"}],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    totals(&a, "10000.00", "0.00", "0.00", "10000.00");
    let tiles = item(&a, "tiles");
    assert_eq!(tiles.status, ItemStatus::Dutiable);
    assert_eq!(tiles.dutiable_value.to_string(), "25000.00");
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Red);
    assert!(a.has_notice(NoticeCode::AllowanceExceeded));

    // 25 kg exactly and €300: within both norms.
    let ok = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "road", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [{"description": "tiles", "kind": "goods", "value": "300", "currency": "EUR", "weight_kg": "25"}],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    totals(&ok, "0.00", "0.00", "0.00", "0.00");
    assert_eq!(ok.channel, Channel::Green);
    assert!(!ok.has_notice(NoticeCode::AllowanceExceeded));

    // By air the norm is 50 kg: 30 kg and €300 are free.
    let air = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "air", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [{"description": "tiles", "kind": "goods", "value": "300", "currency": "EUR", "weight_kg": "30"}],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    totals(&air, "0.00", "0.00", "0.00", "0.00");
    assert_eq!(air.channel, Channel::Green);
}

#[test]
fn kz_weight_norm_excess_is_the_kilograms_over_25() {
    // Watch €100 (50,000.00 KZT, 1 kg) + tiles €50 (25,000.00 KZT, 29 kg), by road.
    // Value 75,000 ≤ 250,000; weight 30 kg > 25 kg: 5 kg are over the norm, and €4/kg on them is
    // at least €20 = 10,000.00 KZT whichever goods they are. The cheapest 5 kg are tiles
    // (a kilogram of tiles costs max(30 % × 862.07, 2,000) = 2,000; of the watch 15,000):
    // tiles 5/29 dutiable = 25,000 × 5/29 = 4,310.34 KZT; max(30 % × 4,310.34 = 1,293.10,
    // 2,000 × 5 = 10,000) = 10,000.00. The watch and 24 kg of tiles stay within the 25 kg.
    let a = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "road", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [
            {"description": "watch", "kind": "goods", "value": "100", "currency": "EUR", "weight_kg": "1"},
            {"description": "tiles", "kind": "goods", "value": "50", "currency": "EUR", "weight_kg": "29"}
        ],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    totals(&a, "10000.00", "0.00", "0.00", "10000.00");
    assert_eq!(item(&a, "watch").status, ItemStatus::Exempt);
    let tiles = item(&a, "tiles");
    assert_eq!(tiles.status, ItemStatus::Dutiable);
    assert_eq!(tiles.dutiable_value.to_string(), "4310.34");
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Red);
}

#[test]
fn kz_both_norms_exceeded_the_larger_charge_is_due() {
    // When both the value and the weight norm are exceeded, the charge is computed on each excess
    // and the larger is due (the engine's max(value excess, weight excess)).
    //
    // Laptop €600 (300,000.00 KZT, 1 kg) + tiles €50 (25,000.00, 29 kg), by road.
    // Value: 325,000 − 250,000 = 75,000 over, cheapest on the laptop: 30 % = 22,500.00.
    // Weight: 30 − 25 = 5 kg over, cheapest in tiles: max(30 % × 4,310.34, 2,000 × 5) = 10,000.00.
    // Due: 22,500.00.
    let value = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "road", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [
            {"description": "laptop", "kind": "goods", "value": "600", "currency": "EUR", "weight_kg": "1"},
            {"description": "tiles", "kind": "goods", "value": "50", "currency": "EUR", "weight_kg": "29"}
        ],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    totals(&value, "22500.00", "0.00", "0.00", "22500.00");
    assert_eq!(
        item(&value, "laptop").dutiable_value.to_string(),
        "75000.00"
    );
    assert_eq!(item(&value, "tiles").status, ItemStatus::Exempt);

    // Laptop €510 (255,000.00, 1 kg) + tiles €10 (5,000.00, 39 kg), by road.
    // Value: 260,000 − 250,000 = 10,000 over, on the laptop: 30 % = 3,000.00.
    // Weight: 40 − 25 = 15 kg over, in tiles: 5,000 × 15/39 = 1,923.08;
    // max(30 % × 1,923.08 = 576.92, 2,000 × 15 = 30,000) = 30,000.00. Due: 30,000.00.
    let weight = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "road", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [
            {"description": "laptop", "kind": "goods", "value": "510", "currency": "EUR", "weight_kg": "1"},
            {"description": "tiles", "kind": "goods", "value": "10", "currency": "EUR", "weight_kg": "39"}
        ],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    totals(&weight, "30000.00", "0.00", "0.00", "30000.00");
    assert_eq!(item(&weight, "tiles").dutiable_value.to_string(), "1923.08");
    assert_eq!(item(&weight, "laptop").status, ItemStatus::Exempt);
}

#[test]
fn kz_goods_without_weight_cannot_check_the_per_kg_floor() {
    // €600 by road: 30 % of the 50,000.00 KZT excess = 15,000.00 is known, but the €4/kg floor
    // needs a weight: the amount is a lower bound (complete = false).
    let a = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "road", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [{"description": "coat", "kind": "goods", "value": "600", "currency": "EUR"}],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    totals(&a, "15000.00", "0.00", "0.00", "15000.00");
    assert!(!a.complete);
    assert!(a.has_notice(NoticeCode::QuantityMissing));
    assert!(a.has_notice(NoticeCode::AmountIncomplete));
}

#[test]
fn kz_alcohol_three_litres_free_then_10_euros_per_litre_then_not_allowed() {
    let trip = |items: &str| {
        format!(
            r#"{{"jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "road", "days_abroad": 5,
                "travellers": [{{"id": "a", "age": 30}}], "items": [{items}],
                "rates": {{"EUR": "500", "USD": "450"}}}}"#
        )
    };
    // 3 L of wine: within the 3 L norm.
    let three = run(&trip(
        r#"{"description": "wine", "kind": "wine", "litres": "3", "value": "60", "currency": "EUR"}"#,
    ));
    totals(&three, "0.00", "0.00", "0.00", "0.00");
    assert_eq!(item(&three, "wine").status, ItemStatus::Exempt);
    assert_eq!(three.channel, Channel::Green);

    // 4 L of spirits (€100 = 50,000.00 KZT): 1 L over 3 L × €10 = €10 = 5,000.00 KZT.
    // A quarter of the bottle is over the norm: dutiable value 50,000 × 1/4 = 12,500.00.
    let four = run(&trip(
        r#"{"description": "vodka", "kind": "spirits", "litres": "4", "value": "100", "currency": "EUR"}"#,
    ));
    totals(&four, "5000.00", "0.00", "0.00", "5000.00");
    let vodka = item(&four, "vodka");
    assert_eq!(vodka.status, ItemStatus::Dutiable);
    assert_eq!(vodka.dutiable_value.to_string(), "12500.00");
    assert!(four.complete);
    assert_eq!(four.channel, Channel::Red);

    // 2 L spirits + 3 L wine = 5 L, at the cap: 2 L over × €10 = €20 = 10,000.00 KZT.
    let five = run(&trip(
        r#"{"description": "vodka", "kind": "spirits", "litres": "2", "value": "50", "currency": "EUR"},
           {"description": "wine", "kind": "wine", "litres": "3", "value": "60", "currency": "EUR"}"#,
    ));
    totals(&five, "10000.00", "0.00", "0.00", "10000.00");
    assert!(!five.has_notice(NoticeCode::NotAllowed));

    // 4 L spirits + 2 L wine = 6 L, over 5 L: neither may be imported; nothing is charged.
    let six = run(&trip(
        r#"{"description": "vodka", "kind": "spirits", "litres": "4", "value": "100", "currency": "EUR"},
           {"description": "wine", "kind": "wine", "litres": "2", "value": "40", "currency": "EUR"}"#,
    ));
    totals(&six, "0.00", "0.00", "0.00", "0.00");
    assert_eq!(item(&six, "vodka").status, ItemStatus::NotAllowed);
    assert_eq!(item(&six, "wine").status, ItemStatus::NotAllowed);
    assert!(six.has_notice(NoticeCode::NotAllowed));
    assert_eq!(six.channel, Channel::Red);
}

#[test]
fn kz_cash_of_10000_dollars_or_more_is_declared_per_traveller() {
    // US$10,000 × 450 = 4,500,000.00 KZT, equal to the threshold (also 4,500,000.00): declare.
    let at = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "air", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [{"description": "dollars", "kind": "cash", "value": "10000", "currency": "USD"}],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    assert_eq!(item(&at, "dollars").status, ItemStatus::DeclareOnly);
    assert!(at.has_notice(NoticeCode::CashDeclarationRequired));
    assert_eq!(at.channel, Channel::Red);
    totals(&at, "0.00", "0.00", "0.00", "0.00");

    // US$9,999.99 × 450 = 4,499,995.50 KZT < 4,500,000.00: nothing to declare.
    let below = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "air", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}],
        "items": [{"description": "dollars", "kind": "cash", "value": "9999.99", "currency": "USD"}],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    assert_eq!(
        item(&below, "dollars").customs_value.unwrap().to_string(),
        "4499995.50"
    );
    assert_eq!(item(&below, "dollars").status, ItemStatus::NotCounted);
    assert!(!below.has_notice(NoticeCode::CashDeclarationRequired));
    assert_eq!(below.channel, Channel::Green);

    // Two travellers with US$6,000 each (2,700,000.00 KZT): the threshold is per traveller.
    let two = run(r#"{
        "jurisdiction": "KZ", "arrival": "2026-05-01", "mode": "air", "days_abroad": 5,
        "travellers": [{"id": "a", "age": 30}, {"id": "b", "age": 28}],
        "items": [
            {"traveller": "a", "description": "dollars a", "kind": "cash", "value": "6000", "currency": "USD"},
            {"traveller": "b", "description": "dollars b", "kind": "cash", "value": "6000", "currency": "USD"}
        ],
        "rates": {"EUR": "500", "USD": "450"}
    }"#);
    assert!(!two.has_notice(NoticeCode::CashDeclarationRequired));
    assert_eq!(two.channel, Channel::Green);
}

// ---------------------------------------------------------------------------------------------
// Türkiye. Pack currency TRY (2 decimals). Trip rate: 1 EUR = 45 TRY.
// €430 = 19,350.00 TRY per passenger, €150 = 6,750.00 TRY under 15 (tier max_age 14).
// The excess rate is not known (duty "unknown"): amounts are incomplete, the channel is red.
// ---------------------------------------------------------------------------------------------

const TR_RATES: &str = r#""rates": {"EUR": "45"}"#;

#[test]
fn tr_adult_within_430_euros_is_green() {
    // €400 = 18,000.00 TRY ≤ 19,350.00.
    let a = run(&format!(
        r#"{{"jurisdiction": "TR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 7,
            "travellers": [{{"id": "a", "age": 35}}],
            "items": [{{"description": "bag", "kind": "goods", "value": "400", "currency": "EUR"}}],
            {TR_RATES}}}"#
    ));
    totals(&a, "0.00", "0.00", "0.00", "0.00");
    assert_eq!(item(&a, "bag").status, ItemStatus::Exempt);
    assert!(a.complete);
    assert!(!a.has_notice(NoticeCode::AmountIncomplete));
    assert_eq!(a.channel, Channel::Green);
    // The €430 / €300 conflict with the older text is flagged.
    assert!(unconfirmed(&a, "pack-notice-tr-conflict"));
}

#[test]
fn tr_adult_over_430_euros_has_an_unknown_duty() {
    // €500 = 22,500.00 TRY; excess 22,500 − 19,350 = 3,150.00 TRY at an unknown rate.
    let a = run(&format!(
        r#"{{"jurisdiction": "TR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 7,
            "travellers": [{{"id": "a", "age": 35}}],
            "items": [{{"description": "bag", "kind": "goods", "value": "500", "currency": "EUR"}}],
            {TR_RATES}}}"#
    ));
    let bag = item(&a, "bag");
    assert_eq!(bag.status, ItemStatus::Dutiable);
    assert_eq!(bag.customs_value.unwrap().to_string(), "22500.00");
    assert_eq!(bag.dutiable_value.to_string(), "3150.00");
    assert!(!bag.complete);
    // Nothing can be computed: 0.00 shown, flagged incomplete.
    totals(&a, "0.00", "0.00", "0.00", "0.00");
    assert!(!a.complete);
    assert!(a.has_notice(NoticeCode::AmountIncomplete));
    assert!(a.has_notice(NoticeCode::AllowanceExceeded));
    assert_eq!(a.channel, Channel::Red);
}

#[test]
fn tr_under_15_gets_150_euros() {
    // Age 14: tier max_age 14 → €150 = 6,750.00 TRY; €200 = 9,000.00 → excess 2,250.00.
    // Age 15: the €430 tier → 9,000.00 ≤ 19,350.00, exempt.
    let a = run(&format!(
        r#"{{"jurisdiction": "TR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 7,
            "travellers": [{{"id": "child", "age": 14}}, {{"id": "teen", "age": 15}}],
            "items": [
                {{"traveller": "child", "description": "toy", "kind": "goods", "value": "200", "currency": "EUR"}},
                {{"traveller": "teen", "description": "game", "kind": "goods", "value": "200", "currency": "EUR"}}
            ],
            {TR_RATES}}}"#
    ));
    let toy = item(&a, "toy");
    assert_eq!(toy.status, ItemStatus::Dutiable);
    assert_eq!(toy.dutiable_value.to_string(), "2250.00");
    let game = item(&a, "game");
    assert_eq!(game.status, ItemStatus::Exempt);
    assert_eq!(game.dutiable_value.to_string(), "0.00");
    let limits: Vec<String> = a
        .allowances
        .iter()
        .filter(|u| u.rule == "value_allowance")
        .map(|u| u.limit.to_string())
        .collect();
    assert_eq!(limits, ["6750.00", "19350.00"]);
    assert!(!a.complete);
    assert!(a.has_notice(NoticeCode::AmountIncomplete));
    assert_eq!(a.channel, Channel::Red);
}

#[test]
fn tr_consumables_have_their_own_allowances() {
    // 600 cigarettes, 1 L spirits over 22 %, 2 L wine, 600 ml perfume: each at its limit; none
    // counts in the €430. Plus €430 of goods exactly (19,350.00 TRY, not above the limit).
    let a = run(&format!(
        r#"{{"jurisdiction": "TR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 7,
            "travellers": [{{"id": "a", "age": 35}}],
            "items": [
                {{"description": "cigarettes", "kind": "cigarettes", "count": "600", "value": "40", "currency": "EUR"}},
                {{"description": "raki", "kind": "spirits", "litres": "1", "abv": "45", "value": "30", "currency": "EUR"}},
                {{"description": "wine", "kind": "wine", "litres": "2", "value": "20", "currency": "EUR"}},
                {{"description": "perfume", "kind": "perfume", "ml": "600", "value": "90", "currency": "EUR"}},
                {{"description": "shoes", "kind": "goods", "value": "430", "currency": "EUR"}}
            ],
            {TR_RATES}}}"#
    ));
    assert!(a.items.iter().all(|i| i.status == ItemStatus::Exempt));
    totals(&a, "0.00", "0.00", "0.00", "0.00");
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Green);

    // 800 cigarettes (€40 = 1,800.00 TRY): 200 over 600, a quarter → dutiable 450.00 TRY at an
    // unknown rate.
    let over = run(&format!(
        r#"{{"jurisdiction": "TR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 7,
            "travellers": [{{"id": "a", "age": 35}}],
            "items": [{{"description": "cigarettes", "kind": "cigarettes", "count": "800", "value": "40", "currency": "EUR"}}],
            {TR_RATES}}}"#
    ));
    let cig = item(&over, "cigarettes");
    assert_eq!(cig.status, ItemStatus::Dutiable);
    assert_eq!(cig.dutiable_value.to_string(), "450.00");
    assert!(!over.complete);
    assert!(over.has_notice(NoticeCode::AmountIncomplete));
    assert_eq!(over.channel, Channel::Red);
}

// ---------------------------------------------------------------------------------------------
// United Arab Emirates. Pack currency AED (2 decimals). Trip rate: 1 USD = 3.6725 AED.
// AED 3,000 per traveller; frequent visitors, traders and crew excluded. Cash: declare more than
// AED 60,000, counted over the party. Several figures are in conflict (cigarettes 400 vs 200,
// cash 60,000 vs 100,000): each use gives a rule_unconfirmed notice.
// ---------------------------------------------------------------------------------------------

#[test]
fn ae_within_3000_dirhams_is_green_but_flags_the_conflicts() {
    // 2,500 + perfume 400 = 2,900 ≤ 3,000. 400 cigarettes: at the (conflicting) 400 limit.
    let a = run(r#"{
        "jurisdiction": "AE", "arrival": "2026-05-01", "mode": "air", "days_abroad": 4,
        "travellers": [{"id": "a", "age": 40}],
        "items": [
            {"description": "watch", "kind": "goods", "value": "2500", "currency": "AED"},
            {"description": "oud", "kind": "perfume", "ml": "100", "value": "400", "currency": "AED"},
            {"description": "cigarettes", "kind": "cigarettes", "count": "400", "value": "300", "currency": "AED"}
        ],
        "rates": {"USD": "3.6725"}
    }"#);
    assert!(a.items.iter().all(|i| i.status == ItemStatus::Exempt));
    totals(&a, "0.00", "0.00", "0.00", "0.00");
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Green);
    assert!(unconfirmed(
        &a,
        "quantity_allowances.cigarettes.members.cigarettes.limit"
    ));
    assert!(unconfirmed(&a, "pack-notice-ae-conflict"));
}

#[test]
fn ae_over_3000_dirhams_has_an_unknown_duty() {
    // 3,500 − 3,000 = 500.00 AED dutiable at an unknown rate.
    let a = run(r#"{
        "jurisdiction": "AE", "arrival": "2026-05-01", "mode": "air", "days_abroad": 4,
        "travellers": [{"id": "a", "age": 40}],
        "items": [{"description": "watch", "kind": "goods", "value": "3500", "currency": "AED"}],
        "rates": {"USD": "3.6725"}
    }"#);
    assert_eq!(item(&a, "watch").status, ItemStatus::Dutiable);
    assert_eq!(item(&a, "watch").dutiable_value.to_string(), "500.00");
    totals(&a, "0.00", "0.00", "0.00", "0.00");
    assert!(!a.complete);
    assert!(a.has_notice(NoticeCode::AmountIncomplete));
    assert_eq!(a.channel, Channel::Red);
}

#[test]
fn ae_frequent_visitor_has_no_allowance() {
    // Excluded status: no tier applies, the limit is 0 and all 500.00 AED are dutiable.
    let a = run(r#"{
        "jurisdiction": "AE", "arrival": "2026-05-01", "mode": "road", "days_abroad": 1,
        "travellers": [{"id": "a", "age": 40, "statuses": ["frequent_visitor"]}],
        "items": [{"description": "shirt", "kind": "goods", "value": "500", "currency": "AED"}],
        "rates": {"USD": "3.6725"}
    }"#);
    assert!(a.has_notice(NoticeCode::NoAllowance));
    let shirt = item(&a, "shirt");
    assert_eq!(shirt.status, ItemStatus::Dutiable);
    assert_eq!(shirt.dutiable_value.to_string(), "500.00");
    let use_ = a
        .allowances
        .iter()
        .find(|u| u.rule == "value_allowance")
        .unwrap();
    assert_eq!(use_.limit, Decimal::ZERO);
    assert!(!a.complete);
    assert_eq!(a.channel, Channel::Red);
}

#[test]
fn ae_cash_of_the_party_is_added_up() {
    // 35,000 AED + US$7,000 × 3.6725 = 25,707.50 AED → 60,707.50 > 60,000: both declare.
    let a = run(r#"{
        "jurisdiction": "AE", "arrival": "2026-05-01", "mode": "air", "days_abroad": 4,
        "travellers": [{"id": "parent", "age": 40}, {"id": "child", "age": 12}],
        "items": [
            {"traveller": "parent", "description": "dirhams", "kind": "cash", "value": "35000", "currency": "AED"},
            {"traveller": "child", "description": "dollars", "kind": "cash", "value": "7000", "currency": "USD"}
        ],
        "rates": {"USD": "3.6725"}
    }"#);
    assert_eq!(
        item(&a, "dollars").customs_value.unwrap().to_string(),
        "25707.50"
    );
    assert_eq!(item(&a, "dirhams").status, ItemStatus::DeclareOnly);
    assert_eq!(item(&a, "dollars").status, ItemStatus::DeclareOnly);
    assert!(a.has_notice(NoticeCode::CashDeclarationRequired));
    assert!(unconfirmed(&a, "cash.threshold"));
    assert_eq!(a.channel, Channel::Red);
    totals(&a, "0.00", "0.00", "0.00", "0.00");

    // 30,000 + 30,000 = 60,000, not more than 60,000: nothing to declare.
    let at = run(r#"{
        "jurisdiction": "AE", "arrival": "2026-05-01", "mode": "air", "days_abroad": 4,
        "travellers": [{"id": "parent", "age": 40}, {"id": "child", "age": 12}],
        "items": [
            {"traveller": "parent", "description": "dirhams", "kind": "cash", "value": "30000", "currency": "AED"},
            {"traveller": "child", "description": "more dirhams", "kind": "cash", "value": "30000", "currency": "AED"}
        ],
        "rates": {"USD": "3.6725"}
    }"#);
    assert!(!at.has_notice(NoticeCode::CashDeclarationRequired));
    assert!(at.items.iter().all(|i| i.status == ItemStatus::NotCounted));
    assert_eq!(at.channel, Channel::Green);
}

#[test]
fn ae_under_18_has_no_alcohol_allowance() {
    // Age 17: the 4 L alcohol allowance needs 18; the 1 L of wine (80.00 AED) is dutiable in full.
    // Age 18: 4 L of wine is within the allowance.
    let a = run(r#"{
        "jurisdiction": "AE", "arrival": "2026-05-01", "mode": "air", "days_abroad": 4,
        "travellers": [{"id": "minor", "age": 17}, {"id": "adult", "age": 18}],
        "items": [
            {"traveller": "minor", "description": "wine 1", "kind": "wine", "litres": "1", "value": "80", "currency": "AED"},
            {"traveller": "adult", "description": "wine 4", "kind": "wine", "litres": "4", "value": "320", "currency": "AED"}
        ],
        "rates": {"USD": "3.6725"}
    }"#);
    assert_eq!(item(&a, "wine 1").status, ItemStatus::Dutiable);
    assert_eq!(item(&a, "wine 1").dutiable_value.to_string(), "80.00");
    assert_eq!(item(&a, "wine 4").status, ItemStatus::Exempt);
    assert!(!a.complete);
    assert_eq!(a.channel, Channel::Red);
}

// ---------------------------------------------------------------------------------------------
// Korea. Pack currency KRW (0 decimals). Trip rate: 1 USD = 1,400 KRW.
// US$800 = 1,120,000 KRW (excess); perfume 100 ml outside the US$800; alcohol 2 L;
// cash declared above US$10,000 = 14,000,000 KRW. Rates on the excess are unknown.
// ---------------------------------------------------------------------------------------------

#[test]
fn kr_within_800_dollars_is_green() {
    // $700 = 980,000 KRW ≤ 1,120,000; $800 of goods plus 100 ml perfume: perfume is apart.
    let a = run(r#"{
        "jurisdiction": "KR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 6,
        "travellers": [{"id": "a", "age": 33}, {"id": "b", "age": 31}],
        "items": [
            {"traveller": "a", "description": "jacket", "kind": "goods", "value": "700", "currency": "USD"},
            {"traveller": "b", "description": "bag", "kind": "goods", "value": "800", "currency": "USD"},
            {"traveller": "b", "description": "perfume", "kind": "perfume", "ml": "100", "value": "150", "currency": "USD"}
        ],
        "rates": {"USD": "1400"}
    }"#);
    assert!(a.items.iter().all(|i| i.status == ItemStatus::Exempt));
    totals(&a, "0", "0", "0", "0");
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Green);
    let used: Vec<String> = a
        .allowances
        .iter()
        .filter(|u| u.rule == "value_allowance")
        .map(|u| format!("{}/{}", u.used, u.limit))
        .collect();
    assert_eq!(used, ["980000/1120000", "1120000/1120000"]);
}

#[test]
fn kr_over_800_dollars_only_the_excess_is_dutiable() {
    // $600 + $300 = $900 = 1,260,000 KRW; excess 1,260,000 − 1,120,000 = 140,000 KRW.
    let a = run(r#"{
        "jurisdiction": "KR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 6,
        "travellers": [{"id": "a", "age": 33}],
        "items": [
            {"description": "coat", "kind": "goods", "value": "600", "currency": "USD"},
            {"description": "shoes", "kind": "goods", "value": "300", "currency": "USD"}
        ],
        "rates": {"USD": "1400"}
    }"#);
    assert_eq!(total_dutiable(&a).to_string(), "140000");
    totals(&a, "0", "0", "0", "0");
    assert!(!a.complete);
    assert!(a.has_notice(NoticeCode::AmountIncomplete));
    assert!(a.has_notice(NoticeCode::AllowanceExceeded));
    assert_eq!(a.channel, Channel::Red);
}

#[test]
fn kr_perfume_allowance_is_100_ml() {
    // 150 ml ($150 = 210,000 KRW): 50 ml over 100 ml, a third → dutiable 70,000 KRW.
    let a = run(r#"{
        "jurisdiction": "KR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 6,
        "travellers": [{"id": "a", "age": 33}],
        "items": [{"description": "perfume", "kind": "perfume", "ml": "150", "value": "150", "currency": "USD"}],
        "rates": {"USD": "1400"}
    }"#);
    let p = item(&a, "perfume");
    assert_eq!(p.status, ItemStatus::Dutiable);
    assert_eq!(p.customs_value.unwrap().to_string(), "210000");
    assert_eq!(p.dutiable_value.to_string(), "70000");
    assert!(!a.complete);
    assert_eq!(a.channel, Channel::Red);

    // 100 ml exactly: free.
    let ok = run(r#"{
        "jurisdiction": "KR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 6,
        "travellers": [{"id": "a", "age": 33}],
        "items": [{"description": "perfume", "kind": "perfume", "ml": "100", "value": "150", "currency": "USD"}],
        "rates": {"USD": "1400"}
    }"#);
    assert_eq!(item(&ok, "perfume").status, ItemStatus::Exempt);
    assert_eq!(ok.channel, Channel::Green);
}

#[test]
fn kr_alcohol_two_litres_and_cash_above_10000_dollars() {
    // Wine 3 L ($60 = 84,000 KRW): 1 L over 2 L → a third dutiable = 28,000 KRW.
    // Cash $10,000 = 14,000,000 KRW is not above the threshold; $10,000.01 = 14,000,014 is.
    let a = run(r#"{
        "jurisdiction": "KR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 6,
        "travellers": [{"id": "a", "age": 33}, {"id": "b", "age": 30}],
        "items": [
            {"traveller": "a", "description": "wine", "kind": "wine", "litres": "3", "value": "60", "currency": "USD"},
            {"traveller": "a", "description": "cash a", "kind": "cash", "value": "10000", "currency": "USD"},
            {"traveller": "b", "description": "cash b", "kind": "cash", "value": "10000.01", "currency": "USD"}
        ],
        "rates": {"USD": "1400"}
    }"#);
    assert_eq!(item(&a, "wine").dutiable_value.to_string(), "28000");
    assert_eq!(item(&a, "cash a").status, ItemStatus::NotCounted);
    assert_eq!(item(&a, "cash b").status, ItemStatus::DeclareOnly);
    assert_eq!(
        item(&a, "cash b").customs_value.unwrap().to_string(),
        "14000014"
    );
    assert!(a.has_notice(NoticeCode::CashDeclarationRequired));
    assert_eq!(a.channel, Channel::Red);

    // 2 L of wine alone: free and green.
    let ok = run(r#"{
        "jurisdiction": "KR", "arrival": "2026-05-01", "mode": "air", "days_abroad": 6,
        "travellers": [{"id": "a", "age": 33}],
        "items": [{"description": "wine", "kind": "wine", "litres": "2", "value": "60", "currency": "USD"}],
        "rates": {"USD": "1400"}
    }"#);
    assert_eq!(item(&ok, "wine").status, ItemStatus::Exempt);
    assert_eq!(ok.channel, Channel::Green);
}

// ---------------------------------------------------------------------------------------------
// Australia. Pack currency AUD (2 decimals). AUD 900 (18+) / AUD 450 (under 18), whole
// category: over it, every counted item is dutiable in full. Families may pool the goods
// allowance; alcohol (2.25 L, whole category, 18+) is not pooled. Rates are unknown.
// ---------------------------------------------------------------------------------------------

#[test]
fn au_over_900_makes_every_item_dutiable() {
    // 800 + 200 = 1,000 > 900: both items dutiable in full (800.00 and 200.00).
    let a = run(r#"{
        "jurisdiction": "AU", "arrival": "2026-05-01", "mode": "air", "days_abroad": 10,
        "travellers": [{"id": "a", "age": 45}],
        "items": [
            {"description": "camera", "kind": "goods", "value": "800", "currency": "AUD"},
            {"description": "hat", "kind": "goods", "value": "200", "currency": "AUD"}
        ]
    }"#);
    assert_eq!(item(&a, "camera").status, ItemStatus::Dutiable);
    assert_eq!(item(&a, "camera").dutiable_value.to_string(), "800.00");
    assert_eq!(item(&a, "hat").status, ItemStatus::Dutiable);
    assert_eq!(item(&a, "hat").dutiable_value.to_string(), "200.00");
    assert!(!a.complete);
    assert!(a.has_notice(NoticeCode::AmountIncomplete));
    assert_eq!(a.channel, Channel::Red);

    // 700 + 200 = 900, not above 900: free.
    let ok = run(r#"{
        "jurisdiction": "AU", "arrival": "2026-05-01", "mode": "air", "days_abroad": 10,
        "travellers": [{"id": "a", "age": 45}],
        "items": [
            {"description": "camera", "kind": "goods", "value": "700", "currency": "AUD"},
            {"description": "hat", "kind": "goods", "value": "200", "currency": "AUD"}
        ]
    }"#);
    assert!(ok.items.iter().all(|i| i.status == ItemStatus::Exempt));
    totals(&ok, "0.00", "0.00", "0.00", "0.00");
    assert!(ok.complete);
    assert_eq!(ok.channel, Channel::Green);
}

#[test]
fn au_under_18_gets_450() {
    // Age 17: AUD 450; US$300 × 1.5 = 450.00 AUD is at the limit, free.
    // Age 17 with 451: dutiable in full. Age 18: the AUD 900 tier, 451 is free.
    let a = run(r#"{
        "jurisdiction": "AU", "arrival": "2026-05-01", "mode": "air", "days_abroad": 10,
        "travellers": [{"id": "p", "age": 17}, {"id": "q", "age": 17}, {"id": "r", "age": 18}],
        "items": [
            {"traveller": "p", "description": "console", "kind": "goods", "value": "300", "currency": "USD"},
            {"traveller": "q", "description": "guitar", "kind": "goods", "value": "451", "currency": "AUD"},
            {"traveller": "r", "description": "drone", "kind": "goods", "value": "451", "currency": "AUD"}
        ],
        "rates": {"USD": "1.5"}
    }"#);
    assert_eq!(
        item(&a, "console").customs_value.unwrap().to_string(),
        "450.00"
    );
    assert_eq!(item(&a, "console").status, ItemStatus::Exempt);
    assert_eq!(item(&a, "guitar").status, ItemStatus::Dutiable);
    assert_eq!(item(&a, "guitar").dutiable_value.to_string(), "451.00");
    assert_eq!(item(&a, "drone").status, ItemStatus::Exempt);
    let limits: Vec<String> = a
        .allowances
        .iter()
        .filter(|u| u.rule == "value_allowance")
        .map(|u| u.limit.to_string())
        .collect();
    assert_eq!(limits, ["450", "450", "900"]);
}

#[test]
fn au_family_pools_the_goods_allowance() {
    let trip = |joint: bool, child_value: &str| {
        format!(
            r#"{{"jurisdiction": "AU", "arrival": "2026-05-01", "mode": "air", "days_abroad": 10,
                "travellers": [{{"id": "mum", "age": 40}}, {{"id": "dad", "age": 42}}, {{"id": "kid", "age": 10}}],
                "items": [
                    {{"traveller": "mum", "description": "laptop", "kind": "goods", "value": "1500", "currency": "AUD"}},
                    {{"traveller": "dad", "description": "boots", "kind": "goods", "value": "500", "currency": "AUD"}},
                    {{"traveller": "kid", "description": "toy", "kind": "goods", "value": "{child_value}", "currency": "AUD"}}
                ],
                "joint_declaration": {joint}}}"#
        )
    };
    // Pooled: 900 + 900 + 450 = 2,250 ≥ 1,500 + 500 + 200 = 2,200: everything free.
    let pooled = run(&trip(true, "200"));
    assert!(pooled.has_notice(NoticeCode::PoolingApplied));
    assert!(pooled.items.iter().all(|i| i.status == ItemStatus::Exempt));
    assert_eq!(pooled.channel, Channel::Green);
    let use_: Vec<_> = pooled
        .allowances
        .iter()
        .filter(|u| u.rule == "value_allowance")
        .collect();
    assert_eq!(use_.len(), 1);
    assert_eq!(use_[0].travellers, ["mum", "dad", "kid"]);
    assert_eq!(use_[0].used.to_string(), "2200");
    assert_eq!(use_[0].limit.to_string(), "2250");

    // Not pooled: mum's 1,500 > 900 is dutiable in full; dad (500) and the kid (200) are free.
    let single = run(&trip(false, "200"));
    assert!(!single.has_notice(NoticeCode::PoolingApplied));
    assert_eq!(item(&single, "laptop").status, ItemStatus::Dutiable);
    assert_eq!(
        item(&single, "laptop").dutiable_value.to_string(),
        "1500.00"
    );
    assert_eq!(item(&single, "boots").status, ItemStatus::Exempt);
    assert_eq!(item(&single, "toy").status, ItemStatus::Exempt);

    // Pooled but 1,500 + 500 + 300 = 2,300 > 2,250: the whole household's goods are dutiable.
    let over = run(&trip(true, "300"));
    assert!(over.has_notice(NoticeCode::PoolingApplied));
    assert!(over.items.iter().all(|i| i.status == ItemStatus::Dutiable));
    assert_eq!(total_dutiable(&over).to_string(), "2300.00");
    assert_eq!(over.channel, Channel::Red);
}

#[test]
fn au_alcohol_is_whole_category_and_not_pooled() {
    // 1.5 L wine + 1 L spirits = 2.5 L > 2.25 L: both dutiable in full (60.00 and 50.00).
    let a = run(r#"{
        "jurisdiction": "AU", "arrival": "2026-05-01", "mode": "air", "days_abroad": 10,
        "travellers": [{"id": "a", "age": 45}, {"id": "b", "age": 44}],
        "items": [
            {"traveller": "a", "description": "wine", "kind": "wine", "litres": "1.5", "value": "60", "currency": "AUD"},
            {"traveller": "a", "description": "gin", "kind": "spirits", "litres": "1", "value": "50", "currency": "AUD"}
        ],
        "joint_declaration": true
    }"#);
    // b carries no alcohol, but the 2.25 L is personal: a's 2.5 L is still over.
    assert_eq!(item(&a, "wine").status, ItemStatus::Dutiable);
    assert_eq!(item(&a, "wine").dutiable_value.to_string(), "60.00");
    assert_eq!(item(&a, "gin").status, ItemStatus::Dutiable);
    assert_eq!(item(&a, "gin").dutiable_value.to_string(), "50.00");
    assert!(!a.complete);
    assert_eq!(a.channel, Channel::Red);

    // 2.25 L exactly: free.
    let ok = run(r#"{
        "jurisdiction": "AU", "arrival": "2026-05-01", "mode": "air", "days_abroad": 10,
        "travellers": [{"id": "a", "age": 45}],
        "items": [{"description": "wine", "kind": "wine", "litres": "2.25", "value": "90", "currency": "AUD"}]
    }"#);
    assert_eq!(item(&ok, "wine").status, ItemStatus::Exempt);
    assert_eq!(ok.channel, Channel::Green);
    assert!(ok.complete);
}
