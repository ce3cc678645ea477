//! Desktop start-up benchmark (not a test): cold start to first meaningful paint, resident
//! memory after start, and stripped release binary size of Karvon, each against a bare Tauri
//! window built in the same run. `cargo xtask bench-desktop` builds both and runs this.

#[path = "../tests/webdriver/mod.rs"]
mod webdriver;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use webdriver::Harness;

/// Runs per app; the median is reported.
const RUNS: usize = 5;

/// Resident memory (kB) of the process running `exe` and all its descendants.
fn tree_rss_kb(exe: &Path) -> u64 {
    let procs: Vec<(u32, u32, u64, Option<PathBuf>)> = std::fs::read_dir("/proc")
        .map(|d| {
            d.flatten()
                .filter_map(|e| {
                    let pid: u32 = e.file_name().to_str()?.parse().ok()?;
                    let status = std::fs::read_to_string(e.path().join("status")).ok()?;
                    let field = |k: &str| {
                        status
                            .lines()
                            .find(|l| l.starts_with(k))
                            .and_then(|l| l.split_whitespace().nth(1))
                            .and_then(|v| v.parse::<u64>().ok())
                    };
                    let ppid = u32::try_from(field("PPid:")?).ok()?;
                    let rss = field("VmRSS:").unwrap_or(0);
                    Some((
                        pid,
                        ppid,
                        rss,
                        std::fs::read_link(e.path().join("exe")).ok(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let Some(root) = procs
        .iter()
        .find(|p| p.3.as_deref() == Some(exe))
        .map(|p| p.0)
    else {
        return 0;
    };
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(procs.iter().filter(|p| p.1 == parent).map(|p| p.0));
        i += 1;
    }
    procs
        .iter()
        .filter(|p| tree.contains(&p.0))
        .map(|p| p.2)
        .sum()
}

/// Size of a stripped copy of a binary, in bytes.
fn stripped_size(bin: &Path, tmp: &Path) -> u64 {
    let copy = tmp.join(bin.file_name().unwrap_or_default());
    std::fs::copy(bin, &copy).expect("copy the binary");
    let ok = std::process::Command::new("strip")
        .arg(&copy)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "strip {}", copy.display());
    std::fs::metadata(&copy).map(|m| m.len()).unwrap_or(0)
}

fn median(mut v: Vec<u128>) -> u128 {
    v.sort_unstable();
    v[v.len() / 2]
}

/// Starts `app` RUNS times; median milliseconds to `ready` present, median RSS in kB.
fn measure(h: &Harness, app: &Path, ready: &str) -> (u128, u128) {
    let mut times = Vec::new();
    let mut rss = Vec::new();
    for _ in 0..RUNS {
        let t0 = Instant::now();
        let s = h.session(app);
        s.find(ready);
        times.push(t0.elapsed().as_millis());
        std::thread::sleep(Duration::from_secs(2));
        rss.push(u128::from(tree_rss_kb(app)));
        s.close();
        std::thread::sleep(Duration::from_millis(500));
    }
    (median(times), median(rss))
}

fn ratio(a: u128, b: u128) -> String {
    let hundredths = a * 100 / b.max(1);
    format!("{}.{:02}×", hundredths / 100, hundredths % 100)
}

fn main() {
    let karvon = PathBuf::from(env!("CARGO_BIN_EXE_karvon-desktop"));
    let bare = karvon
        .parent()
        .map(|d| d.join("examples").join("bare"))
        .expect("target folder");
    assert!(
        bare.exists(),
        "build the bare window first: {}",
        bare.display()
    );
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    let key = tmp.path().join("key");
    let lang = Path::new("en_GB.UTF-8");
    let h = Harness::start(&[
        ("KARVON_DATA", &data),
        ("KARVON_KEY_FILE", &key),
        ("LANG", lang),
    ]);
    // One warm-up run each, so both read their files from the page cache alike.
    let _ = measure_once(&h, &bare, "#ready");
    let (bt, bm) = measure(&h, &bare, "#ready");
    let _ = measure_once(&h, &karvon, "#no-trips");
    let (kt, km) = measure(&h, &karvon, "#no-trips");
    let ks = u128::from(stripped_size(&karvon, tmp.path()));
    let bs = u128::from(stripped_size(&bare, tmp.path()));
    println!("desktop start-up (median of {RUNS}; WebDriver session to first meaningful paint):");
    println!("                      karvon      bare window   ratio");
    println!(
        "start to paint (ms)   {kt:>8}    {bt:>8}      {}",
        ratio(kt, bt)
    );
    println!(
        "resident memory (MB)  {:>8}    {:>8}      {}",
        km / 1024,
        bm / 1024,
        ratio(km, bm)
    );
    println!(
        "stripped binary (MB)  {:>8}    {:>8}      {}",
        format!("{}.{}", ks / 1_048_576, ks % 1_048_576 * 10 / 1_048_576),
        format!("{}.{}", bs / 1_048_576, bs % 1_048_576 * 10 / 1_048_576),
        ratio(ks, bs)
    );
}

fn measure_once(h: &Harness, app: &Path, ready: &str) -> u128 {
    let t0 = Instant::now();
    let s = h.session(app);
    s.find(ready);
    let t = t0.elapsed().as_millis();
    s.close();
    t
}
