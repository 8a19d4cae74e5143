//! The Budget page: "with this SLO, over this window, how much can go wrong?"

use leptos::prelude::*;
use slo_core::calculator::link::{form_from_pairs, form_to_pairs, has_form_params};
use slo_core::calculator::BudgetForm;
use slo_core::glossary::Term;

use crate::browser;
use crate::budget::compare::Compare;
use crate::budget::downtime::Downtime;
use crate::budget::events::Events;
use crate::budget::reverse::Reverse;
use crate::budget::standard_windows::StandardWindows;
use crate::budget::state::Calculator;
use crate::budget::target::TargetInput;
use crate::budget::time_slice::TimeSlices;
use crate::budget::window::WindowInput;
use crate::glossary::Word;

/// Where the last form is kept between visits (as link pairs).
const STORAGE_KEY: &str = "slo-planner.budget.v1";

/// The form the page opens with: a deep link wins, then what was typed last
/// time, then the example.
fn initial_form() -> BudgetForm {
    let from_pairs = |pairs: &[(String, String)]| {
        form_from_pairs(
            BudgetForm::default(),
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        )
    };
    let query = browser::query_pairs();
    if has_form_params(query.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        return from_pairs(&query);
    }
    match browser::load::<Vec<(String, String)>>(STORAGE_KEY) {
        Some(saved) if !saved.is_empty() => from_pairs(&saved),
        _ => BudgetForm::example(),
    }
}

/// The calculator page. Provides the one form signal; everything shown derives from it.
#[component]
pub fn BudgetPage() -> impl IntoView {
    let Calculator { form, .. } = Calculator::provide(initial_form());
    Effect::new(move |_| {
        let pairs = form.with(form_to_pairs);
        browser::replace_query(&pairs);
        let owned: Vec<(String, String)> =
            pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        browser::save(STORAGE_KEY, &owned);
    });
    view! {
        <h1 class="page-title">"Error budget"</h1>
        <p class="lede">"With this " <Word term=Term::Slo /> ", over this " <Word term=Term::CompliancePeriod text="window" /> ", how much can go wrong? That is the " <Word term=Term::ErrorBudget /> "."</p>
        <div class="grid">
            <section class="card inputs" aria-labelledby="inputs-title">
                <h2 id="inputs-title">"SLO"</h2>
                <TargetInput />
                <WindowInput />
            </section>
            <Downtime />
        </div>
        <StandardWindows />
        <div class="grid">
            <Events />
            <TimeSlices />
        </div>
        <Compare />
        <Reverse />
    }
}
