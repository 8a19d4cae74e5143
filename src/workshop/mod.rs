//! The workshop bundle's app: the Model, Dependencies, Burn, Policy and Document pages over one
//! model with undo and redo, chosen with `?page=`.

pub mod editors;
pub mod fold;
pub mod inputs;
pub mod pages;
pub mod rows;
pub mod state;
pub mod views;

use leptos::ev;
use leptos::prelude::*;
use slo_core::examples;
use slo_core::model::Model;

use crate::browser;
use crate::frame::{Footer, Header, Page};
use crate::workshop::pages::burn::BurnPage;
use crate::workshop::pages::dependencies::DependenciesPage;
use crate::workshop::pages::document::DocumentPage;
use crate::workshop::pages::model::ModelPage;
use crate::workshop::pages::policy::PolicyPage;
use crate::workshop::state::Workshop;
use crate::workshop::views::file_actions::FileButtons;
use crate::workshop::views::problem_list::Navigation;

fn page_from_query() -> Page {
    let pairs = browser::query_pairs();
    let key = pairs
        .iter()
        .find(|(k, _)| k == "page")
        .map(|(_, v)| v.as_str());
    Page::ALL
        .into_iter()
        .find(|p| *p != Page::Budget && Some(p.key()) == key)
        .unwrap_or(Page::Model)
}

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

/// The workshop bundle.
#[component]
pub fn WorkshopApp() -> impl IntoView {
    let workshop = Workshop::provide();
    let page = RwSignal::new(page_from_query());
    provide_context(Navigation(page));
    Effect::new(move |_| browser::replace_query(&[("page", page.get().key().to_string())]));
    let _keys = window_event_listener(ev::keydown, move |ev| {
        let key = ev.key().to_lowercase();
        if (ev.ctrl_key() || ev.meta_key()) && (key == "z" || key == "y") {
            ev.prevent_default();
            if ev.shift_key() || key == "y" {
                workshop.redo();
            } else {
                workshop.undo();
            }
        }
    });
    view! {
        <Header current=page from_workshop=true on_pick=Callback::new(move |p| page.set(p)) />
        <main id="main" tabindex="-1">
            <Toolbar />
            <Notice />
            {move || match page.get() {
                Page::Dependencies => view! { <DependenciesPage /> }.into_any(),
                Page::Burn => view! { <BurnPage /> }.into_any(),
                Page::Policy => view! { <PolicyPage /> }.into_any(),
                Page::Document => view! { <DocumentPage /> }.into_any(),
                Page::Model | Page::Budget => view! { <ModelPage /> }.into_any(),
            }}
        </main>
        <Footer />
    }
}
