//! In a real headless Chromium: what re-reads the model after an edit. The
//! Document page's dependency analysis reads every service
//! (`Workshop::section("services")`): a key press in a service re-reads
//! it, one in the document's own fields does not.

#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use slo_core::examples;
use slo_planner::workshop::state::Workshop;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_service_is_one_section_and_the_document_another() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| {
        let workshop = Workshop::provide();
        workshop.start_over(examples::seed_chain());
        let reads = Arc::new(AtomicU32::new(0));
        let services = workshop.section("services");
        let counted = reads.clone();
        let memo = Memo::new(move |_| {
            services.with(|m| m.services.len());
            counted.fetch_add(1, Ordering::Relaxed);
        });
        memo.get();
        assert_eq!(reads.load(Ordering::Relaxed), 1);

        workshop.edit("document.serviceOverview", |m| {
            m.document.service_overview = "Checkout for the shop".into()
        });
        memo.get();
        assert_eq!(
            reads.load(Ordering::Relaxed),
            1,
            "an edit of the document leaves the services alone"
        );

        workshop.edit("services[0].name", |m| {
            m.services[0].name = "Storage".into()
        });
        memo.get();
        assert_eq!(
            reads.load(Ordering::Relaxed),
            2,
            "an edit in any service re-reads them"
        );

        workshop.edit("policy.scope", |m| m.policy.scope = "All services".into());
        memo.get();
        assert_eq!(reads.load(Ordering::Relaxed), 2);
    });
}
