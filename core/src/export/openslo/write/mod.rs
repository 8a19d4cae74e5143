//! The model as OpenSLO v1: one YAML file, a document per object.
//!
//! - a `Service` per service;
//! - an `SLI` per SLI: a `ratioMetric` of its queries (`good` or `bad` over
//!   `total`), or a metric source of type [`PLACEHOLDER_SOURCE`] when it has
//!   none;
//! - an `SLO` per SLO: `objectives[0].target` as a fraction, `timeWindow`
//!   rolling (`28d`) or calendar (`1M` with `calendar.startTime` and
//!   `timeZone`), `budgetingMethod` `Occurrences` or `Timeslices` (with
//!   `timeSliceTarget` and `timeSliceWindow`);
//! - an `AlertNotificationTarget` per notification (page, ticket), and per
//!   SLO and alert rule an `AlertCondition` (`kind: burnrate`, the rule's
//!   burn rate rescaled to the SLO's period, its long window as
//!   `lookbackWindow`, `alertAfter`) with the `AlertPolicy` that uses it.
//!
//! What OpenSLO has no field for (the SLI's words, the journey, a rule's
//! short window and evaluation interval, the window exactly as typed) is
//! kept in `metadata.annotations` under `slo-planner/`, so that
//! [`super::read`] gets the model back.

mod alert;
mod sli;
mod slo;

pub use slo::{shorthand, time_window};

use std::collections::BTreeMap;

use super::objects::{finish, text, Document, Metadata, Spec};
use super::{key, V1};
use crate::burn::alert_rules;
use crate::export::names::DistinctLabels;
use crate::export::{comment, Skipped};
use crate::model::kind::Kind;
use crate::model::location::{Locate, SloAt};
use crate::model::Model;
use crate::quantity::zone::ZoneResolver;
use crate::read::slo::SloNumbers;
use crate::report::document::slo_name;
use sli::sli_doc;
use slo::{SloNames, Writer};

/// The most characters OpenSLO allows in a `description`.
pub const DESCRIPTION_MAX: usize = 1050;

/// What [`openslo_yaml`] wrote, and what it left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenSloExport {
    /// The YAML: one document per object, `---` between them.
    pub yaml: String,
    /// SLOs and alert rules that OpenSLO cannot hold, with why.
    pub skipped: Vec<Skipped>,
}

fn doc(
    kind: &str,
    name: String,
    display: &str,
    annotations: BTreeMap<String, String>,
    spec: Spec,
) -> Document {
    Document {
        api_version: V1.into(),
        kind: kind.into(),
        metadata: Metadata {
            name,
            display_name: (!display.trim().is_empty()).then(|| text(display)),
            labels: None,
            annotations,
        },
        spec,
    }
}

/// Annotations from pairs, the empty ones left out.
fn annotations<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> BTreeMap<String, String> {
    pairs
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (key(k), text(&v)))
        .collect()
}

/// A description of at most [`DESCRIPTION_MAX`] characters; the whole text
/// goes to an annotation when it is cut.
fn description(full: &str, notes: &mut BTreeMap<String, String>, name: &str) -> Option<String> {
    if full.trim().is_empty() {
        return None;
    }
    if full.chars().count() <= DESCRIPTION_MAX {
        return Some(text(full));
    }
    notes.insert(key(name), text(full));
    Some(text(&format!(
        "{}…",
        full.chars().take(DESCRIPTION_MAX - 1).collect::<String>()
    )))
}

/// The model as OpenSLO v1 YAML (see the module's notes). SLOs whose
/// numbers cannot be read, and rules OpenSLO cannot hold, are
/// [`OpenSloExport::skipped`] with why, and named in the file's header.
pub fn openslo_yaml(model: &Model, zones: &dyn ZoneResolver) -> OpenSloExport {
    let mut writer = Writer {
        rules: alert_rules(model),
        alert_names: DistinctLabels::default(),
        skipped: Vec::new(),
        zones,
    };
    let (mut service_names, mut sli_names, mut slo_names) = (
        DistinctLabels::default(),
        DistinctLabels::default(),
        DistinctLabels::default(),
    );
    let (mut services, mut slis, mut slos, mut alerts) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (s, service) in model.services.iter().enumerate() {
        let service_name = service_names.label(&service.name, "service");
        let mut notes = annotations([("service-kind", service.kind.key().to_string())]);
        let description = description(&service.description, &mut notes, "description");
        services.push(doc(
            "Service",
            service_name.clone(),
            &service.name,
            notes,
            Spec {
                description,
                ..Spec::default()
            },
        ));
        for (j, journey) in service.journeys.iter().enumerate() {
            for (i, sli) in journey.slis.iter().enumerate() {
                let sli_name = sli_names.label(&format!("{} {}", service.name, sli.name), "sli");
                slis.push(sli_doc(service, journey, sli, sli_name.clone()));
                for (k, slo) in sli.slos.iter().enumerate() {
                    let title = format!("{} / {}", service.name, slo_name(sli, slo));
                    let path = SloAt::new(s, j, i, k).path();
                    let numbers = match SloNumbers::of(sli, slo, writer.zones) {
                        Ok(numbers) => numbers,
                        Err(e) => {
                            writer.skipped.push(Skipped {
                                title,
                                path,
                                why: format!("its numbers cannot be read ({e})"),
                            });
                            continue;
                        }
                    };
                    let names = SloNames {
                        name: slo_names.label(&title, "slo"),
                        service: &service_name,
                        indicator: &sli_name,
                        title,
                        path,
                    };
                    let objects = writer.slo_objects(slo, sli, &numbers, names);
                    slos.push(objects.slo);
                    alerts.extend(objects.alerts);
                }
            }
        }
    }
    let targets = notification_targets(&alerts);
    let docs: Vec<Document> = services
        .into_iter()
        .chain(slis)
        .chain(slos)
        .chain(targets)
        .chain(alerts)
        .collect();
    OpenSloExport {
        yaml: written(&model.team.name, &docs, &writer.skipped),
        skipped: writer.skipped,
    }
}

/// The YAML of `docs`, after a header naming what was left out.
fn written(team: &str, docs: &[Document], skipped: &[Skipped]) -> String {
    let mut header = vec![format!(
        "OpenSLO v1 for the SLOs of {team}, written by slo-planner."
    )];
    if !skipped.is_empty() {
        header.push("Not exported:".into());
        header.extend(skipped.iter().map(|s| format!("  {}: {}", s.title, s.why)));
    }
    let body = serde_saphyr::to_string_multiple(docs).unwrap_or_default();
    format!("{}{}", comment(&header), finish(&body))
}

/// An `AlertNotificationTarget` for each severity the policies notify.
fn notification_targets(alerts: &[Document]) -> Vec<Document> {
    crate::model::alert_rule::Notify::ALL
        .iter()
        .filter(|n| {
            alerts
                .iter()
                .any(|d| d.spec.severity.as_deref() == Some(n.key()))
        })
        .map(|n| {
            let words = match n {
                crate::model::alert_rule::Notify::Page => "Wakes someone up",
                crate::model::alert_rule::Notify::Ticket => "Waits for working hours",
            };
            doc(
                "AlertNotificationTarget",
                n.key().into(),
                n.label(),
                BTreeMap::new(),
                Spec {
                    description: Some(words.into()),
                    target: Some(n.key().into()),
                    ..Spec::default()
                },
            )
        })
        .collect()
}
