//! Mounts the Budget calculator: the site's first, small bundle.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(slo_planner::app::BudgetApp);
}
