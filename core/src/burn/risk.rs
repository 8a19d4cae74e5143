//! Risk over many periods (Monte Carlo): incidents arrive at a rate per period
//! (Poisson), last a time to restore drawn from a log-normal distribution set
//! by its median and 90th percentile, start uniformly in the period and fail
//! a share of requests drawn from the severity mix.
//!
//! Per period, the budget left is `100 - background spend - incident spends`
//! in percent (overlapping incidents add up). Request-based: an incident
//! spends `requests during it x error ratio / allowed bad requests`.
//! Time-slice-based: it spends the slices it touches when its error ratio is
//! above `1 - SLO`. The generator is ChaCha8 seeded with the model's seed, so
//! a shared link shows the same picture on every machine.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal, Poisson};
use serde::Serialize;

use crate::read::scenario::{Plan, RiskPlan};
use crate::read::slo::SloNumbers;

/// The z-score of the 90th percentile of a standard normal distribution.
pub const Z90: f64 = 1.281_551_565_544_600_5;

/// One bar of the histogram of budget left at period end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bin {
    /// Lower bound in percent (inclusive); `None` for "below the next bar".
    pub low: Option<i32>,
    /// Upper bound in percent (exclusive; the last bar includes 100).
    pub high: i32,
    /// Periods that ended in it.
    pub count: u32,
}

/// The outcome of one Monte Carlo run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskRun {
    /// Periods simulated.
    pub periods: u32,
    /// Share of periods that met the SLO (budget left at least 0), 0 to 1, four decimals.
    pub meet_probability: f64,
    /// Mean budget left at period end, percent, two decimals.
    pub mean_left_percent: f64,
    /// The 10th percentile of budget left (a bad period), percent.
    pub p10_left_percent: f64,
    /// Budget left at period end: below -100, then bars of 10 points up to 100.
    pub histogram: Vec<Bin>,
}

/// The base run and the two "what buys reliability" runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskOutcome {
    /// As modelled.
    pub base: RiskRun,
    /// With the median and 90th percentile time to restore halved.
    pub mttr_halved: RiskRun,
    /// With half as many incidents.
    pub incidents_halved: RiskRun,
}

/// Runs the risk model `risk` with the traffic and background of `plan` for `spec`.
///
/// The fields of [`RiskPlan`] are public, so they are bounded here as the
/// scenario reader bounds them: at most [`crate::read::scenario::MAX_PERIODS`] periods
/// and [`crate::read::scenario::MAX_INCIDENTS_PER_PERIOD`] incidents per period (a
/// rate that is not a number counts as none). Never panics, always ends.
pub fn monte_carlo(risk: &RiskPlan, plan: &Plan, spec: &SloNumbers) -> RiskOutcome {
    use crate::read::scenario::MAX_PERIODS;
    let risk = &RiskPlan {
        periods: risk.periods.min(MAX_PERIODS as u32),
        incidents_per_period: bounded_rate(risk.incidents_per_period),
        ..risk.clone()
    };
    let halved = |median: f64, p90: f64, rate: f64| RiskPlan {
        median_seconds: median,
        p90_seconds: p90,
        incidents_per_period: rate,
        ..risk.clone()
    };
    RiskOutcome {
        base: run(risk, plan, spec),
        mttr_halved: run(
            &halved(
                risk.median_seconds / 2.0,
                risk.p90_seconds / 2.0,
                risk.incidents_per_period,
            ),
            plan,
            spec,
        ),
        incidents_halved: run(
            &halved(
                risk.median_seconds,
                risk.p90_seconds,
                risk.incidents_per_period / 2.0,
            ),
            plan,
            spec,
        ),
    }
}

/// A rate of incidents per period as the runs take it: at most
/// [`crate::read::scenario::MAX_INCIDENTS_PER_PERIOD`], none when it is not a number.
pub(crate) fn bounded_rate(rate: f64) -> f64 {
    use crate::read::scenario::MAX_INCIDENTS_PER_PERIOD;
    if rate.is_finite() {
        rate.clamp(0.0, MAX_INCIDENTS_PER_PERIOD as f64)
    } else {
        0.0
    }
}

/// The error ratio of the severity that `pick` (uniform, 0 to 1) falls in:
/// the severities' shares laid end to end; the last one past their sum, a
/// full outage with none.
pub(crate) fn pick_severity(severities: &[(f64, f64)], pick: f64) -> f64 {
    let mut cumulative = 0.0;
    severities
        .iter()
        .find(|(share, _)| {
            cumulative += share;
            pick < cumulative
        })
        .or(severities.last())
        .map_or(1.0, |(_, error)| *error)
}

/// What one incident and the background spend, in percent of the budget.
struct Spender<'a> {
    plan: &'a Plan,
    spec: &'a SloNumbers,
    allowed_ratio: f64,
    /// Allowed bad requests (or slices) in the period.
    budget: f64,
}

impl Spender<'_> {
    fn background(&self) -> f64 {
        match self.spec.time_slice {
            None => 100.0 * self.plan.background / self.allowed_ratio,
            Some(slice) if self.plan.background > self.allowed_ratio => {
                100.0 * self.spec.period_seconds.checked_div(slice).unwrap_or(0) as f64
                    / self.budget
            }
            Some(_) => 0.0,
        }
    }

    fn incident(&self, start: f64, duration: f64, error: f64) -> f64 {
        let end = (start + duration).min(self.spec.period_seconds as f64);
        match self.spec.time_slice {
            None => 100.0 * self.plan.traffic.requests_between(start, end) * error / self.budget,
            Some(slice) => {
                let combined = 1.0 - (1.0 - self.plan.background) * (1.0 - error);
                if combined <= self.allowed_ratio || self.plan.background > self.allowed_ratio {
                    return 0.0;
                }
                let slice = slice.max(1) as f64;
                let touched = (end / slice).ceil() - (start / slice).floor();
                100.0 * touched / self.budget
            }
        }
    }
}

fn run(risk: &RiskPlan, plan: &Plan, spec: &SloNumbers) -> RiskRun {
    let period = spec.period_seconds as f64;
    let allowed_ratio = spec.allowed_ratio();
    let budget = spec.budget_units(plan.traffic.requests_between(0.0, period));
    let spender = Spender {
        plan,
        spec,
        allowed_ratio,
        budget: budget.max(f64::MIN_POSITIVE),
    };
    let background = spender.background();
    let mut rng = ChaCha8Rng::seed_from_u64(risk.seed);
    let arrivals = Poisson::new(risk.incidents_per_period).ok();
    let sigma = (risk.p90_seconds.ln() - risk.median_seconds.ln()) / Z90;
    let durations = LogNormal::new(risk.median_seconds.ln(), sigma.max(0.0)).ok();
    let mut left: Vec<f64> = Vec::with_capacity(risk.periods as usize);
    for _ in 0..risk.periods {
        let count = arrivals.map(|a| a.sample(&mut rng) as u64).unwrap_or(0);
        let mut spent = background;
        for _ in 0..count {
            let start = rng.random::<f64>() * period;
            let duration = durations.map(|d| d.sample(&mut rng)).unwrap_or(0.0);
            let error = pick_severity(&risk.severities, rng.random::<f64>());
            spent += spender.incident(start, duration, error);
        }
        left.push(100.0 - spent);
    }
    summarise(risk.periods, left)
}

fn summarise(periods: u32, mut left: Vec<f64>) -> RiskRun {
    let n = left.len().max(1) as f64;
    let met = left.iter().filter(|l| **l >= 0.0).count() as f64;
    let mean = left.iter().sum::<f64>() / n;
    left.sort_by(|a, b| a.total_cmp(b));
    let p10 = left.get(left.len() / 10).copied().unwrap_or(100.0);
    let mut histogram: Vec<Bin> = std::iter::once(Bin {
        low: None,
        high: -100,
        count: 0,
    })
    .chain((-10..10).map(|k| Bin {
        low: Some(k * 10),
        high: k * 10 + 10,
        count: 0,
    }))
    .collect();
    for value in &left {
        let index = if *value < -100.0 {
            0
        } else {
            (((value + 100.0) / 10.0).floor() as usize + 1).min(histogram.len() - 1)
        };
        histogram[index].count += 1;
    }
    RiskRun {
        periods,
        meet_probability: (met / n * 10_000.0).round() / 10_000.0,
        mean_left_percent: crate::quantity::numbers::round2(mean),
        p10_left_percent: crate::quantity::numbers::round2(p10),
        histogram,
    }
}
