//! The store's schema: migrations bring an old database to the same schema as a fresh one,
//! keeping its rows and its queued changes.

use std::path::Path;

use karvon_core::store::{schema_version, Store, MIGRATIONS};
use rusqlite::Connection;

/// Tables, columns, indexes and foreign keys, normalised so a migrated and a fresh database compare.
fn shape(path: &Path) -> Vec<String> {
    let c = Connection::open(path).unwrap();
    let mut out = Vec::new();
    let mut s = c
        .prepare("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .unwrap();
    let objects: Vec<(String, String, String)> = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (ty, name, table) in objects {
        out.push(format!("{ty} {name} on {table}"));
        if ty == "table" {
            let mut cols = c
                .prepare(
                    "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1)",
                )
                .unwrap();
            for col in cols
                .query_map([&name], |r| {
                    Ok(format!(
                        "  col {}:{} notnull={} default={:?} pk={}",
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, i64>(4)?
                    ))
                })
                .unwrap()
            {
                out.push(col.unwrap());
            }
            let mut fks = c
                .prepare("SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?1)")
                .unwrap();
            for fk in fks
                .query_map([&name], |r| {
                    Ok(format!(
                        "  fk {} -> {}.{:?} on delete {}",
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, String>(3)?
                    ))
                })
                .unwrap()
            {
                out.push(fk.unwrap());
            }
        }
        if ty == "index" {
            let mut cols = c.prepare("SELECT name FROM pragma_index_info(?1)").unwrap();
            for col in cols.query_map([&name], |r| r.get::<_, String>(0)).unwrap() {
                out.push(format!("  key {}", col.unwrap()));
            }
        }
    }
    out
}

#[test]
fn an_upgraded_database_equals_a_fresh_one_and_keeps_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    // A database as the first schema left it, with a trip and a queued change.
    let old = dir.path().join("old.sqlite3");
    {
        let c = Connection::open(&old).unwrap();
        c.execute_batch(include_str!("fixtures/schema_v1.sql"))
            .unwrap();
    }
    let fresh = dir.path().join("fresh.sqlite3");
    let upgraded = Store::open(&old).unwrap();
    Store::open(&fresh).unwrap();
    let newest = MIGRATIONS.last().unwrap().0;
    upgraded
        .read(|c| {
            assert_eq!(schema_version(c).unwrap(), newest);
            let trips: i64 = c.query_row("SELECT count(*) FROM trip", [], |r| r.get(0))?;
            let queued: i64 = c.query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))?;
            assert_eq!((trips, queued), (1, 2));
            Ok(())
        })
        .unwrap();
    drop(upgraded);
    let (a, b) = (shape(&old), shape(&fresh));
    assert!(a.len() > 40, "the schema has its tables: {a:#?}");
    assert_eq!(a, b);
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite3");
    Store::open(&path).unwrap();
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 999).unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().contains("error-schema-newer"), "{err}");
    let c = Connection::open(&path).unwrap();
    let v: u32 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 999);
}
