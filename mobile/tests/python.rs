//! The whole API driven through the generated Python bindings against the built library:
//! `mobile/tests/python/test_karvon.py` (plain unittest), a tourist's trip from creation to a
//! payment draft with errors, rates, HS, postal and trade declarations and keys. Fails when
//! python3 is missing. Also checks the committed Python and Swift bindings are current.

mod common;

use std::process::Command;

#[test]
fn python_suite_drives_the_api_through_the_bindings() {
    let out = common::fresh_bindings(&["python", "swift"]);
    let suite = common::root().join("mobile/tests/python/test_karvon.py");
    let result = common::run(
        Command::new("python3")
            .arg("-X")
            .arg("dev")
            .arg(&suite)
            .env("PYTHONPATH", out.path().join("python"))
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("KARVON_EXAMPLES", common::root().join("examples")),
        "python3",
    );
    let report = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "the Python suite failed");
    let ran = common::count_after(&report, "Ran ");
    assert!(ran >= 12, "expected every Python test to run, ran {ran}");
    assert!(!report.contains("skipped"), "no Python test may be skipped");
}
