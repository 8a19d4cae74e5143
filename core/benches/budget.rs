//! Benchmarks of the calculator's hot paths: one full page evaluation (what
//! every keystroke costs), window lengths in a DST zone, and duration text.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use slo_core::calculator::{evaluate, BudgetForm};
use slo_core::model::EventsPer;
use slo_core::quantity::zone::{Tzdb, TzdbResolver};
use slo_core::{ExactDuration, Window};

fn page_evaluation(c: &mut Criterion) {
    let form = BudgetForm {
        target: "99.95".into(),
        window: "month:2024-03".into(),
        time_zone: "America/New_York".into(),
        events: "3663253".into(),
        events_per: EventsPer::Day,
        time_slice: "1m".into(),
        downtime: "43m 12s".into(),
        compare: vec![
            "99.9".into(),
            "99.95".into(),
            "99.99".into(),
            "99.999".into(),
        ],
    };
    c.bench_function("evaluate full budget form", |b| {
        b.iter(|| evaluate(black_box(&form), &TzdbResolver))
    });
}

fn calendar_length(c: &mut Criterion) {
    let zone = Tzdb::named("America/New_York").unwrap();
    let window: Window = "year:2024".parse().unwrap();
    c.bench_function("calendar year length in a DST zone", |b| {
        b.iter(|| black_box(window).length(&zone))
    });
}

fn duration_text(c: &mut Criterion) {
    c.bench_function("parse and format a duration", |b| {
        b.iter(|| {
            black_box("3d 15h 36m 1.5s")
                .parse::<ExactDuration>()
                .map(|d| d.to_string())
        })
    });
}

criterion_group!(benches, page_evaluation, calendar_length, duration_text);
criterion_main!(benches);
