//! A select over labelled places in the model (an SLO, a scenario), as the
//! Burn and Trade-offs pages pick what they show.

use leptos::prelude::*;
use slo_core::model::location::{Locate, SloAt};
use slo_core::report::document::slo_name;

use crate::workshop::later::first_frame_shown;

/// How the pickers name an SLO: "Game API / 97 % of requests succeed".
pub fn slo_label(model: &slo_core::Model, at: SloAt) -> String {
    let service = at
        .service()
        .get(model)
        .map(|s| s.name.as_str())
        .unwrap_or("");
    let slo = at.find(model).map(|(sli, slo)| slo_name(sli, slo));
    format!("{service} / {}", slo.unwrap_or_default())
}

/// A select over labelled places in the model; `chosen` is the index.
/// Its options are written as one piece of HTML (the labels escaped): a
/// 50-service model offers 400 SLOs, and 400 option elements made one by
/// one from the wasm cost the page's opening about 10 ms. The page's first
/// frame holds only the chosen option (the select is `aria-busy`); every
/// other comes a frame later, so 800 options are not parsed and styled
/// before the page is shown.
#[component]
pub fn Picker<T: Send + Sync + 'static>(
    /// The select's id.
    id: &'static str,
    /// Its label.
    label: &'static str,
    /// The places and their labels.
    items: Memo<Vec<(T, String)>>,
    /// The chosen index.
    chosen: RwSignal<usize>,
) -> impl IntoView {
    let every = first_frame_shown(false);
    let options = move || {
        let (chosen, every) = (chosen.get(), every.get());
        items.with(|l| options_html(l.iter().map(|(_, text)| text.as_str()), chosen, every))
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id inner_html=options aria-busy=move || (!every.get()).then_some("true")
                on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
            </select>
        </div>
    }
}

/// `<option>`s for `labels` (`every` of them, else only the one at
/// `chosen`), valued by their index, the one at `chosen` selected; every
/// label escaped.
fn options_html<'a>(labels: impl Iterator<Item = &'a str>, chosen: usize, every: bool) -> String {
    labels
        .enumerate()
        .filter(|&(i, _)| every || i == chosen)
        .map(|(i, text)| {
            let selected = if i == chosen { " selected" } else { "" };
            format!(
                r#"<option value="{i}"{selected}>{}</option>"#,
                html_escape::encode_text(text)
            )
        })
        .collect()
}
