//! Exchange rates offline: feed import (ECB CSV and XML, CBU JSON), manual rates, look-up by
//! date with look-back, and bad files that save nothing. Each test runs on a real SQLite file.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Instant;

use karvon_core::domain::fx::{ConversionPath, RateSource};
use karvon_core::domain::{Currency, Date};
use karvon_core::rates::{self, RatesImport, MAX_FEED_BYTES};
use karvon_core::{Error, Karvon, KeySource};
use rust_decimal::Decimal;

/// A file of the shared reference data (beside the repository, never copied in).
fn data(relative: &str) -> PathBuf {
    karvon_core::reference_data(Path::new(env!("CARGO_MANIFEST_DIR")), relative)
        .unwrap_or_else(|| panic!("the shared reference data {relative} is missing"))
}

fn open() -> (tempfile::TempDir, Karvon) {
    let dir = tempfile::tempdir().unwrap();
    let k = Karvon::open(dir.path(), &KeySource::Provided([7; 32])).unwrap();
    (dir, k)
}

fn c(code: &str) -> Currency {
    Currency::from_code(code).unwrap()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// The rate (to 10 decimals), date, source and path of a look-up, or `None`.
fn rate(k: &Karvon, from: &str, to: &str, on: &str) -> Option<(Decimal, String, RateSource)> {
    k.rate(c(from), c(to), day(on))
        .unwrap()
        .map(|f| (f.rate.round_dp(10), f.valid_on.to_string(), f.source))
}

fn import_history(k: &Karvon) -> RatesImport {
    let started = Instant::now();
    let report = k.import_rates(&data("fx/eurofxref-hist.csv")).unwrap();
    eprintln!(
        "imported {} tables, {} rates of the ECB history in {:?}",
        report.tables,
        report.rates,
        started.elapsed()
    );
    report
}

#[test]
fn ecb_history_imports_and_looks_back_never_forward() {
    let (_dir, k) = open();
    let report = import_history(&k);
    assert_eq!(report.source, RateSource::Ecb);
    assert_eq!(report.base, c("EUR"));
    assert_eq!(report.origin, "eurofxref-hist.csv");
    assert_eq!(report.tables, 6983);
    assert_eq!(
        (report.first, report.last),
        (day("1999-01-04"), day("2026-04-13"))
    );
    for gone in [
        "BGN", "CYP", "EEK", "HRK", "LTL", "LVL", "MTL", "ROL", "SIT", "SKK", "TRL",
    ] {
        assert!(report.skipped.iter().any(|s| s == gone), "{gone} skipped");
    }
    assert!(!report.skipped.iter().any(|s| s == "RUB"));

    // Published figures read exactly: 1 EUR = 1.1684 USD on 2026-04-13.
    let f = k
        .rate(c("EUR"), c("USD"), day("2026-04-13"))
        .unwrap()
        .unwrap();
    assert_eq!(f.rate, d("1.1684"));
    assert_eq!(
        (f.path, f.source, f.origin.as_str()),
        (
            ConversionPath::Inverse,
            RateSource::Ecb,
            "eurofxref-hist.csv"
        )
    );
    let f = k
        .rate(c("USD"), c("EUR"), day("2026-04-13"))
        .unwrap()
        .unwrap();
    assert_eq!(f.path, ConversionPath::Direct);
    assert_eq!(f.rate, d("1") / d("1.1684"));
    // Cross through the euro: GBP per USD = 0.87058 / 1.1684.
    let f = k
        .rate(c("USD"), c("GBP"), day("2026-04-13"))
        .unwrap()
        .unwrap();
    assert_eq!(f.path, ConversionPath::Cross);
    assert_eq!(
        f.rate.round_dp(10),
        (d("0.87058") / d("1.1684")).round_dp(10)
    );

    // Saturday 2026-04-11 looks back to Friday; never forward to Monday.
    assert_eq!(
        rate(&k, "EUR", "USD", "2026-04-11"),
        Some((d("1.1711"), "2026-04-10".into(), RateSource::Ecb))
    );
    // After the last table: the last one, however old (its date shows how stale it is).
    assert_eq!(
        rate(&k, "EUR", "USD", "2026-12-31").map(|r| r.1),
        Some("2026-04-13".into())
    );
    // Before the first table: nothing.
    assert_eq!(rate(&k, "EUR", "USD", "1999-01-03"), None);
    assert_eq!(
        rate(&k, "EUR", "USD", "1999-01-04"),
        Some((d("1.1789"), "1999-01-04".into(), RateSource::Ecb))
    );

    // RUB, last quoted 2022-03-01: found up to 7 days behind the newest table, then not.
    assert_eq!(
        rate(&k, "EUR", "RUB", "2022-03-02"),
        Some((d("117.201"), "2022-03-01".into(), RateSource::Ecb))
    );
    assert_eq!(
        rate(&k, "EUR", "RUB", "2022-03-08").map(|r| r.1),
        Some("2022-03-01".into())
    );
    assert_eq!(rate(&k, "EUR", "RUB", "2022-03-09"), None);
    assert_eq!(rate(&k, "EUR", "RUB", "2026-04-13"), None);
    // ECB has no UZS.
    assert_eq!(rate(&k, "EUR", "UZS", "2026-04-13"), None);

    // Every currency into EUR at once, the same answers as one by one.
    let started = Instant::now();
    let all = k.rates_into(c("EUR"), day("2026-04-13")).unwrap();
    eprintln!(
        "rates_into(EUR) over the whole history in {:?}",
        started.elapsed()
    );
    assert_eq!(all.len(), 29);
    assert!(!all.contains_key(&c("EUR")) && !all.contains_key(&c("RUB")));
    for (cur, found) in &all {
        assert_eq!(
            Some(found),
            k.rate(*cur, c("EUR"), day("2026-04-13")).unwrap().as_ref()
        );
    }
    let into_usd = k.rates_into(c("USD"), day("2026-04-11")).unwrap();
    assert_eq!(into_usd[&c("EUR")].rate, d("1.1711"));
    assert_eq!(into_usd[&c("EUR")].path, ConversionPath::Inverse);
    assert_eq!(into_usd[&c("GBP")].path, ConversionPath::Cross);
    assert_eq!(into_usd.len(), 29);

    let tables = k.rate_tables().unwrap();
    assert_eq!(tables.len(), 6983);
    assert_eq!(tables[0].valid_on, day("2026-04-13"));
    assert_eq!(tables[0].rates, 29);
    assert_eq!(tables.last().unwrap().valid_on, day("1999-01-04"));

    // The daily file replaces the table of its date (same source, base and date).
    let daily = k.import_rates(&data("fx/eurofxref.csv")).unwrap();
    assert_eq!((daily.tables, daily.rates), (1, 29));
    let tables = k.rate_tables().unwrap();
    assert_eq!(tables.len(), 6983);
    assert_eq!(tables[0].origin, "eurofxref.csv");
    assert_eq!(tables[1].origin, "eurofxref-hist.csv");
    let huf = k
        .rate(c("EUR"), c("HUF"), day("2026-04-13"))
        .unwrap()
        .unwrap();
    assert_eq!(huf.rate.to_string(), "366.90");
}

#[test]
fn ecb_daily_csv() {
    let (_dir, k) = open();
    let report = k.import_rates(&data("fx/eurofxref.csv")).unwrap();
    assert_eq!((report.tables, report.rates), (1, 29));
    assert_eq!(
        (report.first, report.last),
        (day("2026-04-13"), day("2026-04-13"))
    );
    assert!(report.skipped.is_empty());
    assert_eq!(
        rate(&k, "EUR", "JPY", "2026-04-15"),
        Some((d("186.75"), "2026-04-13".into(), RateSource::Ecb))
    );
    assert_eq!(rate(&k, "EUR", "JPY", "2026-04-12"), None);
}

const ECB_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender>
		<gesmes:name>European Central Bank</gesmes:name>
	</gesmes:Sender>
	<Cube>
		<Cube time='2024-06-28'>
			<Cube currency='USD' rate='1.0705'/>
			<Cube currency='JPY' rate='171.94'/>
			<Cube currency='GBP' rate='0.84638'/>
		</Cube>
	</Cube>
</gesmes:Envelope>
"#;

#[test]
fn ecb_xml_daily_and_history() {
    let (dir, k) = open();
    // Named like a CSV on purpose: the content decides.
    let daily = write(dir.path(), "rates.csv", ECB_XML);
    let report = k.import_rates(&daily).unwrap();
    assert_eq!(
        (report.source, report.tables, report.rates),
        (RateSource::Ecb, 1, 3)
    );
    assert_eq!(
        rate(&k, "EUR", "GBP", "2024-06-30"),
        Some((d("0.84638"), "2024-06-28".into(), RateSource::Ecb))
    );

    let history = ECB_XML.replace(
        "\t</Cube>\n</gesmes:Envelope>",
        "\t\t<Cube time='2024-06-27'>
			<Cube currency='USD' rate='1.0703'/>
			<Cube currency='CYP' rate='0.5823'/>
		</Cube>
		<Cube time='2024-06-26'><Cube currency='USD' rate='1.0700'/></Cube>
	</Cube>
</gesmes:Envelope>",
    );
    let path = write(dir.path(), "hist.xml", &history);
    let report = k.import_rates(&path).unwrap();
    assert_eq!((report.tables, report.rates), (3, 5));
    assert_eq!(
        (report.first, report.last),
        (day("2024-06-26"), day("2024-06-28"))
    );
    assert_eq!(report.skipped, vec!["CYP".to_owned()]);
    assert_eq!(
        rate(&k, "EUR", "USD", "2024-06-27"),
        Some((d("1.0703"), "2024-06-27".into(), RateSource::Ecb))
    );
    assert_eq!(k.rate_tables().unwrap().len(), 3);
}

const CBU_JSON: &str = r#"[
  {"id": 68, "Code": "840", "Ccy": "USD", "CcyNm_RU": "Доллар США", "CcyNm_UZ": "AQSH dollari",
   "CcyNm_UZc": "АҚШ доллари", "CcyNm_EN": "US Dollar", "Nominal": "1", "Rate": "11909.66",
   "Diff": "-24.58", "Date": "13.04.2026"},
  {"id": 20, "Code": "978", "Ccy": "EUR", "CcyNm_RU": "Евро", "CcyNm_UZ": "EVRO",
   "CcyNm_UZC": "EВРО", "CcyNm_EN": "Euro", "Nominal": "1", "Rate": "13588.92",
   "Diff": "-2.99", "Date": "13.04.2026"},
  {"id": 33, "Code": "364", "Ccy": "IRR", "Nominal": "10", "Rate": "2.83", "Date": "13.04.2026"},
  {"id": 99, "Code": "000", "Ccy": "XYZ", "Nominal": "1", "Rate": "1.5", "Date": "13.04.2026"}
]"#;

#[test]
fn cbu_json_and_cross_rates() {
    let (dir, k) = open();
    let path = write(dir.path(), "cbu.json", CBU_JSON);
    let report = k.import_rates(&path).unwrap();
    assert_eq!(report.source, RateSource::Cbu);
    assert_eq!(report.base, c("UZS"));
    assert_eq!((report.tables, report.rates), (1, 3));
    assert_eq!(report.skipped, vec!["XYZ".to_owned()]);

    // EUR → UZS straight from the CBU; UZS → USD inverse; IRR per unit with Nominal 10.
    let f = k
        .rate(c("EUR"), c("UZS"), day("2026-04-13"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (f.rate, f.path, f.source),
        (d("13588.92"), ConversionPath::Direct, RateSource::Cbu)
    );
    let f = k
        .rate(c("UZS"), c("USD"), day("2026-04-14"))
        .unwrap()
        .unwrap();
    assert_eq!(f.path, ConversionPath::Inverse);
    assert_eq!(f.rate.round_dp(12), (d("1") / d("11909.66")).round_dp(12));
    assert_eq!(
        rate(&k, "IRR", "UZS", "2026-04-13").map(|r| r.0),
        Some(d("0.283"))
    );
    // Without the ECB, EUR → USD crosses through the sum.
    let f = k
        .rate(c("EUR"), c("USD"), day("2026-04-13"))
        .unwrap()
        .unwrap();
    assert_eq!((f.path, f.source), (ConversionPath::Cross, RateSource::Cbu));
    assert_eq!(
        f.rate.round_dp(10),
        (d("13588.92") / d("11909.66")).round_dp(10)
    );

    // With the ECB on the same date, the central bank of the target currency wins.
    k.import_rates(&data("fx/eurofxref.csv")).unwrap();
    let f = k
        .rate(c("USD"), c("EUR"), day("2026-04-13"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (f.source, f.path),
        (RateSource::Ecb, ConversionPath::Direct)
    );
    let f = k
        .rate(c("EUR"), c("UZS"), day("2026-04-13"))
        .unwrap()
        .unwrap();
    assert_eq!(f.source, RateSource::Cbu);
    let f = k
        .rate(c("EUR"), c("USD"), day("2026-04-13"))
        .unwrap()
        .unwrap();
    assert_eq!((f.source, f.rate), (RateSource::Ecb, d("1.1684")));

    // A trip in UZS gets every currency either table can convert into UZS.
    let into_uzs = k.rates_into(c("UZS"), day("2026-04-13")).unwrap();
    assert_eq!(into_uzs.len(), 3);
    assert_eq!(into_uzs[&c("USD")].rate, d("11909.66"));
    let into_eur = k.rates_into(c("EUR"), day("2026-04-13")).unwrap();
    assert_eq!(into_eur[&c("USD")].source, RateSource::Ecb);
    assert_eq!(into_eur[&c("UZS")].source, RateSource::Cbu);
    assert_eq!(into_eur[&c("UZS")].path, ConversionPath::Inverse);
    assert_eq!(into_eur[&c("IRR")].path, ConversionPath::Cross);

    // A single-object file and a number instead of a string are accepted too.
    let one = write(
        dir.path(),
        "one.json",
        r#"{"Ccy":"GBP","Nominal":"1","Rate":15805.1,"Date":"14.04.2026","CcyNm_UZc":"x"}"#,
    );
    let report = k.import_rates(&one).unwrap();
    assert_eq!((report.tables, report.rates), (1, 1));
    assert_eq!(
        rate(&k, "GBP", "UZS", "2026-04-14").map(|r| r.0),
        Some(d("15805.1"))
    );
}

#[test]
fn manual_rates_win_on_their_date() {
    let (_dir, k) = open();
    k.import_rates(&data("fx/eurofxref.csv")).unwrap();
    let (eur, usd) = (c("EUR"), c("USD"));
    k.add_manual_rate(eur, usd, d("0.85"), day("2026-04-13"))
        .unwrap();
    let f = k.rate(usd, eur, day("2026-04-13")).unwrap().unwrap();
    assert_eq!(
        (f.rate, f.source, f.path, f.origin.as_str()),
        (
            d("0.85"),
            RateSource::UserEntered,
            ConversionPath::Direct,
            "manual"
        )
    );
    // Both ways.
    let f = k.rate(eur, usd, day("2026-04-14")).unwrap().unwrap();
    assert_eq!(
        (f.source, f.path),
        (RateSource::UserEntered, ConversionPath::Inverse)
    );
    assert_eq!(f.rate.round_dp(6), d("1.176471"));
    // Entered again: replaced, not added.
    k.add_manual_rate(eur, usd, d("0.86"), day("2026-04-13"))
        .unwrap();
    assert_eq!(rate(&k, "USD", "EUR", "2026-04-13").unwrap().0, d("0.86"));
    // An older manual rate loses to a newer published table.
    k.add_manual_rate(eur, c("GBP"), d("1.2"), day("2026-04-10"))
        .unwrap();
    assert_eq!(
        rate(&k, "GBP", "EUR", "2026-04-13").unwrap().2,
        RateSource::Ecb
    );
    assert_eq!(
        rate(&k, "GBP", "EUR", "2026-04-12").unwrap(),
        (d("1.2"), "2026-04-10".into(), RateSource::UserEntered)
    );
    let tables = k.rate_tables().unwrap();
    assert_eq!(tables.len(), 3);
    let mine: Vec<_> = tables
        .iter()
        .filter(|t| t.source == RateSource::UserEntered)
        .map(|t| (t.valid_on.to_string(), t.rates, t.origin.as_str()))
        .collect();
    assert_eq!(
        mine,
        vec![
            ("2026-04-13".into(), 1, "manual"),
            ("2026-04-10".into(), 1, "manual")
        ]
    );

    // Bad arguments.
    let bad = |e: Error, field: &str, id: &str| match e {
        Error::Input(e) => assert_eq!((e.path.as_str(), e.message.id.as_ref()), (field, id)),
        other => panic!("expected an input error, got {other:?}"),
    };
    let on = day("2026-04-13");
    bad(
        k.add_manual_rate(eur, usd, d("0"), on).unwrap_err(),
        "per_unit",
        "input-not-positive",
    );
    bad(
        k.add_manual_rate(eur, usd, d("-1"), on).unwrap_err(),
        "per_unit",
        "input-not-positive",
    );
    bad(
        k.add_manual_rate(eur, usd, d("1000000000000.01"), on)
            .unwrap_err(),
        "per_unit",
        "input-too-big",
    );
    k.add_manual_rate(c("UZS"), c("IRR"), d("1000000000000"), on)
        .unwrap();
    bad(
        k.add_manual_rate(eur, eur, d("1"), on).unwrap_err(),
        "currency",
        "input-same-currency",
    );
    bad(
        rates::parse_currency("currency", "XYZ").unwrap_err(),
        "currency",
        "input-unknown-currency",
    );
    assert_eq!(rates::parse_currency("currency", " USD ").unwrap(), usd);
}

#[test]
fn identity_and_empty_store() {
    let (_dir, k) = open();
    let f = k
        .rate(c("USD"), c("USD"), day("2026-04-13"))
        .unwrap()
        .unwrap();
    assert_eq!((f.rate, f.path), (Decimal::ONE, ConversionPath::Identity));
    assert_eq!(rate(&k, "USD", "EUR", "2026-04-13"), None);
    assert!(k
        .rates_into(c("EUR"), day("2026-04-13"))
        .unwrap()
        .is_empty());
    assert!(k.rate_tables().unwrap().is_empty());
}

#[test]
fn bad_files_say_where_and_save_nothing() {
    let (dir, k) = open();
    let cases: Vec<(&str, String, &str, &str)> = vec![
        (
            "truncated.json",
            r#"[{"Ccy":"USD","Nominal":"1","Rate":"11909"#.into(),
            "line 1, column 41",
            "rates-syntax",
        ),
        (
            "truncated.xml",
            ECB_XML[..ECB_XML.find("<Cube currency='JPY'").unwrap() + 10].into(),
            "line 10",
            "rates-syntax",
        ),
        (
            "header.csv",
            "Datum,USD,JPY,\n2026-04-13,1.1684,186.75,\n".into(),
            "line 1, column 1",
            "rates-csv-date-column",
        ),
        (
            "header2.csv",
            "Date,USD,US Dollar,\n2026-04-13,1.1684,186.75,\n".into(),
            "line 1, column 3",
            "rates-not-code",
        ),
        (
            "abc.csv",
            "Date,USD,JPY,\n2026-04-14,1.17,187,\n2026-04-13,1.1684,abc,\n".into(),
            "line 3, column JPY",
            "rates-not-rate",
        ),
        (
            "short.csv",
            "Date,USD,JPY,\n2026-04-14,1.17,187,\n2026-04-13,1.16".into(),
            "line 3, column JPY",
            "rates-csv-short",
        ),
        (
            "date.csv",
            "Date,USD,\n2026-02-30,1.17,\n".into(),
            "line 2, column Date",
            "rates-date",
        ),
        (
            "negative.json",
            CBU_JSON.replace("\"2.83\"", "\"-2.83\""),
            "[2].Rate",
            "rates-not-positive",
        ),
        (
            "negative.xml",
            ECB_XML.replace("'171.94'", "'-171.94'"),
            "Cube[1]/Cube[2]@rate",
            "rates-not-positive",
        ),
        (
            "missing.xml",
            ECB_XML.replace(" rate='0.84638'", ""),
            "Cube[1]/Cube[3]@rate",
            "rates-missing",
        ),
        (
            "nodate.json",
            r#"[{"Ccy":"USD","Rate":"1"}]"#.into(),
            "[0].Date",
            "rates-missing",
        ),
        ("empty.csv", String::new(), "line 1", "rates-empty"),
        ("blank.json", " \n\n".into(), "line 1", "rates-empty"),
        ("none.json", "[]".into(), "-", "rates-no-rates"),
        (
            "unknown.txt",
            "hello world\n".into(),
            "line 1",
            "rates-unknown-format",
        ),
        (
            "page.xml",
            "<html><body>rates</body></html>".into(),
            "<html>",
            "rates-unknown-format",
        ),
    ];
    for (name, text, at_want, id) in cases {
        let path = write(dir.path(), name, &text);
        match k.import_rates(&path) {
            Err(e @ Error::Feed { .. }) => {
                assert!(e.is_bad_input());
                let Error::Feed { file, at, message } = e else {
                    unreachable!()
                };
                assert_eq!(file, name);
                assert!(
                    at.starts_with(at_want),
                    "{name}: at `{at}`, expected `{at_want}`"
                );
                assert_eq!(message.id, id, "{name} at {at}");
            }
            other => panic!("{name}: expected a feed error, got {other:?}"),
        }
    }

    // Over the size limit: refused before reading (a sparse file costs no disk).
    let big = dir.path().join("big.csv");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_FEED_BYTES + 1)
        .unwrap();
    let Err(Error::Feed { message, .. }) = k.import_rates(&big) else {
        panic!("expected a feed error for a large file")
    };
    assert_eq!(message.id, "rates-too-large");

    // A missing file is an I/O error, not the user's input.
    let missing = k.import_rates(&dir.path().join("nope.csv")).unwrap_err();
    assert!(matches!(missing, Error::Io { .. }));

    assert!(k.rate_tables().unwrap().is_empty(), "nothing was saved");
}
