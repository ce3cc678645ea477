//! Trader declarations: invoice lines from CSV onto a header and tariff (every row error shown
//! at once), and CN 22 / CN 23 postal declarations from their form.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api;
use crate::app::{ctx, t, ErrorBox, Page};
use crate::wire::{ApiError, TemplateRow, TradeForm};

/// Reads the first chosen file of a file input as text, then hands it on.
pub fn read_file(ev: leptos::ev::Event, then: impl FnOnce(String, String) + 'static) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name();
    spawn_local(async move {
        if let Ok(v) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
            then(name, v.as_string().unwrap_or_default());
        }
    });
}

/// A labelled text area with a file picker that fills it.
fn text_area(id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    let file_id = format!("{id}-file");
    let file_for = file_id.clone();
    view! {
        <div class="field wide">
            <label for=id>{t(label)}</label>
            <textarea id=id rows="6" spellcheck="false" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            <label class="file" for=file_for>{t("ui-load-file")}
                <input id=file_id type="file" on:change=move |ev| read_file(ev, move |_, text| value.set(text))/></label>
        </div>
    }
}

/// A labelled one-line input bound to a signal.
fn field(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label class="field" for=id><span>{t(label)}</span>
            <input id=id type=kind autocomplete="off" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/></label>
    }
}

/// The trader page.
pub fn page() -> AnyView {
    let c = ctx();
    let header = RwSignal::new(String::new());
    // The header comes from JSON (`""`) or from the template of this name.
    let template = RwSignal::new(String::new());
    let invoice_number = RwSignal::new(String::new());
    let invoice_date = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let templates = RwSignal::new(Vec::<TemplateRow>::new());
    let template_error = RwSignal::new(None::<ApiError>);
    Effect::new(move |_| {
        c.version.get();
        spawn_local(async move {
            match api::templates().await {
                Ok(list) => {
                    // A deleted template is no longer offered.
                    if !list.iter().any(|t| t.name == template.get_untracked()) {
                        template.set(String::new());
                    }
                    templates.set(list);
                }
                Err(e) => template_error.set(Some(e)),
            }
        });
    });
    let invoice = RwSignal::new(String::new());
    let tariff = RwSignal::new(String::new());
    let postal = RwSignal::new(String::new());
    let postal_kind = RwSignal::new("cn23".to_owned());
    let error = RwSignal::new(None::<ApiError>);
    let postal_error = RwSignal::new(None::<ApiError>);
    let import = move |_: leptos::ev::MouseEvent| {
        let form = TradeForm {
            header: header.get_untracked(),
            invoice: invoice.get_untracked(),
            tariff: tariff.get_untracked(),
            template: template.get_untracked(),
            invoice_number: invoice_number.get_untracked(),
            invoice_date: invoice_date.get_untracked(),
            date: date.get_untracked(),
        };
        spawn_local(async move {
            match api::import_trade(&form).await {
                Ok(d) => {
                    error.set(None);
                    c.changed();
                    c.page.set(Page::Doc(d.id));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let make_postal = move |_: leptos::ev::MouseEvent| {
        let (kind, text) = (postal_kind.get_untracked(), postal.get_untracked());
        spawn_local(async move {
            match api::import_postal(&kind, &text).await {
                Ok(d) => {
                    postal_error.set(None);
                    c.changed();
                    c.page.set(Page::Doc(d.id));
                }
                Err(e) => postal_error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="page">
            <h2>{t("ui-trader")}</h2>
            <section class="panel" aria-labelledby="h-invoice">
                <h3 id="h-invoice">{t("ui-invoice-import")}</h3>
                <p class="muted">{t("ui-invoice-help")}</p>
                <label class="field" for="inv-source"><span>{t("ui-header-from")}</span>
                    <select id="inv-source" on:change=move |ev| template.set(event_target_value(&ev))>
                        <option value="" selected=move || template.with(String::is_empty)>{t("ui-header-json-option")}</option>
                        {move || templates.get().into_iter().map(|tp| {
                            let name = tp.name.clone();
                            let chosen = name.clone();
                            view! { <option value=name.clone() selected=move || template.with(|t| *t == chosen)>
                                {format!("{} — {}", tp.name, c.text("ui-header-template-option"))}</option> }
                        }).collect_view()}
                    </select></label>
                {move || if template.with(String::is_empty) {
                    text_area("inv-header", "ui-header-json", header).into_any()
                } else {
                    view! {
                        <div class="row">
                            {field("inv-number", "ui-invoice-number", "text", invoice_number)}
                            {field("inv-date", "ui-invoice-date", "date", invoice_date)}
                            {field("inv-decl-date", "ui-declaration-date", "date", date)}
                        </div>
                    }.into_any()
                }}
                {text_area("inv-lines", "ui-invoice-csv", invoice)}
                {text_area("inv-tariff", "ui-tariff-csv", tariff)}
                <ErrorBox error=error/>
                <button id="import-trade" class="primary" on:click=import>{t("ui-import")}</button>
            </section>
            <section class="panel" aria-labelledby="h-templates">
                <h3 id="h-templates">{t("ui-templates")}</h3>
                {move || templates.with(Vec::is_empty).then(|| view! { <p class="muted" id="no-templates">{t("ui-no-templates")}</p> })}
                <ul class="cards" id="template-list">
                    {move || templates.get().into_iter().map(|tp| {
                        let name = tp.name.clone();
                        view! {
                            <li class="card">
                                <strong>{tp.name.clone()}</strong>
                                <span class="muted">{tp.summary.clone()}</span>
                                <button class="danger small template-delete" on:click=move |_| {
                                    let name = name.clone();
                                    spawn_local(async move {
                                        match api::delete_template(&name).await {
                                            Ok(list) => {
                                                templates.set(list);
                                                c.notify(c.text("ui-template-deleted"), true);
                                                c.changed();
                                            }
                                            Err(e) => template_error.set(Some(e)),
                                        }
                                    });
                                }>{t("ui-delete")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <ErrorBox error=template_error/>
            </section>
            <section class="panel" aria-labelledby="h-postal">
                <h3 id="h-postal">{t("ui-postal")}</h3>
                <label class="field small" for="cn-kind"><span>{t("ui-form")}</span>
                    <select id="cn-kind" on:change=move |ev| postal_kind.set(event_target_value(&ev))>
                        <option value="cn23" selected=true>"CN 23"</option>
                        <option value="cn22">"CN 22"</option>
                    </select></label>
                {text_area("cn-json", "ui-postal-json", postal)}
                <ErrorBox error=postal_error/>
                <button id="make-postal" class="primary" on:click=make_postal>{t("ui-make-declaration")}</button>
            </section>
        </section>
    }
    .into_any()
}
