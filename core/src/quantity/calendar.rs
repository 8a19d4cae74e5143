//! Calendar periods (ISO weeks, months, quarters, years, or every one of a
//! kind) and their arithmetic: first and last day, length in a time zone.

use crate::quantity::figure::Figure;
use crate::quantity::zone::SECONDS_PER_DAY;
use chrono::{Datelike, NaiveDate, Weekday};

/// Month names, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar period: one given period, or every period of a kind (a range).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CalendarPeriod {
    /// ISO 8601 week (Monday start) `week` of ISO year `year`.
    Week { year: i32, week: u32 },
    /// Month `month` (1-12) of `year`.
    Month { year: i32, month: u32 },
    /// Quarter `quarter` (1-4) of `year`.
    Quarter { year: i32, quarter: u32 },
    /// The calendar year `year`.
    Year { year: i32 },
    /// Every ISO week: always 7 civil days.
    EveryWeek,
    /// Every calendar month: 28 to 31 civil days.
    EveryMonth,
    /// Every calendar quarter: 90 to 92 civil days.
    EveryQuarter,
    /// Every calendar year: 365 or 366 civil days.
    EveryYear,
}

pub(crate) fn days(n: u64) -> u64 {
    n * SECONDS_PER_DAY as u64
}

/// Days from 0001-01-01 (day 1) to 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

pub(crate) fn unix_local_midnight(date: NaiveDate) -> i64 {
    (date.num_days_from_ce() as i64 - UNIX_EPOCH_DAYS_FROM_CE) * SECONDS_PER_DAY
}

/// The date of `local_seconds` (seconds since 1970-01-01T00:00 local wall
/// time): the inverse of [`unix_local_midnight`]; `None` outside chrono's dates.
pub(crate) fn local_date_of(local_seconds: i64) -> Option<NaiveDate> {
    let days = local_seconds.div_euclid(SECONDS_PER_DAY) + UNIX_EPOCH_DAYS_FROM_CE;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)
}

impl CalendarPeriod {
    /// First day and the day after the last, for a given period.
    pub(crate) fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        let month_start = |year: i32, month: u32| {
            if month > 12 {
                NaiveDate::from_ymd_opt(year + 1, month - 12, 1)
            } else {
                NaiveDate::from_ymd_opt(year, month, 1)
            }
        };
        match *self {
            CalendarPeriod::Week { year, week } => {
                let start = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
                Some((start, start + chrono::Days::new(7)))
            }
            CalendarPeriod::Month { year, month } => {
                Some((month_start(year, month)?, month_start(year, month + 1)?))
            }
            CalendarPeriod::Quarter { year, quarter } => {
                let first = 3 * quarter - 2;
                Some((month_start(year, first)?, month_start(year, first + 3)?))
            }
            CalendarPeriod::Year { year } => Some((
                NaiveDate::from_ymd_opt(year, 1, 1)?,
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
            )),
            _ => None,
        }
    }

    /// How people name the period: "February 2024", "2024-Q1 (January to March 2024)".
    pub fn label(&self) -> String {
        match *self {
            CalendarPeriod::Week { year, week } => match self.dates() {
                Some((start, end)) => {
                    let last = end.pred_opt().unwrap_or(end);
                    format!(
                        "ISO week {year}-W{week:02} ({} to {})",
                        day_month_year(start),
                        day_month_year(last)
                    )
                }
                None => format!("ISO week {year}-W{week:02}"),
            },
            CalendarPeriod::Month { year, month } => {
                format!("{} {year}", MONTHS[(month as usize - 1) % 12])
            }
            CalendarPeriod::Quarter { year, quarter } => {
                let first = (3 * quarter as usize - 3) % 12;
                format!(
                    "{year}-Q{quarter} ({} to {} {year})",
                    MONTHS[first],
                    MONTHS[first + 2]
                )
            }
            CalendarPeriod::Year { year } => format!("the year {year}"),
            CalendarPeriod::EveryWeek => "every ISO week".to_string(),
            CalendarPeriod::EveryMonth => "every calendar month".to_string(),
            CalendarPeriod::EveryQuarter => "every calendar quarter".to_string(),
            CalendarPeriod::EveryYear => "every calendar year".to_string(),
        }
    }

    /// The kind of period: "week", "month", "quarter" or "year".
    pub fn unit(&self) -> &'static str {
        match self {
            CalendarPeriod::Week { .. } | CalendarPeriod::EveryWeek => "week",
            CalendarPeriod::Month { .. } | CalendarPeriod::EveryMonth => "month",
            CalendarPeriod::Quarter { .. } | CalendarPeriod::EveryQuarter => "quarter",
            CalendarPeriod::Year { .. } | CalendarPeriod::EveryYear => "year",
        }
    }

    /// The range of civil lengths of every period of this kind, in seconds.
    pub(crate) fn civil_range(&self) -> Option<Figure<u64>> {
        match self {
            CalendarPeriod::EveryWeek => Some(Figure::Exact(days(7))),
            CalendarPeriod::EveryMonth => Some(Figure::Range {
                min: days(28),
                max: days(31),
            }),
            CalendarPeriod::EveryQuarter => Some(Figure::Range {
                min: days(90),
                max: days(92),
            }),
            CalendarPeriod::EveryYear => Some(Figure::Range {
                min: days(365),
                max: days(366),
            }),
            _ => None,
        }
    }
}

/// "4 Mar 2024" (strftime's `%-d %b %Y`, without chrono's format machinery
/// on the Budget page: about 10 KB of wasm).
fn day_month_year(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize % 12];
    format!("{} {} {}", date.day(), &month[..3], date.year())
}
