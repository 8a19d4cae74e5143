//! Burn simulation against the ESF ch. 11 figures (reference section 5) and the
//! SRE Workbook ch. 5 figures (section 4): depletion speed, budget debt, MTTR,
//! time to exhaustion, alert firings with snooze and reset, and properties.

use proptest::prelude::*;
use slo_core::alerting::detection_time;
use slo_core::burn::alerts::run_alerts;
use slo_core::burn::simulate::{simulate, Simulation};
use slo_core::burn::spend::depletion;
use slo_core::model::alert_rule::Notify;
use slo_core::model::scenario::{EventKind, Scenario, ScenarioEvent, TrafficProfile};
use slo_core::read::alert_rule::AlertRule;
use slo_core::read::scenario::Plan;
use slo_core::read::slo::SloNumbers;
use slo_core::read::traffic::PlannedTraffic;
use slo_core::ExactDuration;

const DAY: u64 = 86_400;

fn spec(target: &str, days: u64) -> SloNumbers {
    SloNumbers {
        target: target.parse().unwrap(),
        period_seconds: days * DAY,
        time_slice: None,
    }
}

fn event(kind: EventKind, start: &str, duration: &str) -> ScenarioEvent {
    ScenarioEvent {
        name: String::new(),
        kind,
        start: start.into(),
        duration: duration.into(),
        cause: String::new(),
    }
}

fn outage(start: &str, duration: &str) -> ScenarioEvent {
    incident(start, duration, "100")
}

fn incident(start: &str, duration: &str, error_percent: &str) -> ScenarioEvent {
    event(
        EventKind::Incident {
            error_percent: error_percent.into(),
        },
        start,
        duration,
    )
}

fn scenario(background: &str, events: Vec<ScenarioEvent>) -> Scenario {
    Scenario {
        name: "s".into(),
        traffic: TrafficProfile::Constant {
            requests_per_minute: "1000".into(),
        },
        background_error_percent: background.into(),
        events,
        risk: None,
    }
}

fn run(spec: &SloNumbers, scenario: &Scenario, shortest_window: Option<u64>) -> Simulation {
    let plan = scenario.plan(spec.period_seconds).unwrap();
    simulate(&plan, spec, shortest_window).unwrap()
}

fn one_decimal(x: f64) -> String {
    format!("{x:.1}")
}

#[test]
fn esf_depletion_speeds() {
    let d = depletion(&[(70.0, 52.0), (50.0, 26.0), (25.0, 70.0)]);
    let speeds: Vec<String> = d.speeds.iter().map(|s| one_decimal(*s)).collect();
    assert_eq!(speeds, ["1.3", "1.9", "0.4"]);
    assert_eq!(one_decimal(d.average.unwrap()), "1.2");
    assert_eq!(one_decimal(d.highest.unwrap()), "1.9");
    let fast = depletion(&[(80.0, 2.0), (80.0, 336.0)]);
    assert_eq!(fast.speeds[0], 40.0);
    assert_eq!(format!("{:.3}", fast.speeds[1]), "0.238");
    assert_eq!(one_decimal(fast.speeds[1]), "0.2");
    assert_eq!(depletion(&[]).average, None);
}

#[test]
fn esf_depletion_speeds_from_a_simulated_period() {
    // 99.9 % over 30 d at 1,000 requests a minute: the budget is 43,200 requests.
    // Error ratios chosen so the incidents spend 70 % in 52 h, 50 % in 26 h, 25 % in 70 h.
    let s = scenario(
        "",
        vec![
            incident("1d", "52h", "0.969230769230769"),
            incident("5d", "26h", "1.384615384615385"),
            incident("10d", "70h", "0.257142857142857"),
        ],
    );
    let sim = run(&spec("99.9", 30), &s, None);
    let spent: Vec<String> = sim
        .events
        .iter()
        .map(|e| format!("{:.3}", e.spent_percent))
        .collect();
    assert_eq!(spent, ["70.000", "50.000", "25.000"]);
    let d = sim.depletion();
    let speeds: Vec<String> = d.speeds.iter().map(|s| one_decimal(*s)).collect();
    assert_eq!(speeds, ["1.3", "1.9", "0.4"]);
    assert_eq!(one_decimal(d.average.unwrap()), "1.2");
    assert_eq!(one_decimal(d.highest.unwrap()), "1.9");
    // 145 % spent: the period ends in debt.
    assert_eq!(format!("{:.3}", sim.budget_left_percent()), "-45.000");
    // 80 % in 2 h is 40 %/h: 28.8 % errors for 2 h spend 34,560 of 43,200.
    let fast = run(
        &spec("99.9", 30),
        &scenario("", vec![incident("2d", "2h", "28.8")]),
        None,
    );
    assert!((fast.events[0].spent_percent - 80.0).abs() < 1e-9);
    assert!((fast.events[0].depletion_per_hour - 40.0).abs() < 1e-9);
}

#[test]
fn budget_debt_has_no_floor() {
    // Half the budget (21m 36s of full outage), then an outage that uses all of it.
    let s = scenario("", vec![outage("2d", "21m 36s"), outage("9d", "43m 12s")]);
    let sim = run(&spec("99.9", 30), &s, None);
    assert!((sim.events[0].budget_left_after_percent - 50.0).abs() < 1e-9);
    assert!(
        (sim.budget_left_percent() + 50.0).abs() < 1e-9,
        "{}",
        sim.budget_left_percent()
    );
    assert_eq!(sim.exhausted_at().map(|t| t > 9 * DAY), Some(true));
    // A -25 % incident, then a -150 % incident: ends at -75 %.
    let s = scenario("", vec![outage("1d", "10m 48s"), outage("3d", "1h 4m 48s")]);
    let sim = run(&spec("99.9", 30), &s, None);
    assert!(
        (sim.budget_left_percent() + 75.0).abs() < 1e-9,
        "{}",
        sim.budget_left_percent()
    );
}

#[test]
fn mttr_and_downtime() {
    let six: Vec<ScenarioEvent> = (0..6)
        .map(|d| outage(&format!("{}d", d * 3 + 1), "30m"))
        .collect();
    let sim = run(&spec("99.9", 30), &scenario("", six), None);
    assert_eq!(sim.mttr_seconds(), Some(1800.0));
    assert_eq!(sim.downtime_seconds(), 180 * 60);
    let one = run(
        &spec("99.9", 30),
        &scenario("", vec![outage("4d", "120m")]),
        None,
    );
    assert_eq!(one.mttr_seconds(), Some(7200.0));
    assert_eq!(one.downtime_seconds(), 120 * 60);
    // Overlaps count once; planned downtime is downtime but not an incident.
    let s = scenario(
        "",
        vec![
            outage("1d", "1h"),
            outage("1d 30m", "1h"),
            event(EventKind::PlannedDowntime, "5d", "20m"),
        ],
    );
    let sim = run(&spec("99.9", 30), &s, None);
    assert_eq!(sim.downtime_seconds(), 110 * 60);
    assert_eq!(sim.mttr_seconds(), Some(3600.0));
    assert_eq!(sim.depletion().speeds.len(), 2);
}

#[test]
fn time_to_exhaustion_at_workbook_burn_rates() {
    // SLO 99.9 % over 30 d: burn rate 2 (0.2 % errors) lasts 15 days, 10 (1 %) 3 days,
    // 1000 (100 %) 43m 12s; at one-minute steps the step that crosses it is reported.
    let spec = spec("99.9", 30);
    let at = |background: &str| run(&spec, &scenario(background, vec![]), None).exhausted_at();
    assert_eq!(at("0.2"), Some(15 * DAY));
    assert_eq!(at("1"), Some(3 * DAY));
    assert_eq!(at("100"), Some(44 * 60));
    // Burn rate 1 spends exactly the budget by the end.
    let sim = run(&spec, &scenario("0.1", vec![]), None);
    assert!(sim.budget_left_percent().abs() < 1e-9);
    assert!((sim.burn_rate(1000, 60) - 1.0).abs() < 1e-12);
}

#[test]
fn steps_follow_the_shortest_window_within_a_memory_cap() {
    use slo_core::burn::simulate::step_seconds;
    assert_eq!(step_seconds(&spec("99.9", 30), None), 60);
    assert_eq!(step_seconds(&spec("99.9", 30), Some(300)), 60);
    assert_eq!(step_seconds(&spec("99.9", 30), Some(120)), 10);
    assert_eq!(step_seconds(&spec("99.9", 1), Some(30)), 1);
    // 30 days at one second would be 2.6 million steps: 10 s instead.
    assert_eq!(step_seconds(&spec("99.9", 30), Some(30)), 10);
    // Ten years: five-minute steps.
    assert_eq!(step_seconds(&spec("99.9", 3650), None), 300);
    // A 90-second time slice: a divisor of it.
    assert_eq!(
        step_seconds(
            &SloNumbers {
                time_slice: Some(90),
                ..spec("99.9", 30)
            },
            None
        ),
        30
    );
}

#[test]
fn partial_traffic_and_daily_curves() {
    // A 1 % canary failing every request for an hour at 1,000 a minute: 600 of 43,200.
    let canary = EventKind::PartialTraffic {
        traffic_percent: "1".into(),
        error_percent: "100".into(),
    };
    let sim = run(
        &spec("99.9", 30),
        &scenario("", vec![event(canary, "3d", "1h")]),
        None,
    );
    assert!((sim.events[0].spent_percent - 600.0 / 432.0).abs() < 1e-9);
    // The daily curve's integral over a day is its mean times 1,440 minutes.
    let daily = PlannedTraffic::Daily {
        peak: 3000.0,
        trough: 300.0,
        peak_hour: 14.0,
    };
    assert!((daily.requests_between(0.0, DAY as f64) - 1650.0 * 1440.0).abs() < 1e-6);
    assert!((daily.per_minute(14.0 * 3600.0) - 3000.0).abs() < 1e-9);
    assert!((daily.per_minute(2.0 * 3600.0) - 300.0).abs() < 1e-9);
    // An outage at the peak spends more than the same outage at the trough.
    let profile = TrafficProfile::Daily {
        peak_per_minute: "3000".into(),
        trough_per_minute: "300".into(),
        peak_hour: "14".into(),
    };
    let at = |start: &str| {
        let s = Scenario {
            traffic: profile.clone(),
            ..scenario("", vec![outage(start, "1h")])
        };
        run(&spec("99.9", 30), &s, None).events[0].spent_percent
    };
    assert!(at("3d 13h 30m") > 5.0 * at("3d 1h 30m"));
}

#[test]
fn time_slice_budgets_are_whole_slices() {
    // 99.9 % of 1-minute slices over 30 d: 43 whole slices; a 30-minute outage spends 30.
    let spec = SloNumbers {
        time_slice: Some(60),
        ..spec("99.9", 30)
    };
    let sim = run(&spec, &scenario("", vec![outage("2d", "30m")]), None);
    assert_eq!(sim.budget, 43.0);
    assert!((sim.events[0].spent_percent - 3000.0 / 43.0).abs() < 1e-9);
    // Errors below 1 - SLO leave every slice good.
    let sim = run(&spec, &scenario("0.05", vec![]), None);
    assert_eq!(sim.budget_left_percent(), 100.0);
}

fn minutes(n: u64) -> ExactDuration {
    ExactDuration::from_whole_seconds(n * 60)
}

/// 99.9 % over 30 days, a one-hour full outage from day 10, in 5-minute steps.
fn one_hour_outage_on_day_10() -> Simulation {
    run(
        &spec("99.9", 30),
        &scenario("", vec![outage("10d", "1h")]),
        Some(300),
    )
}

#[test]
fn workbook_rules_fire_on_a_full_outage_and_reset_after_it() {
    let rules = AlertRule::workbook_defaults();
    let sim = one_hour_outage_on_day_10();
    let alerts = run_alerts(&sim, &rules);
    let start = 10 * DAY;
    let fired: Vec<(usize, u64)> = alerts
        .firings
        .iter()
        .map(|f| (f.rule, f.at - start))
        .collect();
    // Detection 51.84 s, 129.6 s and 259.2 s, at the next one-minute evaluation.
    assert_eq!(fired, [(0, 60), (1, 180), (2, 300)]);
    // The fast-burn page resets once its 5-minute window drops below 14.4.
    let fast = &alerts.firings[0];
    assert_eq!(fast.reset_at, Some(start + 3600 + 300));
    assert!((fast.spent_percent - 100.0 / 43.2).abs() < 1e-9);
    assert!(alerts.unalerted.is_empty());
}

#[test]
fn an_alert_after_time_delays_firing_by_that_long_in_the_run_and_the_table() {
    let mut rules = AlertRule::workbook_defaults();
    rules[0].alert_after = minutes(2);
    let target: slo_core::Target = "99.9".parse().unwrap();
    // The table: 51.84 s to reach the threshold, then 2 minutes held.
    let shown = detection_time(&rules[0], &target, 30 * DAY, 1.into()).unwrap();
    assert_eq!(shown.to_string(), "2m 51.84s");
    let sim = one_hour_outage_on_day_10();
    let alerts = run_alerts(&sim, &rules);
    let start = 10 * DAY;
    // It holds from the 1-minute evaluation and fires once it has held 2 minutes.
    assert_eq!(alerts.firings[0].rule, 0);
    assert_eq!(alerts.firings[0].at - start, 180);
    // A condition that stops holding before the time has passed never fires.
    rules[0].alert_after = minutes(120);
    let alerts = run_alerts(&sim, &rules[..1]);
    assert!(alerts.firings.is_empty(), "{:?}", alerts.firings);
}

#[test]
fn esf_single_window_rule_snoozes_for_two_hours() {
    // SLO 99.7 %: fire when more than 0.6 % failed in the last 60 minutes,
    // evaluated every 5 minutes, snoozed for 120 minutes (ESF Table 9.10).
    let rule = AlertRule::single_window(
        "esf",
        Notify::Page,
        2.into(),
        minutes(60),
        minutes(5),
        minutes(120),
    );
    assert_eq!(rule, AlertRule::esf_single_window("esf"));
    let sim = run(
        &spec("99.7", 30),
        &scenario("", vec![incident("1d", "5h", "1")]),
        Some(3600),
    );
    let alerts = run_alerts(&sim, &[rule]);
    let at: Vec<u64> = alerts.firings.iter().map(|f| (f.at - DAY) / 60).collect();
    // 0.6 % is reached after 36 minutes (next evaluation: 40), then every 120 minutes while it holds.
    assert_eq!(at, [40, 160, 280]);
    // After the end (300 min) the hour's average drops under 0.6 % at 324 minutes: reset at 325.
    assert!(alerts
        .firings
        .iter()
        .all(|f| f.reset_at == Some(DAY + 325 * 60)));
}

#[test]
fn small_incidents_can_spend_budget_without_any_alert() {
    let rules = AlertRule::workbook_defaults();
    let s = scenario("", vec![incident("3d", "30m", "0.5"), outage("9d", "1h")]);
    let sim = run(&spec("99.9", 30), &s, Some(300));
    let alerts = run_alerts(&sim, &rules);
    assert!(sim.events[0].spent_percent > 0.0);
    assert_eq!(alerts.unalerted, [0]);
}

fn constant_plan(background: f64, events: Vec<(u64, u64, f64)>) -> Plan {
    Plan {
        traffic: PlannedTraffic::Constant { per_minute: 500.0 },
        background,
        events: events
            .into_iter()
            .map(
                |(start, duration, error_ratio)| slo_core::read::scenario::PlannedEvent {
                    name: "e".into(),
                    kind: slo_core::read::scenario::PlannedKind::Incident,
                    start,
                    duration,
                    error_ratio,
                    cause: String::new(),
                },
            )
            .collect(),
        risk: None,
    }
}

fn events() -> impl Strategy<Value = Vec<(u64, u64, f64)>> {
    prop::collection::vec((0..28 * DAY, 1..3 * DAY, 0.0..=1.0f64), 0..5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn more_errors_never_leave_more_budget(
        background in 0.0..0.01f64,
        events in events(),
        extra in (0..28 * DAY, 1..DAY, 0.0..=1.0f64),
        boost in 0.0..=1.0f64,
    ) {
        let spec = spec("99.9", 28);
        let base = simulate(&constant_plan(background, events.clone()), &spec, None).unwrap();
        let mut more = events.clone();
        more.push(extra);
        let added = simulate(&constant_plan(background, more), &spec, None).unwrap();
        prop_assert!(added.budget_left_percent() <= base.budget_left_percent() + 1e-9);
        let worse: Vec<_> = events.iter().map(|(s, d, e)| (*s, *d, e + (1.0 - e) * boost)).collect();
        let worse = simulate(&constant_plan(background, worse), &spec, None).unwrap();
        prop_assert!(worse.budget_left_percent() <= base.budget_left_percent() + 1e-9);
        let louder = simulate(&constant_plan((background * 2.0).min(1.0), events), &spec, None).unwrap();
        prop_assert!(louder.budget_left_percent() <= base.budget_left_percent() + 1e-9);
    }

    #[test]
    fn no_bad_events_leave_the_whole_budget(
        events in prop::collection::vec((0..28 * DAY, 1..3 * DAY), 0..4),
        per_minute in 1u64..100_000,
    ) {
        let mut plan = constant_plan(0.0, events.into_iter().map(|(s, d)| (s, d, 0.0)).collect());
        plan.traffic = PlannedTraffic::Constant { per_minute: per_minute as f64 };
        let sim = simulate(&plan, &spec("99.95", 28), Some(300)).unwrap();
        prop_assert_eq!(sim.budget_left_percent(), 100.0);
        prop_assert_eq!(sim.exhausted_at(), None);
        prop_assert!(run_alerts(&sim, &AlertRule::workbook_defaults()).firings.is_empty());
    }

    #[test]
    fn any_scenario_text_plans_or_names_its_problems(
        rpm in ".{0,6}", background in ".{0,6}", start in ".{0,6}", duration in ".{0,6}", error in ".{0,6}",
    ) {
        let s = Scenario {
            name: "x".into(),
            traffic: TrafficProfile::Constant { requests_per_minute: rpm },
            background_error_percent: background,
            events: vec![incident(&start, &duration, &error)],
            risk: None,
        };
        match s.plan(28 * DAY) {
            Ok(plan) => { let _ = simulate(&plan, &spec("99.9", 28), Some(60)); }
            Err(problems) => prop_assert!(problems.iter().all(|p| !p.path.is_empty() && !p.message.is_empty())),
        }
    }
}

#[test]
fn a_zoomed_series_is_the_whole_one_over_its_steps() {
    // The charts' zoom to one event reads the same simulation, finer.
    let burn = slo_core::burn::run(
        &slo_core::examples::workbook_api(),
        slo_core::model::location::ScenarioAt::default(),
        &slo_core::quantity::zone::UtcOnly,
    )
    .unwrap();
    let sim = &burn.simulation;
    let all = 0..sim.steps();
    assert_eq!(
        sim.remaining_series_in(all.clone(), 600),
        sim.remaining_series(600)
    );
    assert_eq!(
        sim.burn_series_in(3600, all, 600),
        sim.burn_series(3600, 600)
    );
    // An hour around the first event: every step of it, and within it.
    let event = &sim.plan.events[0];
    let steps = sim.steps_between(event.start, event.end() + 3600);
    let zoomed = sim.remaining_series_in(steps.clone(), 10_000);
    assert!(zoomed.len() >= steps.len());
    let first = zoomed.first().unwrap().0 * 3600.0;
    let last = zoomed.last().unwrap().0 * 3600.0;
    assert!(
        first <= event.start as f64 && last >= event.end() as f64,
        "{first} {last}"
    );
    // Out of the period, still at least one step, never a panic.
    assert_eq!(sim.steps_between(u64::MAX - 1, u64::MAX).len(), 1);
}
