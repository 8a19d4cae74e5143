//! An SLI as an OpenSLO `SLI`: its queries as a `ratioMetric`, its words
//! and journey as annotations.

use super::{annotations, description, doc};
use crate::export::openslo::objects::{text, Document, Metric, MetricSource, RatioMetric, Spec};
use crate::export::openslo::PLACEHOLDER_SOURCE;
use crate::model::kind::Kind;
use crate::model::{Counts, Journey, Service, Sli};

fn metric(source: &str, query: &str) -> Metric {
    Metric {
        metric_source: Some(MetricSource {
            source_type: Some(text(source)),
            spec: Some(serde_json::json!({ "query": text(query) })),
            ..MetricSource::default()
        }),
        ..Metric::default()
    }
}

pub(super) fn sli_doc(service: &Service, journey: &Journey, sli: &Sli, name: String) -> Document {
    let mut notes = sli_annotations(journey, sli);
    let words = format!(
        "{}: a good event is {}; a valid event is {}.",
        service.name.trim(),
        sli.good_events.trim(),
        sli.valid_events.trim()
    );
    let description = description(&words, &mut notes, "description");
    let ratio = match &sli.queries {
        Some(q) => {
            let counted = Some(metric(&q.source, &q.counted));
            RatioMetric {
                counter: Some(q.counter),
                good: (q.counts == Counts::Good)
                    .then(|| counted.clone())
                    .flatten(),
                bad: (q.counts == Counts::Bad).then_some(counted).flatten(),
                total: Some(metric(&q.source, &q.total)),
                ..RatioMetric::default()
            }
        }
        None => RatioMetric {
            counter: Some(true),
            good: Some(metric(
                PLACEHOLDER_SOURCE,
                "write the query that counts good events",
            )),
            total: Some(metric(
                PLACEHOLDER_SOURCE,
                "write the query that counts valid events",
            )),
            ..RatioMetric::default()
        },
    };
    doc(
        "SLI",
        name,
        &sli.name,
        notes,
        Spec {
            description,
            ratio_metric: Some(ratio),
            ..Spec::default()
        },
    )
}

/// What OpenSLO has no field for: the journey and the SLI's words.
fn sli_annotations(journey: &Journey, sli: &Sli) -> std::collections::BTreeMap<String, String> {
    annotations([
        ("journey", journey.name.clone()),
        ("journey-kind", journey.kind.key().to_string()),
        ("journey-description", journey.description.clone()),
        ("journey-happy-moment", journey.happy_moment.clone()),
        ("journey-rank", journey.rank.clone()),
        (
            "journey-start-here",
            if journey.start_here {
                "true".into()
            } else {
                String::new()
            },
        ),
        ("kind", sli.kind.key().to_string()),
        ("good-events", sli.good_events.clone()),
        ("valid-events", sli.valid_events.clone()),
        (
            "bad-responses",
            sli.bad_responses.clone().unwrap_or_default(),
        ),
        (
            "latency-threshold-ms",
            sli.latency
                .as_ref()
                .map(|l| l.threshold_ms.clone())
                .unwrap_or_default(),
        ),
        (
            "latency-comparison",
            sli.latency
                .as_ref()
                .map(|l| l.comparison.key().to_string())
                .unwrap_or_default(),
        ),
        ("measured-at", sli.measured_at.clone()),
        ("time-slice", sli.time_slice.clone()),
        (
            "traffic-valid-events",
            sli.traffic
                .as_ref()
                .map(|t| t.valid_events.clone())
                .unwrap_or_default(),
        ),
        (
            "traffic-per",
            sli.traffic
                .as_ref()
                .map(|t| t.per.key().to_string())
                .unwrap_or_default(),
        ),
    ])
}
