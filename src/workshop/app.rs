//! The workshop app: one Leptos app for every workshop page, routed in the
//! page (`browser::routing`) at the addresses each page has always had (the
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

use crate::browser;
use crate::browser::routing::Routing;
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

/// The view of the page at `page`, once its chunk is in (at once on later
/// visits: a chunk loads once).
async fn page_view(page: Page) -> Option<AnyView> {
    let index = Page::WORKSHOP.iter().position(|p| *p == page).unwrap_or(0);
    let loaders = LOADERS.with(Cell::get)?;
    let view = (loaders.pages[index])().await;
    preload_soon(loaders.preload);
    Some(view)
}

/// The page the address names: the page left stays, marked busy, until the
/// next one's chunk is in; then the next one is shown (and the field a
/// problem's link names, if it is on it, opened). Each page's view has a
/// reactive owner of its own, under the frame's, cleaned up once another
/// page has taken its place.
#[component]
fn Pages(
    /// The page the address names.
    current: Memo<Page>,
    /// Whether a page's chunk is loading.
    set_routing: WriteSignal<bool>,
) -> impl IntoView {
    let frame = Owner::current().unwrap_or_default();
    let shown = RwSignal::new(None::<Page>);
    // The next page's view and its owner, until the frame takes them.
    let next = StoredValue::new_local(None::<(Owner, AnyView)>);
    // The owner of the page shown.
    let held = StoredValue::new_local(None::<Owner>);
    // Each switch has a number: a later one wins over a slower earlier one.
    let switches = StoredValue::new(0u64);
    Effect::new(move |_| {
        let page = current.get();
        switches.update_value(|n| *n += 1);
        if shown.get_untracked() == Some(page) {
            // Back to the page shown before the next one came in: the
            // next one's loading is cancelled (its switch is no longer the last).
            set_routing.set(false);
            return;
        }
        let mine = switches.get_value();
        set_routing.set(true);
        let owner = frame.child();
        let task_owner = owner.clone();
        owner.with(|| {
            untrack(|| {
                leptos::task::spawn_local_scoped(async move {
                    let view = page_view(page).await;
                    if switches.get_value() != mine {
                        task_owner.cleanup();
                        return;
                    }
                    next.set_value(view.map(|v| (task_owner, v)));
                    shown.set(Some(page));
                    set_routing.set(false);
                    // A problem's link from another page may name a field of this page.
                    open_linked_field(page);
                })
            })
        });
    });
    move || {
        shown.track();
        let (owner, view) = next.try_update_value(Option::take).flatten()?;
        if let Some(left) = held.try_update_value(|h| h.replace(owner)).flatten() {
            left.cleanup();
        }
        Some(view)
    }
}

/// The path of the workshop's folder from the document's `<base>`
/// (`/slo-planner/workshop` under the usual sub-path): the routing's base.
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
fn Frame() -> impl IntoView {
    let base = router_base();
    let (routing, set_routing) = signal(false);
    let address = Routing::follow(base.clone());
    provide_context(address);
    let workshop = Workshop::provide();
    let current = Memo::new(move |_| address.path.with(|path| page_at(path, &base)));
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
            <Pages current set_routing />
        </main>
        <Footer />
    }
}

/// Mounts the workshop app with its pages' code and the code of "Export
/// as…" got through `loaders`.
pub fn mount(loaders: Loaders) {
    browser::install_panic_banner();
    LOADERS.with(|l| l.set(Some(loaders)));
    leptos::mount::mount_to_body(move || {
        provide_context(ExportWith(loaders.export));
        view! { <Frame /> }
    });
}
