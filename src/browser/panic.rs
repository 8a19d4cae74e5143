//! When something inside the app panics: the console gets the panic, the
//! page a banner with a reload link, and nothing more is saved.

use wasm_bindgen::prelude::*;

/// What the page says when something inside it panicked.
pub const PANIC_MESSAGE: &str =
    "Something went wrong inside slo-planner; your work up to your last edit is saved.";

static PANICKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether a panic happened: after one nothing more is saved, so the autosave
/// stays the last good model.
pub fn has_panicked() -> bool {
    PANICKED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Installs the panic handling: the panic goes to the console, and a banner
/// at the top of the page says what happened and offers a reload, so the page
/// never just freezes. It writes the DOM directly: after a panic the app is
/// gone.
///
/// The release site is built with `-Cpanic=immediate-abort`
/// (`scripts/build.sh`): a panic there is a WebAssembly trap, no hook runs,
/// and the trap reaches the page as an uncaught `WebAssembly.RuntimeError`
/// (an `error` event, or an `unhandledrejection` from a future). Both are
/// watched here; the hook covers builds that keep panic messages (the wasm
/// tests, a debug build).
pub fn install_panic_banner() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        panicked();
    }));
    let Some(window) = web_sys::window() else {
        return;
    };
    for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        let on_trap = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let error = js_sys::Reflect::get(&event, &JsValue::from_str(field));
            if error.is_ok_and(|e| e.is_instance_of::<js_sys::WebAssembly::RuntimeError>()) {
                panicked();
            }
        });
        let _ = window.add_event_listener_with_callback(event, on_trap.as_ref().unchecked_ref());
        // Lives as long as the page.
        on_trap.forget();
    }
}

/// After a panic or a trap: nothing more is saved, and the banner shows.
fn panicked() {
    PANICKED.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = show_panic_banner();
}

fn show_panic_banner() -> Option<()> {
    let document = web_sys::window()?.document()?;
    if document.get_element_by_id("panic-banner").is_some() {
        return Some(());
    }
    let banner = document.create_element("div").ok()?;
    banner.set_id("panic-banner");
    banner.set_class_name("panic-banner");
    banner.set_attribute("role", "alert").ok()?;
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(PANIC_MESSAGE));
    let reload = document.create_element("a").ok()?;
    let here = web_sys::window()?.location();
    let address = format!(
        "{}{}",
        here.pathname().unwrap_or_default(),
        here.search().unwrap_or_default()
    );
    reload.set_attribute("href", &address).ok()?;
    reload.set_id("panic-reload");
    // A page load, never a route inside the app (which is stopped).
    reload.set_attribute("rel", "external").ok()?;
    reload.set_text_content(Some("Reload"));
    text.append_child(&document.create_text_node(" ")).ok()?;
    text.append_child(&reload).ok()?;
    banner.append_child(&text).ok()?;
    let body = document.body()?;
    body.insert_before(&banner, body.first_child().as_ref())
        .ok()?;
    Some(())
}

/// Panics on purpose, so the end-to-end tests can prove a panic shows the
/// banner and keeps the last good model (called from the tests through the
/// bundle's exports; nothing in the page calls it).
#[wasm_bindgen]
pub fn slo_planner_forced_panic() {
    panic!("a panic forced by slo_planner_forced_panic (end-to-end test)");
}
