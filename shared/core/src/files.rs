//! Files the user asks for: read with a size limit, written atomically (a crash leaves the old
//! file or the new one, never half of one).

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::Path;

use karvon_domain::{InputError, Message};

use crate::Error;

/// Largest text file a command reads (a form, a CSV file, a payload): 64 MiB.
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Reads a file of at most `max` bytes.
pub fn read_bytes(path: &Path, max: u64) -> Result<Vec<u8>, Error> {
    let file = File::open(path).map_err(io(path))?;
    let size = file.metadata().map(|m| m.len()).ok();
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(io(path))?;
    if bytes.len() as u64 > max {
        return Err(Error::Input(InputError::new(
            path.display().to_string(),
            Message::new("input-file-too-large")
                .int(
                    "size",
                    i64::try_from(size.unwrap_or(bytes.len() as u64)).unwrap_or(i64::MAX),
                )
                .int("max", i64::try_from(max).unwrap_or(i64::MAX)),
        )));
    }
    Ok(bytes)
}

/// Reads a UTF-8 text file of at most `max` bytes, without a leading byte-order mark.
pub fn read_text(path: &Path, max: u64) -> Result<String, Error> {
    let bytes = read_bytes(path, max)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::Input(InputError::new(
            path.display().to_string(),
            Message::new("input-not-utf8").int(
                "offset",
                i64::try_from(e.utf8_error().valid_up_to()).unwrap_or(i64::MAX),
            ),
        ))
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text))
}

/// Writes a file atomically: a temporary file beside it, synced, then renamed over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.part", crate::store::new_id()));
    let result = (|| {
        let mut f = File::create(&tmp).map_err(io(&tmp))?;
        f.write_all(bytes).map_err(io(path))?;
        f.sync_all().map_err(io(path))?;
        fs::rename(&tmp, path).map_err(io(path))?;
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_within_limits_and_writes_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.csv");
        write_atomic(&f, "\u{feff}hs_code,value\n".as_bytes()).unwrap();
        assert_eq!(
            read_text(&f, 100).unwrap(),
            "hs_code,value\n",
            "BOM stripped"
        );
        match read_text(&f, 4) {
            Err(Error::Input(e)) => assert_eq!(e.message.id, "input-file-too-large"),
            other => panic!("{other:?}"),
        }
        write_atomic(&f, &[0x66, 0xff, 0x66]).unwrap();
        match read_text(&f, 100) {
            Err(Error::Input(e)) => {
                assert_eq!(e.message.id, "input-not-utf8");
                assert_eq!(
                    e.message.get("offset"),
                    Some(&karvon_domain::Arg::Int { value: 1 })
                );
            }
            other => panic!("{other:?}"),
        }
        // Only the file itself is left: no temporary file beside it.
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
        assert!(matches!(
            read_text(&dir.path().join("none"), 10),
            Err(Error::Io { .. })
        ));
    }
}
