//! The signed document's "Workshop session": who was in the room, the
//! agenda's progress, the decisions with their reasons and the open
//! questions with their owners (`core::report::session`, the rows the
//! Markdown export writes too).

use leptos::prelude::*;
use slo_core::report::session::session_rows;
use slo_core::Model;

/// One table of the section; nothing when it has no rows.
fn table<const N: usize>(
    id: &'static str,
    head: [&'static str; N],
    rows: Vec<[String; N]>,
) -> Option<impl IntoView> {
    (!rows.is_empty()).then(|| {
        let head = head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view();
        let rows = rows
            .into_iter()
            .map(|r| view! { <tr>{r.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr> })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table id=id><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>
            </div>
        }
    })
}

/// The section; nothing when the model has no session.
pub fn session_section(model: &Model) -> Option<impl IntoView> {
    let rows = session_rows(model);
    (!rows.is_empty()).then(|| {
        view! {
            <h3>"Workshop session"</h3>
            <p class="prose" id="doc-session-progress">{format!("{}.", rows.progress)}</p>
            {table("doc-participants", ["Participant", "Role"], rows.participants)}
            {table("doc-decisions", ["Date", "Decision", "Why"], rows.decisions)}
            {table("doc-questions", ["Open question", "Owner", "Raised at", "Status"], rows.questions)}
        }
    })
}
