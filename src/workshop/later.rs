//! Parts of a long page that come a frame after the rest: what is below the
//! fold of a page at workshop scale (the Burn page's alert rules and risk,
//! the Dependencies page's list of services) is built once the page's first
//! frame is shown, so opening the page does not wait for it.

use leptos::prelude::*;

use crate::browser;

/// Renders `children` once the page's first frame is shown; until then an
/// empty placeholder, `aria-busy`.
#[component]
pub fn AfterFirstFrame(children: ChildrenFn) -> impl IntoView {
    let shown = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        browser::after_next_paint().await;
        shown.set(true);
    });
    move || {
        if shown.get() {
            children().into_any()
        } else {
            view! { <div class="later" aria-busy="true"></div> }.into_any()
        }
    }
}
