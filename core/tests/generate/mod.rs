//! Generated models for property tests over what OpenSLO carries: services
//! of journeys of SLIs of SLOs (every window kind, time zones, priorities,
//! queries, time slices) and burn-rate alert rules, with names that need
//! escaping. Shared by the test files that include it (`mod generate;`).

use proptest::prelude::*;
use slo_core::model::alert_rule::{AlertRuleSpec, Notify, ThresholdSpec};
use slo_core::model::kind::Kind;
use slo_core::model::*;

pub fn word() -> impl Strategy<Value = String> {
    "[A-Za-zé0-9][A-Za-z0-9 <>&\"'/.é|#:{}\\[\\]-]{0,14}"
}

pub fn slo() -> impl Strategy<Value = Slo> {
    let windows = prop::sample::select(vec![
        "28d",
        "30d",
        "4w",
        "7d",
        "90m",
        "6h",
        "week",
        "month",
        "quarter",
        "year",
        "month:2025-02",
        "week:2024-W10",
        "quarter:2024-Q1",
        "year:2024",
    ]);
    let zones = prop::sample::select(vec!["", "Europe/Berlin", "America/New_York", "UTC"]);
    (
        prop_oneof![Just(String::new()), word()],
        (1u64..=9_999_999, 0u32..=5).prop_map(|(m, s)| {
            format!(
                "{}",
                rust_decimal::Decimal::new(m as i64, s + 2)
                    .min(rust_decimal::Decimal::new(99_999_999, 6))
            )
        }),
        windows,
        zones,
        prop::option::of(prop::sample::select(Priority::ALL.to_vec())),
        (prop_oneof![Just(String::new()), word()], any::<bool>()),
    )
        .prop_map(
            |(name, target, window, zone, priority, (rationale, default_slo))| Slo {
                name,
                target,
                window: window.into(),
                time_zone: zone.into(),
                priority,
                rationale,
                default_slo,
                ..Slo::default()
            },
        )
}

pub fn sli() -> impl Strategy<Value = Sli> {
    (
        word(),
        prop::sample::select(SliKind::ALL.to_vec()),
        (word(), prop_oneof![Just(String::new()), word()]),
        prop::option::of(prop::sample::select(vec!["1m", "5m", "1h"])),
        prop::option::of((word(), any::<bool>(), any::<bool>(), word(), word())),
        prop::collection::vec(slo(), 1..3),
    )
        .prop_map(|(name, kind, (good, valid), slice, queries, slos)| Sli {
            name,
            kind,
            good_events: good,
            valid_events: valid,
            measurement: if slice.is_some() {
                Measurement::TimeSliceBased
            } else {
                Measurement::RequestBased
            },
            time_slice: slice.unwrap_or_default().into(),
            queries: queries.map(|(source, counter, bad, counted, total)| SliQueries {
                source,
                counter,
                counts: if bad { Counts::Bad } else { Counts::Good },
                counted,
                total,
            }),
            slos,
            ..Sli::default()
        })
}

pub fn rule() -> impl Strategy<Value = AlertRuleSpec> {
    (
        word(),
        any::<bool>(),
        prop_oneof![
            prop::sample::select(vec!["2", "5", "10", "0.5"])
                .prop_map(|p| ThresholdSpec::BudgetPercent { percent: p.into() }),
            prop::sample::select(vec!["1", "2", "14.4"]).prop_map(|b| ThresholdSpec::BurnRate {
                burn_rate: b.into()
            }),
        ],
        prop::sample::select(vec![("1h", "5m"), ("6h", "30m"), ("3d", "6h"), ("1d", "")]),
        prop::sample::select(vec!["", "2m", "1h"]),
    )
        .prop_map(
            |(name, ticket, threshold, (long, short), after)| AlertRuleSpec {
                name,
                notify: if ticket { Notify::Ticket } else { Notify::Page },
                threshold,
                long_window: long.into(),
                short_window: short.into(),
                evaluation_interval: "1m".into(),
                alert_after: after.into(),
                snooze: String::new(),
            },
        )
}

pub fn model() -> impl Strategy<Value = Model> {
    let service = (
        word(),
        prop::collection::vec((word(), prop::collection::vec(sli(), 1..3)), 1..3),
    )
        .prop_map(|(name, journeys)| Service {
            name,
            journeys: journeys
                .into_iter()
                .enumerate()
                // Journey names are distinct within a service: OpenSLO carries a journey only as its SLIs' annotation.
                .map(|(i, (journey, slis))| Journey {
                    name: format!("{journey} {i}"),
                    slis,
                    ..Journey::default()
                })
                .collect(),
            ..Service::default()
        });
    (
        prop::collection::vec(service, 1..3),
        prop::collection::vec(rule(), 0..3),
    )
        .prop_map(|(services, alert_rules)| Model {
            services,
            alert_rules,
            ..Model::default()
        })
}
