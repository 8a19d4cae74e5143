//! The budget chart: budget remaining over the period, incidents shaded,
//! firings marked and labelled.

use super::*;
use crate::frame::Frame;
use crate::labels::{label_width, place_label, Spot};
use plotters::coord::Shift;
use plotters::prelude::*;
use slo_core::burn::Burn;
use slo_core::model::alert_rule::Notify;

/// Budget remaining (percent) over the period in days; incidents shaded
/// (planned downtime grey), firings marked (pages red, tickets amber).
pub fn budget_chart(burn: &Burn) -> Result<String, String> {
    budget_chart_in(burn, None)
}

/// [`budget_chart`] over `zoom` only (seconds from the period's start, in
/// hours when it is two days or less): an event's own stretch.
pub fn budget_chart_in(burn: &Burn, zoom: Option<(u64, u64)>) -> Result<String, String> {
    let sim = &burn.simulation;
    let frame = Frame::of(sim.spec.period_seconds, zoom);
    let series: Vec<(f64, f64)> = sim
        .remaining_series_in(frame.steps(sim), POINTS)
        .into_iter()
        .map(|(h, p)| (frame.x(h * 3600.0), p))
        .collect();
    let low = series.iter().map(|(_, p)| *p).fold(0.0, f64::min).floor();
    let low = if low < 0.0 {
        (low / 10.0).floor() * 10.0
    } else {
        0.0
    };
    let name = budget_chart_name(burn, &frame);
    svg(&name, |root| {
        let mut chart = day_chart(
            root,
            "Error budget remaining",
            &frame,
            low..100.0,
            "budget left (%)",
        )?;
        for event in &sim.plan.events {
            let color = if event.kind.is_incident() {
                INCIDENT
            } else {
                PLANNED
            };
            // Within the frame, at least a 400th of it wide, to be seen.
            let x = frame.range();
            let (from, to) = (frame.x(event.start as f64), frame.x(event.end() as f64));
            if to < x.start || from > x.end {
                continue;
            }
            let from = from.max(x.start);
            let to = to.max(from + (x.end - x.start) / 400.0).min(x.end);
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
                [(frame.range().start, 0.0), (frame.range().end, 0.0)],
                INK.mix(0.5).stroke_width(1),
            ))
            .map_err(err)?;
        chart
            .draw_series(LineSeries::new(series, BUDGET.stroke_width(2)))
            .map_err(err)?
            .label("budget left")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], BUDGET.stroke_width(2)));
        draw_firings(root, &mut chart, burn, &frame)?;
        legend(&mut chart, SeriesLabelPosition::LowerLeft)
    })
}

/// The budget chart's accessible name: what it shows, in words.
fn budget_chart_name(burn: &Burn, frame: &Frame) -> String {
    let sim = &burn.simulation;
    let incidents = sim
        .plan
        .events
        .iter()
        .filter(|e| e.kind.is_incident())
        .count();
    let pages = burn
        .alerts
        .firings
        .iter()
        .filter(|f| {
            burn.rules
                .get(f.rule)
                .is_some_and(|r| r.notify == Notify::Page)
        })
        .count();
    format!(
        "Error budget remaining over {}: {} % left at the end of the period (simulated, two decimals); \
         {} alert firings ({pages} pages, {} tickets); {incidents} incidents and {} planned downtimes shaded",
        frame.words(),
        two_places(sim.budget_left_percent()),
        burn.alerts.firings.len(),
        burn.alerts.firings.len() - pages,
        sim.plan.events.len() - incidents,
    )
}

/// Marks each firing on the budget line (pages red, tickets amber) and
/// labels it with its rule's name where the label covers no marker and no
/// other label ([`place_label`]).
fn draw_firings<'a, 'b: 'a>(
    root: &DrawingArea<SVGBackend<'b>, Shift>,
    chart: &mut DayChart<'a, 'b>,
    burn: &Burn,
    frame: &Frame,
) -> Result<(), String> {
    let mut markers = Vec::new();
    for firing in &burn.alerts.firings {
        let Some(rule) = burn.rules.get(firing.rule) else {
            continue;
        };
        let color = if rule.notify == Notify::Page {
            PAGE
        } else {
            TICKET
        };
        if !frame.holds(firing.at as f64) {
            continue;
        }
        let at = (frame.x(firing.at as f64), 100.0 - firing.spent_percent);
        chart
            .draw_series([
                Circle::new(at, 5, color.filled()),
                Circle::new(at, 7, color.stroke_width(1)),
            ])
            .map_err(err)?;
        markers.push((chart.backend_coord(&at), format!(" {}", rule.name), color));
    }
    let top = chart.backend_coord(&(0.0, 100.0)).1;
    let right = chart.backend_coord(&(frame.range().end, 100.0)).0;
    let spots: Vec<Spot> = markers
        .iter()
        .map(|(at, _, _)| Spot::around(*at, 8))
        .collect();
    let mut placed: Vec<Spot> = Vec::new();
    for ((at, label, color), own) in markers.into_iter().zip(&spots) {
        let spot = place_label(at, label_width(&label), top, right, &spots, &placed);
        let (to_y, from_y) = if spot.y0 > own.y1 {
            (spot.y0, own.y1)
        } else {
            (spot.y1, own.y0)
        };
        root.draw(&PathElement::new(
            [(at.0, from_y), (at.0, to_y)],
            color.mix(0.5).stroke_width(1),
        ))
        .map_err(err)?;
        root.draw(&Text::new(
            label,
            (spot.x0, spot.y0),
            text(10).color(&color),
        ))
        .map_err(err)?;
        placed.push(spot);
    }
    Ok(())
}
