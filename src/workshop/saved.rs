//! What the workshop keeps in the browser: the model in local storage (the
//! autosave, shared by the tabs) and the undo history in this tab's session
//! storage, so moving between the workshop's pages (each a bundle of its
//! own) and reloading keep both.

use std::cell::RefCell;

use slo_core::codec::trail::{decode_trail, encode_trail, fingerprint};
use slo_core::codec::{compact_json, read_own_json};
use slo_core::examples;
use slo_core::history::History;
use slo_core::model::Model;

use crate::browser;

/// Where the model is autosaved.
const MODEL_KEY: &str = "slo-planner.model.v1";

/// The global into which each workshop page's HTML reads the autosave
/// (`workshop/index.html`, copied to every page's address) before its code has loaded.
const MODEL_READ_EARLY: &str = "sloPlannerAutosave";

/// Where this tab's undo history is kept.
const TRAIL_KEY: &str = "slo-planner.undo.v1";

/// The autosaved model with this tab's undo history around it, its steps
/// kept as text until undo or redo reaches them (`History::undo_reading`:
/// opening a page reads one model, however long the history); the SRE
/// Workbook example on a first visit. An autosave the light reader cannot
/// read (an older version wrote it) comes back as its text, for the
/// importer, with the example meanwhile.
pub fn restore() -> (History<Model>, Option<String>) {
    let Some(text) = browser::load_text_read_early(MODEL_KEY, MODEL_READ_EARLY) else {
        return (History::new(examples::workbook_api()), None);
    };
    let Some(model) = read_own_json(&text) else {
        return (History::new(examples::workbook_api()), Some(text));
    };
    let stored = browser::load_tab_text(TRAIL_KEY);
    seen_trail(stored.as_deref());
    let trail = stored
        .map(|stored| decode_trail(&text, &stored))
        .unwrap_or_default();
    (
        History::restore_unread(model, trail.past, trail.future),
        None,
    )
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

/// Saves the model for every tab and page; or says why it could not.
pub fn save_model(model: &Model) -> Result<(), String> {
    let text = compact_json(model);
    browser::save_text(MODEL_KEY, &text).map_err(|why| {
        format!(
            "the model is {} as JSON, and {why}",
            slo_core::codec::file_size(text.len())
        )
    })
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
    if model {
        // Leaving the page: nobody is left to tell (the failure was shown
        // at the last autosave).
        let _ = browser::save_text(MODEL_KEY, &present);
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
