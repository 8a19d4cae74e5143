//! Points in time as exports write them, read to whole seconds since
//! 1970-01-01T00:00:00Z (fractions of a second are dropped: an incident
//! or a sample is placed to the second).
//!
//! Accepted: RFC 3339 with an offset or `Z` (`2025-04-10T12:00:00Z`); a
//! local date and time without an offset (`2025-04-10 14:00`,
//! `2025-04-10T14:00:05`), read in the SLO's time zone; a date alone, its
//! local midnight; Unix time in seconds (`1744286400`, `1744286400.5`; 9
//! digits or more, so a year or a count is not taken for a time) or, from
//! 10^12 up, in milliseconds (as Grafana writes it).

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::echo::quote;
use crate::quantity::zone::{first_instant_of_local_time, ZoneRules};

/// The earliest instant accepted: 1970-01-01T00:00:00Z.
pub const EARLIEST: i64 = 0;
/// The latest instant accepted: 2200-01-01T00:00:00Z.
pub const LATEST: i64 = 7_258_118_400;

const LOCAL_FORMATS: [&str; 4] = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
];

/// Reads `text` as an instant; naive local times are read in `zone`.
///
/// Errors name the text: not a time in an accepted form, or outside
/// 1970 to 2200.
///
/// ```
/// use slo_core::record::instant::read_instant;
/// use slo_core::Utc;
/// assert_eq!(read_instant("2025-04-10T12:00:00Z", &Utc), Ok(1_744_286_400));
/// assert_eq!(read_instant("2025-04-10 12:00", &Utc), Ok(1_744_286_400));
/// assert_eq!(read_instant("1744286400000", &Utc), Ok(1_744_286_400));
/// assert!(read_instant("10/04/2025", &Utc).is_err());
/// assert!(read_instant("2025", &Utc).is_err());
/// ```
pub fn read_instant(text: &str, zone: &dyn ZoneRules) -> Result<i64, String> {
    let text = text.trim();
    let seconds = if text.is_empty() {
        return Err("no time given".into());
    } else if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        // A year or a count is not a time: Unix time has 9 digits or more
        // (from 1973 on).
        unix(text).filter(|_| text.split('.').next().is_some_and(|whole| whole.len() >= 9))
    } else if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        Some(time.timestamp())
    } else if let Some(local) = local(text) {
        first_instant_of_local_time(zone, local).ok()
    } else {
        None
    }
    .ok_or_else(|| {
        format!(
            "{} is not a time: write 2025-04-10T12:00:00Z, 2025-04-10 14:00 (in the SLO's time zone) or Unix seconds",
            quote(text)
        )
    })?;
    if (EARLIEST..=LATEST).contains(&seconds) {
        Ok(seconds)
    } else {
        Err(format!("{} is outside 1970 to 2200", quote(text)))
    }
}

fn unix(text: &str) -> Option<i64> {
    let number = Decimal::from_str_exact(text).ok()?;
    let seconds = if number >= Decimal::from(1_000_000_000_000i64) {
        number / Decimal::ONE_THOUSAND
    } else {
        number
    };
    seconds.floor().to_i64()
}

/// Seconds since 1970-01-01T00:00 local wall-clock time.
fn local(text: &str) -> Option<i64> {
    let time = LOCAL_FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })?;
    Some(time.and_utc().timestamp())
}
