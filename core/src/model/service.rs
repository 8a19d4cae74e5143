//! A service the team owns, what kind it is, and what it depends on: where
//! each dependency's availability comes from and how its failure couples.

use crate::model::kind::kind;
use crate::model::Journey;
use serde::{Deserialize, Serialize};

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
    /// [`Kind::label`](crate::model::kind::Kind::label) says more).
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
