//! The editor of one SLO, with its error budget computed live beside it.

use leptos::prelude::*;
use slo_core::calculator::evaluate;
use slo_core::glossary::Term;
use slo_core::model::Slo;
use slo_core::report::budget_line::budget_line;
use slo_core::report::slo_form;

use crate::browser::IntlZones;
use crate::workshop::fold::Folded;
use crate::workshop::inputs::{id_of, Check, Choice, OptText, Text};
use crate::workshop::rows::remove_button;
use crate::workshop::state::Workshop;
use slo_core::model::location::{HypothesisAt, Locate, SloAt};
use slo_core::model::session::Hypothesis;

/// The live budget of an SLO: what the Budget page would show for it.
#[component]
fn SloBudget(
    /// The SLO.
    at: SloAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let section = workshop.section(&at.path());
    let text = Memo::new(move |_| {
        section.with(|m| {
            let (sli, slo) = (at.0.get(m)?, at.get(m)?);
            let view = evaluate(&slo_form(sli, slo), &IntlZones);
            let report = view.report().ok()?;
            Some(budget_line(sli.kind, &report))
        })
    });
    let id = format!("{}-budget", crate::workshop::inputs::id_of(&at.path()));
    view! { <p class="slo-budget" id=id aria-live="polite">{move || text.get().unwrap_or_else(|| "No budget until the target and window are valid.".into())}</p> }
}

/// The hypothesis the SLO tests (ESF 4.7), folded: its three fields are
/// drawn once opened.
#[component]
fn HypothesisEditor(
    /// The SLO.
    at: SloAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let section = workshop.section(&at.path());
    let written =
        Memo::new(move |_| section.with(|m| at.get(m).is_some_and(|s| !s.hypothesis.is_empty())));
    let summary = Signal::derive(move || {
        match written.get() {
            true => "Hypothesis (written)",
            false => "Hypothesis (optional)",
        }
        .to_string()
    });
    let fields = move || {
        let h = HypothesisAt(at);
        view! {
                <Text at=h field="believe" label="We believe …" multiline=true placeholder="a 99.9 % checkout" get=|h: &Hypothesis| &h.believe set=|h: &mut Hypothesis| &mut h.believe />
                <Text at=h field="result" label="… will result in …" multiline=true placeholder="fewer abandoned carts" get=|h: &Hypothesis| &h.result set=|h: &mut Hypothesis| &mut h.result />
                <Text at=h field="signal" label="We will know we have succeeded when we see …" multiline=true placeholder="support tickets about payments halve" get=|h: &Hypothesis| &h.signal set=|h: &mut Hypothesis| &mut h.signal />
        }
    };
    let id = format!("{}-hypothesis", id_of(&at.path()));
    view! { <Folded id class="hypothesis" summary open=RwSignal::new(false) content=ViewFn::from(fields) /> }
}

/// One SLO's fields and its live budget.
#[component]
pub fn SloEditor(
    /// The SLO.
    at: SloAt,
) -> impl IntoView {
    let title = move || format!("SLO {}", at.1 + 1);
    // The reason to stay above the ceiling, asked for only while the SLO is
    // above it (validation asks for it there) or once one is written.
    let workshop = crate::workshop::state::Workshop::from_context();
    let section = workshop.section(&at.path());
    let reason_path = at.field("aboveCeilingReason");
    let asks_reason = Memo::new(move |_| {
        !workshop.problems_at(&reason_path).is_empty()
            || section.with(|m| {
                at.get(m)
                    .is_some_and(|s| !s.above_ceiling_reason.is_empty())
            })
    });
    view! {
        <fieldset class="item slo">
            <legend>{title}</legend>
            <SloBudget at />
            <div class="cols">
                <Text at field="target" label="Target (%)" placeholder="99.9" get=|s: &Slo| &s.target set=|s: &mut Slo| &mut s.target />
                <Text at field="aspirationalTarget" label="Aspiring to (%)" placeholder="99.95" get=|s: &Slo| &s.aspirational_target set=|s: &mut Slo| &mut s.aspirational_target />
                <Text at field="window" label="Window" term=Term::CompliancePeriod placeholder="28d" get=|s: &Slo| &s.window set=|s: &mut Slo| &mut s.window />
                <Text at field="timeZone" label="Time zone (calendar windows)" placeholder="UTC" get=|s: &Slo| &s.time_zone set=|s: &mut Slo| &mut s.time_zone />
            </div>
            <Text at field="name" label="Name" placeholder="99.9 % of checkouts succeed" get=|s: &Slo| &s.name set=|s: &mut Slo| &mut s.name />
            <div class="cols">
                <OptText at field="sla" label="SLA (%), looser than the SLO" term=Term::Sla placeholder="95 for a 97 % SLO" get=|s: &Slo| s.sla.as_ref() set=|s: &mut Slo| &mut s.sla />
                <OptText at field="historical" label="Best ever observed (%)" placeholder="99.97" get=|s: &Slo| s.historical.as_ref() set=|s: &mut Slo| &mut s.historical />
                <Choice at field="priority" label="Incident priority" term=Term::IncidentPriority get=|s: &Slo| s.priority set=|s: &mut Slo, p| s.priority = p />
            </div>
            <Text at field="rationale" label="Rationale" multiline=true get=|s: &Slo| &s.rationale set=|s: &mut Slo| &mut s.rationale />
            <Show when=move || asks_reason.get()>
                <Text at field="aboveCeilingReason" label="Why it may stay above the ceiling its dependencies allow" multiline=true
                    placeholder="a second region is on order; until then the team takes the risk"
                    get=|s: &Slo| &s.above_ceiling_reason set=|s: &mut Slo| &mut s.above_ceiling_reason />
            </Show>
            <HypothesisEditor at />
            <Check at field="defaultSlo" label="Default SLO: applies to the service's endpoints without their own" get=|s: &Slo| s.default_slo set=|s: &mut Slo, v| s.default_slo = v />
            {remove_button("Remove this SLO", at)}
        </fieldset>
    }
}
