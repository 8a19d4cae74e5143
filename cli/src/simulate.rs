//! `slo simulate FILE [--scenario NAME] [--json] [--charts DIR]`: runs the
//! model's burn scenarios with its alert rules and policy.

use slo_core::model::kind::Kind;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use slo_core::burn::{run, scenarios, BurnReport};
use slo_core::quantity::zone::TzdbResolver;

use crate::model::{print_json, read};

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// The model file (JSON, as exported by slo-planner)
    file: PathBuf,
    /// Only the scenario of this name (default: every scenario)
    #[arg(long)]
    scenario: Option<String>,
    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
    /// Also write each scenario's charts as SVG files into this directory
    #[arg(long)]
    charts: Option<PathBuf>,
}

/// Runs the command: 0 when every scenario ran, 1 when one cannot run (its
/// problems are printed), 2 for an unreadable file or an unknown scenario.
pub fn simulate(args: SimulateArgs) -> ExitCode {
    let model = match read(&args.file) {
        Ok(model) => model,
        Err(code) => return code,
    };
    let mut chosen = scenarios(&model);
    if let Some(name) = &args.scenario {
        chosen.retain(|(_, s)| s.name.trim().eq_ignore_ascii_case(name.trim()));
        if chosen.is_empty() {
            let known: Vec<String> = scenarios(&model)
                .iter()
                .map(|(_, s)| format!("\"{}\"", s.name))
                .collect();
            eprintln!(
                "slo: no scenario named \"{name}\" in {}; it has {}",
                args.file.display(),
                if known.is_empty() {
                    "none".into()
                } else {
                    known.join(", ")
                }
            );
            return ExitCode::from(2);
        }
    }
    let mut reports = Vec::new();
    let mut failed = false;
    for (at, scenario) in chosen {
        match run(&model, at, &TzdbResolver) {
            Ok(burn) => {
                if let Some(dir) = &args.charts {
                    if let Err(e) = write_charts(dir, reports.len(), &burn) {
                        eprintln!("slo: cannot write charts into {}: {e}", dir.display());
                        return ExitCode::from(2);
                    }
                }
                reports.push(burn.report(&scenario.name, at));
            }
            Err(problems) => {
                failed = true;
                for p in problems {
                    eprintln!("error: {p}");
                }
            }
        }
    }
    if args.json {
        let code = print_json(&serde_json::json!({ "scenarios": reports }));
        if code != ExitCode::SUCCESS {
            return code;
        }
    } else if reports.is_empty() && !failed {
        out!("{}: no scenarios", args.file.display());
    } else {
        reports.iter().for_each(print_text);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_charts(dir: &Path, n: usize, burn: &slo_core::burn::Burn) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let mut charts = vec![
        ("budget", slo_charts::budget_chart(burn)?),
        ("burn-rate", slo_charts::burn_rate_chart(burn)?),
    ];
    if let Some(risk) = &burn.risk {
        charts.push(("risk", slo_charts::risk_chart(&risk.base)?));
    }
    for (name, svg) in charts {
        std::fs::write(dir.join(format!("scenario-{}-{name}.svg", n + 1)), svg)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn print_text(r: &BurnReport) {
    out!(
        "{} ({}): SLO {} % over {}, one step = {} s",
        r.scenario,
        r.path,
        r.target_percent,
        r.period,
        r.step_seconds
    );
    out!("  budget: {} {}", r.budget, r.budget_unit);
    match &r.exhausted_at {
        Some(at) => out!("  budget exhausted: {at}"),
        None => out!("  budget lasts the period"),
    }
    out!("  budget left at the end: {} %", r.budget_left_percent);
    out!(
        "  MTTR: {}   downtime: {}",
        r.mttr.as_deref().unwrap_or("no incidents"),
        r.downtime
    );
    if let (Some(avg), Some(high)) = (
        r.average_depletion_percent_per_hour,
        r.highest_depletion_percent_per_hour,
    ) {
        out!("  depletion speed: average {avg:.1} %/h, highest {high:.1} %/h");
    }
    print_events(r);
    for f in &r.firings {
        let reset = f
            .reset_at
            .as_deref()
            .map(|t| format!(", reset {t}"))
            .unwrap_or_default();
        out!(
            "  alert {} ({}) fired {} at {} % spent{reset}",
            f.rule,
            f.notify.key(),
            f.at,
            f.spent_percent
        );
    }
    for t in &r.triggered {
        out!(
            "  policy: {} on {} ({} % spent): {}",
            t.condition,
            t.at,
            t.spent_percent,
            t.consequences.join("; ")
        );
    }
    for (id, why) in &r.not_simulated {
        out!("  policy: {id} not simulated: {why}");
    }
    if let Some(risk) = &r.risk {
        out!(
            "  risk over {} periods: meets the SLO in {:.1} % (MTTR halved: {:.1} %, incidents halved: {:.1} %)",
            risk.base.periods,
            risk.base.meet_probability * 100.0,
            risk.mttr_halved.meet_probability * 100.0,
            risk.incidents_halved.meet_probability * 100.0
        );
    }
}

/// Each event: when, how long, what it spent and left, its priority, and
/// whether an alert caught it.
fn print_events(r: &BurnReport) {
    for e in &r.events {
        let priority = e
            .priority
            .as_ref()
            .map(|p| format!(", {:?}", p.priority))
            .unwrap_or_default();
        let alert = match e.alerted {
            Some(false) => ", no alert",
            _ => "",
        };
        out!(
            "  - {} ({}) {} for {}: {} % spent, {} %/h, {} % left{priority}{alert}",
            e.name,
            e.kind,
            e.start,
            e.duration,
            e.spent_percent,
            e.depletion_percent_per_hour,
            e.budget_left_after_percent
        );
    }
}
