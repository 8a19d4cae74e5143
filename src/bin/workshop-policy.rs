//! The Policy page (`workshop/policy/`): a workshop bundle of its own.

use leptos::prelude::*;
use slo_planner::frame::Page;
use slo_planner::workshop::pages::policy::PolicyPage;

fn main() {
    slo_planner::workshop::mount(Page::Policy, || view! { <PolicyPage /> }.into_any());
}
