//! The reverse calculation: the target a downtime implies.

use leptos::prelude::*;
use slo_core::budget::RoundingRule;
use slo_core::calculator::Field;

use crate::budget::field::{Answer, TextField};
use crate::budget::state::Calculator;

/// Downtime field and the implied target.
#[component]
pub fn Reverse() -> impl IntoView {
    let calculator = Calculator::from_context();
    let Calculator { result, .. } = calculator;
    let (value, set, error) = calculator.bind(
        Field::Downtime,
        |f| &f.downtime,
        |f, text| f.downtime = text,
    );
    let answer = move || {
        result.with(|r| {
            r.implied.as_ref().and_then(|t| t.as_ref().ok()).map(|t| {
                let exact = t.min().exact && t.max().exact;
                let text = t.describe(|t| format!("{} %", t.percent));
                let (figure, context) = if exact {
                    (text, "the target that allows exactly this downtime")
                } else {
                    (format!("≤ {text}"), "rounded down to 10 decimal places")
                };
                view! { <Answer id="implied-target" figure context=context.to_string() /> }
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
