//! Risk over many periods: the scenario's risk model (incident rate, time to
//! restore, severity mix, seed), with the Monte Carlo outcome and its
//! what-ifs below (`burn_results::BurnParts::risk`).

use leptos::prelude::*;
use slo_core::model::scenario::{IncidentSeverity, RiskModel};

use crate::workshop::inputs::{id_of, FieldProblems, Text};
use crate::workshop::rows::{edit_button, focus_button, remove_button, rows};
use crate::workshop::state::Workshop;
use crate::workshop::views::burn_results::BurnParts;
use slo_core::model::location::{Locate, RiskAt, ScenarioAt, SeverityAt};

/// A first risk model: three incidents a period, half an hour median, four hours at p90.
pub fn starting_model() -> RiskModel {
    let severity = |share: &str, error: &str| IncidentSeverity {
        share_percent: share.into(),
        error_percent: error.into(),
    };
    RiskModel {
        incidents_per_period: "3".into(),
        median_time_to_restore: "30m".into(),
        p90_time_to_restore: "4h".into(),
        severities: vec![severity("20", "100"), severity("80", "10")],
        periods: "10000".into(),
        seed: "1".into(),
    }
}

/// The risk model of a burn scenario, and the Monte Carlo outcome below it.
#[component]
pub fn RiskSection(
    /// The scenario.
    at: ScenarioAt,
    /// The Monte Carlo outcome, once the page's results are loaded.
    outcome: LocalResource<BurnParts>,
) -> impl IntoView {
    view! {
        <RiskEditor at=RiskAt::Scenario(at) add_label="Add a risk model" remove_label="Remove the risk model"
            starting=Callback::new(|_| starting_model())>
            {move || outcome.get().map(|p| p.risk.run(()))}
        </RiskEditor>
    }
}

/// A risk model's fields (incident rate, time to restore, severity mix,
/// seed), or a button that adds one; `children` shown under the fields.
#[component]
pub fn RiskEditor(
    /// Where the risk model is (or goes).
    at: RiskAt,
    /// The label of the button that adds one.
    add_label: &'static str,
    /// The label of the button that removes it.
    remove_label: &'static str,
    /// The risk model the add button starts from.
    starting: Callback<(), RiskModel>,
    /// What is shown under the fields (the outcome).
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let risk = at;
    let section = workshop.section(&risk.path());
    let first_field = id_of(&risk.field("incidentsPerPeriod"));
    let add_id = format!("{}-add", id_of(&risk.path()));
    let back_to_add = add_id.clone();
    let has = Memo::new(move |_| section.with(|m| risk.get(m).is_some()));
    view! {
        <Show when=move || has.get()
            fallback=move || view! { <span id=add_id.clone()>{focus_button(add_label.into(), "", first_field.clone(), move |m| {
                risk.set(m, Some(starting.run(())));
            })}</span> }>
            <div class="cols">
                <Text at=risk field="incidentsPerPeriod" label="Incidents per period (mean)" placeholder="3" get=|r: &RiskModel| &r.incidents_per_period set=|r: &mut RiskModel| &mut r.incidents_per_period />
                <Text at=risk field="medianTimeToRestore" label="Median time to restore" placeholder="30m" get=|r: &RiskModel| &r.median_time_to_restore set=|r: &mut RiskModel| &mut r.median_time_to_restore />
                <Text at=risk field="p90TimeToRestore" label="90th percentile time to restore" placeholder="4h" get=|r: &RiskModel| &r.p90_time_to_restore set=|r: &mut RiskModel| &mut r.p90_time_to_restore />
                <Text at=risk field="periods" label="Periods to simulate" placeholder="10000" get=|r: &RiskModel| &r.periods set=|r: &mut RiskModel| &mut r.periods />
                <Text at=risk field="seed" label="Seed" placeholder="1" get=|r: &RiskModel| &r.seed set=|r: &mut RiskModel| &mut r.seed />
            </div>
            <h3>"Severity mix"</h3>
            {rows(move |m| risk.get(m).map_or(0, |r| r.severities.len()), move |i| {
                let at = SeverityAt(risk, i);
                view! {
                    <div class="cols item">
                        <Text at field="sharePercent" label="Share of incidents (%)" placeholder="20" get=|s: &IncidentSeverity| &s.share_percent set=|s: &mut IncidentSeverity| &mut s.share_percent />
                        <Text at field="errorPercent" label="Error ratio (%)" placeholder="100" get=|s: &IncidentSeverity| &s.error_percent set=|s: &mut IncidentSeverity| &mut s.error_percent />
                        {remove_button("Remove", at)}
                    </div>
                }
            })}
            <FieldProblems path=risk.field("severities") />
            <div class="actions">
                {edit_button("Add a severity".into(), "", move |m| {
                    if let Some(r) = risk.get_mut(m) {
                        r.severities.push(IncidentSeverity { share_percent: "0".into(), error_percent: "100".into() });
                    }
                })}
                {focus_button(remove_label.into(), "remove", back_to_add.clone(), move |m| {
                    risk.set(m, None);
                })}
            </div>
            {children.clone().map(|c| c())}
        </Show>
    }
}
