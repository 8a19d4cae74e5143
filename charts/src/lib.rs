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
//! Each chart has an accessible name (`aria-label` and `<title>`) that says
//! what it shows in words, and its neutral and accent colours carry classes
//! (`chart-paper`, `chart-ink`, `chart-accent`, `chart-alarm`, with `-line`
//! for strokes) so the page's stylesheet can follow a dark colour scheme.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use slo_core::burn::risk::RiskRun;
use slo_core::burn::Burn;
use slo_core::model::alert_rule::Notify;

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

/// Draws into an SVG string named `name` for assistive technology; any
/// drawing error becomes its message.
fn svg(
    name: &str,
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), String>,
) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        draw(&root)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(themed(&named(out, name)))
}

/// `text` safe inside SVG text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Lets the SVG scale with its container (plotters writes a fixed width and
/// height beside its `viewBox`) and gives it its accessible name.
fn named(svg: String, name: &str) -> String {
    let name = escape(name);
    let open = svg.replacen(
        &format!("width=\"{WIDTH}\" height=\"{HEIGHT}\""),
        &format!("role=\"img\" aria-label=\"{name}\""),
        1,
    );
    match open.find('>') {
        Some(end) => format!("{}<title>{name}</title>{}", &open[..=end], &open[end + 1..]),
        None => open,
    }
}

/// The colour attributes the page's stylesheet may restyle, and their class.
const THEME: [(&str, &str); 8] = [
    ("fill=\"#FFFFFF\"", "chart-paper"),
    ("stroke=\"#FFFFFF\"", "chart-paper-line"),
    ("fill=\"#282C34\"", "chart-ink"),
    ("stroke=\"#282C34\"", "chart-ink-line"),
    ("stroke=\"#000000\"", "chart-ink-line"),
    ("fill=\"#1F5FA8\"", "chart-accent"),
    ("stroke=\"#1F5FA8\"", "chart-accent-line"),
    ("fill=\"#B2182B\"", "chart-alarm"),
];

/// Adds one `class` to every element whose colours are in [`THEME`] (text
/// is escaped by plotters, so only tags hold a `"`).
fn themed(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    for (i, piece) in svg.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
        let classes: Vec<&str> = THEME
            .iter()
            .filter(|(attribute, _)| tag.contains(attribute))
            .map(|(_, class)| *class)
            .collect();
        match tag.find(' ') {
            Some(name_end) if !classes.is_empty() && !tag.starts_with('/') => {
                out.push_str(&piece[..name_end]);
                out.push_str(&format!(" class=\"{}\"", classes.join(" ")));
                out.push_str(&piece[name_end..]);
            }
            _ => out.push_str(piece),
        }
    }
    out
}

/// `value` with at most two decimals, trailing zeros dropped ("36.5").
fn two_places(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
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
    let name = budget_chart_name(burn, days);
    svg(&name, |root| {
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
        draw_firings(root, &mut chart, burn, days)?;
        legend(&mut chart, SeriesLabelPosition::LowerLeft)
    })
}

/// The budget chart's accessible name: what it shows, in words.
fn budget_chart_name(burn: &Burn, days: f64) -> String {
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
        "Error budget remaining over the {} days of the period: {} % left at the end (simulated, two decimals); \
         {} alert firings ({pages} pages, {} tickets); {incidents} incidents and {} planned downtimes shaded",
        two_places(days),
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
    days: f64,
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
        let at = (firing.at as f64 / 86_400.0, 100.0 - firing.spent_percent);
        chart
            .draw_series([
                Circle::new(at, 5, color.filled()),
                Circle::new(at, 7, color.stroke_width(1)),
            ])
            .map_err(err)?;
        markers.push((chart.backend_coord(&at), format!(" {}", rule.name), color));
    }
    let top = chart.backend_coord(&(0.0, 100.0)).1;
    let right = chart.backend_coord(&(days, 100.0)).0;
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

/// A box on the chart, in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Spot {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
}

impl Spot {
    fn around((x, y): (i32, i32), r: i32) -> Spot {
        Spot {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        }
    }

    fn overlaps(&self, other: &Spot) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// Height of a firing's label, and of one lane of labels, pixels.
const LABEL_HEIGHT: i32 = 12;
/// Lanes of labels below the top of the plot.
const LANES: i32 = 10;

/// A label's width in pixels at 10 px sans-serif (about 6 px a character).
fn label_width(label: &str) -> i32 {
    6 * label.chars().count().min(200) as i32
}

/// Where a firing's label goes: the first lane from the top of the plot
/// (`top`) where it covers no marker and no label placed before, right of
/// its marker (left when it would leave the plot at `right`); below its
/// marker when every lane is taken.
fn place_label(
    at: (i32, i32),
    width: i32,
    top: i32,
    right: i32,
    markers: &[Spot],
    placed: &[Spot],
) -> Spot {
    let x0 = if at.0 + 4 + width > right {
        at.0 - 4 - width
    } else {
        at.0 + 4
    };
    let free = |spot: &Spot| {
        !markers
            .iter()
            .chain(placed)
            .any(|other| spot.overlaps(other))
    };
    (0..LANES)
        .map(|lane| {
            let y0 = top + 2 + lane * (LABEL_HEIGHT + 1);
            Spot {
                x0,
                y0,
                x1: x0 + width,
                y1: y0 + LABEL_HEIGHT,
            }
        })
        .find(free)
        .unwrap_or_else(|| {
            let y0 = at.1 + 10;
            Spot {
                x0,
                y0,
                x1: x0 + width,
                y1: y0 + LABEL_HEIGHT,
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_avoid_markers_and_each_other() {
        // Three firings close together near the top of the plot, where the
        // first lanes are.
        let markers = [(100, 40), (104, 52), (110, 30)];
        let spots: Vec<Spot> = markers.iter().map(|m| Spot::around(*m, 8)).collect();
        let mut placed = Vec::new();
        for at in markers {
            let spot = place_label(at, 60, 30, 700, &spots, &placed);
            assert!(
                !spots.iter().any(|m| m.overlaps(&spot)),
                "{spot:?} covers a marker"
            );
            assert!(
                !placed.iter().any(|p: &Spot| p.overlaps(&spot)),
                "{spot:?} covers a label"
            );
            placed.push(spot);
        }
    }

    #[test]
    fn a_label_near_the_right_edge_goes_left_of_its_marker() {
        let spot = place_label((690, 200), 60, 30, 700, &[], &[]);
        assert_eq!((spot.x0, spot.x1), (690 - 4 - 60, 690 - 4));
    }

    #[test]
    fn themed_adds_one_class_per_element_and_names_escape() {
        let svg = themed(
            r##"<svg><rect fill="#FFFFFF" stroke="#282C34"/><text fill="#282C34">a &lt; b</text></svg>"##,
        );
        assert_eq!(
            svg,
            r##"<svg><rect class="chart-paper chart-ink-line" fill="#FFFFFF" stroke="#282C34"/><text class="chart-ink" fill="#282C34">a &lt; b</text></svg>"##
        );
        let named = named(
            format!("<svg width=\"{WIDTH}\" height=\"{HEIGHT}\">x</svg>"),
            "a \"b\" <c>",
        );
        assert_eq!(
            named,
            "<svg role=\"img\" aria-label=\"a &quot;b&quot; &lt;c&gt;\"><title>a &quot;b&quot; &lt;c&gt;</title>x</svg>"
        );
    }
}
