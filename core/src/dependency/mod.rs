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

mod allocation;
mod graph;

pub use allocation::{allocate, Allocation, Share, TIME_ROUNDING};
pub use graph::analyze;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::problem::Problem;
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

impl Composite {
    /// The highest availability the service can reach with its
    /// dependencies (independent failures), a fraction; `None` when it has
    /// none (nothing caps it).
    pub fn ceiling(&self) -> Option<Decimal> {
        (self.factors.len() >= 2).then_some(self.availability.independent)
    }
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

/// The availability of factors in series (every one must be up): under
/// independent failures the product; at worst (failures never overlap)
/// one minus the sum of the unavailabilities; at best (failures always
/// overlap) the lowest one (ESF ch. 7; SRE Workbook ch. 2).
pub fn combine(factors: &[Factor]) -> Bounds {
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
    Bounds {
        pessimistic: (Decimal::ONE - lost).max(Decimal::ZERO).normalize(),
        independent: independent.normalize(),
        optimistic: optimistic.normalize(),
    }
}

/// How many decimal places of a percent the pages, the document and the
/// CLI's text show of an availability or an unavailability.
pub const PERCENT_DECIMALS: u32 = 4;

/// The rule of [`percent_text`] and [`unavailability_text`], as shown.
pub const PERCENT_ROUNDING: &str = "availabilities rounded down and unavailabilities rounded up, to 4 decimal places of a percent: neither looks better than it is";

/// An unavailability fraction as a percentage for people, rounded up to
/// `decimals` places, so it never looks smaller than it is: 2 of 3 replicas
/// at 99.9 % are unavailable 0.0002998 % of the time, "0.0003" to 4 places.
///
/// ```
/// use rust_decimal::Decimal;
/// use slo_core::dependency::unavailability_text;
/// assert_eq!(unavailability_text(Decimal::new(2998, 9), 4), "0.0003");
/// ```
pub fn unavailability_text(fraction: Decimal, decimals: u32) -> String {
    (fraction * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::AwayFromZero)
        .normalize()
        .to_string()
}

/// An availability fraction as a percentage for people, rounded down to
/// `decimals` places ("98.8021"), so it never looks higher than it is; the
/// exact value is in reports and exports.
pub fn percent_text(fraction: Decimal, decimals: u32) -> String {
    (fraction * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::ToZero)
        .normalize()
        .to_string()
}
