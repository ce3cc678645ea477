//! One trip: add purchases fast (amount and currency first), the what-if preview, live
//! allowance bars, the channel badge, alerts, charts, and the assessment of every item.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{ctx, t, ErrorBox, Page};
use crate::wire::{ApiError, HsRow, ItemView, PreviewView, PurchaseForm, ReceiptView, StatusView};
use crate::{api, charts};

/// The trip page.
pub fn page(id: String) -> AnyView {
    let c = ctx();
    let status = RwSignal::new(None::<StatusView>);
    let error = RwSignal::new(None::<ApiError>);
    let trip_id = id.clone();
    Effect::new(move |_| {
        c.version.get();
        let id = trip_id.clone();
        spawn_local(async move {
            match api::trip_status(&id).await {
                Ok(s) => status.set(Some(s)),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let declare_id = id.clone();
    let declare = move |_: leptos::ev::MouseEvent| {
        let id = declare_id.clone();
        spawn_local(async move {
            match api::declare(&id).await {
                Ok(d) => {
                    c.changed();
                    c.page.set(Page::Doc(d.id));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let edit_id = id.clone();
    view! {
        <section class="page trip-page">
            {move || status.get().map(|s| view! {
                <div class="page-head">
                    <div>
                        <h2 id="trip-title">{s.name.clone()}</h2>
                        <p class="muted">{s.summary.clone()}</p>
                    </div>
                    <span id="channel" class=format!("badge big badge-{}", s.channel)>{s.channel_text.clone()}</span>
                </div>
                <ul class="totals" id="totals">
                    {s.totals.iter().map(|x| view! { <li class=format!("total-{}", x.code)>{x.label.clone()}</li> }).collect_view()}
                </ul>
            })}
            <div class="actions">
                <button id="edit-trip" on:click=move |_| c.page.set(Page::TripForm(Some(edit_id.clone())))>{t("ui-edit")}</button>
                <button id="declare" class="primary" on:click=declare>{t("ui-declare")}</button>
            </div>
            <ErrorBox error=error/>
            {move || status.get().map(|s| alerts(s.alerts.clone()))}
            {purchase_form(id.clone(), status)}
            {move || status.get().map(|s| view! {
                <div class="grid2">
                    <section class="panel" aria-labelledby="h-allowances">
                        <h3 id="h-allowances">{t("ui-allowances")}</h3>
                        {if s.bars.is_empty() {
                            view! { <p class="muted">{t("ui-no-allowances")}</p> }.into_any()
                        } else {
                            charts::bars(c.text("ui-allowances"), s.bars.clone()).into_any()
                        }}
                        {s.plan.clone().map(|p| charts::bars(c.text("ui-plan"), vec![p]))}
                    </section>
                    <section class="panel" aria-labelledby="h-spending">
                        <h3 id="h-spending">{t("ui-spending")}</h3>
                        {if s.spending.is_empty() {
                            view! { <p class="muted">{t("ui-no-purchases")}</p> }.into_any()
                        } else {
                            charts::spending(c.text("ui-spending"), s.spending.clone()).into_any()
                        }}
                    </section>
                </div>
                {assessment(s.items.clone(), s.receipts.clone())}
                {(!s.notices.is_empty()).then(|| view! {
                    <section class="panel" id="notices"><h3>{t("ui-notices")}</h3>
                        <ul>{s.notices.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul></section>
                })}
                {(!s.rates.is_empty()).then(|| view! {
                    <section class="panel" id="fx-used"><h3>{t("ui-rates-used")}</h3>
                        <ul>{s.rates.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul></section>
                })}
                {(!s.left_out.is_empty()).then(|| view! {
                    <section class="panel warn" id="left-out"><h3>{t("ui-left-out")}</h3>
                        <ul>{s.left_out.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul></section>
                })}
                {(!s.documents.is_empty()).then(|| view! {
                    <section class="panel" id="trip-docs"><h3>{t("ui-declarations")}</h3>
                        <ul>{s.documents.iter().map(|d| {
                            let id = d.id.clone();
                            view! { <li><button class="link doc-open" on:click=move |_| c.page.set(Page::Doc(id.clone()))>
                                {format!("{} — {} ({})", d.title, d.kind, d.status)}</button></li> }
                        }).collect_view()}</ul></section>
                })}
            })}
        </section>
    }
    .into_any()
}

/// Open alerts, each acknowledgeable.
fn alerts(list: Vec<crate::wire::AlertView>) -> impl IntoView {
    let c = ctx();
    (!list.is_empty()).then(|| {
        view! {
            <section class="alerts" id="alerts" aria-live="polite">
                {list.into_iter().map(|a| {
                    let id = a.id.clone();
                    view! {
                        <div class=format!("alert alert-{}", a.kind) role="alert">
                            <span>{a.text}</span>
                            <button class="ack" on:click=move |_| {
                                let id = id.clone();
                                spawn_local(async move {
                                    if api::acknowledge_alert(&id).await.is_ok() { c.changed(); }
                                });
                            }>{t("ui-ok")}</button>
                        </div>
                    }
                }).collect_view()}
            </section>
        }
    })
}

/// The quick purchase form with its what-if preview.
fn purchase_form(trip: String, status: RwSignal<Option<StatusView>>) -> impl IntoView {
    let c = ctx();
    let blank = PurchaseForm {
        trip: trip.clone(),
        currency: c.boot.with_untracked(|b| b.settings.currency.clone()),
        kind: "goods".into(),
        ..PurchaseForm::default()
    };
    let form = RwSignal::new(blank.clone());
    // The receipt photo picked for the purchase being typed (sent once the purchase is saved).
    let photo = RwSignal::new_local(None::<web_sys::File>);
    let photo_input = NodeRef::<leptos::html::Input>::new();
    let preview = RwSignal::new(None::<PreviewView>);
    let error = RwSignal::new(None::<ApiError>);
    // The traveller list shows the first traveller chosen: make the form say so too.
    Effect::new(move |_| {
        let first = status.with(|s| {
            s.as_ref()
                .and_then(|s| s.travellers.first().map(|t| t.code.clone()))
        });
        if let Some(first) = first {
            if form.with_untracked(|f| f.traveller.is_empty()) {
                form.update(|f| f.traveller = first);
            }
        }
    });
    // HS codes that match the description, offered on the HS field (from the imported table).
    let hs_options = RwSignal::new(Vec::<HsRow>::new());
    Effect::new(move |_| {
        let q = form.with(|f| f.description.trim().to_owned());
        if q.chars().count() < 3 {
            hs_options.set(Vec::new());
            return;
        }
        spawn_local(async move {
            if let Ok(hits) = api::hs_search(&q).await {
                // Only the answer for the description as it is now.
                if form.with_untracked(|f| f.description.trim() == q) {
                    hs_options.set(hits);
                }
            }
        });
    });
    let set = move |f: fn(&mut PurchaseForm, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            form.update(|p| f(p, v));
            preview.set(None);
        }
    };
    let do_preview = move |_: leptos::ev::MouseEvent| {
        let f = form.get_untracked();
        spawn_local(async move {
            match api::preview_purchase(&f).await {
                Ok(p) => {
                    error.set(None);
                    preview.set(Some(p));
                }
                Err(e) => {
                    preview.set(None);
                    error.set(Some(e));
                }
            }
        });
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_untracked();
        let keep = PurchaseForm {
            currency: f.currency.clone(),
            traveller: f.traveller.clone(),
            date: f.date.clone(),
            ..blank.clone()
        };
        let picked = photo.get_untracked();
        spawn_local(async move {
            match api::add_purchase(&f).await {
                Ok(added) => {
                    error.set(None);
                    preview.set(None);
                    form.set(keep);
                    let mut text = if added.alerts.is_empty() {
                        c.text("ui-purchase-added")
                    } else {
                        added.alerts.join(" · ")
                    };
                    if let Some(file) = picked {
                        photo.set(None);
                        if let Some(input) = photo_input.get_untracked() {
                            input.set_value("");
                        }
                        if let Err(e) = api::attach_receipt(&added.id, &file).await {
                            text = format!("{} {}", c.text("ui-receipt-not-attached"), e.message);
                        }
                    }
                    c.notify(text, false);
                    c.changed();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let currencies = move || {
        let current = form.with(|f| f.currency.clone());
        c.boot
            .with(|b| b.currencies.clone())
            .into_iter()
            .map(|code| {
                let selected = code == current;
                view! { <option value=code.clone() selected=selected>{code.clone()}</option> }
            })
            .collect_view()
    };
    let kinds = move || {
        let current = form.with(|f| f.kind.clone());
        c.boot
            .with(|b| b.kinds.clone())
            .into_iter()
            .map(|k| {
                let selected = k.code == current;
                view! { <option value=k.code.clone() selected=selected>{k.label}</option> }
            })
            .collect_view()
    };
    let travellers = move || {
        let current = form.with(|f| f.traveller.clone());
        status
            .with(|s| s.as_ref().map(|s| s.travellers.clone()).unwrap_or_default())
            .into_iter()
            .map(|tr| {
                let selected = tr.code == current;
                view! { <option value=tr.code.clone() selected=selected>{tr.label}</option> }
            })
            .collect_view()
    };
    view! {
        <form id="purchase-form" class="panel quick" on:submit=add aria-labelledby="h-add">
            <h3 id="h-add">{t("ui-add-purchase")}</h3>
            <div class="row">
                <label class="field" for="p-value"><span>{t("ui-amount")}</span>
                    <input id="p-value" inputmode="decimal" autofocus prop:value=move || form.with(|f| f.value.clone())
                        on:input=set(|p, v| p.value = v)/></label>
                <label class="field small" for="p-currency"><span>{t("ui-currency")}</span>
                    <select id="p-currency" on:change=set(|p, v| p.currency = v)>{currencies}</select></label>
                <label class="field" for="p-kind"><span>{t("ui-kind")}</span>
                    <select id="p-kind" on:change=set(|p, v| p.kind = v)>{kinds}</select></label>
                <label class="field" for="p-traveller"><span>{t("ui-traveller")}</span>
                    <select id="p-traveller" on:change=set(|p, v| p.traveller = v)>{travellers}</select></label>
            </div>
            <div class="row">
                <label class="field" for="p-description"><span>{t("ui-description")}</span>
                    <input id="p-description" prop:value=move || form.with(|f| f.description.clone())
                        on:input=set(|p, v| p.description = v)/></label>
                <label class="field small" for="p-quantity"><span>{t("ui-quantity")}</span>
                    <input id="p-quantity" inputmode="decimal" prop:value=move || form.with(|f| f.quantity.clone())
                        on:input=set(|p, v| p.quantity = v)/></label>
                <label class="field small" for="p-abv"><span>{t("ui-abv")}</span>
                    <input id="p-abv" inputmode="decimal" prop:value=move || form.with(|f| f.abv.clone())
                        on:input=set(|p, v| p.abv = v)/></label>
                <label class="field small" for="p-date"><span>{t("ui-date")}</span>
                    <input id="p-date" type="date" prop:value=move || form.with(|f| f.date.clone())
                        on:input=set(|p, v| p.date = v)/></label>
                <label class="field small" for="p-hs"><span>{t("ui-hs-code")}</span>
                    <input id="p-hs" inputmode="numeric" list="hsopts" prop:value=move || form.with(|f| f.hs_code.clone())
                        on:input=set(|p, v| p.hs_code = v)/></label>
                <datalist id="hsopts">
                    {move || hs_options.get().into_iter().map(|h| view! {
                        <option value=h.code.clone()>{format!("{} — {}", h.code, h.text)}</option>
                    }).collect_view()}
                </datalist>
            </div>
            <div class="row">
                <label class="field wide" for="p-receipt"><span>{t("ui-receipt")}</span>
                    <input id="p-receipt" type="file" accept="image/*,application/pdf" node_ref=photo_input
                        aria-describedby="p-receipt-hint"
                        on:change=move |ev| photo.set(picked_file(&ev))/>
                    <small id="p-receipt-hint" class="muted">{t("ui-receipt-hint")}</small></label>
            </div>
            <ErrorBox error=error/>
            <div class="actions">
                <button type="button" id="preview" on:click=do_preview>{t("ui-preview")}</button>
                <button type="submit" id="add-purchase" class="primary">{t("ui-add")}</button>
            </div>
            {move || preview.get().map(|p| view! {
                <div id="preview-panel" class=format!("preview preview-{}", p.channel) aria-live="polite">
                    <p class="summary">{p.summary.clone()}</p>
                    <p>{p.totals.clone()}" · "<span class=format!("badge badge-{}", p.channel)>{p.channel_text.clone()}</span></p>
                    {p.item.clone().map(|i| view! {
                        <ul class="steps">{i.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
                    })}
                    {p.alerts.iter().map(|a| view! { <p class="alert">{a.clone()}</p> }).collect_view()}
                </div>
            })}
        </form>
    }
}

/// The first file picked in a file input.
fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
}

/// A purchase's receipts (each opens the viewer) and a picker to attach another.
fn receipts_cell(
    purchase: String,
    list: Vec<ReceiptView>,
    open: RwSignal<Option<(ReceiptView, String)>>,
) -> impl IntoView {
    let c = ctx();
    let attach = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else {
            return;
        };
        let purchase = purchase.clone();
        spawn_local(async move {
            match api::attach_receipt(&purchase, &file).await {
                Ok(_) => {
                    c.notify(c.text("ui-receipt-attached"), false);
                    c.changed();
                }
                Err(e) => c.notify(e.message, false),
            }
        });
    };
    view! {
        <div class="receipts">
            {list.into_iter().map(|r| {
                let label = r.label.clone();
                view! {
                    <button type="button" class="link receipt-open" on:click=move |_| {
                        let r = r.clone();
                        spawn_local(async move {
                            match api::receipt_url(&r.id, &r.media).await {
                                Ok(url) => open.set(Some((r, url))),
                                Err(e) => c.notify(e.message, false),
                            }
                        });
                    }>{label}</button>
                }
            }).collect_view()}
            <label class="file small">{t("ui-attach-receipt")}
                <input class="attach-receipt" type="file" accept="image/*,application/pdf" on:change=attach/></label>
        </div>
    }
}

/// The open receipt, full-screen: the photo (or a link to the file), remove and close.
fn receipt_viewer(open: RwSignal<Option<(ReceiptView, String)>>) -> impl IntoView {
    let c = ctx();
    let close = move || {
        if let Some((_, url)) = open.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        open.set(None);
    };
    on_cleanup(close);
    move || {
        open.get().map(|(r, url)| {
            let id = r.id.clone();
            let shown = if r.media.starts_with("image/") {
                view! { <img id="receipt-image" src=url.clone() alt=r.name.clone()/> }.into_any()
            } else {
                view! { <a id="receipt-file" href=url.clone() download=r.name.clone()>{t("ui-open")}" "{r.name.clone()}</a> }.into_any()
            };
            view! {
                <div class="code-full" id="receipt-view" role="dialog" aria-modal="true" aria-label=r.label.clone()>
                    <p><strong>{r.label.clone()}</strong></p>
                    {shown}
                    <div class="actions">
                        <button id="receipt-remove" class="danger" on:click=move |_| {
                            let id = id.clone();
                            spawn_local(async move {
                                match api::delete_receipt(&id).await {
                                    Ok(()) => { close(); c.changed(); }
                                    Err(e) => c.notify(e.message, false),
                                }
                            });
                        }>{t("ui-remove")}</button>
                        <button id="receipt-close" autofocus on:click=move |_| close()>{t("ui-close")}</button>
                    </div>
                </div>
            }
        })
    }
}

/// The assessment: every item with its status, duty, VAT, excise, rule and source.
fn assessment(items: Vec<ItemView>, receipts: Vec<ReceiptView>) -> impl IntoView {
    let c = ctx();
    let open = RwSignal::new(None::<(ReceiptView, String)>);
    view! {
        <section class="panel" aria-labelledby="h-assessment">
            <h3 id="h-assessment">{t("ui-assessment")}</h3>
            {if items.is_empty() {
                view! { <p class="muted">{t("ui-no-purchases")}</p> }.into_any()
            } else {
                view! {
                    <table id="assessment" class="table">
                        <thead><tr>
                            <th scope="col">{t("ui-item")}</th>
                            <th scope="col">{t("ui-traveller")}</th>
                            <th scope="col">{t("ui-status")}</th>
                            <th scope="col" class="num">{t("ui-price")}</th>
                            <th scope="col" class="num">{t("ui-customs-value")}</th>
                            <th scope="col" class="num">{t("ui-duty")}</th>
                            <th scope="col" class="num">{t("ui-vat")}</th>
                            <th scope="col" class="num">{t("ui-excise")}</th>
                            <th scope="col">{t("ui-rule")}</th>
                            <th scope="col">{t("ui-receipts")}</th>
                            <th scope="col"><span class="sr-only">{t("ui-actions")}</span></th>
                        </tr></thead>
                        <tbody>
                            {items.into_iter().map(|i| {
                                let pid = i.purchase.clone();
                                let mine: Vec<ReceiptView> = receipts.iter().filter(|r| r.purchase == pid).cloned().collect();
                                view! {
                                    <tr class=format!("item-row status-{}", i.status)>
                                        <td>
                                            <strong>{i.description.clone()}</strong>
                                            <span class="muted">" "{i.kind.clone()}</span>
                                            <details><summary>{t("ui-how")}</summary>
                                                <ol class="steps">{i.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol>
                                            </details>
                                        </td>
                                        <td>{i.traveller.clone()}</td>
                                        <td><span class=format!("pill pill-{}", i.status)>{i.status_text.clone()}</span></td>
                                        <td class="num">{i.price.clone()}</td>
                                        <td class="num">{i.value.clone()}</td>
                                        <td class="num">{i.duty.clone()}</td>
                                        <td class="num">{i.vat.clone()}</td>
                                        <td class="num">{i.excise.clone()}</td>
                                        <td class="rule"><code>{i.rule.clone()}</code>
                                            {(!i.source.is_empty()).then(|| view! { <br/><a href=i.source.clone() target="_blank" rel="noreferrer">{t("ui-source")}</a> })}
                                        </td>
                                        <td>{(!pid.is_empty()).then(|| receipts_cell(pid.clone(), mine, open))}</td>
                                        <td>{(!pid.is_empty()).then(|| view! {
                                            <button class="danger small delete-purchase" on:click=move |_| {
                                                let id = pid.clone();
                                                spawn_local(async move {
                                                    match api::delete_purchase(&id).await {
                                                        Ok(()) => { c.notify(c.text("ui-purchase-deleted"), true); c.changed(); }
                                                        Err(e) => c.notify(e.message, false),
                                                    }
                                                });
                                            }>{t("ui-delete")}</button>
                                        })}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {receipt_viewer(open)}
        </section>
    }
}
