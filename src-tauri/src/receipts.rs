//! Receipt photos: attached as raw bytes (no JSON round trip for a phone photo), read back as
//! raw bytes for the window to show, and removed.

use std::borrow::Cow;

use karvon_core::domain::Message;
use karvon_core::i18n::Catalogue;
use serde_json::Value;
use tauri::ipc::{InvokeBody, Request, Response};
use tauri::State;

use crate::commands::{run, Answer};
use crate::error::field_error;
use crate::views;
use crate::wire::ReceiptView;
use crate::AppState;

/// Header naming the purchase a receipt belongs to.
pub const PURCHASE_HEADER: &str = "x-karvon-purchase";
/// Header with the receipt's file name, percent-encoded (headers are ASCII only).
pub const NAME_HEADER: &str = "x-karvon-file-name";

/// Attaches a receipt to a purchase: the request body is the file's bytes, the purchase id and
/// the file name come in the [`PURCHASE_HEADER`] and [`NAME_HEADER`] headers.
#[tauri::command]
pub async fn attach_receipt(st: State<'_, AppState>, request: Request<'_>) -> Answer<ReceiptView> {
    let cat = st.catalogue();
    let bytes = raw_body(&cat, &request)?;
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let purchase = header(PURCHASE_HEADER);
    let name = percent_decode(&header(NAME_HEADER));
    let r = run(&st, |k| k.attach_receipt_bytes(&purchase, &name, &bytes))?;
    Ok(views::receipt(&cat, &r))
}

/// A receipt's bytes, checked against their hash.
#[tauri::command]
pub async fn receipt(st: State<'_, AppState>, id: String) -> Answer<Response> {
    let bytes = run(&st, |k| k.receipt_bytes(&id))?;
    Ok(Response::new(bytes))
}

/// Removes a receipt from its purchase.
#[tauri::command]
pub async fn delete_receipt(st: State<'_, AppState>, id: String) -> Answer<()> {
    run(&st, |k| k.delete_receipt(&id))
}

/// The bytes of a raw request body: raw over the IPC protocol, a list of byte values when the
/// webview fell back to `postMessage` (where every body is JSON).
pub fn raw_body<'a>(cat: &Catalogue, request: &'a Request<'_>) -> Answer<Cow<'a, [u8]>> {
    let refused = || field_error(cat, "file", Message::new("ui-error-file-body"));
    match request.body() {
        InvokeBody::Raw(bytes) => Ok(Cow::Borrowed(bytes)),
        InvokeBody::Json(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_u64().and_then(|n| u8::try_from(n).ok()))
            .collect::<Option<Vec<u8>>>()
            .map(Cow::Owned)
            .ok_or_else(refused),
        InvokeBody::Json(_) => Err(refused()),
    }
}

/// Decodes `%XX` escapes (as `encodeURIComponent` writes them) into UTF-8 text; a broken
/// escape is kept as it is.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| char::from(c).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn file_names_come_back_from_percent_encoding() {
        assert_eq!(percent_decode("chek%20%E2%84%961.jpg"), "chek №1.jpg");
        assert_eq!(percent_decode("%D1%87%D0%B5%D0%BA.png"), "чек.png");
        assert_eq!(percent_decode("100%.jpg"), "100%.jpg");
        assert_eq!(percent_decode("a%zz"), "a%zz");
    }
}
