//! Every validation rule of the workshop model, with its field path and severity.

use slo_core::examples::{seed_chain, with_leaderboard_cache, workbook_api};
use slo_core::model::document::{Approver, Role, Status};
use slo_core::model::policy::{Activity, Clause, ConditionKind, ConsequenceKind};
use slo_core::model::SCHEMA_VERSION;
use slo_core::model::{LatencyThreshold, Measurement, Model, ServiceKind, SliKind, Traffic};
use slo_core::problem::{has_errors, Problem, Severity};
use slo_core::quantity::zone::UtcOnly;
use slo_core::validate::{revisit_date, validate};

const SLO: &str = "services[0].journeys[0].slis[0].slos[0]";
const SLI: &str = "services[0].journeys[0].slis[0]";

fn problems(model: &Model) -> Vec<Problem> {
    validate(model, &UtcOnly)
}

/// The one problem at `path`, asserting its severity and a part of its message.
fn expect(model: &Model, path: &str, severity: Severity, needle: &str) {
    let all = problems(model);
    let found: Vec<_> = all.iter().filter(|p| p.path == path).collect();
    assert!(
        found
            .iter()
            .any(|p| p.severity == severity && p.message.contains(needle)),
        "no {severity:?} at {path} containing {needle:?}; got {all:#?}"
    );
}

fn draft(mut model: Model) -> Model {
    model.document.status = Status::Draft;
    model
}

#[test]
fn the_examples_have_no_errors() {
    assert!(
        problems(&workbook_api()).is_empty(),
        "{:#?}",
        problems(&workbook_api())
    );
    assert!(problems(&seed_chain())
        .iter()
        .all(|p| p.severity == Severity::Warning));
}

#[test]
fn slo_targets_windows_and_zones() {
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].slos[0].target = "100".into();
    expect(
        &m,
        &format!("{SLO}.target"),
        Severity::Error,
        "100 % leaves no error budget",
    );
    let shown = problems(&m)
        .iter()
        .find(|p| p.path.ends_with(".target"))
        .unwrap()
        .to_string();
    assert_eq!(
        shown,
        format!("{SLO}.target: 100 % leaves no error budget: choose a target below 100")
    );
    m.services[0].journeys[0].slis[0].slos[0].target = "abc".into();
    expect(
        &m,
        &format!("{SLO}.target"),
        Severity::Error,
        "\"abc\" is not a number",
    );
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].slos[0].window = "0d".into();
    expect(
        &m,
        &format!("{SLO}.window"),
        Severity::Error,
        "longer than zero",
    );
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].slos[0].time_zone = "Mars/Olympus".into();
    expect(
        &m,
        &format!("{SLO}.timeZone"),
        Severity::Error,
        "unknown time zone \"Mars/Olympus\"",
    );
}

#[test]
fn sla_must_be_looser_than_the_slo() {
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].slos[0].sla = Some("99".into());
    expect(
        &m,
        &format!("{SLO}.sla"),
        Severity::Warning,
        "the SLA 99 % is not looser than the SLO 97 %",
    );
    m.services[0].journeys[0].slis[0].slos[0].sla = Some("101".into());
    expect(
        &m,
        &format!("{SLO}.sla"),
        Severity::Error,
        "101 % is above 100 %",
    );
}

#[test]
fn slo_tighter_than_history_warns() {
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].slos[0].historical = Some("96.5".into());
    expect(
        &m,
        &format!("{SLO}.target"),
        Severity::Warning,
        "tighter than the best performance ever observed, 96.5 %",
    );
    // Issue 27: the sentence stays plain; its source is in `why`.
    let problems = slo_core::validate::validate(&m, &slo_core::quantity::zone::UtcOnly);
    let found = problems
        .iter()
        .find(|p| p.path == format!("{SLO}.target"))
        .unwrap();
    assert!(!found.message.contains("ESF"), "{}", found.message);
    assert!(
        found
            .why
            .ends_with("Source: Establishing SRE Foundations (ESF), ch. 6."),
        "{}",
        found.why
    );
}

#[test]
fn all_slos_share_one_window_unit() {
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[2].slos[0].window = "month".into();
    expect(
        &m,
        "services[0].journeys[0].slis[2].slos[0].window",
        Severity::Warning,
        "this SLO's window is calendar month but most use rolling 28d",
    );
    // 4w and 28d are the same unit.
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[2].slos[0].window = "4w".into();
    assert!(problems(&m).is_empty());
}

#[test]
fn one_default_slo_per_kind() {
    let mut m = workbook_api();
    let second = m.services[0].journeys[0].slis[0].slos[0].clone();
    m.services[0].journeys[0].slis[0].slos.push(second);
    expect(
        &m,
        &format!("{SLI}.slos[1].defaultSlo"),
        Severity::Warning,
        "already has a default availability SLO",
    );
}

#[test]
fn sli_rules() {
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[1].latency = None;
    expect(
        &m,
        "services[0].journeys[0].slis[1].latency",
        Severity::Error,
        "needs a threshold",
    );
    m.services[0].journeys[0].slis[1].latency = Some(LatencyThreshold {
        threshold_ms: "fast".into(),
        ..Default::default()
    });
    expect(
        &m,
        "services[0].journeys[0].slis[1].latency.thresholdMs",
        Severity::Error,
        "\"fast\" is not a threshold",
    );
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].measurement = Measurement::TimeSliceBased;
    m.services[0].journeys[0].slis[0].time_slice = "29d".into();
    expect(
        &m,
        &format!("{SLO}.window"),
        Severity::Error,
        "shorter than the SLI's 29d time slice",
    );
    m.services[0].journeys[0].slis[0].time_slice = "soon".into();
    expect(&m, &format!("{SLI}.timeSlice"), Severity::Error, "\"soon\"");
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].traffic = Some(Traffic {
        valid_events: "lots".into(),
        ..Default::default()
    });
    expect(
        &m,
        &format!("{SLI}.traffic.validEvents"),
        Severity::Error,
        "\"lots\"",
    );
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].good_events.clear();
    expect(
        &m,
        &format!("{SLI}.goodEvents"),
        Severity::Error,
        "what a good event is is missing",
    );
    expect(
        &draft(m),
        &format!("{SLI}.goodEvents"),
        Severity::Warning,
        "what a good event is is missing",
    );
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].slos.clear();
    expect(
        &m,
        &format!("{SLI}.slos"),
        Severity::Error,
        "an SLO is missing",
    );
    assert_eq!(<SliKind as slo_core::model::kind::Kind>::ALL.len(), 8);
}

#[test]
fn service_names_are_unique() {
    let mut m = workbook_api();
    let copy = m.services[0].clone();
    m.services.push(copy);
    expect(
        &m,
        "services[1].name",
        Severity::Error,
        "service name \"Game API\" is already used by services[0]",
    );
}

#[test]
fn required_parts_are_warnings_in_a_draft_and_errors_once_agreed() {
    let mut m = workbook_api();
    m.team.name.clear();
    m.policy.scope.clear();
    m.document.rationale.clear();
    m.services[0].journeys[0].slis[0].slos[0].rationale.clear();
    for (path, what) in [
        ("team.name", "the team's name"),
        ("policy.scope", "the policy's scope"),
        ("document.rationale", "the rationale"),
        (&format!("{SLO}.rationale")[..], "the SLO's rationale"),
    ] {
        expect(&m, path, Severity::Error, what);
        expect(&draft(m.clone()), path, Severity::Warning, what);
    }
}

#[test]
fn a_component_needs_an_availability_not_journeys() {
    // The Workbook's Game API on a leaderboard cache the team runs itself,
    // which depends on a managed database: an agreed document with no
    // journeys, SLIs or SLOs invented for the cache.
    let mut m = with_leaderboard_cache(workbook_api());
    assert_eq!(m.document.status, Status::Agreed);
    let found = problems(&m);
    assert!(!has_errors(&found), "{found:#?}");
    assert!(
        !found.iter().any(|p| p.path.starts_with("services[1]")),
        "{found:#?}"
    );
    let composite = slo_core::dependency::analyze(&m).composites[1]
        .clone()
        .unwrap();
    assert_eq!(composite.availability.independent.to_string(), "0.99940005");

    // Without its availability, the agreement asks for it (a warning in a draft).
    m.services[1].own_availability = None;
    expect(
        &m,
        "services[1].ownAvailability",
        Severity::Error,
        "a component's availability is missing",
    );
    expect(
        &draft(m.clone()),
        "services[1].ownAvailability",
        Severity::Warning,
        "a component's availability",
    );

    // Made user-facing again, it needs a journey like every user-facing service.
    m.services[1].own_availability = Some("99.99".into());
    m.services[1].kind = ServiceKind::UserFacing;
    expect(
        &m,
        "services[1].journeys",
        Severity::Error,
        "a user journey or endpoint is missing",
    );
}

#[test]
fn an_empty_model_lists_what_an_agreed_document_needs() {
    let mut m = Model::default();
    m.document.status = Status::Agreed;
    for path in [
        "team.name",
        "services",
        "document.authors",
        "document.serviceOverview",
        "document.onCall.rotation",
        "document.approvalDate",
    ] {
        expect(
            &m,
            path,
            Severity::Error,
            "is missing; an agreed document needs it",
        );
    }
    let mut m = workbook_api();
    m.services[0].journeys[0].slis.clear();
    expect(
        &m,
        "services[0].journeys[0].slis",
        Severity::Error,
        "an SLI is missing",
    );
    m.services[0].journeys.clear();
    expect(
        &m,
        "services[0].journeys",
        Severity::Error,
        "a user journey or endpoint is missing",
    );
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].measured_at.clear();
    expect(
        &m,
        &format!("{SLI}.measuredAt"),
        Severity::Error,
        "where the SLI is measured",
    );
    m.schema_version = SCHEMA_VERSION + 1;
    expect(
        &m,
        "schemaVersion",
        Severity::Error,
        &format!(
            "version {} is not the current version {SCHEMA_VERSION}",
            SCHEMA_VERSION + 1
        ),
    );
}

#[test]
fn policy_has_seven_parts() {
    let mut m = workbook_api();
    m.policy.scope.clear();
    m.policy.purpose.clear();
    m.policy.conditions.clear();
    m.policy.consequences.clear();
    m.policy.clauses.clear();
    m.policy.escalation_policy.clear();
    m.policy.agreed_by.clear();
    m.policy.next_review.date.clear();
    for path in [
        "policy.scope",
        "policy.purpose",
        "policy.conditions",
        "policy.consequences",
        "policy.escalationPolicy",
        "policy.agreedBy",
        "policy.nextReview.date",
    ] {
        expect(
            &m,
            path,
            Severity::Error,
            "is missing; an agreed document needs it",
        );
    }
    let mut m = workbook_api();
    m.policy.next_review.date = "next spring".into();
    expect(
        &m,
        "policy.nextReview.date",
        Severity::Error,
        "\"next spring\" is not a date",
    );
}

#[test]
fn policy_conditions_consequences_and_clauses() {
    let mut m = workbook_api();
    m.policy.conditions[1].kind = ConditionKind::BudgetSpend {
        percent: "120".into(),
        scope: Default::default(),
    };
    expect(
        &m,
        "policy.conditions[1].kind.percent",
        Severity::Error,
        "\"120\" is too large: a share of the budget can be at most 100 %",
    );
    m.policy.conditions[1].kind = ConditionKind::BurnRate {
        percent: "30".into(),
        within: "a day".into(),
    };
    expect(
        &m,
        "policy.conditions[1].kind.within",
        Severity::Error,
        "\"a\"",
    );
    m.policy.conditions[1].kind = ConditionKind::Dependency {
        percent: "50".into(),
        dependency: " ".into(),
    };
    expect(
        &m,
        "policy.conditions[1].kind.dependency",
        Severity::Error,
        "name the dependency",
    );
    m.policy.conditions[1].kind = ConditionKind::Custom;
    m.policy.conditions[1].description.clear();
    expect(
        &m,
        "policy.conditions[1].description",
        Severity::Error,
        "describe the condition",
    );
    let mut m = workbook_api();
    m.policy.conditions[1].id = "exceeded".into();
    expect(
        &m,
        "policy.conditions[1].id",
        Severity::Error,
        "the id \"exceeded\" is used twice",
    );
    let mut m = workbook_api();
    m.policy.clauses.push(Clause {
        condition: "ghost".into(),
        consequences: vec!["nothing".into()],
        ..Clause::default()
    });
    expect(
        &m,
        "policy.clauses[2].condition",
        Severity::Error,
        "no condition has the id \"ghost\"",
    );
    expect(
        &m,
        "policy.clauses[2].consequences[0]",
        Severity::Error,
        "no consequence has the id \"nothing\"",
    );
    m.policy.clauses[2].consequences.clear();
    expect(
        &m,
        "policy.clauses[2].consequences",
        Severity::Error,
        "at least one consequence",
    );
    let mut m = workbook_api();
    m.policy.clauses.remove(1);
    expect(
        &m,
        "policy.conditions[1]",
        Severity::Warning,
        "no clause uses condition \"big-incident\"",
    );
    let mut m = workbook_api();
    m.policy.consequences[1].kind = ConsequenceKind::ConductActivity {
        activity: Activity::ActionItem {
            priority: slo_core::model::Priority::P1,
            deadline: "asap".into(),
        },
    };
    expect(
        &m,
        "policy.consequences[1].kind.activity.deadline",
        Severity::Error,
        "\"asap\"",
    );
    let mut m = workbook_api();
    m.policy.extras.silver_bullets_per_year = Some("three".into());
    expect(
        &m,
        "policy.extras.silverBulletsPerYear",
        Severity::Error,
        "\"three\" is not a whole number",
    );
    m.policy.extras.thaw_tax_days = Some("-1".into());
    expect(
        &m,
        "policy.extras.thawTaxDays",
        Severity::Error,
        "\"-1\" is too small: a number of days must be at least 0",
    );
}

#[test]
fn document_header() {
    let mut m = workbook_api();
    m.document
        .approvers
        .retain(|a| a.role != Role::ProductOwner);
    expect(
        &m,
        "document.approvers",
        Severity::Error,
        "needs an approver for product owner",
    );
    assert!(problems(&draft(m))
        .iter()
        .all(|p| p.path != "document.approvers"));
    let mut m = workbook_api();
    m.document.approvers.push(Approver {
        name: " ".into(),
        role: Role::Operations,
    });
    expect(
        &m,
        "document.approvers[3].name",
        Severity::Error,
        "name is empty",
    );
    let mut m = workbook_api();
    m.document.approval_date = "06/01/2025".into();
    expect(
        &m,
        "document.approvalDate",
        Severity::Error,
        "\"06/01/2025\" is not a date: write it as YYYY-MM-DD",
    );
    let mut m = workbook_api();
    m.document.revisit_date = "2024-12-01".into();
    expect(
        &m,
        "document.revisitDate",
        Severity::Error,
        "the revisit date 2024-12-01 is not after the approval date 2025-01-06",
    );
    let mut m = workbook_api();
    m.document.change_log[0].description.clear();
    expect(
        &m,
        "document.changeLog[0].description",
        Severity::Error,
        "say what changed",
    );
}

#[test]
fn revisit_defaults_to_one_quarter_after_approval() {
    let m = workbook_api();
    assert_eq!(revisit_date(&m.document).unwrap().to_string(), "2025-04-06");
    let mut m = workbook_api();
    m.document.revisit_date = "2025-02-01".into();
    assert_eq!(revisit_date(&m.document).unwrap().to_string(), "2025-02-01");
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut m = workbook_api();
    m.services[0].journeys[0].slis[0].slos[0].target = "100".into();
    m.services[0].journeys[0].slis[1].slos[0].target = "abc".into();
    m.policy.next_review.date = "soon".into();
    let errors: Vec<_> = problems(&m)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.path)
        .collect();
    assert_eq!(
        errors,
        [
            format!("{SLO}.target"),
            "services[0].journeys[0].slis[1].slos[0].target".to_string(),
            "policy.nextReview.date".to_string()
        ]
    );
}

#[test]
fn renaming_a_condition_or_consequence_carries_its_clauses_along() {
    let mut policy = slo_core::examples::workbook_api().policy;
    let index = policy
        .conditions
        .iter()
        .position(|c| c.id == "big-incident")
        .unwrap();
    let references = policy.condition_references(index);
    assert!(!references.is_empty());
    // Typed one key at a time, passing through another condition's id ("exceeded").
    for id in ["exceeded", "exceeded-2", "postmortem-20"] {
        policy.rename_condition(index, id, &references);
    }
    let mut model = slo_core::examples::workbook_api();
    model.policy = policy.clone();
    let problems = validate(&model, &UtcOnly);
    assert!(!has_errors(&problems), "{problems:#?}");
    assert!(policy
        .clauses
        .iter()
        .any(|c| c.condition == "postmortem-20"));
    assert!(
        policy.clauses.iter().any(|c| c.condition == "exceeded"),
        "the other condition keeps its clause"
    );

    let index = policy
        .consequences
        .iter()
        .position(|c| c.id == policy.clauses[0].consequences[0])
        .unwrap();
    let references = policy.consequence_references(index);
    policy.rename_consequence(index, "stop-releases", &references);
    assert_eq!(policy.clauses[0].consequences[0], "stop-releases");
    model.policy = policy;
    assert!(!has_errors(&validate(&model, &UtcOnly)));
}

#[test]
fn an_agreed_slo_above_its_ceiling_needs_a_recorded_reason() {
    // Issue 27: the seed chain allows 98.8021 %; a 99.95 % SLO is above it.
    let path = "services[0].journeys[0].slis[0].slos[0].aboveCeilingReason";
    let mut m = slo_core::examples::seed_chain();
    m.services[0].journeys[0].slis[0].slos[0].target = "99.95".into();
    // A draft says what agreement will need.
    expect(&m, path, Severity::Warning, "the reason this SLO may stay above the 98.8021 % its dependencies allow is missing; an agreed document needs it");
    // Agreed, it is an error until the reason is written.
    m.document.status = slo_core::model::document::Status::Agreed;
    expect(&m, path, Severity::Error, "an agreed document needs it");
    m.services[0].journeys[0].slis[0].slos[0].above_ceiling_reason =
        "a second region is on order".into();
    let problems = slo_core::validate::validate(&m, &slo_core::quantity::zone::UtcOnly);
    assert!(problems.iter().all(|p| p.path != path), "{problems:?}");
    // The target still says it is above the ceiling.
    assert!(problems
        .iter()
        .any(|p| p.path.ends_with("slos[0].target") && p.message.contains("98.8021 %")));
}
