//! Alert rules read into numbers: [`AlertRule`] (a threshold, windows, an
//! evaluation interval and a snooze) from the text of an [`AlertRuleSpec`],
//! naming every bad field. The defaults are the SRE Workbook's set
//! ([`AlertRule::workbook_defaults`]); [`crate::alerting`] computes with them.

use rust_decimal::Decimal;

use crate::model::alert_rule::{AlertRuleSpec, Notify, ThresholdSpec};
use crate::problem::{Collector, Problem};
use crate::quantity::duration::ExactDuration;
use crate::read::fields::ReadFields;
use crate::read::{Decimals, Percent, Span};

/// A burn rate as typed: above 0 and at most 1,000,000 (every request failing
/// at 99.9999 % is a burn rate of 1,000,000).
pub const BURN_RATE: Decimals = Decimals::above_zero("a burn rate", 1_000_000);

/// What an alert rule's threshold is defined by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threshold {
    /// The share of the period's error budget, in percent, that may burn in the
    /// long window ("2"): the burn rate rescales with the period (SRE Workbook).
    BudgetPercent(Decimal),
    /// A fixed burn rate ("2", ESF Table 9.10): the same in every period.
    BurnRate(Decimal),
}

/// One burn-rate alert rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertRule {
    /// Its name ("fast burn").
    pub name: String,
    /// Page or ticket.
    pub notify: Notify,
    /// When it fires.
    pub threshold: Threshold,
    /// The long window.
    pub long_window: ExactDuration,
    /// The short window (both must exceed the rate); `None` for a single-window rule.
    pub short_window: Option<ExactDuration>,
    /// How often the rule is evaluated.
    pub evaluation_interval: ExactDuration,
    /// How long the condition must hold before the rule fires (Prometheus
    /// `for`, OpenSLO `alertAfter`); zero for at once.
    pub alert_after: ExactDuration,
    /// After firing, how long it stays quiet (ESF Table 9.10); zero for none.
    pub snooze: ExactDuration,
}

fn minutes(n: i64) -> ExactDuration {
    ExactDuration::from_whole_seconds(n as u64 * 60)
}

impl AlertRule {
    /// A multi-window rule whose short window is 1/12 of the long one (SRE Workbook ch. 5).
    pub fn multiwindow(
        name: &str,
        notify: Notify,
        budget_percent: Decimal,
        long_window: ExactDuration,
    ) -> AlertRule {
        let short = ExactDuration::from_seconds(long_window.seconds() / Decimal::from(12))
            .unwrap_or(long_window);
        AlertRule {
            name: name.to_string(),
            notify,
            threshold: Threshold::BudgetPercent(budget_percent),
            long_window,
            short_window: Some(short),
            evaluation_interval: minutes(1),
            alert_after: ExactDuration::ZERO,
            snooze: ExactDuration::ZERO,
        }
    }

    /// The SRE Workbook's recommended set: page on 2 % in 1 h and 5 % in 6 h,
    /// ticket on 10 % in 3 d, each with a short window of 1/12.
    pub fn workbook_defaults() -> Vec<AlertRule> {
        vec![
            AlertRule::multiwindow("fast burn", Notify::Page, Decimal::from(2), minutes(60)),
            AlertRule::multiwindow("medium burn", Notify::Page, Decimal::from(5), minutes(360)),
            AlertRule::multiwindow(
                "slow burn",
                Notify::Ticket,
                Decimal::from(10),
                minutes(3 * 24 * 60),
            ),
        ]
    }

    /// A single-window rule that fires at `burn_rate` over `window` (ESF Table
    /// 9.10: burn rate 2 over 60 minutes, evaluated every 5, snoozed for 120).
    pub fn single_window(
        name: &str,
        notify: Notify,
        burn_rate: Decimal,
        window: ExactDuration,
        evaluation_interval: ExactDuration,
        snooze: ExactDuration,
    ) -> AlertRule {
        AlertRule {
            name: name.to_string(),
            notify,
            threshold: Threshold::BurnRate(burn_rate),
            long_window: window,
            short_window: None,
            evaluation_interval,
            alert_after: ExactDuration::ZERO,
            snooze,
        }
    }

    /// The book's own single-window rule (ESF Table 9.10): page at burn rate 2
    /// over 60 minutes, evaluated every 5 minutes, snoozed for 120.
    pub fn esf_single_window(name: &str) -> AlertRule {
        AlertRule::single_window(
            name,
            Notify::Page,
            Decimal::from(2),
            minutes(60),
            minutes(5),
            minutes(120),
        )
    }

    /// The burn rate this rule fires at, for a compliance period of `period`
    /// seconds; `None` when it cannot be held (a zero long window, or a
    /// figure beyond a decimal's range). Checked arithmetic: never panics.
    pub fn burn_rate(&self, period_seconds: u64) -> Option<Decimal> {
        match self.threshold {
            Threshold::BudgetPercent(share) => share
                .checked_div(Decimal::ONE_HUNDRED)?
                .checked_mul(Decimal::from(period_seconds))?
                .checked_div(self.long_window.seconds())
                .map(|b| b.normalize()),
            Threshold::BurnRate(rate) => Some(rate),
        }
    }
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
            alert_after: optional(Some(rule.alert_after)),
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
        let mut r = Collector::new();
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
        let alert_after = r.duration(
            "alertAfter",
            &self.alert_after,
            Span::positive("an alert-after time"),
            true,
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
                    alert_after: alert_after.unwrap_or(ExactDuration::ZERO),
                    snooze: snooze.unwrap_or(ExactDuration::ZERO),
                });
        // A window that could not be read has recorded its problem, so `finish` fails first.
        r.finish(rule)?.ok_or_else(Vec::new)
    }
}
