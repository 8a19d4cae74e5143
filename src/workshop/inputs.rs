//! Inputs bound to one field of the workshop model, each with the problems
//! validation found at that field's path shown right below it.

use std::cell::Cell;

use leptos::prelude::*;
use slo_core::glossary::Term;
use slo_core::problem::Severity;
use wasm_bindgen::JsCast;

use crate::frame::example;
use crate::glossary::Word;
use crate::workshop::state::Workshop;
use slo_core::model::kind::Kind;
use slo_core::model::location::Locate;

thread_local! {
    /// How many times a field's value or problems were read again, for the
    /// end-to-end test that one key press re-reads as many fields on a
    /// 50-service model as on a 5-service one (e2e/key_cost.spec.mjs).
    static FIELD_RUNS: Cell<u64> = const { Cell::new(0) };
}

/// Counts one re-read of a field's value or problems.
fn count_run() {
    FIELD_RUNS.with(|runs| runs.set(runs.get() + 1));
}

/// How many times the fields' values and problems were read since the app started.
pub fn field_runs() -> u64 {
    FIELD_RUNS.with(Cell::get)
}

/// An element id made from a field path: `services-0--name`.
pub fn id_of(path: &str) -> String {
    path.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// Reads and writes one value of an item in the model: the current value
/// (default when the item is gone), re-read only when the field's part of
/// the model changes and passed on only when it differs, and a setter that
/// records an edit of `path`.
fn binding<L: Locate, T: Default + Clone + PartialEq + Send + Sync + 'static>(
    at: L,
    path: String,
    read: impl Fn(&L::Item) -> T + Copy + Send + Sync + 'static,
    write: impl Fn(&mut L::Item, T) + Copy + Send + Sync + 'static,
) -> (Memo<T>, impl Fn(T) + Clone + Send + Sync + 'static) {
    let workshop = Workshop::from_context();
    let section = workshop.section(&path);
    let value = Memo::new(move |_| {
        count_run();
        section.with(|m| at.get(m).map(read).unwrap_or_default())
    });
    let update = move |new: T| {
        workshop.edit(&path, |m| {
            if let Some(item) = at.get_mut(m) {
                write(item, new);
            }
        })
    };
    (value, update)
}

/// A problem's reason and source, folded away behind "Why?" (none when it
/// has none): the message stays a plain sentence.
pub fn why(why: String) -> Option<impl IntoView> {
    (!why.is_empty()).then(|| {
        view! { " " <details class="why"><summary>"Why?"</summary>{why}</details> }
    })
}

/// Every problem found at exactly `path`, errors first.
#[component]
pub fn FieldProblems(
    /// The field path.
    path: String,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let id = format!("{}-problems", id_of(&path));
    let found = Signal::derive(move || {
        count_run();
        workshop.problems_at(&path)
    });
    let lines = move || {
        found.with(|found| {
            found
                .iter()
                .cloned()
                .map(|p| {
                    let class = match p.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                    };
                    view! { <p class=class>{p.message}{why(p.why)}</p> }
                })
                .collect_view()
        })
    };
    view! { <div class="problems" id=id role="status">{lines}</div> }
}

/// A text input (or text area) bound to a `String` field.
#[component]
pub fn Text<L: Locate>(
    /// The item holding the field.
    at: L,
    /// The field's name in the JSON (for its path).
    field: &'static str,
    /// The visible label.
    label: &'static str,
    /// The glossary word the label uses, explained by a "?" beside it.
    #[prop(optional)]
    term: Option<Term>,
    /// Reads the field.
    get: fn(&L::Item) -> &String,
    /// Writes the field.
    set: fn(&mut L::Item) -> &mut String,
    /// A text area instead of one line.
    #[prop(optional)]
    multiline: bool,
    /// Placeholder text.
    #[prop(optional)]
    placeholder: &'static str,
    /// What a blank field counts as, shown beside it while blank.
    #[prop(optional)]
    blank_means: &'static str,
) -> impl IntoView {
    let path = at.field(field);
    let id = id_of(&path);
    let described = format!("{id}-problems");
    let (value, on_input) = binding(
        at,
        path.clone(),
        move |i| get(i).clone(),
        move |i, text| *set(i) = text,
    );
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="3" placeholder=example(placeholder) aria-describedby=described.clone()
                prop:value=value on:input=move |ev| on_input(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" autocomplete="off" placeholder=example(placeholder) aria-describedby=described.clone()
                prop:value=value on:input=move |ev| on_input(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <div class="field">
            {labelled(&id, label, term)}
            {input}
            {when_blank(&id, value, blank_means)}
            <FieldProblems path />
        </div>
    }
}

/// A text input bound to an optional field: empty text means none.
#[component]
pub fn OptText<L: Locate>(
    /// The item holding the field.
    at: L,
    /// The field's name in the JSON.
    field: &'static str,
    /// The visible label.
    label: &'static str,
    /// The glossary word the label uses, explained by a "?" beside it.
    #[prop(optional)]
    term: Option<Term>,
    /// Reads the field.
    get: fn(&L::Item) -> Option<&String>,
    /// Writes the field.
    set: fn(&mut L::Item) -> &mut Option<String>,
    /// Placeholder text.
    #[prop(optional)]
    placeholder: &'static str,
    /// What a blank field counts as ("100 %"), shown beside it while blank.
    #[prop(optional)]
    blank_means: &'static str,
) -> impl IntoView {
    let path = at.field(field);
    let id = id_of(&path);
    let (value, on_input) = binding(
        at,
        path.clone(),
        move |i| get(i).cloned().unwrap_or_default(),
        move |i, text: String| *set(i) = (!text.trim().is_empty()).then_some(text),
    );
    view! {
        <div class="field">
            {labelled(&id, label, term)}
            <input id=id.clone() type="text" autocomplete="off" placeholder=example(placeholder)
                prop:value=value on:input=move |ev| on_input(event_target_value(&ev)) />
            {when_blank(&id, value, blank_means)}
            <FieldProblems path />
        </div>
    }
}

/// A "?" after a label that uses a glossary word, its plain line on hover
/// and focus; outside the `<label>`, so the field's name stays the label.
/// (Not inlined: one copy for every field type and place.)
#[inline(never)]
fn help(term: Option<Term>) -> Option<AnyView> {
    term.map(|term| view! { " " <Word term text="?" /> }.into_any())
}

/// A field's label, with the "?" of its glossary word beside it.
#[inline(never)]
fn labelled(id: &str, label: &'static str, term: Option<Term>) -> AnyView {
    match term {
        None => view! { <label for=id.to_string()>{label}</label> }.into_any(),
        Some(_) => view! {
            <span class="label-line"><label for=id.to_string()>{label}</label>{help(term)}</span>
        }
        .into_any(),
    }
}

/// "Left blank, it counts as 100 %", beside a field while it is blank.
fn when_blank(id: &str, value: Memo<String>, blank_means: &'static str) -> Option<impl IntoView> {
    let id = format!("{id}-blank");
    (!blank_means.is_empty()).then_some(move || {
        value.with(String::is_empty).then(|| {
            view! { <p class="hint blank-means" id=id.clone()>"Left blank, it counts as " {blank_means} "."</p> }
        })
    })
}

/// A select bound to a choice of the model ([`Kind`]): every value in the
/// order of `K::ALL`, each shown by its label, its JSON key as the option's value.
#[component]
pub fn Choice<L: Locate, K: Kind>(
    /// The item holding the field.
    at: L,
    /// The field's name in the JSON.
    field: &'static str,
    /// The visible label.
    label: &'static str,
    /// The glossary word the label uses, explained by a "?" beside it.
    #[prop(optional)]
    term: Option<Term>,
    /// Reads the field.
    get: fn(&L::Item) -> K,
    /// Writes the field.
    set: fn(&mut L::Item, K),
) -> impl IntoView {
    let path = at.field(field);
    let id = id_of(&path);
    let (selected, choose) = binding(
        at,
        path.clone(),
        move |i| get(i).key().to_string(),
        move |i, key: String| {
            if let Some(value) = K::from_key(&key) {
                set(i, value);
            }
        },
    );
    view! {
        <div class="field">
            {labelled(&id, label, term)}
            <select id=id prop:value=selected on:change=move |ev| {
                choose(event_target_value(&ev));
                // When the model refused the choice (an "agreed" status over
                // errors), show what it holds, not what was picked.
                if let Some(select) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                    select.set_value(&selected.get_untracked());
                }
            }>
                {K::ALL
                    .iter()
                    .map(|k| view! { <option value=k.key()>{k.label()}</option> })
                    .collect_view()}
            </select>
            <FieldProblems path />
        </div>
    }
}

/// A checkbox bound to a `bool` field.
#[component]
pub fn Check<L: Locate>(
    /// The item holding the field.
    at: L,
    /// The field's name in the JSON.
    field: &'static str,
    /// The visible label.
    label: &'static str,
    /// The glossary word the label uses, explained by a "?" beside it.
    #[prop(optional)]
    term: Option<Term>,
    /// Reads the field.
    get: fn(&L::Item) -> bool,
    /// Writes the field.
    set: fn(&mut L::Item, bool),
) -> impl IntoView {
    let path = at.field(field);
    let id = id_of(&path);
    let (checked, on_change) = binding(at, path.clone(), get, set);
    view! {
        <div class="field check">
            <input id=id.clone() type="checkbox" prop:checked=checked aria-describedby=format!("{id}-problems")
                on:change=move |ev| on_change(event_target_checked(&ev)) />
            <label for=id>{label}</label>{help(term)}
            <FieldProblems path />
        </div>
    }
}

/// The problems of each item of a list typed one per line (a candidate
/// that is not a target): `path[0]`, `path[1]`, ... for `count` items.
#[component]
pub fn ItemProblems(
    /// The list's path.
    path: String,
    /// How many items it has.
    count: Signal<usize>,
) -> impl IntoView {
    move || {
        (0..count.get())
            .map(|i| view! { <FieldProblems path=format!("{path}[{i}]") /> })
            .collect_view()
    }
}

/// A text area bound to a list of names, one per line.
#[component]
pub fn Lines<L: Locate>(
    /// The item holding the list.
    at: L,
    /// The field's name in the JSON.
    field: &'static str,
    /// The visible label.
    label: &'static str,
    /// Reads the list.
    get: fn(&L::Item) -> &Vec<String>,
    /// Writes the list.
    set: fn(&mut L::Item) -> &mut Vec<String>,
) -> impl IntoView {
    let path = at.field(field);
    let id = id_of(&path);
    let (value, on_input) = binding(
        at,
        path.clone(),
        move |i| get(i).join("\n"),
        move |i, text: String| *set(i) = text.split('\n').map(str::to_string).collect(),
    );
    view! {
        <div class="field">
            <label for=id.clone()>{label} <span class="hint">" (one per line)"</span></label>
            // As tall as its lines and one more, so none is hidden.
            <textarea id=id rows=move || value.with(|v| v.lines().count().max(2) + 1) prop:value=value
                on:input=move |ev| on_input(event_target_value(&ev))></textarea>
            <FieldProblems path />
        </div>
    }
}
