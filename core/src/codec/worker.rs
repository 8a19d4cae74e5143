//! The messages between a page and the importer, a web worker of its own
//! (the web app's `src/bin/importer.rs`; the page side is
//! `slo_planner::browser::importer`), named once for both sides.
//!
//! The worker first posts [`READY`]; then, for the file's bytes, it answers
//! an object with one key: [`MODEL`] (the model as this version's compact JSON, for
//! [`read_own_json`](super::read_own_json)) or [`REFUSED`] (what is wrong
//! and where).

use super::{compact_json, parse_json};

/// What the worker posts once it listens (messages sent before are lost).
pub const READY: &str = "ready";

/// The answer's key for a model the importer read.
pub const MODEL: &str = "model";

/// The answer's key for a file it refused.
pub const REFUSED: &str = "refused";

/// The answer to a file's bytes: its key ([`MODEL`] or [`REFUSED`]) and text.
///
/// ```
/// use slo_core::codec::{compact_json, export_json, worker};
/// use slo_core::examples;
/// let model = examples::workbook_api();
/// let answer = worker::answer(export_json(&model).as_bytes());
/// assert_eq!(answer, (worker::MODEL, compact_json(&model)));
/// assert_eq!(worker::answer(b"{").0, worker::REFUSED);
/// ```
pub fn answer(bytes: &[u8]) -> (&'static str, String) {
    match parse_json(bytes) {
        Ok(model) => (MODEL, compact_json(&model)),
        Err(refused) => (REFUSED, refused.to_string()),
    }
}
