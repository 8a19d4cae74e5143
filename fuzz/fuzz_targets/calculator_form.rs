//! The Budget page's form: any texts in every field (split at 0xFF bytes).
#![no_main]

use libfuzzer_sys::fuzz_target;
use slo_core::calculator::{evaluate, BudgetForm};
use slo_core::model::EventsPer;
use slo_core::quantity::zone::TzdbResolver;

fuzz_target!(|data: &[u8]| {
    let mut parts = data
        .split(|b| *b == 0xFF)
        .map(|p| String::from_utf8_lossy(p).into_owned());
    let mut next = || parts.next().unwrap_or_default();
    let form = BudgetForm {
        target: next(),
        window: next(),
        time_zone: next(),
        events: next(),
        events_per: if next().len() % 2 == 0 {
            EventsPer::Window
        } else {
            EventsPer::Day
        },
        time_slice: next(),
        downtime: next(),
        compare: next().split(',').map(str::to_string).collect(),
    };
    let view = evaluate(&form, &TzdbResolver);
    let _ = view.report();
});
