//! The workshop session behind the Workbook example: who was in the room,
//! the steps done, a decision with its reason and a question left open.

use crate::agenda::AGENDA;
use crate::model::session::{
    Decision, Hypothesis, OpenQuestion, Participant, ParticipantRole, Session,
};

fn s(text: &str) -> String {
    text.to_string()
}

/// The session that agreed the example's document (2025-01-06): the three
/// roles and a UX designer, every step done.
pub(super) fn workbook_session() -> Session {
    let person = |name: &str, role| Participant {
        name: s(name),
        role,
    };
    Session {
        participants: vec![
            person("Betsy Beyer", ParticipantRole::ProductOwner),
            person("Niall Murphy", ParticipantRole::Developer),
            person("Kristina Bennett", ParticipantRole::Operations),
            person("Steven Thurgood", ParticipantRole::Ux),
        ],
        done: AGENDA.iter().map(|step| s(step.key)).collect(),
        questions: vec![OpenQuestion {
            question: s("Do leaderboard fetches need an SLO of their own, apart from playing?"),
            owner: s("Betsy Beyer"),
            step: s("customer"),
            answered: false,
        }],
        decisions: vec![Decision {
            date: s("2025-01-06"),
            what: s("API availability: 97 % of requests succeed over 28 days (aspiring to 99 %)"),
            why: s("Players tolerate a retry; the last four weeks reached 99.94 %, so 97 % leaves room to ship"),
        }],
    }
}

/// The hypothesis the example's availability SLO tests.
pub(super) fn availability_hypothesis() -> Hypothesis {
    Hypothesis {
        believe: s("keeping 97 % of API requests successful"),
        result: s("players finishing their games without giving up"),
        signal: s("fewer abandoned games and no rise in support tickets about errors"),
    }
}
