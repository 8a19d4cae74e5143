//! The scenario editor: traffic, background errors and the events of one
//! burn scenario, each field bound to the model with its problems beside it.

use leptos::prelude::*;
use slo_core::model::scenario::{
    EventKind, EventType, Scenario, ScenarioEvent, TrafficProfile, TrafficShape,
};

use crate::workshop::inputs::{Choice, FieldProblems, Text};
use crate::workshop::rows::{edit_button, remove_button, rows};
use crate::workshop::state::Workshop;
use slo_core::model::location::{EventAt, Locate, ScenarioAt};
use slo_core::part;

/// A new event for the "add" buttons: starts a week in, lasts an hour.
pub fn new_event(kind: EventKind, name: &str) -> ScenarioEvent {
    ScenarioEvent {
        name: name.into(),
        kind,
        start: "7d 14h".into(),
        duration: "1h".into(),
        cause: String::new(),
    }
}

/// One event's fields.
#[component]
fn EventEditor(
    /// The event.
    at: EventAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let key = Memo::new(move |_| {
        workshop
            .model
            .with(|m| at.get(m).map(|e| e.kind.event_type()))
    });
    let errors = part!(
        at,
        "kind",
        ScenarioEvent,
        kind,
        error_percent,
        EventKind::Incident | EventKind::PartialTraffic
    );
    let share = part!(
        at,
        "kind",
        ScenarioEvent,
        kind,
        traffic_percent,
        EventKind::PartialTraffic
    );
    view! {
        <fieldset class="item event">
            <legend>{move || format!("Event {}", at.1 + 1)}</legend>
            <div class="cols">
                <Text at field="name" label="Name" placeholder="Database failover" get=|e: &ScenarioEvent| &e.name set=|e: &mut ScenarioEvent| &mut e.name />
                <Choice at field="kind.type" label="What" get=|e: &ScenarioEvent| e.kind.event_type() set=|e: &mut ScenarioEvent, t| e.kind = e.kind.as_type(t) />
                <Text at field="start" label="Starts (from the period's start)" placeholder="18d 14h" get=|e: &ScenarioEvent| &e.start set=|e: &mut ScenarioEvent| &mut e.start />
                <Text at field="duration" label="Lasts (time to restore)" placeholder="2h" get=|e: &ScenarioEvent| &e.duration set=|e: &mut ScenarioEvent| &mut e.duration />
            </div>
            <div class="cols">
                <Show when=move || key.get() == Some(EventType::PartialTraffic)>
                    <Text at=share field="trafficPercent" label="Share of traffic (%)" placeholder="1" get=|s: &String| s set=|s: &mut String| s />
                </Show>
                <Show when=move || key.get() != Some(EventType::PlannedDowntime)>
                    <Text at=errors field="errorPercent" label="Error ratio (%; 100 is a full outage)" placeholder="100" get=|s: &String| s set=|s: &mut String| s />
                </Show>
                <Text at field="cause" label="Cause (a dependency or kind of outage)" placeholder="MySQL" get=|e: &ScenarioEvent| &e.cause set=|e: &mut ScenarioEvent| &mut e.cause />
            </div>
            {remove_button("Remove this event", at)}
        </fieldset>
    }
}

/// The scenario's own fields and its events.
#[component]
pub fn ScenarioEditor(
    /// The scenario.
    at: ScenarioAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let daily = Memo::new(move |_| {
        workshop
            .model
            .with(|m| at.get(m).map(|s| s.traffic.shape()) == Some(TrafficShape::Daily))
    });
    let rate = part!(
        at,
        "traffic",
        Scenario,
        traffic,
        requests_per_minute,
        TrafficProfile::Constant
    );
    let peak = part!(
        at,
        "traffic",
        Scenario,
        traffic,
        peak_per_minute,
        TrafficProfile::Daily
    );
    let trough = part!(
        at,
        "traffic",
        Scenario,
        traffic,
        trough_per_minute,
        TrafficProfile::Daily
    );
    let hour = part!(
        at,
        "traffic",
        Scenario,
        traffic,
        peak_hour,
        TrafficProfile::Daily
    );
    let add = move |label: &str, kind: EventKind, name: &'static str| {
        edit_button(label.into(), "", move |m| {
            if let Some(s) = at.get_mut(m) {
                s.events.push(new_event(kind.clone(), name));
            }
        })
    };
    view! {
        <div class="cols">
            <Text at field="name" label="Scenario name" placeholder="the March database outage" get=|s: &Scenario| &s.name set=|s: &mut Scenario| &mut s.name />
            <Choice at field="traffic.type" label="Traffic" get=|s: &Scenario| s.traffic.shape()
                set=|s: &mut Scenario, shape| if s.traffic.shape() != shape { s.traffic = shape.start() } />
            <Text at field="backgroundErrorPercent" label="Background error ratio (%)" placeholder="0.02" get=|s: &Scenario| &s.background_error_percent set=|s: &mut Scenario| &mut s.background_error_percent />
        </div>
        <div class="cols">
            <Show when=move || !daily.get()>
                <Text at=rate field="requestsPerMinute" label="Requests per minute" placeholder="1000" get=|s: &String| s set=|s: &mut String| s />
            </Show>
            <Show when=move || daily.get()>
                <Text at=peak field="peakPerMinute" label="Peak requests per minute" placeholder="3000" get=|s: &String| s set=|s: &mut String| s />
                <Text at=trough field="troughPerMinute" label="Trough requests per minute" placeholder="300" get=|s: &String| s set=|s: &mut String| s />
                <Text at=hour field="peakHour" label="Peak hour (0-23)" placeholder="14" get=|s: &String| s set=|s: &mut String| s />
            </Show>
        </div>
        <h3>"Events"</h3>
        {rows(move |m| at.get(m).map_or(0, |s| s.events.len()), move |e| view! { <EventEditor at=EventAt(at, e) /> })}
        <FieldProblems path=at.field("events") />
        <div class="actions">
            {add("Add an incident", EventKind::Incident { error_percent: "100".into() }, "Incident")}
            {add("Add planned downtime", EventKind::PlannedDowntime, "Deployment window")}
            {add("Add a partial-traffic failure", EventKind::PartialTraffic { traffic_percent: "1".into(), error_percent: "100".into() }, "Canary")}
            {remove_button("Remove this scenario", at)}
        </div>
    }
}
