//! `karvon sources` (where each pack, rate table and HS set in force came from; trusted
//! publisher keys) and `karvon update` (install newer signed bundles from the sync server).

use clap::{Args, Subcommand};
use karvon_core::dist::{DistError, DistFailure, Origin, SourceEntry, UpdateProgress};
use karvon_core::domain::dist::BundleKind;
use karvon_core::domain::Message;
use karvon_core::i18n::Catalogue;
use karvon_core::sync::{SyncError, SyncOptions};
use karvon_core::{Error, Karvon};

use crate::sync::format_ms;

/// Options of `karvon sources`.
#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// What to do (default: the origin of everything in force).
    #[command(subcommand)]
    pub cmd: Option<SourcesCmd>,
    /// Print JSON.
    #[arg(long, global = true)]
    pub json: bool,
}

/// Publisher key commands.
#[derive(Debug, Subcommand)]
pub enum SourcesCmd {
    /// Trust a publisher key (64 hex digits, as `karvon-server publisher-key` prints it).
    Trust {
        /// The public key.
        key: String,
    },
    /// Stop trusting a publisher key; what it signed stays installed.
    Untrust {
        /// The key id (as `karvon sources keys` lists it).
        key_id: String,
    },
    /// List the trusted publisher keys.
    Keys,
}

/// Options of `karvon update`.
#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The server, e.g. http://127.0.0.1:8787 (remembered as the sync server).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

fn print_json<T: serde::Serialize>(v: &T) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

fn int<T: TryInto<i64>>(n: T) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// Runs `karvon sources`.
pub fn sources(k: &Karvon, cat: &Catalogue, a: &SourcesArgs) -> Result<(), Error> {
    let line = |m: Message| println!("{}", cat.render(&m));
    match &a.cmd {
        Some(SourcesCmd::Trust { key }) => {
            let key = k.trust_publisher(key)?;
            if a.json {
                print_json(&key);
            } else {
                line(Message::new("dist-cli-trusted").text("key", key.key_id));
            }
        }
        Some(SourcesCmd::Untrust { key_id }) => {
            k.untrust_publisher(key_id)?;
            if !a.json {
                line(Message::new("dist-cli-untrusted").text("key", key_id.clone()));
            }
        }
        Some(SourcesCmd::Keys) => {
            let keys = k.publishers()?;
            if a.json {
                print_json(&keys);
            } else if keys.is_empty() {
                line(Message::new("dist-cli-no-keys"));
            } else {
                for key in keys {
                    line(
                        Message::new("dist-cli-key")
                            .text("key", key.key_id)
                            .text("public", key.public_key)
                            .text("when", format_ms(key.added_ms)),
                    );
                }
            }
        }
        None => {
            let s = k.sources()?;
            if a.json {
                print_json(&s);
                return Ok(());
            }
            for e in &s.entries {
                line(entry(cat, e));
                if let Some(f) = &e.failure {
                    println!("    {}", failure(cat, f));
                }
            }
            let loose: Vec<&DistFailure> = s
                .failures
                .iter()
                .filter(|f| {
                    !s.entries
                        .iter()
                        .any(|e| e.kind == f.kind && e.name == f.name)
                })
                .collect();
            for f in loose {
                line(
                    Message::new("dist-cli-source-none")
                        .term("kind", f.kind.term())
                        .text("name", f.name.clone()),
                );
                println!("    {}", failure(cat, f));
            }
        }
    }
    Ok(())
}

/// One line of the origin table.
fn entry(cat: &Catalogue, e: &SourceEntry) -> Message {
    let what = match e.kind {
        BundleKind::Pack => {
            cat.render(&Message::new("dist-cli-what-pack").text("name", e.name.clone()))
        }
        BundleKind::Rates => {
            let (first, last) = e
                .dates
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .unwrap_or_default();
            cat.render(
                &Message::new("dist-cli-what-rates")
                    .text("name", e.name.clone())
                    .text("base", e.base.clone().unwrap_or_default())
                    .int("count", int(e.count))
                    .text("first", first)
                    .text("last", last),
            )
        }
        BundleKind::Hs => cat.render(&Message::new("dist-cli-what-hs").int("count", int(e.count))),
    };
    let m = match &e.origin {
        Origin::Embedded => Message::new("dist-cli-origin-embedded"),
        Origin::File { path } => Message::new("dist-cli-origin-file").text("path", path.clone()),
        Origin::Manual => Message::new("dist-cli-origin-manual"),
        Origin::Unknown => Message::new("dist-cli-origin-unknown"),
        Origin::Publisher {
            key_id,
            server,
            version,
            published_ms,
            installed_ms,
        } => Message::new("dist-cli-origin-publisher")
            .int("version", int(*version))
            .text("key", key_id.clone())
            .text("server", server.clone())
            .text("published", format_ms(*published_ms))
            .text("installed", format_ms(*installed_ms)),
    };
    m.text("what", what)
}

/// Prints the recorded refusals of bundles (for `karvon sync --status`).
pub fn print_failures(k: &Karvon, cat: &Catalogue) -> Result<(), Error> {
    let failures = k.sources()?.failures;
    if !failures.is_empty() {
        println!(
            "{}",
            cat.render(&Message::new("dist-cli-failures").int("count", int(failures.len())))
        );
    }
    for f in &failures {
        println!("  {}", failure(cat, f));
    }
    Ok(())
}

/// A recorded refusal, with its reason.
fn failure(cat: &Catalogue, f: &DistFailure) -> String {
    let mut reason = cat.render(&f.message);
    if let Some(p) = &f.problem {
        reason = format!("{reason}: {}", cat.render(p));
    }
    let m = match f.version {
        Some(v) => Message::new("dist-cli-refused-version").int("version", int(v)),
        None => Message::new("dist-cli-refused"),
    };
    cat.render(
        &m.term("kind", f.kind.term())
            .text("name", f.name.clone())
            .text("server", f.server.clone())
            .text("when", format_ms(f.at_ms))
            .text("reason", reason),
    )
}

/// Runs `karvon update`: progress on stderr, a summary on stdout; exit 1 when a bundle was
/// refused (each refusal is recorded and shown by `karvon sources`).
pub fn update(k: &mut Karvon, cat: &Catalogue, a: &UpdateArgs) -> Result<(), Error> {
    if let Some(url) = &a.server {
        k.configure_sync(url).map_err(|e| match e {
            // A malformed address is bad input (exit 2), naming the option.
            Error::Sync(s @ SyncError::BadUrl { .. }) => Error::Input(
                karvon_core::domain::InputError::new("--server", s.message()),
            ),
            other => other,
        })?;
    }
    let json = a.json;
    let report = k.update(&SyncOptions::default(), &mut |p| {
        if json {
            return;
        }
        let m = match p {
            UpdateProgress::Listed { total, newer } => Message::new("dist-cli-update-listed")
                .int("total", int(total))
                .int("newer", int(newer)),
            UpdateProgress::Fetching {
                kind,
                name,
                version,
                size,
                done,
                total,
            } => Message::new("dist-cli-update-fetching")
                .term("kind", kind.term())
                .text("name", name)
                .int("version", int(version))
                .int("size", int(size))
                .int("done", int(done.saturating_add(1)))
                .int("total", int(total)),
        };
        eprintln!("{}", cat.render(&m));
    })?;
    if json {
        print_json(&report);
    } else {
        for i in &report.installed {
            let m = match i.previous {
                Some(p) => Message::new("dist-cli-installed-over").int("previous", int(p)),
                None => Message::new("dist-cli-installed"),
            };
            println!(
                "  {}",
                cat.render(
                    &m.term("kind", i.kind.term())
                        .text("name", i.name.clone())
                        .int("version", int(i.version))
                        .text("key", i.key_id.clone())
                )
            );
        }
        for f in &report.failures {
            println!("  {}", failure(cat, f));
        }
        println!(
            "{}",
            cat.render(
                &Message::new("dist-cli-update-done")
                    .text("server", report.server.clone())
                    .int("installed", int(report.installed.len()))
                    .int("current", int(report.current))
                    .int("failed", int(report.failures.len()))
            )
        );
    }
    if report.failures.is_empty() {
        Ok(())
    } else {
        Err(DistError::UpdateFailed {
            failed: report.failures.len(),
        }
        .into())
    }
}
