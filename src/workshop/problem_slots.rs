//! The problems of each field, one signal per field path, so a keystroke
//! re-renders the fields whose problems it changed and no others: with
//! every service's card open a 50-service model shows about 7,000 fields,
//! and one memo of every problem by path that each field read re-ran all of
//! them whenever any problem changed (issue 26).

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use slo_core::problem::{errors_first, Problem};
use slo_core::validate::{validate, Validator};

use crate::browser::IntlZones;
use crate::workshop::state::ModelReader;

/// Each field's problems, kept in step with the model's problems by one
/// effect that touches only the paths whose problems changed.
#[derive(Clone, Copy)]
pub struct ProblemSlots {
    /// The problems by path, errors first, as last set (paths with none left out).
    current: StoredValue<HashMap<String, Vec<Problem>>>,
    /// One signal per path a field asked for.
    slots: StoredValue<HashMap<String, RwSignal<Vec<Problem>>>>,
    owner: StoredValue<Option<Owner>>,
}

/// The problems of `all` by path, each path's errors first.
fn by_path(all: &[Problem]) -> HashMap<String, Vec<Problem>> {
    let mut at: HashMap<String, Vec<Problem>> = HashMap::new();
    for p in all {
        at.entry(p.path.clone()).or_default().push(p.clone());
    }
    for found in at.values_mut() {
        errors_first(found);
    }
    at
}

impl ProblemSlots {
    /// Slots that follow `problems` from now on (made under the app's owner).
    pub fn follow(problems: Memo<Vec<Problem>>) -> Self {
        let slots = ProblemSlots {
            current: StoredValue::new(HashMap::new()),
            slots: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current()),
        };
        Effect::new(move |_| problems.with(|all| slots.update(by_path(all))));
        slots
    }

    /// Sets the slots whose problems differ between what was set last and `next`.
    fn update(self, next: HashMap<String, Vec<Problem>>) {
        let changed: HashSet<String> = self.current.with_value(|current| {
            current
                .keys()
                .chain(next.keys())
                .filter(|path| current.get(*path) != next.get(*path))
                .cloned()
                .collect()
        });
        self.slots.with_value(|slots| {
            for path in &changed {
                if let Some(slot) = slots.get(path) {
                    slot.set(next.get(path).cloned().unwrap_or_default());
                }
            }
        });
        self.current.set_value(next);
    }

    /// The problems at exactly `path`, errors first; the caller re-runs only
    /// when they change.
    pub fn at(self, path: &str) -> Vec<Problem> {
        let slot = self.slots.with_value(|slots| slots.get(path).copied());
        let slot = slot.unwrap_or_else(|| {
            let now = self
                .current
                .with_value(|current| current.get(path).cloned().unwrap_or_default());
            // Made under the app's owner, so it outlives the field that asked.
            let slot = match self.owner.get_value() {
                Some(owner) => owner.with(|| RwSignal::new(now)),
                None => RwSignal::new(now),
            };
            self.slots
                .update_value(|slots| _ = slots.insert(path.to_string(), slot));
            slot
        });
        slot.get()
    }
}

/// Every problem of the model, as it changes: a keystroke re-checks the
/// service it is in, not every service ([`Validator`]).
pub fn problems_of(model: ModelReader) -> Memo<Vec<Problem>> {
    let validator = StoredValue::new(Validator::default());
    Memo::new(move |_| {
        model.with(|m| {
            validator
                .try_update_value(|v| v.validate(m, &IntlZones))
                .unwrap_or_else(|| validate(m, &IntlZones))
        })
    })
}
