//! The burn-rate chart: each rule's long-window burn rate against its threshold.

use super::*;
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use slo_core::burn::Burn;

/// A rule's name, threshold and burn-rate series (days, burn rate).
type RuleLine = (String, f64, Vec<(f64, f64)>);

/// Each rule's burn rate over its long window, in days, with its threshold dashed.
pub fn burn_rate_chart(burn: &Burn) -> Result<String, String> {
    burn_rate_chart_in(burn, None)
}

/// [`burn_rate_chart`] over `zoom` only (seconds from the period's start,
/// in hours when it is two days or less): an event's own stretch.
pub fn burn_rate_chart_in(burn: &Burn, zoom: Option<(u64, u64)>) -> Result<String, String> {
    let sim = &burn.simulation;
    let period = sim.spec.period_seconds;
    let frame = frame::Frame::of(period, zoom);
    let steps = frame.steps(sim);
    let lines: Vec<RuleLine> = burn
        .rules
        .iter()
        .map(|rule| {
            let window = rule.long_window.whole_seconds_up();
            let series = sim
                .burn_series_in(window, steps.clone(), POINTS)
                .into_iter()
                .map(|(h, b)| (frame.x(h * 3600.0), b))
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
        "Burn rate over each rule's long window across {}, {} rules (thresholds to two decimals): {}",
        frame.words(),
        lines.len(),
        thresholds.join("; ")
    );
    svg(&name, |root| {
        let mut chart = day_chart(
            root,
            "Burn rate over each rule's long window",
            &frame,
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
                    [
                        (frame.range().start, threshold),
                        (frame.range().end, threshold),
                    ],
                    6,
                    4,
                    color.mix(0.8).stroke_width(1),
                ))
                .map_err(err)?;
        }
        legend(&mut chart, SeriesLabelPosition::UpperRight)
    })
}
