//! Allowed downtime for every standard window at once, the chosen one highlighted.

use leptos::prelude::*;

use crate::budget::state::Calculator;
use slo_core::quantity::numbers::group_thousands;

/// The standard windows table; each row can be picked as the window.
#[component]
pub fn StandardWindows() -> impl IntoView {
    let Calculator { form, result } = Calculator::from_context();
    let rows = move || {
        result.with(|r| {
            r.standard_windows
                .iter()
                .map(|row| {
                    let spec = row.spec;
                    let length = row.seconds.describe(|s| format!("{} s", group_thousands(&s.to_string())));
                    let downtime = row.downtime.describe(|d| d.to_string());
                    view! {
                        <tr class:chosen=row.chosen aria-current=row.chosen.then_some("true")>
                            <th scope="row">{row.name}</th>
                            <td class="num">{length}</td>
                            <td class="num strong">{downtime}</td>
                            <td>
                                <button type="button" class="link" on:click=move |_| form.update(|f| f.window = spec.to_string())>
                                    "Use " {spec}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="standard-title">
            <h2 id="standard-title">"Allowed downtime in every standard window"</h2>
            <div class="table-scroll">
                <table id="standard-windows">
                    <thead>
                        <tr>
                            <th scope="col">"Window"</th>
                            <th scope="col" class="num">"Length"</th>
                            <th scope="col" class="num">"Allowed downtime"</th>
                            <th scope="col"><span class="visually-hidden">"Choose"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="rule">
                "Calendar month, quarter and year are ranges from the shortest to the longest period (civil days)."
            </p>
        </section>
    }
}
