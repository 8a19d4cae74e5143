//! Model import: any bytes as a model file. What opens runs through every
//! engine; whatever the pages' light reader takes, the importer takes the
//! same way (the light reader is never the looser one).
#![no_main]

use libfuzzer_sys::fuzz_target;
use slo_core::codec::{import_json, parse_json, read_own_json};
use slo_core::harness::run_everything;
use slo_core::quantity::zone::TzdbResolver;

fuzz_target!(|data: &[u8]| {
    if let Some(light) = std::str::from_utf8(data).ok().and_then(read_own_json) {
        assert_eq!(parse_json(data).ok(), Some(light));
    }
    if let Ok(opened) = import_json(data, &TzdbResolver) {
        run_everything(&opened.model, &TzdbResolver);
    }
});
