//! The SLO document's facts as people read them (SRE Workbook, Appendix A):
//! one row per SLO with its budget, one per component, one per SLO and
//! alert rule. The Document page shows these rows and the Markdown export
//! writes them ([`super::markdown`]), so the two carry the same facts.

use crate::alerting::{alert_table, RuleFigures};
use crate::burn::alert_rules;
use crate::dependency::{analyze, percent_text, PERCENT_DECIMALS};
use crate::model::kind::Kind;
use crate::model::location::{every_slo, service_slos, Locate, ServiceAt, SloEntry};
use crate::model::policy::{Condition, Consequence, ErrorBudgetPolicy};
use crate::model::{Model, Sli, SliKind, Slo};
use crate::quantity::numbers::group_thousands;
use crate::quantity::window::Window;
use crate::quantity::zone::ZoneResolver;
use crate::read::slo::SloNumbers;

/// What the document shows for an empty field: `—`.
pub const DASH: &str = "—";

/// `text`, or [`DASH`] when it is blank.
pub fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        DASH.into()
    } else {
        text.to_string()
    }
}

/// The non-blank `items` joined by ", ", or [`DASH`] when there are none.
pub fn listed(items: &[String]) -> String {
    let names: Vec<&str> = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if names.is_empty() {
        DASH.into()
    } else {
        names.join(", ")
    }
}

/// One SLO's row of the document's SLI/SLO table. Every field is text as
/// shown; figures follow the calculator's rounding (allowed downtime never
/// rounded up, bad events truncated), [`DASH`] when the SLO has none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SloRow {
    /// The SLO's field path (`services[0].journeys[0].slis[0].slos[0]`).
    pub path: String,
    /// The service's name.
    pub service: String,
    /// The journey's name.
    pub journey: String,
    /// The SLI's name.
    pub sli: String,
    /// What the SLI measures ("availability", "latency <= 300 ms").
    pub sli_kind: String,
    /// What a good event is, in words.
    pub good_events: String,
    /// What a valid event is, in words.
    pub valid_events: String,
    /// The SLO's target in percent as typed ("99.95").
    pub target_percent: String,
    /// The window as typed ("28d", "month").
    pub window: String,
    /// The window's time zone (UTC when none is given).
    pub time_zone: String,
    /// The allowed downtime per window ("43m 12s").
    pub allowed_downtime: String,
    /// The allowed bad events per window ("109,897"), or [`DASH`].
    pub allowed_bad_events: String,
    /// The SLA in percent ("99.5 %"), or [`DASH`].
    pub sla: String,
}

impl SloRow {
    /// Whether the window's time zone matters: a calendar window starts at
    /// midnight in it; a rolling window's length is the same in every zone.
    pub fn zone_matters(&self) -> bool {
        !matches!(self.window.parse::<Window>(), Ok(Window::Rolling { .. }))
    }
}

/// The rows of one service's SLOs, in document order.
pub fn service_slo_rows(model: &Model, at: ServiceAt, zones: &dyn ZoneResolver) -> Vec<SloRow> {
    at.get(model)
        .map(|service| {
            service_slos(at.1, service)
                .map(|e| slo_row(&e, zones))
                .collect()
        })
        .unwrap_or_default()
}

/// The rows of every SLO of the model, in document order.
pub fn slo_rows(model: &Model, zones: &dyn ZoneResolver) -> Vec<SloRow> {
    every_slo(model).map(|e| slo_row(&e, zones)).collect()
}

fn slo_row(e: &SloEntry, zones: &dyn ZoneResolver) -> SloRow {
    let (sli, slo) = (e.sli, e.slo);
    let budget = super::slo_report(e, zones).budget;
    let sli_kind = match (&sli.kind, &sli.latency) {
        (SliKind::Latency, Some(l)) => {
            format!("latency {} {} ms", l.comparison.symbol(), l.threshold_ms)
        }
        (kind, _) => kind.label().to_string(),
    };
    let allowed_downtime = budget
        .as_ref()
        .map(|b| b.allowed_downtime.describe(|d| d.clone()))
        .unwrap_or_else(|| DASH.into());
    let allowed_bad_events = budget
        .as_ref()
        .and_then(|b| {
            b.allowed_bad_events
                .map(|e| e.describe(|n| group_thousands(&n.to_string())))
        })
        .unwrap_or_else(|| DASH.into());
    SloRow {
        path: e.at.path(),
        service: e.service.name.clone(),
        journey: e.journey.name.clone(),
        sli: sli.name.clone(),
        sli_kind,
        good_events: sli.good_events.clone(),
        valid_events: sli.valid_events.clone(),
        target_percent: slo.target.clone(),
        window: slo.window.clone(),
        time_zone: slo.time_zone_name().to_string(),
        allowed_downtime,
        allowed_bad_events,
        sla: slo.sla.as_ref().map_or(DASH.into(), |s| format!("{s} %")),
    }
}

/// One component's row (a service with no users of its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComponentRow {
    /// Its name.
    pub name: String,
    /// Its kind ("infrastructure").
    pub kind: String,
    /// Its own availability as typed, in percent ("99.99 %"), or [`DASH`].
    pub own_availability: String,
    /// What it can promise with its dependencies, in percent, rounded down
    /// to 4 decimal places, or [`DASH`] when its graph is not sound.
    pub with_dependencies: String,
    /// What it depends on, or [`DASH`].
    pub depends_on: String,
}

/// The rows of the model's components; empty when every service is user-facing.
pub fn component_rows(model: &Model) -> Vec<ComponentRow> {
    if model.services.iter().all(|s| s.kind.is_user_facing()) {
        return Vec::new();
    }
    let analysis = analyze(model);
    model
        .services
        .iter()
        .zip(&analysis.composites)
        .filter(|(s, _)| !s.kind.is_user_facing())
        .map(|(s, composite)| ComponentRow {
            name: s.name.clone(),
            kind: s.kind.name().to_string(),
            own_availability: s
                .own_availability
                .as_deref()
                .map_or(DASH.into(), |a| format!("{} %", a.trim())),
            with_dependencies: composite.as_ref().map_or(DASH.into(), |c| {
                format!(
                    "{} %",
                    percent_text(c.availability.independent, PERCENT_DECIMALS)
                )
            }),
            depends_on: listed(
                &s.dependencies
                    .iter()
                    .map(|d| d.name.clone())
                    .collect::<Vec<_>>(),
            ),
        })
        .collect()
}

/// One alert rule's row for one SLO (SRE Workbook ch. 5): the rule rescaled
/// to the SLO's period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertRow {
    /// The SLO as "service / SLO name".
    pub slo: String,
    /// The rule's name.
    pub rule: String,
    /// "page" or "ticket".
    pub notify: String,
    /// "1h and 5m" (long and short window), or the long window alone.
    pub windows: String,
    /// The burn rate it fires at, to 2 decimal places ("13.44").
    pub burn_rate: String,
    /// The error ratio it fires at, in percent to 4 places ("1.344 %").
    pub error_ratio: String,
    /// The share of the budget consumed when it fires ("2 %").
    pub budget_consumed: String,
    /// Time to fire on a full outage, from its start, or [`DASH`].
    pub detection_full_outage: String,
}

/// Every SLO's alert rows (the model's rules, rescaled to each SLO's
/// period); an SLO whose numbers cannot be read, or whose rules cannot be
/// computed, has none (validation names why).
pub fn alert_rows(model: &Model, zones: &dyn ZoneResolver) -> Vec<AlertRow> {
    let rules = alert_rules(model);
    every_slo(model)
        .flat_map(|e| {
            let slo = format!("{} / {}", e.service.name, slo_name(e.sli, e.slo));
            let table = SloNumbers::of(e.sli, e.slo, zones)
                .ok()
                .and_then(|n| alert_table(&rules, &n.target, n.period_seconds, None).ok())
                .unwrap_or_default();
            table
                .into_iter()
                .map(RuleFigures::rounded)
                .map(move |f| AlertRow {
                    slo: slo.clone(),
                    rule: f.name,
                    notify: f.notify.label().to_string(),
                    windows: match &f.short_window {
                        Some(short) => format!("{} and {short}", f.long_window),
                        None => f.long_window.clone(),
                    },
                    burn_rate: f.burn_rate.to_string(),
                    error_ratio: format!("{} %", f.error_ratio_percent),
                    budget_consumed: format!(
                        "{} %",
                        f.budget_consumed_percent.round_dp(4).normalize()
                    ),
                    detection_full_outage: f.detection_full_outage.unwrap_or_else(|| DASH.into()),
                })
        })
        .collect()
}

/// When the policy is next reviewed: its date (or [`DASH`]), and "or after
/// a priority-1 outage, whichever comes first" when it says so.
pub fn next_review(p: &ErrorBudgetPolicy) -> String {
    let date = or_dash(&p.next_review.date);
    if p.next_review.or_after_p1_outage {
        format!("{date} or after a priority-1 outage, whichever comes first")
    } else {
        date
    }
}

/// Each SLO's own rationale, for the SLOs that have one, named by service
/// and SLO ("Game API / 97 % of requests succeed"): why each target was
/// chosen (a row chosen from the trade-off table leaves its figures here),
/// then its aspirational target and the hypothesis it tests, when set.
pub fn slo_rationales(model: &Model) -> Vec<(String, String)> {
    crate::model::location::every_slo(model)
        .filter_map(|e| {
            let slo = e.slo;
            let mut why: Vec<String> = Vec::new();
            if !slo.rationale.trim().is_empty() {
                why.push(slo.rationale.trim().to_string());
            }
            if !slo.aspirational_target.trim().is_empty() {
                why.push(format!("Aspiring to {} %.", slo.aspirational_target.trim()));
            }
            if !slo.hypothesis.is_empty() {
                why.push(format!("Hypothesis: {}", slo.hypothesis.sentence()));
            }
            (!why.is_empty()).then(|| {
                (
                    format!("{} / {}", e.service.name, slo_name(e.sli, slo)),
                    why.join(" "),
                )
            })
        })
        .collect()
}

/// An SLO's name, or "SLI: target % over window" when it has none.
pub fn slo_name(sli: &Sli, slo: &Slo) -> String {
    match slo.name.trim() {
        "" => format!("{}: {} % over {}", sli.name, slo.target, slo.window),
        name => name.to_string(),
    }
}

/// A policy condition as the document states it: "description (x %) —
/// trigger" (the percent for the kinds that have one).
pub fn condition_text(c: &Condition) -> String {
    let percent = c
        .kind
        .percent()
        .map(|x| format!(" ({x} %)"))
        .unwrap_or_default();
    format!("{}{percent} — {}", c.description, c.trigger.label())
}

/// A policy consequence as the document states it: "kind. description".
pub fn consequence_text(c: &Consequence) -> String {
    format!("{}. {}", c.kind.label(), c.description)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples;
    use crate::quantity::zone::UtcOnly;

    #[test]
    fn the_workbook_example_has_its_budget_in_time_and_events() {
        let rows = slo_rows(&examples::workbook_api(), &UtcOnly);
        let first = &rows[0];
        assert_eq!(first.allowed_bad_events, "109,897");
        assert_ne!(first.allowed_downtime, DASH);
        assert_eq!(first.time_zone, "UTC");
    }

    #[test]
    fn an_slo_that_cannot_be_read_shows_dashes() {
        let mut model = examples::workbook_api();
        model.services[0].journeys[0].slis[0].slos[0].target = "abc".into();
        let row = &slo_rows(&model, &UtcOnly)[0];
        assert_eq!(
            (
                row.allowed_downtime.as_str(),
                row.allowed_bad_events.as_str()
            ),
            (DASH, DASH)
        );
        assert_eq!(row.target_percent, "abc");
    }

    #[test]
    fn alert_rules_rescale_to_each_slos_period() {
        let mut model = examples::workbook_api();
        model.alert_rules = crate::model::alert_rule::AlertRuleSpec::workbook_defaults();
        let slo = &mut model.services[0].journeys[0].slis[0].slos[0];
        slo.window = "28d".into();
        slo.target = "99.9".into();
        let rows = alert_rows(&model, &UtcOnly);
        let first = rows.iter().find(|r| r.budget_consumed == "2 %").unwrap();
        assert_eq!(first.burn_rate, "13.44");
        assert_eq!(first.notify, "page");
        assert_eq!(first.windows, "1h and 5m");
    }

    #[test]
    fn blanks_are_dashes() {
        assert_eq!(or_dash("  "), DASH);
        assert_eq!(listed(&["".into(), " a ".into(), "b".into()]), "a, b");
        assert_eq!(listed(&[]), DASH);
    }
}
