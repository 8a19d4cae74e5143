//! The Model page: team, services, journeys and endpoints, SLIs and SLOs, in
//! the order a workshop runs (ESF: SLIs first, then SLOs), each SLO's budget live.

use leptos::prelude::*;
use slo_core::glossary::Term;
use slo_core::model::{Journey, Service, Sli, Team};

use crate::glossary::Word;
use crate::workshop::editors::sli::SliEditor;
use crate::workshop::fold::{FoldButtons, ServiceCard};
use crate::workshop::inputs::{Check, Choice, FieldProblems, OptText, Text};
use crate::workshop::rows::{edit_button, remove_button, rows};
use crate::workshop::state::Workshop;
use slo_core::model::location::{JourneyAt, Locate, ModelAt, ServiceAt, SliAt, TeamAt};

/// One journey or endpoint and its SLIs.
#[component]
fn JourneyEditor(
    /// The journey.
    at: JourneyAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let section = workshop.section(&at.path());
    let title = move || {
        section.with(|m| {
            format!(
                "Journey {}: {}",
                at.1 + 1,
                at.get(m).map(|j| j.name.clone()).unwrap_or_default()
            )
        })
    };
    view! {
        <fieldset class="item journey">
            <legend>{title}</legend>
            <div class="cols">
                <Text at field="name" label="Journey or endpoint" term=Term::Endpoint placeholder="Checkout" get=|j: &Journey| &j.name set=|j: &mut Journey| &mut j.name />
                <Choice at field="kind" label="Kind" get=|j: &Journey| j.kind set=|j: &mut Journey, k| j.kind = k />
            </div>
            <Text at field="description" label="What the user does" multiline=true get=|j: &Journey| &j.description set=|j: &mut Journey| &mut j.description />
            <div class="cols">
                <Text at field="happyMoment" label="The moment the user is happy" placeholder="the order number is on screen" get=|j: &Journey| &j.happy_moment set=|j: &mut Journey| &mut j.happy_moment />
                <Text at field="rank" label="Rank (1: matters most)" placeholder="1" get=|j: &Journey| &j.rank set=|j: &mut Journey| &mut j.rank />
                <Check at field="startHere" label="One of the one to three journeys to start with" get=|j: &Journey| j.start_here set=|j: &mut Journey, v| j.start_here = v />
            </div>
            {rows(move |m| at.get(m).map_or(0, |j| j.slis.len()), move |i| view! { <SliEditor at=SliAt(at, i) /> })}
            <div class="actions">
                {edit_button("Add an SLI".into(), "", move |m| {
                    if let Some(journey) = at.get_mut(m) {
                        journey.slis.push(Sli::default());
                    }
                })}
                {remove_button("Remove this journey", at)}
            </div>
        </fieldset>
    }
}

/// What a component shows instead of journeys: its availability (also on the
/// Dependencies page, with its dependencies).
#[component]
fn ComponentFields(
    /// The service.
    at: ServiceAt,
) -> impl IntoView {
    view! {
        <OptText at field="ownAvailability" label="Availability of the component itself (%)" placeholder="99.95" blank_means="100 % (no failures of its own) until you enter it"
            get=|s: &Service| s.own_availability.as_ref() set=|s: &mut Service| &mut s.own_availability />
        <p class="hint">"A component needs no user journeys: the services that depend on it carry the SLOs. Give it dependencies of its own on the Dependencies page."</p>
    }
}

/// One service and its journeys (a component: its availability).
#[component]
fn ServiceEditor(
    /// The service.
    at: ServiceAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let section = workshop.section(&at.path());
    let component =
        Memo::new(move |_| section.with(|m| at.get(m).is_some_and(|s| !s.kind.is_user_facing())));
    let add_label = move || {
        if component.get() {
            "Add a journey anyway"
        } else {
            "Add a journey or endpoint"
        }
    };
    view! {
        <ServiceCard at id=format!("service-card-{}", at.1) class="card service" what="Service">
            <div class="cols">
                <Text at field="name" label="Service name" placeholder="Order service" get=|s: &Service| &s.name set=|s: &mut Service| &mut s.name />
                <Choice at field="kind" label="Kind" get=|s: &Service| s.kind set=|s: &mut Service, k| s.kind = k />
            </div>
            <Text at field="description" label="What it does for its users" multiline=true get=|s: &Service| &s.description set=|s: &mut Service| &mut s.description />
            <Show when=move || component.get()>
                <ComponentFields at />
            </Show>
            <FieldProblems path=at.field("journeys") />
            {rows(move |m| at.get(m).map_or(0, |s| s.journeys.len()), move |i| view! { <JourneyEditor at=JourneyAt(at, i) /> })}
            <div class="actions">
                {move || edit_button(add_label().into(), "", move |m| {
                    if let Some(service) = at.get_mut(m) {
                        service.journeys.push(Journey::default());
                    }
                })}
                {remove_button("Remove this service", at)}
            </div>
        </ServiceCard>
    }
}

/// The Model page.
#[component]
pub fn ModelPage() -> impl IntoView {
    view! {
        <h1 class="page-title">"Model"</h1>
        <p class="lede">"Who owns what, what users need from it, how it is measured (each measure an " <Word term=Term::Sli /> ") and how reliable it must be (each target an " <Word term=Term::Slo /> ", judged over a " <Word term=Term::CompliancePeriod text="compliance period" /> ")."</p>
        <section class="card">
            <h2>"Team"</h2>
            <div class="cols">
                <Text at=TeamAt field="name" label="Team name" get=|t: &Team| &t.name set=|t: &mut Team| &mut t.name />
                <Text at=TeamAt field="description" label="What the team does" get=|t: &Team| &t.description set=|t: &mut Team| &mut t.description />
            </div>
            <p class="hint">"All SLOs of a team should share one window unit: the model warns when they differ."</p>
        </section>
        <FoldButtons />
        {rows(|m| m.services.len(), |i| view! { <ServiceEditor at=ServiceAt(ModelAt, i) /> })}
        <div class="actions">
            {edit_button("Add a service".into(), "", |m| m.services.push(Service::default()))}
        </div>
    }
}
