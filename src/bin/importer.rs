//! The importer: a web worker of its own (`importer_loader.js` beside the
//! Model page), started only when a file or a share link is opened, so the
//! pages carry only the light reader of the app's own JSON
//! (`codec::read_own_json`). It reads a model file with every check and
//! each problem's field path (`codec::parse_json`, older versions
//! migrated) and answers as `slo_core::export::worker` says; OpenSLO goes to
//! the formats worker (`formats.rs`). The page side is
//! `slo_planner::browser::importer`.

#[path = "worker/mod.rs"]
mod worker;

use wasm_bindgen::prelude::*;

/// A file's bytes: the model, or what is wrong and where.
fn answer(data: &JsValue) -> slo_core::export::worker::Answer {
    slo_core::export::worker::import_json(&js_sys::Uint8Array::new(data).to_vec())
}

fn main() {
    worker::serve(answer);
}
