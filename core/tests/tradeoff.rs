//! The trade-off table against hand-computed cases: two 42-minute outages
//! (February and April 2025) under a 99.9 % calendar-month SLO with the
//! SRE Workbook's alert rules and a freeze on an exhausted budget.

use rust_decimal::Decimal;
use slo_core::examples;
use slo_core::model::alert_rule::Notify;
use slo_core::model::location::{Locate, SloAt};
use slo_core::quantity::zone::UtcOnly;
use slo_core::record::incidents::read_incidents;
use slo_core::tradeoff::report::tradeoff_report;
use slo_core::tradeoff::table::{tradeoffs, with_chances, Inputs, Prepared, Table};
use slo_core::tradeoff::words::{choose, row_summary};
use slo_core::{Model, Target, Utc};

const AVAILABILITY: SloAt = SloAt::new(0, 0, 0, 0);
const CSV: &str = "start,duration,affected,cause\n2025-02-10 14:00,42m,100,db failover\n2025-04-10 14:00,42m,100,bad deploy\n";

fn unix(text: &str) -> i64 {
    slo_core::record::instant::read_instant(text, &Utc).unwrap()
}

/// The Workbook example with its availability SLO at 99.9 % over calendar months.
fn model() -> Model {
    let mut model = examples::workbook_api();
    let slo = AVAILABILITY.get_mut(&mut model).unwrap();
    slo.target = "99.9".into();
    slo.window = "month".into();
    model
}

fn table(model: &Model, csv: &str, candidates: &[Target]) -> Table {
    judged_table(model, csv, candidates, None)
}

/// The table of the availability SLO over the first half of 2025, judged
/// by `judge_by` (the SLO's own window when `None`).
fn judged_table(model: &Model, csv: &str, candidates: &[Target], judge_by: Option<&str>) -> Table {
    let incidents = read_incidents(csv, &Utc).unwrap().rows;
    tradeoffs(&Inputs {
        model,
        at: AVAILABILITY,
        zones: &UtcOnly,
        incidents: &incidents,
        samples: &[],
        span: Some((unix("2025-01-01"), unix("2025-07-01"))),
        candidates,
        risk: None,
        judge_by,
    })
    .unwrap()
}

#[test]
fn the_default_candidates_surround_the_current_target() {
    let table = table(&model(), CSV, &[]);
    let targets: Vec<String> = table.rows.iter().map(|r| r.target.to_string()).collect();
    assert_eq!(targets, ["99", "99.5", "99.9", "99.95", "99.99"]);
    let current: Vec<bool> = table.rows.iter().map(|r| r.current).collect();
    assert_eq!(current, [false, false, true, false, false]);
    assert_eq!(table.periods.len(), 6);
}

#[test]
fn past_months_met_follow_the_budget_of_each_month() {
    let table = table(&model(), CSV, &[]);
    let met: Vec<usize> = table.rows.iter().map(|r| r.achieved.met).collect();
    // 99.9: February (40m 19.2s allowed) is missed, April (43m 12s) met.
    // 99.95 and 99.99 miss both; 99 and 99.5 meet all six.
    assert_eq!(met, [6, 6, 5, 4, 4]);
    let at_999 = &table.rows[2];
    assert_eq!(at_999.achieved.worst, Some(1));
    assert!(!at_999.achieved.periods[1].met && at_999.achieved.periods[3].met);
    // The historical best is a month without incidents: 100 %.
    assert_eq!(table.best, Some(Decimal::ONE));
    assert!(!at_999.above_best);
    // Each incident's spend: 42 min of February's 40m 19.2s and April's 43m 12s.
    let spend: Vec<String> = at_999
        .incident_spend
        .iter()
        .map(|s| s.unwrap().round_dp(4).to_string())
        .collect();
    assert_eq!(spend, ["104.1667", "97.2222"]);
}

#[test]
fn the_chance_comes_from_the_fitted_incidents() {
    let table = table(&model(), CSV, &[]);
    let fit = table.fit.as_ref().unwrap();
    // Two incidents over six months: a third of one a month, 42 minutes.
    assert_eq!(fit.model.incidents_per_period, "0.33");
    assert_eq!(fit.model.median_time_to_restore, "42m");
    let chance = |i: usize| table.rows[i].chance.unwrap();
    // The months come as often as they did: one in six a February. At
    // 99.9 one 42-minute outage fits a 30- or 31-day month (43m 12s, 44m
    // 38.4s) but not February (40m 19.2s): about 5/6 x P(N <= 1) + 1/6 x
    // P(N = 0) = 5/6 x 0.956 + 1/6 x 0.719 = 0.917.
    assert!((chance(2).meet - 0.917).abs() < 0.02, "{:?}", chance(2));
    assert!(chance(2).low.unwrap() <= chance(2).meet && chance(2).meet <= chance(2).high.unwrap());
    // At 99.95 (21m 36s a 30-day month) one outage misses any month: e^-0.33.
    assert!(
        (chance(3).meet - (-0.33f64).exp()).abs() < 0.02,
        "{:?}",
        chance(3)
    );
    // At 99.5 four fit in 201.6 minutes: the chance is nearly 1.
    assert!(chance(1).meet > 0.999);
    let typical: Vec<Option<u64>> = table.rows.iter().map(|r| r.typical_incidents).collect();
    assert_eq!(typical, [Some(9), Some(4), Some(0), Some(0), Some(0)]);
    let chances: Vec<f64> = table.rows.iter().map(|r| r.chance.unwrap().meet).collect();
    assert!(chances.windows(2).all(|w| w[1] <= w[0]), "{chances:?}");
}

#[test]
fn a_risk_edit_gives_kept_rows_the_chances_a_new_row_would_have() {
    let model = model();
    let incidents = read_incidents(CSV, &Utc).unwrap().rows;
    let inputs = Inputs {
        model: &model,
        at: AVAILABILITY,
        zones: &UtcOnly,
        incidents: &incidents,
        samples: &[],
        span: Some((unix("2025-01-01"), unix("2025-07-01"))),
        candidates: &[],
        risk: None,
        judge_by: None,
    };
    let prepared = Prepared::new(&inputs).unwrap();
    let fitted = prepared.chances(None);
    let mut risk = fitted.risk.clone().unwrap();
    risk.incidents_per_period = "2".into();
    risk.median_time_to_restore = "10m".into();
    risk.p90_time_to_restore = "20m".into();
    let edited = prepared.chances(Some(&risk));
    let target: Target = "99.95".parse().unwrap();
    let kept = prepared.row(&target, &fitted, &UtcOnly);
    let fresh = prepared.row(&target, &edited, &UtcOnly);
    assert_ne!(kept.chance, fresh.chance);
    // The shortest month (February) allows 20m 9.6s: two of 10 minutes fit, none of 42.
    assert_eq!(
        (kept.typical_incidents, fresh.typical_incidents),
        (Some(0), Some(2))
    );
    assert_eq!(with_chances(kept, &edited), fresh);
}

#[test]
fn the_rules_page_twice_per_outage_and_low_targets_call_them_false_alarms() {
    let table = table(&model(), CSV, &[]);
    let at_999 = &table.rows[2];
    // Each outage fires the fast and the medium burn (pages) and the slow
    // burn (a ticket); at 99.9 both months spent over half the budget.
    let pages: Vec<_> = at_999
        .replayed
        .alerts
        .iter()
        .filter(|a| a.notify == Notify::Page)
        .collect();
    assert_eq!(pages.len(), 4);
    assert!(pages.iter().all(|a| !a.false_alarm));
    assert_eq!(
        at_999
            .replayed
            .alerts
            .iter()
            .filter(|a| a.notify == Notify::Ticket)
            .count(),
        2
    );
    let (per_week, false_per_week) = at_999.replayed.per_week(Notify::Page);
    assert!((per_week - 4.0 / (181.0 / 7.0)).abs() < 1e-9);
    assert_eq!(false_per_week, 0.0);
    // At 99 % a 42-minute outage spends a tenth of the month's budget: the
    // pages are false alarms, named as such.
    let at_99 = &table.rows[0];
    assert!(at_99
        .replayed
        .alerts
        .iter()
        .filter(|a| a.notify == Notify::Page)
        .all(|a| a.false_alarm));
    assert!(at_99
        .replayed
        .alerts
        .iter()
        .any(|a| a.period == "February 2025"));
}

#[test]
fn an_exhausted_budget_freezes_releases_to_the_end_of_the_month() {
    let table = table(&model(), CSV, &[]);
    // At 99.9 February's budget runs out 40m 19.2s into the outage at 14:00 on
    // the 10th, so releases stop for the rest of February: about 18.39 days.
    let at_999 = &table.rows[2].replayed;
    let frozen = at_999.freeze_seconds as f64 / 86_400.0;
    assert!((frozen - 18.39).abs() < 0.01, "{frozen}");
    let per_quarter = at_999.freeze_days_per_quarter();
    assert!((per_quarter - frozen / (181.0 * 86_400.0 / 7_889_400.0)).abs() < 1e-9);
    // At 99.99 both months freeze; at 99.5 neither.
    assert!(table.rows[4].replayed.freeze_seconds > at_999.freeze_seconds);
    assert_eq!(table.rows[1].replayed.freeze_seconds, 0);
}

#[test]
fn a_freeze_every_candidate_shares_is_said_once_not_compared() {
    let incidents = read_incidents(CSV, &Utc).unwrap().rows;
    let report = |candidates: &[&str]| {
        let candidates: Vec<Target> = candidates.iter().map(|t| t.parse().unwrap()).collect();
        tradeoff_report(&table(&model(), CSV, &candidates), &incidents)
    };
    // 99.9 and 99.901 % both freeze February from a few minutes into its outage.
    let close = report(&["99.9", "99.901"]);
    assert_eq!(
        close.rows[0].freeze_days_per_quarter,
        close.rows[1].freeze_days_per_quarter
    );
    assert_eq!(
        close.same_freeze_days_per_quarter.as_deref(),
        Some(close.rows[0].freeze_days_per_quarter.as_str())
    );
    // Targets that freeze differently, or never, or one alone: nothing to say.
    assert_eq!(
        report(&["99.5", "99.9", "99.99"]).same_freeze_days_per_quarter,
        None
    );
    assert_eq!(report(&["97", "99"]).same_freeze_days_per_quarter, None);
    assert_eq!(report(&["99.9"]).same_freeze_days_per_quarter, None);
}

#[test]
fn targets_above_the_dependency_ceiling_are_unreachable() {
    // The Azure chain reaches 98.80 % (independent failures).
    let model = examples::seed_chain();
    let csv = "start,duration\n2025-02-10 14:00,3h\n2025-04-10 14:00,1h\n";
    let table = table(&model, csv, &[]);
    let reachable: Vec<(String, bool)> = table
        .rows
        .iter()
        .map(|r| (r.target.to_string(), r.reachable))
        .collect();
    assert_eq!(
        reachable,
        [
            ("85".into(), true),
            ("92.5".into(), true),
            ("98.5".into(), true),
            ("99.25".into(), false),
            ("99.85".into(), false)
        ]
    );
    assert_eq!(table.ceiling.unwrap().round_dp(4), Decimal::new(9880, 4));
}

#[test]
fn choosing_a_row_sets_the_target_and_records_why() {
    let model = model();
    let table = table(&model, CSV, &[]);
    let row = &table.rows[1];
    let chosen = choose(&model, &table, AVAILABILITY, row).unwrap();
    let slo = AVAILABILITY.get(&chosen).unwrap();
    assert_eq!(slo.target, "99.5");
    let before = AVAILABILITY.get(&model).unwrap().rationale.clone();
    assert!(slo.rationale.starts_with(&before));
    let line = slo.rationale.lines().last().unwrap();
    assert!(line.starts_with("Chosen from the trade-off table: 99.5 %; allows 3h 21m 36s to 3h 43m 12s of downtime per month; met 6 of 6 past periods"), "{line}");
    assert!(line.contains("release-freeze days a quarter"), "{line}");
    assert_eq!(
        line,
        format!(
            "Chosen from the trade-off table: {}.",
            row_summary(&table, row)
        )
    );
    // The agreed document says why: the Markdown lists each SLO's rationale.
    let markdown = slo_core::report::markdown::document_markdown(&chosen, &UtcOnly);
    let rationale = markdown.split("## Rationale").nth(1).unwrap();
    assert!(
        rationale.contains("- **Game API / 97 % of requests succeed**: Players tolerate a retry")
            && rationale.contains("<br>Chosen from the trade-off table: 99.5 %; allows 3h 21m 36s"),
        "{rationale}"
    );
    // Only the target and the rationale changed.
    let mut back = chosen.clone();
    let slo = AVAILABILITY.get_mut(&mut back).unwrap();
    slo.target = "99.9".into();
    slo.rationale = before;
    assert_eq!(back, model);
}

#[test]
fn given_candidates_are_used_and_no_record_is_a_problem_at_history() {
    let model = model();
    let given: Vec<Target> = ["99.9", "99.8"]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
    let table = table(&model, CSV, &given);
    assert_eq!(table.rows.len(), 2);
    let refused = |at: SloAt| {
        tradeoffs(&Inputs {
            model: &model,
            at,
            zones: &UtcOnly,
            incidents: &[],
            samples: &[],
            span: None,
            candidates: &[],
            risk: None,
            judge_by: None,
        })
        .unwrap_err()
    };
    assert_eq!(refused(AVAILABILITY)[0].path, "history");
    assert!(refused(SloAt::new(5, 0, 0, 0))[0]
        .message
        .contains("no SLO"));
}

#[test]
fn a_saved_history_is_validated_at_its_fields_and_read_by_the_table() {
    use slo_core::model::history::SloHistory;
    use slo_core::model::scenario::{IncidentSeverity, RiskModel};
    use slo_core::problem::Severity;
    use slo_core::tradeoff::saved::saved;
    let mut model = model();
    let risk = RiskModel {
        incidents_per_period: "1".into(),
        median_time_to_restore: "2h".into(),
        p90_time_to_restore: "1h".into(),
        severities: vec![IncidentSeverity {
            share_percent: "100".into(),
            error_percent: "100".into(),
        }],
        periods: "1000".into(),
        seed: "1".into(),
    };
    AVAILABILITY.get_mut(&mut model).unwrap().history = Some(SloHistory {
        incidents: format!("{CSV}yesterday,1h,100,x\n"),
        from: "2025-01-01".into(),
        to: "2025-07-01".into(),
        candidates: vec!["99.9".into(), "99.5".into(), "abc".into()],
        risk: Some(risk),
    });
    let problems = slo_core::validate::validate(&model, &UtcOnly);
    let at = |field: &str| format!("services[0].journeys[0].slis[0].slos[0].history.{field}");
    let found = |path: String, severity: Severity| {
        problems
            .iter()
            .find(|p| p.path == path && p.severity == severity)
            .map(|p| p.message.clone())
    };
    // The incidents are read by the table, which lists the rows it leaves out.
    assert!(found(at("incidents"), Severity::Warning).is_none());
    assert!(found(at("candidates[2]"), Severity::Error)
        .unwrap()
        .contains("\"abc\" is not a number"));
    assert!(found(at("risk.p90TimeToRestore"), Severity::Error)
        .unwrap()
        .contains("longer than the median"));
    assert!(found(at("from"), Severity::Error).is_none());

    let saved = saved(&model, AVAILABILITY, &UtcOnly);
    assert_eq!(saved.incidents.len(), 2);
    assert_eq!(saved.span, Some((unix("2025-01-01"), unix("2025-07-01"))));
    assert_eq!(saved.candidates.len(), 2);

    // Bad dates and too many candidates.
    let history = history_of(&mut model);
    history.from = "2025-13-01".into();
    history.to = "2024-12-31".into();
    history.candidates = (0..7).map(|i| format!("99.{i}1")).collect();
    history.risk = None;
    let problems = slo_core::validate::validate(&model, &UtcOnly);
    let errors: Vec<(String, String)> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error && p.path.contains("history"))
        .map(|p| {
            (
                p.path.rsplit('.').next().unwrap().to_string(),
                p.message.clone(),
            )
        })
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].0 == "from" && errors[0].1.contains("is not a date"),
        "{errors:?}"
    );
    assert!(
        errors[1].0 == "candidates[6]" && errors[1].1.contains("at most 6"),
        "{errors:?}"
    );
    // Dates in order but reversed: the end must come after the start.
    let history = history_of(&mut model);
    history.from = "2025-07-01".into();
    let problems = slo_core::validate::validate(&model, &UtcOnly);
    assert!(problems
        .iter()
        .any(|p| p.path.ends_with("history.to") && p.message.contains("end after it starts")));
    // Candidates typed one per line leave blank lines: skipped, not counted.
    let history = history_of(&mut model);
    history.to = "2025-08-01".into();
    history.candidates = [
        "99", "", "99.5", " ", "99.9", "99.95", "99.99", "99.999", "",
    ]
    .map(String::from)
    .to_vec();
    let problems = slo_core::validate::validate(&model, &UtcOnly);
    assert!(
        !problems.iter().any(|p| p.path.contains("history")),
        "{problems:?}"
    );
    assert_eq!(
        slo_core::tradeoff::saved::saved(&model, AVAILABILITY, &UtcOnly)
            .candidates
            .len(),
        6
    );
}

#[test]
fn a_time_slice_slo_is_replayed_for_each_candidate() {
    // 5-minute slices: a 42-minute full outage spoils 9 slices (it starts on
    // a slice boundary and ends 3 minutes into the 9th). 99.9 % of February's
    // 8,064 slices allows 8, of April's 8,640 allows 8: the replay exhausts
    // both months' budgets, and the release freeze starts in both.
    let mut model = model();
    let sli = &mut model.services[0].journeys[0].slis[0];
    sli.measurement = slo_core::model::Measurement::TimeSliceBased;
    sli.time_slice = "5m".into();
    let table = table(&model, CSV, &[]);
    let at_999 = &table.rows[2];
    assert_eq!(at_999.target.to_string(), "99.9");
    assert!(
        at_999.replayed.skipped.is_empty(),
        "{:?}",
        at_999.replayed.skipped
    );
    assert!(at_999.replayed.freeze_seconds > 0);
    assert!(table.rows[0].replayed.freeze_seconds == 0);
}

/// The saved history of the availability SLO, to edit.
fn history_of(model: &mut Model) -> &mut slo_core::model::history::SloHistory {
    AVAILABILITY
        .get_mut(model)
        .unwrap()
        .history
        .as_mut()
        .unwrap()
}

#[test]
fn the_candidates_can_be_judged_by_calendar_months_without_changing_the_slo() {
    // Issue 27: the room compares calendar months while the SLO stays 28d.
    let mut model = model();
    AVAILABILITY.get_mut(&mut model).unwrap().window = "28d".into();
    let before = model.clone();
    let judged = |by: Option<&str>| judged_table(&model, CSV, &[], by);
    let own = judged(None);
    let months = judged(Some("month"));
    assert_eq!(own.window, "28d");
    assert_eq!(months.window, "month");
    // Six calendar months from January to June, not rolling 28-day periods.
    assert_eq!(
        months.periods.len(),
        6,
        "{:?}",
        months.periods.iter().map(|p| &p.label).collect::<Vec<_>>()
    );
    assert_ne!(own.periods.len(), months.periods.len());
    // A blank choice is the SLO's own window; the model is untouched.
    assert_eq!(judged(Some("  ")).window, "28d");
    assert_eq!(model, before);
}
