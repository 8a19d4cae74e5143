//! The Budget page's two tables: the same target over the standard windows,
//! and several targets compared over the chosen window.

use super::*;
use crate::budget::ValidEvents;
use crate::quantity::calendar::CalendarPeriod;
use crate::quantity::target::Target;
use crate::quantity::window::Window;
use rust_decimal::Decimal;

pub(super) fn standard_rows(target: &Target, chosen: Option<&Window>) -> Vec<StandardRow> {
    STANDARD_WINDOWS
        .iter()
        .filter_map(|(name, spec)| {
            let window: Window = spec.parse().ok()?;
            let seconds = window.length(&crate::quantity::zone::Utc).ok()?;
            let downtime = downtime_over(target, &seconds).ok()?;
            let chosen = match (chosen, window) {
                (Some(Window::Calendar(c)), Window::Calendar(p)) => c.unit() == p.unit(),
                (
                    Some(Window::Calendar(CalendarPeriod::Week { .. } | CalendarPeriod::EveryWeek)),
                    _,
                ) => *spec == "7d",
                (Some(w @ Window::Rolling { .. }), Window::Rolling { .. }) => {
                    w.length(&crate::quantity::zone::Utc).ok() == Some(seconds)
                }
                _ => false,
            };
            Some(StandardRow {
                name,
                spec,
                seconds,
                downtime,
                chosen,
            })
        })
        .collect()
}

pub(super) fn compare_columns(
    form: &BudgetForm,
    window: &FieldResult<WindowFacts>,
    events: Option<ValidEvents>,
) -> Vec<Option<FieldResult<CompareColumn>>> {
    let Ok(window) = window else {
        return Vec::new();
    };
    let mut first_budget: Option<Decimal> = None;
    form.compare
        .iter()
        .take(MAX_COMPARE)
        .map(|text| {
            if text.trim().is_empty() {
                return None;
            }
            Some(compare_column(text, window, events, &mut first_budget))
        })
        .collect()
}

fn compare_column(
    text: &str,
    window: &WindowFacts,
    events: Option<ValidEvents>,
    first_budget: &mut Option<Decimal>,
) -> FieldResult<CompareColumn> {
    let target = text.parse::<Target>().map_err(|e| e.to_string())?;
    let fraction = target.error_budget().fraction();
    let ratio = first_budget.and_then(|first| {
        first
            .checked_div(fraction)
            .map(|r| r.round_dp(2).normalize())
    });
    first_budget.get_or_insert(fraction);
    Ok(CompareColumn {
        facts: TargetFacts::of(target),
        downtime: downtime_over(&target, &window.seconds)?,
        allowed_bad_events: match events {
            Some(e) => Some(events_over(&target, e, &window.seconds)?.allowed_bad),
            None => None,
        },
        budget_ratio_to_first: ratio,
    })
}

/// The standard windows: day, week, 28 d, 30 d, calendar month, quarter, year.
pub const STANDARD_WINDOWS: [(&str, &str); 7] = [
    ("Day", "1d"),
    ("Week", "7d"),
    ("28 days (four weeks)", "28d"),
    ("30 days", "30d"),
    ("Calendar month", "month"),
    ("Calendar quarter", "quarter"),
    ("Calendar year", "year"),
];

/// One row of the standard windows table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandardRow {
    /// "28 days (four weeks)".
    pub name: &'static str,
    /// The window in window syntax.
    pub spec: &'static str,
    /// Length in seconds.
    pub seconds: Figure<u64>,
    /// Allowed downtime.
    pub downtime: Figure<ExactDuration>,
    /// Whether this row is the chosen window's kind.
    pub chosen: bool,
}

/// One column of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareColumn {
    /// The target and its readings.
    pub facts: TargetFacts,
    /// Allowed downtime over the chosen window.
    pub downtime: Figure<ExactDuration>,
    /// Allowed bad events, when valid events were given.
    pub allowed_bad_events: Option<Figure<u64>>,
    /// How many times smaller this budget is than the first column's ("10").
    pub budget_ratio_to_first: Option<Decimal>,
}
