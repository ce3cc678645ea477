//! The sync run: register, push the outbox, file queued declarations, pull and merge.

use super::*;
use crate::store::{new_id, pending};

/// Most filings attempted in one sync.
const MAX_FILINGS: usize = 200;

fn load_state(c: &rusqlite::Connection) -> Result<Option<State>, Error> {
    Ok(c.query_row(
        "SELECT server_url, account_id, device_id, cursor FROM sync_state WHERE id = 1",
        [],
        |r| {
            Ok(State {
                url: r.get(0)?,
                account_id: r.get(1)?,
                device_id: r.get(2)?,
                cursor: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
            })
        },
    )
    .optional()?)
}

fn load_batch(c: &rusqlite::Connection) -> Result<Option<Batch>, Error> {
    Ok(c.query_row(
        "SELECT idempotency_key, first_seq, last_seq, changes,
         (SELECT count(*) FROM change_log WHERE seq BETWEEN b.first_seq AND b.last_seq)
         FROM sync_batch b WHERE id = 1",
        [],
        |r| {
            Ok(Batch {
                key: r.get(0)?,
                first_seq: r.get(1)?,
                last_seq: r.get(2)?,
                changes: r.get(3)?,
                count: usize::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
            })
        },
    )
    .optional()?)
}

fn load_problems(c: &rusqlite::Connection) -> Result<Vec<SyncProblem>, Error> {
    let mut s = c.prepare_cached(
        "SELECT kind, subject, code, message, at_ms FROM sync_problem ORDER BY at_ms, kind, subject",
    )?;
    let rows = s.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, subject, code, message, at_ms) = row?;
        let message = serde_json::from_str(&message)
            .unwrap_or_else(|_| Message::new("sync-problem-unreadable"));
        out.push(SyncProblem {
            kind,
            subject,
            code,
            message,
            at_ms,
        });
    }
    Ok(out)
}

impl Karvon {
    /// Sets the sync server (`http://` or `https://`). A different server than before starts
    /// afresh: this device registers there and pulls from the beginning.
    pub fn configure_sync(&self, url: &str) -> Result<(), Error> {
        let url = normalise_url(url)?;
        self.store()?.write(|tx| {
            tx.execute(
                "INSERT INTO sync_state(id, server_url) VALUES (1, ?1)
                 ON CONFLICT(id) DO UPDATE SET server_url = excluded.server_url,
                   account_id = NULL, device_id = NULL, cursor = 0, last_sync_ms = NULL
                 WHERE sync_state.server_url != excluded.server_url",
                [&url],
            )?;
            Ok(())
        })
    }

    /// Stops syncing: forgets the server and this device's registration there. Changes keep
    /// waiting in the outbox for the next server configured; that server's problems go.
    pub fn forget_sync_server(&self) -> Result<(), Error> {
        self.store()?.write(|tx| {
            tx.execute("DELETE FROM sync_state WHERE id = 1", [])?;
            tx.execute("DELETE FROM sync_problem", [])?;
            Ok(())
        })
    }

    /// Where sync stands: the server, pending changes, last sync and problems with reasons.
    pub fn sync_status(&self) -> Result<SyncStatus, Error> {
        self.store()?.read(|c| {
            let state = load_state(c)?;
            let pending: i64 = c.query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))?;
            let queued: i64 = c.query_row(
                "SELECT count(*) FROM document WHERE status = 'queued' AND deleted_ms IS NULL",
                [],
                |r| r.get(0),
            )?;
            let last: Option<i64> = c
                .query_row(
                    "SELECT last_sync_ms FROM sync_state WHERE id = 1",
                    [],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            Ok(SyncStatus {
                server_url: state.as_ref().map(|s| s.url.clone()),
                account_id: state.as_ref().and_then(|s| s.account_id.clone()),
                device_id: state.as_ref().and_then(|s| s.device_id.clone()),
                pending: usize::try_from(pending).unwrap_or(0),
                in_flight: load_batch(c)?.map_or(0, |b| b.count),
                queued_documents: usize::try_from(queued).unwrap_or(0),
                cursor: state.as_ref().map_or(0, |s| s.cursor),
                last_sync_ms: last,
                problems: load_problems(c)?,
            })
        })
    }

    /// Syncs with the configured server (default options), reporting progress.
    pub fn sync(&self, progress: &mut dyn FnMut(SyncProgress)) -> Result<SyncReport, Error> {
        self.sync_with(&SyncOptions::default(), progress)
    }

    /// Syncs with the configured server: registers this device if needed, pushes the outbox,
    /// files queued declarations and pulls. Transient failures that outlast the retries are an
    /// error (nothing is lost: the next sync resumes); refusals that need the user end up in
    /// [`SyncReport::problems`] and [`Karvon::sync_status`].
    pub fn sync_with(
        &self,
        options: &SyncOptions,
        progress: &mut dyn FnMut(SyncProgress),
    ) -> Result<SyncReport, Error> {
        let mut session = self.session(options)?;
        self.ensure_registered(&mut session)?;
        let mut report = SyncReport::default();
        let mut stopped = false;
        if let Err(e) = self.push_all(&mut session, &mut report, progress) {
            stopped |= Self::keep_or_fail(e)?;
        }
        if let Err(e) = self.file_queued(&mut session, &mut report, progress) {
            stopped |= Self::keep_or_fail(e)?;
        }
        if let Err(e) = self.pull_all(&mut session, &mut report, progress) {
            stopped |= Self::keep_or_fail(e)?;
        }
        let problems = self.store()?.read(load_problems)?;
        if !stopped && problems.is_empty() {
            let now = now_i64(options);
            self.store()?.write(|tx| {
                tx.execute(
                    "UPDATE sync_state SET last_sync_ms = ?1 WHERE id = 1",
                    [now],
                )?;
                Ok(())
            })?;
        }
        report.problems = problems;
        Ok(report)
    }

    /// Makes a one-time code that links another device to this device's account (registering
    /// this device first if needed).
    pub fn create_pairing_code(&self, options: &SyncOptions) -> Result<PairingCreated, Error> {
        let mut session = self.session(options)?;
        self.ensure_registered(&mut session)?;
        Ok(session.call("POST", PATH_PAIRING, b"")?)
    }

    /// Links this device to the account of the device that made `code`, on the server at `url`.
    pub fn pair_device(&self, url: &str, code: &str, options: &SyncOptions) -> Result<(), Error> {
        self.configure_sync(url)?;
        let mut session = self.session(options)?;
        let public_key = hex_encode(&self.signer()?.public_key());
        let body = json_body(&RedeemPairingRequest {
            code: code.trim().to_owned(),
            public_key,
            device_name: options.device_name.clone(),
        })?;
        let ids: DeviceRegistered = session.call("POST", PATH_PAIRING_REDEEM, &body)?;
        self.save_registration(&ids)
    }

    fn session<'a>(&'a self, options: &'a SyncOptions) -> Result<Session<'a>, Error> {
        let state = self
            .store()?
            .read(load_state)?
            .ok_or(SyncError::NotConfigured)?;
        let rng = SystemRandom::new();
        let jitter = match options.jitter_seed {
            Some(s) => s,
            None => {
                let mut b = [0u8; 8];
                rng.fill(&mut b).map_err(|_| SyncError::Network {
                    detail: "no system random source".into(),
                })?;
                u64::from_le_bytes(b)
            }
        };
        Ok(Session {
            k: self,
            url: state.url,
            options,
            transport: options
                .transport
                .clone()
                .unwrap_or_else(|| Arc::new(UreqTransport::default())),
            rng,
            jitter,
        })
    }

    /// A failure of one stage: a permanent one is kept as a problem (`true`: sync stopped
    /// there), a transient one ends the sync with an error.
    fn keep_or_fail(e: Error) -> Result<bool, Error> {
        match e {
            Error::Sync(SyncError::Stopped(_)) => Ok(true),
            other => Err(other),
        }
    }

    fn record_problem(&self, kind: &str, subject: &str, e: &SyncError) -> Result<(), Error> {
        let message = serde_json::to_string(&e.message()).map_err(crate::documents::json_error)?;
        self.store()?.write(|tx| {
            let now = tx.now_ms();
            tx.execute(
                "INSERT INTO sync_problem(kind, subject, code, message, at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(kind, subject) DO UPDATE SET code = excluded.code,
                   message = excluded.message, at_ms = excluded.at_ms",
                params![kind, subject, e.code(), message, now],
            )?;
            Ok(())
        })
    }

    fn clear_problems(&self, kind: &str) -> Result<(), Error> {
        self.store()?.write(|tx| {
            tx.execute("DELETE FROM sync_problem WHERE kind = ?1", [kind])?;
            Ok(())
        })
    }

    fn save_registration(&self, ids: &DeviceRegistered) -> Result<(), Error> {
        self.store()?.write(|tx| {
            tx.execute(
                "UPDATE sync_state SET account_id = ?1, device_id = ?2 WHERE id = 1",
                params![ids.account_id, ids.device_id],
            )?;
            Ok(())
        })
    }

    fn ensure_registered(&self, session: &mut Session<'_>) -> Result<(), Error> {
        let state = self
            .store()?
            .read(load_state)?
            .ok_or(SyncError::NotConfigured)?;
        if state.device_id.is_some() {
            return Ok(());
        }
        let body = json_body(&RegisterRequest {
            public_key: hex_encode(&self.signer()?.public_key()),
            device_name: session.options.device_name.clone(),
        })?;
        let ids: DeviceRegistered = match session.call("POST", PATH_REGISTER, &body) {
            Ok(ids) => ids,
            Err(e) if e.is_refusal() => {
                self.record_problem("register", "device", &e)?;
                return Err(SyncError::Stopped(Box::new(e)).into());
            }
            Err(e) => return Err(e.into()),
        };
        self.clear_problems("register")?;
        self.save_registration(&ids)
    }

    /// The batch in flight, or a new one from the oldest pending changes (saved before it is
    /// sent). `None` when the outbox is empty.
    fn next_batch(&self, size: usize) -> Result<Option<Batch>, Error> {
        if let Some(b) = self.store()?.read(load_batch)? {
            return Ok(Some(b));
        }
        let store = self.store()?;
        store.write(|tx| {
            if let Some(b) = load_batch(tx)? {
                return Ok(Some(b));
            }
            let mut rows = pending(tx, size)?;
            let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
                return Ok(None);
            };
            let (first_seq, last_seq) = (first.seq, last.seq);
            rows.sort_by(|a, b| a.change.hlc.cmp(&b.change.hlc));
            let changes: Vec<_> = rows.into_iter().map(|p| p.change).collect();
            let text = serde_json::to_string(&changes).map_err(crate::documents::json_error)?;
            let key = new_id();
            tx.execute(
                "INSERT INTO sync_batch(id, idempotency_key, first_seq, last_seq, changes, created_ms)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5)",
                params![key, first_seq, last_seq, text, tx.now_ms()],
            )?;
            Ok(Some(Batch {
                key,
                first_seq,
                last_seq,
                changes: text,
                count: changes.len(),
            }))
        })
    }

    fn push_all(
        &self,
        session: &mut Session<'_>,
        report: &mut SyncReport,
        progress: &mut dyn FnMut(SyncProgress),
    ) -> Result<(), Error> {
        let total: i64 = self
            .store()?
            .read(|c| Ok(c.query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))?))?;
        let total = usize::try_from(total).unwrap_or(0);
        progress(SyncProgress::Pushing { sent: 0, total });
        while let Some(batch) = self.next_batch(session.options.batch_size.max(1))? {
            let body = format!(
                "{{\"idempotency_key\":\"{}\",\"changes\":{}}}",
                batch.key, batch.changes
            );
            let ack: PushResponse = match session.call("POST", PATH_PUSH, body.as_bytes()) {
                Ok(a) => a,
                Err(e) if e.is_refusal() => {
                    // Kept in flight: later changes must not overtake it.
                    self.record_problem("push", &batch.key, &e)?;
                    return Err(SyncError::Stopped(Box::new(e)).into());
                }
                Err(e) => return Err(e.into()),
            };
            if !ack.idempotency_key.eq_ignore_ascii_case(&batch.key) {
                return Err(SyncError::BadReply {
                    status: 200,
                    detail: "acknowledged another batch".into(),
                }
                .into());
            }
            self.store()?.write(|tx| {
                tx.execute(
                    "DELETE FROM change_log WHERE seq BETWEEN ?1 AND ?2",
                    params![batch.first_seq, batch.last_seq],
                )?;
                tx.execute("DELETE FROM sync_batch WHERE id = 1", [])?;
                tx.execute("DELETE FROM sync_problem WHERE kind = 'push'", [])?;
                Ok(())
            })?;
            report.pushed += batch.count;
            progress(SyncProgress::Pushing {
                sent: report.pushed,
                total: total.max(report.pushed),
            });
        }
        Ok(())
    }

    fn file_queued(
        &self,
        session: &mut Session<'_>,
        report: &mut SyncReport,
        progress: &mut dyn FnMut(SyncProgress),
    ) -> Result<(), Error> {
        let docs: Vec<(String, String, Option<String>)> = self.store()?.write(|tx| {
            // A document no longer queued (filed elsewhere, amended) has no filing problem.
            tx.execute(
                "DELETE FROM sync_problem WHERE kind = 'filing' AND subject NOT IN
                 (SELECT id FROM document WHERE status = 'queued' AND deleted_ms IS NULL)",
                [],
            )?;
            let mut s = tx.prepare_cached(
                "SELECT id, kind, trip_id FROM document WHERE status = 'queued'
                 AND deleted_ms IS NULL AND id NOT IN
                 (SELECT subject FROM sync_problem WHERE kind = 'filing')
                 ORDER BY created_ms, id LIMIT ?1",
            )?;
            let rows = s.query_map([i64::try_from(MAX_FILINGS).unwrap_or(0)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })?;
        let total = docs.len();
        for (id, kind, trip) in docs {
            let trip = match (kind.as_str(), trip) {
                ("passenger", Some(t)) => Some(self.export_trip(&t)?),
                _ => None,
            };
            let body = json_body(&FileRequest {
                document_id: id.clone(),
                envelope: self.qr_payload(&id)?,
                trip,
            })?;
            let filed: FileResponse = match session.call("POST", PATH_FILINGS, &body) {
                Ok(f) => f,
                Err(e) if e.is_refusal() => {
                    self.record_problem("filing", &id, &e)?;
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            let to = match filed.status {
                FilingStatus::Submitted | FilingStatus::Paid => DocStatus::Submitted,
                FilingStatus::Registered => DocStatus::Registered,
                FilingStatus::Cleared => DocStatus::Cleared,
                FilingStatus::Rejected => DocStatus::Rejected,
            };
            let doc = self.document(&id)?;
            if doc.status < to {
                self.apply_server_status(&id, to, Some(&filed.registration_number), None)?;
            }
            report.filed += 1;
            progress(SyncProgress::Filing {
                done: report.filed,
                total,
            });
        }
        Ok(())
    }

    fn pull_all(
        &self,
        session: &mut Session<'_>,
        report: &mut SyncReport,
        progress: &mut dyn FnMut(SyncProgress),
    ) -> Result<(), Error> {
        loop {
            let cursor = self
                .store()?
                .read(load_state)?
                .ok_or(SyncError::NotConfigured)?
                .cursor;
            let path = format!(
                "{PATH_PULL}?cursor={cursor}&limit={}",
                session.options.pull_limit.clamp(1, 1_000)
            );
            let page: PullResponse = match session.call("GET", &path, b"") {
                Ok(p) => p,
                Err(e) if e.is_refusal() => {
                    self.record_problem("pull", "cursor", &e)?;
                    return Err(SyncError::Stopped(Box::new(e)).into());
                }
                Err(e) => return Err(e.into()),
            };
            let merged = self.store()?.write(|tx| {
                let merged = self.merge_changes(tx, &page.changes)?;
                tx.execute(
                    "UPDATE sync_state SET cursor = ?1 WHERE id = 1 AND cursor = ?2",
                    params![
                        i64::try_from(page.next_cursor).unwrap_or(i64::MAX),
                        i64::try_from(cursor).unwrap_or(i64::MAX)
                    ],
                )?;
                tx.execute("DELETE FROM sync_problem WHERE kind = 'pull'", [])?;
                Ok(merged)
            });
            let merged = match merged {
                Ok(m) => m,
                Err(e @ (Error::Store(_) | Error::Document(_))) => {
                    // A change this device cannot apply: stop at it rather than skip it.
                    let m = match &e {
                        Error::Store(m) | Error::Document(m) => m.clone(),
                        _ => Message::new("sync-merge-failed"),
                    };
                    let err = SyncError::Server {
                        status: 200,
                        code: None,
                        reason: Some(Message::new("sync-merge-failed").term("problem", m.id)),
                        detail: e.to_string(),
                        retry_after_s: None,
                    };
                    self.record_problem("pull", "cursor", &err)?;
                    return Err(SyncError::Stopped(Box::new(err)).into());
                }
                Err(e) => return Err(e),
            };
            report.pulled += page.changes.len();
            report.applied += merged.applied;
            progress(SyncProgress::Pulling {
                received: report.pulled,
                applied: report.applied,
            });
            if !page.more || page.next_cursor == cursor {
                return Ok(());
            }
        }
    }
}
