//! The Dependencies page: what availability each service can promise, given
//! what it depends on; ceilings; how each SLO's budget is shared.

use leptos::prelude::*;
use slo_core::dependency::percent_text;
use slo_core::model::{Coupling, CouplingKind, Dependency, DependencySource, Service, SourceKind};
use slo_core::problem::ProblemCode;
use slo_core::report::service_reports;
use slo_core::ExactDuration;

use crate::workshop::inputs::{Choice, FieldProblems, OptText, Text};
use crate::workshop::rows::{edit_button, remove_button, rows};
use crate::workshop::state::Workshop;
use crate::workshop::views::diagram::DependencyDiagram;
use slo_core::model::location::{DependencyAt, Locate, ModelAt, ServiceAt};
use slo_core::part;

/// One dependency's fields.
#[component]
fn DependencyEditor(
    /// The dependency.
    at: DependencyAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let keys = Memo::new(move |_| {
        workshop
            .model
            .with(|m| at.get(m).map(|d| (d.source.kind(), d.coupling.kind())))
    });
    let external = move || keys.get().is_some_and(|(s, _)| s == SourceKind::External);
    let redundant = move || {
        keys.get()
            .is_some_and(|(_, c)| c == CouplingKind::Redundant)
    };
    let availability = part!(
        at,
        "source",
        Dependency,
        source,
        availability,
        DependencySource::External
    );
    let note = part!(
        at,
        "source",
        Dependency,
        source,
        note,
        DependencySource::External
    );
    let replicas = part!(
        at,
        "coupling",
        Dependency,
        coupling,
        replicas,
        Coupling::Redundant
    );
    let required = part!(
        at,
        "coupling",
        Dependency,
        coupling,
        required,
        Coupling::Redundant
    );
    let failover = part!(
        at,
        "coupling",
        Dependency,
        coupling,
        failover,
        Coupling::Redundant
    );
    let failures = part!(
        at,
        "coupling",
        Dependency,
        coupling,
        failures_per_year,
        Coupling::Redundant
    );
    view! {
        <fieldset class="item">
            <legend>{move || format!("Dependency {}", at.1 + 1)}</legend>
            <div class="cols">
                <Text at field="name" label="Depends on" placeholder="Azure Database for MySQL" get=|d: &Dependency| &d.name set=|d: &mut Dependency| &mut d.name />
                <Choice at field="source.type" label="Which is" get=|d: &Dependency| d.source.kind()
                    set=|d: &mut Dependency, kind: SourceKind| {
                        if d.source.kind() != kind {
                            d.source = kind.start();
                        }
                    } />
                <Choice at field="coupling.type" label="Coupling" get=|d: &Dependency| d.coupling.kind()
                    set=|d: &mut Dependency, kind: CouplingKind| {
                        if d.coupling.kind() != kind {
                            d.coupling = kind.start();
                        }
                    } />
            </div>
            <Show when=external>
                <div class="cols">
                    <Text at=availability field="availability" label="Its SLA or SLO (%)" placeholder="99.95" get=|s: &String| s set=|s: &mut String| s />
                    <Text at=note field="note" label="Source of the figure" placeholder="Azure SLA, 2024" get=|s: &String| s set=|s: &mut String| s />
                </div>
            </Show>
            <Show when=redundant>
                <div class="cols">
                    <Text at=replicas field="replicas" label="Replicas or regions (n)" placeholder="2" get=|s: &String| s set=|s: &mut String| s />
                    <Text at=required field="required" label="Needed up (k)" placeholder="1" get=|s: &String| s set=|s: &mut String| s />
                    <Text at=failover field="failover" label="Failover time per failure (optional)" placeholder="30s" get=|s: &String| s set=|s: &mut String| s />
                    <Text at=failures field="failuresPerYear" label="Failures per replica per year" placeholder="4" get=|s: &String| s set=|s: &mut String| s />
                </div>
            </Show>
            {remove_button("Remove this dependency", at)}
        </fieldset>
    }
}

/// A service's composite, its allocation tables and its dependencies.
#[component]
fn ServiceDependencies(
    /// The service.
    at: ServiceAt,
    /// The reports of every service.
    reports: Memo<Vec<slo_core::report::ServiceReport>>,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let i = at.1;
    let id = format!("composite-{i}");
    let figures = move || {
        reports.with(|r| {
            let report = r.get(i)?;
            let c = report.composite.as_ref()?;
            let b = c.availability;
            let soft = if c.soft.is_empty() { String::new() } else { format!("Soft, not in the product: {}.", c.soft.join(", ")) };
            Some(view! {
                <table class="composite">
                    <tbody>
                        <tr><th scope="row">"Independent failures (the estimate)"</th><td class="num strong figure-cell">{format!("{} %", percent_text(b.independent, 4))}</td></tr>
                        <tr><th scope="row">"Pessimistic bound (failures never overlap)"</th><td class="num">{format!("{} %", percent_text(b.pessimistic, 4))}</td></tr>
                        <tr><th scope="row">"Optimistic bound (the weakest factor)"</th><td class="num">{format!("{} %", percent_text(b.optimistic, 4))}</td></tr>
                    </tbody>
                </table>
                <p class="hint">{soft}</p>
            })
        })
    };
    let allocations = move || {
        reports.with(|r| {
            r.get(i)
                .map(|report| {
                    report
                        .allocations
                        .iter()
                        .map(|a| {
                            let rows = a
                                .allocation
                                .dependencies
                                .iter()
                                .chain([&a.allocation.left])
                                .zip(&a.seconds_per_window)
                                .map(|(share, seconds)| {
                                    view! {
                                        <tr class:left=share.name == a.allocation.left.name class:over=share.fraction.is_sign_negative()>
                                            <th scope="row">{share.name.clone()}</th>
                                            <td class="num">{format!("{} %", percent_text(share.fraction, 4))}</td>
                                            <td class="num">{ExactDuration::from_seconds(*seconds).map(|d| d.to_string()).unwrap_or_default()}</td>
                                            <td class="num strong">{format!("{} %", share.budget_percent)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view();
                            view! {
                                <table class="allocation">
                                    <caption>{format!("Budget of the {} % SLO over {} (time per window: of the shortest window, {})", a.target_percent, a.window, slo_core::dependency::TIME_ROUNDING)}</caption>
                                    <thead><tr><th scope="col">"Spent by"</th><th scope="col" class="num">"Unavailability"</th><th scope="col" class="num">"Time per window"</th><th scope="col" class="num">"Share of the budget"</th></tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            }
                        })
                        .collect_view()
                })
        })
    };
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
    let title = move || {
        workshop
            .model
            .with(|m| at.get(m).map(|s| s.name.clone()).unwrap_or_default())
    };
    view! {
        <section class="card service-dependencies" id=id>
            <h2>{title}</h2>
            <OptText at field="ownAvailability" label="Own code and infrastructure availability (%)" placeholder="99"
                get=|s: &Service| s.own_availability.as_ref() set=|s: &mut Service| &mut s.own_availability />
            {figures}
            <div class="ceilings">{ceilings}</div>
            {allocations}
            {rows(move |m| at.get(m).map_or(0, |s| s.dependencies.len()), move |d| view! { <DependencyEditor at=DependencyAt(at, d) /> })}
            <FieldProblems path=format!("services[{i}].dependencies") />
            {edit_button("Add a dependency".into(), "", move |m| {
                if let Some(service) = at.get_mut(m) {
                    service.dependencies.push(Dependency {
                        name: String::new(),
                        source: DependencySource::External { availability: "99.9".into(), note: String::new() },
                        coupling: Coupling::Hard,
                    });
                }
            })}
        </section>
    }
}

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
            "Your availability depends on everything you depend on: a service on a 99.95 % platform cannot promise 99.95 %."
        </p>
        <p class="caution" role="note">
            "Real failures are correlated. The product assumes independent failures; the bounds show the range. "
            "For redundancy the independent figure is the best case: the SRE Workbook warns such figures \"will be deceptive\" "
            "when replicas share a cause of failure."
        </p>
        <section class="card">
            <h2>"Graph"</h2>
            <DependencyDiagram />
        </section>
        {rows(|m| m.services.len(), move |i| view! { <ServiceDependencies at=ServiceAt(ModelAt, i) reports /> })}
    }
}
