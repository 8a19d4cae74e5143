//! The Budget bundle (the site's root, `index.html`): the calculator alone.
//! Its state is one [`state::Calculator`] (the form as typed and the memo of
//! everything the core computes from it); each part of the page is a
//! component over it.

pub mod compare;
pub mod downtime;
pub mod events;
pub mod field;
pub mod page;
pub mod reverse;
pub mod standard_windows;
pub mod state;
pub mod target;
pub mod time_slice;
pub mod window;

use leptos::prelude::*;

use crate::budget::page::BudgetPage;
use crate::frame::{Footer, Header, Page};

/// The Budget bundle: the calculator alone.
#[component]
pub fn BudgetApp() -> impl IntoView {
    view! {
        <Header current=Page::Budget base=Page::Budget />
        <main id="main" tabindex="-1">
            <BudgetPage />
        </main>
        <Footer />
    }
}
