//! `slo validate`, `slo report` and `slo schema`: the model file commands.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use slo_core::codec::{export_json, parse_json};
use slo_core::dependency::{percent_text, unavailability_text, PERCENT_DECIMALS, PERCENT_ROUNDING};
use slo_core::examples;
use slo_core::model::Model;
use slo_core::problem::{has_errors, Problem, Severity};
use slo_core::quantity::numbers::group_thousands;
use slo_core::quantity::zone::TzdbResolver;
use slo_core::report::place::Places;
use slo_core::report::{model_report, ServiceReport, SloReport};
use slo_core::validate::validate as check;

/// Reads and parses a model file, or prints why not (exit 2).
pub(crate) fn read(file: &Path) -> Result<Model, ExitCode> {
    read_or_why(file).map_err(|why| {
        eprintln!("slo: {why}");
        ExitCode::from(2)
    })
}

/// Reads and parses a model file, or says why not.
fn read_or_why(file: &Path) -> Result<Model, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    parse_json(&bytes).map_err(|e| format!("{}: {e}", file.display()))
}

pub(crate) fn print_json(value: &impl serde::Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            out!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("slo: cannot write JSON: {e}");
            ExitCode::from(2)
        }
    }
}

/// One problem for people: "error: place: message [path]".
pub(crate) fn problem_line(places: &Places, problem: &Problem) -> String {
    let severity = match problem.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!(
        "{severity}: {}: {} [{}]",
        places.name(&problem.path),
        problem.message,
        problem.path
    )
}

/// `slo validate FILE...`: every problem by the names of its place, with
/// its path, and a line per file; the exit code is the worst file's: 0
/// valid, 1 errors, 2 unreadable. `--json` prints one object for one file
/// (`valid`, `problems`), and for several an array of them, each with its
/// `file` (an unreadable one with `valid: false` and its `error`).
pub fn validate(files: &[PathBuf], json: bool) -> ExitCode {
    let mut worst = 0;
    let mut objects = Vec::new();
    for file in files {
        let (code, object) = match read_or_why(file) {
            Ok(model) => validate_model(file, &model, json),
            Err(why) => {
                eprintln!("slo: {why}");
                (
                    2,
                    serde_json::json!({ "file": file.display().to_string(), "valid": false, "error": why }),
                )
            }
        };
        worst = worst.max(code);
        objects.push(object);
    }
    if json {
        let printed = match objects.as_mut_slice() {
            [one] if worst < 2 => {
                one.as_object_mut().map(|o| o.remove("file"));
                print_json(one)
            }
            [_] => ExitCode::SUCCESS,
            all => print_json(&all),
        };
        if printed != ExitCode::SUCCESS {
            return printed;
        }
    }
    ExitCode::from(worst)
}

/// One readable file's problems (printed unless `json`), its exit code (0
/// or 1) and its JSON object.
fn validate_model(file: &Path, model: &Model, json: bool) -> (u8, serde_json::Value) {
    let problems = check(model, &TzdbResolver);
    let failed = has_errors(&problems);
    let places = Places::of(model);
    if !json {
        for problem in &problems {
            out!("{}", problem_line(&places, problem));
        }
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        out!(
            "{}: {errors} error(s), {} warning(s)",
            file.display(),
            problems.len() - errors
        );
    }
    let listed: Vec<_> = problems
        .iter()
        .map(|p| {
            let mut entry = serde_json::json!(p);
            entry["place"] = places.name(&p.path).into();
            entry
        })
        .collect();
    let object = serde_json::json!({ "file": file.display().to_string(), "valid": !failed, "problems": listed });
    (u8::from(failed), object)
}

/// `slo report FILE`: every SLO's budget over its window.
pub fn report(file: &Path, json: bool) -> ExitCode {
    let model = match read(file) {
        Ok(model) => model,
        Err(code) => return code,
    };
    let report = model_report(&model, &TzdbResolver);
    if json {
        return print_json(&report);
    }
    out!("Team: {}", report.team);
    for slo in &report.slos {
        print_slo(slo);
    }
    for service in &report.services {
        print_service(service);
    }
    ExitCode::SUCCESS
}

/// One SLO of the report: its target, window and budget, or why it has none.
fn print_slo(slo: &SloReport) {
    out!();
    out!(
        "{} / {} / {} / {}",
        slo.service,
        slo.journey,
        slo.sli,
        slo.slo
    );
    match (&slo.budget, &slo.error) {
        (Some(b), _) => {
            out!(
                "  target {} % over {} ({})",
                b.target_percent,
                b.window.spec,
                b.window.label
            );
            out!("  error budget {} % ({})", b.error_budget_percent, b.one_in);
            out!(
                "  allowed downtime {}",
                b.allowed_downtime.describe(|d| d.clone())
            );
            if let Some(bad) = &b.allowed_bad_events {
                out!(
                    "  allowed bad events {}",
                    bad.describe(|n| group_thousands(&n.to_string()))
                );
            }
            if let Some(bad) = &b.allowed_bad_time_slices {
                out!(
                    "  allowed bad time slices {}",
                    bad.describe(|n| group_thousands(&n.to_string()))
                );
            }
        }
        (None, Some(error)) => out!("  no budget: {}: {error}", slo.path),
        (None, None) => {}
    }
}

/// One service with dependencies: its composite availability and how each
/// SLO's budget divides among them.
fn print_service(service: &ServiceReport) {
    let Some(composite) = service.composite.as_ref().filter(|c| c.factors.len() > 1) else {
        return;
    };
    let b = composite.availability;
    out!();
    if service.kind.is_user_facing() {
        out!("{}: composite availability", service.service);
    } else {
        out!(
            "{} ({}): composite availability",
            service.service,
            service.kind.name()
        );
    }
    out!("  rounded: {PERCENT_ROUNDING}");
    out!(
        "  independent failures {} %",
        percent_text(b.independent, PERCENT_DECIMALS)
    );
    out!(
        "  pessimistic (no overlap) {} %",
        percent_text(b.pessimistic, PERCENT_DECIMALS)
    );
    out!(
        "  optimistic (weakest factor) {} %",
        percent_text(b.optimistic, PERCENT_DECIMALS)
    );
    for allocation in &service.allocations {
        out!(
            "  budget of {} % over {}:",
            allocation.target_percent,
            allocation.window
        );
        let shares = allocation
            .allocation
            .dependencies
            .iter()
            .chain([&allocation.allocation.left]);
        for (share, seconds) in shares.zip(&allocation.seconds_per_window) {
            out!(
                "    {}: unavailable {} %, {} % of the budget ({} per window, {})",
                share.name,
                unavailability_text(share.fraction, PERCENT_DECIMALS),
                share.budget_percent,
                slo_core::ExactDuration::from_seconds(*seconds)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                slo_core::dependency::TIME_ROUNDING
            );
        }
    }
    for problem in &service.problems {
        out!("  warning: {problem}");
    }
}

/// Which example `slo example` prints.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Example {
    /// The SRE Workbook's Appendix A API with its Appendix B policy (agreed).
    Workbook,
    /// A service on an Azure chain of dependencies (a draft).
    SeedChain,
    /// A platform of `--services` services, each with 8 SLOs and 3
    /// dependencies (50 services: the workshop's speed targets).
    Scale,
}

/// `slo example` arguments.
#[derive(clap::Args, Debug)]
pub struct ExampleArgs {
    /// Which example.
    #[arg(value_enum, default_value = "workbook")]
    which: Example,
    /// How many services, for `scale`.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u16).range(1..=1000))]
    services: u16,
}

/// `slo example`: an example model file, exactly as the workshop exports it.
pub fn example(args: ExampleArgs) -> ExitCode {
    let model = match args.which {
        Example::Workbook => examples::workbook_api(),
        Example::SeedChain => examples::seed_chain(),
        Example::Scale => examples::workshop_scale(args.services as usize),
    };
    out!("{}", export_json(&model));
    ExitCode::SUCCESS
}

/// `slo schema`: the JSON Schema of the model file.
pub fn schema() -> ExitCode {
    print_json(&schemars::schema_for!(Model))
}
