//! What a simulation says, each a difference of two prefix sums: the budget
//! spent by a step or between two steps, the burn rate over a window, the
//! first time a share was spent, the downtime and time to restore, and the
//! series the charts draw; and the depletion speeds of incidents (ESF ch. 11).

use crate::burn::simulate::*;
use crate::read::scenario::PlannedKind;

impl Simulation {
    /// Number of steps in the period.
    pub fn steps(&self) -> usize {
        self.cum_bad.len() - 1
    }

    /// Seconds from the period's start at the end of step `i`.
    pub fn time_at(&self, i: usize) -> u64 {
        ((i as u64 + 1) * self.step).min(self.spec.period_seconds)
    }

    /// Budget spent by the end of step `i`, in percent.
    pub fn spent_percent(&self, i: usize) -> f64 {
        100.0 * self.cum_bad[(i + 1).min(self.steps())] / self.budget
    }

    /// Budget spent in steps `from..to`, in percent of the period's budget.
    pub fn spent_between(&self, from: usize, to: usize) -> f64 {
        let to = to.min(self.steps());
        100.0 * (self.cum_bad[to] - self.cum_bad[from.min(to)]) / self.budget
    }

    /// The step containing second `t`.
    pub fn step_of(&self, t: u64) -> usize {
        ((t / self.step) as usize).min(self.steps().saturating_sub(1))
    }

    /// Burn rate over the `window_steps` steps ending with step `i`: the
    /// window's error ratio over `1 - SLO` (SRE Workbook ch. 5). The window is
    /// cut at the period's start; zero where it has no valid units.
    pub fn burn_rate(&self, i: usize, window_steps: usize) -> f64 {
        let end = (i + 1).min(self.steps());
        let start = end.saturating_sub(window_steps);
        let valid = self.cum_valid[end] - self.cum_valid[start];
        if valid <= 0.0 {
            return 0.0;
        }
        (self.cum_bad[end] - self.cum_bad[start]) / valid / self.allowed_ratio
    }

    /// The first step at or after `from` with bad units; `None` if none is
    /// left (a binary search of the prefix sums).
    pub fn next_bad_step(&self, from: usize) -> Option<usize> {
        let before = *self.cum_bad.get(from)?;
        let end = self.cum_bad.partition_point(|sum| *sum <= before);
        (end <= self.steps()).then(|| end - 1)
    }

    /// Whether the `window_steps` steps ending with step `i` have no bad units.
    pub fn clean_window(&self, i: usize, window_steps: usize) -> bool {
        let end = (i + 1).min(self.steps());
        self.cum_bad[end] == self.cum_bad[end.saturating_sub(window_steps)]
    }

    /// Steps in `seconds`, at least one.
    pub fn steps_in(&self, seconds: u64) -> usize {
        (seconds.div_ceil(self.step) as usize).max(1)
    }

    /// When the budget ran out, in seconds from the period's start; `None` if it lasted.
    pub fn exhausted_at(&self) -> Option<u64> {
        self.first_spent(100.0)
    }

    /// When `percent` of the budget had been spent, seconds from the start.
    pub fn first_spent(&self, percent: f64) -> Option<u64> {
        let needed = percent / 100.0 * self.budget;
        let i = self.cum_bad[1..].partition_point(|spent| *spent < needed);
        (i < self.steps()).then(|| self.time_at(i))
    }

    /// The steps an event spends budget in: from its start to its end, plus
    /// one time slice for a time-slice SLI (its last slice closes after it).
    pub fn event_steps(&self, index: usize) -> std::ops::Range<usize> {
        let event = &self.plan.events[index];
        let tail = self.spec.time_slice.unwrap_or(0);
        let first = (event.start / self.step) as usize;
        let last = (event.end() + tail)
            .div_ceil(self.step)
            .min(self.steps() as u64) as usize;
        first.min(last)..last
    }

    /// Budget spent in step `i` beyond the background errors, in percent.
    pub fn excess_percent(&self, i: usize) -> f64 {
        let bad = self.cum_bad[i + 1] - self.cum_bad[i];
        let background = self.cum_background[i + 1] - self.cum_background[i];
        100.0 * (bad - background).max(0.0) / self.budget
    }

    /// The budget left at the end of the period, in percent; negative is debt.
    pub fn budget_left_percent(&self) -> f64 {
        100.0 - self.spent_percent(self.steps().saturating_sub(1))
    }

    /// The incidents' mean time to restore, seconds (planned downtime is not an incident).
    pub fn mttr_seconds(&self) -> Option<f64> {
        let incidents: Vec<u64> = self
            .plan
            .events
            .iter()
            .filter(|e| e.kind.is_incident())
            .map(|e| e.duration)
            .collect();
        (!incidents.is_empty())
            .then(|| incidents.iter().sum::<u64>() as f64 / incidents.len() as f64)
    }

    /// Total time with an incident or planned downtime under way (overlaps
    /// counted once, cut at the period's end), seconds.
    pub fn downtime_seconds(&self) -> u64 {
        let mut spans: Vec<(u64, u64)> = self
            .plan
            .events
            .iter()
            .map(|e| (e.start, e.end().min(self.spec.period_seconds)))
            .filter(|(s, e)| e > s)
            .collect();
        spans.sort_unstable();
        let (mut total, mut reach) = (0, 0);
        for (start, end) in spans {
            let from = start.max(reach);
            if end > from {
                total += end - from;
            }
            reach = reach.max(end);
        }
        total
    }

    /// The incidents' depletion speeds (planned downtime left out): see [`depletion`].
    pub fn depletion(&self) -> Depletion {
        let speeds: Vec<(f64, f64)> = self
            .events
            .iter()
            .filter(|o| self.plan.events[o.index].kind != PlannedKind::PlannedDowntime)
            .map(|o| {
                (
                    o.spent_percent,
                    self.plan.events[o.index].duration as f64 / 3600.0,
                )
            })
            .collect();
        depletion(&speeds)
    }

    /// Budget remaining (percent) at no more than `points` evenly spread
    /// times, as (hours from the start, percent), starting at (0, 100).
    pub fn remaining_series(&self, points: usize) -> Vec<(f64, f64)> {
        self.remaining_series_in(0..self.steps(), points)
    }

    /// The steps from `from` to `to` seconds after the period's start (at
    /// least one, within the period): the stretch a zoomed chart shows.
    pub fn steps_between(&self, from: u64, to: u64) -> std::ops::Range<usize> {
        let last = (to.div_ceil(self.step) as usize).clamp(1, self.steps().max(1));
        let first = ((from / self.step) as usize).min(last - 1);
        first..last
    }

    /// [`Simulation::remaining_series`] over `steps` only (a zoom), from the
    /// budget left as they start.
    pub fn remaining_series_in(
        &self,
        steps: std::ops::Range<usize>,
        points: usize,
    ) -> Vec<(f64, f64)> {
        let steps = steps.start..steps.end.min(self.steps());
        let stride = steps.len().div_ceil(points.max(1)).max(1);
        let mut series = vec![match steps.start {
            0 => (0.0, 100.0),
            s => (
                self.time_at(s - 1) as f64 / 3600.0,
                100.0 - self.spent_percent(s - 1),
            ),
        }];
        let mut i = steps.start + stride - 1;
        while i < steps.end {
            series.push((
                self.time_at(i) as f64 / 3600.0,
                100.0 - self.spent_percent(i),
            ));
            i += stride;
        }
        if !steps.is_empty() && !steps.len().is_multiple_of(stride) {
            let last = steps.end - 1;
            series.push((
                self.time_at(last) as f64 / 3600.0,
                100.0 - self.spent_percent(last),
            ));
        }
        series
    }

    /// The burn rate over `window` seconds at no more than `points` times, as
    /// (hours from the start, highest burn rate within each stretch).
    pub fn burn_series(&self, window: u64, points: usize) -> Vec<(f64, f64)> {
        self.burn_series_in(window, 0..self.steps(), points)
    }

    /// [`Simulation::burn_series`] over `steps` only (a zoom).
    pub fn burn_series_in(
        &self,
        window: u64,
        steps: std::ops::Range<usize>,
        points: usize,
    ) -> Vec<(f64, f64)> {
        let window_steps = self.steps_in(window);
        let end = steps.end.min(self.steps());
        let stride = (end.saturating_sub(steps.start))
            .div_ceil(points.max(1))
            .max(1);
        (steps.start..end)
            .step_by(stride)
            .map(|from| {
                let to = (from + stride).min(end);
                let peak = (from..to)
                    .map(|i| self.burn_rate(i, window_steps))
                    .fold(0.0, f64::max);
                (self.time_at(to - 1) as f64 / 3600.0, peak)
            })
            .collect()
    }
}

/// Depletion speeds of a set of incidents (ESF ch. 11): each `spent / hours`
/// in percent of the budget per hour, their average and the highest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Depletion {
    /// Per incident, percent per hour.
    pub speeds: Vec<f64>,
    /// Their mean, percent per hour; `None` without incidents.
    pub average: Option<f64>,
    /// The highest, percent per hour.
    pub highest: Option<f64>,
}

/// Depletion speeds of incidents given as (percent of budget spent, hours).
///
/// ```
/// let d = slo_core::burn::spend::depletion(&[(70.0, 52.0), (50.0, 26.0), (25.0, 70.0)]);
/// assert_eq!(format!("{:.1}", d.average.unwrap()), "1.2");
/// assert_eq!(format!("{:.1}", d.highest.unwrap()), "1.9");
/// ```
pub fn depletion(incidents: &[(f64, f64)]) -> Depletion {
    let speeds: Vec<f64> = incidents
        .iter()
        .map(|(spent, hours)| if *hours > 0.0 { spent / hours } else { 0.0 })
        .collect();
    let average = (!speeds.is_empty()).then(|| speeds.iter().sum::<f64>() / speeds.len() as f64);
    let highest = speeds.iter().copied().reduce(f64::max);
    Depletion {
        speeds,
        average,
        highest,
    }
}
