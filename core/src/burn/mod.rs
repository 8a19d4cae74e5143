//! Burn scenarios of a model, end to end: find a scenario, run it against its
//! SLO with the model's alert rules and policy, and report what happened
//! (the Burn page and `slo simulate` both show this).
//!
//! Its parts, in the order a run uses them: [`plan`] reads a scenario into
//! numbers, [`simulate`] spends the budget minute by minute, [`alerts`]
//! evaluates the alert rules on it, [`policy`] runs the error budget policy,
//! [`priority`] gives each incident its priority, and [`risk`] runs many
//! periods (Monte Carlo). All are simulations in `f64`; the budget they
//! spend is exact.

pub mod alerts;
pub mod policy;
pub mod priority;
pub mod risk;
pub mod simulate;
pub mod spend;

use serde::Serialize;

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
use crate::quantity::numbers::round2;
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
    let shortest = rules
        .iter()
        .flat_map(|r| [Some(r.long_window), r.short_window])
        .flatten()
        .map(|d: ExactDuration| d.whole_seconds_up())
        .min();
    let simulation = simulate(&plan, &spec, shortest)
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

/// One event in a [`BurnReport`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventReport {
    /// Its name.
    pub name: String,
    /// "incident", "planned downtime" or "partial traffic".
    pub kind: &'static str,
    /// Its start (`day 19 14:00`).
    pub start: String,
    /// Its length ("6h").
    pub duration: String,
    /// Budget it spent, percent of the period's budget.
    pub spent_percent: f64,
    /// Depletion speed, percent of the budget per hour (ESF ch. 11).
    pub depletion_percent_per_hour: f64,
    /// Budget left when it ended, percent.
    pub budget_left_after_percent: f64,
    /// Its priority (incidents only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Prioritised>,
    /// Whether an alert fired while it lasted (incidents only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alerted: Option<bool>,
}

/// One firing in a [`BurnReport`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FiringReport {
    /// The rule's name.
    pub rule: String,
    /// "page" or "ticket".
    pub notify: crate::model::alert_rule::Notify,
    /// When it fired (`day 19 14:05`).
    pub at: String,
    /// When it reset, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reset_at: Option<String>,
    /// Budget spent when it fired, percent.
    pub spent_percent: f64,
}

/// A triggered condition in a [`BurnReport`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClauseReport {
    /// The condition's id.
    pub condition: String,
    /// When (`day 19 16:00`).
    pub at: String,
    /// Budget spent by then, percent.
    pub spent_percent: f64,
    /// What follows, in words.
    pub consequences: Vec<String>,
}

/// What a scenario run shows, as one JSON object (`slo simulate --json`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BurnReport {
    /// The scenario's name.
    pub scenario: String,
    /// Its path in the model.
    pub path: String,
    /// The SLO's target, percent.
    pub target_percent: String,
    /// The SLO's window as written ("month").
    pub window: String,
    /// The simulated period ("28d": for a range of lengths, the shortest).
    pub period: String,
    /// Seconds per simulation step.
    pub step_seconds: u64,
    /// "requests" or "time slices".
    pub budget_unit: &'static str,
    /// The period's budget in those units (whole slices never round up).
    pub budget: f64,
    /// The budget rounded down to whole units, as people read it (an event
    /// budget truncates, SRE Workbook).
    pub allowed_bad: u64,
    /// When the budget ran out (`day 19 16:00`), if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exhausted_at: Option<String>,
    /// Budget left at the end of the period, percent; negative is debt.
    pub budget_left_percent: f64,
    /// Mean time to restore of the incidents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mttr: Option<String>,
    /// Time with an incident or planned downtime under way.
    pub downtime: String,
    /// Average depletion speed of the incidents, percent per hour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_depletion_percent_per_hour: Option<f64>,
    /// Highest depletion speed, percent per hour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highest_depletion_percent_per_hour: Option<f64>,
    /// The events.
    pub events: Vec<EventReport>,
    /// The alert table for this SLO.
    pub alert_table: Vec<RuleFigures>,
    /// Every firing, in time order.
    pub firings: Vec<FiringReport>,
    /// Incidents that spent budget without any alert.
    pub unalerted_incidents: Vec<String>,
    /// Conditions that became true, in time order.
    pub triggered: Vec<ClauseReport>,
    /// Conditions that stayed false.
    pub not_triggered: Vec<String>,
    /// Conditions a simulation cannot judge, with the reason.
    pub not_simulated: Vec<(String, String)>,
    /// The Monte Carlo outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskOutcome>,
}

impl Burn {
    /// The run as a report.
    pub fn report(&self, name: &str, at: ScenarioAt) -> BurnReport {
        let sim = &self.simulation;
        let plan = &sim.plan;
        let depletion = sim.depletion();
        let spent_at = |t: u64| round2(sim.spent_percent(sim.step_of(t.saturating_sub(1))));
        BurnReport {
            scenario: name.to_string(),
            path: at.path(),
            target_percent: sim.spec.target.to_string(),
            window: self.window.clone(),
            period: ExactDuration::from_whole_seconds(sim.spec.period_seconds).to_string(),
            step_seconds: sim.step,
            budget_unit: if sim.spec.time_slice.is_some() {
                "time slices"
            } else {
                "requests"
            },
            budget: round2(sim.budget),
            // Rounded to cents first, so float noise (1,995,839.9999…) does not lose a request.
            allowed_bad: round2(sim.budget).max(0.0).floor() as u64,
            exhausted_at: sim.exhausted_at().map(period_time),
            budget_left_percent: round2(sim.budget_left_percent()),
            mttr: sim.mttr_seconds().map(duration_text),
            downtime: duration_text(sim.downtime_seconds() as f64),
            average_depletion_percent_per_hour: depletion.average.map(round2),
            highest_depletion_percent_per_hour: depletion.highest.map(round2),
            events: sim
                .events
                .iter()
                .zip(&self.priorities)
                .map(|(o, priority)| {
                    let event = &plan.events[o.index];
                    EventReport {
                        name: event.name.clone(),
                        kind: event.kind.label(),
                        start: period_time(event.start),
                        duration: duration_text(event.duration as f64),
                        spent_percent: round2(o.spent_percent),
                        depletion_percent_per_hour: round2(o.depletion_per_hour),
                        budget_left_after_percent: round2(o.budget_left_after_percent),
                        priority: priority.clone(),
                        alerted: event
                            .kind
                            .is_incident()
                            .then(|| !self.alerts.unalerted.contains(&o.index)),
                    }
                })
                .collect(),
            alert_table: self.table.clone(),
            firings: self
                .alerts
                .firings
                .iter()
                .map(|f| FiringReport {
                    rule: self.rules[f.rule].name.clone(),
                    notify: self.rules[f.rule].notify,
                    at: period_time(f.at),
                    reset_at: f.reset_at.map(period_time),
                    spent_percent: round2(f.spent_percent),
                })
                .collect(),
            unalerted_incidents: self
                .alerts
                .unalerted
                .iter()
                .map(|i| plan.events[*i].name.clone())
                .collect(),
            triggered: self
                .policy
                .triggered
                .iter()
                .map(|t| ClauseReport {
                    condition: t.condition.clone(),
                    at: period_time(t.at),
                    spent_percent: spent_at(t.at),
                    consequences: t.consequences.clone(),
                })
                .collect(),
            not_triggered: self.policy.not_triggered.clone(),
            not_simulated: self.policy.not_simulated.clone(),
            risk: self.risk.clone(),
        }
    }
}
