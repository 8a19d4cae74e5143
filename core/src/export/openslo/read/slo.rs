//! Services, SLIs and SLOs read from OpenSLO objects.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::alerts::{duration, Rules};
use super::window::window;
use super::{object_name, Note, Notes};
use crate::export::openslo::objects::{Document, Metric, Objective, RatioMetric};
use crate::export::openslo::{key, PLACEHOLDER_SOURCE};
use crate::model::kind::Kind;
use crate::model::session::Hypothesis;
use crate::model::{
    Comparison, Counts, EventsPer, Journey, JourneyKind, LatencyThreshold, Measurement, Model,
    Priority, Service, ServiceKind, Sli, SliKind, SliQueries, Slo, Traffic,
};

pub(super) fn annotation(doc: &Document, name: &str) -> Option<String> {
    doc.metadata.annotations.get(&key(name)).cloned()
}

/// Whether slo-planner wrote the object (it has slo-planner's annotations):
/// then a missing annotation means an empty field, not "see the description".
fn ours(doc: &Document) -> bool {
    doc.metadata
        .annotations
        .keys()
        .any(|k| k.starts_with(crate::export::openslo::ANNOTATION_PREFIX))
}

/// The description, unless slo-planner wrote the object.
fn theirs(doc: &Document) -> Option<String> {
    (!ours(doc)).then(|| doc.spec.description.clone()).flatten()
}

fn display(doc: &Document) -> String {
    doc.metadata
        .display_name
        .clone()
        .unwrap_or_else(|| doc.metadata.name.clone())
}

fn choice<K: Kind>(text: Option<String>) -> Option<K> {
    let text = text?;
    K::ALL.iter().copied().find(|k| k.key() == text)
}

fn service_from(doc: &Document) -> Service {
    Service {
        name: display(doc),
        kind: choice::<ServiceKind>(annotation(doc, "service-kind")).unwrap_or_default(),
        description: annotation(doc, "description")
            .or_else(|| doc.spec.description.clone())
            .unwrap_or_default(),
        ..Service::default()
    }
}

/// One query: its source type (from the DataSource it names, if any) and text.
fn query(
    metric: &Metric,
    sources: &BTreeMap<String, String>,
    at: &str,
    n: &mut Notes<'_>,
) -> Option<(String, String)> {
    if let Some(q) = &metric.query {
        return Some((metric.source.clone().unwrap_or_default(), q.clone()));
    }
    let source = metric.metric_source.as_ref()?;
    let kind = source
        .source_type
        .clone()
        .or_else(|| {
            source
                .metric_source_ref
                .as_ref()
                .and_then(|r| sources.get(r).cloned())
        })
        .unwrap_or_default();
    let spec = source.spec.as_ref().and_then(|s| s.as_object());
    let text = spec.and_then(|s| s.get("query")).and_then(|q| q.as_str());
    if let Some(spec) = spec {
        for field in spec.keys().filter(|k| *k != "query") {
            n.add(
                &format!("{at}.metricSource.spec.{field}"),
                "only a metric source's query is kept",
            );
        }
    }
    if text.is_none() {
        n.add(
            &format!("{at}.metricSource.spec"),
            "has no query text; the SLI is read without queries",
        );
    }
    Some((kind, text?.to_string()))
}

fn queries(
    ratio: &RatioMetric,
    sources: &BTreeMap<String, String>,
    n: &mut Notes<'_>,
) -> Option<SliQueries> {
    if ratio.raw.is_some() {
        n.add(
            "spec.ratioMetric.raw",
            "a precomputed ratio is not kept; the SLI is read without queries",
        );
        return None;
    }
    let (counts, counted, at) = match (&ratio.good, &ratio.bad) {
        (Some(good), _) => (Counts::Good, good, "spec.ratioMetric.good"),
        (None, Some(bad)) => (Counts::Bad, bad, "spec.ratioMetric.bad"),
        (None, None) => return None,
    };
    let (source, counted) = query(counted, sources, at, n)?;
    let (_, total) = query(ratio.total.as_ref()?, sources, "spec.ratioMetric.total", n)?;
    (source != PLACEHOLDER_SOURCE).then(|| SliQueries {
        source,
        counter: ratio.counter.unwrap_or(true),
        counts,
        counted,
        total,
    })
}

/// The journey an SLI belongs to (name, kind, description) and the SLI.
fn sli_from(
    doc: &Document,
    ratio: Option<&RatioMetric>,
    sources: &BTreeMap<String, String>,
    n: &mut Notes<'_>,
) -> ((Option<String>, Journey), Sli) {
    let get = |name: &str| annotation(doc, name);
    if doc.spec.threshold_metric.is_some() {
        n.add(
            "spec.thresholdMetric",
            "a threshold metric is not kept; the SLI is read without queries",
        );
    }
    // The journey's words; its name is found or given by `journey_for`.
    let journey = (
        get("journey"),
        Journey {
            kind: choice::<JourneyKind>(get("journey-kind")).unwrap_or_default(),
            description: get("journey-description").unwrap_or_default(),
            happy_moment: get("journey-happy-moment").unwrap_or_default(),
            rank: get("journey-rank").unwrap_or_default(),
            start_here: get("journey-start-here").as_deref() == Some("true"),
            ..Journey::default()
        },
    );
    let sli = Sli {
        name: display(doc),
        kind: choice::<SliKind>(get("kind")).unwrap_or_default(),
        good_events: get("good-events")
            .or_else(|| theirs(doc))
            .unwrap_or_default(),
        valid_events: get("valid-events").unwrap_or_default(),
        bad_responses: get("bad-responses"),
        latency: get("latency-threshold-ms").map(|threshold_ms| LatencyThreshold {
            threshold_ms,
            comparison: choice::<Comparison>(get("latency-comparison")).unwrap_or_default(),
        }),
        measurement: Measurement::RequestBased,
        time_slice: get("time-slice").unwrap_or_default(),
        measured_at: get("measured-at").unwrap_or_default(),
        traffic: get("traffic-valid-events").map(|valid_events| Traffic {
            valid_events,
            per: choice::<EventsPer>(get("traffic-per")).unwrap_or_default(),
        }),
        queries: ratio.and_then(|r| queries(r, sources, n)),
        slos: Vec::new(),
    };
    (journey, sli)
}

/// A target as a fraction ("0.9995") in percent ("99.95"); the text as
/// written when it is not a number.
fn percent(fraction: &str, n: &mut Notes<'_>, at: &str) -> String {
    match fraction
        .trim()
        .parse::<Decimal>()
        .ok()
        .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED))
    {
        Some(p) => p.normalize().to_string(),
        None => {
            n.add(at, format!("\"{fraction}\" is not a number; kept as typed"));
            fraction.to_string()
        }
    }
}

/// The fields of an SLO its objectives share: slo-planner's annotations
/// (what OpenSLO has no field for) and the window read.
fn slo_fields(doc: &Document, window: String, time_zone: String) -> Slo {
    let get = |name: &str| annotation(doc, name);
    Slo {
        window,
        time_zone,
        sla: get("sla"),
        historical: get("historical"),
        priority: choice::<Priority>(get("priority")),
        rationale: get("rationale")
            .or_else(|| doc.spec.description.clone())
            .unwrap_or_default(),
        default_slo: get("default-slo").as_deref() == Some("true"),
        aspirational_target: get("aspirational-target").unwrap_or_default(),
        hypothesis: Hypothesis {
            believe: get("hypothesis-believe").unwrap_or_default(),
            result: get("hypothesis-result").unwrap_or_default(),
            signal: get("hypothesis-signal").unwrap_or_default(),
        },
        ..Slo::default()
    }
}

/// The SLOs of one SLO object: one per objective.
pub(super) fn slos_from(
    doc: &Document,
    n: &mut Notes<'_>,
) -> (Vec<Slo>, Measurement, Option<String>) {
    let (window, time_zone) = window(doc, n);
    let base = slo_fields(doc, window, time_zone);
    let method = doc
        .spec
        .budgeting_method
        .as_deref()
        .unwrap_or("Occurrences");
    let measurement = match method {
        "Occurrences" => Measurement::RequestBased,
        "Timeslices" => Measurement::TimeSliceBased,
        other => {
            n.add(
                "spec.budgetingMethod",
                format!("{other} read as Timeslices"),
            );
            Measurement::TimeSliceBased
        }
    };
    let objectives = doc.spec.objectives.clone().unwrap_or_default();
    if objectives.is_empty() {
        n.add(
            "spec.objectives",
            "missing; the SLO is read without a target",
        );
    }
    let mut slice = None;
    let slos = objectives
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let at = format!("spec.objectives[{i}]");
            if i > 0 {
                n.add(&at, "read as another SLO of the same SLI");
            }
            objective_notes(o, &at, measurement, n);
            if let Some(w) = &o.time_slice_window {
                slice =
                    duration(w).or_else(|| w.trim().parse::<u64>().ok().map(|m| format!("{m}m")));
            }
            let target = match (&o.target, &o.target_percent) {
                (Some(t), _) => percent(&t.0, n, &format!("{at}.target")),
                (None, Some(p)) => p.0.clone(),
                (None, None) => {
                    n.add(&at, "has no target");
                    String::new()
                }
            };
            Slo {
                name: o
                    .display_name
                    .clone()
                    .or_else(|| {
                        (i == 0)
                            .then(|| doc.metadata.display_name.clone())
                            .flatten()
                    })
                    .unwrap_or_default(),
                target,
                ..base.clone()
            }
        })
        .collect();
    (slos, measurement, slice)
}

fn objective_notes(o: &Objective, at: &str, measurement: Measurement, n: &mut Notes<'_>) {
    if o.op.is_some() || o.value.is_some() {
        n.add(
            &format!("{at}.op"),
            "a threshold objective (op, value) is not kept",
        );
    }
    if o.indicator.is_some() || o.indicator_ref.is_some() || o.composite_weight.is_some() {
        n.add(
            at,
            "a composite objective's own indicator and weight are not kept",
        );
    }
    if let (Some(slice), Some(target)) = (&o.time_slice_target, &o.target) {
        if measurement == Measurement::TimeSliceBased
            && slice.0.trim().parse::<Decimal>().ok() != target.0.trim().parse::<Decimal>().ok()
        {
            n.add(
                &format!("{at}.timeSliceTarget"),
                format!(
                    "{} is not kept: a slice is good or bad as the SLI's words say",
                    slice.0
                ),
            );
        }
    }
}

/// Where an SLI object's SLOs go: the service, and the SLI read from it.
pub(super) struct SliRead {
    pub journey: (Option<String>, Journey),
    pub sli: Sli,
}

/// Reads an SLI object (or an SLO's inline or v1alpha indicator).
pub(super) fn read_sli(
    doc: &Document,
    v1alpha: Option<&RatioMetric>,
    sources: &BTreeMap<String, String>,
    notes: &mut Vec<Note>,
) -> SliRead {
    let mut n = Notes {
        object: object_name(doc),
        list: notes,
    };
    let ratio = doc.spec.ratio_metric.as_ref().or(v1alpha);
    let (journey, sli) = sli_from(doc, ratio, sources, &mut n);
    SliRead { journey, sli }
}

/// A Service object as a service.
pub(super) fn read_service(doc: &Document) -> Service {
    service_from(doc)
}

/// A journey for an SLI in `service`, found or added.
pub(super) fn journey_for(service: &mut Service, journey: &(Option<String>, Journey)) -> usize {
    let name = journey.0.clone().unwrap_or_else(|| service.name.clone());
    if let Some(i) = service.journeys.iter().position(|j| j.name == name) {
        return i;
    }
    service.journeys.push(Journey {
        name,
        ..journey.1.clone()
    });
    service.journeys.len() - 1
}

/// Every Service, SLI and SLO of the file into `model`.
pub(super) fn read_services_and_slos(
    objects: &BTreeMap<String, Vec<Document>>,
    model: &mut Model,
    rules: &Rules,
    notes: &mut Vec<Note>,
) {
    super::assemble::assemble(objects, model, rules, notes)
}
