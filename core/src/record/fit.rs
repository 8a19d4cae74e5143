//! The risk model a record implies: incidents per compliance period, the
//! time to restore (median and 90th percentile of a log-normal fitted to
//! the durations) and the severity mix (the shares affected), written as a
//! [`RiskModel`] people can read and edit, for the Monte Carlo runs
//! ([`crate::burn::risk`], [`crate::record::chance`]).

use rust_decimal::Decimal;

use crate::burn::risk::Z90;
use crate::model::scenario::{IncidentSeverity, RiskModel};
use crate::quantity::duration::ExactDuration;
use crate::record::incidents::Incident;

/// Periods the fitted model simulates by default.
pub const FITTED_PERIODS: u32 = 10_000;

/// The severity classes of the fitted mix, by share affected (percent,
/// lower bound inclusive): full outages, large, partial, small.
pub const SEVERITY_CLASSES: [(u32, &str); 4] = [
    (75, "full outage"),
    (25, "large"),
    (5, "partial"),
    (0, "small"),
];

/// A risk model fitted to a record, with the figures behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// Incidents in the record.
    pub incidents: usize,
    /// How many compliance periods the record spans (a fraction).
    pub periods_spanned: f64,
    /// Incidents per period (`incidents / periods spanned`).
    pub rate: f64,
    /// Median time to restore, whole seconds (log-normal fit).
    pub median_seconds: u64,
    /// 90th percentile time to restore, whole seconds, above the median.
    pub p90_seconds: u64,
    /// The severity mix: share of incidents and mean share affected, both
    /// in percent; shares add up to exactly 100.
    pub severities: Vec<(u32, Decimal)>,
    /// The same as a risk model people can edit (texts as typed).
    pub model: RiskModel,
}

/// Fits a risk model to `incidents` over a record of `spanned_seconds`
/// with compliance periods of `period_seconds`, seeded with `seed`.
///
/// Time to restore: a log-normal by maximum likelihood (the mean and
/// standard deviation of the logs), so median = e^mu and p90 = e^(mu + 1.2816
/// sigma); with equal durations the p90 is one second above the median (the
/// risk model needs it longer). Errors when fewer than two incidents or no
/// time span are given: one incident fits no spread.
///
/// ```
/// use slo_core::record::fit::fit;
/// use slo_core::record::incidents::read_incidents;
/// let csv = "start,duration,affected\n2025-01-10,30m,100\n2025-02-10,2h,100\n2025-03-10,30m,20\n";
/// let incidents = read_incidents(csv, &slo_core::Utc).unwrap().rows;
/// let fitted = fit(&incidents, 90 * 86_400, 30 * 86_400, 1).unwrap();
/// assert_eq!(fitted.model.incidents_per_period, "1");
/// assert_eq!(fitted.model.median_time_to_restore, "47m 37s");
/// ```
pub fn fit(
    incidents: &[Incident],
    spanned_seconds: u64,
    period_seconds: u64,
    seed: u64,
) -> Result<Fit, String> {
    if incidents.len() < 2 {
        return Err(format!(
            "{} incident{} cannot show a spread of times to restore: at least 2 are needed",
            incidents.len(),
            if incidents.len() == 1 { "" } else { "s" }
        ));
    }
    if spanned_seconds == 0 || period_seconds == 0 {
        return Err("the record spans no time".into());
    }
    let periods_spanned = spanned_seconds as f64 / period_seconds as f64;
    let rate = incidents.len() as f64 / periods_spanned;
    let logs: Vec<f64> = incidents
        .iter()
        .map(|i| (i.duration.max(1) as f64).ln())
        .collect();
    let n = logs.len() as f64;
    let mu = logs.iter().sum::<f64>() / n;
    let sigma = (logs.iter().map(|l| (l - mu).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    let median_seconds = mu.exp().round().max(1.0) as u64;
    let p90_seconds = ((mu + Z90 * sigma).exp().round() as u64).max(median_seconds + 1);
    let severities = severity_mix(incidents);
    let model = RiskModel {
        incidents_per_period: two_decimals(rate),
        median_time_to_restore: ExactDuration::from_whole_seconds(median_seconds).to_string(),
        p90_time_to_restore: ExactDuration::from_whole_seconds(p90_seconds).to_string(),
        severities: severities
            .iter()
            .map(|(share, error)| IncidentSeverity {
                share_percent: share.to_string(),
                error_percent: error.to_string(),
            })
            .collect(),
        periods: FITTED_PERIODS.to_string(),
        seed: seed.to_string(),
    };
    Ok(Fit {
        incidents: incidents.len(),
        periods_spanned,
        rate,
        median_seconds,
        p90_seconds,
        severities,
        model,
    })
}

/// `value` to two decimals, without trailing zeros ("2.5", "1"); at least
/// 0.01 when above zero.
fn two_decimals(value: f64) -> String {
    let rounded = Decimal::from_f64_retain(value)
        .unwrap_or_default()
        .round_dp(2);
    let floor = Decimal::new(1, 2);
    let shown = if value > 0.0 && rounded < floor {
        floor
    } else {
        rounded
    };
    shown.normalize().to_string()
}

/// The incidents by [`SEVERITY_CLASSES`]: each class's share of incidents
/// (whole percents adding up to 100, largest remainders first) and its mean
/// share affected (percent, two decimals).
fn severity_mix(incidents: &[Incident]) -> Vec<(u32, Decimal)> {
    let mut classes: Vec<(usize, Decimal)> = vec![(0, Decimal::ZERO); SEVERITY_CLASSES.len()];
    for incident in incidents {
        let percent = incident.affected * Decimal::ONE_HUNDRED;
        let class = SEVERITY_CLASSES
            .iter()
            .position(|(low, _)| percent >= Decimal::from(*low))
            .unwrap_or(SEVERITY_CLASSES.len() - 1);
        classes[class].0 += 1;
        classes[class].1 += percent;
    }
    let total = incidents.len();
    let mut shares: Vec<(usize, u32, usize)> = classes
        .iter()
        .enumerate()
        .filter(|(_, (count, _))| *count > 0)
        .map(|(class, (count, _))| (class, (count * 100 / total) as u32, count * 100 % total))
        .collect();
    let mut left = 100 - shares.iter().map(|s| s.1).sum::<u32>();
    let mut by_remainder: Vec<usize> = (0..shares.len()).collect();
    by_remainder.sort_by_key(|i| std::cmp::Reverse(shares[*i].2));
    for i in by_remainder.into_iter().cycle().take(left as usize) {
        shares[i].1 += 1;
        left -= 1;
    }
    debug_assert_eq!(left, 0);
    shares
        .into_iter()
        .filter(|(_, share, _)| *share > 0)
        .map(|(class, share, _)| {
            let (count, sum) = classes[class];
            let mean = (sum / Decimal::from(count)).round_dp(2).normalize();
            (share, mean)
        })
        .collect()
}
