//! `slo import`: a model from a format other tools write (OpenSLO v1 or
//! v1alpha YAML), as slo-planner's JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use slo_core::codec::{export_json, open};
use slo_core::export::openslo::read::read_openslo;
use slo_core::problem::Severity;
use slo_core::quantity::zone::TzdbResolver;
use slo_core::report::place::Places;

/// The formats `slo import` reads.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// OpenSLO v1 or v1alpha YAML (one or more objects).
    Openslo,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// What the file is
    #[arg(value_enum)]
    format: Format,
    /// The file to read
    file: PathBuf,
    /// Write the model here instead of standard output
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// `slo import openslo FILE [-o MODEL.json]`: writes the model, listing on
/// standard error what the model does not keep (by object and field) and
/// the model's errors. Exit 0 written and valid (warnings allowed), 1
/// written with errors, 2 unreadable or not written.
pub fn run(args: ImportArgs) -> ExitCode {
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("slo: cannot read {}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let read = match args.format {
        Format::Openslo => read_openslo(&bytes),
    };
    let read = match read {
        Ok(read) => read,
        Err(e) => {
            eprintln!("slo: {}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    for note in &read.notes {
        eprintln!("slo: note: {note}");
    }
    let opened = open(read.model, &TzdbResolver);
    let json = export_json(&opened.model);
    match &args.output {
        Some(path) => {
            if let Err(code) = crate::export::write(path, &format!("{json}\n")) {
                return code;
            }
        }
        None => out!("{json}"),
    }
    if opened.errors() == 0 {
        return ExitCode::SUCCESS;
    }
    let places = Places::of(&opened.model);
    for p in opened
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
    {
        eprintln!("slo: {}", crate::model::problem_line(&places, p));
    }
    ExitCode::from(1)
}
