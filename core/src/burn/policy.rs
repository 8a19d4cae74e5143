//! The error budget policy run on a [`Simulation`]: which conditions become
//! true and when, and what consequences their clauses set off (ESF ch. 10).
//!
//! Budget shares in conditions are shares of the period's budget, except
//! "X % of a quarter by one kind of outage", which is a share of a quarter's
//! budget (a quarter is 365.25 / 4 days; the period's budget scaled to it).
//! Events name their kind of outage or dependency in `cause`.

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::burn::simulate::Simulation;
use crate::model::policy::{ConditionKind, ErrorBudgetPolicy, SpendScope, Trigger};
use crate::quantity::duration::ExactDuration;
use crate::read::Percent;

/// A quarter, in seconds (365.25 / 4 days).
pub const QUARTER_SECONDS: u64 = 7_889_400;

/// A condition that became true in the scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Triggered {
    /// The condition's id.
    pub condition: String,
    /// Seconds from the period's start.
    pub at: u64,
    /// Automatic or manual.
    pub trigger: Trigger,
    /// What the clauses on it set off: each consequence in words.
    pub consequences: Vec<String>,
    /// The clauses' runbooks.
    pub runbooks: Vec<String>,
}

/// The policy's course through a scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PolicyRun {
    /// Conditions that became true, in time order.
    pub triggered: Vec<Triggered>,
    /// Conditions that stayed false.
    pub not_triggered: Vec<String>,
    /// Conditions a simulation cannot judge, with the reason.
    pub not_simulated: Vec<(String, String)>,
}

fn percent(text: &str) -> Option<f64> {
    Percent::SHARE.read(text).ok().and_then(|p| p.to_f64())
}

/// The indices of the events that are incidents: planned downtime spends
/// budget but is never an incident (ESF ch. 9).
fn incidents(simulation: &Simulation) -> impl Iterator<Item = usize> + '_ {
    (0..simulation.plan.events.len()).filter(|i| simulation.plan.events[*i].kind.is_incident())
}

/// When the events `indices` together (in time order) had spent `percent` of
/// the period's budget beyond the background errors.
fn first_reach(simulation: &Simulation, indices: &[usize], percent: f64) -> Option<u64> {
    let mut steps: Vec<usize> = indices
        .iter()
        .flat_map(|i| simulation.event_steps(*i))
        .collect();
    steps.sort_unstable();
    steps.dedup();
    let mut spent = 0.0;
    steps.into_iter().find_map(|i| {
        spent += simulation.excess_percent(i);
        (spent >= percent).then(|| simulation.time_at(i))
    })
}

/// Groups incident indices (never planned downtime) by their cause (case-insensitive; empty is "unnamed").
fn by_cause(simulation: &Simulation) -> Vec<Vec<usize>> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for i in incidents(simulation) {
        let key = simulation.plan.events[i].cause.to_lowercase();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

/// When `kind` becomes true in `simulation`; `Err(reason)` if a simulation cannot judge it.
pub fn condition_time(
    kind: &ConditionKind,
    simulation: &Simulation,
) -> Result<Option<u64>, String> {
    let unreadable = || "its percentage cannot be read".to_string();
    match kind {
        ConditionKind::BudgetExhausted => Ok(simulation.exhausted_at()),
        ConditionKind::BudgetSpend { percent: p, scope } => {
            let p = percent(p).ok_or_else(unreadable)?;
            Ok(match scope {
                SpendScope::Period => simulation.first_spent(p),
                SpendScope::SingleIncident => incidents(simulation)
                    .filter_map(|i| first_reach(simulation, &[i], p))
                    .min(),
                SpendScope::QuarterByOutageKind => {
                    let scale = QUARTER_SECONDS as f64 / simulation.spec.period_seconds as f64;
                    by_cause(simulation)
                        .iter()
                        .filter_map(|group| first_reach(simulation, group, p * scale))
                        .min()
                }
            })
        }
        ConditionKind::BurnRate { percent: p, within } => {
            let p = percent(p).ok_or_else(unreadable)?;
            let within: ExactDuration = crate::read::policy::WITHIN
                .read(within)
                .map_err(|_| format!("its time {} cannot be read", crate::echo::quote(within)))?;
            let window = simulation.steps_in(within.whole_seconds_up());
            Ok((0..simulation.steps())
                .find(|i| simulation.spent_between((i + 1).saturating_sub(window), i + 1) >= p)
                .map(|i| simulation.time_at(i)))
        }
        ConditionKind::Dependency {
            percent: p,
            dependency,
        } => {
            let p = percent(p).ok_or_else(unreadable)?;
            let name = dependency.trim().to_lowercase();
            let through: Vec<usize> = incidents(simulation)
                .filter(|i| simulation.plan.events[*i].cause.to_lowercase() == name)
                .collect();
            Ok(first_reach(simulation, &through, p))
        }
        ConditionKind::Resource => Err("a resource limit is judged by people".into()),
        ConditionKind::Custom => Err("a custom condition is judged by people".into()),
    }
}

/// Runs `policy` on `simulation`.
pub fn run_policy(policy: &ErrorBudgetPolicy, simulation: &Simulation) -> PolicyRun {
    let mut run = PolicyRun::default();
    for condition in &policy.conditions {
        match condition_time(&condition.kind, simulation) {
            Err(reason) => run.not_simulated.push((condition.id.clone(), reason)),
            Ok(None) => run.not_triggered.push(condition.id.clone()),
            Ok(Some(at)) => {
                let clauses = policy
                    .clauses
                    .iter()
                    .filter(|c| c.condition == condition.id);
                let mut consequences = Vec::new();
                let mut runbooks = Vec::new();
                for clause in clauses {
                    if !clause.runbook.trim().is_empty() {
                        runbooks.push(clause.runbook.clone());
                    }
                    for id in &clause.consequences {
                        if let Some(c) = policy.consequences.iter().find(|c| &c.id == id) {
                            // The description alone when it starts with what
                            // the kind says ("Conduct a postmortem with ...").
                            let label = c.kind.label();
                            consequences.push(match c.description.trim() {
                                "" => label.to_string(),
                                words
                                    if words.to_lowercase().starts_with(&label.to_lowercase()) =>
                                {
                                    words.to_string()
                                }
                                words => format!("{label}: {words}"),
                            });
                        }
                    }
                }
                run.triggered.push(Triggered {
                    condition: condition.id.clone(),
                    at,
                    trigger: condition.trigger,
                    consequences,
                    runbooks,
                });
            }
        }
    }
    run.triggered.sort_by_key(|t| t.at);
    run
}
