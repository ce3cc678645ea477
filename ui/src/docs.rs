//! Declarations: the list, and one declaration with review, sign, the QR full-screen for the
//! officer, PDF export, filing (queued while offline), the status timeline and payment drafts.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::app::{ctx, t, ErrorBox, Page};
use crate::wire::{ApiError, DocRow, DocView, PayeeForm, PayerForm};

/// Every declaration.
pub fn list() -> AnyView {
    let c = ctx();
    let rows = RwSignal::new(Vec::<DocRow>::new());
    Effect::new(move |_| {
        c.version.get();
        spawn_local(async move {
            if let Ok(list) = api::documents().await {
                rows.set(list);
            }
        });
    });
    view! {
        <section class="page">
            <h2>{t("ui-declarations")}</h2>
            {move || rows.with(Vec::is_empty).then(|| view! { <p class="empty">{t("ui-no-declarations")}</p> })}
            <ul class="cards" id="doc-list">
                {move || rows.get().into_iter().map(|d| {
                    let id = d.id.clone();
                    view! {
                        <li class="card">
                            <button class="link doc-open" on:click=move |_| c.page.set(Page::Doc(id.clone()))>{d.title.clone()}</button>
                            <span class="muted">{d.kind.clone()}</span>
                            <span class="pill">{d.status.clone()}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// One declaration.
pub fn page(id: String) -> AnyView {
    let c = ctx();
    let doc = RwSignal::new(None::<DocView>);
    let error = RwSignal::new(None::<ApiError>);
    let qr = RwSignal::new(None::<String>);
    let written = RwSignal::new(None::<String>);
    let path = RwSignal::new(String::new());
    let load_id = id.clone();
    Effect::new(move |_| {
        c.version.get();
        let id = load_id.clone();
        spawn_local(async move {
            match api::document(&id).await {
                Ok(d) => doc.set(Some(d)),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let payee = RwSignal::new(PayeeForm::default());
    let payer = RwSignal::new(PayerForm::default());
    let payer_field = move |id: &'static str,
                            label: &'static str,
                            kind: &'static str,
                            f: fn(&mut PayerForm) -> &mut String| {
        view! {
            <label class="field small" for=id><span>{t(label)}</span>
                <input id=id type=kind autocomplete="off" prop:value=move || payer.with(|p| f(&mut p.clone()).clone())
                    on:input=move |ev| payer.update(|p| *f(p) = event_target_value(&ev))/></label>
        }
    };
    let has_payments =
        Memo::new(move |_| doc.with(|d| d.as_ref().is_some_and(|d| !d.payments.is_empty())));
    let template_name = RwSignal::new(String::new());
    let keep_figures = RwSignal::new(false);
    let template_doc = id.clone();
    let save_template = move |_: leptos::ev::MouseEvent| {
        let id = template_doc.clone();
        let name = template_name.get_untracked();
        let keep = keep_figures.get_untracked();
        spawn_local(async move {
            match api::save_template(&id, &name, keep).await {
                Ok(_) => {
                    error.set(None);
                    template_name.set(String::new());
                    c.notify(c.text("ui-template-saved"), false);
                    c.changed();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let payee_field = move |id: &'static str,
                            label: &'static str,
                            f: fn(&mut PayeeForm) -> &mut String| {
        view! {
            <label class="field small" for=id><span>{t(label)}</span>
                <input id=id autocomplete="off" prop:value=move || payee.with(|p| f(&mut p.clone()).clone())
                    on:input=move |ev| payee.update(|p| *f(p) = event_target_value(&ev))/></label>
        }
    };
    // Escape closes the full-screen QR.
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            qr.set(None);
        }
    });
    on_cleanup(move || esc.remove());
    let act = move |which: &'static str| {
        let id = id.clone();
        move |_: leptos::ev::MouseEvent| {
            let id = id.clone();
            spawn_local(async move {
                let r = match which {
                    "sign" => api::sign(&id).await.map(|_| ()),
                    "queue" => api::queue(&id).await.map(|_| ()),
                    "pay" => api::create_payment(&id, &payee.get_untracked())
                        .await
                        .map(|_| ()),
                    "qr" => api::qr_svg(&id).await.map(|svg| qr.set(Some(svg))),
                    _ => api::export_pdf(&id, &path.get_untracked())
                        .await
                        .map(|p| written.set(Some(p))),
                };
                match r {
                    Ok(()) => {
                        error.set(None);
                        if which != "qr" && which != "pdf" {
                            c.changed();
                        }
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let status = move || doc.with(|d| d.as_ref().map(|d| d.status.clone()).unwrap_or_default());
    view! {
        <section class="page doc-page">
            {move || doc.get().map(|d| view! {
                <div class="page-head">
                    <div><h2 id="doc-title">{d.title.clone()}</h2>
                        <p class="muted">{d.key.clone()}</p></div>
                    <span id="doc-status" class=format!("pill big pill-{}", d.status)>{d.status_text.clone()}</span>
                </div>
                <section class="panel" id="doc-lines"><h3>{t("ui-review")}</h3>
                    <ul class="lines">{d.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                </section>
            })}
            <div class="actions">
                <button id="sign" class="primary" disabled=move || status() != "draft" on:click=act("sign")>{t("ui-sign")}</button>
                <button id="show-qr" disabled=move || status() == "draft" on:click=act("qr")>{t("ui-show-qr")}</button>
                <button id="file" disabled=move || status() != "signed" on:click=act("queue")>{t("ui-file")}</button>
                <button id="create-payment" disabled=move || status() == "draft" on:click=act("pay")>{t("ui-create-payment")}</button>
            </div>
            <details class="payee">
                <summary>{t("ui-payee")}</summary>
                <div class="actions">
                    {payee_field("payee-name", "ui-payee-name", |p| &mut p.name)}
                    {payee_field("payee-iban", "ui-payee-iban", |p| &mut p.iban)}
                    {payee_field("payee-bic", "ui-payee-bic", |p| &mut p.bic)}
                    {payee_field("payee-ref", "ui-payee-reference", |p| &mut p.reference)}
                </div>
            </details>
            <div class="actions">
                <label class="field" for="save-path"><span>{t("ui-pdf-path")}</span>
                    <input id="save-path" placeholder=t("ui-pdf-path-hint") prop:value=move || path.get()
                        on:input=move |ev| path.set(event_target_value(&ev))/></label>
                <button id="export-pdf" on:click=act("pdf")>{t("ui-export-pdf")}</button>
            </div>
            {move || (doc.with(|d| d.as_ref().is_some_and(|d| d.kind == "trade"))).then(|| view! {
                <div class="actions" id="template-form">
                    <label class="field" for="template-name"><span>{t("ui-template-name")}</span>
                        <input id="template-name" autocomplete="off" prop:value=move || template_name.get()
                            on:input=move |ev| template_name.set(event_target_value(&ev))/></label>
                    <label class="check" for="template-figures">
                        <input id="template-figures" type="checkbox" prop:checked=move || keep_figures.get()
                            on:change=move |ev| keep_figures.set(event_target_checked(&ev))/>
                        {t("ui-keep-figures")}</label>
                    <button id="save-template" on:click=save_template.clone()>{t("ui-save-template")}</button>
                </div>
            })}
            {move || written.get().map(|p| view! { <p class="ok" id="saved-to">{t("ui-written")}" "<code>{p}</code></p> })}
            <ErrorBox error=error/>
            {move || doc.get().map(|d| view! {
                <section class="panel" id="timeline"><h3>{t("ui-timeline")}</h3>
                    <ol class="timeline">{d.timeline.iter().map(|s| view! {
                        <li><strong>{s.status.clone()}</strong>" "<span class="muted">{s.at.clone()}</span>" "{s.note.clone()}</li>
                    }).collect_view()}</ol>
                    {(!d.registration.is_empty()).then(|| view! { <p>{t("ui-registration")}" "<strong>{d.registration.clone()}</strong></p> })}
                </section>
                {(!d.payments.is_empty()).then(|| view! {
                    <section class="panel" id="payments"><h3>{t("ui-payments")}</h3>
                        {d.payments.iter().map(|p| {
                            let pid = p.id.clone();
                            view! {
                                <div class="payment">
                                    <p><span class="pill">{p.status.clone()}</span></p>
                                    <ul class="lines">{p.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                                    {(!p.epc_svg.is_empty()).then(|| view! {
                                        <figure class="epc">
                                            <div class="code-box" inner_html=p.epc_svg.clone()></div>
                                            <figcaption class="muted">{t("ui-epc-hint")}</figcaption>
                                        </figure>
                                    })}
                                    <button class="pay-pdf" on:click=move |_| {
                                        let id = pid.clone();
                                        spawn_local(async move {
                                            match api::export_payment_pdf(&id, "").await {
                                                Ok(p) => written.set(Some(p)),
                                                Err(e) => error.set(Some(e)),
                                            }
                                        });
                                    }>{t("ui-export-pdf")}</button>
                                    <button class="pay-xml" on:click={
                                        let id = p.id.clone();
                                        move |_| {
                                            let id = id.clone();
                                            spawn_local(async move {
                                                match api::export_payment_xml(&id, &payer.get_untracked(), "").await {
                                                    Ok(p) => { error.set(None); written.set(Some(p)); }
                                                    Err(e) => error.set(Some(e)),
                                                }
                                            });
                                        }
                                    }>{t("ui-export-xml")}</button>
                                </div>
                            }
                        }).collect_view()}
                    </section>
                })}
            })}
            // Outside the block above, which is drawn again whenever the declaration reloads:
            // what the payer typed, and whether the box is open, stay.
            {move || has_payments.get().then(|| view! {
                <details class="payer">
                    <summary>{t("ui-payer")}</summary>
                    <div class="actions">
                        {payer_field("payer-name", "ui-payer-name", "text", |p| &mut p.name)}
                        {payer_field("payer-iban", "ui-payee-iban", "text", |p| &mut p.iban)}
                        {payer_field("payer-bic", "ui-payee-bic", "text", |p| &mut p.bic)}
                        {payer_field("payer-date", "ui-execution-date", "date", |p| &mut p.date)}
                    </div>
                </details>
            })}
            {move || qr.get().map(|svg| view! {
                <div class="code-full" id="qr" role="dialog" aria-modal="true" aria-label=t("ui-qr-title")>
                    <div class="code-box" inner_html=svg></div>
                    <p>{t("ui-qr-hint")}</p>
                    <button id="close-qr" autofocus on:click=move |_| qr.set(None)>{t("ui-close")}</button>
                </div>
            })}
        </section>
    }
    .into_any()
}
