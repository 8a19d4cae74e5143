//! The page frame shared by the site's two bundles: the pages, the top bar
//! with one link per page, and the footer.
//!
//! The site is two apps: the Budget calculator at the site's root
//! (`index.html`, [`crate::budget::BudgetApp`]) and the workshop
//! ([`crate::workshop::app`]), one app whose pages have their own addresses
//! (the Model page at `workshop/`, the others under `workshop/<page>/`) and
//! are switched in the page, each page's code a chunk loaded on its first
//! visit. A link from one app to the other is a page load; the budget form
//! and the model live in local storage, so nothing is lost moving between
//! them.

use leptos::prelude::*;

/// The pages of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The budget calculator (at the root).
    Budget,
    /// Team, services, SLIs and SLOs.
    Model,
    /// The dependency graph, composite availability, ceilings and allocation.
    Dependencies,
    /// Candidate targets weighed against the team's history.
    Tradeoffs,
    /// Burn scenarios, alerts, the policy timeline and Monte Carlo risk.
    Burn,
    /// The error budget policy.
    Policy,
    /// The SLO document: view, export, import, share.
    Document,
}

impl Page {
    /// Every page, in navigation order (the order a workshop runs).
    pub const ALL: [Page; 7] = [
        Page::Budget,
        Page::Model,
        Page::Dependencies,
        Page::Tradeoffs,
        Page::Burn,
        Page::Policy,
        Page::Document,
    ];

    /// Every workshop page, in the order a workshop runs (every page but Budget).
    pub const WORKSHOP: &'static [Page] = Page::ALL.split_at(1).1;

    /// The page's name: its folder, and `?page=` in older links.
    pub fn key(self) -> &'static str {
        match self {
            Page::Budget => "budget",
            Page::Model => "model",
            Page::Dependencies => "dependencies",
            Page::Tradeoffs => "tradeoffs",
            Page::Burn => "burn",
            Page::Policy => "policy",
            Page::Document => "document",
        }
    }

    /// The page's title in the navigation.
    pub fn title(self) -> &'static str {
        match self {
            Page::Budget => "Budget",
            Page::Model => "Model",
            Page::Dependencies => "Dependencies",
            Page::Tradeoffs => "Trade-offs",
            Page::Burn => "Burn",
            Page::Policy => "Policy",
            Page::Document => "Document",
        }
    }

    /// The page's folder under the site's root: `""` for the Budget page,
    /// `workshop/` for the Model page, `workshop/burn/` and so on.
    pub fn folder(self) -> String {
        match self {
            Page::Budget => String::new(),
            Page::Model => "workshop/".to_string(),
            page => format!("workshop/{}/", page.key()),
        }
    }

    /// The workshop page whose folder under `workshop/` is `folder`
    /// (`""` for the Model page, `"burn"` for the Burn page).
    pub fn in_workshop(folder: &str) -> Option<Page> {
        match folder {
            "" => Some(Page::Model),
            key => Page::WORKSHOP.iter().copied().find(|p| p.key() == key),
        }
    }

    /// The page's address relative to the page `from`, the page whose
    /// folder the document's `<base>` names (every workshop page's
    /// document has the Model page's `workshop/`).
    ///
    /// From the Burn page, the Model page is `../` and the Document page
    /// `../document/`; from the Budget page, the Burn page is `workshop/burn/`;
    /// a page links to itself as `./`.
    pub fn href(self, from: Page) -> String {
        let (from, to) = (from.folder(), self.folder());
        let from: Vec<&str> = from.split_terminator('/').collect();
        let to: Vec<&str> = to.split_terminator('/').collect();
        let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        let up = "../".repeat(from.len() - shared);
        let down: String = to[shared..].iter().map(|s| format!("{s}/")).collect();
        match up + &down {
            here if here.is_empty() => "./".to_string(),
            there => there,
        }
    }
}

/// The top bar: the brand and one link per page, the current one marked.
#[component]
pub fn Header(
    /// The page shown.
    #[prop(into)]
    current: Signal<Page>,
    /// The page whose folder the document's `<base>` names: links are
    /// relative to it.
    base: Page,
) -> impl IntoView {
    let links = Page::ALL
        .into_iter()
        .map(|p| {
            view! {
                <a href=p.href(base) aria-current=move || (current.get() == p).then_some("page")>
                    {p.title()}
                </a>
            }
        })
        .collect_view();
    view! {
        // The page has a <base>, so "#main" alone would load the base address:
        // move the focus to the content instead of following the link.
        // rel="external": the workshop's router leaves the link alone.
        <a class="skip" href="#main" rel="external" on:click=|ev| {
            ev.prevent_default();
            crate::browser::focus_element("main");
        }>"Skip to the content"</a>
        <header class="top">
            <p class="brand">"slo-planner"</p>
            <nav aria-label="Pages">{links}</nav>
        </header>
    }
}

/// The footer: what is exact and what is simulated, and the glossary.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="foot">
            <crate::glossary::Glossary />
            <p>
                "Budgets, downtime, bad events, dependency figures and alert thresholds are exact, each rounding rule stated beside its figure; "
                "burn scenarios and the risk over many periods are simulations, their shares shown to one decimal (two in the charts). "
                "Runs entirely in your browser: nothing you type leaves this page."
            </p>
        </footer>
    }
}

/// A placeholder that says what to type and never looks like a value: "e.g.
/// 99.9" (shown lighter and italic, `style/main.css`); empty stays empty.
pub fn example(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("e.g. {text}")
    }
}
