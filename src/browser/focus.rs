//! Elements found by id, and moving the keyboard focus: after Add, Remove,
//! a skip link or a problem's link.

/// The page's element with id `id`.
fn element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Moves the keyboard focus to the element with id `id` (and scrolls to it).
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
        element.scroll_into_view();
    }
}

/// Focuses `element` when it is an HTML element that takes focus; whether it did.
fn focus(element: web_sys::Element) -> bool {
    use wasm_bindgen::JsCast;
    match element.dyn_into::<web_sys::HtmlElement>() {
        Ok(element) => {
            let _ = element.focus();
            element.scroll_into_view_with_bool(false);
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_some_and(|active| active == *element)
        }
        Err(_) => false,
    }
}

/// Focuses the first field inside `element` (an input, select or text area;
/// else its first button); whether one took the focus.
pub fn focus_field_in(element: &web_sys::Element) -> bool {
    [
        "input:not([type=hidden]):not([disabled]), select, textarea",
        "button:not([disabled])",
    ]
    .into_iter()
    .find_map(|selector| element.query_selector(selector).ok().flatten())
    .is_some_and(focus)
}

/// Focuses the first enabled button after `element` in document order within
/// its parent, climbing to the parent's parent when there is none (the "Add"
/// button of a list that is now empty).
pub fn focus_button_after(element: &web_sys::Element) {
    let mut here = Some(element.clone());
    while let Some(at) = here {
        let mut next = at.next_element_sibling();
        while let Some(sibling) = next {
            let button = if sibling.matches("button:not([disabled])").unwrap_or(false) {
                Some(sibling.clone())
            } else {
                sibling
                    .query_selector("button:not([disabled])")
                    .ok()
                    .flatten()
            };
            if button.is_some_and(focus) {
                return;
            }
            next = sibling.next_element_sibling();
        }
        here = at.parent_element().filter(|p| p.tag_name() != "MAIN");
    }
}

/// How many frames [`focus_first_soon`] waits for the field itself to be
/// rendered (a page just switched to may show it later, after a chunk of
/// its own): about 3 s at 60 frames a second.
const FRAMES_FOR_THE_FIELD: u32 = 180;

/// Once the page has re-rendered (next frame), focuses the first of `ids`
/// found in the page, or the field inside it. The first two (the field and
/// its problems) are waited for up to [`FRAMES_FOR_THE_FIELD`] frames
/// before an enclosing item is taken instead.
pub fn focus_first_soon(ids: Vec<String>) {
    focus_first_within(ids, FRAMES_FOR_THE_FIELD);
}

fn focus_first_within(ids: Vec<String>, frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        let field_shown = ids.iter().take(2).any(|id| element_by_id(id).is_some());
        if !field_shown && frames > 0 {
            return focus_first_within(ids, frames - 1);
        }
        for id in ids {
            if let Some(element) = element_by_id(&id) {
                if focus(element.clone()) || focus_field_in(&element) {
                    return;
                }
                element.scroll_into_view();
                return;
            }
        }
    });
}

/// Clicks the element with id `id` (a hidden file input, from its label's keyboard handler).
pub fn click_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.click();
    }
}

/// Closes the `<details>` element with id `id` (a menu, once an item is chosen).
pub fn close_details(id: &str) {
    if let Some(element) = element_by_id(id) {
        let _ = element.remove_attribute("open");
    }
}
