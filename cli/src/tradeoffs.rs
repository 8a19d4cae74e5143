//! `slo tradeoffs MODEL --slo PATH --history incidents.csv [--series sli.csv]
//! [--json] [--plot chart.svg]`: the trade-off table of one SLO's candidate targets, grounded
//! in the team's record, as the page shows it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use slo_core::export::prometheus::history::history_query;
use slo_core::export::prometheus::unusable_queries;
use slo_core::model::location::slo_named;
use slo_core::quantity::zone::{TzdbResolver, ZoneResolver, ZoneRules};
use slo_core::record::incidents::{read_incidents, Incident};
use slo_core::record::series::{read_any_series, Sample};
use slo_core::record::{Imported, RowProblem};
use slo_core::tradeoff::candidates::read_candidates;
use slo_core::tradeoff::report::{tradeoff_report, RowReport, TradeoffReport};
use slo_core::tradeoff::saved::{saved, Saved};
use slo_core::tradeoff::table::{tradeoffs, Inputs};

use crate::model::{print_json, read};

#[derive(Args, Debug)]
pub struct TradeoffArgs {
    /// The model file (JSON, as exported by slo-planner)
    file: PathBuf,
    /// The SLO: its path (services[0].journeys[0].slis[0].slos[0]) or its name
    #[arg(long)]
    slo: String,
    /// Past incidents as CSV: start, end or duration, share affected, cause,
    /// SLI (default: the SLO's saved history in the model)
    #[arg(long)]
    history: Option<PathBuf>,
    /// The SLI's past as CSV (timestamp, good, valid) or a Prometheus range query's JSON
    #[arg(long)]
    series: Option<PathBuf>,
    /// Candidate targets, comma-separated (default: the current one, one nine
    /// less and more, and the half-way steps)
    #[arg(long, value_delimiter = ',')]
    candidates: Vec<String>,
    /// Judge the candidates over another window than the SLO's own
    /// ("month" for calendar months, "quarter", "30d"); the model is not changed
    #[arg(long, value_name = "WINDOW")]
    judge_by: Option<String>,
    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
    /// Also write the chart (chance of meeting and freeze days per candidate) as SVG
    #[arg(long)]
    plot: Option<PathBuf>,
    /// Only print the Prometheus range query that exports the SLI's past
    /// (for --series), from its queries, with this step ("1m")
    #[arg(long, value_name = "STEP")]
    query: Option<String>,
}

/// Runs the command: 0 the table printed, 1 printed with rows left out of
/// the record (listed on standard error), 2 unusable input.
pub fn tradeoffs_command(args: TradeoffArgs) -> ExitCode {
    if let Some(step) = &args.query {
        return print_query(&args, step);
    }
    match run(&args) {
        Ok((report, left_out)) => {
            for problem in &left_out {
                eprintln!("left out: {problem}");
            }
            let code = if args.json {
                print_json(&report)
            } else {
                print_text(&report)
            };
            if code != ExitCode::SUCCESS {
                return code;
            }
            if left_out.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(message) => {
            eprintln!("slo: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &TradeoffArgs) -> Result<(TradeoffReport, Vec<String>), String> {
    let model = read(&args.file).map_err(|_| format!("cannot use {}", args.file.display()))?;
    let at = slo_named(&model, &args.slo)?;
    let zone_name = at
        .find(&model)
        .map(|(_, slo)| slo.time_zone_name().to_string())
        .unwrap_or_default();
    let zone = TzdbResolver
        .resolve(&zone_name)
        .map_err(|e| format!("the SLO's time zone: {e}"))?;
    let saved = saved(&model, at, &TzdbResolver);
    if args.history.is_none() && args.series.is_none() && saved.incidents.is_empty() {
        let why = match saved.left_out.first() {
            Some(problem) => format!("the SLO's saved incidents cannot be read ({problem})"),
            None => "the SLO has no saved history".into(),
        };
        return Err(format!(
            "{why}: give --history (incidents) or --series (the SLI's past), or both"
        ));
    }
    let mut left_out = Vec::new();
    let (incidents, samples) = record(args, zone.as_ref(), &saved, &mut left_out)?;
    let (mut candidates, bad) = read_candidates(&args.candidates);
    if let Some((index, message)) = bad.first() {
        return Err(format!(
            "--candidates: {}: {message}",
            args.candidates[*index].trim()
        ));
    }
    if args.candidates.is_empty() {
        candidates = saved.candidates.clone();
    }
    let table = tradeoffs(&Inputs {
        model: &model,
        at,
        zones: &TzdbResolver,
        incidents: &incidents,
        samples: &samples,
        span: saved.span,
        candidates: &candidates,
        risk: saved.risk.as_ref(),
        judge_by: args.judge_by.as_deref(),
    })
    .map_err(|problems| {
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    if let Some(path) = &args.plot {
        let svg = slo_charts::tradeoff_chart(&table)?;
        std::fs::write(path, svg).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok((tradeoff_report(&table, &incidents), left_out))
}

/// The incidents (from `--history` or the saved history) and the series
/// (from `--series`), with the rows left out noted in `left_out`.
fn record(
    args: &TradeoffArgs,
    zone: &dyn ZoneRules,
    saved: &Saved,
    left_out: &mut Vec<String>,
) -> Result<(Vec<Incident>, Vec<Sample>), String> {
    let incidents: Vec<Incident> = match &args.history {
        Some(path) => kept(path, read_incidents(&text(path)?, zone), left_out)?,
        None => {
            let name = args.file.display();
            left_out.extend(
                saved
                    .left_out
                    .iter()
                    .map(|p| format!("{name}, the SLO's history: {p}")),
            );
            saved.incidents.clone()
        }
    };
    let samples: Vec<Sample> = match &args.series {
        Some(path) => kept(path, read_any_series(&text(path)?, zone), left_out)?,
        None => Vec::new(),
    };
    Ok((incidents, samples))
}

/// Prints the range query for the SLO's SLI: 0 printed, 2 when its SLI
/// has no Prometheus queries (why on standard error).
fn print_query(args: &TradeoffArgs, step: &str) -> ExitCode {
    let model = match read(&args.file) {
        Ok(model) => model,
        Err(code) => return code,
    };
    let query = slo_named(&model, &args.slo).and_then(|at| {
        let (sli, _) = at.find(&model).ok_or("no such SLO")?;
        history_query(
            sli.queries.as_ref().ok_or("its SLI has no queries")?,
            step.trim(),
        )
        .ok_or_else(|| unusable_queries(sli.queries.as_ref()).unwrap_or_default())
    });
    match query {
        Ok(query) => {
            out!("{query}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("slo: no range query: {why}");
            ExitCode::from(2)
        }
    }
}

fn text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The rows read, with the ones left out noted by file and line.
fn kept<T>(
    path: &Path,
    read: Result<Imported<T>, String>,
    left_out: &mut Vec<String>,
) -> Result<Vec<T>, String> {
    let read = read.map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path.display();
    left_out.extend(
        read.problems
            .iter()
            .map(|p: &RowProblem| format!("{name}: {p}")),
    );
    if !read.unused_columns.is_empty() {
        eprintln!(
            "{name}: columns not used: {}",
            read.unused_columns.join(", ")
        );
    }
    Ok(read.rows)
}

fn print_text(report: &TradeoffReport) -> ExitCode {
    out!(
        "Trade-offs over {} to {} ({} past periods of {}, {} basis)",
        report.span.0,
        report.span.1,
        report.periods.len(),
        report.window,
        report.basis
    );
    if let Some(fit) = &report.fit {
        out!("fitted risk model: {fit}");
    }
    if let Some(why) = &report.no_fit {
        out!("no risk model fitted: {why}");
    }
    if let Some(best) = &report.historical_best_percent {
        out!("historical best: {best} %");
    }
    if let Some(ceiling) = &report.ceiling_percent {
        out!("dependency ceiling: {ceiling} %");
    }
    out!();
    out!(
        "{:<10} {:<28} {:>6} {:<22} {:>7} {:>9} {:>11} {:>10}  notes",
        "target",
        "downtime per period",
        "fit",
        "chance of meeting",
        "met",
        "pages/wk",
        "tickets/wk",
        "freeze d/q"
    );
    report.rows.iter().for_each(print_row);
    if let Some(days) = &report.same_freeze_days_per_quarter {
        out!("Every candidate freezes releases {days} days a quarter: the freeze does not tell them apart.");
    }
    out!();
    out!("Rounding: {}.", report.rounding);
    ExitCode::SUCCESS
}

fn print_row(row: &RowReport) {
    let mut notes = Vec::new();
    if row.current {
        notes.push("current".to_string());
    }
    if !row.reachable {
        notes.push("unreachable: above the dependency ceiling".into());
    }
    if row.above_best {
        notes.push("above the historical best".into());
    }
    if row.too_many_pages {
        notes.push("more pages than on-call can sustain (under 2 a week)".into());
    }
    if !row.false_alarms.is_empty() {
        notes.push(format!("{} false alarms", row.false_alarms.len()));
    }
    out!(
        "{:<10} {:<28} {:>6} {:<22} {:>7} {:>9} {:>11} {:>10}  {}",
        format!("{} %", row.target),
        row.downtime.as_deref().unwrap_or("-"),
        row.typical_incidents.map_or("-".into(), |n| n.to_string()),
        row.chance.as_deref().unwrap_or("-"),
        format!("{}/{}", row.periods_met, row.periods),
        row.pages_per_week,
        row.tickets_per_week,
        row.freeze_days_per_quarter,
        notes.join("; ")
    );
    for alarm in &row.false_alarms {
        out!("{:<10} false alarm: {alarm}", "");
    }
}
