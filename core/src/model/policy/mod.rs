//! The error budget policy: what a team agrees to do as the budget burns
//! (ESF ch. 10, Tables 10.1-10.4 and 10.6; SRE Workbook Appendix B).
//!
//! Seven parts: scope, purpose, conditions, consequences, escalation policy,
//! agreed by, next review date. A clause joins a condition to its consequences
//! with a runbook and how it is traced (ESF Table 10.4).

mod condition;
mod consequence;

pub use condition::{Condition, ConditionKind, ConditionType, SpendScope, Trigger};
pub use consequence::{
    Activity, Consequence, ConsequenceKind, ConsequenceType, Execution, StoppedActivity,
};

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
