//! Linker options for the shared library (`cdylib`) only, which make it smaller without
//! changing its code:
//!
//! - on Linux with glibc, relative relocations are packed (`DT_RELR`, `-z pack-relative-relocs`:
//!   GNU ld 2.38+ or LLD 15+ to link, glibc 2.36+ to load): a few kilobytes instead of 24 bytes
//!   per pointer in read-only data;

use std::env;

fn main() {
    let var = |key: &str| env::var(key).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo::rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs");
    }
    if var("TARGET") == "x86_64-unknown-linux-gnu" {}
    println!("cargo::rerun-if-changed=build.rs");
}
