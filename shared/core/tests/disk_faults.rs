//! A full or read-only data folder: clear errors, nothing saved is lost or half-written.
//!
//! The data folder is a real, small tmpfs mounted for the test (the test machines run as root).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::Currency;
use karvon_core::i18n::{Catalogue, Lang};
use karvon_core::report::error_text;
use karvon_core::{Error, Karvon, KeySource, PurchaseInput, TravellerInput, TripInput};
use rust_decimal::Decimal;

const KEY: KeySource = KeySource::Provided([9; 32]);

/// A tmpfs of `size` mounted on a fresh folder, unmounted on drop.
struct Mount {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Mount {
    fn new(size: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mnt");
        std::fs::create_dir(&path).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .status()
            .unwrap()
            .success();
        assert!(
            ok,
            "mounting a tmpfs needs root (CI and the dev machines run as root)"
        );
        Self { _dir: dir, path }
    }

    fn remount(&self, opt: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{opt}")])
            .arg(&self.path)
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

fn setup(dir: &Path) -> (Karvon, String) {
    let k = Karvon::open(dir, &KEY).unwrap();
    let who = k
        .add_traveller(&TravellerInput {
            name: "Disk Tester".into(),
            birth_date: Some("1980-01-01".parse().unwrap()),
            residency: "FI".into(),
            document: Some("X1".into()),
            statuses: vec![],
        })
        .unwrap()
        .id;
    let trip = k
        .add_trip(&TripInput {
            name: "Full".into(),
            jurisdiction: "FI".into(),
            arrival: "2026-12-10".parse().unwrap(),
            mode: Mode::Air,
            days_abroad: 3,
            travellers: vec![who],
            plan: None,
            joint: false,
        })
        .unwrap()
        .id;
    (k, trip)
}

fn buy(trip: &str, what: &str) -> PurchaseInput {
    PurchaseInput::new(trip, what, Kind::Goods, "2026-12-01".parse().unwrap()).priced(
        Decimal::from_str("12.50").unwrap(),
        Currency::from_code("EUR").unwrap(),
    )
}

#[test]
fn a_full_disk_refuses_the_write_and_keeps_what_was_saved() {
    let m = Mount::new("1m");
    let data = m.path.join("data");
    let (k, trip) = setup(&data);
    let first = k
        .add_purchase(&buy(&trip, "saved before"))
        .unwrap()
        .purchase;

    // A receipt larger than the space left: refused, no partial file left behind.
    let big = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(big.path(), vec![7u8; 3 * 1024 * 1024]).unwrap();
    let err = k.attach_receipt(&first.id, big.path()).unwrap_err();
    let text = error_text(&Catalogue::new(Lang::En), &err);
    assert!(text.contains("disk is full"), "{text}");
    assert!(k.receipts(&first.id).unwrap().is_empty());
    let left: Vec<_> = std::fs::read_dir(data.join("receipts")).unwrap().collect();
    assert!(left.is_empty(), "partial receipt files: {left:?}");

    // A batch of purchases larger than the disk: refused whole.
    let many: Vec<_> = (0..6_000)
        .map(|i| buy(&trip, &format!("item {i:05} {}", "x".repeat(200))))
        .collect();
    let err = k.add_purchases(&many).unwrap_err();
    assert!(matches!(err, Error::Db(_)), "{err:?}");
    let text = error_text(&Catalogue::new(Lang::En), &err);
    assert!(text.contains("disk is full"), "{text}");
    let kept = k.purchases(&trip).unwrap();
    assert_eq!(kept, vec![first.clone()]);

    // Reopened, the database is whole and still takes small writes.
    drop(k);
    let k = Karvon::open(&data, &KEY).unwrap();
    assert_eq!(k.purchases(&trip).unwrap(), vec![first]);
    k.add_purchase(&buy(&trip, "after")).unwrap();
    assert_eq!(k.status(&trip).unwrap().assessment.items.len(), 2);
}

#[test]
fn a_read_only_data_folder_gives_a_clear_error_and_loses_nothing() {
    let m = Mount::new("8m");
    let data = m.path.join("data");
    let (k, trip) = setup(&data);
    k.add_purchase(&buy(&trip, "saved before")).unwrap();
    drop(k);
    m.remount("ro");
    let err = match Karvon::open(&data, &KEY) {
        Err(e) => e,
        Ok(k) => k.add_purchase(&buy(&trip, "refused")).unwrap_err(),
    };
    let text = error_text(&Catalogue::new(Lang::En), &err);
    assert!(
        text.contains("read-only") || text.contains("cannot open"),
        "{text}"
    );
    m.remount("rw");
    let k = Karvon::open(&data, &KEY).unwrap();
    let list = k.purchases(&trip).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].description, "saved before");
}
