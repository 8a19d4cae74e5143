//! Dependencies: each named, the graph's own problems (cycles, unknown
//! services, bad availabilities) from [`crate::dependency`], and SLOs or SLAs
//! above what a service can reach with its dependencies.

use super::Checker;
use crate::dependency::{percent_text, Analysis, Composite};
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
            format!("{name} ({} %)", percent_text(f.unavailability(), 4))
        })
        .collect();
    let b = composite.availability;
    format!(
        "the {what} {target} % is above the {} % this service can reach with its dependencies \
         (independent failures; {} % to {} % if they are correlated); most of the budget goes to {}",
        percent_text(b.independent, 4),
        percent_text(b.pessimistic, 4),
        percent_text(b.optimistic, 4),
        named.join(", ")
    )
}
