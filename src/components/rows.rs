//! Lists of the model rendered row by row, with add and remove buttons.

use leptos::prelude::*;
use slo_core::model::Model;

use crate::workshop::Workshop;

/// Renders `row(i)` for each item of a list in the model; re-renders when the
/// list's length changes (rows read their own fields reactively).
pub fn rows<V: IntoView + 'static>(
    len: impl Fn(&Model) -> usize + Send + Sync + 'static,
    row: impl Fn(usize) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let count = Memo::new(move |_| workshop.model.with(&len));
    move || (0..count.get()).map(&row).collect_view()
}

/// A button that changes the model as one undo step (adding or removing an item).
pub fn edit_button(
    label: String,
    class: &'static str,
    change: impl Fn(&mut Model) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    view! {
        <button type="button" class=format!("edit {class}")
            on:click=move |_| workshop.apply(change.clone())>
            {label}
        </button>
    }
}

/// The button that removes one list item (its own undo step).
pub fn remove_button<L: super::locate::Remove>(label: &str, at: L) -> impl IntoView {
    edit_button(label.to_string(), "remove", move |m| at.remove(m))
}
