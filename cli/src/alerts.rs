//! `slo alerts`: the alert table for a target and window.

use std::process::ExitCode;

use clap::Args;
use rust_decimal::Decimal;
use serde::Serialize;
use slo_core::alerting::{
    alert_table, at_error_ratio, max_burn_rate, parse_error_ratio, RuleFigures,
};
use slo_core::model::kind::Kind;
use slo_core::quantity::numbers::parse_count;
use slo_core::quantity::window::Window;
use slo_core::quantity::zone::{TzdbResolver, ZoneResolver};
use slo_core::read::alert_rule::AlertRule;
use slo_core::Target;

/// Arguments of `slo alerts`.
#[derive(Args, Debug)]
pub struct AlertArgs {
    /// SLO target in percent, e.g. 99.9
    #[arg(long, allow_hyphen_values = true)]
    target: String,
    /// Compliance period, e.g. 30d or month:2024-02 (a range uses its shortest length)
    #[arg(long, default_value = "28d")]
    window: String,
    /// IANA time zone for calendar windows (default UTC)
    #[arg(long, default_value = "UTC")]
    tz: String,
    /// Valid events per period, for the low-traffic lint
    #[arg(long, default_value = "")]
    events: String,
    /// Also show detection times for this error ratio in percent, e.g. 1
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    error_ratio: String,
    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct AlertReport {
    target_percent: String,
    window: String,
    period_seconds: u64,
    max_burn_rate: Decimal,
    rules: Vec<RuleFigures>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_ratio_percent: Option<Decimal>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    detection_at_error_ratio: Vec<Option<String>>,
}

fn fail(message: String) -> ExitCode {
    eprintln!("slo: {message}");
    ExitCode::from(2)
}

/// Runs `slo alerts`.
pub fn run(args: AlertArgs) -> ExitCode {
    let report = match report(&args) {
        Ok(report) => report,
        Err(message) => return fail(message),
    };
    if args.json {
        return match serde_json::to_string_pretty(&report) {
            Ok(text) => {
                out!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(format!("cannot write JSON: {e}")),
        };
    }
    print_text(&report);
    ExitCode::SUCCESS
}

/// Reads the arguments and computes the table, or says which argument is wrong.
fn report(args: &AlertArgs) -> Result<AlertReport, String> {
    let target: Target = args.target.parse().map_err(|e| format!("--target: {e}"))?;
    let window: Window = args.window.parse().map_err(|e| format!("--window: {e}"))?;
    let zone = TzdbResolver
        .resolve(&args.tz)
        .map_err(|e| format!("--tz: {e}"))?;
    let period = window
        .length(zone.as_ref())
        .map_err(|e| format!("--window: {e}"))?
        .min();
    let events = match args.events.trim() {
        "" => None,
        text => Some(
            parse_count(text)
                .ok_or_else(|| format!("--events: \"{text}\" is not a whole number of events"))?,
        ),
    };
    let error_ratio = match args.error_ratio.trim() {
        "" => None,
        text => Some(parse_error_ratio(text).map_err(|e| format!("--error-ratio: {e}"))?),
    };
    let rules = AlertRule::workbook_defaults();
    let table = alert_table(&rules, &target, period, events).map_err(|e| e.to_string())?;
    let detection_at_error_ratio = error_ratio
        .map(|p| {
            at_error_ratio(&rules, &target, period, p)
                .into_iter()
                .map(|t| t.detection.map(|d| d.to_string()))
                .collect()
        })
        .unwrap_or_default();
    Ok(AlertReport {
        target_percent: target.to_string(),
        window: window.to_string(),
        period_seconds: period,
        max_burn_rate: max_burn_rate(&target),
        rules: table.into_iter().map(RuleFigures::rounded).collect(),
        error_ratio_percent: error_ratio.map(|f| (f * Decimal::ONE_HUNDRED).normalize()),
        detection_at_error_ratio,
    })
}

/// The table for people: one row per rule, then what it detects and its warnings.
fn print_text(report: &AlertReport) {
    out!(
        "Alerts for {} % over {} ({} s; highest burn rate {})",
        report.target_percent,
        report.window,
        report.period_seconds,
        report.max_burn_rate
    );
    out!(
        "{:<12} {:<7} {:>6} {:>6} {:>10} {:>11} {:>14} {:>12}",
        "rule",
        "notify",
        "long",
        "short",
        "burn rate",
        "error ratio",
        "budget spent",
        "exhaustion"
    );
    for (i, r) in report.rules.iter().enumerate() {
        out!(
            "{:<12} {:<7} {:>6} {:>6} {:>10} {:>10}% {:>13}% {:>12}",
            r.name,
            r.notify.key(),
            r.long_window,
            r.short_window.clone().unwrap_or_default(),
            r.burn_rate,
            r.error_ratio_percent,
            r.budget_consumed_percent,
            r.time_to_exhaustion
        );
        if let Some(d) = &r.detection_full_outage {
            out!("{:<12} detects a full outage in {d}", "");
        }
        if let (Some(p), Some(d)) = (
            report.error_ratio_percent,
            report.detection_at_error_ratio.get(i),
        ) {
            match d {
                Some(d) => out!("{:<12} detects {p} % errors in {d}", ""),
                None => out!("{:<12} never fires on {p} % errors", ""),
            }
        }
        for lint in &r.lints {
            out!("{:<12} warning: {lint}", "");
        }
    }
}
