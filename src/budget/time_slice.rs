//! Time-slice budget: whole bad slices allowed for a time-slice SLI.

use leptos::prelude::*;
use slo_core::budget::RoundingRule;
use slo_core::calculator::Field;
use slo_core::quantity::numbers::group_thousands;

use crate::budget::field::{Answer, TextField};
use crate::budget::state::Calculator;

/// Slice length and the allowed bad slices.
#[component]
pub fn TimeSlices() -> impl IntoView {
    let calculator = Calculator::from_context();
    let Calculator { result, .. } = calculator;
    let (value, set, error) = calculator.bind(
        Field::TimeSlice,
        |f| &f.time_slice,
        |f, text| f.time_slice = text,
    );
    let answer = move || {
        result.with(|r| {
            r.time_slices
                .as_ref()
                .and_then(|t| t.as_ref().ok())
                .map(|t| {
                    let bad = t.describe(|t| group_thousands(&t.allowed_bad.to_string()));
                    let slices = t.describe(|t| group_thousands(&t.slices.to_string()));
                    let context =
                        format!("bad slices allowed of {slices} whole slices in the window");
                    view! { <Answer id="allowed-bad-timeslices" figure=bad context /> }
                })
        })
    };
    view! {
        <section class="card" aria-labelledby="slices-title">
            <h2 id="slices-title">"Time slices"</h2>
            <TextField
                id="timeslice"
                label="Slice length"
                hint="For a time-slice SLI: each slice is good or bad as a whole"
                placeholder="1m"
                value
                on_input=set
                error
            />
            {answer}
            <p class="rule">{RoundingRule::TimeSlices.describe()}</p>
        </section>
    }
}
