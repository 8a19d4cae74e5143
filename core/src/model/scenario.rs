//! Burn scenarios as people write them: a traffic profile, a background error
//! ratio and events (incidents, planned downtime, partial-traffic failures)
//! over one compliance period of an SLO, plus an optional risk model for the
//! Monte Carlo run (see [`crate::burn::simulate`] and [`crate::burn::risk`]).
//!
//! Everything is text as typed; [`Scenario::plan`] reads it into a
//! [`Plan`](crate::read::scenario::Plan)
//! or names every bad field. Times are offsets from the period's start in
//! duration syntax ("18d 14h" is day 19 at 14:00).

use serde::{Deserialize, Serialize};

use crate::model::kind::kind;

/// One "what if" for an SLO: traffic, background errors and events.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    /// Its name, unique in the model ("last spring's outage").
    pub name: String,
    /// How many valid requests arrive.
    #[serde(default)]
    pub traffic: TrafficProfile,
    /// The error ratio outside events, in percent as typed ("0.02").
    #[serde(default)]
    pub background_error_percent: String,
    /// What happens during the period.
    #[serde(default)]
    pub events: Vec<ScenarioEvent>,
    /// Incidents as a random process, for the Monte Carlo run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskModel>,
}

/// Valid requests per minute over a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum TrafficProfile {
    /// The same rate all day.
    #[serde(rename_all = "camelCase")]
    Constant {
        /// Requests per minute, a whole number as typed ("1000").
        requests_per_minute: String,
    },
    /// A daily curve (a cosine) from the trough to the peak and back.
    #[serde(rename_all = "camelCase")]
    Daily {
        /// Requests per minute at the peak ("3000").
        peak_per_minute: String,
        /// Requests per minute at the trough ("300").
        trough_per_minute: String,
        /// The hour of the peak, 0-23, in period time ("14").
        peak_hour: String,
    },
}

impl Default for TrafficProfile {
    fn default() -> Self {
        TrafficProfile::Constant {
            requests_per_minute: "1000".into(),
        }
    }
}

/// A traffic profile's shape, without its numbers: the choice the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TrafficShape {
    /// [`TrafficProfile::Constant`].
    Constant,
    /// [`TrafficProfile::Daily`].
    Daily,
}

kind!(TrafficShape {
    TrafficShape::Constant => ("constant", "constant: the same rate all day"),
    TrafficShape::Daily => ("daily", "daily curve: a peak and a trough"),
});

impl TrafficShape {
    /// A new profile of this shape (1,000 a minute; or 300 to 3,000 peaking at 14:00).
    pub fn start(self) -> TrafficProfile {
        match self {
            TrafficShape::Constant => TrafficProfile::default(),
            TrafficShape::Daily => TrafficProfile::Daily {
                peak_per_minute: "3000".into(),
                trough_per_minute: "300".into(),
                peak_hour: "14".into(),
            },
        }
    }
}

impl TrafficProfile {
    /// Its shape.
    pub fn shape(&self) -> TrafficShape {
        match self {
            TrafficProfile::Constant { .. } => TrafficShape::Constant,
            TrafficProfile::Daily { .. } => TrafficShape::Daily,
        }
    }
}

/// What an event does to the requests while it lasts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum EventKind {
    /// An incident failing a share of all requests ("100" is a full outage).
    #[serde(rename_all = "camelCase")]
    Incident {
        /// Error ratio in percent ("100").
        error_percent: String,
    },
    /// Planned downtime (a deployment window): every request fails and counts
    /// against the budget, but it is not an incident (no MTTR, no priority).
    PlannedDowntime,
    /// A failure of part of the traffic ("a 1 % canary at 100 % errors").
    #[serde(rename_all = "camelCase")]
    PartialTraffic {
        /// The share of traffic affected, in percent ("1").
        traffic_percent: String,
        /// Error ratio of that traffic, in percent ("100").
        error_percent: String,
    },
}

/// An event's type, without its numbers: the choice the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventType {
    /// [`EventKind::Incident`].
    Incident,
    /// [`EventKind::PlannedDowntime`].
    PlannedDowntime,
    /// [`EventKind::PartialTraffic`].
    PartialTraffic,
}

kind!(EventType {
    EventType::Incident => ("incident", "incident"),
    EventType::PlannedDowntime => ("plannedDowntime", "planned downtime (deployment window)"),
    EventType::PartialTraffic => ("partialTraffic", "partial-traffic failure (a canary)"),
});

impl EventKind {
    /// Its type.
    pub fn event_type(&self) -> EventType {
        match self {
            EventKind::Incident { .. } => EventType::Incident,
            EventKind::PlannedDowntime => EventType::PlannedDowntime,
            EventKind::PartialTraffic { .. } => EventType::PartialTraffic,
        }
    }

    /// The same event as `to`, keeping its error ratio (planned downtime
    /// fails every request; a partial failure starts at 1 % of the traffic).
    pub fn as_type(&self, to: EventType) -> EventKind {
        if self.event_type() == to {
            return self.clone();
        }
        let error_percent = match self {
            EventKind::Incident { error_percent }
            | EventKind::PartialTraffic { error_percent, .. } => error_percent.clone(),
            EventKind::PlannedDowntime => "100".into(),
        };
        match to {
            EventType::Incident => EventKind::Incident { error_percent },
            EventType::PlannedDowntime => EventKind::PlannedDowntime,
            EventType::PartialTraffic => EventKind::PartialTraffic {
                traffic_percent: "1".into(),
                error_percent,
            },
        }
    }
}

/// One event of a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScenarioEvent {
    /// Its name ("database failover").
    #[serde(default)]
    pub name: String,
    /// Incident, planned downtime or partial-traffic failure.
    pub kind: EventKind,
    /// When it starts, from the period's start, in duration syntax ("18d 14h").
    pub start: String,
    /// How long it lasts (its time to restore), in duration syntax ("2h").
    pub duration: String,
    /// What caused it: a dependency's name or a kind of outage, for the
    /// policy's dependency and outage-kind conditions ("MySQL").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cause: String,
}

/// Incidents as a random process (Monte Carlo, see [`crate::burn::risk`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RiskModel {
    /// Mean incidents per period (Poisson), as typed ("3" or "2.5").
    pub incidents_per_period: String,
    /// Median time to restore, in duration syntax ("30m").
    pub median_time_to_restore: String,
    /// 90th percentile time to restore ("4h"); longer than the median.
    pub p90_time_to_restore: String,
    /// The severity mix; shares add up to 100.
    pub severities: Vec<IncidentSeverity>,
    /// How many periods to simulate, a whole number ("10000").
    pub periods: String,
    /// The random seed, a whole number: the same seed gives the same picture.
    pub seed: String,
}

/// One severity of the mix: its share of incidents and their error ratio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IncidentSeverity {
    /// Share of incidents, in percent ("20").
    pub share_percent: String,
    /// Error ratio while it lasts, in percent ("100").
    pub error_percent: String,
}
