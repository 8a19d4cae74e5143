//! Nothing a workshop types can break the core: the crashes found by hand
//! (issue 9) as regression tests, and properties that put extreme values
//! (up to 30 digits, zero, negative, every unit) into every numeric text field
//! of a rich model and run every engine on it: validation, import, the
//! dependency analysis, the diagram, the reports, the burn run (alert table,
//! firings, policy, Monte Carlo) and the export round trip. Each must return,
//! never panic.

use proptest::prelude::*;
use slo_core::alerting::alert_table;
use slo_core::burn::simulate::simulate;
use slo_core::dependency::analyze;
use slo_core::harness::{numeric_fields, rich_model, run_everything, with_numeric_values};
use slo_core::model::alert_rule::Notify;
use slo_core::model::alert_rule::{AlertRuleSpec, ThresholdSpec};
use slo_core::model::{Coupling, Model};
use slo_core::problem::{Problem, Severity};
use slo_core::quantity::zone::UtcOnly;
use slo_core::read::alert_rule::{AlertRule, Threshold};
use slo_core::read::scenario::{Plan, RiskPlan};
use slo_core::read::slo::SloNumbers;
use slo_core::read::traffic::PlannedTraffic;
use slo_core::validate::validate;
use slo_core::{ExactDuration, Target};

fn at(problems: &[Problem], path: &str) -> Vec<String> {
    problems
        .iter()
        .filter(|p| p.path == path && p.severity == Severity::Error)
        .map(|p| p.message.clone())
        .collect()
}

fn exercise(model: &Model) {
    run_everything(model, &UtcOnly);
}

fn redundant(model: &mut Model, failover: &str, failures: &str) {
    let dependency = &mut model.services[0].dependencies[0];
    dependency.coupling = Coupling::Redundant {
        replicas: "2".into(),
        required: "1".into(),
        failover: failover.into(),
        failures_per_year: failures.into(),
    };
}

#[test]
fn a_huge_failover_is_a_message_at_its_field() {
    for (failover, failures) in [
        ("99999999999999999999999d", "4"),
        ("1000000000000000000000w", "1000"),
    ] {
        let mut model = rich_model();
        redundant(&mut model, failover, failures);
        let problems = validate(&model, &UtcOnly);
        let messages = at(&problems, "services[0].dependencies[0].coupling.failover");
        assert_eq!(messages.len(), 1, "{problems:#?}");
        assert!(
            messages[0].contains("is too long: a failover can be at most 365d"),
            "{}",
            messages[0]
        );
        exercise(&model);
    }
    let mut model = rich_model();
    redundant(&mut model, "30s", "5000");
    let problems = validate(&model, &UtcOnly);
    assert_eq!(
        at(
            &problems,
            "services[0].dependencies[0].coupling.failuresPerYear"
        ),
        vec!["\"5000\" is too large: a number of failures per year can be at most 1,000"]
    );
    // The rest of the model keeps working: the other services still have composites.
    let analysis = analyze(&model);
    assert!(analysis.composites[0].is_none());
    assert!(analysis.composites[1..].iter().any(Option::is_some));
}

#[test]
fn a_redundancy_group_reports_every_bad_field_at_once() {
    let mut model = rich_model();
    redundant(&mut model, "99999999999999999999999d", "5000");
    if let Coupling::Redundant {
        replicas, required, ..
    } = &mut model.services[0].dependencies[0].coupling
    {
        *replicas = "0".into();
        *required = "x".into();
    }
    let problems = validate(&model, &UtcOnly);
    let coupling = "services[0].dependencies[0].coupling";
    for field in ["replicas", "required", "failover", "failuresPerYear"] {
        assert_eq!(
            at(&problems, &format!("{coupling}.{field}")).len(),
            1,
            "{field}: {problems:#?}"
        );
    }
    // k > n is said once both counts read.
    redundant(&mut model, "30s", "4");
    if let Coupling::Redundant {
        replicas, required, ..
    } = &mut model.services[0].dependencies[0].coupling
    {
        *replicas = "2".into();
        *required = "3".into();
    }
    let problems = validate(&model, &UtcOnly);
    assert_eq!(
        at(&problems, &format!("{coupling}.required")),
        vec!["3 of 2: more replicas must be up than there are"]
    );
}

#[test]
fn a_huge_alert_window_is_a_message_at_its_field() {
    let mut model = rich_model();
    model.alert_rules[2].long_window = "99999999999999999999999d".into();
    let problems = validate(&model, &UtcOnly);
    let messages = at(&problems, "alertRules[2].longWindow");
    assert_eq!(messages.len(), 1, "{problems:#?}");
    assert!(
        messages[0].contains("is too long: a long window can be at most 36500d"),
        "{}",
        messages[0]
    );
    exercise(&model);
}

#[test]
fn a_huge_burn_rate_and_a_zero_window_are_refused() {
    let spec = |burn: &str, window: &str| AlertRuleSpec {
        name: "r".into(),
        notify: Notify::Page,
        threshold: ThresholdSpec::BurnRate {
            burn_rate: burn.into(),
        },
        long_window: window.into(),
        short_window: String::new(),
        evaluation_interval: "1m".into(),
        alert_after: String::new(),
        snooze: String::new(),
    };
    let problems = spec("99999999999999999999999999", "1h").rule().unwrap_err();
    assert_eq!(problems[0].path, "threshold.burnRate");
    assert_eq!(
        problems[0].message,
        "\"99999999999999999999999999\" is too large: a burn rate can be at most 1,000,000"
    );
    let too_many_digits = "9".repeat(30);
    let problems = spec(&too_many_digits, "1h").rule().unwrap_err();
    assert!(
        problems[0].message.contains("is too large"),
        "{}",
        problems[0].message
    );
    let problems = spec("2", "0s").rule().unwrap_err();
    assert_eq!(problems[0].path, "longWindow");
    assert_eq!(
        problems[0].message,
        "A long window must be longer than zero"
    );
}

#[test]
fn public_fields_cannot_crash_the_engines() {
    let target: Target = "99.9".parse().unwrap();
    // A zero window built by hand: an error, not a division by zero.
    let rule = AlertRule {
        name: "zero".into(),
        notify: Notify::Page,
        threshold: Threshold::BudgetPercent(2.into()),
        long_window: ExactDuration::ZERO,
        short_window: None,
        evaluation_interval: ExactDuration::ZERO,
        alert_after: ExactDuration::ZERO,
        snooze: ExactDuration::ZERO,
    };
    assert!(alert_table(std::slice::from_ref(&rule), &target, 86_400, None).is_err());
    assert_eq!(rule.burn_rate(86_400), None);
    // The largest decimals a rule can hold: an error, not an overflow.
    let huge = AlertRule {
        threshold: Threshold::BurnRate(rust_decimal::Decimal::MAX),
        long_window: ExactDuration::from_seconds(rust_decimal::Decimal::MAX).unwrap(),
        ..rule
    };
    let _ = alert_table(&[huge], &target, u64::MAX, Some(u64::MAX));
    // A zero time slice, an empty period, a slice that needs a second-steps century.
    let plan = Plan {
        traffic: PlannedTraffic::Constant { per_minute: 100.0 },
        background: 0.0,
        events: Vec::new(),
        risk: None,
    };
    for (period_seconds, time_slice) in [(86_400, Some(0)), (0, None), (36_500 * 86_400, Some(7))] {
        let spec = SloNumbers {
            target,
            period_seconds,
            time_slice,
        };
        assert!(
            simulate(&plan, &spec, None).is_err(),
            "{period_seconds} {time_slice:?}"
        );
    }
    // A risk plan asking for billions of periods and incidents is bounded.
    let risk = RiskPlan {
        incidents_per_period: f64::INFINITY,
        median_seconds: 60.0,
        p90_seconds: 600.0,
        severities: vec![(1.0, 1.0)],
        periods: u32::MAX,
        seed: 1,
    };
    let spec = SloNumbers {
        target,
        period_seconds: 86_400,
        time_slice: Some(0),
    };
    let outcome = slo_core::burn::risk::monte_carlo(&risk, &plan, &spec);
    assert!(outcome.base.periods <= slo_core::read::scenario::MAX_PERIODS as u32);
}

#[test]
fn a_ten_thousand_character_value_is_not_echoed_whole() {
    let mut model = rich_model();
    let long = "9".repeat(10_000);
    model.services[0].journeys[0].slis[0].slos[0].target = long.clone();
    model.alert_rules[0].long_window = format!("{long}x");
    model.services[0].journeys[0].slis[0]
        .traffic
        .as_mut()
        .unwrap()
        .valid_events = long;
    for problem in validate(&model, &UtcOnly) {
        assert!(
            problem.message.chars().count() < 300,
            "{}: {}",
            problem.path,
            problem.message
        );
    }
}

#[test]
fn a_count_above_the_largest_says_too_large() {
    let mut model = rich_model();
    model.services[0].journeys[0].slis[0]
        .traffic
        .as_mut()
        .unwrap()
        .valid_events = "99999999999999999999999".into();
    let problems = validate(&model, &UtcOnly);
    assert_eq!(
        at(&problems, "services[0].journeys[0].slis[0].traffic.validEvents"),
        vec!["\"99999999999999999999999\" is too large: a number of valid events can be at most 1,000,000,000,000,000"]
    );
}

/// Extreme texts: up to 30 digits, with and without a fraction, zero,
/// negative, with every duration unit, exponents, empty.
fn extreme() -> impl Strategy<Value = String> {
    let units = prop::sample::select(vec!["w", "d", "h", "m", "s", "ms", "us", "ns", "%", ""]);
    prop_oneof![
        Just("0".to_string()),
        Just("-0".to_string()),
        Just(String::new()),
        Just("1e30".to_string()),
        Just("NaN".to_string()),
        Just(format!("0.{}1", "0".repeat(28))),
        ("-?[0-9]{1,30}", units.clone()).prop_map(|(n, u)| format!("{n}{u}")),
        ("-?[0-9]{1,30}\\.[0-9]{1,30}", units.clone()).prop_map(|(n, u)| format!("{n}{u}")),
        ("[0-9]{1,30}", units.clone(), "[0-9]{1,30}", units)
            .prop_map(|(a, u, b, v)| format!("{a}{u} {b}{v}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every numeric field at once gets an extreme value.
    #[test]
    fn extreme_values_in_every_numeric_field_never_panic(values in prop::collection::vec(extreme(), 64)) {
        let model = rich_model();
        let fields = numeric_fields(&model).len();
        prop_assert!(fields > 40, "{}", fields);
        let values: Vec<(usize, String)> = (0..fields).map(|i| (i, values[i % values.len()].clone())).collect();
        exercise(&with_numeric_values(&model, &values));
    }

    /// One numeric field at a time gets an extreme value, so the rest of the
    /// model is sound and the engines run deep with it.
    #[test]
    fn an_extreme_value_in_any_one_field_never_panics(pick in any::<usize>(), value in extreme()) {
        exercise(&with_numeric_values(&rich_model(), &[(pick, value)]));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The cells of pasted incidents and series get extreme values: each row
    /// is read or listed with its line, never a panic, and the trade-off
    /// table weighs whatever was read.
    #[test]
    fn extreme_values_in_history_cells_never_panic(cells in prop::collection::vec(extreme(), 6)) {
        use slo_core::record::incidents::read_incidents;
        use slo_core::record::series::read_series;
        let incidents = format!(
            "start,end,duration,affected\n2025-02-10 14:00,,{},{}\n{},,1h,100\n2025-03-10 14:00,{},,{}\n",
            cells[0], cells[1], cells[2], cells[3], cells[4]
        );
        let read = read_incidents(&incidents, &slo_core::Utc).unwrap();
        prop_assert_eq!(read.rows.len() + read.problems.len(), 3);
        let series = format!("timestamp,good,valid\n1744286460,{},{}\n{},1,1\n", cells[5], cells[0], cells[1]);
        let samples = read_series(&series, &slo_core::Utc).unwrap();
        prop_assert_eq!(samples.rows.len() + samples.problems.len(), 2);
        let mut model = rich_model();
        model.services[0].journeys[0].slis[0].slos[0].history.as_mut().unwrap().incidents = incidents;
        exercise(&model);
    }
}
