//! The importer: a web worker of its own (`importer_loader.js` beside the
//! Model page), started only when a file or a share link is opened, so the
//! pages carry only the light reader of the app's own JSON
//! (`codec::read_own_json`). It reads the file with every check and each
//! problem's field path (`codec::parse_json`, with `serde_path_to_error`,
//! older versions migrated) and answers as `slo_core::codec::worker` says:
//! "ready" once its handler is in place, then the model as this version's
//! JSON or what is wrong and where. The page side is
//! `slo_planner::browser::importer`.
//!
//! It uses `slo-core` only: the web app's library holds JavaScript snippets,
//! which a worker bundle cannot load.

use slo_core::codec::worker;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The answer to one message (the file's bytes), as a JavaScript object.
fn answer(bytes: &[u8]) -> js_sys::Object {
    let (key, value) = worker::answer(bytes);
    let reply = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&reply, &key.into(), &value.into());
    reply
}

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
            let _ = replies.post_message(&answer(&bytes));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before this handler existed would be lost: the page
    // sends the file only after this.
    let _ = scope.post_message(&worker::READY.into());
}
