//! The workshop app (`workshop/` and every `workshop/<page>/`): one bundle
//! whose first load is the shared runtime (the model, validation, undo, the
//! router, the frame and the toolbar). The split points are here, not in
//! the library (a split point the library exported would pull its code into
//! the first load): under the `slo_split` cfg (`scripts/build.sh`), each
//! `#[lazy]` function and everything only it reaches is a chunk
//! (`scripts/split-page.sh` cuts them): each page's own code, loaded on its
//! first visit; the Burn page's run and the Trade-offs page's table, loaded
//! once their page is up; and the code of "Export as…", on first use.

use leptos::prelude::*;
use slo_core::export::worker::ExportFormat;
use slo_core::model::location::{ScenarioAt, SloAt};
use slo_planner::workshop::app::{self, Loaders};
use slo_planner::workshop::pages::{burn, dependencies, document, model, policy, tradeoffs};
use slo_planner::workshop::state::{ModelReader, Workshop};
use slo_planner::workshop::views::burn_results::{self, BurnParts};
use slo_planner::workshop::views::tradeoff_results::{self, SeriesFile, TradeoffParts};
use std::future::Future;
use std::pin::Pin;

/// A boxed future of a page's view, as [`Loaders::pages`] holds them.
type Loading<T> = Pin<Box<dyn Future<Output = T>>>;

#[cfg_attr(slo_split, leptos::lazy)]
async fn model_page() -> AnyView {
    view! { <model::ModelPage /> }.into_any()
}

#[cfg_attr(slo_split, leptos::lazy)]
async fn dependencies_page() -> AnyView {
    view! { <dependencies::DependenciesPage /> }.into_any()
}

#[cfg_attr(slo_split, leptos::lazy)]
async fn tradeoffs_page() -> AnyView {
    view! { <tradeoffs::TradeoffsPage load=load_tradeoff_parts /> }.into_any()
}

#[cfg_attr(slo_split, leptos::lazy)]
async fn burn_page() -> AnyView {
    view! { <burn::BurnPage load=load_burn_parts /> }.into_any()
}

#[cfg_attr(slo_split, leptos::lazy)]
async fn policy_page() -> AnyView {
    view! { <policy::PolicyPage /> }.into_any()
}

#[cfg_attr(slo_split, leptos::lazy)]
async fn document_page() -> AnyView {
    view! { <document::DocumentPage /> }.into_any()
}

/// The Burn page's run (simulation, Monte Carlo, charts) and its views.
#[cfg_attr(slo_split, leptos::lazy)]
async fn burn_parts(model: ModelReader, current: Memo<Option<ScenarioAt>>) -> BurnParts {
    burn_results::burn_parts(model, current)
}

fn load_burn_parts(model: ModelReader, current: Memo<Option<ScenarioAt>>) -> Loading<BurnParts> {
    Box::pin(burn_parts(model, current))
}

/// The Trade-offs page's record reader, table, chart and their views.
#[cfg_attr(slo_split, leptos::lazy)]
async fn tradeoff_parts(
    workshop: Workshop,
    slo: Memo<Option<SloAt>>,
    series: RwSignal<Option<SeriesFile>>,
) -> TradeoffParts {
    tradeoff_results::tradeoff_parts(workshop, slo, series)
}

fn load_tradeoff_parts(
    workshop: Workshop,
    slo: Memo<Option<SloAt>>,
    series: RwSignal<Option<SeriesFile>>,
) -> Loading<TradeoffParts> {
    Box::pin(tradeoff_parts(workshop, slo, series))
}

/// The code of "Export as…" (OpenSLO, Prometheus rules, Markdown).
#[cfg_attr(slo_split, leptos::lazy)]
async fn export_parts(workshop: Workshop, format: ExportFormat) {
    workshop.export_as(format);
}

fn export(workshop: Workshop, format: ExportFormat) {
    leptos::task::spawn_local(export_parts(workshop, format));
}

/// How many times the fields' values and problems were read since the app
/// started (`window.wasmBindings.field_runs()`), for the end-to-end test
/// that a key press costs the same on a small and a large model.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn field_runs() -> f64 {
    slo_planner::workshop::inputs::field_runs() as f64
}

/// Every chunk the split points load, fetched and instantiated without
/// running anything (once the first page is up: `app`), so a later switch
/// or "Export as…" never waits on the network, and works without one.
#[cfg(slo_split)]
fn preload() -> Loading<()> {
    Box::pin(async {
        __preload_model_page().await;
        __preload_dependencies_page().await;
        __preload_tradeoffs_page().await;
        __preload_burn_page().await;
        __preload_policy_page().await;
        __preload_document_page().await;
        __preload_burn_parts().await;
        __preload_tradeoff_parts().await;
        __preload_export_parts().await;
    })
}

/// Without the split (a debug build), everything is in the one module.
#[cfg(not(slo_split))]
fn preload() -> Loading<()> {
    Box::pin(async {})
}

fn main() {
    app::mount(Loaders {
        pages: [
            || Box::pin(model_page()),
            || Box::pin(dependencies_page()),
            || Box::pin(tradeoffs_page()),
            || Box::pin(burn_page()),
            || Box::pin(policy_page()),
            || Box::pin(document_page()),
        ],
        export,
        preload,
    });
}
