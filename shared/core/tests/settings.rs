//! Device settings kept in the store (per device, across reopening, precise errors) and the
//! alert hook: every write that can raise an alert tells the registered hook, once committed.

use std::path::Path;
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::{Arg, Currency, Date};
use karvon_core::i18n::Lang;
use karvon_core::{
    Alert, Error, Karvon, KeySource, Plan, PurchaseInput, Settings, TravellerInput, TravellerPatch,
    TripInput, TripPatch,
};
use rust_decimal::Decimal;

const KEY: KeySource = KeySource::Provided([7; 32]);

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
fn day(s: &str) -> Date {
    s.parse().unwrap()
}
fn cur(s: &str) -> Currency {
    Currency::from_code(s).unwrap()
}

fn open(dir: &Path) -> Karvon {
    Karvon::open(dir, &KEY).unwrap()
}

fn field(e: &Error) -> (String, String) {
    match e {
        Error::Input(i) => (i.path.clone(), i.message.id.to_string()),
        other => panic!("expected an input error, got {other:?}"),
    }
}

#[test]
fn settings_default_then_persist_per_device_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    assert_eq!(k.saved_settings().unwrap(), None);
    let defaults = k.settings().unwrap();
    assert_eq!(defaults.language, Lang::En);
    assert_eq!(defaults.home_country, "UZ");
    assert_eq!(defaults.currency.code(), "UZS");

    let pending = k.pending_changes(100).unwrap().len();
    let s = Settings::parse(" ru_RU.UTF-8", "fi ", "eur").unwrap();
    assert_eq!(
        (s.language, s.home_country.as_str(), s.currency.code()),
        (Lang::Ru, "FI", "EUR")
    );
    k.save_settings(&s).unwrap();
    // Per device: nothing waits for sync.
    assert_eq!(k.pending_changes(100).unwrap().len(), pending);
    drop(k);

    let k = open(dir.path());
    assert_eq!(k.saved_settings().unwrap(), Some(s.clone()));
    assert_eq!(k.settings().unwrap(), s);

    // Saving again replaces them.
    let uz = Settings {
        language: Lang::Uz,
        ..s
    };
    k.save_settings(&uz).unwrap();
    assert_eq!(open(dir.path()).settings().unwrap().language, Lang::Uz);
}

#[test]
fn bad_settings_name_their_fields_and_save_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());

    let one = Settings::parse("en", "XX", "UZS").unwrap_err();
    assert_eq!(
        field(&one),
        ("home_country".into(), "settings-country".into())
    );
    assert!(one.is_bad_input());

    let Error::Invalid(all) = Settings::parse("de", "Uzbekistan", "EURO").unwrap_err() else {
        panic!("expected every problem")
    };
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|p| (p.path.as_str(), p.message.id.as_ref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("language", "settings-language"),
            ("home_country", "settings-country"),
            ("currency", "settings-currency"),
        ]
    );
    assert_eq!(
        all[2].message.args,
        vec![(
            "value".into(),
            Arg::Text {
                value: "EURO".into()
            }
        )]
    );

    // A struct built by hand is checked on save, and a refused one leaves nothing behind.
    let bad = Settings {
        home_country: "uz".into(),
        ..Settings::default()
    };
    let e = k.save_settings(&bad).unwrap_err();
    assert_eq!(
        field(&e),
        ("home_country".into(), "settings-country".into())
    );
    assert_eq!(k.saved_settings().unwrap(), None);
}

#[test]
fn unreadable_stored_settings_name_the_field_and_can_be_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    // An older or damaged value: a field this version cannot read; unknown ones are ignored.
    k.store()
        .unwrap()
        .write(|tx| {
            tx.execute(
                "INSERT INTO meta(key, value) VALUES ('settings',
                 '{\"language\":\"ru\",\"currency\":\"XYZ\",\"theme\":\"dark\"}')",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let Err(Error::Store(m)) = k.settings() else {
        panic!("expected a store error")
    };
    assert_eq!(m.id, "settings-stored");
    assert_eq!(
        m.args,
        vec![(
            "field".into(),
            Arg::Text {
                value: "currency".into()
            }
        )]
    );
    k.save_settings(&Settings::default()).unwrap();
    assert_eq!(k.settings().unwrap(), Settings::default());

    // Fields left out (settings from an older version) take their defaults.
    k.store()
        .unwrap()
        .write(|tx| {
            tx.execute(
                "UPDATE meta SET value = '{\"language\":\"uz\",\"future\":[1]}' WHERE key = 'settings'",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let s = k.settings().unwrap();
    assert_eq!((s.language, s.home_country.as_str()), (Lang::Uz, "UZ"));
}

/// Registers a hook that keeps the kinds of the alerts it hears about, in order.
fn listen(k: &Karvon) -> Arc<Mutex<Vec<Alert>>> {
    let heard = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&heard);
    k.set_alert_hook(Some(Arc::new(move |alerts: &[Alert]| {
        sink.lock().unwrap().extend_from_slice(alerts);
    })))
    .unwrap();
    heard
}

/// The kinds heard since the last call, sorted.
fn take(heard: &Mutex<Vec<Alert>>) -> Vec<String> {
    let mut kinds: Vec<String> = heard.lock().unwrap().drain(..).map(|a| a.kind).collect();
    kinds.sort();
    kinds
}

fn adult(k: &Karvon) -> String {
    k.add_traveller(&TravellerInput {
        name: "Aziza Karimova".into(),
        birth_date: Some(day("1990-03-14")),
        residency: "fi".into(),
        document: None,
        statuses: vec![],
    })
    .unwrap()
    .id
}

fn trip(k: &Karvon, who: &str) -> String {
    k.add_trip(&TripInput {
        name: "Istanbul".into(),
        jurisdiction: "fi".into(),
        arrival: day("2026-12-10"),
        mode: Mode::Air,
        days_abroad: 6,
        travellers: vec![who.to_owned()],
        plan: None,
        joint: false,
    })
    .unwrap()
    .id
}

fn goods(trip: &str, what: &str, value: &str, currency: &str) -> PurchaseInput {
    PurchaseInput::new(trip, what, Kind::Goods, day("2026-12-05")).priced(d(value), cur(currency))
}

#[test]
fn every_write_that_raises_an_alert_tells_the_hook() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    let heard = listen(&k);
    let who = adult(&k);
    let t = trip(&k, &who);

    // Add: the hook hears exactly what the call returns (€350 of €430 by air).
    let b = k.add_purchase(&goods(&t, "Watch", "350", "EUR")).unwrap();
    assert_eq!(*heard.lock().unwrap(), b.alerts);
    assert_eq!(take(&heard), ["allowance_80"]);

    // Edit the purchase over the allowance.
    k.edit_purchase(&b.purchase.id, &goods(&t, "Watch", "450", "EUR"))
        .unwrap();
    assert_eq!(take(&heard), ["allowance_100", "dutiable"]);

    // Delete: conditions go off, nothing is raised; undo brings them all back.
    k.delete_purchase(&b.purchase.id).unwrap();
    assert_eq!(take(&heard), Vec::<String>::new());
    k.undo_delete().unwrap();
    assert_eq!(take(&heard), ["allowance_100", "allowance_80", "dutiable"]);

    // Trip edits: a spending plan that is already exceeded.
    k.edit_trip(
        &t,
        &TripPatch {
            plan: Some(Some(Plan {
                amount: d("100"),
                currency: cur("EUR"),
            })),
            ..TripPatch::default()
        },
    )
    .unwrap();
    assert_eq!(take(&heard), ["plan"]);

    // A failed write raises nothing.
    let mut bad = goods(&t, "Scarf", "10", "EUR");
    bad.count = Some(d("-1"));
    assert!(k.add_purchase(&bad).is_err());
    assert_eq!(take(&heard), Vec::<String>::new());

    // Removing the hook stops it.
    k.set_alert_hook(None).unwrap();
    k.delete_purchase(&b.purchase.id).unwrap();
    k.undo_delete().unwrap();
    assert_eq!(take(&heard), Vec::<String>::new());
}

#[test]
fn trip_mode_and_traveller_edits_raise_alerts() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    let heard = listen(&k);
    let who = adult(&k);
    let t = trip(&k, &who);

    // €250 of €430 by air is 58 %: nothing; by road the allowance is €300: 83 %.
    k.add_purchase(&goods(&t, "Coat", "250", "EUR")).unwrap();
    assert_eq!(take(&heard), Vec::<String>::new());
    k.edit_trip(
        &t,
        &TripPatch {
            mode: Some(Mode::Road),
            ..TripPatch::default()
        },
    )
    .unwrap();
    assert_eq!(take(&heard), ["allowance_80"]);

    // In Türkiye a child under 15 has €150 instead of €430: €130 is 30 % for an adult and
    // 87 % once the traveller's birth date makes them 10.
    k.add_manual_rate(cur("TRY"), cur("EUR"), d("35"), day("2026-11-01"))
        .unwrap();
    let tr = k
        .add_trip(&TripInput {
            name: "Antalya".into(),
            jurisdiction: "tr".into(),
            arrival: day("2026-12-10"),
            mode: Mode::Air,
            days_abroad: 6,
            travellers: vec![who.clone()],
            plan: None,
            joint: false,
        })
        .unwrap()
        .id;
    k.add_purchase(&goods(&tr, "Toy", "130", "EUR")).unwrap();
    assert_eq!(take(&heard), Vec::<String>::new());
    k.edit_traveller(
        &who,
        &TravellerPatch {
            birth_date: Some(day("2016-06-01")),
            ..TravellerPatch::default()
        },
    )
    .unwrap();
    assert_eq!(take(&heard), ["allowance_80"]);
    let open = k.alerts(&tr, false).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].trip, tr);
}

const ECB_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
	<Cube>
		<Cube time='2026-12-04'>
			<Cube currency='USD' rate='1.25'/>
		</Cube>
	</Cube>
</gesmes:Envelope>
"#;

#[test]
fn rates_that_let_a_trip_be_assessed_raise_its_alerts() {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    let heard = listen(&k);
    let who = adult(&k);

    // No USD rate yet: the trip cannot be assessed and raises nothing.
    let imported = trip(&k, &who);
    k.add_purchase(&goods(&imported, "Camera", "500", "USD"))
        .unwrap();
    assert_eq!(take(&heard), Vec::<String>::new());

    // An imported feed: $500 at 1.25 per euro is €400 of €430.
    let feed = dir.path().join("eurofxref.xml");
    std::fs::write(&feed, ECB_XML).unwrap();
    k.import_rates(&feed).unwrap();
    assert_eq!(take(&heard), ["allowance_80"]);

    // A rate typed in by the user, on a later date: €0.92 per dollar makes $500 €460.
    k.add_manual_rate(cur("EUR"), cur("USD"), d("0.92"), day("2026-12-05"))
        .unwrap();
    assert_eq!(take(&heard), ["allowance_100", "dutiable"]);
}
