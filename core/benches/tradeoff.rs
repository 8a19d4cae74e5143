//! The trade-off table must stay interactive (issue 13): a year of
//! per-minute SLI samples (525,600 rows) read from CSV and judged for six
//! candidate targets (under 200 ms, release build), and the whole table
//! recomputed from a record already read, as on an edit (under one 16 ms
//! frame for a year of incidents).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use slo_core::model::location::{Locate, SloAt};
use slo_core::quantity::zone::UtcOnly;
use slo_core::record::achieved::{from_series, judge, series_span};
use slo_core::record::incidents::{read_incidents, Incident};
use slo_core::record::periods::past_periods;
use slo_core::record::series::read_series;
use slo_core::tradeoff::candidates::default_candidates;
use slo_core::tradeoff::table::{tradeoffs, with_chances, Inputs, Prepared, Row};
use slo_core::{examples, Model, Target, Utc, Window};

/// 1 January 2025, Unix seconds.
const YEAR_START: i64 = 1_735_689_600;
const MINUTES: i64 = 525_600;

/// A year of minutes: 1,000 requests each, a bad one in every 50th minute,
/// and a 40-minute outage every 30 days.
fn year_csv() -> String {
    let mut csv = String::with_capacity(MINUTES as usize * 24);
    csv.push_str("timestamp,good,valid\n");
    for minute in 1..=MINUTES {
        let bad = if minute % 43_200 < 40 {
            1000
        } else if minute % 50 == 0 {
            1
        } else {
            0
        };
        csv.push_str(&format!(
            "{},{},1000\n",
            YEAR_START + minute * 60,
            1000 - bad
        ));
    }
    csv
}

/// Twelve incidents over 2025, one a month, 20 to 130 minutes.
fn year_incidents() -> Vec<Incident> {
    let mut csv = String::from("start,duration,affected,cause\n");
    for month in 1..=12 {
        let minutes = 20 + (month * 37) % 111;
        let affected = if month % 3 == 0 { 25 } else { 100 };
        csv.push_str(&format!(
            "2025-{month:02}-11 09:30,{minutes}m,{affected},cause {month}\n"
        ));
    }
    read_incidents(&csv, &Utc).unwrap().rows
}

fn model() -> Model {
    let mut model = examples::workbook_api();
    let slo = SloAt::new(0, 0, 0, 0).get_mut(&mut model).unwrap();
    slo.target = "99.9".into();
    slo.window = "month".into();
    model
}

fn six() -> Vec<Target> {
    let mut six = default_candidates(&"99.9".parse().unwrap());
    six.push("99.8".parse().unwrap());
    six.sort();
    six
}

fn year_of_minutes(c: &mut Criterion) {
    let csv = year_csv();
    let candidates = six();
    let month: Window = "month".parse().unwrap();
    let mut group = c.benchmark_group("record");
    group.sample_size(10);
    group.bench_function(
        "525,600 per-minute rows read and judged for 6 targets",
        |b| {
            b.iter(|| {
                let series = read_series(black_box(&csv), &Utc).unwrap();
                let (from, to) = series_span(&series.rows).unwrap();
                let periods = past_periods(&month, &Utc, from, to).unwrap();
                let record = from_series(&series.rows, periods);
                candidates
                    .iter()
                    .map(|t| judge(&record, t).met)
                    .sum::<usize>()
            })
        },
    );
    let samples = read_series(&csv, &Utc).unwrap().rows;
    let model = model();
    group.bench_function(
        "table of 6 targets from 525,600 samples already read",
        |b| b.iter(|| table(&model, &[], black_box(&samples), &candidates)),
    );
    group.finish();
}

fn table(
    model: &Model,
    incidents: &[Incident],
    samples: &[slo_core::record::series::Sample],
    candidates: &[Target],
) -> usize {
    tradeoffs(&Inputs {
        model,
        at: SloAt::new(0, 0, 0, 0),
        zones: &UtcOnly,
        incidents,
        samples,
        span: Some((YEAR_START, YEAR_START + 365 * 86_400)),
        candidates,
        risk: None,
        judge_by: None,
    })
    .unwrap()
    .rows
    .len()
}

fn on_an_edit(c: &mut Criterion) {
    let (model, incidents, candidates) = (model(), year_incidents(), six());
    c.bench_function(
        "table of 6 targets from a year of incidents already read",
        |b| b.iter(|| table(&model, black_box(&incidents), &[], &candidates)),
    );
    let inputs = Inputs {
        model: &model,
        at: SloAt::new(0, 0, 0, 0),
        zones: &UtcOnly,
        incidents: &incidents,
        samples: &[],
        span: Some((YEAR_START, YEAR_START + 365 * 86_400)),
        candidates: &candidates,
        risk: None,
        judge_by: None,
    };
    let prepared = Prepared::new(&inputs).unwrap();
    let chances = prepared.chances(None);
    let edited: Target = "99.93".parse().unwrap();
    c.bench_function(
        "a candidate typed, over a year of incidents (its row)",
        |b| {
            b.iter(|| {
                prepared
                    .row(black_box(&edited), &chances, &UtcOnly)
                    .achieved
                    .met
            })
        },
    );
    let mut risk = chances.risk.clone().unwrap();
    risk.incidents_per_period = "1.5".into();
    // The page keeps its rows: a risk edit runs the model again and takes
    // each row's chance from the run.
    let rows: Vec<Row> = candidates
        .iter()
        .map(|t| prepared.row(t, &chances, &UtcOnly))
        .collect();
    c.bench_function(
        "the risk model edited, over a year of incidents (6 rows)",
        |b| {
            b.iter(|| {
                let chances = prepared.chances(Some(black_box(&risk)));
                rows.iter()
                    .map(|row| with_chances(row.clone(), &chances).chance.unwrap().meet)
                    .sum::<f64>()
            })
        },
    );
}

/// 5 MB of incident history pasted (issue 27): an incident every ten
/// minutes for a year, about 57,000 rows.
fn five_megabytes() -> String {
    let mut csv = String::from("start,duration,affected,cause\n");
    let mut minute = 0i64;
    while csv.len() < 5_000_000 {
        let at = chrono::DateTime::from_timestamp(YEAR_START + minute * 60, 0).unwrap();
        csv.push_str(&format!(
            "{},3m,50,incident number {minute} after a bad deploy of the checkout service\n",
            at.format("%Y-%m-%d %H:%M")
        ));
        minute += 10;
    }
    csv
}

fn a_large_paste(c: &mut Criterion) {
    let (model, csv, candidates) = (model(), five_megabytes(), six());
    let mut group = c.benchmark_group("paste");
    group.sample_size(10);
    group.bench_function("5 MB of incidents read", |b| {
        b.iter(|| read_incidents(black_box(&csv), &Utc).unwrap().rows.len())
    });
    let incidents = read_incidents(&csv, &Utc).unwrap().rows;
    // Each row replays the alert rules over every period: linear in the
    // incidents and the firings, not their product.
    group.bench_function(
        "table of 6 targets from 5 MB of incidents already read",
        |b| b.iter(|| table(&model, black_box(&incidents), &[], &candidates)),
    );
    group.finish();
}

criterion_group!(benches, year_of_minutes, on_an_edit, a_large_paste);
criterion_main!(benches);
