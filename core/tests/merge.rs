//! Importing over the room's work: an OpenSLO file merged by name keeps
//! everything OpenSLO has no place for (team, dependencies, policy,
//! document and its status, scenarios, histories) and changes only what
//! the file changed; replacing the model says what it drops, by kind.

mod generate;

use proptest::prelude::*;
use slo_core::examples;
use slo_core::export::openslo::read::read_openslo;
use slo_core::export::openslo::write::openslo_yaml;
use slo_core::merge::loss::{dropped, in_words, Loss, Part};
use slo_core::merge::merge_by_name;
use slo_core::model::document::Status;
use slo_core::model::*;
use slo_core::quantity::zone::TzdbResolver;

fn read_back(model: &Model) -> Model {
    let yaml = openslo_yaml(model, &TzdbResolver).yaml;
    read_openslo(yaml.as_bytes()).unwrap().model
}

/// The example with its document agreed, the state the issue names.
fn agreed(mut model: Model) -> Model {
    model.document.status = Status::Agreed;
    model
}

#[test]
fn our_own_openslo_export_merged_back_changes_nothing() {
    for model in [
        agreed(examples::workbook_api()),
        agreed(examples::seed_chain()),
    ] {
        let merged = merge_by_name(&model, &read_back(&model));
        assert_eq!(merged.model, model);
        assert_eq!(merged.tally.in_words(), "nothing changed");
    }
}

#[test]
fn a_changed_file_changes_only_what_it_changed() {
    let model = agreed(examples::workbook_api());
    let mut file = read_back(&model);
    let first = &mut file.services[0].journeys[0].slis[0];
    first.slos[0].target = "99.5".into();
    first.good_events = "answered without a 5xx".into();
    let mut extra = first.slos[0].clone();
    extra.name = "stricter".into();
    extra.target = "99.99".into();
    first.slos.push(extra.clone());
    file.services.push(Service {
        name: "search".into(),
        ..Service::default()
    });
    let merged = merge_by_name(&model, &file);

    let mut expected = model.clone();
    let sli = &mut expected.services[0].journeys[0].slis[0];
    sli.slos[0].target = "99.5".into();
    sli.good_events = "answered without a 5xx".into();
    sli.slos.push(Slo {
        scenarios: Vec::new(),
        history: None,
        ..extra
    });
    expected.services.push(Service {
        name: "search".into(),
        ..Service::default()
    });
    assert_eq!(
        serde_json::to_value(&merged.model).unwrap(),
        serde_json::to_value(&expected).unwrap()
    );
    assert_eq!(
        merged.tally.in_words(),
        "1 service and 1 SLO added, 1 SLO and 1 SLI updated"
    );
}

#[test]
fn replacing_says_what_goes_by_kind() {
    let model = agreed(examples::seed_chain());
    let read = read_back(&model);
    let losses = dropped(&model, &read);
    let parts: Vec<Part> = losses.iter().map(|l| l.part).collect();
    assert!(parts.contains(&Part::Dependency), "{losses:?}");
    assert!(parts.contains(&Part::Policy), "{losses:?}");
    assert!(parts.contains(&Part::AgreedStatus), "{losses:?}");
    assert!(
        !parts.contains(&Part::Service),
        "OpenSLO keeps every service: {losses:?}"
    );
    let dependencies: usize = model.services.iter().map(|s| s.dependencies.len()).sum();
    assert!(losses.contains(&Loss {
        part: Part::Dependency,
        count: dependencies
    }));
    let words = in_words(&losses);
    assert!(words.ends_with(" and the agreed status"), "{words}");
    assert!(
        words.contains(&format!("{dependencies} dependencies")),
        "{words}"
    );
    // Nothing goes when the replacement holds it all, or the model is blank.
    assert!(dropped(&model, &model).is_empty());
    assert!(dropped(&Model::default(), &model).is_empty());
    // A new model in its place drops every service and SLO.
    let workbook = examples::workbook_api();
    let slos = workbook
        .services
        .iter()
        .flat_map(|s| &s.journeys)
        .flat_map(|j| &j.slis)
        .map(|s| s.slos.len())
        .sum();
    let gone = dropped(&workbook, &Model::default());
    assert!(gone.contains(&Loss {
        part: Part::Service,
        count: workbook.services.len()
    }));
    assert!(gone.contains(&Loss {
        part: Part::Slo,
        count: slos
    }));
}

#[test]
fn a_journey_or_sli_without_slos_counts_as_dropped() {
    let mut model = examples::workbook_api();
    let service = &mut model.services[0];
    service.journeys.push(Journey {
        name: "Browse".into(),
        ..Journey::default()
    });
    service.journeys[0].slis.push(Sli {
        name: "Freshness".into(),
        ..Sli::default()
    });
    let mut replacement = model.clone();
    replacement.services[0].journeys.pop();
    replacement.services[0].journeys[0].slis.pop();
    let losses = dropped(&model, &replacement);
    assert_eq!(
        losses,
        vec![
            Loss {
                part: Part::Journey,
                count: 1
            },
            Loss {
                part: Part::Sli,
                count: 1
            }
        ]
    );
    assert_eq!(in_words(&losses), "1 user journey and 1 SLI");
    // A merge keeps both.
    let merged = merge_by_name(&model, &replacement);
    assert_eq!(merged.model, model);
}

#[test]
fn a_merged_alert_rule_keeps_what_the_file_leaves_blank() {
    let mut model = Model::starter();
    model.alert_rules[0].snooze = "2h".into();
    model.alert_rules[0].alert_after = "2m".into();
    let mut file = model.clone();
    file.alert_rules[0].snooze.clear();
    file.alert_rules[0].alert_after.clear();
    file.alert_rules[0].long_window = "2h".into();
    let merged = merge_by_name(&model, &file);
    let rule = &merged.model.alert_rules[0];
    assert_eq!(
        (
            rule.long_window.as_str(),
            rule.snooze.as_str(),
            rule.alert_after.as_str()
        ),
        ("2h", "2h", "2m")
    );
    assert_eq!(merged.tally.alert_rules_updated, 1);
}

#[test]
fn the_words_of_a_loss_count_one_and_many() {
    let one = Loss {
        part: Part::Dependency,
        count: 1,
    };
    let many = Loss {
        part: Part::Scenario,
        count: 3,
    };
    let once = Loss {
        part: Part::Team,
        count: 1,
    };
    assert_eq!(in_words(&[one]), "1 dependency");
    assert_eq!(in_words(&[one, many]), "1 dependency and 3 burn scenarios");
    assert_eq!(
        in_words(&[once, one, many]),
        "the team's name and description, 1 dependency and 3 burn scenarios"
    );
}

/// Targets a person may type that sit at the edges of what is read.
fn extreme_target() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_string()),
        Just("0.0".to_string()),
        Just("100".to_string()),
        Just("".to_string()),
        Just("ninety-nine".to_string()),
        Just("99.9999999999999999999999999999".to_string()),
        Just("0.0000000000000000000000000001".to_string()),
        (1u32..=28).prop_map(|nines| format!("99.{}", "9".repeat(nines as usize))),
        (1u32..=28)
            .prop_map(|zeros| format!("{}1", "0.".to_string() + &"0".repeat(zeros as usize))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any model read back from its own OpenSLO merges into it unchanged.
    #[test]
    fn a_round_trip_merges_to_the_same_model(model in generate::model()) {
        let merged = merge_by_name(&model, &read_back(&model));
        prop_assert_eq!(&merged.model, &model);
        prop_assert_eq!(merged.tally.in_words(), "nothing changed");
    }

    /// Targets at the edges (zero, a hundred, thirty digits, blank or not
    /// a number, as a person may type them) survive their own round trip.
    #[test]
    fn extreme_targets_merge_back_unchanged(model in generate::model(), targets in prop::collection::vec(extreme_target(), 1..8)) {
        let mut model = model;
        for (i, slo) in model.services.iter_mut().flat_map(|s| &mut s.journeys).flat_map(|j| &mut j.slis).flat_map(|s| &mut s.slos).enumerate() {
            slo.target = targets[i % targets.len()].clone();
        }
        let merged = merge_by_name(&model, &read_back(&model));
        prop_assert_eq!(&merged.model, &model);
        prop_assert_eq!(dropped(&model, &merged.model), Vec::<Loss>::new());
    }

    /// A merge never drops anything the model held, whatever the file.
    #[test]
    fn a_merge_drops_nothing(current in generate::model(), file in generate::model()) {
        let merged = merge_by_name(&current, &file);
        prop_assert_eq!(dropped(&current, &merged.model), Vec::<Loss>::new());
        // And what the file carries is in the result.
        prop_assert_eq!(dropped(&file, &merged.model).iter().filter(|l| l.part == Part::Service || l.part == Part::Slo).count(), 0);
    }
}
