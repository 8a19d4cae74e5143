//! The signed document's dependency analysis: each service's composite and
//! its bounds, the share of each availability SLO's budget its dependencies
//! take, and the SLOs above their ceiling (`core::report::dependency_rows`,
//! which the Markdown export writes too).

use leptos::prelude::*;
use slo_core::dependency::PERCENT_ROUNDING;
use slo_core::report::dependency_rows::{BudgetShareRow, DependencyAnalysis};

use crate::workshop::fold::Folded;

/// Above this many rows the budget shares are folded, drawn once opened: a
/// 500-service platform has about 12,000, more than a page lays out at once.
const SHARES_FOLD_ABOVE: usize = 200;

/// The budget shares' table.
fn shares_table(rows: Vec<BudgetShareRow>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr><td>{r.slo}</td><td>{r.spent_by}</td><td class="num">{r.unavailability}</td>
                    <td class="num">{r.availability}</td><td class="num strong">{r.budget_share}</td></tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table id="doc-budget-shares">
                <caption>"Each availability SLO's error budget, as its dependencies spend it"</caption>
                <thead><tr>
                    <th scope="col">"SLO"</th><th scope="col">"Spent by"</th><th scope="col" class="num">"Unavailability"</th>
                    <th scope="col" class="num">"Availability"</th><th scope="col" class="num">"Share of the budget"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The analysis as the document's section (the budget shares folded when
/// long, `shares_open` keeping them open across redraws); nothing when no
/// service has dependencies.
pub fn analysis_section(
    a: &DependencyAnalysis,
    shares_open: RwSignal<bool>,
) -> Option<impl IntoView> {
    if a.composites.is_empty() {
        return None;
    }
    let composites = a
        .composites
        .iter()
        .cloned()
        .map(|r| {
            view! {
                <tr><td>{r.service}</td><td class="num">{r.own}</td><td class="num strong">{r.estimate}</td>
                    <td class="num">{r.bounds}</td><td>{r.soft}</td></tr>
            }
        })
        .collect_view();
    let shares = if a.shares.len() > SHARES_FOLD_ABOVE {
        let rows = a.shares.clone();
        let summary = format!("Show the {} budget shares", a.shares.len());
        let content = move || shares_table(rows.clone());
        view! { <Folded id="doc-shares-folded" summary open=shares_open content=ViewFn::from(content) /> }.into_any()
    } else {
        shares_table(a.shares.clone()).into_any()
    };
    let above = (!a.above_ceiling.is_empty()).then(|| {
        view! {
            <p class="warning" id="doc-above-ceiling">{format!(
                "{} SLO(s) above the ceiling their dependencies allow, marked in the SLI/SLO table: the service cannot meet them unless its dependencies do better than they promise.",
                a.above_ceiling.len()
            )}</p>
        }
    });
    Some(view! {
        <h3>"Dependencies"</h3>
        <p class="hint">{format!("Independent failures give the estimate, the ceiling of the service's SLOs; failures that never overlap and the weakest part bound it. Rounded: {PERCENT_ROUNDING}.")}</p>
        {above}
        <div class="table-scroll">
            <table id="doc-composites">
                <thead><tr>
                    <th scope="col">"Service"</th><th scope="col" class="num">"Own availability"</th>
                    <th scope="col" class="num">"With its dependencies (the ceiling)"</th>
                    <th scope="col" class="num">"Bounds (no overlap to weakest part)"</th><th scope="col">"Soft, not counted"</th>
                </tr></thead>
                <tbody>{composites}</tbody>
            </table>
        </div>
        {shares}
    })
}
