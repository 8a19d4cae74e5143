//! Error budgets: allowed downtime, bad events and bad time slices for a target
//! over a window, and the reverse (the target a downtime implies).
//!
//! All arithmetic is exact (integers over a power-of-ten denominator, see
//! [`ErrorBudget`](crate::quantity::target::ErrorBudget)); each figure is rounded once, at
//! the end, by the rule in [`RoundingRule`].

use std::fmt;

use rust_decimal::Decimal;

use crate::quantity::duration::ExactDuration;
use crate::quantity::target::Target;

/// How each figure is rounded, as shown to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundingRule {
    /// Allowed downtime: never rounded.
    Downtime,
    /// Bad events: truncated to a whole event.
    Events,
    /// Bad time slices: whole slices, rounded down.
    TimeSlices,
    /// Implied target: rounded down to ten decimal places of a percent.
    ImpliedTarget,
}

impl RoundingRule {
    /// The rule in one sentence.
    pub fn describe(self) -> &'static str {
        match self {
            RoundingRule::Downtime => {
                "allowed downtime = window x (1 - target), exact: a decimal target over whole \
                 seconds always gives an exact decimal, so it is never rounded"
            }
            RoundingRule::Events => {
                "allowed bad events = valid events x (1 - target), truncated to a whole event \
                 (SRE Workbook ch. 2: 97 % of 3,663,253 allows 109,897)"
            }
            RoundingRule::TimeSlices => {
                "allowed bad slices = whole slices in the window x (1 - target), rounded down: \
                 a budget of whole time slices never rounds up"
            }
            RoundingRule::ImpliedTarget => {
                "implied target = 1 - downtime / window, rounded down to 10 decimal places of a \
                 percent, so the downtime always fits the stated target"
            }
        }
    }
}

/// Why a budget could not be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BudgetError {
    /// A time slice of zero length.
    ZeroSlice,
    /// A time slice longer than the window (holds both, human-readable).
    SliceLongerThanWindow(String, String),
    /// A downtime of zero: it implies 100 %, which leaves no error budget.
    ZeroDowntime,
    /// A downtime as long as the window or longer (holds both, human-readable).
    DowntimeNotBelowWindow(String, String),
    /// The numbers are too large or too precise to compute exactly.
    TooLarge,
}

impl fmt::Display for BudgetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BudgetError::ZeroSlice => write!(f, "a time slice must be longer than zero"),
            BudgetError::SliceLongerThanWindow(slice, window) => {
                write!(
                    f,
                    "a time slice of {slice} does not fit in a window of {window}"
                )
            }
            BudgetError::ZeroDowntime => write!(
                f,
                "no downtime implies a 100 % target, which leaves no error budget"
            ),
            BudgetError::DowntimeNotBelowWindow(downtime, window) => write!(
                f,
                "a downtime of {downtime} is not shorter than the window ({window})"
            ),
            BudgetError::TooLarge => {
                write!(
                    f,
                    "these numbers are too large or too precise to compute exactly"
                )
            }
        }
    }
}

impl std::error::Error for BudgetError {}

/// Allowed downtime for `target` over a window of `window_seconds`:
/// `window x (1 - target)`, exact (ESF ch. 3; SRE Workbook ch. 2).
///
/// ```
/// use slo_core::{budget::allowed_downtime, Target};
/// let t: Target = "99.95".parse().unwrap();
/// assert_eq!(allowed_downtime(&t, 7 * 86_400).unwrap().to_string(), "5m 2.4s");
/// ```
pub fn allowed_downtime(
    target: &Target,
    window_seconds: u64,
) -> Result<ExactDuration, BudgetError> {
    let budget = target.error_budget();
    let product = budget
        .units()
        .checked_mul(window_seconds as u128)
        .ok_or(BudgetError::TooLarge)?;
    let seconds = i128::try_from(product)
        .ok()
        .and_then(|p| Decimal::try_from_i128_with_scale(p, budget.scale()).ok())
        .ok_or(BudgetError::TooLarge)?;
    ExactDuration::from_seconds(seconds).ok_or(BudgetError::TooLarge)
}

/// How many valid events the budget is computed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValidEvents {
    /// This many valid events in the whole window.
    PerWindow(u64),
    /// This many valid events per day of 86,400 s, scaled to the window's length.
    PerDay(u64),
}

/// Allowed bad events: `valid events x (1 - target)`, truncated to a whole event
/// (SRE Workbook ch. 2: 97 % of 3,663,253 requests allows 109,897 failures).
/// With [`ValidEvents::PerDay`] the events in the window are
/// `per day x window_seconds / 86,400`, kept exact until the one truncation.
///
/// ```
/// use slo_core::{budget::{allowed_bad_events, ValidEvents}, Target};
/// let t: Target = "97".parse().unwrap();
/// assert_eq!(allowed_bad_events(&t, ValidEvents::PerWindow(3_663_253), 0).unwrap(), 109_897);
/// ```
pub fn allowed_bad_events(
    target: &Target,
    events: ValidEvents,
    window_seconds: u64,
) -> Result<u64, BudgetError> {
    let budget = target.error_budget();
    let (numerator, denominator): (u128, u128) = match events {
        ValidEvents::PerWindow(n) => (n as u128, 1),
        ValidEvents::PerDay(n) => (
            (n as u128)
                .checked_mul(window_seconds as u128)
                .ok_or(BudgetError::TooLarge)?,
            86_400,
        ),
    };
    let scaled = numerator
        .checked_mul(budget.units())
        .ok_or(BudgetError::TooLarge)?;
    let whole = scaled
        / budget
            .denominator()
            .checked_mul(denominator)
            .ok_or(BudgetError::TooLarge)?;
    u64::try_from(whole).map_err(|_| BudgetError::TooLarge)
}

/// Valid events in the window, truncated to whole events (for display beside
/// [`allowed_bad_events`]).
pub fn valid_events_in_window(events: ValidEvents, window_seconds: u64) -> u64 {
    match events {
        ValidEvents::PerWindow(n) => n,
        ValidEvents::PerDay(n) => {
            let whole = n as u128 * window_seconds as u128 / 86_400;
            u64::try_from(whole).unwrap_or(u64::MAX)
        }
    }
}

/// The bad time slices a time-slice SLI may have in a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeSliceBudget {
    /// Whole slices that fit in the window.
    pub slices: u64,
    /// Whole bad slices allowed: `floor(slices x (1 - target))`.
    pub allowed_bad: u64,
}

/// Bad time slices allowed: the whole slices in the window times the error
/// budget, rounded down (99.9 % over 30 d with 1-minute slices: 43,200 slices,
/// 43 bad allowed, never 44).
///
/// Errors: a zero slice, or a slice longer than the window.
///
/// ```
/// use slo_core::{budget::allowed_bad_time_slices, Target, ExactDuration};
/// let t: Target = "99.9".parse().unwrap();
/// let slice: ExactDuration = "1m".parse().unwrap();
/// let b = allowed_bad_time_slices(&t, 30 * 86_400, slice).unwrap();
/// assert_eq!((b.slices, b.allowed_bad), (43_200, 43));
/// ```
pub fn allowed_bad_time_slices(
    target: &Target,
    window_seconds: u64,
    slice: ExactDuration,
) -> Result<TimeSliceBudget, BudgetError> {
    let seconds = slice.seconds();
    if seconds.is_zero() {
        return Err(BudgetError::ZeroSlice);
    }
    let window = Decimal::from(window_seconds);
    if seconds > window {
        return Err(BudgetError::SliceLongerThanWindow(
            slice.to_string(),
            ExactDuration::from_whole_seconds(window_seconds).to_string(),
        ));
    }
    let slice_units = seconds.mantissa() as u128;
    let scaled_window = (window_seconds as u128)
        .checked_mul(
            10u128
                .checked_pow(seconds.scale())
                .ok_or(BudgetError::TooLarge)?,
        )
        .ok_or(BudgetError::TooLarge)?;
    let slices = u64::try_from(scaled_window / slice_units).map_err(|_| BudgetError::TooLarge)?;
    let allowed = target
        .error_budget()
        .floor_share(slices as u128)
        .ok_or(BudgetError::TooLarge)?;
    Ok(TimeSliceBudget {
        slices,
        allowed_bad: allowed as u64,
    })
}

/// The target a downtime implies over a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImpliedTarget {
    /// The target in percent, rounded down to ten decimal places.
    pub percent: Decimal,
    /// Whether `percent` is exact (no rounding happened).
    pub exact: bool,
}

/// Decimal places of a percent kept by [`implied_target`].
pub const IMPLIED_TARGET_DECIMALS: u32 = 10;

/// The reverse calculation: the target for which `downtime` is exactly the
/// allowed downtime over `window_seconds`, `100 x (1 - downtime / window)`,
/// rounded down to [`IMPLIED_TARGET_DECIMALS`] places so the downtime fits.
///
/// Errors: zero downtime (it implies 100 %), downtime not shorter than the window.
///
/// ```
/// use slo_core::{budget::implied_target, ExactDuration};
/// let d: ExactDuration = "43m 12s".parse().unwrap();
/// let t = implied_target(d, 30 * 86_400).unwrap();
/// assert_eq!((t.percent.to_string(), t.exact), ("99.9".to_string(), true));
/// ```
pub fn implied_target(
    downtime: ExactDuration,
    window_seconds: u64,
) -> Result<ImpliedTarget, BudgetError> {
    let seconds = downtime.seconds();
    if seconds.is_zero() {
        return Err(BudgetError::ZeroDowntime);
    }
    if seconds >= Decimal::from(window_seconds) {
        return Err(BudgetError::DowntimeNotBelowWindow(
            downtime.to_string(),
            ExactDuration::from_whole_seconds(window_seconds).to_string(),
        ));
    }
    let too_large = || BudgetError::TooLarge;
    let pow = |n: u32| 10u128.checked_pow(n).ok_or_else(too_large);
    // window and downtime over the common denominator 10^scale.
    let window = (window_seconds as u128)
        .checked_mul(pow(seconds.scale())?)
        .ok_or_else(too_large)?;
    let down = seconds.mantissa() as u128;
    let numerator = (window - down)
        .checked_mul(100)
        .and_then(|n| n.checked_mul(10u128.pow(IMPLIED_TARGET_DECIMALS)))
        .ok_or_else(too_large)?;
    let floored = numerator / window;
    let exact = numerator % window == 0;
    let percent = i128::try_from(floored)
        .ok()
        .and_then(|f| Decimal::try_from_i128_with_scale(f, IMPLIED_TARGET_DECIMALS).ok())
        .ok_or_else(too_large)?
        .normalize();
    Ok(ImpliedTarget { percent, exact })
}

/// The share of a budget that `spent` uses, in percent, exact to 28 digits:
/// 1,500 bad events of a 3,000 budget is 50 % (SRE Workbook ch. 2).
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(slo_core::budget::budget_share(Decimal::from(1500), Decimal::from(3000)).unwrap(),
///            Decimal::from(50));
/// ```
pub fn budget_share(spent: Decimal, budget: Decimal) -> Option<Decimal> {
    if budget.is_zero() {
        return None;
    }
    Some(
        (spent
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(budget)?)
        .normalize(),
    )
}
