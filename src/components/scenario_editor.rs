//! The scenario editor: traffic, background errors and the events of one
//! burn scenario, each field bound to the model with its problems beside it.

use leptos::prelude::*;
use slo_core::model::scenario::{EventKind, Scenario, ScenarioEvent, TrafficProfile};

use super::inputs::{Choice, FieldProblems, Text};
use super::rows::{edit_button, remove_button, rows};
use crate::workshop::Workshop;
use slo_core::model::location::{EventAt, Locate, ScenarioAt};
use slo_core::part;

const TRAFFIC: &[(&str, &str)] = &[
    ("constant", "constant: the same rate all day"),
    ("daily", "daily curve: a peak and a trough"),
];

const KINDS: &[(&str, &str)] = &[
    ("incident", "incident"),
    ("plannedDowntime", "planned downtime (deployment window)"),
    ("partialTraffic", "partial-traffic failure (a canary)"),
];

fn traffic_key(s: &Scenario) -> &'static str {
    match s.traffic {
        TrafficProfile::Constant { .. } => "constant",
        TrafficProfile::Daily { .. } => "daily",
    }
}

fn kind_key(e: &ScenarioEvent) -> &'static str {
    match e.kind {
        EventKind::Incident { .. } => "incident",
        EventKind::PlannedDowntime => "plannedDowntime",
        EventKind::PartialTraffic { .. } => "partialTraffic",
    }
}

/// A new event of `kind`, keeping what the old one's error ratio was.
fn with_kind(e: &mut ScenarioEvent, key: &'static str) {
    if kind_key(e) == key {
        return;
    }
    let error_percent = match &e.kind {
        EventKind::Incident { error_percent } | EventKind::PartialTraffic { error_percent, .. } => {
            error_percent.clone()
        }
        EventKind::PlannedDowntime => "100".into(),
    };
    e.kind = match key {
        "plannedDowntime" => EventKind::PlannedDowntime,
        "partialTraffic" => EventKind::PartialTraffic {
            traffic_percent: "1".into(),
            error_percent,
        },
        _ => EventKind::Incident { error_percent },
    };
}

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
    let key = Memo::new(move |_| workshop.model.with(|m| at.get(m).map(kind_key)));
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
                <Choice at field="kind.type" label="What" options=KINDS get=kind_key set=with_kind />
                <Text at field="start" label="Starts (from the period's start)" placeholder="18d 14h" get=|e: &ScenarioEvent| &e.start set=|e: &mut ScenarioEvent| &mut e.start />
                <Text at field="duration" label="Lasts (time to restore)" placeholder="2h" get=|e: &ScenarioEvent| &e.duration set=|e: &mut ScenarioEvent| &mut e.duration />
            </div>
            <div class="cols">
                <Show when=move || key.get() == Some("partialTraffic")>
                    <Text at=share field="trafficPercent" label="Share of traffic (%)" placeholder="1" get=|s: &String| s set=|s: &mut String| s />
                </Show>
                <Show when=move || key.get() != Some("plannedDowntime")>
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
            .with(|m| at.get(m).map(traffic_key) == Some("daily"))
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
            <Text at field="name" label="Scenario name" placeholder="Last spring's outage" get=|s: &Scenario| &s.name set=|s: &mut Scenario| &mut s.name />
            <Choice at field="traffic.type" label="Traffic" options=TRAFFIC get=traffic_key
                set=|s: &mut Scenario, key| {
                    if traffic_key(s) != key {
                        s.traffic = if key == "daily" {
                            TrafficProfile::Daily { peak_per_minute: "3000".into(), trough_per_minute: "300".into(), peak_hour: "14".into() }
                        } else {
                            TrafficProfile::default()
                        };
                    }
                } />
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
