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
            // Prometheus alerts link back to the model: its share link, or the page.
            let link = match format {
                ExportFormat::Prometheus => self
                    .share_link()
                    .await
                    .unwrap_or_else(|_| browser::page_address()),
                _ => String::new(),
            };
            let name = file_name(&team, format.suffix());
            let exporter = formats_address();
            match importer::export(&exporter, format, &json, &link).await {
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
