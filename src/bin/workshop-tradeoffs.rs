//! The Trade-offs page (`workshop/tradeoffs/`): a workshop bundle of its
//! own, split in two. The history's editors come first; the record reader,
//! the trade-off table, its chart and the views that show them are a chunk
//! loaded once the page is up (`#[lazy]` under the `slo_split` cfg, cut by
//! `scripts/split-page.sh`), and so is the code of "Export as…".

use leptos::prelude::*;
use slo_core::model::location::SloAt;
use slo_planner::frame::Page;
use slo_planner::workshop::pages::tradeoffs::TradeoffsPage;
use slo_planner::workshop::state::Workshop;
use slo_planner::workshop::views::tradeoff_results::{self, SeriesFile, TradeoffParts};
use std::future::Future;
use std::pin::Pin;

/// The split point: everything only this calls goes into the chunk.
#[cfg_attr(slo_split, leptos::lazy)]
async fn tradeoff_parts(
    workshop: Workshop,
    slo: Memo<Option<SloAt>>,
    series: RwSignal<Option<SeriesFile>>,
) -> TradeoffParts {
    tradeoff_results::tradeoff_parts(workshop, slo, series)
}

fn load(
    workshop: Workshop,
    slo: Memo<Option<SloAt>>,
    series: RwSignal<Option<SeriesFile>>,
) -> Pin<Box<dyn Future<Output = TradeoffParts>>> {
    Box::pin(tradeoff_parts(workshop, slo, series))
}

// A second split point: "Export as…" loads its code when first used.
slo_planner::lazy_export!();

fn main() {
    slo_planner::workshop::mount_exporting(
        Page::Tradeoffs,
        || view! { <TradeoffsPage load /> }.into_any(),
        export,
    );
}
