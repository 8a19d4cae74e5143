//! Burn simulation: a [`Plan`] run over one compliance period of an SLO, step
//! by step (one minute, finer when an alert window or time slice is short).
//!
//! Each step holds its valid and bad units (expected requests, or time slices
//! for a time-slice SLI) and the budget is the period's allowed bad units
//! (SRE Workbook ch. 2; whole slices never round up). The budget may go below
//! zero: budget debt (ESF ch. 11), with no carry-over to the next period.
//!
//! Conventions, stated here and on the page:
//! - an event covering part of a step counts for that part of it;
//! - events combine as independent failures: a step's good ratio is
//!   `(1 - background) x (1 - e1) x (1 - e2) ...`;
//! - an event's spend is the budget spent while it lasts beyond what the
//!   background errors alone would have spent;
//! - a time slice is bad when its error ratio is above the SLO's allowed
//!   error ratio `1 - SLO`;
//! - for an "every month" window the shortest period is simulated.

use crate::read::slo::SloNumbers;

use crate::read::scenario::Plan;

/// The most steps a simulation holds (memory stays under about 100 MB).
pub const MAX_STEPS: u64 = 2_000_000;

/// How a step's length is chosen: one minute, or 10 s or 1 s when the
/// shortest alert window is under five steps; coarser (5 min, 15 min, 1 h,
/// 1 d) when the period would need more than [`MAX_STEPS`]; then a divisor
/// of the time slice.
pub fn step_seconds(spec: &SloNumbers, shortest_window: Option<u64>) -> u64 {
    let fine = [60u64, 10, 1]
        .into_iter()
        .find(|step| shortest_window.is_none_or(|w| w >= 5 * step))
        .unwrap_or(1);
    let mut step = [1u64, 10, 60, 300, 900, 3_600, 86_400]
        .into_iter()
        .filter(|step| *step >= fine)
        .find(|step| spec.period_seconds / step <= MAX_STEPS)
        .unwrap_or(86_400);
    if let Some(slice) = spec.time_slice {
        step = gcd(step, slice);
    }
    step.max(1)
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// What one event did.
#[derive(Clone, Debug, PartialEq)]
pub struct EventOutcome {
    /// Index in the plan's events.
    pub index: usize,
    /// Its share of the period's budget spent, in percent.
    pub spent_percent: f64,
    /// Depletion speed: `spent_percent / hours` (ESF ch. 11), percent per hour.
    pub depletion_per_hour: f64,
    /// The budget left when it ended, in percent (negative: debt).
    pub budget_left_after_percent: f64,
}

/// A scenario run over one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Simulation {
    /// The SLO it ran against.
    pub spec: SloNumbers,
    /// The plan it ran.
    pub plan: Plan,
    /// Seconds per step.
    pub step: u64,
    /// The allowed bad units in the period (requests or whole slices).
    pub budget: f64,
    /// Prefix sums of valid units: `valid[i]` is the total of steps `0..i`.
    pub(super) cum_valid: Vec<f64>,
    /// Prefix sums of bad units.
    pub(super) cum_bad: Vec<f64>,
    /// Prefix sums of the bad units the background errors alone would cause.
    pub(super) cum_background: Vec<f64>,
    /// Per event, in the plan's order.
    pub events: Vec<EventOutcome>,
    /// `1 - SLO`, the allowed error ratio.
    pub(super) allowed_ratio: f64,
}

/// Why a scenario cannot run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimulationError {
    /// The period allows no bad unit at all (no traffic, or fewer slices than one budget slice).
    NoBudget(String),
    /// The numbers cannot be simulated as given (a zero time slice or period,
    /// or more steps than [`MAX_STEPS`] allows).
    Unsupported(String),
}

impl std::fmt::Display for SimulationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SimulationError::NoBudget(why) => write!(f, "nothing to simulate: {why}"),
            SimulationError::Unsupported(why) => write!(f, "cannot simulate this SLO: {why}"),
        }
    }
}

impl std::error::Error for SimulationError {}

/// Good ratio of each step, from the background and (if `with_events`) the events.
fn good_ratios(plan: &Plan, step: u64, steps: usize, with_events: bool) -> Vec<f64> {
    let mut good = vec![1.0 - plan.background; steps];
    if !with_events {
        return good;
    }
    for event in &plan.events {
        let (start, end) = (event.start, event.end());
        let first = (start / step) as usize;
        let last = end.div_ceil(step).min(steps as u64) as usize;
        for (i, ratio) in good.iter_mut().enumerate().take(last).skip(first) {
            let (from, to) = (i as u64 * step, (i as u64 + 1) * step);
            let covered = (to.min(end) - from.max(start)) as f64 / step as f64;
            *ratio *= 1.0 - event.error_ratio * covered;
        }
    }
    good
}

/// Requests in each step. The daily curve repeats every day, so one day of
/// steps is computed and repeated when a step divides the day.
fn requests(plan: &Plan, spec: &SloNumbers, step: u64, steps: usize) -> Vec<f64> {
    let between = |i: usize| {
        let from = (i as u64 * step).min(spec.period_seconds) as f64;
        let to = ((i as u64 + 1) * step).min(spec.period_seconds) as f64;
        plan.traffic.requests_between(from, to)
    };
    let per_day = (86_400 / step) as usize;
    if 86_400 % step != 0 || steps <= per_day {
        return (0..steps).map(between).collect();
    }
    let day: Vec<f64> = (0..per_day).map(between).collect();
    let mut requests: Vec<f64> = day.iter().copied().cycle().take(steps).collect();
    if let Some(last) = requests.last_mut() {
        *last = between(steps - 1);
    }
    requests
}

/// Valid and bad units of each step.
fn units(spec: &SloNumbers, step: u64, requests: &[f64], good: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let bad: Vec<f64> = requests
        .iter()
        .zip(good)
        .map(|(r, g)| r * (1.0 - g))
        .collect();
    let Some(slice) = spec.time_slice else {
        return (requests.to_vec(), bad);
    };
    let per_slice = (slice / step) as usize;
    let allowed = spec.allowed_ratio();
    let (mut valid_units, mut bad_units) = (vec![0.0; good.len()], vec![0.0; good.len()]);
    for (chunk, start) in (0..good.len())
        .step_by(per_slice)
        .map(|s| (s..(s + per_slice), s))
    {
        if chunk.end > good.len() {
            break;
        }
        let total: f64 = requests[chunk.clone()].iter().sum();
        let failed: f64 = bad[chunk.clone()].iter().sum();
        let last = start + per_slice - 1;
        valid_units[last] = 1.0;
        if total > 0.0 && failed / total > allowed {
            bad_units[last] = 1.0;
        }
    }
    (valid_units, bad_units)
}

fn prefix(values: &[f64]) -> Vec<f64> {
    let mut sums = Vec::with_capacity(values.len() + 1);
    let mut total = 0.0;
    sums.push(0.0);
    for v in values {
        total += v;
        sums.push(total);
    }
    sums
}

/// Refuses numbers a simulation cannot run (the fields of [`SloNumbers`] are public).
fn check_spec(spec: &SloNumbers) -> Result<(), SimulationError> {
    if spec.period_seconds == 0 {
        return Err(SimulationError::Unsupported("the period is empty".into()));
    }
    if spec.period_seconds > crate::quantity::window::MAX_ROLLING_SECONDS {
        return Err(SimulationError::Unsupported(
            "the period is longer than 36500 days".into(),
        ));
    }
    match spec.time_slice {
        Some(0) => Err(SimulationError::Unsupported(
            "a time slice must be longer than zero".into(),
        )),
        Some(slice) if slice > spec.period_seconds => Err(SimulationError::Unsupported(
            "the time slice is longer than the period".into(),
        )),
        _ => Ok(()),
    }
}

/// Runs `plan` over one period of `spec`, at [`step_seconds`] for the
/// shortest alert window given.
pub fn simulate(
    plan: &Plan,
    spec: &SloNumbers,
    shortest_window: Option<u64>,
) -> Result<Simulation, SimulationError> {
    check_spec(spec)?;
    let step = step_seconds(spec, shortest_window);
    // A slice that shares few seconds with a day can force 1-second steps.
    if spec.period_seconds.div_ceil(step) > 2 * MAX_STEPS {
        return Err(SimulationError::Unsupported(format!(
            "its {}-second time slice needs {}-second steps over the whole period; use a slice that divides a minute or an hour",
            spec.time_slice.unwrap_or(step),
            step
        )));
    }
    let steps = spec.period_seconds.div_ceil(step) as usize;
    let requests = requests(plan, spec, step, steps);
    let with = good_ratios(plan, step, steps, true);
    let (valid, bad) = units(spec, step, &requests, &with);
    let background_bad = match spec.time_slice {
        None => requests.iter().map(|r| r * plan.background).collect(),
        Some(_) => {
            units(
                spec,
                step,
                &requests,
                &good_ratios(plan, step, steps, false),
            )
            .1
        }
    };
    let budget = spec.budget_units(requests.iter().sum());
    if budget <= 0.0 {
        let why = match spec.time_slice {
            Some(_) => "the budget is zero whole time slices in this period",
            None => "the traffic profile has no requests, so the budget is zero",
        };
        return Err(SimulationError::NoBudget(why.into()));
    }
    let cum_valid = prefix(&valid);
    let cum_bad = prefix(&bad);
    let mut simulation = Simulation {
        spec: spec.clone(),
        plan: plan.clone(),
        step,
        budget,
        cum_valid,
        cum_bad,
        cum_background: prefix(&background_bad),
        events: Vec::new(),
        allowed_ratio: spec.allowed_ratio(),
    };
    simulation.events = simulation.event_outcomes();
    Ok(simulation)
}

impl Simulation {
    /// What each event did, from the run's units and budget.
    fn event_outcomes(&self) -> Vec<EventOutcome> {
        (0..self.plan.events.len())
            .map(|index| {
                let steps = self.event_steps(index);
                let spent_percent: f64 = steps.clone().map(|i| self.excess_percent(i)).sum();
                let hours = self.plan.events[index].duration as f64 / 3600.0;
                EventOutcome {
                    index,
                    spent_percent,
                    depletion_per_hour: if hours > 0.0 {
                        spent_percent / hours
                    } else {
                        0.0
                    },
                    budget_left_after_percent: 100.0
                        - 100.0 * self.cum_bad[steps.end] / self.budget,
                }
            })
            .collect()
    }

    /// The same run judged against `target`: the budget, the allowed error
    /// ratio and each event's spend follow it, the steps stay (the
    /// trade-off table runs each past period once for every candidate).
    /// Request-based SLOs only: a time slice's badness depends on the
    /// target, so a time-slice run is refused.
    pub fn retarget(&self, target: crate::Target) -> Result<Simulation, SimulationError> {
        if self.spec.time_slice.is_some() {
            return Err(SimulationError::Unsupported(
                "a time-slice run cannot change its target: simulate it again".into(),
            ));
        }
        let spec = SloNumbers {
            target,
            ..self.spec.clone()
        };
        let budget = spec.budget_units(self.cum_valid.last().copied().unwrap_or(0.0));
        if budget <= 0.0 {
            return Err(SimulationError::NoBudget(
                "the traffic profile has no requests, so the budget is zero".into(),
            ));
        }
        let mut run = Simulation {
            allowed_ratio: spec.allowed_ratio(),
            spec,
            budget,
            events: Vec::new(),
            ..self.clone()
        };
        run.events = run.event_outcomes();
        Ok(run)
    }
}
