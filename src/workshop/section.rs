//! One part of the model that changes on its own ([`Section`]), and the
//! part a field path is in.

use leptos::prelude::*;
use slo_core::history::History;
use slo_core::model::Model;

/// One part of the model that changes on its own: a service (with its
/// journeys, SLIs, SLOs and dependencies), the team, the policy, the
/// document, an alert rule. What reads through it re-runs only when that
/// part is edited, or when the model changes as a whole (an item added or
/// removed, undo, redo, an import), so a keystroke re-renders what depends
/// on its field's part, not all 5,900 fields of a 50-service model.
///
/// A change as a whole bumps every part's version rather than the readers
/// also following one signal for it: a signal followed by each of 70,000
/// fields (500 services, every card open) made every field that re-ran
/// pay to leave and rejoin its list of 70,000 (Leptos keeps it ordered), 3
/// ms a keystroke.
#[derive(Clone, Copy)]
pub struct Section {
    pub(crate) history: RwSignal<History<Model>>,
    pub(crate) version: RwSignal<u64>,
}

impl Section {
    /// Reads the model, re-running the caller when this part changes.
    pub fn with<R>(self, f: impl FnOnce(&Model) -> R) -> R {
        self.version.track();
        self.history.with_untracked(|h| f(h.present()))
    }
}

/// The part of the model a field path is in: `services[3]`, `policy`, ...
pub(crate) fn section_key(path: &str) -> &str {
    path.split('.').next().unwrap_or_default()
}
