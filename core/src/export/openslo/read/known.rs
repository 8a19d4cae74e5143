//! The fields slo-planner reads, per kind: any other field in a file is
//! named in a note, so that nothing is dropped in silence.

use serde_json::Value;

use super::Notes;
use crate::export::openslo::ANNOTATION_PREFIX;

/// The kinds read.
pub(super) const KINDS: [&str; 7] = [
    "Service",
    "SLI",
    "SLO",
    "AlertPolicy",
    "AlertCondition",
    "AlertNotificationTarget",
    "DataSource",
];

/// The `spec` fields read, per kind.
fn spec_fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "Service" => &["description"],
        "SLI" => &["description", "ratioMetric", "thresholdMetric"],
        "SLO" => &[
            "description",
            "service",
            "indicator",
            "indicatorRef",
            "timeWindow",
            "timeWindows",
            "budgetingMethod",
            "objectives",
            "alertPolicies",
        ],
        "AlertPolicy" => &[
            "description",
            "alertWhenNoData",
            "alertWhenResolved",
            "alertWhenBreaching",
            "conditions",
            "notificationTargets",
        ],
        "AlertCondition" => &["description", "severity", "condition"],
        "AlertNotificationTarget" => &["description", "target"],
        "DataSource" => &["description", "type", "connectionDetails"],
        _ => &[],
    }
}

/// Nested objects whose fields are read: (path of a list or object, fields).
const NESTED: [(&str, &[&str]); 4] = [
    (
        "objectives",
        &[
            "displayName",
            "op",
            "value",
            "target",
            "targetPercent",
            "timeSliceTarget",
            "timeSliceWindow",
            "indicator",
            "indicatorRef",
            "compositeWeight",
            "ratioMetrics",
        ],
    ),
    ("timeWindow", &["duration", "isRolling", "calendar"]),
    ("timeWindows", &["count", "unit", "isRolling", "calendar"]),
    (
        "condition",
        &["kind", "op", "threshold", "lookbackWindow", "alertAfter"],
    ),
];

fn keys(value: &Value) -> Vec<&String> {
    value
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default()
}

/// Notes for every field of an object that is not read.
pub(super) fn unknown_fields(kind: &str, value: &Value, notes: &mut Notes<'_>) {
    for key in keys(value) {
        if !["apiVersion", "kind", "metadata", "spec"].contains(&key.as_str()) {
            notes.add(key, "not an OpenSLO field; not kept");
        }
    }
    let metadata = &value["metadata"];
    for key in keys(metadata) {
        match key.as_str() {
            "name" | "displayName" => {}
            "annotations" => {
                for annotation in keys(&metadata["annotations"]) {
                    if !annotation.starts_with(ANNOTATION_PREFIX) {
                        notes.add(&format!("metadata.annotations.{annotation}"), "not kept");
                    }
                }
            }
            "labels" => notes.add("metadata.labels", "labels are not kept"),
            other => notes.add(
                &format!("metadata.{other}"),
                "not an OpenSLO field; not kept",
            ),
        }
    }
    let spec = &value["spec"];
    let fields = spec_fields(kind);
    for key in keys(spec) {
        if !fields.contains(&key.as_str()) {
            notes.add(
                &format!("spec.{key}"),
                format!("not a field of an OpenSLO {kind}; not kept"),
            );
        }
    }
    for (path, fields) in NESTED {
        let items = match &spec[path] {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("spec.{path}[{i}]"), v))
                .collect(),
            Value::Object(_) => vec![(format!("spec.{path}"), &spec[path])],
            _ => Vec::new(),
        };
        for (at, item) in items {
            for key in keys(item) {
                if !fields.contains(&key.as_str()) {
                    notes.add(
                        &format!("{at}.{key}"),
                        "not an OpenSLO field here; not kept",
                    );
                }
            }
        }
    }
}
