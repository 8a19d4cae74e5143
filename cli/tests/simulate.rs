//! `slo simulate` on the shipped example: text, JSON, charts and bad input.

mod common;
use common::slo;

use std::path::PathBuf;
use std::process::Output;

fn example() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/workbook-api.json")
        .to_string_lossy()
        .into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn simulates_the_example_in_text() {
    let out = slo(&["simulate", &example()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.contains("Last spring's database outage"), "{text}");
    assert!(
        text.contains("Database outage (incident) day 19 14:00 for 6h"),
        "{text}"
    );
    assert!(
        text.contains("alert fast burn (page) fired day 19 14:"),
        "{text}"
    );
    assert!(text.contains("policy: big-incident on day 19"), "{text}");
    assert!(
        text.contains("Bad canary") && text.contains("no alert"),
        "{text}"
    );
    assert!(
        text.contains("risk over 10000 periods: meets the SLO in"),
        "{text}"
    );
}

#[test]
fn simulates_one_scenario_as_json_and_writes_charts() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("charts");
    let _ = std::fs::remove_dir_all(&dir);
    let out = slo(&[
        "simulate",
        &example(),
        "--scenario",
        "last spring's database outage",
        "--json",
        "--charts",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let report = &json["scenarios"][0];
    assert_eq!(report["period"], "28d");
    assert_eq!(report["events"][2]["start"], "day 19 14:00");
    assert_eq!(report["events"][2]["priority"]["priority"], "P1");
    assert_eq!(report["triggered"][0]["condition"], "big-incident");
    assert_eq!(report["alert_table"][0]["burn_rate"], "13.44");
    assert!(
        report["risk"]["mttr_halved"]["meet_probability"]
            .as_f64()
            .unwrap()
            > 0.9
    );
    for chart in ["budget", "burn-rate", "risk"] {
        let svg = std::fs::read_to_string(dir.join(format!("scenario-1-{chart}.svg"))).unwrap();
        assert!(svg.starts_with("<svg"), "{chart}");
    }
}

#[test]
fn bad_input_exits_with_one_line() {
    let out = slo(&["simulate", &example(), "--scenario", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no scenario named \"nope\"") && err.contains("Last spring's database outage"),
        "{err}"
    );
    let out = slo(&["simulate", "/no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    // A scenario that cannot run: its problems with paths, exit 1.
    let text = std::fs::read_to_string(example())
        .unwrap()
        .replace("\"18d 14h\"", "\"40d\"");
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("late.json");
    std::fs::write(&path, text).unwrap();
    let out = slo(&["simulate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("scenarios[0].events[2].start: \"40d\" is after the period ends (28d)"),
        "{err}"
    );
}
