//! Opening a model from elsewhere: a file, a share link, or an autosave
//! an older version wrote. Each goes through the importer, a web worker
//! loaded only then ([`crate::browser::importer`]), so the pages carry only
//! the light reader of the app's own JSON; a refusal says what and where and
//! leaves the current model untouched.

use leptos::prelude::*;
use slo_core::codec::{compact_json, open, read_own_json, Opened, MAX_FILE_BYTES};

use crate::browser::{self, importer, IntlZones};
use crate::frame::Page;
use crate::workshop::import_choice::drops;
use crate::workshop::state::Workshop;

/// The formats worker's address (every workshop page's `<base>` is the
/// Model page's folder, where the workers are).
pub fn formats_address() -> String {
    format!("{}{}", Page::Model.href(Page::Model), importer::FORMATS)
}

/// The importer's address.
pub fn importer_address() -> String {
    format!("{}{}", Page::Model.href(Page::Model), importer::IMPORTER)
}

impl Workshop {
    /// Reads a file's bytes in the importer and opens the model (its
    /// problems found, an "agreed" status over errors made a draft), or
    /// says what is wrong and where.
    /// (OpenSLO is read by the formats worker, and says so with `true`.)
    async fn read_elsewhere(self, bytes: &[u8]) -> Result<(Opened, Vec<String>, bool), String> {
        let openslo = !slo_core::export::worker::is_json(bytes);
        let worker = if openslo {
            formats_address()
        } else {
            importer_address()
        };
        let (json, notes) = importer::import(&worker, bytes).await?;
        let model = read_own_json(&json).ok_or_else(|| {
            "the importer's answer could not be read (reload the page: the site was updated)"
                .to_string()
        })?;
        Ok((open(model, &IntlZones), notes, openslo))
    }

    /// Imports a file's bytes: refuses a file that cannot be read with what
    /// and where (the current model untouched); opens any readable model,
    /// with its problems shown at their fields, asking first when it would
    /// drop part of the current model ([`Workshop::offer_import`]).
    pub fn import(self, name: String, bytes: Vec<u8>) {
        leptos::task::spawn_local(async move {
            match self.read_elsewhere(&bytes).await {
                Ok((opened, notes, openslo)) => self.offer_import(name, opened, notes, openslo),
                Err(message) => self.refuse(&name, &message),
            }
        });
    }

    /// Shows why a file or link was refused.
    pub fn refuse(self, what: &str, why: &str) {
        self.notice
            .set(Some(Err(format!("{what} was not imported: {why}"))));
    }

    /// Brings an autosave an older version wrote up to date (through the
    /// importer), in place of the example the page opened on meanwhile.
    pub fn restore_older(self, text: String) {
        leptos::task::spawn_local(async move {
            match self.read_elsewhere(text.as_bytes()).await {
                Ok((opened, _, _)) => {
                    self.start_over(opened.model);
                    self.notice.set(Some(Ok(
                        "Your saved model, from an older version of the site, is brought up to date."
                            .to_string(),
                    )));
                }
                Err(why) => self.notice.set(Some(Err(format!(
                    "Your saved model could not be read ({why}); the example is open instead."
                )))),
            }
        });
    }

    /// Opens the model the last autosave kept in the browser's larger store
    /// (local storage could not hold it), in place of the example the page
    /// opened on meanwhile.
    pub fn restore_large(self) {
        leptos::task::spawn_local(async move {
            match crate::workshop::saved::restore_large().await {
                Ok(Some(text)) => match read_own_json(&text) {
                    Some(model) => {
                        crate::workshop::saved::restored_large();
                        self.start_over(model);
                        self.notice.set(Some(Ok(format!(
                            "Your saved model ({}) is opened from the browser's larger store.",
                            slo_core::codec::file_size(text.len())
                        ))));
                    }
                    None => self.restore_older(text),
                },
                Ok(None) => self.notice.set(Some(Err(
                    "Your saved model was not found in the browser's larger store; the example is open instead.".into(),
                ))),
                Err(why) => self.notice.set(Some(Err(format!(
                    "Your saved model is in the browser's larger store, which could not be read ({why}); the example is open instead."
                )))),
            }
        });
    }

    /// The model as a share link: the page address with `#model=` and the
    /// compressed JSON.
    pub async fn share_link(self) -> Result<String, String> {
        let json = self.model.with_untracked(compact_json);
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
    pub(super) fn open_share_link(self) {
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
            let opened = match self.read_elsewhere(&bytes).await {
                Ok((opened, _, _)) => opened,
                Err(why) => return self.refuse("The shared link", &why),
            };
            let drops = self
                .model
                .with_untracked(|current| drops(current, &opened.model));
            if drops.is_empty()
                || browser::confirm(&format!(
                    "Open the shared model? It replaces the model you are working on, which drops {drops} (undo brings it back)."
                ))
            {
                let message = opened_message("Opened the shared model", &opened);
                self.replace(opened.model);
                self.notice.set(Some(message));
            } else {
                self.notice.set(Some(Ok("Kept your model; the shared one was not opened.".to_string())));
            }
        });
    }
}

/// The notice after opening a model: plain when it is clean, a warning (with
/// what is wrong) when it opened with errors or as a draft.
pub fn opened_message(done: &str, opened: &Opened) -> Result<String, String> {
    match opened.summary() {
        summary if summary.is_empty() => Ok(format!("{done}.")),
        summary => Err(format!("{done}, but {summary}.")),
    }
}

/// A message and the notes after it: the first five, and how many more.
pub fn with_notes(message: String, heading: &str, notes: &[String]) -> String {
    if notes.is_empty() {
        return message;
    }
    let mut shown = notes.iter().take(5).cloned().collect::<Vec<_>>().join("; ");
    if notes.len() > 5 {
        shown.push_str(&format!("; and {} more", notes.len() - 5));
    }
    format!("{message} {heading} ({}): {shown}.", notes.len())
}
