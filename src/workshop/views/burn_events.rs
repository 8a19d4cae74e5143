//! The run's events, each with a button that zooms the charts to it (a
//! 30-minute incident is a hair's width on a 30-day chart), and the line
//! that says what the charts show while zoomed.

use crate::glossary::Word;
use leptos::prelude::*;
use slo_core::burn::BurnReport;
use slo_core::glossary::Term;
use slo_core::model::kind::Kind;

use super::burn_results::percent;

/// The event the charts are zoomed to: its name and the stretch shown
/// (seconds from the period's start); `None` for the whole period.
pub type Zoom = RwSignal<Option<(String, (u64, u64))>>;

/// What a zoom to an event shows: the event with as long again before and
/// after it (at least ten minutes each side).
fn zoom_span((start, end): (u64, u64)) -> (u64, u64) {
    let margin = end.saturating_sub(start).max(600);
    (start.saturating_sub(margin), end.saturating_add(margin))
}

/// Keeps a zoom on its event after a run: the stretch around the event of
/// that name as it now is, or the whole period when no event has it.
pub fn follow(zoom: Zoom, report: &BurnReport) {
    let Some(name) = zoom.with_untracked(|z| z.as_ref().map(|(name, _)| name.clone())) else {
        return;
    };
    let now = report
        .events
        .iter()
        .find(|e| e.name == name)
        .map(|e| (name, zoom_span(e.seconds)));
    if zoom.with_untracked(|z| *z != now) {
        zoom.set(now);
    }
}

/// "The charts show Database outage and around it", with the way back.
pub fn zoomed(zoom: Zoom) -> impl IntoView {
    move || {
        zoom.get().map(|(name, _)| {
            view! {
                <p class="hint" id="zoomed">{format!("The charts show {name} and as long again around it. ")}
                    <button type="button" class="edit" id="zoom-out" on:click=move |_| zoom.set(None)>"Show the whole period"</button>
                </p>
            }
        })
    }
}

/// The events of the run, each with the button that zooms the charts to it.
pub fn events(r: &BurnReport, zoom: Zoom) -> impl IntoView {
    let rows = r
        .events
        .iter()
        .map(|e| {
            let (name, seconds) = (e.name.clone(), e.seconds);
            let label = format!("Zoom the charts to {}", e.name);
            let priority = e.priority.as_ref().map(|p| {
                format!(
                    "{} (by budget left {}, by depletion speed {})",
                    p.priority.label(),
                    p.by_budget_left.label(),
                    p.by_velocity.label()
                )
            });
            let alert = match e.alerted {
                Some(true) => "alerted",
                Some(false) => "no alert fired",
                None => "planned",
            };
            view! {
                <tr class:unalerted=e.alerted == Some(false)>
                    <th scope="row">{e.name.clone()}</th>
                    <td>{e.kind}</td>
                    <td>{e.start.clone()}</td>
                    <td>{e.duration.clone()}</td>
                    <td class="num">{percent(e.spent_percent)}</td>
                    <td class="num">{format!("{:.1} %/h", e.depletion_percent_per_hour)}</td>
                    <td class="num">{percent(e.budget_left_after_percent)}</td>
                    <td>{priority.unwrap_or_default()}</td>
                    <td>{alert}</td>
                    <td><button type="button" class="edit" aria-label=label
                        on:click=move |_| zoom.set(Some((name.clone(), zoom_span(seconds))))>"Zoom to"</button></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="events-table" id="scenario-events">
            <caption>"Events: budget spent, " <Word term=Term::DepletionSpeed /> " and " <Word term=Term::IncidentPriority text="priority" /></caption>
            <thead><tr>
                <th scope="col">"Event"</th><th scope="col">"Kind"</th><th scope="col">"Starts"</th><th scope="col">"Lasts"</th>
                <th scope="col" class="num">"Spent"</th><th scope="col" class="num">"Speed"</th><th scope="col" class="num">"Left after"</th>
                <th scope="col">"Priority"</th><th scope="col">"Alert"</th><th scope="col">"Charts"</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
