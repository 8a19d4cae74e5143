//! Local storage (shared by the tabs) and session storage (this tab's), and
//! long texts from JavaScript into the wasm.

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use wasm_bindgen::prelude::*;

use super::has_panicked;

#[wasm_bindgen(inline_js = r#"
export function utf8_bytes(value) {
  return typeof value === 'string' ? new TextEncoder().encode(value) : undefined;
}
export function stored_text(storage, key, early) {
  if (early && early in window) {
    const text = window[early];
    delete window[early];
    return text;
  }
  try { return window[storage].getItem(key); } catch (e) { return null; }
}
"#)]
extern "C" {
    fn utf8_bytes(value: &JsValue) -> Option<Vec<u8>>;
    /// The text at `key` in `storage` (`localStorage`, `sessionStorage`),
    /// or the global `early` if the page has set it (taken once).
    fn stored_text(storage: &str, key: &str, early: &str) -> JsValue;
}

/// The text of a JavaScript string (`None` for anything else), copied into
/// the wasm as UTF-8 by the browser's `TextEncoder`. For long texts (a
/// model): wasm-bindgen's own copy goes a character at a time in
/// JavaScript, which on a page's first run took 3-11 ms for the 163 KB of
/// a 50-service model, against well under 1 ms this way.
pub fn js_text(value: &JsValue) -> Option<String> {
    utf8_bytes(value).and_then(|bytes| String::from_utf8(bytes).ok())
}

/// Reads a value saved with [`save`]; `None` if absent or unreadable.
pub fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(key).ok()
}

/// Saves a value in local storage; failures (private mode, quota) are ignored,
/// since the URL also holds the state.
pub fn save<T: serde::Serialize>(key: &str, value: &T) {
    if has_panicked() {
        return;
    }
    let _ = LocalStorage::set(key, value);
}

/// Reads text saved with [`save_text`].
pub fn load_text(key: &str) -> Option<String> {
    js_text(&stored_text("localStorage", key, ""))
}

/// [`load_text`], as the page's HTML already read it into the global
/// `early` (a script in the head: local storage is then read while the
/// page's code is fetched and compiled, not after). The global is taken
/// once: a later call, or a page without that script, reads the storage.
pub fn load_text_read_early(key: &str, early: &str) -> Option<String> {
    js_text(&stored_text("localStorage", key, early))
}

/// Why local storage refused a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Its storage for the site is full.
    Full,
    /// It keeps nothing for the site (a private window, or a setting).
    NotAllowed,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Refused::Full => {
                "this browser's storage for the site is full (browsers keep about 5 MB a site)"
            }
            Refused::NotAllowed => {
                "this browser does not let the site keep data (a private window, or a setting)"
            }
        })
    }
}

/// Saves text as it is (a model stays JSON in storage, readable as such);
/// or says why the browser refused it.
pub fn save_text(key: &str, text: &str) -> Result<(), Refused> {
    if has_panicked() {
        return Ok(());
    }
    LocalStorage::raw().set_item(key, text).map_err(|e| {
        match e
            .dyn_ref::<web_sys::DomException>()
            .map(web_sys::DomException::name)
        {
            Some(name) if name == "QuotaExceededError" => Refused::Full,
            _ => Refused::NotAllowed,
        }
    })
}

/// Removes the text at `key` from local storage.
pub fn remove_text(key: &str) {
    let _ = LocalStorage::raw().remove_item(key);
}

/// Reads text saved with [`save_tab_text`]: this tab's, gone when it closes.
pub fn load_tab_text(key: &str) -> Option<String> {
    js_text(&stored_text("sessionStorage", key, ""))
}

/// Saves text for this tab only (session storage); a failure (quota) drops
/// what was saved before, so nothing stale is read back.
pub fn save_tab_text(key: &str, text: &str) {
    if has_panicked() {
        return;
    }
    let storage = SessionStorage::raw();
    if storage.set_item(key, text).is_err() {
        let _ = storage.remove_item(key);
    }
}
