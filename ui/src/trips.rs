//! Trips: the list (open, edit, delete with undo) and the trip form with its travellers.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::app::{ctx, t, ErrorBox, Page};
use crate::wire::{ApiError, TravellerForm, TripForm, TripRow};

/// The trip list.
pub fn list() -> AnyView {
    let c = ctx();
    let rows = RwSignal::new(Vec::<TripRow>::new());
    let loaded = RwSignal::new(false);
    Effect::new(move |_| {
        c.version.get();
        spawn_local(async move {
            match api::trips().await {
                Ok(list) => {
                    rows.set(list);
                    loaded.set(true);
                }
                Err(e) => c.notify(e.message, false),
            }
        });
    });
    let delete = move |id: String| {
        spawn_local(async move {
            match api::delete_trip(&id).await {
                Ok(()) => {
                    c.notify(c.text("ui-trip-deleted"), true);
                    c.changed();
                }
                Err(e) => c.notify(e.message, false),
            }
        });
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h2>{t("ui-trips")}</h2>
                <button id="new-trip" class="primary"
                    on:click=move |_| c.page.set(Page::TripForm(None))>{t("ui-new-trip")}</button>
            </div>
            {move || (loaded.get() && rows.with(Vec::is_empty)).then(|| view! {
                <p class="empty" id="no-trips">{t("ui-no-trips")}</p>
            })}
            <ul class="cards" id="trip-list">
                <For each=move || rows.get() key=|r: &TripRow| (r.id.clone(), r.total.clone(), r.name.clone(), r.summary.clone())
                    children=move |r: TripRow| {
                        let open = r.id.clone();
                        let edit = r.id.clone();
                        let del = r.id.clone();
                        view! {
                            <li class="card trip-row" data-id=r.id.clone()>
                                <div class="card-main">
                                    <h3><button class="link trip-open"
                                        on:click=move |_| c.page.set(Page::Trip(open.clone()))>{r.name.clone()}</button></h3>
                                    <p class="muted">{r.summary.clone()}</p>
                                </div>
                                <span class=format!("badge badge-{}", r.channel)>{r.channel_text.clone()}</span>
                                <span class="total">{r.total.clone()}</span>
                                <button class="trip-edit" on:click=move |_| c.page.set(Page::TripForm(Some(edit.clone())))>{t("ui-edit")}</button>
                                <button class="trip-delete danger" on:click=move |_| delete(del.clone())>{t("ui-delete")}</button>
                            </li>
                        }
                    }/>
            </ul>
        </section>
    }
    .into_any()
}

/// A labelled text input bound to a field of a signal.
fn field(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    get: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label class="field" for=id>
            <span>{t(label)}</span>
            <input id=id type=kind prop:value=get on:input=move |ev| set(event_target_value(&ev))/>
        </label>
    }
}

/// The trip form: new (`None`) or editing a stored trip.
pub fn editor(id: Option<String>) -> AnyView {
    let c = ctx();
    let form = RwSignal::new(TripForm {
        jurisdiction: "FI".into(),
        mode: "air".into(),
        days_abroad: "7".into(),
        plan_currency: "EUR".into(),
        travellers: vec![TravellerForm {
            age: "30".into(),
            residency: c.boot.with_untracked(|b| b.settings.home.clone()),
            ..TravellerForm::default()
        }],
        ..TripForm::default()
    });
    let error = RwSignal::new(None::<ApiError>);
    if let Some(id) = id.clone() {
        spawn_local(async move {
            match api::trip_form(&id).await {
                Ok(f) => form.set(f),
                Err(e) => error.set(Some(e)),
            }
        });
    }
    let editing = id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_untracked();
        let editing = editing.clone();
        spawn_local(async move {
            let r = match &editing {
                Some(id) => api::update_trip(id, &f).await.map(|()| id.clone()),
                None => api::create_trip(&f).await,
            };
            match r {
                Ok(id) => {
                    error.set(None);
                    c.changed();
                    c.page.set(Page::Trip(id));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let choices = move |list: fn(&crate::wire::Boot) -> Vec<crate::wire::Choice>,
                        current: String| {
        c.boot
            .with(list)
            .into_iter()
            .map(|ch| {
                let selected = ch.code == current;
                view! { <option value=ch.code.clone() selected=selected>{ch.label}</option> }
            })
            .collect_view()
    };
    // Rows are rebuilt only when travellers are added or removed, so typing keeps focus.
    let count = Memo::new(move |_| form.with(|f| f.travellers.len()));
    let traveller = move |i: usize, pick: fn(&TravellerForm) -> String| {
        move || form.with(|f| f.travellers.get(i).map(pick).unwrap_or_default())
    };
    let edit = move |i: usize, put: fn(&mut TravellerForm, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            form.update(|f| {
                if let Some(tr) = f.travellers.get_mut(i) {
                    put(tr, v);
                }
            });
        }
    };
    let traveller_rows = move || {
        (0..count.get())
            .map(|i| {
                let name_id = format!("traveller-name-{i}");
                let age_id = format!("traveller-age-{i}");
                let res_id = format!("traveller-residency-{i}");
                let (name_id_for, age_id_for, res_id_for) =
                    (name_id.clone(), age_id.clone(), res_id.clone());
                view! {
                    <fieldset class="traveller">
                        <legend>{move || format!("{} {}", c.text("ui-traveller"), i + 1)}</legend>
                        <label class="field" for=name_id_for><span>{t("ui-name")}</span>
                            <input id=name_id class="traveller-name" prop:value=traveller(i, |t| t.name.clone())
                                on:input=edit(i, |t, v| t.name = v)/></label>
                        <label class="field small" for=age_id_for><span>{t("ui-age")}</span>
                            <input id=age_id class="traveller-age" inputmode="numeric" prop:value=traveller(i, |t| t.age.clone())
                                on:input=edit(i, |t, v| t.age = v)/></label>
                        <label class="field small" for=res_id_for><span>{t("ui-residency")}</span>
                            <input id=res_id maxlength="2" prop:value=traveller(i, |t| t.residency.clone())
                                on:input=edit(i, |t, v| t.residency = v)/></label>
                        <button type="button" class="remove-traveller" aria-label=t("ui-remove-traveller")
                            on:click=move |_| form.update(|f| { if f.travellers.len() > 1 { f.travellers.remove(i); } })>"×"</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let title = if id.is_some() {
        "ui-edit-trip"
    } else {
        "ui-new-trip"
    };
    view! {
        <section class="page">
            <h2>{t(title)}</h2>
            <form id="trip-form" on:submit=save>
                {field("trip-name", "ui-trip-name", "text", move || form.with(|f| f.name.clone()), move |v| form.update(|f| f.name = v))}
                <label class="field" for="trip-jurisdiction"><span>{t("ui-destination")}</span>
                    <select id="trip-jurisdiction" on:change=move |ev| form.update(|f| f.jurisdiction = event_target_value(&ev))>
                        {move || choices(|b| b.jurisdictions.clone(), form.with(|f| f.jurisdiction.clone()))}
                    </select></label>
                {field("trip-arrival", "ui-arrival", "date", move || form.with(|f| f.arrival.clone()), move |v| form.update(|f| f.arrival = v))}
                <label class="field" for="trip-mode"><span>{t("ui-mode")}</span>
                    <select id="trip-mode" on:change=move |ev| form.update(|f| f.mode = event_target_value(&ev))>
                        {move || choices(|b| b.modes.clone(), form.with(|f| f.mode.clone()))}
                    </select></label>
                {field("trip-days", "ui-days-abroad", "text", move || form.with(|f| f.days_abroad.clone()), move |v| form.update(|f| f.days_abroad = v))}
                {field("trip-plan", "ui-plan-amount", "text", move || form.with(|f| f.plan_amount.clone()), move |v| form.update(|f| f.plan_amount = v))}
                {field("trip-plan-currency", "ui-plan-currency", "text", move || form.with(|f| f.plan_currency.clone()), move |v| form.update(|f| f.plan_currency = v))}
                <h3>{t("ui-travellers")}</h3>
                <div id="travellers">{traveller_rows}</div>
                <button type="button" id="add-traveller" on:click=move |_| form.update(|f| f.travellers.push(TravellerForm {
                    age: String::new(),
                    residency: c.boot.with_untracked(|b| b.settings.home.clone()),
                    ..TravellerForm::default()
                }))>{t("ui-add-traveller")}</button>
                <ErrorBox error=error/>
                <div class="actions">
                    <button type="submit" id="save-trip" class="primary">{t("ui-save")}</button>
                    <button type="button" on:click=move |_| c.page.set(Page::Trips)>{t("ui-cancel")}</button>
                </div>
            </form>
        </section>
    }
    .into_any()
}
