//! Burn scenarios must stay interactive in the browser (issue 5): one scenario
//! over a 90-day period at one-minute steps with four alert rules (under one
//! 16 ms frame), and 10,000 Monte Carlo periods (under 250 ms).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use slo_core::burn::alerts::run_alerts;
use slo_core::burn::risk::monte_carlo;
use slo_core::burn::simulate::simulate;
use slo_core::read::alert_rule::AlertRule;
use slo_core::read::scenario::{Plan, PlannedEvent, PlannedKind, RiskPlan};
use slo_core::read::slo::SloNumbers;
use slo_core::read::traffic::PlannedTraffic;

const DAY: u64 = 86_400;

fn spec() -> SloNumbers {
    SloNumbers {
        target: "99.9".parse().unwrap(),
        period_seconds: 90 * DAY,
        time_slice: None,
    }
}

fn plan() -> Plan {
    let event = |day: u64, hours: u64, error_ratio: f64| PlannedEvent {
        name: format!("day {day}"),
        kind: PlannedKind::Incident,
        start: day * DAY + 14 * 3600,
        duration: hours * 3600,
        error_ratio,
        cause: String::new(),
    };
    Plan {
        traffic: PlannedTraffic::Daily {
            peak: 3000.0,
            trough: 300.0,
            peak_hour: 20.0,
        },
        background: 0.0002,
        events: vec![
            event(5, 1, 1.0),
            event(20, 6, 0.05),
            event(44, 2, 0.3),
            event(70, 24, 0.004),
        ],
        risk: None,
    }
}

fn rules() -> Vec<AlertRule> {
    let mut rules = AlertRule::workbook_defaults();
    rules.push(AlertRule::esf_single_window("esf"));
    rules
}

fn scenario(c: &mut Criterion) {
    let (plan, spec, rules) = (plan(), spec(), rules());
    c.bench_function("90-day scenario, 1-minute steps, 4 rules", |b| {
        b.iter(|| {
            let sim = simulate(black_box(&plan), &spec, Some(300)).unwrap();
            assert_eq!(sim.step, 60);
            run_alerts(&sim, &rules)
        })
    });
}

fn risk(c: &mut Criterion) {
    let risk = RiskPlan {
        incidents_per_period: 3.0,
        median_seconds: 1800.0,
        p90_seconds: 4.0 * 3600.0,
        severities: vec![(0.2, 1.0), (0.5, 0.3), (0.3, 0.05)],
        periods: 10_000,
        seed: 42,
    };
    let (plan, spec) = (
        plan(),
        SloNumbers {
            period_seconds: 30 * DAY,
            ..spec()
        },
    );
    c.bench_function("Monte Carlo, 10,000 periods (and the two what-ifs)", |b| {
        b.iter(|| monte_carlo(black_box(&risk), &plan, &spec))
    });
}

criterion_group!(benches, scenario, risk);
criterion_main!(benches);
