//! What a message repeats of what people typed: quoted and cut, so a
//! 10,000-character value never fills the page. The lowest layer: it imports
//! nothing of the crate.

/// The most characters of a typed value a message repeats.
pub const ECHO_LIMIT: usize = 40;

/// `text` in quotes for a message, cut to [`ECHO_LIMIT`] characters with `…`.
///
/// ```
/// let long = "9".repeat(100);
/// assert_eq!(slo_core::echo::quote(&long).chars().count(), 43);
/// assert_eq!(slo_core::echo::quote("12a"), "\"12a\"");
/// ```
pub fn quote(text: &str) -> String {
    format!("\"{}\"", cut(text))
}

/// `text` trimmed and cut to [`ECHO_LIMIT`] characters with `…`, unquoted.
pub fn cut(text: &str) -> String {
    cut_to(text, ECHO_LIMIT)
}

/// `text` trimmed and cut to `limit` characters with `…` (a label that must
/// fit a box).
///
/// ```
/// assert_eq!(slo_core::echo::cut_to("  Azure Database for MySQL ", 10), "Azure Data…");
/// assert_eq!(slo_core::echo::cut_to("MySQL", 10), "MySQL");
/// ```
pub fn cut_to(text: &str, limit: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= limit {
        text.to_string()
    } else {
        let cut: String = text.chars().take(limit).collect();
        format!("{}…", cut.trim_end())
    }
}

/// One of our own English labels or words with its first letter a capital
/// ("the window" -> "The window"). ASCII only: Unicode's case tables would
/// add about 12 KB of wasm to every page.
pub(crate) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => std::iter::once(c.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}
