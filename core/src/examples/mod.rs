//! Example models: two one click away in the app, and one at workshop scale.
//!
//! - [`workbook_api`]: the SRE Workbook's Appendix A example (an API with
//!   availability 97 %, latency 90 % < 400 ms and 99 % < 850 ms over a
//!   four-week rolling window) with the Appendix B error budget policy; agreed.
//! - [`seed_chain`]: the seed "Insights on setting up a Service Level
//!   Agreement": a service on Azure Kubernetes (99.95 %), Azure MySQL (99.9 %)
//!   and API Management (99.95 %) over its own code (99 %); a draft.
//! - [`workshop_scale`]: a platform of many services (50 in the benchmarks:
//!   400 SLOs), for the tests and benchmarks at workshop scale.

use crate::model::alert_rule::AlertRuleSpec;
use crate::model::document::{Approver, Change, DocumentInfo, OnCallAgreement, Role, Status};
use crate::model::policy::{
    Activity, Clause, Condition, ConditionKind, Consequence, ConsequenceKind, ErrorBudgetPolicy,
    Execution, NextReview, PolicyExtras, SpendScope, StoppedActivity, Trigger,
};
use crate::model::session::Session;
use crate::model::{
    Comparison, Counts, Coupling, Dependency, DependencySource, EventsPer, Journey, JourneyKind,
    LatencyThreshold, Measurement, Model, Priority, Service, ServiceKind, Sli, SliKind, SliQueries,
    Slo, Team, Traffic, PROMETHEUS, SCHEMA_VERSION,
};
use crate::read::alert_rule::AlertRule;

mod scale;
mod scenario;
mod session;
pub use scale::workshop_scale;
use scenario::{first_half_of_2025, last_spring};

pub(super) fn s(text: &str) -> String {
    text.to_string()
}

fn external(name: &str, availability: &str, note: &str) -> Dependency {
    Dependency {
        name: s(name),
        source: DependencySource::External {
            availability: s(availability),
            note: s(note),
        },
        coupling: Coupling::Hard,
    }
}

fn slo(name: &str, target: &str, rationale: &str) -> Slo {
    Slo {
        name: s(name),
        target: s(target),
        window: s("28d"),
        rationale: s(rationale),
        ..Slo::default()
    }
}

/// Prometheus counter queries over the example API's metrics.
fn prometheus(counts: Counts, counted: &str, total: &str) -> SliQueries {
    SliQueries {
        source: s(PROMETHEUS),
        counter: true,
        counts,
        counted: s(counted),
        total: s(total),
    }
}

/// "400" ms as Prometheus's histogram bucket bound "0.4".
fn ms_as_seconds(ms: &str) -> String {
    ms.parse::<rust_decimal::Decimal>()
        .map(|d| {
            (d / rust_decimal::Decimal::from(1000))
                .normalize()
                .to_string()
        })
        .unwrap_or_default()
}

fn latency_sli(name: &str, ms: &str, target: &str) -> Sli {
    Sli {
        name: s(name),
        kind: SliKind::Latency,
        good_events: format!("API requests answered in less than {ms} ms"),
        valid_events: s("API requests, excluding health checks"),
        latency: Some(LatencyThreshold {
            threshold_ms: s(ms),
            comparison: Comparison::LessThan,
        }),
        measurement: Measurement::RequestBased,
        measured_at: s("load balancer logs"),
        traffic: Some(Traffic {
            valid_events: s("3663253"),
            per: EventsPer::Window,
        }),
        queries: Some(prometheus(
            Counts::Good,
            &format!("http_request_duration_seconds_bucket{{job=\"game-api\",handler!=\"/healthz\",le=\"{}\"}}", ms_as_seconds(ms)),
            "http_request_duration_seconds_count{job=\"game-api\",handler!=\"/healthz\"}",
        )),
        slos: vec![slo(
            &format!("{target} % of requests < {ms} ms"),
            target,
            "Set from the past four weeks of latency, as in SRE Workbook Appendix A",
        )],
        ..Sli::default()
    }
}

/// The SRE Workbook's Appendix A example API, with its Appendix B policy (agreed).
pub fn workbook_api() -> Model {
    let availability = Sli {
        name: s("API availability"),
        kind: SliKind::Availability,
        good_events: s("API requests answered without a 5xx status"),
        valid_events: s("API requests, excluding health checks"),
        bad_responses: Some(s("HTTP 5xx and requests that time out")),
        measurement: Measurement::RequestBased,
        measured_at: s("load balancer logs"),
        traffic: Some(Traffic {
            valid_events: s("3663253"),
            per: EventsPer::Window,
        }),
        queries: Some(prometheus(
            Counts::Bad,
            "http_requests_total{job=\"game-api\",code=~\"5..\"}",
            "http_requests_total{job=\"game-api\",handler!=\"/healthz\"}",
        )),
        slos: vec![Slo {
            priority: Some(Priority::P2),
            default_slo: true,
            sla: Some(s("95")),
            historical: Some(s("99.94")),
            aspirational_target: s("99"),
            hypothesis: session::availability_hypothesis(),
            scenarios: vec![last_spring()],
            history: Some(first_half_of_2025()),
            ..slo(
                "97 % of requests succeed",
                "97",
                "Players tolerate a retry; 97 % keeps the game playable (SRE Workbook Appendix A)",
            )
        }],
        ..Sli::default()
    };
    Model {
        schema_version: SCHEMA_VERSION,
        team: Team { name: s("Example Game Service"), description: s("Runs the game's public API") },
        services: vec![Service {
            name: s("Game API"),
            description: s("The API that game clients call to play, score and fetch leaderboards"),
            journeys: vec![Journey {
                name: s("Play a game"),
                kind: JourneyKind::UserJourney,
                description: s("A player starts, plays and scores a game"),
                happy_moment: s("The final score is shown and saved"),
                rank: s("1"),
                start_here: true,
                slis: vec![
                    availability,
                    latency_sli("API latency (400 ms)", "400", "90"),
                    latency_sli("API latency (850 ms)", "850", "99"),
                ],
            }],
            ..Service::default()
        }],
        policy: ErrorBudgetPolicy {
            scope: s("All SLOs of the Game API"),
            purpose: s("Protect players from repeated unreliability, and let the team innovate while the budget lasts"),
            conditions: vec![
                Condition {
                    id: s("exceeded"),
                    kind: ConditionKind::BudgetExhausted,
                    trigger: Trigger::Automatic,
                    description: s("The service exceeded its error budget for the preceding four-week window"),
                },
                Condition {
                    id: s("big-incident"),
                    kind: ConditionKind::BudgetSpend { percent: s("20"), scope: SpendScope::SingleIncident },
                    trigger: Trigger::Manual,
                    description: s("A single incident consumed more than 20 % of the four-week budget"),
                },
            ],
            consequences: vec![
                Consequence {
                    id: s("freeze"),
                    kind: ConsequenceKind::StopActivity { activity: StoppedActivity::FeatureReleasesToProduction },
                    execution: Execution::Automatable,
                    description: s("Halt all changes and releases other than P1 issues or security fixes until the service is back within its SLO"),
                },
                Consequence {
                    id: s("postmortem"),
                    kind: ConsequenceKind::ConductActivity { activity: Activity::Postmortem },
                    execution: Execution::ManualTraceable,
                    description: s("Conduct a postmortem with at least one P1 action item"),
                },
            ],
            clauses: vec![
                Clause {
                    condition: s("exceeded"),
                    consequences: vec![s("freeze")],
                    runbook: s("runbooks/release-freeze.md"),
                    traceability: s("Release pipeline gate reads the budget"),
                },
                Clause {
                    condition: s("big-incident"),
                    consequences: vec![s("postmortem")],
                    runbook: s("runbooks/postmortem.md"),
                    traceability: s("Postmortem ticket linked to the incident"),
                },
            ],
            escalation_policy: s("Disagreements about the budget calculation or the policy are escalated to the CTO"),
            agreed_by: vec![s("Product owner"), s("Development lead"), s("SRE lead")],
            next_review: NextReview { date: s("2025-04-01"), or_after_p1_outage: true },
            extras: PolicyExtras { silver_bullets_per_year: Some(s("3")), ..PolicyExtras::default() },
        },
        document: DocumentInfo {
            status: Status::Agreed,
            authors: vec![s("Steven Thurgood")],
            reviewers: vec![s("David Ferguson")],
            approvers: vec![
                Approver { name: s("Betsy Beyer"), role: Role::ProductOwner },
                Approver { name: s("Niall Murphy"), role: Role::Development },
                Approver { name: s("Kristina Bennett"), role: Role::Operations },
            ],
            approval_date: s("2025-01-06"),
            revisit_date: String::new(),
            service_overview: s("The Example Game Service lets Android and iOS users play a game with their friends. The API is the entry point for every client request."),
            rationale: s("Targets were set from the past four weeks of measurements and the players' tolerance for retries."),
            error_budget: s("Each SLO has its own error budget over a four-week rolling window; the policy below applies when a budget is spent."),
            clarifications: s("Requests that fail because of the client (4xx) are valid and good. Health checks are not valid events."),
            on_call: OnCallAgreement {
                rotation: s("One SRE and one developer, weekly rotation"),
                coverage: s("24/7"),
                time_to_acknowledge: s("5m"),
                escalation: s("Secondary on call after 15 minutes, then the team lead"),
                handover: s("Monday 10:00 handover meeting"),
            },
            change_log: vec![Change {
                date: s("2025-01-06"),
                author: s("Steven Thurgood"),
                description: s("First agreed version"),
            }],
        },
        alert_rules: AlertRuleSpec::workbook_defaults(),
        session: session::workbook_session(),
    }
}

/// The seed's chain: a service on Azure Kubernetes, MySQL and API Management (draft).
pub fn seed_chain() -> Model {
    let availability = Sli {
        name: s("Order API availability"),
        kind: SliKind::Availability,
        good_events: s("Order API requests answered without a 5xx status"),
        valid_events: s("Order API requests"),
        bad_responses: Some(s("HTTP 5xx from API Management")),
        measurement: Measurement::RequestBased,
        measured_at: s("Azure API Management analytics"),
        traffic: Some(Traffic { valid_events: s("250000"), per: EventsPer::Day }),
        slos: vec![Slo {
            name: s("98.5 % of order requests succeed"),
            target: s("98.5"),
            window: s("month"),
            sla: Some(s("98")),
            priority: Some(Priority::P1),
            rationale: s("Below what the platform allows: AKS 99.95 % x MySQL 99.9 % x API Management 99.95 % x our code 99 % is about 98.8 %"),
            default_slo: true,
            ..Slo::default()
        }],
        ..Sli::default()
    };
    Model {
        schema_version: SCHEMA_VERSION,
        team: Team { name: s("Shop platform"), description: s("Runs the web shop's order service on Azure") },
        services: vec![Service {
            name: s("Order service"),
            description: s("Hosted on Azure Kubernetes Service (SLA 99.95 %), stores orders in Azure Database for MySQL (99.9 %), exposed through Azure API Management (99.95 %); our own code is expected to be up 99 % of the time"),
            journeys: vec![Journey {
                name: s("Place an order"),
                kind: JourneyKind::UserJourney,
                description: s("A customer submits a basket and gets an order number"),
                slis: vec![availability],
                ..Journey::default()
            }],
            own_availability: Some(s("99")),
            dependencies: vec![
                external("Azure Kubernetes Service", "99.95", "Azure SLA for AKS (uptime SLA tier)"),
                external("Azure Database for MySQL", "99.9", "Azure SLA for Azure Database for MySQL"),
                external("Azure API Management", "99.95", "Azure SLA for API Management (Standard tier)"),
            ],
            ..Service::default()
        }],
        policy: ErrorBudgetPolicy {
            scope: s("The order service"),
            purpose: s("Keep the SLA we sell while we ship features"),
            conditions: vec![Condition {
                id: s("spent-70"),
                kind: ConditionKind::BudgetSpend { percent: s("70"), scope: SpendScope::Period },
                trigger: Trigger::Automatic,
                description: s("70 % of the month's budget spent"),
            }],
            consequences: vec![Consequence {
                id: s("stop-releases"),
                kind: ConsequenceKind::StopActivity { activity: StoppedActivity::FeatureReleasesToProduction },
                execution: Execution::Automatable,
                description: s("Stop feature releases to production until the next month"),
            }],
            clauses: vec![Clause {
                condition: s("spent-70"),
                consequences: vec![s("stop-releases")],
                runbook: String::new(),
                traceability: String::new(),
            }],
            ..ErrorBudgetPolicy::default()
        },
        document: DocumentInfo::default(),
        alert_rules: {
            let mut rules = AlertRuleSpec::workbook_defaults();
            rules.push(AlertRuleSpec::of(&AlertRule::esf_single_window("ESF single window")));
            rules
        },
        session: Session::default(),
    }
}

/// `model` with a component: the first service depends (hard) on a
/// "Leaderboard cache" the team runs itself (infrastructure, 99.99 %), which
/// depends on a managed database (external, 99.95 %). No journeys are
/// invented for the cache.
///
/// ```
/// use slo_core::{dependency::analyze, examples};
/// let model = examples::with_leaderboard_cache(examples::workbook_api());
/// let cache = analyze(&model).composites[1].clone().unwrap();
/// assert_eq!(cache.availability.independent.to_string(), "0.99940005");
/// ```
pub fn with_leaderboard_cache(mut model: Model) -> Model {
    if let Some(first) = model.services.first_mut() {
        first.dependencies.push(Dependency {
            name: s("Leaderboard cache"),
            source: DependencySource::Service,
            coupling: Coupling::Hard,
        });
    }
    model.services.push(Service {
        name: s("Leaderboard cache"),
        kind: ServiceKind::Infrastructure,
        description: s("Redis in front of the scores database, run by the team"),
        own_availability: Some(s("99.99")),
        dependencies: vec![external("Managed database", "99.95", "")],
        ..Service::default()
    });
    model
}
