//! Mounts the workshop pages (Model, Policy, Document): the site's second bundle.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(slo_planner::workshop_app::WorkshopApp);
}
