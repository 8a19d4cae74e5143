//! The trade-off chart: every candidate labelled (the current one in
//! brackets, an unreachable one marked), one dot and one bar each, and its
//! accessible name says the figures in words.

use slo_charts::tradeoff_chart;
use slo_core::examples;
use slo_core::quantity::zone::UtcOnly;
use slo_core::record::incidents::read_incidents;
use slo_core::record::instant::read_instant;
use slo_core::tradeoff::table::{tradeoffs, Inputs};
use slo_core::Utc;

#[test]
fn the_chart_labels_every_candidate_and_says_its_figures() {
    // The Azure chain (98.5 % over calendar months, a 98.80 % ceiling).
    let model = examples::seed_chain();
    let csv = "start,duration\n2025-02-10 14:00,3h\n2025-04-10 14:00,12h\n2025-05-02 09:00,1h\n";
    let incidents = read_incidents(csv, &Utc).unwrap().rows;
    let table = tradeoffs(&Inputs {
        model: &model,
        at: slo_core::model::location::SloAt::new(0, 0, 0, 0),
        zones: &UtcOnly,
        incidents: &incidents,
        samples: &[],
        span: Some((
            read_instant("2025-01-01", &Utc).unwrap(),
            read_instant("2025-07-01", &Utc).unwrap(),
        )),
        candidates: &[],
        risk: None,
        judge_by: None,
    })
    .unwrap();
    let svg = tradeoff_chart(&table).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 760 300\""));
    for label in ["85 %", "92.5 %", "[98.5 %]", "99.25 % ×", "99.85 % ×"] {
        assert!(svg.contains(&format!("\n{label}\n")), "{label} labelled");
    }
    assert_eq!(svg.matches("<circle").count(), 5, "one dot per candidate");
    assert!(svg.contains("freeze days a quarter"));
    let name = svg
        .split("<title>")
        .nth(1)
        .unwrap()
        .split("</title>")
        .next()
        .unwrap();
    assert!(
        name.starts_with(
            "Chance of meeting and release-freeze days a quarter by candidate target: 85 %:"
        ),
        "{name}"
    );
    assert_eq!(name.matches("% chance").count(), 5, "{name}");
}
