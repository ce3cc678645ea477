//! Trader templates: a declaration's parties (and, if asked, its lines) kept under a name for
//! repeat shipments; the trader page imports the next invoice onto one.

use tauri::State;

use crate::commands::{run, Answer};
use crate::views;
use crate::wire::TemplateRow;
use crate::AppState;

/// Every saved template, by name.
#[tauri::command]
pub async fn templates(st: State<'_, AppState>) -> Answer<Vec<TemplateRow>> {
    let cat = st.catalogue();
    let list = run(&st, karvon_core::Karvon::templates)?;
    Ok(list.iter().map(|t| views::template(&cat, t)).collect())
}

/// Saves a trader declaration as a template; answers the templates as they are now.
#[tauri::command]
pub async fn save_template(
    st: State<'_, AppState>,
    document: String,
    name: String,
    keep_figures: bool,
) -> Answer<Vec<TemplateRow>> {
    run(&st, |k| k.save_template(&name, &document, keep_figures))?;
    templates(st).await
}

/// Deletes a template by name (the app's undo brings it back).
#[tauri::command]
pub async fn delete_template(st: State<'_, AppState>, name: String) -> Answer<Vec<TemplateRow>> {
    run(&st, |k| k.delete_template(&name))?;
    templates(st).await
}
