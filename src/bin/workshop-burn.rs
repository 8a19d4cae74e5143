//! The Burn page (`workshop/burn/`): a workshop bundle of its own.

use leptos::prelude::*;
use slo_planner::frame::Page;
use slo_planner::workshop::pages::burn::BurnPage;

fn main() {
    slo_planner::workshop::mount(Page::Burn, || view! { <BurnPage /> }.into_any());
}
