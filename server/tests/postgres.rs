//! The storage contract suite on PostgreSQL: a throwaway cluster started by the test (a fresh
//! database per case). Fails, never skips, when PostgreSQL cannot start.

mod common;

use std::sync::Arc;

use karvon_server::{PostgresStore, Storage};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contract_on_postgres() {
    let cluster = common::pg::PgCluster::start();
    let mut n = 0;
    let cluster_ref = &cluster;
    common::contract::run("postgres", &mut || {
        n += 1;
        let name = format!("karvon_case_{n}");
        Box::pin(async move {
            let url = cluster_ref.create_db(&name).await;
            let store = PostgresStore::connect(&url, 4).await.unwrap();
            // Migrating twice (a second server process starting) is a no-op.
            PostgresStore::connect(&url, 1).await.unwrap();
            Arc::new(store) as Arc<dyn Storage>
        })
    })
    .await;
    drop(cluster);
}
