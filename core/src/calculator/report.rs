//! The figures `slo budget --json` prints, gathered from a [`BudgetView`](super::BudgetView).

use super::*;
use crate::budget::RoundingRule;
use crate::quantity::figure::Figure;
use rust_decimal::Decimal;
use serde::Serialize;

/// The figures `slo budget --json` prints (names are the JSON keys).
/// Decimals are exact strings without trailing zeros; ranges are `{min, max}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetReport {
    /// The target in percent, e.g. `"99.9"`.
    pub target_percent: String,
    /// `1 - target`, e.g. `"0.001"`.
    pub error_budget_fraction: String,
    /// The error budget in percent, e.g. `"0.1"`.
    pub error_budget_percent: String,
    /// "three nines".
    pub nines: String,
    /// "1 in 1,000".
    pub one_in: String,
    /// The window.
    pub window: WindowReport,
    /// Allowed downtime in seconds, exact.
    pub allowed_downtime_seconds: Figure<String>,
    /// Allowed downtime for people: "43m 12s".
    pub allowed_downtime: Figure<String>,
    /// Valid events in the window, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_events: Option<Figure<u64>>,
    /// Allowed bad events (truncated), when events were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_bad_events: Option<Figure<u64>>,
    /// Whole time slices in the window, when a slice was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_slices_in_window: Option<Figure<u64>>,
    /// Allowed bad time slices (rounded down), when a slice was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_bad_time_slices: Option<Figure<u64>>,
    /// The target a given downtime implies (percent, rounded down to 10 places).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_target_percent: Option<Figure<String>>,
    /// Whether `implied_target_percent` is exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_target_exact: Option<bool>,
    /// The rounding rule of each figure.
    pub rounding: Vec<&'static str>,
}

/// The window part of a [`BudgetReport`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WindowReport {
    /// The window in window syntax: "30d", "month:2024-02".
    pub spec: String,
    /// "rolling" or "calendar".
    pub kind: &'static str,
    /// "rolling 30 days", "February 2024".
    pub label: String,
    /// The IANA zone the length was computed in.
    pub time_zone: String,
    /// Length in seconds.
    pub seconds: Figure<u64>,
    /// The convention behind the length, one line.
    pub convention: String,
}

fn decimal_string(d: &Decimal) -> String {
    d.normalize().to_string()
}

impl BudgetView {
    /// Every field message, in form order.
    pub fn errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut push = |field, result: Option<&String>| {
            if let Some(message) = result {
                errors.push(FieldError {
                    field,
                    message: message.clone(),
                });
            }
        };
        push(Field::Target, self.target.as_ref().err());
        push(Field::TimeZone, self.time_zone.as_ref().err());
        push(Field::Window, self.window.as_ref().err());
        push(
            Field::Events,
            self.events.as_ref().and_then(|r| r.as_ref().err()),
        );
        push(
            Field::TimeSlice,
            self.time_slices.as_ref().and_then(|r| r.as_ref().err()),
        );
        push(
            Field::Downtime,
            self.implied.as_ref().and_then(|r| r.as_ref().err()),
        );
        for (i, column) in self.compare.iter().enumerate() {
            push(
                Field::Compare(i),
                column.as_ref().and_then(|c| c.as_ref().err()),
            );
        }
        errors
    }

    /// The message for one field, if it has one.
    pub fn error(&self, field: Field) -> Option<String> {
        self.errors()
            .into_iter()
            .find(|e| e.field == field)
            .map(|e| e.message)
    }

    /// The report of the main figures, or the first field error.
    pub fn report(&self) -> Result<BudgetReport, FieldError> {
        if let Some(first) = self.errors().into_iter().next() {
            return Err(first);
        }
        let internal = |message: &str| FieldError {
            field: Field::Target,
            message: message.into(),
        };
        let target = self.target.as_ref().map_err(|e| internal(e))?;
        let window = self.window.as_ref().map_err(|e| internal(e))?;
        let downtime = self
            .downtime
            .ok_or_else(|| internal("no downtime computed"))?;
        let budget = target.target.error_budget();
        let events = self.events.as_ref().and_then(|r| r.as_ref().ok());
        let slices = self.time_slices.as_ref().and_then(|r| r.as_ref().ok());
        let implied = self.implied.as_ref().and_then(|r| r.as_ref().ok());
        let mut rounding = vec![RoundingRule::Downtime.describe()];
        if events.is_some() {
            rounding.push(RoundingRule::Events.describe());
        }
        if slices.is_some() {
            rounding.push(RoundingRule::TimeSlices.describe());
        }
        if implied.is_some() {
            rounding.push(RoundingRule::ImpliedTarget.describe());
        }
        Ok(BudgetReport {
            target_percent: target.target.to_string(),
            error_budget_fraction: decimal_string(&budget.fraction()),
            error_budget_percent: decimal_string(&budget.percent()),
            nines: target.nines.clone(),
            one_in: target.one_in.clone(),
            window: WindowReport {
                spec: window.window.to_string(),
                kind: window.window.kind(),
                label: window.window.label(),
                time_zone: window.time_zone.clone(),
                seconds: window.seconds,
                convention: window.convention.clone(),
            },
            allowed_downtime_seconds: downtime.map(|d| decimal_string(&d.seconds())),
            allowed_downtime: downtime.map(|d| d.to_string()),
            valid_events: events.map(|e| e.valid),
            allowed_bad_events: events.map(|e| e.allowed_bad),
            time_slices_in_window: slices.map(|s| s.map(|s| s.slices)),
            allowed_bad_time_slices: slices.map(|s| s.map(|s| s.allowed_bad)),
            implied_target_percent: implied.map(|i| i.map(|i| decimal_string(&i.percent))),
            implied_target_exact: implied.map(|i| i.min().exact && i.max().exact),
            rounding,
        })
    }
}
