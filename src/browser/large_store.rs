//! The browser's larger store (IndexedDB), for a model local storage cannot
//! hold: local storage keeps about 5 MB a site, and a pasted incident
//! history can be more. Texts by key, in one object store; every call is
//! asynchronous and says why it failed.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::js_text;

#[wasm_bindgen(inline_js = r#"
function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('slo-planner', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('texts');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
function run(mode, act) {
  return open().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction('texts', mode);
    const request = act(tx.objectStore('texts'));
    tx.oncomplete = () => { db.close(); resolve(request.result); };
    tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
  }));
}
export function large_put(key, text) { return run('readwrite', (s) => s.put(text, key)); }
export function large_get(key) { return run('readonly', (s) => s.get(key)); }
export function large_delete(key) { return run('readwrite', (s) => s.delete(key)); }
"#)]
extern "C" {
    fn large_put(key: &str, text: &str) -> js_sys::Promise;
    fn large_get(key: &str) -> js_sys::Promise;
    fn large_delete(key: &str) -> js_sys::Promise;
}

/// Why the store refused: the browser's own words, or a general reason.
fn why(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &"message".into())
        .ok()
        .as_ref()
        .and_then(js_text)
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "this browser's larger store is not available".to_string())
}

/// Keeps `text` at `key`.
pub async fn put_large(key: &str, text: &str) -> Result<(), String> {
    JsFuture::from(large_put(key, text))
        .await
        .map(|_| ())
        .map_err(why)
}

/// The text at `key`: `Ok(None)` when there is none.
pub async fn get_large(key: &str) -> Result<Option<String>, String> {
    let value = JsFuture::from(large_get(key)).await.map_err(why)?;
    Ok(js_text(&value))
}

/// Forgets the text at `key` (in the background: nothing waits for it).
pub fn delete_large(key: &str) {
    let done = JsFuture::from(large_delete(key));
    wasm_bindgen_futures::spawn_local(async move {
        let _ = done.await;
    });
}
