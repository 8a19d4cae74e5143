//! The workshop session (issue 28): a model from before it opens with the
//! session empty and nothing else changed; the session's checks; the signed
//! document carries it.

use slo_core::codec::{export_json, parse_json};
use slo_core::examples;
use slo_core::model::session::{Decision, OpenQuestion, Participant, ParticipantRole, Session};
use slo_core::model::SCHEMA_VERSION;
use slo_core::problem::{Problem, Severity};
use slo_core::quantity::zone::UtcOnly;
use slo_core::report::markdown::document_markdown;
use slo_core::validate::validate;
use slo_core::Model;

fn at<'a>(problems: &'a [Problem], path: &str) -> Vec<&'a Problem> {
    problems.iter().filter(|p| p.path == path).collect()
}

#[test]
fn a_model_from_schema_version_8_opens_with_an_empty_session_and_nothing_lost() {
    let mut before = examples::seed_chain();
    before.schema_version = 8;
    let json = export_json(&before);
    assert!(!json.contains("\"session\""));
    let opened = parse_json(json.as_bytes()).expect("a version 8 file opens");
    assert_eq!(opened.schema_version, SCHEMA_VERSION);
    assert!(opened.session.is_empty());
    assert_eq!(
        Model {
            schema_version: 8,
            ..opened
        },
        before
    );
}

#[test]
fn the_workbook_session_survives_export_and_import_and_has_no_problems() {
    let model = examples::workbook_api();
    assert_eq!(model.session.participants.len(), 4);
    let again = parse_json(export_json(&model).as_bytes()).unwrap();
    assert_eq!(again, model);
    let problems = validate(&model, &UtcOnly);
    assert!(
        problems.iter().all(|p| !p.path.starts_with("session")),
        "{problems:?}"
    );
}

#[test]
fn the_room_without_a_product_owner_carries_on_with_a_warning_and_why() {
    let mut model = examples::workbook_api();
    model
        .session
        .participants
        .retain(|p| p.role != ParticipantRole::ProductOwner);
    let problems = validate(&model, &UtcOnly);
    let found = at(&problems, "session.participants");
    assert_eq!(found.len(), 1, "{problems:?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0]
        .message
        .starts_with("no product owner in the room: carry on"));
    assert!(found[0].why.contains("Table 5.8"));
}

#[test]
fn people_questions_and_decisions_are_checked_where_they_are() {
    let mut model = examples::workbook_api();
    model.session = Session {
        participants: vec![Participant {
            name: " ".into(),
            role: ParticipantRole::ProductOwner,
        }],
        done: Vec::new(),
        questions: vec![
            OpenQuestion {
                question: "Who owns the CDN?".into(),
                ..OpenQuestion::default()
            },
            OpenQuestion {
                question: String::new(),
                owner: "Ana".into(),
                ..OpenQuestion::default()
            },
            OpenQuestion {
                question: "Answered".into(),
                answered: true,
                ..OpenQuestion::default()
            },
        ],
        decisions: vec![Decision {
            date: "2025-13-40".into(),
            what: String::new(),
            why: String::new(),
        }],
    };
    let problems = validate(&model, &UtcOnly);
    let severity = |path: &str| at(&problems, path).first().map(|p| p.severity);
    assert_eq!(
        severity("session.participants[0].name"),
        Some(Severity::Warning)
    );
    assert_eq!(
        severity("session.questions[0].owner"),
        Some(Severity::Warning)
    );
    assert_eq!(
        severity("session.questions[1].question"),
        Some(Severity::Warning)
    );
    assert_eq!(
        severity("session.questions[2].owner"),
        None,
        "an answered question needs no owner"
    );
    assert_eq!(
        severity("session.decisions[0].what"),
        Some(Severity::Warning)
    );
    assert_eq!(
        severity("session.decisions[0].why"),
        Some(Severity::Warning)
    );
    assert_eq!(
        severity("session.decisions[0].date"),
        Some(Severity::Warning)
    );
    // Warnings all: the session records the room, it is not the agreement.
    assert!(
        !slo_core::problem::has_errors(&problems),
        "an agreed document stays agreed"
    );
}

#[test]
fn a_participant_without_a_role_is_refused_not_taken_for_the_product_owner() {
    let mut json: serde_json::Value =
        serde_json::from_str(&export_json(&examples::workbook_api())).unwrap();
    json["session"]["participants"][1]
        .as_object_mut()
        .unwrap()
        .remove("role");
    assert!(parse_json(json.to_string().as_bytes()).is_err());
}

#[test]
fn a_session_with_only_steps_done_is_in_the_document() {
    let mut model = examples::seed_chain();
    model.session.done = vec!["room".into(), "customer".into()];
    let markdown = document_markdown(&model, &UtcOnly);
    assert!(
        markdown.contains("## Workshop session\n\n2 of 7 agenda steps done."),
        "{markdown}"
    );
}

#[test]
fn a_merge_takes_a_hypothesis_part_by_part() {
    use slo_core::merge::merge_by_name;
    let model = examples::workbook_api();
    let mut theirs = model.clone();
    let hypothesis = &mut theirs.services[0].journeys[0].slis[0].slos[0].hypothesis;
    hypothesis.believe = "a 98 % API".into();
    hypothesis.result.clear();
    hypothesis.signal.clear();
    let merged = merge_by_name(&model, &theirs).model;
    let ours = &model.services[0].journeys[0].slis[0].slos[0].hypothesis;
    let h = &merged.services[0].journeys[0].slis[0].slos[0].hypothesis;
    assert_eq!(h.believe, "a 98 % API");
    assert_eq!((&h.result, &h.signal), (&ours.result, &ours.signal));
}

#[test]
fn ranks_aspirations_and_starting_small_are_checked() {
    let mut model = examples::workbook_api();
    let journey = &mut model.services[0].journeys[0];
    journey.rank = "first".into();
    journey.slis[0].slos[0].aspirational_target = "96".into();
    let mut more = model.services[0].journeys[0].clone();
    more.rank = "2".into();
    for _ in 0..3 {
        model.services[0].journeys.push(more.clone());
    }
    let problems = validate(&model, &UtcOnly);
    let first = "services[0].journeys[0]";
    let rank = at(&problems, &format!("{first}.rank"));
    assert_eq!(rank[0].severity, Severity::Error);
    assert!(rank[0].message.contains("\"first\" is not a rank"));
    let aim = at(
        &problems,
        &format!("{first}.slis[0].slos[0].aspirationalTarget"),
    );
    assert!(aim[0].message.contains("below the target 97 %"), "{aim:?}");
    assert!(at(&problems, "services[0].journeys[1].rank").is_empty());
    // Four journeys marked to start with: the fourth is one too many.
    let small = at(&problems, "services[0].journeys[3].startHere");
    assert_eq!(small.len(), 1, "{problems:?}");
    assert!(small[0]
        .message
        .starts_with("4 journeys are marked to start with"));
}

#[test]
fn the_signed_document_carries_the_session_and_each_slo_hypothesis() {
    let markdown = document_markdown(&examples::workbook_api(), &UtcOnly);
    let session = &markdown[markdown.find("## Workshop session").expect("the section")..];
    assert!(session.contains("7 of 7 agenda steps done."));
    assert!(session.contains("| Betsy Beyer | product owner |"));
    assert!(session.contains("| Steven Thurgood | UX |"));
    assert!(session.contains("Players tolerate a retry; the last four weeks reached 99.94 %"));
    assert!(session.contains("| Do leaderboard fetches need an SLO of their own, apart from playing? | Betsy Beyer | 2\\. Listen to the customer | open |"));
    assert!(markdown.contains("Aspiring to 99 %. Hypothesis: We believe keeping 97 % of API requests successful will result in players finishing their games without giving up; we will know we have succeeded when we see fewer abandoned games and no rise in support tickets about errors."));
    // No session, no section.
    let plain = document_markdown(&examples::seed_chain(), &UtcOnly);
    assert!(!plain.contains("Workshop session"));
}

#[test]
fn replacing_a_model_says_its_session_goes_and_a_merge_keeps_it() {
    use slo_core::merge::loss::{dropped, in_words, Part};
    use slo_core::merge::merge_by_name;
    let model = examples::workbook_api();
    let losses = dropped(&model, &Model::default());
    assert!(losses.iter().any(|l| l.part == Part::Session));
    assert!(in_words(&losses)
        .contains("the workshop session (participants, decisions and open questions)"));
    // Merging a file that holds only services (as OpenSLO does) keeps the session.
    let services_only = Model {
        services: model.services.clone(),
        ..Model::default()
    };
    assert_eq!(
        merge_by_name(&model, &services_only).model.session,
        model.session
    );
}
