//! How an SLO's error budget divides among its hard dependencies and what is
//! left for the service's own failures (SRE Workbook ch. 2, ESF ch. 7).

use super::*;
use crate::quantity::target::Target;
use rust_decimal::Decimal;
use serde::Serialize;

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
