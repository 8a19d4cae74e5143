//! The budget report of a whole model: for every SLO, its error budget,
//! allowed downtime and (when the SLI has traffic) allowed bad events, computed
//! by the same [`calculator`](crate::calculator) the Budget page uses.

use serde::Serialize;

use crate::calculator::{evaluate, BudgetForm, BudgetReport};
use crate::model::{Measurement, Model, Sli, Slo};
use crate::zone::ZoneResolver;

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
        timeslice: match sli.measurement {
            Measurement::TimeSliceBased => sli.time_slice.clone(),
            Measurement::RequestBased => String::new(),
        },
        downtime: String::new(),
        compare: Vec::new(),
    }
}

/// Computes the budget of every SLO of `model`; invalid SLOs carry their error.
///
/// ```
/// use slo_core::{examples, report::model_report, zone::UtcOnly};
/// let report = model_report(&examples::workbook_api(), &UtcOnly);
/// let budget = report.slos[0].budget.as_ref().unwrap();
/// assert_eq!(budget.allowed_bad_events, Some(slo_core::Figure::Exact(109_897)));
/// ```
pub fn model_report(model: &Model, zones: &dyn ZoneResolver) -> ModelReport {
    let mut slos = Vec::new();
    for (i, service) in model.services.iter().enumerate() {
        for (j, journey) in service.journeys.iter().enumerate() {
            for (k, sli) in journey.slis.iter().enumerate() {
                for (m, slo) in sli.slos.iter().enumerate() {
                    let result = evaluate(&slo_form(sli, slo), zones).report();
                    slos.push(SloReport {
                        path: format!("services[{i}].journeys[{j}].slis[{k}].slos[{m}]"),
                        service: service.name.clone(),
                        journey: journey.name.clone(),
                        sli: sli.name.clone(),
                        slo: slo.name.clone(),
                        error: result.as_ref().err().map(|e| e.to_string()),
                        budget: result.ok(),
                    });
                }
            }
        }
    }
    ModelReport {
        team: model.team.name.clone(),
        slos,
    }
}
