//! The app's frame: shared context, navigation, the sync indicator and notices.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::wire::{ApiError, Boot, SyncView};
use crate::{api, docs, reference, settings, trader, trip, trips};

/// Where the user is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// The trip list.
    Trips,
    /// A new trip (`None`) or editing one.
    TripForm(Option<String>),
    /// One trip: shopping and assessment.
    Trip(String),
    /// Declarations.
    Docs,
    /// One declaration.
    Doc(String),
    /// Trader declarations.
    Trader,
    /// Rates and HS codes.
    Reference,
    /// Settings.
    Settings,
}

/// A short notice at the bottom, optionally with an undo button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    /// Text.
    pub text: String,
    /// Whether to offer undo.
    pub undo: bool,
}

/// Shared state, in context.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// Boot data (texts, choices, settings).
    pub boot: RwSignal<Boot>,
    /// `ui-` texts by id.
    pub texts: RwSignal<HashMap<String, String>>,
    /// The current page.
    pub page: RwSignal<Page>,
    /// Bumped after every change so pages reload.
    pub version: RwSignal<u32>,
    /// The notice shown.
    pub toast: RwSignal<Option<Toast>>,
    /// The sync indicator.
    pub sync: RwSignal<SyncView>,
}

impl Ctx {
    /// A catalogue text (reactive).
    pub fn text(&self, id: &str) -> String {
        self.texts
            .with(|t| t.get(id).cloned())
            .unwrap_or_else(|| id.to_owned())
    }

    /// Tells pages to reload and the sync indicator to refresh.
    pub fn changed(&self) {
        self.version.update(|v| *v += 1);
        let sync = self.sync;
        spawn_local(async move {
            if let Ok(s) = api::sync_status().await {
                sync.set(s);
            }
        });
    }

    /// Shows a notice.
    pub fn notify(&self, text: String, undo: bool) {
        self.toast.set(Some(Toast { text, undo }));
    }

    /// Loads (or reloads, after a language change) everything the frame needs, then shows the
    /// notice `then` (a text id) in the new language.
    pub fn reboot(&self, then: Option<&'static str>) {
        let me = *self;
        spawn_local(async move {
            match api::boot().await {
                Ok(b) => {
                    me.texts.set(b.texts.iter().cloned().collect());
                    me.boot.set(b);
                    me.changed();
                    if let Some(id) = then {
                        me.notify(me.text(id), false);
                    }
                }
                Err(e) => me.notify(e.message, false),
            }
        });
    }
}

/// The shared context.
pub fn ctx() -> Ctx {
    use_context::<Ctx>().unwrap_or_else(|| {
        // Only reachable if a component is mounted outside the app.
        Ctx {
            boot: RwSignal::new(Boot::default()),
            texts: RwSignal::new(HashMap::new()),
            page: RwSignal::new(Page::Trips),
            version: RwSignal::new(0),
            toast: RwSignal::new(None),
            sync: RwSignal::new(SyncView::default()),
        }
    })
}

/// A text of the catalogue as a reactive closure, for views.
pub fn t(id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let c = ctx();
    move || c.text(id)
}

/// An error box: the message and every problem with its field.
#[component]
pub fn ErrorBox(error: RwSignal<Option<ApiError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            let problems = e.problems.clone();
            let many = problems.len() > 1 || (problems.len() == 1 && problems[0].field != e.field);
            view! {
                <div class="error" role="alert" id="error">
                    <p class="err-text">{e.message.clone()}</p>
                    {many.then(|| view! {
                        <ul class="problems">
                            {problems.into_iter().map(|p| view! {
                                <li class="problem"><code>{p.field}</code>" "{p.message}</li>
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            }
        })
    }
}

/// The app.
#[component]
pub fn App() -> impl IntoView {
    let c = Ctx {
        boot: RwSignal::new(Boot::default()),
        texts: RwSignal::new(HashMap::new()),
        page: RwSignal::new(Page::Trips),
        version: RwSignal::new(0),
        toast: RwSignal::new(None),
        sync: RwSignal::new(SyncView::default()),
    };
    provide_context(c);
    c.reboot(None);
    // The sync indicator follows the background sync.
    let poll = move || {
        spawn_local(async move {
            if let Ok(s) = api::sync_poll().await {
                if c.sync.with_untracked(|old| *old != s) {
                    c.sync.set(s);
                }
            }
        });
    };
    let _ = set_interval_with_handle(poll, std::time::Duration::from_secs(2));
    let panel = RwSignal::new(false);
    let sync_now = move |_: leptos::ev::MouseEvent| {
        spawn_local(async move {
            match api::sync_now().await {
                Ok(s) => c.sync.set(s),
                Err(e) => c.notify(e.message, false),
            }
        });
    };
    let nav = move |page: Page, id: &'static str, label: &'static str| {
        let target = page.clone();
        let current = move || {
            let p = c.page.get();
            match (&p, &target) {
                (Page::Trip(_) | Page::TripForm(_), Page::Trips) => true,
                (Page::Doc(_), Page::Docs) => true,
                _ => p == target,
            }
        };
        let go = page.clone();
        let current2 = current.clone();
        view! {
            <button id=id class="nav" class:active=current
                aria-current=move || if current2() { "page" } else { "false" }
                on:click=move |_| c.page.set(go.clone())>{t(label)}</button>
        }
    };
    let undo = move |_: leptos::ev::MouseEvent| {
        spawn_local(async move {
            match api::undo().await {
                Ok(Some(text)) => {
                    c.notify(text, false);
                    c.changed();
                }
                Ok(None) => c.toast.set(None),
                Err(e) => c.notify(e.message, false),
            }
        });
    };
    view! {
        <div class="frame">
            <header class="top">
                <h1 class="brand"><img src="icon.svg" alt="" width="28" height="28"/>" Karvon"</h1>
                <nav aria-label=t("ui-nav")>
                    {nav(Page::Trips, "nav-trips", "ui-nav-trips")}
                    {nav(Page::Docs, "nav-docs", "ui-nav-docs")}
                    {nav(Page::Trader, "nav-trader", "ui-nav-trader")}
                    {nav(Page::Reference, "nav-reference", "ui-nav-reference")}
                    {nav(Page::Settings, "nav-settings", "ui-nav-settings")}
                </nav>
                <div class="syncbox">
                    <button id="sync" class=move || format!("sync sync-{}", c.sync.get().state)
                        aria-expanded=move || panel.get().to_string() aria-controls="syncbox-panel"
                        title=move || { let v = c.sync.get(); if v.detail.is_empty() { v.text } else { v.detail } } on:click=move |_| panel.update(|p| *p = !*p)>
                        <span class="dot" aria-hidden="true"></span>
                        <span role="status">{move || c.sync.get().text}</span>
                        {move || (c.sync.get().state == "syncing").then(|| view! {
                            <progress max="100" value=move || c.sync.get().percent.to_string()></progress>
                        })}
                    </button>
                    {move || panel.get().then(|| view! {
                        <div id="syncbox-panel" class="syncbox-panel" role="dialog" aria-label=t("ui-sync-title")
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { panel.set(false) }>
                            <p id="syncbox-server">{move || c.sync.get().server}</p>
                            {move || (c.sync.get().state == "error").then(|| view! {
                                <p id="syncbox-error" class="err-text">{move || c.sync.get().detail}</p>
                            })}
                            <p id="syncbox-last" class="muted">{move || c.sync.get().last}</p>
                            <ul id="syncbox-problems">
                                {move || c.sync.get().problems.into_iter().map(|p| view! { <li class="problem">{p}</li> }).collect_view()}
                            </ul>
                            <button id="syncbox-now" class="primary" autofocus
                                disabled=move || c.sync.get().state == "offline"
                                on:click=sync_now>{t("ui-sync-now")}</button>
                        </div>
                    })}
                </div>
            </header>
            <main id="main">
                {move || {
                    let page = c.page.get();
                    untrack(move || match page {
                        Page::Trips => trips::list(),
                        Page::TripForm(id) => trips::editor(id),
                        Page::Trip(id) => trip::page(id),
                        Page::Docs => docs::list(),
                        Page::Doc(id) => docs::page(id),
                        Page::Trader => trader::page(),
                        Page::Reference => reference::page(),
                        Page::Settings => settings::page(),
                    })
                }}
            </main>
            {move || c.toast.get().map(|toast| view! {
                <div class="toast" id="toast" role="status">
                    <span>{toast.text}</span>
                    {toast.undo.then(|| view! {
                        <button id="undo" on:click=undo>{t("ui-undo")}</button>
                    })}
                    <button class="close" aria-label=t("ui-close") on:click=move |_| c.toast.set(None)>"×"</button>
                </div>
            })}
        </div>
    }
}
