//! OpenSLO's objects as YAML holds them (v1, and the v1alpha fields teams
//! still have): one [`Document`] type for every kind, every field optional,
//! so that one reader takes any file and the mapping decides what is
//! missing. Numbers are [`Exact`]: their text as written, never a float.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

/// Marks a number's text in the writer's output; [`finish`] removes it, so
/// the number stands unquoted. No user text keeps this character ([`text`]).
const NUMBER_MARK: char = '\u{E000}';

/// A number as written ("0.9995"), exact: read as its text, written as a
/// plain YAML number.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Exact(pub String);

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{NUMBER_MARK}{}", self.0))
    }
}

/// User text for the writer: the number mark replaced, so it can never
/// turn text into a number.
pub fn text(s: &str) -> String {
    s.replace(NUMBER_MARK, "\u{FFFD}")
}

/// The writer's YAML with every [`Exact`] unquoted.
pub fn finish(yaml: &str) -> String {
    yaml.replace(NUMBER_MARK, "")
}

/// One OpenSLO object.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// "openslo/v1" or "openslo/v1alpha".
    #[serde(default)]
    pub api_version: String,
    /// Service, SLI, SLO, AlertPolicy, AlertCondition, AlertNotificationTarget, DataSource.
    #[serde(default)]
    pub kind: String,
    /// Its name and annotations.
    #[serde(default)]
    pub metadata: Metadata,
    /// Its kind's fields.
    #[serde(default)]
    pub spec: Spec,
}

/// An object's metadata.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// A DNS label (RFC 1123).
    #[serde(default)]
    pub name: String,
    /// The name people read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Labels (read, not mapped).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Value>,
    /// Annotations: slo-planner keeps what OpenSLO has no field for under `slo-planner/`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
}

/// The fields of every kind's `spec` (no two kinds use one name differently).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Spec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    // SLO
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<Box<Document>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_window: Option<Vec<TimeWindow>>,
    /// v1alpha's windows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_windows: Option<Vec<TimeWindow>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budgeting_method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objectives: Option<Vec<Objective>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_policies: Option<Vec<Reference>>,
    // SLI
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_metric: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio_metric: Option<RatioMetric>,
    // AlertPolicy
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_when_no_data: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_when_resolved: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_when_breaching: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Reference>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_targets: Option<Vec<Reference>>,
    // AlertCondition
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    // AlertNotificationTarget
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    // DataSource
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub source_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_details: Option<Value>,
}

/// An SLO's compliance period: rolling, or calendar-aligned. v1 writes
/// `duration`; v1alpha writes `count` and `unit`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct TimeWindow {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_rolling: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<Calendar>,
}

/// Where a calendar window starts, and in which time zone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Calendar {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

/// One objective of an SLO (v1alpha puts the SLI's queries here too).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Objective {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Exact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Exact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_percent: Option<Exact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_slice_target: Option<Exact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_slice_window: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composite_weight: Option<Exact>,
    /// v1alpha: the SLI's queries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio_metrics: Option<RatioMetric>,
}

/// An SLI's ratio of two queries (v1) or of two v1alpha queries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct RatioMetric {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good: Option<Metric>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad: Option<Metric>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Metric>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<Metric>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_type: Option<String>,
}

/// One query: v1's `metricSource`, or v1alpha's `source` and `query`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Metric {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_source: Option<MetricSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
}

/// Where a v1 query runs, and the query in `spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct MetricSource {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_source_ref: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub source_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<Value>,
}

/// A reference to another object by name, or the object inline.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Reference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_policy_ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition_ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<Box<Spec>>,
}

/// A burn-rate alert condition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Condition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Exact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lookback_window: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_after: Option<String>,
}
