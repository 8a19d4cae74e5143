//! Dependency chains: the availability a service can promise, given what it
//! depends on.
//!
//! A service's composite availability is its own availability times that of
//! each hard dependency and redundancy group, through the whole graph (a
//! dependency that is a service of the model contributes its own composite).
//! Soft dependencies are listed but left out of the product.
//!
//! Real failures are correlated, so three figures are given (see [`Bounds`]):
//! the independent-failure estimate (the product; for redundancy, the binomial
//! k-of-n sum), a pessimistic bound (no overlap: `1 - sum of unavailabilities`;
//! redundancy fails together) and an optimistic bound (the weakest factor).
//! The SRE Workbook warns that the naive redundancy figure "will be deceptive".
//!
//! All arithmetic is decimal (`rust_decimal`, 28 significant digits), far
//! beyond nine nines. Sources: seed "Insights on setting up a Service Level
//! Agreement"; system-design-primer "Availability in numbers"; SRE Workbook ch. 2.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::location::{DependencyAt, Locate, ModelAt, ServiceAt};
use crate::model::{Coupling, DependencySource, Model, Service};
use crate::problem::{join, Problem, ProblemCode};
use crate::quantity::target::Target;
use crate::read::{Count, Percent, Span};

/// The most replicas a redundancy group may have.
pub const MAX_REPLICAS: u64 = 64;

/// Seconds in the 365-day year that `failuresPerYear` counts over.
const YEAR_SECONDS: u64 = 365 * 86_400;

/// Replicas in a redundancy group: 1 to [`MAX_REPLICAS`].
pub const REPLICAS: Count = Count::new("a number of replicas", 1, MAX_REPLICAS);
/// Replicas that must be up: 1 to [`MAX_REPLICAS`] (and at most the replicas).
pub const REQUIRED: Count = Count::new("a number of replicas that must be up", 1, MAX_REPLICAS);
/// The time one failover takes: at most the 365-day year it is counted over.
pub const FAILOVER: Span = Span::from_zero("a failover").at_most(YEAR_SECONDS);
/// Failures per replica per year: 0 to 1,000.
pub const FAILURES_PER_YEAR: Count = Count::new("a number of failures per year", 0, 1_000);

/// Availability as a fraction (0..=1) under three assumptions about failures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Bounds {
    /// Failures never overlap: `1 - sum of unavailabilities` (the lowest).
    pub pessimistic: Decimal,
    /// Failures are independent: the product (the usual estimate).
    pub independent: Decimal,
    /// Failures always overlap: the weakest factor (the highest).
    pub optimistic: Decimal,
}

impl Bounds {
    /// The same figure under every assumption (an external SLA).
    pub fn exact(a: Decimal) -> Bounds {
        Bounds {
            pessimistic: a,
            independent: a,
            optimistic: a,
        }
    }
}

/// What a factor of a composite is (`"own"`, `"hard"` or `"redundant"` in JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FactorKind {
    /// The service's own code and infrastructure.
    Own,
    /// A hard dependency.
    Hard,
    /// A redundancy group.
    Redundant,
}

/// One factor of a service's composite: its own part, a hard dependency, or a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Factor {
    /// "own code and infrastructure", or the dependency's name.
    pub name: String,
    /// Its own part, a hard dependency or a redundancy group.
    pub kind: FactorKind,
    /// For a group: "1 of 2".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The factor's availability (for a group: of the whole group).
    pub availability: Bounds,
}

impl Factor {
    /// The independent-failure unavailability of this factor (fraction).
    pub fn unavailability(&self) -> Decimal {
        Decimal::ONE - self.availability.independent
    }
}

/// A service's composite availability and what it is made of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Composite {
    /// The service's name.
    pub service: String,
    /// Own part, hard dependencies and groups, in the order listed.
    pub factors: Vec<Factor>,
    /// Soft dependencies: listed, not in the product.
    pub soft: Vec<String>,
    /// The composite availability.
    pub availability: Bounds,
}

/// The composite of every service, and the graph's problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    /// One entry per service of the model; `None` when its graph is broken.
    pub composites: Vec<Option<Composite>>,
    /// Every graph problem, with field paths.
    pub problems: Vec<Problem>,
}

/// `P(at least k of n up)` for `n` independent replicas of availability `a`:
/// `sum over i = k..n of C(n, i) a^i (1 - a)^(n - i)` (the binomial sum).
///
/// ```
/// use rust_decimal::Decimal;
/// use slo_core::dependency::k_of_n;
/// let a: Decimal = "0.999".parse().unwrap();
/// assert_eq!(k_of_n(a, 1, 2).to_string(), "0.999999");      // two 99.9 % in parallel
/// assert_eq!(k_of_n(a, 2, 2).to_string(), "0.998001");      // both needed: serial
/// ```
///
/// `a` is clamped to 0..=1 and `n` to [`MAX_REPLICAS`], so the sum always fits
/// a decimal (C(64, 32) is about 1.8 x 10^18): never panics.
pub fn k_of_n(a: Decimal, k: u64, n: u64) -> Decimal {
    if k == 0 {
        return Decimal::ONE;
    }
    let a = a.clamp(Decimal::ZERO, Decimal::ONE);
    let n = n.min(MAX_REPLICAS);
    let u = Decimal::ONE - a;
    let mut total = Decimal::ZERO;
    let mut choose = Decimal::ONE; // C(n, i), built up from C(n, 0)
    for i in 0..=n {
        if i > 0 {
            choose = choose * Decimal::from(n - i + 1) / Decimal::from(i);
        }
        if i >= k {
            total += choose * pow(a, i) * pow(u, n - i);
        }
    }
    total.min(Decimal::ONE).normalize()
}

fn pow(x: Decimal, n: u64) -> Decimal {
    (0..n).fold(Decimal::ONE, |acc, _| acc * x)
}

/// An availability as typed: a percentage above 0 and at most 100 (100 % is
/// a valid availability for a dependency, not for an SLO).
pub const AVAILABILITY: Percent = Percent::above_zero("an availability");

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
            let path = DependencyAt(ServiceAt(ModelAt, s), d).path();
            let Some(replica) = self.dependency_bounds(s, &path, dependency) else {
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
                            self.error(join(&path, &join("coupling", field)), message);
                        }
                        broken = true;
                    }
                },
            }
        }
        if broken {
            return None;
        }
        let independent = factors
            .iter()
            .fold(Decimal::ONE, |acc, f| acc * f.availability.independent);
        let lost: Decimal = factors
            .iter()
            .map(|f| Decimal::ONE - f.availability.pessimistic)
            .sum();
        let optimistic = factors
            .iter()
            .map(|f| f.availability.optimistic)
            .min()
            .unwrap_or(Decimal::ONE);
        Some(Composite {
            service: service.name.clone(),
            factors,
            soft,
            availability: Bounds {
                pessimistic: (Decimal::ONE - lost).max(Decimal::ZERO).normalize(),
                independent: independent.normalize(),
                optimistic: optimistic.normalize(),
            },
        })
    }

    /// The availability of one replica of a dependency, or `None` (problem recorded).
    fn dependency_bounds(
        &mut self,
        s: usize,
        path: &str,
        dependency: &crate::model::Dependency,
    ) -> Option<Bounds> {
        match &dependency.source {
            DependencySource::External { availability, .. } => {
                match AVAILABILITY.fraction(availability) {
                    Ok(a) => Some(Bounds::exact(a)),
                    Err(message) => {
                        self.error(join(path, "source.availability"), message);
                        None
                    }
                }
            }
            DependencySource::Service => {
                let key = dependency.name.trim().to_lowercase();
                let Some(&target) = self.index.get(&key) else {
                    self.error(
                        join(path, "name"),
                        format!("no service \"{}\" in the model: add it, or make the dependency external", dependency.name),
                    );
                    return None;
                };
                if target == s {
                    self.error(
                        join(path, "name"),
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
                        Problem::error(join(path, "name"), message)
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

/// An availability fraction as a percentage for people, rounded down to
/// `decimals` places ("98.8021"); the exact value is in reports and exports.
pub fn percent_text(fraction: Decimal, decimals: u32) -> String {
    (fraction * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::ToZero)
        .normalize()
        .to_string()
}

/// How much of an SLO's error budget each hard dependency or group consumes if
/// it just meets its own availability, and what is left for the service's own
/// failures (the independent-failure figures).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Allocation {
    /// The error budget, as a fraction of the window.
    pub budget_fraction: Decimal,
    /// Per dependency or group: name, fraction of the window, share of the budget in percent.
    pub dependencies: Vec<Share>,
    /// What is left for the service itself (negative when the dependencies overspend).
    pub left: Share,
}

/// How a share's time per window is rounded, stated beside it.
pub const TIME_ROUNDING: &str = "rounded down to the millisecond";

/// One line of an [`Allocation`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Share {
    /// The dependency's name ("left for the service itself" for the rest).
    pub name: String,
    /// Its unavailability, as a fraction of the window.
    pub fraction: Decimal,
    /// Its share of the error budget, in percent.
    pub budget_percent: Decimal,
}

impl Share {
    /// The time this share is of a window of `window_seconds`, in seconds,
    /// rounded down to the millisecond ([`TIME_ROUNDING`]; negative shares
    /// read as zero).
    pub fn seconds_of(&self, window_seconds: u64) -> Decimal {
        self.fraction
            .checked_mul(Decimal::from(window_seconds))
            .unwrap_or(Decimal::ZERO)
            .round_dp_with_strategy(3, rust_decimal::RoundingStrategy::ToZero)
            .max(Decimal::ZERO)
            .normalize()
    }
}

/// The budget allocation of a target over a composite (SRE Workbook ch. 2:
/// dependencies spend the budget too).
pub fn allocate(target: &Target, composite: &Composite) -> Allocation {
    let budget = target.error_budget().fraction();
    let share = |name: String, fraction: Decimal| Share {
        budget_percent: (fraction * Decimal::ONE_HUNDRED / budget)
            .round_dp(4)
            .normalize(),
        fraction: fraction.normalize(),
        name,
    };
    let dependencies: Vec<Share> = composite
        .factors
        .iter()
        .filter(|f| f.kind != FactorKind::Own)
        .map(|f| share(f.name.clone(), f.unavailability()))
        .collect();
    let spent: Decimal = dependencies.iter().map(|d| d.fraction).sum();
    Allocation {
        budget_fraction: budget,
        left: share("left for the service itself".into(), budget - spent),
        dependencies,
    }
}
