//! The workshop model: a team, its services, their user journeys or
//! endpoints, each with SLIs, each SLI with SLOs (Establishing SRE Foundations
//! (ESF) ch. 3-6; SRE Workbook Appendix A). An SLO's error budget is always
//! computed (see [`crate::budget`]), never stored.
//!
//! The model holds what people typed: targets and windows as text, so a draft
//! never loses a keystroke. [`crate::validate`] says what is wrong and where.

pub mod alert_rule;
pub mod document;
pub mod history;
pub mod kind;
pub mod location;
pub mod policy;
pub mod scenario;
mod service;
pub mod session;
mod slo;

pub use service::{
    Coupling, CouplingKind, Dependency, DependencySource, Service, ServiceKind, SourceKind,
};
pub use slo::{
    Comparison, Counts, EventsPer, Journey, JourneyKind, LatencyThreshold, Measurement, Priority,
    Sli, SliKind, SliQueries, Slo, Traffic, PROMETHEUS, WINDOW_PLACEHOLDER,
};

use serde::{Deserialize, Serialize};

use crate::model::alert_rule::AlertRuleSpec;
use crate::model::document::DocumentInfo;
use crate::model::policy::ErrorBudgetPolicy;
use crate::model::session::Session;

/// The version of the model's JSON format that this build writes.
pub const SCHEMA_VERSION: u32 = 9;

/// The oldest version this build reads; older files are refused, files from
/// here up to [`SCHEMA_VERSION`] are migrated on import (version 1 had no
/// dependencies, version 2 no alert rules or scenarios, version 3 no service
/// kinds, so every service reads as user-facing; version 4 wrote an action
/// item's priority as free text, read into P1-P4 on import; version 5 had
/// no SLI queries and no alert rule `alertAfter`; version 6 no SLO history;
/// version 7 no reason for an SLO above its ceiling; version 8 no workshop
/// session, journey ranks and happy moments, or SLO aspirational targets
/// and hypotheses).
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
    /// The workshop session that agreed it: participants, steps done, open
    /// questions and decisions (empty in a model from schema version 8).
    #[serde(default, skip_serializing_if = "Session::is_empty")]
    pub session: Session,
}

impl Model {
    /// What "New model" opens: blank, with the SRE Workbook's three
    /// burn-rate alert rules (SRE Workbook ch. 5, "Multiwindow, Multi-Burn-Rate
    /// Alerts": page at 2 % of
    /// the budget in 1 h and 5 % in 6 h, ticket at 10 % in 3 d), so a new
    /// model's burn scenarios show what would page from the start.
    ///
    /// ```
    /// let model = slo_core::Model::starter();
    /// assert_eq!(model.alert_rules.len(), 3);
    /// assert!(model.services.is_empty());
    /// ```
    pub fn starter() -> Model {
        Model {
            alert_rules: AlertRuleSpec::workbook_defaults(),
            ..Model::default()
        }
    }
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
            session: Session::default(),
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
