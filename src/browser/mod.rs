//! Every call into the browser lives here: the URL (query and history), local
//! storage, and time zone rules from `Intl.DateTimeFormat`. Everything else in
//! the app is plain Rust over `slo-core`.

mod focus;
pub mod importer;
mod large_store;
mod panic;
pub mod routing;
mod storage;

pub use focus::{
    click_element, close_details, focus_button_after, focus_element, focus_field_in,
    focus_first_soon,
};
pub use large_store::{delete_large, get_large, put_large};
pub use panic::{has_panicked, install_panic_banner, slo_planner_forced_panic, PANIC_MESSAGE};
pub use storage::{
    js_text, load, load_tab_text, load_text, load_text_read_early, remove_text, save,
    save_tab_text, save_text, Refused,
};

use slo_core::quantity::zone::{ZoneError, ZoneResolver, ZoneRules};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const formats = new Map();
function format(zone) {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric',
      day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formats.set(zone, f);
  }
  return f;
}
export function zone_canonical_name(zone) {
  try { return format(zone).resolvedOptions().timeZone; } catch (e) { return undefined; }
}
export function zone_offset_seconds(zone, utcSeconds) {
  try {
    const parts = {};
    for (const p of format(zone).formatToParts(new Date(utcSeconds * 1000))) parts[p.type] = p.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
    const local = new Date(0);
    local.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
    local.setUTCHours(Number(parts.hour) % 24, Number(parts.minute), Number(parts.second), 0);
    return Math.round(local.getTime() / 1000 - utcSeconds);
  } catch (e) { return undefined; }
}
export function zone_names() {
  try { return Intl.supportedValuesOf('timeZone'); } catch (e) { return []; }
}
export async function deflate_raw(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
export async function inflate_raw(bytes, maxBytes) {
  const reader = new Blob([bytes]).stream()
    .pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) throw new Error('too large');
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { all.set(c, at); at += c.length; }
  return all;
}
export function download_text(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
"#)]
extern "C" {
    fn zone_canonical_name(zone: &str) -> Option<String>;
    fn zone_offset_seconds(zone: &str, utc_seconds: f64) -> Option<f64>;
    fn zone_names() -> Vec<String>;
    #[wasm_bindgen(catch)]
    async fn deflate_raw(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn inflate_raw(bytes: &[u8], max_bytes: f64) -> Result<JsValue, JsValue>;
    fn download_text(name: &str, mime: &str, text: &str);
}

/// A time zone whose rules come from the browser's `Intl.DateTimeFormat`.
#[derive(Clone, Debug)]
pub struct IntlZone {
    name: String,
}

impl ZoneRules for IntlZone {
    fn name(&self) -> &str {
        &self.name
    }

    fn offset_at(&self, utc_seconds: i64) -> Result<i32, ZoneError> {
        zone_offset_seconds(&self.name, utc_seconds as f64)
            .filter(|o| o.is_finite() && o.abs() < 86_400.0)
            .map(|o| o as i32)
            .ok_or_else(|| ZoneError::NoOffset(self.name.clone()))
    }
}

/// Resolves IANA names through the browser, which knows every zone.
#[derive(Clone, Copy, Debug, Default)]
pub struct IntlZones;

impl ZoneResolver for IntlZones {
    fn resolve(&self, name: &str) -> Result<Box<dyn ZoneRules>, ZoneError> {
        let trimmed = name.trim();
        // Intl also accepts offsets such as "+01:00"; only IANA names are time zones here.
        let looks_iana = !trimmed.is_empty()
            && trimmed
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/_-+".contains(c))
            && trimmed
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic());
        match canonical_zone(trimmed) {
            Some(canonical) if looks_iana => Ok(Box::new(IntlZone { name: canonical })),
            _ => Err(ZoneError::Unknown(name.to_string())),
        }
    }
}

thread_local! {
    /// The browser's answers so far: asking `Intl` costs tens of
    /// microseconds, and 400 SLOs ask about the same few zones.
    static CANONICAL_ZONES: std::cell::RefCell<Vec<(String, Option<String>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The browser's canonical name of the zone `name` (asked once per name).
fn canonical_zone(name: &str) -> Option<String> {
    let known = CANONICAL_ZONES.with(|c| {
        c.borrow()
            .iter()
            .find(|(asked, _)| asked == name)
            .map(|(_, answer)| answer.clone())
    });
    if let Some(answer) = known {
        return answer;
    }
    let answer = zone_canonical_name(name);
    CANONICAL_ZONES.with(|c| c.borrow_mut().push((name.to_string(), answer.clone())));
    answer
}

/// Every IANA zone name the browser knows, for the time zone field's suggestions.
pub fn known_zone_names() -> Vec<String> {
    zone_names()
}

/// The decoded query string of the current page, as `(name, value)` pairs.
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for entry in js_sys::try_iter(&params)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
    {
        let Ok(entry) = entry else { continue };
        let entry = js_sys::Array::from(&entry);
        if let (Some(name), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
            pairs.push((name, value));
        }
    }
    pairs
}

/// Replaces the page's query string with `pairs` (history.replaceState: no new
/// history entry per keystroke), keeping the path (and its sub-path) and fragment.
pub fn replace_query(pairs: &[(&str, String)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return;
    };
    for (name, value) in pairs {
        params.append(name, value);
    }
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let query: String = params.to_string().into();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Compresses text for a link fragment with raw deflate (the browser's
/// `CompressionStream`); [`slo_core::codec::share::encode`] writes it as text.
pub async fn compress_for_link(text: &str) -> Result<String, String> {
    deflate_raw(text)
        .await
        .map(|v| slo_core::codec::share::encode(&js_sys::Uint8Array::new(&v).to_vec()))
        .map_err(|_| "this browser cannot compress the link".to_string())
}

/// Reverses [`compress_for_link`], reading at most `max_bytes` of output.
pub async fn decompress_from_link(text: &str, max_bytes: usize) -> Result<Vec<u8>, String> {
    let compressed = slo_core::codec::share::decode(text).map_err(|e| e.to_string())?;
    inflate_raw(&compressed, max_bytes as f64)
        .await
        .map(|v| js_sys::Uint8Array::new(&v).to_vec())
        .map_err(|_| "the link's model is damaged or too large: ask for a new link".to_string())
}

/// Resolves once the browser has shown the next frame (an animation frame,
/// then a task after it): work awaited behind it never delays what a page
/// shows first.
pub async fn after_next_paint() {
    let shown = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(
                move || {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                },
                std::time::Duration::ZERO,
            );
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(shown).await;
}

/// Loads the page again from its address.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    download_text(name, mime, text);
}

/// The page's fragment without `#` (empty when there is none).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// `text` encoded for a fragment (`encodeURIComponent`).
pub fn encode_fragment(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// A fragment part decoded (`decodeURIComponent`); `None` when it is not
/// valid percent-encoding.
pub fn decode_fragment(text: &str) -> Option<String> {
    js_sys::decode_uri_component(text).ok().map(String::from)
}

/// Removes the fragment from the address without a new history entry.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The page's full address, for a share link.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// The document's base address in full (the workshop's Model page, for
/// every workshop page): `https://host/slo-planner/workshop/`.
pub fn base_address() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// The path of the document's base address (its `<base href>`), e.g.
/// `/slo-planner/workshop/`; `/` when there is none to read.
pub fn base_path() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new(&base).ok())
        .map_or_else(|| "/".to_string(), |url| url.pathname())
}

/// Sets the document's title (the tab's name, what history lists).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Marks the document's root element with `data-<name>="<value>"`: a
/// state a test or a style can read (e.g. that every chunk is loaded).
pub fn mark_document(name: &str, value: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(&format!("data-{name}"), value);
    }
}

/// Asks the user to confirm; `false` when the browser cannot ask.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Copies text to the clipboard; failures are ignored (the link stays on screen).
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// The file picked in the `<input type="file">` of `ev` (clearing the
/// input, so the same file can be picked again).
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// Reads a text file the user picked: its name and text, or why not (too
/// large, unreadable, not UTF-8).
pub async fn read_text_file(
    file: web_sys::File,
    max_bytes: usize,
) -> Result<(String, String), String> {
    let name = file.name();
    let bytes = read_file(file, max_bytes)
        .await
        .map_err(|size| format!("{name} cannot be read: {size} bytes (at most {max_bytes})"))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text"))?;
    Ok((name, text))
}

/// Reads a file the user picked or dropped, refusing files over `max_bytes`
/// before reading them.
pub async fn read_file(file: web_sys::File, max_bytes: usize) -> Result<Vec<u8>, usize> {
    let size = file.size() as usize;
    if size > max_bytes {
        return Err(size);
    }
    let file = gloo_file::File::from(file);
    gloo_file::futures::read_as_bytes(&file)
        .await
        .map_err(|_| size)
}
