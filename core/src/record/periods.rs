//! The past compliance periods a record spans: every calendar week, month,
//! quarter or year that lies wholly inside it (from local midnight to
//! local midnight in the SLO's time zone), or every rolling window inside
//! it, one ending at each local midnight (stepped by a day; a window
//! shorter than a day is stepped by its own length).

use chrono::{Datelike, Days, NaiveDate};

use crate::quantity::calendar::{local_date_of, unix_local_midnight, CalendarPeriod};
use crate::quantity::window::Window;
use crate::quantity::zone::{first_instant_of_local_time, ZoneRules, SECONDS_PER_DAY};

/// The most past periods evaluated: over ten years of rolling windows.
pub const MAX_PAST_PERIODS: usize = 4_000;

/// One past compliance period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastPeriod {
    /// How people name it: "April 2025", "rolling 28 days ending 2025-04-30".
    pub label: String,
    /// Its first instant, Unix seconds.
    pub start: i64,
    /// The instant after it, Unix seconds.
    pub end: i64,
}

impl PastPeriod {
    /// Its length in seconds.
    pub fn seconds(&self) -> u64 {
        (self.end - self.start).max(0) as u64
    }
}

/// The periods of `window` that lie wholly in `[from, to)` (Unix seconds),
/// oldest first, at most [`MAX_PAST_PERIODS`] (the most recent ones).
///
/// A given calendar period (`month:2025-04`) stands for every period of its
/// kind. Errors when `zone` cannot answer for a date.
///
/// ```
/// use slo_core::record::periods::past_periods;
/// use slo_core::{Utc, Window};
/// let month: Window = "month".parse().unwrap();
/// // 2025-01-15 to 2025-05-02: February, March and April are whole.
/// let periods = past_periods(&month, &Utc, 1_736_899_200, 1_746_144_000).unwrap();
/// let names: Vec<_> = periods.iter().map(|p| p.label.as_str()).collect();
/// assert_eq!(names, ["February 2025", "March 2025", "April 2025"]);
/// ```
pub fn past_periods(
    window: &Window,
    zone: &dyn ZoneRules,
    from: i64,
    to: i64,
) -> Result<Vec<PastPeriod>, String> {
    // Only the most recent periods are kept: start late enough that the
    // loops below make at most one more than that.
    let most = MAX_PAST_PERIODS as i64 + 1;
    let mut periods = match window {
        Window::Calendar(period) => {
            let longest = match period.unit() {
                "week" => 7,
                "month" => 31,
                "quarter" => 92,
                _ => 366,
            };
            let from = from.max(to.saturating_sub((most + 1) * longest * SECONDS_PER_DAY));
            calendar(*period, zone, from, to)?
        }
        Window::Rolling { .. } => {
            let length = window.length(zone).map_err(|e| e.to_string())?;
            let length = length.exact().unwrap_or(0).min(i64::MAX as u64 / 4) as i64;
            let step = length.min(SECONDS_PER_DAY);
            let from =
                from.max(to.saturating_sub(length.saturating_add(most.saturating_mul(step))));
            rolling(window, length, zone, from, to)?
        }
    };
    if periods.len() > MAX_PAST_PERIODS {
        periods.drain(..periods.len() - MAX_PAST_PERIODS);
    }
    Ok(periods)
}

fn local_date(zone: &dyn ZoneRules, instant: i64) -> Result<NaiveDate, String> {
    let offset = zone.offset_at(instant).map_err(|e| e.to_string())?;
    local_date_of(instant.saturating_add(offset as i64))
        .ok_or_else(|| "a date outside the calendar".to_string())
}

fn midnight(zone: &dyn ZoneRules, date: NaiveDate) -> Result<i64, String> {
    first_instant_of_local_time(zone, unix_local_midnight(date)).map_err(|e| e.to_string())
}

/// The period of `period`'s kind that holds `date`.
fn holding(period: CalendarPeriod, date: NaiveDate) -> CalendarPeriod {
    let year = date.year();
    match period.unit() {
        "week" => {
            let week = date.iso_week();
            CalendarPeriod::Week {
                year: week.year(),
                week: week.week(),
            }
        }
        "month" => CalendarPeriod::Month {
            year,
            month: date.month(),
        },
        "quarter" => CalendarPeriod::Quarter {
            year,
            quarter: (date.month() - 1) / 3 + 1,
        },
        _ => CalendarPeriod::Year { year },
    }
}

fn calendar(
    kind: CalendarPeriod,
    zone: &dyn ZoneRules,
    from: i64,
    to: i64,
) -> Result<Vec<PastPeriod>, String> {
    let mut periods = Vec::new();
    let mut period = holding(kind, local_date(zone, from)?);
    while let Some((first, next)) = period.dates() {
        let (start, end) = (midnight(zone, first)?, midnight(zone, next)?);
        if end > to {
            break;
        }
        if start >= from {
            periods.push(PastPeriod {
                label: period.label(),
                start,
                end,
            });
        }
        period = holding(kind, next);
    }
    Ok(periods)
}

fn rolling(
    window: &Window,
    length: i64,
    zone: &dyn ZoneRules,
    from: i64,
    to: i64,
) -> Result<Vec<PastPeriod>, String> {
    let mut periods = Vec::new();
    if length <= 0 || from.checked_add(length).is_none_or(|end| end > to) {
        return Ok(periods);
    }
    let label = window.label();
    if length < SECONDS_PER_DAY {
        let mut start = from;
        while start + length <= to {
            periods.push(PastPeriod {
                label: format!("{label} from Unix time {start}"),
                start,
                end: start + length,
            });
            start += length;
        }
        return Ok(periods);
    }
    let mut day = local_date(zone, from + length)?;
    loop {
        let end = midnight(zone, day)?;
        if end > to {
            break;
        }
        if end - length >= from {
            let last = day.pred_opt().unwrap_or(day);
            periods.push(PastPeriod {
                label: format!("{label} ending {last}"),
                start: end - length,
                end,
            });
        }
        day = day
            .checked_add_days(Days::new(1))
            .ok_or("a date outside the calendar")?;
    }
    Ok(periods)
}

/// The span a record of incidents from `first` to `last` (Unix seconds)
/// stands for when no span is given: the whole periods of `window`'s kind
/// from the one holding `first` to the one holding `last` (calendar), or
/// whole windows back from the local midnight after `last`, far enough to
/// hold the midnight before `first` (rolling).
///
/// ```
/// use slo_core::record::periods::incident_span;
/// use slo_core::{Utc, Window};
/// let month: Window = "month".parse().unwrap();
/// // 10 February and 10 April 2025: February to April.
/// let span = incident_span(&month, &Utc, 1_739_145_600, 1_744_243_200).unwrap();
/// assert_eq!(span, (1_738_368_000, 1_746_057_600));
/// ```
pub fn incident_span(
    window: &Window,
    zone: &dyn ZoneRules,
    first: i64,
    last: i64,
) -> Result<(i64, i64), String> {
    let (first_day, last_day) = (local_date(zone, first)?, local_date(zone, last)?);
    match window {
        Window::Calendar(kind) => {
            let (from, _) = holding(*kind, first_day)
                .dates()
                .ok_or("a date outside the calendar")?;
            let (_, to) = holding(*kind, last_day)
                .dates()
                .ok_or("a date outside the calendar")?;
            Ok((midnight(zone, from)?, midnight(zone, to)?))
        }
        Window::Rolling { .. } => {
            let length = window.length(zone).map_err(|e| e.to_string())?.max() as i64;
            let next = last_day.succ_opt().ok_or("a date outside the calendar")?;
            let (from, to) = (midnight(zone, first_day)?, midnight(zone, next)?);
            // Whole windows back from the last day, so that back-to-back
            // windows cover every incident.
            let windows = ((to - from) as u64).div_ceil(length.max(1) as u64).max(1) as i64;
            Ok((to.saturating_sub(windows.saturating_mul(length)), to))
        }
    }
}
