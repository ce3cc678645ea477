//! Numbered migrations, each applied in one immediate transaction with `user_version` moved in
//! the same transaction. A migration never deletes queued change records.

use rusqlite::{Connection, TransactionBehavior};

use crate::Error;

/// Every migration, in order: `(version, SQL)`. Never edit one that has shipped; add a new one.
pub const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("migrations/0001_init.sql")),
    (2, include_str!("migrations/0002_rates.sql")),
    (3, include_str!("migrations/0003_hs.sql")),
    (4, include_str!("migrations/0004_documents.sql")),
    (5, include_str!("migrations/0005_sync.sql")),
    (6, include_str!("migrations/0006_distribution.sql")),
    (7, include_str!("migrations/0007_status_snapshot.sql")),
];

/// The schema version of an open database.
pub fn schema_version(conn: &Connection) -> Result<u32, Error> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Applies every migration newer than the database.
pub(super) fn run(conn: &mut Connection) -> Result<(), Error> {
    for (version, sql) in MIGRATIONS {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read inside the transaction: another process may have migrated meanwhile.
        let current: u32 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if current >= *version {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    let newest = MIGRATIONS.last().map(|m| m.0).unwrap_or_default();
    let current = schema_version(conn)?;
    if current > newest {
        return Err(Error::Store(
            karvon_domain::Message::new("error-schema-newer")
                .int("found", i64::from(current))
                .int("known", i64::from(newest)),
        ));
    }
    Ok(())
}
