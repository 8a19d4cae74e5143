//! The calculator form as a whole: per-field messages, the table, the
//! comparison, the report and deep links.

use slo_core::calculator::link::{form_from_pairs, form_to_pairs, has_form_params};
use slo_core::calculator::{evaluate, BudgetForm, Field};
use slo_core::model::EventsPer;
use slo_core::quantity::figure::Figure;
use slo_core::quantity::zone::UtcOnly;

fn form(target: &str, window: &str) -> BudgetForm {
    BudgetForm {
        target: target.into(),
        window: window.into(),
        compare: vec![],
        ..BudgetForm::default()
    }
}

#[test]
fn a_bad_target_keeps_the_window_working() {
    let view = evaluate(&form("abc", "30d"), &UtcOnly);
    assert_eq!(
        view.target.unwrap_err(),
        "\"abc\" is not a number: type a percentage such as 99.9"
    );
    assert_eq!(view.window.unwrap().seconds, Figure::Exact(2_592_000));
    assert!(view.downtime.is_none());
}

#[test]
fn a_bad_zone_is_reported_on_the_zone_field() {
    let mut f = form("99.9", "month:2024-02");
    f.time_zone = "Mars/Olympus".into();
    let view = evaluate(&f, &UtcOnly);
    let errors = view.errors();
    assert_eq!(errors[0].field, Field::TimeZone);
    assert!(errors[0].message.contains("Mars/Olympus"));
    // A rolling window does not need the zone and keeps its figures.
    f.window = "30d".into();
    let view = evaluate(&f, &UtcOnly);
    assert_eq!(
        view.downtime.unwrap().exact().unwrap().to_string(),
        "43m 12s"
    );
}

#[test]
fn standard_windows_table_highlights_the_chosen_kind() {
    let view = evaluate(&form("99.9", "month:2024-02"), &UtcOnly);
    let names: Vec<_> = view.standard_windows.iter().map(|r| r.spec).collect();
    assert_eq!(
        names,
        ["1d", "7d", "28d", "30d", "month", "quarter", "year"]
    );
    let chosen: Vec<_> = view
        .standard_windows
        .iter()
        .filter(|r| r.chosen)
        .map(|r| r.spec)
        .collect();
    assert_eq!(chosen, ["month"]);
    let month = &view.standard_windows[4];
    assert_eq!(
        month.downtime.map(|d| d.to_string()),
        Figure::Range {
            min: "40m 19.2s".into(),
            max: "44m 38.4s".into()
        }
    );
    let view = evaluate(&form("99.9", "4w"), &UtcOnly);
    let chosen: Vec<_> = view
        .standard_windows
        .iter()
        .filter(|r| r.chosen)
        .map(|r| r.spec)
        .collect();
    assert_eq!(chosen, ["28d"]);
}

#[test]
fn february_2024_allows_41m_45_6s() {
    let view = evaluate(&form("99.9", "month:2024-02"), &UtcOnly);
    assert_eq!(
        view.downtime.unwrap().exact().unwrap().to_string(),
        "41m 45.6s"
    );
    assert_eq!(
        view.window.unwrap().convention,
        "February 2024 in UTC = 29 d = 696 h = 2,505,600 s; calendar month, local midnight to local midnight"
    );
}

#[test]
fn compare_shows_what_each_nine_costs() {
    let mut f = form("99.9", "30d");
    f.compare = vec!["99.9".into(), "99.95".into(), "99.99".into(), "".into()];
    f.events = "3000000".into();
    let view = evaluate(&f, &UtcOnly);
    assert_eq!(view.compare.len(), 4);
    assert!(view.compare[3].is_none(), "an empty field is no column");
    let columns: Vec<_> = view
        .compare
        .into_iter()
        .flatten()
        .map(Result::unwrap)
        .collect();
    let downtime: Vec<_> = columns
        .iter()
        .map(|c| c.downtime.exact().unwrap().to_string())
        .collect();
    assert_eq!(downtime, ["43m 12s", "21m 36s", "4m 19.2s"]);
    let events: Vec<_> = columns
        .iter()
        .map(|c| c.allowed_bad_events.unwrap().exact().unwrap())
        .collect();
    assert_eq!(events, [3_000, 1_500, 300]);
    let ratios: Vec<_> = columns
        .iter()
        .map(|c| c.budget_ratio_to_first.map(|r| r.to_string()))
        .collect();
    assert_eq!(ratios, [None, Some("2".into()), Some("10".into())]);
}

#[test]
fn compare_reports_a_bad_column_without_losing_the_others() {
    let mut f = form("99.9", "30d");
    f.compare = vec!["99.9".into(), "100".into()];
    let view = evaluate(&f, &UtcOnly);
    assert!(view.compare[0].as_ref().unwrap().is_ok());
    assert_eq!(
        view.compare[1].as_ref().unwrap().as_ref().unwrap_err(),
        "100 % leaves no error budget: choose a target below 100"
    );
    assert_eq!(view.errors()[0].field, Field::Compare(1));
}

#[test]
fn reverse_and_slices_and_events_on_a_range_window() {
    let mut f = form("99.9", "month");
    f.downtime = "43m 12s".into();
    f.time_slice = "1m".into();
    f.events = "100000".into();
    f.events_per = EventsPer::Day;
    let report = evaluate(&f, &UtcOnly).report().unwrap();
    assert_eq!(
        report.implied_target_percent,
        Some(Figure::Range {
            min: "99.8928571428".into(),
            max: "99.9032258064".into()
        })
    );
    assert_eq!(report.implied_target_exact, Some(false));
    assert_eq!(
        report.allowed_bad_time_slices,
        Some(Figure::Range { min: 40, max: 44 })
    );
    assert_eq!(
        report.allowed_bad_events,
        Some(Figure::Range {
            min: 2_800,
            max: 3_100
        })
    );
}

#[test]
fn report_json_shape() {
    let report = evaluate(&form("99.9", "30d"), &UtcOnly).report().unwrap();
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["target_percent"], "99.9");
    assert_eq!(json["error_budget_fraction"], "0.001");
    assert_eq!(json["window"]["spec"], "30d");
    assert_eq!(json["window"]["kind"], "rolling");
    assert_eq!(json["window"]["seconds"], 2_592_000);
    assert_eq!(json["allowed_downtime_seconds"], "2592");
    assert_eq!(json["allowed_downtime"], "43m 12s");
    assert!(json.get("allowed_bad_events").is_none());
}

#[test]
fn report_refuses_the_first_bad_field() {
    let error = evaluate(&form("99.9", "0d"), &UtcOnly)
        .report()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "window: \"0d\": a window must be longer than zero"
    );
}

#[test]
fn deep_links_round_trip() {
    let pairs = [
        ("target", "99.95"),
        ("window", "month:2024-02"),
        ("tz", "Europe/Berlin"),
        ("events", "1000"),
        ("per", "day"),
        ("timeslice", "1m"),
        ("downtime", "5m"),
        ("compare", "99,99.9"),
        ("utm", "x"),
    ];
    assert!(has_form_params(pairs));
    assert!(!has_form_params([("utm", "x")]));
    let f = form_from_pairs(BudgetForm::default(), pairs);
    assert_eq!(f.time_zone, "Europe/Berlin");
    assert_eq!(f.events_per, EventsPer::Day);
    assert_eq!(f.compare, ["99", "99.9"]);
    let written = form_to_pairs(&f);
    let again = form_from_pairs(
        BudgetForm::default(),
        written.iter().map(|(k, v)| (*k, v.as_str())),
    );
    assert_eq!(again, f);
}

#[test]
fn a_bad_link_value_shows_on_its_field() {
    let f = form_from_pairs(BudgetForm::default(), [("target", "abc"), ("window", "0d")]);
    let errors = evaluate(&f, &UtcOnly).errors();
    let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::Target, Field::Window]);
}
