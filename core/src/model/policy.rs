//! The error budget policy: what a team agrees to do as the budget burns
//! (ESF ch. 10, Tables 10.1-10.4 and 10.6; SRE Workbook Appendix B).
//!
//! Seven parts: scope, purpose, conditions, consequences, escalation policy,
//! agreed by, next review date. A clause joins a condition to its consequences
//! with a runbook and how it is traced (ESF Table 10.4).

use serde::{Deserialize, Serialize};

use crate::model::kind::{kind, Kind};
use crate::model::Priority;

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

kind!(Execution {
    Execution::Automatable => ("automatable", "automatable"),
    Execution::ManualTraceable => ("manualTraceable", "manual, traceable"),
});

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

/// A consequence's type with its activity, flattened into one choice: what
/// the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConsequenceType {
    /// [`ConsequenceKind::AssignPeople`].
    AssignPeople,
    /// Conduct [`Activity::Postmortem`].
    Postmortem,
    /// Conduct [`Activity::ActionItem`].
    ActionItem,
    /// Conduct [`Activity::EngageDependencyOwner`].
    EngageDependencyOwner,
    /// Conduct [`Activity::CommunicateBudget`].
    CommunicateBudget,
    /// Conduct [`Activity::Other`].
    OtherActivity,
    /// Stop [`StoppedActivity::FeatureReleasesToStaging`].
    StopStaging,
    /// Stop [`StoppedActivity::FeatureReleasesToProduction`].
    StopProduction,
    /// Stop [`StoppedActivity::Other`].
    StopOther,
}

kind!(ConsequenceType {
    ConsequenceType::AssignPeople => ("assignPeople", "assign people to reliability work"),
    ConsequenceType::Postmortem => ("postmortem", "conduct a postmortem"),
    ConsequenceType::ActionItem => ("actionItem", "create an action item"),
    ConsequenceType::EngageDependencyOwner => ("engageDependencyOwner", "engage the dependency's owner"),
    ConsequenceType::CommunicateBudget => ("communicateBudget", "communicate the budget's state"),
    ConsequenceType::OtherActivity => ("otherActivity", "conduct another activity"),
    ConsequenceType::StopStaging => ("stopStaging", "stop feature releases to staging"),
    ConsequenceType::StopProduction => ("stopProduction", "stop feature releases to production"),
    ConsequenceType::StopOther => ("stopOther", "stop another activity"),
});

impl ConsequenceType {
    /// A new consequence of this type (an action item starts at P1 within 14 days).
    pub fn start(self) -> ConsequenceKind {
        let conduct = |activity| ConsequenceKind::ConductActivity { activity };
        let stop = |activity| ConsequenceKind::StopActivity { activity };
        match self {
            ConsequenceType::AssignPeople => ConsequenceKind::AssignPeople { who: String::new() },
            ConsequenceType::Postmortem => conduct(Activity::Postmortem),
            ConsequenceType::ActionItem => conduct(Activity::ActionItem {
                priority: Priority::P1,
                deadline: "14d".into(),
            }),
            ConsequenceType::EngageDependencyOwner => conduct(Activity::EngageDependencyOwner),
            ConsequenceType::CommunicateBudget => conduct(Activity::CommunicateBudget),
            ConsequenceType::OtherActivity => conduct(Activity::Other),
            ConsequenceType::StopStaging => stop(StoppedActivity::FeatureReleasesToStaging),
            ConsequenceType::StopProduction => stop(StoppedActivity::FeatureReleasesToProduction),
            ConsequenceType::StopOther => stop(StoppedActivity::Other),
        }
    }
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
        /// Its priority.
        priority: Priority,
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
    /// Silver bullets per year: releases allowed despite a freeze, a whole number as typed ("3").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub silver_bullets_per_year: Option<String>,
    /// Thaw tax: extra ban days per violating day ("0.5").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thaw_tax_days: Option<String>,
    /// How the budget may be topped up within the current period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_top_up: Option<String>,
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

impl ConsequenceKind {
    /// Its type, with its activity.
    pub fn consequence_type(&self) -> ConsequenceType {
        match self {
            ConsequenceKind::AssignPeople { .. } => ConsequenceType::AssignPeople,
            ConsequenceKind::ConductActivity { activity } => match activity {
                Activity::Postmortem => ConsequenceType::Postmortem,
                Activity::ActionItem { .. } => ConsequenceType::ActionItem,
                Activity::EngageDependencyOwner => ConsequenceType::EngageDependencyOwner,
                Activity::CommunicateBudget => ConsequenceType::CommunicateBudget,
                Activity::Other => ConsequenceType::OtherActivity,
            },
            ConsequenceKind::StopActivity { activity } => match activity {
                StoppedActivity::FeatureReleasesToStaging => ConsequenceType::StopStaging,
                StoppedActivity::FeatureReleasesToProduction => ConsequenceType::StopProduction,
                StoppedActivity::Other => ConsequenceType::StopOther,
            },
        }
    }

    /// How the document names it ("create an action item").
    pub fn label(&self) -> &'static str {
        self.consequence_type().label()
    }
}

/// Where a clause refers to a condition or a consequence: the clause's index,
/// and for a consequence its place in the clause's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The clause.
    pub clause: usize,
    /// The place in `consequences`; `None` for the clause's condition.
    pub consequence: Option<usize>,
}

impl ErrorBudgetPolicy {
    /// The clauses that refer to condition `index` by its id; none when its id
    /// is empty or shared with another condition (then it is ambiguous).
    /// Taken before a rename, so the references can follow it
    /// ([`ErrorBudgetPolicy::rename_condition`]) even when the id passes
    /// through another condition's id while it is typed.
    pub fn condition_references(&self, index: usize) -> Vec<Reference> {
        let Some(id) = unique_id(self.conditions.iter().map(|c| c.id.as_str()), index) else {
            return Vec::new();
        };
        (0..self.clauses.len())
            .filter(|&c| self.clauses[c].condition == id)
            .map(|clause| Reference {
                clause,
                consequence: None,
            })
            .collect()
    }

    /// The places in clauses that refer to consequence `index` by its id (as
    /// [`ErrorBudgetPolicy::condition_references`]).
    pub fn consequence_references(&self, index: usize) -> Vec<Reference> {
        let Some(id) = unique_id(self.consequences.iter().map(|c| c.id.as_str()), index) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for (clause, c) in self.clauses.iter().enumerate() {
            for (k, used) in c.consequences.iter().enumerate() {
                if used == id {
                    found.push(Reference {
                        clause,
                        consequence: Some(k),
                    });
                }
            }
        }
        found
    }

    /// Renames condition `index` to `id`; the clauses in `references` (taken
    /// by [`ErrorBudgetPolicy::condition_references`] before the first
    /// keystroke) follow. Indices out of range are ignored.
    pub fn rename_condition(&mut self, index: usize, id: &str, references: &[Reference]) {
        if let Some(condition) = self.conditions.get_mut(index) {
            condition.id = id.to_string();
            self.point(references, id);
        }
    }

    /// Renames consequence `index` to `id`; the places in `references`
    /// follow (see [`ErrorBudgetPolicy::rename_condition`]).
    pub fn rename_consequence(&mut self, index: usize, id: &str, references: &[Reference]) {
        if let Some(consequence) = self.consequences.get_mut(index) {
            consequence.id = id.to_string();
            self.point(references, id);
        }
    }

    fn point(&mut self, references: &[Reference], id: &str) {
        for r in references {
            let Some(clause) = self.clauses.get_mut(r.clause) else {
                continue;
            };
            let slot = match r.consequence {
                None => Some(&mut clause.condition),
                Some(k) => clause.consequences.get_mut(k),
            };
            if let Some(slot) = slot {
                *slot = id.to_string();
            }
        }
    }
}

/// The id at `index` when it is non-empty and no other item has it.
fn unique_id<'a>(ids: impl Iterator<Item = &'a str> + Clone, index: usize) -> Option<&'a str> {
    let id = ids.clone().nth(index).filter(|id| !id.trim().is_empty())?;
    (ids.filter(|other| *other == id).count() == 1).then_some(id)
}
