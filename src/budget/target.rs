//! The SLO target field, its presets, and how the target reads.

use leptos::prelude::*;
use slo_core::calculator::Field;

use crate::budget::field::{Presets, TextField};
use crate::budget::state::Calculator;

/// The target presets offered as buttons.
const TARGET_PRESETS: [(&str, &str); 8] = [
    ("90", "90"),
    ("95", "95"),
    ("99", "99"),
    ("99.5", "99.5"),
    ("99.9", "99.9"),
    ("99.95", "99.95"),
    ("99.99", "99.99"),
    ("99.999", "99.999"),
];

/// Target input with presets; shows the nines name, "1 in N" and the budget.
#[component]
pub fn TargetInput() -> impl IntoView {
    let calculator = Calculator::from_context();
    let Calculator { result, .. } = calculator;
    let (value, set, error) =
        calculator.bind(Field::Target, |f| &f.target, |f, text| f.target = text);
    view! {
        <TextField
            id="target"
            label="Target (%)"
            hint="The share of valid events (or time) that must be good"
            placeholder="99.9"
            inputmode="decimal"
            value
            on_input=set
            error
        />
        <Presets label="Target presets" options=TARGET_PRESETS.to_vec() current=value on_pick=set />
        <p class="reading" id="target-reading">
            {move || {
                result
                    .with(|r| {
                        r.target.as_ref().ok().map(|t| {
                            format!(
                                "{} %: {}; error budget {} % ({} may be bad)",
                                t.target,
                                t.nines,
                                t.target.error_budget().percent(),
                                t.one_in,
                            )
                        })
                    })
            }}
        </p>
    }
}
