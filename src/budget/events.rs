//! Event (request) budget: how many bad events the target allows.

use leptos::prelude::*;
use slo_core::budget::RoundingRule;
use slo_core::calculator::Field;
use slo_core::model::kind::Kind;
use slo_core::model::EventsPer;
use slo_core::quantity::numbers::group_thousands;

use crate::budget::field::{Answer, TextField};
use crate::budget::state::Calculator;

fn grouped(n: &u64) -> String {
    group_thousands(&n.to_string())
}

/// Expected valid events and the allowed bad events.
#[component]
pub fn Events() -> impl IntoView {
    let calculator = Calculator::from_context();
    let Calculator { form, result } = calculator;
    let (value, set, error) =
        calculator.bind(Field::Events, |f| &f.events, |f, text| f.events = text);
    let per = move || form.with(|f| f.events_per.key());
    let set_per = move |text: String| {
        form.update(|f| f.events_per = EventsPer::from_key(text.trim()).unwrap_or_default())
    };
    let answer = move || {
        result.with(|r| {
            r.events.as_ref().and_then(|e| e.as_ref().ok()).map(|e| {
                let context = format!(
                    "bad events allowed of {} valid events in the window",
                    e.valid.describe(grouped)
                );
                view! { <Answer id="allowed-bad-events" figure=e.allowed_bad.describe(grouped) context /> }
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="events-title">
            <h2 id="events-title">"Event budget"</h2>
            <TextField
                id="events"
                label="Expected valid events (requests)"
                placeholder="3000000"
                inputmode="numeric"
                value
                on_input=set
                error
            />
            <div class="field">
                <label for="events-per">"Counted per"</label>
                <select id="events-per" prop:value=per on:change=move |ev| set_per(event_target_value(&ev))>
                    <option value="window">"window"</option>
                    <option value="day">"day"</option>
                </select>
            </div>
            {answer}
            <p class="rule">{RoundingRule::Events.describe()}</p>
        </section>
    }
}
