//! The glossary on screen: a reliability word with its plain line shown on
//! hover and on focus ([`Word`]), and every word listed under "What the
//! words mean" at the foot of each page ([`Glossary`]). The lines come from
//! `slo_core::glossary`, the one glossary.

use leptos::prelude::*;
use slo_core::glossary::Term;

/// A reliability word in a sentence, its plain line shown beside it on
/// hover and on keyboard focus, and read after it by a screen reader.
#[component]
pub fn Word(
    /// The word explained.
    term: Term,
    /// The word as the sentence needs it ("SLOs", "Burn rate"); the term's
    /// own word when not given.
    #[prop(optional)]
    text: Option<&'static str>,
) -> impl IntoView {
    // A "?" alone does not say which word it explains: its line does.
    let plain = match text {
        Some("?") => format!("{}: {}", term.word(), term.plain()),
        _ => term.plain().to_string(),
    };
    view! {
        <span class="term" tabindex="0" data-term=term.key()>
            {text.unwrap_or(term.word())}
            <span class="term-plain">{plain}</span>
        </span>
    }
}

/// "What the words mean": every term of the glossary with its plain line
/// and, where a book defines it, its source; each entry has the anchor
/// `#term-<key>`.
#[component]
pub fn Glossary() -> impl IntoView {
    let entries = Term::ALL
        .into_iter()
        .map(|term| {
            view! {
                <dt id=format!("term-{}", term.key())>{term.word()}</dt>
                <dd>
                    {term.plain()}
                    {term.source().map(|s| view! { <span class="source">" Source: " {s} "."</span> })}
                </dd>
            }
        })
        .collect_view();
    view! {
        <details class="glossary" id="glossary">
            <summary>"What the words mean"</summary>
            <dl>{entries}</dl>
        </details>
    }
}
