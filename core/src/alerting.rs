//! Alert rules as the workshop writes them into the model: text as typed,
//! read into [`AlertRule`]s by [`AlertRuleSpec::rule`], which names every bad
//! field. The defaults are the SRE Workbook's set ([`AlertRule::workbook_defaults`]).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::alert::{AlertRule, Notify, Threshold};
use crate::duration::ExactDuration;
use crate::fields::FieldReader;
use crate::problem::Problem;
use crate::read::{Decimals, Percent, Span};

/// A burn rate as typed: above 0 and at most 1,000,000 (every request failing
/// at 99.9999 % is a burn rate of 1,000,000).
pub const BURN_RATE: Decimals = Decimals::above_zero("a burn rate", 1_000_000);

/// What a rule's threshold is, as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum ThresholdSpec {
    /// Percent of the period's budget spent in the long window ("2"); rescales with the period.
    #[serde(rename_all = "camelCase")]
    BudgetPercent {
        /// Percent, above 0 and at most 100.
        percent: String,
    },
    /// A fixed burn rate ("2"), as in ESF Table 9.10.
    #[serde(rename_all = "camelCase")]
    BurnRate {
        /// The burn rate, above 0.
        burn_rate: String,
    },
}

/// One alert rule of the model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AlertRuleSpec {
    /// Its name ("fast burn").
    pub name: String,
    /// Page or ticket.
    #[serde(default)]
    pub notify: Notify,
    /// When it fires.
    pub threshold: ThresholdSpec,
    /// The long window, in duration syntax ("1h").
    pub long_window: String,
    /// The short window ("5m"); empty for a single-window rule.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_window: String,
    /// How often it is evaluated ("1m").
    pub evaluation_interval: String,
    /// How long it stays quiet after firing ("2h"); empty for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub snooze: String,
}

impl AlertRuleSpec {
    /// The spec of a rule, as the editor shows it.
    pub fn of(rule: &AlertRule) -> AlertRuleSpec {
        let optional = |d: Option<ExactDuration>| {
            d.filter(|d| !d.seconds().is_zero())
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        AlertRuleSpec {
            name: rule.name.clone(),
            notify: rule.notify,
            threshold: match rule.threshold {
                Threshold::BudgetPercent(p) => ThresholdSpec::BudgetPercent {
                    percent: p.to_string(),
                },
                Threshold::BurnRate(b) => ThresholdSpec::BurnRate {
                    burn_rate: b.to_string(),
                },
            },
            long_window: rule.long_window.to_string(),
            short_window: optional(rule.short_window),
            evaluation_interval: rule.evaluation_interval.to_string(),
            snooze: optional(Some(rule.snooze)),
        }
    }

    /// The SRE Workbook's three rules as specs.
    pub fn workbook_defaults() -> Vec<AlertRuleSpec> {
        AlertRule::workbook_defaults()
            .iter()
            .map(AlertRuleSpec::of)
            .collect()
    }

    /// Reads the rule, or returns every problem with its path relative to the
    /// rule (`longWindow`).
    pub fn rule(&self) -> Result<AlertRule, Vec<Problem>> {
        let mut r = FieldReader::default();
        let threshold = match &self.threshold {
            ThresholdSpec::BudgetPercent { percent } => Threshold::BudgetPercent(
                r.percent("threshold.percent", percent, Percent::SHARE)
                    .unwrap_or(Decimal::ONE),
            ),
            ThresholdSpec::BurnRate { burn_rate } => Threshold::BurnRate(
                r.decimal("threshold.burnRate", burn_rate, BURN_RATE)
                    .unwrap_or(Decimal::ONE),
            ),
        };
        let long_window = r.duration(
            "longWindow",
            &self.long_window,
            Span::positive("a long window"),
            false,
        );
        let short_window = r.duration(
            "shortWindow",
            &self.short_window,
            Span::positive("a short window"),
            true,
        );
        let evaluation_interval = r.duration(
            "evaluationInterval",
            &self.evaluation_interval,
            Span::positive("an evaluation interval"),
            false,
        );
        let snooze = r.duration("snooze", &self.snooze, Span::positive("a snooze"), true);
        if let (Some(long), Some(short)) = (long_window, short_window) {
            if short.seconds() > long.seconds() {
                r.error(
                    "shortWindow",
                    format!("the short window ({short}) is longer than the long window ({long})"),
                );
            }
        }
        let rule =
            long_window
                .zip(evaluation_interval)
                .map(|(long_window, evaluation_interval)| AlertRule {
                    name: self.name.clone(),
                    notify: self.notify,
                    threshold,
                    long_window,
                    short_window,
                    evaluation_interval,
                    snooze: snooze.unwrap_or(ExactDuration::ZERO),
                });
        // A window that could not be read has recorded its problem, so `finish` fails first.
        r.finish(rule)?.ok_or_else(Vec::new)
    }
}
