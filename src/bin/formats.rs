//! The formats worker: a web worker of its own (`formats_loader.js` beside
//! the Model page), started only when an OpenSLO file is opened or the model
//! is exported as OpenSLO YAML, Prometheus rules or Markdown, so neither the
//! pages nor the importer carry that code. It answers as
//! `slo_core::export::worker` says. Calendar windows use the IANA time zone
//! database it carries (the pages ask the browser; the browser tests check
//! that both give the same periods). The page side is
//! `slo_planner::browser::importer`.

#[path = "worker/mod.rs"]
mod worker;

use slo_core::export::worker::{self as protocol, Answer, EXPORT, LINK, MODEL};
use slo_core::quantity::zone::TzdbResolver;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A message's text field, or "".
fn field(data: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A file's bytes (OpenSLO, or JSON), or an export request.
fn answer(data: &JsValue) -> Answer {
    if data.is_instance_of::<js_sys::Uint8Array>() {
        return protocol::import(&js_sys::Uint8Array::new(data).to_vec());
    }
    protocol::export(
        &field(data, EXPORT),
        &field(data, MODEL),
        &field(data, LINK),
        &TzdbResolver,
    )
}

fn main() {
    worker::serve(answer);
}
