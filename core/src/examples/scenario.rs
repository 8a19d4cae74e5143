//! The Workbook example's burn scenario: last spring's four weeks.

use super::s;
use crate::model::scenario::{
    EventKind, IncidentSeverity, RiskModel, Scenario, ScenarioEvent, TrafficProfile,
};

fn event(name: &str, kind: EventKind, start: &str, duration: &str, cause: &str) -> ScenarioEvent {
    ScenarioEvent {
        name: s(name),
        kind,
        start: s(start),
        duration: s(duration),
        cause: s(cause),
    }
}

/// A four-week period with a day-night traffic curve, a six-hour database
/// outage, a deployment window and a bad canary; plus a risk model.
pub(super) fn last_spring() -> Scenario {
    let severity = |share: &str, error: &str| IncidentSeverity {
        share_percent: s(share),
        error_percent: s(error),
    };
    Scenario {
        name: s("Last spring's database outage"),
        traffic: TrafficProfile::Daily {
            peak_per_minute: s("3000"),
            trough_per_minute: s("300"),
            peak_hour: s("20"),
        },
        background_error_percent: s("0.5"),
        events: vec![
            event(
                "Release window",
                EventKind::PlannedDowntime,
                "6d 2h",
                "20m",
                "",
            ),
            event(
                "Bad canary",
                EventKind::PartialTraffic {
                    traffic_percent: s("5"),
                    error_percent: s("100"),
                },
                "11d 10h",
                "2h",
                "release",
            ),
            event(
                "Database outage",
                EventKind::Incident {
                    error_percent: s("100"),
                },
                "18d 14h",
                "6h",
                "database",
            ),
        ],
        risk: Some(RiskModel {
            incidents_per_period: s("3"),
            median_time_to_restore: s("30m"),
            p90_time_to_restore: s("4h"),
            severities: vec![
                severity("20", "100"),
                severity("50", "30"),
                severity("30", "5"),
            ],
            periods: s("10000"),
            seed: s("42"),
        }),
    }
}
