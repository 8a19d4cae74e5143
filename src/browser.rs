//! Every call into the browser lives here: the URL (query and history), local
//! storage, and time zone rules from `Intl.DateTimeFormat`. Everything else in
//! the app is plain Rust over `slo-core`.

use gloo_storage::{LocalStorage, Storage};
use slo_core::zone::{ZoneError, ZoneResolver, ZoneRules};
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
"#)]
extern "C" {
    fn zone_canonical_name(zone: &str) -> Option<String>;
    fn zone_offset_seconds(zone: &str, utc_seconds: f64) -> Option<f64>;
    fn zone_names() -> Vec<String>;
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
        match zone_canonical_name(trimmed) {
            Some(canonical) if looks_iana => Ok(Box::new(IntlZone { name: canonical })),
            _ => Err(ZoneError::Unknown(name.to_string())),
        }
    }
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

/// Reads a value saved with [`save`]; `None` if absent or unreadable.
pub fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(key).ok()
}

/// Saves a value in local storage; failures (private mode, quota) are ignored,
/// since the URL also holds the state.
pub fn save<T: serde::Serialize>(key: &str, value: &T) {
    let _ = LocalStorage::set(key, value);
}
