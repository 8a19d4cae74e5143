//! The incremental validator (`Validator`, what the workshop runs on every
//! keystroke) finds exactly what a whole validation finds, in the same
//! order, after any sequence of edits: values in any numeric field, names
//! made equal or emptied, services added, removed and reordered, and the
//! document agreed and back to draft.

use proptest::prelude::*;
use slo_core::examples::workshop_scale;
use slo_core::harness::{numeric_fields, rich_model, with_numeric_values};
use slo_core::model::document::Status;
use slo_core::model::Model;
use slo_core::quantity::zone::UtcOnly;
use slo_core::validate::{validate, Validator};

/// One edit a workshop can make.
#[derive(Clone, Debug)]
enum Edit {
    /// A value in the numeric field with this index (`harness::numeric_fields`).
    Number(usize, String),
    /// A service's name (by index, wrapped around the list).
    Name(usize, String),
    /// A copy of a service added at the end.
    Duplicate(usize),
    /// A service removed.
    Remove(usize),
    /// The first two services swapped.
    Swap,
    /// The document agreed or back to draft.
    Agreed(bool),
}

fn apply(model: &mut Model, edit: &Edit) {
    let n = model.services.len();
    match edit {
        Edit::Number(field, value) => {
            *model = with_numeric_values(model, &[(*field, value.clone())])
        }
        Edit::Name(i, name) if n > 0 => model.services[i % n].name = name.clone(),
        Edit::Duplicate(i) if n > 0 => model.services.push(model.services[i % n].clone()),
        Edit::Remove(i) if n > 0 => {
            model.services.remove(i % n);
        }
        Edit::Swap if n > 1 => model.services.swap(0, 1),
        Edit::Agreed(agreed) => {
            model.document.status = if *agreed {
                Status::Agreed
            } else {
                Status::Draft
            }
        }
        _ => {}
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    let value = prop::sample::select(vec![
        "99.9",
        "99.95",
        "101",
        "",
        "abc",
        "30d",
        "28d",
        "1 month",
        "calendar month",
        "0",
        "5m",
        "-1",
        // Extreme texts: 30 digits, a 30-place fraction, zero, every unit.
        "123456789012345678901234567890",
        "0.000000000000000000000000000001",
        "-0",
        "1e30",
        "2w",
        "1h",
        "90s",
        "500ms",
        "250us",
        "10ns",
        "99.9%",
    ]);
    let name = prop::sample::select(vec!["Checkout", "checkout ", "", "Search", "Payments"]);
    prop_oneof![
        4 => (any::<usize>(), value).prop_map(|(f, v)| Edit::Number(f, v.to_string())),
        2 => (any::<usize>(), name).prop_map(|(i, v)| Edit::Name(i, v.to_string())),
        1 => any::<usize>().prop_map(Edit::Duplicate),
        1 => any::<usize>().prop_map(Edit::Remove),
        1 => Just(Edit::Swap),
        1 => any::<bool>().prop_map(Edit::Agreed),
    ]
}

#[test]
fn the_rich_model_has_numeric_fields_to_edit() {
    assert!(numeric_fields(&rich_model()).len() > 40);
}

#[test]
fn one_changed_service_is_found_at_scale() {
    let mut model = workshop_scale(50);
    let mut validator = Validator::default();
    assert_eq!(
        validator.validate(&model, &UtcOnly),
        validate(&model, &UtcOnly)
    );
    model.services[37].journeys[0].slis[0].slos[0].window = "a fortnight".into();
    let problems = validator.validate(&model, &UtcOnly);
    assert_eq!(problems, validate(&model, &UtcOnly));
    assert!(problems
        .iter()
        .any(|p| p.path == "services[37].journeys[0].slis[0].slos[0].window"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn after_any_edits_it_finds_what_a_whole_validation_finds(edits in prop::collection::vec(edit(), 1..12)) {
        let mut model = rich_model();
        let mut validator = Validator::default();
        prop_assert_eq!(validator.validate(&model, &UtcOnly), validate(&model, &UtcOnly));
        for e in &edits {
            apply(&mut model, e);
            prop_assert_eq!(validator.validate(&model, &UtcOnly), validate(&model, &UtcOnly), "after {:?}", e);
        }
    }
}
