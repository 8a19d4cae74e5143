//! A model at workshop scale: many services, each with two journeys of two
//! SLIs of two SLOs, and three dependencies: hard on the next service (in
//! chains of ten, so the graph has depth but no cycle), soft on the one
//! after, and external ones for the rest. With 50
//! services it has 400 SLOs and about 5,900 fields: what the speed targets
//! of the workshop are measured on.

use super::{external, s, workbook_api};
use crate::model::document::Status;
use crate::model::{
    Comparison, Coupling, Dependency, DependencySource, EventsPer, Journey, JourneyKind,
    LatencyThreshold, Measurement, Model, Priority, Service, Sli, SliKind, Slo, Traffic,
};

/// A draft model of `services` services named "Service 1" to "Service n",
/// with the Workbook example's policy, document and alert rules, and its
/// burn scenario on the first SLO.
///
/// ```
/// use slo_core::{examples, model::location::every_slo};
/// let model = examples::workshop_scale(50);
/// assert_eq!(model.services.len(), 50);
/// assert_eq!(every_slo(&model).count(), 400);
/// ```
pub fn workshop_scale(services: usize) -> Model {
    let mut model = workbook_api();
    let scenario = model.services[0].journeys[0].slis[0].slos[0]
        .scenarios
        .clone();
    model.team.name = s("Platform at workshop scale");
    model.document.status = Status::Draft;
    model.services = (0..services).map(|i| service(i, services)).collect();
    if let Some(first) = model
        .services
        .first_mut()
        .and_then(|service| service.journeys.first_mut())
        .and_then(|journey| journey.slis.first_mut())
        .and_then(|sli| sli.slos.first_mut())
    {
        first.scenarios = scenario;
    }
    model
}

fn service(i: usize, count: usize) -> Service {
    let name = |k: usize| format!("Service {}", k + 1);
    let mut dependencies: Vec<Dependency> = [i + 1, i + 2]
        .into_iter()
        .filter(|&k| k < count)
        .map(|k| Dependency {
            name: name(k),
            source: DependencySource::Service,
            coupling: if k == i + 1 {
                Coupling::Hard
            } else {
                Coupling::Soft
            },
        })
        // Chains of ten services: the tenth depends on no later one.
        .filter(|d| !(matches!(d.coupling, Coupling::Hard) && (i + 1).is_multiple_of(10)))
        .collect();
    while dependencies.len() < 3 {
        let n = dependencies.len() + 1;
        dependencies.push(external(
            &format!("Cloud service {n} of {}", name(i)),
            "99.99",
            "provider SLA",
        ));
    }
    Service {
        name: name(i),
        description: format!("Service {} of the platform", i + 1),
        journeys: vec![journey(i, "Browse", "GET"), journey(i, "Order", "POST")],
        own_availability: Some(s("99.99")),
        dependencies,
        ..Service::default()
    }
}

fn journey(i: usize, what: &str, method: &str) -> Journey {
    Journey {
        name: format!("{what} (service {})", i + 1),
        kind: JourneyKind::Endpoint,
        description: format!("{method} /api/{}/{}", i + 1, what.to_lowercase()),
        slis: vec![availability(what), latency(what)],
        ..Journey::default()
    }
}

fn traffic() -> Option<Traffic> {
    Some(Traffic {
        valid_events: s("2500000"),
        per: EventsPer::Window,
    })
}

fn availability(what: &str) -> Sli {
    Sli {
        name: format!("{what} availability"),
        kind: SliKind::Availability,
        good_events: s("requests answered without a 5xx status"),
        valid_events: s("requests, excluding health checks"),
        measurement: Measurement::RequestBased,
        measured_at: s("load balancer logs"),
        traffic: traffic(),
        slos: vec![
            slo(&format!("{what}: 99.5 % succeed"), "99.5", "28d"),
            slo(&format!("{what}: 99 % succeed"), "99", "28d"),
        ],
        ..Sli::default()
    }
}

fn latency(what: &str) -> Sli {
    Sli {
        name: format!("{what} latency"),
        kind: SliKind::Latency,
        good_events: s("requests answered in less than 300 ms"),
        valid_events: s("requests, excluding health checks"),
        latency: Some(LatencyThreshold {
            threshold_ms: s("300"),
            comparison: Comparison::LessThan,
        }),
        measurement: Measurement::RequestBased,
        measured_at: s("load balancer logs"),
        traffic: traffic(),
        slos: vec![
            slo(&format!("{what}: 95 % under 300 ms"), "95", "28d"),
            slo(&format!("{what}: 90 % under 300 ms"), "90", "28d"),
        ],
        ..Sli::default()
    }
}

fn slo(name: &str, target: &str, window: &str) -> Slo {
    Slo {
        name: s(name),
        target: s(target),
        window: s(window),
        priority: Some(Priority::P2),
        rationale: s("What users of the platform have had over the past quarter"),
        ..Slo::default()
    }
}
