//! The typed `invoke` layer: one async function per shell command, each returning `Result`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::wire::{
    Added, ApiError, BackupForm, BackupView, Boot, DocRow, DocView, HsRow, PairingView, PayeeForm,
    PayerForm, PaymentView, PreviewView, PurchaseForm, RateRow, ReceiptView, Settings, StatusView,
    SyncView, TemplateRow, TradeForm, TripForm, TripRow,
};

#[wasm_bindgen]
extern "C" {
    /// Tauri's IPC entry point (`withGlobalTauri: true`).
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], js_name = invoke, catch)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;

    /// The same entry point with options (headers for a raw-bytes body).
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], js_name = invoke, catch)]
    async fn tauri_invoke_with(
        cmd: &str,
        args: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue>;
}

/// Adds `delta` to `window.__karvonBusy`, the number of commands in flight. Tests (and
/// assistive tooling) wait for it to be 0 before reading the window.
fn busy(delta: i32) {
    thread_local!(static IN_FLIGHT: std::cell::Cell<i32> = const { std::cell::Cell::new(0) });
    let now = IN_FLIGHT.with(|n| {
        n.set(n.get() + delta);
        n.get()
    });
    let _ = js_sys::Reflect::set(
        &js_sys::global(),
        &JsValue::from_str("__karvonBusy"),
        &JsValue::from(now),
    );
}

/// Marks a command done once the rendering its answer causes has run: a zero-delay timer fires
/// after the microtasks in which the reactive effects update the page.
fn done_after_render() {
    let global = js_sys::global();
    let timer = js_sys::Reflect::get(&global, &JsValue::from_str("setTimeout"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match timer {
        Some(set_timeout) => {
            let done = Closure::once_into_js(move || busy(-1));
            if set_timeout
                .call2(&global, &done, &JsValue::from(0))
                .is_err()
            {
                busy(-1);
            }
        }
        None => busy(-1),
    }
}

/// Calls a command with its arguments (a struct whose fields are the command's parameters).
async fn call<A: Serialize, R: DeserializeOwned>(cmd: &str, args: &A) -> Result<R, ApiError> {
    busy(1);
    let out = call_now(cmd, args).await;
    done_after_render();
    out
}

async fn call_now<A: Serialize, R: DeserializeOwned>(cmd: &str, args: &A) -> Result<R, ApiError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let js = args.serialize(&ser).map_err(|e| ApiError {
        message: e.to_string(),
        ..ApiError::default()
    })?;
    match tauri_invoke(cmd, js).await {
        Ok(v) => serde_wasm_bindgen::from_value(v).map_err(|e| ApiError {
            message: e.to_string(),
            ..ApiError::default()
        }),
        Err(e) => Err(js_error(&e)),
    }
}

/// A rejected command (the shell's `ApiError`, or whatever JavaScript threw).
fn js_error(e: &JsValue) -> ApiError {
    serde_wasm_bindgen::from_value::<ApiError>(e.clone()).unwrap_or_else(|_| ApiError {
        message: e.as_string().unwrap_or_else(|| format!("{e:?}")),
        ..ApiError::default()
    })
}

/// Calls a command whose body or answer is raw bytes, with invoke options (the caller counts
/// it in flight, together with reading the file it sends).
async fn call_raw(cmd: &str, args: JsValue, options: JsValue) -> Result<JsValue, ApiError> {
    tauri_invoke_with(cmd, args, options)
        .await
        .map_err(|e| js_error(&e))
}

/// Counts `work` as one command in flight, from its first step (reading a picked file) to the
/// rendering of its answer.
async fn in_flight<T>(
    work: impl std::future::Future<Output = Result<T, ApiError>>,
) -> Result<T, ApiError> {
    busy(1);
    let out = work.await;
    done_after_render();
    out
}

/// Sets `key` on a JavaScript object.
fn put(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

#[derive(Serialize)]
struct NoArgs {}

#[derive(Serialize)]
struct IdArg<'a> {
    id: &'a str,
}

#[derive(Serialize)]
struct IdPath<'a> {
    id: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct FormArg<'a, T> {
    form: &'a T,
}

#[derive(Serialize)]
struct IdForm<'a> {
    id: &'a str,
    form: &'a TripForm,
}

#[derive(Serialize)]
struct NameText<'a> {
    name: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct KindText<'a> {
    kind: &'a str,
    text: &'a str,
}

/// Everything to start in the language in force.
pub async fn boot() -> Result<Boot, ApiError> {
    call("boot", &NoArgs {}).await
}

/// Saves the settings; the settings as saved.
pub async fn save_settings(settings: &Settings) -> Result<Settings, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        settings: &'a Settings,
    }
    call("save_settings", &A { settings }).await
}

/// The trips.
pub async fn trips() -> Result<Vec<TripRow>, ApiError> {
    call("trips", &NoArgs {}).await
}

/// A trip's form, for editing.
pub async fn trip_form(id: &str) -> Result<TripForm, ApiError> {
    call("trip_form", &IdArg { id }).await
}

/// Creates a trip; its id.
pub async fn create_trip(form: &TripForm) -> Result<String, ApiError> {
    call("create_trip", &FormArg { form }).await
}

/// Changes a trip.
pub async fn update_trip(id: &str, form: &TripForm) -> Result<(), ApiError> {
    call("update_trip", &IdForm { id, form }).await
}

/// Deletes a trip.
pub async fn delete_trip(id: &str) -> Result<(), ApiError> {
    call("delete_trip", &IdArg { id }).await
}

/// Undoes the last delete.
pub async fn undo() -> Result<Option<String>, ApiError> {
    call("undo", &NoArgs {}).await
}

/// A trip's live status.
pub async fn trip_status(id: &str) -> Result<StatusView, ApiError> {
    call("trip_status", &IdArg { id }).await
}

/// What a purchase would change.
pub async fn preview_purchase(form: &PurchaseForm) -> Result<PreviewView, ApiError> {
    call("preview_purchase", &FormArg { form }).await
}

/// Saves a purchase.
pub async fn add_purchase(form: &PurchaseForm) -> Result<Added, ApiError> {
    call("add_purchase", &FormArg { form }).await
}

/// Deletes a purchase.
pub async fn delete_purchase(id: &str) -> Result<(), ApiError> {
    call("delete_purchase", &IdArg { id }).await
}

/// Acknowledges an alert.
pub async fn acknowledge_alert(id: &str) -> Result<(), ApiError> {
    call("acknowledge_alert", &IdArg { id }).await
}

/// Makes a trip's declaration.
pub async fn declare(trip: &str) -> Result<DocView, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        trip: &'a str,
    }
    call("declare", &A { trip }).await
}

/// A declaration.
pub async fn document(id: &str) -> Result<DocView, ApiError> {
    call("document", &IdArg { id }).await
}

/// Every declaration.
pub async fn documents() -> Result<Vec<DocRow>, ApiError> {
    call("documents", &NoArgs {}).await
}

/// Signs a declaration.
pub async fn sign(id: &str) -> Result<DocView, ApiError> {
    call("sign", &IdArg { id }).await
}

/// Files (queues) a declaration.
pub async fn queue(id: &str) -> Result<DocView, ApiError> {
    call("queue", &IdArg { id }).await
}

/// A signed declaration's QR code (SVG).
pub async fn qr_svg(id: &str) -> Result<String, ApiError> {
    call("qr_svg", &IdArg { id }).await
}

/// Writes a declaration's PDF; the path written.
pub async fn export_pdf(id: &str, path: &str) -> Result<String, ApiError> {
    call("export_pdf", &IdPath { id, path }).await
}

/// Makes a payment draft.
pub async fn create_payment(document: &str, payee: &PayeeForm) -> Result<PaymentView, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        document: &'a str,
        payee: &'a PayeeForm,
    }
    call("create_payment", &A { document, payee }).await
}

/// Writes a payment draft's PDF; the path written.
pub async fn export_payment_pdf(id: &str, path: &str) -> Result<String, ApiError> {
    call("export_payment_pdf", &IdPath { id, path }).await
}

/// Imports a trader's invoice CSV.
pub async fn import_trade(form: &TradeForm) -> Result<DocView, ApiError> {
    call("import_trade", &FormArg { form }).await
}

/// Makes a CN 22 / CN 23 from its JSON form.
pub async fn import_postal(kind: &str, text: &str) -> Result<DocView, ApiError> {
    call("import_postal", &KindText { kind, text }).await
}

/// Imports a rates file.
pub async fn import_rates(name: &str, text: &str) -> Result<String, ApiError> {
    call("import_rates", &NameText { name, text }).await
}

/// The stored rate tables.
pub async fn rate_tables() -> Result<Vec<RateRow>, ApiError> {
    call("rate_tables", &NoArgs {}).await
}

/// Imports the HS nomenclature.
pub async fn import_hs(name: &str, text: &str) -> Result<String, ApiError> {
    call("import_hs", &NameText { name, text }).await
}

/// Searches HS codes.
pub async fn hs_search(query: &str) -> Result<Vec<HsRow>, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        query: &'a str,
    }
    call("hs_search", &A { query }).await
}

/// The sync indicator's state.
pub async fn sync_status() -> Result<SyncView, ApiError> {
    call("sync_status", &NoArgs {}).await
}

/// The sync indicator, polled in the background (not counted as a command in flight, so a
/// test waiting for the window to settle is not held up by the poll).
pub async fn sync_poll() -> Result<SyncView, ApiError> {
    call_now("sync_status", &NoArgs {}).await
}

/// A code for linking another device (registers this one on the server first if needed).
pub async fn pairing_code() -> Result<PairingView, ApiError> {
    call("pairing_code", &NoArgs {}).await
}

/// Links this device to the account of the device that showed `code`; the settings after.
pub async fn pair_device(server: &str, code: &str) -> Result<Settings, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        server: &'a str,
        code: &'a str,
    }
    call("pair_device", &A { server, code }).await
}

/// Syncs now; the indicator.
pub async fn sync_now() -> Result<SyncView, ApiError> {
    call("sync_now", &NoArgs {}).await
}

/// Attaches a picked file to a purchase as a receipt: its bytes go as they are, the purchase
/// and the file name (percent-encoded) as headers.
pub async fn attach_receipt(purchase: &str, file: &web_sys::File) -> Result<ReceiptView, ApiError> {
    in_flight(attach_receipt_now(purchase, file)).await
}

async fn attach_receipt_now(purchase: &str, file: &web_sys::File) -> Result<ReceiptView, ApiError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| js_error(&e))?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    let headers = js_sys::Object::new();
    put(&headers, "x-karvon-purchase", &JsValue::from_str(purchase));
    put(
        &headers,
        "x-karvon-file-name",
        &js_sys::encode_uri_component(&file.name()).into(),
    );
    let options = js_sys::Object::new();
    put(&options, "headers", &headers);
    let v = call_raw("attach_receipt", bytes.into(), options.into()).await?;
    serde_wasm_bindgen::from_value(v).map_err(|e| ApiError {
        message: e.to_string(),
        ..ApiError::default()
    })
}

/// A receipt's bytes as an object URL of its media type (revoke it when done).
pub async fn receipt_url(id: &str, media: &str) -> Result<String, ApiError> {
    in_flight(receipt_url_now(id, media)).await
}

async fn receipt_url_now(id: &str, media: &str) -> Result<String, ApiError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let args = IdArg { id }.serialize(&ser).map_err(|e| ApiError {
        message: e.to_string(),
        ..ApiError::default()
    })?;
    // An ArrayBuffer over the IPC protocol, an array of byte values over `postMessage`.
    let answer = call_raw("receipt", args, JsValue::UNDEFINED).await?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::new(&answer));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(media);
    web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &bag)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .map_err(|e| js_error(&e))
}

/// Removes a receipt.
pub async fn delete_receipt(id: &str) -> Result<(), ApiError> {
    call("delete_receipt", &IdArg { id }).await
}

/// The saved trader templates.
pub async fn templates() -> Result<Vec<TemplateRow>, ApiError> {
    call("templates", &NoArgs {}).await
}

/// Saves a trader declaration as a template; the templates after.
pub async fn save_template(
    document: &str,
    name: &str,
    keep_figures: bool,
) -> Result<Vec<TemplateRow>, ApiError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct A<'a> {
        document: &'a str,
        name: &'a str,
        keep_figures: bool,
    }
    call(
        "save_template",
        &A {
            document,
            name,
            keep_figures,
        },
    )
    .await
}

/// Deletes a template; the templates after.
pub async fn delete_template(name: &str) -> Result<Vec<TemplateRow>, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        name: &'a str,
    }
    call("delete_template", &A { name }).await
}

/// Writes a payment's pain.001 bank transfer file; the path written.
pub async fn export_payment_xml(
    id: &str,
    payer: &PayerForm,
    path: &str,
) -> Result<String, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        id: &'a str,
        payer: &'a PayerForm,
        path: &'a str,
    }
    call("export_payment_xml", &A { id, payer, path }).await
}

/// Writes a backup of all data; where it went and what it holds.
pub async fn backup(form: &BackupForm) -> Result<BackupView, ApiError> {
    call("backup", &FormArg { form }).await
}

/// Sends a picked backup file to the shell (raw bytes); what it holds and its token.
pub async fn stage_restore(file: &web_sys::File) -> Result<BackupView, ApiError> {
    in_flight(stage_restore_now(file)).await
}

async fn stage_restore_now(file: &web_sys::File) -> Result<BackupView, ApiError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| js_error(&e))?;
    let headers = js_sys::Object::new();
    put(
        &headers,
        "x-karvon-file-name",
        &js_sys::encode_uri_component(&file.name()).into(),
    );
    let options = js_sys::Object::new();
    put(&options, "headers", &headers);
    let bytes = js_sys::Uint8Array::new(&buffer);
    let v = call_raw("stage_restore", bytes.into(), options.into()).await?;
    serde_wasm_bindgen::from_value(v).map_err(|e| ApiError {
        message: e.to_string(),
        ..ApiError::default()
    })
}

/// Replaces all data with a staged backup.
pub async fn restore(token: &str, passphrase: &str) -> Result<BackupView, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        token: &'a str,
        passphrase: &'a str,
    }
    call("restore", &A { token, passphrase }).await
}
