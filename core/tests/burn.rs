//! Scenarios of a model end to end: the policy timeline, priorities, the
//! Monte Carlo run, validation of scenarios and alert rules, and the example.

use slo_core::burn::priority::{prioritise, priority_by_budget_left, priority_by_velocity};
use slo_core::burn::risk::{monte_carlo, Z90};
use slo_core::burn::simulate::EventOutcome;
use slo_core::burn::{period_time, run, scenarios};
use slo_core::examples::{seed_chain, workbook_api};
use slo_core::model::location::{ScenarioAt, SloAt};
use slo_core::model::policy::{Clause, Condition, ConditionKind, SpendScope, Trigger};
use slo_core::model::scenario::{EventKind, ScenarioEvent};
use slo_core::model::{Model, Priority};
use slo_core::problem::Severity;
use slo_core::quantity::zone::UtcOnly;
use slo_core::read::scenario::{Plan, RiskPlan};
use slo_core::read::slo::SloNumbers;
use slo_core::read::traffic::PlannedTraffic;
use slo_core::validate::validate;

const AT: ScenarioAt = ScenarioAt(SloAt::new(0, 0, 0, 0), 0);

#[test]
fn the_example_scenario_runs_and_its_postmortem_clause_triggers() {
    let model = workbook_api();
    assert_eq!(scenarios(&model).len(), 1);
    let burn = run(&model, AT, &UtcOnly).unwrap();
    let report = burn.report("example", AT);
    assert_eq!(report.period, "28d");
    assert_eq!(report.step_seconds, 60);
    let outage = &report.events[2];
    assert_eq!(outage.name, "Database outage");
    assert_eq!(outage.start, "day 19 14:00");
    assert!(outage.spent_percent > 20.0, "{outage:?}");
    assert_eq!(outage.alerted, Some(true));
    assert_eq!(
        outage.priority.as_ref().map(|p| p.priority),
        Some(Priority::P1)
    );
    assert_eq!(
        report.events[0].alerted, None,
        "planned downtime is not an incident"
    );
    // The Appendix B clause: a single incident over 20 % calls for a postmortem.
    let clause = &report.triggered[0];
    assert_eq!(clause.condition, "big-incident");
    assert!(clause.at.starts_with("day 19 "), "{clause:?}");
    assert!(clause.spent_percent >= 20.0);
    // The description alone: it starts with what the kind says.
    assert!(
        clause.consequences[0].starts_with("Conduct a postmortem with"),
        "{clause:?}"
    );
    assert!(!clause.consequences[0]
        .to_lowercase()
        .contains("postmortem: conduct"));
    assert_eq!(report.not_triggered, ["exceeded"]);
    // The page fires during the outage, before the clause.
    let page = report
        .firings
        .iter()
        .find(|f| f.rule == "fast burn")
        .unwrap();
    assert!(page.at.starts_with("day 19 14:"), "{page:?}");
    let json = serde_json::to_value(&report).unwrap();
    assert!(json["risk"]["base"]["meet_probability"].as_f64().unwrap() > 0.5);
}

fn with_condition(kind: ConditionKind) -> Model {
    let mut model = workbook_api();
    model.policy.conditions.push(Condition {
        id: "new".into(),
        kind,
        trigger: Trigger::Automatic,
        description: String::new(),
    });
    model.policy.clauses.push(Clause {
        condition: "new".into(),
        consequences: vec!["freeze".into()],
        runbook: "runbooks/freeze.md".into(),
        traceability: String::new(),
    });
    model
}

fn triggered_at(model: &Model) -> Option<String> {
    let burn = run(model, AT, &UtcOnly).unwrap();
    burn.policy
        .triggered
        .iter()
        .find(|t| t.condition == "new")
        .map(|t| period_time(t.at))
}

#[test]
fn policy_conditions_are_evaluated_on_the_scenario() {
    let spend = |percent: &str, scope| ConditionKind::BudgetSpend {
        percent: percent.into(),
        scope,
    };
    // The background alone spends about 1/6 of the budget by the end.
    assert_eq!(
        triggered_at(&with_condition(spend("10", SpendScope::Period))).map(|t| t < "day 19".into()),
        Some(true)
    );
    assert_eq!(
        triggered_at(&with_condition(spend("95", SpendScope::Period))),
        None
    );
    let seventy = triggered_at(&with_condition(spend("50", SpendScope::Period))).unwrap();
    assert!(seventy.starts_with("day 19 "), "{seventy}");
    // 30 % in 24 h happens only during the outage; 90 % in 24 h never.
    let burn = |percent: &str| ConditionKind::BurnRate {
        percent: percent.into(),
        within: "24h".into(),
    };
    assert!(triggered_at(&with_condition(burn("30")))
        .unwrap()
        .starts_with("day 19 "));
    assert_eq!(triggered_at(&with_condition(burn("90"))), None);
    // Spend through a dependency counts the events that name it as their cause.
    let dependency = |name: &str| ConditionKind::Dependency {
        percent: "20".into(),
        dependency: name.into(),
    };
    assert!(triggered_at(&with_condition(dependency("Database"))).is_some());
    assert_eq!(triggered_at(&with_condition(dependency("release"))), None);
    // A quarter's budget is about 3.26 four-week budgets: 10 % of it is about 32.6 % of this one.
    assert!(triggered_at(&with_condition(spend(
        "10",
        SpendScope::QuarterByOutageKind
    )))
    .is_some());
    assert_eq!(
        triggered_at(&with_condition(spend(
            "20",
            SpendScope::QuarterByOutageKind
        ))),
        None
    );
    // People judge resource and custom conditions.
    let burn = run(&with_condition(ConditionKind::Custom), AT, &UtcOnly).unwrap();
    assert_eq!(burn.policy.not_simulated[0].0, "new");
    let consequences = &run(&with_condition(burn_30()), AT, &UtcOnly)
        .unwrap()
        .policy
        .triggered;
    let new = consequences.iter().find(|t| t.condition == "new").unwrap();
    assert!(new.consequences[0].starts_with("stop feature releases to production"));
    assert_eq!(new.runbooks, ["runbooks/freeze.md"]);
}

fn burn_30() -> ConditionKind {
    ConditionKind::BurnRate {
        percent: "30".into(),
        within: "24h".into(),
    }
}

#[test]
fn priorities_by_budget_left_and_by_velocity() {
    assert_eq!(priority_by_budget_left(-5.0), Priority::P1);
    assert_eq!(priority_by_budget_left(0.0), Priority::P1);
    assert_eq!(priority_by_budget_left(10.0), Priority::P2);
    assert_eq!(priority_by_budget_left(40.0), Priority::P3);
    assert_eq!(priority_by_budget_left(80.0), Priority::P4);
    // Over 30 days, 2 %/h is burn rate 14.4 (the fast page), 0.83 %/h is 6.
    let month = 30 * 86_400;
    assert_eq!(priority_by_velocity(2.0, month), Priority::P1);
    assert_eq!(priority_by_velocity(1.0, month), Priority::P2);
    assert_eq!(priority_by_velocity(0.2, month), Priority::P3);
    assert_eq!(priority_by_velocity(0.1, month), Priority::P4);
    let outcome = EventOutcome {
        index: 0,
        spent_percent: 10.0,
        depletion_per_hour: 0.2,
        budget_left_after_percent: 20.0,
    };
    let p = prioritise(&outcome, month);
    assert_eq!(
        (p.priority, p.by_budget_left, p.by_velocity),
        (Priority::P2, Priority::P2, Priority::P3)
    );
}

fn risk(rate: f64, seed: u64) -> RiskPlan {
    RiskPlan {
        incidents_per_period: rate,
        median_seconds: 1800.0,
        p90_seconds: 4.0 * 3600.0,
        severities: vec![(0.2, 1.0), (0.5, 0.3), (0.3, 0.05)],
        periods: 10_000,
        seed,
    }
}

fn steady() -> Plan {
    Plan {
        traffic: PlannedTraffic::Constant { per_minute: 1000.0 },
        background: 0.0,
        events: vec![],
        risk: None,
    }
}

fn month() -> SloNumbers {
    SloNumbers {
        target: "99.9".parse().unwrap(),
        period_seconds: 30 * 86_400,
        time_slice: None,
    }
}

#[test]
fn monte_carlo_is_seeded_and_shows_what_buys_reliability() {
    let a = monte_carlo(&risk(3.0, 7), &steady(), &month());
    assert_eq!(
        a,
        monte_carlo(&risk(3.0, 7), &steady(), &month()),
        "same seed, same picture"
    );
    assert_ne!(a.base, monte_carlo(&risk(3.0, 8), &steady(), &month()).base);
    assert_eq!(
        a.base.histogram.iter().map(|b| b.count).sum::<u32>(),
        10_000
    );
    assert!(
        a.base.meet_probability > 0.0 && a.base.meet_probability < 1.0,
        "{:?}",
        a.base
    );
    // Halving the time to restore halves every incident's length: never worse.
    assert!(a.mttr_halved.meet_probability > a.base.meet_probability);
    assert!(a.mttr_halved.mean_left_percent > a.base.mean_left_percent);
    assert!(a.incidents_halved.meet_probability > a.base.meet_probability);
    // No incidents: every period ends with the whole budget.
    let none = monte_carlo(&risk(0.0, 1), &steady(), &month());
    assert_eq!(none.base.meet_probability, 1.0);
    assert_eq!(none.base.histogram.last().unwrap().count, 10_000);
    // The mean spend matches rate x mean duration x mean error ratio: a log-normal
    // with median m and p90 q has mean m x exp(sigma^2 / 2), sigma = ln(q/m) / z90.
    let sigma = (4.0f64 * 3600.0 / 1800.0).ln() / Z90;
    let mean_duration = 1800.0 * (sigma * sigma / 2.0).exp();
    let mean_error = 0.2 * 1.0 + 0.5 * 0.3 + 0.3 * 0.05;
    let expected_spent = 3.0 * mean_duration * mean_error / (30.0 * 86_400.0 * 0.001) * 100.0;
    let spent = 100.0 - a.base.mean_left_percent;
    assert!(
        (spent - expected_spent).abs() / expected_spent < 0.05,
        "{spent} vs {expected_spent}"
    );
}

#[test]
fn scenario_and_rule_problems_have_paths() {
    let mut model = workbook_api();
    let scenario = &mut model.services[0].journeys[0].slis[0].slos[0].scenarios[0];
    scenario.events[2].start = "40d".into();
    scenario.events[1].kind = EventKind::PartialTraffic {
        traffic_percent: "0".into(),
        error_percent: "100".into(),
    };
    scenario.events.push(ScenarioEvent {
        name: String::new(),
        kind: EventKind::Incident {
            error_percent: "lots".into(),
        },
        start: "1d".into(),
        duration: "0s".into(),
        cause: String::new(),
    });
    let risk = scenario.risk.as_mut().unwrap();
    risk.p90_time_to_restore = "10m".into();
    risk.severities[0].share_percent = "30".into();
    risk.periods = "100000".into();
    risk.incidents_per_period = "100".into();
    model.alert_rules[0].long_window = "an hour".into();
    model.alert_rules[1].short_window = "7h".into();
    let problems = validate(&model, &UtcOnly);
    let at = |path: &str| {
        problems
            .iter()
            .find(|p| p.path == path)
            .unwrap_or_else(|| panic!("nothing at {path}: {problems:#?}"))
    };
    let s = "services[0].journeys[0].slis[0].slos[0].scenarios[0]";
    assert!(at(&format!("{s}.events[2].start"))
        .message
        .contains("after the period ends (28d)"));
    assert!(at(&format!("{s}.events[1].kind.trafficPercent"))
        .message
        .contains("above 0"));
    assert!(at(&format!("{s}.events[3].kind.errorPercent"))
        .message
        .contains("\"lots\""));
    assert!(at(&format!("{s}.events[3].duration"))
        .message
        .contains("longer than zero"));
    assert!(at(&format!("{s}.risk.p90TimeToRestore"))
        .message
        .contains("longer than the median"));
    assert!(at(&format!("{s}.risk.severities"))
        .message
        .contains("110 %"));
    assert!(at(&format!("{s}.risk.periods"))
        .message
        .contains("too many to simulate"));
    assert!(at("alertRules[0].longWindow").message.contains("an"));
    assert!(at("alertRules[1].shortWindow")
        .message
        .contains("longer than the long window"));
    assert!(problems
        .iter()
        .all(|p| p.severity == Severity::Error || !p.path.contains("scenarios")));
    // A scenario that cannot run says why, with the paths, and never panics.
    let errors = run(&model, AT, &UtcOnly).unwrap_err();
    assert!(errors
        .iter()
        .any(|p| p.path == format!("{s}.events[2].start")));
    assert!(run(&model, ScenarioAt(AT.0, 5), &UtcOnly).is_err());
}

#[test]
fn scenario_names_are_unique_in_the_model() {
    let mut model = workbook_api();
    let copy = model.services[0].journeys[0].slis[0].slos[0].scenarios[0].clone();
    model.services[0].journeys[0].slis[1].slos[0]
        .scenarios
        .push(copy);
    let problems = validate(&model, &UtcOnly);
    let duplicate = problems
        .iter()
        .find(|p| p.path == "services[0].journeys[0].slis[1].slos[0].scenarios[0].name")
        .expect("duplicate name reported");
    assert!(duplicate
        .message
        .contains("already used by services[0].journeys[0].slis[0].slos[0].scenarios[0]"));
    // A latency SLO runs the same scenario against its own target.
    let at = ScenarioAt(SloAt::new(0, 0, 1, 0), 0);
    assert!(
        run(&model, at, &UtcOnly)
            .unwrap()
            .simulation
            .spec
            .target
            .to_string()
            == "90"
    );
}

#[test]
fn a_model_without_scenarios_or_rules_still_validates() {
    let model = seed_chain();
    assert!(scenarios(&model).is_empty());
    assert_eq!(model.alert_rules.len(), 4);
    assert!(validate(&model, &UtcOnly)
        .iter()
        .all(|p| !p.path.starts_with("alertRules")));
}

/// Every condition kind against every event kind (issue 9): planned downtime
/// spends budget, so it counts for the period's spend, the burn rate and
/// exhaustion, but it is never an incident, so it never sets off the
/// single-incident, outage-kind or dependency conditions.
#[test]
fn every_condition_kind_against_every_event_kind() {
    let kinds = [
        (
            "incident",
            EventKind::Incident {
                error_percent: "100".into(),
            },
        ),
        ("planned downtime", EventKind::PlannedDowntime),
        (
            "partial traffic",
            EventKind::PartialTraffic {
                traffic_percent: "100".into(),
                error_percent: "100".into(),
            },
        ),
    ];
    let spend = |percent: &str, scope| ConditionKind::BudgetSpend {
        percent: percent.into(),
        scope,
    };
    let conditions = [
        ("exhausted", ConditionKind::BudgetExhausted, true),
        ("period spend", spend("50", SpendScope::Period), true),
        (
            "burn rate",
            ConditionKind::BurnRate {
                percent: "30".into(),
                within: "24h".into(),
            },
            true,
        ),
        (
            "single incident",
            spend("20", SpendScope::SingleIncident),
            false,
        ),
        (
            "outage kind",
            spend("20", SpendScope::QuarterByOutageKind),
            false,
        ),
        (
            "dependency",
            ConditionKind::Dependency {
                percent: "20".into(),
                dependency: "MySQL".into(),
            },
            false,
        ),
    ];
    for (kind_name, kind) in &kinds {
        for (condition_name, condition, planned_too) in &conditions {
            let mut model = with_condition(condition.clone());
            let scenario = &mut model.services[0].journeys[0].slis[0].slos[0].scenarios[0];
            scenario.background_error_percent = String::new();
            scenario.events = vec![ScenarioEvent {
                name: "the event".into(),
                kind: kind.clone(),
                start: "10d".into(),
                // A full outage of a day: more than the 20h 9m 36s budget of 97 % over 28d.
                duration: "1d".into(),
                cause: "MySQL".into(),
            }];
            let fires = triggered_at(&model).is_some();
            let expected = *kind_name != "planned downtime" || *planned_too;
            assert_eq!(fires, expected, "{condition_name} on {kind_name}");
        }
    }
}

#[test]
fn the_whole_budget_is_the_exact_one_rounded_down() {
    // 97 % of the example's 66,528,000 requests over 28d allows exactly 1,995,840.
    let report = run(&workbook_api(), AT, &UtcOnly)
        .unwrap()
        .report("example", AT);
    assert_eq!(report.allowed_bad, 1_995_840);
}
