//! Model import: any bytes as a model file. What opens runs through every engine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slo_core::codec::import_json;
use slo_core::harness::run_everything;
use slo_core::quantity::zone::TzdbResolver;

fuzz_target!(|data: &[u8]| {
    if let Ok(opened) = import_json(data, &TzdbResolver) {
        run_everything(&opened.model, &TzdbResolver);
    }
});
