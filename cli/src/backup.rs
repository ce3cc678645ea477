//! `karvon backup FILE` (`--inspect FILE` shows what a backup holds) and `karvon restore FILE`.
//!
//! The passphrase comes from `KARVON_PASSPHRASE`, or is asked on the terminal without echo.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use clap::Args;
use karvon_core::backup::EXTENSION;
use karvon_core::domain::{Date, InputError, Message};
use karvon_core::i18n::Catalogue;
use karvon_core::{BackupInfo, Error, Karvon};

/// Options of `karvon backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write (`.karvon-backup` is added when it has no extension), or with
    /// --inspect the backup to look into.
    pub file: PathBuf,
    /// Show what the backup holds instead of writing one (no passphrase needed).
    #[arg(long)]
    pub inspect: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Options of `karvon restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file.
    pub file: PathBuf,
    /// Replace the data on this device without asking.
    #[arg(long)]
    pub yes: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

fn print_json<T: serde::Serialize>(v: &T) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

/// Runs `karvon backup`; `open` opens the data folder (not needed to inspect).
pub fn backup(
    open: impl FnOnce() -> Result<Karvon, Error>,
    cat: &Catalogue,
    a: &BackupArgs,
) -> Result<(), Error> {
    if a.inspect {
        let info = Karvon::inspect_backup(&a.file)?;
        if a.json {
            print_json(&info);
        } else {
            println!("{}", cat.render(&inspected(cat, &info)));
        }
        return Ok(());
    }
    let k = open()?;
    let mut file = a.file.clone();
    if file.extension().is_none() {
        file.set_extension(EXTENSION);
    }
    let pass = passphrase(cat, true)?;
    let info = k.backup(&file, &pass)?;
    if a.json {
        print_json(&info);
    } else {
        println!(
            "{}",
            cat.render(
                &Message::new("backup-written")
                    .text("path", info.path.display().to_string())
                    .int("bytes", int(info.bytes))
                    .text("contents", contents(cat, &info))
            )
        );
    }
    Ok(())
}

/// Runs `karvon restore`.
pub fn restore(k: &Karvon, cat: &Catalogue, a: &RestoreArgs) -> Result<(), Error> {
    let info = Karvon::inspect_backup(&a.file)?;
    if !a.yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::Input(InputError::new(
                "--yes",
                Message::new("backup-confirm-needed"),
            )));
        }
        eprint!(
            "{} ",
            cat.render(
                &Message::new("backup-confirm")
                    .text("created", when(info.created_ms))
                    .text("contents", contents(cat, &info))
            )
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(|source| Error::Io {
                path: "stdin".into(),
                source,
            })?;
        if !matches!(answer.trim().to_lowercase().as_str(), "yes" | "y") {
            println!("{}", cat.text("backup-cancelled"));
            return Ok(());
        }
    }
    let pass = passphrase(cat, false)?;
    let info = k.restore(&a.file, &pass)?;
    if a.json {
        print_json(&info);
    } else {
        println!(
            "{}",
            cat.render(
                &Message::new("backup-restored")
                    .text("path", info.path.display().to_string())
                    .text("contents", contents(cat, &info))
            )
        );
    }
    Ok(())
}

fn int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The counts of a backup as one line.
fn contents(cat: &Catalogue, info: &BackupInfo) -> String {
    let c = &info.counts;
    cat.render(
        &Message::new("backup-contents")
            .int("trips", int(c.trips))
            .int("travellers", int(c.travellers))
            .int("purchases", int(c.purchases))
            .int("receipts", int(c.receipts))
            .int("documents", int(c.documents))
            .int("payments", int(c.payments))
            .int("rates", int(c.rate_tables))
            .int("pending", int(c.pending_changes)),
    )
}

fn inspected(cat: &Catalogue, info: &BackupInfo) -> Message {
    Message::new("backup-inspected")
        .text("path", info.path.display().to_string())
        .text("created", when(info.created_ms))
        .text("version", info.app_version.clone())
        .int("bytes", int(info.bytes))
        .text("contents", contents(cat, info))
}

/// UTC milliseconds as `2026-11-20 14:05`.
fn when(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let minutes = ms.rem_euclid(86_400_000) / 60_000;
    let date = Date::from_days_since_epoch(days)
        .map(|d| d.to_string())
        .unwrap_or_default();
    format!("{date} {:02}:{:02}", minutes / 60, minutes % 60)
}

/// The passphrase: `KARVON_PASSPHRASE`, else asked on the terminal without echo (twice for a
/// new backup, so a typo does not lock it).
fn passphrase(cat: &Catalogue, twice: bool) -> Result<String, Error> {
    if let Ok(p) = std::env::var("KARVON_PASSPHRASE") {
        return Ok(p);
    }
    let missing = || {
        Error::Input(InputError::new(
            "passphrase",
            Message::new("backup-passphrase-missing"),
        ))
    };
    if !std::io::stdin().is_terminal() {
        return Err(missing());
    }
    let first = ask_hidden(&cat.text("backup-passphrase-prompt")).ok_or_else(missing)?;
    if twice {
        let again = ask_hidden(&cat.text("backup-passphrase-again")).ok_or_else(missing)?;
        if again != first {
            return Err(Error::Input(InputError::new(
                "passphrase",
                Message::new("backup-passphrase-differ"),
            )));
        }
    }
    Ok(first)
}

/// Reads a line from the terminal with echo off (`stty`), restoring echo afterwards.
#[cfg(unix)]
fn ask_hidden(prompt: &str) -> Option<String> {
    use std::fs::OpenOptions;
    use std::process::Command;
    let tty = OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    let stty = |arg: &str| {
        Command::new("stty")
            .arg(arg)
            .stdin(tty.try_clone().ok()?)
            .status()
            .ok()
            .filter(|s| s.success())
    };
    let mut out = tty.try_clone().ok()?;
    let _ = write!(out, "{prompt} ");
    let _ = out.flush();
    stty("-echo")?;
    let mut line = String::new();
    let read = std::io::BufReader::new(tty.try_clone().ok()?).read_line(&mut line);
    let _ = stty("echo");
    let _ = writeln!(out);
    read.ok()?;
    Some(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// Without a Unix terminal the passphrase must come from `KARVON_PASSPHRASE`.
#[cfg(not(unix))]
fn ask_hidden(_prompt: &str) -> Option<String> {
    None
}
