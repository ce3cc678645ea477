//! Settings: language (switched live), home country, default currency, sync server, the data
//! folder.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::app::{ctx, t, ErrorBox};
use crate::wire::ApiError;

/// The settings page.
pub fn page() -> AnyView {
    let c = ctx();
    let error = RwSignal::new(None::<ApiError>);
    let home = RwSignal::new(c.boot.with_untracked(|b| b.settings.home.clone()));
    let server = RwSignal::new(c.boot.with_untracked(|b| b.settings.server.clone()));
    let currency = RwSignal::new(c.boot.with_untracked(|b| b.settings.currency.clone()));
    let save = move |lang: Option<String>| {
        let mut s = c.boot.get_untracked().settings;
        if let Some(l) = lang {
            s.lang = l;
        }
        s.home = home.get_untracked();
        s.server = server.get_untracked();
        s.currency = currency.get_untracked();
        spawn_local(async move {
            match api::save_settings(&s).await {
                Ok(saved) => {
                    error.set(None);
                    server.set(saved.server);
                    c.reboot(Some("ui-saved"));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="page">
            <h2>{t("ui-settings")}</h2>
            <label class="field" for="language"><span>{t("ui-language")}</span>
                <select id="language" on:change=move |ev| save(Some(event_target_value(&ev)))>
                    {move || {
                        let current = c.boot.with(|b| b.settings.lang.clone());
                        c.boot.with(|b| b.languages.clone()).into_iter().map(|l| {
                            let selected = l.code == current;
                            view! { <option value=l.code.clone() selected=selected>{l.label}</option> }
                        }).collect_view()
                    }}
                </select></label>
            <label class="field" for="home"><span>{t("ui-home-country")}</span>
                <input id="home" maxlength="2" prop:value=move || home.get() on:input=move |ev| home.set(event_target_value(&ev))/></label>
            <label class="field" for="currency"><span>{t("ui-currency-default")}</span>
                <select id="currency" on:change=move |ev| currency.set(event_target_value(&ev))>
                    {move || {
                        let current = currency.get();
                        c.boot.with(|b| b.currencies.clone()).into_iter().map(|code| {
                            let selected = code == current;
                            view! { <option value=code.clone() selected=selected>{code.clone()}</option> }
                        }).collect_view()
                    }}
                </select></label>
            <label class="field" for="server"><span>{t("ui-server")}</span>
                <input id="server" type="url" placeholder="https://" prop:value=move || server.get() on:input=move |ev| server.set(event_target_value(&ev))/></label>
            <ErrorBox error=error/>
            <button id="save-settings" class="primary" on:click=move |_| save(None)>{t("ui-save")}</button>
            <p class="muted">{t("ui-data-folder")}" "<code id="data-dir">{move || c.boot.with(|b| b.data_dir.clone())}</code></p>
        </section>
    }
    .into_any()
}
