//! Trade benchmarks. Targets (2-core machine): parse a 10,000-line invoice CSV ≤ 200 ms; assess
//! a 100-line declaration well under a millisecond.

use std::hint::black_box;
use std::str::FromStr;

use criterion::{criterion_group, criterion_main, Criterion};
use karvon_domain::fx::{RateSource, RateTable};
use karvon_domain::money::Money;
use karvon_domain::trade::{
    assess_trade, parse_invoice_csv, Direction, Incoterm, Tariff, TradeDeclaration, TradeParty,
    TradeRules,
};
use karvon_domain::Currency;
use rust_decimal::Decimal;

/// An invoice of `n` rows with quoted descriptions, mixed units and currencies as a user exports.
fn invoice(n: usize) -> String {
    let mut text =
        String::from("hs_code,description,origin,quantity,unit,net_kg,gross_kg,value,currency\r\n");
    let codes = ["6109.10", "080119", "151219", "220110", "9503.00", "330300"];
    let units = ["pcs", "kg", "l", "l", "pcs", "pcs"];
    for i in 0..n {
        let k = i % codes.len();
        let cents = 713 + (i * 7919) % 428_600;
        text.push_str(&format!(
            "{},\"item {i}, cotton/plastic mix, batch {}\",CN,{},{},{}.{:03},{}.{:03},{}.{:02},USD\r\n",
            codes[k],
            i / 7,
            1 + i % 50,
            units[k],
            1 + i % 30,
            i % 1000,
            2 + i % 30,
            i % 1000,
            cents / 100,
            cents % 100
        ));
    }
    text
}

fn party(name: &str, country: &str) -> TradeParty {
    TradeParty {
        name: name.into(),
        address: "Navoiy ko'chasi 12, Tashkent".into(),
        country: country.into(),
        tax_id: None,
    }
}

fn bench(c: &mut Criterion) {
    let text = invoice(10_000);
    c.bench_function("parse invoice CSV, 10,000 lines", |b| {
        b.iter(|| parse_invoice_csv(black_box(&text)).expect("clean"))
    });

    let usd = Currency::from_code("USD").expect("USD");
    let uzs = Currency::from_code("UZS").expect("UZS");
    let lines = parse_invoice_csv(&invoice(100)).expect("clean");
    let decl = TradeDeclaration {
        direction: Direction::Import,
        jurisdiction: "UZ".into(),
        date: "2026-03-02".parse().expect("date"),
        declarant: party("Karimova Textiles LLC", "UZ"),
        consignor: party("Guangzhou Trading Co", "CN"),
        consignee: party("Karimova Textiles LLC", "UZ"),
        currency: usd,
        incoterm: Incoterm::Fob,
        freight: Some(Money::new(Decimal::from(950), usd)),
        insurance: Some(Money::new(Decimal::from_str("37.25").expect("d"), usd)),
        invoice_number: "INV-2026-0042".into(),
        invoice_date: "2026-03-01".parse().expect("date"),
        lines,
    };
    let tariff = Tariff::parse(
        "UZ",
        "hs,description,duty,excise,vat,source,valid_from,confidence\n\
         6109,T-shirts,30%,,,u,2023-01-01,unconfirmed\n\
         0801,Coconuts,max(20%; 0.20 USD/kg),,,u,2023-01-01,conflict\n\
         15121,Sunflower oil,max(5%; 0.1 USD/l),,,u,2023-01-01,secondary\n\
         2201,Mineral water,max(50%; 0.25 USD/l),,,u,2023-01-01,unconfirmed\n\
         9503,Toys,8% + 0.005 USD/pcs,,,u,2023-01-01,secondary\n\
         3303,Perfume,max(30%; 2 USD/kg),20%,,u,2023-01-01,unconfirmed\n",
    )
    .expect("tariff");
    let rules = TradeRules::embedded("UZ").expect("rules");
    let mut rates = RateTable::new(RateSource::Cbu, "2026-03-02".parse().expect("date"), uzs);
    rates
        .insert(usd, Decimal::from_str("12650.37").expect("d"))
        .expect("rate");
    assess_trade(&decl, &rules, &tariff, &rates).expect("assessable");
    c.bench_function("assess 100-line declaration", |b| {
        b.iter(|| assess_trade(black_box(&decl), &rules, &tariff, &rates).expect("assessable"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
