//! Services, their journeys, SLIs and SLOs: names, the SLI's definition and
//! numbers, each SLO's target, window, time zone, SLA and history, and the
//! one window unit a team's SLOs share (ESF).

use std::collections::HashMap;

use super::Checker;
use crate::model::kind::Kind;
use crate::model::location::{JourneyAt, Locate, ModelAt, ServiceAt, SliAt, SloAt};
use crate::model::{
    Counts, Measurement, Model, Service, Sli, SliKind, SliQueries, Slo, WINDOW_PLACEHOLDER,
};
use crate::problem::{Collector, Problem};
use crate::quantity::duration::ExactDuration;
use crate::quantity::target::Target;
use crate::quantity::window::Window;
use crate::quantity::zone::ZoneResolver;
use crate::read::{LATENCY_MS, TIME_SLICE, VALID_EVENTS};

/// What checking one service on its own found: its problems, in document
/// order, and its SLOs' window units (for [`check_windows_share_a_unit`]).
/// It depends on the service, whether the document is agreed and the time
/// zone rules only, so it can be kept while the service is unchanged.
#[derive(Clone, Debug, Default)]
pub(super) struct ServiceFindings {
    pub(super) problems: Vec<Problem>,
    units: Vec<(SloAt, WindowUnit)>,
}

/// Checks the service at `at` on its own.
pub(super) fn service_findings(
    agreed: bool,
    zones: &dyn ZoneResolver,
    at: ServiceAt,
    service: &Service,
) -> ServiceFindings {
    let mut c = Checker {
        found: Collector::new(),
        agreed,
        zones,
    };
    let units = check_service(&mut c, at, service);
    ServiceFindings {
        problems: c.found.into_problems(),
        units,
    }
}

/// Every service, with names unique across the model: each service's
/// findings from `findings` (made afresh, or kept from an earlier check).
/// Returns every SLO's window unit, in document order.
pub(super) fn check_services(
    c: &mut Checker,
    model: &Model,
    mut findings: impl FnMut(&Checker, ServiceAt, &Service) -> ServiceFindings,
) -> Vec<(SloAt, WindowUnit)> {
    if model.services.is_empty() {
        c.needed("services", true, "a service");
    }
    let mut names: HashMap<String, ServiceAt> = HashMap::new();
    let mut units = Vec::new();
    for (i, service) in model.services.iter().enumerate() {
        let at = ServiceAt(ModelAt, i);
        let key = service.name.trim().to_lowercase();
        if !key.is_empty() {
            if let Some(first) = names.get(&key) {
                c.error(
                    || at.field("name"),
                    format!(
                        "service name \"{}\" is already used by {}",
                        service.name,
                        first.path()
                    ),
                );
            } else {
                names.insert(key, at);
            }
        }
        let found = findings(c, at, service);
        for problem in found.problems {
            c.found.push(problem);
        }
        units.extend(found.units);
    }
    units
}

/// Checks one service; returns its SLOs' window units.
fn check_service(c: &mut Checker, at: ServiceAt, service: &Service) -> Vec<(SloAt, WindowUnit)> {
    let mut units = Vec::new();
    c.text(|| at.field("name"), &service.name, "the service's name");
    if service.kind.is_user_facing() {
        c.needed(
            || at.field("journeys"),
            service.journeys.is_empty(),
            "a user journey or endpoint",
        );
    } else {
        // A component is there for the services that depend on it: its
        // availability, not its journeys, is what an agreement needs.
        c.needed(
            || at.field("ownAvailability"),
            service
                .own_availability
                .as_deref()
                .is_none_or(|a| a.trim().is_empty()),
            "a component's availability",
        );
    }
    let mut defaults: HashMap<SliKind, SloAt> = HashMap::new();
    for (j, journey) in service.journeys.iter().enumerate() {
        let at = JourneyAt(at, j);
        c.text(|| at.field("name"), &journey.name, "the journey's name");
        let rank = journey.rank.trim();
        if !rank.is_empty() && !rank.parse::<u32>().is_ok_and(|r| r >= 1) {
            c.error(
                || at.field("rank"),
                format!(
                    "\"{rank}\" is not a rank: a whole number, 1 for the most important journey"
                ),
            );
        }
        if journey.slis.is_empty() {
            c.needed(|| at.field("slis"), true, "an SLI");
        }
        for (k, sli) in journey.slis.iter().enumerate() {
            let at = SliAt(at, k);
            check_sli(c, at, sli);
            for (m, slo) in sli.slos.iter().enumerate() {
                let at = SloAt(at, m);
                if slo.default_slo {
                    if let Some(first) = defaults.get(&sli.kind) {
                        c.warning(
                            || at.field("defaultSlo"),
                            format!(
                                "the service already has a default {} SLO at {}: only one applies",
                                sli.kind.key(),
                                first.path()
                            ),
                        );
                    } else {
                        defaults.insert(sli.kind, at);
                    }
                }
                if let Some(unit) = check_slo(c, at, sli, slo) {
                    units.push((at, unit));
                }
            }
        }
    }
    units
}

fn check_sli(c: &mut Checker, at: SliAt, sli: &Sli) {
    c.text(|| at.field("name"), &sli.name, "the SLI's name");
    c.text(
        || at.field("goodEvents"),
        &sli.good_events,
        "what a good event is",
    );
    c.text(
        || at.field("validEvents"),
        &sli.valid_events,
        "what a valid event is",
    );
    c.text(
        || at.field("measuredAt"),
        &sli.measured_at,
        "where the SLI is measured",
    );
    if sli.kind == SliKind::Latency {
        match &sli.latency {
            None => c.error(
                || at.field("latency"),
                "a latency SLI needs a threshold in ms",
            ),
            Some(latency) => {
                c.read(
                    || at.field("latency.thresholdMs"),
                    LATENCY_MS.read(&latency.threshold_ms),
                );
            }
        }
    }
    if sli.measurement == Measurement::TimeSliceBased {
        c.read(|| at.field("timeSlice"), TIME_SLICE.read(&sli.time_slice));
    }
    if let Some(traffic) = sli
        .traffic
        .as_ref()
        .filter(|t| !t.valid_events.trim().is_empty())
    {
        c.read(
            || at.field("traffic.validEvents"),
            VALID_EVENTS.read(&traffic.valid_events),
        );
    }
    if let Some(queries) = &sli.queries {
        check_queries(c, at, queries);
    }
    if sli.slos.is_empty() {
        c.needed(|| at.field("slos"), true, "an SLO");
    }
}

/// The queries need a source and both queries; a Prometheus query that is
/// not a counter must say where its window goes.
fn check_queries(c: &mut Checker, at: SliAt, queries: &SliQueries) {
    c.text(
        || at.field("queries.source"),
        &queries.source,
        "the queries' metric source",
    );
    let counted = match queries.counts {
        Counts::Good => "the query counting good events",
        Counts::Bad => "the query counting bad events",
    };
    c.text(|| at.field("queries.counted"), &queries.counted, counted);
    c.text(
        || at.field("queries.total"),
        &queries.total,
        "the query counting valid events",
    );
    if queries.is_prometheus() && !queries.counter {
        for (field, query) in [("counted", &queries.counted), ("total", &queries.total)] {
            if !query.trim().is_empty() && !query.contains(WINDOW_PLACEHOLDER) {
                c.warning(
                    || at.field(&format!("queries.{field}")),
                    format!("a Prometheus query that is not a counter writes its window as {WINDOW_PLACEHOLDER}; without it no Prometheus rules are generated for this SLI"),
                );
            }
        }
    }
}

/// A target as typed, or its error at `field` of the SLO.
fn read_target(c: &mut Checker, at: SloAt, field: &str, text: &str) -> Option<Target> {
    c.read(
        || at.field(field),
        text.parse::<Target>().map_err(|e| e.to_string()),
    )
}

/// Checks one SLO; returns its window's unit, when the window reads.
fn check_slo(c: &mut Checker, at: SloAt, sli: &Sli, slo: &Slo) -> Option<WindowUnit> {
    let target = read_target(c, at, "target", &slo.target);
    let window = c.read(
        || at.field("window"),
        slo.window.parse::<Window>().map_err(|e| e.to_string()),
    );
    if !slo.time_zone.trim().is_empty() {
        if let Err(e) = c.zones.resolve(slo.time_zone.trim()) {
            c.error(|| at.field("timeZone"), e.to_string());
        }
    }
    if let (Some(window), Measurement::TimeSliceBased) = (&window, sli.measurement) {
        if let (Ok(slice), Ok(length)) = (
            TIME_SLICE.read(&sli.time_slice),
            window.length(&crate::quantity::zone::Utc),
        ) {
            if slice.seconds() > rust_decimal::Decimal::from(length.min()) {
                c.error(
                    || at.field("window"),
                    format!("the window is shorter than the SLI's {slice} time slice"),
                );
            }
        }
    }
    let sla = slo
        .sla
        .as_deref()
        .and_then(|text| read_target(c, at, "sla", text));
    let historical = slo
        .historical
        .as_deref()
        .and_then(|text| read_target(c, at, "historical", text));
    if let (Some(target), Some(sla)) = (target, sla) {
        if sla >= target {
            c.warning(
                || at.field("sla"),
                format!("the SLA {sla} % is not looser than the SLO {target} %: promise customers less than you aim for"),
            );
        }
    }
    let aim = match slo.aspirational_target.trim() {
        "" => None,
        text => read_target(c, at, "aspirationalTarget", text),
    };
    if let (Some(target), Some(aim)) = (target, aim) {
        if aim < target {
            c.error(
                || at.field("aspirationalTarget"),
                format!("the aspirational target {aim} % is below the target {target} %: aim at least as high as the promise"),
            );
        }
    }
    if let (Some(target), Some(best)) = (target, historical) {
        if target > best {
            c.warning_because(
                || at.field("target"),
                format!("the SLO {target} % is tighter than the best performance ever observed, {best} %"),
                "A target the service has never met is a promise no one has seen it keep: start from what it has done. Source: Establishing SRE Foundations (ESF), ch. 6.",
            );
        }
    }
    c.text(
        || at.field("rationale"),
        &slo.rationale,
        "the SLO's rationale",
    );
    if let Some(history) = &slo.history {
        super::history::check_history(c, at, history);
    }
    window.as_ref().and_then(WindowUnit::of)
}

/// The window unit ESF asks every SLO of a team to share, as a key: the
/// length in seconds of a rolling window, or a calendar period's unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WindowUnit {
    Rolling(u64),
    Calendar(&'static str),
}

impl WindowUnit {
    fn of(window: &Window) -> Option<WindowUnit> {
        match window {
            Window::Rolling { .. } => window
                .length(&crate::quantity::zone::Utc)
                .ok()
                .map(|length| WindowUnit::Rolling(length.min())),
            Window::Calendar(period) => Some(WindowUnit::Calendar(period.unit())),
        }
    }

    /// In words: "rolling 28d", "calendar month".
    fn words(self) -> String {
        match self {
            WindowUnit::Rolling(seconds) => {
                format!("rolling {}", ExactDuration::from_whole_seconds(seconds))
            }
            WindowUnit::Calendar(unit) => format!("calendar {unit}"),
        }
    }
}

/// Warns at each SLO whose window unit (`units`, every SLO's in document
/// order) is not the one most SLOs use.
pub(super) fn check_windows_share_a_unit(c: &mut Checker, units: Vec<(SloAt, WindowUnit)>) {
    let mut counts: Vec<(WindowUnit, usize)> = Vec::new();
    for (_, unit) in &units {
        match counts.iter_mut().find(|(u, _)| u == unit) {
            Some((_, n)) => *n += 1,
            None => counts.push((*unit, 1)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The most common unit wins; on a tie, the first seen.
    let (common, _) = counts
        .iter()
        .fold(counts[0], |best, c| if c.1 > best.1 { *c } else { best });
    for (at, unit) in units {
        if unit != common {
            c.warning_because(
                || at.field("window"),
                format!(
                    "this SLO's window is {} but most use {}: the team's SLOs should share one window unit",
                    unit.words(),
                    common.words()
                ),
                "SLOs over the same unit of time can be read side by side and reviewed together. Source: Establishing SRE Foundations (ESF).",
            );
        }
    }
}
