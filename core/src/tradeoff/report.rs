//! The trade-off table as one serializable report: what the CLI prints
//! (as text or `--json`) and the page shows, with every figure already
//! rounded by its rule ([`crate::tradeoff::words::ROUNDING`]).

use serde::Serialize;

use crate::model::alert_rule::Notify;
use crate::model::kind::Kind;
use crate::record::achieved::Basis;
use crate::record::incidents::Incident;
use crate::tradeoff::replay::Alerted;
use crate::tradeoff::table::{Row, Table};
use crate::tradeoff::words::{
    achieved_text, chance_text, one_decimal, ROUNDING, SUSTAINABLE_PAGES_PER_WEEK,
};

/// The table in figures people read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TradeoffReport {
    /// The SLO's window as written.
    pub window: String,
    /// `"time"` (incidents) or `"events"` (an SLI series).
    pub basis: &'static str,
    /// The record's span: first and last instant (UTC, ISO 8601).
    pub span: (String, String),
    /// The past periods judged, by name.
    pub periods: Vec<String>,
    /// The fitted risk model in words.
    pub fit: Option<String>,
    /// Why no risk model could be fitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_fit: Option<String>,
    /// The risk model the chances come from, in words.
    pub risk: Option<String>,
    /// The median time to restore that "typical incidents that fit"
    /// assume (the risk model's, "42m"): the allowed downtime holds that
    /// many incidents of this length.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typical_restore: Option<String>,
    /// The dependency ceiling, percent truncated to 4 decimals.
    pub ceiling_percent: Option<String>,
    /// The historical best, percent truncated to 4 decimals.
    pub historical_best_percent: Option<String>,
    /// How each figure is rounded.
    pub rounding: &'static str,
    /// One per candidate, lowest first.
    pub rows: Vec<RowReport>,
    /// The release-freeze days a quarter (one decimal) when every candidate
    /// of two or more has the same: the freeze does not tell them apart.
    pub same_freeze_days_per_quarter: Option<String>,
    /// The incidents, in the order of each row's `incidentSpendPercent`.
    pub incidents: Vec<IncidentReport>,
}

/// One candidate in figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowReport {
    /// The target, percent.
    pub target: String,
    /// Whether it is the SLO's target now.
    pub current: bool,
    /// Allowed downtime per period ("43m 12s", "40m 19.2s to 44m 38.4s").
    pub downtime: Option<String>,
    /// Allowed bad events per period, truncated.
    pub bad_events: Option<String>,
    /// Incidents of the median time to restore that fit in the shortest period.
    pub typical_incidents: Option<u64>,
    /// The chance of meeting it in a period: "82 % (74 % to 88 %)".
    pub chance: Option<String>,
    /// Past periods met.
    pub periods_met: usize,
    /// Past periods judged.
    pub periods: usize,
    /// The worst past period and its achieved SLI: "February 2025: 99.9027 %".
    pub worst: Option<String>,
    /// Above the historical best (ESF ch. 6).
    pub above_best: bool,
    /// Pages a week, one decimal.
    pub pages_per_week: String,
    /// Tickets a week, one decimal.
    pub tickets_per_week: String,
    /// More pages than on-call can sustain (2 a week or more).
    pub too_many_pages: bool,
    /// The false alarms, by rule, period and time.
    pub false_alarms: Vec<String>,
    /// Release-freeze days per quarter, one decimal.
    pub freeze_days_per_quarter: String,
    /// Whether the dependencies can reach it.
    pub reachable: bool,
    /// Each incident's spend of its period's budget, percent, one decimal.
    pub incident_spend_percent: Vec<Option<String>>,
}

/// One incident as read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IncidentReport {
    /// Its line in the table.
    pub line: u64,
    /// When it started (UTC, ISO 8601).
    pub start: String,
    /// Its time to restore.
    pub duration: String,
    /// The share affected, percent.
    pub affected_percent: String,
    /// Its cause.
    pub cause: String,
}

/// An instant as ISO 8601 in UTC: "2025-02-10T14:00:00Z".
pub fn iso(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0).map_or_else(
        || unix.to_string(),
        |t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    )
}

fn alarm(alert: &Alerted) -> String {
    format!(
        "{} ({}) at {} in {}: the period spent {} % of its budget",
        alert.rule,
        alert.notify.label(),
        iso(alert.at),
        alert.period,
        one_decimal(alert.period_spent_percent)
    )
}

fn row(row: &Row) -> RowReport {
    let (pages, _) = row.replayed.per_week(Notify::Page);
    RowReport {
        target: row.target.to_string(),
        current: row.current,
        downtime: row.downtime.map(|d| d.describe(|d| d.to_string())),
        bad_events: row
            .bad_events
            .map(|e| e.describe(|n| crate::quantity::numbers::group_thousands(&n.to_string()))),
        typical_incidents: row.typical_incidents,
        chance: row.chance.as_ref().map(chance_text),
        periods_met: row.achieved.met,
        periods: row.achieved.periods.len(),
        worst: row
            .achieved
            .worst
            .and_then(|w| row.achieved.periods.get(w))
            .and_then(|p| {
                p.achieved
                    .map(|a| format!("{}: {} %", p.label, achieved_text(a)))
            }),
        above_best: row.above_best,
        pages_per_week: one_decimal(pages),
        tickets_per_week: one_decimal(row.replayed.per_week(Notify::Ticket).0),
        too_many_pages: pages >= SUSTAINABLE_PAGES_PER_WEEK,
        false_alarms: row
            .replayed
            .alerts
            .iter()
            .filter(|a| a.false_alarm)
            .map(alarm)
            .collect(),
        freeze_days_per_quarter: one_decimal(row.replayed.freeze_days_per_quarter()),
        reachable: row.reachable,
        incident_spend_percent: row
            .incident_spend
            .iter()
            .map(|s| s.map(|s| s.round_dp(1).normalize().to_string()))
            .collect(),
    }
}

/// The report of `table` over `incidents` (the ones it was computed from).
pub fn tradeoff_report(table: &Table, incidents: &[Incident]) -> TradeoffReport {
    let mut report = TradeoffReport {
        window: table.window.clone(),
        basis: match table.basis {
            Basis::Time => "time",
            Basis::Events => "events",
        },
        span: (iso(table.span.0), iso(table.span.1)),
        periods: table.periods.iter().map(|p| p.label.clone()).collect(),
        fit: table.fit.as_ref().ok().map(|f| risk_words(&f.model)),
        no_fit: table.fit.as_ref().err().cloned(),
        risk: table.risk.as_ref().map(risk_words),
        typical_restore: table
            .risk
            .as_ref()
            .map(|r| r.median_time_to_restore.trim().to_string()),
        ceiling_percent: table.ceiling.map(achieved_text),
        historical_best_percent: table.best.map(achieved_text),
        rounding: ROUNDING,
        rows: table.rows.iter().map(row).collect(),
        same_freeze_days_per_quarter: None,
        incidents: incidents
            .iter()
            .map(|i| IncidentReport {
                line: i.line,
                start: iso(i.start),
                duration: crate::quantity::duration::ExactDuration::from_whole_seconds(i.duration)
                    .to_string(),
                affected_percent: (i.affected * rust_decimal::Decimal::ONE_HUNDRED)
                    .normalize()
                    .to_string(),
                cause: i.cause.clone(),
            })
            .collect(),
    };
    report.same_freeze_days_per_quarter = same_freeze(&report.rows);
    report
}

/// The freeze days a quarter every row shows, when there are two rows or
/// more and they all show the same days, more than none.
fn same_freeze(rows: &[RowReport]) -> Option<String> {
    let (first, rest) = rows.split_first()?;
    let same = !rest.is_empty()
        && first.freeze_days_per_quarter != one_decimal(0.0)
        && rest
            .iter()
            .all(|r| r.freeze_days_per_quarter == first.freeze_days_per_quarter);
    same.then(|| first.freeze_days_per_quarter.clone())
}

/// A risk model in words: "incidents a period: 0.33; time to restore:
/// median 42m, p90 42m 1s; severities: 100 % at 100 % errors".
pub fn risk_words(risk: &crate::model::scenario::RiskModel) -> String {
    let mix: Vec<String> = risk
        .severities
        .iter()
        .map(|s| {
            format!(
                "{} % at {} % errors",
                s.share_percent.trim(),
                s.error_percent.trim()
            )
        })
        .collect();
    format!(
        "incidents a period: {}; time to restore: median {}, p90 {}; severities: {}",
        risk.incidents_per_period.trim(),
        risk.median_time_to_restore.trim(),
        risk.p90_time_to_restore.trim(),
        mix.join(", ")
    )
}
