//! `karvon`: the command line front of Karvon.
//!
//! Exit codes: 0 success, 2 bad input (the message names the field path), 1 anything else.

mod args;
mod backup;
mod dist;
mod docs;
mod input;
mod sync;
mod table;
mod trade;
mod views;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use karvon_core::domain::document::DocKind;
use karvon_core::i18n::{Catalogue, Lang};
use karvon_core::report::{assessment_json, error_text};
use karvon_core::{
    Error, Karvon, KeySource, Plan, TravellerInput, TravellerPatch, TripInput, TripPatch,
};
use serde::Serialize;

use args::{Cli, Command, HsCmd, PartyCmd, PurchaseCmd, RatesCmd, TravellerCmd, TripCmd};

fn language(flag: Option<&str>) -> Lang {
    flag.map(str::to_owned)
        .or_else(|| std::env::var("KARVON_LANG").ok())
        .or_else(|| std::env::var("LANG").ok())
        .and_then(|s| Lang::parse(&s))
        .unwrap_or(Lang::En)
}

/// A reader that closes the pipe early (`karvon … | head`) ends the output quietly, with the
/// exit code of a success, instead of a panic from `println!`.
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if text.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_on_broken_pipe();
    let cli = Cli::parse();
    let cat = Catalogue::new(language(cli.lang.as_deref()));
    match run(&cli, &cat) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "karvon: {}: {}",
                cat.text("cli-error"),
                error_text(&cat, &e)
            );
            ExitCode::from(if e.is_bad_input() { 2 } else { 1 })
        }
    }
}

fn print_json<T: Serialize>(v: &T) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

/// Opens the data folder the options or the environment name.
fn open(cli: &Cli) -> Result<Karvon, Error> {
    let missing = || Error::Store(karvon_core::domain::Message::new("error-no-data"));
    let dir = data_dir(cli).ok_or_else(missing)?;
    let key = cli
        .key_file
        .clone()
        .or_else(|| std::env::var_os("KARVON_KEY_FILE").map(PathBuf::from))
        .or_else(Karvon::default_key_file)
        .unwrap_or_else(|| dir.join("key"));
    let mut k = Karvon::open(&dir, &KeySource::File(key))?;
    for p in &cli.packs {
        k.load_pack_file(p)?;
    }
    Ok(k)
}

/// The data folder the options or the environment name, if any.
fn data_dir(cli: &Cli) -> Option<PathBuf> {
    cli.data
        .clone()
        .or_else(|| std::env::var_os("KARVON_DATA").map(PathBuf::from))
        .or_else(Karvon::default_data_dir)
}

/// A core with the rules packs in force: the embedded ones, replaced by the packs installed
/// from signed bundles when the data folder exists, then the `--pack` files.
fn with_packs(cli: &Cli) -> Result<Karvon, Error> {
    if data_dir(cli).is_some_and(|d| d.join(karvon_core::DATABASE_FILE).is_file()) {
        return open(cli);
    }
    let mut core = Karvon::new()?;
    for p in &cli.packs {
        core.load_pack_file(p)?;
    }
    Ok(core)
}

fn run(cli: &Cli, cat: &Catalogue) -> Result<(), Error> {
    match &cli.command {
        Command::Assess { file, json } => {
            let core = with_packs(cli)?;
            let a = core.assess_file(file)?;
            if *json {
                print_json(&assessment_json(&a, cat));
            } else {
                print!("{}", table::render(&a, cat));
            }
        }
        Command::Packs { json } => {
            let core = with_packs(cli)?;
            views::packs(&core, cat, *json);
        }
        Command::Traveller(c) => traveller(&open(cli)?, cat, c)?,
        Command::Party(c) => party(&open(cli)?, cat, c)?,
        Command::Trip(c) => trip(&open(cli)?, cat, c)?,
        Command::Buy(a) => {
            let k = open(cli)?;
            let trip = k.resolve_id("trip", &a.trip)?;
            let p = input::purchase(&trip, a)?;
            let bought = k.add_purchase(&p)?;
            if let Some(file) = &a.receipt {
                k.attach_receipt(&bought.purchase.id, file)?;
            }
            if a.json {
                print_json(&bought);
            } else {
                views::bought(&bought, cat);
            }
        }
        Command::WhatIf(a) => {
            let k = open(cli)?;
            let trip = k.resolve_id("trip", &a.trip)?;
            let w = k.what_if(&input::purchase(&trip, a)?)?;
            if a.json {
                print_json(&views::what_if_json(&w, cat));
            } else {
                views::what_if(&w, cat);
            }
        }
        Command::Purchase(c) => purchase(&open(cli)?, cat, c)?,
        Command::Status { trip, json } => {
            let k = open(cli)?;
            let s = k.status(&k.resolve_id("trip", trip)?)?;
            if *json {
                print_json(&views::status_json(&s, cat));
            } else {
                print!("{}", views::status(&s, cat));
            }
        }
        Command::Alerts {
            trip,
            all,
            ack,
            json,
        } => {
            let k = open(cli)?;
            let trip = k.resolve_id("trip", trip)?;
            if let Some(id) = ack {
                k.acknowledge_alert(id)?;
            }
            let list = k.alerts(&trip, *all)?;
            if *json {
                print_json(&views::alerts_json(&list, cat));
            } else {
                views::alerts(&list, cat);
            }
        }
        Command::Undo => {
            let k = open(cli)?;
            match k.undo_delete()? {
                Some(r) => println!(
                    "{}",
                    cat.render(
                        &karvon_core::domain::Message::new("cli-restored")
                            .term("entity", format!("entity-{}", r.entity))
                            .text("id", r.id)
                    )
                ),
                None => println!("{}", cat.text("cli-nothing-to-undo")),
            }
        }
        Command::Declare { trip, sign } => {
            let k = open(cli)?;
            let d = k.declare_trip(trip)?;
            docs::made(&k, cat, d, *sign)?;
        }
        Command::Cn22(a) => docs::postal(&open(cli)?, cat, DocKind::Cn22, a)?,
        Command::Cn23(a) => docs::postal(&open(cli)?, cat, DocKind::Cn23, a)?,
        Command::Doc(c) => docs::doc(&open(cli)?, cat, c)?,
        Command::Trade(c) => trade::trade(&open(cli)?, cat, c)?,
        Command::Sign { id } => docs::sign(&open(cli)?, cat, id)?,
        Command::Verify { what, json } => {
            // Verifying needs no data folder; with one, it also says whether this device signed.
            let k = if cli.data.is_some() || std::env::var_os("KARVON_DATA").is_some() {
                open(cli)?
            } else {
                Karvon::new()?
            };
            docs::verify(&k, cat, what, *json)?;
        }
        Command::Export(a) => docs::export(&open(cli)?, cat, a)?,
        Command::Pay(c) => docs::pay(&open(cli)?, cat, c)?,
        Command::Rates(c) => rates(&open(cli)?, cat, c)?,
        Command::Hs(c) => hs(&open(cli)?, cat, c)?,
        Command::Sync(a) => sync::run(&open(cli)?, cat, a)?,
        Command::Sources(a) => dist::sources(&open(cli)?, cat, a)?,
        Command::Update(a) => dist::update(&mut open(cli)?, cat, a)?,
        Command::Backup(a) => backup::backup(|| open(cli), cat, a)?,
        Command::Restore(a) => backup::restore(&open(cli)?, cat, a)?,
    }
    Ok(())
}

fn traveller(k: &Karvon, cat: &Catalogue, c: &TravellerCmd) -> Result<(), Error> {
    match c {
        TravellerCmd::Add(a) => {
            let t = k.add_traveller(&TravellerInput {
                name: a.name.clone().unwrap_or_default(),
                birth_date: a
                    .born
                    .as_deref()
                    .map(|b| input::date("--born", b))
                    .transpose()?,
                residency: a.residency.clone().unwrap_or_default(),
                document: a.document.clone(),
                statuses: a.statuses.clone(),
            })?;
            views::created(cat, "traveller", &t.id);
        }
        TravellerCmd::List { json } => {
            let list = k.travellers()?;
            if *json {
                print_json(&list);
            } else {
                views::travellers(&list, cat);
            }
        }
        TravellerCmd::Edit { id, fields: a } => {
            let id = k.resolve_id("traveller", id)?;
            k.edit_traveller(
                &id,
                &TravellerPatch {
                    name: a.name.clone(),
                    birth_date: a
                        .born
                        .as_deref()
                        .map(|b| input::date("--born", b))
                        .transpose()?,
                    residency: a.residency.clone(),
                    document: a
                        .document
                        .clone()
                        .map(|d| Some(d).filter(|d| !d.trim().is_empty())),
                    statuses: (!a.statuses.is_empty()).then(|| a.statuses.clone()),
                },
            )?;
            views::saved(cat, "traveller", &id);
        }
        TravellerCmd::Delete { id } => {
            let id = k.resolve_id("traveller", id)?;
            k.delete_traveller(&id)?;
            views::deleted(cat, "traveller", &id);
        }
    }
    Ok(())
}

fn plan_of(a: &args::TripArgs) -> Result<Option<Plan>, Error> {
    match (&a.plan, &a.plan_currency) {
        (None, None) => Ok(None),
        (Some(amount), Some(c)) => Ok(Some(Plan {
            amount: input::decimal("--plan", amount)?,
            currency: input::currency("--plan-currency", c)?,
        })),
        (Some(_), None) => Err(Error::Input(karvon_core::domain::InputError::new(
            "--plan-currency",
            karvon_core::domain::Message::new("input-missing"),
        ))),
        (None, Some(_)) => Err(Error::Input(karvon_core::domain::InputError::new(
            "--plan",
            karvon_core::domain::Message::new("input-missing"),
        ))),
    }
}

fn resolve_all(k: &Karvon, ids: &[String]) -> Result<Vec<String>, Error> {
    ids.iter().map(|t| k.resolve_id("traveller", t)).collect()
}

/// The travellers named one by one plus every member of the parties named.
fn who_travels(k: &Karvon, a: &args::TripArgs) -> Result<Vec<String>, Error> {
    let mut ids = resolve_all(k, &a.travellers)?;
    if !a.parties.is_empty() {
        let parties = k.parties()?;
        for p in &a.parties {
            let id = k.resolve_id("party", p)?;
            if let Some(party) = parties.iter().find(|x| x.id == id) {
                ids.extend(party.members.iter().cloned());
            }
        }
    }
    Ok(ids)
}

fn party(k: &Karvon, cat: &Catalogue, c: &PartyCmd) -> Result<(), Error> {
    match c {
        PartyCmd::Add { name, travellers } => {
            let p = k.add_party(name, &resolve_all(k, travellers)?)?;
            views::created(cat, "party", &p.id);
        }
        PartyCmd::List { json } => {
            let list = k.parties()?;
            if *json {
                print_json(&list);
            } else {
                let people = k.travellers()?;
                for p in &list {
                    let names: Vec<&str> = p
                        .members
                        .iter()
                        .filter_map(|m| people.iter().find(|t| t.id == *m).map(|t| t.name.as_str()))
                        .collect();
                    println!("{}  {}: {}", p.id, p.name, names.join(", "));
                }
            }
        }
        PartyCmd::Delete { id } => {
            let id = k.resolve_id("party", id)?;
            k.delete_party(&id)?;
            views::deleted(cat, "party", &id);
        }
    }
    Ok(())
}

fn trip(k: &Karvon, cat: &Catalogue, c: &TripCmd) -> Result<(), Error> {
    let missing = |flag: &str| {
        Error::Input(karvon_core::domain::InputError::new(
            flag,
            karvon_core::domain::Message::new("input-missing"),
        ))
    };
    match c {
        TripCmd::New(a) => {
            let t = k.add_trip(&TripInput {
                name: a.name.clone().unwrap_or_default(),
                jurisdiction: a.jurisdiction.clone().ok_or_else(|| missing("--to"))?,
                arrival: input::date(
                    "--arrive",
                    a.arrive.as_deref().ok_or_else(|| missing("--arrive"))?,
                )?,
                mode: input::mode("--mode", a.mode.as_deref().unwrap_or("air"))?,
                days_abroad: input::days(
                    "--days",
                    a.days.as_deref().ok_or_else(|| missing("--days"))?,
                )?,
                travellers: who_travels(k, a)?,
                plan: plan_of(a)?,
                joint: a
                    .joint
                    .as_deref()
                    .map(|j| input::yes_no("--joint", j))
                    .transpose()?
                    .unwrap_or(false),
            })?;
            views::created(cat, "trip", &t.id);
        }
        TripCmd::List { json } => {
            let list = k.trips()?;
            if *json {
                print_json(&list);
            } else {
                views::trips(&list, cat);
            }
        }
        TripCmd::Show { trip, json } => {
            let t = k.trip(&k.resolve_id("trip", trip)?)?;
            let purchases = k.purchases(&t.id)?;
            if *json {
                print_json(&serde_json::json!({"trip": t, "purchases": purchases}));
            } else {
                views::trip_show(&t, &purchases, cat);
            }
        }
        TripCmd::Edit {
            trip,
            fields: a,
            no_plan,
        } => {
            let id = k.resolve_id("trip", trip)?;
            let plan = if *no_plan {
                Some(None)
            } else {
                plan_of(a)?.map(Some)
            };
            k.edit_trip(
                &id,
                &TripPatch {
                    name: a.name.clone(),
                    jurisdiction: a.jurisdiction.clone(),
                    arrival: a
                        .arrive
                        .as_deref()
                        .map(|d| input::date("--arrive", d))
                        .transpose()?,
                    mode: a
                        .mode
                        .as_deref()
                        .map(|m| input::mode("--mode", m))
                        .transpose()?,
                    days_abroad: a
                        .days
                        .as_deref()
                        .map(|d| input::days("--days", d))
                        .transpose()?,
                    travellers: if a.travellers.is_empty() && a.parties.is_empty() {
                        None
                    } else {
                        Some(who_travels(k, a)?)
                    },
                    plan,
                    joint: a
                        .joint
                        .as_deref()
                        .map(|j| input::yes_no("--joint", j))
                        .transpose()?,
                },
            )?;
            views::saved(cat, "trip", &id);
        }
        TripCmd::Delete { trip } => {
            let id = k.resolve_id("trip", trip)?;
            k.delete_trip(&id)?;
            views::deleted(cat, "trip", &id);
        }
        TripCmd::Export { trip, out } => {
            let v = k.export_trip(&k.resolve_id("trip", trip)?)?;
            let text = serde_json::to_string_pretty(&v).unwrap_or_default();
            match out {
                Some(path) => std::fs::write(path, text + "\n").map_err(|source| Error::Io {
                    path: path.display().to_string(),
                    source,
                })?,
                None => println!("{text}"),
            }
        }
    }
    Ok(())
}

fn purchase(k: &Karvon, cat: &Catalogue, c: &PurchaseCmd) -> Result<(), Error> {
    match c {
        PurchaseCmd::List { trip, json } => {
            let list = k.purchases(&k.resolve_id("trip", trip)?)?;
            if *json {
                print_json(&list);
            } else {
                views::purchases(&list, cat);
            }
        }
        PurchaseCmd::Delete { id } => {
            let id = k.resolve_id("purchase", id)?;
            k.delete_purchase(&id)?;
            views::deleted(cat, "purchase", &id);
        }
        PurchaseCmd::Attach { id, file } => {
            let id = k.resolve_id("purchase", id)?;
            let r = k.attach_receipt(&id, file)?;
            views::created(cat, "receipt", &r.id);
        }
    }
    Ok(())
}

fn rates(k: &Karvon, cat: &Catalogue, c: &RatesCmd) -> Result<(), Error> {
    match c {
        RatesCmd::Import { file } => {
            let r = k.import_rates(file)?;
            views::rates_import(&r, cat);
        }
        RatesCmd::Add {
            currency,
            rate,
            base,
            date,
        } => {
            let on = match date {
                Some(d) => input::date("--date", d)?,
                None => input::today(),
            };
            k.add_manual_rate(
                input::currency("--base", base)?,
                input::currency("currency", currency)?,
                input::decimal("rate", rate)?,
                on,
            )?;
            println!("{}", cat.text("cli-rate-saved"));
        }
        RatesCmd::List { json } => {
            let list = k.rate_tables()?;
            if *json {
                print_json(&list);
            } else {
                views::rate_tables(&list, cat);
            }
        }
    }
    Ok(())
}

fn hs(k: &Karvon, cat: &Catalogue, c: &HsCmd) -> Result<(), Error> {
    match c {
        HsCmd::Import { file } => {
            let r = k.import_hs(file)?;
            println!(
                "{}",
                cat.render(
                    &karvon_core::domain::Message::new("cli-hs-imported")
                        .int("chapters", i64::try_from(r.chapters).unwrap_or(0))
                        .int("headings", i64::try_from(r.headings).unwrap_or(0))
                        .int("subheadings", i64::try_from(r.subheadings).unwrap_or(0))
                )
            );
        }
        HsCmd::Search { query, limit, json } => {
            let hits = k.hs_search(query, *limit)?;
            if *json {
                print_json(&hits);
            } else {
                views::hs_hits(&hits, cat);
            }
        }
        HsCmd::Show { code, json } => match k.hs_lookup(code)? {
            Some(e) if *json => print_json(&e),
            Some(e) => views::hs_entry(&e),
            None => {
                return Err(Error::NotFound {
                    entity: "hs_code",
                    id: code.chars().take(16).collect(),
                })
            }
        },
    }
    Ok(())
}
