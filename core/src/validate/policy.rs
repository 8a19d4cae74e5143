//! The error budget policy: its seven parts (ESF ch. 10), each condition's
//! and consequence's numbers, ids unique and present, and clauses that point
//! at conditions and consequences that exist.

use std::collections::HashSet;

use super::Checker;
use crate::model::location::{ClauseAt, ConditionAt, ConsequenceAt, Locate, PolicyAt};
use crate::model::policy::{
    Activity, Condition, ConditionKind, Consequence, ConsequenceKind, ErrorBudgetPolicy,
};
use crate::problem::{item, join};
use crate::read::{Count, Decimals, Percent, Span};

pub(super) fn check_policy(c: &mut Checker, policy: &ErrorBudgetPolicy) {
    check_policy_parts(c, policy);
    let condition_ids = ids(
        c,
        "conditions",
        policy.conditions.iter().map(|x| x.id.as_str()),
    );
    let consequence_ids = ids(
        c,
        "consequences",
        policy.consequences.iter().map(|x| x.id.as_str()),
    );
    for (i, condition) in policy.conditions.iter().enumerate() {
        check_condition(c, i, condition);
    }
    for (i, consequence) in policy.consequences.iter().enumerate() {
        check_consequence(c, i, consequence);
    }
    let used = check_clauses(c, policy, &condition_ids, &consequence_ids);
    for (i, condition) in policy.conditions.iter().enumerate() {
        if !condition.id.is_empty() && !used.contains(condition.id.as_str()) {
            c.warning(
                || ConditionAt(PolicyAt, i).path(),
                format!("no clause uses condition \"{}\"", condition.id),
            );
        }
    }
    check_policy_extras(c, policy);
}

/// The seven parts an agreed policy needs (ESF ch. 10).
fn check_policy_parts(c: &mut Checker, policy: &ErrorBudgetPolicy) {
    c.text(
        || PolicyAt.field("scope"),
        &policy.scope,
        "the policy's scope",
    );
    c.text(
        || PolicyAt.field("purpose"),
        &policy.purpose,
        "the policy's purpose",
    );
    c.needed(
        || PolicyAt.field("conditions"),
        policy.conditions.is_empty(),
        "a condition",
    );
    c.needed(
        || PolicyAt.field("consequences"),
        policy.consequences.is_empty(),
        "a consequence",
    );
    c.text(
        || PolicyAt.field("escalationPolicy"),
        &policy.escalation_policy,
        "the escalation policy",
    );
    c.needed(
        || PolicyAt.field("agreedBy"),
        policy.agreed_by.iter().all(|p| p.trim().is_empty()),
        "who agreed the policy",
    );
    c.date(
        || PolicyAt.field("nextReview.date"),
        &policy.next_review.date,
        "the next review date",
    );
}

/// One condition's numbers, dependency and description.
fn check_condition(c: &mut Checker, i: usize, condition: &Condition) {
    let at = ConditionAt(PolicyAt, i);
    match &condition.kind {
        ConditionKind::BudgetSpend { percent, .. } | ConditionKind::Dependency { percent, .. } => {
            c.read(|| at.field("kind.percent"), Percent::SHARE.read(percent));
        }
        ConditionKind::BurnRate { percent, within } => {
            c.read(|| at.field("kind.percent"), Percent::SHARE.read(percent));
            c.read(
                || at.field("kind.within"),
                crate::read::policy::WITHIN.read(within),
            );
        }
        ConditionKind::BudgetExhausted | ConditionKind::Resource | ConditionKind::Custom => {}
    }
    if let ConditionKind::Dependency { dependency, .. } = &condition.kind {
        if dependency.trim().is_empty() {
            c.error(|| at.field("kind.dependency"), "name the dependency");
        }
    }
    if matches!(
        condition.kind,
        ConditionKind::Resource | ConditionKind::Custom
    ) && condition.description.trim().is_empty()
    {
        c.error(
            || at.field("description"),
            "describe the condition in words",
        );
    }
}

/// One consequence's deadline, for an action item.
fn check_consequence(c: &mut Checker, i: usize, consequence: &Consequence) {
    if let ConsequenceKind::ConductActivity {
        activity: Activity::ActionItem { deadline, .. },
    } = &consequence.kind
    {
        c.read(
            || ConsequenceAt(PolicyAt, i).field("kind.activity.deadline"),
            Span::positive("a deadline").read(deadline),
        );
    }
}

/// Every clause's references, runbook and traceability; the condition ids
/// the clauses use.
fn check_clauses<'p>(
    c: &mut Checker,
    policy: &'p ErrorBudgetPolicy,
    condition_ids: &HashSet<&str>,
    consequence_ids: &HashSet<&str>,
) -> HashSet<&'p str> {
    let mut used = HashSet::new();
    for (i, clause) in policy.clauses.iter().enumerate() {
        let at = ClauseAt(PolicyAt, i);
        if !condition_ids.contains(clause.condition.as_str()) {
            c.error(
                || at.field("condition"),
                format!("no condition has the id \"{}\"", clause.condition),
            );
        }
        used.insert(clause.condition.as_str());
        if clause.consequences.is_empty() {
            c.error(
                || at.field("consequences"),
                "a clause needs at least one consequence",
            );
        }
        for (k, id) in clause.consequences.iter().enumerate() {
            if !consequence_ids.contains(id.as_str()) {
                c.error(
                    || item(&at.path(), "consequences", k),
                    format!("no consequence has the id \"{id}\""),
                );
            }
        }
        c.text(
            || at.field("runbook"),
            &clause.runbook,
            "the clause's runbook",
        );
        c.text(
            || at.field("traceability"),
            &clause.traceability,
            "how the clause is traced",
        );
    }
    used
}

/// The policy's optional extras: silver bullets and the thaw tax.
fn check_policy_extras(c: &mut Checker, policy: &ErrorBudgetPolicy) {
    if let Some(bullets) = &policy.extras.silver_bullets_per_year {
        c.read(
            || PolicyAt.field("extras.silverBulletsPerYear"),
            Count::new("a whole number of silver bullets", 0, 365).read(bullets),
        );
    }
    if let Some(tax) = &policy.extras.thaw_tax_days {
        c.read(
            || PolicyAt.field("extras.thawTaxDays"),
            Decimals::from_zero("a number of days", 36_500).read(tax),
        );
    }
}

/// Checks ids are present and unique; returns the set of ids.
fn ids<'m>(c: &mut Checker, list: &str, ids: impl Iterator<Item = &'m str>) -> HashSet<&'m str> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            c.error(
                || join(&item(&PolicyAt.path(), list, i), "id"),
                "give it a short id that clauses can refer to",
            );
        } else if !seen.insert(id) {
            c.error(
                || join(&item(&PolicyAt.path(), list, i), "id"),
                format!("the id \"{id}\" is used twice"),
            );
        }
    }
    seen
}
