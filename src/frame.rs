//! The page frame shared by the site's two bundles: the pages, the top bar
//! with one link per page, and the footer.
//!
//! The site ships two WebAssembly bundles so the first load stays small: the
//! Budget calculator at the site's root (`index.html`,
//! [`crate::budget::BudgetApp`]) and the workshop pages under `workshop/`
//! ([`crate::workshop::WorkshopApp`]). Links between them are ordinary
//! page loads; the budget form and the model live in local storage, so
//! nothing is lost moving between them.

use leptos::prelude::*;

/// The pages of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The budget calculator (root bundle).
    Budget,
    /// Team, services, SLIs and SLOs (workshop bundle).
    Model,
    /// The dependency graph, composite availability, ceilings and allocation (workshop bundle).
    Dependencies,
    /// Burn scenarios, alerts, the policy timeline and Monte Carlo risk (workshop bundle).
    Burn,
    /// The error budget policy (workshop bundle).
    Policy,
    /// The SLO document: view, export, import, share (workshop bundle).
    Document,
}

impl Page {
    /// Every page, in navigation order (the order a workshop runs).
    pub const ALL: [Page; 6] = [
        Page::Budget,
        Page::Model,
        Page::Dependencies,
        Page::Burn,
        Page::Policy,
        Page::Document,
    ];

    /// The page's name in `?page=`.
    pub fn key(self) -> &'static str {
        match self {
            Page::Budget => "budget",
            Page::Model => "model",
            Page::Dependencies => "dependencies",
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
            Page::Burn => "Burn",
            Page::Policy => "Policy",
            Page::Document => "Document",
        }
    }

    /// The page's address, relative to the bundle a link is in.
    pub fn href(self, from_workshop: bool) -> String {
        match (self, from_workshop) {
            (Page::Budget, true) => "../".to_string(),
            (Page::Budget, false) => "./".to_string(),
            (page, true) => format!("?page={}", page.key()),
            (page, false) => format!("workshop/?page={}", page.key()),
        }
    }
}

/// The top bar: the brand and one link per page, the current one marked.
/// `on_pick` switches pages without a reload inside the workshop bundle.
#[component]
pub fn Header(
    /// The page shown.
    #[prop(into)]
    current: Signal<Page>,
    /// Whether this is the workshop bundle.
    from_workshop: bool,
    /// Switches pages inside the bundle; `None` in the Budget bundle.
    #[prop(optional)]
    on_pick: Option<Callback<Page>>,
) -> impl IntoView {
    let links = Page::ALL
        .into_iter()
        .map(|p| {
            let in_bundle = from_workshop && p != Page::Budget;
            view! {
                <a href=p.href(from_workshop)
                    aria-current=move || (current.get() == p).then_some("page")
                    on:click=move |ev| {
                        if let (true, Some(pick)) = (in_bundle, on_pick) {
                            ev.prevent_default();
                            pick.run(p);
                        }
                    }>
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
