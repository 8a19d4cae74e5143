//! `slo tradeoffs` on real files: the same table as the core computes, as
//! text and JSON, bad rows on standard error with exit 1, unusable input
//! with exit 2.

mod common;
use common::{file, json, slo};

use slo_core::codec::export_json;
use slo_core::examples;
use slo_core::model::history::SloHistory;
use slo_core::model::location::{Locate, SloAt};
use slo_core::quantity::zone::TzdbResolver;
use slo_core::record::incidents::read_incidents;
use slo_core::tradeoff::report::tradeoff_report;
use slo_core::tradeoff::table::{tradeoffs, Inputs};

const CSV: &str = "start,duration,affected,cause\n2025-02-10 14:00,42m,100,db failover\n2025-04-10 14:00,42m,100,bad deploy\n2025-06-30 12:00,30m,100,network\n";

/// The Workbook example with its availability SLO at 99.9 % over calendar
/// months, without the example's history (each test brings its own).
fn model_file() -> (slo_core::Model, String) {
    let mut model = examples::workbook_api();
    let slo = SloAt::new(0, 0, 0, 0).get_mut(&mut model).unwrap();
    slo.target = "99.9".into();
    slo.window = "month".into();
    slo.history = None;
    let path = file("tradeoffs-model.json", export_json(&model).as_bytes());
    (model, path)
}

#[test]
fn the_json_is_the_core_report_and_the_text_names_every_candidate() {
    let (model, path) = model_file();
    let history = file("tradeoffs-incidents.csv", CSV.as_bytes());
    let printed = json(&[
        "tradeoffs",
        &path,
        "--slo",
        "services[0].journeys[0].slis[0].slos[0]",
        "--history",
        &history,
        "--json",
    ]);
    let incidents = read_incidents(CSV, &slo_core::Utc).unwrap().rows;
    let table = tradeoffs(&Inputs {
        model: &model,
        at: SloAt::new(0, 0, 0, 0),
        zones: &TzdbResolver,
        incidents: &incidents,
        samples: &[],
        span: None,
        candidates: &[],
        risk: None,
        judge_by: None,
    })
    .unwrap();
    assert_eq!(
        printed,
        serde_json::to_value(tradeoff_report(&table, &incidents)).unwrap()
    );
    // February to June 2025: five months.
    assert_eq!(printed["periods"].as_array().unwrap().len(), 5);
    assert_eq!(printed["rows"][2]["target"], "99.9");
    assert_eq!(printed["rows"][2]["periodsMet"], 4);

    let text = with_history(&path, &history);
    assert_eq!(text.status.code(), Some(0));
    let text = String::from_utf8(text.stdout).unwrap();
    for target in ["99 %", "99.5 %", "99.9 %", "99.95 %", "99.99 %"] {
        assert!(
            text.lines().any(|l| l.starts_with(target)),
            "{target} in\n{text}"
        );
    }
    assert!(text.contains("current"), "{text}");
    assert!(text.contains("Rounding:"), "{text}");
}

#[test]
fn given_candidates_and_a_series_are_read() {
    let (_, path) = model_file();
    // Per hour through April 2025: 1,000 requests, 2 bad in the first hour.
    let mut series = String::from("timestamp,good,valid\n");
    for hour in 1..=(30 * 24) {
        let good = if hour == 1 { 998 } else { 1000 };
        series.push_str(&format!("{},{good},1000\n", 1_743_465_600 + hour * 3600));
    }
    let series = file("tradeoffs-series.csv", series.as_bytes());
    let printed = json(&[
        "tradeoffs",
        &path,
        "--slo",
        "API availability",
        "--series",
        &series,
        "--candidates",
        "99.9,99.9999",
        "--json",
    ]);
    assert_eq!(printed["basis"], "events");
    assert_eq!(printed["periods"], serde_json::json!(["April 2025"]));
    // 2 bad of 720,000: 99.9 allows 720, 99.9999 allows 0.
    assert_eq!(printed["rows"][0]["periodsMet"], 1);
    assert_eq!(printed["rows"][1]["periodsMet"], 0);
    assert_eq!(printed["rows"][1]["worst"], "April 2025: 99.9997 %");
}

#[test]
fn bad_rows_exit_1_and_unusable_input_exits_2() {
    let (_, path) = model_file();
    let bad_row = file(
        "tradeoffs-bad-row.csv",
        format!("{CSV}yesterday,1h,100,x\n").as_bytes(),
    );
    let out = with_history(&path, &bad_row);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("line 5: start: \"yesterday\" is not a time"),
        "{stderr}"
    );
    assert!(String::from_utf8(out.stdout).unwrap().contains("99.9 %"));

    let history = file("tradeoffs-ok.csv", CSV.as_bytes());
    let cases: [&[&str]; 4] = [
        &[
            "tradeoffs",
            &path,
            "--slo",
            "nothing",
            "--history",
            &history,
        ],
        &["tradeoffs", &path, "--slo", "API availability"],
        &[
            "tradeoffs",
            &path,
            "--slo",
            "API availability",
            "--history",
            "/no/such/file.csv",
        ],
        &[
            "tradeoffs",
            &path,
            "--slo",
            "API availability",
            "--history",
            &history,
            "--candidates",
            "100",
        ],
    ];
    for args in cases {
        let out = slo(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!String::from_utf8(out.stderr).unwrap().is_empty());
    }
    let no_columns = file("tradeoffs-no-columns.csv", b"when,what\n2025-01-01,x\n");
    let out = with_history(&path, &no_columns);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("no start column"));
}

/// `slo tradeoffs MODEL --slo "API availability" --history HISTORY`.
fn with_history(model: &str, history: &str) -> std::process::Output {
    slo(&[
        "tradeoffs",
        model,
        "--slo",
        "API availability",
        "--history",
        history,
    ])
}

/// [`model_file`] with `history` saved in the SLO weighed, written as `name`.
fn saved_model_file(name: &str, history: SloHistory) -> String {
    let (mut model, _) = model_file();
    SloAt::new(0, 0, 0, 0).get_mut(&mut model).unwrap().history = Some(history);
    file(name, export_json(&model).as_bytes())
}

#[test]
fn the_saved_history_is_used_when_no_file_is_given() {
    let history = SloHistory {
        incidents: CSV.into(),
        candidates: vec!["99.9".into(), "99.95".into()],
        ..Default::default()
    };
    let path = saved_model_file("tradeoffs-saved.json", history);
    let printed = json(&["tradeoffs", &path, "--slo", "API availability", "--json"]);
    let targets: Vec<&str> = printed["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["target"].as_str().unwrap())
        .collect();
    assert_eq!(targets, ["99.9", "99.95"]);
    assert_eq!(printed["incidents"].as_array().unwrap().len(), 3);
}

#[test]
fn the_range_query_for_the_series_is_printed_from_the_sli_queries() {
    let (_, path) = model_file();
    let out = slo(&[
        "tradeoffs",
        &path,
        "--slo",
        "API availability",
        "--query",
        "5m",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let query = String::from_utf8(out.stdout).unwrap();
    assert!(query.starts_with("label_replace(sum(increase(http_requests_total{job=\"game-api\",code=~\"5..\"}[5m])), \"series\", \"bad\""), "{query}");
    assert!(query.contains("\"series\", \"valid\""), "{query}");
    let chain = file(
        "tradeoffs-chain.json",
        export_json(&examples::seed_chain()).as_bytes(),
    );
    let out = slo(&[
        "tradeoffs",
        &chain,
        "--slo",
        "Order API availability",
        "--query",
        "1m",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("has no queries"));
}

#[test]
fn rows_left_out_of_the_saved_history_are_listed_too() {
    let history = SloHistory {
        incidents: format!("{CSV}yesterday,1h,100,x\n"),
        ..Default::default()
    };
    let path = saved_model_file("tradeoffs-saved-bad-row.json", history);
    let out = slo(&["tradeoffs", &path, "--slo", "API availability"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("the SLO's history: line 5: start: \"yesterday\" is not a time"),
        "{stderr}"
    );

    let history = SloHistory {
        incidents: "when,what\n2025-01-01,x\n".into(),
        ..Default::default()
    };
    let path = saved_model_file("tradeoffs-saved-unreadable.json", history);
    let out = slo(&["tradeoffs", &path, "--slo", "API availability"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("saved incidents cannot be read (no start column"));
}

#[test]
fn judge_by_compares_over_another_window_without_changing_the_model() {
    // Issue 27: "judge by" calendar months from the CLI as on the page.
    let history = SloHistory {
        incidents: CSV.into(),
        ..Default::default()
    };
    let path = saved_model_file("tradeoffs-judged.json", history);
    let own = json(&["tradeoffs", &path, "--slo", "API availability", "--json"]);
    let quarters = json(&[
        "tradeoffs",
        &path,
        "--slo",
        "API availability",
        "--judge-by",
        "quarter",
        "--json",
    ]);
    assert_eq!(quarters["window"], "quarter");
    assert_ne!(own["window"], "quarter");
    assert_ne!(own["periods"], quarters["periods"]);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(!saved.contains("quarter"), "the model file is not changed");
}
