//! The model file: any model survives export then import; no bytes and no JSON
//! panic the importer; bad files are refused with what and where.

use proptest::prelude::*;
use slo_core::codec::{
    compact_json, export_json, import_json, parse_json, read_own_json, ImportError, MAX_FILE_BYTES,
};
use slo_core::examples;
use slo_core::model::alert_rule::Notify;
use slo_core::model::alert_rule::{AlertRuleSpec, ThresholdSpec};
use slo_core::model::document::{Approver, Change, DocumentInfo, OnCallAgreement, Role, Status};
use slo_core::model::history::SloHistory;
use slo_core::model::kind::Kind;
use slo_core::model::policy::*;
use slo_core::model::scenario::*;
use slo_core::model::session::{
    Decision, Hypothesis, OpenQuestion, Participant, ParticipantRole, Session,
};
use slo_core::model::*;
use slo_core::problem::{has_errors, Severity};
use slo_core::quantity::zone::UtcOnly;
use slo_core::validate::validate;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-zA-Z0-9 <>&\"'/.é]{1,12}", ".{0,8}"]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn target() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["99.9", "99.95", "97", "90", "99.999", "98.5"])
            .prop_map(String::from),
        text()
    ]
}

fn slo() -> BoxedStrategy<Slo> {
    (
        text(),
        target(),
        prop::sample::select(vec![
            "28d",
            "30d",
            "month",
            "month:2024-02",
            "4w",
            "quarter",
        ]),
        prop::option::of(target()),
        prop::option::of(target()),
        prop::option::of(prop::sample::select(vec![
            Priority::P1,
            Priority::P2,
            Priority::P3,
            Priority::P4,
        ])),
        text(),
        any::<bool>(),
        prop::sample::select(vec!["", "UTC", "Europe/Berlin"]),
        prop::collection::vec(scenario(), 0..2),
        prop::option::of(history()),
        (
            text(),
            prop_oneof![Just(String::new()), target()],
            hypothesis(),
        ),
    )
        .prop_map(
            |(
                name,
                target,
                window,
                sla,
                historical,
                priority,
                rationale,
                default_slo,
                tz,
                scenarios,
                history,
                (above_ceiling_reason, aspirational_target, hypothesis),
            )| Slo {
                name,
                target,
                aspirational_target,
                window: window.to_string(),
                time_zone: tz.to_string(),
                sla,
                historical,
                priority,
                rationale,
                default_slo,
                above_ceiling_reason,
                hypothesis,
                scenarios,
                history,
            },
        )
        .boxed()
}

fn hypothesis() -> impl Strategy<Value = Hypothesis> {
    (text(), text(), text()).prop_map(|(believe, result, signal)| Hypothesis {
        believe,
        result,
        signal,
    })
}

fn session() -> BoxedStrategy<Session> {
    (
        prop::collection::vec(
            (text(), prop::sample::select(ParticipantRole::ALL.to_vec()))
                .prop_map(|(name, role)| Participant { name, role }),
            0..3,
        ),
        prop::collection::vec(
            prop::sample::select(vec!["room", "target", "x"]).prop_map(String::from),
            0..3,
        ),
        prop::collection::vec(
            (
                text(),
                text(),
                prop::sample::select(vec!["", "customer"]),
                any::<bool>(),
            )
                .prop_map(|(question, owner, step, answered)| OpenQuestion {
                    question,
                    owner,
                    step: step.to_string(),
                    answered,
                }),
            0..2,
        ),
        prop::collection::vec(
            (text(), text(), text()).prop_map(|(date, what, why)| Decision { date, what, why }),
            0..2,
        ),
    )
        .prop_map(|(participants, done, questions, decisions)| Session {
            participants,
            done,
            questions,
            decisions,
        })
        .boxed()
}

fn history() -> BoxedStrategy<SloHistory> {
    let incidents = prop_oneof![
        Just(
            "start,duration,affected %,cause\n2025-04-10 14:00,42m,100,db | \"failover\"\n"
                .to_string()
        ),
        text()
    ];
    (
        incidents,
        prop::sample::select(vec!["", "2025-01-01", "not a date"]),
        prop::sample::select(vec!["", "2025-07-01"]),
        prop::collection::vec(target(), 0..7),
        prop::option::of(risk()),
    )
        .prop_map(|(incidents, from, to, candidates, risk)| SloHistory {
            incidents,
            from: from.to_string(),
            to: to.to_string(),
            candidates,
            risk,
        })
        .boxed()
}

fn duration_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["5m", "1h", "18d 14h", "0s", "2h 30m"]).prop_map(String::from),
        text()
    ]
}

fn event() -> impl Strategy<Value = ScenarioEvent> {
    let kind = prop_oneof![
        text().prop_map(|error_percent| EventKind::Incident { error_percent }),
        Just(EventKind::PlannedDowntime),
        (text(), text()).prop_map(
            |(traffic_percent, error_percent)| EventKind::PartialTraffic {
                traffic_percent,
                error_percent
            }
        ),
    ];
    (text(), kind, duration_text(), duration_text(), text()).prop_map(
        |(name, kind, start, duration, cause)| ScenarioEvent {
            name,
            kind,
            start,
            duration,
            cause,
        },
    )
}

fn risk() -> impl Strategy<Value = RiskModel> {
    (
        text(),
        duration_text(),
        duration_text(),
        (text(), text()),
        text(),
        text(),
    )
        .prop_map(
            |(incidents_per_period, median, p90, (share, error), periods, seed)| RiskModel {
                incidents_per_period,
                median_time_to_restore: median,
                p90_time_to_restore: p90,
                severities: vec![IncidentSeverity {
                    share_percent: share,
                    error_percent: error,
                }],
                periods,
                seed,
            },
        )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let traffic = prop_oneof![
        text().prop_map(|requests_per_minute| TrafficProfile::Constant {
            requests_per_minute
        }),
        (text(), text(), text()).prop_map(|(peak_per_minute, trough_per_minute, peak_hour)| {
            TrafficProfile::Daily {
                peak_per_minute,
                trough_per_minute,
                peak_hour,
            }
        }),
    ];
    let risk = risk();
    (
        text(),
        traffic,
        text(),
        prop::collection::vec(event(), 0..3),
        prop::option::of(risk),
    )
        .prop_map(
            |(name, traffic, background_error_percent, events, risk)| Scenario {
                name,
                traffic,
                background_error_percent,
                events,
                risk,
            },
        )
}

fn alert_rule() -> impl Strategy<Value = AlertRuleSpec> {
    let threshold = prop_oneof![
        text().prop_map(|percent| ThresholdSpec::BudgetPercent { percent }),
        text().prop_map(|burn_rate| ThresholdSpec::BurnRate { burn_rate }),
    ];
    (
        text(),
        prop::sample::select(vec![Notify::Page, Notify::Ticket]),
        threshold,
        (
            duration_text(),
            duration_text(),
            duration_text(),
            duration_text(),
            duration_text(),
        ),
    )
        .prop_map(
            |(
                name,
                notify,
                threshold,
                (long_window, short_window, evaluation_interval, alert_after, snooze),
            )| {
                AlertRuleSpec {
                    name,
                    notify,
                    threshold,
                    long_window,
                    short_window,
                    evaluation_interval,
                    alert_after,
                    snooze,
                }
            },
        )
}

fn sli() -> impl Strategy<Value = Sli> {
    (
        text(),
        prop::sample::select(SliKind::ALL.to_vec()),
        (text(), text(), opt_text(), text()),
        prop::option::of((text(), any::<bool>())),
        (
            prop_oneof![
                Just(Measurement::RequestBased),
                Just(Measurement::TimeSliceBased)
            ],
            text(),
        ),
        (prop::option::of((text(), any::<bool>())), queries()),
        prop::collection::vec(slo(), 0..3),
    )
        .prop_map(
            |(
                name,
                kind,
                (good, valid, bad, at),
                latency,
                measurement,
                (traffic, queries),
                slos,
            )| Sli {
                name,
                kind,
                good_events: good,
                valid_events: valid,
                bad_responses: bad,
                latency: latency.map(|(ms, le)| LatencyThreshold {
                    threshold_ms: ms,
                    comparison: if le {
                        Comparison::LessOrEqual
                    } else {
                        Comparison::LessThan
                    },
                }),
                measurement: measurement.0,
                time_slice: measurement.1,
                measured_at: at,
                traffic: traffic.map(|(events, day)| Traffic {
                    valid_events: events,
                    per: if day {
                        EventsPer::Day
                    } else {
                        EventsPer::Window
                    },
                }),
                queries,
                slos,
            },
        )
}

fn queries() -> impl Strategy<Value = Option<SliQueries>> {
    prop::option::of(
        (text(), any::<bool>(), any::<bool>(), text(), text()).prop_map(
            |(source, counter, bad, counted, total)| SliQueries {
                source,
                counter,
                counts: if bad { Counts::Bad } else { Counts::Good },
                counted,
                total,
            },
        ),
    )
}

fn dependency() -> impl Strategy<Value = Dependency> {
    let source = prop_oneof![
        Just(DependencySource::Service),
        (target(), text())
            .prop_map(|(availability, note)| DependencySource::External { availability, note }),
    ];
    let coupling = prop_oneof![
        Just(Coupling::Hard),
        Just(Coupling::Soft),
        (text(), text(), text(), text()).prop_map(
            |(replicas, required, failover, failures_per_year)| {
                Coupling::Redundant {
                    replicas,
                    required,
                    failover,
                    failures_per_year,
                }
            }
        ),
    ];
    (text(), source, coupling).prop_map(|(name, source, coupling)| Dependency {
        name,
        source,
        coupling,
    })
}

fn service() -> impl Strategy<Value = Service> {
    (
        text(),
        text(),
        prop::collection::vec(
            (
                text(),
                any::<bool>(),
                text(),
                prop::collection::vec(sli(), 0..3),
                (
                    text(),
                    prop_oneof![Just(String::new()), Just("1".to_string()), text()],
                    any::<bool>(),
                ),
            ),
            0..3,
        ),
        prop::option::of(target()),
        prop::collection::vec(dependency(), 0..3),
        prop::sample::select(ServiceKind::ALL.to_vec()),
    )
        .prop_map(
            |(name, description, journeys, own_availability, dependencies, kind)| Service {
                name,
                kind,
                description,
                journeys: journeys
                    .into_iter()
                    .map(
                        |(name, endpoint, description, slis, (happy_moment, rank, start_here))| {
                            Journey {
                                name,
                                kind: if endpoint {
                                    JourneyKind::Endpoint
                                } else {
                                    JourneyKind::UserJourney
                                },
                                description,
                                happy_moment,
                                rank,
                                start_here,
                                slis,
                            }
                        },
                    )
                    .collect(),
                own_availability,
                dependencies,
            },
        )
}

fn condition() -> impl Strategy<Value = Condition> {
    let kind = prop_oneof![
        Just(ConditionKind::BudgetExhausted),
        (
            text(),
            prop::sample::select(vec![
                SpendScope::Period,
                SpendScope::SingleIncident,
                SpendScope::QuarterByOutageKind
            ])
        )
            .prop_map(|(percent, scope)| ConditionKind::BudgetSpend { percent, scope }),
        (text(), text()).prop_map(|(percent, within)| ConditionKind::BurnRate { percent, within }),
        (text(), text()).prop_map(|(percent, dependency)| ConditionKind::Dependency {
            percent,
            dependency
        }),
        Just(ConditionKind::Resource),
        Just(ConditionKind::Custom),
    ];
    (text(), kind, any::<bool>(), text()).prop_map(|(id, kind, manual, description)| Condition {
        id,
        kind,
        trigger: if manual {
            Trigger::Manual
        } else {
            Trigger::Automatic
        },
        description,
    })
}

fn consequence() -> impl Strategy<Value = Consequence> {
    let activity = prop_oneof![
        Just(Activity::Postmortem),
        (0..Priority::ALL.len(), text()).prop_map(|(p, deadline)| Activity::ActionItem {
            priority: Priority::ALL[p],
            deadline
        }),
        Just(Activity::EngageDependencyOwner),
        Just(Activity::CommunicateBudget),
        Just(Activity::Other),
    ];
    let kind = prop_oneof![
        text().prop_map(|who| ConsequenceKind::AssignPeople { who }),
        activity.prop_map(|activity| ConsequenceKind::ConductActivity { activity }),
        prop::sample::select(vec![
            StoppedActivity::FeatureReleasesToStaging,
            StoppedActivity::FeatureReleasesToProduction,
            StoppedActivity::Other
        ])
        .prop_map(|activity| ConsequenceKind::StopActivity { activity }),
    ];
    (text(), kind, any::<bool>(), text()).prop_map(|(id, kind, manual, description)| Consequence {
        id,
        kind,
        execution: if manual {
            Execution::ManualTraceable
        } else {
            Execution::Automatable
        },
        description,
    })
}

fn policy() -> impl Strategy<Value = ErrorBudgetPolicy> {
    (
        (text(), text(), text()),
        prop::collection::vec(condition(), 0..3),
        prop::collection::vec(consequence(), 0..3),
        prop::collection::vec(
            (text(), prop::collection::vec(text(), 0..3), text(), text()),
            0..3,
        ),
        prop::collection::vec(text(), 0..3),
        (text(), any::<bool>()),
        (
            opt_text(),
            opt_text(),
            prop::option::of(0u32..10),
            opt_text(),
            opt_text(),
        ),
    )
        .prop_map(
            |(
                (scope, purpose, escalation),
                conditions,
                consequences,
                clauses,
                agreed_by,
                (date, p1),
                extras,
            )| {
                ErrorBudgetPolicy {
                    scope,
                    purpose,
                    conditions,
                    consequences,
                    clauses: clauses
                        .into_iter()
                        .map(|(condition, consequences, runbook, traceability)| Clause {
                            condition,
                            consequences,
                            runbook,
                            traceability,
                        })
                        .collect(),
                    escalation_policy: escalation,
                    agreed_by,
                    next_review: NextReview {
                        date,
                        or_after_p1_outage: p1,
                    },
                    extras: PolicyExtras {
                        code_yellow: extras.0,
                        code_red: extras.1,
                        silver_bullets_per_year: extras.2.map(|n| n.to_string()),
                        thaw_tax_days: extras.3,
                        budget_top_up: extras.4,
                    },
                }
            },
        )
}

fn document() -> impl Strategy<Value = DocumentInfo> {
    (
        prop::sample::select(vec![Status::Draft, Status::Agreed, Status::Superseded]),
        (
            prop::collection::vec(text(), 0..2),
            prop::collection::vec(text(), 0..2),
        ),
        prop::collection::vec((text(), prop::sample::select(Role::ALL.to_vec())), 0..4),
        (text(), text()),
        (text(), text(), text(), text()),
        (text(), text(), text(), text(), text()),
        prop::collection::vec((text(), text(), text()), 0..2),
    )
        .prop_map(
            |(
                status,
                (authors, reviewers),
                approvers,
                (approval, revisit),
                sections,
                on_call,
                changes,
            )| DocumentInfo {
                status,
                authors,
                reviewers,
                approvers: approvers
                    .into_iter()
                    .map(|(name, role)| Approver { name, role })
                    .collect(),
                approval_date: approval,
                revisit_date: revisit,
                service_overview: sections.0,
                rationale: sections.1,
                error_budget: sections.2,
                clarifications: sections.3,
                on_call: OnCallAgreement {
                    rotation: on_call.0,
                    coverage: on_call.1,
                    time_to_acknowledge: on_call.2,
                    escalation: on_call.3,
                    handover: on_call.4,
                },
                change_log: changes
                    .into_iter()
                    .map(|(date, author, description)| Change {
                        date,
                        author,
                        description,
                    })
                    .collect(),
            },
        )
}

fn model() -> impl Strategy<Value = Model> {
    (
        (text(), text()),
        prop::collection::vec(service(), 0..3),
        policy(),
        document(),
        prop::collection::vec(alert_rule(), 0..3),
        session(),
    )
        .prop_map(
            |((name, description), services, policy, document, alert_rules, session)| Model {
                schema_version: SCHEMA_VERSION,
                team: Team { name, description },
                services,
                policy,
                document,
                alert_rules,
                session,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_model_survives_export_then_parse(model in model()) {
        let json = export_json(&model);
        prop_assert_eq!(parse_json(json.as_bytes()).unwrap(), model);
    }

    /// The pages' light reader (autosave, undo history, the importer's
    /// answer) reads back whatever the app writes, as the importer does.
    #[test]
    fn the_light_reader_reads_what_the_app_writes(model in model()) {
        let json = export_json(&model);
        let light = read_own_json(&json);
        prop_assert_eq!(light.as_ref(), Some(&model));
        prop_assert_eq!(light, parse_json(json.as_bytes()).ok());
        let compact = compact_json(&model);
        prop_assert_eq!(read_own_json(&compact), Some(model.clone()));
        prop_assert_eq!(parse_json(compact.as_bytes()).ok(), Some(model));
    }

    /// The compact text the app keeps for itself is the export's text
    /// without its whitespace: the same JSON value, smaller.
    #[test]
    fn the_compact_text_is_the_export_without_whitespace(model in model()) {
        let (pretty, compact) = (export_json(&model), compact_json(&model));
        let value: serde_json::Value = serde_json::from_str(&pretty).unwrap();
        prop_assert_eq!(&compact, &serde_json::to_string(&value).unwrap());
        prop_assert!(compact.len() < pretty.len());
    }

    /// The light writer (`codec::tree`, which the pages carry) writes the
    /// very text serde's derived `Serialize` writes: keys, order, and the
    /// fields left out when they hold their default.
    #[test]
    fn the_light_writer_writes_what_serde_writes(model in model()) {
        prop_assert_eq!(export_json(&model), serde_json::to_string_pretty(&model).unwrap());
    }

    /// A model file with one key taken out, one unknown key added or one
    /// value replaced: whatever the light reader still takes, the importer
    /// takes the same way (the light reader is never the looser one).
    #[test]
    fn the_light_reader_is_never_looser_than_the_importer(
        model in model(),
        at in 0usize..400,
        change in 0u8..4,
    ) {
        let mut json: serde_json::Value = serde_json::from_str(&export_json(&model)).unwrap();
        let mut seen = 0;
        change_one_object(&mut json, at, change, &mut seen);
        let text = serde_json::to_string(&json).unwrap();
        if let Some(read) = read_own_json(&text) {
            prop_assert_eq!(parse_json(text.as_bytes()).ok(), Some(read));
        }
    }

    /// Anything the light reader takes, the importer takes the same way.
    #[test]
    fn the_light_reader_never_reads_what_the_importer_refuses(json in arbitrary_json()) {
        let text = serde_json::to_string(&json).unwrap();
        if let Some(model) = read_own_json(&text) {
            prop_assert_eq!(parse_json(text.as_bytes()).ok(), Some(model));
        }
    }

    /// Whatever the app can export, it can import: export -> import -> export
    /// is identical, with or without errors. The one change an import makes
    /// is an "agreed" status over errors, which opens as a draft (the app
    /// never exports that: it settles the status after every edit).
    #[test]
    fn any_model_survives_export_then_import_then_export(model in model()) {
        let problems = validate(&model, &UtcOnly);
        let json = export_json(&model);
        let opened = import_json(json.as_bytes(), &UtcOnly).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let claims_agreement = model.document.status == Status::Agreed && has_errors(&problems);
        prop_assert_eq!(opened.reopened_as_draft, claims_agreement);
        if claims_agreement {
            prop_assert_eq!(opened.model.document.status, Status::Draft);
            let mut settled = model.clone();
            settled.document.status = Status::Draft;
            prop_assert_eq!(&opened.model, &settled);
        } else {
            prop_assert_eq!(&opened.problems, &problems);
            prop_assert_eq!(&export_json(&opened.model), &json);
        }
        let again = import_json(export_json(&opened.model).as_bytes(), &UtcOnly).unwrap();
        prop_assert!(!again.reopened_as_draft);
        prop_assert_eq!(export_json(&again.model), export_json(&opened.model));
        prop_assert!(again.model.document.status != Status::Agreed || again.errors() == 0);
    }

    #[test]
    fn random_bytes_never_panic_the_importer(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = import_json(&bytes, &UtcOnly);
    }

    #[test]
    fn random_json_never_panics_the_importer(json in arbitrary_json()) {
        let text = serde_json::to_string(&json).unwrap();
        let _ = import_json(text.as_bytes(), &UtcOnly);
        let mut with_version = json.clone();
        if let serde_json::Value::Object(map) = &mut with_version {
            map.insert("schemaVersion".into(), 1.into());
        }
        let _ = import_json(serde_json::to_string(&with_version).unwrap().as_bytes(), &UtcOnly);
    }

    #[test]
    fn mutated_model_files_never_panic(model in model(), cut in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = export_json(&model).into_bytes();
        if !bytes.is_empty() {
            let at = cut % bytes.len();
            bytes[at] = byte;
            let _ = import_json(&bytes, &UtcOnly);
            bytes.truncate(at);
            let _ = import_json(&bytes, &UtcOnly);
        }
    }
}

/// Changes the `at`-th object (depth first) of `json`: takes out its first
/// key (0), adds an unknown key (1), sets its first value to null (2) or to
/// a number (3). `seen` counts the objects passed.
fn change_one_object(json: &mut serde_json::Value, at: usize, change: u8, seen: &mut usize) {
    match json {
        serde_json::Value::Object(object) => {
            if *seen == at {
                let first = object.keys().next().cloned();
                match (change, first) {
                    (0, Some(key)) => {
                        object.shift_remove(&key);
                    }
                    (1, _) => {
                        object.insert("unknownField".into(), serde_json::Value::from("x"));
                    }
                    (2, Some(key)) => {
                        object.insert(key, serde_json::Value::Null);
                    }
                    (_, Some(key)) => {
                        object.insert(key, serde_json::Value::from(7));
                    }
                    _ => {}
                }
            }
            *seen += 1;
            object
                .values_mut()
                .for_each(|v| change_one_object(v, at, change, seen));
        }
        serde_json::Value::Array(items) => {
            items
                .iter_mut()
                .for_each(|v| change_one_object(v, at, change, seen));
        }
        _ => {}
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        ".{0,10}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    prop::sample::select(vec![
                        "schemaVersion",
                        "team",
                        "name",
                        "services",
                        "journeys",
                        "slis",
                        "slos",
                        "target",
                        "window",
                        "policy",
                        "document",
                        "kind",
                        "type"
                    ])
                    .prop_map(String::from),
                    "[a-z]{1,6}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn the_examples_import_cleanly() {
    for model in [examples::workbook_api(), examples::seed_chain()] {
        let back = import_json(export_json(&model).as_bytes(), &UtcOnly).unwrap();
        assert_eq!(back.model, model);
        assert_eq!(back.errors(), 0);
    }
}

#[test]
fn schema_version_comes_first() {
    let json = export_json(&examples::seed_chain());
    assert!(
        json.starts_with(&format!("{{\n  \"schemaVersion\": {SCHEMA_VERSION},")),
        "{json}"
    );
}

#[test]
fn bad_files_say_what_and_where() {
    let message = |bytes: &[u8]| import_json(bytes, &UtcOnly).unwrap_err().to_string();
    assert_eq!(
        message(b"{ nope"),
        "the file is not JSON: line 1, column 3: key must be a string"
    );
    assert_eq!(
        message(&[0xff, 0x00]),
        "the file is not text (UTF-8): is it a model exported as JSON?"
    );
    assert_eq!(
        message(b"[]"),
        "the file is JSON but not an slo-planner model: it has no \"schemaVersion\""
    );
    assert_eq!(
        message(br#"{"schemaVersion": 10}"#),
        "the file has schemaVersion 10, newer than this slo-planner reads (9): open it with a newer slo-planner"
    );
    assert_eq!(
        message(br#"{"schemaVersion": 0}"#),
        "schemaVersion 0 is not a version slo-planner ever wrote (the first is 1)"
    );
    assert_eq!(
        message(br#"{"schemaVersion": 3}"#),
        "the file: missing field `team` (the file says schemaVersion 3)"
    );
}

#[test]
fn a_component_round_trips_and_user_facing_is_left_out_of_the_file() {
    let model = examples::with_leaderboard_cache(examples::seed_chain());
    let json = export_json(&model);
    assert_eq!(
        json.matches("\"kind\": \"infrastructure\"").count(),
        1,
        "{json}"
    );
    assert!(!json.contains("userFacing"), "{json}");
    assert_eq!(import_json(json.as_bytes(), &UtcOnly).unwrap().model, model);
}

#[test]
fn a_model_with_errors_opens_with_its_problems_at_their_fields() {
    let mut model = examples::workbook_api();
    model.document.status = Status::Draft;
    model.services[0].journeys[0].slis[0].slos[0].target = "100".into();
    let opened = import_json(export_json(&model).as_bytes(), &UtcOnly).unwrap();
    assert_eq!(opened.model, model);
    assert_eq!(opened.errors(), 1);
    let error = opened
        .problems
        .iter()
        .find(|p| p.severity == Severity::Error)
        .unwrap();
    assert_eq!(
        error.to_string(),
        "services[0].journeys[0].slis[0].slos[0].target: 100 % leaves no error budget: choose a target below 100"
    );
    assert_eq!(opened.summary(), "it has 1 error(s), shown at their fields");
}

#[test]
fn an_agreed_file_with_errors_opens_as_a_draft() {
    let mut model = examples::workbook_api();
    assert_eq!(model.document.status, Status::Agreed);
    model.services[0].journeys[0].slis[0].slos[0].target = "100".into();
    let opened = import_json(export_json(&model).as_bytes(), &UtcOnly).unwrap();
    assert!(opened.reopened_as_draft);
    assert_eq!(opened.model.document.status, Status::Draft);
    assert!(
        opened.summary().contains("opened as a draft"),
        "{}",
        opened.summary()
    );
    // The exported file no longer claims agreement.
    assert!(export_json(&opened.model).contains("\"status\": \"draft\""));
}

#[test]
fn a_50_megabyte_file_is_refused_before_parsing() {
    let big = vec![b' '; 50 * 1024 * 1024];
    assert_eq!(
        import_json(&big, &UtcOnly).unwrap_err(),
        ImportError::TooLarge(big.len())
    );
    assert_eq!(
        ImportError::TooLarge(big.len()).to_string(),
        "the file is 50.0 MB; a model file can be at most 5 MB"
    );
    // Tenths, rounded half up: 5.25 MiB, just over 5.2 MiB, just over 5.1 MiB.
    for (bytes, shown) in [(5_505_024, "5.3"), (5_452_596, "5.2"), (5_347_738, "5.1")] {
        assert!(ImportError::TooLarge(bytes)
            .to_string()
            .starts_with(&format!("the file is {shown} MB")));
    }
    assert!(MAX_FILE_BYTES < big.len());
}

#[test]
fn version_1_to_4_files_are_migrated() {
    let mut model = examples::workbook_api();
    model.alert_rules.clear();
    model.services[0].journeys[0].slis[0].slos[0]
        .scenarios
        .clear();
    for old in ["1", "2", "3", "4"] {
        let json = export_json(&model).replacen(
            &format!("\"schemaVersion\": {SCHEMA_VERSION}"),
            &format!("\"schemaVersion\": {old}"),
            1,
        );
        assert!(json.contains(&format!("\"schemaVersion\": {old}")));
        let back = import_json(json.as_bytes(), &UtcOnly).unwrap().model;
        assert_eq!(back, model);
        assert_eq!(back.schema_version, SCHEMA_VERSION);
        // Version 3 had no service kinds: every service is user-facing.
        assert!(back
            .services
            .iter()
            .all(|s| s.kind == ServiceKind::UserFacing));
    }
}

/// A version-4 file with an action item whose priority is `text`.
fn version_4_action_item(text: &str) -> Vec<u8> {
    let mut model = examples::workbook_api();
    model.policy.consequences.truncate(1);
    model.policy.consequences[0].kind = ConsequenceType::ActionItem.start();
    model.policy.consequences[0].description = "Fix the cause".into();
    let mut value: serde_json::Value = serde_json::from_str(&export_json(&model)).unwrap();
    value["schemaVersion"] = 4.into();
    value["policy"]["consequences"][0]["kind"]["activity"]["priority"] = text.into();
    serde_json::to_vec(&value).unwrap()
}

fn action_item_priority(model: &slo_core::Model) -> Priority {
    match &model.policy.consequences[0].kind {
        ConsequenceKind::ConductActivity {
            activity: Activity::ActionItem { priority, .. },
        } => *priority,
        other => panic!("not an action item: {other:?}"),
    }
}

#[test]
fn version_4_action_item_priorities_read_into_p1_to_p4_keeping_other_text() {
    for (text, priority) in [
        ("P2", Priority::P2),
        (" p3 ", Priority::P3),
        ("4", Priority::P4),
        ("Priority 1", Priority::P1),
    ] {
        let opened = import_json(&version_4_action_item(text), &UtcOnly).unwrap();
        assert_eq!(action_item_priority(&opened.model), priority, "{text}");
        assert_eq!(
            opened.model.policy.consequences[0].description,
            "Fix the cause"
        );
    }
    // Text that names no priority is kept in the description, never lost.
    let opened = import_json(&version_4_action_item("urgent"), &UtcOnly).unwrap();
    assert_eq!(action_item_priority(&opened.model), Priority::P1);
    assert_eq!(
        opened.model.policy.consequences[0].description,
        "Fix the cause (the action item's priority was \"urgent\")"
    );
    // Version 5 reads only P1-P4, and says where a file has something else.
    let mut value: serde_json::Value =
        serde_json::from_slice(&version_4_action_item("P2")).unwrap();
    value["schemaVersion"] = 5.into();
    value["policy"]["consequences"][0]["kind"]["activity"]["priority"] = "urgent".into();
    let error = import_json(&serde_json::to_vec(&value).unwrap(), &UtcOnly).unwrap_err();
    assert!(
        error.to_string().starts_with(
            "policy.consequences[0].kind: unknown variant `urgent`, expected one of `P1`"
        ),
        "{error}"
    );
}
