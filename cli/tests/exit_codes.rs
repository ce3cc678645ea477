//! Exit codes and error text of `karvon assess` and `karvon packs`, from the built binary: 0 on
//! success, 2 on bad input (the message names the field path), 1 on anything else; errors go to
//! stderr in the language asked for.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_karvon");

/// A file of the repository, from the workspace root.
fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// Runs `karvon` in English unless `--lang` says otherwise.
fn karvon(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("KARVON_LANG", "en")
        .env_remove("LANG")
        .output()
        .expect("the karvon binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the exit code, then that the error (alone on stderr, nothing on stdout) names `needle`.
fn fails(out: &Output, code: i32, needle: &str) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(out.stdout.is_empty(), "stdout: {}", stdout(out));
    assert!(err.starts_with("karvon: "), "stderr: {err}");
    assert!(err.contains(needle), "{needle:?} not in stderr: {err}");
    err
}

/// The example FI trip as JSON, to be spoiled.
fn fi_trip() -> Value {
    let text = std::fs::read_to_string(repo("examples/trip-fi.json")).expect("example trip");
    serde_json::from_str(&text).expect("example trip is JSON")
}

/// Writes `text` to `name` in `dir` and returns the path as a string.
fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write test file");
    path.to_str().expect("UTF-8 temp path").to_owned()
}

/// Assesses a trip (and extra arguments) written to a temporary file.
fn assess_trip(trip: &Value, extra: &[&str]) -> Output {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "trip.json", &trip.to_string());
    let mut args = vec!["assess", file.as_str()];
    args.extend_from_slice(extra);
    karvon(&args)
}

#[test]
fn a_good_trip_exits_0_with_a_table_or_json() {
    let trip = repo("examples/trip-fi.json");
    let trip = trip.to_str().expect("UTF-8 path");
    let table = karvon(&["assess", trip]);
    assert_eq!(table.status.code(), Some(0), "stderr: {}", stderr(&table));
    assert!(table.stderr.is_empty(), "stderr: {}", stderr(&table));
    assert!(stdout(&table).contains("FI"), "{}", stdout(&table));

    let out = karvon(&["assess", trip, "--json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    let due = doc["total_due"]
        .as_str()
        .expect("total_due is a decimal string");
    assert!(
        due.parse::<rust_decimal::Decimal>().is_ok(),
        "total_due = {due}"
    );
    assert_eq!(doc["jurisdiction"], "FI");
    assert_eq!(doc["currency"], "EUR");
}

#[test]
fn packs_exits_0_and_lists_the_embedded_packs() {
    let out = karvon(&["packs"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(stdout(&out).contains("FI"), "{}", stdout(&out));
    let out = karvon(&["packs", "--json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let list: Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    let ids: Vec<&str> = list
        .as_array()
        .expect("a list of packs")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert!(ids.contains(&"FI") && ids.contains(&"UZ"), "{ids:?}");
}

#[test]
fn malformed_json_exits_2_naming_the_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(
        dir.path(),
        "trip.json",
        "{\"jurisdiction\": \"FI\",\n \"arrival\": }",
    );
    fails(&karvon(&["assess", &file]), 2, "line 2, column 13");
}

#[test]
fn a_10_mb_description_exits_2_naming_the_field() {
    let mut trip = fi_trip();
    trip["items"][0]["description"] = json!("x".repeat(10 * 1024 * 1024));
    fails(&assess_trip(&trip, &[]), 2, "items[0].description:");
}

#[test]
fn more_than_10_000_items_exits_2_naming_the_list() {
    let mut trip = fi_trip();
    let item = trip["items"][0].clone();
    trip["items"] = Value::Array(vec![item; 10_001]);
    let err = fails(&assess_trip(&trip, &[]), 2, " items: ");
    assert!(err.contains("10000"), "{err}");
}

#[test]
fn an_unknown_currency_exits_2_naming_the_field() {
    let mut trip = fi_trip();
    trip["items"][0]["currency"] = json!("XYZ");
    let err = fails(&assess_trip(&trip, &[]), 2, "items[0].currency:");
    assert!(err.contains("XYZ"), "{err}");
}

#[test]
fn a_negative_value_exits_2_naming_the_field() {
    let mut trip = fi_trip();
    trip["items"][1]["value"] = json!("-120.00");
    fails(&assess_trip(&trip, &[]), 2, "items[1].value:");
}

#[test]
fn a_missing_file_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("no-such-trip.json");
    let file = file.to_str().expect("UTF-8 temp path");
    fails(&karvon(&["assess", file]), 1, "no-such-trip.json");
    // A missing pack file is not bad input either.
    let trip = repo("examples/trip-fi.json");
    let trip = trip.to_str().expect("UTF-8 path");
    let pack = dir.path().join("no-such-pack.json");
    let pack = pack.to_str().expect("UTF-8 temp path");
    fails(
        &karvon(&["--pack", pack, "assess", trip]),
        1,
        "no-such-pack.json",
    );
}

#[test]
fn a_broken_pack_exits_2_naming_the_pack_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let trip = repo("examples/trip-fi.json");
    let trip = trip.to_str().expect("UTF-8 path");
    let text = std::fs::read_to_string(repo("shared/rules/fi.json")).expect("FI pack");
    let fi: Value = serde_json::from_str(&text).expect("FI pack is JSON");

    let mut bad_rate = fi.clone();
    bad_rate["vat"]["rate"]["value"] = json!("-1");
    let pack = write(dir.path(), "bad-rate.json", &bad_rate.to_string());
    let err = fails(
        &karvon(&["--pack", &pack, "assess", trip]),
        2,
        "vat.rate.value",
    );
    assert!(err.contains("bad-rate.json"), "{err}");
    // `packs` loads the same file and refuses it the same way.
    fails(&karvon(&["--pack", &pack, "packs"]), 2, "vat.rate.value");

    let mut bad_age = fi;
    bad_age["quantity_allowances"]["alcohol"]["min_age"]["age"]["value"] = json!("abc");
    let pack = write(dir.path(), "bad-age.json", &bad_age.to_string());
    fails(
        &karvon(&["--pack", &pack, "assess", trip]),
        2,
        "quantity_allowances.alcohol.min_age.age.value",
    );
}

#[test]
fn errors_are_translated_for_ru_and_uz() {
    let mut trip = fi_trip();
    trip["items"][1]["value"] = json!("-120.00");
    let en = fails(&assess_trip(&trip, &[]), 2, "items[1].value:");
    let ru = fails(&assess_trip(&trip, &["--lang", "ru"]), 2, "items[1].value:");
    let uz = fails(&assess_trip(&trip, &["--lang", "uz"]), 2, "items[1].value:");
    // The field path stays as it is; the words around it are not English.
    let problem = |s: &str| {
        s.split("items[1].value:")
            .nth(1)
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    assert!(ru.chars().any(|c| matches!(c, 'А'..='я')), "ru: {ru}");
    assert_ne!(problem(&ru), problem(&en), "ru: {ru}");
    assert_ne!(problem(&uz), problem(&en), "uz: {uz}");
    assert_ne!(problem(&uz), problem(&ru), "uz: {uz}");
    assert!(!uz.contains("error:"), "uz: {uz}");
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_the_output_quietly() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let mut trip = fi_trip();
    let items: Vec<Value> = (0..3000)
        .map(|_| json!({"description": "x".repeat(900), "kind": "goods", "value": "1", "currency": "EUR"}))
        .collect();
    trip["items"] = Value::Array(items);
    let file = write(dir.path(), "big.json", &trip.to_string());
    let mut child = Command::new(BIN)
        .args(["assess", &file, "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // The read end is dropped here, long before the megabytes of JSON are written.
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}
