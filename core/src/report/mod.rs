//! The budget report of a whole model: for every SLO, its error budget,
//! allowed downtime and (when the SLI has traffic) allowed bad events, computed
//! by the same [`calculator`](crate::calculator) the Budget page uses.

pub mod budget_line;
pub mod dependency_rows;
pub mod diagram;
pub mod document;
pub mod markdown;
mod markdown_analysis;
mod markdown_session;
pub mod place;
pub mod session;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::calculator::{evaluate, BudgetForm, BudgetReport};
use crate::dependency::{allocate, analyze, Allocation, Composite};
use crate::model::location::{every_slo, service_slos, Locate, ModelAt, ServiceAt, SloEntry};
use crate::model::{Measurement, Model, Service, ServiceKind, Sli, SliKind, Slo};
use crate::problem::{Problem, ProblemCode};
use crate::quantity::target::Target;
use crate::quantity::window::Window;
use crate::quantity::zone::Utc;
use crate::quantity::zone::ZoneResolver;
use crate::validate::validate;

/// One SLO of the model with its budget, or why it has none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SloReport {
    /// The SLO's field path: `services[0].journeys[0].slis[1].slos[0]`.
    pub path: String,
    /// The service's name.
    pub service: String,
    /// The journey's name.
    pub journey: String,
    /// The SLI's name.
    pub sli: String,
    /// The SLO's name.
    pub slo: String,
    /// The budget figures, when the SLO is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetReport>,
    /// Why there are no figures, when the SLO is not valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The report of every SLO in the model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ModelReport {
    /// The team's name.
    pub team: String,
    /// Every SLO, in document order.
    pub slos: Vec<SloReport>,
    /// Every service's composite availability and budget allocation.
    pub services: Vec<ServiceReport>,
}

/// A service's composite availability, what limits it, and how its SLOs'
/// budgets are shared with its dependencies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ServiceReport {
    /// The service's name.
    pub service: String,
    /// User-facing or a component (infrastructure, platform, third party).
    pub kind: ServiceKind,
    /// The composite (three bounds, exact fractions), when its graph is sound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub composite: Option<Composite>,
    /// Warnings and errors about its dependencies and ceilings, with paths.
    pub problems: Vec<Problem>,
    /// Per availability SLO: the budget allocation.
    pub allocations: Vec<SloAllocation>,
}

/// The budget allocation of one availability SLO.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SloAllocation {
    /// The SLO's field path.
    pub path: String,
    /// The target in percent.
    pub target_percent: String,
    /// The window in window syntax.
    pub window: String,
    /// Each dependency's share, and what is left.
    pub allocation: Allocation,
    /// The same shares as seconds of the (shortest) window, in order, then
    /// what is left; rounded down to the millisecond.
    pub seconds_per_window: Vec<Decimal>,
}

/// The calculator form of one SLO: its target, window and zone, with the SLI's
/// traffic and time slice, so the model shows exactly what the Budget page would.
pub fn slo_form(sli: &Sli, slo: &Slo) -> BudgetForm {
    let traffic = sli.traffic.clone().unwrap_or_default();
    BudgetForm {
        target: slo.target.clone(),
        window: slo.window.clone(),
        time_zone: slo.time_zone.clone(),
        events: traffic.valid_events,
        events_per: traffic.per,
        time_slice: match sli.measurement {
            Measurement::TimeSliceBased => sli.time_slice.clone(),
            Measurement::RequestBased => String::new(),
        },
        downtime: String::new(),
        compare: Vec::new(),
    }
}

/// The whole report: every SLO's budget ([`slo_reports`]) and every service's
/// composite and allocation ([`service_reports`]).
///
/// ```
/// use slo_core::{examples, report::model_report, quantity::zone::UtcOnly};
/// let report = model_report(&examples::workbook_api(), &UtcOnly);
/// let budget = report.slos[0].budget.as_ref().unwrap();
/// assert_eq!(budget.allowed_bad_events, Some(slo_core::Figure::Exact(109_897)));
/// ```
pub fn model_report(model: &Model, zones: &dyn ZoneResolver) -> ModelReport {
    ModelReport {
        team: model.team.name.clone(),
        slos: slo_reports(model, zones),
        services: service_reports(model, &validate(model, zones)),
    }
}

/// The budget of every SLO of `model`, in document order; invalid SLOs carry their error.
pub fn slo_reports(model: &Model, zones: &dyn ZoneResolver) -> Vec<SloReport> {
    every_slo(model).map(|e| slo_report(&e, zones)).collect()
}

/// The budget of one SLO ([`every_slo`] and [`service_slos`] list them);
/// an invalid SLO carries its error.
pub fn slo_report(e: &SloEntry, zones: &dyn ZoneResolver) -> SloReport {
    let result = evaluate(&slo_form(e.sli, e.slo), zones).report();
    SloReport {
        path: e.at.path(),
        service: e.service.name.clone(),
        journey: e.journey.name.clone(),
        sli: e.sli.name.clone(),
        slo: e.slo.name.clone(),
        error: result.as_ref().err().map(|e| e.to_string()),
        budget: result.ok(),
    }
}

/// Every service's composite availability, the dependency problems among
/// `problems` (the model's validation, computed once by the caller), and its
/// SLOs' budget allocations.
pub fn service_reports(model: &Model, problems: &[Problem]) -> Vec<ServiceReport> {
    let analysis = analyze(model);
    model
        .services
        .iter()
        .enumerate()
        .map(|(i, service)| {
            let at = ServiceAt(ModelAt, i);
            let composite = analysis.composites.get(i).cloned().flatten();
            let allocations = match composite.as_ref().filter(|c| c.factors.len() > 1) {
                Some(composite) => slo_allocations(i, service, composite),
                None => Vec::new(),
            };
            ServiceReport {
                service: service.name.clone(),
                kind: service.kind,
                problems: problems
                    .iter()
                    .filter(|p| {
                        p.path.starts_with(&at.field(""))
                            && (p.path.contains(".dependencies[")
                                || p.path.ends_with(".ownAvailability")
                                || p.code == ProblemCode::AboveCeiling)
                    })
                    .cloned()
                    .collect(),
                composite,
                allocations,
            }
        })
        .collect()
}

fn slo_allocations(index: usize, service: &Service, composite: &Composite) -> Vec<SloAllocation> {
    let mut allocations = Vec::new();
    for e in service_slos(index, service).filter(|e| e.sli.kind == SliKind::Availability) {
        let (Ok(target), Ok(window)) = (
            e.slo.target.parse::<Target>(),
            e.slo.window.parse::<Window>(),
        ) else {
            continue;
        };
        let seconds = window.length(&Utc).map(|l| l.min()).unwrap_or(0);
        let allocation = allocate(&target, composite);
        let mut seconds_per_window: Vec<Decimal> = allocation
            .dependencies
            .iter()
            .map(|d| d.seconds_of(seconds))
            .collect();
        seconds_per_window.push(allocation.left.seconds_of(seconds));
        allocations.push(SloAllocation {
            path: e.at.path(),
            target_percent: target.to_string(),
            window: window.to_string(),
            allocation,
            seconds_per_window,
        });
    }
    allocations
}
