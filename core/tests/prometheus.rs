//! The Prometheus rules: read back as YAML, their thresholds rescaled to
//! each SLO's period (SRE Workbook ch. 5), the same windows and burn rates
//! as sloth's `google` set, every SLO left out named with why, and no text
//! from the model able to change the file's structure. `promtool` itself
//! checks the files in `scripts/promtool-check.sh`.

use proptest::prelude::*;
use serde_json::Value;
use slo_core::examples;
use slo_core::export::prometheus::prometheus_rules;
use slo_core::export::promtool::promtool_tests;
use slo_core::model::alert_rule::{AlertRuleSpec, Notify, ThresholdSpec};
use slo_core::model::{Counts, Measurement, Model, SliQueries, WINDOW_PLACEHOLDER};
use slo_core::quantity::zone::UtcOnly;

fn yaml(model: &Model) -> Value {
    let text = prometheus_rules(model, &UtcOnly, Some("https://slo.example/model")).yaml();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn rules(file: &Value) -> Vec<&Value> {
    file["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["rules"].as_array().unwrap())
        .collect()
}

fn alert_exprs(file: &Value) -> Vec<(String, String)> {
    rules(file)
        .into_iter()
        .filter(|r| r.get("alert").is_some())
        .map(|r| {
            (
                r["alert"].as_str().unwrap().to_string(),
                r["expr"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn recorded_windows(file: &Value) -> Vec<String> {
    let mut windows: Vec<String> = rules(file)
        .into_iter()
        .filter_map(|r| {
            r.get("record")?
                .as_str()?
                .strip_prefix("slo:sli_error:ratio_rate")
                .map(String::from)
        })
        .collect();
    // The first SLO's.
    windows.truncate(
        windows
            .iter()
            .skip(1)
            .position(|w| *w == windows[0])
            .map_or(windows.len(), |p| p + 1),
    );
    windows
}

fn rule(name: &str, notify: Notify, percent: &str, long: &str, short: &str) -> AlertRuleSpec {
    AlertRuleSpec {
        name: name.into(),
        notify,
        threshold: ThresholdSpec::BudgetPercent {
            percent: percent.into(),
        },
        long_window: long.into(),
        short_window: short.into(),
        evaluation_interval: "1m".into(),
        alert_after: String::new(),
        snooze: String::new(),
    }
}

/// The Workbook example with only its availability SLO, over `window`.
fn availability(window: &str) -> Model {
    let mut model = examples::workbook_api();
    model.services[0].journeys[0].slis.truncate(1);
    model.services[0].journeys[0].slis[0].slos[0].window = window.into();
    model
}

#[test]
fn the_workbook_example_rescales_its_thresholds_to_28_days() {
    let file = yaml(&examples::workbook_api());
    let alerts = alert_exprs(&file);
    // Three SLOs, three rules each.
    assert_eq!(alerts.len(), 9);
    // 97 %: a 3 % budget. 2 % in 1 h of 28 days is a burn rate of 13.44, 0.4032 as an error ratio.
    let (name, expr) = &alerts[0];
    assert_eq!(name, "ErrorBudgetFastBurn");
    assert_eq!(
        expr,
        "slo:sli_error:ratio_rate1h{slo_id=\"game-api-97-of-requests-succeed\"} >= 0.4032\nand\nslo:sli_error:ratio_rate5m{slo_id=\"game-api-97-of-requests-succeed\"} >= 0.4032"
    );
    // 5 % in 6 h: 5.6; 10 % in 3 d: 0.9333...
    assert!(alerts[1].1.contains(">= 0.168\n"), "{}", alerts[1].1);
    assert!(alerts[2].1.starts_with("slo:sli_error:ratio_rate3d{"));
    assert!(alerts[2].1.contains(">= 0.028\n"), "{}", alerts[2].1);
    assert_eq!(recorded_windows(&file), ["5m", "30m", "1h", "6h", "3d"]);
    let first = rules(&file)[0];
    assert_eq!(
        first["expr"],
        "(sum(rate(http_requests_total{job=\"game-api\",code=~\"5..\"}[5m])))\n/\n(sum(rate(http_requests_total{job=\"game-api\",handler!=\"/healthz\"}[5m])))"
    );
    assert_eq!(first["labels"]["slo_service"], "Game API");
    // The latency SLIs count good events: 1 - good / valid.
    let latency = rules(&file)
        .into_iter()
        .find(|r| r["labels"]["slo_name"] == "90 % of requests < 400 ms")
        .unwrap();
    assert!(latency["expr"]
        .as_str()
        .unwrap()
        .starts_with("1 - (\n  (sum(rate(http_request_duration_seconds_bucket{"));
}

#[test]
fn sloths_google_windows_give_sloths_burn_rates_over_30_days() {
    let mut model = availability("30d");
    model.services[0].journeys[0].slis[0].slos[0].target = "99.9".into();
    model.alert_rules = vec![
        rule("page fast", Notify::Page, "2", "1h", "5m"),
        rule("page slow", Notify::Page, "5", "6h", "30m"),
        rule("ticket fast", Notify::Ticket, "10", "1d", "2h"),
        rule("ticket slow", Notify::Ticket, "10", "3d", "6h"),
    ];
    let file = yaml(&model);
    assert_eq!(
        recorded_windows(&file),
        ["5m", "30m", "1h", "2h", "6h", "1d", "3d"]
    );
    let thresholds: Vec<String> = alert_exprs(&file)
        .iter()
        .map(|(_, e)| e.rsplit(">= ").next().unwrap().to_string())
        .collect();
    // 14.4, 6, 3 and 1 times the 0.1 % budget.
    assert_eq!(thresholds, ["0.0144", "0.006", "0.003", "0.001"]);
    let severities: Vec<&str> = rules(&file)
        .iter()
        .filter_map(|r| r["labels"]["severity"].as_str())
        .collect();
    assert_eq!(severities, ["page", "page", "ticket", "ticket"]);
}

#[test]
fn a_calendar_month_rescales_to_its_shortest_month_and_alert_after_is_for() {
    let mut model = availability("month");
    model.alert_rules[0].alert_after = "2m".into();
    let file = yaml(&model);
    // 2 % of 28 days in 1 h, as for "28d".
    assert!(alert_exprs(&file)[0].1.ends_with(">= 0.4032"));
    let fast = rules(&file)
        .into_iter()
        .find(|r| r.get("alert").is_some())
        .unwrap();
    assert_eq!(fast["for"], "2m");
    assert!(fast["annotations"]["description"]
        .as_str()
        .unwrap()
        .contains("2 % of the month error budget"));
    assert_eq!(
        fast["annotations"]["slo_planner_url"],
        "https://slo.example/model"
    );
}

#[test]
fn slos_that_cannot_have_rules_are_listed_with_why() {
    let mut model = examples::workbook_api();
    let slis = &mut model.services[0].journeys[0].slis;
    slis[0].measurement = Measurement::TimeSliceBased;
    slis[0].time_slice = "1m".into();
    slis[1].queries.as_mut().unwrap().source = "Datadog".into();
    slis[2].queries.as_mut().unwrap().counter = false;
    let rules = prometheus_rules(&model, &UtcOnly, None);
    assert!(rules.slos.is_empty());
    let why: Vec<&str> = rules.skipped.iter().map(|s| s.why.as_str()).collect();
    assert!(why[0].starts_with("it is time-slice based"), "{why:?}");
    assert_eq!(why[1], "its SLI's queries are for Datadog, not Prometheus");
    assert!(why[2].contains("not a counter and does not write the window as {{.window}}"));
    assert_eq!(
        rules.skipped[2].path,
        "services[0].journeys[0].slis[2].slos[0]"
    );
    let text = rules.yaml();
    assert!(text.contains(
        "# Not exported:\n#   Game API / 97 % of requests succeed: it is time-slice based"
    ));
    assert!(text.contains("\n#   Game API / 90 % of requests < 400 ms: its SLI's queries are for Datadog, not Prometheus\n"));
    let file: Value = serde_saphyr::from_str(&text).unwrap();
    assert_eq!(file["groups"], Value::Array(vec![]));
    // A model without queries names that.
    let seed = prometheus_rules(&examples::seed_chain(), &UtcOnly, None);
    assert_eq!(
        seed.skipped[0].why,
        "its SLI has no queries (the Model page, the SLI's queries)"
    );
}

#[test]
fn a_query_that_is_not_a_counter_gets_its_window_written_in() {
    let mut model = availability("28d");
    model.services[0].journeys[0].slis[0].queries = Some(SliQueries {
        counter: false,
        counts: Counts::Bad,
        counted: format!("sum(increase(errors_total[{WINDOW_PLACEHOLDER}]))"),
        total: format!("sum(increase(requests_total[{WINDOW_PLACEHOLDER}]))"),
        ..SliQueries::default()
    });
    let file = yaml(&model);
    assert_eq!(
        rules(&file)[0]["expr"],
        "(sum(increase(errors_total[5m])))\n/\n(sum(increase(requests_total[5m])))"
    );
}

#[test]
fn promtool_tests_cover_an_outage_and_a_slow_burn_per_slo() {
    let tests = promtool_tests(&examples::workbook_api(), &UtcOnly, "twin.yml");
    let file: Value = serde_saphyr::from_str(&tests.tests_yaml).unwrap();
    let cases = file["tests"].as_array().unwrap();
    assert_eq!(cases.len(), 6);
    assert_eq!(
        cases[0]["name"],
        "Game API / 97 % of requests succeed: a full outage (100 % errors)"
    );
    // Fast burn on a full outage at 97 %: burn rate 13.44 x 3 % x 1 h = 1451.52 s,
    // so the 25th evaluation (minute) after the start fires; the 24th must not, the 26th must.
    let fast: Vec<&Value> = cases[0]["alert_rule_test"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["alertname"] == "ErrorBudgetFastBurn")
        .collect();
    let history = 4321 * 60;
    assert_eq!(fast[0]["eval_time"], format!("{}s", history + 24 * 60));
    assert_eq!(fast[0]["exp_alerts"], Value::Array(vec![]));
    assert_eq!(fast[1]["eval_time"], format!("{}s", history + 26 * 60));
    assert_eq!(
        fast[1]["exp_alerts"][0]["exp_labels"]["slo_id"],
        "game-api-97-of-requests-succeed"
    );
    // The twin counts synthetic series; the real rules are untouched.
    assert!(
        tests
            .rules_yaml
            .contains("slo_test_bad_total{sli=\\\"services[0].journeys[0].slis[0]\\\"}")
            || tests
                .rules_yaml
                .contains("slo_test_bad_total{sli=\"services[0].journeys[0].slis[0]\"}")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any service name, rule name and query reads back exactly as typed:
    /// no text can add a key, a rule or a group.
    #[test]
    fn no_text_changes_the_files_structure(service in "\\PC{0,20}|.*[\\n\\r'\"#:{}\\[\\]|>-].*", rule_name in "\\PC{0,12}", query in "\\PC{0,30}") {
        let mut model = availability("28d");
        model.services[0].name = service.clone();
        model.alert_rules[0].name = rule_name.clone();
        model.services[0].journeys[0].slis[0].queries.as_mut().unwrap().counted = format!("x{query}");
        let text = prometheus_rules(&model, &UtcOnly, None).yaml();
        let file: Value = serde_saphyr::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let groups = file["groups"].as_array().unwrap();
        prop_assert_eq!(groups.len(), 1);
        prop_assert_eq!(rules(&file).len(), 10);
        let first = rules(&file)[0];
        prop_assert_eq!(first["labels"]["slo_service"].as_str(), Some(service.as_str()));
        let written = format!("x{}", query.trim_end());
        prop_assert!(first["expr"].as_str().unwrap().contains(&written));
        let fast = rules(&file).into_iter().find(|r| r.get("alert").is_some()).unwrap();
        prop_assert_eq!(fast["labels"]["slo_rule"].as_str(), Some(rule_name.as_str()));
    }
}

#[test]
fn the_rules_file_is_stable_under_edits_elsewhere_and_names_its_slo() {
    // Issue 27: the annotations carry the team and the SLO by name and a
    // link the team sets, never the model itself, so an edit elsewhere in
    // the model (the policy, the document, another SLO's rationale) leaves
    // the committed file as it is.
    let model = examples::workbook_api();
    let link = Some("https://slo.example/workshop/");
    let before = prometheus_rules(&model, &UtcOnly, link).yaml();
    let mut edited = model.clone();
    edited.policy.purpose.push_str(" Edited.");
    edited.document.rationale.push_str(" Edited.");
    edited.services[0].journeys[0].slis[0].slos[0].rationale = "changed".into();
    assert_eq!(prometheus_rules(&edited, &UtcOnly, link).yaml(), before);
    let file = yaml(&model);
    let fast = rules(&file)
        .into_iter()
        .find(|r| r.get("alert").is_some())
        .unwrap();
    let named = fast["annotations"]["slo_planner_slo"].as_str().unwrap();
    assert!(
        named.starts_with(&format!("{} / ", model.team.name)),
        "{named}"
    );
}

#[test]
fn a_file_with_no_rules_says_why_at_its_top() {
    let seed = examples::seed_chain();
    let text = prometheus_rules(&seed, &UtcOnly, None).yaml();
    assert!(
        text.contains("# No rules: no SLO below could be written."),
        "{text}"
    );
    assert!(text.contains("Prometheus queries"), "{text}");
    assert!(text.trim_end().ends_with("groups: []"), "{text}");
}
