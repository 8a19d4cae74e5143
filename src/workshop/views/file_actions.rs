//! Export (JSON here; OpenSLO, Prometheus rules and Markdown through the
//! worker), import (file picker in the toolbar, drag and drop on the
//! Document page), share link and print.

use leptos::prelude::*;
use slo_core::codec::{export_json, MAX_FILE_BYTES};
use slo_core::export::worker::ExportFormat;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::workshop::exporting::{file_name, ExportWith};
use crate::workshop::state::Workshop;

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

/// Downloads the model as its JSON file, and says so.
pub fn export_model(workshop: Workshop) {
    let (name, json) = workshop
        .model
        .with_untracked(|m| (file_name(&m.team.name, ".slo.json"), export_json(m)));
    browser::download(&name, "application/json", &json);
    workshop.notice.set(Some(Ok(format!("Exported {name}."))));
}

/// Export, Import and Share: the toolbar's buttons that move the model in
/// and out of the browser, and the share link once made.
#[component]
pub fn FileButtons() -> impl IntoView {
    let workshop = Workshop::from_context();
    let link = RwSignal::new(None::<String>);
    // The app's choice (`app::Loaders::export`); without one, nothing to run.
    let export_with = use_context::<ExportWith>().map(|e| e.0);
    let export = move |_| export_model(workshop);
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
        if let Some(file) = browser::picked_file(&ev) {
            import_file(workshop, file);
        }
    };
    view! {
        <button type="button" id="export" on:click=export title="Download the model as a JSON file">"Export JSON"</button>
        <label class="button" for="import-file" tabindex="0" role="button" id="import-label"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    browser::click_element("import-file");
                }
            }>"Import…"</label>
        <input type="file" id="import-file" accept=".json,application/json,.yaml,.yml,application/yaml" class="visually-hidden" tabindex="-1" on:change=on_pick
            title="slo-planner's JSON, or OpenSLO YAML (v1 or v1alpha)" />
        <details class="export-more" id="export-more">
            <summary>"Export as…"</summary>
            // One handler for the menu: the button's data-format names the format.
            <div class="menu" on:click=move |ev: leptos::ev::MouseEvent| {
                let format = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.get_attribute("data-format"))
                    .and_then(|key| ExportFormat::of(&key));
                if let (Some(format), Some(export)) = (format, export_with) {
                    // The menu closes once a format is chosen.
                    browser::close_details("export-more");
                    export(workshop, format);
                }
            }>
                {ExportFormat::ALL.map(|format| view! {
                    <button type="button" id=format!("export-{}", format.key()) data-format=format.key()>{format.label()}</button>
                }).collect_view()}
            </div>
        </details>
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
                "Drop a model file (slo-planner's JSON or OpenSLO YAML) here to import it (or use Import… in the toolbar). A file that cannot be read is refused and your model stays as it is."
            </div>
        </section>
    }
}
