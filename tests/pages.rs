//! In a real headless Chromium: each page's address from every other page,
//! the page the workshop app's router shows at each address, and
//! the fragment encoding a problem's link to a field on another page uses.

#![cfg(target_arch = "wasm32")]

use slo_planner::browser::{decode_fragment, encode_fragment};
use slo_planner::frame::Page;
use slo_planner::workshop::app::page_at;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn links_between_pages_are_relative_to_the_page_they_are_on() {
    assert_eq!(Page::Burn.href(Page::Budget), "workshop/burn/");
    assert_eq!(Page::Model.href(Page::Budget), "workshop/");
    assert_eq!(Page::Budget.href(Page::Budget), "./");
    assert_eq!(Page::Budget.href(Page::Model), "../");
    assert_eq!(Page::Document.href(Page::Model), "document/");
    assert_eq!(Page::Model.href(Page::Burn), "../");
    assert_eq!(Page::Document.href(Page::Burn), "../document/");
    assert_eq!(Page::Budget.href(Page::Burn), "../../");
    assert_eq!(Page::Policy.href(Page::Policy), "./");
}

#[wasm_bindgen_test]
fn every_page_resolves_to_its_own_folder_from_every_page() {
    let site = "https://example.org/slo-planner/";
    for from in Page::ALL {
        let here = format!("{site}{}", from.folder());
        for to in Page::ALL {
            let url = web_sys::Url::new_with_base(&to.href(from), &here).expect("a valid address");
            assert_eq!(
                url.href(),
                format!("{site}{}", to.folder()),
                "{to:?} from {from:?}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn a_field_path_survives_the_fragment() {
    let path = "services[3].journeys[0].slis[1].slos[0].target";
    assert_eq!(
        decode_fragment(&encode_fragment(path)).as_deref(),
        Some(path)
    );
    assert_eq!(decode_fragment("%E0%A4%A"), None);
}

#[wasm_bindgen_test]
fn each_workshop_address_names_its_page() {
    let base = "/slo-planner/workshop";
    assert_eq!(page_at("/slo-planner/workshop/", base), Page::Model);
    assert_eq!(page_at("/slo-planner/workshop", base), Page::Model);
    assert_eq!(page_at("/slo-planner/workshop/burn/", base), Page::Burn);
    assert_eq!(
        page_at("/slo-planner/workshop/tradeoffs", base),
        Page::Tradeoffs
    );
    assert_eq!(page_at("/slo-planner/workshop/nowhere/", base), Page::Model);
    assert_eq!(page_at("/document/", ""), Page::Document);
    for &page in Page::WORKSHOP {
        let address = format!("{base}/{}", page.href(Page::Model));
        assert_eq!(page_at(&address, base), page, "{address}");
    }
}
