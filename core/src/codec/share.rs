//! The share link's format: `#model=` and the model's JSON compressed with raw
//! deflate (RFC 1951; the browser's `CompressionStream("deflate-raw")` does
//! the compressing), written in URL-safe base64 without padding (RFC 4648 §5).
//!
//! This module owns the text part (the prefix, the base64 alphabet, the size
//! a link may have); the page compresses and decompresses, then opens the
//! JSON with [`crate::codec::import_json`] like any file.
//!
//! ```
//! use slo_core::codec::share::{decode, encode, payload};
//! let link = format!("model={}", encode(&[1, 2, 250]));
//! assert_eq!(decode(payload(&link).unwrap()), Ok(vec![1, 2, 250]));
//! assert!(payload("page=model").is_none());
//! ```

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// What a share link's fragment starts with (after `#`).
pub const PREFIX: &str = "model=";

/// The longest share link the app offers, in characters. Longer addresses
/// are cut or refused by some browsers, chat tools and wikis, so above it the
/// app says so and offers the file export instead.
pub const MAX_LINK_CHARS: usize = 32_768;

/// Why a link's fragment cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing after `model=`.
    Empty,
    /// A character outside URL-safe base64 (holds its place, from 1).
    BadCharacter(usize),
    /// Cut short: the base64 text ends mid-byte.
    Truncated,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(f, "the link holds no model: ask for a new link"),
            ShareError::BadCharacter(at) => write!(
                f,
                "the link is damaged at character {at} of its model: copy the whole link again"
            ),
            ShareError::Truncated => write!(f, "the link is cut short: copy the whole link again"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The encoded model of a fragment (`model=...`, without `#`), if it is a share link.
pub fn payload(fragment: &str) -> Option<&str> {
    fragment.trim_start_matches('#').strip_prefix(PREFIX)
}

/// Compressed bytes as the link's text.
pub fn encode(compressed: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(compressed)
}

/// The compressed bytes a link's text holds, or where it is damaged.
/// Never panics, on any text.
pub fn decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    if let Some(at) = text
        .chars()
        .position(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    {
        return Err(ShareError::BadCharacter(at + 1));
    }
    URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| ShareError::Truncated)
}

/// Whether a link of `chars` characters can be offered; otherwise the message
/// that says so and points to the file export.
pub fn check_length(chars: usize) -> Result<(), String> {
    if chars <= MAX_LINK_CHARS {
        Ok(())
    } else {
        Err(format!(
            "This model is too large for a share link ({} characters; a link can be at most {}, \
             longer ones are cut by browsers, chats and wikis): use Export to share the file instead",
            crate::quantity::numbers::group_thousands(&chars.to_string()),
            crate::quantity::numbers::group_thousands(&MAX_LINK_CHARS.to_string())
        ))
    }
}
