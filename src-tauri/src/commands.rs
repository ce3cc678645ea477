//! The commands the UI may call: thin wrappers over `karvon-core`. Each parses what the user
//! typed (naming the field when it is wrong), calls the core, and answers with a [`wire`] view
//! in the user's language.

use std::path::{Path, PathBuf};

use karvon_core::documents::DocumentRecord;
use karvon_core::domain::date::Date;
use karvon_core::domain::document::DocKind;
use karvon_core::domain::kind::{Kind, Mode};
use karvon_core::domain::payment::{Bic, Iban, Party};
use karvon_core::domain::{Currency, Message};
use karvon_core::i18n::Catalogue;
use karvon_core::payments::{PaymentExport, PaymentOptions};
use karvon_core::report::error_text;
use karvon_core::sync::SyncProgress;
use karvon_core::trade::TradeHeader;
use karvon_core::{
    Karvon, Plan, PurchaseInput, TravellerInput, TravellerPatch, TripInput, TripPatch,
};
use rust_decimal::Decimal;
use tauri::{AppHandle, State};
use tauri_plugin_notification::NotificationExt;

use crate::error::{api_error, field_error};
use crate::views;
use crate::wire::{
    Added, ApiError, Boot, Choice, DocRow, DocView, HsRow, PairingView, PayeeForm, PayerForm,
    PaymentView, PreviewView, PurchaseForm, RateRow, Settings, StatusView, SyncView, TradeForm,
    TravellerForm, TripForm, TripRow,
};
use crate::AppState;

/// What every command answers.
pub(crate) type Answer<T> = Result<T, ApiError>;

/// Runs a core call, rendering its error in the user's language.
pub(crate) fn run<T>(
    st: &AppState,
    f: impl FnOnce(&Karvon) -> Result<T, karvon_core::Error>,
) -> Answer<T> {
    f(st.core()).map_err(|e| api_error(&st.catalogue(), &e))
}

/// Every `ui-` message of the English catalogue file (the reference for the other two).
fn ui_ids() -> Vec<&'static str> {
    include_str!("../../shared/i18n/locales/en/ui.ftl")
        .lines()
        .filter(|l| l.starts_with("ui-"))
        .filter_map(|l| l.split(" = ").next())
        .map(str::trim)
        .collect()
}

/// The most used currencies, listed first.
const COMMON_CURRENCIES: [&str; 8] = ["EUR", "USD", "UZS", "RUB", "TRY", "AED", "CNY", "GBP"];

/// Everything the UI needs to start, in the language in force.
#[tauri::command]
pub async fn boot(st: State<'_, AppState>) -> Answer<Boot> {
    let cat = st.catalogue();
    let k = st.core();
    let mut currencies: Vec<String> = COMMON_CURRENCIES.iter().map(|c| (*c).to_owned()).collect();
    currencies.extend(
        Currency::all()
            .map(|c| c.code().to_owned())
            .filter(|c| !COMMON_CURRENCIES.contains(&c.as_str())),
    );
    Ok(Boot {
        settings: st.settings(),
        texts: ui_ids()
            .into_iter()
            .map(|id| (id.to_owned(), cat.text(id)))
            .collect(),
        languages: vec![
            Choice {
                code: "en".into(),
                label: "English".into(),
            },
            Choice {
                code: "uz".into(),
                label: "Oʻzbekcha".into(),
            },
            Choice {
                code: "ru".into(),
                label: "Русский".into(),
            },
        ],
        jurisdictions: k
            .packs()
            .iter()
            .filter(|p| p.assessable)
            .map(|p| Choice {
                code: p.id.clone(),
                label: format!("{} — {}", p.id, p.name),
            })
            .collect(),
        modes: Mode::ALL
            .iter()
            .map(|m| Choice {
                code: m.as_str().to_owned(),
                label: cat.text(&m.term()),
            })
            .collect(),
        kinds: Kind::ALL
            .iter()
            .map(|kd| Choice {
                code: kd.as_str().to_owned(),
                label: cat.text(&kd.term()),
            })
            .collect(),
        currencies,
        data_dir: st.dir().display().to_string(),
    })
}

/// Changes the settings (language switches at once: the UI boots again; a new server is
/// synced with at once, an empty one stops syncing). Every bad field is named.
#[tauri::command]
pub async fn save_settings(st: State<'_, AppState>, settings: Settings) -> Answer<Settings> {
    let cat = st.catalogue();
    st.save_settings(settings).map_err(|e| api_error(&cat, &e))
}

/// The trips, newest arrival first.
#[tauri::command]
pub async fn trips(st: State<'_, AppState>) -> Answer<Vec<TripRow>> {
    let cat = st.catalogue();
    let mut list = run(&st, Karvon::trips)?;
    list.sort_by(|a, b| {
        b.arrival
            .cmp(&a.arrival)
            .then(b.updated_ms.cmp(&a.updated_ms))
    });
    Ok(list
        .iter()
        .map(|t| views::trip_row(st.core(), &cat, t))
        .collect())
}

/// A stored trip as its form, for editing.
#[tauri::command]
pub async fn trip_form(st: State<'_, AppState>, id: String) -> Answer<TripForm> {
    let t = run(&st, |k| k.trip(&id))?;
    let mut travellers = Vec::new();
    for tid in &t.travellers {
        let p = run(&st, |k| k.traveller(tid))?;
        travellers.push(TravellerForm {
            id: p.id.clone(),
            name: p.name.clone(),
            age: p.birth_date.age_on(t.arrival).to_string(),
            residency: p.residency.clone(),
        });
    }
    Ok(TripForm {
        name: t.name.clone(),
        jurisdiction: t.jurisdiction.clone(),
        arrival: t.arrival.to_string(),
        mode: t.mode.as_str().to_owned(),
        days_abroad: t.days_abroad.to_string(),
        travellers,
        plan_amount: t.plan.map(|p| p.amount.to_string()).unwrap_or_default(),
        plan_currency: t
            .plan
            .map_or_else(String::new, |p| p.currency.code().to_owned()),
    })
}

/// A `YYYY-MM-DD` date the user typed, naming the field when it is not one.
pub(crate) fn date(cat: &Catalogue, field: &str, s: &str) -> Answer<Date> {
    s.trim().parse().map_err(|_| {
        field_error(
            cat,
            field,
            Message::new("input-date").text("value", s.chars().take(32).collect::<String>()),
        )
    })
}

/// Today (UTC).
pub(crate) fn today() -> Date {
    let days = karvon_core::store::now_ms().div_euclid(86_400_000);
    Date::from_days_since_epoch(days)
        .or_else(|| Date::new(1970, 1, 1).ok())
        .unwrap_or_else(|| unreachable!("1970-01-01 is a date"))
}

fn decimal(cat: &Catalogue, field: &str, s: &str) -> Answer<Option<Decimal>> {
    let t = s.trim().replace(',', ".").replace([' ', '\u{a0}'], "");
    if t.is_empty() {
        return Ok(None);
    }
    if t.len() > 40 {
        return Err(field_error(cat, field, Message::new("input-not-decimal")));
    }
    Decimal::from_str_exact(&t)
        .map(Some)
        .map_err(|_| field_error(cat, field, Message::new("input-not-decimal")))
}

fn whole(cat: &Catalogue, field: &str, s: &str) -> Answer<u32> {
    let t = s.trim();
    if t.is_empty() {
        return Err(field_error(cat, field, Message::new("input-missing")));
    }
    t.parse()
        .map_err(|_| field_error(cat, field, Message::new("input-not-whole")))
}

fn currency(cat: &Catalogue, field: &str, s: &str) -> Answer<Currency> {
    karvon_core::validate::currency(field, s.trim()).map_err(|e| api_error(cat, &e))
}

/// The birth date that makes someone `age` on `arrival`.
fn born(arrival: Date, age: u32) -> Option<Date> {
    let year = arrival.year() - i32::try_from(age).ok()?;
    Date::new(year, arrival.month(), arrival.day())
        .or_else(|_| Date::new(year, arrival.month(), 28))
        .ok()
}

/// Parses the trip form, saving its travellers (new ones added, known ones updated).
fn trip_input(st: &AppState, f: &TripForm) -> Answer<TripInput> {
    let cat = st.catalogue();
    let arrival = date(&cat, "arrival", &f.arrival)?;
    let mode = Mode::parse(f.mode.trim()).ok_or_else(|| {
        field_error(
            &cat,
            "mode",
            Message::new("input-unknown-mode").text("value", f.mode.clone()),
        )
    })?;
    let days_abroad = whole(&cat, "days_abroad", &f.days_abroad)?;
    let plan = match decimal(&cat, "plan_amount", &f.plan_amount)? {
        Some(amount) => Some(Plan {
            amount,
            currency: currency(&cat, "plan_currency", &f.plan_currency)?,
        }),
        None => None,
    };
    if f.travellers.is_empty() {
        return Err(field_error(
            &cat,
            "travellers",
            Message::new("input-empty-list"),
        ));
    }
    // Check every traveller before saving any.
    let mut people = Vec::new();
    for (i, t) in f.travellers.iter().enumerate() {
        let field = |name: &str| format!("travellers[{i}].{name}");
        let age = whole(&cat, &field("age"), &t.age)?;
        let birth = born(arrival, age).ok_or_else(|| {
            field_error(
                &cat,
                &field("age"),
                Message::new("input-too-big").int("max", 130),
            )
        })?;
        let residency = if t.residency.trim().is_empty() {
            st.settings().home
        } else {
            t.residency.trim().to_ascii_uppercase()
        };
        people.push((t, birth, residency));
    }
    let mut ids = Vec::new();
    for (i, (t, birth, residency)) in people.into_iter().enumerate() {
        let prefix = |e: karvon_core::Error| match e {
            karvon_core::Error::Input(mut ie) => {
                ie.path = format!("travellers[{i}].{}", ie.path);
                api_error(&cat, &karvon_core::Error::Input(ie))
            }
            e => api_error(&cat, &e),
        };
        let saved = if t.id.is_empty() {
            st.core().add_traveller(&TravellerInput {
                name: t.name.clone(),
                birth_date: Some(birth),
                residency,
                document: None,
                statuses: Vec::new(),
            })
        } else {
            st.core().edit_traveller(
                &t.id,
                &TravellerPatch {
                    name: Some(t.name.clone()),
                    birth_date: Some(birth),
                    residency: Some(residency),
                    ..TravellerPatch::default()
                },
            )
        }
        .map_err(prefix)?;
        ids.push(saved.id);
    }
    Ok(TripInput {
        name: f.name.clone(),
        jurisdiction: f.jurisdiction.clone(),
        arrival,
        mode,
        days_abroad,
        travellers: ids,
        plan,
        joint: false,
    })
}

/// Creates a trip with its travellers; answers its id.
#[tauri::command]
pub async fn create_trip(st: State<'_, AppState>, form: TripForm) -> Answer<String> {
    let input = trip_input(&st, &form)?;
    Ok(run(&st, |k| k.add_trip(&input))?.id)
}

/// Changes a trip and its travellers.
#[tauri::command]
pub async fn update_trip(st: State<'_, AppState>, id: String, form: TripForm) -> Answer<()> {
    let input = trip_input(&st, &form)?;
    let patch = TripPatch {
        name: Some(input.name),
        jurisdiction: Some(input.jurisdiction),
        arrival: Some(input.arrival),
        mode: Some(input.mode),
        days_abroad: Some(input.days_abroad),
        travellers: Some(input.travellers),
        plan: Some(input.plan),
        joint: None,
    };
    run(&st, |k| k.edit_trip(&id, &patch)).map(|_| ())
}

/// Deletes a trip (undo brings it back).
#[tauri::command]
pub async fn delete_trip(st: State<'_, AppState>, id: String) -> Answer<()> {
    run(&st, |k| k.delete_trip(&id))
}

/// Restores the last deleted record; answers what came back, or nothing.
#[tauri::command]
pub async fn undo(st: State<'_, AppState>) -> Answer<Option<String>> {
    let cat = st.catalogue();
    Ok(run(&st, Karvon::undo_delete)?.map(|r| {
        cat.render(
            &Message::new("ui-restored")
                .term("entity", format!("entity-{}", r.entity))
                .text("id", r.id.clone()),
        )
    }))
}

/// The live status of a trip.
#[tauri::command]
pub async fn trip_status(st: State<'_, AppState>, id: String) -> Answer<StatusView> {
    let cat = st.catalogue();
    let s = run(&st, |k| k.status(&id))?;
    let purchases = run(&st, |k| k.purchases(&s.trip.id))?;
    Ok(views::status(st.core(), &cat, &s, &purchases))
}

/// Parses the purchase form.
fn purchase_input(st: &AppState, f: &PurchaseForm) -> Answer<PurchaseInput> {
    let cat = st.catalogue();
    let kind = Kind::parse(f.kind.trim()).ok_or_else(|| {
        field_error(
            &cat,
            "kind",
            Message::new("input-unknown-kind").text("value", f.kind.clone()),
        )
    })?;
    let bought_on = if f.date.trim().is_empty() {
        today()
    } else {
        date(&cat, "date", &f.date)?
    };
    let description = if f.description.trim().is_empty() {
        cat.text(&kind.term())
    } else {
        f.description.clone()
    };
    let mut p = PurchaseInput::new(&f.trip, &description, kind, bought_on);
    p.traveller = (!f.traveller.trim().is_empty()).then(|| f.traveller.trim().to_owned());
    p.value = decimal(&cat, "value", &f.value)?;
    if p.value.is_some() || !f.currency.trim().is_empty() {
        p.currency = Some(currency(&cat, "currency", &f.currency)?);
    }
    let quantity = decimal(&cat, "quantity", &f.quantity)?;
    if kind.is_alcohol() {
        p.litres = quantity;
    } else {
        match kind {
            Kind::Cigarettes | Kind::Cigarillos | Kind::Cigars | Kind::HeatedTobacco => {
                p.count = quantity;
            }
            Kind::Tobacco => p.grams = quantity,
            Kind::Perfume => p.ml = quantity,
            _ => {}
        }
    }
    p.abv = decimal(&cat, "abv", &f.abv)?;
    p.hs_code = (!f.hs_code.trim().is_empty()).then(|| f.hs_code.trim().to_owned());
    Ok(p)
}

/// What a purchase would change, before saving it.
#[tauri::command]
pub async fn preview_purchase(st: State<'_, AppState>, form: PurchaseForm) -> Answer<PreviewView> {
    let cat = st.catalogue();
    let input = purchase_input(&st, &form)?;
    let w = run(&st, |k| k.what_if(&input))?;
    let (channel, channel_text) = views::channel(&cat, w.channel_after);
    Ok(PreviewView {
        summary: cat.render(&w.summary),
        channel,
        channel_text,
        totals: cat.render(
            &Message::new("ui-preview-totals")
                .money("before", w.total_before, w.currency)
                .money("after", w.total_after, w.currency),
        ),
        item: w
            .line
            .as_ref()
            .map(|l| views::item(&cat, w.currency, None, l, None)),
        alerts: w.alerts.iter().map(|m| cat.render(m)).collect(),
    })
}

/// Saves a purchase; its new alerts also go to the desktop as notifications.
#[tauri::command]
pub async fn add_purchase(
    app: AppHandle,
    st: State<'_, AppState>,
    form: PurchaseForm,
) -> Answer<Added> {
    let cat = st.catalogue();
    let input = purchase_input(&st, &form)?;
    let b = run(&st, |k| k.add_purchase(&input))?;
    let alerts: Vec<String> = b.alerts.iter().map(|a| cat.render(&a.message)).collect();
    for text in &alerts {
        // A desktop without a notification service still shows the alert in the window.
        let _ = app
            .notification()
            .builder()
            .title("Karvon")
            .body(text)
            .show();
    }
    Ok(Added {
        id: b.purchase.id,
        alerts,
    })
}

/// Deletes a purchase (undo brings it back).
#[tauri::command]
pub async fn delete_purchase(st: State<'_, AppState>, id: String) -> Answer<()> {
    run(&st, |k| k.delete_purchase(&id))
}

/// Acknowledges an alert.
#[tauri::command]
pub async fn acknowledge_alert(st: State<'_, AppState>, id: String) -> Answer<()> {
    run(&st, |k| k.acknowledge_alert(&id))
}

fn doc_view(st: &AppState, d: &DocumentRecord) -> DocView {
    views::document(st.core(), &st.catalogue(), d)
}

/// Makes the passenger declaration of a trip (a draft).
#[tauri::command]
pub async fn declare(st: State<'_, AppState>, trip: String) -> Answer<DocView> {
    let d = run(&st, |k| k.declare_trip(&trip))?;
    Ok(doc_view(&st, &d))
}

/// A declaration.
#[tauri::command]
pub async fn document(st: State<'_, AppState>, id: String) -> Answer<DocView> {
    let d = run(&st, |k| k.document(&id))?;
    Ok(doc_view(&st, &d))
}

/// Every declaration, newest first.
#[tauri::command]
pub async fn documents(st: State<'_, AppState>) -> Answer<Vec<DocRow>> {
    let cat = st.catalogue();
    Ok(run(&st, |k| k.documents(None))?
        .iter()
        .map(|d| views::doc_row(&cat, d))
        .collect())
}

/// Signs a declaration with this device's key.
#[tauri::command]
pub async fn sign(st: State<'_, AppState>, id: String) -> Answer<DocView> {
    let d = run(&st, |k| k.sign_document(&id))?;
    Ok(doc_view(&st, &d))
}

/// Files a signed declaration: queued until the sync sends it.
#[tauri::command]
pub async fn queue(st: State<'_, AppState>, id: String) -> Answer<DocView> {
    let d = run(&st, |k| k.queue_document(&id))?;
    Ok(doc_view(&st, &d))
}

/// The signed declaration's QR code, as SVG.
#[tauri::command]
pub async fn qr_svg(st: State<'_, AppState>, id: String) -> Answer<String> {
    let payload = run(&st, |k| k.qr_payload(&id))?;
    karvon_render::qr::to_svg(&payload, karvon_render::qr::QrLevel::M)
        .map_err(|e| api_error(&st.catalogue(), &karvon_core::Error::Document(e.message())))
}

/// Where exports go: the path asked for, else the downloads folder (or the data folder).
pub(crate) fn export_path(st: &AppState, asked: &str, name: &str) -> PathBuf {
    if !asked.trim().is_empty() {
        return PathBuf::from(asked.trim());
    }
    let dir = std::env::var_os("KARVON_EXPORTS")
        .map(PathBuf::from)
        .or_else(dirs::download_dir)
        .unwrap_or_else(|| st.dir().join("exports"));
    dir.join(name)
}

/// Writes an export atomically; answers the file's path.
pub(crate) fn write_file(st: &AppState, path: &Path, bytes: &[u8]) -> Answer<String> {
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    run(st, |_| karvon_core::files::write_atomic(path, bytes))?;
    Ok(path.display().to_string())
}

/// Writes a declaration's PDF (in the language in force); answers the file's path.
#[tauri::command]
pub async fn export_pdf(st: State<'_, AppState>, id: String, path: String) -> Answer<String> {
    let lang = st.lang();
    let d = run(&st, |k| k.document(&id))?;
    let pdf = run(&st, |k| k.document_pdf(&d.id, lang))?;
    let short: String = d.id.chars().take(10).collect();
    let file = export_path(&st, &path, &format!("karvon-{short}.pdf"));
    write_file(&st, &file, &pdf)
}

/// Makes the payment draft of a signed declaration.
#[tauri::command]
pub async fn create_payment(
    st: State<'_, AppState>,
    document: String,
    payee: PayeeForm,
) -> Answer<PaymentView> {
    let cat = st.catalogue();
    let options = payment_options(&cat, &payee)?;
    let p = run(&st, |k| k.create_payment(&document, &options))?;
    Ok(views::payment(&cat, &p))
}

/// The payee the user gave, checked field by field (name and IBAN go together).
fn payment_options(cat: &Catalogue, f: &PayeeForm) -> Answer<PaymentOptions> {
    let (name, iban, bic) = (f.name.trim(), f.iban.trim(), f.bic.trim());
    let payee = match (name.is_empty(), iban.is_empty()) {
        (true, true) => None,
        (false, true) => {
            return Err(field_error(
                cat,
                "iban",
                Message::new("ui-error-payee-iban"),
            ));
        }
        (true, false) => {
            return Err(field_error(
                cat,
                "name",
                Message::new("ui-error-payee-name"),
            ));
        }
        (false, false) => Some(Party::with_iban(
            name,
            Iban::parse(iban).map_err(|e| field_error(cat, "iban", e.message()))?,
            (!bic.is_empty())
                .then(|| Bic::parse(bic))
                .transpose()
                .map_err(|e| field_error(cat, "bic", e.message()))?,
        )),
    };
    let reference = f.reference.trim();
    Ok(PaymentOptions {
        payee,
        reference: (!reference.is_empty()).then(|| reference.to_owned()),
        ..PaymentOptions::default()
    })
}

/// Writes a payment draft's PDF; answers the file's path.
#[tauri::command]
pub async fn export_payment_pdf(
    st: State<'_, AppState>,
    id: String,
    path: String,
) -> Answer<String> {
    let lang = st.lang();
    let pdf = run(&st, |k| k.payment_pdf(&id, lang))?;
    let short: String = id.chars().take(10).collect();
    let file = export_path(&st, &path, &format!("karvon-payment-{short}.pdf"));
    write_file(&st, &file, &pdf)
}

/// Writes a payment as an ISO 20022 pain.001 credit transfer file for the payer's bank;
/// answers the file's path.
#[tauri::command]
pub async fn export_payment_xml(
    st: State<'_, AppState>,
    id: String,
    payer: PayerForm,
    path: String,
) -> Answer<String> {
    let cat = st.catalogue();
    let name = payer.name.trim();
    if name.is_empty() {
        return Err(field_error(
            &cat,
            "payer.name",
            Message::new("input-missing"),
        ));
    }
    let iban =
        Iban::parse(payer.iban.trim()).map_err(|e| field_error(&cat, "payer.iban", e.message()))?;
    let bic = payer.bic.trim();
    let bic = (!bic.is_empty())
        .then(|| Bic::parse(bic))
        .transpose()
        .map_err(|e| field_error(&cat, "payer.bic", e.message()))?;
    let execution_date = if payer.date.trim().is_empty() {
        today()
    } else {
        date(&cat, "payer.date", &payer.date)?
    };
    let export = PaymentExport::Pain001 {
        payer: Party::with_iban(name, iban, bic),
        execution_date,
    };
    let xml = run(&st, |k| k.export_payment(&id, &export))?;
    let short: String = id.chars().take(10).collect();
    let file = export_path(&st, &path, &format!("karvon-payment-{short}.xml"));
    write_file(&st, &file, xml.as_bytes())
}

/// Imports a trader's invoice lines onto a header and tariff: every row error at once.
#[tauri::command]
pub async fn import_trade(st: State<'_, AppState>, form: TradeForm) -> Answer<DocView> {
    let header = if form.template.trim().is_empty() {
        TradeHeader::Json(form.header.clone())
    } else {
        let cat = st.catalogue();
        let invoice_number = form.invoice_number.trim();
        if invoice_number.is_empty() {
            return Err(field_error(
                &cat,
                "invoice_number",
                Message::new("input-missing"),
            ));
        }
        TradeHeader::Template {
            name: form.template.trim().to_owned(),
            invoice_number: invoice_number.to_owned(),
            invoice_date: date(&cat, "invoice_date", &form.invoice_date)?,
            date: if form.date.trim().is_empty() {
                today()
            } else {
                date(&cat, "date", &form.date)?
            },
        }
    };
    let d = run(&st, |k| {
        k.import_trade(&header, &form.invoice, &form.tariff, None)
    })?;
    Ok(doc_view(&st, &d))
}

/// Makes a CN 22 or CN 23 postal declaration from its form (JSON).
#[tauri::command]
pub async fn import_postal(st: State<'_, AppState>, kind: String, text: String) -> Answer<DocView> {
    let cat = st.catalogue();
    let kind = match kind.as_str() {
        "cn22" => DocKind::Cn22,
        "cn23" => DocKind::Cn23,
        other => {
            return Err(field_error(
                &cat,
                "kind",
                Message::new("ui-error-postal-kind").text("value", other.to_owned()),
            ))
        }
    };
    let d = run(&st, |k| {
        let body = k.parse_postal(kind, &text)?;
        let title = format!(
            "{} {}",
            kind_label(kind),
            body["item_id"].as_str().unwrap_or("")
        );
        k.create_document(kind, None, title.trim(), &body)
    })?;
    Ok(doc_view(&st, &d))
}

fn kind_label(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Cn22 => "CN 22",
        _ => "CN 23",
    }
}

/// Saves an uploaded file's text in the data folder's imports, for the core's file imports.
fn stash(st: &AppState, name: &str, text: &str) -> Answer<PathBuf> {
    let safe: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .take(80)
        .collect();
    let path = st.dir().join("imports").join(if safe.is_empty() {
        "import.txt".to_owned()
    } else {
        safe
    });
    write_file(st, &path, text.as_bytes())?;
    Ok(path)
}

/// Imports an exchange-rate file (CBU JSON, ECB XML or CSV); answers what was saved.
#[tauri::command]
pub async fn import_rates(st: State<'_, AppState>, name: String, text: String) -> Answer<String> {
    let cat = st.catalogue();
    let path = stash(&st, &name, &text)?;
    let r = run(&st, |k| k.import_rates(&path))?;
    Ok(cat.render(
        &Message::new("ui-rates-imported")
            .int("tables", i64::try_from(r.tables).unwrap_or(i64::MAX))
            .int("rates", i64::try_from(r.rates).unwrap_or(i64::MAX))
            .text("first", views::date(&cat, r.first))
            .text("last", views::date(&cat, r.last)),
    ))
}

/// The stored rate tables, with source and age.
#[tauri::command]
pub async fn rate_tables(st: State<'_, AppState>) -> Answer<Vec<RateRow>> {
    let cat = st.catalogue();
    let now = karvon_core::store::now_ms();
    Ok(run(&st, Karvon::rate_tables)?
        .iter()
        .map(|t| RateRow {
            text: views::rate_line(
                &cat,
                &t.source,
                t.base,
                t.valid_on,
                cat.render(
                    &Message::new("ui-rate-table")
                        .int("rates", i64::try_from(t.rates).unwrap_or(i64::MAX))
                        .int(
                            "age",
                            today().days_since_epoch() - t.valid_on.days_since_epoch(),
                        )
                        .text("imported", views::moment(&cat, t.imported_ms.min(now))),
                ),
            ),
        })
        .collect())
}

/// Imports the HS nomenclature (CSV); answers how many codes were saved.
#[tauri::command]
pub async fn import_hs(st: State<'_, AppState>, name: String, text: String) -> Answer<String> {
    let cat = st.catalogue();
    let path = stash(&st, &name, &text)?;
    let r = run(&st, |k| k.import_hs(&path))?;
    Ok(cat.render(
        &Message::new("ui-hs-imported").int("count", i64::try_from(r.total()).unwrap_or(i64::MAX)),
    ))
}

/// Searches the HS nomenclature.
#[tauri::command]
pub async fn hs_search(st: State<'_, AppState>, query: String) -> Answer<Vec<HsRow>> {
    if query.trim().is_empty() {
        return Ok(Vec::new());
    }
    Ok(run(&st, |k| k.hs_search(&query, 20))?
        .into_iter()
        .map(|h| HsRow {
            code: h.code,
            text: h.description,
        })
        .collect())
}

/// The sync indicator: the worker's phase (running with progress, or failed and why), the
/// changes waiting, problems that need the user and when the last sync ended. Changes waiting
/// ask the worker to sync soon.
#[tauri::command]
pub async fn sync_status(st: State<'_, AppState>) -> Answer<SyncView> {
    sync_view(&st)
}

/// Syncs now (whatever the backoff after a failure says); answers the indicator.
#[tauri::command]
pub async fn sync_now(st: State<'_, AppState>) -> Answer<SyncView> {
    st.syncer().now();
    sync_view(&st)
}

/// A one-time code that links another device to this device's account (this device registers
/// on the server first if it has not yet).
#[tauri::command]
pub async fn pairing_code(st: State<'_, AppState>) -> Answer<PairingView> {
    let cat = st.catalogue();
    let server = st.settings().server;
    if server.is_empty() {
        return Err(field_error(
            &cat,
            "server",
            Message::new("ui-pair-needs-server"),
        ));
    }
    let made = run(&st, |k| k.create_pairing_code(&sync_options()))?;
    let now = u64::try_from(karvon_core::store::now_ms()).unwrap_or_default();
    let minutes = made.expires_ms.saturating_sub(now) / 60_000;
    Ok(PairingView {
        hint: cat.render(
            &Message::new("ui-pair-hint")
                .int("minutes", i64::try_from(minutes).unwrap_or(i64::MAX))
                .text("server", server),
        ),
        code: made.code,
    })
}

/// Links this device to the account of the device that showed `code`, on `server`; it syncs
/// with that account from then on. Answers the settings after.
#[tauri::command]
pub async fn pair_device(
    st: State<'_, AppState>,
    server: String,
    code: String,
) -> Answer<Settings> {
    let cat = st.catalogue();
    let code = code.trim().to_uppercase();
    if code.is_empty() {
        return Err(field_error(
            &cat,
            "code",
            Message::new("ui-pair-code-missing"),
        ));
    }
    let outcome = st.pair(server.trim(), &code);
    outcome.map_err(|e| api_error(&cat, &e))
}

/// How the desktop syncs and pairs: a few quick retries (the worker tries again later).
pub(crate) fn sync_options() -> karvon_core::sync::SyncOptions {
    karvon_core::sync::SyncOptions {
        max_attempts: 3,
        max_delay: std::time::Duration::from_secs(4),
        device_name: "Karvon desktop".into(),
        ..karvon_core::sync::SyncOptions::default()
    }
}

fn sync_view(st: &AppState) -> Answer<SyncView> {
    let cat = st.catalogue();
    let status = run(st, Karvon::sync_status)?;
    let phase = st.syncer().phase();
    let waiting = status.pending + status.queued_documents;
    let server = status.server_url.clone().unwrap_or_default();
    if !server.is_empty() && waiting > 0 {
        st.syncer().soon();
    }
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let (state, message, percent) = if server.is_empty() {
        ("offline", Message::new("ui-sync-offline"), 0)
    } else if let Some(progress) = phase.running {
        let (m, percent) = match progress {
            None => (Message::new("ui-sync-starting"), 0),
            Some(SyncProgress::Pushing { sent, total }) => (
                Message::new("ui-sync-pushing")
                    .int("done", count(sent))
                    .int("total", count(total)),
                share(sent, total),
            ),
            Some(SyncProgress::Filing { done, total }) => (
                Message::new("ui-sync-filing")
                    .int("done", count(done))
                    .int("total", count(total)),
                share(done, total),
            ),
            Some(SyncProgress::Pulling { received, .. }) => (
                Message::new("ui-sync-pulling").int("done", count(received)),
                100,
            ),
        };
        ("syncing", m, percent)
    } else if phase.failed.is_some() {
        ("error", Message::new("ui-sync-failed-short"), 0)
    } else if !status.problems.is_empty() {
        (
            "problem",
            Message::new("ui-sync-problems").int("count", count(status.problems.len())),
            0,
        )
    } else if waiting > 0 {
        ("idle", Message::new("ui-sync-waiting"), 0)
    } else {
        ("idle", Message::new("ui-sync-idle"), 0)
    };
    let last = match status.last_sync_ms {
        None => cat.text("ui-sync-never"),
        Some(ms) => {
            let minutes = (karvon_core::store::now_ms().saturating_sub(ms) / 60_000).max(0);
            cat.render(&match minutes {
                0 => Message::new("ui-sync-just-now"),
                1..=59 => Message::new("ui-sync-minutes").int("n", minutes),
                60..=2879 => Message::new("ui-sync-hours").int("n", minutes / 60),
                _ => Message::new("ui-sync-days").int("n", minutes / 1440),
            })
        }
    };
    let detail = phase.failed.as_ref().map_or_else(String::new, |e| {
        cat.render(&Message::new("ui-sync-failed").text("reason", error_text(&cat, e)))
    });
    Ok(SyncView {
        detail,
        state: state.to_owned(),
        text: cat.render(&message.int("pending", count(waiting))),
        pending: u32::try_from(waiting).unwrap_or(u32::MAX),
        percent,
        server: if server.is_empty() {
            cat.text("ui-sync-no-server")
        } else {
            cat.render(&Message::new("ui-sync-server").text("server", server))
        },
        last,
        problems: status
            .problems
            .iter()
            .map(|p| {
                if p.subject.is_empty() {
                    cat.render(&p.message)
                } else {
                    format!("{}: {}", p.subject, cat.render(&p.message))
                }
            })
            .collect(),
    })
}

/// `part` of `whole` in whole percent (0–100).
fn share(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        return 100;
    }
    u32::try_from(part.min(whole).saturating_mul(100) / whole).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use karvon_core::i18n::Lang;

    fn state() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().unwrap();
        let st = AppState::open(dir.path()).unwrap();
        st.save_settings(Settings {
            lang: "en".into(),
            home: "UZ".into(),
            currency: "EUR".into(),
            server: String::new(),
        })
        .unwrap();
        (dir, st)
    }

    fn trip_form() -> TripForm {
        TripForm {
            name: "Helsinki".into(),
            jurisdiction: "FI".into(),
            arrival: "2026-12-10".into(),
            mode: "air".into(),
            days_abroad: "6".into(),
            travellers: vec![TravellerForm {
                name: "Aziza".into(),
                age: "34".into(),
                ..TravellerForm::default()
            }],
            plan_amount: "600".into(),
            plan_currency: "EUR".into(),
        }
    }

    #[test]
    fn ages_become_birth_dates_and_bad_fields_are_named() {
        let arrival: Date = "2026-12-10".parse().unwrap();
        assert_eq!(born(arrival, 34).unwrap().age_on(arrival), 34);
        let leap: Date = "2028-02-29".parse().unwrap();
        assert_eq!(born(leap, 1).unwrap().age_on(leap), 1);

        let (_d, st) = state();
        let mut f = trip_form();
        f.travellers[0].age = "thirty".into();
        let e = trip_input(&st, &f).unwrap_err();
        assert_eq!(e.field, "travellers[0].age");
        assert!(e.message.contains("whole number"), "{}", e.message);
        let mut f = trip_form();
        f.arrival = "10.12.2026".into();
        assert_eq!(trip_input(&st, &f).unwrap_err().field, "arrival");
        let mut f = trip_form();
        f.jurisdiction = "XX".into();
        let input = trip_input(&st, &f).unwrap();
        let e = api_error(&st.catalogue(), &st.core().add_trip(&input).unwrap_err());
        assert_eq!(e.field, "jurisdiction");
    }

    #[test]
    fn status_view_has_bars_chart_points_and_the_channel() {
        let (_d, st) = state();
        let input = trip_input(&st, &trip_form()).unwrap();
        let trip = st.core().add_trip(&input).unwrap();
        for (value, day) in [("300", "2026-12-05"), ("250", "2026-12-07")] {
            let p = purchase_input(
                &st,
                &PurchaseForm {
                    trip: trip.id.clone(),
                    value: value.into(),
                    currency: "EUR".into(),
                    kind: "goods".into(),
                    date: day.into(),
                    ..PurchaseForm::default()
                },
            )
            .unwrap();
            st.core().add_purchase(&p).unwrap();
        }
        let cat = st.catalogue();
        let s = st.core().status(&trip.id).unwrap();
        let purchases = st.core().purchases(&trip.id).unwrap();
        let v = views::status(st.core(), &cat, &s, &purchases);
        assert_eq!(v.channel, "red");
        assert_eq!(v.items.len(), 2);
        assert!(v.bars.iter().any(|b| b.percent > 100), "{:?}", v.bars);
        assert_eq!(v.spending.len(), 2);
        assert!(v.spending[0].permille < v.spending[1].permille);
        assert_eq!(v.spending[1].permille, 1000);
        assert_eq!(v.spending[0].label, "05/12/2026");
        assert!(!v.alerts.is_empty());
        assert_eq!(v.plan.as_ref().map(|p| p.percent), Some(92));
    }

    #[test]
    fn purchase_fields_are_checked_with_their_names() {
        let (_d, st) = state();
        let form = |value: &str, currency: &str, kind: &str| PurchaseForm {
            trip: "0000".into(),
            value: value.into(),
            currency: currency.into(),
            kind: kind.into(),
            ..PurchaseForm::default()
        };
        assert_eq!(
            purchase_input(&st, &form("12,50", "EUR", "goods"))
                .unwrap()
                .value,
            Some(Decimal::new(1250, 2))
        );
        assert_eq!(
            purchase_input(&st, &form("abc", "EUR", "goods"))
                .unwrap_err()
                .field,
            "value"
        );
        assert_eq!(
            purchase_input(&st, &form("1", "EURO", "goods"))
                .unwrap_err()
                .field,
            "currency"
        );
        assert_eq!(
            purchase_input(&st, &form("1", "EUR", "jewels"))
                .unwrap_err()
                .field,
            "kind"
        );
        let mut gin = form("25", "EUR", "spirits");
        gin.quantity = "1".into();
        assert_eq!(
            purchase_input(&st, &gin).unwrap().litres,
            Some(Decimal::ONE)
        );
    }

    #[test]
    fn every_ui_text_exists_in_every_language() {
        let ids = ui_ids();
        assert!(ids.len() > 100);
        for lang in [Lang::En, Lang::Uz, Lang::Ru] {
            let cat = Catalogue::new(lang);
            for id in &ids {
                assert!(cat.has(id), "{lang:?} lacks {id}");
            }
        }
        assert_ne!(
            Catalogue::new(Lang::Ru).text("ui-nav-trips"),
            Catalogue::new(Lang::En).text("ui-nav-trips")
        );
    }

    #[test]
    fn settings_are_the_cores_and_every_bad_field_is_named() {
        let (dir, st) = state();
        let bad = st
            .save_settings(Settings {
                lang: "de".into(),
                home: "XX".into(),
                currency: "EUR".into(),
                server: String::new(),
            })
            .unwrap_err();
        let shown = api_error(&st.catalogue(), &bad);
        let fields: Vec<&str> = shown.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["language", "home_country"], "{shown:?}");
        let e = st
            .save_settings(Settings {
                lang: "ru".into(),
                home: "uz".into(),
                currency: "usd".into(),
                server: "ftp://example.org".into(),
            })
            .unwrap_err();
        assert_eq!(api_error(&st.catalogue(), &e).field, "server");
        let saved = st
            .save_settings(Settings {
                lang: "ru".into(),
                home: "uz".into(),
                currency: "usd".into(),
                server: " http://127.0.0.1:9/ ".into(),
            })
            .unwrap();
        assert_eq!(
            (
                saved.lang.as_str(),
                saved.home.as_str(),
                saved.currency.as_str()
            ),
            ("ru", "UZ", "USD")
        );
        assert!(saved.server.starts_with("http://127.0.0.1:9"), "{saved:?}");
        drop(st);
        // Reopened: the core kept them; an empty server stops syncing.
        let st = AppState::open(dir.path()).unwrap();
        assert_eq!(st.settings(), saved);
        assert_eq!(st.lang(), Lang::Ru);
        let off = st
            .save_settings(Settings {
                server: String::new(),
                ..saved
            })
            .unwrap();
        assert_eq!(off.server, "");
        assert_eq!(st.core().sync_status().unwrap().server_url, None);
        let view = sync_view(&st).unwrap();
        assert_eq!(view.state, "offline");
        assert!(view.text.starts_with("Офлайн"), "{}", view.text);
    }

    #[test]
    fn share_is_whole_percent() {
        assert_eq!(share(0, 0), 100);
        assert_eq!(share(1, 3), 33);
        assert_eq!(share(5, 4), 100);
    }

    #[test]
    fn every_command_is_permitted() {
        // A command missing from build.rs or the permission set fails only at run time
        // ("not allowed"): catch it here.
        let sources = [
            ("commands", include_str!("commands.rs")),
            ("receipts", include_str!("receipts.rs")),
            ("templates", include_str!("templates.rs")),
            ("backup", include_str!("backup.rs")),
        ];
        let build = include_str!("../build.rs");
        let set = include_str!("../permissions/karvon.toml");
        let lib = include_str!("lib.rs");
        let mut n = 0;
        for (module, part) in sources.iter().flat_map(|(module, source)| {
            source
                .split("#[tauri::command]\npub async fn ")
                .skip(1)
                .map(move |part| (module, part))
        }) {
            let name = part.split('(').next().unwrap_or_default();
            assert!(
                build.contains(&format!("\"{name}\",")),
                "{name} in build.rs"
            );
            let allow = format!("\"allow-{}\"", name.replace('_', "-"));
            assert!(set.contains(&allow), "{allow} in permissions/karvon.toml");
            assert!(
                lib.contains(&format!("{module}::{name},")),
                "{name} in the handler"
            );
            n += 1;
        }
        assert!(n > 25, "{n} commands found");
    }

    #[test]
    fn pairing_joins_the_account_and_a_refused_code_leaves_sync_off() {
        let (_dir, st) = state();
        let server = karvon_e2e::Server::sqlite();
        let host = tempfile::tempdir().unwrap();
        let first = Karvon::open(host.path(), &karvon_core::KeySource::Provided([3; 32])).unwrap();
        first.configure_sync(&server.url).unwrap();
        let code = first.create_pairing_code(&sync_options()).unwrap();
        // A code nobody made: refused, and this device opens no account of its own there.
        let e = st.pair(&server.url, "ZZZZZZZZZZ").unwrap_err();
        assert!(!api_error(&st.catalogue(), &e).message.is_empty());
        assert_eq!(st.settings().server, "");
        assert_eq!(st.core().sync_status().unwrap().server_url, None);
        // The real code: the same account as the first device.
        let joined = st.pair(&server.url, &code.code).unwrap();
        assert_eq!(joined.server, server.url);
        assert_eq!(
            st.core().sync_status().unwrap().account_id,
            first.sync_status().unwrap().account_id
        );
        assert!(st.core().sync_status().unwrap().device_id.is_some());
    }
}
