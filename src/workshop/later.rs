//! Parts of a long page that come a frame after the rest: what is below the
//! fold of a page at workshop scale (the Burn page's alert rules and risk,
//! the Dependencies page's list of services, the pickers' long lists of
//! options, the Document's later rows) is built once the page's first frame
//! is shown, so opening the page does not wait for it.

use leptos::prelude::*;

use crate::browser;

/// `false` until the page's first frame is shown, then `true`: what a part
/// of the page waits for to fill in the rest. `true` from the start when
/// `now` is (a part too small to be worth the wait).
pub fn first_frame_shown(now: bool) -> ReadSignal<bool> {
    let (shown, set_shown) = signal(now);
    if !now {
        leptos::task::spawn_local(async move {
            browser::after_next_paint().await;
            set_shown.set(true);
        });
    }
    shown
}

/// Renders `children` once the page's first frame is shown; until then an
/// empty placeholder, `aria-busy`.
#[component]
pub fn AfterFirstFrame(children: ChildrenFn) -> impl IntoView {
    let shown = first_frame_shown(false);
    move || {
        if shown.get() {
            children().into_any()
        } else {
            view! { <div class="later" aria-busy="true"></div> }.into_any()
        }
    }
}
