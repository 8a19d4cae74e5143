//! The Markdown document's dependency analysis: the same rows the Document
//! page shows ([`super::dependency_rows`]), as GitHub tables.

use super::dependency_rows::DependencyAnalysis;
use super::markdown::{heading, inline, table};
use crate::dependency::PERCENT_ROUNDING;

/// The "Dependencies" section: each service's composite and bounds, then
/// every availability SLO's budget shares; nothing when no service has
/// dependencies.
pub(super) fn dependencies(out: &mut String, a: &DependencyAnalysis) {
    if a.composites.is_empty() {
        return;
    }
    heading(out, 2, "Dependencies");
    let rows: Vec<Vec<String>> = a
        .composites
        .iter()
        .map(|r| {
            vec![
                r.service.clone(),
                r.own.clone(),
                r.estimate.clone(),
                r.bounds.clone(),
                r.soft.clone(),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Service",
            "Own availability",
            "With its dependencies (the ceiling)",
            "Bounds (no overlap to weakest part)",
            "Soft, not counted",
        ],
        &[1, 2, 3],
        &rows,
    );
    let rows: Vec<Vec<String>> = a
        .shares
        .iter()
        .map(|r| {
            vec![
                r.slo.clone(),
                r.spent_by.clone(),
                r.unavailability.clone(),
                r.availability.clone(),
                r.budget_share.clone(),
            ]
        })
        .collect();
    table(
        out,
        &[
            "SLO",
            "Spent by",
            "Unavailability",
            "Availability",
            "Share of the budget",
        ],
        &[2, 3, 4],
        &rows,
    );
    out.push_str(&format!("- Rounded: {}.\n", inline(PERCENT_ROUNDING)));
    if !a.above_ceiling.is_empty() {
        out.push_str(&format!(
            "- **{} SLO(s) above the ceiling their dependencies allow**, marked in the SLI/SLO table.\n",
            a.above_ceiling.len()
        ));
    }
    out.push('\n');
}
