//! The Markdown document's "Workshop session": the rows the Document page
//! shows ([`super::session::session_rows`]), as GitHub tables.

use super::markdown::{heading, table};
use super::session::session_rows;
use crate::model::Model;

/// Who was in the room, the agenda's progress, the decisions with their
/// reasons and the open questions with their owners; nothing when the
/// model has no session.
pub(super) fn workshop(out: &mut String, model: &Model) {
    let rows = session_rows(model);
    if rows.is_empty() {
        return;
    }
    heading(out, 2, "Workshop session");
    out.push_str(&format!("{}.\n\n", rows.progress));
    let parts: [(&[&str], Vec<Vec<String>>); 3] = [
        (
            &["Participant", "Role"],
            rows.participants.iter().map(|r| r.to_vec()).collect(),
        ),
        (
            &["Date", "Decision", "Why"],
            rows.decisions.iter().map(|r| r.to_vec()).collect(),
        ),
        (
            &["Open question", "Owner", "Raised at", "Status"],
            rows.questions.iter().map(|r| r.to_vec()).collect(),
        ),
    ];
    for (header, rows) in parts {
        if !rows.is_empty() {
            table(out, header, &[], &rows);
        }
    }
}
