//! Compliance periods (windows): rolling (`30d`, `4w`, `90m`) and calendar
//! (`week:2024-W10`, `month:2024-02`, `quarter:2024-Q1`, `year:2024`, or `month`
//! alone for every calendar month).
//!
//! A rolling window is a fixed number of seconds (a day is 86,400 s). A calendar
//! window runs from local midnight of its first day to local midnight after its
//! last, in a time zone, so daylight saving time makes it an hour shorter or
//! longer: March 2024 in America/New_York is 743 h.

use crate::quantity::calendar::{unix_local_midnight, CalendarPeriod};
use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, Weekday};

use crate::quantity::figure::Figure;
use crate::quantity::zone::{first_instant_of_local_time, ZoneError, ZoneRules};

/// The longest rolling window accepted: 100 years of 365 days, in seconds.
pub const MAX_ROLLING_SECONDS: u64 = 36_500 * 86_400;

/// The unit a rolling window is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RollingUnit {
    /// Minutes (`m`).
    Minutes,
    /// Hours (`h`).
    Hours,
    /// Days of 86,400 s (`d`).
    Days,
    /// Weeks of 7 days (`w`).
    Weeks,
}

impl RollingUnit {
    fn seconds(self) -> u64 {
        match self {
            RollingUnit::Minutes => 60,
            RollingUnit::Hours => 3_600,
            RollingUnit::Days => 86_400,
            RollingUnit::Weeks => 604_800,
        }
    }
    fn suffix(self) -> &'static str {
        match self {
            RollingUnit::Minutes => "m",
            RollingUnit::Hours => "h",
            RollingUnit::Days => "d",
            RollingUnit::Weeks => "w",
        }
    }
}

/// A compliance period. Parse it from the window syntax; `Display` gives it back.
///
/// ```
/// use slo_core::{Window, Utc};
/// let w: Window = "month:2024-02".parse().unwrap();
/// assert_eq!(w.length(&Utc).unwrap().exact(), Some(29 * 86_400));
/// assert_eq!(w.to_string(), "month:2024-02");
/// assert_eq!("0d".parse::<Window>().unwrap_err().to_string(),
///            "\"0d\": a window must be longer than zero");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Window {
    /// A rolling window of `amount` units.
    Rolling { amount: u64, unit: RollingUnit },
    /// A calendar window.
    Calendar(CalendarPeriod),
}

/// Why a window could not be read; the text names the bad value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WindowError {
    /// Nothing was typed.
    Empty,
    /// Not in the window syntax (holds the text).
    Syntax(String),
    /// A rolling window of zero length.
    Zero(String),
    /// Longer than [`MAX_ROLLING_SECONDS`].
    TooLong(String),
    /// A calendar date that does not exist, e.g. `month:2024-13` (holds text and reason).
    NoSuchPeriod(String, &'static str),
}

use crate::echo::quote;

impl fmt::Display for WindowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WindowError::Empty => write!(f, "enter a window, e.g. 28d or month:2024-02"),
            WindowError::Syntax(s) => write!(
                f,
                "{} is not a window: write 30d, 4w, 6h, 90m, or a calendar period \
                 such as month:2024-02, quarter:2024-Q1, year:2024, week:2024-W10",
                quote(s)
            ),
            WindowError::Zero(s) => write!(f, "{}: a window must be longer than zero", quote(s)),
            WindowError::TooLong(s) => {
                write!(f, "{}: a window can be at most 36500 days", quote(s))
            }
            WindowError::NoSuchPeriod(s, why) => write!(f, "{}: {why}", quote(s)),
        }
    }
}

impl std::error::Error for WindowError {}

impl FromStr for Window {
    type Err = WindowError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(WindowError::Empty);
        }
        let syntax = || WindowError::Syntax(text.to_string());
        let lower = text.to_ascii_lowercase();
        let period = match lower.split_once(':') {
            None => match lower.as_str() {
                "week" => Some(CalendarPeriod::EveryWeek),
                "month" => Some(CalendarPeriod::EveryMonth),
                "quarter" => Some(CalendarPeriod::EveryQuarter),
                "year" => Some(CalendarPeriod::EveryYear),
                _ => None,
            },
            Some((kind, date)) => Some(parse_period(text, kind, date)?),
        };
        if let Some(period) = period {
            return Ok(Window::Calendar(period));
        }
        let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let unit = match &lower[digits.len()..] {
            "m" => RollingUnit::Minutes,
            "h" => RollingUnit::Hours,
            "d" => RollingUnit::Days,
            "w" => RollingUnit::Weeks,
            _ => return Err(syntax()),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(syntax());
        }
        let amount: u64 = digits
            .parse()
            .map_err(|_| WindowError::TooLong(text.to_string()))?;
        if amount == 0 {
            return Err(WindowError::Zero(text.to_string()));
        }
        if amount
            .checked_mul(unit.seconds())
            .is_none_or(|s| s > MAX_ROLLING_SECONDS)
        {
            return Err(WindowError::TooLong(text.to_string()));
        }
        Ok(Window::Rolling { amount, unit })
    }
}

fn parse_number<T: FromStr>(text: &str, digits: usize) -> Option<T> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn parse_period(text: &str, kind: &str, date: &str) -> Result<CalendarPeriod, WindowError> {
    let syntax = || WindowError::Syntax(text.to_string());
    let no_such = |why| WindowError::NoSuchPeriod(text.to_string(), why);
    let (year_text, rest) = date.split_once('-').unwrap_or((date, ""));
    let year: i32 = parse_number(year_text, 4).ok_or_else(syntax)?;
    if year == 0 {
        return Err(no_such("years run from 0001 to 9999"));
    }
    match (kind, rest) {
        ("year", "") => Ok(CalendarPeriod::Year { year }),
        ("month", m) => {
            let month: u32 = parse_number(m, 2).ok_or_else(syntax)?;
            if !(1..=12).contains(&month) {
                return Err(no_such("months run from 01 to 12"));
            }
            Ok(CalendarPeriod::Month { year, month })
        }
        ("quarter", q) => {
            let quarter: u32 = q
                .strip_prefix('q')
                .and_then(|n| parse_number(n, 1))
                .ok_or_else(syntax)?;
            if !(1..=4).contains(&quarter) {
                return Err(no_such("quarters run from Q1 to Q4"));
            }
            Ok(CalendarPeriod::Quarter { year, quarter })
        }
        ("week", w) => {
            let week: u32 = w
                .strip_prefix('w')
                .and_then(|n| parse_number(n, 2))
                .ok_or_else(syntax)?;
            if NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).is_none() {
                return Err(no_such("that ISO week does not exist in that year"));
            }
            Ok(CalendarPeriod::Week { year, week })
        }
        _ => Err(syntax()),
    }
}

impl fmt::Display for Window {
    /// The window in the window syntax: `30d`, `month:2024-02`, `quarter:2024-Q1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Window::Rolling { amount, unit } => write!(f, "{amount}{}", unit.suffix()),
            Window::Calendar(period) => match period {
                CalendarPeriod::Week { year, week } => write!(f, "week:{year:04}-W{week:02}"),
                CalendarPeriod::Month { year, month } => write!(f, "month:{year:04}-{month:02}"),
                CalendarPeriod::Quarter { year, quarter } => {
                    write!(f, "quarter:{year:04}-Q{quarter}")
                }
                CalendarPeriod::Year { year } => write!(f, "year:{year:04}"),
                CalendarPeriod::EveryWeek => write!(f, "week"),
                CalendarPeriod::EveryMonth => write!(f, "month"),
                CalendarPeriod::EveryQuarter => write!(f, "quarter"),
                CalendarPeriod::EveryYear => write!(f, "year"),
            },
        }
    }
}

impl Window {
    /// The window's length in seconds.
    ///
    /// Rolling windows: exact, zone-independent. A given calendar period: exact,
    /// from local midnight to local midnight in `zone` (DST included). Every
    /// period of a kind (`month` alone): the range of civil lengths, shortest to
    /// longest (28 to 31 days for months), without DST shifts.
    ///
    /// Errors only if `zone` cannot answer for the period's dates.
    pub fn length(&self, zone: &dyn ZoneRules) -> Result<Figure<u64>, ZoneError> {
        match self {
            Window::Rolling { amount, unit } => Ok(Figure::Exact(amount * unit.seconds())),
            Window::Calendar(period) => {
                if let Some(range) = period.civil_range() {
                    return Ok(range);
                }
                let (start, end) = period
                    .dates()
                    .ok_or_else(|| ZoneError::NoOffset(zone.name().to_string()))?;
                let from = first_instant_of_local_time(zone, unix_local_midnight(start))?;
                let to = first_instant_of_local_time(zone, unix_local_midnight(end))?;
                Ok(Figure::Exact((to - from).max(0) as u64))
            }
        }
    }

    /// `"rolling"` or `"calendar"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Window::Rolling { .. } => "rolling",
            Window::Calendar(_) => "calendar",
        }
    }

    /// How people name the window: "30 days, rolling", "February 2024".
    pub fn label(&self) -> String {
        match self {
            Window::Rolling { amount, unit } => {
                let name = match unit {
                    RollingUnit::Minutes => "minute",
                    RollingUnit::Hours => "hour",
                    RollingUnit::Days => "day",
                    RollingUnit::Weeks => "week",
                };
                let plural = if *amount == 1 { "" } else { "s" };
                format!("rolling {amount} {name}{plural}")
            }
            Window::Calendar(period) => period.label(),
        }
    }

    /// Whether the time zone changes this window's length (a given calendar period).
    pub fn depends_on_zone(&self) -> bool {
        matches!(self, Window::Calendar(p) if p.civil_range().is_none())
    }
}
