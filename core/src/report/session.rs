//! The workshop session as the signed document shows it (the Document
//! page and the Markdown export, from the same rows): who was in the room,
//! the agenda's progress, the decisions with their reasons and the open
//! questions with their owners.

use crate::agenda::{progress, Step};
use crate::model::kind::Kind;
use crate::model::Model;
use crate::report::document::{or_dash, DASH};

/// The session's rows; all empty when the model has no session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionRows {
    /// "3 of 7 agenda steps done".
    pub progress: String,
    /// How many of the agenda's steps are done.
    pub done: usize,
    /// Name and role of each participant.
    pub participants: Vec<[String; 2]>,
    /// Date, what was decided, and why.
    pub decisions: Vec<[String; 3]>,
    /// The question, its owner, the step it came up in, and "open" or "answered".
    pub questions: Vec<[String; 4]>,
}

impl SessionRows {
    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.done == 0
            && self.participants.is_empty()
            && self.decisions.is_empty()
            && self.questions.is_empty()
    }
}

/// The rows of `model`'s session.
///
/// ```
/// use slo_core::{examples, report::session::session_rows};
/// let rows = session_rows(&examples::workbook_api());
/// assert_eq!(rows.progress, "7 of 7 agenda steps done");
/// assert_eq!(rows.participants[0], ["Betsy Beyer".to_string(), "product owner".to_string()]);
/// assert!(session_rows(&examples::seed_chain()).is_empty());
/// ```
pub fn session_rows(model: &Model) -> SessionRows {
    let s = &model.session;
    let (done, all) = progress(&s.done);
    SessionRows {
        progress: format!("{done} of {all} agenda steps done"),
        done,
        participants: s
            .participants
            .iter()
            .map(|p| [or_dash(&p.name), p.role.label().to_string()])
            .collect(),
        decisions: s
            .decisions
            .iter()
            .map(|d| [or_dash(&d.date), or_dash(&d.what), or_dash(&d.why)])
            .collect(),
        questions: s
            .questions
            .iter()
            .map(|q| {
                let step = Step::by_key(&q.step).map_or(DASH.to_string(), |st| {
                    format!("{}. {}", st.number, st.title)
                });
                let status = if q.answered { "answered" } else { "open" };
                [
                    or_dash(&q.question),
                    or_dash(&q.owner),
                    step,
                    status.to_string(),
                ]
            })
            .collect(),
    }
}
