//! OpenSLO: the model written as OpenSLO v1 and read back keeps every
//! target, window, time zone, budgeting method, SLI and alert rule (both
//! examples, and a property test over generated models); files written by
//! hand from the v1 and v1alpha specifications read, with everything not
//! kept named by object and field; bad files are refused with why, never
//! a panic.

mod generate;

use generate::model;
use proptest::prelude::*;
use serde_json::Value;
use slo_core::burn::alert_rules;
use slo_core::examples;
use slo_core::export::openslo::read::{read_openslo, OpenSloError, OpenSloImport};
use slo_core::export::openslo::write::openslo_yaml;
use slo_core::model::alert_rule::{Notify, ThresholdSpec};
use slo_core::model::*;
use slo_core::quantity::zone::TzdbResolver;
use slo_core::Target;

/// What OpenSLO carries of a model: its services, without the dependencies,
/// burn scenarios and histories OpenSLO has no place for; targets as numbers; the
/// time zone as it applies (calendar windows only).
fn carried(model: &Model) -> Value {
    let mut model = model.clone();
    for service in &mut model.services {
        service.dependencies.clear();
        service.own_availability = None;
        for sli in service.journeys.iter_mut().flat_map(|j| j.slis.iter_mut()) {
            for slo in &mut sli.slos {
                slo.scenarios.clear();
                slo.history = None;
                slo.target = slo
                    .target
                    .parse::<Target>()
                    .map(|t| t.percent().normalize().to_string())
                    .unwrap_or_default();
                let calendar = slo
                    .window
                    .parse::<Window>()
                    .is_ok_and(|w| matches!(w, Window::Calendar(_)));
                slo.time_zone = if calendar {
                    slo.time_zone_name().to_string()
                } else {
                    String::new()
                };
            }
        }
    }
    serde_json::to_value(&model.services).unwrap()
}

use slo_core::Window;

fn round_trip(model: &Model) -> OpenSloImport {
    let yaml = openslo_yaml(model, &TzdbResolver).yaml;
    read_openslo(yaml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{yaml}"))
}

fn notes(read: &OpenSloImport) -> Vec<String> {
    read.notes.iter().map(|n| n.to_string()).collect()
}

fn fixture(name: &str) -> OpenSloImport {
    let path = format!("{}/tests/openslo/{name}", env!("CARGO_MANIFEST_DIR"));
    read_openslo(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn both_examples_come_back_whole_with_nothing_to_note() {
    for model in [examples::workbook_api(), examples::seed_chain()] {
        let read = round_trip(&model);
        assert_eq!(notes(&read), Vec::<String>::new());
        assert_eq!(carried(&read.model), carried(&model));
        assert_eq!(read.model.alert_rules, model.alert_rules);
    }
}

#[test]
fn an_slo_history_is_named_as_left_out_of_the_file() {
    let export = openslo_yaml(&examples::workbook_api(), &TzdbResolver);
    let skipped: Vec<_> = export
        .skipped
        .iter()
        .filter(|s| s.path.ends_with(".history"))
        .collect();
    assert_eq!(skipped.len(), 1, "{:?}", export.skipped);
    assert_eq!(
        skipped[0].path,
        "services[0].journeys[0].slis[0].slos[0].history"
    );
    assert!(
        skipped[0]
            .why
            .contains("11 lines of incidents, 4 candidate targets"),
        "{}",
        skipped[0].why
    );
    assert!(
        export.yaml.contains("it stays in slo-planner's JSON"),
        "{}",
        export.yaml
    );
    assert!(openslo_yaml(&examples::seed_chain(), &TzdbResolver)
        .skipped
        .iter()
        .all(|s| !s.path.ends_with(".history")));
}

#[test]
fn the_export_is_openslo_v1_with_exact_numbers() {
    let mut model = examples::seed_chain();
    model.services[0].journeys[0].slis[0].slos[0].target = "99.999999999999999".into();
    let yaml = openslo_yaml(&model, &TzdbResolver).yaml;
    let docs: Vec<Value> = serde_saphyr::from_multiple(&yaml).unwrap();
    let kinds: Vec<&str> = docs.iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds[..5],
        [
            "Service",
            "SLI",
            "SLO",
            "AlertNotificationTarget",
            "AlertNotificationTarget"
        ]
    );
    // A condition and its policy per alert rule.
    assert_eq!(kinds.len(), 5 + 2 * model.alert_rules.len());
    assert!(kinds[5..]
        .chunks(2)
        .all(|pair| pair == ["AlertCondition", "AlertPolicy"]));
    assert!(docs.iter().all(|d| d["apiVersion"] == "openslo/v1"));
    // The target is a plain number, all 17 digits of it.
    assert!(yaml.contains("\n  - displayName: 98.5 % of order requests succeed\n    target: 0.99999999999999999\n"), "{yaml}");
    let slo = &docs[2]["spec"];
    assert_eq!(slo["timeWindow"][0]["duration"], "1M");
    assert_eq!(slo["timeWindow"][0]["isRolling"], false);
    assert_eq!(slo["timeWindow"][0]["calendar"]["timeZone"], "UTC");
    assert_eq!(slo["budgetingMethod"], "Occurrences");
    // No queries: a placeholder metric source, clearly named.
    assert_eq!(
        docs[1]["spec"]["ratioMetric"]["good"]["metricSource"]["type"],
        "slo-planner-placeholder"
    );
    // The fast-burn condition over a calendar month: 2 % of 28 days in 1 h.
    let condition = &docs[5]["spec"];
    assert_eq!(condition["condition"]["threshold"], 13.44);
    assert_eq!(condition["condition"]["lookbackWindow"], "1h");
    assert_eq!(condition["condition"]["op"], "gte");
    assert_eq!(condition["severity"], "page");
    assert_eq!(
        docs[6]["spec"]["conditions"][0]["conditionRef"],
        docs[5]["metadata"]["name"]
    );
    // Every name is a DNS label.
    for doc in &docs {
        let name = doc["metadata"]["name"].as_str().unwrap();
        assert!(
            name.len() <= 63
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{name}"
        );
    }
}

#[test]
fn a_hand_written_rolling_occurrences_file_reads_with_its_alert() {
    let read = fixture("rolling-occurrences.yaml");
    let service = &read.model.services[0];
    assert_eq!(service.name, "Checkout");
    let sli = &service.journeys[0].slis[0];
    assert_eq!(sli.name, "Checkout availability");
    assert_eq!(sli.good_events, "Checkout requests answered without a 5xx");
    let q = sli.queries.as_ref().unwrap();
    assert_eq!(
        (q.source.as_str(), q.counter, q.counts),
        ("Prometheus", true, Counts::Good)
    );
    assert_eq!(q.total, "http_requests_total{job=\"checkout\"}");
    let slo = &sli.slos[0];
    assert_eq!(
        (slo.name.as_str(), slo.target.as_str(), slo.window.as_str()),
        ("99.9 % of checkouts succeed", "99.9", "28d")
    );
    assert_eq!(sli.measurement, Measurement::RequestBased);
    let rule = &read.model.alert_rules[0];
    assert_eq!(
        rule.threshold,
        ThresholdSpec::BurnRate {
            burn_rate: "14.4".into()
        }
    );
    assert_eq!(
        (
            rule.long_window.as_str(),
            rule.alert_after.as_str(),
            rule.notify
        ),
        ("1h", "5m", Notify::Page)
    );
    assert_eq!(notes(&read), [
        "AlertPolicy checkout-fast-burn spec.alertWhenNoData: not kept: slo-planner's rules alert on burn, not on missing data",
        "AlertPolicy checkout-fast-burn spec.notificationTargets[0]: notification targets are not kept (a rule pages or opens a ticket, by its condition's severity)",
        "AlertCondition fast-burn: OpenSLO does not say how often a condition is evaluated: read as every 1m, with no short window",
        "AlertNotificationTarget on-call: not kept: a rule pages or opens a ticket, by its condition's severity",
    ]);
}

#[test]
fn a_calendar_month_of_timeslices_with_two_objectives_becomes_two_slos() {
    let read = fixture("calendar-timeslices.yaml");
    let sli = &read.model.services[0].journeys[0].slis[0];
    assert_eq!(sli.measurement, Measurement::TimeSliceBased);
    assert_eq!(sli.time_slice, "5m");
    // The DataSource gives the inline indicator's source type.
    assert_eq!(sli.queries.as_ref().unwrap().source, "Prometheus");
    assert_eq!(sli.queries.as_ref().unwrap().counts, Counts::Bad);
    let slos: Vec<(&str, &str, &str, &str)> = sli
        .slos
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.target.as_str(),
                s.window.as_str(),
                s.time_zone.as_str(),
            )
        })
        .collect();
    assert_eq!(
        slos,
        [
            ("Internal", "99.5", "month", "America/New_York"),
            ("SLA", "99", "month", "America/New_York")
        ]
    );
    let rule = &read.model.alert_rules[0];
    assert_eq!(
        (rule.notify, rule.long_window.as_str()),
        (Notify::Ticket, "1d")
    );
    let said = notes(&read);
    for expected in [
        "SLO search-latency metadata.labels: labels are not kept",
        "DataSource prom spec.connectionDetails: connection details are not kept (only the source's type)",
        "SLO search-latency spec.service: no Service \"search\" in the file; one is added",
        "SLO search-latency spec.objectives[0].timeSliceTarget: 0.95 is not kept: a slice is good or bad as the SLI's words say",
        "SLO search-latency spec.objectives[1]: read as another SLO of the same SLI",
        "AlertCondition search-slow-burn spec.condition.op: lte: a burn-rate alert fires at or above its threshold; read as gte",
    ] {
        assert!(said.iter().any(|n| n == expected), "{expected}\nin {said:#?}");
    }
}

#[test]
fn every_window_kind_and_budgeting_method_reads() {
    let read = fixture("windows-and-methods.yaml");
    let slis = &read.model.services[0].journeys[0].slis;
    let windows: Vec<(&str, &str, &str)> = slis
        .iter()
        .flat_map(|s| &s.slos)
        .map(|s| (s.window.as_str(), s.target.as_str(), s.time_zone.as_str()))
        .collect();
    assert_eq!(
        windows,
        [
            ("week", "99.5", "Europe/Berlin"),
            ("quarter", "99", ""),
            ("year", "90", "Asia/Tokyo"),
            ("60d", "90", ""),
            ("30d", "90", ""),
            ("4w", "99.999999999999999", ""),
        ]
    );
    assert_eq!(slis[0].measurement, Measurement::TimeSliceBased);
    assert_eq!(slis[0].time_slice, "1h");
    assert_eq!(slis[1].measurement, Measurement::RequestBased);
    assert!(slis.iter().all(|s| s.queries.is_none()));
    let said = notes(&read);
    for expected in [
        "SLO weekly spec.budgetingMethod: RatioTimeslices read as Timeslices",
        "SLI batch-success spec.ratioMetric.raw: a precomputed ratio is not kept; the SLI is read without queries",
        "SLI queue-lag spec.thresholdMetric: a threshold metric is not kept; the SLI is read without queries",
        "SLO yearly spec.objectives[0].op: a threshold objective (op, value) is not kept",
        "SLO two-months spec.timeWindow[0]: read as a rolling window of 60d (slo-planner's calendar windows are one week, month, quarter or year)",
        "SLO rolling-month spec.timeWindow[0]: read as 30d: a rolling month, quarter or year is 30, 90 or 365 days",
    ] {
        assert!(said.iter().any(|n| n == expected), "{expected}\nin {said:#?}");
    }
}

#[test]
fn a_v1alpha_file_reads_its_windows_and_queries() {
    let read = fixture("v1alpha.yaml");
    let service = &read.model.services[0];
    assert_eq!(service.name, "My Rad Service");
    let sli = &service.journeys[0].slis[0];
    let q = sli.queries.as_ref().unwrap();
    assert!(q.is_prometheus());
    assert_eq!(
        q.counted,
        "sum(rate(http_requests_total{code!~\"5..\"}[5m]))"
    );
    let slo = &sli.slos[0];
    assert_eq!(
        (slo.name.as_str(), slo.target.as_str(), slo.window.as_str()),
        ("Good requests", "98", "28d")
    );
    assert_eq!(slo.rationale, "Requests that do not fail");
    assert_eq!(notes(&read), Vec::<String>::new());
}

#[test]
fn bad_files_are_refused_with_why() {
    assert_eq!(read_openslo(&[0xff, 0xfe]), Err(OpenSloError::NotText));
    assert_eq!(
        read_openslo(b"schemaVersion: 6\nteam: {}\n"),
        Err(OpenSloError::NoObjects)
    );
    assert_eq!(read_openslo(b""), Err(OpenSloError::NoObjects));
    let Err(OpenSloError::NotYaml(why)) = read_openslo(b"kind: SLO\nmetadata: [\n") else {
        panic!()
    };
    assert!(why.contains("line"), "{why}");
    let Err(OpenSloError::NotYaml(_)) =
        read_openslo(b"apiVersion: openslo/v1\nkind: SLO\nspec:\n  objectives: 3\n")
    else {
        panic!()
    };
    let big = vec![b'#'; 6 * 1024 * 1024];
    assert!(matches!(read_openslo(&big), Err(OpenSloError::TooLarge(_))));
    // Another apiVersion is named, not read.
    let read = read_openslo(b"apiVersion: openslo/v2alpha\nkind: SLO\nmetadata: {name: x}\n---\napiVersion: openslo/v1\nkind: Service\nmetadata: {name: s}\n").unwrap();
    assert_eq!(notes(&read), ["SLO x apiVersion: \"openslo/v2alpha\" is not OpenSLO v1 or v1alpha; the object is not read"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// model -> OpenSLO -> model keeps every target, window, time zone,
    /// budgeting method, SLI and alert rule.
    #[test]
    fn the_round_trip_keeps_what_openslo_carries(model in model()) {
        let read = round_trip(&model);
        prop_assert_eq!(notes(&read), Vec::<String>::new());
        prop_assert_eq!(carried(&read.model), carried(&model));
        prop_assert_eq!(alert_rules(&read.model), alert_rules(&model));
    }

    /// Any bytes: a model or a reason, never a panic.
    #[test]
    fn any_text_is_read_or_refused(text in "\\PC{0,200}") {
        let _ = read_openslo(text.as_bytes());
    }
}
