//! Dependencies: each named, the graph's own problems (cycles, unknown
//! services, bad availabilities) from [`crate::dependency`], and SLOs or SLAs
//! above what a service can reach with its dependencies.

use super::Checker;
use crate::dependency::{percent_text, unavailability_text, Analysis, Composite, PERCENT_DECIMALS};
use crate::model::location::{service_slos, DependencyAt, Locate, ModelAt, ServiceAt};
use crate::model::{Model, SliKind};
use crate::problem::{Problem, ProblemCode};
use crate::quantity::target::Target;

/// Graph problems, and SLOs or SLAs above what the dependencies allow.
/// `analysis` is the model's ([`crate::dependency::analyze`]).
pub(super) fn check_dependencies(c: &mut Checker, model: &Model, analysis: &Analysis) {
    for (i, service) in model.services.iter().enumerate() {
        for (d, dependency) in service.dependencies.iter().enumerate() {
            if dependency.name.trim().is_empty() {
                let at = DependencyAt(ServiceAt(ModelAt, i), d);
                c.error(|| at.field("name"), "name the dependency");
            }
        }
    }
    for problem in &analysis.problems {
        c.found.push(problem.clone());
    }
    for (i, service) in model.services.iter().enumerate() {
        let Some(Some(composite)) = analysis.composites.get(i) else {
            continue;
        };
        let Some(ceiling) = composite.ceiling() else {
            continue; // no dependencies: nothing caps the service
        };
        for e in service_slos(i, service).filter(|e| e.sli.kind == SliKind::Availability) {
            for (field, text, what) in [
                ("target", Some(&e.slo.target), "SLO"),
                ("sla", e.slo.sla.as_ref(), "SLA"),
            ] {
                let Some(t) = text.and_then(|t| t.parse::<Target>().ok()) else {
                    continue;
                };
                if t.fraction() > ceiling {
                    c.found.push(
                        Problem::warning(e.at.field(field), ceiling_message(what, &t, composite))
                            .with_code(ProblemCode::AboveCeiling),
                    );
                    if field == "target" {
                        c.needed(
                            || e.at.field("aboveCeilingReason"),
                            e.slo.above_ceiling_reason.trim().is_empty(),
                            &format!(
                                "the reason this SLO may stay above the {} % its dependencies allow",
                                percent_text(ceiling, PERCENT_DECIMALS)
                            ),
                        );
                    }
                }
            }
        }
    }
}

fn ceiling_message(what: &str, target: &Target, composite: &Composite) -> String {
    let mut eaters: Vec<_> = composite
        .factors
        .iter()
        .filter(|f| !f.unavailability().is_zero())
        .collect();
    eaters.sort_by_key(|f| std::cmp::Reverse(f.unavailability()));
    let named: Vec<String> = eaters
        .iter()
        .take(3)
        .map(|f| {
            let name = match f.name.trim() {
                "" => "an unnamed dependency",
                name => name,
            };
            format!(
                "{name} ({} %)",
                unavailability_text(f.unavailability(), PERCENT_DECIMALS)
            )
        })
        .collect();
    let b = composite.availability;
    format!(
        "the {what} {target} % is above the {} % this service can reach with its dependencies \
         (independent failures; {} % to {} % if they are correlated); most of the budget goes to {}",
        percent_text(b.independent, PERCENT_DECIMALS),
        percent_text(b.pessimistic, PERCENT_DECIMALS),
        percent_text(b.optimistic, PERCENT_DECIMALS),
        named.join(", ")
    )
}
