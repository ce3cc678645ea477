//! Filing: a device sends a signed declaration; the server checks the signature and that the
//! signing key is one of the account's devices, assesses a passenger declaration again with its
//! own rules packs, and registers it once per document id.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use karvon_domain::document::{DocKind, SignedDocument};
use karvon_domain::sync::wire::{FileRequest, FileResponse, InspectionChannel};
use karvon_domain::{assess, parse_trip, Channel, Message, PassengerDeclaration};
use serde_json::Value;

use crate::app::{json, now_ms, parse, respond, App};
use crate::store::NewFiling;
use crate::Error;

/// `POST /v1/filings`.
pub(crate) async fn file(State(app): State<App>, req: Request) -> Response {
    respond(
        async {
            let (_, device, body) = app.signed(req).await?;
            let request: FileRequest = parse(&body)?;
            request.validate()?;
            let signed = SignedDocument::from_qr_payload(request.envelope.trim())
                .map_err(|e| Error::FilingInvalid(e.message()))?;
            signed
                .verify()
                .map_err(|e| Error::FilingInvalid(e.message()))?;
            let devices = app.store().devices(device.account_id.clone()).await?;
            if !devices
                .iter()
                .any(|d| d.public_key.as_slice() == signed.public_key.as_slice())
            {
                return Err(Error::FilingInvalid(Message::new(
                    "server-filing-foreign-key",
                )));
            }
            let channel = check(&app, &signed, request.trip.as_ref())?;
            let record = app
                .store()
                .file(NewFiling {
                    account_id: device.account_id,
                    device_id: device.device_id,
                    document_id: request.document_id.to_ascii_lowercase(),
                    kind: signed.kind.code().to_ascii_lowercase(),
                    envelope: request.envelope,
                    channel,
                    now_ms: now_ms(),
                })
                .await?;
            Ok(json(
                StatusCode::OK,
                &FileResponse {
                    document_id: record.document_id,
                    status: record.status,
                    registration_number: record.registration,
                    channel: record.channel,
                },
            ))
        }
        .await,
    )
}

/// Re-runs the assessment of a passenger declaration; other kinds go to the yellow channel
/// (documents checked by an officer).
fn check(
    app: &App,
    signed: &SignedDocument,
    trip: Option<&Value>,
) -> Result<InspectionChannel, Error> {
    if signed.kind != DocKind::Passenger {
        return Ok(InspectionChannel::Yellow);
    }
    let declared: PassengerDeclaration = signed
        .decode_body()
        .map_err(|e| Error::FilingInvalid(e.message()))?;
    let trip = trip.ok_or_else(|| Error::FilingInvalid(Message::new("server-filing-no-trip")))?;
    let trip =
        parse_trip(&trip.to_string()).map_err(|e| Error::FilingInvalid(e.message.clone()))?;
    let assessment =
        assess(&trip, app.packs()).map_err(|e| Error::FilingInvalid(e.message.clone()))?;
    let pack = app.packs().get(&trip.jurisdiction).ok_or_else(|| {
        Error::FilingInvalid(
            Message::new("server-filing-no-pack").text("jurisdiction", trip.jurisdiction.clone()),
        )
    })?;
    let ours = PassengerDeclaration::from_trip(&trip, &assessment, pack)
        .map_err(|e| Error::FilingMismatch(e.message.clone()))?;
    if ours != declared {
        return Err(Error::FilingMismatch(
            Message::new("server-filing-mismatch-at")
                .text("field", first_difference(&ours, &declared)),
        ));
    }
    Ok(match declared.channel {
        Channel::Green => InspectionChannel::Green,
        Channel::Red => InspectionChannel::Red,
    })
}

/// The path of the first field where two declarations differ (`totals.duty`).
fn first_difference(a: &PassengerDeclaration, b: &PassengerDeclaration) -> String {
    fn walk(a: &Value, b: &Value, path: &str) -> Option<String> {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
                keys.sort();
                keys.dedup();
                keys.into_iter().find_map(|k| {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(
                        x.get(k).unwrap_or(&Value::Null),
                        y.get(k).unwrap_or(&Value::Null),
                        &p,
                    )
                })
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (u, v))| walk(u, v, &format!("{path}[{i}]"))),
            _ if a == b => None,
            _ => Some(path.to_owned()),
        }
    }
    let (a, b) = (
        serde_json::to_value(a).unwrap_or(Value::Null),
        serde_json::to_value(b).unwrap_or(Value::Null),
    );
    walk(&a, &b, "").unwrap_or_default()
}
