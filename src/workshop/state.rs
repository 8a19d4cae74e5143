//! The workshop model as app state: one history of models (the single source
//! of truth), with undo/redo, autosave to local storage, and share links.

use leptos::prelude::*;
use slo_core::codec::{
    export_json, import_json, parse_json, settle_agreement, ImportError, Opened, MAX_FILE_BYTES,
};
use slo_core::examples;
use slo_core::history::History;
use slo_core::model::Model;
use slo_core::problem::Problem;
use slo_core::validate::validate;

use crate::browser::{self, IntlZones};

/// Where the model is autosaved.
const STORAGE_KEY: &str = "slo-planner.model.v1";

/// The workshop model, its undo history and everything derived from it.
#[derive(Clone, Copy)]
pub struct Workshop {
    history: RwSignal<History<Model>>,
    /// The current model.
    pub model: Memo<Model>,
    /// Every problem of the current model.
    pub problems: Memo<Vec<Problem>>,
    /// A message about the last import, share link or export (`Err` for a refusal).
    pub notice: RwSignal<Option<Result<String, String>>>,
    /// The errors that took the document back to draft at the last edit
    /// (shown at the status field); empty otherwise.
    pub agreement_refused: RwSignal<Vec<Problem>>,
}

impl Workshop {
    /// Restores the autosaved model (or opens the example on a first visit),
    /// provides the state to the app, and starts autosaving.
    pub fn provide() -> Self {
        let initial = browser::load_text(STORAGE_KEY)
            .and_then(|json| parse_json(json.as_bytes()).ok())
            .unwrap_or_else(examples::workbook_api);
        let history = RwSignal::new(History::new(initial));
        let model = Memo::new(move |_| history.with(|h| h.present().clone()));
        let problems = Memo::new(move |_| model.with(|m| validate(m, &IntlZones)));
        let workshop = Workshop {
            history,
            model,
            problems,
            notice: RwSignal::new(None),
            agreement_refused: RwSignal::new(Vec::new()),
        };
        // Saved only once the model has been validated: a model whose
        // validation panics is never saved, so the autosave is the last good one.
        Effect::new(move |_| {
            problems.track();
            model.with(|m| browser::save_text(STORAGE_KEY, &export_json(m)))
        });
        provide_context(workshop);
        workshop.open_share_link();
        // A link pasted into a tab already on the page changes only the fragment.
        let _ = window_event_listener(leptos::ev::hashchange, move |_| workshop.open_share_link());
        workshop
    }

    /// The state provided by the app.
    pub fn from_context() -> Self {
        expect_context::<Workshop>()
    }

    /// Applies an edit of the field at `path`; typing in one field is one undo step.
    pub fn edit(self, path: &str, change: impl FnOnce(&mut Model)) {
        self.change(change, |h, next| h.edit(path, next));
    }

    /// Applies a change as an undo step of its own (adding or removing an item).
    pub fn apply(self, change: impl FnOnce(&mut Model)) {
        self.change(change, History::replace);
    }

    /// Changes a copy of the model, keeps "agreed" free of errors
    /// ([`settle_agreement`]), then records it in the history.
    fn change(
        self,
        change: impl FnOnce(&mut Model),
        record: impl FnOnce(&mut History<Model>, Model),
    ) {
        let mut settled = Vec::new();
        self.history.update(|h| {
            let mut next = h.present().clone();
            change(&mut next);
            settled = settle_agreement(&mut next, &IntlZones);
            record(h, next);
        });
        self.note_settled(settled);
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
        self.history.update(|h| h.replace(model));
    }

    /// Undoes the last edit.
    pub fn undo(self) {
        self.history.update(|h| {
            h.undo();
        });
    }

    /// Redoes the last undone edit.
    pub fn redo(self) {
        self.history.update(|h| {
            h.redo();
        });
    }

    /// Whether there is something to undo / redo.
    pub fn can_undo(self) -> bool {
        self.history.with(History::can_undo)
    }

    /// Whether there is something to redo.
    pub fn can_redo(self) -> bool {
        self.history.with(History::can_redo)
    }

    /// Imports a file's bytes: refuses a file that cannot be read with what
    /// and where (the current model untouched); opens any readable model,
    /// with its problems shown at their fields.
    pub fn import(self, name: &str, bytes: &[u8]) {
        match import_json(bytes, &IntlZones) {
            Ok(opened) => {
                let message = opened_message(&format!("Imported {name}"), &opened);
                self.replace(opened.model);
                self.notice.set(Some(message));
            }
            Err(error) => self.refuse(name, &error),
        }
    }

    /// Shows why a file or link was refused.
    pub fn refuse(self, what: &str, error: &ImportError) {
        self.notice
            .set(Some(Err(format!("{what} was not imported: {error}"))));
    }

    /// The model as a share link: the page address with `#model=` and the
    /// compressed JSON.
    pub async fn share_link(self) -> Result<String, String> {
        let json = self.model.with_untracked(export_json);
        let compressed = browser::compress_for_link(&json).await?;
        let link = format!(
            "{}#{}{compressed}",
            browser::page_address(),
            slo_core::codec::share::PREFIX
        );
        slo_core::codec::share::check_length(link.chars().count())?;
        Ok(link)
    }

    /// Opens a share link's model, asking first when it would replace other work.
    fn open_share_link(self) {
        let fragment = browser::fragment();
        let Some(encoded) = slo_core::codec::share::payload(&fragment).map(str::to_string) else {
            return;
        };
        leptos::task::spawn_local(async move {
            browser::clear_fragment();
            let bytes = match browser::decompress_from_link(&encoded, MAX_FILE_BYTES).await {
                Ok(bytes) => bytes,
                Err(message) => {
                    self.notice.set(Some(Err(format!(
                        "The shared link was not opened: {message}"
                    ))));
                    return;
                }
            };
            let opened = match import_json(&bytes, &IntlZones) {
                Ok(opened) => opened,
                Err(error) => return self.refuse("The shared link", &error),
            };
            let model = opened.model.clone();
            let current = self.model.get_untracked();
            let unchanged = current == model
                || current == examples::workbook_api()
                || current == Model::default();
            if unchanged
                || browser::confirm(
                    "Open the shared model? It replaces the model you are working on (undo brings it back).",
                )
            {
                self.replace(model);
                self.notice.set(Some(opened_message("Opened the shared model", &opened)));
            } else {
                self.notice.set(Some(Ok("Kept your model; the shared one was not opened.".to_string())));
            }
        });
    }
}

/// The notice after opening a model: plain when it is clean, a warning (with
/// what is wrong) when it opened with errors or as a draft.
fn opened_message(done: &str, opened: &Opened) -> Result<String, String> {
    match opened.summary() {
        summary if summary.is_empty() => Ok(format!("{done}.")),
        summary => Err(format!("{done}, but {summary}.")),
    }
}
