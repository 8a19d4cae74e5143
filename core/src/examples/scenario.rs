//! The Workbook example's burn scenario (last spring's four weeks) and
//! its history (the first half of 2025's incidents).

use super::s;
use crate::model::history::SloHistory;
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

/// The Game API's first half of 2025 as its incident tracker exported it:
/// ten incidents, from a 25-minute config push to an eight-hour full disk
/// on one shard (the Trade-offs page opens on it).
pub(super) fn first_half_of_2025() -> SloHistory {
    let incidents = "\
start,duration,affected,cause
2025-01-09 14:05,42m,100,bad deploy of the leaderboard service
2025-01-23 03:10,3h,20,database failover
2025-02-11 19:30,1:15:00,100,expired TLS certificate
2025-02-27 08:00,6h,10,slow cache warm-up after a region move
2025-03-18 21:45,25m,100,config push
2025-04-02 12:00,2h,50,payments dependency outage
2025-04-29 16:20,50m,100,bad deploy
2025-05-14 02:00,8h,5,disk full on one shard
2025-06-03 10:30,35m,100,load balancer misconfiguration
2025-06-21 18:00,4h,30,traffic flood
";
    SloHistory {
        incidents: s(incidents),
        from: s("2025-01-01"),
        to: s("2025-07-01"),
        candidates: ["97", "99", "99.5", "99.9"].map(s).to_vec(),
        ..SloHistory::default()
    }
}
