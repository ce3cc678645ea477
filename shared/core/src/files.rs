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

/// Reads a UTF-8 text file of at most `max` bytes, without a leading byte-order mark.
pub fn read_text(path: &Path, max: u64) -> Result<String, Error> {
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
