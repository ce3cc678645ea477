//! Worked cases for UZ, FI, GB, US, JP and SG, each computed by hand from
//! `/work/shared/reference/traveller-rules.md` and the pack in `shared/rules/*.json`.
//!
//! Conventions used in the arithmetic comments:
//! - conversions are rounded half-up to the pack currency's minor units (UZS 2, EUR 2, GBP 2,
//!   USD 2, JPY 0, SGD 2);
//! - each tax total (duty, VAT, excise) is rounded half-up to minor units at the end, and lines
//!   are apportioned from that total;
//! - VAT base = dutiable value + duty + excise.

use std::collections::BTreeSet;

use karvon_domain::assess::ItemResult;
use karvon_domain::{assess, parse_trip, Assessment, Channel, ItemStatus, NoticeCode, PackSet};

use ItemStatus::{DeclareOnly, Dutiable, Exempt, NotAllowed, NotCounted};
use NoticeCode::{
    AllowanceExceeded, AmountIncomplete, CashDeclarationRequired, Jurisdiction, MinStayNotMet,
    MustDeclareItem, NoAllowance, NotAllowedForAge, OfficerDecides, PoolingApplied, PoolingRefused,
    QuantityMissing, RateEstimated, RuleUnconfirmed,
};

fn run(json: &str) -> Assessment {
    let trip = parse_trip(json).unwrap_or_else(|e| panic!("trip does not parse: {e:?}\n{json}"));
    let packs = PackSet::embedded().expect("embedded packs load");
    assess(&trip, &packs).unwrap_or_else(|e| panic!("trip not assessable: {e:?}"))
}

/// A trip with one or more travellers, as JSON text.
fn trip(
    jurisdiction: &str,
    mode: &str,
    days: u32,
    travellers: &str,
    items: &str,
    rates: &str,
) -> String {
    format!(
        r#"{{"jurisdiction":"{jurisdiction}","arrival":"2026-05-10","mode":"{mode}","days_abroad":{days},
            "travellers":[{travellers}],"items":[{items}],"rates":{{{rates}}}}}"#
    )
}

/// A trip with one adult resident traveller `t`.
fn solo(jurisdiction: &str, mode: &str, days: u32, items: &str, rates: &str) -> Assessment {
    run(&trip(
        jurisdiction,
        mode,
        days,
        r#"{"id":"t","age":35}"#,
        items,
        rates,
    ))
}

fn codes(a: &Assessment) -> BTreeSet<NoticeCode> {
    a.notices.iter().map(|n| n.code).collect()
}

fn set(list: &[NoticeCode]) -> BTreeSet<NoticeCode> {
    list.iter().copied().collect()
}

fn count(a: &Assessment, code: NoticeCode) -> usize {
    a.notices.iter().filter(|n| n.code == code).count()
}

fn statuses(a: &Assessment) -> Vec<ItemStatus> {
    a.items.iter().map(|i| i.status).collect()
}

/// (duty, vat, excise, total_due) as strings.
fn totals(a: &Assessment) -> (String, String, String, String) {
    (
        a.duty.to_string(),
        a.vat.to_string(),
        a.excise.to_string(),
        a.total_due.to_string(),
    )
}

fn t4(d: &str, v: &str, e: &str, t: &str) -> (String, String, String, String) {
    (d.into(), v.into(), e.into(), t.into())
}

/// (status, dutiable_value, duty, vat) of one line, as strings.
fn line(i: &ItemResult) -> (ItemStatus, String, String, String) {
    (
        i.status,
        i.dutiable_value.to_string(),
        i.duty.to_string(),
        i.vat.to_string(),
    )
}

fn l4(s: ItemStatus, dv: &str, d: &str, v: &str) -> (ItemStatus, String, String, String) {
    (s, dv.into(), d.into(), v.into())
}

// ---------------------------------------------------------------------------------------------
// Uzbekistan (UZS; rate used throughout: 1 USD = 12,500 UZS)
// Single customs payment (ETP) = max(30 % of value, US$3 = 37,500 UZS per kg) on the excess.
// ---------------------------------------------------------------------------------------------

const UZ_RATES: &str = r#""USD":"12500""#;

#[test]
fn uz_air_excess_only_etp_30_percent() {
    let a = solo(
        "UZ",
        "air",
        5,
        r#"{"description":"laptop","kind":"goods","value":"1400","currency":"USD","weight_kg":"2"}"#,
        UZ_RATES,
    );
    // 1,400 USD x 12,500 = 17,500,000.00 UZS; air allowance 1,000 USD = 12,500,000.00 UZS.
    // Excess only: 17,500,000 - 12,500,000 = 5,000,000.00 dutiable (fraction 5/17.5 = 2/7).
    // ETP = max(30 % x 5,000,000 = 1,500,000 ; 2 kg x 2/7 x 37,500 = 21,428.57) = 1,500,000.00.
    assert_eq!(a.jurisdiction, "UZ");
    assert_eq!(a.items[0].customs_value.unwrap().to_string(), "17500000.00");
    assert_eq!(
        line(&a.items[0]),
        l4(Dutiable, "5000000.00", "1500000.00", "0.00")
    );
    assert_eq!(totals(&a), t4("1500000.00", "0.00", "0.00", "1500000.00"));
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Red);
    // The 3-day stay gate (conflicting start date) and the 30 % (unconfirmed) are flagged.
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, RuleUnconfirmed, Jurisdiction])
    );

    // Same laptop without a weight: the US$3/kg minimum cannot be checked, so the 30 % amount
    // (1,500,000.00) is shown but marked incomplete.
    let b = solo(
        "UZ",
        "air",
        5,
        r#"{"description":"laptop","kind":"goods","value":"1400","currency":"USD"}"#,
        UZ_RATES,
    );
    assert_eq!(b.total_due.to_string(), "1500000.00");
    assert!(!b.complete);
    assert!(b.has_notice(QuantityMissing));
    assert!(b.has_notice(AmountIncomplete));
}

#[test]
fn uz_per_kg_minimum_wins_on_the_excess() {
    let a = solo(
        "UZ",
        "road",
        4,
        r#"{"description":"cast-iron cookware","kind":"goods","value":"400","currency":"USD","weight_kg":"50"}"#,
        UZ_RATES,
    );
    // 400 USD = 5,000,000.00 UZS; road allowance 300 USD = 3,750,000.00 (stay 4 >= 2 days).
    // Excess 1,250,000.00 = 1/4 of the item.
    // ETP = max(30 % x 1,250,000 = 375,000 ; 50 kg x 1/4 x 37,500 = 468,750) = 468,750.00.
    assert_eq!(
        line(&a.items[0]),
        l4(Dutiable, "1250000.00", "468750.00", "0.00")
    );
    assert_eq!(a.total_due.to_string(), "468750.00");
    assert_eq!(a.channel, Channel::Red);
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, RuleUnconfirmed, Jurisdiction])
    );
}

#[test]
fn uz_air_minimum_stay_not_met_charges_full_value() {
    let items = r#"{"description":"watch","kind":"goods","value":"200","currency":"USD","weight_kg":"0.5"}"#;
    let a = solo("UZ", "air", 2, items, UZ_RATES);
    // Air, 2 days abroad < 3: no allowance at all; ETP on the full value.
    // 200 USD = 2,500,000.00 UZS; max(30 % = 750,000 ; 0.5 kg x 37,500 = 18,750) = 750,000.00.
    assert_eq!(
        line(&a.items[0]),
        l4(Dutiable, "2500000.00", "750000.00", "0.00")
    );
    assert_eq!(a.total_due.to_string(), "750000.00");
    assert_eq!(a.channel, Channel::Red);
    assert_eq!(
        codes(&a),
        set(&[
            AllowanceExceeded,
            MinStayNotMet,
            RuleUnconfirmed,
            Jurisdiction
        ])
    );

    // 3 days abroad meets the gate: 2,500,000 <= 12,500,000 allowance -> exempt, green.
    let b = solo("UZ", "air", 3, items, UZ_RATES);
    assert_eq!(statuses(&b), vec![Exempt]);
    assert_eq!(b.total_due.to_string(), "0.00");
    assert_eq!(b.channel, Channel::Green);
    assert_eq!(codes(&b), set(&[RuleUnconfirmed, Jurisdiction]));
}

#[test]
fn uz_rail_500_dollar_tier() {
    let items = r#"{"description":"coat","kind":"goods","value":"450","currency":"USD","weight_kg":"1"},
                   {"description":"scarf","kind":"goods","value":"150","currency":"USD","weight_kg":"1"}"#;
    let a = solo("UZ", "rail", 3, items, UZ_RATES);
    // Rail allowance 500 USD = 6,250,000.00 UZS (stay 3 >= 2 days).
    // Coat 5,625,000.00 + scarf 1,875,000.00 = 7,500,000.00; excess 1,250,000.00.
    // Both cost 30 % per unit of value, so the exemption order is canonical (smaller first):
    // scarf fully exempt, coat exempt 4,375,000 and dutiable 1,250,000.
    // ETP coat = max(30 % x 1,250,000 = 375,000 ; 1 kg x 2/9 x 37,500 = 8,333.33) = 375,000.00.
    assert_eq!(
        line(&a.items[0]),
        l4(Dutiable, "1250000.00", "375000.00", "0.00")
    );
    assert_eq!(line(&a.items[1]), l4(Exempt, "0.00", "0.00", "0.00"));
    assert_eq!(a.total_due.to_string(), "375000.00");
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, RuleUnconfirmed, Jurisdiction])
    );

    // By air (3 days >= 3) the same 600 USD fit the 1,000 USD allowance: nothing to pay.
    let b = solo("UZ", "air", 3, items, UZ_RATES);
    assert_eq!(statuses(&b), vec![Exempt, Exempt]);
    assert_eq!(b.total_due.to_string(), "0.00");
    assert_eq!(b.channel, Channel::Green);
}

#[test]
fn uz_phones_must_be_declared_third_phone_dutiable() {
    let two = r#"{"description":"phone A","kind":"phone","value":"800","currency":"USD","weight_kg":"0.2"},
                 {"description":"phone B","kind":"phone","value":"600","currency":"USD","weight_kg":"0.2"}"#;
    let a = solo("UZ", "air", 5, two, UZ_RATES);
    // Two phones = the 2-phone allowance: nothing to pay, but phones must always be declared.
    assert_eq!(statuses(&a), vec![DeclareOnly, DeclareOnly]);
    assert_eq!(a.total_due.to_string(), "0.00");
    assert_eq!(a.channel, Channel::Red);
    assert_eq!(count(&a, MustDeclareItem), 2);
    assert_eq!(
        codes(&a),
        set(&[MustDeclareItem, RuleUnconfirmed, Jurisdiction])
    );

    let three = format!(
        r#"{two},
        {{"description":"phone C","kind":"phone","value":"400","currency":"USD","weight_kg":"0.2"}}"#
    );
    let b = solo("UZ", "air", 5, &three, UZ_RATES);
    // Three phones, limit 2: the two dearer phones (10,000,000 and 7,500,000 UZS) use the
    // allowance, the cheapest one is dutiable in full (favourable to the traveller):
    // phone C 400 USD = 5,000,000.00; max(30 % = 1,500,000 ; 0.2 kg x 37,500 = 7,500) = 1,500,000.00.
    // Phones are not in UZ's value allowance (counts: goods, food, plants, animal products).
    assert_eq!(statuses(&b), vec![DeclareOnly, DeclareOnly, Dutiable]);
    assert_eq!(
        line(&b.items[2]),
        l4(Dutiable, "5000000.00", "1500000.00", "0.00")
    );
    assert_eq!(b.total_due.to_string(), "1500000.00");
    assert_eq!(count(&b, MustDeclareItem), 3);
    assert_eq!(
        codes(&b),
        set(&[
            MustDeclareItem,
            AllowanceExceeded,
            RuleUnconfirmed,
            Jurisdiction
        ])
    );
}

#[test]
fn uz_cash_over_100_million_sum() {
    let over = solo(
        "UZ",
        "air",
        5,
        r#"{"description":"cash","kind":"cash","value":"8001","currency":"USD"}"#,
        UZ_RATES,
    );
    // 8,001 USD x 12,500 = 100,012,500.00 UZS > 100,000,000 (more_than) -> declare.
    assert_eq!(statuses(&over), vec![DeclareOnly]);
    assert_eq!(over.total_due.to_string(), "0.00");
    assert_eq!(over.channel, Channel::Red);
    assert_eq!(
        codes(&over),
        set(&[CashDeclarationRequired, RuleUnconfirmed, Jurisdiction])
    );

    let at = solo(
        "UZ",
        "air",
        5,
        r#"{"description":"cash","kind":"cash","value":"8000","currency":"USD"}"#,
        UZ_RATES,
    );
    // 8,000 USD = exactly 100,000,000.00 UZS: not more than the threshold -> nothing to declare.
    assert_eq!(statuses(&at), vec![NotCounted]);
    assert_eq!(at.channel, Channel::Green);
    assert!(!at.has_notice(CashDeclarationRequired));
}

// ---------------------------------------------------------------------------------------------
// Finland (EUR; EU baseline + FI): €430 air/sea, €300 other, indivisible; flat duty 2.5 % while
// the dutiable goods total <= €700; VAT 25.5 % on value + duty (+ excise).
// ---------------------------------------------------------------------------------------------

fn eur(desc: &str, value: &str) -> String {
    format!(r#"{{"description":"{desc}","kind":"goods","value":"{value}","currency":"EUR"}}"#)
}

#[test]
fn fi_air_430_least_cost_indivisible_allocation() {
    let items = [eur("jacket", "300"), eur("boots", "200"), eur("bag", "130")].join(",");
    let a = solo("FI", "air", 5, &items, "");
    // 630 > 430. Whole items only; 300 + 130 = 430 fills the allowance exactly and leaves 200
    // taxed (greedy 300 + ... would tax 330). Boots 200: duty 2.5 % = 5.00;
    // VAT (200 + 5) x 25.5 % = 52.275 -> 52.28. Total 57.28.
    assert_eq!(line(&a.items[0]), l4(Exempt, "0.00", "0.00", "0.00"));
    assert_eq!(line(&a.items[1]), l4(Dutiable, "200.00", "5.00", "52.28"));
    assert_eq!(line(&a.items[2]), l4(Exempt, "0.00", "0.00", "0.00"));
    assert_eq!(totals(&a), t4("5.00", "52.28", "0.00", "57.28"));
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Red);
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, OfficerDecides, Jurisdiction])
    );
    // Two pack notices: the flat-rate choice and the wrong-lane warning.
    assert_eq!(count(&a, Jurisdiction), 2);
}

#[test]
fn fi_road_300_tier() {
    let items = [eur("camera", "250"), eur("lens cap set", "100")].join(",");
    let a = solo("FI", "road", 2, &items, "");
    // Road: €300. 250 + 100 = 350 does not fit; exempt 250, tax 100 (exempting 100 would tax 250).
    // Duty 2.5 % x 100 = 2.50; VAT (100 + 2.50) x 25.5 % = 26.1375 -> 26.14. Total 28.64.
    assert_eq!(line(&a.items[0]), l4(Exempt, "0.00", "0.00", "0.00"));
    assert_eq!(line(&a.items[1]), l4(Dutiable, "100.00", "2.50", "26.14"));
    assert_eq!(totals(&a), t4("2.50", "26.14", "0.00", "28.64"));
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, OfficerDecides, Jurisdiction])
    );

    // By air the same 350 fits under €430.
    let b = solo("FI", "air", 2, &items, "");
    assert_eq!(statuses(&b), vec![Exempt, Exempt]);
    assert_eq!(b.total_due.to_string(), "0.00");
    assert_eq!(b.channel, Channel::Green);
}

#[test]
fn fi_item_over_the_allowance_is_taxed_in_full() {
    let items = [eur("watch", "500"), eur("book", "100")].join(",");
    let a = solo("FI", "air", 5, &items, "");
    // The €500 watch alone exceeds €430: no part of it is exempt (an item is not split).
    // Book 100 fits -> exempt. Watch: duty 2.5 % x 500 = 12.50;
    // VAT (500 + 12.50) x 25.5 % = 130.6875 -> 130.69. Total 143.19.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "500.00", "12.50", "130.69"));
    assert_eq!(line(&a.items[1]), l4(Exempt, "0.00", "0.00", "0.00"));
    assert_eq!(totals(&a), t4("12.50", "130.69", "0.00", "143.19"));
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, OfficerDecides, Jurisdiction])
    );
}

#[test]
fn fi_purchase_date_rate_wins_over_the_trip_rate() {
    // The watch was bought when 1 USD = 0.90 EUR; the trip-wide rate is 0.80.
    let items = [
        r#"{"traveller":"t","description":"watch","kind":"goods","value":"600","currency":"USD","rate":"0.90"}"#,
        r#"{"traveller":"t","description":"book","kind":"goods","value":"100","currency":"USD"}"#,
    ]
    .join(",");
    let a = solo("FI", "air", 5, &items, r#""USD":"0.80""#);
    // Watch 600 x 0.90 = 540.00 EUR (over €430 alone); book 100 x 0.80 = 80.00 fits -> exempt.
    // Watch: duty 2.5 % x 540 = 13.50; VAT (540 + 13.50) x 25.5 % = 141.1425 -> 141.14.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "540.00", "13.50", "141.14"));
    assert_eq!(line(&a.items[1]), l4(Exempt, "0.00", "0.00", "0.00"));
    assert_eq!(totals(&a), t4("13.50", "141.14", "0.00", "154.64"));
}

#[test]
fn fi_flat_rate_exceeded_above_700() {
    let items = format!(
        r#"{{"description":"coat","kind":"goods","value":"750","currency":"EUR","duty_rate":"12"}},
           {},{}"#,
        eur("camera", "500"),
        eur("scarf", "100")
    );
    let a = solo("FI", "air", 5, &items, "");
    // Only the scarf (100) fits under €430 -> exempt. Dutiable total 750 + 500 = 1,250 > 700:
    // no flat rate, tariff rates instead.
    // Coat: own rate 12 % x 750 = 90.00; VAT (750 + 90) x 25.5 % = 214.20.
    // Camera: no rate given -> estimated at 2.5 % x 500 = 12.50 (rate_estimated);
    //         VAT (500 + 12.50) x 25.5 % = 130.6875.
    // Duty 102.50; VAT 214.20 + 130.6875 = 344.8875 -> 344.89
    // (camera's line gets the leftover cent: 130.69). Total 447.39.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "750.00", "90.00", "214.20"));
    assert_eq!(line(&a.items[1]), l4(Dutiable, "500.00", "12.50", "130.69"));
    assert_eq!(line(&a.items[2]), l4(Exempt, "0.00", "0.00", "0.00"));
    assert_eq!(totals(&a), t4("102.50", "344.89", "0.00", "447.39"));
    assert!(a.complete);
    // The estimate concerns the camera only (item index 1).
    let est: Vec<Option<usize>> = a
        .notices
        .iter()
        .filter(|n| n.code == RateEstimated)
        .map(|n| n.item)
        .collect();
    assert_eq!(est, vec![Some(1)]);
    assert_eq!(
        codes(&a),
        set(&[
            AllowanceExceeded,
            OfficerDecides,
            RateEstimated,
            Jurisdiction
        ])
    );
}

#[test]
fn fi_flat_rate_applies_at_exactly_700_with_alcohol_excess() {
    let items = r#"{"description":"camera","kind":"goods","value":"690","currency":"EUR","duty_rate":"12"},
                   {"description":"whisky","kind":"spirits","litres":"3","abv":"40","value":"15","currency":"EUR"}"#;
    let a = solo("FI", "air", 5, items, "");
    // Camera 690 > 430: taxed in full. Whisky 3 L, 1 L free: 2 L = 2/3 x 15 = €10 dutiable.
    // Dutiable total 690 + 10 = 700 <= 700: the 2.5 % flat rate applies (not the camera's 12 %).
    // Camera: duty 17.25; VAT (707.25) x 25.5 % = 180.34875.
    // Whisky: duty 0.25; VAT (10.25) x 25.5 % = 2.61375; excise unknown.
    // Duty 17.50; VAT 182.9625 -> 182.96; total 200.46, incomplete.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "690.00", "17.25", "180.35"));
    assert_eq!(line(&a.items[1]), l4(Dutiable, "10.00", "0.25", "2.61"));
    assert_eq!(totals(&a), t4("17.50", "182.96", "0.00", "200.46"));
    assert!(!a.complete);
    assert!(!a.has_notice(RateEstimated));
}

#[test]
fn fi_spirits_fractions_strong_and_mild() {
    let within = r#"{"description":"whisky","kind":"spirits","litres":"0.5","abv":"40","value":"20","currency":"EUR"},
                    {"description":"liqueur","kind":"other_alcohol","litres":"1","abv":"15","value":"30","currency":"EUR"}"#;
    let a = solo("FI", "air", 5, within, "");
    // 0.5 L / 1 L strong + 1 L / 2 L mild = 0.5 + 0.5 = 100 %: all within the allowance.
    assert_eq!(statuses(&a), vec![Exempt, Exempt]);
    assert_eq!(a.total_due.to_string(), "0.00");
    assert_eq!(a.channel, Channel::Green);

    let over = r#"{"description":"whisky","kind":"spirits","litres":"1","abv":"40","value":"40","currency":"EUR"},
                  {"description":"liqueur","kind":"other_alcohol","litres":"1","abv":"15","value":"30","currency":"EUR"}"#;
    let b = solo("FI", "air", 5, over, "");
    // 1 L strong (100 %) + 1 L mild (50 %) = 150 %: 50 % is over.
    // Cheapest for the traveller: keep the liqueur within (taxing it would cost
    // 0.75 + 30.75 x 25.5 % = 8.59) and tax half of the whisky (0.5 L, €20):
    // duty 2.5 % x 20 = 0.50; VAT (20 + 0.50) x 25.5 % = 5.2275 -> 5.23. Total 5.73,
    // excise unknown -> incomplete.
    assert_eq!(line(&b.items[0]), l4(Dutiable, "20.00", "0.50", "5.23"));
    assert_eq!(line(&b.items[1]), l4(Exempt, "0.00", "0.00", "0.00"));
    assert_eq!(totals(&b), t4("0.50", "5.23", "0.00", "5.73"));
    assert!(!b.complete);
    assert_eq!(b.channel, Channel::Red);
    // The EU 17+ condition is only a secondary source: flagged.
    assert_eq!(
        codes(&b),
        set(&[
            AllowanceExceeded,
            AmountIncomplete,
            RuleUnconfirmed,
            Jurisdiction
        ])
    );
}

#[test]
fn fi_age_limits_strong_drink_under_20_tobacco_under_18() {
    let a = run(&trip(
        "FI",
        "air",
        5,
        r#"{"id":"a","age":19},{"id":"b","age":17}"#,
        r#"{"traveller":"a","description":"vodka","kind":"spirits","litres":"0.7","abv":"40","value":"20","currency":"EUR"},
           {"traveller":"a","description":"red wine","kind":"wine","litres":"1","value":"10","currency":"EUR"},
           {"traveller":"b","description":"cigarettes","kind":"cigarettes","count":"20","value":"8","currency":"EUR"}"#,
        "",
    ));
    // a (19): spirits > 22 % need 20 -> not allowed; still wine (18+, 1 L of 4 L) -> exempt.
    // b (17): tobacco needs 18 -> not allowed. Nothing to pay, but the channel is red.
    assert_eq!(statuses(&a), vec![NotAllowed, Exempt, NotAllowed]);
    assert_eq!(a.total_due.to_string(), "0.00");
    assert_eq!(a.channel, Channel::Red);
    let age: Vec<Option<usize>> = a
        .notices
        .iter()
        .filter(|n| n.code == NotAllowedForAge)
        .map(|n| n.item)
        .collect();
    assert_eq!(age, vec![Some(0), Some(2)]);
    assert_eq!(
        codes(&a),
        set(&[NotAllowedForAge, RuleUnconfirmed, Jurisdiction])
    );
}

#[test]
fn fi_cash_at_least_10000_and_used_items_not_counted() {
    let items = |cash: &str| {
        format!(
            r#"{{"description":"cash","kind":"cash","value":"{cash}","currency":"EUR"}},
               {{"description":"own laptop","kind":"goods","value":"1000","currency":"EUR","used":true}},
               {}"#,
            eur("headphones", "400")
        )
    };
    let a = solo("FI", "air", 5, &items("10000"), "");
    // Cash €10,000 >= €10,000 (at_least) -> declare. The laptop taken out and brought back does
    // not count, so the €400 headphones alone fit under €430 -> exempt.
    assert_eq!(statuses(&a), vec![DeclareOnly, NotCounted, Exempt]);
    assert_eq!(a.total_due.to_string(), "0.00");
    assert_eq!(a.channel, Channel::Red);
    assert_eq!(codes(&a), set(&[CashDeclarationRequired, Jurisdiction]));

    let b = solo("FI", "air", 5, &items("9999.99"), "");
    // €9,999.99 < €10,000: nothing to declare at all.
    assert_eq!(statuses(&b), vec![NotCounted, NotCounted, Exempt]);
    assert_eq!(b.channel, Channel::Green);
    assert_eq!(codes(&b), set(&[Jurisdiction]));
}

#[test]
fn fi_joint_declaration_is_refused() {
    let a = run(
        r#"{"jurisdiction":"FI","arrival":"2026-05-10","mode":"air","days_abroad":7,
            "travellers":[{"id":"a","age":40},{"id":"b","age":38}],
            "items":[{"traveller":"a","description":"statue","kind":"goods","value":"600","currency":"EUR"},
                     {"traveller":"b","description":"scarf","kind":"goods","value":"100","currency":"EUR"}],
            "joint_declaration":true}"#,
    );
    // Pooling is not allowed in Finland: a's €600 statue cannot use b's allowance.
    // a: 600 > 430 -> taxed in full: duty 2.5 % x 600 = 15.00; VAT 615 x 25.5 % = 156.825 -> 156.83.
    // b: scarf 100 <= 430 -> exempt. Total 171.83.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "600.00", "15.00", "156.83"));
    assert_eq!(line(&a.items[1]), l4(Exempt, "0.00", "0.00", "0.00"));
    assert_eq!(totals(&a), t4("15.00", "156.83", "0.00", "171.83"));
    // The no-sharing rule is a secondary source: flagged.
    assert_eq!(
        codes(&a),
        set(&[
            AllowanceExceeded,
            PoolingRefused,
            RuleUnconfirmed,
            Jurisdiction
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// Great Britain (GBP): £390 (£270 private modes), whole category; flat duty 2.5 % while the
// dutiable goods total <= £630; VAT 20 %.
// ---------------------------------------------------------------------------------------------

fn gbp(desc: &str, value: &str) -> String {
    format!(r#"{{"description":"{desc}","kind":"goods","value":"{value}","currency":"GBP"}}"#)
}

#[test]
fn gb_laptop_and_watch_both_taxed() {
    let items = [gbp("laptop", "500"), gbp("watch", "100")].join(",");
    let a = solo("GB", "air", 5, &items, "");
    // The service text's own example: 600 > 390, so tax on the watch AND the laptop.
    // Dutiable 600 <= 630: flat 2.5 %. Laptop: duty 12.50, VAT (512.50) x 20 % = 102.50.
    // Watch: duty 2.50, VAT (102.50) x 20 % = 20.50. Duty 15.00 + VAT 123.00 = 138.00.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "500.00", "12.50", "102.50"));
    assert_eq!(line(&a.items[1]), l4(Dutiable, "100.00", "2.50", "20.50"));
    assert_eq!(totals(&a), t4("15.00", "123.00", "0.00", "138.00"));
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Red);
    // The 2.5 % / £630 and the 20 % VAT are secondary sources.
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, RuleUnconfirmed, Jurisdiction])
    );
}

#[test]
fn gb_private_modes_270() {
    let items = gbp("handbag", "350");
    let a = solo("GB", "air", 5, &items, "");
    // Commercial flight: 350 <= 390 -> exempt.
    assert_eq!(statuses(&a), vec![Exempt]);
    assert_eq!(a.total_due.to_string(), "0.00");
    assert_eq!(a.channel, Channel::Green);
    assert_eq!(codes(&a), set(&[Jurisdiction]));

    let b = solo("GB", "private_air", 5, &items, "");
    // Private aircraft: 350 > 270 -> all taxed. Duty 2.5 % x 350 = 8.75;
    // VAT (358.75) x 20 % = 71.75. Total 80.50.
    assert_eq!(line(&b.items[0]), l4(Dutiable, "350.00", "8.75", "71.75"));
    assert_eq!(totals(&b), t4("8.75", "71.75", "0.00", "80.50"));
    assert_eq!(
        codes(&b),
        set(&[AllowanceExceeded, RuleUnconfirmed, Jurisdiction])
    );
}

#[test]
fn gb_alcohol_whole_category() {
    let items = r#"{"description":"gin","kind":"spirits","litres":"3","abv":"40","value":"60","currency":"GBP"},
                   {"description":"prosecco","kind":"sparkling_wine","litres":"3","abv":"11","value":"30","currency":"GBP"},
                   {"description":"red wine","kind":"wine","litres":"10","value":"50","currency":"GBP"}"#;
    let a = solo("GB", "air", 5, items, "");
    // Spirits-or-other allowance: 3/4 L + 3/9 L = 0.75 + 0.333 = 108 % > 100 %: tax on ALL
    // alcohol in that allowance (both gin and prosecco), not only the excess.
    // Still wine has its own 18 L allowance: 10 L -> exempt.
    // Duty: tariff rate unknown; excise unknown; VAT 20 % x (60 + 30) = 18.00 (incomplete).
    assert_eq!(line(&a.items[0]), l4(Dutiable, "60.00", "0.00", "12.00"));
    assert_eq!(line(&a.items[1]), l4(Dutiable, "30.00", "0.00", "6.00"));
    assert_eq!(line(&a.items[2]), l4(Exempt, "0.00", "0.00", "0.00"));
    assert_eq!(totals(&a), t4("0.00", "18.00", "0.00", "18.00"));
    assert!(!a.complete);
    assert_eq!(
        codes(&a),
        set(&[
            AllowanceExceeded,
            AmountIncomplete,
            RuleUnconfirmed,
            Jurisdiction
        ])
    );

    // 2 L gin + 3 L prosecco = 50 % + 33 % = 83 %: within, nothing to pay.
    let b = solo(
        "GB",
        "air",
        5,
        r#"{"description":"gin","kind":"spirits","litres":"2","abv":"40","value":"40","currency":"GBP"},
           {"description":"prosecco","kind":"sparkling_wine","litres":"3","abv":"11","value":"30","currency":"GBP"}"#,
        "",
    );
    assert_eq!(statuses(&b), vec![Exempt, Exempt]);
    assert_eq!(b.total_due.to_string(), "0.00");
    assert_eq!(b.channel, Channel::Green);
}

#[test]
fn gb_tobacco_whole_category() {
    let items = r#"{"description":"cigarettes","kind":"cigarettes","count":"200","value":"60","currency":"GBP"},
                   {"description":"pipe tobacco","kind":"tobacco","grams":"50","value":"20","currency":"GBP"}"#;
    let a = solo("GB", "air", 5, items, "");
    // 200/200 + 50/250 = 120 %: over, so ALL tobacco is taxed, including the 200 cigarettes
    // that alone would be within. VAT 20 % x (60 + 20) = 16.00; duty and excise unknown.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "60.00", "0.00", "12.00"));
    assert_eq!(line(&a.items[1]), l4(Dutiable, "20.00", "0.00", "4.00"));
    assert_eq!(totals(&a), t4("0.00", "16.00", "0.00", "16.00"));
    assert!(!a.complete);
    assert_eq!(a.channel, Channel::Red);
}

#[test]
fn gb_above_630_tariff_rates() {
    let a = solo("GB", "air", 5, &gbp("watch", "700"), "");
    // 700 > 390 -> taxed; dutiable 700 > 630 -> no flat rate; no own rate given, so the 2.5 %
    // is used as an estimate: duty 17.50 (rate_estimated); VAT (717.50) x 20 % = 143.50.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "700.00", "17.50", "143.50"));
    assert_eq!(totals(&a), t4("17.50", "143.50", "0.00", "161.00"));
    assert_eq!(
        codes(&a),
        set(&[
            AllowanceExceeded,
            RateEstimated,
            RuleUnconfirmed,
            Jurisdiction
        ])
    );

    let b = solo(
        "GB",
        "air",
        5,
        r#"{"description":"watch","kind":"goods","value":"700","currency":"GBP","duty_rate":"4.5"}"#,
        "",
    );
    // With the item's own rate 4.5 %: duty 31.50; VAT (731.50) x 20 % = 146.30. Total 177.80.
    assert_eq!(totals(&b), t4("31.50", "146.30", "0.00", "177.80"));
    assert!(!b.has_notice(RateEstimated));
}

// ---------------------------------------------------------------------------------------------
// United States (USD): $800 (resident, >= 2 days), excess only; 3 % on the next $1,000 (per
// household member when pooled), then the item's tariff rate (estimated at 3 % if not given).
// ---------------------------------------------------------------------------------------------

fn usd(desc: &str, value: &str) -> String {
    format!(r#"{{"description":"{desc}","kind":"goods","value":"{value}","currency":"USD"}}"#)
}

#[test]
fn us_800_then_3_percent_band() {
    let a = solo("US", "air", 5, &usd("camera", "1200"), "");
    // 1,200 - 800 = 400 dutiable, all inside the $1,000 band: 3 % x 400 = 12.00.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "400.00", "12.00", "0.00"));
    assert_eq!(totals(&a), t4("12.00", "0.00", "0.00", "12.00"));
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Red);
    // The 48-hour condition is a weak secondary source: flagged.
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, RuleUnconfirmed, Jurisdiction])
    );
}

#[test]
fn us_exemption_goes_to_highest_duty_items() {
    let items = format!(
        r#"{{"description":"watch","kind":"goods","value":"2000","currency":"USD","duty_rate":"6.5"}},{}"#,
        usd("bag", "600")
    );
    let a = solo("US", "air", 5, &items, "");
    // 2,600 - 800 = 1,800 dutiable. CBP puts the highest-duty items under the exemption:
    // watch (6.5 %) gets the $800 -> watch dutiable 1,200, bag (no rate, 3 % estimate) 600.
    // Band $1,000 at 3 %, filled highest rate first: watch 1,000 -> 30.00.
    // Beyond the band: watch 200 x 6.5 % = 13.00; bag 600 x 3 % (estimated) = 18.00.
    // Duty 61.00. (Exempting the bag instead would leave watch 1,800: 30 + 800 x 6.5 % = 82.)
    assert_eq!(line(&a.items[0]), l4(Dutiable, "1200.00", "43.00", "0.00"));
    assert_eq!(line(&a.items[1]), l4(Dutiable, "600.00", "18.00", "0.00"));
    assert_eq!(totals(&a), t4("61.00", "0.00", "0.00", "61.00"));
    assert!(a.has_notice(RateEstimated));
}

#[test]
fn us_duty_free_item_stays_out_of_the_3_percent_band() {
    let items = format!(
        r#"{{"description":"laptop","kind":"goods","value":"1000","currency":"USD","duty_rate":"0"}},{}"#,
        usd("jacket", "1800")
    );
    let a = solo("US", "air", 5, &items, "");
    // 2,800 - 800 = 2,000 dutiable. The laptop's own rate is free (0 %), so the exemption goes
    // to the jacket (rate not given, 3 %): jacket dutiable 1,800 - 800 = 1,000, laptop 1,000.
    // The 3 % band goes to the jacket: 1,000 x 3 % = 30.00; the laptop beyond the band pays its
    // own 0 %. Duty 30.00 (putting the laptop in the band would cost 30 + 30 = 60).
    assert_eq!(line(&a.items[0]), l4(Dutiable, "1000.00", "0.00", "0.00"));
    assert_eq!(line(&a.items[1]), l4(Dutiable, "1000.00", "30.00", "0.00"));
    assert_eq!(totals(&a), t4("30.00", "0.00", "0.00", "30.00"));
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, RuleUnconfirmed, Jurisdiction])
    );
}

#[test]
fn us_family_pooling_on_joint_declaration() {
    let body = |joint: bool| {
        format!(
            r#"{{"jurisdiction":"US","arrival":"2026-05-10","mode":"air","days_abroad":10,
                "travellers":[{{"id":"a","age":45}},{{"id":"b","age":43}}],
                "items":[{{"traveller":"a","description":"watch","kind":"goods","value":"3000","currency":"USD","duty_rate":"6"}}],
                "joint_declaration":{joint}}}"#
        )
    };
    let a = run(&body(true));
    // Pooled: exemption 2 x 800 = 1,600; band 2 x 1,000 = 2,000.
    // 3,000 - 1,600 = 1,400 dutiable, all in the band: 3 % x 1,400 = 42.00.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "1400.00", "42.00", "0.00"));
    assert_eq!(a.total_due.to_string(), "42.00");
    assert!(a.has_notice(PoolingApplied));
    assert_eq!(a.allowances[0].limit.to_string(), "1600");
    assert_eq!(
        codes(&a),
        set(&[
            AllowanceExceeded,
            PoolingApplied,
            RuleUnconfirmed,
            Jurisdiction
        ])
    );

    let b = run(&body(false));
    // Separately: a alone has 800 and one band: 2,200 dutiable -> 1,000 x 3 % = 30.00
    // + 1,200 x 6 % (own rate) = 72.00 -> 102.00.
    assert_eq!(line(&b.items[0]), l4(Dutiable, "2200.00", "102.00", "0.00"));
    assert_eq!(b.total_due.to_string(), "102.00");
    assert!(!b.has_notice(PoolingApplied));
}

#[test]
fn us_non_resident_and_short_trip_tiers() {
    let nonres = run(&trip(
        "US",
        "air",
        5,
        r#"{"id":"v","age":30,"resident":false}"#,
        &usd("boots", "300"),
        "",
    ));
    // Non-resident: $100 tier. 300 - 100 = 200 x 3 % = 6.00.
    assert_eq!(
        line(&nonres.items[0]),
        l4(Dutiable, "200.00", "6.00", "0.00")
    );
    assert_eq!(nonres.total_due.to_string(), "6.00");
    assert_eq!(
        codes(&nonres),
        set(&[AllowanceExceeded, RuleUnconfirmed, Jurisdiction])
    );

    let short = solo("US", "air", 1, &usd("boots", "300"), "");
    // Resident away 1 day (< 2): $200 tier. 300 - 200 = 100 x 3 % = 3.00.
    assert_eq!(
        line(&short.items[0]),
        l4(Dutiable, "100.00", "3.00", "0.00")
    );
    assert_eq!(short.total_due.to_string(), "3.00");
}

#[test]
fn us_alcohol_one_litre_at_21() {
    let wine = r#"{"description":"wine","kind":"wine","litres":"2","value":"40","currency":"USD"}"#;
    let a = solo("US", "air", 5, wine, "");
    // 21+: 1 L of the 2 L is within (and its $20 counts in the $800, far from full).
    // The second litre ($20) pays 3 % = 0.60 (+ excise unknown) even under $800.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "20.00", "0.60", "0.00"));
    assert_eq!(totals(&a), t4("0.60", "0.00", "0.00", "0.60"));
    assert!(!a.complete);
    assert_eq!(
        codes(&a),
        set(&[
            AllowanceExceeded,
            AmountIncomplete,
            RuleUnconfirmed,
            Jurisdiction
        ])
    );

    let young = run(&trip("US", "air", 5, r#"{"id":"y","age":20}"#, wine, ""));
    // Under 21: no alcohol allowance; all 2 L ($40) dutiable: 3 % = 1.20.
    assert_eq!(line(&young.items[0]), l4(Dutiable, "40.00", "1.20", "0.00"));
    assert_eq!(young.total_due.to_string(), "1.20");
    assert!(!young.complete);
}

#[test]
fn us_cash_counted_per_party() {
    let a = run(&trip(
        "US",
        "air",
        5,
        r#"{"id":"a","age":45},{"id":"b","age":43}"#,
        r#"{"traveller":"a","description":"cash","kind":"cash","value":"6000","currency":"USD"},
           {"traveller":"b","description":"cash","kind":"cash","value":"5000","currency":"USD"}"#,
        "",
    ));
    // Families declare when the combined total is over $10,000: 6,000 + 5,000 = 11,000 > 10,000.
    assert_eq!(statuses(&a), vec![DeclareOnly, DeclareOnly]);
    assert_eq!(a.channel, Channel::Red);
    assert_eq!(count(&a, CashDeclarationRequired), 1);
}

// ---------------------------------------------------------------------------------------------
// Japan (JPY, no minor units): ¥200,000 indivisible; simplified rates for articles up to
// ¥100,000 (goods 15 %, spirits per litre by type, cigarettes ¥15 each).
// ---------------------------------------------------------------------------------------------

fn jpy(desc: &str, value: &str) -> String {
    format!(r#"{{"description":"{desc}","kind":"goods","value":"{value}","currency":"JPY"}}"#)
}

#[test]
fn jp_200000_indivisible_with_15_percent() {
    let items = [
        jpy("watch", "90000"),
        jpy("bag", "80000"),
        jpy("wallet", "60000"),
        jpy("scarf", "50000"),
    ]
    .join(",");
    let a = solo("JP", "air", 7, &items, "");
    // 280,000 > 200,000. In the traveller's favour: 90,000 + 60,000 + 50,000 = 200,000 exactly;
    // the bag (80,000) is taxed at the simplified 15 %: 12,000.
    assert_eq!(statuses(&a), vec![Exempt, Dutiable, Exempt, Exempt]);
    assert_eq!(line(&a.items[1]), l4(Dutiable, "80000", "12000", "0"));
    assert_eq!(totals(&a), t4("12000", "0", "0", "12000"));
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Red);
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, OfficerDecides, Jurisdiction])
    );
    assert_eq!(count(&a, Jurisdiction), 3);
}

#[test]
fn jp_article_over_200000_taxed_in_full() {
    let items = format!(
        r#"{{"description":"watch","kind":"goods","value":"250000","currency":"JPY","duty_rate":"0"}},{}"#,
        jpy("tie", "30000")
    );
    let a = solo("JP", "air", 7, &items, "");
    // The ¥250,000 watch exceeds ¥200,000 on its own: no allowance for it, taxed in full.
    // Over ¥100,000, so no simplified rate: tariff (watches duty-free, rate 0) + consumption
    // tax 10 % x 250,000 = 25,000. The tie (30,000) is within the allowance.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "250000", "0", "25000"));
    assert_eq!(line(&a.items[1]), l4(Exempt, "0", "0", "0"));
    assert_eq!(totals(&a), t4("0", "25000", "0", "25000"));
    assert!(a.complete);
    // The 10 % consumption tax is unconfirmed.
    assert_eq!(
        codes(&a),
        set(&[
            AllowanceExceeded,
            OfficerDecides,
            RuleUnconfirmed,
            Jurisdiction
        ])
    );
}

#[test]
fn jp_spirits_per_litre_by_type_under_20_no_allowance() {
    let items = r#"{"description":"whisky","kind":"spirits","spirit":"whisky","litres":"0.7","value":"4000","currency":"JPY"},
                   {"description":"gin","kind":"spirits","spirit":"gin","litres":"1","value":"3000","currency":"JPY"},
                   {"description":"liqueur","kind":"spirits","spirit":"liqueur","litres":"0.5","value":"2500","currency":"JPY"},
                   {"description":"shochu","kind":"spirits","spirit":"other","litres":"1","value":"2000","currency":"JPY"},
                   {"description":"unlabelled spirit","kind":"spirits","litres":"1","value":"3500","currency":"JPY"},
                   {"description":"beer","kind":"beer","litres":"2","value":"1000","currency":"JPY"}"#;
    let a = run(&trip("JP", "air", 7, r#"{"id":"s","age":19}"#, items, ""));
    // Under 20: no alcohol allowance, everything dutiable at the simplified per-litre rates:
    // whisky 0.7 x 800 = 560; gin 1 x 500 = 500; liqueur 0.5 x 400 = 200;
    // other 1 x 300 = 300; untyped spirits at the whisky/brandy rate 1 x 800 = 800;
    // beer 2 x 200 = 400. Total 2,760.
    let duties: Vec<String> = a.items.iter().map(|i| i.duty.to_string()).collect();
    assert_eq!(duties, vec!["560", "500", "200", "300", "800", "400"]);
    assert!(statuses(&a).iter().all(|s| *s == Dutiable));
    assert_eq!(totals(&a), t4("2760", "0", "0", "2760"));
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Red);
    assert_eq!(codes(&a), set(&[Jurisdiction]));
}

#[test]
fn jp_adult_alcohol_allowance_covers_dearest_litres() {
    let items = r#"{"description":"whisky","kind":"spirits","spirit":"whisky","litres":"1","value":"5000","currency":"JPY"},
                   {"description":"vodka","kind":"spirits","spirit":"vodka","litres":"1","value":"3000","currency":"JPY"},
                   {"description":"wine","kind":"wine","litres":"1.5","value":"4000","currency":"JPY"}"#;
    let a = solo("JP", "air", 7, items, "");
    // Allowance 2.28 L (3 x 0.76 L). 3.5 L carried: 1.22 L over. The allowance covers the
    // dearest litres first: whisky (¥800/L) and vodka (¥500/L) in full, then 0.28 L of wine.
    // Wine dutiable 1.22 L x 200 = 244; its dutiable value 4,000 x 1.22/1.5 = 3,253.33 -> 3,253.
    assert_eq!(statuses(&a), vec![Exempt, Exempt, Dutiable]);
    assert_eq!(line(&a.items[2]), l4(Dutiable, "3253", "244", "0"));
    assert_eq!(a.total_due.to_string(), "244");
    assert_eq!(codes(&a), set(&[AllowanceExceeded, Jurisdiction]));
}

#[test]
fn jp_cigarettes_15_yen_each_over_200() {
    let a = solo(
        "JP",
        "air",
        7,
        r#"{"description":"cigarettes","kind":"cigarettes","count":"400","value":"12000","currency":"JPY"}"#,
        "",
    );
    // 400 cigarettes, 200 free: 200 x ¥15 = 3,000; dutiable value 12,000 x 1/2 = 6,000.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "6000", "3000", "0"));
    assert_eq!(a.total_due.to_string(), "3000");
    assert_eq!(codes(&a), set(&[AllowanceExceeded, Jurisdiction]));

    let young = run(&trip(
        "JP",
        "air",
        7,
        r#"{"id":"s","age":19}"#,
        r#"{"description":"cigarettes","kind":"cigarettes","count":"200","value":"6000","currency":"JPY"}"#,
        "",
    ));
    // Under 20: no tobacco allowance: 200 x ¥15 = 3,000.
    assert_eq!(line(&young.items[0]), l4(Dutiable, "6000", "3000", "0"));
    assert_eq!(young.total_due.to_string(), "3000");
}

// ---------------------------------------------------------------------------------------------
// Singapore (SGD): GST 9 % on the value above S$500 (>= 2 days) or S$100 (< 2 days); liquor
// options A-E; no tobacco concession; pass holders and crew have no relief.
// ---------------------------------------------------------------------------------------------

fn sgd(desc: &str, value: &str) -> String {
    format!(r#"{{"description":"{desc}","kind":"goods","value":"{value}","currency":"SGD"}}"#)
}

#[test]
fn sg_gst_on_the_excess_over_500() {
    let a = solo(
        "SG",
        "air",
        3,
        r#"{"description":"tablet","kind":"goods","value":"599.99","currency":"USD"}"#,
        r#""USD":"1.3457""#,
    );
    // 599.99 USD x 1.3457 = 807.406543 -> 807.41 SGD. Away 3 days: S$500 relief.
    // GST 9 % x (807.41 - 500 = 307.41) = 27.6669 -> 27.67.
    assert_eq!(a.items[0].customs_value.unwrap().to_string(), "807.41");
    assert_eq!(line(&a.items[0]), l4(Dutiable, "307.41", "0.00", "27.67"));
    assert_eq!(totals(&a), t4("0.00", "27.67", "0.00", "27.67"));
    assert!(a.complete);
    assert_eq!(a.channel, Channel::Red);
    assert_eq!(codes(&a), set(&[AllowanceExceeded, Jurisdiction]));
    assert_eq!(count(&a, Jurisdiction), 3);
}

#[test]
fn sg_short_trip_relief_100() {
    let a = solo("SG", "road", 1, &sgd("shoes", "250"), "");
    // Away 1 day (< 2): S$100 relief. GST 9 % x 150 = 13.50.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "150.00", "0.00", "13.50"));
    assert_eq!(a.total_due.to_string(), "13.50");

    let b = solo("SG", "road", 2, &sgd("shoes", "250"), "");
    // Away 2 days: S$500 relief; 250 <= 500 -> exempt.
    assert_eq!(statuses(&b), vec![Exempt]);
    assert_eq!(b.channel, Channel::Green);
}

#[test]
fn sg_long_term_pass_has_no_relief() {
    let a = run(&trip(
        "SG",
        "air",
        5,
        r#"{"id":"p","age":30,"statuses":["long_term_pass"]}"#,
        &sgd("camera", "300"),
        "",
    ));
    // Pass holders are excluded from both tiers: no relief, GST 9 % x 300 = 27.00.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "300.00", "0.00", "27.00"));
    assert_eq!(a.total_due.to_string(), "27.00");
    assert_eq!(
        codes(&a),
        set(&[NoAllowance, AllowanceExceeded, Jurisdiction])
    );
}

#[test]
fn sg_liquor_cheapest_option() {
    let items = r#"{"description":"whisky","kind":"spirits","litres":"1","abv":"40","value":"60","currency":"SGD"},
                   {"description":"wine","kind":"wine","litres":"1","value":"30","currency":"SGD"},
                   {"description":"beer","kind":"beer","litres":"1","value":"10","currency":"SGD"}"#;
    let a = solo("SG", "air", 3, items, "");
    // Options: A spirits+wine (beer taxed), B spirits+beer (wine taxed), C wine+beer (spirits
    // taxed), D 2 L wine, E 2 L beer. Known cost = GST 9 % of the value taxed (duty and excise
    // unknown): A 0.90 < B 2.70 < C 5.40 -> option A. Liquor gets no GST relief:
    // GST 9 % x 10 = 0.90 on the beer. Incomplete (duty/excise unknown).
    assert_eq!(statuses(&a), vec![Exempt, Exempt, Dutiable]);
    assert_eq!(line(&a.items[2]), l4(Dutiable, "10.00", "0.00", "0.90"));
    assert_eq!(totals(&a), t4("0.00", "0.90", "0.00", "0.90"));
    assert!(!a.complete);
    assert_eq!(
        codes(&a),
        set(&[AllowanceExceeded, AmountIncomplete, Jurisdiction])
    );
}

#[test]
fn sg_no_tobacco_concession() {
    let a = solo(
        "SG",
        "air",
        5,
        r#"{"description":"cigarettes","kind":"cigarettes","count":"20","value":"15","currency":"SGD"}"#,
        "",
    );
    // No duty-free concession for tobacco, and it is not in the GST relief either:
    // even one pack is dutiable. GST 9 % x 15 = 1.35; duty and excise unknown.
    assert_eq!(line(&a.items[0]), l4(Dutiable, "15.00", "0.00", "1.35"));
    assert_eq!(totals(&a), t4("0.00", "1.35", "0.00", "1.35"));
    assert!(!a.complete);
    assert_eq!(a.channel, Channel::Red);
    assert_eq!(codes(&a), set(&[AmountIncomplete, Jurisdiction]));
}
