//! The workshop model as app state: one history of models (the single source
//! of truth), with undo/redo, autosave to local storage, and share links.

use leptos::prelude::*;
use slo_core::codec::{export_json, import_json, parse_json, ImportError, MAX_FILE_BYTES};
use slo_core::examples;
use slo_core::history::History;
use slo_core::model::Model;
use slo_core::validate::{validate, Problem};

use crate::browser::{self, IntlZones};

/// Where the model is autosaved.
const STORAGE_KEY: &str = "slo-planner.model.v1";
/// The fragment prefix of a share link: `#model=<compressed JSON>`.
const LINK_PREFIX: &str = "model=";

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
        };
        Effect::new(move |_| model.with(|m| browser::save_text(STORAGE_KEY, &export_json(m))));
        provide_context(workshop);
        workshop.open_share_link();
        workshop
    }

    /// The state provided by the app.
    pub fn from_context() -> Self {
        expect_context::<Workshop>()
    }

    /// Applies an edit of the field at `path`; typing in one field is one undo step.
    pub fn edit(self, path: &str, change: impl FnOnce(&mut Model)) {
        self.history.update(|h| {
            let mut next = h.present().clone();
            change(&mut next);
            h.edit(path, next);
        });
    }

    /// Applies a change as an undo step of its own (adding or removing an item).
    pub fn apply(self, change: impl FnOnce(&mut Model)) {
        self.history.update(|h| {
            let mut next = h.present().clone();
            change(&mut next);
            h.replace(next);
        });
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

    /// Imports a file's bytes: refuses a bad file with what and where, and
    /// leaves the current model untouched.
    pub fn import(self, name: &str, bytes: &[u8]) {
        match import_json(bytes, &IntlZones) {
            Ok(model) => {
                self.replace(model);
                self.notice.set(Some(Ok(format!("Imported {name}."))));
            }
            Err(error) => self.refuse(name, &error),
        }
    }

    /// Shows why a file or link was refused.
    pub fn refuse(self, what: &str, error: &ImportError) {
        let text = match error {
            ImportError::Invalid(problems) => {
                let errors: Vec<String> = problems
                    .iter()
                    .filter(|p| p.severity == slo_core::validate::Severity::Error)
                    .map(Problem::to_string)
                    .collect();
                format!(
                    "{what} was not imported: it has {} error(s): {}",
                    errors.len(),
                    errors.join("; ")
                )
            }
            other => format!("{what} was not imported: {other}"),
        };
        self.notice.set(Some(Err(text)));
    }

    /// The model as a share link: the page address with `#model=` and the
    /// compressed JSON.
    pub async fn share_link(self) -> Result<String, String> {
        let json = self.model.with_untracked(export_json);
        let compressed = browser::compress_for_link(&json).await?;
        Ok(format!(
            "{}#{LINK_PREFIX}{compressed}",
            browser::page_address()
        ))
    }

    /// Opens a share link's model, asking first when it would replace other work.
    fn open_share_link(self) {
        let fragment = browser::fragment();
        let Some(encoded) = fragment.strip_prefix(LINK_PREFIX).map(str::to_string) else {
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
            let model = match import_json(&bytes, &IntlZones) {
                Ok(model) => model,
                Err(error) => return self.refuse("The shared link", &error),
            };
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
                self.notice.set(Some(Ok("Opened the shared model.".to_string())));
            } else {
                self.notice.set(Some(Ok("Kept your model; the shared one was not opened.".to_string())));
            }
        });
    }
}
