//! In a real headless Chromium: long texts from JavaScript into the wasm
//! (`browser::js_text`, through the browser's `TextEncoder`) and the
//! autosave a page's head script read before the wasm started
//! (`browser::load_text_read_early`).

#![cfg(target_arch = "wasm32")]

use slo_planner::browser::{js_text, load_text, load_text_read_early, save_text};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_javascript_string_comes_in_whole_whatever_its_characters() {
    let text = "99.95 % über 28 Tage — 東京 🙂 \"quoted\" \\ \u{0}end";
    assert_eq!(js_text(&JsValue::from_str(text)).as_deref(), Some(text));
    let long = "{\"name\":\"Service\"}".repeat(20_000);
    assert_eq!(js_text(&JsValue::from_str(&long)), Some(long));
    assert_eq!(js_text(&JsValue::from_str("")).as_deref(), Some(""));
    assert_eq!(js_text(&JsValue::NULL), None);
    assert_eq!(js_text(&JsValue::from_f64(7.0)), None);
}

#[wasm_bindgen_test]
fn the_text_read_early_is_taken_once_then_storage_is_read() {
    let key = "slo-planner.test.early";
    let early = "sloPlannerTestEarly";
    let window = web_sys::window().expect("a window");
    save_text(key, "in storage").expect("local storage takes it");
    js_sys::Reflect::set(&window, &early.into(), &"read by the head".into()).expect("set");
    assert_eq!(
        load_text_read_early(key, early).as_deref(),
        Some("read by the head")
    );
    assert!(!js_sys::Reflect::has(&window, &early.into()).expect("has"));
    assert_eq!(
        load_text_read_early(key, early).as_deref(),
        Some("in storage")
    );
    // The head script found nothing stored (null): that is the answer, storage is not asked again.
    js_sys::Reflect::set(&window, &early.into(), &JsValue::NULL).expect("set");
    assert_eq!(load_text_read_early(key, early), None);
    assert_eq!(load_text(key).as_deref(), Some("in storage"));
    assert_eq!(load_text("slo-planner.test.absent"), None);
}
