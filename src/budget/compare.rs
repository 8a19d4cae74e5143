//! Up to four targets side by side: what each extra nine costs.

use leptos::prelude::*;
use slo_core::calculator::{BudgetForm, Field, MAX_COMPARE};
use slo_core::quantity::numbers::group_thousands;

use crate::budget::field::TextField;
use crate::budget::state::Calculator;

const IDS: [&str; MAX_COMPARE] = ["compare-0", "compare-1", "compare-2", "compare-3"];
const LABELS: [&str; MAX_COMPARE] = [
    "Target A (%)",
    "Target B (%)",
    "Target C (%)",
    "Target D (%)",
];

/// Sets compared target `index`, dropping empty entries at the end.
fn set_compare(form: &mut BudgetForm, index: usize, text: String) {
    if form.compare.len() <= index {
        form.compare.resize(index + 1, String::new());
    }
    form.compare[index] = text;
    while form.compare.last().is_some_and(|t| t.is_empty()) {
        form.compare.pop();
    }
}

/// The comparison fields and table.
#[component]
pub fn Compare() -> impl IntoView {
    let Calculator { form, result } = Calculator::from_context();
    let fields = (0..MAX_COMPARE)
        .map(|i| {
            let value = Signal::derive(move || form.with(|f| f.compare.get(i).cloned().unwrap_or_default()));
            let set = Callback::new(move |text: String| form.update(|f| set_compare(f, i, text)));
            let error = Signal::derive(move || result.with(|r| r.error(Field::Compare(i))));
            view! { <TextField id=IDS[i] label=LABELS[i] placeholder="99.99" inputmode="decimal" value on_input=set error /> }
        })
        .collect_view();
    let columns = move || {
        result.with(|r| {
            r.compare
                .iter()
                .flatten()
                .filter_map(|c| c.as_ref().ok())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let has_events = move || result.with(|r| r.events.as_ref().is_some_and(|e| e.is_ok()));
    view! {
        <section class="card" aria-labelledby="compare-title">
            <h2 id="compare-title">"Compare targets"</h2>
            <div class="compare-fields">{fields}</div>
            <div class="table-scroll">
                <table id="compare-table">
                    <thead>
                        <tr>
                            <th scope="col">"Target"</th>
                            {move || columns().into_iter().map(|c| view! { <th scope="col" class="num">{format!("{} %", c.facts.target)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">"Nines"</th>
                            {move || columns().into_iter().map(|c| view! { <td class="num">{c.facts.nines}</td> }).collect_view()}
                        </tr>
                        <tr>
                            <th scope="row">"Allowed downtime"</th>
                            {move || columns().into_iter().map(|c| view! { <td class="num strong">{c.downtime.describe(|d| d.to_string())}</td> }).collect_view()}
                        </tr>
                        <Show when=has_events>
                            <tr>
                                <th scope="row">"Allowed bad events"</th>
                                {move || columns().into_iter().map(|c| view! {
                                    <td class="num">{c.allowed_bad_events.map(|e| e.describe(|n| group_thousands(&n.to_string())))}</td>
                                }).collect_view()}
                            </tr>
                        </Show>
                        <tr>
                            <th scope="row">"Bad events, as 1 in N"</th>
                            {move || columns().into_iter().map(|c| view! { <td class="num">{c.facts.one_in}</td> }).collect_view()}
                        </tr>
                        <tr>
                            <th scope="row">"Budget vs the first"</th>
                            {move || columns().into_iter().map(|c| view! {
                                <td class="num">{c.budget_ratio_to_first.map(|r| format!("{r}x smaller")).unwrap_or_else(|| "-".into())}</td>
                            }).collect_view()}
                        </tr>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
