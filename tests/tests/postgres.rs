//! The sync end to end on PostgreSQL: a throwaway cluster, a real server over it, three
//! devices that edit, file and converge, and a clearance written by the customs side.

use std::sync::Arc;

use karvon_core::domain::filing::DocStatus;
use karvon_core::domain::sync::wire::FilingStatus;
use karvon_core::TripPatch;
use karvon_e2e::pg::PgCluster;
use karvon_e2e::{account, buy, fast_options, seed_trip, snapshot, Server};
use karvon_server::{FilingMove, PostgresStore, Storage};

#[test]
fn devices_converge_and_filings_flow_on_postgres() {
    let cluster = PgCluster::start();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let url = rt.block_on(cluster.create_db("karvon_e2e"));
    let server_url = url.clone();
    let server = Server::start(Box::new(move || {
        Box::pin(async move {
            Arc::new(PostgresStore::connect(&server_url, 4).await.unwrap()) as Arc<dyn Storage>
        })
    }));
    let root = tempfile::tempdir().unwrap();
    let devs = account(&server.url, root.path(), 3);
    let opts = fast_options();
    let trip = seed_trip(&devs[0], "Andijan");
    for v in [100, 200, 300] {
        buy(&devs[0], &trip, "Silk", v);
    }
    let doc = devs[0].declare_trip(&trip).unwrap().id;
    devs[0].sign_document(&doc).unwrap();
    devs[0].queue_document(&doc).unwrap();
    for d in &devs {
        d.sync_with(&opts, &mut |_| {}).unwrap();
    }
    devs[1]
        .edit_trip(
            &trip,
            &TripPatch {
                name: Some("Andijan market".into()),
                ..TripPatch::default()
            },
        )
        .unwrap();
    let p = devs[2].purchases(&trip).unwrap()[0].id.clone();
    devs[2].delete_purchase(&p).unwrap();
    // Customs clears the filing through the store (what `karvon-server admin clear` runs).
    rt.block_on(async {
        let store = PostgresStore::connect(&url, 1).await.unwrap();
        let filings = store.filings(None).await.unwrap();
        assert_eq!(filings.len(), 1);
        store
            .move_filing(FilingMove {
                document_id: doc.clone(),
                status: FilingStatus::Cleared,
                reason: None,
                now_ms: karvon_server::app::now_ms(),
            })
            .await
            .unwrap();
    });
    for d in devs.iter().chain(devs.iter()) {
        let r = d.sync_with(&opts, &mut |_| {}).unwrap();
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }
    let first = snapshot(&devs[0]);
    for d in &devs[1..] {
        karvon_e2e::assert_same(&snapshot(d), &first);
    }
    for d in &devs {
        let seen = d.document(&doc).unwrap();
        assert_eq!(seen.status, DocStatus::Cleared);
        assert!(seen.registration.unwrap().starts_with("KRV-"));
    }
    assert_eq!(devs[0].trip(&trip).unwrap().name, "Andijan market");
    assert_eq!(devs[1].purchases(&trip).unwrap().len(), 2);
    drop(server);
    drop(cluster);
}
