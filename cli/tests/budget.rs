//! `slo budget`: text, JSON, and exit status 2 with a one-line message on bad input.

mod common;
use common::slo;

use std::process::Command;

fn json(args: &[&str]) -> serde_json::Value {
    let out = slo(&[&["budget", "--json"], args].concat());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn prints_the_budget_for_people() {
    let out = slo(&["budget", "--target", "99.9", "--window", "30d"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Allowed downtime  43m 12s"), "{text}");
    assert!(
        text.contains("30 d = 720 h = 2,592,000 s; rolling"),
        "{text}"
    );
}

#[test]
fn json_has_the_named_fields_as_exact_strings() {
    let v = json(&[
        "--target",
        "99.9",
        "--window",
        "30d",
        "--events",
        "3000000",
        "--time-slice",
        "1m",
        "--downtime",
        "43m12s",
    ]);
    assert_eq!(v["target_percent"], "99.9");
    assert_eq!(v["error_budget_fraction"], "0.001");
    assert_eq!(v["window"]["spec"], "30d");
    assert_eq!(v["window"]["kind"], "rolling");
    assert_eq!(v["window"]["seconds"], 2_592_000);
    assert_eq!(v["allowed_downtime_seconds"], "2592");
    assert_eq!(v["allowed_downtime"], "43m 12s");
    assert_eq!(v["allowed_bad_events"], 3_000);
    assert_eq!(v["allowed_bad_time_slices"], 43);
    assert_eq!(v["implied_target_percent"], "99.9");
}

#[test]
fn calendar_windows_use_the_time_zone_database() {
    let v = json(&[
        "--target",
        "99.9",
        "--window",
        "month:2024-03",
        "--tz",
        "America/New_York",
    ]);
    assert_eq!(v["window"]["seconds"], 743 * 3_600);
    assert_eq!(v["window"]["kind"], "calendar");
    assert_eq!(v["allowed_downtime_seconds"], "2674.8");
    let v = json(&["--target", "99.9", "--window", "month:2024-02"]);
    assert_eq!(v["allowed_downtime"], "41m 45.6s");
    assert_eq!(v["allowed_downtime_seconds"], "2505.6");
    let v = json(&["--target", "99.9", "--window", "28d"]);
    assert_eq!(v["allowed_downtime_seconds"], "2419.2");
}

#[test]
fn every_month_is_a_range() {
    let v = json(&["--target", "99.9", "--window", "month"]);
    assert_eq!(v["allowed_downtime_seconds"]["min"], "2419.2");
    assert_eq!(v["allowed_downtime_seconds"]["max"], "2678.4");
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_value() {
    for (args, needle) in [
        (vec!["--target", "abc"], "\"abc\""),
        (vec!["--target", "100"], "100 % leaves no error budget"),
        (vec!["--target", "99.9.9"], "\"99.9.9\""),
        (vec!["--target", "-1"], "-1 %"),
        (vec!["--target", "101"], "101 %"),
        (vec!["--target", ""], "enter a target"),
        (vec!["--target", "99.9", "--window", "0d"], "\"0d\""),
        (
            vec![
                "--target",
                "99.9",
                "--window",
                "month:2024-02",
                "--tz",
                "Mars/Olympus",
            ],
            "\"Mars/Olympus\"",
        ),
        (vec!["--target", "99.9", "--events", "lots"], "\"lots\""),
        (vec!["--target", "99.9", "--timeslice", "0s"], "time slice"),
        (
            vec!["--target", "99.9", "--window", "1d", "--downtime", "2d"],
            "2d",
        ),
    ] {
        let out = slo(&[&["budget"], &args[..]].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn alerts_prints_the_workbook_table() {
    let out = slo(&[
        "alerts",
        "--target",
        "99.9",
        "--window",
        "30d",
        "--error-ratio",
        "1",
        "--json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rates: Vec<_> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["burn_rate"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rates, ["14.4", "6", "1"]);
    assert_eq!(v["rules"][0]["error_ratio_percent"], "1.44");
    assert_eq!(v["rules"][0]["detection_full_outage"], "51.84s");
    assert_eq!(v["max_burn_rate"], "1000");
    assert_eq!(
        v["detection_at_error_ratio"],
        serde_json::json!([null, "3h 36m", "7h 12m"])
    );
    let v: serde_json::Value = serde_json::from_slice(
        &slo(&["alerts", "--target", "99.9", "--window", "28d", "--json"]).stdout,
    )
    .unwrap();
    assert_eq!(v["rules"][0]["burn_rate"], "13.44");
    // Issue 27: no figure prints more digits than its rule (2 decimal places
    // for a burn rate, 4 for a percentage), in JSON and in text alike.
    assert_eq!(v["rules"][2]["burn_rate"], "0.93");
    assert_eq!(v["rules"][2]["error_ratio_percent"], "0.0933");
    let text =
        String::from_utf8(slo(&["alerts", "--target", "99.95", "--window", "28d"]).stdout).unwrap();
    assert!(
        text.contains(" 0.93 ") && text.contains(" 0.0467%"),
        "{text}"
    );
    assert!(!text.contains("0.93333"), "{text}");
    let text = String::from_utf8(
        slo(&[
            "alerts", "--target", "99.9", "--window", "30d", "--events", "10000",
        ])
        .stdout,
    )
    .unwrap();
    assert!(
        text.contains("warning: low traffic: one bad event spends 10 % of the budget"),
        "{text}"
    );
    for args in [
        vec!["--target", "100"],
        vec!["--target", "99.9", "--window", "0d"],
        vec!["--target", "99.9", "--error-ratio", "x"],
    ] {
        let out = slo(&[&["alerts"], &args[..]].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 1);
    }
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_slo"))
        .args(["alerts", "--target", "99.9", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once, like `| head -0`
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
}
