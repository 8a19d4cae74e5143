//! What a scenario run shows, as one JSON object: the Burn page and
//! `slo simulate --json` both print a [`BurnReport`].

use super::*;
use crate::alerting::RuleFigures;
use crate::burn::priority::Prioritised;
use crate::burn::risk::RiskOutcome;
use crate::model::location::{Locate, ScenarioAt};
use crate::quantity::duration::ExactDuration;
use crate::quantity::numbers::round2;
use serde::Serialize;

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
    /// Its stretch, seconds from the period's start (where a chart zooms to it).
    #[serde(skip)]
    pub seconds: (u64, u64),
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
            events: self.event_reports(),
            alert_table: self
                .table
                .iter()
                .cloned()
                .map(RuleFigures::rounded)
                .collect(),
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

    /// Each event of the plan: what it spent, how fast, its priority and
    /// whether an alert caught it.
    fn event_reports(&self) -> Vec<EventReport> {
        let sim = &self.simulation;
        let plan = &sim.plan;
        sim.events
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
                    seconds: (event.start, event.end()),
                }
            })
            .collect()
    }
}
