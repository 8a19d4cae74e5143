//! The Dependencies page (`workshop/dependencies/`): a workshop bundle of its own.

use leptos::prelude::*;
use slo_planner::frame::Page;
use slo_planner::workshop::pages::dependencies::DependenciesPage;

fn main() {
    slo_planner::workshop::mount(Page::Dependencies, || {
        view! { <DependenciesPage /> }.into_any()
    });
}
