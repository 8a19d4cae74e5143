//! History import: any text as pasted incidents, an SLI series table or a
//! Prometheus range query's JSON. What reads weighs the candidate targets
//! of the Workbook example's availability SLO without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slo_core::model::location::SloAt;
use slo_core::quantity::zone::TzdbResolver;
use slo_core::record::incidents::read_incidents;
use slo_core::record::series::{read_prometheus_range, read_series};
use slo_core::tradeoff::table::{tradeoffs, Inputs};
use slo_core::Utc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let model = slo_core::examples::workbook_api();
    let incidents = read_incidents(text, &Utc)
        .map(|r| r.rows)
        .unwrap_or_default();
    let samples = read_series(text, &Utc)
        .or_else(|_| read_prometheus_range(text))
        .map(|r| r.rows)
        .unwrap_or_default();
    if incidents.is_empty() && samples.is_empty() {
        return;
    }
    let _ = tradeoffs(&Inputs {
        model: &model,
        at: SloAt::new(0, 0, 0, 0),
        zones: &TzdbResolver,
        incidents: &incidents,
        samples: &samples,
        span: None,
        candidates: &[],
        risk: None,
        judge_by: None,
    });
});
