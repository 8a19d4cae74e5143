//! A record replayed against a candidate target: each past compliance
//! period run through the burn simulation ([`crate::burn::simulate`]) with
//! its incidents as events, so the model's own alert rules and error budget
//! policy say what they would have done, as the Burn page says it for a
//! scenario.
//!
//! Rules, stated where the table is shown:
//! - traffic is steady (the share of a period lost is the share of its
//!   requests lost); an SLI series' bad steps are events of their own,
//!   measured errors rather than incidents;
//! - a page or ticket is a false alarm when the period it fired in ended
//!   with less than half its error budget spent ([`AT_RISK_PERCENT`]): the
//!   budget was never at risk;
//! - a release freeze starts when a condition whose clause stops feature
//!   releases to production becomes true, and lasts to the end of the
//!   period (the budget is back when the period ends). Rolling windows are
//!   replayed as back-to-back windows.

use crate::burn::alerts::run_alerts;
use crate::burn::policy::run_policy;
use crate::burn::shortest_window;
use crate::burn::simulate::{simulate, Simulation, SimulationError};
use crate::model::alert_rule::Notify;
use crate::model::policy::{ConsequenceKind, ErrorBudgetPolicy, StoppedActivity};
use crate::quantity::target::Target;
use crate::read::alert_rule::AlertRule;
use crate::read::scenario::{Plan, PlannedEvent, PlannedKind};
use crate::read::slo::SloNumbers;
use crate::read::traffic::PlannedTraffic;
use crate::record::incidents::{Around, Incident};
use crate::record::periods::PastPeriod;
use crate::record::series::Sample;

/// Below this share of its budget spent (percent) at its end, a period's
/// pages and tickets are false alarms.
pub const AT_RISK_PERCENT: f64 = 50.0;

/// One page or ticket the rules would have sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Alerted {
    /// The rule's name.
    pub rule: String,
    /// Page or ticket.
    pub notify: Notify,
    /// When it fired, Unix seconds.
    pub at: i64,
    /// The period it fired in.
    pub period: String,
    /// The budget the period had spent at its end, percent.
    pub period_spent_percent: f64,
    /// Whether it was a false alarm (the budget was not at risk).
    pub false_alarm: bool,
}

/// What the rules and the policy would have done over the whole record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Replayed {
    /// Every page and ticket, in time order.
    pub alerts: Vec<Alerted>,
    /// Seconds of release freeze.
    pub freeze_seconds: u64,
    /// Seconds replayed (the periods' total).
    pub replayed_seconds: u64,
    /// Periods that could not be simulated, with why.
    pub skipped: Vec<(String, String)>,
}

impl Replayed {
    /// Pages (or tickets) per week of record, and how many of them a week were false alarms.
    pub fn per_week(&self, notify: Notify) -> (f64, f64) {
        let weeks = self.replayed_seconds as f64 / (7.0 * 86_400.0);
        if weeks <= 0.0 {
            return (0.0, 0.0);
        }
        let sent = self.alerts.iter().filter(|a| a.notify == notify);
        let (all, false_alarms) =
            sent.fold((0, 0), |(all, f), a| (all + 1, f + a.false_alarm as usize));
        (all as f64 / weeks, false_alarms as f64 / weeks)
    }

    /// Days of release freeze per quarter (365.25 / 4 days) of record.
    pub fn freeze_days_per_quarter(&self) -> f64 {
        let quarters = self.replayed_seconds as f64 / crate::burn::policy::QUARTER_SECONDS as f64;
        if quarters <= 0.0 {
            return 0.0;
        }
        self.freeze_seconds as f64 / 86_400.0 / quarters
    }
}

/// Back-to-back periods, the most recent first chosen: each one ending
/// where the one after it starts (rolling windows stepped by a day
/// overlap; a replay takes every n-th), oldest first.
pub fn back_to_back(periods: &[PastPeriod]) -> Vec<PastPeriod> {
    let mut chosen: Vec<PastPeriod> = Vec::new();
    for period in periods.iter().rev() {
        if chosen.last().is_none_or(|after| period.end <= after.start) {
            chosen.push(period.clone());
        }
    }
    chosen.reverse();
    chosen
}

/// What a replay runs: the record and the model's rules and policy.
pub struct Replay<'a> {
    /// Past incidents, in time order.
    pub incidents: &'a [Incident],
    /// An SLI series, in time order (may be empty).
    pub samples: &'a [Sample],
    /// Back-to-back periods ([`back_to_back`]).
    pub periods: Vec<PastPeriod>,
    /// The model's alert rules.
    pub rules: Vec<AlertRule>,
    /// The model's policy.
    pub policy: &'a ErrorBudgetPolicy,
    /// A time-slice SLI's slice length, whole seconds.
    pub time_slice: Option<u64>,
}

/// A record's periods simulated once, to be judged against any target. It
/// owns what it needs (the rules, the policy), so it can be kept between
/// edits of the model.
pub struct Replayer {
    rules: Vec<AlertRule>,
    policy: ErrorBudgetPolicy,
    time_slice: Option<u64>,
    /// Each period with its run (at the base target); `None` for a period
    /// without events, where no rule fires and no condition becomes true.
    runs: Vec<(PastPeriod, Result<Option<Simulation>, String>)>,
    /// The policy's conditions whose clauses freeze releases.
    freezing: Vec<String>,
}

impl<'a> Replay<'a> {
    /// Simulates every period once, against `base` (any candidate).
    pub fn prepare(self, base: &Target) -> Replayer {
        let around = Around::new(self.incidents);
        let runs = self
            .periods
            .iter()
            .map(|period| {
                let plan = self.plan(period, &around);
                let run = if plan.events.is_empty() {
                    Ok(None)
                } else {
                    simulate(
                        &plan,
                        &self.spec(period, base),
                        shortest_window(&self.rules),
                    )
                    .map(Some)
                    .map_err(|e| e.to_string())
                };
                (period.clone(), run)
            })
            .collect();
        Replayer {
            freezing: freezing_conditions(self.policy),
            policy: self.policy.clone(),
            time_slice: self.time_slice,
            rules: self.rules,
            runs,
        }
    }

    fn spec(&self, period: &PastPeriod, target: &Target) -> SloNumbers {
        spec(period, target, self.time_slice)
    }
}

/// The numbers of a period's simulation at `target`.
fn spec(period: &PastPeriod, target: &Target, time_slice: Option<u64>) -> SloNumbers {
    SloNumbers {
        target: *target,
        period_seconds: period.seconds(),
        time_slice,
    }
}

impl Replayer {
    /// What the rules and the policy would have done at `target`.
    pub fn against(&self, target: &Target) -> Replayed {
        let mut replayed = Replayed::default();
        for (period, run) in &self.runs {
            let run = match run {
                Ok(None) => {
                    replayed.replayed_seconds += period.seconds();
                    continue;
                }
                Ok(Some(base)) => base.retarget(*target).or_else(|_| {
                    simulate(
                        &base.plan,
                        &spec(period, target, self.time_slice),
                        shortest_window(&self.rules),
                    )
                }),
                Err(error) => Err(SimulationError::Unsupported(error.clone())),
            };
            match run {
                Ok(simulation) => self.judge(period, &simulation, &mut replayed),
                Err(error) => replayed
                    .skipped
                    .push((period.label.clone(), error.to_string())),
            }
        }
        replayed
    }

    fn judge(&self, period: &PastPeriod, simulation: &Simulation, replayed: &mut Replayed) {
        let rules = &self.rules;
        replayed.replayed_seconds += period.seconds();
        let spent = 100.0 - simulation.budget_left_percent();
        for firing in run_alerts(simulation, rules).firings {
            let rule = &rules[firing.rule];
            replayed.alerts.push(Alerted {
                rule: rule.name.clone(),
                notify: rule.notify,
                at: period.start + firing.at as i64,
                period: period.label.clone(),
                period_spent_percent: spent,
                false_alarm: spent < AT_RISK_PERCENT,
            });
        }
        let frozen_at = run_policy(&self.policy, simulation)
            .triggered
            .iter()
            .filter(|t| self.freezing.contains(&t.condition))
            .map(|t| t.at)
            .min();
        if let Some(at) = frozen_at {
            replayed.freeze_seconds += period.seconds().saturating_sub(at);
        }
    }
}

impl Replay<'_> {
    /// The period's incidents (and a series' bad steps) as a burn scenario
    /// with steady traffic.
    fn plan(&self, period: &PastPeriod, around: &Around) -> Plan {
        let clip = |start: i64, end: i64| {
            let from = start.max(period.start);
            let to = end.min(period.end);
            (to > from).then(|| ((from - period.start) as u64, (to - from) as u64))
        };
        let incidents = around
            .of(period.start, period.end)
            .iter()
            .filter_map(|incident| {
                let (start, duration) = clip(incident.start, incident.end())?;
                Some(PlannedEvent {
                    name: format!("line {}", incident.line),
                    kind: PlannedKind::Incident,
                    start,
                    duration,
                    error_ratio: rust_decimal::prelude::ToPrimitive::to_f64(&incident.affected)
                        .unwrap_or(1.0),
                    cause: incident.cause.clone(),
                })
            });
        let first = self.samples.partition_point(|s| s.at <= period.start);
        let step = crate::record::achieved::series_step(self.samples);
        let measured = self.samples[first..]
            .iter()
            .take_while(|s| s.at <= period.end)
            .filter_map(|sample| {
                let bad = sample.valid - sample.good;
                if bad.is_zero() {
                    return None;
                }
                let (start, duration) = clip(sample.at - step, sample.at)?;
                let ratio = bad.checked_div(sample.valid).unwrap_or_default();
                Some(PlannedEvent {
                    name: "measured errors".into(),
                    kind: PlannedKind::PlannedDowntime,
                    start,
                    duration,
                    error_ratio: rust_decimal::prelude::ToPrimitive::to_f64(&ratio).unwrap_or(0.0),
                    cause: String::new(),
                })
            });
        Plan {
            traffic: PlannedTraffic::Constant { per_minute: 1000.0 },
            background: 0.0,
            events: incidents.chain(measured).collect(),
            risk: None,
        }
    }
}

/// The ids of the conditions whose clauses stop feature releases to production.
fn freezing_conditions(policy: &ErrorBudgetPolicy) -> Vec<String> {
    let freezes = |id: &String| {
        policy.consequences.iter().any(|c| {
            &c.id == id
                && matches!(
                    c.kind,
                    ConsequenceKind::StopActivity {
                        activity: StoppedActivity::FeatureReleasesToProduction
                    }
                )
        })
    };
    policy
        .clauses
        .iter()
        .filter(|clause| clause.consequences.iter().any(freezes))
        .map(|clause| clause.condition.clone())
        .collect()
}
