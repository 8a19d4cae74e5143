//! What the two workers (`importer.rs`, `exporter.rs`) share: the message
//! loop and the answer's shape, as `slo_core::export::worker` names them.
//! Each bin includes this file (`#[path]`): a worker bundle cannot load the
//! web app's library, which holds JavaScript snippets.

use slo_core::export::worker::{Answer, NOTES, READY};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The answer as a JavaScript object: its key with its text, and the notes.
fn reply(answer: Answer) -> js_sys::Object {
    let reply = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&reply, &answer.key.into(), &answer.text.into());
    let _ = js_sys::Reflect::set(&reply, &NOTES.into(), &answer.notes.join("\n").into());
    reply
}

/// Answers every message with `answer`, after posting "ready" once the
/// handler is in place (messages sent before would be lost).
pub fn serve(answer: fn(&JsValue) -> Answer) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let _ = replies.post_message(&reply(answer(&event.data())));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&READY.into());
}
