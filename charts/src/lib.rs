//! # slo-charts
//!
//! SVG charts of a burn scenario, drawn with plotters' SVG backend (which
//! escapes every text it writes, so rule and event names are safe):
//! - [`budget_chart`]: budget remaining over the period, incidents shaded,
//!   alert firings marked;
//! - [`burn_rate_chart`]: each rule's long-window burn rate against its threshold;
//! - [`risk_chart`]: the Monte Carlo histogram of budget left at period end.
//!
//! Sizes are in pixels; the SVG scales with its container (`viewBox`).

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use slo_core::alert::Notify;
use slo_core::burn::Burn;
use slo_core::risk::RiskRun;

/// Chart width, pixels.
pub const WIDTH: u32 = 760;
/// Chart height, pixels.
pub const HEIGHT: u32 = 300;
/// Points drawn per line.
const POINTS: usize = 600;

const INK: RGBColor = RGBColor(40, 44, 52);
const BUDGET: RGBColor = RGBColor(31, 95, 168);
const INCIDENT: RGBColor = RGBColor(214, 96, 77);
const PLANNED: RGBColor = RGBColor(150, 150, 150);
const PAGE: RGBColor = RGBColor(178, 24, 43);
const TICKET: RGBColor = RGBColor(191, 129, 45);
const SERIES: [RGBColor; 5] = [
    RGBColor(31, 95, 168),
    RGBColor(27, 120, 55),
    RGBColor(118, 42, 131),
    RGBColor(191, 129, 45),
    RGBColor(1, 102, 94),
];

fn text(size: u32) -> TextStyle<'static> {
    ("sans-serif", size).into_font().color(&INK)
}

/// Draws into an SVG string; any drawing error becomes its message.
fn svg(
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), String>,
) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        draw(&root)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(with_view_box(out))
}

/// Lets the SVG scale with its container (plotters writes a fixed width and
/// height beside its `viewBox`).
fn with_view_box(svg: String) -> String {
    svg.replacen(
        &format!("width=\"{WIDTH}\" height=\"{HEIGHT}\""),
        "role=\"img\"",
        1,
    )
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// A chart over the days of the period: caption, axes, labels and grid.
type DayChart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

fn day_chart<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, Shift>,
    caption: &str,
    days: f64,
    y: std::ops::Range<f64>,
    y_desc: &str,
) -> Result<DayChart<'a, 'b>, String> {
    let mut chart = ChartBuilder::on(root)
        .caption(caption, text(16))
        .margin(12)
        .x_label_area_size(32)
        .y_label_area_size(48)
        .build_cartesian_2d(0.0..days, y)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc("day of the period")
        .y_desc(y_desc)
        .x_label_formatter(&|d| format!("{d:.0}"))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .axis_desc_style(text(12))
        .label_style(text(11))
        .light_line_style(WHITE)
        .draw()
        .map_err(err)?;
    Ok(chart)
}

/// Draws the legend of `chart` at `position`.
fn legend<'a, 'b: 'a>(
    chart: &mut DayChart<'a, 'b>,
    position: SeriesLabelPosition,
) -> Result<(), String> {
    chart
        .configure_series_labels()
        .position(position)
        .label_font(text(11))
        .background_style(WHITE.mix(0.85))
        .border_style(INK.mix(0.3))
        .draw()
        .map_err(err)
}

/// Budget remaining (percent) over the period in days; incidents shaded
/// (planned downtime grey), firings marked (pages red, tickets amber).
pub fn budget_chart(burn: &Burn) -> Result<String, String> {
    let sim = &burn.simulation;
    let days = sim.spec.period_seconds as f64 / 86_400.0;
    let series: Vec<(f64, f64)> = sim
        .remaining_series(POINTS)
        .into_iter()
        .map(|(h, p)| (h / 24.0, p))
        .collect();
    let low = series.iter().map(|(_, p)| *p).fold(0.0, f64::min).floor();
    let low = if low < 0.0 {
        (low / 10.0).floor() * 10.0
    } else {
        0.0
    };
    svg(|root| {
        let mut chart = day_chart(
            root,
            "Error budget remaining",
            days,
            low..100.0,
            "budget left (%)",
        )?;
        for event in &sim.plan.events {
            let color = if event.kind.is_incident() {
                INCIDENT
            } else {
                PLANNED
            };
            let (from, to) = (event.start as f64 / 86_400.0, event.end() as f64 / 86_400.0);
            let to = to.max(from + days / 400.0).min(days);
            chart
                .draw_series([Rectangle::new(
                    [(from, low), (to, 100.0)],
                    color.mix(0.25).filled(),
                )])
                .map_err(err)?
                .label(event.name.as_str())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 16, y + 5)], color.mix(0.4).filled())
                });
        }
        chart
            .draw_series(LineSeries::new(
                [(0.0, 0.0), (days, 0.0)],
                INK.mix(0.5).stroke_width(1),
            ))
            .map_err(err)?;
        chart
            .draw_series(LineSeries::new(series, BUDGET.stroke_width(2)))
            .map_err(err)?
            .label("budget left")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], BUDGET.stroke_width(2)));
        for firing in &burn.alerts.firings {
            let rule = &burn.rules[firing.rule];
            let color = if rule.notify == Notify::Page {
                PAGE
            } else {
                TICKET
            };
            let x = firing.at as f64 / 86_400.0;
            let y = 100.0 - firing.spent_percent;
            let label_y = 100.0 - (100.0 - low) * 0.07 * (firing.rule as f64 + 1.0);
            chart
                .draw_series([
                    Circle::new((x, y), 5, color.filled()),
                    Circle::new((x, y), 7, color.stroke_width(1)),
                ])
                .map_err(err)?;
            chart
                .draw_series([PathElement::new(
                    [(x, y), (x, label_y)],
                    color.mix(0.5).stroke_width(1),
                )])
                .map_err(err)?;
            chart
                .draw_series([Text::new(
                    format!(" {}", rule.name),
                    (x, label_y),
                    text(10).color(&color),
                )])
                .map_err(err)?;
        }
        legend(&mut chart, SeriesLabelPosition::LowerLeft)
    })
}

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
    svg(|root| {
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
    svg(|root| {
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
