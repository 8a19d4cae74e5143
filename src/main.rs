//! Mounts the slo-planner app into the page.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(slo_planner::app::App);
}
