//! The budget calculator as one function: the form as typed in, every figure
//! the page and the CLI show out, with an error per field.
//!
//! [`evaluate`] never fails as a whole: each field carries its own result, so a
//! bad target still leaves the window length on screen. [`BudgetView::report`]
//! gathers the figures into the [`BudgetReport`] that `slo budget --json` prints.

pub mod link;

mod convention;
mod report;
mod tables;

pub use convention::convention;

pub use report::{BudgetReport, WindowReport};
use tables::{compare_columns, standard_rows};
pub use tables::{CompareColumn, StandardRow, STANDARD_WINDOWS};

use serde::Serialize;

use crate::budget::{self, ImpliedTarget, TimeSliceBudget, ValidEvents};
use crate::model::EventsPer;
use crate::quantity::duration::ExactDuration;
use crate::quantity::figure::Figure;
use crate::quantity::nines::{nines_name, one_in};
use crate::quantity::target::Target;
use crate::quantity::window::Window;
use crate::quantity::zone::{ZoneResolver, ZoneRules, DEFAULT_ZONE};

/// The most targets compared side by side.
pub const MAX_COMPARE: usize = 4;

/// The calculator's inputs exactly as typed; empty optional fields mean "not asked".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct BudgetForm {
    /// SLO target in percent, e.g. `"99.9"`.
    pub target: String,
    /// Window in the window syntax, e.g. `"28d"` or `"month:2024-02"`.
    pub window: String,
    /// IANA time zone for calendar windows; empty means UTC.
    pub time_zone: String,
    /// Expected valid events (a whole count); empty when not asked.
    pub events: String,
    /// What `events` counts over.
    pub events_per: EventsPer,
    /// Time-slice length, e.g. `"1m"`; empty when not asked.
    pub time_slice: String,
    /// A downtime for the reverse calculation, e.g. `"43m 12s"`; empty when not asked.
    pub downtime: String,
    /// Up to [`MAX_COMPARE`] targets to compare side by side (empty entries ignored).
    pub compare: Vec<String>,
}

impl Default for BudgetForm {
    /// The example a workshop starts from: 99.9 % over the default four-week window.
    fn default() -> Self {
        BudgetForm {
            target: "99.9".into(),
            window: "28d".into(),
            time_zone: String::new(),
            events: String::new(),
            events_per: EventsPer::Window,
            time_slice: String::new(),
            downtime: String::new(),
            compare: vec!["99.9".into(), "99.95".into(), "99.99".into()],
        }
    }
}

impl BudgetForm {
    /// The example the site opens on: the SRE Workbook's four-week window
    /// (ch. 2, "Implementing SLOs": 3,000,000 requests in four weeks at 99.9 %
    /// allow 3,000 errors) with one-minute time slices and three targets compared.
    pub fn example() -> Self {
        BudgetForm {
            events: "3000000".into(),
            time_slice: "1m".into(),
            downtime: "10m".into(),
            ..BudgetForm::default()
        }
    }
}

/// A target and how people read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetFacts {
    /// The parsed target.
    pub target: Target,
    /// "three nines".
    pub nines: String,
    /// "1 in 1,000".
    pub one_in: String,
}

impl TargetFacts {
    fn of(target: Target) -> Self {
        TargetFacts {
            target,
            nines: nines_name(&target),
            one_in: one_in(&target).phrase(),
        }
    }
}

/// A window with its length in the chosen zone and the convention behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WindowFacts {
    /// The parsed window.
    pub window: Window,
    /// The zone its length was computed in.
    pub time_zone: String,
    /// Length in seconds.
    pub seconds: Figure<u64>,
    /// "30 d = 2,592,000 s; rolling".
    pub convention: String,
}

/// Allowed bad events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventFacts {
    /// Valid events in the window (per-day counts scaled, truncated).
    pub valid: Figure<u64>,
    /// Allowed bad events (truncated).
    pub allowed_bad: Figure<u64>,
}

/// Which input a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The target.
    Target,
    /// The window.
    Window,
    /// The time zone.
    TimeZone,
    /// The valid events.
    Events,
    /// The time slice.
    TimeSlice,
    /// The reverse downtime.
    Downtime,
    /// The n-th compared target (0-based).
    Compare(usize),
}

impl Field {
    /// The name of the field as in links and CLI options: `target`, `compare[1]`.
    pub fn name(&self) -> String {
        match self {
            Field::Target => "target".into(),
            Field::Window => "window".into(),
            Field::TimeZone => "tz".into(),
            Field::Events => "events".into(),
            Field::TimeSlice => "timeslice".into(),
            Field::Downtime => "downtime".into(),
            Field::Compare(i) => format!("compare[{i}]"),
        }
    }
}

/// A message for one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field.
    pub field: Field,
    /// What is wrong, naming the bad value.
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field.name(), self.message)
    }
}

type FieldResult<T> = Result<T, String>;

/// Everything the calculator shows, each part with its own result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetView {
    /// The target, or the message for the target field.
    pub target: FieldResult<TargetFacts>,
    /// The zone name, or the message for the time zone field.
    pub time_zone: FieldResult<String>,
    /// The window and its length, or the message for the window field.
    pub window: FieldResult<WindowFacts>,
    /// Allowed downtime, when target and window are valid.
    pub downtime: Option<Figure<ExactDuration>>,
    /// Bad events, when events were given (`Err` for the events field).
    pub events: Option<FieldResult<EventFacts>>,
    /// Bad slices, when a slice was given (`Err` for the slice field).
    pub time_slices: Option<FieldResult<Figure<TimeSliceBudget>>>,
    /// The target a downtime implies, when a downtime was given.
    pub implied: Option<FieldResult<Figure<ImpliedTarget>>>,
    /// The standard windows table, when the target is valid.
    pub standard_windows: Vec<StandardRow>,
    /// The comparison, one entry per compared target field (`None` where the
    /// field is empty; no entries while the window is invalid).
    pub compare: Vec<Option<FieldResult<CompareColumn>>>,
}

fn window_facts(window: Window, zone: &dyn ZoneRules) -> FieldResult<WindowFacts> {
    let seconds = window.length(zone).map_err(|e| e.to_string())?;
    Ok(WindowFacts {
        window,
        time_zone: zone.name().to_string(),
        convention: convention(&window, zone.name(), &seconds),
        seconds,
    })
}

fn downtime_over(target: &Target, seconds: &Figure<u64>) -> FieldResult<Figure<ExactDuration>> {
    seconds
        .try_map(|s| budget::allowed_downtime(target, *s))
        .map_err(|e| e.to_string())
}

fn events_over(
    target: &Target,
    events: ValidEvents,
    seconds: &Figure<u64>,
) -> FieldResult<EventFacts> {
    Ok(EventFacts {
        valid: seconds.map(|s| budget::valid_events_in_window(events, *s)),
        allowed_bad: seconds
            .try_map(|s| budget::allowed_bad_events(target, events, *s))
            .map_err(|e| e.to_string())?,
    })
}

fn parse_events(form: &BudgetForm) -> Option<FieldResult<ValidEvents>> {
    let text = form.events.trim();
    if text.is_empty() {
        return None;
    }
    Some(
        crate::read::VALID_EVENTS
            .read(text)
            .map(|n| match form.events_per {
                EventsPer::Window => ValidEvents::PerWindow(n),
                EventsPer::Day => ValidEvents::PerDay(n),
            }),
    )
}

fn parse_optional_duration(
    text: &str,
    kind: crate::read::Span,
) -> Option<FieldResult<ExactDuration>> {
    let text = text.trim();
    (!text.is_empty()).then(|| kind.read(text))
}

/// Computes everything the calculator shows from the form as typed.
///
/// `zones` turns the time zone name into rules (the browser's `Intl`, the IANA
/// database, or [`crate::quantity::zone::UtcOnly`]). Never panics, whatever the input.
pub fn evaluate(form: &BudgetForm, zones: &dyn ZoneResolver) -> BudgetView {
    let target = form
        .target
        .parse::<Target>()
        .map(TargetFacts::of)
        .map_err(|e| e.to_string());
    let zone_name = match form.time_zone.trim() {
        "" => DEFAULT_ZONE,
        name => name,
    };
    let zone = zones.resolve(zone_name).map_err(|e| e.to_string());
    let window = form
        .window
        .parse::<Window>()
        .map_err(|e| e.to_string())
        .and_then(|w| match &zone {
            Ok(zone) => window_facts(w, zone.as_ref()),
            Err(_) if w.depends_on_zone() => Err(
                "choose a valid time zone: a calendar period's length depends on it".to_string(),
            ),
            Err(_) => window_facts(w, &crate::quantity::zone::Utc),
        });
    let both = match (&target, &window) {
        (Ok(t), Ok(w)) => Some((t.target, w.seconds)),
        _ => None,
    };
    let events = parse_events(form);
    let downtime = both.as_ref().and_then(|(t, s)| downtime_over(t, s).ok());
    let event_facts = events.clone().map(|parsed| {
        let events = parsed?;
        match &both {
            Some((t, s)) => events_over(t, events, s),
            None => Err("needs a valid target and window".to_string()),
        }
    });
    let time_slices =
        parse_optional_duration(&form.time_slice, crate::read::TIME_SLICE).map(|parsed| {
            let slice = parsed?;
            match &both {
                Some((t, s)) => s
                    .try_map(|s| budget::allowed_bad_time_slices(t, *s, slice))
                    .map_err(|e| e.to_string()),
                None => Err("needs a valid target and window".to_string()),
            }
        });
    let implied =
        parse_optional_duration(&form.downtime, crate::read::Span::from_zero("a downtime")).map(
            |parsed| {
                let downtime = parsed?;
                match &window {
                    Ok(w) => w
                        .seconds
                        .try_map(|s| budget::implied_target(downtime, *s))
                        .map_err(|e| e.to_string()),
                    Err(_) => Err("needs a valid window".to_string()),
                }
            },
        );
    let standard_windows = match (&target, &window) {
        (Ok(t), w) => standard_rows(&t.target, w.as_ref().ok().map(|w| &w.window)),
        _ => Vec::new(),
    };
    let compare = compare_columns(form, &window, events.and_then(Result::ok));
    BudgetView {
        target,
        time_zone: zone.map(|z| z.name().to_string()),
        window,
        downtime,
        events: event_facts,
        time_slices,
        implied,
        standard_windows,
        compare,
    }
}
