//! The Burn page (`workshop/burn/`): a workshop bundle of its own, split in
//! two. The editors come first; the run (simulation, Monte Carlo, charts) and
//! the views that show it are a chunk loaded once the page is up
//! (`#[lazy]` under the `slo_split` cfg, cut by `scripts/split-page.sh`), and
//! so is the code of "Export as…".

use leptos::prelude::*;
use slo_core::model::location::ScenarioAt;
use slo_planner::frame::Page;
use slo_planner::workshop::pages::burn::BurnPage;
use slo_planner::workshop::state::ModelReader;
use slo_planner::workshop::views::burn_results::{self, BurnParts};
use std::future::Future;
use std::pin::Pin;

/// The split point: everything only this calls goes into the chunk.
#[cfg_attr(slo_split, leptos::lazy)]
async fn burn_parts(model: ModelReader, current: Memo<Option<ScenarioAt>>) -> BurnParts {
    burn_results::burn_parts(model, current)
}

fn load(
    model: ModelReader,
    current: Memo<Option<ScenarioAt>>,
) -> Pin<Box<dyn Future<Output = BurnParts>>> {
    Box::pin(burn_parts(model, current))
}

// A second split point: "Export as…" loads its code when first used.
slo_planner::lazy_export!();

fn main() {
    slo_planner::workshop::mount_exporting(
        Page::Burn,
        || view! { <BurnPage load /> }.into_any(),
        export,
    );
}
