//! Share-link decoding: any fragment text, then (as the page does) inflate the
//! raw deflate bytes and open the JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slo_core::codec::share::{decode, payload};
use slo_core::codec::{import_json, MAX_FILE_BYTES};
use slo_core::quantity::zone::TzdbResolver;

fuzz_target!(|data: &[u8]| {
    let Ok(fragment) = std::str::from_utf8(data) else {
        return;
    };
    let text = payload(fragment).unwrap_or(fragment);
    let Ok(compressed) = decode(text) else { return };
    let Ok(json) = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_FILE_BYTES)
    else {
        return;
    };
    let _ = import_json(&json, &TzdbResolver);
});
