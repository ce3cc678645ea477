//! Settings: language (switched live), home country, default currency, sync server, device
//! pairing, backup and restore, the data folder.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::app::{ctx, t, ErrorBox};
use crate::wire::{ApiError, BackupForm, BackupView, PairingView};

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
    let pairing = RwSignal::new(None::<PairingView>);
    let pair_error = RwSignal::new(None::<ApiError>);
    let join_server = RwSignal::new(String::new());
    let join_code = RwSignal::new(String::new());
    let show_code = move |_: leptos::ev::MouseEvent| {
        spawn_local(async move {
            match api::pairing_code().await {
                Ok(p) => {
                    pair_error.set(None);
                    pairing.set(Some(p));
                }
                Err(e) => pair_error.set(Some(e)),
            }
        });
    };
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (url, code) = (join_server.get_untracked(), join_code.get_untracked());
        spawn_local(async move {
            match api::pair_device(&url, &code).await {
                Ok(saved) => {
                    pair_error.set(None);
                    server.set(saved.server);
                    join_code.set(String::new());
                    c.reboot(Some("ui-paired"));
                }
                Err(e) => pair_error.set(Some(e)),
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
            <section class="panel" aria-labelledby="h-devices">
                <h3 id="h-devices">{t("ui-devices")}</h3>
                <button id="pair-create" on:click=show_code>{t("ui-pair-create")}</button>
                {move || pairing.get().map(|p| view! {
                    <p class="pair-code"><code id="pair-code">{p.code}</code></p>
                    <p class="muted" id="pair-hint">{p.hint}</p>
                })}
                <form class="pair-join" on:submit=join>
                    <h4>{t("ui-pair-join-title")}</h4>
                    <label class="field" for="pair-server"><span>{t("ui-server")}</span>
                        <input id="pair-server" type="url" placeholder="https://" prop:value=move || join_server.get()
                            on:input=move |ev| join_server.set(event_target_value(&ev))/></label>
                    <label class="field" for="pair-code-input"><span>{t("ui-pair-code")}</span>
                        <input id="pair-code-input" autocomplete="off" prop:value=move || join_code.get()
                            on:input=move |ev| join_code.set(event_target_value(&ev))/></label>
                    <button id="pair-join" type="submit">{t("ui-pair-join")}</button>
                </form>
                <ErrorBox error=pair_error/>
            </section>
            {backup_panel()}
            <p class="muted">{t("ui-data-folder")}" "<code id="data-dir">{move || c.boot.with(|b| b.data_dir.clone())}</code></p>
        </section>
    }
    .into_any()
}

/// A labelled input bound to one field of a form signal.
fn input<F: Clone + Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    form: RwSignal<F>,
    f: fn(&mut F) -> &mut String,
) -> impl IntoView {
    view! {
        <label class="field" for=id><span>{t(label)}</span>
            <input id=id type=kind autocomplete="off" prop:value=move || form.with(|v| f(&mut v.clone()).clone())
                on:input=move |ev| form.update(|v| *f(v) = event_target_value(&ev))/></label>
    }
}

/// Backup of all data to a passphrase-protected file, and restore from one after showing what
/// it holds.
fn backup_panel() -> impl IntoView {
    let c = ctx();
    let form = RwSignal::new(BackupForm::default());
    let made = RwSignal::new(None::<BackupView>);
    let error = RwSignal::new(None::<ApiError>);
    let staged = RwSignal::new(None::<BackupView>);
    let passphrase = RwSignal::new(String::new());
    let restore_error = RwSignal::new(None::<ApiError>);
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_untracked();
        spawn_local(async move {
            match api::backup(&f).await {
                Ok(v) => {
                    error.set(None);
                    form.set(BackupForm::default());
                    made.set(Some(v));
                }
                Err(e) => {
                    made.set(None);
                    error.set(Some(e));
                }
            }
        });
    };
    let pick = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        spawn_local(async move {
            match api::stage_restore(&file).await {
                Ok(v) => {
                    restore_error.set(None);
                    staged.set(Some(v));
                }
                Err(e) => {
                    staged.set(None);
                    restore_error.set(Some(e));
                }
            }
        });
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(token) = staged.with_untracked(|s| s.as_ref().map(|s| s.token.clone())) else {
            return;
        };
        let pass = passphrase.get_untracked();
        spawn_local(async move {
            match api::restore(&token, &pass).await {
                Ok(_) => {
                    restore_error.set(None);
                    staged.set(None);
                    passphrase.set(String::new());
                    c.reboot(Some("ui-restored-all"));
                }
                Err(e) => restore_error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="h-backup">
            <h3 id="h-backup">{t("ui-backup")}</h3>
            <p class="muted">{t("ui-backup-help")}</p>
            <form id="bk-form" on:submit=make>
                <div class="row">
                    {input("bk-pass", "ui-passphrase", "password", form, |f| &mut f.passphrase)}
                    {input("bk-repeat", "ui-passphrase-repeat", "password", form, |f| &mut f.repeat)}
                    {input("bk-path", "ui-backup-path", "text", form, |f| &mut f.path)}
                </div>
                <ErrorBox error=error/>
                <button id="bk-make" type="submit">{t("ui-backup-make")}</button>
            </form>
            {move || made.get().map(|v| view! {
                <div class="ok" id="bk-done">
                    <p>{t("ui-backup-written")}" "<code id="bk-file">{v.path}</code></p>
                    <p class="muted">{v.summary}</p>
                </div>
            })}
            <h4>{t("ui-restore-title")}</h4>
            <label class="file" for="restore-file">{t("ui-restore-file")}
                <input id="restore-file" type="file" accept=".karvon-backup" on:change=pick/></label>
            {move || staged.get().map(|v| view! {
                <form id="restore-form" class="warn-box" on:submit=confirm>
                    <p><strong>{v.path.clone()}</strong>" — "{v.made.clone()}</p>
                    <p id="restore-summary">{v.summary.clone()}</p>
                    <p class="warn">{t("ui-restore-warning")}</p>
                    <label class="field" for="restore-pass"><span>{t("ui-passphrase")}</span>
                        <input id="restore-pass" type="password" autocomplete="off" prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev))/></label>
                    <button id="restore-confirm" class="danger" type="submit">{t("ui-restore-confirm")}</button>
                </form>
            })}
            <ErrorBox error=restore_error/>
        </section>
    }
}
