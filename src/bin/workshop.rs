//! Mounts the workshop pages (Model, Policy, Document): the site's second bundle.

fn main() {
    slo_planner::browser::install_panic_banner();
    leptos::mount::mount_to_body(slo_planner::workshop::WorkshopApp);
}
