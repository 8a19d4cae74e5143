//! Each incident's priority by the book's two rules (ESF ch. 9): the budget
//! left after it, and how fast it spent the budget.

use serde::Serialize;

use super::simulate::EventOutcome;
use crate::model::Priority;

/// An incident's priority and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Prioritised {
    /// The more urgent of the two rules.
    pub priority: Priority,
    /// By the budget left when it ended (ESF Table 9.5).
    pub by_budget_left: Priority,
    /// By its consumption velocity (ESF Table 9.6).
    pub by_velocity: Priority,
}

/// Priority by the budget left after an incident, percent (ESF Table 9.5 as
/// read here): exhausted P1, under 25 % P2, under 50 % P3, else P4.
pub fn priority_by_budget_left(left_percent: f64) -> Priority {
    match left_percent {
        l if l <= 0.0 => Priority::P1,
        l if l < 25.0 => Priority::P2,
        l if l < 50.0 => Priority::P3,
        _ => Priority::P4,
    }
}

/// Priority by consumption velocity (ESF Table 9.6 as read here), at the SRE
/// Workbook's alert levels: the incident's burn rate (`percent per hour x
/// period hours / 100`) at least 14.4 P1, 6 P2, 1 P3, else P4.
pub fn priority_by_velocity(percent_per_hour: f64, period_seconds: u64) -> Priority {
    let burn = percent_per_hour * period_seconds as f64 / 3600.0 / 100.0;
    match burn {
        b if b >= 14.4 => Priority::P1,
        b if b >= 6.0 => Priority::P2,
        b if b >= 1.0 => Priority::P3,
        _ => Priority::P4,
    }
}

/// Both priorities of an incident's outcome; the more urgent one wins.
pub fn prioritise(outcome: &EventOutcome, period_seconds: u64) -> Prioritised {
    let by_budget_left = priority_by_budget_left(outcome.budget_left_after_percent);
    let by_velocity = priority_by_velocity(outcome.depletion_per_hour, period_seconds);
    Prioritised {
        priority: by_budget_left.min(by_velocity),
        by_budget_left,
        by_velocity,
    }
}
