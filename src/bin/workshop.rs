//! The Model page (`workshop/`): the workshop's first page and bundle.

use leptos::prelude::*;
use slo_planner::frame::Page;
use slo_planner::workshop::pages::model::ModelPage;

fn main() {
    slo_planner::workshop::mount(Page::Model, || view! { <ModelPage /> }.into_any());
}
