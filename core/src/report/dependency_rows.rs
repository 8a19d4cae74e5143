//! The dependency analysis as the signed document shows it: each service's
//! composite availability with its bounds, the budget share each dependency
//! of an availability SLO takes, and which SLOs are above the ceiling their
//! dependencies allow. The Document page and the Markdown export both write
//! these rows, so the two carry the same figures, rounded by the same rule
//! ([`crate::dependency::PERCENT_ROUNDING`]).

use rust_decimal::Decimal;

use super::document::DASH;
use super::{service_reports, ServiceReport};
use crate::dependency::Share;
use crate::dependency::{percent_text, unavailability_text, PERCENT_DECIMALS};
use crate::model::location::service_slos;
use crate::model::{Model, SliKind};
use crate::quantity::target::Target;

/// One service's composite availability (services with dependencies only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompositeRow {
    /// The service's name.
    pub service: String,
    /// Its own availability as typed, "100 %" when blank.
    pub own: String,
    /// The estimate (independent failures), rounded down: "98.8021 %".
    pub estimate: String,
    /// The bounds, pessimistic to optimistic: "98.8 % to 99 %".
    pub bounds: String,
    /// Soft dependencies, listed, not in the product; [`DASH`] for none.
    pub soft: String,
}

/// One dependency's share of one availability SLO's error budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetShareRow {
    /// The SLO as "service / target % over window".
    pub slo: String,
    /// The dependency (or group), or "left for the service itself".
    pub spent_by: String,
    /// Its unavailability, rounded up: "0.0003 %".
    pub unavailability: String,
    /// Its availability (a group's k of n), rounded down; [`DASH`] for what is left.
    pub availability: String,
    /// Its share of the budget in percent: "6.6667 %" (negative: overspent).
    pub budget_share: String,
}

/// An availability SLO above the ceiling its service's dependencies allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AboveCeiling {
    /// The SLO's field path.
    pub path: String,
    /// The ceiling, rounded down: "98.8021 %".
    pub ceiling: String,
    /// Why it may stay there, as recorded (empty when none is).
    pub reason: String,
}

impl AboveCeiling {
    /// The mark the document puts beside the SLO: "above its 98.8021 %
    /// ceiling", and the recorded reason after a colon.
    pub fn mark(&self) -> String {
        match self.reason.as_str() {
            "" => format!("above its {} ceiling", self.ceiling),
            why => format!("above its {} ceiling: {why}", self.ceiling),
        }
    }
}

/// The whole analysis: empty lists when no service has dependencies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DependencyAnalysis {
    /// Every service with dependencies, in model order.
    pub composites: Vec<CompositeRow>,
    /// Every availability SLO's budget shares, in model order.
    pub shares: Vec<BudgetShareRow>,
    /// Every SLO above its ceiling.
    pub above_ceiling: Vec<AboveCeiling>,
}

impl DependencyAnalysis {
    /// The ceiling `path`'s SLO is above, if it is.
    pub fn ceiling_of(&self, path: &str) -> Option<&AboveCeiling> {
        self.above_ceiling.iter().find(|a| a.path == path)
    }
}

fn percent(fraction: Decimal) -> String {
    format!("{} %", percent_text(fraction, PERCENT_DECIMALS))
}

/// The model's dependency analysis, as the document shows it.
pub fn dependency_analysis(model: &Model) -> DependencyAnalysis {
    let reports = service_reports(model, &[]);
    let mut out = DependencyAnalysis::default();
    for (i, (service, report)) in model.services.iter().zip(&reports).enumerate() {
        let Some(c) = report.composite.as_ref().filter(|c| c.factors.len() > 1) else {
            continue;
        };
        out.composites.push(CompositeRow {
            service: service.name.clone(),
            own: service
                .own_availability
                .as_deref()
                .map_or("100 %".into(), |a| format!("{} %", a.trim())),
            estimate: percent(c.availability.independent),
            bounds: format!(
                "{} to {}",
                percent(c.availability.pessimistic),
                percent(c.availability.optimistic)
            ),
            soft: super::document::listed(&c.soft),
        });
        shares_of(report, &mut out.shares);
        let Some(ceiling) = c.ceiling() else { continue };
        for e in service_slos(i, service).filter(|e| e.sli.kind == SliKind::Availability) {
            let above = e
                .slo
                .target
                .parse::<Target>()
                .is_ok_and(|t| t.fraction() > ceiling);
            if above {
                out.above_ceiling.push(AboveCeiling {
                    path: crate::model::location::Locate::path(&e.at),
                    ceiling: percent(ceiling),
                    reason: e.slo.above_ceiling_reason.trim().to_string(),
                });
            }
        }
    }
    out
}

fn shares_of(report: &ServiceReport, rows: &mut Vec<BudgetShareRow>) {
    for a in &report.allocations {
        let slo = format!(
            "{} / {} % over {}",
            report.service, a.target_percent, a.window
        );
        let left = &a.allocation.left;
        for share in a.allocation.dependencies.iter().chain([left]) {
            let (unavailability, availability) = share_figures(share, std::ptr::eq(share, left));
            rows.push(BudgetShareRow {
                slo: slo.clone(),
                spent_by: share.name.clone(),
                unavailability,
                availability,
                budget_share: format!("{} %", share.budget_percent),
            });
        }
    }
}

/// A budget share's unavailability and availability as shown ("0.0003 %",
/// "99.9997 %"): a dependency's unavailability rounded up and availability
/// down; what is `left` for the service rounded down, with [`DASH`] for its
/// availability. The Dependencies page and the document both show these.
pub fn share_figures(share: &Share, left: bool) -> (String, String) {
    if left {
        return (percent(share.fraction), DASH.into());
    }
    (
        format!(
            "{} %",
            unavailability_text(share.fraction, PERCENT_DECIMALS)
        ),
        percent(Decimal::ONE - share.fraction),
    )
}
