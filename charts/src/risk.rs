//! The Monte Carlo chart: periods by budget left at their end.

use super::*;
use plotters::prelude::*;
use slo_core::burn::risk::RiskRun;

/// The Monte Carlo histogram: periods by budget left at their end; bars below
/// zero (missed SLO) in red.
pub fn risk_chart(run: &RiskRun) -> Result<String, String> {
    let most = run
        .histogram
        .iter()
        .map(|b| b.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let bars = run.histogram.len() as i32;
    let missed: u32 = run
        .histogram
        .iter()
        .filter(|b| b.high <= 0)
        .map(|b| b.count)
        .sum();
    let name = format!(
        "Budget left at the end of each of {} simulated periods: {} % met the SLO, {missed} missed it (red bars); \
         on average {} % left",
        run.periods,
        two_places(run.meet_probability * 100.0),
        two_places(run.mean_left_percent),
    );
    svg(&name, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption("Budget left at the end of each simulated period", text(16))
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(56)
            .build_cartesian_2d(0..bars, 0..most + most / 10 + 1)
            .map_err(err)?;
        let labels: Vec<String> = run
            .histogram
            .iter()
            .map(|b| match b.low {
                None => format!("< {}", b.high),
                Some(low) => low.to_string(),
            })
            .collect();
        chart
            .configure_mesh()
            .x_desc("budget left (%)")
            .y_desc("periods")
            .x_labels(bars as usize / 2)
            .x_label_formatter(&|i| labels.get(*i as usize).cloned().unwrap_or_default())
            .axis_desc_style(text(12))
            .label_style(text(11))
            .light_line_style(WHITE)
            .draw()
            .map_err(err)?;
        chart
            .draw_series(run.histogram.iter().enumerate().map(|(i, bin)| {
                let color = if bin.high <= 0 { PAGE } else { BUDGET };
                let i = i as i32;
                Rectangle::new([(i, 0), (i + 1, bin.count)], color.mix(0.75).filled())
            }))
            .map_err(err)?;
        Ok(())
    })
}
