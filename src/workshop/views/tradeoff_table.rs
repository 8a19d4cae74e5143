//! The trade-off table as the page shows it: one row per candidate, every
//! figure rounded by its rule (`slo_core::tradeoff::report`, as
//! `slo tradeoffs` prints it), the chart, "Choose" per row, the past
//! periods judged and each incident's spend.

use std::sync::Arc;

use leptos::prelude::*;
use slo_core::model::location::SloAt;
use slo_core::problem::Problem;
use slo_core::record::RowProblem;
use slo_core::tradeoff::report::{tradeoff_report, RowReport, TradeoffReport};
use slo_core::tradeoff::table::Table;
use slo_core::tradeoff::words::{achieved_text, choose};

use crate::workshop::fold::Folded;
use crate::workshop::state::Workshop;
use crate::workshop::views::tradeoff_results::{Record, Shared};

/// The most past periods and incidents listed (the most recent); the
/// table's figures count them all.
const MOST_LISTED: usize = 120;

/// The problems that stop the table.
pub fn problems_view(problems: &[Problem]) -> impl IntoView {
    let lines = problems
        .iter()
        .map(|p| view! { <p class="error">{p.message.clone()}</p> })
        .collect_view();
    view! { <div id="tradeoff-problems">{lines}</div> }
}

/// Rows a reader left out, each with its line and why (`None` when none).
pub fn row_problems(
    id: &'static str,
    title: &'static str,
    left_out: &[RowProblem],
) -> Option<impl IntoView> {
    if left_out.is_empty() {
        return None;
    }
    let items = left_out
        .iter()
        .map(|p| view! { <li>{p.to_string()}</li> })
        .collect_view();
    Some(view! {
        <div class="warning" id=id role="status">
            <p>{format!("{title} ({}), the other rows are kept:", left_out.len())}</p>
            <ul>{items}</ul>
        </div>
    })
}

/// The table, or what stops it.
#[component]
pub fn TableView(
    /// The workshop (a choice is an edit of its model).
    workshop: Workshop,
    /// The SLO weighed.
    slo: Memo<Option<SloAt>>,
    /// The record read.
    record: Memo<Option<Shared<Record>>>,
    /// The table.
    table: Memo<Option<Shared<Table>>>,
    /// The window the candidates are judged by ("" for the SLO's own).
    judge_by: RwSignal<String>,
) -> impl IntoView {
    let pick = move |i: usize| {
        let (Some(at), Some(table)) = (slo.get_untracked(), table.get_untracked()) else {
            return;
        };
        let Some(row) = table.0.rows.get(i) else {
            return;
        };
        workshop.apply(|m| {
            if let Some(chosen) = choose(m, &table.0, at, row) {
                *m = chosen;
            }
        });
        workshop.notice.set(Some(Ok(format!(
            "The SLO's target is now {} %; the chosen row's figures are in its rationale (Undo takes both back).",
            row.target
        ))));
    };
    // Which folded lists are open: kept while the table is drawn again.
    let open = [
        RwSignal::new(false),
        RwSignal::new(false),
        RwSignal::new(false),
    ];
    let body = move || {
        let Some(record) = record.get() else {
            return ().into_any();
        };
        if let Err(problems) = &record.0.prepared {
            return problems_view(problems).into_any();
        }
        let Some(table) = table.get() else {
            return ().into_any();
        };
        let report = Arc::new(tradeoff_report(&table.0, &record.0.saved.incidents));
        let chart = slo_charts::tradeoff_chart(&table.0).unwrap_or_default();
        view! {
            {candidates(&report, pick)}
            {summary(&report, &table.0)}
            <div class="chart" id="tradeoff-chart" inner_html=chart></div>
            {false_alarms(&report, open[0])}
            {periods(table, open[1])}
            {incidents(report, open[2])}
        }
        .into_any()
    };
    view! { {judge_by_field(judge_by)} {body} }
}

/// Which window the candidates are judged by: the SLO's own, or another
/// the room wants to compare (calendar months), without editing the SLO.
fn judge_by_field(judge_by: RwSignal<String>) -> impl IntoView {
    let options = [
        ("", "the SLO's own window"),
        ("month", "calendar months"),
        ("quarter", "calendar quarters"),
        ("week", "calendar weeks"),
        ("30d", "rolling 30 days"),
        ("28d", "rolling 28 days"),
    ];
    view! {
        <div class="field">
            <label for="judge-by">"Judge the candidates by"</label>
            <select id="judge-by" on:change=move |ev| judge_by.set(event_target_value(&ev))>
                {options.into_iter().map(|(value, label)| view! { <option value=value selected=move || judge_by.with(|j| j == value)>{label}</option> }).collect_view()}
            </select>
            <p class="hint">"Only this table changes: the SLO keeps its own window."</p>
        </div>
    }
}

/// The candidates side by side, each with its "Choose" button.
fn candidates(
    report: &TradeoffReport,
    pick: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let rows = report
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let dash = |t: &Option<String>| t.clone().unwrap_or_else(|| "-".into());
            let label = format!("Choose {} %", r.target);
            view! {
                <tr class:current=r.current class:unreachable=!r.reachable>
                    <th scope="row">{format!("{} %", r.target)}{r.current.then_some(" (now)")}</th>
                    <td><button type="button" class="edit" id=format!("choose-{i}") aria-label=label disabled=r.current
                        on:click=move |_| pick(i)>"Choose"</button></td>
                    <td>{dash(&r.downtime)}</td>
                    <td class="num">{dash(&r.bad_events)}</td>
                    <td class="num">{r.typical_incidents.map_or("-".into(), |n| n.to_string())}</td>
                    <td class="num">{dash(&r.chance)}</td>
                    <td class="num">{format!("{} of {}", r.periods_met, r.periods)}</td>
                    <td class="num" class:warning=r.too_many_pages>{r.pages_per_week.clone()}</td>
                    <td class="num">{r.tickets_per_week.clone()}</td>
                    <td class="num">{r.freeze_days_per_quarter.clone()}</td>
                </tr>
                {notes(r).map(|n| view! { <tr class="lint"><td colspan="10" class="warning">{n}</td></tr> })}
            }
        })
        .collect_view();
    let typical = match &report.typical_restore {
        Some(restore) => format!(" Typical incidents that fit: how many incidents of the median time to restore ({restore}) the allowed downtime holds."),
        None => String::new(),
    };
    let same_freeze = report.same_freeze_days_per_quarter.as_ref().map(|days| {
        view! { <p class="hint" id="same-freeze">{format!(
            "Every candidate freezes releases {days} days a quarter: the team's past incidents spend the budget past the policy's freeze threshold in the same periods under each of these targets, so the freeze does not tell them apart."
        )}</p> }
    });
    view! {
        <p class="hint narrow-only" id="tradeoff-scroll-hint">"The table is wider than this screen: swipe it sideways for every column."</p>
        <table class="tradeoff-table" id="tradeoff-table">
            <caption>{format!("Candidate targets per {} period, lowest first. Rounded: {}.{typical}", report.window, report.rounding)}</caption>
            <thead><tr>
                <th scope="col">"Target"</th><th scope="col">"Choose"</th><th scope="col">"Allowed downtime"</th><th scope="col" class="num">"Allowed bad events"</th>
                <th scope="col" class="num">"Typical incidents that fit"</th><th scope="col" class="num">"Chance of meeting"</th>
                <th scope="col" class="num">"Past periods met"</th>
                <th scope="col" class="num">"Pages a week"</th><th scope="col" class="num">"Tickets a week"</th>
                <th scope="col" class="num">"Freeze days a quarter"</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {same_freeze}
    }
}

/// What a row warns of: unreachable, above the historical best, too many pages.
fn notes(r: &RowReport) -> Option<String> {
    let mut notes = Vec::new();
    if !r.reachable {
        notes.push("unreachable: above what the dependencies allow");
    }
    if r.above_best {
        notes.push("above the best the record ever reached: no past period met it");
    }
    if r.too_many_pages {
        notes.push("more pages than on-call can sustain (fewer than 2 a week, SRE Workbook)");
    }
    (!notes.is_empty()).then(|| format!("{} %: {}.", r.target, notes.join("; ")))
}

/// The record, the ceiling, the historical best and the risk model used.
fn summary(report: &TradeoffReport, table: &Table) -> impl IntoView {
    let rolling = matches!(
        report.window.parse::<slo_core::Window>(),
        Ok(slo_core::Window::Rolling { .. })
    );
    let overlap = if rolling {
        "; a rolling window's periods end on each day of the record, so they overlap"
    } else {
        ""
    };
    let mut lines = vec![format!(
        "Judged on {} past periods ({} to {}{overlap}), by {}.",
        report.periods.len(),
        report.span.0,
        report.span.1,
        if report.basis == "time" {
            "the incidents' bad time"
        } else {
            "the series' bad events"
        }
    )];
    // The achieved SLI of a period does not depend on the target: one worst period for every row.
    if let Some(worst) = report.rows.first().and_then(|r| r.worst.as_ref()) {
        lines.push(format!("Worst period: {worst}."));
    }
    if let Some(best) = &report.historical_best_percent {
        lines.push(format!("Historical best: {best} %."));
    }
    if let Some(ceiling) = &report.ceiling_percent {
        lines.push(format!("Dependency ceiling: {ceiling} %."));
    }
    let source = match (&table.risk, &table.fit) {
        (Some(risk), Ok(fit)) if *risk == fit.model => "the risk model fitted to the incidents",
        (Some(_), _) => "the risk model as edited",
        (None, _) => "no risk model (no chances)",
    };
    lines.push(format!(
        "Chances from {source}; pages, tickets and freezes from the model's alert rules and policy replayed on the record (a page counts as a false alarm when the period it fired in ended with more than half its budget unspent)."
    ));
    view! { <p class="hint" id="tradeoff-summary">{lines.join(" ")}</p> }
}

/// Each candidate's false alarms, folded away.
fn false_alarms(report: &TradeoffReport, open: RwSignal<bool>) -> Option<impl IntoView> {
    let items: Vec<String> = report
        .rows
        .iter()
        .flat_map(|r| {
            r.false_alarms
                .iter()
                .map(move |a| format!("{} %: {a}", r.target))
        })
        .collect();
    (!items.is_empty()).then(|| {
        let summary = format!("Pages that were false alarms, per candidate target ({} in all)", items.len());
        let content = move || view! { <ul>{items.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul> };
        view! { <Folded id="false-alarms" summary open content=ViewFn::from(content) /> }
    })
}

/// The past periods: the achieved SLI and, per candidate, met or not.
fn periods(table: Shared<Table>, open: RwSignal<bool>) -> Option<impl IntoView> {
    let count = table.0.rows.first()?.achieved.periods.len();
    let summary = match count.saturating_sub(MOST_LISTED) {
        0 => "Past periods: achieved SLI (truncated) and each candidate met or missed".to_string(),
        _ => format!("The most recent {MOST_LISTED} past periods of {count}"),
    };
    let content = move || periods_table(&table.0);
    Some(view! { <Folded id="past-periods" summary open content=ViewFn::from(content) /> })
}

fn periods_table(table: &Table) -> impl IntoView {
    let Some(first) = table.rows.first() else {
        return ().into_any();
    };
    let shown = first.achieved.periods.len().saturating_sub(MOST_LISTED);
    let heads = table
        .rows
        .iter()
        .map(|r| view! { <th scope="col">{format!("{} %", r.target)}</th> })
        .collect_view();
    let lines = (shown..first.achieved.periods.len())
        .map(|p| {
            let period = &first.achieved.periods[p];
            let cells = table
                .rows
                .iter()
                .map(|r| {
                    let met = r.achieved.periods.get(p).is_some_and(|o| o.met);
                    view! { <td class:missed=!met>{if met { "met" } else { "missed" }}</td> }
                })
                .collect_view();
            let achieved = period.achieved.map_or("no data".into(), |a| format!("{} %", achieved_text(a)));
            view! { <tr><th scope="row">{period.label.clone()}</th><td class="num">{achieved}</td>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="events-table">
            <thead><tr><th scope="col">"Period"</th><th scope="col" class="num">"Achieved"</th>{heads}</tr></thead>
            <tbody>{lines}</tbody>
        </table>
    }
    .into_any()
}

/// The incidents and the budget each would have spent per candidate.
fn incidents(report: Arc<TradeoffReport>, open: RwSignal<bool>) -> Option<impl IntoView> {
    if report.incidents.is_empty() {
        return None;
    }
    let summary = format!(
        "Budget each incident would have spent, percent of its period's (one decimal), {} incidents",
        report.incidents.len()
    );
    let content = move || incidents_table(&report);
    Some(view! { <Folded id="incident-spend" summary open content=ViewFn::from(content) /> })
}

fn incidents_table(report: &TradeoffReport) -> impl IntoView {
    let shown = report.incidents.len().saturating_sub(MOST_LISTED);
    let heads = report
        .rows
        .iter()
        .map(|r| view! { <th scope="col" class="num">{format!("{} %", r.target)}</th> })
        .collect_view();
    let lines = (shown..report.incidents.len())
        .map(|i| {
            let incident = &report.incidents[i];
            let spend = report
                .rows
                .iter()
                .map(|r| {
                    let spent = r.incident_spend_percent.get(i).cloned().flatten();
                    view! { <td class="num">{spent.map_or("-".into(), |s| format!("{s} %"))}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{format!("line {}", incident.line)}</th>
                    <td>{incident.start.clone()}</td><td>{incident.duration.clone()}</td>
                    <td class="num">{format!("{} %", incident.affected_percent)}</td><td>{incident.cause.clone()}</td>
                    {spend}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="events-table">
            <thead><tr><th scope="col">"Incident"</th><th scope="col">"Started"</th><th scope="col">"Lasted"</th>
                <th scope="col" class="num">"Affected"</th><th scope="col">"Cause"</th>{heads}</tr></thead>
            <tbody>{lines}</tbody>
        </table>
    }
}
