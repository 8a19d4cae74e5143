//! The Document page (`workshop/document/`): a workshop bundle of its own.

use leptos::prelude::*;
use slo_planner::frame::Page;
use slo_planner::workshop::pages::document::DocumentPage;

fn main() {
    slo_planner::workshop::mount(Page::Document, || view! { <DocumentPage /> }.into_any());
}
