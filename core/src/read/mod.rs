//! One reader per kind of number people type: a percentage, a duration, a
//! whole count and a plain decimal (a ratio, a rate, a number of days). Each
//! reader holds its range, so every value that reaches the arithmetic is
//! bounded first and can never overflow it; every field of a kind uses the
//! same reader, so its messages are the same everywhere.
//!
//! Messages quote what was typed, cut to [`crate::echo::ECHO_LIMIT`] characters, and say
//! what to write instead:
//!
//! ```
//! use slo_core::read::{Count, Percent};
//! let failures = Count::new("a number of failures per year", 0, 1_000);
//! assert_eq!(failures.read("12"), Ok(12));
//! assert_eq!(failures.read("5000").unwrap_err(),
//!     "\"5000\" is too large: a number of failures per year can be at most 1,000");
//! assert_eq!(Percent::SHARE.read("abc").unwrap_err(),
//!     "\"abc\" is not a share of the budget: write a percentage above 0 and at most 100");
//! ```

pub mod alert_rule;
pub mod fields;
pub mod policy;
pub mod scenario;
pub mod slo;
pub mod traffic;

use rust_decimal::Decimal;

use crate::echo::quote;
use crate::quantity::duration::ExactDuration;
use crate::quantity::numbers::{count_digits, group_thousands, parse_count};

/// The longest duration any field accepts: 36,500 days (100 years), the
/// longest compliance period.
pub const MAX_DURATION_SECONDS: u64 = crate::quantity::window::MAX_ROLLING_SECONDS;

/// The finest duration any field accepts: 9 decimal places of a second (1 ns).
pub const DURATION_DECIMALS: u32 = 9;

/// Whether `text` looks like a plain decimal number (sign, digits, one point),
/// so a failed parse means it is too large rather than not a number.
fn looks_numeric(text: &str) -> bool {
    let body = text.trim().trim_start_matches(['-', '+']);
    !body.is_empty()
        && body.matches('.').count() <= 1
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().any(|b| b.is_ascii_digit())
}

/// A decimal range with an inclusive or exclusive lower end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimals {
    /// What the field holds ("a burn rate").
    pub what: &'static str,
    /// The lowest value (see `above`).
    pub min: Decimal,
    /// `true` when `min` itself is refused ("above 0").
    pub above: bool,
    /// The highest value, inclusive.
    pub max: Decimal,
    /// The unit after a number in messages (" %" or "").
    pub unit: &'static str,
}

impl Decimals {
    /// How to write a value in range: "a number above 0 and at most 1,000,000".
    fn how(&self) -> String {
        let noun = if self.unit.is_empty() {
            "a number"
        } else {
            "a percentage"
        };
        let low = if self.above { "above" } else { "from" };
        let joint = if self.above { "and at most" } else { "to" };
        format!(
            "{noun} {low} {} {joint} {}",
            group_thousands(&self.min.normalize().to_string()),
            group_thousands(&self.max.normalize().to_string())
        )
    }

    /// Reads a decimal in range, or says what is wrong.
    pub fn read(&self, text: &str) -> Result<Decimal, String> {
        let trimmed = text.trim();
        let trimmed = if self.unit.is_empty() {
            trimmed
        } else {
            trimmed.trim_end_matches('%').trim_end()
        };
        let value = match trimmed.parse::<Decimal>() {
            Ok(v) if looks_numeric(trimmed) => v,
            Err(_) if looks_numeric(trimmed) && !trimmed.starts_with('-') => {
                return Err(self.too_large(text));
            }
            _ => {
                return Err(format!(
                    "{} is not {}: write {}",
                    quote(text),
                    self.what,
                    self.how()
                ))
            }
        };
        if value > self.max {
            return Err(self.too_large(text));
        }
        if value < self.min || (self.above && value == self.min) {
            let low = if self.above { "above" } else { "at least" };
            return Err(format!(
                "{} is too small: {} must be {low} {}{}",
                quote(text),
                self.what,
                group_thousands(&self.min.normalize().to_string()),
                self.unit
            ));
        }
        Ok(value.normalize())
    }

    fn too_large(&self, text: &str) -> String {
        format!(
            "{} is too large: {} can be at most {}{}",
            quote(text),
            self.what,
            group_thousands(&self.max.normalize().to_string()),
            self.unit
        )
    }
}

/// A percentage as typed ("99.95", "2"), in percent; a trailing `%` is allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Percent(pub Decimals);

impl Percent {
    /// A share of the error budget: above 0 and at most 100.
    pub const SHARE: Percent = Percent::above_zero("a share of the budget");

    /// A percentage above 0 and at most 100 that holds `what`.
    pub const fn above_zero(what: &'static str) -> Percent {
        Percent(Decimals::new(what, true, Decimal::ONE_HUNDRED, " %"))
    }

    /// A percentage from 0 to 100 that holds `what`.
    pub const fn from_zero(what: &'static str) -> Percent {
        Percent(Decimals::new(what, false, Decimal::ONE_HUNDRED, " %"))
    }

    /// Reads the percentage (in percent, e.g. `2` for 2 %).
    pub fn read(&self, text: &str) -> Result<Decimal, String> {
        self.0.read(text)
    }

    /// Reads the percentage as a fraction (`0.02` for 2 %).
    pub fn fraction(&self, text: &str) -> Result<Decimal, String> {
        self.read(text).map(|p| p / Decimal::ONE_HUNDRED)
    }
}

impl Decimals {
    /// A range from 0 (or above 0 when `above`) to `max`, followed by `unit`
    /// in messages.
    pub const fn new(
        what: &'static str,
        above: bool,
        max: Decimal,
        unit: &'static str,
    ) -> Decimals {
        Decimals {
            what,
            min: Decimal::ZERO,
            above,
            max,
            unit,
        }
    }

    /// A plain decimal (a burn rate, incidents per period, days) above 0 and
    /// at most `max` that holds `what`.
    pub const fn above_zero(what: &'static str, max: u64) -> Decimals {
        Decimals::new(what, true, whole(max), "")
    }

    /// A plain decimal from 0 to `max` that holds `what`.
    pub const fn from_zero(what: &'static str, max: u64) -> Decimals {
        Decimals::new(what, false, whole(max), "")
    }
}

/// `n` as a decimal, in a `const` (rust_decimal's `From` is not const).
const fn whole(n: u64) -> Decimal {
    Decimal::from_parts(n as u32, (n >> 32) as u32, 0, false, 0)
}

/// A whole count as typed ("3,663,253"), from `min` to `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count {
    /// What the field holds ("a number of replicas").
    pub what: &'static str,
    /// The smallest count.
    pub min: u64,
    /// The largest count.
    pub max: u64,
}

impl Count {
    /// A count of `what` from `min` to `max`.
    pub const fn new(what: &'static str, min: u64, max: u64) -> Count {
        Count { what, min, max }
    }

    /// Reads the count, or says what is wrong.
    pub fn read(&self, text: &str) -> Result<u64, String> {
        // Messages are built only when a value is refused (typing is the hot path).
        let max = || group_thousands(&self.max.to_string());
        let min = || group_thousands(&self.min.to_string());
        let too_large = || {
            Err(format!(
                "{} is too large: {} can be at most {}",
                quote(text),
                self.what,
                max()
            ))
        };
        match parse_count(text) {
            Some(n) if n > self.max => too_large(),
            Some(n) if n < self.min => Err(format!(
                "{} is too small: {} must be at least {}",
                quote(text),
                self.what,
                min()
            )),
            Some(n) => Ok(n),
            // Only digits (and separators), yet no u64: too large.
            None if count_digits(text).is_some() => too_large(),
            None => Err(format!(
                "{} is not {}: write a whole number from {} to {}",
                quote(text),
                self.what,
                min(),
                max()
            )),
        }
    }
}

/// A duration as typed ("43m 12s"), at most `max_seconds` long, at most
/// nanosecond-precise, and longer than zero when `positive`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// What the field holds ("a failover").
    pub what: &'static str,
    /// Zero refused.
    pub positive: bool,
    /// The longest, in whole seconds.
    pub max_seconds: u64,
}

impl Span {
    /// A duration longer than zero and at most 36,500 days.
    pub const fn positive(what: &'static str) -> Span {
        Span {
            what,
            positive: true,
            max_seconds: MAX_DURATION_SECONDS,
        }
    }

    /// A duration from zero to 36,500 days.
    pub const fn from_zero(what: &'static str) -> Span {
        Span {
            what,
            positive: false,
            max_seconds: MAX_DURATION_SECONDS,
        }
    }

    /// The same, at most `max_seconds` long.
    pub const fn at_most(self, max_seconds: u64) -> Span {
        Span {
            max_seconds,
            ..self
        }
    }

    /// Reads the duration, or says what is wrong.
    pub fn read(&self, text: &str) -> Result<ExactDuration, String> {
        let too_long = || {
            let max = ExactDuration::from_whole_seconds(self.max_seconds);
            format!(
                "{} is too long: {} can be at most {max}",
                quote(text),
                self.what
            )
        };
        let duration = match text.parse::<ExactDuration>() {
            Ok(d) => d,
            Err(crate::quantity::duration::DurationError::OutOfRange) => return Err(too_long()),
            Err(e) => return Err(e.to_string()),
        };
        if duration.seconds() > Decimal::from(self.max_seconds) {
            return Err(too_long());
        }
        if duration.seconds().scale() > DURATION_DECIMALS {
            return Err(format!(
                "{} is too precise: write {} to the nanosecond at most",
                quote(text),
                self.what
            ));
        }
        if self.positive && duration.seconds().is_zero() {
            return Err(format!(
                "{} must be longer than zero",
                crate::echo::capitalised(self.what)
            ));
        }
        Ok(duration)
    }
}

// The readers of an SLI's numbers, shared by validation, the Budget page's
// form and the burn simulation.

/// A latency threshold in whole milliseconds: above 0, at most one day.
pub const LATENCY_MS: Count = Count::new("a threshold in milliseconds", 1, 86_400_000);
/// A time slice: longer than zero, at most 36,500 days (and at most the
/// SLO's window, checked beside it).
pub const TIME_SLICE: Span = Span::positive("a time slice");
/// Expected valid events per window (or per day): at least 1, at most 10^15.
pub const VALID_EVENTS: Count = Count::new("a number of valid events", 1, 1_000_000_000_000_000);
