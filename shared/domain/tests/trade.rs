//! The trader declaration end to end: worked cases from the reference's figures
//! (`trader-and-payments.md` §4), the invoice CSV import, tariff files and templates.

use std::str::FromStr;
use std::time::Instant;

use karvon_domain::fx::{RateSource, RateTable};
use karvon_domain::message::Arg;
use karvon_domain::money::Money;
use karvon_domain::trade::*;
use karvon_domain::{Currency, Date};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
fn c(s: &str) -> Currency {
    Currency::from_code(s).unwrap()
}
fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn party(name: &str, country: &str) -> TradeParty {
    TradeParty {
        name: name.into(),
        address: "Navoiy ko'chasi 12, Tashkent".into(),
        country: country.into(),
        tax_id: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn line(
    hs: &str,
    desc: &str,
    qty: &str,
    unit: Unit,
    net: &str,
    value: &str,
    ccy: &str,
) -> TradeLine {
    TradeLine {
        hs_code: hs.into(),
        description: desc.into(),
        origin: "CN".into(),
        quantity: d(qty),
        unit,
        net_kg: d(net),
        gross_kg: d(net) + d("0.5"),
        value: d(value),
        currency: c(ccy),
    }
}

fn decl(
    jurisdiction: &str,
    on: &str,
    ccy: &str,
    incoterm: Incoterm,
    lines: Vec<TradeLine>,
) -> TradeDeclaration {
    TradeDeclaration {
        direction: Direction::Import,
        jurisdiction: jurisdiction.into(),
        date: date(on),
        declarant: party("Karimova Textiles LLC", "UZ"),
        consignor: party("Guangzhou Trading Co", "CN"),
        consignee: party("Karimova Textiles LLC", "UZ"),
        currency: c(ccy),
        incoterm,
        freight: None,
        insurance: None,
        invoice_number: "INV-2026-0042".into(),
        invoice_date: date(on),
        lines,
    }
}

/// A CBU-style table: UZS per unit.
fn cbu(on: &str, usd: &str, eur: &str) -> RateTable {
    let mut t = RateTable::new(RateSource::Cbu, date(on), c("UZS"));
    t.insert(c("USD"), d(usd)).unwrap();
    t.insert(c("EUR"), d(eur)).unwrap();
    t
}

/// An ECB-style table: EUR per unit.
fn ecb(on: &str, usd: &str) -> RateTable {
    let mut t = RateTable::new(RateSource::Ecb, date(on), c("EUR"));
    t.insert(c("USD"), d(usd)).unwrap();
    t
}

/// Rows using the reference's rate patterns (§4.2). The rates are the reference's examples;
/// the HS prefixes are the headings of the goods named.
const UZ_TARIFF: &str = "hs,description,duty,excise,vat,source,valid_from,valid_to,confidence\n\
0801,Coconuts,max(20%; 0.20 USD/kg),,,https://www.mybizspot.net/en/import-duties-in-uzbekistan,2023-01-01,,conflict\n\
2201,Mineral water (2019 draft),max(50%; 0.25 USD/l),,,http://tashkenttimes.uz/national/3840-duty-for-imported-mineral-water-ice-could-rise-in-proposed-regulation,2023-01-01,,unconfirmed\n\
6109,T-shirts,30%,,,https://example.org/ad-valorem,2023-01-01,,unconfirmed\n\
9503,Toys (compound: 0.5 cents per unit plus 8 per cent),8% + 0.005 USD/pcs,,,https://www.globalnegotiator.com/international-trade/dictionary/compound-duty/,2023-01-01,,secondary\n\
3303,Perfume (duty and excise),max(30%; 2 USD/kg),20%,,https://kun.uz/en/news/2019/10/25/state-customs-committee-plans-to-introduce-a-single-customs-payment-for-individuals,2023-01-01,,unconfirmed\n";

fn uz() -> (TradeRules, Tariff) {
    (
        TradeRules::embedded("UZ").unwrap(),
        Tariff::parse("UZ", UZ_TARIFF).unwrap(),
    )
}

fn money(a: &str, ccy: &str) -> Money {
    Money::new(d(a), c(ccy))
}

#[test]
fn higher_of_specific_in_foreign_currency_with_vat_on_duty() {
    let (rules, tariff) = uz();
    let rates = cbu("2026-03-02", "12000", "13000");
    // 1,000 kg of coconuts for US$500 FOB, freight US$100: CIF = 600 USD = 7,200,000 UZS.
    let mut dc = decl(
        "UZ",
        "2026-03-02",
        "USD",
        Incoterm::Fob,
        vec![line(
            "080119",
            "desiccated coconuts",
            "1000",
            Unit::Kg,
            "1000",
            "500",
            "USD",
        )],
    );
    dc.freight = Some(money("100", "USD"));
    let a = assess_trade(&dc, &rules, &tariff, &rates).unwrap();
    let l = &a.lines[0];
    assert_eq!(l.customs_value, money("7200000.00", "UZS"));
    // 20 % = 1,440,000 UZS; 1,000 kg × 0.20 USD = 200 USD = 2,400,000 UZS: the specific part wins.
    assert_eq!(l.duty, money("2400000.00", "UZS"));
    // VAT 12 % on CV + duty (§4.3): (7,200,000 + 2,400,000) × 12 % = 1,152,000.
    assert_eq!(l.vat_base.amount, d("9600000.00"));
    assert_eq!(l.vat, money("1152000.00", "UZS"));
    assert_eq!(l.vat_percent, d("12"));
    let ids: Vec<&str> = l.steps.iter().map(|m| m.id.as_ref()).collect();
    for id in [
        "trade-step-ad-valorem",
        "trade-step-specific",
        "trade-step-convert",
        "trade-step-max",
        "trade-step-vat",
        "trade-step-source",
        "trade-step-tariff",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    // With a small mass the percentage wins instead.
    dc.lines[0].net_kg = d("100");
    dc.lines[0].gross_kg = d("101");
    let a = assess_trade(&dc, &rules, &tariff, &rates).unwrap();
    assert_eq!(a.lines[0].duty, money("1440000.00", "UZS"));
}

#[test]
fn per_litre_minimum_and_unit_mismatch() {
    let (rules, tariff) = uz();
    let rates = cbu("2026-03-02", "12000", "13000");
    // "50 %, but not less than 0.25 USD per litre": 1,000 l for US$100 CIF.
    let dc = decl(
        "UZ",
        "2026-03-02",
        "USD",
        Incoterm::Cif,
        vec![line(
            "220110",
            "still mineral water in 1.5 l bottles",
            "1000",
            Unit::L,
            "1000",
            "100",
            "USD",
        )],
    );
    let a = assess_trade(&dc, &rules, &tariff, &rates).unwrap();
    // 50 % of 1,200,000 = 600,000; 250 USD = 3,000,000 UZS.
    assert_eq!(a.lines[0].duty, money("3000000.00", "UZS"));
    // The same goods counted in pieces cannot take a per-litre rate.
    let mut pcs = dc.clone();
    pcs.lines[0].unit = Unit::Pcs;
    let e = assess_trade(&pcs, &rules, &tariff, &rates).unwrap_err();
    assert!(matches!(e, TradeError::Assessment(_)));
    assert_eq!(e.problems()[0].path, "lines[0].duty");
    assert_eq!(e.problems()[0].message.id, "tariff-expr-unit-mismatch");
}

#[test]
fn compound_duty_and_excise_in_vat_base() {
    let (rules, tariff) = uz();
    let rates = cbu("2026-03-02", "12000", "13000");
    // 10,000 toys for US$1,000 CIF: 8 % of 12,000,000 = 960,000 + 10,000 × 0.005 USD = 50 USD =
    // 600,000 UZS → 1,560,000.
    let toys = line(
        "950300",
        "plastic building-block toy sets",
        "10000",
        Unit::Pcs,
        "500",
        "1000",
        "USD",
    );
    // Perfume: 10 kg for US$2,000: duty max(30 % = 7,200,000; 20 USD = 240,000) = 7,200,000;
    // excise 20 % of 24,000,000 = 4,800,000; VAT (24,000,000 + 7,200,000 + 4,800,000) × 12 %.
    let perfume = line(
        "330300",
        "eau de parfum 50 ml bottles",
        "200",
        Unit::Pcs,
        "10",
        "2000",
        "USD",
    );
    let dc = decl(
        "UZ",
        "2026-03-02",
        "USD",
        Incoterm::Cip,
        vec![toys, perfume],
    );
    let a = assess_trade(&dc, &rules, &tariff, &rates).unwrap();
    assert_eq!(a.lines[0].duty, money("1560000.00", "UZS"));
    assert!(a.lines[0].steps.iter().any(|m| m.id == "trade-step-sum"));
    assert_eq!(a.lines[1].duty, money("7200000.00", "UZS"));
    assert_eq!(a.lines[1].excise, money("4800000.00", "UZS"));
    assert_eq!(a.lines[1].vat_base, money("36000000.00", "UZS"));
    assert_eq!(a.lines[1].vat, money("4320000.00", "UZS"));
    assert_eq!(a.totals.duty, money("8760000.00", "UZS"));
    assert_eq!(a.totals.excise, money("4800000.00", "UZS"));
    // Toys VAT: (12,000,000 + 1,560,000) × 12 % = 1,627,200.
    assert_eq!(a.totals.vat, money("5947200.00", "UZS"));
    // CV 36,000,000 UZS = US$3,000 → 1 BRV = 412,000 UZS on 2026-03-02.
    assert_eq!(a.fees.len(), 1);
    assert_eq!(a.fees[0].amount, money("412000.00", "UZS"));
    assert_eq!(a.totals.fees, money("412000.00", "UZS"));
    assert_eq!(
        a.totals.payable,
        money("19919200.00", "UZS"),
        "8,760,000 + 4,800,000 + 5,947,200 + 412,000"
    );
}

#[test]
fn cif_adds_freight_and_insurance_fob_does_not() {
    let (rules, tariff) = uz();
    let rates = cbu("2026-03-02", "12000", "13000");
    let mut dc = decl(
        "UZ",
        "2026-03-02",
        "USD",
        Incoterm::Fca,
        vec![line(
            "610910",
            "men's cotton t-shirts",
            "100",
            Unit::Pcs,
            "20",
            "1000",
            "USD",
        )],
    );
    dc.freight = Some(money("150", "USD"));
    dc.insurance = Some(money("10", "EUR"));
    let cif = assess_trade(&dc, &rules, &tariff, &rates).unwrap();
    // 12,000,000 + 1,800,000 + 130,000.
    assert_eq!(cif.lines[0].customs_value, money("13930000.00", "UZS"));
    assert_eq!(cif.lines[0].duty, money("4179000.00", "UZS"));
    // The same rules on a FOB basis leave freight and insurance out.
    let fob_json = rules_json("UZ").replace("\"basis\": \"cif\"", "\"basis\": \"fob\"");
    let fob = TradeRules::from_json(&fob_json).unwrap();
    let a = assess_trade(&dc, &fob, &tariff, &rates).unwrap();
    assert_eq!(a.lines[0].customs_value, money("12000000.00", "UZS"));
    assert!(a.steps.iter().any(|m| m.id == "trade-step-fob-excluded"));
    // Under CIF rules a FCA invoice needs the freight; a CIF invoice must not add it again.
    dc.freight = None;
    let e = assess_trade(&dc, &rules, &tariff, &rates).unwrap_err();
    assert_eq!(e.problems()[0].message.id, "trade-freight-required");
    dc.incoterm = Incoterm::Cif;
    dc.freight = Some(money("150", "USD"));
    let e = assess_trade(&dc, &rules, &tariff, &rates).unwrap_err();
    assert_eq!(
        e.problems()
            .iter()
            .map(|p| p.message.id.as_ref())
            .collect::<Vec<_>>(),
        ["trade-freight-in-price", "trade-insurance-in-price"]
    );
}

fn rules_json(id: &str) -> String {
    EMBEDDED_TRADE_RULES
        .iter()
        .find(|(k, _)| *k == id)
        .map(|(_, t)| (*t).to_owned())
        .unwrap()
}

#[test]
fn freight_is_apportioned_exactly() {
    let (rules, _) = uz();
    let tariff = Tariff::parse("UZ", "hs,description,duty,vat,source,valid_from,confidence\n61,Apparel,10%,12,u,2023-01-01,unconfirmed\n").unwrap();
    let rates = cbu("2026-03-02", "12000", "13000");
    let mut seed = 7u64;
    let mut rnd = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    for round in 0..50 {
        let n = 1 + rnd(40) as usize;
        let lines: Vec<TradeLine> = (0..n)
            .map(|i| {
                let cents = 1 + rnd(1_000_000);
                line(
                    &format!("6109{:02}", i % 90 + 10),
                    "women's cotton t-shirts",
                    "1",
                    Unit::Pcs,
                    "1",
                    &format!("{}.{:02}", cents / 100, cents % 100),
                    "UZS",
                )
            })
            .collect();
        let mut dc = decl("UZ", "2026-03-02", "UZS", Incoterm::Exw, lines);
        let freight = Decimal::new(1 + rnd(10_000_000) as i64, 2);
        let insurance = Decimal::new(rnd(1_000) as i64, 2);
        dc.freight = Some(Money::new(freight, c("UZS")));
        dc.insurance = Some(Money::new(insurance, c("UZS")));
        let a = assess_trade(&dc, &rules, &tariff, &rates).unwrap();
        let total_value: Decimal = dc.lines.iter().map(|l| l.value).sum();
        let f: Decimal = a.lines.iter().map(|l| l.freight.amount).sum();
        let ins: Decimal = a.lines.iter().map(|l| l.insurance.amount).sum();
        assert_eq!((f, ins), (freight, insurance), "round {round}");
        for (l, dl) in a.lines.iter().zip(&dc.lines) {
            let exact = freight * dl.value / total_value;
            assert!(
                (l.freight.amount - exact).abs() < d("0.01"),
                "round {round}"
            );
            assert_eq!(
                l.customs_value.amount,
                dl.value + l.freight.amount + l.insurance.amount
            );
        }
        assert_eq!(
            a.totals.customs_value.amount,
            total_value + freight + insurance
        );
    }
}

#[test]
fn uz_clearance_fee_band_edges_and_brv_dates() {
    let (rules, tariff) = uz();
    let fee = |usd: &str, on: &str| {
        let rates = cbu(on, "12000", "13000");
        let dc = decl(
            "UZ",
            on,
            "USD",
            Incoterm::Cif,
            vec![line(
                "610910",
                "men's cotton t-shirts",
                "100",
                Unit::Pcs,
                "20",
                usd,
                "USD",
            )],
        );
        let a = assess_trade(&dc, &rules, &tariff, &rates).unwrap();
        a.fees[0].amount.amount
    };
    let on = "2026-03-02";
    assert_eq!(fee("10000.00", on), d("412000.00"), "≤ $10,000: 1 BRV");
    assert_eq!(fee("10000.01", on), d("618000.00"), "above: 1.5 BRV");
    assert_eq!(fee("20000", on), d("618000.00"));
    assert_eq!(fee("20000.01", on), d("1030000.00"), "2.5 BRV");
    assert_eq!(fee("60000.01", on), d("2884000.00"), "7 BRV");
    assert_eq!(fee("999999.99", on), d("8240000.00"), "20 BRV");
    assert_eq!(fee("1000000", on), d("10300000.00"), "≥ $1M: 25 BRV");
    // The BRV changed on 1 Aug 2025 (375,000 → 412,000 UZS).
    assert_eq!(fee("5000", "2025-07-31"), d("375000.00"));
    assert_eq!(fee("5000", "2025-08-01"), d("412000.00"));
    // Before the schedule's start there is no fee figure: a clear error, not a silent zero.
    let rates = cbu("2025-03-01", "12000", "13000");
    let dc = decl(
        "UZ",
        "2025-03-01",
        "USD",
        Incoterm::Cif,
        vec![line(
            "610910",
            "men's cotton t-shirts",
            "1",
            Unit::Pcs,
            "1",
            "10",
            "USD",
        )],
    );
    let e = assess_trade(&dc, &rules, &tariff, &rates).unwrap_err();
    assert_eq!(e.problems()[0].message.id, "trade-fee-not-in-force");
}

#[test]
fn rounding_half_up_at_named_steps() {
    let (rules, tariff) = uz();
    let rates = cbu("2026-03-02", "12345.67", "13000");
    let dc = decl(
        "UZ",
        "2026-03-02",
        "USD",
        Incoterm::Cif,
        vec![line(
            "610910",
            "men's cotton t-shirts",
            "1",
            Unit::Pcs,
            "0.2",
            "10.05",
            "USD",
        )],
    );
    let a = assess_trade(&dc, &rules, &tariff, &rates).unwrap();
    let l = &a.lines[0];
    // 10.05 × 12,345.67 = 124,073.9835 → 124,073.98 (conversion, half up).
    assert_eq!(l.value.amount.to_string(), "124073.98");
    // 30 % = 37,222.194 → 37,222.19; VAT (124,073.98 + 37,222.19) × 12 % = 19,355.5404 → 19,355.54.
    assert_eq!(l.duty.amount.to_string(), "37222.19");
    assert_eq!(l.vat.amount.to_string(), "19355.54");
    let rounded = l
        .steps
        .iter()
        .find(|m| m.id == "trade-step-rounded")
        .unwrap();
    assert_eq!(
        rounded.get("amount"),
        Some(&Arg::Money {
            amount: d("37222.194"),
            currency: c("UZS")
        })
    );
}

/// The reference's example (§4.4): 1 silk blouse + 2 wool blouses = 2 categories = €6.
const EU_TARIFF: &str = "hs,description,duty,vat,source,valid_from,confidence\n\
620610,Blouses of silk,6.9%,25.5,https://example.org/test-rate,2024-09-01,unconfirmed\n\
620620,Blouses of wool,12%,25.5,https://example.org/test-rate,2024-09-01,unconfirmed\n\
2204,Wine,12%,25.5,https://example.org/test-rate,2024-09-01,unconfirmed\n";

fn blouses(on: &str, silk: &str, wool_each: &str) -> TradeDeclaration {
    let mut dc = decl(
        "FI",
        on,
        "EUR",
        Incoterm::Exw,
        vec![
            line(
                "6206.10",
                "women's silk blouse",
                "1",
                Unit::Pcs,
                "0.2",
                silk,
                "EUR",
            ),
            line(
                "6206.20",
                "women's wool blouse, red",
                "1",
                Unit::Pcs,
                "0.3",
                wool_each,
                "EUR",
            ),
            line(
                "6206.20",
                "women's wool blouse, blue",
                "1",
                Unit::Pcs,
                "0.3",
                wool_each,
                "EUR",
            ),
        ],
    );
    dc.consignee = party("Aino Virtanen", "FI");
    dc.freight = Some(money("9.90", "EUR"));
    dc
}

#[test]
fn eu_three_euro_per_subheading_only_from_july_2026_and_only_to_150() {
    let rules = TradeRules::embedded("FI").unwrap();
    let tariff = Tariff::parse("EU", EU_TARIFF).unwrap();
    let rates = ecb("2026-06-17", "0.86");
    // On 1 July 2026: €3 × 2 sub-headings = €6, shared by value within each sub-heading.
    let a = assess_trade(&blouses("2026-07-01", "60", "40"), &rules, &tariff, &rates).unwrap();
    assert_eq!(
        a.low_value,
        Some(LowValueDuty::FlatPerSubheading {
            amount: d("3"),
            currency: c("EUR")
        })
    );
    assert_eq!(a.totals.duty, money("6.00", "EUR"));
    assert_eq!(a.lines[0].duty, money("3.00", "EUR"));
    assert_eq!(a.lines[1].duty.amount + a.lines[2].duty.amount, d("3.00"));
    // VAT 25.5 % on CV (with freight) + the flat duty: (140 + 9.90 + 6) × 25.5 % = 39.7545.
    assert_eq!(
        a.totals.vat.amount,
        a.lines.iter().map(|l| l.vat.amount).sum::<Decimal>()
    );
    assert_eq!(a.totals.customs_value, money("149.90", "EUR"));
    // The day before: duty relief, no €3.
    let before = assess_trade(&blouses("2026-06-30", "60", "40"), &rules, &tariff, &rates).unwrap();
    assert_eq!(before.low_value, Some(LowValueDuty::Relief));
    assert_eq!(before.totals.duty, money("0.00", "EUR"));
    // Intrinsic value exactly €150 (freight not counted) still qualifies; €150.01 does not: tariff
    // duty on the CIF value instead.
    let at = assess_trade(&blouses("2026-07-01", "70", "40"), &rules, &tariff, &rates).unwrap();
    assert_eq!(at.totals.duty, money("6.00", "EUR"));
    let above = assess_trade(
        &blouses("2026-07-01", "70.01", "40"),
        &rules,
        &tariff,
        &rates,
    )
    .unwrap();
    assert_eq!(above.low_value, None);
    assert!(above
        .steps
        .iter()
        .any(|m| m.id == "trade-step-low-value-above"));
    let silk_cv = above.lines[0].customs_value.amount;
    assert_eq!(
        above.lines[0].duty.amount,
        (silk_cv * d("0.069")).round_dp(2)
    );
    // A USD invoice is compared in euros with the table's rate: US$174 × 0.86 = €149.64.
    let mut usd = blouses("2026-07-01", "74", "50");
    usd.currency = c("USD");
    usd.freight = None;
    usd.incoterm = Incoterm::Dap;
    for l in &mut usd.lines {
        l.currency = c("USD");
    }
    let a = assess_trade(&usd, &rules, &tariff, &rates).unwrap();
    assert_eq!(a.totals.duty, money("6.00", "EUR"));
}

#[test]
fn eu_excise_goods_stay_out_of_the_low_value_regime() {
    let rules = TradeRules::embedded("EU").unwrap();
    let tariff = Tariff::parse("EU", EU_TARIFF).unwrap();
    let with_excise = Tariff::parse(
        "EU",
        "hs,description,duty,excise,vat,source,valid_from,confidence\n2204,Wine,0.131 EUR/l,0.5 EUR/l,25.5,u,2024-09-01,unconfirmed\n",
    )
    .unwrap();
    let rates = ecb("2026-06-17", "0.86");
    let mut dc = decl(
        "EU",
        "2026-07-01",
        "EUR",
        Incoterm::Dap,
        vec![line(
            "220421",
            "red wine in 0.75 l bottles",
            "3",
            Unit::L,
            "3.5",
            "45",
            "EUR",
        )],
    );
    dc.consignee = party("Aino Virtanen", "FI");
    let a = assess_trade(&dc, &rules, &with_excise, &rates).unwrap();
    assert_eq!(a.low_value, None);
    assert!(a
        .steps
        .iter()
        .any(|m| m.id == "trade-step-low-value-excise"));
    assert_eq!(a.lines[0].duty, money("0.39", "EUR"), "3 l × 0.131 = 0.393");
    assert_eq!(a.lines[0].excise, money("1.50", "EUR"));
    // Without excise the same consignment takes the €3.
    let a = assess_trade(&dc, &rules, &tariff, &rates).unwrap();
    assert_eq!(a.totals.duty, money("3.00", "EUR"));
}

#[test]
fn every_line_without_a_tariff_row_is_named() {
    let (rules, tariff) = uz();
    let rates = cbu("2026-03-02", "12000", "13000");
    let dc = decl(
        "UZ",
        "2026-03-02",
        "USD",
        Incoterm::Cif,
        vec![
            line(
                "610910",
                "men's cotton t-shirts",
                "1",
                Unit::Pcs,
                "1",
                "10",
                "USD",
            ),
            line(
                "8517130000",
                "smartphones, 128 GB",
                "2",
                Unit::Pcs,
                "0.4",
                "500",
                "USD",
            ),
            line(
                "0901.21",
                "roasted coffee beans",
                "5",
                Unit::Kg,
                "5",
                "50",
                "USD",
            ),
        ],
    );
    let e = assess_trade(&dc, &rules, &tariff, &rates).unwrap_err();
    let p = e.problems();
    assert_eq!(p.len(), 2);
    assert_eq!(
        (p[0].path.as_str(), p[0].message.id.as_ref()),
        ("lines[1].hs_code", "trade-no-tariff-line")
    );
    assert_eq!(
        p[0].message.get("hs"),
        Some(&Arg::Text {
            value: "8517130000".into()
        })
    );
    assert_eq!(p[1].path, "lines[2].hs_code");
    assert_eq!(
        p[1].message.get("hs"),
        Some(&Arg::Text {
            value: "090121".into()
        })
    );
    // A missing rate, a later rate table and an export are refused with their own errors.
    let no_usd = RateTable::new(RateSource::Cbu, date("2026-03-02"), c("UZS"));
    let one = decl(
        "UZ",
        "2026-03-02",
        "USD",
        Incoterm::Cif,
        vec![line(
            "610910",
            "men's cotton t-shirts",
            "1",
            Unit::Pcs,
            "1",
            "10",
            "USD",
        )],
    );
    let e = assess_trade(&one, &rules, &tariff, &no_usd).unwrap_err();
    assert_eq!(e.problems()[0].message.id, "trade-no-rate");
    let e = assess_trade(&one, &rules, &tariff, &cbu("2026-03-03", "1", "1")).unwrap_err();
    assert_eq!(e.problems()[0].message.id, "trade-rates-after-date");
    let mut export = one.clone();
    export.direction = Direction::Export;
    assert_eq!(
        assess_trade(&export, &rules, &tariff, &rates)
            .unwrap_err()
            .problems()[0]
            .message
            .id,
        "trade-export-not-assessed"
    );
    let eu = Tariff::parse("EU", EU_TARIFF).unwrap();
    assert_eq!(
        assess_trade(&one, &rules, &eu, &rates)
            .unwrap_err()
            .problems()[0]
            .message
            .id,
        "trade-tariff-jurisdiction"
    );
}

#[test]
fn declaration_validation_reports_everything() {
    let mut dc = decl(
        "UZ",
        "2026-03-02",
        "USD",
        Incoterm::Cif,
        vec![
            line("6109", "goods", "0", Unit::Pcs, "1", "10", "USD"),
            line(
                "61091O",
                "men's cotton t-shirts",
                "1",
                Unit::Pcs,
                "2",
                "-1",
                "EUR",
            ),
        ],
    );
    dc.lines[1].origin = "XX".into();
    dc.lines[1].gross_kg = d("1");
    dc.consignor.name = "x".repeat(71);
    dc.consignee.country = "UK".into();
    dc.invoice_date = date("2026-03-03");
    let problems = dc.validate();
    let got: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.id.as_ref()))
        .collect();
    assert_eq!(
        got,
        [
            ("consignor.name", "trade-text-too-long"),
            ("consignee.country", "trade-country"),
            ("invoice_date", "trade-invoice-after-declaration"),
            ("lines[0].hs_code", "trade-hs-length"),
            ("lines[0].description", "trade-vague-description"),
            ("lines[0].quantity", "trade-not-positive"),
            ("lines[1].hs_code", "trade-hs-chars"),
            ("lines[1].origin", "trade-country"),
            ("lines[1].value", "trade-not-positive"),
            ("lines[1].gross_kg", "trade-gross-below-net"),
            ("lines[1].currency", "trade-line-currency"),
        ]
    );
    let (rules, tariff) = uz();
    assert!(matches!(
        assess_trade(&dc, &rules, &tariff, &cbu("2026-03-02", "1", "1")),
        Err(TradeError::Invalid(p)) if p.len() == 11
    ));
    dc.lines = vec![
        line(
            "610910",
            "men's cotton t-shirts",
            "1",
            Unit::Pcs,
            "1",
            "1",
            "USD"
        );
        MAX_TRADE_LINES + 1
    ];
    assert!(dc
        .validate()
        .iter()
        .any(|p| p.message.id == "trade-too-many-lines"));
    // The JSON shape reads back.
    let json = serde_json::to_string(&decl(
        "UZ",
        "2026-03-02",
        "USD",
        Incoterm::Fob,
        vec![line(
            "610910",
            "men's cotton t-shirts",
            "1",
            Unit::Pcs,
            "1",
            "1",
            "USD",
        )],
    ))
    .unwrap();
    let back: TradeDeclaration = serde_json::from_str(&json).unwrap();
    assert_eq!(back.incoterm, Incoterm::Fob);
    assert!(json.contains("\"incoterm\":\"FOB\""));
}

// ---------------------------------------------------------------- invoice CSV

const HEADER: &str = "hs_code,description,origin,quantity,unit,net_kg,gross_kg,value,currency";

#[test]
fn csv_reads_bom_crlf_quotes_and_semicolons() {
    let text = format!(
        "\u{feff}{HEADER}\r\n6109.10,\"men's t-shirts, cotton, size M\",cn,100,pcs,20,21.5,1000.50,usd\r\n\
         080119,\"coconuts, \"\"king\"\" variety\",LK,50,kg,50,52,75,USD\r\n"
    );
    let lines = parse_invoice_csv(&text).unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].hs_code, "610910");
    assert_eq!(lines[0].description, "men's t-shirts, cotton, size M");
    assert_eq!(lines[0].origin, "CN");
    assert_eq!(lines[0].value, d("1000.50"));
    assert_eq!(lines[0].currency, c("USD"));
    assert_eq!(lines[1].description, "coconuts, \"king\" variety");
    assert_eq!(lines[1].unit, Unit::Kg);
    // Semicolons with columns in another order, a decimal point, TAB too.
    let semi = "Value;Currency;HS Code;Description;Origin;Quantity;Unit;Net KG;Gross KG\n12.5;EUR;620610;silk blouse;IT;1;pcs;0.2;0.3\n";
    let l = parse_invoice_csv(semi).unwrap();
    assert_eq!((l[0].value, l[0].hs_code.as_str()), (d("12.5"), "620610"));
    let tab =
        HEADER.replace(',', "\t") + "\n620610\tsilk blouse\tIT\t1\tpcs\t0.2\t0.3\t12.5\tEUR\n";
    assert_eq!(parse_invoice_csv(&tab).unwrap().len(), 1);
}

#[test]
fn csv_missing_columns_and_wrong_delimiter() {
    let e = parse_invoice_csv("hs_code,description,origin,quantity,value,currency\n1,2,3,4,5,6\n")
        .unwrap_err();
    assert_eq!(e.errors.len(), 1);
    let m = &e.errors[0].message;
    assert_eq!(
        (e.errors[0].row, m.id.as_ref()),
        (1, "trade-csv-missing-columns")
    );
    assert_eq!(
        m.get("columns"),
        Some(&Arg::Text {
            value: "unit, net_kg, gross_kg".into()
        })
    );
    let pipes = HEADER.replace(',', "|") + "\n";
    let e = parse_invoice_csv(&pipes).unwrap_err();
    assert_eq!(e.errors[0].message.id, "trade-csv-wrong-delimiter");
    assert_eq!(
        e.errors[0].message.get("found"),
        Some(&Arg::Term {
            id: "trade-delimiter-pipe".into()
        })
    );
    let e = parse_invoice_csv(&format!("{HEADER},value\n")).unwrap_err();
    assert_eq!(e.errors[0].message.id, "trade-csv-column-twice");
    assert_eq!(
        parse_invoice_csv("").unwrap_err().errors[0].message.id,
        "trade-csv-no-header"
    );
    assert_eq!(
        parse_invoice_csv(&format!("{HEADER}\n"))
            .unwrap_err()
            .errors[0]
            .message
            .id,
        "trade-csv-no-rows"
    );
}

#[test]
fn csv_reports_every_bad_cell_with_row_and_column() {
    let text = format!(
        "{HEADER}\n\
         610910,men's t-shirts,CN,100,pcs,20,21,1000,USD\n\
         80111,coconuts,LK,1e400,kg,5,6,NaN,USD\n\
         610910,goods,ZZ,-1,barrel,2,1,10,XYZ\n\
         610910,men's t-shirts,CN,1,pcs,1,1,,USD\n\
         12345678901,\"silk, scarves\",IT,1,pcs,1,1,5,EUR\n\
         610910,men's t-shirts,CN,1,pcs,1,1,12,5,USD\n"
    );
    let e = parse_invoice_csv(&text).unwrap_err();
    let got: Vec<(usize, Option<&str>, &str)> = e
        .errors
        .iter()
        .map(|x| (x.row, x.column.as_deref(), x.message.id.as_ref()))
        .collect();
    assert_eq!(
        got,
        [
            (3, Some("hs_code"), "trade-hs-leading-zero"),
            (3, Some("quantity"), "trade-csv-not-decimal"),
            (3, Some("value"), "trade-csv-not-decimal"),
            (4, Some("description"), "trade-vague-description"),
            (4, Some("origin"), "trade-country"),
            (4, Some("quantity"), "trade-csv-negative"),
            (4, Some("gross_kg"), "trade-gross-below-net"),
            (4, Some("unit"), "trade-csv-unit"),
            (4, Some("currency"), "trade-csv-currency"),
            (5, Some("value"), "trade-csv-empty"),
            (6, Some("hs_code"), "trade-hs-length"),
            (7, None, "trade-csv-width"),
        ]
    );
    assert_eq!(e.total, 12);
    // A decimal comma in a semicolon file is named as such.
    let semi = HEADER.replace(',', ";") + "\n610910;t-shirts of cotton;CN;1;pcs;1;1;12,5;USD\n";
    let e = parse_invoice_csv(&semi).unwrap_err();
    assert_eq!(
        (e.errors[0].row, e.errors[0].message.id.as_ref()),
        (2, "trade-csv-decimal-comma")
    );
}

#[test]
fn csv_error_list_is_capped_with_total() {
    let mut text = format!("{HEADER}\n");
    for _ in 0..300 {
        text.push_str("6109,men's t-shirts,CN,x,pcs,1,1,1,USD\n");
    }
    let e = parse_invoice_csv(&text).unwrap_err();
    assert_eq!(e.errors.len(), MAX_REPORTED_ERRORS);
    assert_eq!(e.total, 600);
    assert_eq!(e.summary().get("total"), Some(&Arg::Int { value: 600 }));
    assert_eq!(e.errors.last().map(|x| x.row), Some(51));
}

#[test]
fn csv_refuses_a_million_rows_quickly() {
    let row = "610910,men's t-shirts,CN,1,pcs,1,1,1,USD\n";
    let mut text = String::with_capacity(HEADER.len() + 1 + row.len() * 1_000_000);
    text.push_str(HEADER);
    text.push('\n');
    for _ in 0..1_000_000 {
        text.push_str(row);
    }
    let start = Instant::now();
    let e = parse_invoice_csv(&text).unwrap_err();
    let took = start.elapsed();
    assert_eq!(e.errors[0].message.id, "trade-csv-too-many-rows");
    assert_eq!(
        e.errors[0].message.get("max"),
        Some(&Arg::Int {
            value: MAX_INVOICE_LINES as i64
        })
    );
    assert!(took.as_millis() < 500, "refused in {took:?}");
    // Exactly the limit is accepted.
    let mut ok = format!("{HEADER}\n");
    for _ in 1..MAX_INVOICE_LINES {
        ok.push_str(row);
    }
    assert_eq!(parse_invoice_csv(&ok).unwrap().len(), MAX_INVOICE_LINES - 1);
}

// ---------------------------------------------------------------- tariff files

#[test]
fn tariff_reports_every_bad_row_at_once() {
    let text = "hs,description,duty,excise,vat,source,valid_from,valid_to,confidence\n\
        6109,T-shirts,12%,,12,u,2023-01-01,,confirmed\n\
        61A9,T-shirts,12%,,12,u,2023-01-01,,confirmed\n\
        6110,Jerseys,\"max(10%, 2 USD/kg)\",,12,u,2023-01-01,,confirmed\n\
        6111,Babies' garments,12%,,112,u,2023-31-01,,sure\n\
        6112,Track suits,,,,,2024-01-01,2023-12-31,secondary\n\
        6113,Garments,5 EUR/barrel,2,12,u,2023-01-01,,confirmed\n";
    let e = Tariff::parse("UZ", text).unwrap_err();
    let got: Vec<(usize, Option<&str>, &str)> = e
        .errors
        .iter()
        .map(|x| (x.row, x.column.as_deref(), x.message.id.as_ref()))
        .collect();
    assert_eq!(
        got,
        [
            (3, Some("hs"), "tariff-hs-prefix"),
            (4, Some("duty"), "tariff-expr-syntax"),
            (5, Some("vat"), "tariff-vat-range"),
            (5, Some("valid_from"), "trade-csv-date"),
            (5, Some("confidence"), "tariff-confidence"),
            (6, Some("source"), "trade-csv-empty"),
            (6, Some("duty"), "trade-csv-empty"),
            (6, Some("valid_to"), "tariff-dates-reversed"),
            (7, Some("duty"), "tariff-expr-unit"),
            (7, Some("excise"), "tariff-expr-syntax"),
        ]
    );
    // The duty error says where and what was expected.
    let m = &e.errors[1].message;
    assert_eq!(m.get("position"), Some(&Arg::Int { value: 8 }));
    assert_eq!(
        m.get("expected"),
        Some(&Arg::Term {
            id: "tariff-expected-separator".into()
        })
    );
}

#[test]
fn sample_tariffs_parse_and_look_up() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/tariffs");
    let uz = Tariff::parse(
        "UZ",
        &std::fs::read_to_string(format!("{root}/uz.csv")).unwrap(),
    )
    .unwrap();
    let coconut = uz.lookup("0801.19.000", date("2026-03-02")).unwrap();
    assert_eq!(coconut.duty.to_string(), "max(20%; 0.2 USD/kg)");
    assert!(uz.lookup("080119", date("2025-12-31")).is_none());
    assert_eq!(
        uz.lookup("1512190000", date("2026-03-02")).unwrap().hs,
        "15121"
    );
    let eu = Tariff::parse(
        "EU",
        &std::fs::read_to_string(format!("{root}/eu-fi.csv")).unwrap(),
    )
    .unwrap();
    let shirt = eu.lookup("6105100000", date("2026-03-02")).unwrap();
    assert_eq!(
        (shirt.duty.to_string(), shirt.vat_percent),
        ("12%".to_owned(), Some(d("25.5")))
    );
    // Assessed with the embedded EU rules for Finland: US$200 of shirts (above €150).
    let rules = TradeRules::embedded("FI").unwrap();
    let mut dc = decl(
        "FI",
        "2026-03-02",
        "EUR",
        Incoterm::Dap,
        vec![line(
            "610510",
            "men's knitted cotton shirts",
            "10",
            Unit::Pcs,
            "2",
            "200",
            "EUR",
        )],
    );
    dc.consignee = party("Aino Virtanen", "FI");
    let a = assess_trade(&dc, &rules, &eu, &ecb("2026-02-18", "0.86")).unwrap();
    assert_eq!(a.totals.duty, money("24.00", "EUR"));
    assert_eq!(a.totals.vat, money("57.12", "EUR"), "(200 + 24) × 25.5 %");
}

// ---------------------------------------------------------------- templates

#[test]
fn templates_instantiate_with_overrides() {
    let mut dc = decl(
        "UZ",
        "2026-03-02",
        "USD",
        Incoterm::Fob,
        vec![
            line(
                "610910",
                "men's cotton t-shirts",
                "100",
                Unit::Pcs,
                "20",
                "1000",
                "USD",
            ),
            line(
                "080119",
                "desiccated coconuts",
                "50",
                Unit::Kg,
                "50",
                "75",
                "USD",
            ),
        ],
    );
    dc.freight = Some(money("100", "USD"));
    let t = TradeTemplate::from_declaration("Monthly Guangzhou order", &dc, false);
    let t: TradeTemplate = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
    let mut o = TemplateOverrides {
        invoice_number: "INV-2026-0043".into(),
        invoice_date: date("2026-04-01"),
        freight: Some(money("120", "USD")),
        insurance: None,
        lines: Default::default(),
    };
    o.lines.insert(
        0,
        LineFigures {
            quantity: Some(d("200")),
            net_kg: Some(d("40")),
            gross_kg: Some(d("42")),
            value: Some(d("2000")),
        },
    );
    let e = t.instantiate(date("2026-04-02"), &o).unwrap_err();
    let paths: Vec<&str> = e.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "lines[1].quantity",
            "lines[1].net_kg",
            "lines[1].gross_kg",
            "lines[1].value"
        ]
    );
    o.lines.insert(
        1,
        LineFigures {
            quantity: Some(d("60")),
            net_kg: Some(d("60")),
            gross_kg: Some(d("61")),
            value: Some(d("90")),
        },
    );
    o.lines.insert(5, LineFigures::default());
    assert_eq!(
        t.instantiate(date("2026-04-02"), &o)
            .unwrap_err()
            .problems()[0]
            .message
            .id,
        "trade-template-no-line"
    );
    o.lines.remove(&5);
    let made = t.instantiate(date("2026-04-02"), &o).unwrap();
    assert_eq!(made.lines[0].value, d("2000"));
    assert_eq!(made.lines[1].description, "desiccated coconuts");
    let (rules, tariff) = uz();
    let a = assess_trade(&made, &rules, &tariff, &cbu("2026-04-02", "12000", "13000")).unwrap();
    assert_eq!(
        a.totals.customs_value,
        money("26520000.00", "UZS"),
        "(2,000 + 90 + 120) × 12,000"
    );
    // A template that keeps the figures needs only the invoice.
    let keep = TradeTemplate::from_declaration("Repeat", &dc, true);
    let o2 = TemplateOverrides {
        lines: Default::default(),
        ..o
    };
    assert_eq!(
        keep.instantiate(date("2026-04-02"), &o2).unwrap().lines[1].value,
        d("75")
    );
}
