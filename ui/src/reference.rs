//! Rates and reference data: import rate files and the HS nomenclature, see the source and age
//! of every rate table, search HS codes.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::app::{ctx, t, ErrorBox};
use crate::trader::read_file;
use crate::wire::{ApiError, HsRow, RateRow};

/// The reference-data page.
pub fn page() -> AnyView {
    let c = ctx();
    let tables = RwSignal::new(Vec::<RateRow>::new());
    let hits = RwSignal::new(Vec::<HsRow>::new());
    let query = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        c.version.get();
        spawn_local(async move {
            if let Ok(list) = api::rate_tables().await {
                tables.set(list);
            }
        });
    });
    let finish = move |r: Result<String, ApiError>| match r {
        Ok(text) => {
            error.set(None);
            done.set(Some(text));
            c.changed();
        }
        Err(e) => {
            done.set(None);
            error.set(Some(e));
        }
    };
    let search = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        query.set(q.clone());
        spawn_local(async move {
            match api::hs_search(&q).await {
                Ok(list) => {
                    error.set(None);
                    hits.set(list);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="page">
            <h2>{t("ui-reference")}</h2>
            <section class="panel" aria-labelledby="h-rates">
                <h3 id="h-rates">{t("ui-rates")}</h3>
                <label class="file" for="fx-file">{t("ui-import-rates")}
                    <input id="fx-file" type="file" accept=".json,.xml,.csv" on:change=move |ev| read_file(ev, move |name, text| {
                        spawn_local(async move { finish(api::import_rates(&name, &text).await) });
                    })/></label>
                <ul id="rate-tables">
                    {move || tables.get().into_iter().map(|r| view! { <li>{r.text}</li> }).collect_view()}
                </ul>
                {move || tables.with(Vec::is_empty).then(|| view! { <p class="muted">{t("ui-no-rates")}</p> })}
            </section>
            <section class="panel" aria-labelledby="h-hs">
                <h3 id="h-hs">{t("ui-hs")}</h3>
                <label class="file" for="hs-file">{t("ui-import-hs")}
                    <input id="hs-file" type="file" accept=".csv" on:change=move |ev| read_file(ev, move |name, text| {
                        spawn_local(async move { finish(api::import_hs(&name, &text).await) });
                    })/></label>
                <label class="field wide" for="hs-query"><span>{t("ui-hs-search")}</span>
                    <input id="hs-query" type="search" prop:value=move || query.get() on:input=search/></label>
                <ul id="hs-hits">
                    {move || hits.get().into_iter().map(|h| view! { <li><code>{h.code}</code>" "{h.text}</li> }).collect_view()}
                </ul>
            </section>
            {move || done.get().map(|d| view! { <p class="ok" role="status">{d}</p> })}
            <ErrorBox error=error/>
        </section>
    }
    .into_any()
}
