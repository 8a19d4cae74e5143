//! The stretch of the period a time chart shows (the whole period, or a
//! zoom to one event) and the unit of its x axis: days, or hours for a
//! stretch of two days or less.

use slo_core::burn::simulate::Simulation;

/// What a time chart shows: seconds from the period's start, and the unit
/// its x axis counts in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Frame {
    /// The first second shown.
    pub(crate) from: u64,
    /// The last second shown.
    pub(crate) to: u64,
    /// Seconds per unit of the x axis (86,400 for days, 3,600 for hours).
    unit: f64,
}

impl Frame {
    /// The whole period of `period_seconds`, or the stretch `zoom` (seconds
    /// from its start, clamped to the period; at least a minute).
    pub(crate) fn of(period_seconds: u64, zoom: Option<(u64, u64)>) -> Frame {
        let (from, to) = match zoom {
            Some((from, to)) => {
                let to = to
                    .min(period_seconds)
                    .max(from.saturating_add(60).min(period_seconds));
                (from.min(to.saturating_sub(1)), to)
            }
            None => (0, period_seconds),
        };
        let unit = if zoom.is_some() && to - from <= 2 * 86_400 {
            3_600.0
        } else {
            86_400.0
        };
        Frame { from, to, unit }
    }

    /// Whether this is a zoom (hours) rather than the period (days).
    pub(crate) fn in_hours(&self) -> bool {
        self.unit < 86_400.0
    }

    /// `seconds` from the period's start on the x axis.
    pub(crate) fn x(&self, seconds: f64) -> f64 {
        seconds / self.unit
    }

    /// The x axis's range.
    pub(crate) fn range(&self) -> std::ops::Range<f64> {
        self.x(self.from as f64)..self.x(self.to as f64)
    }

    /// The axis's description.
    pub(crate) fn desc(&self) -> &'static str {
        if self.in_hours() {
            "hours from the period's start"
        } else {
            "day of the period"
        }
    }

    /// Whether `seconds` from the period's start is in the frame.
    pub(crate) fn holds(&self, seconds: f64) -> bool {
        (self.from as f64..=self.to as f64).contains(&seconds)
    }

    /// The simulation's steps in the frame.
    pub(crate) fn steps(&self, sim: &Simulation) -> std::ops::Range<usize> {
        sim.steps_between(self.from, self.to)
    }

    /// "the 28 days of the period", or "hours 290.5 to 292 of the period".
    pub(crate) fn words(&self) -> String {
        if self.in_hours() {
            format!(
                "hours {} to {} of the period",
                super::two_places(self.x(self.from as f64)),
                super::two_places(self.x(self.to as f64))
            )
        } else if self.from == 0 {
            format!(
                "the {} days of the period",
                super::two_places(self.x(self.to as f64))
            )
        } else {
            format!(
                "days {} to {} of the period",
                super::two_places(self.x(self.from as f64)),
                super::two_places(self.x(self.to as f64))
            )
        }
    }
}
