//! OpenSLO v1 (and v1alpha) read into a model: every object read, and what
//! cannot be mapped listed by object and field ([`Note`]), never dropped in
//! silence. The model then opens like a JSON file ([`crate::codec::open`]):
//! its problems are shown, nothing is refused for them.
//!
//! Services become services; SLIs become SLIs in a journey (the one their
//! `slo-planner/journey` annotation names, or one named after the service);
//! each objective of an SLO becomes an SLO of its SLI; burn-rate alert
//! conditions become the model's alert rules (which apply to every SLO).

mod alerts;
mod assemble;
mod known;
mod slo;
mod window;

use std::collections::BTreeMap;

use serde_json::Value;

use super::objects::Document;
use crate::codec::MAX_FILE_BYTES;
use crate::model::Model;

/// Something in the file that the model does not keep, or keeps changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The object: "SLO game-api-availability" (kind and `metadata.name`).
    pub object: String,
    /// The field inside it ("spec.objectives[1].op"); empty for the whole object.
    pub field: String,
    /// What happened to it, in words.
    pub message: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.field.as_str() {
            "" => write!(f, "{}: {}", self.object, self.message),
            field => write!(f, "{} {field}: {}", self.object, self.message),
        }
    }
}

/// A model read from OpenSLO, with what it does not keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenSloImport {
    /// The model (to open with [`crate::codec::open`]).
    pub model: Model,
    /// Everything not mapped, by object and field, in file order.
    pub notes: Vec<Note>,
}

/// Why a file could not be read as OpenSLO at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenSloError {
    /// Larger than [`MAX_FILE_BYTES`] (holds its size).
    TooLarge(usize),
    /// Not UTF-8 text.
    NotText,
    /// Not YAML, or not objects of OpenSLO's shape (the reader's message,
    /// with its line and column).
    NotYaml(String),
    /// YAML, but no OpenSLO object in it.
    NoObjects,
}

impl std::fmt::Display for OpenSloError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenSloError::TooLarge(n) => write!(f, "the file is {n} bytes; at most {MAX_FILE_BYTES} are read"),
            OpenSloError::NotText => write!(f, "the file is not text (UTF-8)"),
            OpenSloError::NotYaml(m) => write!(f, "the file is not OpenSLO YAML: {m}"),
            OpenSloError::NoObjects => write!(f, "the file has no OpenSLO object (apiVersion openslo/v1 or openslo/v1alpha, with a kind)"),
        }
    }
}

impl std::error::Error for OpenSloError {}

/// The notes of one object.
pub(super) struct Notes<'a> {
    object: String,
    list: &'a mut Vec<Note>,
}

impl Notes<'_> {
    pub(super) fn add(&mut self, field: &str, message: impl Into<String>) {
        self.list.push(Note {
            object: self.object.clone(),
            field: field.to_string(),
            message: message.into(),
        });
    }
}

/// "SLO name": how notes name an object.
pub(super) fn object_name(doc: &Document) -> String {
    format!("{} {}", doc.kind, doc.metadata.name)
}

/// The objects of a file, with their raw values (for the fields the mapping
/// does not know).
fn documents(text: &str) -> Result<Vec<(Document, Value)>, OpenSloError> {
    let docs: Vec<Document> = serde_saphyr::from_multiple(text)
        .map_err(|e| OpenSloError::NotYaml(first_line(&e.to_string())))?;
    let values: Vec<Value> = serde_saphyr::from_multiple(text)
        .map_err(|e| OpenSloError::NotYaml(first_line(&e.to_string())))?;
    Ok(docs.into_iter().zip(values).collect())
}

/// The reader's message: its first line, without its "error: ".
fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or_default().trim();
    line.strip_prefix("error: ").unwrap_or(line).to_string()
}

/// Reads OpenSLO YAML (one or more objects, `---` between them) into a
/// model. Never panics, on any bytes.
pub fn read_openslo(bytes: &[u8]) -> Result<OpenSloImport, OpenSloError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(OpenSloError::TooLarge(bytes.len()));
    }
    let text =
        std::str::from_utf8(crate::codec::without_bom(bytes)).map_err(|_| OpenSloError::NotText)?;
    let mut notes = Vec::new();
    let mut objects: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    for (doc, value) in documents(text)? {
        let mut n = Notes {
            object: object_name(&doc),
            list: &mut notes,
        };
        if !matches!(doc.api_version.as_str(), "openslo/v1" | "openslo/v1alpha") {
            if !doc.api_version.is_empty() || !doc.kind.is_empty() {
                n.add(
                    "apiVersion",
                    format!(
                        "\"{}\" is not OpenSLO v1 or v1alpha; the object is not read",
                        doc.api_version
                    ),
                );
            }
            continue;
        }
        known::unknown_fields(&doc.kind, &value, &mut n);
        objects.entry(doc.kind.clone()).or_default().push(doc);
    }
    if objects.is_empty() {
        return Err(OpenSloError::NoObjects);
    }
    let mut model = Model::default();
    let rules = alerts::read_alerts(&objects, &mut notes);
    slo::read_services_and_slos(&objects, &mut model, &rules, &mut notes);
    model.alert_rules = rules.specs;
    for kind in objects
        .keys()
        .filter(|k| !known::KINDS.contains(&k.as_str()))
    {
        for doc in &objects[kind] {
            Notes {
                object: object_name(doc),
                list: &mut notes,
            }
            .add(
                "kind",
                "not a kind slo-planner reads; the object is not kept",
            );
        }
    }
    Ok(OpenSloImport { model, notes })
}
