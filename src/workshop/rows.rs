//! Lists of the model rendered row by row, with add and remove buttons.
//!
//! Keyboard users keep their place: after "Add", focus moves to the new
//! item's first field; after "Remove", to the item that took its place (or
//! the one before it, or the list's next button when the list is empty),
//! never to the page's `<body>`.

use std::cell::Cell;

use leptos::html::Div;
use leptos::prelude::*;
use slo_core::model::Model;

use crate::browser;
use crate::workshop::state::Workshop;

/// What the last add or remove button asked of the list it changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Intent {
    /// An item was added: focus the first new one.
    Added,
    /// The item at this index was removed: focus the one now in its place.
    Removed(usize),
}

thread_local! {
    /// Set by a button for the one list whose length its change alters; the
    /// list takes it, and it is cleared on the next frame either way.
    static INTENT: Cell<Option<Intent>> = const { Cell::new(None) };
}

fn announce(intent: Intent) {
    INTENT.with(|i| i.set(Some(intent)));
    request_animation_frame(|| INTENT.with(|i| i.set(None)));
}

/// Where focus goes after the list went from `before` to `now` items.
fn focus_after(list: &web_sys::HtmlElement, intent: Intent, before: usize, now: usize) {
    let rows = list.children();
    let row = match intent {
        Intent::Added if now > before => rows.item(before as u32),
        Intent::Removed(index) if now < before && now > 0 => rows.item(index.min(now - 1) as u32),
        _ => None,
    };
    if let Some(row) = row {
        browser::focus_field_in(&row);
    } else if matches!(intent, Intent::Removed(_)) {
        browser::focus_button_after(list);
    }
}

/// Renders `row(i)` for each item of a list in the model; re-renders when the
/// list's length changes (rows read their own fields reactively).
pub fn rows<V: IntoView + 'static>(
    len: impl Fn(&Model) -> usize + Send + Sync + 'static,
    row: impl Fn(usize) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let count = Memo::new(move |_| workshop.structure(&len));
    let list = NodeRef::<Div>::new();
    let seen = StoredValue::new(count.get_untracked());
    Effect::new(move |_| {
        let now = count.get();
        let before = seen.get_value();
        seen.set_value(now);
        let Some(intent) = INTENT.with(Cell::take).filter(|_| now != before) else {
            return;
        };
        request_animation_frame(move || {
            if let Some(list) = list.get_untracked() {
                focus_after(&list, intent, before, now);
            }
        });
    });
    view! {
        <div class="rows" node_ref=list>
            {move || (0..count.get()).map(|i| view! { <div class="row">{row(i)}</div> }).collect_view()}
        </div>
    }
}

/// A button that changes the model as one undo step: `before` runs first
/// (announcing what a list should do with the focus), `after` once the change
/// is applied.
fn change_button(
    label: String,
    class: &'static str,
    before: impl Fn() + Send + Sync + 'static,
    change: impl Fn(&mut Model) + Clone + Send + Sync + 'static,
    after: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    view! {
        <button type="button" class=format!("edit {class}")
            on:click=move |_| {
                before();
                workshop.apply(change.clone());
                after();
            }>
            {label}
        </button>
    }
}

/// A button that adds to the model as one undo step; focus moves to the
/// new item's first field.
pub fn edit_button(
    label: String,
    class: &'static str,
    change: impl Fn(&mut Model) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    change_button(label, class, || announce(Intent::Added), change, || {})
}

/// A button that changes the model as one undo step, then moves the focus to
/// the element `focus` names once the page has re-rendered (an item that is
/// not in a list: a risk model, a scenario picked after adding it).
pub fn focus_button(
    label: String,
    class: &'static str,
    focus: String,
    change: impl Fn(&mut Model) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    change_button(
        label,
        class,
        || {},
        change,
        move || browser::focus_first_soon(vec![focus.clone()]),
    )
}

/// The button that removes one list item (its own undo step).
pub fn remove_button<L: slo_core::model::location::Remove>(label: &str, at: L) -> impl IntoView {
    change_button(
        label.to_string(),
        "remove",
        move || announce(Intent::Removed(at.index())),
        move |m| at.remove(m),
        || {},
    )
}
