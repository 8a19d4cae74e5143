//! In a real headless Chromium: the browser's `Intl` time zone rules (what the
//! site uses) give the same calendar window lengths as the IANA database the
//! CLI bundles (chrono-tz).

#![cfg(target_arch = "wasm32")]

use slo_core::quantity::zone::{Tzdb, ZoneResolver};
use slo_core::Window;
use slo_planner::browser::IntlZones;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Zones whose rules did not change between tz releases over these years, so
/// any browser and any chrono-tz agree.
const ZONES: [&str; 10] = [
    "UTC",
    "America/New_York",
    "America/Los_Angeles",
    "Europe/Berlin",
    "Europe/London",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Pacific/Auckland",
];

fn periods() -> Vec<String> {
    let mut periods = Vec::new();
    for year in [2016, 2020, 2023, 2024, 2025] {
        periods.push(format!("year:{year}"));
        for quarter in 1..=4 {
            periods.push(format!("quarter:{year}-Q{quarter}"));
        }
        for month in 1..=12 {
            periods.push(format!("month:{year}-{month:02}"));
        }
        for week in [1, 10, 13, 14, 40, 44, 45, 52] {
            periods.push(format!("week:{year}-W{week:02}"));
        }
    }
    periods
}

#[wasm_bindgen_test]
fn intl_and_tzdb_give_the_same_calendar_lengths() {
    let mut checked = 0;
    for zone in ZONES {
        let intl = IntlZones.resolve(zone).expect("the browser knows the zone");
        let tzdb = Tzdb::named(zone).unwrap();
        for period in periods() {
            let window: Window = period.parse().unwrap();
            let from_browser = window.length(intl.as_ref()).unwrap();
            let from_database = window.length(&tzdb).unwrap();
            assert_eq!(from_browser, from_database, "{period} in {zone}");
            checked += 1;
        }
    }
    assert_eq!(checked, ZONES.len() * 5 * (1 + 4 + 12 + 8));
}

#[wasm_bindgen_test]
fn march_2024_in_new_york_is_743_hours_in_the_browser() {
    let zone = IntlZones.resolve("America/New_York").unwrap();
    let window: Window = "month:2024-03".parse().unwrap();
    assert_eq!(
        window.length(zone.as_ref()).unwrap().exact(),
        Some(743 * 3_600)
    );
}

#[wasm_bindgen_test]
fn the_browser_refuses_unknown_zones() {
    for bad in ["Mars/Olympus", "", "+01:00", "<script>"] {
        let error = IntlZones.resolve(bad).err().expect(bad);
        assert!(
            error.to_string().starts_with("unknown time zone"),
            "{bad}: {error}"
        );
    }
    assert_eq!(
        IntlZones.resolve("europe/berlin").unwrap().name(),
        "Europe/Berlin"
    );
}
