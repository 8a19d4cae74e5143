//! The messages between a page and its worker (the web app's
//! `src/bin/importer.rs`; the page side is `slo_planner::browser::importer`),
//! named once for both sides. The worker loads only when a file or link is
//! opened or a format is exported, so the pages carry none of this.
//!
//! The worker first posts [`READY`]. Then:
//! - for a file's bytes (import), it answers an object with [`MODEL`] (the
//!   model as this version's compact JSON) and [`NOTES`] (what it did not
//!   keep, one per line), or [`REFUSED`] (what is wrong and where). A file
//!   starting with `{` is read as slo-planner's JSON, any other as OpenSLO
//!   YAML;
//! - for an object with [`EXPORT`] (an [`ExportFormat`]'s key), [`MODEL`]
//!   (compact JSON) and [`LINK`] (a URL back to the model), it answers
//!   [`TEXT`] (the file) and [`NOTES`] (what it left out), or [`REFUSED`].

use crate::codec::{compact_json, parse_json, read_own_json};
use crate::export::openslo::read::read_openslo;
use crate::export::openslo::write::openslo_yaml;
use crate::export::prometheus::prometheus_rules;
use crate::model::Model;
use crate::quantity::zone::ZoneResolver;
use crate::report::markdown::document_markdown;

/// What the worker posts once it listens (messages sent before are lost).
pub const READY: &str = "ready";
/// The key of a model read (an import's answer), or of the model to export.
pub const MODEL: &str = "model";
/// The key of what an import or export did not keep, one line each.
pub const NOTES: &str = "notes";
/// The key of a file refused, or a model that cannot be exported.
pub const REFUSED: &str = "refused";
/// The key of an export's format.
pub const EXPORT: &str = "export";
/// The key of the URL back to the model (Prometheus annotations).
pub const LINK: &str = "link";
/// The key of an exported file's text.
pub const TEXT: &str = "text";

/// A format the worker writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// OpenSLO v1 YAML.
    OpenSlo,
    /// Prometheus rules (YAML).
    Prometheus,
    /// The SLO document and error budget policy (Markdown).
    Markdown,
}

impl ExportFormat {
    /// Every format.
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::OpenSlo,
        ExportFormat::Prometheus,
        ExportFormat::Markdown,
    ];

    /// Its key in messages ("openslo").
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::OpenSlo => "openslo",
            ExportFormat::Prometheus => "prometheus",
            ExportFormat::Markdown => "markdown",
        }
    }

    /// The format of a key.
    pub fn of(key: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The file name's ending (".openslo.yaml").
    pub fn suffix(self) -> &'static str {
        match self {
            ExportFormat::OpenSlo => ".openslo.yaml",
            ExportFormat::Prometheus => ".rules.yml",
            ExportFormat::Markdown => ".slo.md",
        }
    }

    /// The file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::OpenSlo | ExportFormat::Prometheus => "application/yaml",
            ExportFormat::Markdown => "text/markdown",
        }
    }

    /// Its name for people ("OpenSLO YAML").
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::OpenSlo => "OpenSLO YAML",
            ExportFormat::Prometheus => "Prometheus rules",
            ExportFormat::Markdown => "Markdown",
        }
    }
}

/// A worker's answer: its key ([`MODEL`], [`TEXT`] or [`REFUSED`]), the
/// text, and the notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// [`MODEL`], [`TEXT`] or [`REFUSED`].
    pub key: &'static str,
    /// The model's JSON, the file, or why not.
    pub text: String,
    /// What was not kept or not exported, one line each.
    pub notes: Vec<String>,
}

fn refused(text: String) -> Answer {
    Answer {
        key: REFUSED,
        text,
        notes: Vec::new(),
    }
}

/// The answer to a file's bytes: slo-planner's JSON (a file starting with
/// `{`), or OpenSLO YAML.
///
/// ```
/// use slo_core::codec::{compact_json, export_json};
/// use slo_core::export::worker;
/// use slo_core::examples;
/// let model = examples::workbook_api();
/// let answer = worker::import(export_json(&model).as_bytes());
/// assert_eq!((answer.key, answer.text), (worker::MODEL, compact_json(&model)));
/// assert_eq!(worker::import(b"{").key, worker::REFUSED);
/// ```
pub fn import(bytes: &[u8]) -> Answer {
    if is_json(bytes) {
        return import_json(bytes);
    }
    match read_openslo(bytes) {
        Ok(read) => Answer {
            key: MODEL,
            text: compact_json(&read.model),
            notes: read.notes.iter().map(ToString::to_string).collect(),
        },
        Err(why) => refused(format!(
            "{why} (slo-planner reads its own JSON and OpenSLO YAML)"
        )),
    }
}

/// Whether a file is slo-planner's JSON (its first character is `{`, after
/// a byte order mark if there is one); any other is read as OpenSLO YAML.
/// The pages send JSON to the importer, the lighter worker, and the rest to
/// the formats worker.
pub fn is_json(bytes: &[u8]) -> bool {
    crate::codec::without_bom(bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        == Some(&b'{')
}

/// The answer to a model file's bytes (slo-planner's JSON only): the model,
/// or what is wrong and where.
pub fn import_json(bytes: &[u8]) -> Answer {
    match parse_json(bytes) {
        Ok(model) => Answer {
            key: MODEL,
            text: compact_json(&model),
            notes: Vec::new(),
        },
        Err(why) => refused(why.to_string()),
    }
}

/// The answer to an export: the model (compact JSON) in `format`.
pub fn export(format: &str, model: &str, link: &str, zones: &dyn ZoneResolver) -> Answer {
    let Some(format) = ExportFormat::of(format) else {
        return refused(format!("\"{format}\" is not a format slo-planner writes"));
    };
    let model: Model = match read_own_json(model)
        .map(Ok)
        .unwrap_or_else(|| parse_json(model.as_bytes()))
    {
        Ok(model) => model,
        Err(why) => return refused(why.to_string()),
    };
    let skipped = |list: &[crate::export::Skipped]| {
        list.iter()
            .map(|s| format!("{}: {}", s.title, s.why))
            .collect()
    };
    match format {
        ExportFormat::OpenSlo => {
            let export = openslo_yaml(&model, zones);
            Answer {
                key: TEXT,
                notes: skipped(&export.skipped),
                text: export.yaml,
            }
        }
        ExportFormat::Prometheus => {
            let rules = prometheus_rules(&model, zones, Some(link));
            Answer {
                key: TEXT,
                notes: skipped(&rules.skipped),
                text: rules.yaml(),
            }
        }
        ExportFormat::Markdown => Answer {
            key: TEXT,
            text: document_markdown(&model, zones),
            notes: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::export_json;
    use crate::examples;
    use crate::quantity::zone::UtcOnly;

    #[test]
    fn openslo_yaml_is_imported_with_its_notes_and_exports_answer_text() {
        let model = examples::seed_chain();
        let yaml = openslo_yaml(&model, &UtcOnly).yaml;
        let answer = import(yaml.as_bytes());
        assert_eq!(answer.key, MODEL);
        assert!(answer.notes.is_empty());
        let read = read_own_json(&answer.text).unwrap();
        assert_eq!(read.services[0].journeys[0].slis[0].slos[0].window, "month");
        let refused = import(b"- just\n- a list\n");
        assert_eq!(refused.key, REFUSED);
        assert!(refused
            .text
            .ends_with("(slo-planner reads its own JSON and OpenSLO YAML)"));

        let json = export_json(&model);
        let rules = export("prometheus", &json, "https://x.example/#model=1", &UtcOnly);
        assert_eq!(rules.key, TEXT);
        assert_eq!(rules.notes, ["Order service / 98.5 % of order requests succeed: its SLI has no queries (the Model page, the SLI's queries)"]);
        assert_eq!(export("markdown", &json, "", &UtcOnly).key, TEXT);
        assert_eq!(export("openslo", &json, "", &UtcOnly).text, yaml);
        assert_eq!(export("pdf", &json, "", &UtcOnly).key, REFUSED);
        assert_eq!(export("openslo", "{", "", &UtcOnly).key, REFUSED);
        assert_eq!(
            ExportFormat::of("markdown").map(ExportFormat::suffix),
            Some(".slo.md")
        );
    }
}
