//! The workshop model as app state: one history of models (the single source
//! of truth), with undo/redo, autosave ([`saved`]), and share links.

use std::collections::HashMap;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use slo_core::codec::{compact_json, read_own_json, settle_agreement};
use slo_core::history::History;
use slo_core::model::Model;
use slo_core::problem::Problem;

use crate::browser::{self, IntlZones};
use crate::workshop::fold::Folds;
use crate::workshop::import_choice::PendingImport;
use crate::workshop::problem_slots::{problems_of, ProblemSlots};
use crate::workshop::saved::{self, Later};
use crate::workshop::section::{section_key, Section};

/// How long after the last edit the model is autosaved (and at once when
/// the page is left), so typing never waits for the JSON and the storage.
const AUTOSAVE_AFTER: std::time::Duration = std::time::Duration::from_millis(400);

/// Reads the current model; whatever reads it re-runs on every change.
#[derive(Clone, Copy)]
pub struct ModelReader {
    history: RwSignal<History<Model>>,
}

impl ModelReader {
    /// Reads the model, re-running the caller on every change.
    pub fn with<R>(self, f: impl FnOnce(&Model) -> R) -> R {
        self.history.with(|h| f(h.present()))
    }

    /// Reads the model without re-running on changes.
    pub fn with_untracked<R>(self, f: impl FnOnce(&Model) -> R) -> R {
        self.history.with_untracked(|h| f(h.present()))
    }

    /// A copy of the model, without re-running on changes.
    pub fn get_untracked(self) -> Model {
        self.with_untracked(Model::clone)
    }
}

/// The workshop model, its undo history and everything derived from it.
#[derive(Clone, Copy)]
pub struct Workshop {
    history: RwSignal<History<Model>>,
    /// The current model.
    pub model: ModelReader,
    /// Every problem of the current model.
    pub problems: Memo<Vec<Problem>>,
    /// Each field's problems, so a field re-renders only when its own change.
    problem_slots: ProblemSlots,
    /// A message about the last import, share link or export (`Err` for a refusal).
    pub notice: RwSignal<Option<Result<String, String>>>,
    /// An import waiting for the room's answer (it would drop part of the model).
    pub pending_import: RwSignal<Option<PendingImport>>,
    /// Why the last autosave failed, until one succeeds.
    pub unsaved: RwSignal<Option<String>>,
    /// The errors that took the document back to draft at the last edit
    /// (shown at the status field); empty otherwise.
    pub agreement_refused: RwSignal<Vec<Problem>>,
    /// Bumped when the model changes as a whole (not one field): what
    /// [`Workshop::structure`] reads (the lengths of lists) follows it; each
    /// section's version is bumped with it.
    epoch: RwSignal<u64>,
    /// Each part's version, made when first read (under the app's owner).
    sections: StoredValue<HashMap<String, RwSignal<u64>>>,
    owner: StoredValue<Option<Owner>>,
    /// The pending autosave.
    autosave: StoredValue<Option<TimeoutHandle>>,
    /// Which services' cards are folded away (at workshop scale).
    pub folds: Folds,
    /// The field a problem's link asked for on the page it switched to,
    /// until that page is shown (`problem_list::open_linked_field`).
    pub pending_field: StoredValue<Option<String>>,
}

impl Workshop {
    /// Restores the autosaved model (or opens the example on a first visit),
    /// provides the state to the workshop app, and starts autosaving. Once
    /// per tab: the pages are switched in the app, over this one state.
    pub fn provide() -> Self {
        let (restored, later) = saved::restore();
        let folds = Folds::new(restored.present());
        let history = RwSignal::new(restored);
        let model = ModelReader { history };
        let problems = problems_of(model);
        let problem_slots = ProblemSlots::follow(problems);
        let workshop = Workshop {
            history,
            model,
            problems,
            problem_slots,
            notice: RwSignal::new(None),
            pending_import: RwSignal::new(None),
            unsaved: RwSignal::new(None),
            agreement_refused: RwSignal::new(Vec::new()),
            epoch: RwSignal::new(0),
            sections: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current()),
            autosave: StoredValue::new(None),
            folds,
            pending_field: StoredValue::new(None),
        };
        // Every change is saved; opening the page is not one (a page opened
        // just before another tab saves must not write its older model back).
        // The undo history is written when the page is left, if it changed.
        let history_changed = StoredValue::new(false);
        Effect::new(move |opened: Option<()>| {
            history.track();
            if opened.is_some() {
                workshop.save_soon();
                history_changed.set_value(true);
            }
        });
        let _ = window_event_listener(leptos::ev::pagehide, move |_| {
            let model = workshop.take_pending_save();
            let trail = history_changed.get_value();
            history.with_untracked(|h| saved::save_on_leaving(h, model, trail));
            history_changed.set_value(false);
        });
        // Back or forward to this page from the browser's back/forward
        // cache, as it was left: if another page changed the model or the
        // undo history meanwhile, this page reloads to read them (what it
        // held was saved when it was left), so an edit here cannot write
        // an older model over theirs.
        let _ = window_event_listener(leptos::ev::pageshow, move |ev| {
            if ev.persisted() && history.with_untracked(|h| saved::changed_elsewhere(h.present())) {
                browser::reload();
            }
        });
        workshop.follow_other_tabs();
        provide_context(workshop);
        match later {
            Later::Older(text) => workshop.restore_older(text),
            Later::Large => workshop.restore_large(),
            Later::Nothing => {}
        }
        workshop.open_share_link();
        // A link pasted into a tab already on the page changes only the fragment.
        let _ = window_event_listener(leptos::ev::hashchange, move |_| workshop.open_share_link());
        workshop
    }

    /// Another tab saved its model: this tab shows it from now on, so its
    /// next save cannot write an older model over theirs.
    fn follow_other_tabs(self) {
        let (workshop, history) = (self, self.history);
        let adopt = move |model: Model| {
            // Edits of this tab not saved yet stay one undo away.
            if workshop.autosave.with_value(Option::is_some) {
                workshop.replace(model);
            } else {
                workshop.start_over(model);
            }
            workshop.notice.set(Some(Ok(
                "Another tab of this workshop saved the model: this tab shows that model now."
                    .into(),
            )));
        };
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            let (key, value) = (ev.key(), ev.new_value());
            let (theirs, large) = history.with_untracked(|h| {
                let (key, value) = (key.as_deref(), value.as_deref());
                (
                    saved::saved_by_another_tab(key, value, h.present()),
                    saved::large_saved_by_another_tab(key, value, h.present()),
                )
            });
            if let Some(model) = theirs {
                adopt(model);
            } else if large {
                leptos::task::spawn_local(async move {
                    let ours = move || history.with_untracked(|h| compact_json(h.present()));
                    if let Some(model) = saved::large_of_another_tab(ours).await {
                        adopt(model);
                    }
                });
            }
        });
    }

    /// The state provided by the app.
    pub fn from_context() -> Self {
        expect_context::<Workshop>()
    }

    /// The part of the model the field at `path` is in; `"services"` is
    /// every service (it changes with an edit in any of them).
    pub fn section(self, path: &str) -> Section {
        let key = section_key(path);
        let version = self
            .sections
            .try_update_value(|sections| {
                if let Some(version) = sections.get(key) {
                    return *version;
                }
                // Made under the app's owner, so it outlives the component
                // that asked first.
                let version = match self.owner.get_value() {
                    Some(owner) => owner.with(|| RwSignal::new(0)),
                    None => RwSignal::new(0),
                };
                sections.insert(key.to_string(), version);
                version
            })
            .unwrap_or_else(|| RwSignal::new(0));
        Section {
            history: self.history,
            version,
        }
    }

    /// Reads the model, re-running the caller only when it changes as a
    /// whole (an item added or removed, undo, redo, an import): for the
    /// lengths of lists, which typing never changes.
    pub fn structure<R>(self, f: impl FnOnce(&Model) -> R) -> R {
        self.epoch.track();
        self.model.with_untracked(f)
    }

    /// The problems found at exactly `path`, errors first; the caller
    /// re-runs only when the problems change.
    pub fn problems_at(self, path: &str) -> Vec<Problem> {
        self.problem_slots.at(path)
    }

    /// Applies an edit of the field at `path`; typing in one field is one
    /// undo step, and only what reads the field's part re-runs.
    pub fn edit(self, path: &str, change: impl FnOnce(&mut Model)) {
        let mut settled = Vec::new();
        self.history.update(|h| {
            h.edit_with(path, |m| {
                change(m);
                settled = settle_agreement(m, &IntlZones);
            });
        });
        if settled.is_empty() {
            // The item's own part (`services[3]`) and its list's (`services`:
            // what reads every service, such as the dependency analysis).
            let key = section_key(path);
            let list = key.split('[').next().unwrap_or(key);
            let versions: Vec<RwSignal<u64>> = self.sections.with_value(|sections| {
                [key, list]
                    .iter()
                    .take(if list == key { 1 } else { 2 })
                    .filter_map(|k| sections.get(*k).copied())
                    .collect()
            });
            for version in versions {
                version.update(|v| *v += 1);
            }
        } else {
            // The document went back to draft: more than this part changed.
            self.changed_as_a_whole();
        }
        self.note_settled(settled);
    }

    /// Applies a change as an undo step of its own (adding or removing an item).
    pub fn apply(self, change: impl FnOnce(&mut Model)) {
        let mut settled = Vec::new();
        self.history.update(|h| {
            let mut next = h.present().clone();
            change(&mut next);
            settled = settle_agreement(&mut next, &IntlZones);
            h.replace(next);
        });
        self.changed_as_a_whole();
        self.note_settled(settled);
    }

    /// Says the model changed as a whole (not one field): every section re-reads.
    fn changed_as_a_whole(self) {
        self.epoch.update(|e| *e += 1);
        // Copied out first: what re-runs may ask for a section of its own.
        let versions: Vec<RwSignal<u64>> = self
            .sections
            .with_value(|sections| sections.values().copied().collect());
        for version in versions {
            version.update(|v| *v += 1);
        }
    }

    /// Saves the model a moment after the last change.
    fn save_soon(self) {
        if let Some(pending) = self.autosave.get_value() {
            pending.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(), AUTOSAVE_AFTER).ok();
        self.autosave.set_value(handle);
    }

    /// Saves the model now (when it was changed since the last save). It is
    /// validated first: a model whose validation panics is never saved, so
    /// the autosave is the last good one.
    fn save_now(self) {
        if !self.take_pending_save() {
            return;
        }
        saved::autosave(self);
    }

    /// Cancels the pending autosave; whether there was one (the model
    /// changed since the last save). The model is validated first, as
    /// [`Workshop::save_now`] says.
    fn take_pending_save(self) -> bool {
        let Some(pending) = self.autosave.get_value() else {
            return false;
        };
        pending.clear();
        self.autosave.set_value(None);
        self.problems.with_untracked(|_| ());
        true
    }

    /// Says so (at the status field and in the notice) when an edit left
    /// errors in an agreed document, which took it back to draft.
    fn note_settled(self, errors: Vec<Problem>) {
        if errors.is_empty() {
            if !self.agreement_refused.with_untracked(Vec::is_empty) {
                self.agreement_refused.set(Vec::new());
            }
            return;
        }
        self.notice.set(Some(Err(format!(
            "The document is a draft: an agreed document has no errors, and {} remain (listed at Status on the Document page).",
            errors.len()
        ))));
        self.agreement_refused.set(errors);
    }

    /// Replaces the whole model as one undo step.
    pub fn replace(self, model: Model) {
        self.folds.reset(&model);
        self.history.update(|h| h.replace(model));
        self.changed_as_a_whole();
    }

    /// Starts over from `model`, with nothing to undo (an autosave brought
    /// up to date).
    pub fn start_over(self, model: Model) {
        self.folds.reset(&model);
        self.history.set(History::new(model));
        self.changed_as_a_whole();
    }

    /// Undoes the last edit (a step restored with the page is read when
    /// undo reaches it).
    pub fn undo(self) {
        self.history.update(|h| {
            h.undo_reading(read_own_json);
        });
        self.changed_as_a_whole();
    }

    /// Redoes the last undone edit.
    pub fn redo(self) {
        self.history.update(|h| {
            h.redo_reading(read_own_json);
        });
        self.changed_as_a_whole();
    }

    /// Whether there is something to undo / redo.
    pub fn can_undo(self) -> bool {
        self.history.with(History::can_undo)
    }

    /// Whether there is something to redo.
    pub fn can_redo(self) -> bool {
        self.history.with(History::can_redo)
    }
}
