//! The workshop session: named participants, the product owner in the
//! room (or a question parked for them), questions with owners, decisions
//! with reasons, and "start small" (Establishing SRE Foundations ch. 5).
//!
//! Every finding here is a warning: none keeps a document from being
//! agreed (the session records the room; it is not the agreement).

use super::Checker;
use crate::model::session::{ParticipantRole, Session};
use crate::model::Model;

/// How many journeys a workshop starts with, at most ("start small").
pub const MOST_JOURNEYS_TO_START: usize = 3;

pub(super) fn check_session(c: &mut Checker, model: &Model) {
    let session = &model.session;
    check_people(c, session);
    for (i, q) in session.questions.iter().enumerate() {
        let at = |field: &str| format!("session.questions[{i}].{field}");
        if q.question.trim().is_empty() {
            c.warning(|| at("question"), "write the question down, or remove it");
        } else if !q.answered && q.owner.trim().is_empty() {
            c.warning(
                || at("owner"),
                "who finds the answer? An open question needs an owner",
            );
        }
    }
    for (i, d) in session.decisions.iter().enumerate() {
        let at = |field: &str| format!("session.decisions[{i}].{field}");
        if d.what.trim().is_empty() {
            c.warning(|| at("what"), "say what was decided, or remove it");
        }
        if d.why.trim().is_empty() {
            c.warning(
                || at("why"),
                "say why: the reason is what the next review needs",
            );
        }
        if !d.date.trim().is_empty() && super::parse_date(&d.date).is_none() {
            c.warning(
                || at("date"),
                format!(
                    "\"{}\" is not a date: write it as YYYY-MM-DD",
                    d.date.trim()
                ),
            );
        }
    }
    let chosen: Vec<String> = model
        .services
        .iter()
        .enumerate()
        .flat_map(|(s, service)| {
            service
                .journeys
                .iter()
                .enumerate()
                .filter(|(_, j)| j.start_here)
                .map(move |(j, _)| format!("services[{s}].journeys[{j}].startHere"))
        })
        .collect();
    if chosen.len() > MOST_JOURNEYS_TO_START {
        c.warning_because(
            || chosen[MOST_JOURNEYS_TO_START].clone(),
            format!(
                "{} journeys are marked to start with: take one to three first, and the rest in a later workshop",
                chosen.len()
            ),
            "Start small: an SLO for one journey that the team learns from beats ten it cannot look after. Source: Establishing SRE Foundations (ESF), ch. 5.",
        );
    }
}

/// Participants have names; without a product owner the workshop goes on,
/// with a question parked for them.
fn check_people(c: &mut Checker, session: &Session) {
    for (i, p) in session.participants.iter().enumerate() {
        if p.name.trim().is_empty() {
            c.warning(
                || format!("session.participants[{i}].name"),
                "the participant's name is empty",
            );
        }
    }
    if !session.participants.is_empty() && !session.has(ParticipantRole::ProductOwner) {
        c.warning_because(
            "session.participants",
            "no product owner in the room: carry on, and park a question for them to review the decisions afterwards",
            "The product owner decides what the service promises its users; without them the room guesses. Proceed anyway, and have them review the result. Source: Establishing SRE Foundations (ESF), Table 5.8.",
        );
    }
}
