//! The Dependencies page: what availability each service can promise, given
//! what it depends on; ceilings; how each SLO's budget is shared.

use leptos::prelude::*;
use slo_core::glossary::Term;
use slo_core::model::{Coupling, Dependency, DependencySource, Service};
use slo_core::problem::ProblemCode;
use slo_core::report::service_reports;

use crate::glossary::Word;
use crate::workshop::editors::dependency::DependencyEditor;
use crate::workshop::fold::{FoldButtons, Folded, ServiceCard};
use crate::workshop::inputs::{FieldProblems, OptText};
use crate::workshop::later::AfterFirstFrame;
use crate::workshop::rows::{edit_button, rows};
use crate::workshop::state::Workshop;
use crate::workshop::views::composite::{AllocationTables, CompositeFigures};
use crate::workshop::views::diagram::DependencyDiagram;
use slo_core::model::location::{DependencyAt, Locate, ModelAt, ServiceAt};

/// A service's composite, its allocation tables and its dependencies.
#[component]
fn ServiceDependencies(
    /// The service.
    at: ServiceAt,
    /// The reports of every service.
    reports: Memo<Vec<slo_core::report::ServiceReport>>,
) -> impl IntoView {
    let i = at.1;
    let id = format!("composite-{i}");
    let ceilings = move || {
        reports.with(|r| {
            r.get(i).map(|report| {
                report
                    .problems
                    .iter()
                    .filter(|p| p.code == ProblemCode::AboveCeiling)
                    .map(|p| view! { <p class="warning">{p.to_string()}</p> })
                    .collect_view()
            })
        })
    };
    view! {
        <ServiceCard at id class="card service-dependencies" what="">
            <OptText at field="ownAvailability" label="Own code and infrastructure availability (%)" placeholder="99" blank_means="100 % (no failures of its own) until you enter it"
                get=|s: &Service| s.own_availability.as_ref() set=|s: &mut Service| &mut s.own_availability />
            <CompositeFigures reports index=i />
            <div class="ceilings">{ceilings}</div>
            <AllocationTables reports index=i />
            {rows(move |m| at.get(m).map_or(0, |s| s.dependencies.len()), move |d| view! { <DependencyEditor at=DependencyAt(at, d) /> })}
            <FieldProblems path=at.field("dependencies") />
            {edit_button("Add a dependency".into(), "", move |m| {
                if let Some(service) = at.get_mut(m) {
                    service.dependencies.push(Dependency {
                        name: String::new(),
                        source: DependencySource::External { availability: "99.9".into(), note: String::new() },
                        coupling: Coupling::Hard,
                    });
                }
            })}
        </ServiceCard>
    }
}

/// Above this many services the graph is folded, drawn only once opened:
/// hundreds of boxes cannot be read at a glance, and drawing them is most
/// of what opening the page would cost.
const GRAPH_FOLD_ABOVE: usize = 100;

/// The Dependencies page.
#[component]
pub fn DependenciesPage() -> impl IntoView {
    let workshop = Workshop::from_context();
    let reports = Memo::new(move |_| {
        workshop
            .problems
            .with(|problems| workshop.model.with(|m| service_reports(m, problems)))
    });
    view! {
        <h1 class="page-title">"Dependencies"</h1>
        <p class="lede">
            "Your availability depends on everything you depend on: a service on a 99.95 % platform cannot promise 99.95 %. Here: the " <Word term=Term::CompositeAvailability /> " your dependencies allow, the " <Word term=Term::DependencyCeiling /> " it puts on each " <Word term=Term::Slo /> ", and how much of the " <Word term=Term::ErrorBudget /> " each dependency takes."
        </p>
        <p class="caution" role="note">
            "These figures assume that the parts fail independently of one another. Real failures often come together (a shared network, one bad release), so each figure comes with a range: its bounds. "
            "For copies of one part (redundancy) the figure is the best case: the SRE Workbook warns such figures \"will be deceptive\" "
            "when the copies share a cause of failure."
        </p>
        <section class="card">
            <h2>"Graph"</h2>
            {move || {
                let services = workshop.structure(|m| m.services.len());
                if services > GRAPH_FOLD_ABOVE {
                    let summary = format!("Show the graph of all {services} services");
                    let graph = ViewFn::from(|| view! { <DependencyDiagram /> });
                    view! { <Folded id="graph-folded" summary open=RwSignal::new(false) content=graph /> }.into_any()
                } else {
                    view! { <DependencyDiagram /> }.into_any()
                }
            }}
        </section>
        <FoldButtons />
        <AfterFirstFrame>
            {rows(|m| m.services.len(), move |i| view! { <ServiceDependencies at=ServiceAt(ModelAt, i) reports /> })}
        </AfterFirstFrame>
    }
}
