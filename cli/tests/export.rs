//! `slo export` on real files: Markdown to standard output or a file, and
//! the exit codes of `validate` (0 valid, 1 errors, 2 unreadable).

mod common;
use common::{file, slo};

use std::path::PathBuf;

use slo_core::codec::export_json;
use slo_core::examples;
use slo_core::quantity::zone::TzdbResolver;
use slo_core::report::markdown::document_markdown;

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

#[test]
fn prometheus_rules_name_what_is_not_exported_and_write_their_promtool_tests() {
    let input = file(
        "export-seed.json",
        export_json(&examples::seed_chain()).as_bytes(),
    );
    let out = slo(&["export", "--format", "prometheus", &input]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .ends_with("groups: []\n"));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "slo: not exported: Order service / 98.5 % of order requests succeed: its SLI has no queries (the Model page, the SLI's queries) [services[0].journeys[0].slis[0].slos[0]]\n"
    );

    let input = file(
        "export-prom.json",
        export_json(&examples::workbook_api()).as_bytes(),
    );
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("prom");
    std::fs::create_dir_all(&dir).unwrap();
    let rules = dir.join("game.yml");
    let out = slo(&[
        "export",
        "--format",
        "prometheus",
        &input,
        "-o",
        &rules.to_string_lossy(),
        "--with-tests",
        "--link",
        "https://slo.example/game",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&rules).unwrap();
    assert!(text.contains("slo_planner_url: https://slo.example/game"));
    assert_eq!(text.matches("- alert: ").count(), 9);
    let tests = std::fs::read_to_string(dir.join("game.test.yml")).unwrap();
    assert!(tests.contains("rule_files:\n- game.twin.yml\n"), "{tests}");
    assert!(std::fs::read_to_string(dir.join("game.twin.yml"))
        .unwrap()
        .contains("slo_test_valid_total"));
    // Tests need a file to sit beside.
    let out = slo(&["export", "--format", "prometheus", &input, "--with-tests"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn openslo_goes_out_and_comes_back_in() {
    let model = examples::workbook_api();
    let input = file("export-openslo.json", export_json(&model).as_bytes());
    let yaml = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("workbook.openslo.yaml");
    let out = slo(&[
        "export",
        "--format",
        "openslo",
        &input,
        "-o",
        &yaml.to_string_lossy(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&yaml).unwrap();
    assert!(text.starts_with("# OpenSLO v1 for the SLOs of Example Game Service"));
    assert_eq!(text.matches("\nkind: SLO\n").count(), 3);

    let out = slo(&["import", "openslo", &yaml.to_string_lossy()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let back = slo_core::codec::parse_json(&out.stdout).unwrap();
    assert_eq!(back.alert_rules, model.alert_rules);
    let slos = |m: &slo_core::model::Model| -> Vec<(String, String)> {
        m.services[0].journeys[0]
            .slis
            .iter()
            .flat_map(|s| &s.slos)
            .map(|s| (s.target.clone(), s.window.clone()))
            .collect()
    };
    assert_eq!(slos(&back), slos(&model));
}

#[test]
fn an_openslo_import_names_what_it_does_not_keep_and_refuses_what_is_not_openslo() {
    let hand = format!(
        "{}/../core/tests/openslo/calendar-timeslices.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search.json");
    let out = slo(&["import", "openslo", &hand, "-o", &target.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("slo: note: SLO search-latency metadata.labels: labels are not kept\n"),
        "{said}"
    );
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("\"window\": \"month\""));

    let not_yaml = file("not-openslo.yaml", b"kind: [\n");
    let out = slo(&["import", "openslo", &not_yaml]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("is not OpenSLO YAML"));
    let json = file(
        "a-model.json",
        export_json(&examples::seed_chain()).as_bytes(),
    );
    let out = slo(&["import", "openslo", &json]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("has no OpenSLO object"));
    // An SLO whose target is out of range opens, and exits 1 naming it.
    let bad = file("bad-target.yaml", b"apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: x}\nspec:\n  service: s\n  budgetingMethod: Occurrences\n  timeWindow: [{duration: 28d, isRolling: true}]\n  objectives: [{target: 1.5}]\n");
    let out = slo(&["import", "openslo", &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("target"));
}
