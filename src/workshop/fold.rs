//! Services folded away at workshop scale: a model of more than
//! [`FOLD_ABOVE`] services opens with each service's card closed (its name
//! and a toggle), and a card's fields are built only while it is open. A
//! page of 50 services then opens at once, and a keystroke touches only the
//! open cards. A service added, or reached through a problem's link, opens.

use std::collections::HashSet;

use leptos::prelude::*;
use slo_core::model::location::{Locate, ServiceAt};
use slo_core::model::Model;
use wasm_bindgen::JsCast;

use crate::workshop::state::Workshop;

/// Models with more services than this open with every service folded.
pub const FOLD_ABOVE: usize = 8;

/// Which services are folded (closed), by index.
#[derive(Clone, Copy)]
pub struct Folds(RwSignal<HashSet<usize>>);

impl Folds {
    /// Folds every service of a large model; none of a small one.
    pub fn new(model: &Model) -> Self {
        Folds(RwSignal::new(Self::initial(model)))
    }

    fn initial(model: &Model) -> HashSet<usize> {
        if model.services.len() > FOLD_ABOVE {
            (0..model.services.len()).collect()
        } else {
            HashSet::new()
        }
    }

    /// After the whole model was replaced (an import, an example, a link).
    pub fn reset(self, model: &Model) {
        self.0.set(Self::initial(model));
    }

    /// Opens the service a field path is in (`services[3]...`), if folded.
    pub fn reveal(self, path: &str) {
        let index = path
            .strip_prefix("services[")
            .and_then(|rest| rest.split(']').next())
            .and_then(|n| n.parse::<usize>().ok());
        if let Some(index) = index {
            if self.0.with_untracked(|folded| folded.contains(&index)) {
                self.0.update(|folded| {
                    folded.remove(&index);
                });
            }
        }
    }

    /// Opens (or folds) every service.
    fn set_all(self, count: usize, open: bool) {
        self.0.set(if open {
            HashSet::new()
        } else {
            (0..count).collect()
        });
    }

    fn is_open(self, index: usize) -> bool {
        self.0.with(|folded| !folded.contains(&index))
    }

    fn set_open(self, index: usize, open: bool) {
        if self.is_open_untracked(index) != open {
            self.0.update(|folded| {
                if open {
                    folded.remove(&index);
                } else {
                    folded.insert(index);
                }
            });
        }
    }

    fn is_open_untracked(self, index: usize) -> bool {
        self.0.with_untracked(|folded| !folded.contains(&index))
    }
}

/// A service's card: its title always, its `children` only while open.
#[component]
pub fn ServiceCard(
    /// The service.
    at: ServiceAt,
    /// The card's element id.
    id: String,
    /// The card's CSS classes.
    class: &'static str,
    /// What the title says before the service's name ("Service" for
    /// "Service 3: Game API"); empty for the name alone.
    what: &'static str,
    /// The card's content.
    children: ChildrenFn,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let folds = workshop.folds;
    let section = workshop.section(&at.path());
    let title = move || {
        section.with(|m| {
            let name = at.get(m).map(|s| s.name.clone()).unwrap_or_default();
            match what {
                "" => name,
                what => format!("{what} {}: {name}", at.1 + 1),
            }
        })
    };
    let open = move || folds.is_open(at.1);
    view! {
        <details class=class id=id prop:open=open on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            if let Some(details) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                folds.set_open(at.1, details.open());
            }
        }>
            <summary><h2>{title}</h2></summary>
            <Show when=open>{children()}</Show>
        </details>
    }
}

/// "Open every service" and "Fold every service", for a model large enough
/// to fold (above [`FOLD_ABOVE`] services).
#[component]
pub fn FoldButtons() -> impl IntoView {
    let workshop = Workshop::from_context();
    let count = Memo::new(move |_| workshop.structure(|m| m.services.len()));
    let folds = workshop.folds;
    view! {
        <Show when=move || { count.get() > FOLD_ABOVE }>
            <div class="actions">
                <button type="button" on:click=move |_| folds.set_all(count.get_untracked(), true)>"Open every service"</button>
                <button type="button" on:click=move |_| folds.set_all(count.get_untracked(), false)>"Fold every service"</button>
            </div>
        </Show>
    }
}

/// A `<details>` whose content is built only while it is open, and which
/// stays open when what holds it is drawn again.
#[component]
pub fn Folded(
    /// Its id.
    #[prop(into)]
    id: String,
    /// What it says when folded (it may change, as "Hypothesis (written)").
    #[prop(into)]
    summary: Signal<String>,
    /// Whether it is open.
    open: RwSignal<bool>,
    /// Its content.
    content: ViewFn,
    /// Its class, if any.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    view! {
        <details id=id class=class prop:open=move || open.get() on:toggle=move |ev| {
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                open.set(d.open());
            }
        }>
            <summary>{summary}</summary>
            {move || open.get().then(|| content.run())}
        </details>
    }
}
