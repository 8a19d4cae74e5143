//! Mounts the Budget calculator: the site's first, small bundle.

fn main() {
    slo_planner::browser::install_panic_banner();
    leptos::mount::mount_to_body(slo_planner::budget::BudgetApp);
}
