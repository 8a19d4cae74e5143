//! The risk model fitted to a record, and the chance of meeting a target
//! from it: the fit recovers the parameters of generated histories, the
//! chance never rises with the target or with more incidents, and the rate's
//! interval brackets it.

use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal, Poisson};
use rust_decimal::Decimal;
use slo_core::burn::risk::Z90;
use slo_core::read::scenario::RiskPlan;
use slo_core::record::chance::{outlook, Evidence};
use slo_core::record::fit::fit;
use slo_core::record::incidents::Incident;

const DAY: u64 = 86_400;
const PERIOD: u64 = 30 * DAY;

/// `periods` periods of incidents at `rate` a period, times to restore
/// log-normal with `median` and `p90` seconds, a quarter of them partial
/// (20 % affected).
fn history(periods: u64, rate: f64, median: f64, p90: f64, seed: u64) -> Vec<Incident> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let arrivals = Poisson::new(rate).unwrap();
    let sigma = (p90.ln() - median.ln()) / Z90;
    let durations = LogNormal::new(median.ln(), sigma).unwrap();
    let mut incidents = Vec::new();
    for period in 0..periods {
        let count = arrivals.sample(&mut rng) as u64;
        for _ in 0..count {
            let start = (period * PERIOD) as i64 + rng.random_range(0..PERIOD as i64);
            let partial = rng.random::<f64>() < 0.25;
            incidents.push(Incident {
                line: incidents.len() as u64 + 2,
                start,
                duration: durations.sample(&mut rng).round().max(1.0) as u64,
                affected: if partial {
                    Decimal::new(20, 2)
                } else {
                    Decimal::ONE
                },
                cause: String::new(),
                sli: None,
            });
        }
    }
    incidents
}

#[test]
fn the_fit_recovers_the_rate_the_times_to_restore_and_the_mix() {
    // 600 periods at 3 incidents each, median 30 min, p90 4 h.
    let incidents = history(600, 3.0, 1800.0, 14_400.0, 7);
    let fitted = fit(&incidents, 600 * PERIOD, PERIOD, 1).unwrap();
    assert!((fitted.rate - 3.0).abs() < 0.15, "rate {}", fitted.rate);
    let median = fitted.median_seconds as f64;
    let p90 = fitted.p90_seconds as f64;
    assert!((median / 1800.0 - 1.0).abs() < 0.08, "median {median}");
    assert!((p90 / 14_400.0 - 1.0).abs() < 0.12, "p90 {p90}");
    // Two classes: full outages (75 %) and partial ones at 20 % (25 %).
    assert_eq!(fitted.severities.len(), 2);
    let shares: u32 = fitted.severities.iter().map(|s| s.0).sum();
    assert_eq!(shares, 100);
    assert!(
        (fitted.severities[0].0 as i32 - 75).abs() <= 3,
        "{:?}",
        fitted.severities
    );
    assert_eq!(fitted.severities[0].1, Decimal::ONE_HUNDRED);
    assert_eq!(fitted.severities[1].1, Decimal::from(20));
    // The model it writes reads back to the same numbers.
    let plan = fitted.model.plan().unwrap();
    assert_eq!(plan.median_seconds, median);
    assert_eq!(plan.p90_seconds, p90);
    assert_eq!(plan.periods, 10_000);
}

#[test]
fn too_few_incidents_or_no_span_cannot_be_fitted() {
    let one = history(600, 3.0, 1800.0, 14_400.0, 7)
        .into_iter()
        .take(1)
        .collect::<Vec<_>>();
    assert!(fit(&one, PERIOD, PERIOD, 1)
        .unwrap_err()
        .contains("at least 2"));
    assert!(fit(&[], PERIOD, PERIOD, 1)
        .unwrap_err()
        .contains("0 incidents"));
    let two = history(600, 3.0, 1800.0, 14_400.0, 7)
        .into_iter()
        .take(2)
        .collect::<Vec<_>>();
    assert!(fit(&two, 0, PERIOD, 1).is_err());
    // Equal times to restore: the p90 is a second above the median.
    let same: Vec<Incident> = two
        .iter()
        .map(|i| Incident {
            duration: 600,
            ..i.clone()
        })
        .collect();
    let fitted = fit(&same, PERIOD, PERIOD, 1).unwrap();
    assert_eq!((fitted.median_seconds, fitted.p90_seconds), (600, 601));
    assert!(fitted.model.plan().is_ok());
}

fn plan(rate: f64, median: f64, p90: f64, seed: u64) -> RiskPlan {
    RiskPlan {
        incidents_per_period: rate,
        median_seconds: median,
        p90_seconds: p90,
        severities: vec![(0.8, 1.0), (0.2, 0.25)],
        periods: 2_000,
        seed,
    }
}

#[test]
fn the_chance_matches_a_hand_computed_case_and_the_interval_brackets_it() {
    // One incident a period, always exactly 40 minutes, a full outage: a
    // 30-day period meets 99.9 % (43.2 min) only with no second incident.
    // P(N <= 1) = 2/e = 0.7358 for a rate of 1.
    let risk = RiskPlan {
        severities: vec![(1.0, 1.0)],
        periods: 10_000,
        ..plan(1.0, 2400.0, 2400.0, 3)
    };
    let run = outlook(
        &risk,
        &[PERIOD],
        Some(Evidence {
            incidents: 12,
            periods: 12.0,
        }),
    );
    let chance = run.chance(0.001);
    assert!((chance.meet - 0.7358).abs() < 0.015, "{chance:?}");
    let (low, high) = (chance.low.unwrap(), chance.high.unwrap());
    assert!(low < chance.meet && chance.meet < high, "{chance:?}");
    assert_eq!(run.periods(), 10_000);
    // Garwood's 80 % interval for 12 over 12 periods, from the chi-square
    // table: 15.659 / 24 = 0.6525 (the 10th percentile at 24 degrees of
    // freedom) to 35.563 / 24 = 1.4818 (the 90th at 26).
    let (rate_low, rate_high) = Evidence {
        incidents: 12,
        periods: 12.0,
    }
    .rate_interval();
    assert!(
        (rate_low - 0.6525).abs() < 0.002 && (rate_high - 1.4818).abs() < 0.002,
        "{rate_low} {rate_high}"
    );
    // None seen in 12 periods: up to ln(10) / 12.
    let (none_low, none_high) = Evidence {
        incidents: 0,
        periods: 12.0,
    }
    .rate_interval();
    assert_eq!(none_low, 0.0);
    assert!((none_high - 10f64.ln() / 12.0).abs() < 1e-12);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn raising_the_target_never_raises_the_chance(
        rate in 0.0f64..8.0,
        median in 60.0f64..7200.0,
        spread in 1.01f64..20.0,
        seed in any::<u64>(),
        budgets in proptest::collection::vec(1e-6f64..0.05, 2..8),
    ) {
        let run = outlook(&plan(rate, median, median * spread, seed), &[PERIOD], Some(Evidence { incidents: 5, periods: 3.0 }));
        let mut budgets = budgets;
        // A higher target is a smaller budget.
        budgets.sort_by(|a, b| b.total_cmp(a));
        for pair in budgets.windows(2) {
            let (looser, stricter) = (run.chance(pair[0]), run.chance(pair[1]));
            prop_assert!(stricter.meet <= looser.meet);
            prop_assert!(stricter.low <= looser.low && stricter.high <= looser.high);
        }
    }

    #[test]
    fn more_incidents_never_raise_the_chance(
        rate in 0.0f64..8.0,
        more in 0.0f64..5.0,
        median in 60.0f64..7200.0,
        spread in 1.01f64..20.0,
        seed in any::<u64>(),
        budget in 1e-5f64..0.05,
    ) {
        let fewer = outlook(&plan(rate, median, median * spread, seed), &[PERIOD], None).chance(budget);
        let more = outlook(&plan(rate + more, median, median * spread, seed), &[PERIOD], None).chance(budget);
        prop_assert!(more.meet <= fewer.meet, "{} then {}", fewer.meet, more.meet);
    }
}
