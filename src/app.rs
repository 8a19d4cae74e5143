//! The page frame: header with navigation, the current page, footer.

use leptos::prelude::*;

use crate::pages::budget::BudgetPage;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <a class="skip" href="#main">"Skip to the calculator"</a>
        <header class="top">
            <p class="brand">"slo-planner"</p>
            <nav aria-label="Pages">
                <a href="./" aria-current="page">"Budget"</a>
            </nav>
        </header>
        <main id="main">
            <BudgetPage />
        </main>
        <footer class="foot">
            <p>
                "Figures are exact; each rounding rule is stated beside its figure. "
                "Runs entirely in your browser: nothing you type leaves this page."
            </p>
        </footer>
    }
}
