//! The workshop's own router (issue 26: `leptos_router` was about 56 KB of
//! the shared runtime for what the workshop needs of it): the page follows
//! the address. A click on a link to a workshop page switches the page in
//! place (`history.pushState`), Back and Forward switch it back
//! (`popstate`), and [`Routing::navigate`] switches it from code; any other
//! link, a link with a modifier key, a target, a download or
//! `rel="external"` is left to the browser.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The address the workshop shows: its path, followed by the page views.
#[derive(Clone, Copy)]
pub struct Routing {
    /// The address's path (`/slo-planner/workshop/burn/`).
    pub path: ReadSignal<String>,
    set_path: WriteSignal<String>,
    /// The path of the workshop's folder (`/slo-planner/workshop`).
    base: StoredValue<String>,
}

/// The current address's path.
fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

impl Routing {
    /// Follows the address from now on: links to the workshop's pages
    /// under `base`, and Back and Forward.
    pub fn follow(base: String) -> Routing {
        let (path, set_path) = signal(current_path());
        let routing = Routing {
            path,
            set_path,
            base: StoredValue::new(base),
        };
        let _ = window_event_listener(ev::popstate, move |_| set_path.set(current_path()));
        let _ = window_event_listener(ev::click, move |ev| routing.on_click(&ev));
        routing
    }

    /// Switches to the workshop page at `path` (from the site's root), with
    /// a new history entry, at the top of the page.
    pub fn navigate(self, path: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
        }
        self.set_path.set(current_path());
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// A click on a link to a workshop page: the page switches in place.
    fn on_click(self, ev: &web_sys::MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let external = link.rel().split_whitespace().any(|r| r == "external");
        if external || !link.target().is_empty() || link.has_attribute("download") {
            return;
        }
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let inside = self.base.with_value(|base| {
            link.pathname() == *base || link.pathname().starts_with(&format!("{base}/"))
        });
        if link.origin() != location.origin().unwrap_or_default() || !inside {
            return;
        }
        if link.pathname() == current_path() {
            // A link into this page (`#main`) is the browser's; one to this
            // page itself changes nothing.
            if link.hash().is_empty() {
                ev.prevent_default();
            }
            return;
        }
        ev.prevent_default();
        self.navigate(&format!(
            "{}{}{}",
            link.pathname(),
            link.search(),
            link.hash()
        ));
    }
}

/// Opens `address` as a new page load: for a link followed where no
/// [`Routing`] is.
pub fn go(address: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(address);
    }
}
