//! The trade-off chart: for each candidate target, the chance of meeting it
//! (with the rate's range) and the release-freeze days a quarter the
//! policy would have brought, the current target marked.

use super::*;
use plotters::prelude::*;
use slo_core::tradeoff::table::Table;

/// Chance of meeting (left axis, percent, a dot with its range) and freeze
/// days a quarter (right axis, bars) for each candidate, lowest target
/// first; the current target's label in brackets, an unreachable one (above
/// the dependency ceiling) marked with `×`.
pub fn tradeoff_chart(table: &Table) -> Result<String, String> {
    let rows = &table.rows;
    let n = rows.len().max(1) as f64;
    let freeze: Vec<f64> = rows
        .iter()
        .map(|r| r.replayed.freeze_days_per_quarter())
        .collect();
    let most_freeze = freeze.iter().copied().fold(1.0f64, f64::max) * 1.15;
    let (labels, name) = (labels(table), accessible_name(table, &freeze));
    svg(&name, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Chance of meeting (dots, with its range) and freeze days a quarter (bars)",
                text(16),
            )
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(56)
            .right_y_label_area_size(56)
            .build_cartesian_2d(-0.5..n - 0.5, 0.0..105.0)
            .map_err(err)?
            .set_secondary_coord(-0.5..n - 0.5, 0.0..most_freeze);
        chart
            .configure_mesh()
            .x_desc("candidate target")
            .y_desc("chance of meeting a period (%)")
            .x_labels(rows.len().max(1))
            .x_label_formatter(&|x| {
                let i = x.round();
                if (x - i).abs() > 0.01 || i < 0.0 {
                    return String::new();
                }
                labels.get(i as usize).cloned().unwrap_or_default()
            })
            .axis_desc_style(text(12))
            .label_style(text(11))
            .light_line_style(WHITE)
            .draw()
            .map_err(err)?;
        chart
            .configure_secondary_axes()
            .y_desc("freeze days a quarter")
            .axis_desc_style(text(12))
            .label_style(text(11))
            .draw()
            .map_err(err)?;
        // Bars first, so the dots stay on top.
        chart
            .draw_secondary_series(freeze.iter().enumerate().map(|(i, f)| {
                let (x, half) = (i as f64, 0.08);
                Rectangle::new([(x - half, 0.0), (x + half, *f)], TICKET.mix(0.8).filled())
            }))
            .map_err(err)?;
        let chances = chances(table);
        chart
            .draw_series(chances.iter().map(|(x, _, low, high)| {
                PathElement::new(vec![(*x, *low), (*x, *high)], BUDGET.stroke_width(2))
            }))
            .map_err(err)?;
        chart
            .draw_series(LineSeries::new(
                chances.iter().map(|(x, y, _, _)| (*x, *y)),
                BUDGET.stroke_width(2),
            ))
            .map_err(err)?;
        chart
            .draw_series(
                chances
                    .iter()
                    .map(|(x, y, _, _)| Circle::new((*x, *y), 5, BUDGET.filled())),
            )
            .map_err(err)?;
        Ok(())
    })
}

/// Each candidate's label: "[98.5 %]" for the current target, "99.85 % ×"
/// for one above the dependency ceiling.
fn labels(table: &Table) -> Vec<String> {
    table
        .rows
        .iter()
        .map(|r| {
            let mark = if r.reachable { "" } else { " ×" };
            match r.current {
                true => format!("[{} %]{mark}", r.target),
                false => format!("{} %{mark}", r.target),
            }
        })
        .collect()
}

/// The chart's figures in words, for assistive technology.
fn accessible_name(table: &Table, freeze: &[f64]) -> String {
    let words: Vec<String> = table
        .rows
        .iter()
        .zip(freeze)
        .map(|(r, f)| {
            let chance = r.chance.map_or("no chance (no risk model)".into(), |c| {
                format!("{} % chance", two_places(c.meet * 100.0))
            });
            format!(
                "{} %: {chance}, {} freeze days a quarter",
                r.target,
                two_places(*f)
            )
        })
        .collect();
    format!(
        "Chance of meeting and release-freeze days a quarter by candidate target: {}",
        words.join("; ")
    )
}

/// Each candidate with a chance: its position, chance, and range, percent.
fn chances(table: &Table) -> Vec<(f64, f64, f64, f64)> {
    table
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let c = r.chance?;
            let (low, high) = (c.low.unwrap_or(c.meet), c.high.unwrap_or(c.meet));
            Some((i as f64, c.meet * 100.0, low * 100.0, high * 100.0))
        })
        .collect()
}
