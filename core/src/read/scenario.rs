//! A [`Scenario`] read into numbers, or every field that cannot be read.
//!
//! The simulation works in expected (fractional) request counts, so its
//! inputs are `f64`: rates per minute, error ratios as fractions, times in
//! whole seconds from the period's start. The error budget itself stays exact
//! (see [`crate::burn::simulate`]).

use crate::read::traffic::PlannedTraffic;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::model::scenario::{EventKind, RiskModel, Scenario, ScenarioEvent, TrafficProfile};
use crate::problem::{item, join, Collector, Problem};
use crate::quantity::duration::ExactDuration;
use crate::read::fields::ReadFields;
use crate::read::{Count, Decimals, Percent, Span};

/// The most requests per minute a profile may have (a billion).
pub const MAX_REQUESTS_PER_MINUTE: u64 = 1_000_000_000;
/// The most periods one Monte Carlo run may simulate.
pub const MAX_PERIODS: u64 = 100_000;
/// The most incidents per period the risk model may expect.
pub const MAX_INCIDENTS_PER_PERIOD: u64 = 1_000;
/// The most incidents one Monte Carlo run may expect in all (periods x rate),
/// so a run stays well under a second in the browser.
pub const MAX_INCIDENTS_PER_RUN: u64 = 2_000_000;

/// What a planned event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlannedKind {
    /// An incident (counts for MTTR, priorities and alert coverage).
    Incident,
    /// Planned downtime.
    PlannedDowntime,
    /// A failure of part of the traffic (an incident too).
    PartialTraffic,
}

impl PlannedKind {
    /// How reports name it.
    pub fn label(self) -> &'static str {
        match self {
            PlannedKind::Incident => "incident",
            PlannedKind::PlannedDowntime => "planned downtime",
            PlannedKind::PartialTraffic => "partial traffic",
        }
    }

    /// Whether it is an incident (not planned).
    pub fn is_incident(self) -> bool {
        self != PlannedKind::PlannedDowntime
    }
}

/// One event, read.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedEvent {
    /// Its name, or "event N" when none was given.
    pub name: String,
    /// What it is.
    pub kind: PlannedKind,
    /// Start, whole seconds from the period's start.
    pub start: u64,
    /// Length in whole seconds (rounded up).
    pub duration: u64,
    /// The error ratio it adds to all traffic, a fraction (share x error ratio).
    pub error_ratio: f64,
    /// Its cause (a dependency's name or an outage kind); may be empty.
    pub cause: String,
}

impl PlannedEvent {
    /// End, whole seconds from the period's start.
    pub fn end(&self) -> u64 {
        self.start.saturating_add(self.duration)
    }
}

/// The risk model, read.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskPlan {
    /// Mean incidents per period.
    pub incidents_per_period: f64,
    /// Median time to restore, seconds.
    pub median_seconds: f64,
    /// 90th percentile time to restore, seconds.
    pub p90_seconds: f64,
    /// (share, error ratio) pairs, fractions; shares add up to 1.
    pub severities: Vec<(f64, f64)>,
    /// Periods to simulate.
    pub periods: u32,
    /// The seed.
    pub seed: u64,
}

/// A scenario read into numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Valid requests per minute.
    pub traffic: PlannedTraffic,
    /// Error ratio outside events, a fraction.
    pub background: f64,
    /// The events, in the order written.
    pub events: Vec<PlannedEvent>,
    /// The risk model, if any.
    pub risk: Option<RiskPlan>,
}

/// What a scenario's fields read into, beside the shared [`ReadFields`].
type Reader = Collector;

const RATE: Count = Count::new(
    "a number of requests per minute",
    0,
    MAX_REQUESTS_PER_MINUTE,
);
const HOUR: Count = Count::new("an hour of the day", 0, 23);
const PERCENT: Percent = Percent::from_zero("a percentage");
const PERCENT_ABOVE_ZERO: Percent = Percent::above_zero("a percentage");

/// The scenario's own kinds of field, over the readers of [`crate::read`].
trait ScenarioFields {
    /// Requests per minute; 0 after a problem.
    fn rate(&mut self, path: &str, text: &str) -> f64;
    fn fraction(&mut self, path: &str, text: &str, positive: bool) -> f64;
    fn seconds(&mut self, path: &str, text: &str, kind: Span) -> u64;
}

impl ScenarioFields for Collector {
    fn rate(&mut self, path: &str, text: &str) -> f64 {
        self.count(path, text, RATE).map_or(0.0, |n| n as f64)
    }

    fn fraction(&mut self, path: &str, text: &str, positive: bool) -> f64 {
        let kind = if positive {
            PERCENT_ABOVE_ZERO
        } else {
            PERCENT
        };
        self.percent(path, text, kind)
            .and_then(|p| (p / Decimal::ONE_HUNDRED).to_f64())
            .unwrap_or(0.0)
    }

    fn seconds(&mut self, path: &str, text: &str, kind: Span) -> u64 {
        self.duration(path, text, kind, false)
            .map_or(0, |d| d.whole_seconds_up())
    }
}

impl Scenario {
    /// Reads the scenario for a period of `period_seconds`, or returns every
    /// problem with its path relative to the scenario (`events[1].start`).
    pub fn plan(&self, period_seconds: u64) -> Result<Plan, Vec<Problem>> {
        let mut r = Reader::default();
        let traffic = read_traffic(&mut r, &self.traffic);
        let background = if self.background_error_percent.trim().is_empty() {
            0.0
        } else {
            r.fraction(
                "backgroundErrorPercent",
                &self.background_error_percent,
                false,
            )
        };
        let events = self
            .events
            .iter()
            .enumerate()
            .map(|(i, event)| read_event(&mut r, i, event, period_seconds))
            .collect();
        let risk = self.risk.as_ref().map(|risk| read_risk(&mut r, risk));
        r.finish(Plan {
            traffic,
            background,
            events,
            risk,
        })
    }
}

fn read_traffic(r: &mut Reader, traffic: &TrafficProfile) -> PlannedTraffic {
    match traffic {
        TrafficProfile::Constant {
            requests_per_minute,
        } => PlannedTraffic::Constant {
            per_minute: r.rate("traffic.requestsPerMinute", requests_per_minute),
        },
        TrafficProfile::Daily {
            peak_per_minute,
            trough_per_minute,
            peak_hour,
        } => {
            let peak = r.rate("traffic.peakPerMinute", peak_per_minute);
            let trough = r.rate("traffic.troughPerMinute", trough_per_minute);
            if trough > peak {
                r.error(
                    "traffic.troughPerMinute",
                    format!(
                        "the trough ({trough_per_minute}) is above the peak ({peak_per_minute})"
                    ),
                );
            }
            let hour = r.count("traffic.peakHour", peak_hour, HOUR).unwrap_or(0) as f64;
            PlannedTraffic::Daily {
                peak,
                trough,
                peak_hour: hour,
            }
        }
    }
}

/// The `i`-th event, its problems placed at `events[i]`.
fn read_event(
    r: &mut Reader,
    i: usize,
    event: &ScenarioEvent,
    period_seconds: u64,
) -> PlannedEvent {
    let path = item("", "events", i);
    let start = r.seconds(
        &join(&path, "start"),
        &event.start,
        Span::from_zero("a start"),
    );
    if start >= period_seconds && period_seconds > 0 {
        r.error(
            join(&path, "start"),
            format!(
                "\"{}\" is after the period ends ({})",
                event.start,
                ExactDuration::from_whole_seconds(period_seconds)
            ),
        );
    }
    let duration = r.seconds(
        &join(&path, "duration"),
        &event.duration,
        Span::positive("a duration"),
    );
    let error_percent = join(&path, "kind.errorPercent");
    let (kind, error_ratio) = match &event.kind {
        EventKind::Incident { error_percent: e } => {
            (PlannedKind::Incident, r.fraction(&error_percent, e, true))
        }
        EventKind::PlannedDowntime => (PlannedKind::PlannedDowntime, 1.0),
        EventKind::PartialTraffic {
            traffic_percent,
            error_percent: e,
        } => (
            PlannedKind::PartialTraffic,
            r.fraction(&join(&path, "kind.trafficPercent"), traffic_percent, true)
                * r.fraction(&error_percent, e, true),
        ),
    };
    let name = match event.name.trim() {
        "" => format!("event {}", i + 1),
        name => name.to_string(),
    };
    PlannedEvent {
        name,
        kind,
        start,
        duration,
        error_ratio,
        cause: event.cause.trim().to_string(),
    }
}

impl RiskModel {
    /// Reads the risk model on its own (as the trade-off table does), or
    /// returns every problem with its path (`risk.medianTimeToRestore`).
    pub fn plan(&self) -> Result<RiskPlan, Vec<Problem>> {
        let mut r = Reader::default();
        let risk = read_risk(&mut r, self);
        r.finish(risk)
    }
}

fn read_risk(r: &mut Reader, risk: &RiskModel) -> RiskPlan {
    const INCIDENTS: Decimals =
        Decimals::from_zero("a number of incidents", MAX_INCIDENTS_PER_PERIOD);
    let rate = r
        .decimal(
            "risk.incidentsPerPeriod",
            &risk.incidents_per_period,
            INCIDENTS,
        )
        .and_then(|n| n.to_f64())
        .unwrap_or(0.0);
    let median = r.seconds(
        "risk.medianTimeToRestore",
        &risk.median_time_to_restore,
        Span::positive("a time to restore"),
    );
    let p90 = r.seconds(
        "risk.p90TimeToRestore",
        &risk.p90_time_to_restore,
        Span::positive("a time to restore"),
    );
    if median > 0 && p90 > 0 && p90 <= median {
        r.error(
            "risk.p90TimeToRestore",
            format!(
                "the 90th percentile ({}) must be longer than the median ({})",
                risk.p90_time_to_restore, risk.median_time_to_restore
            ),
        );
    }
    let severities = read_severities(r, risk);
    let periods = r
        .count(
            "risk.periods",
            &risk.periods,
            Count::new("a number of periods", 0, MAX_PERIODS),
        )
        .unwrap_or(0);
    if periods == 0 && !r.has_problem_at("risk.periods") {
        r.error("risk.periods", "simulate at least one period");
    }
    if periods as f64 * rate > MAX_INCIDENTS_PER_RUN as f64 {
        r.error("risk.periods", format!("{periods} periods of {} incidents is too many to simulate here: keep periods x incidents per period under {MAX_INCIDENTS_PER_RUN}", risk.incidents_per_period.trim()));
    }
    let seed = r
        .count("risk.seed", &risk.seed, Count::new("a seed", 0, u64::MAX))
        .unwrap_or(0);
    RiskPlan {
        incidents_per_period: rate,
        median_seconds: median as f64,
        p90_seconds: p90 as f64,
        severities,
        periods: periods as u32,
        seed,
    }
}

/// The severity mix: (share, error ratio) pairs whose shares add up to 100 %.
fn read_severities(r: &mut Reader, risk: &RiskModel) -> Vec<(f64, f64)> {
    let mut severities = Vec::with_capacity(risk.severities.len());
    let mut total = Decimal::ZERO;
    for (i, severity) in risk.severities.iter().enumerate() {
        let path = item("risk", "severities", i);
        let share = r.percent(
            &join(&path, "sharePercent"),
            &severity.share_percent,
            PERCENT_ABOVE_ZERO,
        );
        total = total.saturating_add(share.unwrap_or_default());
        let share = share
            .and_then(|p| (p / Decimal::ONE_HUNDRED).to_f64())
            .unwrap_or(0.0);
        let error = r.fraction(&join(&path, "errorPercent"), &severity.error_percent, true);
        severities.push((share, error));
    }
    if risk.severities.is_empty() {
        r.error(
            "risk.severities",
            "the severity mix needs at least one severity",
        );
    } else if total != Decimal::ONE_HUNDRED {
        r.error(
            "risk.severities",
            format!("the shares add up to {} %, not 100 %", total.normalize()),
        );
    }
    severities
}
