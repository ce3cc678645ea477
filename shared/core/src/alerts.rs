//! Alerts as persisted events: 80 % and 100 % of an allowance, the first dutiable item, the
//! spending plan exceeded, the cash threshold reached, a must-declare item added.
//!
//! Each alert has a condition key. The keys that hold are kept in `alert_state`; an alert is
//! written only when its key turns on, so it fires once per crossing, also across restarts, and
//! fires again only after the condition went off and came back.
//!
//! Every write that can change a trip's status checks its alerts in the same transaction
//! (purchases added, edited, deleted or restored; trip and traveller edits; rates added or
//! imported); bulk imports and sync leave them to the next status read. Whatever fires, from
//! any of these, also goes to the hook a front registers with [`Karvon::set_alert_hook`].

use std::collections::BTreeSet;

use karvon_domain::assess::ItemStatus;
use karvon_domain::{Message, NoticeCode};
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::status::TripStatus;
use crate::store::{new_id, AlertHook, Tx};
use crate::{validate, Error, Karvon};

/// A raised alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alert {
    /// Record id.
    pub id: String,
    /// Trip id.
    pub trip: String,
    /// `allowance_80`, `allowance_100`, `dutiable`, `plan`, `cash` or `must_declare`.
    pub kind: String,
    /// The condition key.
    pub key: String,
    /// What to tell the user.
    pub message: Message,
    /// When it fired, UTC ms.
    pub created_ms: i64,
    /// When the user acknowledged it.
    pub acknowledged_ms: Option<i64>,
}

/// The conditions that hold for a status: `(key, message)`.
pub(crate) fn conditions(s: &TripStatus) -> Vec<(String, Message)> {
    let mut out = Vec::new();
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                s.travellers
                    .iter()
                    .find(|t| t.id == *id)
                    .map_or_else(|| id.clone(), |t| t.name.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    for a in &s.allowances {
        if a.limit.is_zero() {
            continue;
        }
        let base = format!(
            "{}:{}:{}",
            a.rule,
            serde_json::to_string(&a.category).unwrap_or_default(),
            a.travellers.join("+")
        );
        for (level, kind) in [(80, "allowance_80"), (100, "allowance_100")] {
            if a.percent >= Decimal::from(level) {
                out.push((
                    format!("{kind}:{base}"),
                    Message::new(if level == 80 {
                        "alert-allowance-80"
                    } else {
                        "alert-allowance-100"
                    })
                    .term("category", a.category.term())
                    .text("who", names(&a.travellers))
                    .percent("percent", a.percent),
                ));
            }
        }
    }
    let a = &s.assessment;
    if let Some(first) = a.items.iter().find(|i| i.status == ItemStatus::Dutiable) {
        out.push((
            "dutiable".to_owned(),
            Message::new("alert-first-dutiable")
                .text("description", first.description.clone())
                .money("total", a.total_due, a.currency),
        ));
    }
    if let Some(p) = &s.plan {
        if p.exceeded {
            out.push((
                "plan".to_owned(),
                Message::new("alert-plan-exceeded")
                    .money("spent", p.spent, p.plan.currency)
                    .money("plan", p.plan.amount, p.plan.currency),
            ));
        }
    }
    if a.has_notice(NoticeCode::CashDeclarationRequired) {
        out.push(("cash".to_owned(), Message::new("alert-cash-threshold")));
    }
    let mut seen = BTreeSet::new();
    for n in a
        .notices
        .iter()
        .filter(|n| n.code == NoticeCode::MustDeclareItem)
    {
        let Some(i) = n.item else { continue };
        let Some(pid) = s.purchase_ids.get(i) else {
            continue;
        };
        if seen.insert(pid.clone()) {
            out.push((
                format!("must_declare:{pid}"),
                Message::new("alert-must-declare")
                    .text("description", a.items[i].description.clone()),
            ));
        }
    }
    out
}

/// Re-evaluates a trip's alert conditions inside a write and records alerts that turned on.
///
/// A trip that cannot be assessed yet (e.g. a rate missing) raises nothing and never blocks the
/// write that triggered the check. The status it builds is kept for the read after the commit
/// (see `Karvon::write`), so it must be the transaction's last change to the trip's data.
pub(crate) fn refresh(k: &Karvon, tx: &mut Tx<'_>, trip: &str) -> Result<Vec<Alert>, Error> {
    let mut status = match k.snapshot(tx, trip, None).and_then(|s| k.status_of(tx, s)) {
        Ok(s) => s,
        Err(e) if e.is_bad_input() => {
            // Checked: nothing to raise until the trip can be assessed.
            tx.execute(
                "DELETE FROM alert_state WHERE trip_id = ?1 AND key = ?2",
                params![trip, STALE],
            )?;
            return Ok(Vec::new());
        }
        Err(e) => return Err(e),
    };
    let now = tx.now_ms();
    let held: BTreeSet<String> = {
        let mut s = tx.prepare_cached("SELECT key FROM alert_state WHERE trip_id = ?1")?;
        let keys = s
            .query_map([trip], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        keys
    };
    let current = conditions(&status);
    let mut fired = Vec::new();
    for (key, message) in &current {
        if held.contains(key) {
            continue;
        }
        let id = new_id();
        let kind = key.split(':').next().unwrap_or_default().to_owned();
        tx.prepare_cached(
            "INSERT INTO alert(id, trip_id, kind, subject, message, created_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            id,
            trip,
            kind,
            key,
            serde_json::to_string(message).unwrap_or_default(),
            now
        ])?;
        tx.prepare_cached("INSERT INTO alert_state(trip_id, key) VALUES (?1, ?2)")?
            .execute(params![trip, key])?;
        fired.push(Alert {
            id,
            trip: trip.to_owned(),
            kind,
            key: key.clone(),
            message: message.clone(),
            created_ms: now,
            acknowledged_ms: None,
        });
    }
    for gone in held
        .iter()
        .filter(|h| !current.iter().any(|(k, _)| k == *h))
    {
        tx.prepare_cached("DELETE FROM alert_state WHERE trip_id = ?1 AND key = ?2")?
            .execute(params![trip, gone])?;
    }
    tx.fired(&fired);
    // The status as a read after this write sees it: with the alerts just raised.
    status.alerts = open_alerts(tx, trip)?;
    k.written_status(tx, trip, status)?;
    Ok(fired)
}

/// Most trips whose alerts one write checks at once; the others are marked for checking at
/// their next status read.
const REFRESH_AT_ONCE: usize = 50;

/// Re-evaluates the alerts of every live trip with a live purchase (after rates changed),
/// latest arrival first, `REFRESH_AT_ONCE` of them now and the rest at their next read.
pub(crate) fn refresh_all(k: &Karvon, tx: &mut Tx<'_>) -> Result<(), Error> {
    let trips: Vec<String> = {
        let mut s = tx.prepare_cached(
            "SELECT t.id FROM trip t WHERE t.deleted_ms IS NULL AND EXISTS
             (SELECT 1 FROM purchase p WHERE p.trip_id = t.id AND p.deleted_ms IS NULL)
             ORDER BY t.arrival DESC, t.created_ms DESC",
        )?;
        let ids = s.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        ids
    };
    for (i, trip) in trips.iter().enumerate() {
        if i < REFRESH_AT_ONCE {
            refresh(k, tx, trip)?;
        } else {
            mark_stale(tx, trip)?;
        }
    }
    Ok(())
}

/// The `alert_state` key that says a trip's alerts must be checked again.
const STALE: &str = "_stale";

/// Marks a trip's alerts for checking at its next status read (after a bulk import).
pub(crate) fn mark_stale(tx: &Tx<'_>, trip: &str) -> Result<(), Error> {
    tx.prepare_cached("INSERT OR IGNORE INTO alert_state(trip_id, key) VALUES (?1, ?2)")?
        .execute(params![trip, STALE])?;
    Ok(())
}

/// Whether a trip's alerts wait for a check.
pub(crate) fn is_stale(c: &Connection, trip: &str) -> Result<bool, Error> {
    Ok(
        c.prepare_cached("SELECT 1 FROM alert_state WHERE trip_id = ?1 AND key = ?2")?
            .query_row(params![trip, STALE], |_| Ok(()))
            .optional()?
            .is_some(),
    )
}

/// Alerts of a trip not yet acknowledged, newest first.
pub(crate) fn open_alerts(c: &Connection, trip: &str) -> Result<Vec<Alert>, Error> {
    query(c, trip, false)
}

fn query(c: &Connection, trip: &str, all: bool) -> Result<Vec<Alert>, Error> {
    let sql = if all {
        "SELECT id, trip_id, kind, subject, message, created_ms, acknowledged_ms FROM alert
         WHERE trip_id = ?1 ORDER BY created_ms DESC, rowid DESC"
    } else {
        "SELECT id, trip_id, kind, subject, message, created_ms, acknowledged_ms FROM alert
         WHERE trip_id = ?1 AND acknowledged_ms IS NULL ORDER BY created_ms DESC, rowid DESC"
    };
    let mut s = c.prepare_cached(sql)?;
    let rows = s.query_map([trip], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, Option<i64>>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, trip, kind, key, message, created_ms, acknowledged_ms) = row?;
        let message = serde_json::from_str(&message).map_err(|_| {
            Error::Store(Message::new("error-db-value").text("field", "alert.message"))
        })?;
        out.push(Alert {
            id,
            trip,
            kind,
            key,
            message,
            created_ms,
            acknowledged_ms,
        });
    }
    Ok(out)
}

impl Karvon {
    /// Registers `hook` to hear about every alert raised through this data folder (by this
    /// `Karvon` or a clone of it), once the write that raised it is committed; `None` removes
    /// it. The hook runs on the writing thread and should return quickly.
    pub fn set_alert_hook(&self, hook: Option<AlertHook>) -> Result<(), Error> {
        self.store()?.set_alert_hook(hook);
        Ok(())
    }

    /// The alerts of a trip, newest first; acknowledged ones too when `all`.
    pub fn alerts(&self, trip: &str, all: bool) -> Result<Vec<Alert>, Error> {
        let id = self.trip(trip)?.id;
        if self.store()?.read(|c| is_stale(c, &id))? {
            let _ = self.write(|tx| refresh(self, tx, &id));
        }
        self.store()?.read(|c| query(c, &id, all))
    }

    /// Marks an alert as seen.
    pub fn acknowledge_alert(&self, id: &str) -> Result<(), Error> {
        let id = validate::id("alert", id)?;
        self.store()?.write(|tx| {
            let found: Option<i64> = tx
                .query_row("SELECT 1 FROM alert WHERE id = ?1", [&id], |r| r.get(0))
                .optional()?;
            if found.is_none() {
                return Err(Error::NotFound {
                    entity: "alert",
                    id: id.clone(),
                });
            }
            let now = tx.now_ms();
            tx.execute(
                "UPDATE alert SET acknowledged_ms = ?2 WHERE id = ?1 AND acknowledged_ms IS NULL",
                params![id, now],
            )?;
            Ok(())
        })
    }
}
