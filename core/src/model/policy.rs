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
    /// Every condition type: its JSON name and how the editor names it.
    pub const TYPES: [(&'static str, &'static str); 6] = [
        ("budgetExhausted", "budget exhausted before the period ends"),
        ("budgetSpend", "X % of the budget spent"),
        ("burnRate", "X % of the budget spent within a time"),
        ("dependency", "X % spent through a dependency"),
        ("resource", "a resource limit"),
        ("custom", "something else (describe it)"),
    ];

    /// The JSON name of this condition's type ("budgetSpend").
    pub fn type_name(&self) -> &'static str {
        match self {
            ConditionKind::BudgetExhausted => "budgetExhausted",
            ConditionKind::BudgetSpend { .. } => "budgetSpend",
            ConditionKind::BurnRate { .. } => "burnRate",
            ConditionKind::Dependency { .. } => "dependency",
            ConditionKind::Resource => "resource",
            ConditionKind::Custom => "custom",
        }
    }

    /// A condition of the named type with empty parameters, keeping `percent`.
    pub fn of_type(name: &str, percent: String) -> Option<ConditionKind> {
        Some(match name {
            "budgetExhausted" => ConditionKind::BudgetExhausted,
            "budgetSpend" => ConditionKind::BudgetSpend {
                percent,
                scope: SpendScope::Period,
            },
            "burnRate" => ConditionKind::BurnRate {
                percent,
                within: "24h".into(),
            },
            "dependency" => ConditionKind::Dependency {
                percent,
                dependency: String::new(),
            },
            "resource" => ConditionKind::Resource,
            "custom" => ConditionKind::Custom,
            _ => return None,
        })
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
    /// Every consequence, flattened for one choice: its key and how the editor names it.
    pub const CHOICES: [(&'static str, &'static str); 9] = [
        ("assignPeople", "assign people to reliability work"),
        ("postmortem", "conduct a postmortem"),
        ("actionItem", "create an action item"),
        ("engageDependencyOwner", "engage the dependency's owner"),
        ("communicateBudget", "communicate the budget's state"),
        ("otherActivity", "conduct another activity"),
        ("stopStaging", "stop feature releases to staging"),
        ("stopProduction", "stop feature releases to production"),
        ("stopOther", "stop another activity"),
    ];

    /// This consequence's key in [`ConsequenceKind::CHOICES`].
    pub fn choice(&self) -> &'static str {
        match self {
            ConsequenceKind::AssignPeople { .. } => "assignPeople",
            ConsequenceKind::ConductActivity { activity } => match activity {
                Activity::Postmortem => "postmortem",
                Activity::ActionItem { .. } => "actionItem",
                Activity::EngageDependencyOwner => "engageDependencyOwner",
                Activity::CommunicateBudget => "communicateBudget",
                Activity::Other => "otherActivity",
            },
            ConsequenceKind::StopActivity { activity } => match activity {
                StoppedActivity::FeatureReleasesToStaging => "stopStaging",
                StoppedActivity::FeatureReleasesToProduction => "stopProduction",
                StoppedActivity::Other => "stopOther",
            },
        }
    }

    /// The consequence for a key of [`ConsequenceKind::CHOICES`], with empty parameters.
    pub fn of_choice(key: &str) -> Option<ConsequenceKind> {
        let conduct = |activity| ConsequenceKind::ConductActivity { activity };
        let stop = |activity| ConsequenceKind::StopActivity { activity };
        Some(match key {
            "assignPeople" => ConsequenceKind::AssignPeople { who: String::new() },
            "postmortem" => conduct(Activity::Postmortem),
            "actionItem" => conduct(Activity::ActionItem {
                priority: "P1".into(),
                deadline: "14d".into(),
            }),
            "engageDependencyOwner" => conduct(Activity::EngageDependencyOwner),
            "communicateBudget" => conduct(Activity::CommunicateBudget),
            "otherActivity" => conduct(Activity::Other),
            "stopStaging" => stop(StoppedActivity::FeatureReleasesToStaging),
            "stopProduction" => stop(StoppedActivity::FeatureReleasesToProduction),
            "stopOther" => stop(StoppedActivity::Other),
            _ => return None,
        })
    }

    /// How the document names this consequence.
    pub fn label(&self) -> &'static str {
        let key = self.choice();
        Self::CHOICES
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| *l)
            .unwrap_or(key)
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
