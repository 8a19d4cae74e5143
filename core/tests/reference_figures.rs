//! Figures from the SRE literature (copied from the project's reference sheet,
//! sections 1 to 3), each with its source.

use rust_decimal::Decimal;
use slo_core::budget::{
    allowed_bad_events, allowed_bad_time_slices, allowed_downtime, budget_share, ValidEvents,
};
use slo_core::quantity::nines::one_in;
use slo_core::{ExactDuration, Target};

fn target(text: &str) -> Target {
    text.parse().unwrap()
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

const DAY: u64 = 86_400;

// Section 1: error budget from a target.
#[test]
fn error_budget_is_one_minus_target() {
    // ESF ch. 3: availability 98 % leaves 2 %; latency 95 % leaves 5 %; ESF ch. 9: 99.7 % leaves 0.3 %.
    for (slo, budget_percent) in [("98", "2"), ("95", "5"), ("99.7", "0.3")] {
        assert_eq!(
            target(slo).error_budget().percent(),
            dec(budget_percent),
            "SLO {slo}"
        );
    }
}

#[test]
fn hundred_percent_is_rejected_with_a_clear_message() {
    // ESF ch. 3.
    let error = "100".parse::<Target>().unwrap_err().to_string();
    assert_eq!(
        error,
        "100 % leaves no error budget: choose a target below 100"
    );
}

#[test]
fn one_failing_request_in_n() {
    // Seed "SRE and Product".
    assert_eq!(one_in(&target("99.99")).phrase(), "1 in 10,000");
    assert_eq!(one_in(&target("99.999")).phrase(), "1 in 100,000");
}

// Section 2: allowed downtime over rolling windows of whole days.
#[test]
fn allowed_downtime_table() {
    let rows = [
        ("99.9", 30, "2592", "43m 12s"),
        ("99.9", 28, "2419.2", "40m 19.2s"),
        ("99.9", 7, "604.8", "10m 4.8s"),
        ("99.9", 1, "86.4", "1m 26.4s"),
        ("99.9", 365, "31536", "8h 45m 36s"),
        ("99.95", 7, "302.4", "5m 2.4s"),
        ("99.95", 30, "1296", "21m 36s"),
        ("99", 30, "25920", "7h 12m"),
        ("98", 28, "48384", "13h 26m 24s"),
        ("99.99", 30, "259.2", "4m 19.2s"),
        ("99.999", 30, "25.92", "25.92s"),
    ];
    for (slo, days, seconds, shown) in rows {
        let downtime = allowed_downtime(&target(slo), days * DAY).unwrap();
        assert_eq!(
            downtime.seconds().to_string(),
            seconds,
            "{slo} % over {days} d"
        );
        assert_eq!(downtime.to_string(), shown, "{slo} % over {days} d");
    }
}

#[test]
fn floating_point_traps_do_not_apply() {
    // In f64, 2592000 * (1 - 0.999) = 2592.0000000000023.
    let f64_result = 2_592_000.0 * (1.0 - 0.999);
    assert_ne!(f64_result, 2592.0);
    let exact = allowed_downtime(&target("99.9"), 30 * DAY).unwrap();
    assert_eq!(exact.seconds(), Decimal::from(2592));
    assert_eq!(
        target("99.9").error_budget().fraction().to_string(),
        "0.001"
    );
}

#[test]
fn planned_downtime_share_of_budget() {
    // 10 minutes of planned downtime against 99.9 % over 28 d is 24.8 % of the budget.
    let budget = allowed_downtime(&target("99.9"), 28 * DAY)
        .unwrap()
        .seconds();
    let share = budget_share(Decimal::from(600), budget).unwrap();
    assert_eq!(share.round_dp(1), dec("24.8"));
}

// Section 3: event budgets, SRE Workbook ch. 2.
#[test]
fn event_budgets_truncate() {
    let rows = [
        ("99.9", 3_000_000, 3_000),
        ("97", 3_663_253, 109_897),
        ("90", 3_663_253, 366_325),
        ("99", 3_663_253, 36_632),
    ];
    for (slo, events, allowed) in rows {
        let got = allowed_bad_events(&target(slo), ValidEvents::PerWindow(events), 0).unwrap();
        assert_eq!(got, allowed, "{slo} % of {events}");
    }
}

#[test]
fn outage_share_of_event_budget() {
    // One outage of 1,500 errors uses 50 % of 3,000; a bad push of 14,066 uses 12.8 % of 109,897.
    assert_eq!(
        budget_share(Decimal::from(1_500), Decimal::from(3_000)).unwrap(),
        Decimal::from(50)
    );
    let share = budget_share(Decimal::from(14_066), Decimal::from(109_897)).unwrap();
    assert_eq!(share.round_dp(1), dec("12.8"));
}

#[test]
fn time_slices_never_round_up() {
    // 99.9 % over 30 d with 1-minute slices: 43,200 slices, 43.2 allowed -> 43.
    let slice: ExactDuration = "1m".parse().unwrap();
    let budget = allowed_bad_time_slices(&target("99.9"), 30 * DAY, slice).unwrap();
    assert_eq!((budget.slices, budget.allowed_bad), (43_200, 43));
}

#[test]
fn per_day_events_scale_with_the_window() {
    // 100,000 requests a day over 30 d at 99.9 %: 3,000,000 valid, 3,000 allowed.
    let got = allowed_bad_events(&target("99.9"), ValidEvents::PerDay(100_000), 30 * DAY).unwrap();
    assert_eq!(got, 3_000);
    // Over 743 h (March in New York): 1,000,000 a day -> 30,958,333.3 valid, 0.05 % -> 15,479.
    let got = allowed_bad_events(
        &target("99.95"),
        ValidEvents::PerDay(1_000_000),
        743 * 3_600,
    )
    .unwrap();
    assert_eq!(got, 15_479);
}
