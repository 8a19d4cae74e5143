//! The model's JSON file: export, and an import that refuses only a file it
//! cannot read (with a message that says what is wrong and where, never
//! half-loading it) and opens any readable model, errors and all, with its
//! problems listed, as an editor opens a file: whatever the app exports or
//! shares, it can open again.
//!
//! The format is versioned by `schemaVersion` (first in the file). A file from
//! a newer slo-planner is refused with its version named; unknown fields are
//! refused, never dropped silently.

pub mod share;
pub mod trail;
pub(crate) mod tree;

use std::fmt;

use serde_json::Value;

use crate::model::document::Status;
use crate::model::kind::Kind;
use crate::model::{Model, Priority, OLDEST_SCHEMA_VERSION, SCHEMA_VERSION};
use crate::problem::{Problem, Severity};
use crate::quantity::zone::ZoneResolver;
use crate::validate::validate;

/// `bytes` without the UTF-8 byte order mark (EF BB BF) a Windows editor
/// may put first; a file is read as the text after it.
///
/// ```
/// use slo_core::codec::without_bom;
/// assert_eq!(without_bom(b"\xEF\xBB\xBF{}"), b"{}");
/// assert_eq!(without_bom(b"{}"), b"{}");
/// ```
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The largest file the importer reads: 5 MiB (a real model is a few KB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Why a file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_FILE_BYTES`] (holds its size in bytes).
    TooLarge(usize),
    /// Not UTF-8 text.
    NotText,
    /// Not JSON (holds line, column and the parser's words).
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not an object with a `schemaVersion`.
    NoVersion,
    /// From a newer slo-planner (holds the file's version).
    NewerVersion(u64),
    /// From a version this build cannot read (holds the file's version).
    UnsupportedVersion(u64),
    /// The right version, the wrong shape (holds the field path, the problem
    /// and the file's version).
    Shape {
        path: String,
        message: String,
        version: u64,
    },
}

/// A model opened from a file or a share link, with what is wrong in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// The model, ready to edit (see [`settle_agreement`]).
    pub model: Model,
    /// Every problem of the model as opened, errors and warnings.
    pub problems: Vec<Problem>,
    /// Set when the file said "agreed" but had errors: it is opened as a draft.
    pub reopened_as_draft: bool,
}

impl Opened {
    /// How many of its problems are errors.
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// One line for people: "with 2 error(s) shown at their fields", and the
    /// draft note when it applies; empty when there is nothing to say.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if self.errors() > 0 {
            parts.push(format!(
                "it has {} error(s), shown at their fields",
                self.errors()
            ));
        }
        if self.reopened_as_draft {
            parts.push(
                "it said \"agreed\" while errors remain, so it is opened as a draft".to_string(),
            );
        }
        parts.join("; ")
    }
}

/// An agreed document never holds errors: when `model` says "agreed" and
/// validation finds an error, its status goes back to draft. Returns the
/// errors that stood in the way (empty when nothing changed). The page calls
/// this after each edit and the importer on each file, so an export or a
/// printed document never claims "agreed" with errors.
pub fn settle_agreement(model: &mut Model, zones: &dyn ZoneResolver) -> Vec<Problem> {
    if model.document.status != Status::Agreed {
        return Vec::new();
    }
    let errors: Vec<Problem> = validate(model, zones)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        model.document.status = Status::Draft;
    }
    errors
}

/// A size in bytes as people read it: MiB to a tenth, rounded half up, in
/// integers (no float formatting on the pages for one message); below a
/// tenth, whole KiB, rounded up.
///
/// ```
/// use slo_core::codec::file_size;
/// assert_eq!(file_size(6 * 1024 * 1024), "6.0 MB");
/// assert_eq!(file_size(1_100_000), "1.0 MB");
/// assert_eq!(file_size(3_000), "3 KB");
/// ```
pub fn file_size(bytes: usize) -> String {
    let tenths = bytes.saturating_mul(10).saturating_add(524_288) / 1_048_576;
    if tenths == 0 {
        return format!("{} KB", bytes.div_ceil(1024));
    }
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge(bytes) => write!(
                f,
                "the file is {}; a model file can be at most {} MB",
                file_size(*bytes),
                MAX_FILE_BYTES / 1_048_576
            ),
            ImportError::NotText => write!(f, "the file is not text (UTF-8): is it a model exported as JSON?"),
            ImportError::NotJson { line, column, message } => {
                write!(f, "the file is not JSON: line {line}, column {column}: {message}")
            }
            ImportError::NoVersion => write!(
                f,
                "the file is JSON but not an slo-planner model: it has no \"schemaVersion\""
            ),
            ImportError::NewerVersion(v) => write!(
                f,
                "the file has schemaVersion {v}, newer than this slo-planner reads ({SCHEMA_VERSION}): open it with a newer slo-planner"
            ),
            ImportError::UnsupportedVersion(v) => write!(
                f,
                "schemaVersion {v} is not a version slo-planner ever wrote (the first is 1)"
            ),
            ImportError::Shape { path, message, version } => {
                write!(f, "{path}: {message} (the file says schemaVersion {version})")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// The model as pretty-printed JSON, `schemaVersion` first: the same text
/// serde's `Serialize` of the model writes, by the light codec the pages
/// carry (`codec::tree`).
pub fn export_json(model: &Model) -> String {
    // Writing a JSON value of strings, numbers and booleans cannot fail.
    serde_json::to_string_pretty(&tree::Tree::to_tree(model)).unwrap_or_default()
}

/// The model as compact JSON: the same keys, order and values as
/// [`export_json`], with no whitespace between them. For what the app keeps
/// and passes to itself (the autosave, the undo trail, the importer's answer,
/// share links), where no person reads the text: for a 50-service model it
/// is about half the pretty text (163 KB against 307 KB), so it is quicker
/// to store, to pass into the page's wasm and to read back, and leaves more
/// of the browser's storage quota for the undo trail.
///
/// ```
/// use slo_core::{codec::{compact_json, export_json, read_own_json}, examples};
/// let model = examples::workbook_api();
/// assert!(compact_json(&model).len() < export_json(&model).len());
/// assert_eq!(read_own_json(&compact_json(&model)), Some(model));
/// ```
pub fn compact_json(model: &Model) -> String {
    // As export_json: writing strings, numbers and booleans cannot fail.
    serde_json::to_string(&tree::Tree::to_tree(model)).unwrap_or_default()
}

/// Reads a model file without judging its content: size, text, JSON, version,
/// shape. Unknown fields are refused with their path.
pub fn parse_json(bytes: &[u8]) -> Result<Model, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(without_bom(bytes)).map_err(|_| ImportError::NotText)?;
    // First only the version, so a newer file is named as such, not as a bad shape.
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line")
            .next()
            .unwrap_or_default()
            .to_string(),
    })?;
    let version = value
        .as_object()
        .and_then(|o| o.get("schemaVersion"))
        .and_then(Value::as_u64)
        .ok_or(ImportError::NoVersion)?;
    if version > SCHEMA_VERSION as u64 {
        return Err(ImportError::NewerVersion(version));
    }
    if version < OLDEST_SCHEMA_VERSION as u64 {
        return Err(ImportError::UnsupportedVersion(version));
    }
    let mut value = value;
    if version < 5 {
        migrate_action_item_priorities(&mut value);
    }
    let model: Model = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.into_inner().to_string();
        ImportError::Shape {
            path: if path == "." {
                "the file".to_string()
            } else {
                path
            },
            message: message
                .split(" at line")
                .next()
                .unwrap_or_default()
                .to_string(),
            version,
        }
    })?;
    Ok(migrate(model))
}

/// Version 4 and older wrote an action item's priority as free text; version
/// 5 holds one of P1-P4. "P2", "p2", "2" and "priority 2" read as P2; any
/// other text becomes P1 and is kept in the consequence's description, so
/// nothing typed is lost.
fn migrate_action_item_priorities(value: &mut Value) {
    let Some(consequences) = value
        .pointer_mut("/policy/consequences")
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for consequence in consequences {
        let Some(activity) = consequence
            .pointer_mut("/kind/activity")
            .and_then(Value::as_object_mut)
            .filter(|a| a.get("activity").and_then(Value::as_str) == Some("actionItem"))
        else {
            continue;
        };
        let text = match activity.get("priority") {
            Some(Value::String(text)) => text.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        };
        let priority = priority_from_text(&text);
        activity.insert(
            "priority".into(),
            Value::String(priority.unwrap_or(Priority::P1).key().into()),
        );
        if priority.is_none() && !text.trim().is_empty() {
            if let Some(object) = consequence.as_object_mut() {
                let before = object
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                let kept = format!("(the action item's priority was \"{}\")", text.trim());
                let description = if before.is_empty() {
                    kept
                } else {
                    format!("{before} {kept}")
                };
                object.insert("description".into(), Value::String(description));
            }
        }
    }
}

/// A priority written by hand in a version-4 file: "P2", "p2", "2", "priority 2".
fn priority_from_text(text: &str) -> Option<Priority> {
    let lower = text.trim().to_lowercase();
    let digits = lower
        .strip_prefix("priority")
        .unwrap_or(&lower)
        .trim()
        .trim_start_matches('p')
        .trim();
    Priority::ALL
        .iter()
        .copied()
        .find(|p| &p.key()[1..] == digits)
}

/// Brings a model read from an older version up to [`SCHEMA_VERSION`].
/// Version 1 had no service dependencies, version 2 no alert rules or
/// scenarios, version 3 no service kinds, version 5 no SLI queries or
/// alert rule `alertAfter` and version 6 no SLO history; their files read
/// unchanged.
/// Version 4's action item priorities are read before
/// ([`migrate_action_item_priorities`]).
fn migrate(mut model: Model) -> Model {
    model.schema_version = SCHEMA_VERSION;
    model
}

/// Opens a model file: [`parse_json`] (which refuses what cannot be read),
/// then [`settle_agreement`] and [`validate`]. A model with errors opens, its
/// problems listed in [`Opened::problems`]. Never panics, on any bytes.
///
/// ```
/// use slo_core::{codec::{export_json, import_json}, examples, quantity::zone::UtcOnly};
/// let model = examples::workbook_api();
/// let opened = import_json(export_json(&model).as_bytes(), &UtcOnly).unwrap();
/// assert_eq!(opened.model, model);
/// assert_eq!(opened.errors(), 0);
/// ```
pub fn import_json(bytes: &[u8], zones: &dyn ZoneResolver) -> Result<Opened, ImportError> {
    Ok(open(parse_json(bytes)?, zones))
}

/// Opens a model that was read: [`settle_agreement`], then [`validate`].
pub fn open(mut model: Model, zones: &dyn ZoneResolver) -> Opened {
    let reopened_as_draft = !settle_agreement(&mut model, zones).is_empty();
    let problems = validate(&model, zones);
    Opened {
        model,
        problems,
        reopened_as_draft,
    }
}

/// Reads a model this app wrote itself, in this version: the autosave, the
/// undo history, the importer's answer ([`export_json`] of what
/// [`parse_json`] read). `None` for anything else, which goes to
/// [`parse_json`]: this reader has no field paths, older versions or limits,
/// and is lighter (the web pages carry it, a table per type over one JSON
/// value parser; the importer, with serde's derived readers and
/// `serde_path_to_error`, loads only when a file or link is opened). It is
/// stricter than [`parse_json`], never looser: an unknown key, or a missing
/// field the app always writes, is `None`.
///
/// ```
/// use slo_core::{codec::{export_json, read_own_json}, examples};
/// let model = examples::workbook_api();
/// assert_eq!(read_own_json(&export_json(&model)), Some(model));
/// assert_eq!(read_own_json("{\"schemaVersion\": 4}"), None);
/// ```
pub fn read_own_json(text: &str) -> Option<Model> {
    let value = tree::Node::read(text)?;
    let model = <Model as tree::Tree>::from_tree(&value)?;
    (model.schema_version == SCHEMA_VERSION).then_some(model)
}
