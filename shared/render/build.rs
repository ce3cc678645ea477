//! Embeds the two DejaVu Sans Condensed faces zlib-compressed (about half their size), so
//! the libraries that link the renderer (the mobile one above all) carry ~0.66 MB instead
//! of ~1.35 MB of font. `src/pdf/font.rs` inflates each face once, on first use.
//!
//! Writes `$OUT_DIR/{regular,bold}.ttf.z` and `$OUT_DIR/fonts.rs` with their inflated
//! lengths, which the library checks after inflating.

use std::path::PathBuf;
use std::{env, fs};

/// Highest miniz level: the fonts are compressed once per build, inflated once per run.
const LEVEL: u8 = 10;

fn main() {
    let Some(out) = env::var_os("OUT_DIR").map(PathBuf::from) else {
        println!("cargo::error=OUT_DIR is not set");
        return;
    };
    let mut lengths = String::new();
    for (name, data) in [
        ("regular", dejavu::sans_condensed::regular()),
        ("bold", dejavu::sans_condensed::bold()),
    ] {
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(data, LEVEL);
        if let Err(e) = fs::write(out.join(format!("{name}.ttf.z")), packed) {
            println!("cargo::error=cannot write the compressed {name} font: {e}");
            return;
        }
        lengths.push_str(&format!(
            "/// Inflated length of the {name} face.\nconst {}_LEN: usize = {};\n",
            name.to_uppercase(),
            data.len()
        ));
    }
    if let Err(e) = fs::write(out.join("fonts.rs"), lengths) {
        println!("cargo::error=cannot write fonts.rs: {e}");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
