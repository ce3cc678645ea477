//! The storage contract suite on SQLite (a fresh file per case in a temp dir).

mod common;

use std::sync::Arc;

use karvon_server::{SqliteStore, Storage};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contract_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    common::contract::run("sqlite", &mut || {
        n += 1;
        let path = dir.path().join(format!("case{n}.sqlite3"));
        Box::pin(async move { Arc::new(SqliteStore::open(&path).unwrap()) as Arc<dyn Storage> })
    })
    .await;
}

#[test]
fn reopening_keeps_data_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = SqliteStore::open(&path).unwrap();
        let device = karvon_server::store::NewDevice {
            device_id: "d".repeat(32),
            public_key: vec![7; 32],
            name: "Phone".into(),
            now_ms: 1,
        };
        let (rec, created) = store
            .register("a".repeat(32), device.clone())
            .await
            .unwrap();
        assert!(created);
        drop(store);
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.device("d".repeat(32)).await.unwrap(), Some(rec));
    });
}
