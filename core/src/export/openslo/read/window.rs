//! An SLO's compliance period read from OpenSLO: the window as slo-planner
//! wrote it (when the file still has that window), or OpenSLO's rolling or
//! calendar window in slo-planner's syntax.

use super::slo::annotation;
use super::Notes;
use crate::export::openslo::key;
use crate::export::openslo::objects::{Document, TimeWindow};
use crate::quantity::zone::DEFAULT_ZONE;

/// An SLO's window in slo-planner's syntax, and its time zone.
pub(super) fn window(doc: &Document, n: &mut Notes<'_>) -> (String, String) {
    let (windows, field) = match (&doc.spec.time_window, &doc.spec.time_windows) {
        (Some(w), _) => (w.as_slice(), "spec.timeWindow"),
        (None, Some(w)) => (w.as_slice(), "spec.timeWindows"),
        (None, None) => (&[][..], "spec.timeWindow"),
    };
    for i in 1..windows.len() {
        n.add(&format!("{field}[{i}]"), "an SLO has one window; not kept");
    }
    let written = windows
        .first()
        .and_then(|w| w.calendar.as_ref())
        .and_then(|c| c.time_zone.clone());
    // slo-planner's annotation holds the zone as typed; the file's own field wins when they differ.
    let typed = annotation(doc, "time-zone").unwrap_or_default();
    let effective = |z: &str| match z.trim() {
        "" => DEFAULT_ZONE.to_string(),
        z => z.to_string(),
    };
    let zone = match written {
        Some(w) if effective(&w) != effective(&typed) => {
            if w.trim() == DEFAULT_ZONE {
                String::new()
            } else {
                w
            }
        }
        _ => typed,
    };
    let Some(first) = windows.first() else {
        n.add(field, "missing; read as 28d");
        return ("28d".into(), zone);
    };
    // The window as typed, when it is the window the file has.
    if let Some(exact) = annotation(doc, "window") {
        if let Ok(parsed) = exact.parse::<crate::quantity::window::Window>() {
            let again = crate::export::openslo::write::time_window(&parsed, "");
            if again.duration == first.duration
                && again.is_rolling.unwrap_or(false)
                    == first.is_rolling.unwrap_or(first.calendar.is_none())
            {
                return (exact, zone);
            }
        }
        n.add(
            &format!("metadata.annotations.{}", key("window")),
            "differs from the time window; the time window is read",
        );
    }
    (window_text(first, &format!("{field}[0]"), n), zone)
}

fn window_text(w: &TimeWindow, at: &str, n: &mut Notes<'_>) -> String {
    // v1 "28d" / "1M"; v1alpha count 28, unit Day.
    let (count, unit) = match (&w.duration, &w.count, &w.unit) {
        (Some(d), _, _) => {
            let split = d.find(|c: char| !c.is_ascii_digit()).unwrap_or(d.len());
            (
                d[..split].parse::<u64>().unwrap_or(0),
                d[split..].to_string(),
            )
        }
        (None, Some(c), Some(u)) => {
            let unit = match u.as_str() {
                "Minute" => "m",
                "Hour" => "h",
                "Day" => "d",
                "Week" => "w",
                "Month" => "M",
                "Quarter" => "Q",
                "Year" => "Y",
                _ => "?",
            };
            (c.trim().parse::<u64>().unwrap_or(0), unit.to_string())
        }
        _ => (0, String::new()),
    };
    let calendar = w.calendar.is_some() && w.is_rolling != Some(true);
    let period = match unit.as_str() {
        "w" => "week",
        "M" => "month",
        "Q" => "quarter",
        "Y" => "year",
        _ => "",
    };
    if calendar && count == 1 && !period.is_empty() {
        return period.into();
    }
    let days = match unit.as_str() {
        "M" => Some(30),
        "Q" => Some(90),
        "Y" => Some(365),
        _ => None,
    };
    let text = match days {
        Some(d) => format!("{}d", count * d),
        None if count > 0 && matches!(unit.as_str(), "m" | "h" | "d" | "w") => {
            format!("{count}{unit}")
        }
        None => {
            n.add(at, "not a window slo-planner reads; read as 28d");
            return "28d".into();
        }
    };
    if calendar {
        n.add(at, format!("read as a rolling window of {text} (slo-planner's calendar windows are one week, month, quarter or year)"));
    } else if days.is_some() {
        n.add(
            at,
            format!("read as {text}: a rolling month, quarter or year is 30, 90 or 365 days"),
        );
    }
    text
}
