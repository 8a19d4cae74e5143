//! What replacing the model with another would drop, counted by kind, so an
//! import can ask first and say what goes.
//!
//! ```
//! use slo_core::examples;
//! use slo_core::merge::loss::{dropped, in_words};
//! use slo_core::Model;
//!
//! let losses = dropped(&examples::seed_chain(), &Model::default());
//! assert!(in_words(&losses).contains("dependencies"));
//! assert!(dropped(&Model::default(), &examples::seed_chain()).is_empty());
//! ```

use std::collections::{HashMap, HashSet};

use super::tally::counted;
use crate::model::document::Status;
use crate::model::{Model, Slo};

/// A part of the model that a replacement would drop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The team's name and description.
    Team,
    /// Services (by name).
    Service,
    /// User journeys (by service and journey name).
    Journey,
    /// SLIs (by service, journey and SLI name).
    Sli,
    /// SLOs (by service, journey, SLI and SLO name).
    Slo,
    /// Dependencies (by service and dependency name).
    Dependency,
    /// A service's own availability.
    OwnAvailability,
    /// Burn scenarios (by SLO and scenario name).
    Scenario,
    /// An SLO's record of measured periods.
    SloHistory,
    /// Alert rules (by name).
    AlertRule,
    /// The error budget policy.
    Policy,
    /// The SLO document's sections, people and change log.
    Document,
    /// The document's agreed status.
    AgreedStatus,
    /// The workshop session: participants, steps done, questions, decisions.
    Session,
}

/// How many of a part would go (1 for the parts the model has once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loss {
    /// What would go.
    pub part: Part,
    /// How many.
    pub count: usize,
}

impl std::fmt::Display for Loss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (one, many) = match self.part {
            Part::Team => return f.write_str("the team's name and description"),
            Part::Policy => return f.write_str("the error budget policy"),
            Part::Document => return f.write_str("the SLO document's text and sign-offs"),
            Part::AgreedStatus => return f.write_str("the agreed status"),
            Part::Session => {
                return f
                    .write_str("the workshop session (participants, decisions and open questions)")
            }
            Part::Service => ("service", "services"),
            Part::Journey => ("user journey", "user journeys"),
            Part::Sli => ("SLI", "SLIs"),
            Part::Slo => ("SLO", "SLOs"),
            Part::Dependency => ("dependency", "dependencies"),
            Part::OwnAvailability => ("own availability", "own availabilities"),
            Part::Scenario => ("burn scenario", "burn scenarios"),
            Part::SloHistory => ("SLO history", "SLO histories"),
            Part::AlertRule => ("alert rule", "alert rules"),
        };
        f.write_str(&counted(self.count, one, many))
    }
}

/// What `current` holds that `replacement` does not, in the order of
/// [`Part`]; empty when nothing would be lost. A part the replacement has
/// too, changed, is not counted (it is replaced, not dropped), except the
/// policy, the document and the team, which count when they differ.
pub fn dropped(current: &Model, replacement: &Model) -> Vec<Loss> {
    let blank = Model::default();
    let mut out = Vec::new();
    let mut add = |part: Part, count: usize| {
        if count > 0 {
            out.push(Loss { part, count });
        }
    };
    let differs = |a: &dyn Fn(&Model) -> bool| a(current) && !a(replacement);
    add(
        Part::Team,
        usize::from(current.team != blank.team && current.team != replacement.team),
    );
    add(Part::Service, missing(current, replacement, service_names));
    for part in [Part::Journey, Part::Sli, Part::Slo] {
        add(part, missing(current, replacement, |m| places(m, part)));
    }
    add(
        Part::Dependency,
        missing(current, replacement, dependencies),
    );
    add(
        Part::OwnAvailability,
        missing(current, replacement, own_availabilities),
    );
    add(Part::Scenario, missing(current, replacement, scenarios));
    add(Part::SloHistory, histories(current, replacement));
    add(
        Part::AlertRule,
        missing(current, replacement, |m| {
            numbered(m.alert_rules.iter().map(|r| r.name.clone()))
        }),
    );
    add(
        Part::Policy,
        usize::from(current.policy != blank.policy && current.policy != replacement.policy),
    );
    let text = |m: &Model| {
        let mut d = m.document.clone();
        d.status = Status::Draft;
        d
    };
    let (mine, theirs, none) = (text(current), text(replacement), text(&blank));
    add(Part::Document, usize::from(mine != none && mine != theirs));
    add(
        Part::AgreedStatus,
        usize::from(differs(&|m| m.document.status == Status::Agreed)),
    );
    add(
        Part::Session,
        usize::from(!current.session.is_empty() && current.session != replacement.session),
    );
    out
}

/// "2 services, 4 dependencies and the agreed status".
pub fn in_words(losses: &[Loss]) -> String {
    list(&losses.iter().map(Loss::to_string).collect::<Vec<_>>())
}

/// Items joined with commas and a final "and", empty ones left out.
pub(super) fn list(items: &[String]) -> String {
    let items: Vec<&str> = items
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// How many keys of `current` are not keys of `replacement`.
fn missing(current: &Model, replacement: &Model, keys: impl Fn(&Model) -> Vec<String>) -> usize {
    let theirs: HashSet<String> = keys(replacement).into_iter().collect();
    keys(current)
        .into_iter()
        .filter(|k| !theirs.contains(k))
        .count()
}

/// Each name with its occurrence ("api", "api#2"), so repeated names count apart.
fn numbered(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    names
        .map(|name| {
            let n = seen.entry(name.clone()).or_default();
            *n += 1;
            format!("{name}#{n}")
        })
        .collect()
}

fn service_names(m: &Model) -> Vec<String> {
    numbered(m.services.iter().map(|s| s.name.clone()))
}

/// A key naming a place by its names (service › journey › …).
fn place(names: &[&String]) -> String {
    names
        .iter()
        .map(|n| n.as_str())
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// The key of every journey, SLI or SLO (`part`), naming its place
/// (service › journey › SLI › SLO) down to that depth, in model order.
fn places(m: &Model, part: Part) -> Vec<String> {
    let mut keys = Vec::new();
    for s in &m.services {
        for j in &s.journeys {
            if part == Part::Journey {
                keys.push(place(&[&s.name, &j.name]));
                continue;
            }
            for i in &j.slis {
                match part {
                    Part::Sli => keys.push(place(&[&s.name, &j.name, &i.name])),
                    _ => keys.extend(
                        i.slos
                            .iter()
                            .map(|o| place(&[&s.name, &j.name, &i.name, &o.name])),
                    ),
                }
            }
        }
    }
    numbered(keys.into_iter())
}

/// Every SLO with a key naming its place (service › journey › SLI › SLO).
fn slos(m: &Model) -> impl Iterator<Item = (String, &Slo)> {
    let all = m.services.iter().flat_map(|s| {
        s.journeys
            .iter()
            .flat_map(|j| j.slis.iter().flat_map(|i| &i.slos))
    });
    places(m, Part::Slo).into_iter().zip(all)
}

fn dependencies(m: &Model) -> Vec<String> {
    numbered(m.services.iter().flat_map(|s| {
        s.dependencies
            .iter()
            .map(move |d| format!("{}\u{1f}{}", s.name, d.name))
    }))
}

fn own_availabilities(m: &Model) -> Vec<String> {
    let named = service_names(m);
    named
        .into_iter()
        .zip(&m.services)
        .filter_map(|(k, s)| s.own_availability.as_ref().map(|_| k))
        .collect()
}

fn scenarios(m: &Model) -> Vec<String> {
    slos(m)
        .flat_map(|(k, slo)| {
            numbered(slo.scenarios.iter().map(|s| s.name.clone()))
                .into_iter()
                .map(move |n| format!("{k}\u{1f}{n}"))
        })
        .collect()
}

/// SLOs whose history `replacement` does not hold as it is.
fn histories(current: &Model, replacement: &Model) -> usize {
    let theirs: HashMap<String, &Slo> = slos(replacement).collect();
    slos(current)
        .filter(|(k, slo)| {
            slo.history.is_some() && theirs.get(k).is_none_or(|t| t.history != slo.history)
        })
        .count()
}
