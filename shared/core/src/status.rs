//! Live status of a trip: the assessment as if arriving with what was bought so far, every
//! allowance per traveller, the spending plan, the rates used, and what-if answers.

use std::collections::BTreeMap;
use std::sync::Arc;

use karvon_domain::assess::AllowanceUse;
use karvon_domain::fx::RateSource;
use karvon_domain::kind::Kind;
use karvon_domain::pack::Category;
use karvon_domain::trip::{Item, Traveller as DomainTraveller};
use karvon_domain::{Assessment, Channel, Currency, Date, Message, Trip};
use rusqlite::Connection;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::alerts::{self, Alert};
use crate::purchases::{self, Purchase, PurchaseInput};
use crate::rates;
use crate::trips::{self, Plan, TripRecord};
use crate::{snapshot, store, validate, Error, Karvon};

/// How many trips' statuses are kept.
const STATUS_CACHE: usize = 8;

/// A traveller as the status shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TravellerLine {
    /// Record id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Age on the arrival date.
    pub age: u32,
    /// Resident of the destination.
    pub resident: bool,
}

/// Where one allowance stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllowanceStatus {
    /// Traveller ids sharing it (one unless pooled).
    pub travellers: Vec<String>,
    /// Category.
    pub category: Category,
    /// Pack rule path.
    pub rule: String,
    /// Used, in `unit`.
    #[serde(with = "rust_decimal::serde::str")]
    pub used: Decimal,
    /// Limit, in `unit`.
    #[serde(with = "rust_decimal::serde::str")]
    pub limit: Decimal,
    /// What is left (never negative).
    #[serde(with = "rust_decimal::serde::str")]
    pub remaining: Decimal,
    /// Used as a percentage of the limit, rounded to one decimal (100 when there is no allowance).
    #[serde(with = "rust_decimal::serde::str")]
    pub percent: Decimal,
    /// `money` (pack currency), `fraction`, or a quantity unit.
    pub unit: &'static str,
}

/// The spending plan against what was spent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanStatus {
    /// The plan.
    pub plan: Plan,
    /// Spent so far in the plan currency (cash and used items left out).
    #[serde(with = "rust_decimal::serde::str")]
    pub spent: Decimal,
    /// Plan minus spent (negative when exceeded).
    #[serde(with = "rust_decimal::serde::str")]
    pub remaining: Decimal,
    /// Whether the plan is exceeded.
    pub exceeded: bool,
    /// Purchases that could not be converted into the plan currency (no rate).
    pub unconverted: Vec<String>,
}

/// One exchange rate the status used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateUse {
    /// From this currency.
    pub from: Currency,
    /// Into this one.
    pub to: Currency,
    /// Units of `to` per one `from`.
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    /// Who published it.
    pub source: RateSource,
    /// The table's date.
    pub valid_on: Date,
    /// Days between the table's date and the date it was used for.
    pub age_days: i64,
    /// The file it came from, or `manual`.
    pub origin: String,
}

/// A purchase the assessment had to leave out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// Purchase id.
    pub purchase: String,
    /// Why, as a message.
    pub reason: Message,
}

/// The live status of a trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TripStatus {
    /// The trip.
    pub trip: TripRecord,
    /// Its travellers.
    pub travellers: Vec<TravellerLine>,
    /// The assessment if arriving with the purchases so far.
    pub assessment: Assessment,
    /// Purchase id of each assessment item, by index.
    pub purchase_ids: Vec<String>,
    /// Every allowance.
    pub allowances: Vec<AllowanceStatus>,
    /// The spending plan, when the trip has one.
    pub plan: Option<PlanStatus>,
    /// Rates used (purchase dates and the pack's own figures).
    pub rates: Vec<RateUse>,
    /// Purchases left out of the assessment (no exchange rate).
    pub left_out: Vec<LeftOut>,
    /// Alerts not yet acknowledged, newest first.
    pub alerts: Vec<Alert>,
    /// Whether every figure is complete (assessment complete and nothing left out).
    pub complete: bool,
}

/// The answer to "what if I buy this?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhatIf {
    /// Channel now.
    pub channel_before: Channel,
    /// Channel with the purchase.
    pub channel_after: Channel,
    /// Total due now.
    #[serde(with = "rust_decimal::serde::str")]
    pub total_before: Decimal,
    /// Total due with the purchase.
    #[serde(with = "rust_decimal::serde::str")]
    pub total_after: Decimal,
    /// What the purchase adds to the total due.
    #[serde(with = "rust_decimal::serde::str")]
    pub extra: Decimal,
    /// The pack currency.
    pub currency: Currency,
    /// The purchase's own line with its explanation.
    pub line: Option<karvon_domain::assess::ItemResult>,
    /// Alerts the purchase would raise.
    pub alerts: Vec<Message>,
    /// One sentence: "buying this moves you to red and costs €35.70".
    pub summary: Message,
    /// Whether the purchase was left out (no exchange rate), so the answer is incomplete.
    pub left_out: bool,
}

/// A status kept in memory: its trip, the write count it was built at, and whether it is kept on
/// disk too (see [`crate::snapshot`]).
#[derive(Debug)]
pub(crate) struct Kept {
    pub trip: String,
    pub version: i64,
    pub status: Arc<TripStatus>,
    pub saved: bool,
}

/// A status built inside a write transaction: the writing thread, the trip, the write count the
/// commit will give, and the status as a fresh read after that commit returns it.
pub(crate) type Written = (std::thread::ThreadId, String, i64, Arc<TripStatus>);

/// Everything needed to assess a trip, read in one snapshot.
pub(crate) struct Snapshot {
    pub trip: TripRecord,
    pub travellers: Vec<TravellerLine>,
    pub domain: Trip,
    pub purchase_ids: Vec<String>,
    /// The purchases assessed, as `purchase_ids`; their description and HS code were moved into
    /// the domain items (the plan reads only kinds, values and dates).
    pub purchases: Vec<Purchase>,
    pub rates: Vec<RateUse>,
    pub left_out: Vec<LeftOut>,
}

impl Karvon {
    /// Reads a trip and everything it needs into a domain trip, with rates by purchase date.
    pub(crate) fn snapshot(
        &self,
        c: &Connection,
        trip_id: &str,
        extra: Option<&PurchaseInput>,
    ) -> Result<Snapshot, Error> {
        let trip = trips::read_trip(c, trip_id)?.ok_or_else(|| Error::NotFound {
            entity: "trip",
            id: trip_id.to_owned(),
        })?;
        let pack = self.packs().get(&trip.jurisdiction).ok_or_else(|| {
            Error::input(
                "jurisdiction",
                Message::new("input-unknown-jurisdiction")
                    .text("value", trip.jurisdiction.clone())
                    .text("known", ""),
            )
        })?;
        let target = pack.currency;
        let (travellers, domain_travellers) = self.traveller_lines(c, &trip)?;
        let mut purchases = purchases::trip_purchases(c, &trip.id)?;
        if let Some(x) = extra {
            purchases.push(purchases::preview(c, &trip, x)?);
        }
        let mut used_rates: BTreeMap<(Currency, Currency, Date, String), RateUse> = BTreeMap::new();
        let mut note = |from: Currency, to: Currency, on: Date, f: &rates::FoundRate| {
            let key = (from, to, f.valid_on, f.origin.clone());
            let age = f.valid_on.days_until(on);
            let e = used_rates.entry(key).or_insert_with(|| RateUse {
                from,
                to,
                rate: f.rate,
                source: f.source.clone(),
                valid_on: f.valid_on,
                age_days: age,
                origin: f.origin.clone(),
            });
            e.age_days = e.age_days.max(age);
        };
        // Rates for the pack's own figures (e.g. limits in US$), as of the arrival date.
        let mut trip_rates = BTreeMap::new();
        for (cur, f) in rates::rates_into(c, target, trip.arrival)? {
            trip_rates.insert(cur, f.rate.normalize());
        }
        let mut items = Vec::with_capacity(purchases.len());
        let mut ids = Vec::with_capacity(purchases.len());
        let mut left_out = Vec::new();
        let mut kept = Vec::with_capacity(purchases.len());
        let mut memo = RateMemo::default();
        for mut p in purchases {
            let mut rate = None;
            if let (Some(cur), Some(_)) = (p.currency, p.value) {
                if cur != target {
                    match memo.get(c, cur, target, p.bought_on)? {
                        Some(f) => {
                            note(cur, target, p.bought_on, &f);
                            rate = Some(f.rate.normalize());
                        }
                        None => {
                            left_out.push(LeftOut {
                                purchase: p.id.clone(),
                                reason: Message::new("status-no-rate")
                                    .text("from", cur.code())
                                    .text("to", target.code())
                                    .date("date", p.bought_on),
                            });
                            continue;
                        }
                    }
                }
            }
            let traveller = trip
                .travellers
                .iter()
                .position(|t| *t == p.traveller)
                .unwrap_or(0);
            items.push(Item {
                traveller,
                description: std::mem::take(&mut p.description),
                kind: p.kind,
                value: p.value,
                currency: p.currency,
                rate,
                count: p.count,
                litres: p.litres,
                grams: p.grams,
                ml: p.ml,
                weight_kg: p.weight_kg,
                abv: p.abv,
                spirit: p.spirit,
                hs_code: p.hs_code.take(),
                duty_rate: p.duty_rate,
                used: p.used,
                gift: p.gift,
                unaccompanied: p.unaccompanied,
            });
            ids.push(p.id.clone());
            kept.push(p);
        }
        let domain = Trip {
            jurisdiction: trip.jurisdiction.clone(),
            arrival: trip.arrival,
            mode: trip.mode,
            days_abroad: trip.days_abroad,
            travellers: domain_travellers,
            items,
            rates: trip_rates,
            joint_declaration: trip.joint,
        };
        Ok(Snapshot {
            trip,
            travellers,
            domain,
            purchase_ids: ids,
            purchases: kept,
            rates: used_rates.into_values().collect(),
            left_out,
        })
    }

    /// A trip's travellers as the status shows them, and as the domain trip names them.
    fn traveller_lines(
        &self,
        c: &Connection,
        trip: &TripRecord,
    ) -> Result<(Vec<TravellerLine>, Vec<DomainTraveller>), Error> {
        let mut travellers = Vec::new();
        let mut domain_travellers = Vec::new();
        let people = trip
            .travellers
            .iter()
            .map(|id| crate::travellers::read_open(self, c, id))
            .collect::<Result<Vec<_>, _>>()?;
        for t in people.iter() {
            let age = t.birth_date.age_on(trip.arrival);
            let resident = t.residency == trip.jurisdiction;
            // The engine names travellers in its messages: use the name, made unique if needed.
            let twins = people.iter().filter(|o| o.name == t.name).count();
            let label = if twins > 1 {
                format!("{} ({})", t.name, &t.id[..8])
            } else {
                t.name.clone()
            };
            let t = t.clone();
            domain_travellers.push(DomainTraveller {
                id: label,
                age,
                resident,
                statuses: t.statuses.clone(),
                guardian: None,
            });
            travellers.push(TravellerLine {
                id: t.id,
                name: t.name,
                age,
                resident,
            });
        }
        Ok((travellers, domain_travellers))
    }

    /// Builds the status from a snapshot (no alert changes).
    pub(crate) fn status_of(&self, c: &Connection, snap: Snapshot) -> Result<TripStatus, Error> {
        let assessment = self.assess(&snap.domain)?;
        let allowances = allowance_lines(&assessment, &snap.domain.travellers, &snap.travellers);
        let plan = match snap.trip.plan {
            Some(plan) => Some(plan_status(c, plan, &snap.purchases)?),
            None => None,
        };
        let alerts = alerts::open_alerts(c, &snap.trip.id)?;
        let complete = assessment.complete && snap.left_out.is_empty();
        Ok(TripStatus {
            trip: snap.trip,
            travellers: snap.travellers,
            assessment,
            purchase_ids: snap.purchase_ids,
            allowances,
            plan,
            rates: snap.rates,
            left_out: snap.left_out,
            alerts,
            complete,
        })
    }

    /// The live status of a trip.
    ///
    /// The last few statuses are kept with the database's write count: while nothing was written
    /// (by this or any other process) the kept one is returned; any write rebuilds it.
    pub fn status(&self, trip: &str) -> Result<Arc<TripStatus>, Error> {
        let data = self.data()?;
        let id = validate::id("trip", trip)?;
        // Purchases imported in bulk leave the trip's alerts to be checked now. A read-only
        // folder cannot record them; the status is still shown.
        if data.store.read(|c| alerts::is_stale(c, &id))? {
            let _ = self.write(|tx| alerts::refresh(self, tx, &id));
        }
        let (status, rebuilt) = data.store.read(|c| {
            let version = store::write_count(c)?;
            {
                let cache = data.statuses.lock().unwrap_or_else(|p| p.into_inner());
                if let Some(k) = cache.iter().find(|k| k.trip == id && k.version == version) {
                    return Ok((Arc::clone(&k.status), None));
                }
            }
            // Kept on disk by an earlier run (see `snapshot`), when nothing changed since.
            if let Some(s) = snapshot::load(self, c, &id, version)
                .and_then(|heavy| self.status_from_kept(c, &id, heavy).ok())
            {
                let s = Arc::new(s);
                self.keep_status(&id, version, Arc::clone(&s), true);
                return Ok((s, None));
            }
            let s = Arc::new(self.status_of(c, self.snapshot(c, &id, None)?)?);
            self.keep_status(&id, version, Arc::clone(&s), false);
            Ok((s, Some(version)))
        })?;
        // Rebuilt at a read: keep it on disk for the next run (derived data, not a write; a
        // busy writer or a read-only folder only means it is not kept).
        if let Some(version) = rebuilt {
            if snapshot::save(self, version, &status).unwrap_or(false) {
                self.mark_saved(&id, version);
            }
        }
        Ok(status)
    }

    /// The status of a trip from its kept part and the cheap rest read again; an error when
    /// they do not fit together (the caller rebuilds).
    fn status_from_kept(
        &self,
        c: &Connection,
        trip_id: &str,
        kept: snapshot::Heavy,
    ) -> Result<TripStatus, Error> {
        let bad = || Error::Store(Message::new("error-db-value").text("field", "status_snapshot"));
        let trip = trips::read_trip(c, trip_id)?.ok_or_else(bad)?;
        let (travellers, domain) = self.traveller_lines(c, &trip)?;
        let assessment = kept.assessment;
        if assessment.items.len() != kept.purchase_ids.len() {
            return Err(bad());
        }
        let allowances = allowance_lines(&assessment, &domain, &travellers);
        let plan = match (trip.plan, kept.plan) {
            (Some(plan), Some((spent, unconverted))) => Some(PlanStatus {
                plan,
                spent,
                remaining: plan.amount - spent,
                exceeded: spent > plan.amount,
                unconverted,
            }),
            (None, None) => None,
            _ => return Err(bad()),
        };
        let alerts = alerts::open_alerts(c, &trip.id)?;
        let complete = assessment.complete && kept.left_out.is_empty();
        Ok(TripStatus {
            trip,
            travellers,
            assessment,
            purchase_ids: kept.purchase_ids,
            allowances,
            plan,
            rates: kept.rates,
            left_out: kept.left_out,
            alerts,
            complete,
        })
    }

    /// Whether a status read now would come from the snapshot kept on disk (for tests: the
    /// snapshot exists, matches the database and this core, opens with this key and decodes).
    #[doc(hidden)]
    pub fn kept_status_usable(&self, trip: &str) -> Result<bool, Error> {
        let id = validate::id("trip", trip)?;
        self.store()?.read(|c| {
            let version = store::write_count(c)?;
            Ok(snapshot::load(self, c, &id, version)
                .and_then(|heavy| self.status_from_kept(c, &id, heavy).ok())
                .is_some())
        })
    }

    /// Keeps the statuses held in memory on disk too (those not kept there yet and still
    /// current), so that the next run of the app reads them instead of rebuilding them. Done on
    /// its own when the last handle on the data folder is dropped; a front may call it earlier
    /// (e.g. when a mobile app goes to the background). Returns how many were written.
    pub fn save_statuses(&self) -> Result<usize, Error> {
        let data = self.data()?;
        let unsaved: Vec<(i64, Arc<TripStatus>)> = data
            .statuses
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .filter(|k| !k.saved)
            .map(|k| (k.version, Arc::clone(&k.status)))
            .collect();
        let mut n = 0;
        for (version, status) in unsaved {
            if snapshot::save(self, version, &status)? {
                self.mark_saved(&status.trip.id, version);
                n += 1;
            }
        }
        Ok(n)
    }

    /// Notes that a kept status is on disk.
    fn mark_saved(&self, trip: &str, version: i64) {
        let Ok(data) = self.data() else {
            return;
        };
        let mut cache = data.statuses.lock().unwrap_or_else(|p| p.into_inner());
        for k in cache.iter_mut() {
            if k.trip == trip && k.version == version {
                k.saved = true;
            }
        }
    }

    /// Keeps a trip's status built at a write count (older kept statuses are dropped).
    fn keep_status(&self, trip: &str, version: i64, status: Arc<TripStatus>, saved: bool) {
        let Ok(data) = self.data() else {
            return;
        };
        let mut cache = data.statuses.lock().unwrap_or_else(|p| p.into_inner());
        // The statuses let go are freed after the lock is released (a large one takes a while).
        let (kept, gone): (Vec<_>, Vec<_>) = std::mem::take(&mut *cache)
            .into_iter()
            .partition(|k| k.trip != trip && k.version == version);
        *cache = kept;
        let oldest = (cache.len() >= STATUS_CACHE).then(|| cache.remove(0));
        cache.push(Kept {
            trip: trip.to_owned(),
            version,
            status,
            saved,
        });
        drop(cache);
        drop((gone, oldest));
    }

    /// Runs `f` in one write transaction; the statuses its alert checks built (see
    /// [`alerts::refresh`]) are kept once it has committed, so the status read right after a
    /// write is the one the write already computed. Nothing is kept from a failed write.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&mut store::Tx<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let data = self.data()?;
        let me = std::thread::current().id();
        let take = || {
            let mut w = data.written.lock().unwrap_or_else(|p| p.into_inner());
            let (mine, others) = std::mem::take(&mut *w).into_iter().partition(|e| e.0 == me);
            *w = others;
            mine
        };
        let _: Vec<Written> = take();
        let out = data.store.write(f);
        let mine: Vec<Written> = take();
        if out.is_ok() {
            for (_, trip, version, status) in mine {
                self.keep_status(&trip, version, status, false);
            }
        }
        out
    }

    /// Remembers a status built inside the current write transaction, at the write count its
    /// commit gives; [`Karvon::write`] keeps it once committed.
    pub(crate) fn written_status(
        &self,
        tx: &store::Tx<'_>,
        trip: &str,
        status: TripStatus,
    ) -> Result<(), Error> {
        let data = self.data()?;
        let version = store::write_count(tx)? + 1;
        data.written
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((
                std::thread::current().id(),
                trip.to_owned(),
                version,
                Arc::new(status),
            ));
        Ok(())
    }

    /// The live status of a trip, always rebuilt from the database (no cache, in memory or on
    /// disk).
    pub fn status_fresh(&self, trip: &str) -> Result<TripStatus, Error> {
        let id = validate::id("trip", trip)?;
        self.store()?
            .read(|c| self.status_of(c, self.snapshot(c, &id, None)?))
    }

    /// What a purchase would change, before it is saved.
    pub fn what_if(&self, input: &PurchaseInput) -> Result<WhatIf, Error> {
        let id = self.trip(&input.trip)?.id;
        let before = self.status(&id)?;
        self.store()?.read(|c| {
            let snap = self.snapshot(c, &id, Some(input))?;
            let left_out = snap.left_out.iter().any(|l| l.purchase.is_empty());
            let after = self.status_of(c, snap)?;
            let line = if left_out {
                None
            } else {
                after
                    .purchase_ids
                    .iter()
                    .position(String::is_empty)
                    .and_then(|i| after.assessment.items.get(i).cloned())
            };
            let was = alerts::conditions(&before);
            let new_alerts = alerts::conditions(&after)
                .into_iter()
                .filter(|(k, _)| !was.iter().any(|(w, _)| w == k))
                .map(|(_, m)| m)
                .collect();
            let (b, a) = (&before.assessment, &after.assessment);
            let extra = a.total_due - b.total_due;
            let summary = if left_out {
                Message::new("what-if-no-rate")
            } else {
                let id = match (b.channel, a.channel) {
                    (Channel::Green, Channel::Red) => "what-if-to-red",
                    _ if extra.is_zero() => "what-if-free",
                    _ => "what-if-costs",
                };
                Message::new(id).money("extra", extra, a.currency)
            };
            Ok(WhatIf {
                channel_before: b.channel,
                channel_after: a.channel,
                total_before: b.total_due,
                total_after: a.total_due,
                extra,
                currency: a.currency,
                line,
                alerts: new_alerts,
                summary,
                left_out,
            })
        })
    }

    /// A trip file (the JSON `karvon assess` reads) with every purchase and the rates used, so
    /// that assessing it gives the same figures as the status.
    pub fn export_trip(&self, trip: &str) -> Result<Value, Error> {
        let id = self.trip(trip)?.id;
        self.store()?.read(|c| {
            let snap = self.snapshot(c, &id, None)?;
            Ok(trip_file(&snap))
        })
    }
}

/// Rates already looked up while building one status: purchases share currencies and days.
#[derive(Default)]
struct RateMemo(BTreeMap<(Currency, Currency, Date), Option<rates::FoundRate>>);

impl RateMemo {
    fn get(
        &mut self,
        c: &Connection,
        from: Currency,
        to: Currency,
        on: Date,
    ) -> Result<Option<rates::FoundRate>, Error> {
        if let Some(hit) = self.0.get(&(from, to, on)) {
            return Ok(hit.clone());
        }
        let hit = rates::lookup(c, from, to, on)?;
        self.0.insert((from, to, on), hit.clone());
        Ok(hit)
    }
}

/// Every allowance of an assessment, with the travellers by record id.
fn allowance_lines(
    assessment: &Assessment,
    domain: &[DomainTraveller],
    travellers: &[TravellerLine],
) -> Vec<AllowanceStatus> {
    let id_of = |label: &String| {
        domain
            .iter()
            .position(|t| t.id == *label)
            .and_then(|i| travellers.get(i))
            .map_or_else(|| label.clone(), |t| t.id.clone())
    };
    assessment
        .allowances
        .iter()
        .map(|a| {
            let mut s = allowance_status(a);
            s.travellers = s.travellers.iter().map(id_of).collect();
            s
        })
        .collect()
}

fn allowance_status(a: &AllowanceUse) -> AllowanceStatus {
    let remaining = (a.limit - a.used).max(Decimal::ZERO);
    let percent = if a.limit.is_zero() {
        Decimal::ONE_HUNDRED
    } else {
        (a.used * Decimal::ONE_HUNDRED / a.limit)
            .round_dp_with_strategy(1, RoundingStrategy::ToZero)
    };
    AllowanceStatus {
        travellers: a.travellers.clone(),
        category: a.category,
        rule: a.rule.clone(),
        used: a.used,
        limit: a.limit,
        remaining,
        percent,
        unit: a.unit,
    }
}

fn plan_status(c: &Connection, plan: Plan, purchases: &[Purchase]) -> Result<PlanStatus, Error> {
    let mut spent = Decimal::ZERO;
    let mut unconverted = Vec::new();
    let mut memo = RateMemo::default();
    for p in purchases {
        if p.kind == Kind::Cash || p.used {
            continue;
        }
        let (Some(v), Some(cur)) = (p.value, p.currency) else {
            continue;
        };
        if cur == plan.currency {
            spent += v;
            continue;
        }
        match memo.get(c, cur, plan.currency, p.bought_on)? {
            Some(f) => spent += v * f.rate,
            None => unconverted.push(p.id.clone()),
        }
    }
    let spent = spent.round_dp_with_strategy(
        plan.currency.minor_units(),
        RoundingStrategy::MidpointAwayFromZero,
    );
    Ok(PlanStatus {
        plan,
        spent,
        remaining: plan.amount - spent,
        exceeded: spent > plan.amount,
        unconverted,
    })
}

/// The trip file of a snapshot.
fn trip_file(s: &Snapshot) -> Value {
    let d = &s.domain;
    let travellers: Vec<Value> = d
        .travellers
        .iter()
        .map(|t| json!({"id": t.id, "age": t.age, "resident": t.resident, "statuses": t.statuses}))
        .collect();
    let items: Vec<Value> = d
        .items
        .iter()
        .map(|i| {
            let mut m = Map::new();
            m.insert("traveller".into(), json!(d.travellers[i.traveller].id));
            m.insert("description".into(), json!(i.description));
            m.insert("kind".into(), json!(i.kind.as_str()));
            let mut put = |k: &str, v: Option<Decimal>| {
                if let Some(v) = v {
                    m.insert(k.into(), json!(v.to_string()));
                }
            };
            put("value", i.value);
            put("rate", i.rate);
            put("count", i.count);
            put("litres", i.litres);
            put("grams", i.grams);
            put("ml", i.ml);
            put("weight_kg", i.weight_kg);
            put("abv", i.abv);
            put("duty_rate", i.duty_rate);
            if let Some(c) = i.currency {
                m.insert("currency".into(), json!(c.code()));
            }
            if let Some(sp) = i.spirit {
                m.insert("spirit".into(), json!(sp.as_str()));
            }
            if let Some(h) = &i.hs_code {
                m.insert("hs_code".into(), json!(h));
            }
            if i.used {
                m.insert("used".into(), json!(true));
            }
            if i.unaccompanied {
                m.insert("unaccompanied".into(), json!(true));
            }
            if i.gift {
                m.insert("gift".into(), json!(true));
            }
            Value::Object(m)
        })
        .collect();
    let rates: Map<String, Value> = d
        .rates
        .iter()
        .map(|(c, r)| (c.code().to_owned(), json!(r.to_string())))
        .collect();
    json!({
        "jurisdiction": d.jurisdiction,
        "arrival": d.arrival.to_string(),
        "mode": d.mode.as_str(),
        "days_abroad": d.days_abroad,
        "joint_declaration": d.joint_declaration,
        "travellers": travellers,
        "items": items,
        "rates": rates,
    })
}
