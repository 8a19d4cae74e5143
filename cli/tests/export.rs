//! `slo export` on real files: Markdown to standard output or a file, and
//! the exit codes of `validate` (0 valid, 1 errors, 2 unreadable).

use std::path::PathBuf;
use std::process::{Command, Output};

use slo_core::codec::export_json;
use slo_core::examples;
use slo_core::quantity::zone::TzdbResolver;
use slo_core::report::markdown::document_markdown;

fn slo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slo"))
        .args(args)
        .output()
        .expect("slo runs")
}

/// Writes `content` to a fresh file in the target directory and returns its path.
fn file(name: &str, content: &[u8]) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn markdown_goes_to_standard_output_or_a_file_and_exits_0_for_a_valid_model() {
    let model = examples::workbook_api();
    let input = file("export-workbook.json", export_json(&model).as_bytes());
    let out = slo(&["export", "--format", "markdown", &input]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(printed, document_markdown(&model, &TzdbResolver));
    assert!(printed.contains("| 109,897 |"));

    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("export-workbook.md");
    let _ = std::fs::remove_file(&target);
    let out = slo(&[
        "export",
        "--format",
        "markdown",
        &input,
        "-o",
        &target.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), printed);
}

#[test]
fn a_model_with_errors_is_written_with_dashes_and_exits_1_naming_them() {
    let mut model = examples::workbook_api();
    model.services[0].journeys[0].slis[0].slos[0].target = "100.5".into();
    let input = file("export-errors.json", export_json(&model).as_bytes());
    let out = slo(&["export", "--format", "markdown", &input]);
    assert_eq!(out.status.code(), Some(1));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.contains("| 100.5 % |"), "{printed}");
    let errors = String::from_utf8(out.stderr).unwrap();
    assert!(
        errors.contains("services[0].journeys[0].slis[0].slos[0].target"),
        "{errors}"
    );
}

#[test]
fn an_unreadable_model_or_output_exits_2() {
    let out = slo(&["export", "--format", "markdown", "/no/such/model.json"]);
    assert_eq!(out.status.code(), Some(2));
    let bad = file("export-bad.json", b"{ not json");
    assert_eq!(
        slo(&["export", "--format", "markdown", &bad]).status.code(),
        Some(2)
    );
    let good = file(
        "export-good.json",
        export_json(&examples::workbook_api()).as_bytes(),
    );
    let out = slo(&[
        "export",
        "--format",
        "markdown",
        &good,
        "-o",
        "/no/such/dir/out.md",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
    let out = slo(&["export", "--format", "pdf", &good]);
    assert_eq!(out.status.code(), Some(2));
}
