//! The SLO workshop's agenda: seven steps from who is in the room to a
//! signed agreement, each with the questions to ask (our own words, after
//! Establishing SRE Foundations ch. 4-5 and the product-ownership essays
//! on reliability), a timebox, and the page of the app that holds the full
//! editor for it. The session's "done" marks name these steps by key
//! (`model::session::Session::done`).
//!
//! ```
//! use slo_core::agenda::{Step, AGENDA};
//!
//! assert_eq!(AGENDA.len(), 7);
//! assert_eq!(AGENDA[0].key, "room");
//! assert_eq!(Step::by_key("sign-off").map(|s| s.number), Some(7));
//! ```

/// One step of the workshop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Its place in the agenda, from 1.
    pub number: u8,
    /// A stable key ("room", "customer", …), as the session's done marks
    /// and open questions name it.
    pub key: &'static str,
    /// Its title ("Who is in the room").
    pub title: &'static str,
    /// What the step settles, in one sentence.
    pub goal: &'static str,
    /// The questions the facilitator asks, in order.
    pub prompts: &'static [&'static str],
    /// The timebox in minutes (ESF: about an hour per SLI for the target).
    pub minutes: u32,
    /// The app's page holding the full editor for it (`"model"`,
    /// `"dependencies"`, `"tradeoffs"`, `"burn"`, `"policy"`, `"document"`).
    pub page: &'static str,
}

impl Step {
    /// The step whose key is `key`.
    pub fn by_key(key: &str) -> Option<&'static Step> {
        AGENDA.iter().find(|s| s.key == key)
    }
}

/// The seven steps, in the order a workshop takes them.
pub const AGENDA: [Step; 7] = [
    Step {
        number: 1,
        key: "room",
        title: "Who is in the room",
        goal: "The product owner, a developer and someone who runs the service are here; anyone missing is named, and the workshop goes on without them.",
        prompts: &[
            "Who speaks for the users and decides what we promise them (the product owner)?",
            "Who knows how the service is built and what it can measure (a developer)?",
            "Who runs it and is woken at night when it fails (operations or SRE)?",
            "Is anyone missing? Then carry on, and add a question for them to review the decisions afterwards.",
        ],
        minutes: 10,
        page: "document",
    },
    Step {
        number: 2,
        key: "customer",
        title: "Listen to the customer",
        goal: "The journeys users care about, ranked, each with the moment a user is happy; one to three chosen to start with.",
        prompts: &[
            "What do users come to do? Write each as a journey in their words.",
            "When is a user happy at the end of it? That moment is what we protect.",
            "Which journeys matter most to them and to the business? Rank them.",
            "Start small: which one to three journeys do we take first?",
        ],
        minutes: 30,
        page: "model",
    },
    Step {
        number: 3,
        key: "measure",
        title: "How it fails and what it needs",
        goal: "For each chosen journey: what it calls on its way, and the SLIs that say whether users are served, with good and valid events in the users' words.",
        prompts: &[
            "Which services and outside providers does the journey call? Which of them can fail without users noticing?",
            "What does a user notice first when it goes wrong: errors, slowness, stale or wrong data?",
            "What is one good event, and what counts at all (a valid event), in the users' words?",
            "Where is it measured: at the load balancer, in the service, at the user's device?",
        ],
        minutes: 40,
        page: "dependencies",
    },
    Step {
        number: 4,
        key: "target",
        title: "The target, per SLI",
        goal: "Each SLI's target, agreed with its error budget in time and in bad events, what the history and the dependencies allow, and the hypothesis it tests.",
        prompts: &[
            "What would we like to reach (the aspirational target), and what is the least users accept (the minimum)?",
            "What does each target allow: minutes of bad time a month, bad events a day?",
            "What has the service reached before, and what do its dependencies allow (the ceiling)?",
            "Complete the sentence: we believe this target will result in …; we will know we have succeeded when we see …",
        ],
        minutes: 60,
        page: "tradeoffs",
    },
    Step {
        number: 5,
        key: "policy",
        title: "Error budget policy",
        goal: "What the team does as the budget runs low and when it runs out, and who decides when the team disagrees.",
        prompts: &[
            "When half the budget is gone, what changes?",
            "When it is spent, do releases stop? Which fixes may still ship?",
            "Who settles it when the product owner and the engineers disagree?",
        ],
        minutes: 20,
        page: "policy",
    },
    Step {
        number: 6,
        key: "on-call",
        title: "On-call setup",
        goal: "Who is paged for what, and how quickly; alerts that follow the error budget, not every blip.",
        prompts: &[
            "Who is on call, in which hours, and how fast must they answer a page?",
            "Which alerts page someone at once, and which become a ticket for working hours?",
            "Where does a page escalate when nobody answers?",
            "How is a shift handed over?",
        ],
        minutes: 20,
        page: "burn",
    },
    Step {
        number: 7,
        key: "sign-off",
        title: "Review and sign-off",
        goal: "Open questions have owners, decisions their reasons, the next review a date; product, engineering and operations approve, and only then is the document agreed.",
        prompts: &[
            "Does every open question have an owner?",
            "Is each decision written down with why it was taken?",
            "When do we look again? A month or two of alerts is a good first review.",
            "Do the product owner, engineering and operations each approve?",
        ],
        minutes: 15,
        page: "document",
    },
];

/// How many of the agenda's steps are marked done in `done` (keys that
/// name no step are not counted), and how many there are.
pub fn progress(done: &[String]) -> (usize, usize) {
    let marked = AGENDA
        .iter()
        .filter(|s| done.iter().any(|d| d == s.key))
        .count();
    (marked, AGENDA.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_are_numbered_in_order_with_their_own_keys() {
        for (i, step) in AGENDA.iter().enumerate() {
            assert_eq!(usize::from(step.number), i + 1);
            assert_eq!(Step::by_key(step.key), Some(step));
            assert!(!step.prompts.is_empty() && step.minutes > 0);
            assert!(step
                .prompts
                .iter()
                .all(|p| p.ends_with('?') || p.ends_with('.') || p.ends_with('…')));
        }
        assert_eq!(Step::by_key("nothing"), None);
    }

    #[test]
    fn progress_counts_each_step_once() {
        let done: Vec<String> = ["room", "room", "target", "not-a-step"]
            .map(String::from)
            .to_vec();
        assert_eq!(progress(&done), (2, 7));
        assert_eq!(progress(&[]), (0, 7));
    }
}
