//! Alerting figures of the SRE Workbook ch. 5 and ESF Table 9.10 (reference
//! sheet section 4), and the laws that tie them together.

use proptest::prelude::*;
use rust_decimal::Decimal;
use slo_core::alerting::{alert_table, detection_time, exhaustion_time, max_burn_rate, reset_time};
use slo_core::model::alert_rule::Notify;
use slo_core::read::alert_rule::AlertRule;
use slo_core::{ExactDuration, Target};

const DAY: u64 = 86_400;

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn target(text: &str) -> Target {
    text.parse().unwrap()
}

fn d(text: &str) -> ExactDuration {
    text.parse().unwrap()
}

#[test]
fn time_to_exhaustion_at_99_9_over_30_days() {
    for (burn, shown) in [
        ("1", "30d"),
        ("2", "15d"),
        ("10", "3d"),
        ("1000", "43m 12s"),
    ] {
        assert_eq!(
            exhaustion_time(30 * DAY, dec(burn)).unwrap().to_string(),
            shown,
            "burn rate {burn}"
        );
    }
    assert_eq!(max_burn_rate(&target("99.9")), dec("1000"));
}

#[test]
fn the_workbook_alert_set() {
    let table = alert_table(
        &AlertRule::workbook_defaults(),
        &target("99.9"),
        30 * DAY,
        None,
    )
    .unwrap();
    let rows: Vec<_> = table
        .iter()
        .map(|r| {
            (
                r.burn_rate.to_string(),
                r.short_window.clone().unwrap(),
                r.error_ratio_percent.to_string(),
                r.budget_consumed_percent.to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "14.4".to_string(),
                "5m".to_string(),
                "1.44".to_string(),
                "2".to_string()
            ),
            (
                "6".to_string(),
                "30m".to_string(),
                "0.6".to_string(),
                "5".to_string()
            ),
            (
                "1".to_string(),
                "6h".to_string(),
                "0.1".to_string(),
                "10".to_string()
            ),
        ]
    );
    assert_eq!(table[0].notify, Notify::Page);
    assert_eq!(table[2].notify, Notify::Ticket);
    assert_eq!(table[0].time_to_exhaustion, "2d 2h");
    // A full outage is caught by the fast-burn rule in 0.864 minutes.
    assert_eq!(table[0].detection_full_outage.as_deref(), Some("51.84s"));
    assert!(table.iter().all(|r| r.lints.is_empty()));
}

#[test]
fn thresholds_rescale_with_the_period() {
    let table = alert_table(
        &AlertRule::workbook_defaults(),
        &target("99.9"),
        28 * DAY,
        None,
    )
    .unwrap();
    assert_eq!(table[0].burn_rate, dec("13.44"));
    assert_eq!(table[0].budget_consumed_percent, dec("2"));
}

#[test]
fn the_esf_single_window_rule() {
    // ESF Table 9.10: SLO 99.7 %, more than 0.6 % failed in the last 60 minutes
    // (burn rate 2), evaluated every 5 minutes, snoozed for 120 minutes.
    let rule = AlertRule::single_window(
        "ESF 9.10",
        Notify::Page,
        dec("2"),
        d("60m"),
        d("5m"),
        d("120m"),
    );
    let row =
        &alert_table(std::slice::from_ref(&rule), &target("99.7"), 30 * DAY, None).unwrap()[0];
    assert_eq!(row.burn_rate, dec("2"));
    assert_eq!(row.error_ratio_percent, dec("0.6"));
    assert_eq!(row.short_window, None);
    // Defined by burn rate, it keeps it in a 28-day period too.
    assert_eq!(rule.burn_rate(28 * DAY), Some(dec("2")));
    assert_eq!(rule.snooze.to_string(), "2h");
}

#[test]
fn detection_and_reset_times() {
    let rules = AlertRule::workbook_defaults();
    let t = target("99.9");
    // 1 % errors (burn rate 10): the 1 h rule never fires; the 6 h rule after 6 x 6 h / 10.
    assert_eq!(detection_time(&rules[0], &t, 30 * DAY, dec("0.01")), None);
    assert_eq!(
        detection_time(&rules[1], &t, 30 * DAY, dec("0.01"))
            .unwrap()
            .to_string(),
        "3h 36m"
    );
    // After a full outage, the fast rule's 5-minute window clears in 5m x (1 - 14.4/1000).
    assert_eq!(
        reset_time(&rules[0], &t, 30 * DAY, Decimal::ONE)
            .unwrap()
            .to_string(),
        "4m 55.68s"
    );
}

#[test]
fn lints() {
    let t = target("99.9");
    // 2 % of a 30-day budget in 1 minute needs burn rate 864: reachable; in 30 seconds, 1728: not.
    let unreachable = AlertRule::multiwindow("too fast", Notify::Page, dec("2"), d("30s"));
    let row = &alert_table(&[unreachable], &t, 30 * DAY, None).unwrap()[0];
    assert!(
        row.lints
            .iter()
            .any(|l| l.starts_with("burn rate 1728 can never be reached")),
        "{:?}",
        row.lints
    );
    assert!(
        row.lints
            .iter()
            .any(|l| l.contains("shorter than the evaluation interval")),
        "{:?}",
        row.lints
    );
    // 10,000 requests a month at 99.9 %: a budget of 10 events, so one bad event is 10 %, more than 2 %.
    let row = &alert_table(
        &AlertRule::workbook_defaults()[..1],
        &t,
        30 * DAY,
        Some(10_000),
    )
    .unwrap()[0];
    assert!(
        row.lints
            .iter()
            .any(|l| l.starts_with("low traffic: one bad event spends 10 % of the budget")),
        "{:?}",
        row.lints
    );
}

proptest! {
    #[test]
    fn burn_rate_times_long_window_over_period_is_the_budget_share(
        share in 1u32..=100, long_minutes in 1u64..=10_000, days in 1u64..=400,
    ) {
        let rule = AlertRule::multiwindow("r", Notify::Page, Decimal::from(share), ExactDuration::from_whole_seconds(long_minutes * 60));
        let period = days * DAY;
        let consumed = rule.burn_rate(period).unwrap() * rule.long_window.seconds() / Decimal::from(period) * Decimal::ONE_HUNDRED;
        prop_assert!((consumed - Decimal::from(share)).abs() < dec("0.0000000001"));
    }
}

#[test]
fn reset_times_are_rounded_to_the_millisecond() {
    // Issue 9: the slow-burn reset of a 99.95 % SLO over 28d for a 5 % error
    // ratio was shown as 5h 56m 38.400000000000000000000001s.
    let target: Target = "99.95".parse().unwrap();
    let slow = &AlertRule::workbook_defaults()[2];
    let reset = slo_core::alerting::reset_time(slow, &target, 28 * DAY, dec("0.05")).unwrap();
    assert_eq!(reset.to_string(), "5h 56m 38.4s");
    for rule in AlertRule::workbook_defaults() {
        for ratio in ["0.05", "0.0123", "1"] {
            for d in [
                slo_core::alerting::reset_time(&rule, &target, 28 * DAY, dec(ratio)),
                slo_core::alerting::detection_time(&rule, &target, 28 * DAY, dec(ratio)),
            ]
            .into_iter()
            .flatten()
            {
                assert!(d.seconds().scale() <= 3, "{d}");
            }
        }
    }
}
