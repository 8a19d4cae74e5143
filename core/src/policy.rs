//! The error budget policy: what a team agrees to do as the budget burns
//! (ESF ch. 10, Tables 10.1-10.4 and 10.6; SRE Workbook Appendix B).
//!
//! Seven parts: scope, purpose, conditions, consequences, escalation policy,
//! agreed by, next review date. A clause joins a condition to its consequences
//! with a runbook and how it is traced (ESF Table 10.4).

use serde::{Deserialize, Serialize};

/// The team's error budget policy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ErrorBudgetPolicy {
    /// Which services and SLOs it covers.
    #[serde(default)]
    pub scope: String,
    /// Why the team has it.
    #[serde(default)]
    pub purpose: String,
    /// When something happens.
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// What happens.
    #[serde(default)]
    pub consequences: Vec<Consequence>,
    /// Conditions joined to consequences.
    #[serde(default)]
    pub clauses: Vec<Clause>,
    /// Who decides when people disagree ("escalate to the CTO").
    #[serde(default)]
    pub escalation_policy: String,
    /// The people who agreed to it.
    #[serde(default)]
    pub agreed_by: Vec<String>,
    /// When it is reviewed next.
    #[serde(default)]
    pub next_review: NextReview,
    /// Optional extras (ESF Table 10.6).
    #[serde(default)]
    pub extras: PolicyExtras,
}

/// The next review: a date, or that date or after a priority-1 outage, whichever comes first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NextReview {
    /// ISO 8601 date ("2025-03-31").
    #[serde(default)]
    pub date: String,
    /// Also review after a priority-1 outage, if that comes first.
    #[serde(default)]
    pub or_after_p1_outage: bool,
}

/// How a condition is noticed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Trigger {
    /// By tooling (an alert, a pipeline gate).
    #[default]
    Automatic,
    /// By a person.
    Manual,
}

/// What budget spend a condition counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum SpendScope {
    /// Spent in the compliance period.
    #[default]
    Period,
    /// Spent by a single incident.
    SingleIncident,
    /// Spent in a quarter by one kind of outage.
    QuarterByOutageKind,
}

/// What makes a condition true (ESF Table 10.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum ConditionKind {
    /// The budget is exhausted before the period ends.
    BudgetExhausted,
    /// X % of the budget spent ("70 % of the budget spent in the period").
    #[serde(rename_all = "camelCase")]
    BudgetSpend {
        /// Percent of the budget, as typed ("70").
        percent: String,
        /// What spend is counted.
        #[serde(default)]
        scope: SpendScope,
    },
    /// X % of the budget spent within a duration ("30 % in 24 h").
    #[serde(rename_all = "camelCase")]
    BurnRate {
        /// Percent of the budget, as typed ("30").
        percent: String,
        /// The duration, in duration syntax ("24h", "7d").
        within: String,
    },
    /// X % of the budget spent through a dependency.
    #[serde(rename_all = "camelCase")]
    Dependency {
        /// Percent of the budget, as typed ("50").
        percent: String,
        /// The dependency's name.
        dependency: String,
    },
    /// A resource limit ("error budget of the database team exhausted").
    Resource,
    /// Anything else, in the description.
    Custom,
}

/// A condition of the policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    /// A short id the clauses refer to ("c1").
    pub id: String,
    /// What makes it true.
    pub kind: ConditionKind,
    /// Automatic or manual.
    #[serde(default)]
    pub trigger: Trigger,
    /// In words.
    #[serde(default)]
    pub description: String,
}

/// Whether a consequence can be carried out by tooling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Execution {
    /// Tooling can do it (a pipeline gate).
    #[default]
    Automatable,
    /// A person does it, and it is traced (a ticket).
    ManualTraceable,
}

/// What a consequence does (ESF Table 10.2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum ConsequenceKind {
    /// Assign people to reliability work.
    #[serde(rename_all = "camelCase")]
    AssignPeople {
        /// Who, or how many ("one developer per sprint").
        who: String,
    },
    /// Conduct an activity.
    #[serde(rename_all = "camelCase")]
    ConductActivity {
        /// Which.
        activity: Activity,
    },
    /// Stop an activity.
    #[serde(rename_all = "camelCase")]
    StopActivity {
        /// Which.
        activity: StoppedActivity,
    },
}

/// An activity a consequence conducts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "activity", rename_all = "camelCase", deny_unknown_fields)]
pub enum Activity {
    /// Write a postmortem.
    Postmortem,
    /// Create an action item.
    #[serde(rename_all = "camelCase")]
    ActionItem {
        /// Its priority ("P1").
        priority: String,
        /// Its deadline, in duration syntax ("14d").
        deadline: String,
    },
    /// Engage the owner of a dependency.
    EngageDependencyOwner,
    /// Communicate the budget's state to stakeholders.
    CommunicateBudget,
    /// Anything else, in the description.
    Other,
}

/// An activity a consequence stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum StoppedActivity {
    /// Feature releases to staging.
    FeatureReleasesToStaging,
    /// Feature releases to production.
    FeatureReleasesToProduction,
    /// Anything else, in the description.
    Other,
}

/// A consequence of the policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Consequence {
    /// A short id the clauses refer to ("k1").
    pub id: String,
    /// What it does.
    pub kind: ConsequenceKind,
    /// Automatable or manual but traceable.
    #[serde(default)]
    pub execution: Execution,
    /// In words.
    #[serde(default)]
    pub description: String,
}

/// A clause: when a condition holds, these consequences follow (ESF Table 10.4).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Clause {
    /// The condition's id.
    pub condition: String,
    /// The consequences' ids.
    pub consequences: Vec<String>,
    /// Where the runbook is (a link or a name).
    #[serde(default)]
    pub runbook: String,
    /// How following the clause is traced ("ticket in the team board").
    #[serde(default)]
    pub traceability: String,
}

/// Optional extras of a policy (ESF Table 10.6).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyExtras {
    /// What a Code Yellow means for the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_yellow: Option<String>,
    /// What a Code Red means for the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_red: Option<String>,
    /// Silver bullets per year: releases allowed despite a freeze ("3").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub silver_bullets_per_year: Option<u32>,
    /// Thaw tax: extra ban days per violating day ("0.5").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thaw_tax_days: Option<String>,
    /// How the budget may be topped up within the current period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_top_up: Option<String>,
}
