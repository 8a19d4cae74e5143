//! # slo-charts
//!
//! SVG charts of a burn scenario, drawn with plotters' SVG backend (which
//! escapes every text it writes, so rule and event names are safe):
//! - [`budget_chart`]: budget remaining over the period, incidents shaded,
//!   alert firings marked;
//! - [`burn_rate_chart`]: each rule's long-window burn rate against its threshold;
//! - [`risk_chart`]: the Monte Carlo histogram of budget left at period end;
//! - [`tradeoff_chart`]: chance of meeting and release-freeze days a quarter
//!   for each candidate target of the trade-off table.
//!
//! Sizes are in pixels; the SVG scales with its container (`viewBox`).
//! Each chart has an accessible name (`aria-label` and `<title>`) that says
//! what it shows in words, and its neutral and accent colours carry classes
//! (`chart-paper`, `chart-ink`, `chart-accent`, `chart-alarm`, with `-line`
//! for strokes) so the page's stylesheet can follow a dark colour scheme.

mod budget;
mod burn_rate;
mod frame;
mod labels;
mod risk;
mod tradeoff;

pub use budget::{budget_chart, budget_chart_in};
pub use burn_rate::{burn_rate_chart, burn_rate_chart_in};
pub use risk::risk_chart;
pub use tradeoff::tradeoff_chart;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

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

/// How many decimals an axis over `span` needs for its labels (about ten,
/// a tenth of the span apart) to be distinct numbers: none from a span of
/// 10 up, one below it, two below 1 ("0 0.1 … 1", not "0 0 0 1 1").
fn decimals_for(span: f64) -> usize {
    let step = span.abs() / 10.0;
    if !step.is_finite() || step >= 1.0 || step <= 0.0 {
        return 0;
    }
    (-step.log10()).ceil().clamp(0.0, 6.0) as usize
}

/// A chart over the days of the period: caption, axes, labels and grid.
type DayChart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

fn day_chart<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, Shift>,
    caption: &str,
    frame: &frame::Frame,
    y: std::ops::Range<f64>,
    y_desc: &str,
) -> Result<DayChart<'a, 'b>, String> {
    let y_decimals = decimals_for(y.end - y.start);
    let x = frame.range();
    let x_decimals = decimals_for(x.end - x.start);
    let mut chart = ChartBuilder::on(root)
        .caption(caption, text(16))
        .margin(12)
        .x_label_area_size(32)
        .y_label_area_size(48)
        .build_cartesian_2d(x, y)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc(frame.desc())
        .y_desc(y_desc)
        .x_label_formatter(&|d| format!("{d:.0$}", x_decimals, d = d))
        .y_label_formatter(&|v| format!("{v:.0$}", y_decimals, v = v))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_labels_have_the_decimals_their_span_needs() {
        assert_eq!(decimals_for(30.0), 0);
        assert_eq!(decimals_for(10.0), 0);
        assert_eq!(decimals_for(2.0), 1);
        assert_eq!(decimals_for(1.2), 1);
        assert_eq!(decimals_for(0.5), 2);
        assert_eq!(decimals_for(0.0), 0);
        assert_eq!(decimals_for(f64::NAN), 0);
        // Ten labels a tenth of the span apart are distinct at that precision.
        for span in [0.3, 1.0, 1.5, 4.0, 28.0, 1000.0] {
            let d = decimals_for(span);
            let labels: Vec<String> = (0..=10)
                .map(|i| format!("{:.*}", d, span * i as f64 / 10.0))
                .collect();
            let mut distinct = labels.clone();
            distinct.dedup();
            assert_eq!(distinct.len(), labels.len(), "{span}: {labels:?}");
        }
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
