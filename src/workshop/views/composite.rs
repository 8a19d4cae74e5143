//! A service's composite availability (with its bounds) and how each of its
//! SLOs' budgets divides among its dependencies, from the model's report.

use leptos::prelude::*;
use slo_core::dependency::{percent_text, PERCENT_DECIMALS, PERCENT_ROUNDING};
use slo_core::report::dependency_rows::share_figures;
use slo_core::report::ServiceReport;
use slo_core::ExactDuration;

/// The composite availability of service `index`: the estimate and its bounds.
#[component]
pub fn CompositeFigures(
    /// The reports of every service.
    reports: Memo<Vec<ServiceReport>>,
    /// The service's index.
    index: usize,
) -> impl IntoView {
    let i = index;
    move || {
        reports.with(|r| {
            let report = r.get(i)?;
            let c = report.composite.as_ref()?;
            let b = c.availability;
            let soft = if c.soft.is_empty() { String::new() } else { format!("Soft, not in the product: {}.", c.soft.join(", ")) };
            // Without dependencies (soft ones included) there is nothing to
            // bound: one figure, said plainly.
            if c.factors.len() <= 1 && c.soft.is_empty() {
                let own = percent_text(b.independent, PERCENT_DECIMALS);
                return Some(view! {
                    <p class="hint composite-alone">{format!("No dependencies yet: the service can reach only its own availability, {own} %. Add what it depends on below.")}</p>
                }.into_any());
            }
            Some(view! {
                <table class="composite">
                    <tbody>
                        <tr><th scope="row">"Independent failures (the estimate)"</th><td class="num strong figure-cell">{format!("{} %", percent_text(b.independent, PERCENT_DECIMALS))}</td></tr>
                        <tr><th scope="row">"Worst case (failures never overlap)"</th><td class="num">{format!("{} %", percent_text(b.pessimistic, PERCENT_DECIMALS))}</td></tr>
                        <tr><th scope="row">"Best case (only the weakest part fails)"</th><td class="num">{format!("{} %", percent_text(b.optimistic, PERCENT_DECIMALS))}</td></tr>
                    </tbody>
                </table>
                <p class="hint">{format!("Rounded: {PERCENT_ROUNDING}. ")}{soft}</p>
            }.into_any())
        })
    }
}

/// One table per SLO of service `index`: each dependency's share of the budget.
#[component]
pub fn AllocationTables(
    /// The reports of every service.
    reports: Memo<Vec<ServiceReport>>,
    /// The service's index.
    index: usize,
) -> impl IntoView {
    let i = index;
    move || {
        reports.with(|r| {
            r.get(i)
                .map(|report| {
                    report
                        .allocations
                        .iter()
                        .map(|a| {
                            let rows = a
                                .allocation
                                .dependencies
                                .iter()
                                .chain([&a.allocation.left])
                                .zip(&a.seconds_per_window)
                                .map(|(share, seconds)| {
                                    let (unavailability, availability) = share_figures(share, share.name == a.allocation.left.name);
                                    view! {
                                        <tr class:left=share.name == a.allocation.left.name class:over=share.fraction.is_sign_negative()>
                                            <th scope="row">{share.name.clone()}</th>
                                            <td class="num">{unavailability}</td>
                                            <td class="num">{availability}</td>
                                            <td class="num">{ExactDuration::from_seconds(*seconds).map(|d| d.to_string()).unwrap_or_default()}</td>
                                            <td class="num strong">{format!("{} %", share.budget_percent)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view();
                            view! {
                                <table class="allocation">
                                    <caption>{format!("Budget of the {} % SLO over {} (time per window: of the shortest window, {}; {})", a.target_percent, a.window, slo_core::dependency::TIME_ROUNDING, PERCENT_ROUNDING)}</caption>
                                    <thead><tr><th scope="col">"Spent by"</th><th scope="col" class="num">"Unavailability"</th><th scope="col" class="num">"Availability (k of n: the group's)"</th><th scope="col" class="num">"Time per window"</th><th scope="col" class="num">"Share of the budget"</th></tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            }
                        })
                        .collect_view()
                })
        })
    }
}
