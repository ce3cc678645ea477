//! `karvon-ui`: Karvon's desktop UI, a Leptos (client-side) app compiled to wasm and served by
//! the Tauri shell. It only talks to the shell through the typed commands of [`api`]; every
//! text comes from the catalogue and every figure arrives formatted.

mod api;
mod app;
mod charts;
mod docs;
mod reference;
mod settings;
mod trader;
mod trip;
mod trips;
// Shared with the shell: not every answer field is shown.
#[allow(dead_code)]
mod wire;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
