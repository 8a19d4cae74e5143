//! The burn-rate chart: each rule's long-window burn rate against its threshold.

use super::*;
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use slo_core::burn::Burn;

/// A rule's name, threshold and burn-rate series (days, burn rate).
type RuleLine = (String, f64, Vec<(f64, f64)>);

/// Each rule's burn rate over its long window, in days, with its threshold dashed.
pub fn burn_rate_chart(burn: &Burn) -> Result<String, String> {
    let sim = &burn.simulation;
    let days = sim.spec.period_seconds as f64 / 86_400.0;
    let period = sim.spec.period_seconds;
    let lines: Vec<RuleLine> = burn
        .rules
        .iter()
        .map(|rule| {
            let window = rule.long_window.whole_seconds_up();
            let series = sim
                .burn_series(window, POINTS)
                .into_iter()
                .map(|(h, b)| (h / 24.0, b))
                .collect();
            (
                rule.name.clone(),
                rule.burn_rate(period)
                    .and_then(|b| b.to_f64())
                    .unwrap_or(0.0),
                series,
            )
        })
        .collect();
    let top = lines
        .iter()
        .flat_map(|(_, threshold, series)| series.iter().map(|(_, b)| *b).chain([*threshold]))
        .fold(1.0, f64::max)
        * 1.1;
    let thresholds: Vec<String> = lines
        .iter()
        .map(|(name, threshold, _)| {
            format!("{name} (threshold {}, dashed)", two_places(*threshold))
        })
        .collect();
    let name = format!(
        "Burn rate over each rule's long window across the {} days of the period, {} rules (thresholds to two decimals): {}",
        two_places(days),
        lines.len(),
        thresholds.join("; ")
    );
    svg(&name, |root| {
        let mut chart = day_chart(
            root,
            "Burn rate over each rule's long window",
            days,
            0.0..top,
            "burn rate",
        )?;
        for (i, (name, threshold, series)) in lines.into_iter().enumerate() {
            let color = SERIES[i % SERIES.len()];
            chart
                .draw_series(LineSeries::new(series, color.stroke_width(2)))
                .map_err(err)?
                .label(name)
                .legend(move |(x, y)| {
                    PathElement::new([(x, y), (x + 16, y)], color.stroke_width(2))
                });
            chart
                .draw_series(DashedLineSeries::new(
                    [(0.0, threshold), (days, threshold)],
                    6,
                    4,
                    color.mix(0.8).stroke_width(1),
                ))
                .map_err(err)?;
        }
        legend(&mut chart, SeriesLabelPosition::UpperRight)
    })
}
