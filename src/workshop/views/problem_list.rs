//! Lists of problems for people: each by the names of where it is
//! ("Checkout › Pay › Availability › SLO 1 › target"), a link that opens the
//! page holding the field and focuses it, with the field path beside it.

use leptos::prelude::*;

use crate::workshop::inputs::why;
use slo_core::problem::{Problem, Severity};
use slo_core::report::place::Places;

use crate::browser;
use crate::browser::routing::{go as load_page, Routing};
use crate::frame::Page;
use crate::workshop::inputs::id_of;
use crate::workshop::state::Workshop;

/// The fragment a link to a field on another page carries: `#at=<path>`.
const FIELD_LINK: &str = "at=";

/// The workshop page shown, for links that stay on it.
#[derive(Clone, Copy)]
pub struct CurrentPage(pub Memo<Page>);

/// The workshop page that edits the field at `path`.
fn page_of(path: &str) -> Page {
    let at = |part: &str| path.contains(part);
    if path.starts_with("policy") {
        Page::Policy
    } else if path.starts_with("document") || path.starts_with("session") {
        Page::Document
    } else if at(".history") {
        Page::Tradeoffs
    } else if path.starts_with("alertRules") || at(".scenarios[") {
        Page::Burn
    } else if at(".dependencies") || at(".ownAvailability") {
        Page::Dependencies
    } else {
        Page::Model
    }
}

/// The element ids to try for `path`, nearest first: the field, its
/// problems, then each enclosing item in turn.
fn ids_for(path: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut here = path;
    loop {
        ids.push(id_of(here));
        ids.push(format!("{}-problems", id_of(here)));
        match here.rfind(['.', '[']) {
            Some(end) if end > 0 => here = &here[..end],
            _ => return ids,
        }
    }
}

/// Opens the field at `path` on this page (unfolding its service) and focuses it.
fn open(path: &str) {
    Workshop::from_context().folds.reveal(path);
    browser::focus_first_soon(ids_for(path));
}

/// The link to the field at `path`: its page's address (relative to the
/// workshop's `<base>`, the Model page's folder) with `#at=<path>`, which
/// the app opens once that page is shown (a link opened in a new tab, or
/// copied; a click in the app switches the page and opens the field).
fn field_link(path: &str) -> String {
    format!(
        "{}#{FIELD_LINK}{}",
        page_of(path).href(Page::Model),
        browser::encode_fragment(path)
    )
}

/// The field a problem's link on another page opened this page at (a
/// click in the app, or an address with `#at=<path>`), if any: a page that
/// shows one item of many (the Trade-offs page's SLO) shows that one.
pub fn linked_field() -> Option<String> {
    let pending = Workshop::from_context().pending_field;
    pending.get_value().or_else(|| {
        browser::fragment()
            .strip_prefix(FIELD_LINK)
            .and_then(browser::decode_fragment)
    })
}

/// On the page `shown`, shown from a problem's link on another page:
/// unfolds and focuses that field (and drops `#at=<path>` from the
/// address). A field of another page (the user went elsewhere before the
/// linked page was in) is dropped.
pub fn open_linked_field(shown: Page) {
    if let Some(path) = linked_field() {
        Workshop::from_context().pending_field.set_value(None);
        browser::clear_fragment();
        if page_of(&path) == shown {
            open(&path);
        }
    }
}

/// The path of the workshop page `page` from the site's root
/// (`/slo-planner/workshop/burn/`: the document's `<base>` is the
/// workshop's folder).
fn workshop_address(page: Page) -> String {
    let folder = page.folder();
    let base = browser::base_path();
    format!(
        "{base}{}",
        folder.strip_prefix("workshop/").unwrap_or(&folder)
    )
}

/// One `<li>` per problem, errors first, each named by its place.
#[component]
pub fn ProblemItems(
    /// The problems to list.
    #[prop(into)]
    problems: Signal<Vec<Problem>>,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let here = use_context::<CurrentPage>().map(|CurrentPage(page)| page);
    let here = move || here.map(|page| page.get_untracked());
    let routing = use_context::<Routing>();
    // Each problem with its place in words, errors first. It re-runs on
    // every edit (a name typed renames a place), but the list below is
    // rebuilt only when a problem or a place's name changed, and naming
    // serialises only the services the problems are in.
    let named = Memo::new(move |_| {
        let mut sorted = problems.get();
        if sorted.is_empty() {
            return Vec::new();
        }
        slo_core::problem::errors_first(&mut sorted);
        let places = workshop
            .model
            .with(|m| Places::of_paths(m, sorted.iter().map(|p| p.path.as_str())));
        sorted
            .into_iter()
            .map(|p| {
                let place = places.name(&p.path);
                (p, place)
            })
            .collect::<Vec<_>>()
    });
    move || {
        named
            .get()
            .into_iter()
            .map(|(p, place)| {
                let class = if p.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                let target = page_of(&p.path);
                let href = field_link(&p.path);
                let path = p.path.clone();
                let go = move |ev: leptos::ev::MouseEvent| {
                    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
                        return;
                    }
                    ev.prevent_default();
                    if here() == Some(target) {
                        open(&path);
                    } else {
                        workshop.pending_field.set_value(Some(path.clone()));
                        match routing {
                            Some(routing) => routing.navigate(&workshop_address(target)),
                            None => load_page(&workshop_address(target)),
                        }
                    }
                };
                view! {
                    <li class=class>
                        // rel="external": the routing leaves it to `go`, which
                        // switches the page itself, knowing the field.
                        // The place in words; its field path only as the link's tooltip.
                        <a href=href rel="external" title=p.path on:click=go>{place}</a>": "{p.message}{why(p.why)}
                    </li>
                }
            })
            .collect_view()
    }
}
