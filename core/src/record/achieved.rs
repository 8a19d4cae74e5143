//! The achieved SLI in each past compliance period, from incidents (time:
//! the share of the period's time lost, each incident's duration × share
//! affected) or from an SLI series (events: bad / valid events), and which
//! periods a target would have met.
//!
//! Exact: bad time is compared with the allowed downtime (`period × (1 -
//! target)`, SRE Workbook ch. 2), bad events with the allowed bad events
//! truncated to whole events, so a period on the edge is decided as the
//! budget table decides it. Overlapping incidents add up.

use rust_decimal::Decimal;

use crate::budget::allowed_downtime;
use crate::quantity::target::Target;
use crate::record::incidents::Incident;
use crate::record::periods::PastPeriod;
use crate::record::series::Sample;

/// What a record measures the SLI by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Time: incidents' durations × share affected, against the period's time.
    Time,
    /// Events: a series' bad events against its valid events.
    Events,
}

/// One past period's measure, the same for every target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodRecord {
    /// The period.
    pub period: PastPeriod,
    /// Bad seconds (time) or bad events, exact.
    pub bad: Decimal,
    /// The period's seconds (time) or its valid events, exact.
    pub total: Decimal,
}

impl PeriodRecord {
    /// The achieved SLI as a fraction (`1 - bad / total`, at least 0);
    /// `None` when the period had no valid events.
    pub fn achieved(&self) -> Option<Decimal> {
        if self.total.is_zero() {
            return None;
        }
        let lost = self.bad.checked_div(self.total).unwrap_or(Decimal::ONE);
        Some((Decimal::ONE - lost.min(Decimal::ONE)).normalize())
    }

    /// What `target` allows in this period: seconds of downtime, or bad
    /// events truncated to whole events; `None` if it does not fit a decimal.
    pub fn allowed(&self, basis: Basis, target: &Target) -> Option<Decimal> {
        match basis {
            Basis::Time => allowed_downtime(target, self.period.seconds())
                .ok()
                .map(|d| d.seconds()),
            Basis::Events => self
                .total
                .checked_mul(target.error_budget().fraction())
                .map(|allowed| allowed.floor()),
        }
    }
}

/// The measure of every past period, per SLI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// Time or events.
    pub basis: Basis,
    /// Oldest first.
    pub periods: Vec<PeriodRecord>,
}

/// The record of `periods` from `incidents` (time basis).
pub fn from_incidents(incidents: &[Incident], periods: Vec<PastPeriod>) -> Record {
    let around = crate::record::incidents::Around::new(incidents);
    let periods = periods
        .into_iter()
        .map(|period| {
            let bad = around
                .of(period.start, period.end)
                .iter()
                .map(|incident| {
                    let overlap = incident.end().min(period.end) - incident.start.max(period.start);
                    Decimal::from(overlap.max(0)) * incident.affected
                })
                .fold(Decimal::ZERO, |sum, bad| sum.saturating_add(bad));
            PeriodRecord {
                bad,
                total: Decimal::from(period.seconds()),
                period,
            }
        })
        .collect();
    Record {
        basis: Basis::Time,
        periods,
    }
}

/// The record of `periods` from `samples` (events basis; `samples` in time
/// order). A sample counts in a period when its step ends in it: `start <
/// at <= end`. One pass over the samples, whatever the number of periods.
pub fn from_series(samples: &[Sample], periods: Vec<PastPeriod>) -> Record {
    // Running sums of good and valid events up to each sample.
    let mut sums = Vec::with_capacity(samples.len() + 1);
    let (mut good, mut valid) = (Decimal::ZERO, Decimal::ZERO);
    sums.push((good, valid));
    for sample in samples {
        good = good.saturating_add(sample.good);
        valid = valid.saturating_add(sample.valid);
        sums.push((good, valid));
    }
    let upto = |instant: i64| samples.partition_point(|s| s.at <= instant);
    let periods = periods
        .into_iter()
        .map(|period| {
            let (first, last) = (upto(period.start), upto(period.end));
            let good = sums[last].0 - sums[first].0;
            let valid = sums[last].1 - sums[first].1;
            PeriodRecord {
                bad: valid - good,
                total: valid,
                period,
            }
        })
        .collect();
    Record {
        basis: Basis::Events,
        periods,
    }
}

/// The instants a series spans: from one step before its first sample to
/// its last (a step is the shortest gap between samples, 60 s for one).
pub fn series_span(samples: &[Sample]) -> Option<(i64, i64)> {
    let (first, last) = (samples.first()?, samples.last()?);
    Some((first.at - series_step(samples), last.at))
}

/// A series' step: the shortest gap between its samples, in seconds (60
/// for a single sample).
pub fn series_step(samples: &[Sample]) -> i64 {
    samples
        .windows(2)
        .map(|w| w[1].at - w[0].at)
        .filter(|d| *d > 0)
        .min()
        .unwrap_or(60)
}

/// One past period judged against a target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodOutcome {
    /// The period's name.
    pub label: String,
    /// The achieved SLI, a fraction (exact); `None` with no valid events.
    pub achieved: Option<Decimal>,
    /// Whether the bad time or events stayed within what the target allows.
    pub met: bool,
    /// The budget spent, in percent of what the target allows (exact);
    /// `None` when the target allows nothing in this period.
    pub spent_percent: Option<Decimal>,
}

/// Every past period judged against one target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Achieved {
    /// Oldest first.
    pub periods: Vec<PeriodOutcome>,
    /// How many periods met the target.
    pub met: usize,
    /// The period with the lowest achieved SLI (the first of equals).
    pub worst: Option<usize>,
    /// The historical best: the highest achieved SLI of any period (ESF
    /// ch. 6), a fraction.
    pub best: Option<Decimal>,
}

impl Achieved {
    /// Whether `target` is above the historical best (ESF ch. 6: a promise
    /// the service has never kept).
    pub fn above_best(&self, target: &Target) -> bool {
        self.best.is_some_and(|best| target.fraction() > best)
    }
}

/// Judges every period of `record` against `target`.
///
/// ```
/// use slo_core::record::{achieved::*, periods::PastPeriod};
/// use rust_decimal::Decimal;
/// let april = PastPeriod { label: "April 2025".into(), start: 1_743_465_600, end: 1_746_057_600 };
/// let record = Record { basis: Basis::Time, periods: vec![PeriodRecord {
///     bad: Decimal::from(42 * 60), total: Decimal::from(april.seconds()), period: april }] };
/// let judged = judge(&record, &"99.9".parse().unwrap());
/// assert!(judged.periods[0].met); // 42 min of the 43 min 12 s allowed
/// ```
pub fn judge(record: &Record, target: &Target) -> Achieved {
    let mut periods = Vec::with_capacity(record.periods.len());
    let mut worst: Option<(usize, Decimal)> = None;
    let mut best: Option<Decimal> = None;
    for (index, period) in record.periods.iter().enumerate() {
        let achieved = period.achieved();
        let allowed = period.allowed(record.basis, target);
        let met = allowed.is_some_and(|allowed| period.bad <= allowed);
        let spent_percent = allowed
            .filter(|a| !a.is_zero())
            .and_then(|allowed| period.bad.checked_div(allowed))
            .and_then(|share| share.checked_mul(Decimal::ONE_HUNDRED));
        if let Some(value) = achieved {
            if worst.is_none_or(|(_, w)| value < w) {
                worst = Some((index, value));
            }
            best = Some(best.map_or(value, |b| b.max(value)));
        }
        periods.push(PeriodOutcome {
            label: period.period.label.clone(),
            achieved,
            met,
            spent_percent,
        });
    }
    Achieved {
        met: periods.iter().filter(|p| p.met).count(),
        periods,
        worst: worst.map(|(index, _)| index),
        best,
    }
}
