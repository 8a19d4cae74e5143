//! The page frame: header with navigation and the model toolbar, the current
//! page, footer. Pages are chosen with `?page=`; the Budget page is the default.

use leptos::ev;
use leptos::prelude::*;
use slo_core::examples;
use slo_core::model::Model;

use crate::browser;
use crate::pages::budget::BudgetPage;
use crate::pages::document::DocumentPage;
use crate::pages::model::ModelPage;
use crate::pages::policy::PolicyPage;
use crate::workshop::Workshop;

/// The pages of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The budget calculator.
    Budget,
    /// Team, services, SLIs and SLOs.
    Model,
    /// The error budget policy.
    Policy,
    /// The SLO document: view, export, import, share.
    Document,
}

impl Page {
    const ALL: [Page; 4] = [Page::Budget, Page::Model, Page::Policy, Page::Document];

    fn key(self) -> &'static str {
        match self {
            Page::Budget => "budget",
            Page::Model => "model",
            Page::Policy => "policy",
            Page::Document => "document",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Page::Budget => "Budget",
            Page::Model => "Model",
            Page::Policy => "Policy",
            Page::Document => "Document",
        }
    }

    fn from_query() -> Page {
        let pairs = browser::query_pairs();
        let key = pairs.iter().find(|(k, _)| k == "page").map(|(_, v)| v.as_str());
        Page::ALL.into_iter().find(|p| Some(p.key()) == key).unwrap_or(Page::Budget)
    }
}

/// Undo, redo, new model and the examples.
#[component]
fn Toolbar() -> impl IntoView {
    let workshop = Workshop::from_context();
    let replace_with = move |model: Model, what: &str| {
        if browser::confirm(&format!("Replace the current model with {what}? Undo brings it back.")) {
            workshop.replace(model);
        }
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Model">
            <button type="button" on:click=move |_| workshop.undo() disabled=move || !workshop.can_undo()
                aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">"Undo"</button>
            <button type="button" on:click=move |_| workshop.redo() disabled=move || !workshop.can_redo()
                aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">"Redo"</button>
            <button type="button" on:click=move |_| replace_with(Model::default(), "a new, empty model")>"New model"</button>
            <button type="button" on:click=move |_| replace_with(examples::workbook_api(), "the SRE Workbook API example")>"Example: Workbook API"</button>
            <button type="button" on:click=move |_| replace_with(examples::seed_chain(), "the Azure dependency chain example")>"Example: Azure chain"</button>
        </div>
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let workshop = Workshop::provide();
    let page = RwSignal::new(Page::from_query());
    Effect::new(move |_| {
        let current = page.get();
        if current != Page::Budget {
            browser::replace_query(&[("page", current.key().to_string())]);
        }
    });
    let _keys = window_event_listener(ev::keydown, move |ev| {
        let key = ev.key().to_lowercase();
        if (ev.ctrl_key() || ev.meta_key()) && (key == "z" || key == "y") && page.get_untracked() != Page::Budget {
            ev.prevent_default();
            if ev.shift_key() || key == "y" {
                workshop.redo();
            } else {
                workshop.undo();
            }
        }
    });
    let nav = Page::ALL
        .into_iter()
        .map(|p| {
            view! {
                <a href=format!("?page={}", p.key())
                    aria-current=move || (page.get() == p).then_some("page")
                    on:click=move |ev| {
                        ev.prevent_default();
                        page.set(p);
                    }>
                    {p.title()}
                </a>
            }
        })
        .collect_view();
    let notice = move || {
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
    };
    view! {
        <a class="skip" href="#main">"Skip to the content"</a>
        <header class="top">
            <p class="brand">"slo-planner"</p>
            <nav aria-label="Pages">{nav}</nav>
        </header>
        <main id="main">
            <Show when=move || page.get() != Page::Budget>
                <Toolbar />
            </Show>
            {notice}
            {move || match page.get() {
                Page::Budget => view! { <BudgetPage /> }.into_any(),
                Page::Model => view! { <ModelPage /> }.into_any(),
                Page::Policy => view! { <PolicyPage /> }.into_any(),
                Page::Document => view! { <DocumentPage /> }.into_any(),
            }}
        </main>
        <footer class="foot">
            <p>
                "Figures are exact; each rounding rule is stated beside its figure. "
                "Runs entirely in your browser: nothing you type leaves this page."
            </p>
        </footer>
    }
}
