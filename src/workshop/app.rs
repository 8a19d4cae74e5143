//! The workshop app: one Leptos app for every workshop page, routed in the
//! page (`leptos_router`) at the addresses each page has always had (the
//! Model page at `workshop/`, the others at `workshop/<page>/`). The model,
//! its problems and the undo history stay in memory from page to page; each
//! page's own code is a chunk the release site loads on the page's first
//! visit (the split points are `#[lazy]` functions in `src/bin/workshop.rs`,
//! which hands them to [`mount`] as [`Loaders`]).

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::{path, Lazy, LazyRoute};

use crate::browser;
use crate::frame::{Footer, Header, Page};
use crate::workshop::exporting::{Export, ExportWith};
use crate::workshop::import_choice::ImportChoice;
use crate::workshop::state::Workshop;
use crate::workshop::views::problem_list::{open_linked_field, CurrentPage};
use crate::workshop::{Notice, Toolbar, Unsaved};

/// Builds one workshop page's view: in the release site, after its chunk
/// has loaded (at once on later visits: a chunk loads once).
pub type LoadPage = fn() -> Pin<Box<dyn Future<Output = AnyView>>>;

/// How the app gets each page's code and the code of "Export as…": the
/// split points, which must be in the binary (one in the library would
/// pull its code into the first load).
#[derive(Clone, Copy)]
pub struct Loaders {
    /// Each workshop page's view, in [`Page::WORKSHOP`] order.
    pub pages: [LoadPage; 6],
    /// What the toolbar's "Export as…" runs.
    pub export: Export,
    /// Loads every chunk without running it: the app calls it once, a
    /// while after the first page is shown ([`PRELOAD_AFTER`]), so that
    /// switching pages later needs no network (a chunk that cannot be
    /// fetched stops the app).
    pub preload: fn() -> Pin<Box<dyn Future<Output = ()>>>,
}

/// How long after the first page is shown every other chunk is loaded.
const PRELOAD_AFTER: Duration = Duration::from_secs(3);

thread_local! {
    /// The loaders [`mount`] was given (the routes read them by index).
    static LOADERS: Cell<Option<Loaders>> = const { Cell::new(None) };
    /// Whether the chunks' preload was started.
    static PRELOADING: Cell<bool> = const { Cell::new(false) };
}

/// Starts loading every chunk, once, [`PRELOAD_AFTER`] from now.
fn preload_soon(preload: fn() -> Pin<Box<dyn Future<Output = ()>>>) {
    if PRELOADING.with(|started| started.replace(true)) {
        return;
    }
    set_timeout(
        move || {
            leptos::task::spawn_local(async move {
                preload().await;
                // Every page opens without the network from here on.
                browser::mark_document("chunks", "loaded");
            })
        },
        PRELOAD_AFTER,
    );
}

/// The view of every workshop page's route: the page its address names,
/// from [`Loaders::pages`] once its chunk is in (the app shows the page it
/// leaves until then, marked busy). One view type for all six routes keeps
/// the router's code to one copy.
struct PageRoute;

impl LazyRoute for PageRoute {
    fn data() -> Self {
        PageRoute
    }

    async fn view(_: Self) -> AnyView {
        // The frame's page, from the address the router is going to.
        let page = expect_context::<CurrentPage>().0.get_untracked();
        let index = Page::WORKSHOP.iter().position(|p| *p == page).unwrap_or(0);
        let Some(loaders) = LOADERS.with(Cell::get) else {
            return ().into_any();
        };
        let view = (loaders.pages[index])().await;
        // A problem's link from another page may name a field of this page.
        open_linked_field(page);
        preload_soon(loaders.preload);
        view
    }
}

/// The path of the workshop's folder from the document's `<base>`
/// (`/slo-planner/workshop` under the usual sub-path): the router's base.
fn router_base() -> String {
    browser::base_path().trim_end_matches('/').to_string()
}

/// The workshop page at the address path `path` under `base` (the Model
/// page for an address that names none).
pub fn page_at(path: &str, base: &str) -> Page {
    let folder = path.strip_prefix(base).unwrap_or(path).trim_matches('/');
    Page::in_workshop(folder).unwrap_or(Page::Model)
}

/// The app's frame: the top bar, the toolbar and the notice, and the page
/// the address names; Ctrl+Z / Ctrl+Shift+Z undo and redo on every page.
#[component]
fn Frame(
    /// The router's base.
    base: String,
    /// Whether a page's chunk is loading.
    routing: ReadSignal<bool>,
) -> impl IntoView {
    let workshop = Workshop::provide();
    let location = use_location();
    let current = Memo::new(move |_| location.pathname.with(|path| page_at(path, &base)));
    provide_context(CurrentPage(current));
    Effect::new(move |_| {
        browser::set_title(&format!(
            "slo-planner: SLO workshop, {}",
            current.get().title()
        ));
    });
    let _keys = window_event_listener(ev::keydown, move |ev| {
        let key = ev.key().to_ascii_lowercase();
        if (ev.ctrl_key() || ev.meta_key()) && (key == "z" || key == "y") {
            ev.prevent_default();
            if ev.shift_key() || key == "y" {
                workshop.redo();
            } else {
                workshop.undo();
            }
        }
    });
    view! {
        <Header current base=Page::Model />
        <main id="main" tabindex="-1" aria-busy=move || routing.get().then_some("true")>
            <Toolbar />
            <Notice />
            <ImportChoice />
            <Unsaved />
            <FlatRoutes fallback=|| view! { <p>"There is no such workshop page: pick one above."</p> }>
                <Route path=path!("/") view={Lazy::<PageRoute>::new()} />
                <Route path=path!("/dependencies/") view={Lazy::<PageRoute>::new()} />
                <Route path=path!("/tradeoffs/") view={Lazy::<PageRoute>::new()} />
                <Route path=path!("/burn/") view={Lazy::<PageRoute>::new()} />
                <Route path=path!("/policy/") view={Lazy::<PageRoute>::new()} />
                <Route path=path!("/document/") view={Lazy::<PageRoute>::new()} />
            </FlatRoutes>
        </main>
        <Footer />
    }
}

/// The workshop app, under its router.
#[component]
fn WorkshopApp() -> impl IntoView {
    let base = router_base();
    let (routing, set_routing) = signal(false);
    view! {
        <Router base=base.clone() set_is_routing=set_routing>
            <Frame base routing />
        </Router>
    }
}

/// Mounts the workshop app with its pages' code and the code of "Export
/// as…" got through `loaders`.
pub fn mount(loaders: Loaders) {
    browser::install_panic_banner();
    LOADERS.with(|l| l.set(Some(loaders)));
    leptos::mount::mount_to_body(move || {
        provide_context(ExportWith(loaders.export));
        view! { <WorkshopApp /> }
    });
}
