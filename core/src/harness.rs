//! Test support shared by the robustness tests (`core/tests/robustness.rs`)
//! and the fuzz targets (`fuzz/`): run every engine on a model, and put
//! chosen texts into every numeric field of a model. Not part of the product.

use serde_json::Value;

use crate::codec::{export_json, import_json};
use crate::model::location::every_slo;
use crate::model::Model;
use crate::quantity::zone::ZoneResolver;
use crate::read::slo::SloNumbers;
use crate::report::diagram;
use crate::validate::validate;
use crate::{alerting, burn, dependency, report};

/// Runs every engine on `model`: validation, the dependency analysis and
/// diagram, the reports, every scenario's burn run (alert table, firings,
/// policy, Monte Carlo), every SLO's alert table, the Prometheus, Markdown
/// and OpenSLO exports (OpenSLO read back), every saved history's
/// trade-off table, and export -> import -> export. Returns the number of scenarios that ran. Panics only if an
/// engine panics or the round trip differs.
pub fn run_everything(model: &Model, zones: &dyn ZoneResolver) -> usize {
    let problems = validate(model, zones);
    let analysis = dependency::analyze(model);
    let _ = diagram::layout(model, &analysis);
    let _ = report::model_report(model, zones);
    let _ = report::service_reports(model, &problems);
    let mut ran = 0;
    for (at, _) in burn::scenarios(model) {
        if let Ok(run) = burn::run(model, at, zones) {
            let _ = run.report("scenario", at);
            ran += 1;
        }
    }
    let rules = burn::alert_rules(model);
    for e in every_slo(model) {
        if let Ok(spec) = SloNumbers::of(e.sli, e.slo, zones) {
            let _ =
                alerting::alert_table(&rules, &spec.target, spec.period_seconds, Some(u64::MAX));
        }
    }
    // Every saved history's trade-off table.
    for e in every_slo(model).filter(|e| e.slo.history.is_some()) {
        let saved = crate::tradeoff::saved::saved(model, e.at, zones);
        let _ = crate::tradeoff::table::tradeoffs(&crate::tradeoff::table::Inputs {
            model,
            at: e.at,
            zones,
            incidents: &saved.incidents,
            samples: &[],
            span: saved.span,
            candidates: &saved.candidates,
            risk: saved.risk.as_ref(),
            judge_by: None,
        });
    }
    // The files a team commits: written from any model, and OpenSLO read back.
    let _ = crate::export::prometheus::prometheus_rules(model, zones, None).yaml();
    let _ = report::markdown::document_markdown(model, zones);
    let openslo = crate::export::openslo::write::openslo_yaml(model, zones).yaml;
    let _ = crate::export::openslo::read::read_openslo(openslo.as_bytes());
    let json = export_json(model);
    let opened = import_json(json.as_bytes(), zones).expect("an exported model opens");
    let again = import_json(export_json(&opened.model).as_bytes(), zones).expect("it opens again");
    assert_eq!(
        export_json(&again.model),
        export_json(&opened.model),
        "export -> import -> export differs"
    );
    ran
}

/// The JSON pointers (`/services/0/ownAvailability`) of every string field
/// of `model` that holds a number as typed (starts with a digit, a sign or a
/// point): targets, windows, durations, counts and percentages.
pub fn numeric_fields(model: &Model) -> Vec<String> {
    let mut found = Vec::new();
    if let Ok(json) = serde_json::to_value(model) {
        walk(&json, String::new(), &mut found);
    }
    found
}

fn walk(value: &Value, pointer: String, found: &mut Vec<String>) {
    let key = |k: &str| format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1"));
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, key(k), found)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| walk(v, key(&i.to_string()), found)),
        Value::String(s) if s.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.') => {
            found.push(pointer)
        }
        _ => {}
    }
}

/// `model` with the texts of `values` in its numeric fields ([`numeric_fields`]),
/// `(field index, text)` each; indices wrap around.
pub fn with_numeric_values(model: &Model, values: &[(usize, String)]) -> Model {
    let fields = numeric_fields(model);
    let Ok(mut json) = serde_json::to_value(model) else {
        return model.clone();
    };
    for (index, text) in values {
        if let Some(slot) = fields
            .get(index % fields.len().max(1))
            .and_then(|p| json.pointer_mut(p))
        {
            *slot = Value::String(text.clone());
        }
    }
    serde_json::from_value(json).unwrap_or_else(|_| model.clone())
}

/// The model the robustness tests and fuzz targets start from: the Workbook
/// API example (scenarios, alert rules, a risk model, latency SLIs) with the
/// seed chain's services (dependencies), a redundant group, a component the
/// Game API depends on, a time-slice SLI and the policy's extras, so every
/// kind of numeric field is present.
pub fn rich_model() -> Model {
    use crate::model::{Coupling, Dependency, DependencySource, Measurement};
    let mut model = crate::examples::workbook_api();
    model
        .services
        .extend(crate::examples::seed_chain().services);
    model.services[0].dependencies.push(Dependency {
        name: "Database".into(),
        source: DependencySource::External {
            availability: "99.9".into(),
            note: String::new(),
        },
        coupling: Coupling::Redundant {
            replicas: "2".into(),
            required: "1".into(),
            failover: "30s".into(),
            failures_per_year: "4".into(),
        },
    });
    let mut model = crate::examples::with_leaderboard_cache(model);
    let sli = &mut model.services[0].journeys[0].slis[1];
    sli.measurement = Measurement::TimeSliceBased;
    sli.time_slice = "1m".into();
    model.policy.extras.silver_bullets_per_year = Some("2".into());
    model.policy.extras.thaw_tax_days = Some("1.5".into());
    model.alert_rules[0].alert_after = "2m".into();
    // A history, for the trade-off table: its dates, candidates and risk model.
    let first = &mut model.services[0].journeys[0].slis[0].slos[0];
    let risk = first.scenarios.iter().find_map(|s| s.risk.clone());
    first.history = Some(crate::model::history::SloHistory {
        incidents: "start,duration,affected,cause\n2025-02-10 14:00,42m,100,db\n2025-04-10 14:00,3h,20,deploy\n".into(),
        from: "2025-01-01".into(),
        to: "2025-07-01".into(),
        candidates: vec!["99.5".into(), "99.9".into()],
        risk,
    });
    model
}
