//! Alert rules evaluated on a [`Simulation`]: when each rule fires and
//! resets, the budget spent at each firing, and incidents that spent budget
//! without any alert (SRE Workbook ch. 5; ESF Table 9.10 for snooze).
//!
//! A rule is evaluated every `evaluation_interval`; it holds when the burn
//! rate over the long window (and the short one, if any) is at least its
//! threshold. It fires when it starts to hold, and again while it keeps
//! holding once the snooze has passed (a rule without snooze fires once per
//! stretch); it resets at the first evaluation where it no longer holds. A
//! rule with an alert-after time fires only once its condition has held that
//! long (Prometheus `for`).

use rust_decimal::prelude::ToPrimitive;

use crate::burn::simulate::Simulation;
use crate::read::alert_rule::AlertRule;

/// One firing of a rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Firing {
    /// Index of the rule.
    pub rule: usize,
    /// Seconds from the period's start.
    pub at: u64,
    /// When the rule stopped holding, seconds; `None` if it held to the end.
    pub reset_at: Option<u64>,
    /// Budget spent in the period when it fired, percent.
    pub spent_percent: f64,
}

/// The alerts of a scenario.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AlertRun {
    /// Every firing, in time order.
    pub firings: Vec<Firing>,
    /// Incidents (by index in the plan) that spent budget while no rule fired
    /// between their start and one evaluation interval after their end.
    pub unalerted: Vec<usize>,
}

/// Evaluates `rules` on `simulation`.
pub fn run_alerts(simulation: &Simulation, rules: &[AlertRule]) -> AlertRun {
    let period = simulation.spec.period_seconds;
    let mut firings = Vec::new();
    for (r, rule) in rules.iter().enumerate() {
        let threshold = rule
            .burn_rate(period)
            .and_then(|b| b.to_f64())
            .unwrap_or(f64::INFINITY);
        let long = simulation.steps_in(rule.long_window.whole_seconds_up());
        let short = rule
            .short_window
            .map(|w| simulation.steps_in(w.whole_seconds_up()));
        let interval = simulation.steps_in(rule.evaluation_interval.whole_seconds_up());
        let snooze = rule.snooze.whole_seconds_up();
        let after = rule.alert_after.whole_seconds_up();
        let holds = |i: usize| {
            simulation.burn_rate(i, long) >= threshold
                && short.is_none_or(|s| simulation.burn_rate(i, s) >= threshold)
        };
        // When the condition started to hold, and whether this stretch has fired.
        let mut since: Option<u64> = None;
        let mut fired_in_stretch = false;
        let mut last_fired: Option<u64> = None;
        // This rule's firings not reset yet, by index in `firings`.
        let mut open: Vec<usize> = Vec::new();
        let mut i = interval - 1;
        while i < simulation.steps() {
            // Outside a stretch, a window without bad units cannot hold: go
            // on to the first evaluation whose window holds the next bad step.
            if since.is_none() && threshold > 0.0 && simulation.clean_window(i, long) {
                match simulation.next_bad_step(i + 1) {
                    Some(bad) => i += (bad - i).div_ceil(interval) * interval,
                    None => break,
                }
                continue;
            }
            let at = simulation.time_at(i);
            if holds(i) {
                let ready = at >= since.get_or_insert(at).saturating_add(after);
                let quiet = last_fired.is_some_and(|t| at < t.saturating_add(snooze));
                if ready && !quiet && (!fired_in_stretch || snooze > 0) {
                    open.push(firings.len());
                    firings.push(Firing {
                        rule: r,
                        at,
                        reset_at: None,
                        spent_percent: simulation.spent_percent(i),
                    });
                    last_fired = Some(at);
                    fired_in_stretch = true;
                }
            } else if since.take().is_some() {
                fired_in_stretch = false;
                for f in open.drain(..) {
                    firings[f].reset_at = Some(at);
                }
            }
            i += interval;
        }
    }
    firings.sort_by_key(|f| (f.at, f.rule));
    let unalerted = unalerted(simulation, rules, &firings);
    AlertRun { firings, unalerted }
}

/// The incidents that spent budget with no firing between their start and
/// one evaluation interval (and the rule's delay) after their end;
/// `firings` in time order. Each incident looks only at the firings from
/// its start to its end plus the longest grace.
fn unalerted(simulation: &Simulation, rules: &[AlertRule], firings: &[Firing]) -> Vec<usize> {
    let grace: Vec<u64> = rules
        .iter()
        .map(|rule| {
            rule.evaluation_interval
                .whole_seconds_up()
                .saturating_add(rule.alert_after.whole_seconds_up())
        })
        .collect();
    let longest = grace.iter().copied().max().unwrap_or(0);
    simulation
        .events
        .iter()
        .filter(|o| o.spent_percent > 0.0 && simulation.plan.events[o.index].kind.is_incident())
        .filter(|o| {
            let event = &simulation.plan.events[o.index];
            let first = firings.partition_point(|f| f.at < event.start);
            !firings[first..]
                .iter()
                .take_while(|f| f.at <= event.end().saturating_add(longest))
                .any(|f| f.at <= event.end().saturating_add(grace[f.rule]))
        })
        .map(|o| o.index)
        .collect()
}
