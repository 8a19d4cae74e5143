//! Puts the objects together: each SLO under its service and SLI, each SLI
//! in its journey; SLIs no SLO uses and references to missing objects are
//! named in notes.

use std::collections::{BTreeMap, BTreeSet};

use super::alerts::Rules;
use super::slo::{journey_for, read_service, read_sli, slos_from};
use super::{object_name, Note, Notes};
use crate::export::openslo::objects::{Document, Metadata};
use crate::model::{Model, Service};

/// Where an SLI object went: (service, journey, SLI).
type Placed = (usize, usize, usize);

fn service_index(
    model: &mut Model,
    names: &mut BTreeMap<String, usize>,
    reference: Option<&str>,
    n: &mut Notes<'_>,
) -> usize {
    let name = reference.unwrap_or_default().to_string();
    if let Some(i) = names.get(&name) {
        return *i;
    }
    if name.is_empty() {
        n.add(
            "spec.service",
            "missing; the SLO is put in a service named \"Service\"",
        );
    } else {
        n.add(
            "spec.service",
            format!("no Service \"{name}\" in the file; one is added"),
        );
    }
    model.services.push(Service {
        name: if name.is_empty() {
            "Service".into()
        } else {
            name.clone()
        },
        ..Service::default()
    });
    names.insert(name, model.services.len() - 1);
    model.services.len() - 1
}

/// What is known while the objects are put together.
struct Assembly<'d> {
    /// A DataSource's name to its type.
    sources: BTreeMap<String, String>,
    /// A Service object's name to its service.
    service_names: BTreeMap<String, usize>,
    /// The SLI objects by name.
    slis: BTreeMap<String, &'d Document>,
    /// Where each (service, SLI object) went.
    placed: BTreeMap<(usize, String), Placed>,
    /// Per rule, the SLOs (by position) whose policies use it.
    rule_uses: BTreeMap<usize, BTreeSet<usize>>,
}

impl<'d> Assembly<'d> {
    /// Notes each SLO's policy references, and which rules it uses.
    fn policies(&mut self, slo: &Document, position: usize, rules: &Rules, n: &mut Notes<'_>) {
        for (i, reference) in slo.spec.alert_policies.iter().flatten().enumerate() {
            let at = format!("spec.alertPolicies[{i}]");
            match &reference.alert_policy_ref {
                Some(name) => match rules.by_policy.get(name) {
                    Some(rule) => {
                        self.rule_uses.entry(*rule).or_default().insert(position);
                    }
                    None => n.add(&at, format!("no AlertPolicy \"{name}\" read from the file")),
                },
                None => n.add(
                    &at,
                    "an inline alert policy is not kept; write it as an AlertPolicy object",
                ),
            }
        }
    }

    /// The SLI an SLO measures, placed in its service on first use.
    fn sli(
        &mut self,
        model: &mut Model,
        slo: &'d Document,
        s: usize,
        notes: &mut Vec<Note>,
    ) -> Placed {
        let inline = slo.spec.indicator.as_deref();
        let name = slo
            .spec
            .indicator_ref
            .clone()
            .or_else(|| inline.map(|d| d.metadata.name.clone()))
            .unwrap_or_else(|| slo.metadata.name.clone());
        if let Some(at) = self.placed.get(&(s, name.clone())) {
            return *at;
        }
        let v1alpha = slo
            .spec
            .objectives
            .iter()
            .flatten()
            .find_map(|o| o.ratio_metrics.as_ref());
        let named;
        let doc = match (self.slis.get(&name), inline) {
            (Some(doc), _) => *doc,
            (None, Some(doc)) => doc,
            (None, None) => {
                if v1alpha.is_none() {
                    Notes {
                        object: object_name(slo),
                        list: notes,
                    }
                    .add(
                        "spec.indicatorRef",
                        format!("no SLI \"{name}\" in the file; an SLI without queries is added"),
                    );
                }
                named = Document {
                    kind: "SLI".into(),
                    metadata: Metadata {
                        name: name.clone(),
                        ..Metadata::default()
                    },
                    ..Document::default()
                };
                &named
            }
        };
        let read = read_sli(doc, v1alpha, &self.sources, notes);
        let service = &mut model.services[s];
        let j = journey_for(service, &read.journey);
        service.journeys[j].slis.push(read.sli);
        let at = (s, j, service.journeys[j].slis.len() - 1);
        self.placed.insert((s, name), at);
        at
    }
}

/// Every Service, SLI and SLO of the file into `model`.
pub(super) fn assemble(
    objects: &BTreeMap<String, Vec<Document>>,
    model: &mut Model,
    rules: &Rules,
    notes: &mut Vec<Note>,
) {
    let docs = |kind: &str| objects.get(kind).map(Vec::as_slice).unwrap_or_default();
    let mut assembly = Assembly {
        sources: data_sources(docs("DataSource"), notes),
        service_names: BTreeMap::new(),
        slis: docs("SLI")
            .iter()
            .map(|d| (d.metadata.name.clone(), d))
            .collect(),
        placed: BTreeMap::new(),
        rule_uses: BTreeMap::new(),
    };
    for doc in docs("Service") {
        model.services.push(read_service(doc));
        assembly
            .service_names
            .insert(doc.metadata.name.clone(), model.services.len() - 1);
    }
    for (position, slo) in docs("SLO").iter().enumerate() {
        let mut n = Notes {
            object: object_name(slo),
            list: notes,
        };
        let s = service_index(
            model,
            &mut assembly.service_names,
            slo.spec.service.as_deref(),
            &mut n,
        );
        let (slos, measurement, slice) = slos_from(slo, &mut n);
        assembly.policies(slo, position, rules, &mut n);
        let (s, j, i) = assembly.sli(model, slo, s, notes);
        let sli = &mut model.services[s].journeys[j].slis[i];
        if !sli.slos.is_empty() && sli.measurement != measurement {
            Notes {
                object: object_name(slo),
                list: notes,
            }
            .add(
                "spec.budgetingMethod",
                "differs from another SLO of the same SLI; the SLI keeps the first",
            );
        } else {
            sli.measurement = measurement;
            if let Some(slice) = slice {
                sli.time_slice = slice;
            }
        }
        sli.slos.extend(slos);
    }
    unused(objects, &assembly, rules, notes);
}

/// Each DataSource's type; its connection details are noted as not kept.
fn data_sources(docs: &[Document], notes: &mut Vec<Note>) -> BTreeMap<String, String> {
    for d in docs.iter().filter(|d| d.spec.connection_details.is_some()) {
        Notes {
            object: object_name(d),
            list: notes,
        }
        .add(
            "spec.connectionDetails",
            "connection details are not kept (only the source's type)",
        );
    }
    docs.iter()
        .map(|d| {
            (
                d.metadata.name.clone(),
                d.spec.source_type.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// Notes for SLIs no SLO uses, and for policies only some SLOs use.
fn unused(
    objects: &BTreeMap<String, Vec<Document>>,
    assembly: &Assembly<'_>,
    rules: &Rules,
    notes: &mut Vec<Note>,
) {
    let docs = |kind: &str| objects.get(kind).map(Vec::as_slice).unwrap_or_default();
    for doc in docs("SLI") {
        if !assembly
            .placed
            .keys()
            .any(|(_, name)| *name == doc.metadata.name)
        {
            Notes { object: object_name(doc), list: notes }.add(
                "",
                "used by no SLO; not kept (an SLI of slo-planner belongs to a service through its SLOs)",
            );
        }
    }
    let slo_count = docs("SLO").len();
    for doc in docs("AlertPolicy") {
        let Some(rule) = rules.by_policy.get(&doc.metadata.name) else {
            continue;
        };
        let uses = assembly.rule_uses.get(rule).map_or(0, |u| u.len());
        if uses < slo_count {
            Notes { object: object_name(doc), list: notes }.add(
                "",
                format!("used by {uses} of {slo_count} SLOs; slo-planner's alert rules apply to every SLO"),
            );
        }
    }
}
