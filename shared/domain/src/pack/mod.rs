//! Rules packs: loading (with `extends`), validation, and the packs embedded in the binary.

mod embedded;
mod merge;
pub mod schema;
mod validate;

use std::collections::BTreeMap;

use serde_json::Value;

pub use embedded::EMBEDDED;
pub use schema::*;

use crate::message::Message;

/// Largest pack file accepted, in bytes.
pub const MAX_PACK_BYTES: usize = 4 * 1024 * 1024;

/// A pack that failed to load: which file, which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {field}: {reason}")]
pub struct PackError {
    /// The file (or embedded name) of the pack.
    pub file: String,
    /// Path of the offending field, e.g. `quantity_allowances.alcohol.members.strong.limit`.
    pub field: String,
    /// What is wrong, in English for logs; see [`PackError::message`] for users.
    pub reason: String,
    /// The reason as a translatable message.
    pub message: Message,
}

impl PackError {
    pub(crate) fn new(file: &str, field: impl Into<String>, message: Message) -> Self {
        let reason = english_reason(&message);
        Self {
            file: file.to_owned(),
            field: field.into(),
            reason,
            message,
        }
    }
}

fn english_reason(message: &Message) -> String {
    let text = |n: &str| match message.get(n) {
        Some(crate::message::Arg::Text { value }) => value.clone(),
        Some(other) => format!("{other:?}"),
        None => String::new(),
    };
    match message.id.as_ref() {
        "pack-error-syntax" | "pack-error-format" => text("detail"),
        other => format!("{other} {}", text("detail")).trim().to_owned(),
    }
}

/// A set of loaded packs by id, built from the embedded packs and any files a front adds.
#[derive(Debug, Clone, Default)]
pub struct PackSet {
    raw: BTreeMap<String, (String, Value)>,
    packs: BTreeMap<String, Pack>,
}

impl PackSet {
    /// The packs embedded in the binary, all validated.
    pub fn embedded() -> Result<Self, PackError> {
        let mut set = PackSet::default();
        for (file, text) in EMBEDDED {
            set.add(file, text)?;
        }
        Ok(set)
    }

    /// Parses, merges and validates one pack file's text, replacing a pack with the same id.
    /// A pack that `extends` another needs that one loaded first.
    pub fn add(&mut self, file: &str, text: &str) -> Result<&Pack, PackError> {
        if text.len() > MAX_PACK_BYTES {
            return Err(PackError::new(
                file,
                "",
                Message::new("pack-error-too-large").int("limit", MAX_PACK_BYTES as i64),
            ));
        }
        let own: Value = serde_json::from_str(text).map_err(|e| {
            PackError::new(
                file,
                format!("line {} column {}", e.line(), e.column()),
                Message::new("pack-error-syntax").text("detail", e.to_string()),
            )
        })?;
        let merged = match own.get("extends") {
            None | Some(Value::Null) => own,
            Some(Value::String(parent)) => {
                let (_, base) = self.raw.get(parent).ok_or_else(|| {
                    PackError::new(
                        file,
                        "extends",
                        Message::new("pack-error-unknown-parent").text("parent", parent.clone()),
                    )
                })?;
                merge::merge_patch(base.clone(), own)
            }
            Some(_) => {
                return Err(PackError::new(
                    file,
                    "extends",
                    Message::new("pack-error-format").text("detail", "expected a pack id string"),
                ))
            }
        };
        let pack: Pack = serde_path_to_error::deserialize(merged.clone()).map_err(|e| {
            let field = e.path().to_string();
            PackError::new(
                file,
                field,
                Message::new("pack-error-format").text("detail", e.inner().to_string()),
            )
        })?;
        validate::validate(file, &pack)?;
        let id = pack.id.clone();
        // Keep the merged text: a pack extending this one builds on the whole of it.
        self.raw.insert(id.clone(), (file.to_owned(), merged));
        self.packs.insert(id.clone(), pack);
        Ok(&self.packs[&id])
    }

    /// A pack by jurisdiction id (case-insensitive).
    pub fn get(&self, id: &str) -> Option<&Pack> {
        self.packs.get(&id.to_ascii_uppercase())
    }

    /// All packs, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Pack> {
        self.packs.values()
    }

    /// The file each pack came from.
    pub fn file_of(&self, id: &str) -> Option<&str> {
        self.raw.get(id).map(|(f, _)| f.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_packs_load() {
        let set = PackSet::embedded().expect("embedded packs are valid");
        for id in [
            "UZ", "FI", "GB", "US", "JP", "SG", "KZ", "TR", "AE", "KR", "AU",
        ] {
            let pack = set.get(id).unwrap_or_else(|| panic!("pack {id} missing"));
            assert!(pack.assessable, "{id}");
        }
    }
}
