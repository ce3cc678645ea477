//! HS 2022 import and search on a real SQLite file, with the real UN Comtrade CSV.

use std::path::{Path, PathBuf};

use karvon_core::hs::{HsLevel, MAX_FILE_BYTES};
use karvon_core::{Error, Karvon, KeySource};

/// The HS 2022 file, kept outside the repository.
fn real_csv() -> PathBuf {
    karvon_core::reference_data(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        "hs/harmonized-system.csv",
    )
    .expect("the shared reference data hs/harmonized-system.csv is missing")
}

fn open(dir: &Path) -> Karvon {
    Karvon::open(dir, &KeySource::Provided([7; 32])).unwrap()
}

/// A core with the real nomenclature imported.
fn imported() -> (tempfile::TempDir, Karvon) {
    let dir = tempfile::tempdir().unwrap();
    let k = open(dir.path());
    assert_eq!(k.hs_count().unwrap(), 0);
    let counts = k.import_hs(&real_csv()).unwrap();
    assert_eq!(
        (counts.chapters, counts.headings, counts.subheadings),
        (97, 1_229, 5_613)
    );
    assert_eq!(counts.total(), 6_939);
    (dir, k)
}

fn codes(k: &Karvon, query: &str, limit: usize) -> Vec<String> {
    k.hs_search(query, limit)
        .unwrap()
        .into_iter()
        .map(|h| h.code)
        .collect()
}

#[test]
fn imports_the_real_file_and_searches_it() {
    let (_dir, k) = imported();
    assert_eq!(k.hs_count().unwrap(), 6_939);

    // Prefix matching, smartphones first.
    for q in [
        "smartph",
        "smartphone",
        "Smartphones",
        "SMARTPHONES cellular",
    ] {
        let hits = k.hs_search(q, 10).unwrap();
        assert_eq!(hits[0].code, "851713", "{q}: {:?}", codes(&k, q, 10));
        assert_eq!(hits[0].level, HsLevel::Subheading);
    }
    // Every word must match, in any order: live horses before everything else.
    for q in ["horses live", "live horses", "live, horses!"] {
        let hits = codes(&k, q, 10);
        assert!(hits.len() >= 3, "{q}: {hits:?}");
        assert!(
            hits[..3].iter().all(|c| c.starts_with("0101")),
            "{q}: {hits:?}"
        );
    }
    assert!(codes(&k, "horses smartphones", 10).is_empty());
    // Equal descriptions score the same: the subheading comes first.
    assert_eq!(codes(&k, "perfumes toilet waters", 2), ["330300", "3303"]);
    // Case and diacritics do not matter.
    assert_eq!(codes(&k, "CAFFÉINE", 5)[0], "293930");
    let coffee = codes(&k, "cöffee róasted décaf", 5);
    assert_eq!(coffee[0], "090122", "{coffee:?}");
    assert_eq!(codes(&k, "cafe\u{301}", 5), codes(&k, "café", 5));

    // Digits are a code prefix look-up, in code order.
    let hits = k.hs_search("8517", 100).unwrap();
    assert_eq!(hits[0].code, "8517");
    assert!(hits.iter().all(|h| h.code.starts_with("8517")));
    assert!(hits.windows(2).all(|w| w[0].code < w[1].code));
    assert!(hits.len() > 5);
    assert_eq!(codes(&k, "8517.13", 5), ["851713"]);
    assert_eq!(codes(&k, " 8517 13 00 000 ", 5), ["851713"]);
    assert_eq!(codes(&k, "01", 3), ["01", "0101", "010121"]);

    // The chain runs from the chapter down to the hit.
    let hit = &k.hs_search("851713", 1).unwrap()[0];
    let chain: Vec<_> = hit.chain.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(chain, ["85", "8517", "851713"]);
    assert!(hit.chain[1]
        .description
        .starts_with("Telephone sets, including smartphones"));
    assert_eq!(hit.section, "XVI");
    let chapter = &k.hs_search("85", 1).unwrap()[0];
    assert_eq!(chapter.level, HsLevel::Chapter);
    assert_eq!(chapter.chain.len(), 1);

    // Limits: blank finds nothing, the limit is clamped, too long is refused.
    assert!(k.hs_search("   ", 10).unwrap().is_empty());
    assert_eq!(k.hs_search("a", 0).unwrap().len(), 1);
    assert_eq!(k.hs_search("a", 10_000).unwrap().len(), 100);
    let long = k.hs_search(&"horse ".repeat(40), 10).unwrap_err();
    assert!(matches!(&long, Error::Input(e) if e.message.id == "input-text-too-long"));
}

#[test]
fn fts_syntax_in_queries_never_errors() {
    let (_dir, k) = imported();
    for q in [
        "\"",
        "\"\"",
        "*",
        "horses*",
        "(",
        "(horses",
        ")",
        "-",
        "-horses",
        "horses -live",
        "NEAR",
        "NEAR(horses live)",
        "horses NEAR/2 live",
        "AND",
        "horses AND",
        "OR live",
        "NOT",
        "horses NOT live",
        ":",
        "description:horses",
        "hs_fts:horses",
        "^horses",
        "{description}: horses",
        "horses\" OR \"live",
        "'; DROP TABLE hs_code; --",
        "+",
        "8517*",
        "85.17.",
        "…",
        "\u{0}",
        "ёлка",
    ] {
        if let Err(e) = k.hs_search(q, 10) {
            panic!("{q:?}: {e}");
        }
    }
    // Operators are plain words: `NEAR(horses live)` is the three words.
    assert!(codes(&k, "horses NOT live", 10).is_empty());
    assert_eq!(codes(&k, "horses -live", 3), codes(&k, "horses live", 3));
    assert_eq!(k.hs_count().unwrap(), 6_939);
}

#[test]
fn looks_up_one_code() {
    let (_dir, k) = imported();
    let e = k.hs_lookup("8517").unwrap().unwrap();
    assert_eq!(e.level, HsLevel::Heading);
    let chain: Vec<_> = e.chain.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(chain, ["85", "8517"]);
    let children: Vec<_> = e.children.iter().map(|n| n.code.as_str()).collect();
    assert!(children.contains(&"851713"), "{children:?}");
    assert!(children
        .iter()
        .all(|c| c.len() == 6 && c.starts_with("8517")));

    let leaf = k.hs_lookup("8517.13").unwrap().unwrap();
    assert_eq!(leaf.code, "851713");
    assert!(leaf.children.is_empty());
    // A national 10-digit line means its HS subheading.
    assert_eq!(k.hs_lookup("8517130000").unwrap().unwrap().code, "851713");
    assert_eq!(k.hs_lookup("85").unwrap().unwrap().children.len(), 48);
    assert!(k.hs_lookup("010100").unwrap().is_none());
    for bad in ["", "8", "851", "85x7", "８５"] {
        let err = k.hs_lookup(bad).unwrap_err();
        assert!(err.is_bad_input(), "{bad:?}: {err}");
    }
}

/// Writes `text` as a CSV file in `dir`.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn bad_files_are_refused_and_keep_the_old_data() {
    let (dir, k) = imported();
    let real = std::fs::read_to_string(real_csv()).unwrap();
    let horses = "I,010121,\"Horses; live, pure-bred breeding animals\",0101,6";
    assert!(real.contains(horses));
    let cut = real.find("\"Horses, asses").unwrap() + 8;

    let oversized = dir.path().join("big.csv");
    std::fs::File::create(&oversized)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();

    let cases: Vec<(PathBuf, &str, &str)> = vec![
        (
            write(
                dir.path(),
                "header.csv",
                &real.replacen("hscode", "code", 1),
            ),
            "line 1",
            "input-hs-header",
        ),
        (
            write(dir.path(), "cut.csv", &real[..cut]),
            "line 3",
            "input-hs-fields",
        ),
        (
            write(
                dir.path(),
                "digits.csv",
                &real.replace(horses, &horses.replace("010121", "01O121")),
            ),
            "line 4, hscode",
            "input-hs-code-digits",
        ),
        (
            write(
                dir.path(),
                "level.csv",
                &real.replace(horses, &horses.replace(",6", ",4")),
            ),
            "line 4, level",
            "input-hs-level-mismatch",
        ),
        (
            write(
                dir.path(),
                "parent.csv",
                &format!("{real}XV,7701,Reserved,77,4\n"),
            ),
            "line 6942, parent",
            "input-hs-parent-missing",
        ),
        (
            write(
                dir.path(),
                "prefix.csv",
                &real.replace(horses, &horses.replace(",0101,", ",0102,")),
            ),
            "line 4, parent",
            "input-hs-parent",
        ),
        (
            write(dir.path(), "empty.csv", ""),
            "line 1",
            "input-hs-empty",
        ),
        (oversized, "file", "input-too-large"),
    ];
    for (path, at_expected, id) in cases {
        let err = k.import_hs(&path).unwrap_err();
        assert!(err.is_bad_input(), "{}: {err}", path.display());
        match &err {
            Error::Feed { file, at, message } => {
                assert_eq!((at.as_str(), &*message.id), (at_expected, id), "{file}");
                assert_eq!(file, &path.display().to_string());
            }
            other => panic!("{}: {other}", path.display()),
        }
        // Nothing changed.
        assert_eq!(k.hs_count().unwrap(), 6_939, "{}", path.display());
        assert_eq!(codes(&k, "smartph", 1), ["851713"]);
        assert!(k.hs_lookup("010121").unwrap().is_some());
    }
    assert!(matches!(
        k.import_hs(&dir.path().join("missing.csv")),
        Err(Error::Io { .. })
    ));
    assert_eq!(k.hs_count().unwrap(), 6_939);
}

#[test]
fn reimport_replaces_rather_than_adds() {
    let (dir, k) = imported();
    k.import_hs(&real_csv()).unwrap();
    assert_eq!(k.hs_count().unwrap(), 6_939);
    assert_eq!(codes(&k, "smartph", 100), ["851713", "851714", "8517"]);

    let small = write(
        dir.path(),
        "small.csv",
        "\u{feff}section,hscode,description,parent,level\n\
         II,09,\"Coffee, tea, maté and spices\",TOTAL,2\n\
         II,0901,Café; roasted,09,4\n\
         II,090121,\"Café; roasted, not decaffeinated\",0901,6\n",
    );
    let counts = k.import_hs(&small).unwrap();
    assert_eq!(counts.total(), 3);
    assert_eq!(k.hs_count().unwrap(), 3);
    assert!(codes(&k, "smartph", 10).is_empty());
    assert!(k.hs_lookup("851713").unwrap().is_none());
    for q in ["cafe", "CAFÉ", "café roasted", "mate"] {
        assert!(!codes(&k, q, 10).is_empty(), "{q}");
    }
    assert_eq!(codes(&k, "cafe roasted", 10), ["0901", "090121"]);

    // And back: the index follows the table.
    k.import_hs(&real_csv()).unwrap();
    assert_eq!(k.hs_count().unwrap(), 6_939);
    assert!(codes(&k, "café", 10).is_empty());
    assert_eq!(codes(&k, "smartph", 1), ["851713"]);
}

#[test]
fn needs_a_data_folder() {
    let k = Karvon::new().unwrap();
    assert!(k.hs_count().is_err());
    assert!(k.hs_search("horses", 5).is_err());
}
