//! An SLO as an OpenSLO `SLO`: its target as a fraction, its window, its
//! budgeting method, and per rule an alert policy.

use rust_decimal::Decimal;

use super::alert::rule_objects;
use super::{annotations, description, doc};
use crate::export::names::DistinctLabels;
use crate::export::openslo::objects::{
    text, Calendar, Document, Exact, Objective, Reference, Spec, TimeWindow,
};
use crate::export::Skipped;
use crate::model::kind::Kind;
use crate::model::{Measurement, Sli, Slo};
use crate::quantity::calendar::CalendarPeriod;
use crate::quantity::duration::ExactDuration;
use crate::quantity::window::Window;
use crate::quantity::zone::ZoneResolver;
use crate::read::alert_rule::AlertRule;
use crate::read::slo::SloNumbers;

/// A duration in OpenSLO's shorthand (whole days, hours or minutes).
pub fn shorthand(duration: &ExactDuration) -> Option<String> {
    let seconds = duration.seconds();
    if seconds.fract() != Decimal::ZERO || seconds <= Decimal::ZERO {
        return None;
    }
    let whole = duration.whole_seconds_up();
    [(86_400, "d"), (3_600, "h"), (60, "m")]
        .into_iter()
        .find(|(size, _)| whole.is_multiple_of(*size))
        .map(|(size, unit)| format!("{}{unit}", whole / size))
}

/// The time window of an SLO's window.
pub fn time_window(window: &Window, zone: &str) -> TimeWindow {
    let calendar = |duration: &str, start: String| TimeWindow {
        duration: Some(duration.into()),
        is_rolling: Some(false),
        calendar: Some(Calendar {
            start_time: Some(start),
            time_zone: Some(zone.into()),
        }),
        ..TimeWindow::default()
    };
    // A Monday, the first day of a month, a quarter and a year.
    const ANY_START: &str = "2024-01-01 00:00:00";
    match window {
        Window::Rolling { .. } => TimeWindow {
            duration: Some(window.to_string()),
            is_rolling: Some(true),
            ..TimeWindow::default()
        },
        Window::Calendar(period) => {
            let duration = match period {
                CalendarPeriod::Week { .. } | CalendarPeriod::EveryWeek => "1w",
                CalendarPeriod::Month { .. } | CalendarPeriod::EveryMonth => "1M",
                CalendarPeriod::Quarter { .. } | CalendarPeriod::EveryQuarter => "1Q",
                CalendarPeriod::Year { .. } | CalendarPeriod::EveryYear => "1Y",
            };
            let start = period
                .dates()
                .map(|(first, _)| format!("{} 00:00:00", first.format("%Y-%m-%d")))
                .unwrap_or_else(|| ANY_START.into());
            calendar(duration, start)
        }
    }
}

/// The objects of one SLO: the SLO and, per rule, its condition and policy.
pub(super) struct SloObjects {
    pub slo: Document,
    pub alerts: Vec<Document>,
}

/// The names an SLO's objects refer to, and how the SLO is named in notes.
pub(super) struct SloNames<'a> {
    /// The SLO object's name.
    pub name: String,
    /// The Service object's name.
    pub service: &'a str,
    /// The SLI object's name.
    pub indicator: &'a str,
    /// "service / SLO name", for what is skipped.
    pub title: String,
    /// The SLO's path in the model.
    pub path: String,
}

/// What every SLO's objects share: the rules, the names handed out, and
/// what was skipped.
pub(super) struct Writer<'m> {
    pub rules: Vec<AlertRule>,
    pub alert_names: DistinctLabels,
    pub skipped: Vec<Skipped>,
    pub zones: &'m dyn ZoneResolver,
}

impl Writer<'_> {
    pub(super) fn slo_objects(
        &mut self,
        slo: &Slo,
        sli: &Sli,
        numbers: &SloNumbers,
        names: SloNames<'_>,
    ) -> SloObjects {
        let SloNames {
            name,
            service,
            indicator,
            title,
            path,
        } = names;
        let skipped = &mut self.skipped;
        let window: Window = slo.window.parse().unwrap_or(Window::Rolling {
            amount: 28,
            unit: crate::quantity::window::RollingUnit::Days,
        });
        let mut notes = slo_annotations(slo);
        let description = description(&slo.rationale, &mut notes, "rationale");
        let fraction = Exact(numbers.target.fraction().normalize().to_string());
        let time_slices = sli.measurement == Measurement::TimeSliceBased;
        let slice_window = numbers
            .time_slice
            .map(ExactDuration::from_whole_seconds)
            .and_then(|d| shorthand(&d));
        if time_slices && slice_window.is_none() {
            skipped.push(Skipped {
            title: title.clone(),
            path: path.clone(),
            why: format!("its time slice ({}) is not whole minutes, which OpenSLO's timeSliceWindow cannot hold; kept as an annotation", sli.time_slice),
        });
        }
        if let Some(history) = &slo.history {
            skipped.push(Skipped {
                title: title.clone(),
                path: format!("{path}.history"),
                why: history_left_out(history),
            });
        }
        let objective = Objective {
            display_name: (!slo.name.trim().is_empty()).then(|| text(&slo.name)),
            target: Some(fraction.clone()),
            time_slice_target: time_slices.then_some(fraction),
            time_slice_window: if time_slices { slice_window } else { None },
            ..Objective::default()
        };
        let (policies, alerts) = self.alerts(&name, numbers, &title, &path);
        let spec = Spec {
            description,
            service: Some(service.into()),
            indicator_ref: Some(indicator.into()),
            time_window: Some(vec![time_window(&window, slo.time_zone_name())]),
            budgeting_method: Some(
                if time_slices {
                    "Timeslices"
                } else {
                    "Occurrences"
                }
                .into(),
            ),
            objectives: Some(vec![objective]),
            alert_policies: (!policies.is_empty()).then_some(policies),
            ..Spec::default()
        };
        SloObjects {
            slo: doc("SLO", name, &slo.name, notes, spec),
            alerts,
        }
    }

    /// Per rule, the SLO's alert condition and policy, and the references to the policies.
    fn alerts(
        &mut self,
        name: &str,
        numbers: &SloNumbers,
        title: &str,
        path: &str,
    ) -> (Vec<Reference>, Vec<Document>) {
        let mut alerts = Vec::new();
        let mut policies = Vec::new();
        for rule in &self.rules {
            let alert_name = self
                .alert_names
                .label(&format!("{name} {}", rule.name), "alert");
            match rule_objects(rule, alert_name, numbers) {
                Ok((condition, policy)) => {
                    policies.push(Reference {
                        alert_policy_ref: Some(policy.metadata.name.clone()),
                        ..Reference::default()
                    });
                    alerts.push(condition);
                    alerts.push(policy);
                }
                Err(why) => self.skipped.push(Skipped {
                    title: title.into(),
                    path: path.into(),
                    why,
                }),
            }
        }
        (policies, alerts)
    }
}

/// Why an SLO's history is not in the OpenSLO file: "its history (12
/// incidents as pasted, 3 candidates, an edited risk model) …".
fn history_left_out(history: &crate::model::history::SloHistory) -> String {
    let lines = history
        .incidents
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    let mut parts = vec![format!("{} lines of incidents", lines)];
    if !history.candidates.is_empty() {
        parts.push(format!("{} candidate targets", history.candidates.len()));
    }
    if history.risk.is_some() {
        parts.push("an edited risk model".into());
    }
    format!(
        "its history for the trade-off table ({}) has no place in OpenSLO; it stays in slo-planner's JSON",
        parts.join(", ")
    )
}

/// What OpenSLO has no field for: the window and time zone as typed, the
/// SLA, the historical best, the priority, the default-SLO flag, the
/// aspirational target and the hypothesis.
fn slo_annotations(slo: &Slo) -> std::collections::BTreeMap<String, String> {
    annotations([
        ("window", slo.window.clone()),
        ("time-zone", slo.time_zone.clone()),
        ("sla", slo.sla.clone().unwrap_or_default()),
        ("historical", slo.historical.clone().unwrap_or_default()),
        (
            "priority",
            slo.priority
                .map(|p| p.key().to_string())
                .unwrap_or_default(),
        ),
        (
            "default-slo",
            if slo.default_slo {
                "true".into()
            } else {
                String::new()
            },
        ),
        ("aspirational-target", slo.aspirational_target.clone()),
        ("hypothesis-believe", slo.hypothesis.believe.clone()),
        ("hypothesis-result", slo.hypothesis.result.clone()),
        ("hypothesis-signal", slo.hypothesis.signal.clone()),
    ])
}
