//! Opening a model file or link through the importer, a web worker of its
//! own (`src/bin/importer.rs`), loaded at the first import instead of with
//! every page.

use slo_core::codec::worker::{MODEL, READY, REFUSED};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The importer's loader, relative to the Model page's folder.
pub const IMPORTER: &str = "importer_loader.js";

/// Reads a file's bytes in the importer at `url`: the model as this
/// version's JSON (for `codec::read_own_json`), or what is wrong and where.
pub async fn import(url: &str, bytes: &[u8]) -> Result<String, String> {
    const UNAVAILABLE: &str = "the importer could not be loaded (open the site once while online)";
    let worker = web_sys::Worker::new(url).map_err(|_| UNAVAILABLE.to_string())?;
    // The worker says it is ready once it listens; then it gets the file.
    let answer = match next_message(&worker).await {
        Ok(ready) if ready.as_string().as_deref() == Some(READY) => {
            let reply = next_message(&worker);
            match worker.post_message(&js_sys::Uint8Array::from(bytes)) {
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
    match (field(MODEL), field(REFUSED)) {
        (Some(model), _) => Ok(model),
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
