//! Burn-rate alert conditions read into the model's alert rules: exactly
//! from slo-planner's own annotations, or from the condition's fields
//! (a fixed burn rate over its lookback window) when written by hand.

use std::collections::BTreeMap;

use super::{object_name, Note, Notes};
use crate::export::openslo::key;
use crate::export::openslo::objects::{Document, Reference};
use crate::model::alert_rule::{AlertRuleSpec, Notify, ThresholdSpec};

/// The rules read, and which rule each policy became.
pub(super) struct Rules {
    /// The model's alert rules.
    pub specs: Vec<AlertRuleSpec>,
    /// An AlertPolicy's name to its rule (index into `specs`).
    pub by_policy: BTreeMap<String, usize>,
}

/// An OpenSLO duration shorthand in slo-planner's duration syntax ("5m",
/// "1h", "3d", "2w" as "14d"); `None` for months, quarters and years.
pub(super) fn duration(shorthand: &str) -> Option<String> {
    let s = shorthand.trim();
    let (digits, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit())?);
    let n: u64 = digits.parse().ok()?;
    match unit {
        "m" | "h" | "d" => Some(format!("{n}{unit}")),
        "w" => Some(format!("{}d", n.checked_mul(7)?)),
        _ => None,
    }
}

fn annotated(doc: &Document) -> Option<AlertRuleSpec> {
    let get = |name: &str| doc.metadata.annotations.get(&key(name)).cloned();
    let threshold = get("threshold")?;
    let threshold = match get("threshold-type")?.as_str() {
        "budgetPercent" => ThresholdSpec::BudgetPercent { percent: threshold },
        "burnRate" => ThresholdSpec::BurnRate {
            burn_rate: threshold,
        },
        _ => return None,
    };
    Some(AlertRuleSpec {
        name: get("rule").unwrap_or_else(|| doc.metadata.name.clone()),
        notify: notify(doc.spec.severity.as_deref()).0,
        threshold,
        long_window: get("long-window")?,
        short_window: get("short-window").unwrap_or_default(),
        evaluation_interval: get("evaluation-interval")?,
        alert_after: get("alert-after").unwrap_or_default(),
        snooze: get("snooze").unwrap_or_default(),
    })
}

/// A severity as page or ticket, and whether it was read as one by default.
fn notify(severity: Option<&str>) -> (Notify, bool) {
    match severity.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        Some("ticket") => (Notify::Ticket, false),
        Some("page") => (Notify::Page, false),
        _ => (Notify::Page, true),
    }
}

/// A condition's rule, or `None` (with a note) when it is not a burn-rate alert.
fn condition_rule(doc: &Document, n: &mut Notes<'_>) -> Option<AlertRuleSpec> {
    if let Some(spec) = annotated(doc) {
        return Some(spec);
    }
    let Some(c) = &doc.spec.condition else {
        n.add("spec.condition", "missing; not read as an alert rule");
        return None;
    };
    if c.kind.as_deref().is_some_and(|k| k != "burnrate") {
        n.add(
            "spec.condition.kind",
            "only burnrate conditions are read; not kept",
        );
        return None;
    }
    let Some(threshold) = &c.threshold else {
        n.add(
            "spec.condition.threshold",
            "missing; not read as an alert rule",
        );
        return None;
    };
    let Some(long_window) = c.lookback_window.as_deref().and_then(duration) else {
        n.add(
            "spec.condition.lookbackWindow",
            "missing, or in months, quarters or years; not read as an alert rule",
        );
        return None;
    };
    match c.op.as_deref() {
        None | Some("gte") => {}
        Some("gt") => n.add(
            "spec.condition.op",
            "gt read as gte (at least the threshold)",
        ),
        Some(op) => n.add(
            "spec.condition.op",
            format!("{op}: a burn-rate alert fires at or above its threshold; read as gte"),
        ),
    }
    let (notify, defaulted) = notify(doc.spec.severity.as_deref());
    if defaulted {
        n.add(
            "spec.severity",
            format!(
                "{:?} read as page (slo-planner's rules page or open a ticket)",
                doc.spec.severity.clone().unwrap_or_default()
            ),
        );
    }
    n.add("", "OpenSLO does not say how often a condition is evaluated: read as every 1m, with no short window");
    let alert_after = c
        .alert_after
        .as_deref()
        .and_then(duration)
        .filter(|d| !d.starts_with('0'))
        .unwrap_or_default();
    Some(AlertRuleSpec {
        name: doc
            .metadata
            .display_name
            .clone()
            .unwrap_or_else(|| doc.metadata.name.clone()),
        notify,
        threshold: ThresholdSpec::BurnRate {
            burn_rate: threshold.0.clone(),
        },
        long_window,
        short_window: String::new(),
        evaluation_interval: "1m".into(),
        alert_after,
        snooze: String::new(),
    })
}

/// The condition a policy uses: its first, by reference or inline.
fn policy_condition<'d>(
    policy: &'d Document,
    conditions: &'d BTreeMap<String, Document>,
    n: &mut Notes<'_>,
) -> Option<Document> {
    let list = policy.spec.conditions.as_deref().unwrap_or_default();
    for i in 1..list.len() {
        n.add(
            &format!("spec.conditions[{i}]"),
            "OpenSLO allows one condition per policy; not kept",
        );
    }
    let first: &Reference = list.first().or_else(|| {
        n.add("spec.conditions", "missing; the policy is not kept");
        None
    })?;
    if let Some(name) = &first.condition_ref {
        return conditions.get(name).cloned().or_else(|| {
            n.add(
                "spec.conditions[0].conditionRef",
                format!("no AlertCondition \"{name}\" in the file; the policy is not kept"),
            );
            None
        });
    }
    Some(Document {
        api_version: policy.api_version.clone(),
        kind: "AlertCondition".into(),
        metadata: first.metadata.clone().unwrap_or_default(),
        spec: first.spec.as_deref().cloned().unwrap_or_default(),
    })
}

fn policy_notes(policy: &Document, n: &mut Notes<'_>) {
    if policy.spec.alert_when_no_data == Some(true) {
        n.add(
            "spec.alertWhenNoData",
            "not kept: slo-planner's rules alert on burn, not on missing data",
        );
    }
    if policy.spec.alert_when_resolved == Some(true) {
        n.add("spec.alertWhenResolved", "not kept");
    }
    for (i, target) in policy
        .spec
        .notification_targets
        .iter()
        .flatten()
        .enumerate()
    {
        if !matches!(target.target_ref.as_deref(), Some("page" | "ticket")) {
            n.add(&format!("spec.notificationTargets[{i}]"), "notification targets are not kept (a rule pages or opens a ticket, by its condition's severity)");
        }
    }
}

/// Every policy's rule (conditions no policy uses become rules too).
pub(super) fn read_alerts(
    objects: &BTreeMap<String, Vec<Document>>,
    notes: &mut Vec<Note>,
) -> Rules {
    let docs = |kind: &str| objects.get(kind).map(Vec::as_slice).unwrap_or_default();
    let conditions: BTreeMap<String, Document> = docs("AlertCondition")
        .iter()
        .map(|d| (d.metadata.name.clone(), d.clone()))
        .collect();
    let mut rules = Rules {
        specs: Vec::new(),
        by_policy: BTreeMap::new(),
    };
    let mut used = Vec::new();
    let add = |spec: AlertRuleSpec, rules: &mut Rules, n: &mut Notes<'_>| -> usize {
        if let Some(i) = rules.specs.iter().position(|s| *s == spec) {
            return i;
        }
        let mut spec = spec;
        if rules.specs.iter().any(|s| s.name == spec.name) {
            spec.name = format!("{} ({})", spec.name, rules.specs.len() + 1);
            n.add(
                "",
                format!("another rule has this name; read as \"{}\"", spec.name),
            );
        }
        rules.specs.push(spec);
        rules.specs.len() - 1
    };
    for policy in docs("AlertPolicy") {
        let mut n = Notes {
            object: object_name(policy),
            list: notes,
        };
        policy_notes(policy, &mut n);
        let Some(condition) = policy_condition(policy, &conditions, &mut n) else {
            continue;
        };
        used.push(condition.metadata.name.clone());
        let mut cn = Notes {
            object: object_name(&condition),
            list: n.list,
        };
        if let Some(spec) = condition_rule(&condition, &mut cn) {
            let index = add(spec, &mut rules, &mut cn);
            rules.by_policy.insert(policy.metadata.name.clone(), index);
        }
    }
    for target in docs("AlertNotificationTarget")
        .iter()
        .filter(|t| !matches!(t.metadata.name.as_str(), "page" | "ticket"))
    {
        Notes {
            object: object_name(target),
            list: notes,
        }
        .add(
            "",
            "not kept: a rule pages or opens a ticket, by its condition's severity",
        );
    }
    for condition in docs("AlertCondition")
        .iter()
        .filter(|c| !used.contains(&c.metadata.name))
    {
        let mut n = Notes {
            object: object_name(condition),
            list: notes,
        };
        if let Some(spec) = condition_rule(condition, &mut n) {
            n.add("", "used by no AlertPolicy; read as a rule of every SLO");
            add(spec, &mut rules, &mut n);
        }
    }
    rules
}
