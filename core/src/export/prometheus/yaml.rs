//! The Prometheus rule file: one group per SLO, its recording rules before
//! its alerts (when the rules' evaluation intervals differ, a recording
//! group and an alerting group per interval), as YAML for `promtool check
//! rules`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{error_ratio, recorded, PrometheusRules, SloAlert, SloRules};
use crate::export::comment;
use crate::export::names::prometheus_duration;
use crate::quantity::duration::ExactDuration;

#[derive(Serialize)]
struct RuleFile {
    groups: Vec<Group>,
}

#[derive(Serialize)]
struct Group {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    interval: Option<String>,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Rule {
    Record {
        record: String,
        expr: String,
        labels: BTreeMap<String, String>,
    },
    Alert {
        alert: String,
        expr: String,
        #[serde(rename = "for", skip_serializing_if = "Option::is_none")]
        for_: Option<String>,
        labels: BTreeMap<String, String>,
        annotations: BTreeMap<String, String>,
    },
}

impl SloRules {
    fn groups(&self) -> Vec<Group> {
        let duration = |d: &ExactDuration| prometheus_duration(d).unwrap_or_default();
        let interval = self
            .alerts
            .iter()
            .map(|a| a.rule.evaluation_interval)
            .min_by_key(|d| d.seconds());
        let mut recordings: Vec<Rule> = self
            .windows()
            .iter()
            .map(|w| Rule::Record {
                record: recorded(&duration(w)),
                expr: error_ratio(&self.queries, &duration(w)),
                labels: self.labels(),
            })
            .collect();
        for (record, value) in [
            ("slo:objective:ratio", self.target.fraction()),
            (
                "slo:error_budget:ratio",
                self.target.error_budget().fraction(),
            ),
        ] {
            recordings.push(Rule::Record {
                record: record.into(),
                expr: format!("vector({})", value.normalize()),
                labels: self.labels(),
            });
        }
        let mut by_interval: BTreeMap<String, Vec<Rule>> = BTreeMap::new();
        for alert in &self.alerts {
            by_interval
                .entry(duration(&alert.rule.evaluation_interval))
                .or_default()
                .push(self.alert_rule(alert));
        }
        // One interval (the usual case): one group, the recordings first.
        // Prometheus evaluates a group's rules in order, so each alert reads
        // the error ratios of the same evaluation, never the one before.
        if by_interval.len() <= 1 {
            recordings.extend(by_interval.into_values().flatten());
            return vec![Group {
                name: format!("slo-planner:{}", self.id),
                interval: interval.as_ref().map(duration),
                rules: recordings,
            }];
        }
        let mut groups = vec![Group {
            name: format!("slo-planner:{}:recordings", self.id),
            interval: interval.as_ref().map(duration),
            rules: recordings,
        }];
        for (interval, rules) in by_interval {
            groups.push(Group {
                name: format!("slo-planner:{}:alerts-every-{interval}", self.id),
                interval: Some(interval),
                rules,
            });
        }
        groups
    }

    fn alert_rule(&self, alert: &SloAlert) -> Rule {
        let duration = |d: &ExactDuration| prometheus_duration(d).unwrap_or_default();
        let condition = |w: &ExactDuration| {
            format!(
                "{}{{slo_id=\"{}\"}} >= {}",
                recorded(&duration(w)),
                self.id,
                alert.threshold
            )
        };
        let mut expr = condition(&alert.rule.long_window);
        if let Some(short) = &alert.rule.short_window {
            expr = format!("{expr}\nand\n{}", condition(short));
        }
        Rule::Alert {
            alert: alert.name.clone(),
            expr,
            for_: (!alert.rule.alert_after.seconds().is_zero())
                .then(|| duration(&alert.rule.alert_after)),
            labels: alert.labels.clone(),
            annotations: alert.annotations.clone(),
        }
    }
}

impl PrometheusRules {
    /// The rule file, YAML for `promtool check rules`, with a header naming
    /// what is left out and why.
    pub fn yaml(&self) -> String {
        let file = RuleFile {
            groups: self.slos.iter().flat_map(SloRules::groups).collect(),
        };
        let mut header = vec![
            format!("Prometheus rules for the SLOs of {}, written by slo-planner.", self.team),
            "Error ratios over every window the alert rules use; one multi-window, multi-burn-rate".into(),
            "alert per rule and SLO, its threshold rescaled to the SLO's period (SRE Workbook ch. 5).".into(),
        ];
        if file.groups.is_empty() && !self.skipped.is_empty() {
            header.push("No rules: no SLO below could be written. An SLO's rules need its".into());
            header
                .push("SLI's Prometheus queries (its good or bad events, and all events).".into());
        }
        if !self.skipped.is_empty() {
            header.push("Not exported:".into());
            header.extend(
                self.skipped
                    .iter()
                    .map(|s| format!("  {}: {}", s.title, s.why)),
            );
        }
        let body = if file.groups.is_empty() {
            "groups: []\n".to_string()
        } else {
            serde_saphyr::to_string(&file).unwrap_or_default()
        };
        format!("{}{body}", comment(&header))
    }
}
