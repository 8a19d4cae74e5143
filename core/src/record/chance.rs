//! The chance of meeting a target in a period, for every candidate target
//! at once: one Monte Carlo run of the share of a period lost to incidents
//! (time basis, steady traffic), which each candidate's error budget then
//! cuts.
//!
//! The run is coupled, so that comparisons are fair: period `k` draws from
//! its own ChaCha8 stream (the seed, stream `k`), first the number of
//! incidents by the inverse Poisson distribution from one uniform, then each
//! incident's time to restore and severity in order. A higher rate keeps
//! every incident a lower rate drew and adds more; so raising the rate never
//! raises the chance, and raising the target never raises it either.
//!
//! The uncertainty shown is that of the rate: from `n` incidents over `T`
//! periods, the 80 % interval of a Poisson mean (Garwood, with the
//! Wilson-Hilferty approximation of the chi-square quantiles), run with the
//! same random numbers. The sampling error of 10,000 periods is under one
//! percentage point.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal};

use crate::burn::risk::{bounded_rate, pick_severity, Z90};
use crate::read::scenario::RiskPlan;

/// The chance of meeting a target in a period, with the range from the
/// rate's uncertainty; fractions 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chance {
    /// At the model's rate.
    pub meet: f64,
    /// At the upper end of the rate's 80 % interval (the pessimistic end);
    /// `None` without a record to take the uncertainty from.
    pub low: Option<f64>,
    /// At the lower end of the rate's interval (the optimistic end).
    pub high: Option<f64>,
}

/// The simulated share of each period lost, sorted, at the model's rate and
/// at the ends of its interval.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlook {
    at_rate: Vec<f64>,
    interval: Option<(Vec<f64>, Vec<f64>)>,
}

/// How sure a rate is: `incidents` seen over `periods` periods.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    /// Incidents in the record.
    pub incidents: usize,
    /// Periods the record spans (a fraction).
    pub periods: f64,
}

impl Evidence {
    /// The 80 % interval of the rate as factors of the observed rate
    /// (`low <= 1 <= high`); with no incident seen, `(0, the upper rate)` as rates.
    pub fn rate_interval(&self) -> (f64, f64) {
        let n = self.incidents as f64;
        let t = self.periods.max(f64::MIN_POSITIVE);
        let low = if n == 0.0 {
            0.0
        } else {
            chi_square(0.1, 2.0 * n) / 2.0 / t
        };
        let high = chi_square(0.9, 2.0 * n + 2.0) / 2.0 / t;
        (low, high)
    }
}

/// The `p` quantile of a chi-square distribution with `k` degrees of
/// freedom, for p = 0.1 or 0.9 (Wilson-Hilferty; exact for k = 2).
fn chi_square(p: f64, k: f64) -> f64 {
    if k == 2.0 {
        return -2.0 * (1.0 - p).ln();
    }
    let z = if p > 0.5 { Z90 } else { -Z90 };
    let a = 2.0 / (9.0 * k);
    (k * (1.0 - a + z * a.sqrt()).powi(3)).max(0.0)
}

/// Runs the risk model over periods of `lengths` seconds, taken in turn
/// (the past months' lengths, so a calendar month is as often February as
/// it was; one length for a rolling window). The rate is per period of the
/// mean length, scaled to each period's. With `evidence`, the rate's
/// interval is scaled to the model's rate (an edited rate keeps the
/// record's relative uncertainty).
pub fn outlook(risk: &RiskPlan, lengths: &[u64], evidence: Option<Evidence>) -> Outlook {
    let rate = bounded_rate(risk.incidents_per_period);
    let Some(e) = evidence else {
        let mut runs = run(risk, lengths, &[rate]);
        return Outlook {
            at_rate: runs.pop().unwrap_or_default(),
            interval: None,
        };
    };
    let observed = e.incidents as f64 / e.periods.max(f64::MIN_POSITIVE);
    let (low, high) = e.rate_interval();
    let scale = |r: f64| {
        if observed > 0.0 {
            rate * r / observed
        } else {
            r
        }
    };
    let rates = [rate, bounded_rate(scale(high)), bounded_rate(scale(low))];
    let [at_rate, pessimistic, optimistic]: [Vec<f64>; 3] =
        run(risk, lengths, &rates).try_into().unwrap_or_default();
    Outlook {
        at_rate,
        interval: Some((pessimistic, optimistic)),
    }
}

impl Outlook {
    /// The chance that a period loses no more than `budget` (a fraction: the
    /// error budget of the candidate target).
    pub fn chance(&self, budget: f64) -> Chance {
        let share = |lost: &Vec<f64>| {
            let within = lost.partition_point(|l| *l <= budget);
            within as f64 / lost.len().max(1) as f64
        };
        Chance {
            meet: share(&self.at_rate),
            low: self
                .interval
                .as_ref()
                .map(|(pessimistic, _)| share(pessimistic)),
            high: self
                .interval
                .as_ref()
                .map(|(_, optimistic)| share(optimistic)),
        }
    }

    /// Periods simulated.
    pub fn periods(&self) -> usize {
        self.at_rate.len()
    }
}

/// The share of each simulated period lost (0 to 1), sorted, at each of
/// `rates`. The rates share one pass: a period's stream gives its count
/// (one uniform draw, by the inverse distribution at each rate) and then
/// the same incidents in the same order, so a rate's period sums the first
/// of them its count takes; a higher rate never loses less.
fn run(risk: &RiskPlan, lengths: &[u64], rates: &[f64]) -> Vec<Vec<f64>> {
    let lengths: Vec<f64> = match lengths {
        [] => vec![1.0],
        given => given.iter().map(|l| l.max(&1).to_owned() as f64).collect(),
    };
    let mean = lengths.iter().sum::<f64>() / lengths.len() as f64;
    let sigma = ((risk.p90_seconds.ln() - risk.median_seconds.ln()) / Z90).max(0.0);
    let durations = LogNormal::new(risk.median_seconds.max(1.0).ln(), sigma).ok();
    let periods = risk.periods.min(crate::read::scenario::MAX_PERIODS as u32);
    let seeded = ChaCha8Rng::seed_from_u64(risk.seed);
    let mut lost: Vec<Vec<f64>> = vec![Vec::with_capacity(periods as usize); rates.len()];
    let mut counts = vec![0u64; rates.len()];
    for k in 0..periods {
        let period = lengths[k as usize % lengths.len()];
        let mut rng = seeded.clone();
        rng.set_stream(k as u64);
        let u = rng.random::<f64>();
        for (count, rate) in counts.iter_mut().zip(rates) {
            *count = poisson_inverse(rate * period / mean, u);
        }
        let most = counts.iter().copied().max().unwrap_or(0);
        let mut bad = 0.0;
        for drawn in 0..=most {
            for (lost, _) in lost.iter_mut().zip(&counts).filter(|(_, c)| **c == drawn) {
                lost.push((bad / period).min(1.0));
            }
            if drawn < most {
                let duration = durations.map_or(0.0, |d| d.sample(&mut rng)).min(period);
                bad += duration * pick_severity(&risk.severities, rng.random::<f64>());
            }
        }
    }
    for run in &mut lost {
        run.sort_unstable_by(f64::total_cmp);
    }
    lost
}

/// The smallest `k` whose Poisson(`rate`) distribution function reaches `u`.
/// Each term is the one before times `rate / k`; above [`LOG_TERMS_ABOVE`]
/// the terms are summed in logs, so large rates do not underflow.
fn poisson_inverse(rate: f64, u: f64) -> u64 {
    if rate <= 0.0 {
        return 0;
    }
    let limit = (10.0 * rate + 100.0) as u64;
    let (mut k, mut cumulative) = (0, 0.0);
    if rate < LOG_TERMS_ABOVE {
        let mut p = (-rate).exp();
        cumulative = p;
        while cumulative < u && k < limit {
            k += 1;
            p *= rate / k as f64;
            cumulative += p;
        }
        return k;
    }
    let mut log_p = -rate;
    cumulative += log_p.exp();
    while cumulative < u && k < limit {
        k += 1;
        log_p += rate.ln() - (k as f64).ln();
        cumulative += log_p.exp();
    }
    k
}

/// Rates from which the Poisson terms are summed in logs (`e^-rate` is
/// still a normal number well above this).
const LOG_TERMS_ABOVE: f64 = 500.0;
