//! A service's journeys, their SLIs (what counts as a good and a valid
//! event) and each SLI's SLOs (target, window, time zone, SLA, priority).

use crate::model::kind::{kind, Kind};
use crate::model::scenario::Scenario;
use serde::{Deserialize, Serialize};

use crate::model::session::Hypothesis;

/// Whether a journey is a user journey or a single endpoint.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum JourneyKind {
    /// A user journey ("check out a basket").
    #[default]
    UserJourney,
    /// One endpoint ("POST /orders").
    Endpoint,
}

kind!(JourneyKind {
    JourneyKind::UserJourney => ("userJourney", "user journey"),
    JourneyKind::Endpoint => ("endpoint", "endpoint"),
});

/// A user journey or endpoint of a service.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Journey {
    /// Its name ("Checkout", "GET /api/products").
    pub name: String,
    /// User journey or endpoint.
    #[serde(default)]
    pub kind: JourneyKind,
    /// What the user does.
    #[serde(default)]
    pub description: String,
    /// The moment a user is happy at its end ("the order is confirmed").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub happy_moment: String,
    /// Its rank by importance, 1 the most important, as typed; empty when
    /// not ranked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rank: String,
    /// One of the one to three journeys the workshop starts with ("start
    /// small").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub start_here: bool,
    /// Its SLIs.
    #[serde(default)]
    pub slis: Vec<Sli>,
}

/// What an SLI measures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum SliKind {
    /// Share of valid requests served successfully.
    #[default]
    Availability,
    /// Share of valid requests served faster than a threshold.
    Latency,
    /// Share of time the system processes at least a given rate.
    Throughput,
    /// Share of valid outputs that are correct.
    Correctness,
    /// Share of data updated more recently than a threshold.
    Freshness,
    /// Share of written data that can be read back.
    Durability,
    /// Share of valid data processed.
    Coverage,
    /// Anything else, described in words.
    Custom,
}

kind!(SliKind {
    SliKind::Availability => ("availability", "availability"),
    SliKind::Latency => ("latency", "latency"),
    SliKind::Throughput => ("throughput", "throughput"),
    SliKind::Correctness => ("correctness", "correctness"),
    SliKind::Freshness => ("freshness", "freshness"),
    SliKind::Durability => ("durability", "durability"),
    SliKind::Coverage => ("coverage", "coverage"),
    SliKind::Custom => ("custom", "custom"),
});

/// How a latency threshold compares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Comparison {
    /// Good when faster than the threshold (`<`).
    #[default]
    LessThan,
    /// Good when at most the threshold (`<=`).
    LessOrEqual,
}

impl Comparison {
    /// `<` or `<=`.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::LessThan => "<",
            Comparison::LessOrEqual => "<=",
        }
    }
}

kind!(Comparison {
    Comparison::LessThan => ("lessThan", "faster than (<)"),
    Comparison::LessOrEqual => ("lessOrEqual", "at most (<=)"),
});

/// The latency threshold of a latency SLI.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LatencyThreshold {
    /// The threshold in milliseconds, as typed ("400").
    pub threshold_ms: String,
    /// How a request's latency compares with it.
    #[serde(default)]
    pub comparison: Comparison,
}

/// Whether an SLI counts requests (events) or time slices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Measurement {
    /// Good events / valid events.
    #[default]
    RequestBased,
    /// Good slices / all slices of [`Sli::time_slice`].
    TimeSliceBased,
}

kind!(Measurement {
    Measurement::RequestBased => ("requestBased", "request-based (good events / valid events)"),
    Measurement::TimeSliceBased => ("timeSliceBased", "time-slice-based (good slices / all slices)"),
});

/// Expected traffic, for event budgets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Traffic {
    /// Expected valid events, a whole number as typed ("3000000").
    pub valid_events: String,
    /// What the count is counted over.
    #[serde(default)]
    pub per: EventsPer,
}

/// Which events an SLI's first query counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Counts {
    /// Good events: the SLI is `good / total`.
    #[default]
    Good,
    /// Bad events: the SLI is `1 - bad / total`.
    Bad,
}

kind!(Counts {
    Counts::Good => ("good", "good events"),
    Counts::Bad => ("bad", "bad events"),
});

/// The metric source a query is written for when none is named.
pub const PROMETHEUS: &str = "Prometheus";

/// The queries that count an SLI's events in a metric source, as OpenSLO's
/// `ratioMetric` holds them: good (or bad) events over total (valid) events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SliQueries {
    /// The metric source's type as OpenSLO names it ("Prometheus",
    /// "Datadog"); Prometheus rules are generated for "Prometheus" only.
    pub source: String,
    /// Whether the queries select counters that only grow, so that a rate
    /// is taken over each window (OpenSLO `counter`). For Prometheus, a
    /// query that is not a counter gives the events in a window itself and
    /// writes the window as `{{.window}}` (sloth's convention).
    pub counter: bool,
    /// Whether [`SliQueries::counted`] counts good or bad events.
    pub counts: Counts,
    /// The query counting good (or bad) events
    /// (`http_requests_total{job="api",code!~"5.."}`).
    pub counted: String,
    /// The query counting valid (total) events (`http_requests_total{job="api"}`).
    pub total: String,
}

/// How a Prometheus query that is not a counter writes the window it
/// counts over (sloth's convention): `sum(increase(x[{{.window}}]))`.
pub const WINDOW_PLACEHOLDER: &str = "{{.window}}";

/// New queries: Prometheus counters of good events, not yet written.
impl Default for SliQueries {
    fn default() -> Self {
        SliQueries {
            source: PROMETHEUS.into(),
            counter: true,
            counts: Counts::Good,
            counted: String::new(),
            total: String::new(),
        }
    }
}

impl SliQueries {
    /// Whether the metric source is Prometheus (any letter case).
    pub fn is_prometheus(&self) -> bool {
        self.source.trim().eq_ignore_ascii_case(PROMETHEUS)
    }
}

/// A service level indicator: what counts as a good and a valid event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sli {
    /// Its name ("Checkout availability").
    pub name: String,
    /// What it measures.
    #[serde(default)]
    pub kind: SliKind,
    /// What a good event is, in words.
    #[serde(default)]
    pub good_events: String,
    /// What a valid event is, in words.
    #[serde(default)]
    pub valid_events: String,
    /// For availability: which responses count as bad ("HTTP 5xx and timeouts").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad_responses: Option<String>,
    /// For latency: the threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency: Option<LatencyThreshold>,
    /// Request-based or time-slice-based.
    #[serde(default)]
    pub measurement: Measurement,
    /// For a time-slice-based SLI: the slice length in duration syntax ("1m").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub time_slice: String,
    /// Where it is measured ("load balancer logs").
    #[serde(default)]
    pub measured_at: String,
    /// Expected traffic, for event budgets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traffic: Option<Traffic>,
    /// The queries that count its events in a metric source (OpenSLO's
    /// `ratioMetric`); `None` while the team has not written them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queries: Option<SliQueries>,
    /// Its SLOs.
    #[serde(default)]
    pub slos: Vec<Slo>,
}

/// Incident priority, 1 the most urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Priority {
    /// Priority 1.
    P1,
    /// Priority 2.
    P2,
    /// Priority 3.
    P3,
    /// Priority 4.
    P4,
}

kind!(Priority {
    Priority::P1 => ("P1", "P1"),
    Priority::P2 => ("P2", "P2"),
    Priority::P3 => ("P3", "P3"),
    Priority::P4 => ("P4", "P4"),
});

/// An SLO's incident priority may be left open ("none").
impl Kind for Option<Priority> {
    const ALL: &'static [Self] = &[
        None,
        Some(Priority::P1),
        Some(Priority::P2),
        Some(Priority::P3),
        Some(Priority::P4),
    ];

    fn key(self) -> &'static str {
        self.map_or("", Priority::key)
    }

    fn label(self) -> &'static str {
        self.map_or("none", Priority::label)
    }
}

/// A service level objective over an SLI. Its error budget is computed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Slo {
    /// Its name ("99.9 % of checkouts succeed").
    #[serde(default)]
    pub name: String,
    /// The target in percent, as typed ("99.95"): the agreed one, at
    /// least the minimum users accept.
    pub target: String,
    /// What the team would like to reach, in percent, as typed; at least
    /// the target (the essays' "differentiate aspirational goals from the
    /// minimum"); empty when none was set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub aspirational_target: String,
    /// The compliance period in window syntax ("28d", "month").
    pub window: String,
    /// The IANA time zone for a calendar window; empty means UTC.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub time_zone: String,
    /// The SLA promised to customers, in percent; must be looser than the SLO.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla: Option<String>,
    /// The best performance ever observed, in percent (ESF ch. 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub historical: Option<String>,
    /// The priority of an incident that threatens this SLO.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Why this target.
    #[serde(default)]
    pub rationale: String,
    /// Whether it applies to the endpoints of the service that have no SLO of their own.
    #[serde(default)]
    pub default_slo: bool,
    /// Why the SLO may stay above the ceiling its service's dependencies
    /// allow (see [`crate::dependency`]): an agreed document needs it when
    /// the SLO is; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub above_ceiling_reason: String,
    /// The hypothesis the SLO tests (ESF 4.7).
    #[serde(default, skip_serializing_if = "Hypothesis::is_empty")]
    pub hypothesis: Hypothesis,
    /// Burn scenarios over one of its periods (see [`crate::burn::simulate`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// The team's history, for the trade-off table (see [`crate::tradeoff`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<crate::model::history::SloHistory>,
}

impl Slo {
    /// The SLO's time zone as written, or UTC when none is (a calendar
    /// window's days run from local midnight to local midnight there).
    pub fn time_zone_name(&self) -> &str {
        match self.time_zone.trim() {
            "" => crate::quantity::zone::DEFAULT_ZONE,
            name => name,
        }
    }
}

/// What the valid-events count is counted over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventsPer {
    /// Events in the whole window.
    #[default]
    Window,
    /// Events per day of 86,400 s.
    Day,
}

kind!(EventsPer {
    EventsPer::Window => ("window", "per window"),
    EventsPer::Day => ("day", "per day"),
});
