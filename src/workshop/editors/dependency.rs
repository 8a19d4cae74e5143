//! One dependency of a service: what it is, where its availability comes
//! from (a service of the model or an external figure) and how its failure
//! couples (hard, soft, or a k-of-n redundancy group).

use leptos::prelude::*;
use slo_core::model::location::{DependencyAt, Locate};
use slo_core::model::{Coupling, CouplingKind, Dependency, DependencySource, SourceKind};
use slo_core::part;

use crate::workshop::inputs::{Choice, Text};
use crate::workshop::rows::remove_button;
use crate::workshop::state::Workshop;

/// One dependency's fields.
#[component]
pub fn DependencyEditor(
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
                <ExternalSourceFields at />
            </Show>
            <Show when=redundant>
                <RedundancyFields at />
            </Show>
            {remove_button("Remove this dependency", at)}
        </fieldset>
    }
}

/// An external dependency's published availability and where it comes from.
#[component]
fn ExternalSourceFields(
    /// The dependency.
    at: DependencyAt,
) -> impl IntoView {
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
    view! {
        <div class="cols">
            <Text at=availability field="availability" label="Its SLA or SLO (%)" placeholder="99.95" get=|s: &String| s set=|s: &mut String| s />
            <Text at=note field="note" label="Source of the figure" placeholder="Azure SLA, 2024" get=|s: &String| s set=|s: &mut String| s />
        </div>
    }
}

/// A redundancy group's k of n, failover time and failure rate.
#[component]
fn RedundancyFields(
    /// The dependency.
    at: DependencyAt,
) -> impl IntoView {
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
        <div class="cols">
            <Text at=replicas field="replicas" label="Replicas or regions (n)" placeholder="2" get=|s: &String| s set=|s: &mut String| s />
            <Text at=required field="required" label="Needed up (k)" placeholder="1" get=|s: &String| s set=|s: &mut String| s />
            <Text at=failover field="failover" label="Failover time per failure (optional)" placeholder="30s" get=|s: &String| s set=|s: &mut String| s />
            <Text at=failures field="failuresPerYear" label="Failures per replica per year" placeholder="4" get=|s: &String| s set=|s: &mut String| s />
        </div>
    }
}
