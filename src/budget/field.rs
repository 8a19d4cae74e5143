//! A labelled text field with its message beside it.

use crate::frame::example;
use leptos::prelude::*;

/// A computed answer: a large figure and a line saying what it counts.
#[component]
pub fn Answer(
    /// The figure's element id.
    id: &'static str,
    /// The figure, formatted.
    figure: String,
    /// What the figure counts, one line.
    context: String,
) -> impl IntoView {
    view! {
        <p class="figure small" id=id>{figure}</p>
        <p class="figure-context">{context}</p>
    }
}

/// A text input with a visible label, an optional hint, and the message for a
/// bad value right below it (announced to screen readers).
#[component]
pub fn TextField(
    /// The input's id; the message gets `{id}-error`.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every edit.
    on_input: Callback<String>,
    /// The message for a bad value, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// A short hint shown under the label.
    #[prop(optional)]
    hint: &'static str,
    /// Placeholder text.
    #[prop(optional)]
    placeholder: &'static str,
    /// The `list` attribute (id of a datalist), if any.
    #[prop(optional)]
    list: Option<&'static str>,
    /// `inputmode` for phone keyboards, e.g. "decimal".
    #[prop(optional)]
    inputmode: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = format!("{hint_id} {error_id}");
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <span class="hint" id=hint_id.clone()>{hint}</span> })}
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                placeholder=example(placeholder)
                list=list
                inputmode=inputmode
                aria-describedby=described
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            <p class="error" id=error_id role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A row of preset buttons; the one equal to the current value is pressed.
#[component]
pub fn Presets(
    /// Accessible name of the group.
    label: &'static str,
    /// (value, button text) pairs.
    options: Vec<(&'static str, &'static str)>,
    /// The current value.
    #[prop(into)]
    current: Signal<String>,
    /// Called with the chosen value.
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="presets" role="group" aria-label=label>
            {options
                .into_iter()
                .map(|(value, text)| {
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || if current.with(|c| c.trim() == value) { "true" } else { "false" }
                            on:click=move |_| on_pick.run(value.to_string())
                        >
                            {text}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
