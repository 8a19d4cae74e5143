//! Opening a model file or link, and exporting the formats other than JSON,
//! through the importer, a web worker of its own (`src/bin/importer.rs`),
//! loaded when needed instead of with every page.

use slo_core::export::worker::{ExportFormat, EXPORT, LINK, MODEL, NOTES, READY, REFUSED, TEXT};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The importer's loader, relative to the Model page's folder.
pub const IMPORTER: &str = "importer_loader.js";

/// The formats worker's loader (OpenSLO in; OpenSLO, Prometheus rules and
/// Markdown out), relative to the Model page's folder.
pub const FORMATS: &str = "formats_loader.js";

const UNAVAILABLE: &str = "the worker could not be loaded (open the site once while online)";

/// What the worker answered: its text (a model's JSON or a file) and its
/// notes (what it did not keep, one each).
pub type Answered = (String, Vec<String>);

/// Reads a file's bytes (slo-planner's JSON in the importer, OpenSLO YAML
/// in the formats worker) in the worker at `url`: the model as this version's JSON (for
/// `codec::read_own_json`) and what was not kept, or what is wrong and where.
pub async fn import(url: &str, bytes: &[u8]) -> Result<Answered, String> {
    ask(url, &js_sys::Uint8Array::from(bytes), MODEL).await
}

/// Writes the model (`json`, compact) in `format` in the formats worker at
/// `url`: the file's text and what it left out. `link` leads back to the
/// model (written in Prometheus alerts).
pub async fn export(
    url: &str,
    format: ExportFormat,
    json: &str,
    link: &str,
) -> Result<Answered, String> {
    let message = js_sys::Object::new();
    for (key, value) in [(EXPORT, format.key()), (MODEL, json), (LINK, link)] {
        let _ = js_sys::Reflect::set(&message, &key.into(), &value.into());
    }
    ask(url, &message, TEXT).await
}

/// Starts the worker, sends `message` once it is ready, and reads the
/// answer's `key` (or its refusal) and notes.
async fn ask(url: &str, message: &JsValue, key: &str) -> Result<Answered, String> {
    let worker = web_sys::Worker::new(url).map_err(|_| UNAVAILABLE.to_string())?;
    // The worker says it is ready once it listens; then it gets the message.
    let answer = match next_message(&worker).await {
        Ok(ready) if ready.as_string().as_deref() == Some(READY) => {
            let reply = next_message(&worker);
            match worker.post_message(message) {
                Ok(()) => reply.await,
                Err(error) => Err(error),
            }
        }
        Ok(other) => Err(other),
        Err(error) => Err(error),
    };
    worker.terminate();
    let answer = answer.map_err(|_| UNAVAILABLE.to_string())?;
    let field = |key: &str| {
        js_sys::Reflect::get(&answer, &key.into())
            .ok()
            .and_then(|v| super::js_text(&v))
    };
    let notes = field(NOTES)
        .map(|n| n.lines().map(String::from).collect())
        .unwrap_or_default();
    match (field(key), field(REFUSED)) {
        (Some(text), _) => Ok((text, notes)),
        (None, Some(refused)) => Err(refused),
        (None, None) => Err(UNAVAILABLE.to_string()),
    }
}

/// The next message `worker` sends (its data), or its error: one message
/// each, as the handlers are set again for the next.
fn next_message(worker: &web_sys::Worker) -> JsFuture {
    let message = js_sys::Promise::new(&mut |resolve, reject| {
        let answered = Closure::once_into_js(move |event: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let failed = Closure::once_into_js(move |error: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        worker.set_onmessage(Some(answered.unchecked_ref()));
        worker.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(message)
}
