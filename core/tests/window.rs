//! Window syntax and lengths, including calendar periods across time zones.

use slo_core::quantity::figure::Figure;
use slo_core::quantity::window::Window;
use slo_core::quantity::zone::{first_instant_of_local_time, Utc, ZoneRules};

const DAY: u64 = 86_400;
const HOUR: u64 = 3_600;

fn window(text: &str) -> Window {
    text.parse().unwrap()
}

fn utc_length(text: &str) -> Figure<u64> {
    window(text).length(&Utc).unwrap()
}

#[test]
fn rolling_windows() {
    for (text, seconds) in [
        ("1d", DAY),
        ("7d", 7 * DAY),
        ("28d", 28 * DAY),
        ("4w", 28 * DAY),
        ("90m", 5_400),
        ("6h", 6 * HOUR),
        ("365d", 365 * DAY),
    ] {
        assert_eq!(utc_length(text), Figure::Exact(seconds), "{text}");
        assert_eq!(window(text).to_string(), text);
        assert_eq!(window(text).kind(), "rolling");
    }
}

#[test]
fn calendar_windows_in_utc() {
    for (text, seconds) in [
        ("month:2024-02", 29 * DAY),
        ("month:2023-02", 28 * DAY),
        ("month:2024-12", 31 * DAY),
        ("year:2024", 366 * DAY),
        ("year:2023", 365 * DAY),
        ("quarter:2024-Q1", 91 * DAY),
        ("quarter:2023-Q1", 90 * DAY),
        ("quarter:2024-Q4", 92 * DAY),
        ("week:2024-W10", 7 * DAY),
        ("week:2020-W53", 7 * DAY),
    ] {
        assert_eq!(utc_length(text), Figure::Exact(seconds), "{text}");
        assert_eq!(window(text).to_string(), text);
    }
}

#[test]
fn every_period_is_a_range() {
    assert_eq!(
        utc_length("month"),
        Figure::Range {
            min: 28 * DAY,
            max: 31 * DAY
        }
    );
    assert_eq!(
        utc_length("quarter"),
        Figure::Range {
            min: 90 * DAY,
            max: 92 * DAY
        }
    );
    assert_eq!(
        utc_length("year"),
        Figure::Range {
            min: 365 * DAY,
            max: 366 * DAY
        }
    );
    assert_eq!(utc_length("week"), Figure::Exact(7 * DAY));
}

#[test]
fn labels() {
    assert_eq!(window("month:2024-02").label(), "February 2024");
    assert_eq!(
        window("quarter:2024-Q1").label(),
        "2024-Q1 (January to March 2024)"
    );
    assert_eq!(
        window("week:2024-W10").label(),
        "ISO week 2024-W10 (4 Mar 2024 to 10 Mar 2024)"
    );
    assert_eq!(window("30d").label(), "rolling 30 days");
    assert_eq!(window("1d").label(), "rolling 1 day");
}

#[test]
fn bad_windows_name_the_value() {
    let message = |t: &str| t.parse::<Window>().unwrap_err().to_string();
    assert_eq!(message("0d"), "\"0d\": a window must be longer than zero");
    assert_eq!(message(""), "enter a window, e.g. 28d or month:2024-02");
    assert!(message("30x").starts_with("\"30x\" is not a window"));
    assert!(message("d").starts_with("\"d\" is not a window"));
    assert_eq!(
        message("month:2024-13"),
        "\"month:2024-13\": months run from 01 to 12"
    );
    assert_eq!(
        message("quarter:2024-Q5"),
        "\"quarter:2024-Q5\": quarters run from Q1 to Q4"
    );
    assert_eq!(
        message("week:2024-W53"),
        "\"week:2024-W53\": that ISO week does not exist in that year"
    );
    assert_eq!(
        message("99999999999999999999d"),
        "\"99999999999999999999d\": a window can be at most 36500 days"
    );
    assert_eq!(
        message("36501d"),
        "\"36501d\": a window can be at most 36500 days"
    );
    assert!(message("month:24-02").starts_with("\"month:24-02\" is not a window"));
}

/// A zone with one spring-forward gap at local midnight, to check that a day
/// starting in a gap starts at the transition.
struct MidnightGap;
const GAP_AT: i64 = 1_000 * 86_400; // UTC instant of the transition

impl ZoneRules for MidnightGap {
    fn name(&self) -> &str {
        "Test/MidnightGap"
    }
    fn offset_at(&self, utc: i64) -> Result<i32, slo_core::quantity::zone::ZoneError> {
        Ok(if utc < GAP_AT { -3 * 3_600 } else { -2 * 3_600 })
    }
}

#[test]
fn a_day_that_starts_in_a_gap_starts_at_the_transition() {
    // Local time before the gap = UTC - 3 h; the gap covers local [GAP_AT-3h, GAP_AT-2h).
    let local_midnight = GAP_AT - 3 * 3_600;
    assert_eq!(
        first_instant_of_local_time(&MidnightGap, local_midnight).unwrap(),
        GAP_AT
    );
    let inside = local_midnight + 1_800;
    assert_eq!(
        first_instant_of_local_time(&MidnightGap, inside).unwrap(),
        GAP_AT
    );
    let after = GAP_AT - 2 * 3_600 + 60;
    assert_eq!(
        first_instant_of_local_time(&MidnightGap, after).unwrap(),
        GAP_AT + 60
    );
}

#[cfg(feature = "tzdb")]
mod zones {
    use super::*;
    use slo_core::quantity::zone::Tzdb;

    fn length_in(text: &str, zone: &str) -> u64 {
        window(text)
            .length(&Tzdb::named(zone).unwrap())
            .unwrap()
            .exact()
            .unwrap()
    }

    #[test]
    fn daylight_saving_time_changes_calendar_lengths() {
        assert_eq!(length_in("month:2024-03", "America/New_York"), 743 * HOUR);
        assert_eq!(length_in("month:2024-11", "America/New_York"), 721 * HOUR);
        assert_eq!(length_in("month:2024-03", "Europe/Berlin"), 743 * HOUR);
        assert_eq!(length_in("month:2024-10", "Europe/Berlin"), 745 * HOUR);
        assert_eq!(length_in("year:2024", "America/New_York"), 366 * DAY);
        assert_eq!(
            length_in("week:2024-W10", "America/New_York"),
            7 * DAY - HOUR
        );
        assert_eq!(length_in("month:2024-02", "Asia/Tokyo"), 29 * DAY);
        assert_eq!(
            length_in("quarter:2024-Q2", "Australia/Lord_Howe"),
            91 * DAY + 1_800
        );
    }

    #[test]
    fn zone_with_midnight_transition() {
        // America/Santiago springs forward at local midnight (2024-09-08 00:00 -> 01:00).
        assert_eq!(
            length_in("month:2024-09", "America/Santiago"),
            30 * DAY - HOUR
        );
        // Asia/Beirut fell back at midnight in 2024-10-27: 00:00 happens twice, the day is 25 h.
        assert_eq!(length_in("month:2024-10", "Asia/Beirut"), 31 * DAY + HOUR);
    }

    #[test]
    fn unknown_zone_names_the_zone() {
        assert_eq!(
            Tzdb::named("Mars/Olympus").unwrap_err().to_string(),
            "unknown time zone \"Mars/Olympus\": use an IANA name such as Europe/Berlin or UTC"
        );
    }
}
