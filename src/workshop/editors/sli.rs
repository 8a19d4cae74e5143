//! The editor of one SLI: what counts as good and valid, how it is measured,
//! and its SLOs.

use leptos::prelude::*;
use slo_core::glossary::Term;
use slo_core::model::{
    LatencyThreshold, Measurement, Sli, SliKind, SliQueries, Slo, Traffic, WINDOW_PLACEHOLDER,
};

use crate::workshop::editors::slo::SloEditor;
use crate::workshop::inputs::{Check, Choice, OptText, Text};
use crate::workshop::rows::{edit_button, remove_button, rows};
use crate::workshop::state::Workshop;
use slo_core::model::location::{Locate, SliAt, SloAt};

static EMPTY: String = String::new();

/// One SLI's fields and its SLOs.
#[component]
pub fn SliEditor(
    /// The SLI.
    at: SliAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let section = workshop.section(&at.path());
    let kind = Memo::new(move |_| section.with(|m| at.get(m).map(|s| s.kind)));
    let title = move || {
        section.with(|m| {
            let name = at.get(m).map(|s| s.name.clone()).unwrap_or_default();
            format!("SLI {}: {name}", at.1 + 1)
        })
    };
    view! {
        <fieldset class="item sli">
            <legend>{title}</legend>
            <div class="cols">
                <Text at field="name" label="SLI name" term=Term::Sli placeholder="Checkout availability" get=|s: &Sli| &s.name set=|s: &mut Sli| &mut s.name />
                <Choice at field="kind" label="Kind" get=|s: &Sli| s.kind set=|s: &mut Sli, k| s.kind = k />
            </div>
            <div class="cols">
                <Text at field="goodEvents" label="A good event is" term=Term::GoodEvents multiline=true get=|s: &Sli| &s.good_events set=|s: &mut Sli| &mut s.good_events />
                <Text at field="validEvents" label="A valid event is" term=Term::ValidEvents multiline=true get=|s: &Sli| &s.valid_events set=|s: &mut Sli| &mut s.valid_events />
            </div>
            <Show when=move || kind.get() == Some(SliKind::Availability)>
                <div>
                <OptText at field="badResponses" label="Responses that count as bad" placeholder="HTTP 5xx and timeouts" get=|s: &Sli| s.bad_responses.as_ref() set=|s: &mut Sli| &mut s.bad_responses />
                </div>
            </Show>
            <Show when=move || kind.get() == Some(SliKind::Latency)>
                <div class="cols">
                    <Text at field="latency.thresholdMs" label="Latency threshold (ms)" placeholder="400"
                        get=|s: &Sli| s.latency.as_ref().map(|l| &l.threshold_ms).unwrap_or(&EMPTY)
                        set=|s: &mut Sli| &mut s.latency.get_or_insert_with(LatencyThreshold::default).threshold_ms />
                    <Choice at field="latency.comparison" label="Good when"
                        get=|s: &Sli| s.latency.as_ref().map(|l| l.comparison).unwrap_or_default()
                        set=|s: &mut Sli, c| s.latency.get_or_insert_with(LatencyThreshold::default).comparison = c />
                </div>
            </Show>
            <SliMeasurement at />
            <SliQueriesEditor at />
            {rows(move |m| at.get(m).map_or(0, |s| s.slos.len()), move |i| view! { <SloEditor at=SloAt(at, i) /> })}
            <div class="actions">
                {edit_button("Add an SLO".into(), "", move |m| {
                    if let Some(sli) = at.get_mut(m) {
                        let window = sli.slos.last().map(|s| s.window.clone()).unwrap_or_else(|| "28d".into());
                        sli.slos.push(Slo { target: "99.9".into(), window, ..Slo::default() });
                    }
                })}
                {remove_button("Remove this SLI", at)}
            </div>
        </fieldset>
    }
}

/// Where and how the SLI is measured: the source, request- or time-slice
/// based, and the expected traffic for event budgets.
#[component]
fn SliMeasurement(
    /// The SLI.
    at: SliAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let section = workshop.section(&at.path());
    let time_slices = Memo::new(move |_| {
        section.with(|m| {
            at.get(m)
                .is_some_and(|s| s.measurement == Measurement::TimeSliceBased)
        })
    });
    view! {
        <div class="cols">
            <Text at field="measuredAt" label="Measured at" placeholder="load balancer logs" get=|s: &Sli| &s.measured_at set=|s: &mut Sli| &mut s.measured_at />
            <Check at field="measurement" label="Time-slice based (good or bad slices of time)" term=Term::TimeSlice
                get=|s: &Sli| s.measurement == Measurement::TimeSliceBased
                set=|s: &mut Sli, on| {
                    s.measurement = if on { Measurement::TimeSliceBased } else { Measurement::RequestBased };
                    if on && s.time_slice.is_empty() {
                        s.time_slice = "1m".into();
                    }
                } />
            <Show when=move || time_slices.get()>
                <div>
                    <Text at field="timeSlice" label="Slice length" placeholder="1m" get=|s: &Sli| &s.time_slice set=|s: &mut Sli| &mut s.time_slice />
                </div>
            </Show>
        </div>
        <div class="cols">
            <Text at field="traffic.validEvents" label="Expected valid events (optional)" placeholder="3000000"
                get=|s: &Sli| s.traffic.as_ref().map(|t| &t.valid_events).unwrap_or(&EMPTY)
                set=|s: &mut Sli| &mut s.traffic.get_or_insert_with(Traffic::default).valid_events />
            <Choice at field="traffic.per" label="Counted"
                get=|s: &Sli| s.traffic.as_ref().map(|t| t.per).unwrap_or_default()
                set=|s: &mut Sli, p| s.traffic.get_or_insert_with(Traffic::default).per = p />
        </div>
    }
}

/// The queries that count the SLI's events in a metric source (OpenSLO's
/// `ratioMetric`), for the OpenSLO and Prometheus exports.
#[component]
fn SliQueriesEditor(
    /// The SLI.
    at: SliAt,
) -> impl IntoView {
    fn queries(s: &mut Sli) -> &mut SliQueries {
        s.queries.get_or_insert_with(SliQueries::default)
    }
    let window_hint =
        format!("Not counters: write the window as {WINDOW_PLACEHOLDER} (Prometheus)");
    view! {
        <div class="cols">
            <Text at field="queries.source" label="Metric source (optional)" placeholder="Prometheus"
                get=|s: &Sli| s.queries.as_ref().map(|q| &q.source).unwrap_or(&EMPTY)
                set=|s: &mut Sli| &mut queries(s).source />
            <Choice at field="queries.counts" label="The first query counts"
                get=|s: &Sli| s.queries.as_ref().map(|q| q.counts).unwrap_or_default()
                set=|s: &mut Sli, c| queries(s).counts = c />
            <Check at field="queries.counter" label="Counters (a rate is taken over each window)"
                get=|s: &Sli| s.queries.as_ref().is_none_or(|q| q.counter)
                set=|s: &mut Sli, on| queries(s).counter = on />
        </div>
        <p class="hint">{window_hint}</p>
        <div class="cols">
            <Text at field="queries.counted" label="Query: good (or bad) events" term=Term::PromQl multiline=true placeholder="http_requests_total{code!~\"5..\"}"
                get=|s: &Sli| s.queries.as_ref().map(|q| &q.counted).unwrap_or(&EMPTY)
                set=|s: &mut Sli| &mut queries(s).counted />
            <Text at field="queries.total" label="Query: valid events" multiline=true placeholder="http_requests_total"
                get=|s: &Sli| s.queries.as_ref().map(|q| &q.total).unwrap_or(&EMPTY)
                set=|s: &mut Sli| &mut queries(s).total />
        </div>
    }
}
