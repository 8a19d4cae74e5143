//! Alerting on SLOs: multi-window, multi-burn-rate alerts (SRE Workbook ch. 5,
//! "Alerting on SLOs") and single-window rules (ESF Table 9.10).
//!
//! A rule is defined by the share of the error budget it lets burn in its long
//! window, so it rescales with the compliance period: burn rate =
//! `budget share x period / long window` (2 % of a 30-day budget in 1 h is a
//! burn rate of 14.4; over 28 days it is 13.44). The error-ratio threshold is
//! `burn rate x (1 - SLO)`; time to exhaustion at that rate is
//! `period / burn rate`.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::model::alert_rule::Notify;
use crate::quantity::duration::ExactDuration;
use crate::quantity::target::Target;
use crate::read::alert_rule::AlertRule;

/// The alert table's row for one rule, for one SLO and period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleFigures {
    /// The rule's name.
    pub name: String,
    /// Page or ticket.
    pub notify: Notify,
    /// Long window, e.g. "1h".
    pub long_window: String,
    /// Short window, e.g. "5m".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_window: Option<String>,
    /// The burn rate it fires at (14.4).
    pub burn_rate: Decimal,
    /// The error ratio it fires at, in percent (1.44).
    pub error_ratio_percent: Decimal,
    /// The share of the budget consumed when it fires, in percent (2).
    pub budget_consumed_percent: Decimal,
    /// Time to exhaust the whole budget at that burn rate ("2d 2h").
    pub time_to_exhaustion: String,
    /// Time to fire on a full outage (100 % errors), from its start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detection_full_outage: Option<String>,
    /// Problems with the rule.
    pub lints: Vec<String>,
}

/// Why an alert figure cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlertError {
    /// A window of zero length.
    ZeroWindow(String),
    /// A figure of the rule is beyond what can be computed exactly.
    OutOfRange(String),
}

impl fmt::Display for AlertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AlertError::ZeroWindow(rule) => {
                write!(f, "rule \"{rule}\": a window must be longer than zero")
            }
            AlertError::OutOfRange(rule) => {
                write!(f, "rule \"{rule}\": its figures are too large to compute; shorten the period or lower the threshold")
            }
        }
    }
}

impl std::error::Error for AlertError {}

/// How the alert table rounds what it shows (stated beside the table): burn
/// rates to 2 decimal places, percentages to 4, times to the nearest
/// millisecond (half to even). The JSON keeps burn rates and percentages exact.
pub const ROUNDING_RULE: &str =
    "burn rates to 2 decimal places, percentages to 4, times to the nearest millisecond";

impl RuleFigures {
    /// The figures as the table shows them ([`ROUNDING_RULE`]): the burn
    /// rate to 2 decimal places, the error ratio to 4 (half away from zero);
    /// the other figures are rounded already. For people and reports; a
    /// rule's threshold is computed from the exact figures.
    pub fn rounded(mut self) -> Self {
        let rule = RoundingStrategy::MidpointAwayFromZero;
        self.burn_rate = self.burn_rate.round_dp_with_strategy(2, rule).normalize();
        self.error_ratio_percent = self
            .error_ratio_percent
            .round_dp_with_strategy(4, rule)
            .normalize();
        self
    }
}

/// Seconds as a duration rounded to the nearest millisecond (the table's rule).
fn to_millisecond(seconds: Decimal) -> Option<ExactDuration> {
    ExactDuration::from_seconds(seconds.round_dp(3).normalize())
}

/// How long the whole budget lasts at a burn rate: `period / burn rate`
/// (SRE Workbook ch. 5: burn rate 1000 at 99.9 % over 30 d exhausts it in
/// 43m 12s), to the millisecond.
pub fn exhaustion_time(period_seconds: u64, burn_rate: Decimal) -> Option<ExactDuration> {
    if burn_rate <= Decimal::ZERO {
        return None;
    }
    to_millisecond(Decimal::from(period_seconds).checked_div(burn_rate)?)
}

/// The highest burn rate an SLO can see: `1 / (1 - SLO)` (1000 at 99.9 %).
/// A target's budget is at least 10^-17, so this never overflows.
pub fn max_burn_rate(target: &Target) -> Decimal {
    Decimal::ONE
        .checked_div(target.error_budget().fraction())
        .unwrap_or(Decimal::MAX)
        .normalize()
}

/// Time from the start of an incident with error ratio `error_ratio` (fraction)
/// until `rule` fires, assuming no errors before it: each window's average
/// burn must reach the threshold, `t = threshold x window / incident burn`;
/// `None` when the incident's burn rate never reaches it; then the rule's
/// alert-after time (Prometheus `for`) is added. Exact (the SRE Workbook's
/// figure); the next evaluation may add up to one interval.
pub fn detection_time(
    rule: &AlertRule,
    target: &Target,
    period_seconds: u64,
    error_ratio: Decimal,
) -> Option<ExactDuration> {
    let (threshold, incident) = reachable_burn(rule, target, period_seconds, error_ratio)?;
    let needed = |window: &ExactDuration| {
        threshold
            .checked_mul(window.seconds())?
            .checked_div(incident)
    };
    let mut seconds = needed(&rule.long_window)?;
    if let Some(short) = &rule.short_window {
        seconds = seconds.max(needed(short)?);
    }
    to_millisecond(seconds.checked_add(rule.alert_after.seconds())?)
}

/// The rule's threshold burn rate and an incident's burn rate, when the
/// incident reaches the threshold.
fn reachable_burn(
    rule: &AlertRule,
    target: &Target,
    period_seconds: u64,
    error_ratio: Decimal,
) -> Option<(Decimal, Decimal)> {
    let threshold = rule.burn_rate(period_seconds)?;
    let incident = error_ratio.checked_div(target.error_budget().fraction())?;
    (incident >= threshold && incident > Decimal::ZERO).then_some((threshold, incident))
}

/// When a rule detects an incident of a given error ratio, and how long after
/// it ends the rule resets ([`detection_time`], [`reset_time`]); `None` when
/// the incident never reaches the rule's threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RatioTimes {
    /// From the incident's start to firing.
    pub detection: Option<ExactDuration>,
    /// From the incident's end to reset.
    pub reset: Option<ExactDuration>,
}

/// Reads an incident's error ratio typed in percent ("5") as a fraction (0.05);
/// above 0 and at most 100.
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(slo_core::alerting::parse_error_ratio("5"), Ok(Decimal::new(5, 2)));
/// assert!(slo_core::alerting::parse_error_ratio("0").is_err());
/// ```
pub fn parse_error_ratio(text: &str) -> Result<Decimal, String> {
    crate::read::Percent::above_zero("an error ratio").fraction(text)
}

/// Each rule's [`RatioTimes`] for an incident with error ratio `error_ratio` (a fraction).
pub fn at_error_ratio(
    rules: &[AlertRule],
    target: &Target,
    period_seconds: u64,
    error_ratio: Decimal,
) -> Vec<RatioTimes> {
    rules
        .iter()
        .map(|rule| RatioTimes {
            detection: detection_time(rule, target, period_seconds, error_ratio),
            reset: reset_time(rule, target, period_seconds, error_ratio),
        })
        .collect()
}

/// Time after an incident (with error ratio `error_ratio`, lasting at least the
/// long window) ends until `rule` stops firing: the fastest window's average
/// falls below the threshold after `window x (1 - threshold / incident burn)`.
pub fn reset_time(
    rule: &AlertRule,
    target: &Target,
    period_seconds: u64,
    error_ratio: Decimal,
) -> Option<ExactDuration> {
    let (threshold, incident) = reachable_burn(rule, target, period_seconds, error_ratio)?;
    let window = rule.short_window.as_ref().unwrap_or(&rule.long_window);
    // threshold <= incident, so the factor is from 0 to 1.
    let factor = Decimal::ONE - threshold.checked_div(incident)?;
    to_millisecond(window.seconds().checked_mul(factor)?)
}

/// The alert table: each rule's burn rate, error-ratio threshold, budget
/// consumed when it fires, time to exhaustion, detection time of a full
/// outage, and lints. `valid_events` (per period) enables the low-traffic lint.
/// Checked arithmetic: a rule whose figures cannot be held is an
/// [`AlertError`], never a panic.
pub fn alert_table(
    rules: &[AlertRule],
    target: &Target,
    period_seconds: u64,
    valid_events: Option<u64>,
) -> Result<Vec<RuleFigures>, AlertError> {
    rules
        .iter()
        .map(|rule| {
            if rule.long_window.seconds().is_zero()
                || rule.short_window.is_some_and(|s| s.seconds().is_zero())
            {
                return Err(AlertError::ZeroWindow(rule.name.clone()));
            }
            rule_figures(rule, target, period_seconds, valid_events)
                .ok_or_else(|| AlertError::OutOfRange(rule.name.clone()))
        })
        .collect()
}

/// One row of [`alert_table`]; `None` when a figure overflows.
fn rule_figures(
    rule: &AlertRule,
    target: &Target,
    period_seconds: u64,
    valid_events: Option<u64>,
) -> Option<RuleFigures> {
    let budget = target.error_budget().fraction();
    let max = max_burn_rate(target);
    let burn = rule.burn_rate(period_seconds)?;
    let period = Decimal::from(period_seconds);
    // The share of the period's budget the long window holds at this burn rate, in percent.
    let rule_share = burn
        .checked_mul(rule.long_window.seconds())?
        .checked_div(period)?
        .checked_mul(Decimal::ONE_HUNDRED)?;
    let mut lints = Vec::new();
    if burn > max {
        lints.push(format!(
            "burn rate {} can never be reached: at {target} % the highest is {} (every request failing)",
            burn.round_dp(2).normalize(),
            max.round_dp(2).normalize()
        ));
    }
    for (which, window) in [
        ("long", Some(rule.long_window)),
        ("short", rule.short_window),
    ] {
        if let Some(window) = window {
            if window.seconds() < rule.evaluation_interval.seconds() {
                lints.push(format!(
                    "the {which} window ({window}) is shorter than the evaluation interval ({})",
                    rule.evaluation_interval
                ));
            }
        }
    }
    if let Some(events) = valid_events.filter(|e| *e > 0) {
        let one_event =
            Decimal::ONE_HUNDRED.checked_div(Decimal::from(events).checked_mul(budget)?)?;
        if one_event > rule_share {
            lints.push(format!(
                "low traffic: one bad event spends {} % of the budget, more than this rule's {} %",
                one_event.round_dp(2).normalize(),
                rule_share.round_dp(4).normalize()
            ));
        }
    }
    Some(RuleFigures {
        name: rule.name.clone(),
        notify: rule.notify,
        long_window: rule.long_window.to_string(),
        short_window: rule.short_window.map(|s| s.to_string()),
        burn_rate: burn,
        error_ratio_percent: burn
            .checked_mul(budget)?
            .checked_mul(Decimal::ONE_HUNDRED)?
            .normalize(),
        budget_consumed_percent: rule_share.round_dp(4).normalize(),
        time_to_exhaustion: exhaustion_time(period_seconds, burn)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        detection_full_outage: detection_time(rule, target, period_seconds, Decimal::ONE)
            .map(|d| d.to_string()),
        lints,
    })
}
