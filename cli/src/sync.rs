//! `karvon sync`: sync with a Karvon server (progress and a summary), `--status`, pairing.

use clap::Args;
use karvon_core::domain::Message;
use karvon_core::i18n::Catalogue;
use karvon_core::sync::{SyncOptions, SyncProgress};
use karvon_core::{Error, Karvon};

/// Options of `karvon sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The server, e.g. http://127.0.0.1:8787 (remembered for later syncs).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
    /// Show where sync stands instead of syncing: pending changes, last sync, problems.
    #[arg(long)]
    pub status: bool,
    /// Make a pairing code to link another device to this device's account.
    #[arg(long, conflicts_with_all = ["status", "pair"])]
    pub new_code: bool,
    /// Link this device to another device's account with the code it showed, then sync.
    #[arg(long, value_name = "CODE")]
    pub pair: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

fn print_json<T: serde::Serialize>(v: &T) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

/// Runs `karvon sync`.
pub fn run(k: &Karvon, cat: &Catalogue, a: &SyncArgs) -> Result<(), Error> {
    let options = SyncOptions {
        device_name: std::env::var("HOSTNAME").unwrap_or_else(|_| "karvon-cli".into()),
        ..SyncOptions::default()
    };
    if let (Some(code), Some(url)) = (&a.pair, &a.server) {
        k.pair_device(url, code, &options)?;
        let st = k.sync_status()?;
        println!(
            "{}",
            cat.render(
                &Message::new("cli-sync-paired").text("account", st.account_id.unwrap_or_default())
            )
        );
    } else if let Some(url) = &a.server {
        k.configure_sync(url)?;
    }
    if a.status {
        return status(k, cat, a.json);
    }
    if a.new_code {
        let code = k.create_pairing_code(&options)?;
        let server = k.sync_status()?.server_url.unwrap_or_default();
        if a.json {
            print_json(&serde_json::json!({"code": code.code, "expires_ms": code.expires_ms}));
        } else {
            println!(
                "{}",
                cat.render(
                    &Message::new("cli-sync-pairing-code")
                        .text("code", code.code)
                        .text("server", server)
                )
            );
        }
        return Ok(());
    }
    let json = a.json;
    let report = k.sync_with(&options, &mut |p| {
        if json {
            return;
        }
        let m = match p {
            SyncProgress::Pushing { sent, total } => Message::new("cli-sync-pushing")
                .int("sent", count(sent))
                .int("total", count(total)),
            SyncProgress::Filing { done, total } => Message::new("cli-sync-filing")
                .int("done", count(done))
                .int("total", count(total)),
            SyncProgress::Pulling { received, applied } => Message::new("cli-sync-pulling")
                .int("received", count(received))
                .int("applied", count(applied)),
        };
        eprintln!("{}", cat.render(&m));
    })?;
    if json {
        print_json(&report);
        return Ok(());
    }
    let server = k.sync_status()?.server_url.unwrap_or_default();
    println!(
        "{}",
        cat.render(
            &Message::new("cli-sync-done")
                .text("server", server)
                .int("pushed", count(report.pushed))
                .int("filed", count(report.filed))
                .int("pulled", count(report.pulled))
                .int("applied", count(report.applied))
        )
    );
    print_problems(cat, &report.problems);
    Ok(())
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn print_problems(cat: &Catalogue, problems: &[karvon_core::sync::SyncProblem]) {
    if problems.is_empty() {
        return;
    }
    println!(
        "{}",
        cat.render(&Message::new("cli-sync-problems").int("count", count(problems.len())))
    );
    for p in problems {
        println!(
            "  {}",
            cat.render(
                &Message::new("cli-sync-problem")
                    .text("kind", p.kind.clone())
                    .text("subject", p.subject.clone())
                    .text("problem", cat.render(&p.message))
            )
        );
    }
}

fn status(k: &Karvon, cat: &Catalogue, json: bool) -> Result<(), Error> {
    let st = k.sync_status()?;
    if json {
        print_json(&st);
        return Ok(());
    }
    let line = |m: Message| println!("{}", cat.render(&m));
    line(match &st.server_url {
        Some(u) => Message::new("cli-sync-server").text("server", u.clone()),
        None => Message::new("cli-sync-no-server"),
    });
    line(match (&st.device_id, &st.account_id) {
        (Some(d), Some(acc)) => Message::new("cli-sync-device")
            .text("device", d.clone())
            .text("account", acc.clone()),
        _ => Message::new("cli-sync-unregistered"),
    });
    line(
        Message::new("cli-sync-pending")
            .int("pending", count(st.pending))
            .int("in_flight", count(st.in_flight))
            .int("queued", count(st.queued_documents)),
    );
    line(match st.last_sync_ms {
        Some(ms) => Message::new("cli-sync-last").text("when", format_ms(ms)),
        None => Message::new("cli-sync-never"),
    });
    print_problems(cat, &st.problems);
    crate::dist::print_failures(k, cat)
}

/// UTC time of milliseconds since the epoch, as `YYYY-MM-DD HH:MM UTC`.
pub(crate) fn format_ms(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let rem = secs.rem_euclid(86_400);
    let date = karvon_core::domain::Date::from_days_since_epoch(secs.div_euclid(86_400))
        .map(|d| d.to_string())
        .unwrap_or_default();
    format!("{date} {:02}:{:02} UTC", rem / 3600, (rem % 3600) / 60)
}
