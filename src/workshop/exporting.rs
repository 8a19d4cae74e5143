//! Exporting the formats other than JSON (OpenSLO YAML, Prometheus rules,
//! Markdown): the importer worker writes them, so the pages carry none of
//! that code; the file downloads with the team's name.

use leptos::prelude::*;
use slo_core::codec::compact_json;
use slo_core::export::worker::ExportFormat;

use crate::browser::{self, importer};
use crate::workshop::opening::{formats_address, with_notes};
use crate::workshop::state::Workshop;

/// A file name from the team's name, made safe: "example-game-service" and
/// `suffix`.
pub fn file_name(team: &str, suffix: &str) -> String {
    let slug: String = team
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-');
    format!(
        "{}{suffix}",
        if slug.is_empty() { "slo-model" } else { slug }
    )
}

/// What the toolbar's "Export as…" runs.
pub type Export = fn(Workshop, ExportFormat);

/// The [`Export`] of this page, in the context.
#[derive(Clone, Copy)]
pub struct ExportWith(pub Export);

impl Workshop {
    /// Writes the model in `format` in the worker and offers the file; the
    /// notice names what was left out, or why nothing was written.
    pub fn export_as(self, format: ExportFormat) {
        leptos::task::spawn_local(async move {
            let (team, json) = self
                .model
                .with_untracked(|m| (m.team.name.clone(), compact_json(m)));
            // Prometheus alerts link back to the workshop (a stable address:
            // a share link would change the committed rules on every edit);
            // each alert also names its team and SLO.
            let link = match format {
                ExportFormat::Prometheus => browser::base_address(),
                _ => String::new(),
            };
            let name = file_name(&team, format.suffix());
            let exporter = formats_address();
            match importer::export(&exporter, format, &json, &link).await {
                Ok((text, notes))
                    if format == ExportFormat::Prometheus && text.contains("\ngroups: []") =>
                {
                    browser::download(&name, format.mime(), &text);
                    let done = format!("Exported {name} with no rules in it: no SLO has the Prometheus queries its rules need (each SLI's queries, on the Model page).");
                    self.notice
                        .set(Some(Err(with_notes(done, "Left out", &notes))));
                }
                Ok((text, notes)) => {
                    browser::download(&name, format.mime(), &text);
                    let done = format!("Exported {name} ({}).", format.label());
                    self.notice
                        .set(Some(Ok(with_notes(done, "Not exported", &notes))));
                }
                Err(why) => self.notice.set(Some(Err(format!(
                    "{} was not exported: {why}",
                    format.label()
                )))),
            }
        });
    }
}
