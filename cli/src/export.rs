//! `slo export`: the model in a format other tools read (Markdown for a
//! wiki or a pull request).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
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
    };
    match &args.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, &text) {
                eprintln!("slo: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
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
