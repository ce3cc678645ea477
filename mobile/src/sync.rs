//! Sync with the Karvon server: configure, run (on a worker thread, with progress to an
//! optional listener), and where it stands.

use karvon_core::i18n::Catalogue;
use karvon_core::sync::{SyncProblem, SyncProgress, SyncReport, SyncStatus};

use crate::background::background;
use crate::error::ApiError;
use crate::KarvonApi;

/// Receives sync progress, for a progress bar.
#[uniffi::export(with_foreign)]
pub trait SyncListener: Send + Sync {
    /// `phase` is `pushing`, `filing` or `pulling`; `done` of `total` (total 0 when unknown).
    fn on_progress(&self, phase: String, done: u64, total: u64);
}

/// A problem sync left for the user.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SyncIssue {
    /// `push`, `pull`, `filing` or `register`.
    pub kind: String,
    /// A batch key or a document id.
    pub subject: String,
    /// The stable code.
    pub code: String,
    /// Why, in the API's language.
    pub text: String,
    /// When, UTC milliseconds.
    pub at_ms: i64,
}

/// What one sync did.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SyncSummary {
    /// Changes sent and acknowledged.
    pub pushed: u64,
    /// Declarations filed.
    pub filed: u64,
    /// Changes received.
    pub pulled: u64,
    /// Received changes that changed something here.
    pub applied: u64,
    /// Problems left for the user.
    pub problems: Vec<SyncIssue>,
}

/// Where sync stands.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SyncState {
    /// The server, when configured.
    pub server_url: Option<String>,
    /// This device's id, once registered.
    pub device_id: Option<String>,
    /// Changes waiting to be sent.
    pub pending: u64,
    /// Declarations waiting to be filed.
    pub queued_documents: u64,
    /// When a sync last finished without a problem, UTC milliseconds.
    pub last_sync_ms: Option<i64>,
    /// Problems that need the user.
    pub problems: Vec<SyncIssue>,
}

fn n(v: usize) -> u64 {
    u64::try_from(v).unwrap_or(u64::MAX)
}

fn issue(cat: &Catalogue, p: &SyncProblem) -> SyncIssue {
    SyncIssue {
        kind: p.kind.clone(),
        subject: p.subject.clone(),
        code: p.code.clone(),
        text: cat.render(&p.message),
        at_ms: p.at_ms,
    }
}

fn summary(cat: &Catalogue, r: &SyncReport) -> SyncSummary {
    SyncSummary {
        pushed: n(r.pushed),
        filed: n(r.filed),
        pulled: n(r.pulled),
        applied: n(r.applied),
        problems: r.problems.iter().map(|p| issue(cat, p)).collect(),
    }
}

fn state(cat: &Catalogue, s: &SyncStatus) -> SyncState {
    SyncState {
        server_url: s.server_url.clone(),
        device_id: s.device_id.clone(),
        pending: n(s.pending),
        queued_documents: n(s.queued_documents),
        last_sync_ms: s.last_sync_ms,
        problems: s.problems.iter().map(|p| issue(cat, p)).collect(),
    }
}

#[uniffi::export]
impl KarvonApi {
    /// Sets the sync server (`https://…`; `http://` for a server on this machine).
    pub fn configure_sync(&self, url: String) -> Result<(), ApiError> {
        self.run(|k| k.configure_sync(&url))
    }

    /// Sends what waits, files queued declarations and brings this device up to date.
    pub async fn sync(
        &self,
        listener: Option<std::sync::Arc<dyn SyncListener>>,
    ) -> Result<SyncSummary, ApiError> {
        let core = self.core.clone();
        let report = background(move || {
            core.sync(&mut |p| {
                if let Some(l) = &listener {
                    let (phase, done, total) = match p {
                        SyncProgress::Pushing { sent, total } => ("pushing", sent, total),
                        SyncProgress::Filing { done, total } => ("filing", done, total),
                        SyncProgress::Pulling { received, .. } => ("pulling", received, 0),
                    };
                    l.on_progress(phase.to_owned(), n(done), n(total));
                }
            })
        })
        .await
        .map_err(|e| self.fail(&e))?;
        Ok(self.render(|c| summary(c, &report)))
    }

    /// Where sync stands: the server, what waits, the last sync, problems with reasons.
    pub fn sync_status(&self) -> Result<SyncState, ApiError> {
        let s = self.run(karvon_core::Karvon::sync_status)?;
        Ok(self.render(|c| state(c, &s)))
    }
}
