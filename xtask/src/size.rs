//! `cargo xtask mobile-size [--target TRIPLE] [--max BYTES]`: builds `karvon-mobile` with the
//! size-tuned `mobile` profile (opt-level `z`, fat LTO, one codegen unit, stripped) and checks
//! the shared library against the size budget (8,000,000 bytes unless `--max` says otherwise).
//!
//! Optional: not part of `cargo xtask test` (a fat-LTO build takes minutes). Without
//! `--target` it measures the host's library; `--target aarch64-unknown-linux-gnu`
//! cross-builds for 64-bit ARM Linux, the nearest to Android's `arm64-v8a` without the NDK. That
//! needs `rustup target add aarch64-unknown-linux-gnu` and Debian's `gcc-aarch64-linux-gnu`
//! (the linker, and the C compiler for SQLite and ring); the task sets cargo's linker and the
//! `cc` crate's compiler and archiver for that target unless they are already set.

use std::path::PathBuf;
use std::process::Command;

use crate::bindings::{library_file, root};

/// The budget for the stripped library, in bytes.
const DEFAULT_MAX: u64 = 8_000_000;

/// Cross targets whose GNU toolchain prefix the task knows (Debian's package names).
const CROSS: &[(&str, &str)] = &[("aarch64-unknown-linux-gnu", "aarch64-linux-gnu")];

/// Parsed options.
struct Options {
    target: Option<String>,
    max: u64,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        target: None,
        max: DEFAULT_MAX,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--target" => {
                let value = it.next().ok_or("--target needs a target triple")?;
                options.target = Some(value.clone());
            }
            "--max" => {
                let value = it.next().ok_or("--max needs a number of bytes")?;
                options.max = value
                    .replace(['_', ','], "")
                    .parse()
                    .map_err(|_| format!("--max: `{value}` is not a number of bytes"))?;
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(options)
}

/// Whether a program is on the PATH.
fn on_path(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program} >/dev/null")])
        .status()
        .is_ok_and(|s| s.success())
}

/// Builds the library for `target` (or the host) and returns its path.
fn build(target: Option<&str>) -> Result<PathBuf, String> {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["build", "-p", "karvon-mobile", "--profile", "mobile"]);
    if let Some(target) = target {
        cmd.args(["--target", target]);
        if let Some((_, prefix)) = CROSS.iter().find(|(t, _)| *t == target) {
            let gcc = format!("{prefix}-gcc");
            if !on_path(&gcc) {
                return Err(format!(
                    "{gcc} is missing: apt-get install gcc-{prefix} (and rustup target add {target})"
                ));
            }
            let var = target.replace('-', "_");
            let linker = format!("CARGO_TARGET_{}_LINKER", var.to_uppercase());
            for (key, value) in [
                (linker, gcc.clone()),
                (format!("CC_{var}"), gcc),
                (format!("AR_{var}"), format!("{prefix}-ar")),
            ] {
                if std::env::var_os(&key).is_none() {
                    cmd.env(key, value);
                }
            }
        }
    }
    eprintln!("+ {cmd:?}");
    match cmd.status() {
        Ok(s) if s.success() => {}
        Ok(s) => return Err(format!("the build failed: {s}")),
        Err(e) => return Err(format!("cargo could not start: {e}")),
    }
    let mut dir =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    if let Some(target) = target {
        dir.push(target);
    }
    // Cross targets here are all ELF (`lib….so`), like the Linux host.
    let lib = dir.join("mobile").join(library_file());
    if lib.is_file() {
        Ok(lib)
    } else {
        Err(format!("{} was not built", lib.display()))
    }
}

/// Runs the task; `false` (after saying why) if the build fails or the library is too big.
pub fn mobile_size(args: &[String]) -> bool {
    let result = parse(args).and_then(|options| {
        let lib = build(options.target.as_deref())?;
        let size = std::fs::metadata(&lib)
            .map_err(|e| format!("{}: {e}", lib.display()))?
            .len();
        println!(
            "{}: {size} bytes (budget {} bytes)",
            lib.display(),
            options.max
        );
        if size > options.max {
            Err(format!(
                "the library is {} bytes over the budget",
                size - options.max
            ))
        } else {
            Ok(())
        }
    });
    match result {
        Ok(()) => true,
        Err(e) => {
            eprintln!("mobile-size: {e}");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_and_bad_ones_are_named() {
        let args = |s: &[&str]| s.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
        let o = parse(&args(&[
            "--target",
            "aarch64-unknown-linux-gnu",
            "--max",
            "7_500_000",
        ]));
        assert!(
            matches!(o, Ok(Options { target: Some(ref t), max: 7_500_000 }) if t == "aarch64-unknown-linux-gnu")
        );
        assert!(matches!(
            parse(&[]),
            Ok(Options {
                target: None,
                max: DEFAULT_MAX
            })
        ));
        assert_eq!(
            parse(&args(&["--max", "big"])).err(),
            Some("--max: `big` is not a number of bytes".to_owned())
        );
        assert_eq!(
            parse(&args(&["--target"])).err(),
            Some("--target needs a target triple".to_owned())
        );
        assert_eq!(
            parse(&args(&["--fast"])).err(),
            Some("unknown option `--fast`".to_owned())
        );
    }
}
