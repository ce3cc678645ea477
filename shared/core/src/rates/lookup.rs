//! Finding the rate valid on a date among the stored tables.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use karvon_domain::fx::{ConversionPath, RateSource};
use karvon_domain::{Currency, Date};
use rusqlite::{params, Connection};
use rust_decimal::Decimal;

use super::{parse_source, FoundRate, Quote, MAX_LOOK_BACK_DAYS};
use crate::Error;

/// A stored rate as an exact fraction: `num / den` units of base per one unit of currency.
///
/// Keeping the published figure and its nominal apart lets every conversion end in a single
/// division: an ECB `EUR → USD` rate is the published `1.1684` itself, not `1 / (1 / 1.1684)`.
#[derive(Debug, Clone, Copy)]
struct Ratio {
    num: Decimal,
    den: Decimal,
}

/// One stored table inside a source's look-back window.
#[derive(Debug)]
struct WindowTable {
    valid_on: Date,
    origin: Rc<str>,
    rates: HashMap<Currency, Ratio>,
}

/// The tables of one source and base usable on a date, newest first.
#[derive(Debug)]
struct Group {
    source: RateSource,
    base: Currency,
    tables: Vec<WindowTable>,
}

/// A candidate answer and how it ranks: lower keys win.
type Key = (Reverse<Date>, u8, u8, u8, &'static str);

/// The last tie-break between sources: the user, then the ECB, then the CBU.
fn source_rank(source: &RateSource) -> u8 {
    match source {
        RateSource::UserEntered => 0,
        RateSource::Ecb => 1,
        RateSource::Cbu => 2,
    }
}

/// The rate to convert `from` into `to` valid on `on`: units of `to` per one `from`.
///
/// Only tables dated on or before `on` count, never later ones. Within each source (and base)
/// the newest such table is used; if it cannot convert this pair, older tables of that source
/// within [`MAX_LOOK_BACK_DAYS`](super::MAX_LOOK_BACK_DAYS) of it are tried, newest first. A
/// table converts directly (`from` quoted, `to` its base), inversely (`from` its base) or across
/// (both quoted). Among the sources the newest date wins; on the same date the user's rates win,
/// then the central bank of `to` (ECB for EUR, CBU for UZS), then that of `from`, then a direct
/// or inverse reading over a cross one, then the ECB over the CBU. The same currency gives rate 1
/// without a table.
pub fn lookup(
    conn: &Connection,
    from: Currency,
    to: Currency,
    on: Date,
) -> Result<Option<FoundRate>, Error> {
    if from == to {
        return Ok(Some(FoundRate {
            rate: Decimal::ONE,
            source: RateSource::UserEntered,
            valid_on: on,
            path: ConversionPath::Identity,
            origin: "identity".to_owned(),
        }));
    }
    let mut best: Option<(Key, FoundRate)> = None;
    for group in groups(conn, on, Some((from, to)))? {
        let found = group.tables.iter().find_map(|t| {
            let path = path(group.base, from, to);
            let rate = convert(path, t.rates.get(&from), t.rates.get(&to))?;
            Some((t, path, rate))
        });
        if let Some((table, path, rate)) = found {
            offer(&mut best, &group, table, path, rate, (from, to));
        }
    }
    Ok(best.map(|(_, f)| f))
}

/// For every currency some table can convert into `to` on `on`, its best rate, chosen as
/// [`lookup`] chooses (so `rates_into(to)[c]` equals `lookup(c, to)`). `to` itself is left out.
///
/// Reads only the look-back window of each source: a few queries whatever the history held.
pub fn rates_into(
    conn: &Connection,
    to: Currency,
    on: Date,
) -> Result<BTreeMap<Currency, FoundRate>, Error> {
    let mut best: HashMap<Currency, (Key, FoundRate)> = HashMap::new();
    for group in groups(conn, on, None)? {
        let mut done: HashSet<Currency> = HashSet::new();
        for table in &group.tables {
            let mut offer_one = |from: Currency| {
                if from == to || done.contains(&from) {
                    return;
                }
                let path = path(group.base, from, to);
                if let Some(rate) = convert(path, table.rates.get(&from), table.rates.get(&to)) {
                    done.insert(from);
                    let mut slot = best.remove(&from);
                    offer(&mut slot, &group, table, path, rate, (from, to));
                    if let Some(s) = slot {
                        best.insert(from, s);
                    }
                }
            };
            if to == group.base {
                table.rates.keys().copied().for_each(&mut offer_one);
            } else if table.rates.contains_key(&to) {
                offer_one(group.base);
                table.rates.keys().copied().for_each(&mut offer_one);
            }
        }
    }
    Ok(best.into_iter().map(|(c, (_, f))| (c, f)).collect())
}

/// How a table quoted in `base` converts `from` into `to` (they differ).
fn path(base: Currency, from: Currency, to: Currency) -> ConversionPath {
    if to == base {
        ConversionPath::Direct
    } else if from == base {
        ConversionPath::Inverse
    } else {
        ConversionPath::Cross
    }
}

/// Units of `to` per one `from`, if the table quotes what the path needs.
fn convert(path: ConversionPath, from: Option<&Ratio>, to: Option<&Ratio>) -> Option<Decimal> {
    match path {
        ConversionPath::Identity => Some(Decimal::ONE),
        ConversionPath::Direct => from?.num.checked_div(from?.den),
        ConversionPath::Inverse => to?.den.checked_div(to?.num),
        ConversionPath::Cross => {
            let (f, t) = (from?, to?);
            f.num
                .checked_mul(t.den)?
                .checked_div(f.den.checked_mul(t.num)?)
        }
    }
}

/// Keeps `candidate` in `best` if it ranks better.
fn offer(
    best: &mut Option<(Key, FoundRate)>,
    group: &Group,
    table: &WindowTable,
    path: ConversionPath,
    rate: Decimal,
    (from, to): (Currency, Currency),
) {
    let home = |c: Currency| match c.code() {
        "EUR" => Some(RateSource::Ecb),
        "UZS" => Some(RateSource::Cbu),
        _ => None,
    };
    let priority = if group.source == RateSource::UserEntered {
        0
    } else if home(to).as_ref() == Some(&group.source) {
        1
    } else if home(from).as_ref() == Some(&group.source) {
        2
    } else {
        3
    };
    let key: Key = (
        Reverse(table.valid_on),
        priority,
        u8::from(path == ConversionPath::Cross),
        source_rank(&group.source),
        group.base.code(),
    );
    if best.as_ref().is_some_and(|(k, _)| *k <= key) {
        return;
    }
    *best = Some((
        key,
        FoundRate {
            rate,
            source: group.source.clone(),
            valid_on: table.valid_on,
            path,
            origin: table.origin.to_string(),
        },
    ));
}

/// For each source and base, its tables in the look-back window ending at its newest table on
/// or before `on`, newest first; with `only`, just the rates of those two currencies.
fn groups(
    conn: &Connection,
    on: Date,
    only: Option<(Currency, Currency)>,
) -> Result<Vec<Group>, Error> {
    let on_text = on.to_string();
    let mut latest = conn.prepare_cached(
        "SELECT g.source, g.base,
                (SELECT MAX(t.valid_on) FROM rate_table t
                 WHERE t.source = g.source AND t.base = g.base AND t.valid_on <= ?1)
         FROM (SELECT DISTINCT source, base FROM rate_table) g",
    )?;
    let heads: Vec<(String, String, Option<String>)> = latest
        .query_map([&on_text], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut window = conn.prepare_cached(
        "SELECT t.valid_on, t.origin, t.quote, r.currency, r.published, r.nominal
         FROM rate_table t JOIN rate r ON r.table_id = t.id
         WHERE t.source = ?1 AND t.base = ?2 AND t.valid_on BETWEEN ?3 AND ?4
           AND (?5 IS NULL OR r.currency IN (?5, ?6))
         ORDER BY t.valid_on DESC",
    )?;
    let (a, b) = match only {
        Some((a, b)) => (Some(a.code()), Some(b.code())),
        None => (None, None),
    };
    let mut out = Vec::new();
    for (source_text, base_text, newest) in heads {
        let (Some(source), Ok(base), Some(newest)) = (
            parse_source(&source_text),
            Currency::from_code(&base_text),
            newest.and_then(|d| d.parse::<Date>().ok()),
        ) else {
            continue;
        };
        let oldest = newest
            .add_days(-MAX_LOOK_BACK_DAYS)
            .unwrap_or(newest)
            .to_string();
        let mut rows = window.query(params![
            source_text,
            base_text,
            oldest,
            newest.to_string(),
            a,
            b
        ])?;
        let mut tables: Vec<WindowTable> = Vec::new();
        while let Some(r) = rows.next()? {
            let valid_on: String = r.get(0)?;
            let Ok(valid_on) = valid_on.parse::<Date>() else {
                continue;
            };
            if tables.last().is_none_or(|t| t.valid_on != valid_on) {
                tables.push(WindowTable {
                    valid_on,
                    origin: Rc::from(r.get::<_, String>(1)?),
                    rates: HashMap::new(),
                });
            }
            let quote: String = r.get(2)?;
            let currency: String = r.get(3)?;
            let published: String = r.get(4)?;
            let nominal: String = r.get(5)?;
            let (Some(quote), Ok(currency), Ok(published), Ok(nominal)) = (
                Quote::parse(&quote),
                Currency::from_code(&currency),
                published.parse::<Decimal>(),
                nominal.parse::<Decimal>(),
            ) else {
                continue;
            };
            if published <= Decimal::ZERO || nominal <= Decimal::ZERO {
                continue;
            }
            let ratio = match quote {
                Quote::BasePerNominal => Ratio {
                    num: published,
                    den: nominal,
                },
                Quote::CurrencyPerBase => Ratio {
                    num: nominal,
                    den: published,
                },
            };
            if let Some(t) = tables.last_mut() {
                t.rates.insert(currency, ratio);
            }
        }
        out.push(Group {
            source,
            base,
            tables,
        });
    }
    Ok(out)
}
