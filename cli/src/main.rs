//! `slo`: the command-line side of slo-planner. It prints what `slo-core`
//! computes; it holds no domain math of its own.

/// Prints a line to standard output, ignoring a closed pipe (`slo ... | head`)
/// instead of panicking as `println!` does.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod alerts;
mod export;
mod import;
mod model;
mod simulate;
mod tradeoffs;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use slo_core::calculator::{evaluate, BudgetForm, BudgetReport};
use slo_core::model::EventsPer;
use slo_core::quantity::zone::TzdbResolver;

/// Error budgets and SLO documents from the command line.
#[derive(Parser, Debug)]
#[command(name = "slo", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Allowed downtime, bad events and bad time slices for a target over a window.
    Budget(BudgetArgs),
    /// Checks model files: prints every problem with its field path, and a
    /// line per file. Exit 0 when all are valid (warnings allowed), 1 with
    /// errors, 2 when one is unreadable (the worst file's).
    Validate(ValidateArgs),
    /// Prints every SLO of a model file with its error budget and allowed downtime.
    Report(FileArgs),
    /// Prints the JSON Schema of the model file format.
    Schema,
    /// Prints an example model file: the SRE Workbook's API (the default),
    /// the Azure chain, or a platform at workshop scale.
    Example(model::ExampleArgs),
    /// The SRE Workbook's multi-window, multi-burn-rate alerts for a target and window.
    Alerts(alerts::AlertArgs),
    /// Runs the model's burn scenarios: budget over the period, alert firings,
    /// policy clauses and Monte Carlo risk. Exit 0 ran, 1 a scenario cannot run, 2 unreadable.
    Simulate(simulate::SimulateArgs),
    /// Writes the model as Markdown (the SLO document and error budget
    /// policy), OpenSLO v1 YAML or Prometheus rules. Exit 0 written from a
    /// valid model, 1 written from a model with errors (listed on standard
    /// error), 2 unreadable or not written.
    Export(export::ExportArgs),
    /// Reads OpenSLO (v1 or v1alpha) into a model file, listing what the
    /// model does not keep. Exit 0 valid, 1 with errors, 2 unreadable.
    Import(import::ImportArgs),
    /// Weighs candidate targets of one SLO against the team's record (past
    /// incidents, an SLI series): past periods met, chance of meeting,
    /// pages, release freezes, the dependency ceiling. Exit 0 printed, 1
    /// printed with rows left out of the record, 2 unusable input.
    Tradeoffs(tradeoffs::TradeoffArgs),
}

#[derive(Args, Debug)]
struct FileArgs {
    /// The model file (JSON, as exported by slo-planner)
    file: std::path::PathBuf,
    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct ValidateArgs {
    /// The model files (JSON, as exported by slo-planner), one or more
    #[arg(required = true, num_args = 1..)]
    files: Vec<std::path::PathBuf>,
    /// Print JSON instead of text: one object for one file, an array of
    /// them (each with its `file`) for several
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Per {
    Window,
    Day,
}

#[derive(Args, Debug)]
struct BudgetArgs {
    /// SLO target in percent, e.g. 99.9
    #[arg(long, allow_hyphen_values = true)]
    target: String,
    /// Compliance period: 30d, 4w, 6h, 90m, month:2024-02, quarter:2024-Q1, year:2024, week:2024-W10, month
    #[arg(long, default_value = "28d")]
    window: String,
    /// IANA time zone for calendar windows (default UTC)
    #[arg(long, default_value = "")]
    tz: String,
    /// Expected valid events (requests), per window unless --per day
    #[arg(long, default_value = "")]
    events: String,
    /// What --events counts over
    #[arg(long, value_enum, default_value = "window")]
    per: Per,
    /// Time-slice length for a time-slice SLI, e.g. 1m
    #[arg(long, alias = "timeslice", default_value = "")]
    time_slice: String,
    /// A downtime, e.g. 43m12s: prints the target it implies
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    downtime: String,
    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
}

/// Clap's error as two lines: what is wrong, with every argument it names
/// ("the following required arguments were not provided: --target
/// <TARGET>, --window <WINDOW>"), and the usage line.
fn usage_error(text: &str) -> String {
    let mut paragraphs = text.split("\n\n");
    let mut what = paragraphs.next().unwrap_or("invalid arguments").lines();
    let head = what
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .trim();
    let named: Vec<&str> = what.map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut out = match named.as_slice() {
        [] => format!("slo: {head}"),
        named => format!("slo: {head} {}", named.join(", ")),
    };
    if let Some(usage) = paragraphs.find_map(|p| p.trim().strip_prefix("Usage: ")) {
        out.push_str(&format!("\nusage: {usage}"));
    }
    out
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("{}", usage_error(&error.to_string()));
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Budget(args) => budget(args),
        Command::Validate(args) => model::validate(&args.files, args.json),
        Command::Report(args) => model::report(&args.file, args.json),
        Command::Schema => model::schema(),
        Command::Example(args) => model::example(args),
        Command::Alerts(args) => alerts::run(args),
        Command::Simulate(args) => simulate::simulate(args),
        Command::Export(args) => export::run(args),
        Command::Import(args) => import::run(args),
        Command::Tradeoffs(args) => tradeoffs::tradeoffs_command(args),
    }
}

fn budget(args: BudgetArgs) -> ExitCode {
    let form = BudgetForm {
        target: args.target,
        window: args.window,
        time_zone: args.tz,
        events: args.events,
        events_per: match args.per {
            Per::Window => EventsPer::Window,
            Per::Day => EventsPer::Day,
        },
        time_slice: args.time_slice,
        downtime: args.downtime,
        compare: Vec::new(),
    };
    let view = evaluate(&form, &TzdbResolver);
    let report = match view.report() {
        Ok(report) => report,
        Err(error) => {
            eprintln!("slo: --{error}");
            return ExitCode::from(2);
        }
    };
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => out!("{text}"),
            Err(error) => {
                eprintln!("slo: cannot write JSON: {error}");
                return ExitCode::from(2);
            }
        }
    } else {
        {
            use std::io::Write as _;
            let _ = write!(std::io::stdout(), "{}", text_report(&report));
        }
    }
    ExitCode::SUCCESS
}

fn text_report(report: &BudgetReport) -> String {
    let group = |n: &u64| slo_core::quantity::numbers::group_thousands(&n.to_string());
    let mut lines = vec![
        format!(
            "Target            {} % ({}; {} bad)",
            report.target_percent, report.nines, report.one_in
        ),
        format!("Error budget      {} %", report.error_budget_percent),
        format!(
            "Window            {} ({})",
            report.window.spec, report.window.label
        ),
        format!("                  {}", report.window.convention),
        format!(
            "Allowed downtime  {}",
            report.allowed_downtime.describe(|d| d.clone())
        ),
    ];
    if let (Some(valid), Some(bad)) = (&report.valid_events, &report.allowed_bad_events) {
        lines.push(format!(
            "Bad events        {} of {} valid events",
            bad.describe(group),
            valid.describe(group)
        ));
    }
    if let (Some(slices), Some(bad)) = (
        &report.time_slices_in_window,
        &report.allowed_bad_time_slices,
    ) {
        lines.push(format!(
            "Bad time slices   {} of {} slices",
            bad.describe(group),
            slices.describe(group)
        ));
    }
    if let Some(implied) = &report.implied_target_percent {
        let approx = if report.implied_target_exact == Some(true) {
            ""
        } else {
            " (rounded down)"
        };
        lines.push(format!(
            "Implied target    {} %{approx}",
            implied.describe(|t| t.clone())
        ));
    }
    lines.push("Rounding:".to_string());
    lines.extend(report.rounding.iter().map(|rule| format!("  - {rule}")));
    lines.join("\n") + "\n"
}
