//! What the workshop keeps in the browser: the model in local storage (the
//! autosave, shared by the tabs) and the undo history in this tab's session
//! storage, so moving between the workshop's pages (each a bundle of its
//! own) and reloading keep both.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use slo_core::codec::trail::{decode_trail, encode_trail, fingerprint};
use slo_core::codec::{compact_json, file_size, read_own_json};
use slo_core::examples;
use slo_core::history::History;
use slo_core::model::Model;

use crate::browser::{self, Refused};
use crate::workshop::state::Workshop;

/// Where the model is autosaved.
const MODEL_KEY: &str = "slo-planner.model.v1";

/// The global into which each workshop page's HTML reads the autosave
/// (`workshop/index.html`, copied to every page's address) before its code has loaded.
const MODEL_READ_EARLY: &str = "sloPlannerAutosave";

/// Where this tab's undo history is kept.
const TRAIL_KEY: &str = "slo-planner.undo.v1";

/// Set in local storage while the model is kept in the browser's larger
/// store (IndexedDB), because local storage could not hold it: the
/// fingerprint of the model saved there, so that each save there is a
/// `storage` event for the other tabs.
const LARGE_KEY: &str = "slo-planner.model.large";

/// What is still to open once the page is up.
pub enum Later {
    /// Nothing: the model is restored (or the example opened).
    Nothing,
    /// An autosave an older version wrote, as text, for the importer.
    Older(String),
    /// A model kept in the browser's larger store (read asynchronously).
    Large,
}

/// The autosaved model with this tab's undo history around it, its steps
/// kept as text until undo or redo reaches them (`History::undo_reading`:
/// opening a page reads one model, however long the history); the SRE
/// Workbook example on a first visit. An autosave the light reader cannot
/// read (an older version wrote it), or one kept in the larger store, comes
/// later ([`Later`]), with the example meanwhile.
pub fn restore() -> (History<Model>, Later) {
    let Some(text) = browser::load_text_read_early(MODEL_KEY, MODEL_READ_EARLY) else {
        let later = match browser::load_text(LARGE_KEY) {
            Some(_) => Later::Large,
            None => Later::Nothing,
        };
        return (History::new(examples::workbook_api()), later);
    };
    let Some(model) = read_own_json(&text) else {
        return (History::new(examples::workbook_api()), Later::Older(text));
    };
    let stored = browser::load_tab_text(TRAIL_KEY);
    seen_trail(stored.as_deref());
    let trail = stored
        .map(|stored| decode_trail(&text, &stored))
        .unwrap_or_default();
    (
        History::restore_unread(model, trail.past, trail.future),
        Later::Nothing,
    )
}

/// The model kept in the larger store, as text.
pub async fn restore_large() -> Result<Option<String>, String> {
    browser::get_large(MODEL_KEY).await
}

/// The model another tab of the workshop just saved (a `storage` event's
/// `key` and new text), when it differs from `model`, this tab's.
pub fn saved_by_another_tab(key: Option<&str>, text: Option<&str>, model: &Model) -> Option<Model> {
    let text = text.filter(|_| key == Some(MODEL_KEY))?;
    if text == compact_json(model) {
        return None;
    }
    read_own_json(text)
}

/// Whether another tab just saved a model other than `model` in the larger
/// store (a `storage` event's `key` and new value): then
/// [`large_of_another_tab`] reads it.
pub fn large_saved_by_another_tab(key: Option<&str>, value: Option<&str>, model: &Model) -> bool {
    key == Some(LARGE_KEY) && value.is_some_and(|saved| saved != fingerprint(&compact_json(model)))
}

/// The model another tab saved in the larger store, when this tab can read
/// it and it differs from `model` as this tab holds it by then.
pub async fn large_of_another_tab(model: impl Fn() -> String) -> Option<Model> {
    let text = browser::get_large(MODEL_KEY).await.ok()??;
    if text == model() {
        return None;
    }
    let theirs = read_own_json(&text)?;
    LARGE_OURS.with(|ours| ours.set(true));
    Some(theirs)
}

thread_local! {
    /// How many autosaves were started: a save to the larger store marks it
    /// as the one to read only if no later save came meanwhile.
    static SAVES: Cell<u64> = const { Cell::new(0) };
    /// Whether this tab read or wrote the model in the larger store: only
    /// then may a save to local storage forget it (a model that could not
    /// be restored from it is never deleted).
    static LARGE_OURS: Cell<bool> = const { Cell::new(false) };
}

/// Says this tab read the model kept in the larger store.
pub fn restored_large() {
    LARGE_OURS.with(|ours| ours.set(true));
}

/// Saves the model for every tab and page: in local storage, or in the
/// browser's larger store when local storage is full. Says at once (in
/// `unsaved`) when neither keeps it, and why; and when a save succeeds
/// again.
pub fn autosave(workshop: Workshop) {
    let saves = SAVES.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let text = workshop.model.with_untracked(compact_json);
    match browser::save_text(MODEL_KEY, &text) {
        Ok(()) => {
            if LARGE_OURS.with(Cell::get) && browser::load_text(LARGE_KEY).is_some() {
                browser::remove_text(LARGE_KEY);
                browser::delete_large(MODEL_KEY);
            }
            saved_again(workshop);
        }
        Err(Refused::Full) => leptos::task::spawn_local(save_large(workshop, text, saves)),
        Err(refused) => workshop.unsaved.set(Some(format!(
            "the model is {} as JSON, and {refused}",
            file_size(text.len())
        ))),
    }
}

/// Saves the model's text in the larger store, and marks it as the one to
/// read (if no later save came meanwhile).
async fn save_large(workshop: Workshop, text: String, saves: u64) {
    let size = file_size(text.len());
    if let Err(why) = browser::put_large(MODEL_KEY, &text).await {
        return workshop.unsaved.set(Some(format!(
            "the model is {size} as JSON, and {}; the browser's larger store refused it too ({why})",
            Refused::Full
        )));
    }
    if SAVES.with(Cell::get) != saves {
        return;
    }
    let first = browser::load_text(LARGE_KEY).is_none();
    browser::remove_text(MODEL_KEY);
    let _ = browser::save_text(LARGE_KEY, &fingerprint(&text));
    LARGE_OURS.with(|ours| ours.set(true));
    if first {
        workshop.notice.set(Some(Ok(format!(
            "This browser's quick storage is full (it keeps about 5 MB a site; the model is {size} as JSON): the model is saved in the browser's larger store instead."
        ))));
    }
    saved_again(workshop);
}

/// Says so when a save succeeds after one failed.
fn saved_again(workshop: Workshop) {
    if workshop.unsaved.with_untracked(Option::is_some) {
        workshop.unsaved.set(None);
        workshop.notice.set(Some(Ok(
            "Your changes are saved in this browser again.".into()
        )));
    }
}

/// Saves, as the page is left, the model (`model`: it changed since the
/// last save) and this tab's undo history (`trail`: it changed since the
/// page opened), written against the model as saved; the model's text is
/// written out once for both.
pub fn save_on_leaving(history: &History<Model>, model: bool, trail: bool) {
    if !model && !trail {
        return;
    }
    let present = compact_json(history.present());
    if model && browser::save_text(MODEL_KEY, &present) == Err(Refused::Full) {
        // Leaving the page: nobody is left to tell, and nothing waits for
        // the larger store (its write usually completes). The next visit
        // reads the larger store, not the older text local storage holds.
        browser::remove_text(MODEL_KEY);
        let _ = browser::save_text(LARGE_KEY, &fingerprint(&present));
        LARGE_OURS.with(|ours| ours.set(true));
        let text = present.clone();
        leptos::task::spawn_local(async move {
            let _ = browser::put_large(MODEL_KEY, &text).await;
        });
    }
    if trail {
        // The steps read since the page opened, then those still as text.
        let text = encode_trail(
            &present,
            history
                .past()
                .map(compact_json)
                .chain(history.unread_past().map(str::to_string)),
            history
                .future()
                .map(compact_json)
                .chain(history.unread_future().map(str::to_string)),
        );
        browser::save_tab_text(TRAIL_KEY, &text);
        seen_trail(Some(&text));
    }
}

thread_local! {
    /// The fingerprint of this tab's undo history as this page last read or
    /// wrote it.
    static TRAIL_SEEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn seen_trail(text: Option<&str>) {
    TRAIL_SEEN.with(|seen| *seen.borrow_mut() = text.map(fingerprint));
}

/// Whether another page of the workshop saved since this page was left:
/// the autosave holds another model than `model` (this page's own edits
/// were all saved when it was left), or this tab's undo history is not the
/// one this page last read or wrote. For a page the browser brings back
/// from its back/forward cache, as it was.
pub fn changed_elsewhere(model: &Model) -> bool {
    let model_changed =
        browser::load_text(MODEL_KEY).is_some_and(|text| text != compact_json(model));
    let trail = browser::load_tab_text(TRAIL_KEY);
    model_changed || TRAIL_SEEN.with(|seen| *seen.borrow() != trail.as_deref().map(fingerprint))
}
