//! The page frame shared by the site's bundles: the pages, the top bar with
//! one link per page, and the footer.
//!
//! Every page is a WebAssembly bundle of its own, so a first load carries
//! only what its page needs: the Budget calculator at the site's root
//! (`index.html`, [`crate::budget::BudgetApp`]), the Model page at
//! `workshop/` and the other workshop pages under `workshop/<page>/`
//! ([`crate::workshop::mount`]). Links between them are ordinary page
//! loads; the budget form and the model live in local storage and the undo
//! history in session storage, so nothing is lost moving between them.

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

    /// The page's address relative to the page `from` (each page is a
    /// bundle of its own, so a link is an ordinary page load).
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
    current: Page,
) -> impl IntoView {
    let links = Page::ALL
        .into_iter()
        .map(|p| {
            view! {
                <a href=p.href(current) aria-current=(current == p).then_some("page")>
                    {p.title()}
                </a>
            }
        })
        .collect_view();
    view! {
        // The page has a <base>, so "#main" alone would load the base address:
        // move the focus to the content instead of following the link.
        <a class="skip" href="#main" on:click=|ev| {
            ev.prevent_default();
            crate::browser::focus_element("main");
        }>"Skip to the content"</a>
        <header class="top">
            <p class="brand">"slo-planner"</p>
            <nav aria-label="Pages">{links}</nav>
        </header>
    }
}

/// The footer.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="foot">
            <p>
                "Budgets, downtime, events, composites and alert thresholds are exact, each rounding rule stated beside its figure; "
                "burn scenarios and the Monte Carlo risk are simulations, shown to two decimals. "
                "Runs entirely in your browser: nothing you type leaves this page."
            </p>
        </footer>
    }
}
