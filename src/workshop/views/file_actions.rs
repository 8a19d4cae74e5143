//! Export, import (file picker in the toolbar, drag and drop on the Document
//! page), share link and print.

use leptos::prelude::*;
use slo_core::codec::{export_json, MAX_FILE_BYTES};
use wasm_bindgen::JsCast;

use crate::browser;
use crate::workshop::state::Workshop;

/// A file name for the export: the team's name, made safe.
fn file_name(team: &str) -> String {
    let slug: String = team
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-');
    format!(
        "{}.slo.json",
        if slug.is_empty() { "slo-model" } else { slug }
    )
}

fn import_file(workshop: Workshop, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        match browser::read_file(file, MAX_FILE_BYTES).await {
            Ok(bytes) => workshop.import(name, bytes),
            Err(size) => workshop.refuse(
                &name,
                &slo_core::codec::ImportError::TooLarge(size).to_string(),
            ),
        }
    });
}

/// Export, Import and Share: the toolbar's buttons that move the model in
/// and out of the browser, and the share link once made.
#[component]
pub fn FileButtons() -> impl IntoView {
    let workshop = Workshop::from_context();
    let link = RwSignal::new(None::<String>);
    let export = move |_| {
        let (name, json) = workshop
            .model
            .with_untracked(|m| (file_name(&m.team.name), export_json(m)));
        browser::download(&name, "application/json", &json);
        workshop.notice.set(Some(Ok(format!("Exported {name}."))));
    };
    let share = move |_| {
        leptos::task::spawn_local(async move {
            match workshop.share_link().await {
                Ok(url) => {
                    browser::copy_to_clipboard(&url);
                    link.set(Some(url));
                }
                Err(message) => workshop.notice.set(Some(Err(message))),
            }
        })
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            import_file(workshop, file);
        }
        input.set_value("");
    };
    view! {
        <button type="button" id="export" on:click=export title="Download the model as a JSON file">"Export JSON"</button>
        <label class="button" for="import-file" tabindex="0" role="button" id="import-label"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    browser::click_element("import-file");
                }
            }>"Import JSON…"</label>
        <input type="file" id="import-file" accept=".json,application/json" class="visually-hidden" tabindex="-1" on:change=on_pick />
        <button type="button" id="share" on:click=share title="Copy a link that carries the whole model">"Share link"</button>
        {move || link.get().map(|url| view! {
            <div class="field share-link">
                <label for="share-link">"Share link (copied): opening it restores this model exactly"</label>
                <input id="share-link" type="text" readonly prop:value=url />
                <button type="button" on:click=move |_| link.set(None)>"Hide"</button>
            </div>
        })}
    }
}

/// The Document page's file actions: drop a model file to import it, print,
/// download the JSON Schema (Export, Import and Share are in the toolbar).
#[component]
pub fn FileActions() -> impl IntoView {
    let workshop = Workshop::from_context();
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|files| files.get(0))
        {
            import_file(workshop, file);
        }
    };
    view! {
        <section class="card no-print file-actions" aria-label="Print, schema and import by drag and drop">
            <div class="actions">
                <button type="button" on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>"Print"</button>
                <a class="button" href="../slo-model.schema.json" download="slo-model.schema.json">"JSON Schema"</a>
            </div>
            <div class="dropzone" class:dragging=move || dragging.get() id="dropzone"
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                "Drop a model file here to import it (or use Import JSON… in the toolbar). A file that cannot be read is refused and your model stays as it is."
            </div>
        </section>
    }
}
