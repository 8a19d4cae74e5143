//! Validation of the workshop model: every problem at once, each with a field
//! path (`services[1].slis[0].slos[2].target`) and a severity. Errors block an
//! "agreed" document (and an import); warnings inform.
//!
//! Parts a document needs only once it is agreed (names, rationale, the seven
//! parts of the policy, approvers for every role) are warnings in a draft and
//! errors in an agreed document.
//!
//! One file per part of the model: `services` (services, journeys, SLIs,
//! SLOs and their windows), `dependencies`, `policy` and `document`;
//! burn scenarios and alert rules are read by their own readers
//! ([`crate::burn::problems`]).

mod dependencies;
mod document;
mod history;
mod policy;
mod services;
mod session;
pub use session::MOST_JOURNEYS_TO_START;

use chrono::{Months, NaiveDate};

use crate::dependency::{analyze, Analysis};
use crate::model::document::{DocumentInfo, Status};
use crate::model::location::ServiceAt;
use crate::model::{Dependency, Model, Service, ServiceKind, SCHEMA_VERSION};
use crate::problem::{Collector, Problem};
use crate::quantity::zone::ZoneResolver;

/// Parses an ISO 8601 calendar date (`2025-03-31`): a four-digit year, a
/// month and a day of one or two digits, joined by `-`, around them only
/// spaces. Read by hand: chrono's format parser is about 5 KB of gzipped
/// wasm on every workshop page.
///
/// ```
/// use slo_core::validate::parse_date;
/// assert_eq!(parse_date(" 2024-2-29 ").map(|d| d.to_string()), Some("2024-02-29".into()));
/// assert_eq!(parse_date("2025-02-29"), None);
/// assert_eq!(parse_date("25-03-31"), None);
/// ```
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().split('-');
    let mut number = |digits: std::ops::RangeInclusive<usize>| {
        let part = parts.next()?;
        let all_digits = digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        all_digits.then(|| part.parse::<u32>().ok()).flatten()
    };
    let (year, month, day) = (number(4..=4)?, number(1..=2)?, number(1..=2)?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The revisit date: the one written down, or one quarter after approval.
pub fn revisit_date(document: &DocumentInfo) -> Option<NaiveDate> {
    parse_date(&document.revisit_date).or_else(|| {
        parse_date(&document.approval_date).and_then(|d| d.checked_add_months(Months::new(3)))
    })
}

/// A field's path, built only when a problem is found there: most checks
/// find nothing, and building paths is what a check would cost otherwise.
trait FieldPath {
    fn build(self) -> String;
}

impl FieldPath for &str {
    fn build(self) -> String {
        self.to_string()
    }
}

impl<F: FnOnce() -> String> FieldPath for F {
    fn build(self) -> String {
        self()
    }
}

/// What every part's checks share: the problems found so far, whether the
/// document is agreed (which turns missing parts into errors) and the time
/// zone rules.
struct Checker<'a> {
    found: Collector,
    agreed: bool,
    zones: &'a dyn ZoneResolver,
}

impl Checker<'_> {
    fn error(&mut self, path: impl FieldPath, message: impl Into<String>) {
        self.found.error(path.build(), message);
    }

    fn warning(&mut self, path: impl FieldPath, message: impl Into<String>) {
        self.found.warning(path.build(), message);
    }

    /// A warning with why it matters and its source ([`Problem::why`]).
    fn warning_because(&mut self, path: impl FieldPath, message: impl Into<String>, why: &str) {
        self.found
            .push(Problem::warning(path.build(), message).because(why));
    }

    /// A part an agreed document needs: a warning in a draft, an error once agreed.
    fn needed(&mut self, path: impl FieldPath, missing: bool, what: &str) {
        if missing {
            let message = format!("{what} is missing; an agreed document needs it");
            if self.agreed {
                self.error(path, message);
            } else {
                self.warning(path, message);
            }
        }
    }

    /// A text an agreed document needs.
    fn text(&mut self, path: impl FieldPath, text: &str, what: &str) {
        self.needed(path, text.trim().is_empty(), what);
    }

    /// A date an agreed document needs, as YYYY-MM-DD.
    fn date(&mut self, path: impl FieldPath, text: &str, what: &str) -> Option<NaiveDate> {
        if text.trim().is_empty() {
            self.needed(path, true, what);
            return None;
        }
        let date = parse_date(text);
        if date.is_none() {
            self.error(
                path,
                format!("\"{text}\" is not a date: write it as YYYY-MM-DD"),
            );
        }
        date
    }

    /// The value of a reader from [`crate::read`], or an error at `path`.
    fn read<T>(&mut self, path: impl FieldPath, read: Result<T, String>) -> Option<T> {
        read.map_err(|message| self.error(path, message)).ok()
    }
}

/// Every problem of the model, in document order.
///
/// `zones` checks the time zones of calendar windows (the browser's or the IANA
/// database). Never panics. [`Validator`] gives the same problems, checking
/// again only the services changed since its last call.
///
/// ```
/// use slo_core::{examples, problem::has_errors, validate::validate, quantity::zone::UtcOnly};
/// let problems = validate(&examples::workbook_api(), &UtcOnly);
/// assert!(!has_errors(&problems));
/// ```
pub fn validate(model: &Model, zones: &dyn ZoneResolver) -> Vec<Problem> {
    let analysis = analyze(model);
    validate_with(model, zones, &analysis, |c, at, service| {
        services::service_findings(c.agreed, c.zones, at, service)
    })
}

/// Validation as a person edits: the same problems as [`validate`], in the
/// same order, but each service is checked again only when it (or whether
/// the document is agreed) changed since the last call, and the dependency
/// graph is analysed again only when a service's name, kind, own
/// availability or dependencies changed; the rest (names across services,
/// ceilings, the shared window unit, policy, document, scenarios) is checked
/// every time. With 500 services a keystroke in an SLO re-checks one
/// service, not 4,000 SLOs.
///
/// Give it the same `zones` on every call: the kept findings are what
/// those rules found.
///
/// ```
/// use slo_core::{examples, validate::{validate, Validator}, quantity::zone::UtcOnly};
/// let mut model = examples::workbook_api();
/// let mut validator = Validator::default();
/// assert_eq!(validator.validate(&model, &UtcOnly), validate(&model, &UtcOnly));
/// model.services[0].journeys[0].slis[0].slos[0].target = "101".into();
/// let problems = validator.validate(&model, &UtcOnly);
/// assert_eq!(problems, validate(&model, &UtcOnly));
/// assert!(problems.iter().any(|p| p.path.ends_with("slos[0].target")));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Validator {
    /// By service index: the service as last checked, whether the
    /// document was agreed, and what checking it found.
    kept: Vec<Option<(Service, bool, services::ServiceFindings)>>,
    /// The graph as last analysed (each service's part of it) and its analysis.
    graph: Option<(Vec<GraphPart>, Analysis)>,
}

/// What the dependency analysis reads of a service.
#[derive(Clone, Debug, PartialEq)]
struct GraphPart {
    name: String,
    kind: ServiceKind,
    own_availability: Option<String>,
    dependencies: Vec<Dependency>,
}

impl GraphPart {
    fn of(service: &Service) -> Self {
        GraphPart {
            name: service.name.clone(),
            kind: service.kind,
            own_availability: service.own_availability.clone(),
            dependencies: service.dependencies.clone(),
        }
    }

    fn is(&self, service: &Service) -> bool {
        self.name == service.name
            && self.kind == service.kind
            && self.own_availability == service.own_availability
            && self.dependencies == service.dependencies
    }
}

impl Validator {
    /// Every problem of `model`, in document order (as [`validate`]).
    pub fn validate(&mut self, model: &Model, zones: &dyn ZoneResolver) -> Vec<Problem> {
        self.kept.resize(model.services.len(), None);
        let unchanged = self.graph.as_ref().is_some_and(|(parts, _)| {
            parts.len() == model.services.len()
                && parts.iter().zip(&model.services).all(|(p, s)| p.is(s))
        });
        let (_, analysis) = match &mut self.graph {
            Some(graph) if unchanged => graph,
            graph => graph.insert((
                model.services.iter().map(GraphPart::of).collect(),
                analyze(model),
            )),
        };
        let kept = &mut self.kept;
        validate_with(model, zones, analysis, |c, at, service| {
            let slot = &mut kept[at.1];
            match slot {
                Some((was, agreed, found)) if *agreed == c.agreed && was == service => {
                    found.clone()
                }
                _ => {
                    let found = services::service_findings(c.agreed, c.zones, at, service);
                    *slot = Some((service.clone(), c.agreed, found.clone()));
                    found
                }
            }
        })
    }
}

/// [`validate`], with the model's dependency `analysis` and each service's
/// own findings from `findings`.
fn validate_with(
    model: &Model,
    zones: &dyn ZoneResolver,
    analysis: &Analysis,
    findings: impl FnMut(&Checker, ServiceAt, &Service) -> services::ServiceFindings,
) -> Vec<Problem> {
    let mut c = Checker {
        found: Collector::new(),
        agreed: model.document.status == Status::Agreed,
        zones,
    };
    if model.schema_version != SCHEMA_VERSION {
        c.error(
            "schemaVersion",
            format!(
                "version {} is not the current version {SCHEMA_VERSION}",
                model.schema_version
            ),
        );
    }
    c.text("team.name", &model.team.name, "the team's name");
    let units = services::check_services(&mut c, model, findings);
    dependencies::check_dependencies(&mut c, model, analysis);
    services::check_windows_share_a_unit(&mut c, units);
    policy::check_policy(&mut c, &model.policy);
    document::check_document(&mut c, &model.document);
    session::check_session(&mut c, model);
    let mut problems = c.found.into_problems();
    problems.extend(crate::burn::problems(model, zones));
    problems
}
