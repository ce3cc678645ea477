//! The JSON document of an assessment, with every message rendered in the chosen language.

use karvon_domain::{Assessment, Message};
use karvon_i18n::Catalogue;
use serde_json::{json, Map, Value};

/// An error in the user's language: the field path, then what is wrong.
pub fn error_text(cat: &Catalogue, err: &crate::Error) -> String {
    use crate::Error;
    match err {
        Error::Input(e) if e.path.is_empty() => cat.render(&e.message),
        Error::Input(e) => cat.render(
            &Message::new("cli-error-at")
                .text("path", e.path.clone())
                .text("problem", cat.render(&e.message)),
        ),
        Error::Pack(e) => cat.render(
            &Message::new("cli-pack-error")
                .text("file", e.file.clone())
                .text(
                    "field",
                    if e.field.is_empty() {
                        "-".to_owned()
                    } else {
                        e.field.clone()
                    },
                )
                .text("problem", cat.render(&e.message)),
        ),
        Error::Io { path, source } => {
            let id = match source.kind() {
                std::io::ErrorKind::StorageFull => "error-disk-full",
                std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
                    "error-read-only"
                }
                _ => "cli-io-error",
            };
            cat.render(
                &Message::new(id)
                    .text("path", path.clone())
                    .text("detail", source.to_string()),
            )
        }
        Error::Feed { file, at, message } => cat.render(
            &Message::new("error-feed")
                .text("file", file.clone())
                .text("at", at.clone())
                .text("problem", cat.render(message)),
        ),
        Error::NotFound { entity, id } => cat.render(
            &Message::new("error-not-found")
                .term("entity", format!("entity-{entity}"))
                .text("id", id.clone()),
        ),
        Error::Db(e) => cat.render(&db_message(e)),
        Error::Store(m) | Error::Key(m) | Error::Document(m) => cat.render(m),
        Error::Sync(e) => cat.render(&e.message()),
        Error::Dist(e) => match e.problem() {
            Some(p) => format!("{}: {}", cat.render(&e.message()), cat.render(p)),
            None => cat.render(&e.message()),
        },
        Error::Invalid(list) => {
            let mut out = cat.render(
                &Message::new("error-invalid")
                    .int("count", i64::try_from(list.len()).unwrap_or(i64::MAX)),
            );
            for e in list {
                out.push_str("\n  ");
                out.push_str(&error_text(cat, &Error::Input(e.clone())));
            }
            out
        }
    }
}

/// A database failure as a message the user can act on.
fn db_message(e: &rusqlite::Error) -> Message {
    use rusqlite::ErrorCode;
    let id = match e.sqlite_error_code() {
        Some(ErrorCode::ReadOnly) => "error-db-read-only",
        Some(ErrorCode::DiskFull) => "error-db-full",
        Some(ErrorCode::CannotOpen) => "error-db-cannot-open",
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => "error-db-corrupt",
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => "error-db-busy",
        _ => "error-db",
    };
    Message::new(id).text("detail", e.to_string())
}

/// A message as JSON: id, arguments and the rendered text.
pub fn message_json(cat: &Catalogue, m: &Message) -> Value {
    let mut v = serde_json::to_value(m).unwrap_or(Value::Null);
    if let Value::Object(o) = &mut v {
        o.insert("text".into(), Value::String(cat.render(m)));
    }
    v
}

/// The `--json` document: the assessment with explanations and notices rendered.
pub fn assessment_json(a: &Assessment, cat: &Catalogue) -> Value {
    let mut doc = serde_json::to_value(a).unwrap_or(Value::Null);
    let Value::Object(root) = &mut doc else {
        return doc;
    };
    if let Some(Value::Array(items)) = root.get_mut("items") {
        for (item, result) in items.iter_mut().zip(&a.items) {
            if let Value::Object(o) = item {
                let texts: Vec<String> = result.explanation.iter().map(|m| cat.render(m)).collect();
                o.insert("explanation".into(), Value::String(texts.join(" ")));
                o.insert(
                    "steps".into(),
                    Value::Array(
                        result
                            .explanation
                            .iter()
                            .map(|m| message_json(cat, m))
                            .collect(),
                    ),
                );
            }
        }
    }
    if let Some(Value::Array(notices)) = root.get_mut("notices") {
        for (n, notice) in notices.iter_mut().zip(&a.notices) {
            if let Value::Object(o) = n {
                o.insert("message".into(), Value::String(cat.render(&notice.message)));
                o.insert(
                    "message_id".into(),
                    Value::String(notice.message.id.to_string()),
                );
                let args = serde_json::to_value(&notice.message.args).unwrap_or(Value::Null);
                o.insert("args".into(), args);
            }
        }
    }
    root.insert("language".into(), json!(cat.lang().tag()));
    let mut ordered = Map::new();
    for key in [
        "jurisdiction",
        "currency",
        "channel",
        "duty",
        "vat",
        "excise",
        "other",
        "total_due",
        "complete",
    ] {
        if let Some(v) = root.remove(key) {
            ordered.insert(key.into(), v);
        }
    }
    ordered.append(root);
    Value::Object(ordered)
}
