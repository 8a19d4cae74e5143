//! The workshop model: a team, its services, their user journeys or
//! endpoints, each with SLIs, each SLI with SLOs (Establishing SRE Foundations
//! (ESF) ch. 3-6; SRE Workbook Appendix A). An SLO's error budget is always
//! computed (see [`crate::budget`]), never stored.
//!
//! The model holds what people typed: targets and windows as text, so a draft
//! never loses a keystroke. [`crate::validate`] says what is wrong and where.

pub mod alert_rule;
pub mod document;
pub mod kind;
pub mod location;
pub mod policy;
pub mod scenario;

use serde::{Deserialize, Serialize};

use crate::model::alert_rule::AlertRuleSpec;
use crate::model::document::DocumentInfo;
use crate::model::kind::{kind, Kind};
use crate::model::policy::ErrorBudgetPolicy;
use crate::model::scenario::Scenario;

/// The version of the model's JSON format that this build writes.
pub const SCHEMA_VERSION: u32 = 5;

/// The oldest version this build reads; older files are refused, files from
/// here up to [`SCHEMA_VERSION`] are migrated on import (version 1 had no
/// dependencies, version 2 no alert rules or scenarios, version 3 no service
/// kinds, so every service reads as user-facing; version 4 wrote an action
/// item's priority as free text, read into P1-P4 on import).
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// Everything a workshop agrees: one team's services, SLIs and SLOs, its error
/// budget policy and the SLO document's header and sections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Model {
    /// The JSON format version; always first in the file.
    pub schema_version: u32,
    /// The team that owns the services.
    pub team: Team,
    /// The services the team owns.
    #[serde(default)]
    pub services: Vec<Service>,
    /// The team's one error budget policy.
    #[serde(default)]
    pub policy: ErrorBudgetPolicy,
    /// The SLO document's header and sections.
    #[serde(default)]
    pub document: DocumentInfo,
    /// The team's burn-rate alert rules, applied to every SLO (thresholds
    /// rescale with each SLO's period).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alert_rules: Vec<AlertRuleSpec>,
}

impl Default for Model {
    /// A blank model ("New model").
    fn default() -> Self {
        Model {
            schema_version: SCHEMA_VERSION,
            team: Team::default(),
            services: Vec::new(),
            policy: ErrorBudgetPolicy::default(),
            document: DocumentInfo::default(),
            alert_rules: Vec::new(),
        }
    }
}

/// The team that owns the services.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Team {
    /// The team's name.
    pub name: String,
    /// What the team does, in a sentence or two.
    #[serde(default)]
    pub description: String,
}

/// A service the team owns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Service {
    /// The service's name, unique in the model.
    pub name: String,
    /// User-facing (the default, left out of the JSON) or a component.
    #[serde(default, skip_serializing_if = "ServiceKind::is_user_facing")]
    pub kind: ServiceKind,
    /// What the service does for its users.
    #[serde(default)]
    pub description: String,
    /// Its user journeys or endpoints; a component needs none.
    #[serde(default)]
    pub journeys: Vec<Journey>,
    /// The availability of its own code and infrastructure, without its
    /// dependencies, in percent as typed ("99"); none means 100 %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_availability: Option<String>,
    /// What it depends on (see [`crate::dependency`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<Dependency>,
}

/// What a service is: one whose users' journeys carry SLIs and SLOs, or a
/// component the team runs that other services depend on (a database, a
/// cache, a platform, a third-party product run in-house), which has an
/// availability and dependencies of its own and no journeys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ServiceKind {
    /// Users (people or other teams' programs) call it; its journeys carry
    /// SLIs and SLOs, and an agreed document needs at least one.
    #[default]
    UserFacing,
    /// Infrastructure the team runs: a database, a cache, a queue.
    Infrastructure,
    /// A platform other services run on: a cluster, a service mesh.
    Platform,
    /// A third-party product the team runs itself.
    ThirdParty,
}

impl ServiceKind {
    /// Whether users call it (journeys, SLIs and SLOs expected).
    pub fn is_user_facing(&self) -> bool {
        *self == ServiceKind::UserFacing
    }

    /// The kind in a word, as the document's tables show it: "user-facing",
    /// "infrastructure", "platform", "third party (run by us)" (the picker's
    /// [`Kind::label`] says more).
    pub const fn name(self) -> &'static str {
        match self {
            ServiceKind::UserFacing => "user-facing",
            ServiceKind::Infrastructure => "infrastructure",
            ServiceKind::Platform => "platform",
            ServiceKind::ThirdParty => "third party (run by us)",
        }
    }
}

kind!(ServiceKind {
    ServiceKind::UserFacing => ("userFacing", "user-facing (journeys, SLIs and SLOs)"),
    ServiceKind::Infrastructure => ("infrastructure", "component: infrastructure (database, cache, queue)"),
    ServiceKind::Platform => ("platform", "component: platform (cluster, mesh)"),
    ServiceKind::ThirdParty => ("thirdParty", "component: third party run by us"),
});

/// Where a dependency's availability comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum DependencySource {
    /// Another service of the model, named by [`Dependency::name`]; its
    /// composite availability is used.
    #[default]
    Service,
    /// A service outside the model (a cloud service, a third-party API).
    #[serde(rename_all = "camelCase")]
    External {
        /// Its published SLA or SLO in percent, as typed ("99.95").
        availability: String,
        /// Where the figure comes from ("Azure SLA for AKS, 2024").
        #[serde(default)]
        note: String,
    },
}

/// How a dependency's failure affects the caller.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum Coupling {
    /// Its failure fails the caller (serial).
    #[default]
    Hard,
    /// The caller degrades but stays within its SLO; not in the product.
    Soft,
    /// A redundancy group: `replicas` copies (replicas, regions) of which
    /// `required` must be up (k-of-n; parallel when 1).
    #[serde(rename_all = "camelCase")]
    Redundant {
        /// n, a whole number as typed ("2").
        replicas: String,
        /// k, a whole number as typed ("1").
        required: String,
        /// Downtime per replica failure while traffic fails over ("30s"); empty for none.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        failover: String,
        /// Failures per replica per year, for the failover time ("4").
        #[serde(default, skip_serializing_if = "String::is_empty")]
        failures_per_year: String,
    },
}

/// Where a dependency's availability comes from, without its fields: the
/// choices the page offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// Another service of the model.
    Service,
    /// A service outside the model.
    External,
}

impl SourceKind {
    /// A new source of this kind (an external one starts at 99.9 %).
    pub fn start(self) -> DependencySource {
        match self {
            SourceKind::Service => DependencySource::Service,
            SourceKind::External => DependencySource::External {
                availability: "99.9".into(),
                note: String::new(),
            },
        }
    }
}

kind!(SourceKind {
    SourceKind::Service => ("service", "a service of this model"),
    SourceKind::External => ("external", "external (cloud service, third party)"),
});

impl DependencySource {
    /// Its kind.
    pub fn kind(&self) -> SourceKind {
        match self {
            DependencySource::Service => SourceKind::Service,
            DependencySource::External { .. } => SourceKind::External,
        }
    }
}

/// How a dependency's failure affects the caller, without its fields: the
/// choices the page offers and the edges the diagram draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CouplingKind {
    /// Its failure fails the caller (drawn solid).
    Hard,
    /// The caller degrades but stays within its SLO (drawn dashed).
    Soft,
    /// A k-of-n redundancy group (drawn to a framed box).
    Redundant,
}

impl CouplingKind {
    /// A new coupling of this kind (a redundant group starts at 1 of 2).
    pub fn start(self) -> Coupling {
        match self {
            CouplingKind::Hard => Coupling::Hard,
            CouplingKind::Soft => Coupling::Soft,
            CouplingKind::Redundant => Coupling::Redundant {
                replicas: "2".into(),
                required: "1".into(),
                failover: String::new(),
                failures_per_year: String::new(),
            },
        }
    }
}

// The key is also the diagram's CSS class for the edge.
kind!(CouplingKind {
    CouplingKind::Hard => ("hard", "hard: its failure fails this service"),
    CouplingKind::Soft => ("soft", "soft: this service degrades but stays within its SLO"),
    CouplingKind::Redundant => ("redundant", "redundant: k of n replicas must be up"),
});

impl Coupling {
    /// Its kind.
    pub fn kind(&self) -> CouplingKind {
        match self {
            Coupling::Hard => CouplingKind::Hard,
            Coupling::Soft => CouplingKind::Soft,
            Coupling::Redundant { .. } => CouplingKind::Redundant,
        }
    }
}

/// One dependency of a service.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dependency {
    /// The service it names: a service of the model, or an external one.
    pub name: String,
    /// Where its availability comes from.
    #[serde(default)]
    pub source: DependencySource,
    /// Hard, soft or redundant.
    #[serde(default)]
    pub coupling: Coupling,
}

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
    /// The target in percent, as typed ("99.95").
    pub target: String,
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
    /// Burn scenarios over one of its periods (see [`crate::burn::simulate`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
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
