//! The workshop pages (Model, Dependencies, Burn, Policy, Document) over one
//! model with undo and redo. Each page is a bundle of its own
//! (`src/bin/workshop*.rs` calls [`mount`]); the model lives in local
//! storage and the undo history in the tab's session storage, so moving
//! between pages keeps both.

pub mod editors;
pub mod exporting;
pub mod fold;
pub mod inputs;
pub mod later;
pub mod opening;
pub mod pages;
pub mod rows;
pub mod saved;
pub mod state;
pub mod views;

use leptos::ev;
use leptos::prelude::*;
use slo_core::examples;
use slo_core::model::Model;

use crate::browser;
use crate::frame::{Footer, Header, Page};
use crate::workshop::state::Workshop;
use crate::workshop::views::file_actions::FileButtons;
use crate::workshop::views::problem_list::{open_linked_field, CurrentPage};

/// Undo, redo, new model, the examples, and export, import and share.
#[component]
fn Toolbar() -> impl IntoView {
    let workshop = Workshop::from_context();
    let replace_with = move |model: Model, what: &str| {
        if browser::confirm(&format!(
            "Replace the current model with {what}? Undo brings it back."
        )) {
            workshop.replace(model);
        }
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Model">
            <button type="button" id="undo" on:click=move |_| workshop.undo() disabled=move || !workshop.can_undo()
                aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">"Undo"</button>
            <button type="button" id="redo" on:click=move |_| workshop.redo() disabled=move || !workshop.can_redo()
                aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">"Redo"</button>
            <button type="button" on:click=move |_| replace_with(Model::default(), "a new, empty model")>"New model"</button>
            <button type="button" on:click=move |_| replace_with(examples::workbook_api(), "the SRE Workbook API example")>"Example: Workbook API"</button>
            <button type="button" on:click=move |_| replace_with(examples::seed_chain(), "the Azure dependency chain example")>"Example: Azure chain"</button>
            <span class="toolbar-gap" aria-hidden="true"></span>
            <FileButtons />
        </div>
    }
}

/// The last import, export or share-link message, dismissable.
#[component]
fn Notice() -> impl IntoView {
    let workshop = Workshop::from_context();
    move || {
        workshop.notice.get().map(|n| {
            let (class, text) = match n {
                Ok(text) => ("notice ok", text),
                Err(text) => ("notice error", text),
            };
            view! {
                <div class=class role="alert" id="notice">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| workshop.notice.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}

/// One workshop page: the frame, the toolbar and `body`, over the model
/// restored from the autosave (with the undo history this tab had on the
/// page it came from).
#[component]
fn WorkshopPage(
    /// Which page this is.
    page: Page,
    /// The page's own content.
    body: fn() -> AnyView,
) -> impl IntoView {
    let workshop = Workshop::provide(page);
    provide_context(CurrentPage(page));
    let _keys = window_event_listener(ev::keydown, move |ev| {
        let key = ev.key().to_ascii_lowercase();
        if (ev.ctrl_key() || ev.meta_key()) && (key == "z" || key == "y") {
            ev.prevent_default();
            if ev.shift_key() || key == "y" {
                workshop.redo();
            } else {
                workshop.undo();
            }
        }
    });
    let view = view! {
        <Header current=page />
        <main id="main" tabindex="-1">
            <Toolbar />
            <Notice />
            {body()}
        </main>
        <Footer />
    };
    open_linked_field();
    view
}

/// Mounts the workshop page `page` with its content `body`: each workshop
/// page is a bundle of its own (`src/bin/workshop*.rs`), so a first load
/// carries only its page. The toolbar's "Export as…" runs
/// [`exporting::export_now`].
pub fn mount(page: Page, body: fn() -> AnyView) {
    mount_exporting(page, body, exporting::export_now)
}

/// [`mount`], with the toolbar's "Export as…" running `export` (a page
/// split in chunks passes one that loads the export code when first used).
pub fn mount_exporting(page: Page, body: fn() -> AnyView, export: exporting::Export) {
    browser::install_panic_banner();
    leptos::mount::mount_to_body(move || {
        provide_context(exporting::ExportWith(export));
        view! { <WorkshopPage page body /> }
    });
}
