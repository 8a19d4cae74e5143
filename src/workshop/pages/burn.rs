//! The Burn page: "if we have last spring's outage again, when does someone
//! get paged, how much budget is left, and does the release freeze kick in?"
//! Scenarios, charts, the alert designer, the policy timeline and Monte Carlo risk.

use leptos::prelude::*;
use slo_core::burn::scenarios;
use slo_core::glossary::Term;
use slo_core::model::scenario::{EventKind, Scenario};

use crate::browser;
use crate::frame::Page;
use crate::glossary::Word;
use crate::workshop::editors::risk::RiskSection;
use crate::workshop::editors::scenario::{new_event, ScenarioEditor};
use crate::workshop::inputs::id_of;
use crate::workshop::later::AfterFirstFrame;
use crate::workshop::state::Workshop;
use crate::workshop::views::burn_results::LoadBurnParts;
use crate::workshop::views::picker::{slo_label, Picker};
use slo_core::model::location::{every_slo, Locate, ScenarioAt};

/// A new scenario: steady traffic, a little background noise, one outage.
fn new_scenario(n: usize) -> Scenario {
    Scenario {
        name: format!("Scenario {n}"),
        background_error_percent: "0.01".into(),
        events: vec![new_event(
            EventKind::Incident {
                error_percent: "100".into(),
            },
            "Outage",
        )],
        ..Scenario::default()
    }
}

/// Picks the scenario shown, and adds a new one for a chosen SLO (focusing
/// its name, as after adding any item).
#[component]
fn ScenarioChooser(
    /// Every scenario and its label.
    list: Memo<Vec<(ScenarioAt, String)>>,
    /// The index of the scenario shown.
    selected: RwSignal<usize>,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let all_slos = Memo::new(move |_| {
        workshop.model.with(|m| {
            every_slo(m)
                .map(|e| (e.at, slo_label(m, e.at)))
                .collect::<Vec<_>>()
        })
    });
    let for_new = RwSignal::new(0usize);
    let add = move |_| {
        let Some(at) = all_slos.with(|s| s.get(for_new.get()).map(|(at, _)| *at)) else {
            return;
        };
        let n = list.with(Vec::len) + 1;
        workshop.apply(|m| {
            if let Some(slo) = at.get_mut(m) {
                slo.scenarios.push(new_scenario(n));
            }
        });
        let added = list.with(|l| l.iter().rposition(|(a, _)| a.slo() == at));
        selected.set(added.unwrap_or(0));
        // Focus the new scenario's name, as after adding any item.
        if let Some(new) = added.and_then(|i| list.with(|l| l.get(i).map(|(a, _)| *a))) {
            browser::focus_first_soon(vec![id_of(&new.field("name"))]);
        }
    };
    view! {
        <section class="card">
            <h2>"Scenario"</h2>
            <div class="cols">
                <Show when=move || list.with(|l| !l.is_empty())>
                    <Picker id="scenario-picker" label="Scenario" items=list chosen=selected />
                </Show>
                <Show when=move || all_slos.with(|s| !s.is_empty())
                    fallback=|| view! {
                        <p class="hint" id="no-slo-for-scenario">"No SLO yet: a scenario plays incidents out against an SLO's error budget. Add a service with a journey, an SLI and an SLO on the "
                            <a href=Page::Model.href(Page::Model)>"Model page"</a>" first."</p>
                    }>
                    <Picker id="scenario-slo" label="New scenario for" items=all_slos chosen=for_new />
                </Show>
            </div>
            <div class="actions">
                <button type="button" class="edit" id="add-scenario" on:click=add disabled=move || all_slos.with(Vec::is_empty)>"Add a scenario"</button>
            </div>
        </section>
    }
}

/// The Burn page.
#[component]
pub fn BurnPage(
    /// Gets the run and its views (`burn_results::burn_parts`), from a
    /// chunk of their own in the release site.
    load: LoadBurnParts,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let list = Memo::new(move |_| {
        workshop.model.with(|m| {
            scenarios(m)
                .into_iter()
                .map(|(at, s)| (at, format!("{} ({})", s.name, slo_label(m, at.slo()))))
                .collect::<Vec<_>>()
        })
    });
    let selected = RwSignal::new(0usize);
    let current = Memo::new(move |_| {
        list.with(|l| {
            l.get(selected.get().min(l.len().saturating_sub(1)))
                .map(|(at, _)| *at)
        })
    });
    // The run and its views come after the editors are shown: a chunk of
    // their own, fetched and run once the page's first frame is up.
    let parts = LocalResource::new(move || async move {
        browser::after_next_paint().await;
        load(workshop.model, current).await
    });
    view! {
        <h1 class="page-title">"Burn"</h1>
        <p class="lede">
            "Before production: if an outage like your last one happens again, when does someone get a " <Word term=Term::Page /> ", how much of the " <Word term=Term::ErrorBudget /> " is left, and does the " <Word term=Term::ReleaseFreeze /> " kick in? How fast an outage spends the budget is its " <Word term=Term::BurnRate /> "."
        </p>
        <ScenarioChooser list selected />
        {move || match parts.get() {
            Some(p) => p.results.run(()),
            None => view! { <p class="hint" id="burn-loading" aria-busy="true">"Loading the scenario run..."</p> }.into_any(),
        }}
        <section class="card">
            <h2>"Edit the scenario"</h2>
            {move || match current.get() {
                Some(at) => view! { <ScenarioEditor at /> }.into_any(),
                None => view! { <p class="hint">"No scenario yet: add one under Scenario above (a scenario plays incidents out against one SLO, so the model needs an SLO first)."</p> }.into_any(),
            }}
        </section>
        <AfterFirstFrame>
        <section class="card">
            <h2>"Alert rules"</h2>
            <p class="hint">"A rule watches a long and a short window and fires when both spend the budget at least at its " <Word term=Term::BurnRate /> ", as a " <Word term=Term::Page /> " or a " <Word term=Term::Ticket /> ". Defined by the share of the budget, a rule rescales with each SLO's period."</p>
            {move || match parts.get() {
                Some(p) => p.alert_rules.run(()),
                None => view! { <p class="hint" aria-busy="true">"Loading the alert rules..."</p> }.into_any(),
            }}
        </section>
        <section class="card">
            <h2>"Risk over many periods"</h2>
            {move || current.get().map(|at| view! { <RiskSection at outcome=parts /> })}
        </section>
        </AfterFirstFrame>
    }
}
