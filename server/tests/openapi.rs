//! The served OpenAPI document and the router agree: every route is documented, every
//! documented operation is routed, and the document is what the server serves.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use karvon_server::{routes, Limits, SqliteStore, Storage, OPENAPI_JSON};

fn documented() -> BTreeSet<(String, String)> {
    let doc: serde_json::Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut ops = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert!(
                op["responses"].is_object(),
                "{method} {path} has no responses"
            );
            ops.insert((method.to_uppercase(), path.clone()));
        }
    }
    ops
}

#[test]
fn every_route_is_documented_and_every_documented_route_exists() {
    let routed: BTreeSet<(String, String)> = routes()
        .into_iter()
        .map(|(m, p)| (m, p.to_owned()))
        .collect();
    let documented = documented();
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(
        undocumented.is_empty(),
        "routes missing from openapi.json: {undocumented:?}"
    );
    assert!(
        unrouted.is_empty(),
        "documented but not routed: {unrouted:?}"
    );
}

#[test]
fn problem_codes_in_the_document_are_the_domain_codes() {
    let doc: serde_json::Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    let listed: BTreeSet<String> = doc["components"]["schemas"]["Problem"]["properties"]["code"]
        ["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    let known: BTreeSet<String> = karvon_domain::sync::wire::ProblemCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    assert_eq!(listed, known);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_live_server_serves_the_document_and_answers_every_documented_operation() {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn Storage> = Arc::new(SqliteStore::open(&dir.path().join("db")).unwrap());
    let srv = common::TestServer::start(store, Limits::default()).await;
    let served = srv.send("GET", "/openapi.json", &[], Vec::new()).await;
    assert_eq!(served.status, 200);
    assert_eq!(served.body, OPENAPI_JSON.as_bytes());
    for (method, path) in documented() {
        // Unsigned: signed endpoints answer 401, open ones 200; never 404 or 405. A templated
        // path (a bundle) is asked with real values: 404 only as a problem document, since
        // nothing is published.
        let templated = path.contains('{');
        let path = path.replace("{kind}", "pack").replace("{name}", "FI");
        let r = srv.send(&method, &path, &[], Vec::new()).await;
        if templated && r.status == 404 {
            r.expect_problem(404, "server-not-found");
            continue;
        }
        assert!(
            r.status == 200 || r.status == 401,
            "{method} {path} answered {}",
            r.status
        );
    }
    srv.stop().await;
}
