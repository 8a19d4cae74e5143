//! `slo export`: the model in a format other tools read (Markdown for a
//! wiki or a pull request, Prometheus rules with their promtool tests).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use slo_core::export::openslo::write::openslo_yaml;
use slo_core::export::prometheus::prometheus_rules;
use slo_core::export::promtool::promtool_tests;
use slo_core::problem::{has_errors, Severity};
use slo_core::quantity::zone::TzdbResolver;
use slo_core::report::markdown::document_markdown;
use slo_core::report::place::Places;
use slo_core::validate::validate;

/// The formats `slo export` writes.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// The SLO document and error budget policy as Markdown (SRE Workbook,
    /// Appendices A and B).
    Markdown,
    /// Prometheus recording and multi-window, multi-burn-rate alerting
    /// rules for every SLO whose SLI has Prometheus queries.
    Prometheus,
    /// OpenSLO v1 YAML: Service, SLI, SLO, AlertPolicy and AlertCondition
    /// objects.
    Openslo,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// What to write
    #[arg(long, value_enum)]
    format: Format,
    /// The model file (JSON, as exported by slo-planner)
    file: PathBuf,
    /// Write to this file instead of standard output
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Prometheus: a URL back to the model, written in every alert's
    /// `slo_planner_url` annotation
    #[arg(long)]
    link: Option<String>,
    /// Prometheus: also write promtool unit tests beside the output
    /// (`NAME.test.yml`, over synthetic series, and the rules they load,
    /// `NAME.twin.yml`); run them with `promtool test rules NAME.test.yml`
    #[arg(long, requires = "output")]
    with_tests: bool,
}

pub(crate) fn write(path: &Path, text: &str) -> Result<(), ExitCode> {
    std::fs::write(path, text).map_err(|e| {
        eprintln!("slo: cannot write {}: {e}", path.display());
        ExitCode::from(2)
    })
}

/// The promtool tests of the rules written to `rules`: `NAME.test.yml` and
/// the twin rules it loads, `NAME.twin.yml`, beside it.
fn write_tests(model: &slo_core::model::Model, rules: &Path) -> Result<(), ExitCode> {
    let stem = rules
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("rules");
    let twin_name = format!("{stem}.twin.yml");
    let tests = promtool_tests(model, &TzdbResolver, &twin_name);
    write(&rules.with_file_name(&twin_name), &tests.rules_yaml)?;
    write(
        &rules.with_file_name(format!("{stem}.test.yml")),
        &tests.tests_yaml,
    )
}

/// `slo export --format F MODEL [-o FILE]`: writes the export even when the
/// model has errors (their figures show as "—"), listing the model's errors
/// on standard error. Exit 0 written from a valid model (warnings allowed),
/// 1 written from a model with errors, 2 unreadable or not written.
pub fn run(args: ExportArgs) -> ExitCode {
    let model = match crate::model::read(&args.file) {
        Ok(model) => model,
        Err(code) => return code,
    };
    let text = match args.format {
        Format::Markdown => document_markdown(&model, &TzdbResolver),
        Format::Prometheus => {
            let rules = prometheus_rules(&model, &TzdbResolver, args.link.as_deref());
            for s in &rules.skipped {
                eprintln!("slo: not exported: {}: {} [{}]", s.title, s.why, s.path);
            }
            rules.yaml()
        }
        Format::Openslo => {
            let export = openslo_yaml(&model, &TzdbResolver);
            for s in &export.skipped {
                eprintln!("slo: not exported: {}: {} [{}]", s.title, s.why, s.path);
            }
            export.yaml
        }
    };
    match &args.output {
        Some(path) => {
            if let Err(code) = write(path, &text) {
                return code;
            }
            if args.with_tests {
                if let Err(code) = write_tests(&model, path) {
                    return code;
                }
            }
        }
        None => out!("{}", text.trim_end()),
    }
    let problems = validate(&model, &TzdbResolver);
    if !has_errors(&problems) {
        return ExitCode::SUCCESS;
    }
    let places = Places::of(&model);
    for p in problems.iter().filter(|p| p.severity == Severity::Error) {
        eprintln!("slo: {}", crate::model::problem_line(&places, p));
    }
    ExitCode::from(1)
}
