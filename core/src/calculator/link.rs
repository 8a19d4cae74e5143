//! Deep links: the calculator's form as URL query parameters and back.
//!
//! `?target=99.9&window=30d&tz=Europe/Berlin&events=3000000&per=day&timeslice=1m&downtime=43m12s&compare=99.9,99.95`
//!
//! This module works on decoded `(name, value)` pairs; percent-encoding is the
//! browser's job (`URLSearchParams`). Values are taken as typed, so a bad value
//! in a link shows up as that field's message, never as a failure to open.

use crate::calculator::{BudgetForm, MAX_COMPARE};
use crate::model::kind::Kind;
use crate::model::EventsPer;

/// Every URL parameter the Budget page reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// `target`: SLO target in percent.
    Target,
    /// `window`: the window syntax.
    Window,
    /// `tz`: IANA time zone.
    TimeZone,
    /// `events`: expected valid events.
    Events,
    /// `per`: `window` (default) or `day`.
    EventsPer,
    /// `timeslice`: time-slice length.
    TimeSlice,
    /// `downtime`: downtime for the reverse calculation.
    Downtime,
    /// `compare`: comma-separated targets.
    Compare,
}

impl Param {
    /// All parameters, in the order links are written.
    pub const ALL: [Param; 8] = [
        Param::Target,
        Param::Window,
        Param::TimeZone,
        Param::Events,
        Param::EventsPer,
        Param::TimeSlice,
        Param::Downtime,
        Param::Compare,
    ];

    /// The parameter's name in the query string.
    pub fn name(self) -> &'static str {
        match self {
            Param::Target => "target",
            Param::Window => "window",
            Param::TimeZone => "tz",
            Param::Events => "events",
            Param::EventsPer => "per",
            Param::TimeSlice => "timeslice",
            Param::Downtime => "downtime",
            Param::Compare => "compare",
        }
    }

    fn named(name: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// Whether a query string holds any Budget page parameter.
pub fn has_form_params<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> bool {
    pairs
        .into_iter()
        .any(|(name, _)| Param::named(name).is_some())
}

/// Applies decoded query pairs on top of `base` (what the page had before);
/// unknown names are ignored, the last value of a repeated name wins.
///
/// ```
/// use slo_core::calculator::{BudgetForm, link::form_from_pairs};
/// let form = form_from_pairs(BudgetForm::default(), [("target", "99.95"), ("window", "7d")]);
/// assert_eq!((form.target.as_str(), form.window.as_str()), ("99.95", "7d"));
/// ```
pub fn form_from_pairs<'a>(
    base: BudgetForm,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> BudgetForm {
    let mut form = base;
    for (name, value) in pairs {
        let value = value.to_string();
        match Param::named(name) {
            Some(Param::Target) => form.target = value,
            Some(Param::Window) => form.window = value,
            Some(Param::TimeZone) => form.time_zone = value,
            Some(Param::Events) => form.events = value,
            Some(Param::EventsPer) => {
                form.events_per = EventsPer::from_key(value.trim()).unwrap_or_default()
            }
            Some(Param::TimeSlice) => form.time_slice = value,
            Some(Param::Downtime) => form.downtime = value,
            Some(Param::Compare) => {
                form.compare = value
                    .split(',')
                    .map(|t| t.trim().to_string())
                    .take(MAX_COMPARE)
                    .collect()
            }
            None => {}
        }
    }
    form
}

/// The pairs that describe `form`: target and window always, the others only
/// when filled in (compare only when it differs from the default).
///
/// ```
/// use slo_core::calculator::{BudgetForm, link::form_to_pairs};
/// let mut form = BudgetForm::default();
/// form.window = "30d".into();
/// assert_eq!(form_to_pairs(&form), vec![("target", "99.9".to_string()), ("window", "30d".to_string())]);
/// ```
pub fn form_to_pairs(form: &BudgetForm) -> Vec<(&'static str, String)> {
    let default = BudgetForm::default();
    let compare = form.compare.join(",");
    Param::ALL
        .into_iter()
        .filter_map(|param| {
            let value = match param {
                Param::Target => form.target.clone(),
                Param::Window => form.window.clone(),
                Param::TimeZone => form.time_zone.trim().to_string(),
                Param::Events => form.events.trim().to_string(),
                Param::EventsPer if form.events_per != EventsPer::Window => {
                    form.events_per.key().to_string()
                }
                Param::EventsPer => String::new(),
                Param::TimeSlice => form.time_slice.trim().to_string(),
                Param::Downtime => form.downtime.trim().to_string(),
                Param::Compare if form.compare != default.compare => compare.clone(),
                Param::Compare => String::new(),
            };
            let always = matches!(param, Param::Target | Param::Window);
            (always || !value.is_empty()).then_some((param.name(), value))
        })
        .collect()
}
