//! The undo history as text, for a browser tab's session storage: each
//! workshop page is a bundle of its own, so moving between pages reloads
//! the app, and the history it had comes back from this text.
//!
//! Consecutive steps of a history differ in a field or two, so each step is
//! kept as the difference from its neighbour nearer the present: the text
//! they share at the start and at the end, and what differs between. The
//! trail names the present it was written against (by length and hash), so
//! it is never applied to another model (one saved by another tab since).

use serde_json::Value;

use crate::codec::tree::{tree_struct, Node, Tree};

/// How much history text (every step written out in full) a trail holds at
/// most: about 200 steps of a small model, a dozen of a 50-service one.
/// Reading a trail back copies that much text; each step is read as a
/// model only when undo or redo reaches it (`History::restore_unread`).
pub const TRAIL_BUDGET_CHARS: usize = 4_000_000;

/// The steps of an undo history as text, around a present.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trail {
    /// What undo goes back to, newest first.
    pub past: Vec<String>,
    /// What redo goes forward to, nearest first.
    pub future: Vec<String>,
}

/// One step: `before` bytes shared with its neighbour at the start, `after`
/// bytes at the end, and the text between; in JSON `[before, after, text]`.
struct Step(usize, usize, String);

impl Tree for Step {
    fn to_tree(&self) -> Value {
        Value::Array(vec![self.0.to_tree(), self.1.to_tree(), self.2.to_tree()])
    }

    fn from_tree(value: &Node<'_>) -> Option<Self> {
        match value.as_array()? {
            [before, after, text] => Some(Step(
                usize::from_tree(before)?,
                usize::from_tree(after)?,
                String::from_tree(text)?,
            )),
            _ => None,
        }
    }
}

/// The trail as written: the present's fingerprint and the steps either
/// side (read and written by the light codec the pages carry).
struct Stored {
    present: String,
    past: Vec<Step>,
    future: Vec<Step>,
}

tree_struct!(Stored {
    present: "present",
    past: "past",
    future: "future",
});

/// Names `text`: its length and FNV-1a hash (the trail names the model it
/// was written against by it; a page names what it last read or wrote).
///
/// ```
/// use slo_core::codec::trail::fingerprint;
/// assert_eq!(fingerprint("ab"), fingerprint("ab"));
/// assert_ne!(fingerprint("ab"), fingerprint("ba"));
/// ```
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{}:{hash:016x}", text.len())
}

/// `text` as the difference from `neighbour`.
fn step(neighbour: &str, text: &str) -> Step {
    let (a, b) = (neighbour.as_bytes(), text.as_bytes());
    let mut before = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !text.is_char_boundary(before) {
        before -= 1;
    }
    let most = a.len().min(b.len()) - before;
    let mut after = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(most)
        .take_while(|(x, y)| x == y)
        .count();
    while !text.is_char_boundary(b.len() - after) {
        after -= 1;
    }
    Step(before, after, text[before..b.len() - after].to_string())
}

/// The text of `step` next to `neighbour`; `None` when it does not fit.
fn unstep(neighbour: &str, step: &Step) -> Option<String> {
    let Step(before, after, middle) = step;
    let start = neighbour.get(..*before)?;
    let end = neighbour.get(neighbour.len().checked_sub(*after)?..)?;
    if before + after > neighbour.len() {
        return None;
    }
    Some(format!("{start}{middle}{end}"))
}

/// Steps from `present` outwards, while their full text fits in `budget`
/// (which is charged what they take).
fn steps(present: &str, texts: impl IntoIterator<Item = String>, budget: &mut usize) -> Vec<Step> {
    let mut neighbour = present.to_string();
    let mut out = Vec::new();
    for text in texts {
        if text.len() > *budget {
            break;
        }
        *budget -= text.len();
        out.push(step(&neighbour, &text));
        neighbour = text;
    }
    out
}

/// The history around `present` as a trail: `past` newest first, `future`
/// nearest first, each read only while the trail is within
/// [`TRAIL_BUDGET_CHARS`] (the past first; the oldest steps are left out).
///
/// ```
/// use slo_core::codec::trail::{decode_trail, encode_trail};
/// let text = encode_trail("target 99.9", ["target 99.5".to_string()], ["target 99.95".to_string()]);
/// let trail = decode_trail("target 99.9", &text);
/// assert_eq!(trail.past, ["target 99.5"]);
/// assert_eq!(trail.future, ["target 99.95"]);
/// assert!(decode_trail("another model", &text).past.is_empty());
/// ```
pub fn encode_trail(
    present: &str,
    past: impl IntoIterator<Item = String>,
    future: impl IntoIterator<Item = String>,
) -> String {
    let mut budget = TRAIL_BUDGET_CHARS;
    let stored = Stored {
        present: fingerprint(present),
        past: steps(present, past, &mut budget),
        future: steps(present, future, &mut budget),
    };
    serde_json::to_string(&stored.to_tree()).unwrap_or_default()
}

/// Each step's text, from `present` outwards; `None` when one does not fit.
fn texts(present: &str, steps: &[Step]) -> Option<Vec<String>> {
    let mut neighbour = present.to_string();
    let mut out = Vec::with_capacity(steps.len());
    for step in steps {
        let text = unstep(&neighbour, step)?;
        out.push(text.clone());
        neighbour = text;
    }
    Some(out)
}

/// The history a trail holds around `present`. Empty when the trail was
/// written against another present, or cannot be read: a history that
/// does not belong to the model is never applied to it.
pub fn decode_trail(present: &str, stored: &str) -> Trail {
    let Some(stored) = Node::read(stored).and_then(|value| Stored::from_tree(&value)) else {
        return Trail::default();
    };
    if stored.present != fingerprint(present) {
        return Trail::default();
    }
    match (texts(present, &stored.past), texts(present, &stored.future)) {
        (Some(past), Some(future)) => Trail { past, future },
        _ => Trail::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_step_keeps_only_what_differs() {
        let Step(before, after, middle) = step("\"target\": \"99.9\"", "\"target\": \"99.95\"");
        assert_eq!((before, after, middle.as_str()), (15, 1, "5"));
    }

    #[test]
    fn steps_split_no_character() {
        // "é" and "è" share their first UTF-8 byte.
        let s = step("café", "cafè");
        assert_eq!(s.2, "è");
        assert_eq!(unstep("café", &s).as_deref(), Some("cafè"));
    }

    #[test]
    fn the_budget_leaves_the_oldest_steps_out() {
        let big = "x".repeat(TRAIL_BUDGET_CHARS / 2 - 1);
        let past = [format!("{big}1"), format!("{big}2"), format!("{big}3")];
        let trail = decode_trail(
            "now",
            &encode_trail("now", past.clone(), ["next".to_string()]),
        );
        assert_eq!(trail.past, past[..2]);
        assert!(trail.future.is_empty(), "the past is kept first");
    }

    #[test]
    fn a_damaged_trail_is_no_history() {
        assert_eq!(decode_trail("now", "{"), Trail::default());
        let forged = r#"{"present":"3:0000000000000000","past":[],"future":[]}"#;
        assert_eq!(decode_trail("now", forged), Trail::default());
        let text = encode_trail("now", ["then".to_string()], []);
        let bent = text.replace("[0,", "[9,");
        assert_eq!(decode_trail("now", &bent), Trail::default());
    }

    proptest! {
        #[test]
        fn a_trail_gives_its_history_back(
            present in "\\PC{0,40}",
            past in proptest::collection::vec("\\PC{0,40}", 0..6),
            future in proptest::collection::vec("\\PC{0,40}", 0..6),
        ) {
            let text = encode_trail(&present, past.clone(), future.clone());
            let trail = decode_trail(&present, &text);
            prop_assert_eq!(trail.past, past);
            prop_assert_eq!(trail.future, future);
        }
    }
}
