//! The reverse calculation: the target a downtime implies.

use leptos::prelude::*;
use slo_core::budget::RoundingRule;
use slo_core::calculator::{BudgetForm, BudgetView};

use super::field::TextField;

/// Downtime field and the implied target.
#[component]
pub fn Reverse(
    /// The calculator form.
    form: RwSignal<BudgetForm>,
    /// What the core computed.
    result: Memo<BudgetView>,
) -> impl IntoView {
    let value = Signal::derive(move || form.with(|f| f.downtime.clone()));
    let set = Callback::new(move |text: String| form.update(|f| f.downtime = text));
    let error = Signal::derive(move || {
        result.with(|r| r.implied.as_ref().and_then(|e| e.as_ref().err().cloned()))
    });
    let answer = move || {
        result.with(|r| {
            r.implied.as_ref().and_then(|t| t.as_ref().ok()).map(|t| {
                let exact = t.min().exact && t.max().exact;
                let text = t.describe(|t| format!("{} %", t.percent));
                view! {
                    <p class="figure small" id="implied-target">{if exact { text } else { format!("≤ {text}") }}</p>
                    <p class="figure-context">
                        {if exact { "the target that allows exactly this downtime" } else { "rounded down to 10 decimal places" }}
                    </p>
                }
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="reverse-title">
            <h2 id="reverse-title">"Reverse: the target a downtime implies"</h2>
            <TextField
                id="downtime"
                label="Downtime in the window"
                placeholder="43m 12s"
                value
                on_input=set
                error
            />
            {answer}
            <p class="rule">{RoundingRule::ImpliedTarget.describe()}</p>
        </section>
    }
}
