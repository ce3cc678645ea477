//! Crash safety: `kill -9` in the middle of a large import and of a burst of purchases, then the
//! database reopens consistent, with nothing that was committed lost.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_karvon");

/// A file of the shared reference data (beside the repository, never copied in).
fn shared(path: &str) -> PathBuf {
    let relative = path.strip_prefix("data/").unwrap_or(path);
    karvon_core::reference_data(Path::new(env!("CARGO_MANIFEST_DIR")), relative)
        .unwrap_or_else(|| panic!("the shared reference data {relative} is missing"))
}

fn karvon(data: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--data")
        .arg(data)
        .arg("--key-file")
        .arg(data.join("key"))
        .args(args)
        .env("KARVON_LANG", "en")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "karvon {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// SIGKILL to the child's whole process group (the child leads it), then reaps the child. The
/// callers check whether the child was still running just before.
fn kill9(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-s", "KILL", "--", &format!("-{}", child.id())])
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

/// Opens the database directly and checks SQLite's own integrity check.
fn integrity(data: &Path) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(data.join("karvon.sqlite3")).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
    c
}

#[test]
fn a_killed_rates_import_leaves_all_or_nothing_and_earlier_data_intact() {
    let hist = shared("data/fx/eurofxref-hist.csv");
    let daily = shared("data/fx/eurofxref.csv");
    let mut landed_mid_import = 0;
    for delay_ms in [100, 400, 800] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        // Committed before the crash: one daily table.
        karvon(data, &["rates", "import", daily.to_str().unwrap()]);
        let mut child = {
            use std::os::unix::process::CommandExt;
            Command::new(BIN)
                .arg("--data")
                .arg(data)
                .arg("--key-file")
                .arg(data.join("key"))
                .args(["rates", "import", hist.to_str().unwrap()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .unwrap()
        };
        sleep(Duration::from_millis(delay_ms));
        let running = child.try_wait().unwrap().is_none();
        kill9(&mut child);
        let c = integrity(data);
        let tables: i64 = c
            .query_row("SELECT count(*) FROM rate_table", [], |r| r.get(0))
            .unwrap();
        // The daily file's day is also in the history, so the history replaces it: 6,983 tables
        // when the import committed, 1 when it did not; never anything in between.
        assert!(
            tables == 1 || tables == 6_983,
            "{tables} tables after a kill at {delay_ms} ms"
        );
        let usd: String = c
            .query_row(
                "SELECT r.published FROM rate r JOIN rate_table t ON t.id = r.table_id
                 WHERE t.valid_on = '2026-04-13' AND r.currency = 'USD'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(usd.trim(), "1.1684");
        if running && tables == 1 {
            landed_mid_import += 1;
        }
        // The store still works after the crash.
        let out = karvon(data, &["rates", "import", hist.to_str().unwrap()]);
        assert!(out.contains("6983"), "{out}");
    }
    assert!(landed_mid_import > 0, "no kill landed during an import");
}

#[test]
fn a_killed_burst_of_purchases_keeps_every_committed_purchase() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = karvon(
        &data,
        &[
            "traveller",
            "add",
            "--name",
            "Test Person",
            "--born",
            "1980-01-01",
            "--residency",
            "FI",
        ],
    );
    let traveller = out.split_whitespace().last().unwrap().to_owned();
    let out = karvon(
        &data,
        &[
            "trip",
            "new",
            "--name",
            "Burst",
            "--to",
            "FI",
            "--arrive",
            "2026-12-10",
            "--days",
            "3",
            "--traveller",
            &traveller,
        ],
    );
    let trip = out.split_whitespace().last().unwrap().to_owned();
    let log = dir.path().join("saved.txt");
    let script = format!(
        "for i in $(seq 1 400); do \"{BIN}\" --data \"{d}\" --key-file \"{d}/key\" buy {trip} \
         --what \"item $i\" --value 1.25 --currency EUR --date 2026-12-01 >> \"{log}\" || exit 1; done",
        d = data.display(),
        log = log.display()
    );
    let mut child = {
        use std::os::unix::process::CommandExt;
        Command::new("sh")
            .args(["-c", &script])
            .env("KARVON_LANG", "en")
            .process_group(0)
            .spawn()
            .unwrap()
    };
    // Wait until some purchases are saved, then kill the whole burst.
    for _ in 0..600 {
        let n = std::fs::read_to_string(&log)
            .map(|s| s.lines().count())
            .unwrap_or(0);
        if n >= 15 {
            break;
        }
        sleep(Duration::from_millis(50));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the burst ended before the kill"
    );
    kill9(&mut child);

    let printed: Vec<String> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("Saved purchase "))
        .map(str::to_owned)
        .collect();
    assert!(printed.len() >= 15);
    let c = integrity(&data);
    let mut stored: Vec<String> = {
        let mut s = c.prepare("SELECT id FROM purchase ORDER BY id").unwrap();
        s.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    stored.sort();
    for id in &printed {
        assert!(
            stored.contains(id),
            "purchase {id} was reported saved but is gone"
        );
    }
    // At most the one in flight committed without printing.
    assert!(
        stored.len() - printed.len() <= 1,
        "{} stored, {} printed",
        stored.len(),
        printed.len()
    );
    // Each stored purchase has its change record (written in the same transaction).
    let creates: i64 = c
        .query_row(
            "SELECT count(*) FROM change_log WHERE entity = 'purchase' AND field = '*'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(creates as usize, stored.len());
    // And the CLI reads it all back.
    let list = karvon(&data, &["purchase", "list", &trip, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(v.as_array().unwrap().len(), stored.len());
}
