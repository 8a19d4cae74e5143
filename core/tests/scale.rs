//! The model at workshop scale (50 services, 400 SLOs): valid, every engine
//! runs on it, and it survives the round trip. Its speed is measured by the
//! `validation` benchmark and `scripts/bench-ui.sh`, never by a timed test.

use slo_core::codec::{export_json, import_json};
use slo_core::dependency::analyze;
use slo_core::examples::workshop_scale;
use slo_core::model::location::every_slo;
use slo_core::problem::has_errors;
use slo_core::quantity::zone::UtcOnly;
use slo_core::report::model_report;
use slo_core::validate::validate;

#[test]
fn fifty_services_hold_400_slos_and_thousands_of_fields() {
    let model = workshop_scale(50);
    assert_eq!(model.services.len(), 50);
    assert_eq!(every_slo(&model).count(), 400);
    assert!(model.services.iter().all(|s| s.dependencies.len() == 3));
    // Every string of the model is a field the workshop shows (with the empty
    // optional fields and the pickers, the pages show about 5,900 inputs).
    let json: serde_json::Value = serde_json::from_str(&export_json(&model)).unwrap();
    fn strings(v: &serde_json::Value) -> usize {
        match v {
            serde_json::Value::String(_) => 1,
            serde_json::Value::Array(a) => a.iter().map(strings).sum(),
            serde_json::Value::Object(o) => o.values().map(strings).sum(),
            _ => 0,
        }
    }
    let fields = strings(&json["services"]);
    assert!((4_500..6_500).contains(&fields), "{fields} fields");
}

#[test]
fn the_scale_model_is_valid_and_every_engine_runs_on_it() {
    let model = workshop_scale(50);
    let problems = validate(&model, &UtcOnly);
    assert!(!has_errors(&problems), "{problems:#?}");
    // Every SLO is within what its dependencies allow: no warnings either.
    assert!(problems.is_empty(), "{problems:#?}");
    let analysis = analyze(&model);
    assert!(analysis.problems.is_empty(), "{:#?}", analysis.problems);
    assert!(analysis.composites.iter().all(Option::is_some));
    let report = model_report(&model, &UtcOnly);
    assert_eq!(report.slos.len(), 400);
    assert!(report.slos.iter().all(|s| s.budget.is_some()));
}

#[test]
fn the_scale_model_survives_the_round_trip() {
    let model = workshop_scale(50);
    let opened = import_json(export_json(&model).as_bytes(), &UtcOnly).unwrap();
    assert_eq!(opened.model, model);
}
