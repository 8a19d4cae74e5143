//! How the page says a window's length in words: its days and seconds, and
//! the convention it follows (a calendar month in a time zone, rolling days).

use crate::quantity::duration::ExactDuration;
use crate::quantity::figure::Figure;
use crate::quantity::numbers::group_thousands;
use crate::quantity::window::{RollingUnit, Window};

fn seconds_phrase(seconds: u64) -> String {
    format!("{} s", group_thousands(&seconds.to_string()))
}

fn length_phrase(seconds: u64) -> String {
    let days = seconds / 86_400;
    let hours = seconds / 3_600;
    if seconds.is_multiple_of(86_400) {
        format!(
            "{days} d = {} h = {}",
            group_thousands(&hours.to_string()),
            seconds_phrase(seconds)
        )
    } else if seconds.is_multiple_of(3_600) {
        format!(
            "{} h = {}",
            group_thousands(&hours.to_string()),
            seconds_phrase(seconds)
        )
    } else {
        format!(
            "{} = {}",
            ExactDuration::from_whole_seconds(seconds),
            seconds_phrase(seconds)
        )
    }
}

/// The convention behind a window's length, in one line:
/// "30 d = 720 h = 2,592,000 s; rolling" or
/// "March 2024 in America/New_York = 743 h = 2,674,800 s; calendar month, ...".
pub fn convention(window: &Window, zone: &str, seconds: &Figure<u64>) -> String {
    match (window, seconds) {
        (Window::Rolling { amount, unit }, Figure::Exact(s)) => {
            let written = match unit {
                RollingUnit::Minutes => format!("{amount} min = "),
                RollingUnit::Hours => format!("{amount} h = "),
                RollingUnit::Weeks => format!("{amount} w = "),
                RollingUnit::Days => String::new(),
            };
            format!("{written}{}; rolling (a day is 86,400 s)", length_phrase(*s))
        }
        (Window::Calendar(period), Figure::Exact(s)) => {
            let shift = if s % 86_400 == 0 {
                String::new()
            } else {
                "; daylight saving time changes its length".to_string()
            };
            if window.depends_on_zone() {
                format!(
                    "{} in {zone} = {}; calendar {}, local midnight to local midnight{shift}",
                    period.label(),
                    length_phrase(*s),
                    period.unit()
                )
            } else {
                format!("{} = {}; calendar {}", period.label(), length_phrase(*s), period.unit())
            }
        }
        (window, range) => format!(
            "{} = {}; civil days (a day is 86,400 s), without daylight saving shifts: pick a given {} for its exact length",
            window.label(),
            range.describe(|s| format!("{} d", s / 86_400)),
            match window {
                Window::Calendar(p) => p.unit(),
                Window::Rolling { .. } => "window",
            }
        ),
    }
}
