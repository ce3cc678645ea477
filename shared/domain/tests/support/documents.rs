//! Sample documents for the document codec's tests and benchmark: a CN 22, a CN 23 and a
//! payment draft (the real types), and passenger- and trade-declaration-like structs with
//! realistic contents (stand-ins until those types land).
#![allow(dead_code)]

use karvon_domain::payment::{Bic, CreditorReference, Iban, Payee, PaymentDraft, PurposeCode};
use karvon_domain::postal::{Category, Cn22, Cn23, ContentLine, NonDelivery, Party, Route};
use karvon_domain::{Currency, Date, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Item descriptions of about 25 characters, Latin and Cyrillic.
pub const DESCRIPTIONS: [&str; 30] = [
    "Smartphone Samsung A54 5G",
    "Ноутбук Lenovo ThinkPad T14",
    "Men's wool coat, grey, XL",
    "Женские кожаные сапоги 38",
    "Wireless earbuds Sony WF-5",
    "Детский конструктор LEGO",
    "Cordless drill Bosch 18 V",
    "Парфюмерная вода 100 мл",
    "Silk scarf, hand-painted",
    "Чайный сервиз фарфоровый",
    "Digital camera Canon R50",
    "Зимняя куртка пуховая M",
    "Cognac Ararat 5 yrs 0.7 l",
    "Сигареты, блок 10 пачек",
    "Gold ring 585, 3.2 grams",
    "Наручные часы Casio G-Shock",
    "Coffee beans arabica 1 kg",
    "Шоколад швейцарский набор",
    "Tablet Apple iPad 10.9 in",
    "Кухонный комбайн Philips",
    "Running shoes Nike size 42",
    "Постельное бельё, сатин",
    "Vitamin D3 capsules x120",
    "Игровая приставка PS5 Slim",
    "Leather handbag, brown",
    "Электрочайник Xiaomi 1.7 л",
    "Sunglasses Ray-Ban RB2140",
    "Набор кастрюль из стали",
    "Car GPS navigator Garmin",
    "Ковёр шерстяной 2 × 3 м",
];

/// A traveller, as a passenger declaration names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Traveller {
    pub full_name: String,
    pub passport: String,
    pub citizenship: String,
    pub birth_date: Date,
}

/// One goods line of a passenger declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassengerItem {
    pub description: String,
    pub kind: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    pub value: Money,
    pub duty: Money,
    pub vat: Money,
    pub excise: Money,
}

/// A passenger-declaration-like document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassengerLike {
    pub traveller: Traveller,
    pub direction: String,
    pub border_post: String,
    pub date: Date,
    pub items: Vec<PassengerItem>,
    pub total_due: Money,
}

fn money(amount: Decimal, code: &str) -> Money {
    Money::new(amount, Currency::from_code(code).unwrap())
}

fn kind(i: usize) -> &'static str {
    [
        "electronics",
        "clothing",
        "alcohol",
        "tobacco",
        "jewellery",
        "food",
        "other",
    ][i % 7]
}

/// A passenger declaration with `n` items (n ≤ 30 uses distinct descriptions; more repeat them
/// with a number).
pub fn passenger(n: usize) -> PassengerLike {
    let items: Vec<PassengerItem> = (0..n)
        .map(|i| {
            let step = Decimal::from(i as i64 * 3719 % 9973);
            let value = Decimal::new(1999, 2) + step * Decimal::new(137, 2);
            let description = if i < DESCRIPTIONS.len() {
                DESCRIPTIONS[i].to_owned()
            } else {
                format!("{} #{}", DESCRIPTIONS[i % DESCRIPTIONS.len()], i)
            };
            PassengerItem {
                description,
                kind: kind(i).to_owned(),
                quantity: Decimal::from(1 + i as i64 % 4),
                value: money(value, if i % 3 == 0 { "EUR" } else { "USD" }),
                duty: money(
                    (value * Decimal::new(15, 2) * Decimal::from(12_650)).round_dp(2),
                    "UZS",
                ),
                vat: money(
                    (value * Decimal::new(12, 2) * Decimal::from(12_650)).round_dp(2),
                    "UZS",
                ),
                excise: money(
                    if i % 7 == 2 || i % 7 == 3 {
                        Decimal::from(185_000 + i as i64 * 1000)
                    } else {
                        Decimal::ZERO
                    },
                    "UZS",
                ),
            }
        })
        .collect();
    let total = items
        .iter()
        .map(|i| i.duty.amount + i.vat.amount + i.excise.amount)
        .sum();
    PassengerLike {
        traveller: Traveller {
            full_name: "Исмоилов Жасур Бахтиёрович".to_owned(),
            passport: "FA1234567".to_owned(),
            citizenship: "UZ".to_owned(),
            birth_date: "1987-04-12".parse().unwrap(),
        },
        direction: "entry".to_owned(),
        border_post: "Tashkent International Airport (TAS)".to_owned(),
        date: "2026-03-14".parse().unwrap(),
        items,
        total_due: money(total, "UZS"),
    }
}

/// One line of a trade-declaration-like document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TradeLine {
    pub line: u32,
    pub hs_code: String,
    pub description: String,
    pub origin: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    pub unit: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub net_kg: Decimal,
    pub customs_value: Money,
    #[serde(with = "rust_decimal::serde::str")]
    pub duty_rate: Decimal,
    pub duty: Money,
    pub vat: Money,
}

/// A trade-declaration-like document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TradeLike {
    pub declarant: String,
    pub tin: String,
    pub invoice: String,
    pub incoterm: String,
    pub lines: Vec<TradeLine>,
}

/// A trade declaration with `n` lines.
pub fn trade(n: usize) -> TradeLike {
    TradeLike {
        declarant: "ООО «Шёлковый путь Трейд»".to_owned(),
        tin: "305123456".to_owned(),
        invoice: "INV-2026-00417".to_owned(),
        incoterm: "DAP".to_owned(),
        lines: (0..n)
            .map(|i| {
                let value = Decimal::new(250_000 + i as i64 * 41_731 % 900_000, 2);
                TradeLine {
                    line: i as u32 + 1,
                    hs_code: format!(
                        "{:010}",
                        8_471_300_000u64 + i as u64 * 1_070_013 % 99_999_999
                    ),
                    description: DESCRIPTIONS[i % DESCRIPTIONS.len()].to_owned(),
                    origin: ["CN", "TR", "DE", "KR", "RU"][i % 5].to_owned(),
                    quantity: Decimal::from(10 + i as i64 * 7),
                    unit: "pcs".to_owned(),
                    net_kg: Decimal::new(1250 + i as i64 * 333, 2),
                    customs_value: money(value, "USD"),
                    duty_rate: Decimal::from([0, 5, 10, 15, 20][i % 5]),
                    duty: money(
                        value * Decimal::from([0, 5, 10, 15, 20][i % 5]) / Decimal::from(100),
                        "USD",
                    ),
                    vat: money((value * Decimal::new(12, 2)).round_dp(2), "USD"),
                }
            })
            .collect(),
    }
}

fn party(name: &str, city: &str, country: &str) -> Party {
    Party {
        name: name.to_owned(),
        business: None,
        street: "ул. Амира Темура, 108".to_owned(),
        postcode: Some("100084".to_owned()),
        city: city.to_owned(),
        country: country.to_owned(),
        phone: Some("+998 71 200 00 00".to_owned()),
        email: None,
        reference: None,
    }
}

fn line(description: &str, qty: i64, kg: &str, value: &str) -> ContentLine {
    ContentLine {
        description: description.to_owned(),
        quantity: Decimal::from(qty),
        unit: Some("pcs".to_owned()),
        net_weight_kg: kg.parse().unwrap(),
        value: money(value.parse().unwrap(), "USD"),
        hs_code: Some("620520".to_owned()),
        origin: Some("UZ".to_owned()),
    }
}

/// A CN 22 for a small gift.
pub fn cn22() -> Cn22 {
    Cn22 {
        operator: Some("O'zbekiston pochtasi".to_owned()),
        item_id: Some("RR123456785UZ".to_owned()),
        sender: party("Dilnoza Karimova", "Toshkent", "UZ"),
        addressee: party("Anna Schmidt", "Berlin", "DE"),
        categories: vec![Category::Gift],
        explanation: None,
        contents: vec![line("Хлопковая рубашка мужская", 2, "0.40", "35.00")],
        total_weight_kg: "0.55".parse().unwrap(),
        total_value: money("35.00".parse().unwrap(), "USD"),
        signed_on: "2026-02-01".parse().unwrap(),
    }
}

/// A CN 23 for a commercial parcel, with every optional box filled.
pub fn cn23() -> Cn23 {
    Cn23 {
        operator: Some("O'zbekiston pochtasi".to_owned()),
        item_id: Some("CP987654321UZ".to_owned()),
        sender: Party {
            business: Some("Silk Road Textiles LLC".to_owned()),
            reference: Some("UZ305123456".to_owned()),
            ..party("Jasur Ismoilov", "Samarqand", "UZ")
        },
        addressee: Party {
            email: Some("imports@example.de".to_owned()),
            ..party("Klaus Weber", "München", "DE")
        },
        categories: vec![Category::SaleOfGoods, Category::Other],
        explanation: Some("Образцы тканей для выставки".to_owned()),
        contents: vec![
            line("Men's cotton shirts", 12, "3.60", "240.00"),
            line("Шёлковые платки ручной работы", 20, "1.10", "380.00"),
            line("Ikat fabric, 5 m rolls", 4, "6.00", "520.00"),
        ],
        total_weight_kg: "11.40".parse().unwrap(),
        total_value: money("1140.00".parse().unwrap(), "USD"),
        postal_charges: Some(money("48.50".parse().unwrap(), "USD")),
        comments: Some("No restrictions".to_owned()),
        licences: vec!["LIC-2026-77".to_owned()],
        certificates: vec!["CO-UZ-2026-001".to_owned(), "PHYTO-12".to_owned()],
        invoice: Some("INV-2026-00417".to_owned()),
        office_of_origin: Some("Samarqand 140100".to_owned()),
        date_of_posting: Some("2026-02-03".parse().unwrap()),
        non_delivery: Some(NonDelivery::Return {
            route: Some(Route::Priority),
        }),
        signed_on: "2026-02-02".parse().unwrap(),
    }
}

/// A payment draft with a known IBAN payee, an RF reference and every optional field.
pub fn payment() -> PaymentDraft {
    let payee = karvon_domain::payment::Party::with_iban(
        "Karvon Broker GmbH",
        Iban::parse("DE89 3704 0044 0532 0130 00").unwrap(),
        Some(Bic::parse("COBADEFFXXX").unwrap()),
    );
    let mut draft =
        PaymentDraft::new(money("123.45".parse().unwrap(), "EUR"), Payee::Known(payee)).unwrap();
    draft.reference = Some(CreditorReference::parse("RF18 5390 0754 7034").unwrap());
    draft.due_date = Some("2026-11-30".parse().unwrap());
    draft.purpose = Some("Таможенная пошлина, декларация UZ-2026-0001".to_owned());
    draft.purpose_code = Some(PurposeCode::parse("GOVT").unwrap());
    draft
}
