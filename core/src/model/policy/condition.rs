//! What makes a policy's condition true (ESF Table 10.1): budget spent,
//! exhausted, burnt within a time or through a dependency, a resource limit,
//! or something described in words.

use crate::model::kind::{kind, Kind};
use serde::{Deserialize, Serialize};

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

kind!(Trigger {
    Trigger::Automatic => ("automatic", "automatic"),
    Trigger::Manual => ("manual", "manual"),
});

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

kind!(SpendScope {
    SpendScope::Period => ("period", "in the period"),
    SpendScope::SingleIncident => ("singleIncident", "by a single incident"),
    SpendScope::QuarterByOutageKind => ("quarterByOutageKind", "in a quarter by one kind of outage"),
});

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

/// A condition's type, without its fields: the choice the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConditionType {
    /// [`ConditionKind::BudgetExhausted`].
    BudgetExhausted,
    /// [`ConditionKind::BudgetSpend`].
    BudgetSpend,
    /// [`ConditionKind::BurnRate`].
    BurnRate,
    /// [`ConditionKind::Dependency`].
    Dependency,
    /// [`ConditionKind::Resource`].
    Resource,
    /// [`ConditionKind::Custom`].
    Custom,
}

kind!(ConditionType {
    ConditionType::BudgetExhausted => ("budgetExhausted", "budget exhausted before the period ends"),
    ConditionType::BudgetSpend => ("budgetSpend", "X % of the budget spent"),
    ConditionType::BurnRate => ("burnRate", "X % of the budget spent within a time"),
    ConditionType::Dependency => ("dependency", "X % spent through a dependency"),
    ConditionType::Resource => ("resource", "a resource limit"),
    ConditionType::Custom => ("custom", "something else (describe it)"),
});

impl ConditionType {
    /// Whether conditions of this type have a share of the budget.
    pub fn has_percent(self) -> bool {
        matches!(
            self,
            ConditionType::BudgetSpend | ConditionType::BurnRate | ConditionType::Dependency
        )
    }

    /// A new condition of this type, keeping `percent` where it has one.
    pub fn start(self, percent: String) -> ConditionKind {
        match self {
            ConditionType::BudgetExhausted => ConditionKind::BudgetExhausted,
            ConditionType::BudgetSpend => ConditionKind::BudgetSpend {
                percent,
                scope: SpendScope::Period,
            },
            ConditionType::BurnRate => ConditionKind::BurnRate {
                percent,
                within: "24h".into(),
            },
            ConditionType::Dependency => ConditionKind::Dependency {
                percent,
                dependency: String::new(),
            },
            ConditionType::Resource => ConditionKind::Resource,
            ConditionType::Custom => ConditionKind::Custom,
        }
    }
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

impl ConditionKind {
    /// Its type.
    pub fn condition_type(&self) -> ConditionType {
        match self {
            ConditionKind::BudgetExhausted => ConditionType::BudgetExhausted,
            ConditionKind::BudgetSpend { .. } => ConditionType::BudgetSpend,
            ConditionKind::BurnRate { .. } => ConditionType::BurnRate,
            ConditionKind::Dependency { .. } => ConditionType::Dependency,
            ConditionKind::Resource => ConditionType::Resource,
            ConditionKind::Custom => ConditionType::Custom,
        }
    }

    /// How the document names it ("X % of the budget spent").
    pub fn label(&self) -> &'static str {
        self.condition_type().label()
    }

    /// The share of the budget in percent, for the types that have one.
    pub fn percent(&self) -> Option<&String> {
        match self {
            ConditionKind::BudgetSpend { percent, .. }
            | ConditionKind::BurnRate { percent, .. }
            | ConditionKind::Dependency { percent, .. } => Some(percent),
            _ => None,
        }
    }

    /// The share of the budget, to change.
    pub fn percent_mut(&mut self) -> Option<&mut String> {
        match self {
            ConditionKind::BudgetSpend { percent, .. }
            | ConditionKind::BurnRate { percent, .. }
            | ConditionKind::Dependency { percent, .. } => Some(percent),
            _ => None,
        }
    }
}
