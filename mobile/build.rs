//! A linker option for the shared library (`cdylib`) only, which makes it smaller without
//! changing its code: on Linux with glibc, relative relocations are packed (`DT_RELR`,
//! `-z pack-relative-relocs`: LLD 15+ or GNU ld to link, glibc 2.36+ to load), a few kilobytes
//! instead of 24 bytes per pointer in read-only data (~0.55 MB less on x86_64). Debian 12's
//! GNU ld 2.40 for aarch64 accepts the option but does not pack.

use std::env;

fn main() {
    let var = |key: &str| env::var(key).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo::rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
