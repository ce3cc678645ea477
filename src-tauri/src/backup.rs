//! Backup of all data to one passphrase-protected file, and restore from one: the file is
//! picked in the window and sent as raw bytes, kept in the data folder, described, and only
//! restored once the user confirms with the passphrase.

use std::path::PathBuf;

use karvon_core::backup::BackupInfo;
use karvon_core::domain::Message;
use karvon_core::i18n::Catalogue;
use karvon_core::Karvon;
use tauri::ipc::Request;
use tauri::State;

use crate::commands::{export_path, run, today, Answer};
use crate::error::field_error;
use crate::receipts::{percent_decode, raw_body, NAME_HEADER};
use crate::views;
use crate::wire::{BackupForm, BackupView};
use crate::AppState;

/// Where picked backup files wait for the user's confirmation.
const STAGING: &str = "restore";
/// The extension of backup files.
const EXTENSION: &str = "karvon-backup";

/// What a backup holds, rendered.
fn view(cat: &Catalogue, info: &BackupInfo, token: String) -> BackupView {
    let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    let c = &info.counts;
    BackupView {
        path: info.path.display().to_string(),
        token,
        made: cat.render(
            &Message::new("ui-backup-made")
                .text("when", views::moment(cat, info.created_ms))
                .text("version", info.app_version.clone()),
        ),
        summary: cat.render(
            &Message::new("ui-backup-summary")
                .int("trips", n(c.trips))
                .int("travellers", n(c.travellers))
                .int("purchases", n(c.purchases))
                .int("receipts", n(c.receipts))
                .int("documents", n(c.documents))
                .int("payments", n(c.payments))
                .int("rates", n(c.rate_tables))
                .int("pending", n(c.pending_changes)),
        ),
    }
}

/// Writes every piece of data to one backup file sealed with the passphrase (typed twice);
/// answers where it went and what it holds.
#[tauri::command]
pub async fn backup(st: State<'_, AppState>, form: BackupForm) -> Answer<BackupView> {
    let cat = st.catalogue();
    if form.passphrase != form.repeat {
        return Err(field_error(
            &cat,
            "repeat",
            Message::new("ui-error-passphrase-repeat"),
        ));
    }
    let file = export_path(&st, &form.path, &format!("karvon-{}.{EXTENSION}", today()));
    if let Some(parent) = file.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let info = run(&st, |k| k.backup(&file, &form.passphrase))?;
    Ok(view(&cat, &info, String::new()))
}

/// Keeps a picked backup file (raw bytes in the body, its name in [`NAME_HEADER`]) in the
/// data folder and answers what it holds, with the token that restores it.
#[tauri::command]
pub async fn stage_restore(st: State<'_, AppState>, request: Request<'_>) -> Answer<BackupView> {
    let cat = st.catalogue();
    let bytes = raw_body(&cat, &request)?;
    let name = request
        .headers()
        .get(NAME_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(percent_decode)
        .unwrap_or_default();
    let dir = st.dir().join(STAGING);
    // Only the last one picked waits.
    let _ = std::fs::remove_dir_all(&dir);
    let token = format!("{}.{EXTENSION}", karvon_core::store::new_id());
    let staged = dir.join(&token);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return Err(crate::error::api_error(
            &cat,
            &karvon_core::Error::Io {
                path: dir.display().to_string(),
                source: e,
            },
        ));
    }
    run(&st, |_| karvon_core::files::write_atomic(&staged, &bytes))?;
    match Karvon::inspect_backup(&staged) {
        Ok(mut info) => {
            info.path = PathBuf::from(name);
            Ok(view(&cat, &info, token))
        }
        Err(e) => {
            let _ = std::fs::remove_file(&staged);
            Err(crate::error::api_error(&cat, &e))
        }
    }
}

/// Replaces all data with the staged backup `token`, opened with the passphrase; the staged
/// copy is removed once restored (kept after a wrong passphrase, to try again).
#[tauri::command]
pub async fn restore(
    st: State<'_, AppState>,
    token: String,
    passphrase: String,
) -> Answer<BackupView> {
    let cat = st.catalogue();
    let valid = token.len() < 80
        && token.ends_with(&format!(".{EXTENSION}"))
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    let staged = st.dir().join(STAGING).join(&token);
    if !valid || !staged.is_file() {
        return Err(field_error(
            &cat,
            "file",
            Message::new("ui-error-restore-pick"),
        ));
    }
    let info = run(&st, |k| k.restore(&staged, &passphrase))?;
    let _ = std::fs::remove_dir_all(st.dir().join(STAGING));
    st.reload_settings()
        .map_err(|e| crate::error::api_error(&cat, &e))?;
    Ok(view(&st.catalogue(), &info, String::new()))
}
