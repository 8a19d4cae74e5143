//! The Trade-offs page: "should we promise 99.9 or 99.95, and what does
//! each cost us?", answered from the team's own history. Past incidents
//! pasted from a spreadsheet (or a CSV file) and an SLI series give, per
//! candidate target, the past periods met, the chance of meeting it, the
//! pages and release freezes it would have brought; choosing one sets the
//! SLO's target and records why.
//!
//! The editors are here; the table and what reads the history come from a
//! chunk of their own (`views::tradeoff_results`), loaded once the page is up.

use leptos::prelude::*;
use slo_core::glossary::Term;
use slo_core::model::history::SloHistory;
use slo_core::model::location::{every_slo, slo_named, HistoryAt, Locate, RiskAt, SloAt};
use slo_core::model::scenario::RiskModel;
use std::future::Future;
use std::pin::Pin;

use crate::browser;
use crate::glossary::Word;
use crate::workshop::editors::risk::{starting_model, RiskEditor};
use crate::workshop::inputs::{ItemProblems, Lines, Text};
use crate::workshop::later::AfterFirstFrame;
use crate::workshop::state::Workshop;
use crate::workshop::views::picker::{slo_label, Picker};
use crate::workshop::views::problem_list::linked_field;
use crate::workshop::views::tradeoff_results::{SeriesFile, Shared, TradeoffParts};

/// The largest series file read (a year per minute is about 20 MB).
const MAX_SERIES_BYTES: usize = 64 << 20;
/// The largest incidents file read.
const MAX_INCIDENTS_BYTES: usize = 8 << 20;

/// How the page gets its heavy half: the page's binary passes its `#[lazy]`
/// function, which calls `tradeoff_results::tradeoff_parts`.
pub type LoadTradeoffParts = fn(
    Workshop,
    Memo<Option<SloAt>>,
    RwSignal<Option<SeriesFile>>,
) -> Pin<Box<dyn Future<Output = TradeoffParts>>>;

/// The page's resource: the heavy half, once loaded.
type Parts = LocalResource<TradeoffParts>;

/// The Trade-offs page.
#[component]
pub fn TradeoffsPage(
    /// Gets the table and its views, from a chunk of their own in the release site.
    load: LoadTradeoffParts,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let slos = Memo::new(move |_| {
        workshop.model.with(|m| {
            every_slo(m)
                .map(|e| (e.at, slo_label(m, e.at)))
                .collect::<Vec<_>>()
        })
    });
    // Open on the SLO a problem's link names, else the first with a history.
    let linked = linked_field().and_then(|path| Some(path.split_once(".history")?.0.to_string()));
    let first = workshop.model.with_untracked(|m| {
        let linked = linked.and_then(|path| slo_named(m, &path).ok());
        let slos = || every_slo(m).map(|e| (e.at, e.slo.history.is_some()));
        slos()
            .position(|(at, _)| Some(at) == linked)
            .or_else(|| slos().position(|(_, has)| has))
            .unwrap_or(0)
    });
    let chosen = RwSignal::new(first);
    let current = Memo::new(move |_| {
        slos.with(|l| {
            l.get(chosen.get().min(l.len().saturating_sub(1)))
                .map(|(at, _)| *at)
        })
    });
    let series = RwSignal::new(None::<SeriesFile>);
    // A series is one SLI's: another SLO picked forgets it.
    Effect::watch(
        move || current.get(),
        move |_, _, _| series.set(None),
        false,
    );
    let parts: Parts = LocalResource::new(move || async move {
        browser::after_next_paint().await;
        load(workshop, current, series).await
    });
    view! {
        <h1 class="page-title">"Trade-offs"</h1>
        <p class="lede">
            "What can we promise? Each candidate target against the team's own history: the periods it would have met, the chance of meeting it, the " <Word term=Term::Page text="pages" /> " and " <Word term=Term::ReleaseFreeze text="release freezes" /> " it would have brought. Choose one to set the " <Word term=Term::Slo /> "'s target and keep the reasons."
        </p>
        <section class="card">
            <h2>"SLO"</h2>
            <Show when=move || slos.with(|l| !l.is_empty())
                fallback=|| view! { <p class="hint">"No SLO yet: add one on the Model page."</p> }>
                <Picker id="tradeoff-slo" label="Weigh targets for" items=slos chosen />
            </Show>
        </section>
        {move || current.get().map(|at| view! { <HistoryEditor at parts series /> })}
        <section class="card" id="tradeoff-card">
            <h2>"Candidate targets side by side"</h2>
            {move || match parts.get() {
                Some(p) => p.table.run(()),
                None => view! { <p class="hint" aria-busy="true">"Loading the trade-off table..."</p> }.into_any(),
            }}
        </section>
        <AfterFirstFrame>
            {move || current.get().map(|at| view! { <FittedRisk at parts /> })}
        </AfterFirstFrame>
    }
}

/// The history's editors: the incidents (pasted, or from a file), the
/// span, the candidates, and an SLI series for the session.
#[component]
fn HistoryEditor(at: SloAt, parts: Parts, series: RwSignal<Option<SeriesFile>>) -> impl IntoView {
    let workshop = Workshop::from_context();
    let history = HistoryAt(at);
    let incidents_path = history.field("incidents");
    let open_incidents = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        let path = incidents_path.clone();
        leptos::task::spawn_local(async move {
            match browser::read_text_file(file, MAX_INCIDENTS_BYTES).await {
                Ok((_, text)) => workshop.edit(&path, |m| {
                    if let Some(h) = history.get_mut(m) {
                        h.incidents = text;
                    }
                }),
                Err(why) => workshop.notice.set(Some(Err(why))),
            }
        });
    };
    let open_series = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_text_file(file, MAX_SERIES_BYTES).await {
                Ok((name, text)) => series.set(Some(SeriesFile {
                    name,
                    text: Shared(text.into()),
                })),
                Err(why) => workshop.notice.set(Some(Err(why))),
            }
        });
    };
    let part = move |part: fn(&TradeoffParts) -> Callback<(), AnyView>| {
        move || parts.get().map(|p| part(&p).run(()))
    };
    view! {
        <section class="card history">
            <h2>"The team's history"</h2>
            <p class="hint">
                "Paste past incidents from a spreadsheet or a CSV file, a header line first: start, end or duration (42m, 1:30:00), share affected (%, 100 when empty), cause, SLI. Times without a time zone offset (such as +02:00) are read in the SLO's time zone. Rows that cannot be read are listed and left out; the others are kept."
            </p>
            <Text at=history field="incidents" label="Past incidents" multiline=true
                placeholder="start,duration,affected,cause\n2025-02-10 14:00,42m,100,bad deploy"
                get=|h: &SloHistory| &h.incidents set=|h: &mut SloHistory| &mut h.incidents />
            <div class="field">
                <label for="incidents-file">"Or open a CSV file of incidents"</label>
                <input type="file" id="incidents-file" accept=".csv,.tsv,.txt,text/csv,text/plain" on:change=open_incidents />
            </div>
            {part(|p| p.incidents_read)}
            <div class="cols">
                <Text at=history field="from" label="Record from (first day)" placeholder="2025-01-01" blank_means="the whole periods around the incidents"
                    get=|h: &SloHistory| &h.from set=|h: &mut SloHistory| &mut h.from />
                <Text at=history field="to" label="Record to (the day after the last)" placeholder="2025-07-01"
                    get=|h: &SloHistory| &h.to set=|h: &mut SloHistory| &mut h.to />
                <div>
                    <Lines at=history field="candidates" label="Candidate targets (%, at most 6; empty for the defaults)"
                        get=|h: &SloHistory| &h.candidates set=|h: &mut SloHistory| &mut h.candidates />
                    <ItemProblems path=history.field("candidates") count=Signal::derive(move || {
                        workshop.model.with(|m| history.get(m).map_or(0, |h| h.candidates.len()))
                    }) />
                </div>
            </div>
            <div class="field">
                <label for="series-file">"An SLI series for this session (CSV of timestamp, good, valid or bad; or a Prometheus range query's JSON)"</label>
                <input type="file" id="series-file" accept=".csv,.tsv,.txt,.json,text/csv,application/json" on:change=open_series />
            </div>
            {move || series.get().map(|s| view! {
                <p class="hint">{format!("Series: {} (kept until the page is closed: too large for the model). ", s.name)}
                    <button type="button" class="remove" id="forget-series" on:click=move |_| series.set(None)>"Forget the series"</button>
                </p>
            })}
            {part(|p| p.series_read)}
        </section>
    }
}

/// The risk model the chances come from: the one fitted to the incidents,
/// shown in words, or a copy of it as edited.
#[component]
fn FittedRisk(at: SloAt, parts: Parts) -> impl IntoView {
    let starting = Callback::new(move |()| -> RiskModel {
        parts
            .get_untracked()
            .and_then(|p| p.fitted.get_untracked())
            .unwrap_or_else(starting_model)
    });
    view! {
        <section class="card">
            <h2>"Risk model"</h2>
            <p class="hint">"The chances come from playing this model through many periods (" <Word term=Term::MonteCarlo /> "): fitted to the incidents (how many per period, a " <Word term=Term::LogNormal /> " " <Word term=Term::TimeToRestore /> ", how serious), or as you edit it."</p>
            {move || parts.get().map(|p| p.fit.run(()))}
            <RiskEditor at=RiskAt::History(at) add_label="Edit the fitted model" remove_label="Back to the fitted model" starting />
        </section>
    }
}
