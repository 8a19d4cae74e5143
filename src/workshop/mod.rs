//! The workshop (Model, Dependencies, Trade-offs, Burn, Policy, Document):
//! one app ([`app`], mounted by `src/bin/workshop.rs`) over one model with
//! undo and redo, its pages switched in the page, each page's own code a
//! chunk loaded on its first visit. The model is autosaved to local storage
//! and the undo history to the tab's session storage, so a reload or a
//! visit to the Budget page keeps both.

pub mod app;
pub mod editors;
pub mod exporting;
pub mod fold;
pub mod import_choice;
pub mod inputs;
pub mod later;
pub mod opening;
pub mod pages;
pub mod problem_slots;
pub mod rows;
pub mod saved;
pub mod section;
pub mod state;
pub mod views;

use leptos::prelude::*;
use slo_core::examples;
use slo_core::model::Model;

use crate::browser;
use crate::workshop::import_choice::drops;
use crate::workshop::state::Workshop;
use crate::workshop::views::file_actions::{export_model, FileButtons};

/// Undo, redo, new model, the examples (a menu, so the bar fits one line
/// at 1280 px), and export, import and share.
#[component]
pub(crate) fn Toolbar() -> impl IntoView {
    let workshop = Workshop::from_context();
    let replace_with = move |model: Model, what: &str| {
        let drops = workshop.model.with_untracked(|m| drops(m, &model));
        if drops.is_empty()
            || browser::confirm(&format!(
                "Replace the current model with {what}? That drops {drops} (undo brings it back)."
            ))
        {
            workshop.replace(model);
        }
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Model">
            <button type="button" id="undo" on:click=move |_| workshop.undo() disabled=move || !workshop.can_undo()
                aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">"Undo"</button>
            <button type="button" id="redo" on:click=move |_| workshop.redo() disabled=move || !workshop.can_redo()
                aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">"Redo"</button>
            <button type="button" on:click=move |_| replace_with(Model::starter(), "a new, empty model")>"New model"</button>
            <details class="export-more" id="examples-menu">
                <summary>"Examples"</summary>
                <div class="menu">
                    <button type="button" on:click=move |_| {
                        browser::close_details("examples-menu");
                        replace_with(examples::workbook_api(), "the SRE Workbook API example");
                    }>"Example: Workbook API"</button>
                    <button type="button" on:click=move |_| {
                        browser::close_details("examples-menu");
                        replace_with(examples::seed_chain(), "the Azure dependency chain example");
                    }>"Example: Azure chain"</button>
                </div>
            </details>
            <span class="toolbar-gap" aria-hidden="true"></span>
            <FileButtons />
        </div>
    }
}

/// The last import, export or share-link message, dismissable.
#[component]
pub(crate) fn Notice() -> impl IntoView {
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

/// Said at once, and until an autosave succeeds again, when the model could
/// not be saved in the browser: why, and a way to keep it in a file.
#[component]
pub(crate) fn Unsaved() -> impl IntoView {
    let workshop = Workshop::from_context();
    move || {
        workshop.unsaved.get().map(|why| {
            view! {
                <div class="notice error" role="alert" id="unsaved">
                    <p>"Your latest changes are not saved in this browser: " {why} ". They stay in this tab until it is closed or reloaded: export the model to a file to keep them."</p>
                    <button type="button" id="unsaved-export" on:click=move |_| export_model(workshop)>"Export JSON"</button>
                </div>
            }
        })
    }
}
