//! Validation of the workshop model: every problem at once, each with a field
//! path (`services[1].slis[0].slos[2].target`) and a severity. Errors block an
//! "agreed" document (and an import); warnings inform.
//!
//! Parts a document needs only once it is agreed (names, rationale, the seven
//! parts of the policy, approvers for every role) are warnings in a draft and
//! errors in an agreed document.

use std::collections::{HashMap, HashSet};

use chrono::{Months, NaiveDate};

use crate::model::document::{DocumentInfo, Role, Status};
use crate::model::location::{every_slo, service_slos};
use crate::model::policy::{
    Activity, Condition, ConditionKind, Consequence, ConsequenceKind, ErrorBudgetPolicy,
};
use crate::model::{Measurement, Model, Service, Sli, SliKind, Slo, SCHEMA_VERSION};
use crate::problem::{Problem, ProblemCode, Severity};
use crate::quantity::duration::ExactDuration;
use crate::quantity::target::Target;
use crate::quantity::window::Window;
use crate::quantity::zone::ZoneResolver;
use crate::read::{Count, Decimals, Percent, Span, LATENCY_MS, TIME_SLICE, VALID_EVENTS};

/// Parses an ISO 8601 calendar date (`2025-03-31`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The revisit date: the one written down, or one quarter after approval.
pub fn revisit_date(document: &DocumentInfo) -> Option<NaiveDate> {
    parse_date(&document.revisit_date).or_else(|| {
        parse_date(&document.approval_date).and_then(|d| d.checked_add_months(Months::new(3)))
    })
}

struct Checker<'a> {
    problems: Vec<Problem>,
    agreed: bool,
    zones: &'a dyn ZoneResolver,
}

impl Checker<'_> {
    fn push(&mut self, path: &str, severity: Severity, message: impl Into<String>) {
        self.problems.push(match severity {
            Severity::Error => Problem::error(path, message),
            Severity::Warning => Problem::warning(path, message),
        });
    }

    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.push(path, Severity::Error, message);
    }

    fn warning(&mut self, path: &str, message: impl Into<String>) {
        self.push(path, Severity::Warning, message);
    }

    /// A part an agreed document needs: a warning in a draft, an error once agreed.
    fn needed(&mut self, path: &str, missing: bool, what: &str) {
        if missing {
            let severity = if self.agreed {
                Severity::Error
            } else {
                Severity::Warning
            };
            self.push(
                path,
                severity,
                format!("{what} is missing; an agreed document needs it"),
            );
        }
    }

    fn text(&mut self, path: &str, text: &str, what: &str) {
        self.needed(path, text.trim().is_empty(), what);
    }

    fn date(&mut self, path: &str, text: &str, what: &str) -> Option<NaiveDate> {
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
    fn read<T>(&mut self, path: &str, read: Result<T, String>) -> Option<T> {
        read.map_err(|message| self.error(path, message)).ok()
    }
}

/// Every problem of the model, in document order.
///
/// `zones` checks the time zones of calendar windows (the browser's or the IANA
/// database). Never panics.
///
/// ```
/// use slo_core::{examples, problem::has_errors, validate::validate, quantity::zone::UtcOnly};
/// let problems = validate(&examples::workbook_api(), &UtcOnly);
/// assert!(!has_errors(&problems));
/// ```
pub fn validate(model: &Model, zones: &dyn ZoneResolver) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
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
    if model.services.is_empty() {
        c.needed("services", true, "a service");
    }
    let mut names: HashMap<String, usize> = HashMap::new();
    for (i, service) in model.services.iter().enumerate() {
        let path = format!("services[{i}]");
        let key = service.name.trim().to_lowercase();
        if !key.is_empty() {
            if let Some(first) = names.get(&key) {
                c.error(
                    &format!("{path}.name"),
                    format!(
                        "service name \"{}\" is already used by services[{first}]",
                        service.name
                    ),
                );
            } else {
                names.insert(key, i);
            }
        }
        check_service(&mut c, &path, service);
    }
    check_dependencies(&mut c, model);
    check_windows_share_a_unit(&mut c, model);
    check_policy(&mut c, &model.policy);
    check_document(&mut c, &model.document);
    c.problems.extend(crate::burn::problems(model, zones));
    c.problems
}

fn check_service(c: &mut Checker, path: &str, service: &Service) {
    c.text(&format!("{path}.name"), &service.name, "the service's name");
    if service.kind.is_user_facing() {
        c.needed(
            &format!("{path}.journeys"),
            service.journeys.is_empty(),
            "a user journey or endpoint",
        );
    } else {
        // A component is there for the services that depend on it: its
        // availability, not its journeys, is what an agreement needs.
        c.needed(
            &format!("{path}.ownAvailability"),
            service
                .own_availability
                .as_deref()
                .is_none_or(|a| a.trim().is_empty()),
            "a component's availability",
        );
    }
    let mut defaults: HashMap<SliKind, String> = HashMap::new();
    for (j, journey) in service.journeys.iter().enumerate() {
        let path = format!("{path}.journeys[{j}]");
        c.text(&format!("{path}.name"), &journey.name, "the journey's name");
        if journey.slis.is_empty() {
            c.needed(&format!("{path}.slis"), true, "an SLI");
        }
        for (k, sli) in journey.slis.iter().enumerate() {
            let path = format!("{path}.slis[{k}]");
            check_sli(c, &path, sli);
            for (m, slo) in sli.slos.iter().enumerate() {
                let slo_path = format!("{path}.slos[{m}]");
                if slo.default_slo {
                    if let Some(first) = defaults.get(&sli.kind) {
                        c.warning(
                            &format!("{slo_path}.defaultSlo"),
                            format!(
                                "the service already has a default {} SLO at {first}: only one applies",
                                sli.kind.name()
                            ),
                        );
                    } else {
                        defaults.insert(sli.kind, slo_path.clone());
                    }
                }
                check_slo(c, &slo_path, sli, slo);
            }
        }
    }
}

fn check_sli(c: &mut Checker, path: &str, sli: &Sli) {
    c.text(&format!("{path}.name"), &sli.name, "the SLI's name");
    c.text(
        &format!("{path}.goodEvents"),
        &sli.good_events,
        "what a good event is",
    );
    c.text(
        &format!("{path}.validEvents"),
        &sli.valid_events,
        "what a valid event is",
    );
    c.text(
        &format!("{path}.measuredAt"),
        &sli.measured_at,
        "where the SLI is measured",
    );
    if sli.kind == SliKind::Latency {
        match &sli.latency {
            None => c.error(
                &format!("{path}.latency"),
                "a latency SLI needs a threshold in ms",
            ),
            Some(latency) => {
                c.read(
                    &format!("{path}.latency.thresholdMs"),
                    LATENCY_MS.read(&latency.threshold_ms),
                );
            }
        }
    }
    if sli.measurement == Measurement::TimeSliceBased {
        c.read(
            &format!("{path}.timeSlice"),
            TIME_SLICE.read(&sli.time_slice),
        );
    }
    if let Some(traffic) = sli
        .traffic
        .as_ref()
        .filter(|t| !t.valid_events.trim().is_empty())
    {
        c.read(
            &format!("{path}.traffic.validEvents"),
            VALID_EVENTS.read(&traffic.valid_events),
        );
    }
    if sli.slos.is_empty() {
        c.needed(&format!("{path}.slos"), true, "an SLO");
    }
}

fn check_slo(c: &mut Checker, path: &str, sli: &Sli, slo: &Slo) {
    let target = match slo.target.parse::<Target>() {
        Ok(t) => Some(t),
        Err(e) => {
            c.error(&format!("{path}.target"), e.to_string());
            None
        }
    };
    let window = match slo.window.parse::<Window>() {
        Ok(w) => Some(w),
        Err(e) => {
            c.error(&format!("{path}.window"), e.to_string());
            None
        }
    };
    if !slo.time_zone.trim().is_empty() {
        if let Err(e) = c.zones.resolve(slo.time_zone.trim()) {
            c.error(&format!("{path}.timeZone"), e.to_string());
        }
    }
    if let (Some(window), Measurement::TimeSliceBased) = (&window, sli.measurement) {
        if let (Ok(slice), Ok(length)) = (
            TIME_SLICE.read(&sli.time_slice),
            window.length(&crate::quantity::zone::Utc),
        ) {
            if slice.seconds() > rust_decimal::Decimal::from(length.min()) {
                c.error(
                    &format!("{path}.window"),
                    format!("the window is shorter than the SLI's {slice} time slice"),
                );
            }
        }
    }
    let mut other =
        |field: &str, text: &Option<String>| match text.as_deref().map(str::parse::<Target>) {
            Some(Err(e)) => {
                c.error(&format!("{path}.{field}"), e.to_string());
                None
            }
            Some(Ok(t)) => Some(t),
            None => None,
        };
    let sla = other("sla", &slo.sla);
    let historical = other("historical", &slo.historical);
    if let (Some(target), Some(sla)) = (target, sla) {
        if sla >= target {
            c.warning(
                &format!("{path}.sla"),
                format!("the SLA {sla} % is not looser than the SLO {target} %: promise customers less than you aim for"),
            );
        }
    }
    if let (Some(target), Some(best)) = (target, historical) {
        if target > best {
            c.warning(
                &format!("{path}.target"),
                format!("the SLO {target} % is tighter than the best performance ever observed, {best} % (ESF ch. 6)"),
            );
        }
    }
    c.text(
        &format!("{path}.rationale"),
        &slo.rationale,
        "the SLO's rationale",
    );
}

/// Graph problems, and SLOs or SLAs above what the dependencies allow.
fn check_dependencies(c: &mut Checker, model: &Model) {
    let analysis = crate::dependency::analyze(model);
    for (i, service) in model.services.iter().enumerate() {
        for (d, dependency) in service.dependencies.iter().enumerate() {
            if dependency.name.trim().is_empty() {
                c.error(
                    &format!("services[{i}].dependencies[{d}].name"),
                    "name the dependency",
                );
            }
        }
    }
    c.problems.extend(analysis.problems);
    for (i, service) in model.services.iter().enumerate() {
        let Some(Some(composite)) = analysis.composites.get(i) else {
            continue;
        };
        if composite.factors.len() < 2 {
            continue; // no dependencies: nothing caps the service
        }
        for e in service_slos(i, service).filter(|e| e.sli.kind == SliKind::Availability) {
            for (field, text, what) in [
                ("target", Some(&e.slo.target), "SLO"),
                ("sla", e.slo.sla.as_ref(), "SLA"),
            ] {
                let Some(t) = text.and_then(|t| t.parse::<Target>().ok()) else {
                    continue;
                };
                if t.fraction() > composite.availability.independent {
                    c.problems.push(
                        Problem::warning(e.at.field(field), ceiling_message(what, &t, composite))
                            .with_code(ProblemCode::AboveCeiling),
                    );
                }
            }
        }
    }
}

fn ceiling_message(
    what: &str,
    target: &Target,
    composite: &crate::dependency::Composite,
) -> String {
    use crate::dependency::percent_text;
    let mut eaters: Vec<_> = composite
        .factors
        .iter()
        .filter(|f| !f.unavailability().is_zero())
        .collect();
    eaters.sort_by_key(|f| std::cmp::Reverse(f.unavailability()));
    let named: Vec<String> = eaters
        .iter()
        .take(3)
        .map(|f| {
            let name = match f.name.trim() {
                "" => "an unnamed dependency",
                name => name,
            };
            format!("{name} ({} %)", percent_text(f.unavailability(), 4))
        })
        .collect();
    let b = composite.availability;
    format!(
        "the {what} {target} % is above the {} % this service can reach with its dependencies \
         (independent failures; {} % to {} % if they are correlated); most of the budget goes to {}",
        percent_text(b.independent, 4),
        percent_text(b.pessimistic, 4),
        percent_text(b.optimistic, 4),
        named.join(", ")
    )
}

/// The window unit ESF asks every SLO of a team to share: "rolling 28 d", "calendar month".
fn window_unit(window: &Window) -> String {
    match window {
        Window::Rolling { .. } => match window.length(&crate::quantity::zone::Utc) {
            Ok(length) => format!(
                "rolling {}",
                ExactDuration::from_whole_seconds(length.min())
            ),
            Err(_) => window.to_string(),
        },
        Window::Calendar(period) => format!("calendar {}", period.unit()),
    }
}

fn check_windows_share_a_unit(c: &mut Checker, model: &Model) {
    let mut units: Vec<(String, String)> = Vec::new();
    for e in every_slo(model) {
        if let Ok(window) = e.slo.window.parse::<Window>() {
            units.push((e.at.field("window"), window_unit(&window)));
        }
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (_, unit) in &units {
        match counts.iter_mut().find(|(u, _)| u == unit) {
            Some((_, n)) => *n += 1,
            None => counts.push((unit.clone(), 1)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The most common unit wins; on a tie, the first seen.
    let (common, _) = counts
        .iter()
        .fold(&counts[0], |best, c| if c.1 > best.1 { c } else { best })
        .clone();
    for (path, unit) in units {
        if unit != common {
            c.warning(
                &path,
                format!("this SLO's window is {unit} but most use {common}: all SLOs of a team should share one window unit (ESF)"),
            );
        }
    }
}

fn check_policy(c: &mut Checker, policy: &ErrorBudgetPolicy) {
    check_policy_parts(c, policy);
    let condition_ids = ids(
        c,
        "policy.conditions",
        policy.conditions.iter().map(|x| x.id.as_str()),
    );
    let consequence_ids = ids(
        c,
        "policy.consequences",
        policy.consequences.iter().map(|x| x.id.as_str()),
    );
    for (i, condition) in policy.conditions.iter().enumerate() {
        check_condition(c, i, condition);
    }
    for (i, consequence) in policy.consequences.iter().enumerate() {
        check_consequence(c, i, consequence);
    }
    let used = check_clauses(c, policy, &condition_ids, &consequence_ids);
    for (i, condition) in policy.conditions.iter().enumerate() {
        if !condition.id.is_empty() && !used.contains(condition.id.as_str()) {
            c.warning(
                &format!("policy.conditions[{i}]"),
                format!("no clause uses condition \"{}\"", condition.id),
            );
        }
    }
    check_policy_extras(c, policy);
}

/// The seven parts an agreed policy needs (ESF ch. 10).
fn check_policy_parts(c: &mut Checker, policy: &ErrorBudgetPolicy) {
    c.text("policy.scope", &policy.scope, "the policy's scope");
    c.text("policy.purpose", &policy.purpose, "the policy's purpose");
    c.needed(
        "policy.conditions",
        policy.conditions.is_empty(),
        "a condition",
    );
    c.needed(
        "policy.consequences",
        policy.consequences.is_empty(),
        "a consequence",
    );
    c.text(
        "policy.escalationPolicy",
        &policy.escalation_policy,
        "the escalation policy",
    );
    c.needed(
        "policy.agreedBy",
        policy.agreed_by.iter().all(|p| p.trim().is_empty()),
        "who agreed the policy",
    );
    c.date(
        "policy.nextReview.date",
        &policy.next_review.date,
        "the next review date",
    );
}

/// One condition's numbers, dependency and description.
fn check_condition(c: &mut Checker, i: usize, condition: &Condition) {
    let path = format!("policy.conditions[{i}].kind");
    match &condition.kind {
        ConditionKind::BudgetSpend { percent, .. } | ConditionKind::Dependency { percent, .. } => {
            c.read(&format!("{path}.percent"), Percent::SHARE.read(percent));
        }
        ConditionKind::BurnRate { percent, within } => {
            c.read(&format!("{path}.percent"), Percent::SHARE.read(percent));
            c.read(
                &format!("{path}.within"),
                crate::read::policy::WITHIN.read(within),
            );
        }
        ConditionKind::BudgetExhausted | ConditionKind::Resource | ConditionKind::Custom => {}
    }
    if let ConditionKind::Dependency { dependency, .. } = &condition.kind {
        if dependency.trim().is_empty() {
            c.error(&format!("{path}.dependency"), "name the dependency");
        }
    }
    if matches!(
        condition.kind,
        ConditionKind::Resource | ConditionKind::Custom
    ) && condition.description.trim().is_empty()
    {
        c.error(
            &format!("policy.conditions[{i}].description"),
            "describe the condition in words",
        );
    }
}

/// One consequence's deadline, for an action item.
fn check_consequence(c: &mut Checker, i: usize, consequence: &Consequence) {
    if let ConsequenceKind::ConductActivity {
        activity: Activity::ActionItem { deadline, .. },
    } = &consequence.kind
    {
        c.read(
            &format!("policy.consequences[{i}].kind.activity.deadline"),
            Span::positive("a deadline").read(deadline),
        );
    }
}

/// Every clause's references, runbook and traceability; the condition ids
/// the clauses use.
fn check_clauses<'p>(
    c: &mut Checker,
    policy: &'p ErrorBudgetPolicy,
    condition_ids: &HashSet<&str>,
    consequence_ids: &HashSet<&str>,
) -> HashSet<&'p str> {
    let mut used = HashSet::new();
    for (i, clause) in policy.clauses.iter().enumerate() {
        let path = format!("policy.clauses[{i}]");
        if !condition_ids.contains(clause.condition.as_str()) {
            c.error(
                &format!("{path}.condition"),
                format!("no condition has the id \"{}\"", clause.condition),
            );
        }
        used.insert(clause.condition.as_str());
        if clause.consequences.is_empty() {
            c.error(
                &format!("{path}.consequences"),
                "a clause needs at least one consequence",
            );
        }
        for (k, id) in clause.consequences.iter().enumerate() {
            if !consequence_ids.contains(id.as_str()) {
                c.error(
                    &format!("{path}.consequences[{k}]"),
                    format!("no consequence has the id \"{id}\""),
                );
            }
        }
        c.text(
            &format!("{path}.runbook"),
            &clause.runbook,
            "the clause's runbook",
        );
        c.text(
            &format!("{path}.traceability"),
            &clause.traceability,
            "how the clause is traced",
        );
    }
    used
}

/// The policy's optional extras: silver bullets and the thaw tax.
fn check_policy_extras(c: &mut Checker, policy: &ErrorBudgetPolicy) {
    if let Some(bullets) = &policy.extras.silver_bullets_per_year {
        c.read(
            "policy.extras.silverBulletsPerYear",
            Count::new("a whole number of silver bullets", 0, 365).read(bullets),
        );
    }
    if let Some(tax) = &policy.extras.thaw_tax_days {
        c.read(
            "policy.extras.thawTaxDays",
            Decimals::from_zero("a number of days", 36_500).read(tax),
        );
    }
}

/// Checks ids are present and unique; returns the set of ids.
fn ids<'m>(c: &mut Checker, path: &str, ids: impl Iterator<Item = &'m str>) -> HashSet<&'m str> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            c.error(
                &format!("{path}[{i}].id"),
                "give it a short id that clauses can refer to",
            );
        } else if !seen.insert(id) {
            c.error(
                &format!("{path}[{i}].id"),
                format!("the id \"{id}\" is used twice"),
            );
        }
    }
    seen
}

fn check_document(c: &mut Checker, document: &DocumentInfo) {
    c.needed(
        "document.authors",
        document.authors.iter().all(|a| a.trim().is_empty()),
        "an author",
    );
    c.text(
        "document.serviceOverview",
        &document.service_overview,
        "the service overview",
    );
    c.text("document.rationale", &document.rationale, "the rationale");
    c.text(
        "document.errorBudget",
        &document.error_budget,
        "the error budget section",
    );
    c.text(
        "document.onCall.rotation",
        &document.on_call.rotation,
        "the on-call rotation",
    );
    if c.agreed {
        for role in Role::ALL {
            if !document
                .approvers
                .iter()
                .any(|a| a.role == role && !a.name.trim().is_empty())
            {
                c.error(
                    "document.approvers",
                    format!("an agreed document needs an approver for {}", role.label()),
                );
            }
        }
    }
    for (i, approver) in document.approvers.iter().enumerate() {
        if approver.name.trim().is_empty() {
            c.error(
                &format!("document.approvers[{i}].name"),
                "the approver's name is empty",
            );
        }
    }
    let approved = c.date(
        "document.approvalDate",
        &document.approval_date,
        "the approval date",
    );
    if !document.revisit_date.trim().is_empty() {
        let revisit = c.date(
            "document.revisitDate",
            &document.revisit_date,
            "the revisit date",
        );
        if let (Some(approved), Some(revisit)) = (approved, revisit) {
            if revisit <= approved {
                c.error(
                    "document.revisitDate",
                    format!("the revisit date {revisit} is not after the approval date {approved}"),
                );
            }
        }
    }
    for (i, change) in document.change_log.iter().enumerate() {
        c.date(
            &format!("document.changeLog[{i}].date"),
            &change.date,
            "the change's date",
        );
        if change.description.trim().is_empty() {
            c.error(
                &format!("document.changeLog[{i}].description"),
                "say what changed",
            );
        }
    }
}
