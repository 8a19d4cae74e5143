//! An import that would drop part of the room's model asks first: it says
//! what would go, counted by kind, and offers to merge an OpenSLO file into
//! the model by name (everything OpenSLO cannot carry kept), to replace the
//! model, or to keep it as it is.

use leptos::prelude::*;
use slo_core::codec::{open, Opened};
use slo_core::examples;
use slo_core::merge::loss::{dropped, in_words};
use slo_core::merge::{merge_by_name, Merged};
use slo_core::model::Model;

use crate::browser::IntlZones;
use crate::workshop::opening::{opened_message, with_notes};
use crate::workshop::state::Workshop;

/// A file read and waiting for the room's answer.
#[derive(Clone)]
pub struct PendingImport {
    /// The file's name.
    name: String,
    /// The file's model, opened.
    opened: Opened,
    /// What the reader did not keep.
    notes: Vec<String>,
    /// What replacing the model would drop, in words.
    drops: String,
    /// The file merged into the model (OpenSLO only).
    merged: Option<Merged>,
}

/// Whether the model holds nothing of the room's own: blank, or an example
/// as it ships.
pub fn untouched(model: &Model) -> bool {
    *model == Model::default()
        || *model == Model::starter()
        || *model == examples::workbook_api()
        || *model == examples::seed_chain()
}

/// What replacing `current` with `replacement` would drop, in words; empty
/// when nothing of the room's would go.
pub fn drops(current: &Model, replacement: &Model) -> String {
    if untouched(current) {
        return String::new();
    }
    in_words(&dropped(current, replacement))
}

impl Workshop {
    /// Opens a file's model in place of the current one, or, when that
    /// would drop part of the current model, asks first.
    pub fn offer_import(self, name: String, opened: Opened, notes: Vec<String>, openslo: bool) {
        let drops = self.model.with_untracked(|m| drops(m, &opened.model));
        if drops.is_empty() {
            return self.open_import(&format!("Imported {name}"), opened, &notes);
        }
        let merged = openslo.then(|| {
            self.model
                .with_untracked(|m| merge_by_name(m, &opened.model))
        });
        self.notice.set(None);
        self.pending_import.set(Some(PendingImport {
            name,
            opened,
            notes,
            drops,
            merged,
        }));
    }

    /// Opens `opened` in place of the model (undo brings it back), saying
    /// what was `done` and what the reader did not keep.
    fn open_import(self, done: &str, opened: Opened, notes: &[String]) {
        // A question an earlier import left open is answered by this one.
        if self.pending_import.with_untracked(Option::is_some) {
            self.pending_import.set(None);
        }
        let message = opened_message(done, &opened)
            .map(|m| with_notes(m, "Not kept", notes))
            .map_err(|m| with_notes(m, "Not kept", notes));
        self.replace(opened.model);
        self.notice.set(Some(message));
    }

    /// Carries out the room's answer: `Some(true)` merges, `Some(false)`
    /// replaces, `None` keeps the model.
    fn answer_import(self, merge: Option<bool>) {
        let Some(pending) = self.pending_import.get_untracked() else {
            return;
        };
        self.pending_import.set(None);
        // Merged into the model as it is now: edits made while the question
        // was showing are kept.
        let merged = pending.merged.map(|_| {
            self.model
                .with_untracked(|m| merge_by_name(m, &pending.opened.model))
        });
        match (merge, merged) {
            (Some(true), Some(merged)) => {
                let done = format!(
                    "Merged {} into your model ({}); everything OpenSLO does not carry is kept",
                    pending.name,
                    merged.tally.in_words()
                );
                self.open_import(&done, open(merged.model, &IntlZones), &pending.notes);
            }
            (Some(_), _) => {
                let done = format!("Imported {}", pending.name);
                self.open_import(&done, pending.opened, &pending.notes);
            }
            (None, _) => self.notice.set(Some(Ok(format!(
                "Kept your model; {} was not imported.",
                pending.name
            )))),
        }
    }
}

/// The question an import asks before it drops anything.
#[component]
pub fn ImportChoice() -> impl IntoView {
    let workshop = Workshop::from_context();
    move || {
        workshop.pending_import.get().map(|p| {
            let merge = p.merged.as_ref().map(|m| {
                let what = m.tally.in_words();
                view! {
                    <p>"Merging updates the services, SLIs and SLOs the file names and adds its new ones (here: " {what} "), and keeps everything else: the team, dependencies, the policy, the document and its status, burn scenarios, SLO histories and the workshop session."</p>
                    <button type="button" id="import-merge" on:click=move |_| workshop.answer_import(Some(true))>"Merge into my model"</button>
                }
            });
            view! {
                <div class="notice ask" role="alertdialog" id="import-choice" aria-labelledby="import-choice-text">
                    <div>
                        <p id="import-choice-text"><strong>{p.name.clone()}</strong>" would replace your model, which drops " {p.drops.clone()} "."</p>
                        {merge}
                        <button type="button" id="import-replace" on:click=move |_| workshop.answer_import(Some(false))>"Replace my model"</button>
                        <button type="button" id="import-keep" on:click=move |_| workshop.answer_import(None)>"Keep my model"</button>
                    </div>
                </div>
            }
        })
    }
}
