//! `karvon`: the command line front of Karvon.
//!
//! Exit codes: 0 success, 2 bad input (the message names the field path), 1 anything else.

mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use karvon_core::i18n::{Catalogue, Lang};
use karvon_core::report::{assessment_json, error_text};
use karvon_core::{Error, Karvon};

/// Karvon — offline customs companion.
#[derive(Debug, Parser)]
#[command(name = "karvon", version)]
struct Cli {
    /// Language of the output: en, uz, ru (default: $KARVON_LANG, then $LANG, then en).
    #[arg(long, global = true)]
    lang: Option<String>,
    /// Load a rules pack file (replaces the embedded pack of its jurisdiction); repeatable.
    #[arg(long = "pack", global = true)]
    packs: Vec<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Assess a trip file: do I have to declare, and what will I pay?
    Assess {
        /// The trip file (JSON).
        file: PathBuf,
        /// Print the JSON document instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// List the rules packs.
    Packs {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

fn language(flag: Option<&str>) -> Lang {
    flag.map(str::to_owned)
        .or_else(|| std::env::var("KARVON_LANG").ok())
        .or_else(|| std::env::var("LANG").ok())
        .and_then(|s| Lang::parse(&s))
        .unwrap_or(Lang::En)
}

fn main() -> ExitCode {
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

fn run(cli: &Cli, cat: &Catalogue) -> Result<(), Error> {
    let mut core = Karvon::new()?;
    for p in &cli.packs {
        core.load_pack_file(p)?;
    }
    match &cli.command {
        Command::Assess { file, json } => {
            let a = core.assess_file(file)?;
            if *json {
                let doc = assessment_json(&a, cat);
                println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
            } else {
                print!("{}", table::render(&a, cat));
            }
        }
        Command::Packs { json } => {
            if *json {
                let list: Vec<_> = core
                    .packs()
                    .iter()
                    .map(|p| {
                        serde_json::json!({
                            "id": p.id, "name": p.name, "currency": p.currency,
                            "valid_from": p.valid_from, "assessable": p.assessable,
                            "extends": p.extends, "file": core.packs().file_of(&p.id),
                        })
                    })
                    .collect();
                println!(
                    "{}",
                    serde_json::to_string_pretty(&list).unwrap_or_default()
                );
            } else {
                println!("{}", cat.text("cli-packs-header"));
                for p in core.packs().iter() {
                    let file = core.packs().file_of(&p.id).unwrap_or("-");
                    println!(
                        "  {:<3} {}  {}  {}  ({})",
                        p.id, p.currency, p.valid_from, p.name, file
                    );
                }
            }
        }
    }
    Ok(())
}
