//! A scenario run from a fuzzed model: the rich example model with fuzzed
//! texts in its numeric fields (targets, windows, durations, counts, percents),
//! run through every engine (the burn run, alerts, policy, Monte Carlo).
#![no_main]

use libfuzzer_sys::fuzz_target;
use slo_core::harness::{rich_model, run_everything, with_numeric_values};
use slo_core::quantity::zone::TzdbResolver;

fuzz_target!(|data: &[u8]| {
    // Each part: one byte picks the field, the rest is its text.
    let values: Vec<(usize, String)> = data
        .split(|b| *b == 0xFF)
        .filter_map(|p| p.split_first())
        .map(|(field, text)| (*field as usize, String::from_utf8_lossy(text).into_owned()))
        .collect();
    run_everything(&with_numeric_values(&rich_model(), &values), &TzdbResolver);
});
