//! The dependency graph walked depth-first: each service's composite
//! availability from its own and its dependencies', with cycles, unknown
//! names and bad figures reported at their fields.

use super::*;
use crate::model::location::{DependencyAt, Locate, ModelAt, ServiceAt};
use crate::model::{Coupling, DependencySource, Model, Service};
use crate::problem::{join, Problem, ProblemCode};
use rust_decimal::Decimal;
use std::collections::HashMap;

struct Graph<'m> {
    services: &'m [Service],
    index: HashMap<String, usize>,
    problems: Vec<Problem>,
    /// Per service: not computed yet (`None`), broken (`Some(None)`), or its composite.
    done: Vec<Option<Option<Composite>>>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
}

impl<'m> Graph<'m> {
    fn error(&mut self, path: String, message: String) {
        self.report(Problem::error(path, message));
    }

    /// Records `problem` once (a service reached twice reports once).
    fn report(&mut self, problem: Problem) {
        if !self.problems.contains(&problem) {
            self.problems.push(problem);
        }
    }

    /// The composite availability of service `s`, computing it (and its
    /// dependencies) first if needed.
    fn availability(&mut self, s: usize) -> Option<Bounds> {
        if self.done[s].is_none() {
            self.on_stack[s] = true;
            self.stack.push(s);
            let result = self.compute(s);
            self.stack.pop();
            self.on_stack[s] = false;
            self.done[s] = Some(result);
        }
        self.done[s]
            .as_ref()
            .and_then(|c| c.as_ref().map(|c| c.availability))
    }

    fn compute(&mut self, s: usize) -> Option<Composite> {
        let service = &self.services[s];
        let mut broken = false;
        let own = match service.own_availability.as_deref() {
            None => Decimal::ONE,
            Some(text) => match AVAILABILITY.fraction(text) {
                Ok(a) => a,
                Err(message) => {
                    self.error(ServiceAt(ModelAt, s).field("ownAvailability"), message);
                    broken = true;
                    Decimal::ONE
                }
            },
        };
        let mut factors = vec![Factor {
            name: "own code and infrastructure".into(),
            kind: FactorKind::Own,
            group: None,
            availability: Bounds::exact(own),
        }];
        let mut soft = Vec::new();
        for (d, dependency) in service.dependencies.iter().enumerate() {
            // The path is built only when a problem is found there.
            let at = DependencyAt(ServiceAt(ModelAt, s), d);
            let Some(replica) = self.dependency_bounds(s, at, dependency) else {
                broken = true;
                continue;
            };
            match &dependency.coupling {
                Coupling::Soft => soft.push(dependency.name.clone()),
                Coupling::Hard => factors.push(Factor {
                    name: dependency.name.clone(),
                    kind: FactorKind::Hard,
                    group: None,
                    availability: replica,
                }),
                Coupling::Redundant {
                    replicas,
                    required,
                    failover,
                    failures_per_year,
                } => match group_bounds(replica, replicas, required, failover, failures_per_year) {
                    Ok((bounds, label)) => factors.push(Factor {
                        name: dependency.name.clone(),
                        kind: FactorKind::Redundant,
                        group: Some(label),
                        availability: bounds,
                    }),
                    Err(bad) => {
                        for (field, message) in bad {
                            self.error(at.field(&join("coupling", field)), message);
                        }
                        broken = true;
                    }
                },
            }
        }
        if broken {
            return None;
        }
        Some(Composite {
            service: service.name.clone(),
            availability: combine(&factors),
            factors,
            soft,
        })
    }

    /// The availability of one replica of a dependency, or `None` (problem recorded).
    fn dependency_bounds(
        &mut self,
        s: usize,
        at: DependencyAt,
        dependency: &crate::model::Dependency,
    ) -> Option<Bounds> {
        match &dependency.source {
            DependencySource::External { availability, .. } => {
                match AVAILABILITY.fraction(availability) {
                    Ok(a) => Some(Bounds::exact(a)),
                    Err(message) => {
                        self.error(at.field("source.availability"), message);
                        None
                    }
                }
            }
            DependencySource::Service => {
                let key = dependency.name.trim().to_lowercase();
                let Some(&target) = self.index.get(&key) else {
                    self.error(
                        at.field("name"),
                        format!("no service \"{}\" in the model: add it, or make the dependency external", dependency.name),
                    );
                    return None;
                };
                if target == s {
                    self.error(
                        at.field("name"),
                        format!("\"{}\" depends on itself", dependency.name),
                    );
                    return None;
                }
                if self.on_stack[target] {
                    let from = self.stack.iter().position(|&x| x == target).unwrap_or(0);
                    let mut cycle: Vec<&str> = self.stack[from..]
                        .iter()
                        .map(|&x| self.services[x].name.as_str())
                        .collect();
                    cycle.push(self.services[target].name.as_str());
                    let message = format!("dependency cycle: {}", cycle.join(" → "));
                    self.report(
                        Problem::error(at.field("name"), message)
                            .with_code(ProblemCode::DependencyCycle),
                    );
                    return None;
                }
                self.availability(target)
            }
        }
    }
}

/// The group's bounds from one replica's, and its label ("1 of 2"); or every
/// bad field of the group with its message (not only the first).
fn group_bounds(
    replica: Bounds,
    replicas: &str,
    required: &str,
    failover: &str,
    failures_per_year: &str,
) -> Result<(Bounds, String), Vec<(&'static str, String)>> {
    let mut bad = Vec::new();
    let mut field =
        |name: &'static str, read: Result<u64, String>| read.map_err(|e| bad.push((name, e))).ok();
    let n = field("replicas", REPLICAS.read(replicas));
    let k = field("required", REQUIRED.read(required));
    let (time, failures) = if failover.trim().is_empty() {
        (None, None)
    } else {
        let time = FAILOVER
            .read(failover)
            .map_err(|e| bad.push(("failover", e)))
            .ok();
        let failures = FAILURES_PER_YEAR
            .read(failures_per_year)
            .map_err(|e| bad.push(("failuresPerYear", e)))
            .ok();
        (time, failures)
    };
    if let (Some(k), Some(n)) = (k, n) {
        if k > n {
            bad.push((
                "required",
                format!("{k} of {n}: more replicas must be up than there are"),
            ));
        }
    }
    let (Some(n), Some(k), true) = (n, k, bad.is_empty()) else {
        return Err(bad);
    };
    let mut lost_to_failover = Decimal::ZERO;
    if let (Some(time), Some(failures)) = (time, failures) {
        // Bounded inputs: at most a year x 1,000 x 64, far inside a decimal.
        lost_to_failover = time
            .seconds()
            .checked_mul(Decimal::from(failures))
            .and_then(|x| x.checked_mul(Decimal::from(n)))
            .and_then(|x| x.checked_div(Decimal::from(YEAR_SECONDS)))
            .unwrap_or(Decimal::ONE)
            .min(Decimal::ONE);
    }
    let cut = |a: Decimal| (a - lost_to_failover).max(Decimal::ZERO).normalize();
    let bounds = Bounds {
        pessimistic: cut(replica.pessimistic.min(k_of_n(replica.pessimistic, k, n))),
        independent: cut(k_of_n(replica.independent, k, n)),
        optimistic: cut(k_of_n(replica.optimistic, k, n)),
    };
    Ok((bounds, format!("{k} of {n}")))
}

/// Computes every service's composite availability through the dependency
/// graph, and reports broken graphs (cycles, missing services, self
/// dependencies, k > n, availabilities outside (0, 100]) with field paths.
/// Services whose graph is broken get no composite. Never panics.
///
/// ```
/// use slo_core::{dependency::analyze, examples};
/// let analysis = analyze(&examples::seed_chain());
/// let composite = analysis.composites[0].as_ref().unwrap();
/// // 99.95 % x 99.9 % x 99.95 % x 99 % (seed "Insights on setting up an SLA")
/// assert_eq!(composite.availability.independent.to_string(), "0.9880212372525");
/// ```
pub fn analyze(model: &Model) -> Analysis {
    let services = &model.services;
    let mut index = HashMap::new();
    for (i, s) in services.iter().enumerate() {
        index.entry(s.name.trim().to_lowercase()).or_insert(i);
    }
    let mut graph = Graph {
        services,
        index,
        problems: Vec::new(),
        done: vec![None; services.len()],
        on_stack: vec![false; services.len()],
        stack: Vec::new(),
    };
    for s in 0..services.len() {
        graph.availability(s);
    }
    let composites = graph.done.into_iter().map(Option::flatten).collect();
    Analysis {
        composites,
        problems: graph.problems,
    }
}
