//! What a scenario run shows: the figures, the two charts, the events, the
//! alert table with its firings, and the policy timeline. Everything comes
//! from `slo_core::burn` (the same report `slo simulate --json` prints).

use leptos::prelude::*;
use slo_core::glossary::Term;

use crate::glossary::Word;
use crate::workshop::editors::alert_rules::AlertRulesEditor;
use crate::workshop::views::burn_words::budget_line;
use rust_decimal::Decimal;
use slo_core::alerting::{at_error_ratio, parse_error_ratio};
use slo_core::burn::{run, Burn, BurnReport};
use slo_core::model::alert_rule::Notify;
use slo_core::model::location::ScenarioAt;
use slo_core::model::Model;
use slo_core::problem::Problem;
use slo_core::read::alert_rule::AlertRule;
use slo_core::Target;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::browser::{self, IntlZones};
use crate::workshop::state::ModelReader;
use crate::workshop::views::burn_events::{events, follow, zoomed, Zoom};

/// Where the error ratio to analyse is kept between visits.
const RATIO_KEY: &str = "slo-planner.burn.error-ratio";

/// A scenario run, ready to show: the report, and the run the charts are
/// drawn from (again only when the zoom changes).
#[derive(Clone, Debug)]
pub struct BurnView {
    /// The report.
    pub report: BurnReport,
    /// The run: its simulation and rules, for the charts.
    pub burn: Arc<Burn>,
    /// The Monte Carlo histogram, if the scenario has a risk model.
    pub risk_svg: Option<String>,
    /// The rules evaluated, for the per-rule analysis.
    pub rules: Vec<AlertRule>,
    /// The SLO's target.
    pub target: Target,
    /// The SLO's period, seconds.
    pub period_seconds: u64,
}

impl PartialEq for BurnView {
    /// The same figures from the same simulation: an edit elsewhere in the
    /// model that runs the scenario again to the same result changes nothing shown.
    fn eq(&self, other: &Self) -> bool {
        self.report == other.report
            && self.risk_svg == other.risk_svg
            && self.rules == other.rules
            && self.target == other.target
            && self.period_seconds == other.period_seconds
            && self.burn.simulation == other.burn.simulation
    }
}

/// Runs the scenario at `at` of `model`, or the problems that stop it.
pub fn burn_view(model: &Model, at: ScenarioAt) -> Result<BurnView, Vec<Problem>> {
    let name = at
        .find(model)
        .map(|(_, _, s)| s.name.clone())
        .unwrap_or_default();
    let burn = run(model, at, &IntlZones)?;
    Ok(BurnView {
        risk_svg: burn
            .risk
            .as_ref()
            .and_then(|r| slo_charts::risk_chart(&r.base).ok()),
        report: burn.report(&name, at),
        rules: burn.rules.clone(),
        target: burn.simulation.spec.target,
        period_seconds: burn.simulation.spec.period_seconds,
        burn: Arc::new(burn),
    })
}

/// The two charts' SVG (budget left, burn rate against each rule), over
/// the stretch `zoom` (seconds from the period's start) or the whole period.
fn charts(view: &BurnView, zoom: Option<(u64, u64)>) -> Result<(String, String), String> {
    let burn = view.burn.as_ref();
    let drawn = |e: String| format!("the chart cannot be drawn: {e}");
    Ok((
        slo_charts::budget_chart_in(burn, zoom).map_err(drawn)?,
        slo_charts::burn_rate_chart_in(burn, zoom).map_err(drawn)?,
    ))
}

/// A simulated share, one decimal: "42.5 %".
pub(super) fn percent(x: f64) -> String {
    format!("{x:.1} %")
}

fn figures(r: &BurnReport) -> impl IntoView {
    let exhausted = r
        .exhausted_at
        .clone()
        .unwrap_or_else(|| "not in this period".into());
    let depletion = match (
        r.average_depletion_percent_per_hour,
        r.highest_depletion_percent_per_hour,
    ) {
        (Some(a), Some(h)) => format!("{a:.1} %/h average, {h:.1} %/h highest"),
        _ => "no incidents".into(),
    };
    view! {
        <dl class="figures burn-figures">
            <div><dt>"Budget left at the end"</dt><dd class="big" id="budget-left" class:debt=r.budget_left_percent < 0.0>{percent(r.budget_left_percent)}</dd></div>
            <div><dt>"Budget exhausted"</dt><dd id="exhausted-at">{exhausted}</dd></div>
            <div><dt><Word term=Term::TimeToRestore text="Mean time to restore (MTTR)" /></dt><dd>{r.mttr.clone().unwrap_or_else(|| "no incidents".into())}</dd></div>
            <div><dt>"Downtime"</dt><dd>{r.downtime.clone()}</dd></div>
            <div><dt><Word term=Term::DepletionSpeed text="Depletion speed" /></dt><dd>{depletion}</dd></div>
        </dl>
        <p class="hint" id="burn-budget">{budget_line(r)}</p>
    }
}

/// Detection and reset time of each rule for an incident at `ratio` (a fraction), as text.
fn at_ratio(b: &BurnView, ratio: Option<Decimal>) -> Vec<(String, String)> {
    let text = |d: Option<slo_core::ExactDuration>| {
        d.map_or("does not fire".to_string(), |d| d.to_string())
    };
    match ratio {
        None => vec![("-".into(), "-".into()); b.rules.len()],
        Some(ratio) => at_error_ratio(&b.rules, &b.target, b.period_seconds, ratio)
            .into_iter()
            .map(|t| (text(t.detection), text(t.reset)))
            .collect(),
    }
}

fn alerts(b: &BurnView, ratio: Option<Decimal>) -> impl IntoView {
    let r = &b.report;
    let analysis = at_ratio(b, ratio);
    let table = r
        .alert_table
        .iter()
        .zip(analysis)
        .map(|(f, (detects, resets))| {
            let fired: Vec<String> = r
                .firings
                .iter()
                .filter(|x| x.rule == f.name)
                .map(|x| {
                    let reset = x.reset_at.as_deref().map(|t| format!(", reset {t}")).unwrap_or_default();
                    format!("{} ({} % spent{reset})", x.at, x.spent_percent)
                })
                .collect();
            let notify = if f.notify == Notify::Page { "page" } else { "ticket" };
            view! {
                <tr>
                    <th scope="row">{f.name.clone()}</th>
                    <td>{notify}</td>
                    <td>{format!("{} / {}", f.long_window, f.short_window.clone().unwrap_or_else(|| "-".into()))}</td>
                    <td class="num">{f.burn_rate.to_string()}</td>
                    <td class="num">{format!("{} %", f.error_ratio_percent)}</td>
                    <td class="num">{format!("{} %", f.budget_consumed_percent)}</td>
                    <td>{f.time_to_exhaustion.clone()}</td>
                    <td>{f.detection_full_outage.clone().unwrap_or_else(|| "never".into())}</td>
                    <td>{detects}</td>
                    <td>{resets}</td>
                    <td class="firings">{if fired.is_empty() { "did not fire".to_string() } else { fired.join("; ") }}</td>
                </tr>
                {f.lints.iter().map(|l| view! { <tr class="lint"><td colspan="11" class="warning">{l.clone()}</td></tr> }).collect_view()}
            }
        })
        .collect_view();
    let unalerted = (!r.unalerted_incidents.is_empty()).then(|| {
        view! { <p class="warning" id="unalerted">{format!("Spent budget without any alert: {}.", r.unalerted_incidents.join(", "))}</p> }
    });
    let none = r.alert_table.is_empty().then(|| {
        view! { <p class="warning" id="no-alert-rules">"The model has no alert rules, so nothing below can fire: add the SRE Workbook's three rules or your own under \"Alert rules\" on this page."</p> }
    });
    view! {
        {none}
        <table class="alert-table" id="alert-table">
            <caption>{format!("Alert rules for this SLO: thresholds rescale with the period. Rounded: {}.", slo_core::alerting::ROUNDING_RULE)}</caption>
            <thead><tr>
                <th scope="col">"Rule"</th><th scope="col">"Notifies: " <Word term=Term::Page /> " or " <Word term=Term::Ticket /></th><th scope="col">"Windows"</th><th scope="col" class="num"><Word term=Term::BurnRate text="Burn rate" /></th>
                <th scope="col" class="num"><Word term=Term::ErrorRatio text="Error ratio" />" at firing"</th><th scope="col" class="num">"Budget at firing"</th><th scope="col">"Exhausts in"</th>
                <th scope="col">"Detects a full outage in"</th><th scope="col">"Detects the analysed incident in"</th>
                <th scope="col">"Stops firing after it ends"</th><th scope="col">"In this scenario"</th>
            </tr></thead>
            <tbody>{table}</tbody>
        </table>
        {unalerted}
    }
}

fn timeline(r: &BurnReport) -> impl IntoView {
    let items = r
        .triggered
        .iter()
        .map(|t| {
            let follows = if t.consequences.is_empty() { "no clause sets anything off".to_string() } else { t.consequences.join("; ") };
            view! { <li><strong>{format!("{} % spent on {}", t.spent_percent, t.at)}</strong>{format!(" ({}): {follows}", t.condition)}</li> }
        })
        .collect_view();
    let quiet = (!r.not_triggered.is_empty()).then(|| view! { <p class="hint">{format!("Conditions that never held in this scenario (by short name): {}.", r.not_triggered.join(", "))}</p> });
    let judged = r
        .not_simulated
        .iter()
        .map(|(id, why)| view! { <p class="hint">{format!("{id}: not simulated, {why}.")}</p> })
        .collect_view();
    view! {
        <ol class="timeline" id="policy-timeline">{items}</ol>
        {quiet}
        {judged}
    }
}

/// The results of one scenario run, or why it cannot run.
#[component]
pub fn BurnResults(
    /// The run.
    view: Run,
    /// The charts of the run, as zoomed.
    charts: Charts,
    /// The event the charts are zoomed to.
    zoom: Zoom,
) -> impl IntoView {
    let typed = RwSignal::new(browser::load_text(RATIO_KEY).unwrap_or_else(|| "5".into()));
    Effect::new(move |_| {
        typed.with(|t| {
            let _ = browser::save_text(RATIO_KEY, t);
        })
    });
    let ratio = Memo::new(move |_| typed.with(|t| parse_error_ratio(t)));
    let ratio_field = move || {
        view! {
            <div class="field">
                <label for="analysed-ratio">"Analyse an incident with this error ratio (%)"</label>
                <input id="analysed-ratio" type="text" autocomplete="off" prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev)) aria-describedby="analysed-ratio-problems" />
                <div class="problems" id="analysed-ratio-problems" role="status">
                    {move || ratio.get().err().map(|e| view! { <p class="error">{e}</p> })}
                </div>
            </div>
        }
    };
    move || {
        view.with(|v| match v {
            None => ().into_any(),
            Some(Err(problems)) => view! {
                <div class="card" id="burn-problems">
                    <h2>"This scenario cannot run yet"</h2>
                    {problems.iter().map(|p| view! { <p class="error">{p.to_string()}</p> }).collect_view()}
                </div>
            }
            .into_any(),
            Some(Ok(b)) => view! {
                <section class="card" id="burn-results">
                    <h2>"Budget over the period"</h2>
                    {figures(&b.report)}
                    {zoomed(zoom)}
                    {move || charts.with(|c| match c {
                        Some(Ok((budget, rates))) => view! {
                            <div class="chart" id="budget-chart" inner_html=budget.clone()></div>
                            <div class="chart" id="rate-chart" inner_html=rates.clone()></div>
                        }.into_any(),
                        Some(Err(why)) => view! { <p class="error" id="chart-problem">{why.clone()}</p> }.into_any(),
                        None => ().into_any(),
                    })}
                    {events(&b.report, zoom)}
                </section>
                <section class="card">
                    <h2>"Alerts"</h2>
                    {ratio_field()}
                    {move || view.with(|v| match v {
                        Some(Ok(b)) => Some(alerts(b, ratio.get().ok())),
                        _ => None,
                    })}
                </section>
                <section class="card">
                    <h2>"Policy timeline"</h2>
                    {timeline(&b.report)}
                </section>
            }
            .into_any(),
        })
    }
}

/// A scenario run, as the page holds it: the report, or what stops it.
pub type Run = Memo<Option<Result<BurnView, Vec<Problem>>>>;

/// The run's two charts as zoomed, or why they cannot be drawn.
pub type Charts = Memo<Option<Result<(String, String), String>>>;

/// The Burn page's heavy half: the run (simulation, Monte Carlo, charts) and
/// the views that show it. The page gets it after its editors are up, from a
/// chunk of its own (`#[lazy]`, split out by `scripts/build.sh`).
#[derive(Clone, Copy)]
pub struct BurnParts {
    /// The results cards: figures, charts, events, alerts, policy timeline.
    pub results: Callback<(), AnyView>,
    /// The Monte Carlo outcome, under the risk model's fields.
    pub risk: Callback<(), AnyView>,
    /// The alert rules' editor (shown after the first frame, so it comes
    /// with the chunk).
    pub alert_rules: Callback<(), AnyView>,
}

/// How the page gets its heavy half: the Burn page's binary passes its
/// `#[lazy]` function (a chunk of its own, split out by `scripts/build.sh`),
/// which calls [`burn_parts`]. The lazy function lives in the binary, since
/// an exported split point would pull the chunk's code into every page that
/// links this library.
pub type LoadBurnParts =
    fn(ModelReader, Memo<Option<ScenarioAt>>) -> Pin<Box<dyn Future<Output = BurnParts>>>;

/// Builds the run of the scenario `current` of `model` and its views.
pub fn burn_parts(model: ModelReader, current: Memo<Option<ScenarioAt>>) -> BurnParts {
    let zoom: Zoom = RwSignal::new(None);
    // Another scenario shows its whole period.
    Effect::new(move |_| {
        current.track();
        // Only a zoom in place is undone: setting it again would draw the
        // charts twice.
        if zoom.with_untracked(Option::is_some) {
            zoom.set(None);
        }
    });
    let view: Run = Memo::new(move |_| current.get().map(|at| model.with(|m| burn_view(m, at))));
    // An event edited (moved, longer, renamed away) takes its zoom along.
    Effect::new(move |_| {
        view.with(|v| {
            if let Some(Ok(b)) = v {
                follow(zoom, &b.report);
            }
        })
    });
    let charts: Charts = Memo::new(move |_| {
        let span = zoom.with(|z| z.as_ref().map(|(_, span)| *span));
        view.with(|v| match v {
            Some(Ok(b)) => Some(charts(b, span)),
            _ => None,
        })
    });
    BurnParts {
        results: Callback::new(move |()| view! { <BurnResults view charts zoom /> }.into_any()),
        risk: Callback::new(move |()| risk_outcome(view).into_any()),
        alert_rules: Callback::new(|()| view! { <AlertRulesEditor /> }.into_any()),
    }
}

fn chance(run: &slo_core::burn::risk::RiskRun) -> String {
    percent(run.meet_probability * 100.0)
}

/// The Monte Carlo outcome of the run, if the scenario has a risk model.
fn risk_outcome(view: Run) -> impl IntoView {
    move || {
        view.with(|v| {
            let b = v.as_ref()?.as_ref().ok()?;
            let r = b.report.risk.as_ref()?;
            Some(view! {
                <dl class="figures">
                    <div><dt>"Chance of meeting the SLO in a period"</dt><dd class="big" id="meet-probability">{chance(&r.base)}</dd></div>
                    <div><dt>"If time to restore halves"</dt><dd id="mttr-halved">{chance(&r.mttr_halved)}</dd></div>
                    <div><dt>"If incidents halve"</dt><dd id="incidents-halved">{chance(&r.incidents_halved)}</dd></div>
                    <div><dt>"Budget left: on average, and in a bad period (" <Word term=Term::Percentile text="p10" /> ")"</dt><dd>{format!("{}, {}", percent(r.base.mean_left_percent), percent(r.base.p10_left_percent))}</dd></div>
                </dl>
                <div class="chart" id="risk-chart" inner_html=b.risk_svg.clone().unwrap_or_default()></div>
                <p class="hint">
                    {format!("{} periods played out (", r.base.periods)} <Word term=Term::MonteCarlo /> "), seeded: the same model and seed give the same picture. Incidents arrive at random (a "
                    <Word term=Term::PoissonProcess /> "), last a " <Word term=Term::LogNormal /> " " <Word term=Term::TimeToRestore />
                    ", start anywhere in the period and add up when they overlap."
                </p>
            })
        })
    }
}
