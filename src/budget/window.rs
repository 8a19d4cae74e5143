//! The window (compliance period) field: rolling presets, calendar periods, and
//! the time zone for calendar periods.

use leptos::prelude::*;
use slo_core::calculator::Field;

use crate::browser;
use crate::budget::field::{Presets, TextField};
use crate::budget::state::Calculator;
use crate::frame::example;

const ROLLING_PRESETS: [(&str, &str); 6] = [
    ("1d", "1 d"),
    ("7d", "7 d"),
    ("28d", "28 d"),
    ("30d", "30 d"),
    ("90d", "90 d"),
    ("365d", "365 d"),
];

const CALENDAR_KINDS: [(&str, &str, &str); 4] = [
    ("week", "Week (ISO, Monday start)", "2024-W10"),
    ("month", "Month", "2024-02"),
    ("quarter", "Quarter", "2024-Q1"),
    ("year", "Year", "2024"),
];

/// Splits a calendar window into (kind, period): `month:2024-02` -> ("month", "2024-02").
fn calendar_parts(window: &str) -> Option<(&str, &str)> {
    let window = window.trim();
    let (kind, period) = window.split_once(':').unwrap_or((window, ""));
    CALENDAR_KINDS
        .iter()
        .any(|(k, _, _)| *k == kind)
        .then_some((kind, period))
}

/// Window text field, presets, a calendar period chooser and the time zone.
#[component]
pub fn WindowInput() -> impl IntoView {
    let calculator = Calculator::from_context();
    let (value, set, error) =
        calculator.bind(Field::Window, |f| &f.window, |f, text| f.window = text);
    view! {
        <TextField
            id="window"
            label="Window (compliance period)"
            hint="Rolling: 28d, 4w, 6h, 90m. Calendar: month:2024-02, quarter:2024-Q1, year:2024, week:2024-W10, or month for every month"
            placeholder="28d"
            value
            on_input=set
            error
        />
        <Presets label="Rolling windows" options=ROLLING_PRESETS.to_vec() current=value on_pick=set />
        <CalendarChooser />
        <TimeZoneInput />
    }
}

/// The calendar period chooser: a kind (week, month, quarter, year) and
/// which one, written into the window field as `month:2024-02`.
#[component]
fn CalendarChooser() -> impl IntoView {
    let Calculator { form, .. } = Calculator::from_context();
    let part = move |which: for<'a> fn((&'a str, &'a str)) -> &'a str| {
        Signal::derive(move || {
            form.with(|f| {
                calendar_parts(&f.window)
                    .map(|parts| which(parts).to_string())
                    .unwrap_or_default()
            })
        })
    };
    let kind = part(|(k, _)| k);
    let period = part(|(_, p)| p);
    let set_kind = move |k: String| {
        form.update(|f| f.window = if k.is_empty() { "28d".to_string() } else { k })
    };
    let set_period = Callback::new(move |p: String| {
        let k = kind.get_untracked();
        form.update(|f| {
            f.window = if p.trim().is_empty() {
                k
            } else {
                format!("{k}:{}", p.trim())
            }
        })
    });
    let placeholder = move || {
        let k = kind.get();
        CALENDAR_KINDS
            .iter()
            .find(|(n, _, _)| *n == k)
            .map(|(_, _, p)| *p)
            .unwrap_or("")
    };
    view! {
        <div class="calendar">
            <div class="field">
                <label for="calendar-kind">"Calendar period"</label>
                <select
                    id="calendar-kind"
                    prop:value=move || kind.get()
                    on:change=move |ev| set_kind(event_target_value(&ev))
                >
                    <option value="">"none (rolling window)"</option>
                    {CALENDAR_KINDS
                        .iter()
                        .map(|(k, name, _)| view! { <option value=*k>{*name}</option> })
                        .collect_view()}
                </select>
            </div>
            <Show when=move || !kind.with(String::is_empty)>
                <div class="field">
                    <label for="calendar-period">"Which one (empty: every one)"</label>
                    <input
                        id="calendar-period"
                        type="text"
                        autocomplete="off"
                        placeholder=move || example(placeholder())
                        prop:value=move || period.get()
                        on:input=move |ev| set_period.run(event_target_value(&ev))
                    />
                </div>
            </Show>
        </div>
    }
}

/// The time zone of calendar periods, with the browser's zone names offered.
#[component]
fn TimeZoneInput() -> impl IntoView {
    let calculator = Calculator::from_context();
    let (value, set, error) = calculator.bind(
        Field::TimeZone,
        |f| &f.time_zone,
        |f, text| f.time_zone = text,
    );
    let zones = browser::known_zone_names();
    view! {
        <TextField
            id="tz"
            label="Time zone (IANA)"
            hint="For calendar periods: they run from local midnight to local midnight. Empty means UTC."
            placeholder="UTC"
            list="tz-names"
            value
            on_input=set
            error
        />
        <datalist id="tz-names">
            {zones.into_iter().map(|z| view! { <option value=z></option> }).collect_view()}
        </datalist>
    }
}
