//! Background sync: one worker thread syncs the core with the configured server when asked
//! ("Sync now", a saved server, changes waiting) and every minute to pull, backing off after
//! failures. The sync indicator reads where it stands from here and from the core.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use karvon_core::sync::SyncProgress;
use karvon_core::Karvon;

/// Time between syncs when nothing asks for one (to pull what other devices sent).
const PERIOD: Duration = Duration::from_secs(60);
/// Wait after a change before syncing it, so a burst of edits goes in one sync.
const SETTLE: Duration = Duration::from_secs(2);
/// First wait after a failed sync (doubled per failure up to [`MAX_BACKOFF`]).
const BACKOFF: Duration = Duration::from_secs(15);
/// Longest wait after failures.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// Where the worker stands.
#[derive(Debug, Default)]
struct Inner {
    /// Whether a server is configured (no server: the worker sleeps).
    enabled: bool,
    /// While a sync runs: its latest progress.
    running: Option<Option<SyncProgress>>,
    /// The error that ended the last sync, if it failed.
    failed: Option<Arc<karvon_core::Error>>,
    /// Failures in a row.
    failures: u32,
    /// When the next sync is due.
    due: Option<Instant>,
    /// When the last sync ended.
    ended: Option<Instant>,
    /// The worker should stop (the app is closing).
    stop: bool,
}

/// What the indicator shows of the worker.
#[derive(Debug, Clone, Default)]
pub struct Phase {
    /// A sync runs, with its progress so far.
    pub running: Option<Option<SyncProgress>>,
    /// The last sync failed with this error (it will be retried).
    pub failed: Option<Arc<karvon_core::Error>>,
}

/// The sync worker's shared state: asks, progress and outcome.
#[derive(Debug, Default)]
pub struct Syncer {
    inner: Mutex<Inner>,
    wake: Condvar,
}

impl Syncer {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Turns syncing on (a server is configured) or off, syncing at once when turned on.
    pub fn enable(&self, on: bool) {
        let mut g = self.lock();
        g.enabled = on;
        g.failures = 0;
        g.failed = None;
        g.due = on.then(Instant::now);
        self.wake.notify_all();
    }

    /// Syncs now ("Sync now"), whatever the backoff says.
    pub fn now(&self) {
        let mut g = self.lock();
        g.due = Some(Instant::now());
        self.wake.notify_all();
    }

    /// Changes are waiting: sync soon, unless failures ask to wait longer.
    pub fn soon(&self) {
        let mut g = self.lock();
        if !g.enabled || g.running.is_some() {
            return;
        }
        let mut at = Instant::now() + SETTLE;
        if g.failures > 0 {
            if let Some(ended) = g.ended {
                at = at.max(ended + backoff(g.failures));
            }
        }
        if g.due.is_none_or(|d| d > at) {
            g.due = Some(at);
            self.wake.notify_all();
        }
    }

    /// What the indicator shows.
    pub fn phase(&self) -> Phase {
        let g = self.lock();
        Phase {
            running: g.running,
            failed: g.failed.clone(),
        }
    }

    /// Stops the worker after the sync in progress, if any.
    pub fn stop(&self) {
        self.lock().stop = true;
        self.wake.notify_all();
    }

    /// Waits until a sync is due; `false` when the worker should stop.
    fn wait_due(&self) -> bool {
        let mut g = self.lock();
        loop {
            if g.stop {
                return false;
            }
            let now = Instant::now();
            match g.due {
                Some(due) if g.enabled && due <= now => {
                    g.due = None;
                    g.running = Some(None);
                    return true;
                }
                Some(due) if g.enabled => {
                    g = self
                        .wake
                        .wait_timeout(g, due - now)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0;
                }
                _ => {
                    g = self.wake.wait(g).unwrap_or_else(PoisonError::into_inner);
                }
            }
        }
    }

    fn progress(&self, p: SyncProgress) {
        self.lock().running = Some(Some(p));
    }

    fn finish(&self, outcome: Result<(), karvon_core::Error>) {
        let mut g = self.lock();
        let now = Instant::now();
        g.running = None;
        g.ended = Some(now);
        let next = match outcome {
            Ok(()) => {
                g.failures = 0;
                g.failed = None;
                PERIOD
            }
            Err(e) => {
                g.failures = g.failures.saturating_add(1);
                g.failed = Some(Arc::new(e));
                backoff(g.failures)
            }
        };
        let at = now + next;
        // A "Sync now" or a change that came in during the sync keeps its earlier time.
        if g.due.is_none_or(|d| d > at) {
            g.due = Some(at);
        }
    }

    /// Runs the worker on its own thread until [`Syncer::stop`]: each due sync runs
    /// [`Karvon::sync_with`] and records its outcome.
    pub fn spawn(self: &Arc<Self>, core: Arc<Karvon>) -> std::io::Result<()> {
        let me = Arc::clone(self);
        std::thread::Builder::new()
            .name("karvon-sync".into())
            .spawn(move || {
                let options = crate::commands::sync_options();
                while me.wait_due() {
                    let outcome = core
                        .sync_with(&options, &mut |p| me.progress(p))
                        .map(|_| ());
                    me.finish(outcome);
                }
            })
            .map(|_| ())
    }
}

/// The wait after `failures` failures in a row.
fn backoff(failures: u32) -> Duration {
    let factor = 1u32 << failures.saturating_sub(1).min(8);
    BACKOFF.saturating_mul(factor).min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_five_minutes() {
        assert_eq!(backoff(1), Duration::from_secs(15));
        assert_eq!(backoff(2), Duration::from_secs(30));
        assert_eq!(backoff(3), Duration::from_secs(60));
        assert_eq!(backoff(6), Duration::from_secs(300));
        assert_eq!(backoff(60), Duration::from_secs(300));
    }

    #[test]
    fn nothing_is_due_until_enabled_and_a_failure_delays_the_next_change() {
        let s = Syncer::default();
        s.soon();
        assert!(s.lock().due.is_none(), "no server: nothing to do");
        s.enable(true);
        assert!(s.lock().due.is_some_and(|d| d <= Instant::now()));
        assert!(s.wait_due());
        assert!(s.phase().running.is_some());
        s.finish(Err(karvon_core::Error::Sync(
            karvon_core::sync::SyncError::NotConfigured,
        )));
        let phase = s.phase();
        assert!(phase.running.is_none() && phase.failed.is_some());
        let after_failure = s.lock().due.unwrap_or_else(Instant::now);
        assert!(after_failure >= Instant::now() + Duration::from_secs(14));
        // A change does not hurry a failed sync; "Sync now" does.
        s.soon();
        assert_eq!(s.lock().due, Some(after_failure));
        s.now();
        assert!(s.lock().due.is_some_and(|d| d <= Instant::now()));
        assert!(s.wait_due());
        s.finish(Ok(()));
        assert!(s.phase().failed.is_none());
        assert_eq!(s.lock().failures, 0);
    }
}
