//! Writing and listing stored rate tables.

use karvon_domain::{Currency, Date};
use rusqlite::{params, Connection};
use rust_decimal::Decimal;

use super::feed::Feed;
use super::{parse_source, source_str, Quote, RateTableInfo, MANUAL_ORIGIN};
use crate::store::Tx;
use crate::Error;

/// Creates the table (source, base, date) or takes it over, returning its id.
const UPSERT_TABLE: &str =
    "INSERT INTO rate_table(source, base, valid_on, quote, imported_ms, origin)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
     ON CONFLICT(source, base, valid_on) DO UPDATE SET
         quote = excluded.quote, imported_ms = excluded.imported_ms, origin = excluded.origin
     RETURNING id";

/// Saves every table of a feed, each replacing the stored table of the same source, base and date.
pub(super) fn save(tx: &mut Tx<'_>, feed: &Feed, origin: &str) -> Result<(), Error> {
    let now = tx.now_ms();
    let mut upsert = tx.prepare_cached(UPSERT_TABLE)?;
    let mut clear = tx.prepare_cached("DELETE FROM rate WHERE table_id = ?1")?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO rate(table_id, currency, per_unit, published, nominal)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let source = source_str(&feed.source);
    let base = feed.base.code();
    let quote = feed.quote.as_str();
    for table in &feed.tables {
        let id: i64 = upsert.query_row(
            params![source, base, table.valid_on.to_string(), quote, now, origin],
            |r| r.get(0),
        )?;
        clear.execute([id])?;
        for rate in &table.rates {
            insert.execute(params![
                id,
                rate.currency.code(),
                rate.per_unit.to_string(),
                rate.published,
                rate.nominal.to_string()
            ])?;
        }
    }
    Ok(())
}

/// Sets one rate in the user's table of `base` on `valid_on`.
pub(super) fn save_manual(
    tx: &mut Tx<'_>,
    base: Currency,
    currency: Currency,
    per_unit: Decimal,
    valid_on: Date,
) -> Result<(), Error> {
    let id: i64 = tx.prepare_cached(UPSERT_TABLE)?.query_row(
        params![
            source_str(&karvon_domain::fx::RateSource::UserEntered),
            base.code(),
            valid_on.to_string(),
            Quote::BasePerNominal.as_str(),
            tx.now_ms(),
            MANUAL_ORIGIN
        ],
        |r| r.get(0),
    )?;
    let text = per_unit.to_string();
    tx.prepare_cached(
        "INSERT INTO rate(table_id, currency, per_unit, published, nominal)
         VALUES (?1, ?2, ?3, ?3, '1')
         ON CONFLICT(table_id, currency) DO UPDATE SET
             per_unit = excluded.per_unit, published = excluded.published, nominal = excluded.nominal",
    )?
    .execute(params![id, currency.code(), text])?;
    Ok(())
}

/// Every stored table, newest first (rows this version cannot read are left out).
pub(super) fn tables(conn: &Connection) -> Result<Vec<RateTableInfo>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.source, t.base, t.valid_on, t.imported_ms, t.origin,
                (SELECT COUNT(*) FROM rate r WHERE r.table_id = t.id)
         FROM rate_table t
         ORDER BY t.valid_on DESC, t.source, t.base",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, i64>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (source, base, valid_on, imported_ms, origin, count) = row?;
        let (Some(source), Ok(base), Ok(valid_on)) = (
            parse_source(&source),
            Currency::from_code(&base),
            valid_on.parse::<Date>(),
        ) else {
            continue;
        };
        out.push(RateTableInfo {
            source,
            base,
            valid_on,
            rates: usize::try_from(count).unwrap_or_default(),
            imported_ms,
            origin,
        });
    }
    Ok(out)
}
