//! The budget calculator as one function: the form as typed in, every figure
//! the page and the CLI show out, with an error per field.
//!
//! [`evaluate`] never fails as a whole: each field carries its own result, so a
//! bad target still leaves the window length on screen. [`BudgetView::report`]
//! gathers the figures into the [`BudgetReport`] that `slo budget --json` prints.

pub mod link;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::budget::{self, ImpliedTarget, RoundingRule, TimeSliceBudget, ValidEvents};
use crate::model::EventsPer;
use crate::quantity::duration::ExactDuration;
use crate::quantity::figure::Figure;
use crate::quantity::nines::{nines_name, one_in};
use crate::quantity::numbers::group_thousands;
use crate::quantity::target::Target;
use crate::quantity::window::{CalendarPeriod, RollingUnit, Window};
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

/// One row of the standard windows table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandardRow {
    /// "28 days (four weeks)".
    pub name: &'static str,
    /// The window in window syntax.
    pub spec: &'static str,
    /// Length in seconds.
    pub seconds: Figure<u64>,
    /// Allowed downtime.
    pub downtime: Figure<ExactDuration>,
    /// Whether this row is the chosen window's kind.
    pub chosen: bool,
}

/// One column of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareColumn {
    /// The target and its readings.
    pub facts: TargetFacts,
    /// Allowed downtime over the chosen window.
    pub downtime: Figure<ExactDuration>,
    /// Allowed bad events, when valid events were given.
    pub allowed_bad_events: Option<Figure<u64>>,
    /// How many times smaller this budget is than the first column's ("10").
    pub budget_ratio_to_first: Option<Decimal>,
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

/// The standard windows: day, week, 28 d, 30 d, calendar month, quarter, year.
pub const STANDARD_WINDOWS: [(&str, &str); 7] = [
    ("Day", "1d"),
    ("Week", "7d"),
    ("28 days (four weeks)", "28d"),
    ("30 days", "30d"),
    ("Calendar month", "month"),
    ("Calendar quarter", "quarter"),
    ("Calendar year", "year"),
];

fn seconds_phrase(seconds: u64) -> String {
    format!("{} s", group_thousands(&seconds.to_string()))
}

fn length_phrase(seconds: u64) -> String {
    let days = seconds / 86_400;
    let hours = seconds / 3_600;
    if seconds.is_multiple_of(86_400) {
        format!(
            "{days} d = {} h = {}",
            group_thousands(&hours.to_string()),
            seconds_phrase(seconds)
        )
    } else if seconds.is_multiple_of(3_600) {
        format!(
            "{} h = {}",
            group_thousands(&hours.to_string()),
            seconds_phrase(seconds)
        )
    } else {
        format!(
            "{} = {}",
            ExactDuration::from_whole_seconds(seconds),
            seconds_phrase(seconds)
        )
    }
}

/// The convention behind a window's length, in one line:
/// "30 d = 720 h = 2,592,000 s; rolling" or
/// "March 2024 in America/New_York = 743 h = 2,674,800 s; calendar month, ...".
pub fn convention(window: &Window, zone: &str, seconds: &Figure<u64>) -> String {
    match (window, seconds) {
        (Window::Rolling { amount, unit }, Figure::Exact(s)) => {
            let written = match unit {
                RollingUnit::Minutes => format!("{amount} min = "),
                RollingUnit::Hours => format!("{amount} h = "),
                RollingUnit::Weeks => format!("{amount} w = "),
                RollingUnit::Days => String::new(),
            };
            format!("{written}{}; rolling (a day is 86,400 s)", length_phrase(*s))
        }
        (Window::Calendar(period), Figure::Exact(s)) => {
            let shift = if s % 86_400 == 0 {
                String::new()
            } else {
                "; daylight saving time changes its length".to_string()
            };
            if window.depends_on_zone() {
                format!(
                    "{} in {zone} = {}; calendar {}, local midnight to local midnight{shift}",
                    period.label(),
                    length_phrase(*s),
                    period.unit()
                )
            } else {
                format!("{} = {}; calendar {}", period.label(), length_phrase(*s), period.unit())
            }
        }
        (window, range) => format!(
            "{} = {}; civil days (a day is 86,400 s), without daylight saving shifts: pick a given {} for its exact length",
            window.label(),
            range.describe(|s| format!("{} d", s / 86_400)),
            match window {
                Window::Calendar(p) => p.unit(),
                Window::Rolling { .. } => "window",
            }
        ),
    }
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

fn standard_rows(target: &Target, chosen: Option<&Window>) -> Vec<StandardRow> {
    STANDARD_WINDOWS
        .iter()
        .filter_map(|(name, spec)| {
            let window: Window = spec.parse().ok()?;
            let seconds = window.length(&crate::quantity::zone::Utc).ok()?;
            let downtime = downtime_over(target, &seconds).ok()?;
            let chosen = match (chosen, window) {
                (Some(Window::Calendar(c)), Window::Calendar(p)) => c.unit() == p.unit(),
                (
                    Some(Window::Calendar(CalendarPeriod::Week { .. } | CalendarPeriod::EveryWeek)),
                    _,
                ) => *spec == "7d",
                (Some(w @ Window::Rolling { .. }), Window::Rolling { .. }) => {
                    w.length(&crate::quantity::zone::Utc).ok() == Some(seconds)
                }
                _ => false,
            };
            Some(StandardRow {
                name,
                spec,
                seconds,
                downtime,
                chosen,
            })
        })
        .collect()
}

fn compare_columns(
    form: &BudgetForm,
    window: &FieldResult<WindowFacts>,
    events: Option<ValidEvents>,
) -> Vec<Option<FieldResult<CompareColumn>>> {
    let Ok(window) = window else {
        return Vec::new();
    };
    let mut first_budget: Option<Decimal> = None;
    form.compare
        .iter()
        .take(MAX_COMPARE)
        .map(|text| {
            if text.trim().is_empty() {
                return None;
            }
            Some(compare_column(text, window, events, &mut first_budget))
        })
        .collect()
}

fn compare_column(
    text: &str,
    window: &WindowFacts,
    events: Option<ValidEvents>,
    first_budget: &mut Option<Decimal>,
) -> FieldResult<CompareColumn> {
    let target = text.parse::<Target>().map_err(|e| e.to_string())?;
    let fraction = target.error_budget().fraction();
    let ratio = first_budget.and_then(|first| {
        first
            .checked_div(fraction)
            .map(|r| r.round_dp(2).normalize())
    });
    first_budget.get_or_insert(fraction);
    Ok(CompareColumn {
        facts: TargetFacts::of(target),
        downtime: downtime_over(&target, &window.seconds)?,
        allowed_bad_events: match events {
            Some(e) => Some(events_over(&target, e, &window.seconds)?.allowed_bad),
            None => None,
        },
        budget_ratio_to_first: ratio,
    })
}

/// The figures `slo budget --json` prints (names are the JSON keys).
/// Decimals are exact strings without trailing zeros; ranges are `{min, max}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetReport {
    /// The target in percent, e.g. `"99.9"`.
    pub target_percent: String,
    /// `1 - target`, e.g. `"0.001"`.
    pub error_budget_fraction: String,
    /// The error budget in percent, e.g. `"0.1"`.
    pub error_budget_percent: String,
    /// "three nines".
    pub nines: String,
    /// "1 in 1,000".
    pub one_in: String,
    /// The window.
    pub window: WindowReport,
    /// Allowed downtime in seconds, exact.
    pub allowed_downtime_seconds: Figure<String>,
    /// Allowed downtime for people: "43m 12s".
    pub allowed_downtime: Figure<String>,
    /// Valid events in the window, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_events: Option<Figure<u64>>,
    /// Allowed bad events (truncated), when events were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_bad_events: Option<Figure<u64>>,
    /// Whole time slices in the window, when a slice was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_slices_in_window: Option<Figure<u64>>,
    /// Allowed bad time slices (rounded down), when a slice was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_bad_time_slices: Option<Figure<u64>>,
    /// The target a given downtime implies (percent, rounded down to 10 places).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_target_percent: Option<Figure<String>>,
    /// Whether `implied_target_percent` is exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_target_exact: Option<bool>,
    /// The rounding rule of each figure.
    pub rounding: Vec<&'static str>,
}

/// The window part of a [`BudgetReport`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WindowReport {
    /// The window in window syntax: "30d", "month:2024-02".
    pub spec: String,
    /// "rolling" or "calendar".
    pub kind: &'static str,
    /// "rolling 30 days", "February 2024".
    pub label: String,
    /// The IANA zone the length was computed in.
    pub time_zone: String,
    /// Length in seconds.
    pub seconds: Figure<u64>,
    /// The convention behind the length, one line.
    pub convention: String,
}

fn decimal_string(d: &Decimal) -> String {
    d.normalize().to_string()
}

impl BudgetView {
    /// Every field message, in form order.
    pub fn errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut push = |field, result: Option<&String>| {
            if let Some(message) = result {
                errors.push(FieldError {
                    field,
                    message: message.clone(),
                });
            }
        };
        push(Field::Target, self.target.as_ref().err());
        push(Field::TimeZone, self.time_zone.as_ref().err());
        push(Field::Window, self.window.as_ref().err());
        push(
            Field::Events,
            self.events.as_ref().and_then(|r| r.as_ref().err()),
        );
        push(
            Field::TimeSlice,
            self.time_slices.as_ref().and_then(|r| r.as_ref().err()),
        );
        push(
            Field::Downtime,
            self.implied.as_ref().and_then(|r| r.as_ref().err()),
        );
        for (i, column) in self.compare.iter().enumerate() {
            push(
                Field::Compare(i),
                column.as_ref().and_then(|c| c.as_ref().err()),
            );
        }
        errors
    }

    /// The message for one field, if it has one.
    pub fn error(&self, field: Field) -> Option<String> {
        self.errors()
            .into_iter()
            .find(|e| e.field == field)
            .map(|e| e.message)
    }

    /// The report of the main figures, or the first field error.
    pub fn report(&self) -> Result<BudgetReport, FieldError> {
        if let Some(first) = self.errors().into_iter().next() {
            return Err(first);
        }
        let internal = |message: &str| FieldError {
            field: Field::Target,
            message: message.into(),
        };
        let target = self.target.as_ref().map_err(|e| internal(e))?;
        let window = self.window.as_ref().map_err(|e| internal(e))?;
        let downtime = self
            .downtime
            .ok_or_else(|| internal("no downtime computed"))?;
        let budget = target.target.error_budget();
        let events = self.events.as_ref().and_then(|r| r.as_ref().ok());
        let slices = self.time_slices.as_ref().and_then(|r| r.as_ref().ok());
        let implied = self.implied.as_ref().and_then(|r| r.as_ref().ok());
        let mut rounding = vec![RoundingRule::Downtime.describe()];
        if events.is_some() {
            rounding.push(RoundingRule::Events.describe());
        }
        if slices.is_some() {
            rounding.push(RoundingRule::TimeSlices.describe());
        }
        if implied.is_some() {
            rounding.push(RoundingRule::ImpliedTarget.describe());
        }
        Ok(BudgetReport {
            target_percent: target.target.to_string(),
            error_budget_fraction: decimal_string(&budget.fraction()),
            error_budget_percent: decimal_string(&budget.percent()),
            nines: target.nines.clone(),
            one_in: target.one_in.clone(),
            window: WindowReport {
                spec: window.window.to_string(),
                kind: window.window.kind(),
                label: window.window.label(),
                time_zone: window.time_zone.clone(),
                seconds: window.seconds,
                convention: window.convention.clone(),
            },
            allowed_downtime_seconds: downtime.map(|d| decimal_string(&d.seconds())),
            allowed_downtime: downtime.map(|d| d.to_string()),
            valid_events: events.map(|e| e.valid),
            allowed_bad_events: events.map(|e| e.allowed_bad),
            time_slices_in_window: slices.map(|s| s.map(|s| s.slices)),
            allowed_bad_time_slices: slices.map(|s| s.map(|s| s.allowed_bad)),
            implied_target_percent: implied.map(|i| i.map(|i| decimal_string(&i.percent))),
            implied_target_exact: implied.map(|i| i.min().exact && i.max().exact),
            rounding,
        })
    }
}
