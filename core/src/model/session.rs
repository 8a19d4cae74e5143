//! The workshop session that agrees the SLO document: who was in the room
//! and for which role, the agenda's steps done, the open questions (the
//! parking lot) with their owners, and the decisions with their reasons
//! (Establishing SRE Foundations ch. 5; `crate::agenda` holds the steps).
//!
//! A model from before the session existed (schema version 8 and older)
//! opens with an empty session; an empty session is left out of the JSON.

use serde::{Deserialize, Serialize};

use crate::model::kind::kind;

/// The role someone plays in the workshop (ESF Table 5.8: who is needed,
/// and why).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ParticipantRole {
    /// Speaks for the users and decides what the service promises.
    #[default]
    ProductOwner,
    /// Knows how the service is built and measured.
    Developer,
    /// Runs the service and is on call (operations or SRE).
    Operations,
    /// Knows the users' journeys (optional).
    Ux,
    /// Knows the business's numbers (optional).
    BusinessAnalyst,
}

kind!(ParticipantRole {
    ParticipantRole::ProductOwner => ("productOwner", "product owner"),
    ParticipantRole::Developer => ("developer", "developer"),
    ParticipantRole::Operations => ("operations", "operations / SRE"),
    ParticipantRole::Ux => ("ux", "UX"),
    ParticipantRole::BusinessAnalyst => ("businessAnalyst", "business analyst"),
});

/// Someone in the room.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Participant {
    /// Their name.
    pub name: String,
    /// The role they play (required in a file: a missing role must not
    /// pass for the product owner).
    pub role: ParticipantRole,
}

/// A question the room cannot answer yet, parked with whoever will find
/// the answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OpenQuestion {
    /// The question.
    pub question: String,
    /// Who finds the answer.
    #[serde(default)]
    pub owner: String,
    /// The agenda step it came up in (`crate::agenda::Step::key`), or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub step: String,
    /// Answered since.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub answered: bool,
}

/// What the room chose, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Decision {
    /// ISO 8601 date ("2025-01-06").
    #[serde(default)]
    pub date: String,
    /// What was chosen ("Checkout availability: 99.9 % over 28 days").
    pub what: String,
    /// Why.
    #[serde(default)]
    pub why: String,
}

/// The workshop session: everything the room records besides the model's
/// services, policy and document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Session {
    /// Who is in the room.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// The agenda's steps marked done, by key (`crate::agenda::Step::key`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<String>,
    /// The parking lot: questions to answer after the workshop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<OpenQuestion>,
    /// The decisions log, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
}

impl Session {
    /// Whether nothing has been recorded (left out of the JSON).
    pub fn is_empty(&self) -> bool {
        *self == Session::default()
    }

    /// Whether someone in the room plays `role`.
    pub fn has(&self, role: ParticipantRole) -> bool {
        self.participants.iter().any(|p| p.role == role)
    }
}

/// The hypothesis an SLO tests (ESF 4.7): "We believe [that this target]
/// will result in [this outcome for users]; we will know we have succeeded
/// when we see [this signal]".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Hypothesis {
    /// "We believe …" (what the team does or promises).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub believe: String,
    /// "… will result in …" (the outcome for users or the business).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result: String,
    /// "We will know we have succeeded when we see …" (the signal).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signal: String,
}

impl Hypothesis {
    /// Whether nothing is written (left out of the JSON).
    pub fn is_empty(&self) -> bool {
        *self == Hypothesis::default()
    }

    /// The sentence, with "…" for a part not written yet; empty when
    /// nothing is.
    pub fn sentence(&self) -> String {
        if self.is_empty() {
            return String::new();
        }
        let part = |s: &str| match s.trim() {
            "" => "…".to_string(),
            s => s.to_string(),
        };
        let mut sentence = format!(
            "We believe {} will result in {}; we will know we have succeeded when we see {}",
            part(&self.believe),
            part(&self.result),
            part(&self.signal).trim_end_matches('.')
        );
        if !sentence.ends_with('…') {
            sentence.push('.');
        }
        sentence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hypothesis_reads_as_one_sentence_with_gaps_marked() {
        let h = Hypothesis {
            believe: "a 99.9 % checkout".into(),
            result: "fewer abandoned carts".into(),
            signal: String::new(),
        };
        assert_eq!(
            h.sentence(),
            "We believe a 99.9 % checkout will result in fewer abandoned carts; we will know we have succeeded when we see …",
        );
        assert_eq!(Hypothesis::default().sentence(), "");
    }

    #[test]
    fn an_empty_session_is_left_out_and_roles_are_found() {
        let mut s = Session::default();
        assert!(s.is_empty());
        s.participants.push(Participant {
            name: "Ana".into(),
            role: ParticipantRole::Developer,
        });
        assert!(!s.is_empty());
        assert!(s.has(ParticipantRole::Developer));
        assert!(!s.has(ParticipantRole::ProductOwner));
    }
}
