//! The headline figure: allowed downtime over the chosen window, with the
//! convention behind it.

use leptos::prelude::*;

use crate::budget::state::Calculator;
use slo_core::budget::RoundingRule;

/// Allowed downtime, large, with the window's convention line.
#[component]
pub fn Downtime() -> impl IntoView {
    let Calculator { result, .. } = Calculator::from_context();
    let downtime = move || {
        result.with(|r| match &r.downtime {
            Some(d) => d.describe(|d| d.to_string()),
            None => "—".to_string(),
        })
    };
    let seconds = move || {
        result.with(|r| {
            r.downtime.as_ref().map(|d| {
                d.describe(|d| {
                    format!(
                        "{} s",
                        slo_core::quantity::numbers::group_thousands(&d.seconds().to_string())
                    )
                })
            })
        })
    };
    let convention = move || result.with(|r| r.window.as_ref().ok().map(|w| w.convention.clone()));
    let label = move || {
        result.with(|r| match (&r.target, &r.window) {
            (Ok(t), Ok(w)) => format!("at {} % over {}", t.target, w.window.label()),
            _ => "fix the fields marked in red".to_string(),
        })
    };
    view! {
        <section class="card headline" aria-labelledby="downtime-title" aria-live="polite">
            <h2 id="downtime-title">"Allowed downtime"</h2>
            <p class="figure" id="allowed-downtime">{downtime}</p>
            <p class="figure-sub" id="allowed-downtime-seconds">{seconds}</p>
            <p class="figure-context">{label}</p>
            <p class="convention" id="window-convention">{convention}</p>
            <p class="rule">{RoundingRule::Downtime.describe()}</p>
        </section>
    }
}
