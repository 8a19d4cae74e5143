//! Burn scenarios of a model, end to end: find a scenario, run it against its
//! SLO with the model's alert rules and policy, and report what happened
//! (the Burn page and `slo simulate` both show this).
//!
//! Its parts, in the order a run uses them: [`crate::read::scenario`] reads
//! a scenario into numbers, [`simulate`](mod@simulate) spends the budget step by step and
//! [`spend`] answers questions about it, [`alerts`] evaluates the alert rules
//! on it, [`policy`] runs the error budget policy, [`priority`] gives each
//! incident its priority, [`risk`] runs many periods (Monte Carlo), and
//! [`BurnReport`] is what the page and the CLI show. All are simulations in
//! `f64`; the budget they spend is exact.

pub mod alerts;
pub mod policy;
pub mod priority;
mod report;
pub mod risk;
pub mod simulate;
pub mod spend;

pub use report::{BurnReport, ClauseReport, EventReport, FiringReport};

use crate::alerting::{alert_table, RuleFigures};

use crate::burn::alerts::{run_alerts, AlertRun};
use crate::burn::policy::{run_policy, PolicyRun};
use crate::burn::priority::{prioritise, Prioritised};
use crate::burn::risk::{monte_carlo, RiskOutcome};
use crate::burn::simulate::{simulate, Simulation};
use crate::model::location::{every_slo, AlertRuleAt, Locate, ModelAt, ScenarioAt};
use crate::model::scenario::Scenario;
use crate::model::Model;
use crate::problem::{Collector, Problem};
use crate::quantity::duration::ExactDuration;
use crate::quantity::zone::ZoneResolver;
use crate::read::alert_rule::AlertRule;
use crate::read::slo::SloNumbers;

/// Every scenario of the model, in document order.
pub fn scenarios(model: &Model) -> Vec<(ScenarioAt, &Scenario)> {
    every_slo(model)
        .flat_map(|e| {
            e.slo
                .scenarios
                .iter()
                .enumerate()
                .map(move |(scenario, s)| (ScenarioAt(e.at, scenario), s))
        })
        .collect()
}

/// The model's alert rules that can be read (the others are reported by [`problems`]).
pub fn alert_rules(model: &Model) -> Vec<AlertRule> {
    model
        .alert_rules
        .iter()
        .filter_map(|r| r.rule().ok())
        .collect()
}

/// Problems of the alert rules and scenarios, with their paths in the model.
pub fn problems(model: &Model, zones: &dyn ZoneResolver) -> Vec<Problem> {
    let mut found = Collector::new();
    for (i, spec) in model.alert_rules.iter().enumerate() {
        let at = AlertRuleAt(ModelAt, i);
        if spec.name.trim().is_empty() {
            found.error(at.field("name"), "name the rule");
        }
        if let Err(problems) = spec.rule() {
            found.under(&at.path(), problems);
        }
    }
    let mut names: Vec<(String, ScenarioAt)> = Vec::new();
    for (at, scenario) in scenarios(model) {
        let key = scenario.name.trim().to_lowercase();
        if key.is_empty() {
            found.error(at.field("name"), "name the scenario");
        } else if let Some((_, first)) = names.iter().find(|(k, _)| *k == key) {
            found.error(
                at.field("name"),
                format!(
                    "scenario name \"{}\" is already used by {}",
                    scenario.name,
                    first.path()
                ),
            );
        } else {
            names.push((key, at));
        }
        let period = at
            .find(model)
            .and_then(|(sli, slo, _)| SloNumbers::of(sli, slo, zones).ok())
            .map(|spec| spec.period_seconds)
            .unwrap_or(0);
        if let Err(problems) = scenario.plan(period) {
            found.under(&at.path(), problems);
        }
    }
    found.into_problems()
}

/// A scenario, run.
#[derive(Clone, Debug)]
pub struct Burn {
    /// The simulation.
    pub simulation: Simulation,
    /// The rules evaluated.
    pub rules: Vec<AlertRule>,
    /// The alert table for this SLO's period.
    pub table: Vec<RuleFigures>,
    /// When each rule fired.
    pub alerts: AlertRun,
    /// The policy's course.
    pub policy: PolicyRun,
    /// Each event's priority (planned downtime has none).
    pub priorities: Vec<Option<Prioritised>>,
    /// The Monte Carlo outcome, if the scenario has a risk model.
    pub risk: Option<RiskOutcome>,
    /// The SLO's window as written ("month", "28d").
    pub window: String,
}

/// The shortest window of `rules` in whole seconds, which sets a
/// simulation's step ([`simulate::step_seconds`]); `None` without rules.
pub fn shortest_window(rules: &[AlertRule]) -> Option<u64> {
    rules
        .iter()
        .flat_map(|r| [Some(r.long_window), r.short_window])
        .flatten()
        .map(|d: ExactDuration| d.whole_seconds_up())
        .min()
}

/// Runs the scenario at `at` with the model's alert rules and policy; the
/// problems that stop it (with their paths) otherwise.
pub fn run(model: &Model, at: ScenarioAt, zones: &dyn ZoneResolver) -> Result<Burn, Vec<Problem>> {
    let (sli, slo, scenario) = at
        .find(model)
        .ok_or_else(|| vec![Problem::error(at.path(), "there is no scenario here")])?;
    let spec =
        SloNumbers::of(sli, slo, zones).map_err(|e| vec![Problem::error(at.slo().path(), e)])?;
    let plan = scenario.plan(spec.period_seconds).map_err(|p| {
        let mut found = Collector::new();
        found.under(&at.path(), p);
        found.into_problems()
    })?;
    let rules = alert_rules(model);
    let simulation = simulate(&plan, &spec, shortest_window(&rules))
        .map_err(|e| vec![Problem::error(at.path(), e.to_string())])?;
    let valid_events = match spec.time_slice {
        Some(_) => None,
        None => Some(
            plan.traffic
                .requests_between(0.0, spec.period_seconds as f64) as u64,
        ),
    };
    let table = alert_table(&rules, &spec.target, spec.period_seconds, valid_events)
        .map_err(|e| vec![Problem::error("alertRules", e.to_string())])?;
    let alerts = run_alerts(&simulation, &rules);
    let policy = run_policy(&model.policy, &simulation);
    let priorities = simulation
        .events
        .iter()
        .map(|o| {
            plan.events[o.index]
                .kind
                .is_incident()
                .then(|| prioritise(o, spec.period_seconds))
        })
        .collect();
    let risk = plan.risk.as_ref().map(|r| monte_carlo(r, &plan, &spec));
    let window = slo.window.trim().to_string();
    Ok(Burn {
        simulation,
        rules,
        table,
        alerts,
        policy,
        priorities,
        risk,
        window,
    })
}

/// A time in the period as people read it: `day 19 14:00` (day 1 is the first).
///
/// ```
/// assert_eq!(slo_core::burn::period_time(18 * 86_400 + 14 * 3_600), "day 19 14:00");
/// ```
pub fn period_time(seconds: u64) -> String {
    let (day, rest) = (seconds / 86_400, seconds % 86_400);
    format!(
        "day {} {:02}:{:02}",
        day + 1,
        rest / 3_600,
        rest % 3_600 / 60
    )
}

fn duration_text(seconds: f64) -> String {
    ExactDuration::from_whole_seconds(seconds.round().max(0.0) as u64).to_string()
}
