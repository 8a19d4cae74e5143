//! OpenSLO import: any bytes as an OpenSLO file. What reads opens and runs
//! through every engine; its OpenSLO export reads back, and its Prometheus
//! rules are written, without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slo_core::codec::open;
use slo_core::export::openslo::read::read_openslo;
use slo_core::export::openslo::write::openslo_yaml;
use slo_core::export::prometheus::prometheus_rules;
use slo_core::harness::run_everything;
use slo_core::quantity::zone::TzdbResolver;

fuzz_target!(|data: &[u8]| {
    let Ok(read) = read_openslo(data) else {
        return;
    };
    let opened = open(read.model, &TzdbResolver);
    run_everything(&opened.model, &TzdbResolver);
    let yaml = openslo_yaml(&opened.model, &TzdbResolver).yaml;
    assert!(
        read_openslo(yaml.as_bytes()).is_ok() || opened.model.services.is_empty(),
        "{yaml}"
    );
    let _ = prometheus_rules(&opened.model, &TzdbResolver, None).yaml();
});
