//! The rules packs shipped inside the binary (`shared/rules/*.json`), parents first.

/// `(file name, JSON text)`; a pack appears after the pack it extends.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("eu.json", include_str!("../../../rules/eu.json")),
    ("fi.json", include_str!("../../../rules/fi.json")),
    ("uz.json", include_str!("../../../rules/uz.json")),
    ("gb.json", include_str!("../../../rules/gb.json")),
    ("us.json", include_str!("../../../rules/us.json")),
    ("jp.json", include_str!("../../../rules/jp.json")),
    ("sg.json", include_str!("../../../rules/sg.json")),
    ("kz.json", include_str!("../../../rules/kz.json")),
    ("tr.json", include_str!("../../../rules/tr.json")),
    ("ae.json", include_str!("../../../rules/ae.json")),
    ("kr.json", include_str!("../../../rules/kr.json")),
    ("au.json", include_str!("../../../rules/au.json")),
];
