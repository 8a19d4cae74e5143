//! An alert rule, for one SLO, as an OpenSLO `AlertCondition` (a burn rate
//! over a lookback window) and the `AlertPolicy` that uses it.

use std::collections::BTreeMap;

use super::slo::shorthand;
use super::{annotations, doc};
use crate::export::openslo::objects::{text, Condition, Document, Exact, Reference, Spec};
use crate::model::alert_rule::{AlertRuleSpec, ThresholdSpec};
use crate::model::kind::Kind;
use crate::read::alert_rule::AlertRule;
use crate::read::slo::SloNumbers;

/// A rule's `AlertCondition` and `AlertPolicy` for one SLO.
pub(super) fn rule_objects(
    rule: &AlertRule,
    name: String,
    numbers: &SloNumbers,
) -> Result<(Document, Document), String> {
    let lookback = shorthand(&rule.long_window).ok_or_else(|| {
        format!("the alert rule \"{}\": its long window ({}) is not whole minutes, which OpenSLO's lookbackWindow cannot hold", rule.name, rule.long_window)
    })?;
    // Left out when zero: OpenSLO's default, and its shorthand has no "0m".
    let alert_after = if rule.alert_after.seconds().is_zero() {
        None
    } else {
        Some(shorthand(&rule.alert_after).ok_or_else(|| {
            format!(
                "the alert rule \"{}\": its alert-after time ({}) is not whole minutes",
                rule.name, rule.alert_after
            )
        })?)
    };
    let burn = rule
        .burn_rate(numbers.period_seconds)
        .ok_or_else(|| format!("the alert rule \"{}\" cannot be computed", rule.name))?;
    let notes = rule_annotations(rule);
    let windows = match &rule.short_window {
        Some(short) => format!("{} and {short}", rule.long_window),
        None => rule.long_window.to_string(),
    };
    let described = format!(
        "Burn rate at least {} over {windows}",
        burn.round_dp(2).normalize()
    );
    let condition = doc(
        "AlertCondition",
        name.clone(),
        &rule.name,
        notes,
        Spec {
            description: Some(text(&described)),
            severity: Some(rule.notify.key().into()),
            condition: Some(Condition {
                kind: Some("burnrate".into()),
                op: Some("gte".into()),
                threshold: Some(Exact(burn.normalize().to_string())),
                lookback_window: Some(lookback),
                alert_after,
            }),
            ..Spec::default()
        },
    );
    let policy = doc(
        "AlertPolicy",
        name.clone(),
        &rule.name,
        BTreeMap::new(),
        Spec {
            description: Some(text(&described)),
            alert_when_no_data: Some(false),
            alert_when_resolved: Some(false),
            alert_when_breaching: Some(true),
            conditions: Some(vec![Reference {
                condition_ref: Some(name),
                ..Reference::default()
            }]),
            notification_targets: Some(vec![Reference {
                target_ref: Some(rule.notify.key().into()),
                ..Reference::default()
            }]),
            ..Spec::default()
        },
    );
    Ok((condition, policy))
}

/// The rule exactly as the model holds it, which OpenSLO cannot say.
fn rule_annotations(rule: &AlertRule) -> BTreeMap<String, String> {
    let spec = AlertRuleSpec::of(rule);
    let (threshold_type, threshold) = match &spec.threshold {
        ThresholdSpec::BudgetPercent { percent } => ("budgetPercent", percent.clone()),
        ThresholdSpec::BurnRate { burn_rate } => ("burnRate", burn_rate.clone()),
    };
    annotations([
        ("rule", rule.name.clone()),
        ("threshold-type", threshold_type.to_string()),
        ("threshold", threshold),
        ("long-window", spec.long_window.clone()),
        ("short-window", spec.short_window.clone()),
        ("evaluation-interval", spec.evaluation_interval.clone()),
        ("alert-after", spec.alert_after.clone()),
        ("snooze", spec.snooze.clone()),
    ])
}
