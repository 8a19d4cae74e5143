//! Validation and the whole-model work a keystroke in the workshop can cause,
//! on the model at workshop scale (`examples::workshop_scale(50)`: 50
//! services, 400 SLOs, 150 dependencies). The page re-validates after every
//! edit, so this must stay well inside one 16 ms frame.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use slo_core::codec::{compact_json, export_json, parse_json, read_own_json, settle_agreement};
use slo_core::examples::workshop_scale;
use slo_core::quantity::zone::UtcOnly;
use slo_core::report::place::Places;
use slo_core::validate::{validate, Validator};

fn at_workshop_scale(c: &mut Criterion) {
    let model = workshop_scale(50);
    c.bench_function("validate the 50-service model", |b| {
        b.iter(|| validate(black_box(&model), &UtcOnly))
    });
    // What the workshop runs on a keystroke: the incremental validator,
    // re-checking the one service typed in.
    let mut validator = Validator::default();
    let mut edited = model.clone();
    validator.validate(&edited, &UtcOnly);
    let targets = ["99.9", "99.95"];
    let mut key = 0;
    c.bench_function(
        "re-validate the 50-service model after one keystroke",
        |b| {
            b.iter(|| {
                key += 1;
                edited.services[7].journeys[0].slis[0].slos[0].target = targets[key % 2].into();
                validator.validate(black_box(&edited), &UtcOnly)
            })
        },
    );
    let mut agreed = model.clone();
    agreed.document.status = slo_core::model::document::Status::Agreed;
    c.bench_function("settle the agreement of the 50-service model", |b| {
        b.iter(|| settle_agreement(black_box(&mut agreed.clone()), &UtcOnly))
    });
    c.bench_function("export the 50-service model as JSON", |b| {
        b.iter(|| export_json(black_box(&model)))
    });
    let json = export_json(&model);
    c.bench_function("read the 50-service model's JSON", |b| {
        b.iter(|| parse_json(black_box(json.as_bytes())))
    });
    // What a page pays for its autosave: written after edits and read when
    // the page opens, by the light codec the pages carry, as compact JSON.
    c.bench_function("write the 50-service model's autosave (compact)", |b| {
        b.iter(|| compact_json(black_box(&model)))
    });
    let saved = compact_json(&model);
    c.bench_function("read the 50-service model's autosave (compact)", |b| {
        b.iter(|| read_own_json(black_box(&saved)))
    });
    c.bench_function(
        "read the 50-service model's pretty JSON, light codec",
        |b| b.iter(|| read_own_json(black_box(&json))),
    );
    c.bench_function("name the places of the 50-service model", |b| {
        b.iter(|| Places::of(black_box(&model)))
    });
}

criterion_group!(benches, at_workshop_scale);
criterion_main!(benches);
