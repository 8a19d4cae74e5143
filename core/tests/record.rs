//! The team's record: incidents and SLI series read from tables and
//! Prometheus JSON (bad rows listed, good rows kept), past compliance
//! periods, and which of them a target would have met, against
//! hand-computed cases.

use rust_decimal::Decimal;
use slo_core::record::achieved::{from_incidents, from_series, judge, series_span, Basis};
use slo_core::record::incidents::read_incidents;
use slo_core::record::periods::past_periods;
use slo_core::record::series::{read_any_series, read_prometheus_range, read_series};
use slo_core::{Target, Utc, Window, ZoneRules};

fn target(text: &str) -> Target {
    text.parse().unwrap()
}

fn window(text: &str) -> Window {
    text.parse().unwrap()
}

fn unix(text: &str) -> i64 {
    slo_core::record::instant::read_instant(text, &Utc).unwrap()
}

/// Judges `csv` (incidents) over the calendar months of 2025 against `target`,
/// by month label.
fn months_met(csv: &str, target_text: &str, zone: &dyn ZoneRules) -> Vec<(String, bool)> {
    let incidents = read_incidents(csv, zone).unwrap();
    assert!(incidents.problems.is_empty(), "{:?}", incidents.problems);
    let periods = past_periods(
        &window("month"),
        zone,
        unix("2025-01-01"),
        unix("2026-01-01"),
    )
    .unwrap();
    let record = from_incidents(&incidents.rows, periods);
    let judged = judge(&record, &target(target_text));
    judged
        .periods
        .into_iter()
        .map(|p| (p.label, p.met))
        .collect()
}

#[test]
fn a_42_minute_outage_meets_99_9_in_april_but_not_in_february_2025() {
    // April: 30 days x 0.001 = 43 min 12 s allowed; February 2025: 28 days,
    // 40 min 19.2 s allowed (SRE Workbook ch. 2's arithmetic).
    let csv = "start,duration,affected %\n2025-02-10 14:00,42m,100\n2025-04-10 14:00,42m,100\n";
    let met = months_met(csv, "99.9", &Utc);
    assert_eq!(met.len(), 12);
    assert_eq!(met[1], ("February 2025".to_string(), false));
    assert_eq!(met[3], ("April 2025".to_string(), true));
    assert!(met.iter().enumerate().all(|(i, (_, m))| *m == (i != 1)));
}

#[test]
fn the_edge_is_exact_and_a_second_more_misses() {
    // 43 min 12 s in April is exactly the budget: met. One second more: missed.
    let exact = months_met(
        "start,end\n2025-04-10T00:00:00Z,2025-04-10T00:43:12Z\n",
        "99.9",
        &Utc,
    );
    assert!(exact[3].1);
    let over = months_met(
        "start,end\n2025-04-10T00:00:00Z,2025-04-10T00:43:13Z\n",
        "99.9",
        &Utc,
    );
    assert!(!over[3].1);
}

#[test]
fn an_incident_across_midnight_is_split_between_months_and_shares_scale_it() {
    // 60 minutes from 23:30 on 31 March: 30 in March, 30 in April. At 50 %
    // affected each month loses 15 minutes: 99.97 allows 13 min 23.28 s in
    // March and 12 min 57.6 s in April, so both miss; 99.96 allows 17m 51.04s
    // and 17m 16.8s: both meet.
    let csv = "start,end,share affected\n2025-03-31 23:30,2025-04-01 00:30,50 %\n";
    let strict = months_met(csv, "99.97", &Utc);
    assert_eq!((strict[2].1, strict[3].1), (false, false));
    let loose = months_met(csv, "99.96", &Utc);
    assert_eq!((loose[2].1, loose[3].1), (true, true));
    let incidents = read_incidents(csv, &Utc).unwrap();
    let periods = past_periods(
        &window("month"),
        &Utc,
        unix("2025-03-01"),
        unix("2025-05-01"),
    )
    .unwrap();
    let record = from_incidents(&incidents.rows, periods);
    assert_eq!(record.periods[0].bad, Decimal::from(15 * 60));
    assert_eq!(record.periods[1].bad, Decimal::from(15 * 60));
    assert_eq!(record.basis, Basis::Time);
}

#[cfg(feature = "tzdb")]
#[test]
fn calendar_months_run_from_local_midnight_and_keep_daylight_saving() {
    use slo_core::quantity::zone::Tzdb;
    let berlin = Tzdb::named("Europe/Berlin").unwrap();
    // 23:30 local on 31 March is 21:30Z: March in Berlin, though April has
    // begun nowhere yet in UTC either; 00:30 local on 1 April is 22:30Z on 31
    // March, which is April in Berlin.
    let csv = "start,duration\n2025-04-01 00:30,10m\n";
    let incidents = read_incidents(csv, &berlin).unwrap();
    assert_eq!(incidents.rows[0].start, unix("2025-03-31T22:30:00Z"));
    let periods = past_periods(
        &window("month"),
        &berlin,
        unix("2025-02-28"),
        unix("2025-05-01"),
    )
    .unwrap();
    let names: Vec<_> = periods.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(names, ["March 2025", "April 2025"]);
    // March 2025 in Berlin lost an hour to summer time: 743 hours.
    assert_eq!(periods[0].seconds(), 743 * 3600);
    let record = from_incidents(&incidents.rows, periods);
    assert_eq!(record.periods[0].bad, Decimal::ZERO);
    assert_eq!(record.periods[1].bad, Decimal::from(600));
    // 99.9 of 743 hours allows 44 min 34.8 s.
    let allowed = record.periods[0]
        .allowed(Basis::Time, &target("99.9"))
        .unwrap();
    assert_eq!(allowed, Decimal::new(26748, 1));
}

#[test]
fn rolling_windows_end_at_every_midnight_inside_the_span() {
    // 60 days hold 33 windows of 28 days, one ending at each midnight.
    let from = unix("2025-01-01");
    let periods = past_periods(&window("28d"), &Utc, from, from + 60 * 86_400).unwrap();
    assert_eq!(periods.len(), 33);
    assert_eq!(periods[0].start, from);
    assert_eq!(periods[0].label, "rolling 28 days ending 2025-01-28");
    assert!(periods.windows(2).all(|w| w[1].end - w[0].end == 86_400));
    assert!(periods.iter().all(|p| p.seconds() == 28 * 86_400));
    // A span shorter than the window holds none.
    assert!(past_periods(&window("28d"), &Utc, from, from + 27 * 86_400)
        .unwrap()
        .is_empty());
}

#[test]
fn quarters_and_iso_weeks_are_whole_periods_only() {
    let quarters = past_periods(
        &window("quarter"),
        &Utc,
        unix("2024-11-15"),
        unix("2025-10-02"),
    )
    .unwrap();
    let names: Vec<_> = quarters.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(
        names,
        [
            "2025-Q1 (January to March 2025)",
            "2025-Q2 (April to June 2025)",
            "2025-Q3 (July to September 2025)"
        ]
    );
    // 2025-Q1 is 90 days.
    assert_eq!(quarters[0].seconds(), 90 * 86_400);
    // A given period stands for every one of its kind.
    // 1 to 31 January 2025 (a Wednesday to a Friday) holds W02 to W04 whole.
    let weeks = past_periods(
        &window("week:2025-W02"),
        &Utc,
        unix("2025-01-01"),
        unix("2025-01-31"),
    )
    .unwrap();
    assert_eq!(weeks.len(), 3);
    assert!(weeks[0].label.starts_with("ISO week 2025-W02"));
}

#[test]
fn only_the_most_recent_periods_are_kept_over_a_long_span() {
    let days = past_periods(&window("1d"), &Utc, 0, unix("2199-12-31")).unwrap();
    assert_eq!(days.len(), slo_core::record::periods::MAX_PAST_PERIODS);
    assert_eq!(days.last().unwrap().end, unix("2199-12-31"));
}

#[test]
fn event_budgets_truncate_so_one_event_short_of_two_allows_one() {
    // 1,999 valid events at 99.9 % allow 1.999, truncated to 1 bad event.
    let csv = "timestamp,good,valid\n2025-04-01T00:01:00Z,998,1000\n2025-04-15T00:00:00Z,999,999\n";
    let series = read_series(csv, &Utc).unwrap();
    let periods = past_periods(
        &window("month"),
        &Utc,
        unix("2025-04-01"),
        unix("2025-05-01"),
    )
    .unwrap();
    let record = from_series(&series.rows, periods);
    assert_eq!(record.periods[0].total, Decimal::from(1999));
    assert_eq!(record.periods[0].bad, Decimal::from(2));
    assert!(!judge(&record, &target("99.9")).periods[0].met);
    assert!(judge(&record, &target("99.8")).periods[0].met);
    // Achieved: 1,997 / 1,999.
    let achieved = record.periods[0].achieved().unwrap();
    assert_eq!(achieved.round_dp(10), Decimal::new(9_989_994_997, 10));
}

#[test]
fn a_sample_counts_in_the_period_its_step_ends_in() {
    // The sample at 00:00 on 1 May counts April's last minute.
    let csv = "timestamp,bad,valid\n2025-04-30T23:59:00Z,0,10\n2025-05-01T00:00:00Z,5,10\n2025-05-01T00:01:00Z,0,10\n";
    let series = read_series(csv, &Utc).unwrap();
    let (from, to) = series_span(&series.rows).unwrap();
    assert_eq!(
        (from, to),
        (unix("2025-04-30T23:58:00Z"), unix("2025-05-01T00:01:00Z"))
    );
    let periods = vec![
        slo_core::record::periods::PastPeriod {
            label: "April".into(),
            start: unix("2025-04-01"),
            end: unix("2025-05-01"),
        },
        slo_core::record::periods::PastPeriod {
            label: "May".into(),
            start: unix("2025-05-01"),
            end: unix("2025-06-01"),
        },
    ];
    let record = from_series(&series.rows, periods);
    assert_eq!(
        (record.periods[0].bad, record.periods[0].total),
        (Decimal::from(5), Decimal::from(20))
    );
    assert_eq!(
        (record.periods[1].bad, record.periods[1].total),
        (Decimal::ZERO, Decimal::from(10))
    );
}

#[test]
fn the_worst_period_and_the_historical_best_are_named() {
    let csv = "start,duration\n2025-01-10 00:00,10m\n2025-02-10 00:00,2h\n2025-03-10 00:00,20m\n";
    let incidents = read_incidents(csv, &Utc).unwrap();
    let periods = past_periods(
        &window("month"),
        &Utc,
        unix("2025-01-01"),
        unix("2025-04-01"),
    )
    .unwrap();
    let judged = judge(&from_incidents(&incidents.rows, periods), &target("99.9"));
    assert_eq!(judged.worst, Some(1));
    assert_eq!(judged.met, 2);
    // January: 10 minutes of 44,640 lost.
    let best = Decimal::ONE - Decimal::from(10) / Decimal::from(44_640);
    assert_eq!(judged.best, Some(best.normalize()));
    assert!(judged.above_best(&target("99.99")));
    assert!(!judged.above_best(&target("99.9")));
    // February spent 2 h of 40 min 19.2 s: 297.6 % (rounded to 0.1).
    assert_eq!(
        judged.periods[1].spent_percent.unwrap().round_dp(1),
        Decimal::new(2976, 1)
    );
}

#[test]
fn bad_incident_rows_are_listed_with_line_and_reason_and_good_rows_kept() {
    let csv = "\
Start (UTC),End,Duration,Share affected,Root cause,Ticket
2025-04-10 14:00,,42m,100,db failover,INC-1
10/04/2025,,42m,100,bad date,INC-2
2025-04-11 09:00,2025-04-11 08:00,,100,ends before it starts,INC-3
2025-04-12 09:00,,soon,100,bad duration,INC-4
2025-04-13 09:00,,42,100,no unit,INC-5
2025-04-14 09:00,,1:30:00,250,too much affected,INC-6
2025-04-15 09:00,,,100,no end or duration,INC-7
2025-04-16 09:00,,1:30,25 %,\"quoted, with a comma\",INC-8
2025-04-17 09:00,,0m,100,lasts no time,INC-9
2025-04-18 09:00,,500d,100,too long,INC-10
";
    let read = read_incidents(csv, &Utc).unwrap();
    assert_eq!(read.rows.len(), 2);
    assert_eq!(read.rows[0].duration, 42 * 60);
    assert_eq!(read.rows[0].cause, "db failover");
    assert_eq!(read.rows[1].duration, 90 * 60);
    assert_eq!(read.rows[1].affected, Decimal::new(25, 2));
    assert_eq!(read.rows[1].cause, "quoted, with a comma");
    assert_eq!(read.unused_columns, ["Ticket"]);
    let lines: Vec<_> = read.problems.iter().map(|p| p.line.unwrap()).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 10, 11]);
    let text: Vec<String> = read.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        text[0].starts_with("line 3: start: \"10/04/2025\" is not a time"),
        "{}",
        text[0]
    );
    assert!(
        text[1].contains("end: \"2025-04-11 08:00\" is not after the start"),
        "{}",
        text[1]
    );
    assert!(text[2].contains("duration:"), "{}", text[2]);
    assert!(text[3].contains("\"42\""), "{}", text[3]);
    assert!(
        text[4].contains("share affected: \"250\" is not above 0 and at most 100"),
        "{}",
        text[4]
    );
    assert!(
        text[5].contains("neither an end nor a duration"),
        "{}",
        text[5]
    );
    assert!(text[6].contains("lasts no time"), "{}", text[6]);
    assert!(text[7].contains("400 days"), "{}", text[7]);
}

#[test]
fn cells_pasted_from_a_spreadsheet_read_as_a_file_does() {
    let file = "start,duration,affected\n2025-04-10 14:00,42m,100\n2025-05-02 08:15,1h 30m,25\n";
    let pasted = file.replace(',', "\t");
    let semicolons = file.replace(',', ";");
    let a = read_incidents(file, &Utc).unwrap();
    assert_eq!(a.rows.len(), 2);
    assert_eq!(read_incidents(&pasted, &Utc).unwrap().rows, a.rows);
    assert_eq!(read_incidents(&semicolons, &Utc).unwrap().rows, a.rows);
    // Windows line ends, a blank line and a comment line change nothing.
    let crlf = format!(
        "# exported from the tracker\r\n{}\r\n\r\n",
        file.replace('\n', "\r\n")
    );
    assert_eq!(read_incidents(&crlf, &Utc).unwrap().rows, a.rows);
}

#[test]
fn a_table_without_its_columns_is_refused_whole() {
    let no_start = read_incidents("when,duration\n2025-04-10,42m\n", &Utc).unwrap_err();
    assert!(no_start.contains("no start column"), "{no_start}");
    let no_length = read_incidents("start,cause\n2025-04-10,db\n", &Utc).unwrap_err();
    assert!(
        no_length.contains("no end or duration column"),
        "{no_length}"
    );
    assert!(read_incidents("", &Utc).is_err());
    let one_count = read_series("timestamp,good\n1,1\n", &Utc).unwrap_err();
    assert!(one_count.contains("two of the columns"), "{one_count}");
}

#[test]
fn bad_series_rows_are_listed_and_repeated_steps_kept_once() {
    let csv = "\
time,good,bad,valid
1744286460,998,2,1000
1744286520,1001,0,1000
1744286580,x,0,1000
1744286640,990,5,1000
1744286460,999,1,1000
1744286700,1.5e2,0,150
1744286760,-1,0,0
";
    let read = read_series(csv, &Utc).unwrap();
    let lines: Vec<_> = read.problems.iter().map(|p| p.line.unwrap()).collect();
    assert_eq!(lines, [3, 4, 5, 6, 8]);
    assert!(read.problems[0].reason.contains("more than 1000 valid"));
    assert!(read.problems[2].reason.contains("do not add up"));
    assert!(read.problems[3].reason.contains("repeats"));
    assert!(read.problems[4].reason.contains("below zero"));
    assert_eq!(read.rows.len(), 2);
    assert_eq!(read.rows[1].good, Decimal::from(150));
}

#[test]
fn a_prometheus_range_query_reads_by_its_series_label() {
    let json = r#"{"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"series":"valid"},"values":[[1744286460,"1000"],[1744286520,"1000"],[1744286580,"1000"]]},
        {"metric":{"series":"bad"},"values":[[1744286460,"2"],[1744286520,"NaN"]]}
    ]}}"#;
    let read = read_prometheus_range(json).unwrap();
    assert_eq!(read.rows.len(), 1);
    assert_eq!(read.rows[0].good, Decimal::from(998));
    assert_eq!(read.problems.len(), 2);
    assert!(
        read.problems[0]
            .to_string()
            .contains("Unix time 1744286520"),
        "{}",
        read.problems[0]
    );
    assert!(
        read.problems[1].reason.contains("no bad value"),
        "{}",
        read.problems[1]
    );
    let unlabelled = r#"{"data":{"resultType":"matrix","result":[{"metric":{},"values":[]}]}}"#;
    assert!(read_prometheus_range(unlabelled)
        .unwrap_err()
        .contains("label"));
    let vector = r#"{"data":{"resultType":"vector","result":[]}}"#;
    assert!(read_prometheus_range(vector)
        .unwrap_err()
        .contains("not a matrix"));
    assert!(read_prometheus_range("not json").is_err());
    // A file of either kind: JSON by its first character, else a table.
    assert_eq!(read_any_series(json, &Utc).unwrap(), read);
    let table = read_any_series("timestamp,good,valid\n1744286460,998,1000\n", &Utc).unwrap();
    assert_eq!(table.rows, read.rows);
    assert!(read_any_series("{\"status\":\"error\"}", &Utc).is_err());
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use slo_core::record::incidents::{read_incidents, Incident, IncidentReading};

    /// Incidents over the first half of 2025: start minute, minutes, share affected (percent).
    fn incidents() -> impl Strategy<Value = Vec<Incident>> {
        prop::collection::vec((0i64..259_200, 1u64..600, 1u32..=100), 0..12).prop_map(|raw| {
            raw.into_iter()
                .enumerate()
                .map(|(i, (start, minutes, affected))| Incident {
                    line: i as u64 + 2,
                    start: unix("2025-01-01") + start * 60,
                    duration: minutes * 60,
                    affected: Decimal::from(affected) / Decimal::ONE_HUNDRED,
                    cause: String::new(),
                    sli: None,
                })
                .collect()
        })
    }

    fn met(incidents: &[Incident], target: &str, window_text: &str) -> usize {
        let periods = past_periods(
            &window(window_text),
            &Utc,
            unix("2025-01-01"),
            unix("2025-07-01"),
        )
        .unwrap();
        judge(
            &from_incidents(incidents, periods),
            &target.parse().unwrap(),
        )
        .met
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn raising_the_target_never_raises_the_past_periods_met(
            incidents in incidents(),
            window_text in prop::sample::select(vec!["month", "quarter", "28d", "7d"]),
            pair in prop::sample::select(vec![("99", "99.5"), ("99.5", "99.9"), ("99.9", "99.95"), ("99.95", "99.999")]),
        ) {
            prop_assert!(met(&incidents, pair.1, window_text) <= met(&incidents, pair.0, window_text));
        }

        /// A paste read a slice of lines at a time (as the page reads a
        /// large one between frames) reads as it does at once: good rows,
        /// bad rows, blank lines, comments and quoted cells across lines.
        #[test]
        fn incidents_read_in_slices_read_as_at_once(
            lines in prop::collection::vec(prop::sample::select(vec![
                "2025-02-10 14:00,42m,100,bad deploy",
                "2025-02-11 09:00,soon,100,typo",
                "",
                "# a comment",
                "2025-03-01 00:00,1:30:00,25,\"a cause\nover two lines\"",
                "2025-03-02 00:00,5m,,\"quoted, with a comma\"",
                "2025-03-03 00:00,5m,250,too much",
                "\"unclosed,5m",
                "2025-01-01 00:00+02:00,1h,50,with an offset",
            ]), 0..40),
            slice in 1usize..7,
        ) {
            let text = format!("start,duration,affected,cause\n{}", lines.join("\n"));
            let zone = slo_core::quantity::zone::Utc;
            let whole = read_incidents(&text, &zone);
            let mut reading = IncidentReading::start(&text, &zone).unwrap();
            let mut slices = 0;
            while !reading.read(slice).unwrap() {
                prop_assert!(reading.bytes_read() <= reading.bytes());
                slices += 1;
                prop_assert!(slices <= lines.len() + 1);
            }
            prop_assert_eq!(reading.finish(), whole.unwrap());
        }

        #[test]
        fn more_incidents_never_raise_the_past_periods_met(
            incidents in incidents(),
            more in incidents(),
            window_text in prop::sample::select(vec!["month", "quarter", "28d"]),
            target in prop::sample::select(vec!["99", "99.9", "99.95"]),
        ) {
            let mut all = incidents.clone();
            all.extend(more);
            all.sort_by_key(|i| i.start);
            prop_assert!(met(&all, target, window_text) <= met(&incidents, target, window_text));
        }
    }
}
