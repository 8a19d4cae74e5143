//! Exact durations, written the way people write them: `43m 12s`, `1m 0.48s`,
//! `8h 45m 36s`, `3d 15h 36m`, `25.92s`, `31.536ms`.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::echo::quote;

/// A non-negative duration in seconds, held as an exact decimal.
///
/// # Display
/// Days, hours and minutes as whole units, then seconds with their exact decimal
/// fraction; zero units are left out (`7h 12m`). Below one second the largest of
/// `ms`, `µs`, `ns` that keeps a whole part is used (`31.536ms`). Never rounded.
///
/// # Parsing
/// One or more `<number><unit>` parts, spaces optional, summed: units `w`, `d`,
/// `h`, `m` (or `min`), `s`, `ms`, `µs` (or `us`), `ns`; numbers may have a
/// decimal fraction (`1.5h`).
///
/// ```
/// use slo_core::ExactDuration;
/// let d: ExactDuration = "43m 12s".parse().unwrap();
/// assert_eq!(d.seconds().to_string(), "2592");
/// assert_eq!(d.to_string(), "43m 12s");
/// assert_eq!(ExactDuration::from_seconds("0.031536".parse().unwrap()).unwrap().to_string(), "31.536ms");
/// assert_eq!("1m0.48s".parse::<ExactDuration>().unwrap().to_string(), "1m 0.48s");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExactDuration {
    seconds: Decimal,
}

/// Why a duration could not be read; the text names the bad part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DurationError {
    /// Nothing was typed.
    Empty,
    /// A part that is not `<number><unit>` (holds the part).
    BadPart(String),
    /// A number with no unit (holds the number).
    MissingUnit(String),
    /// An unknown unit (holds the unit).
    UnknownUnit(String),
    /// A negative duration.
    Negative,
    /// Too large or too precise to hold exactly.
    OutOfRange,
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DurationError::Empty => write!(f, "enter a duration, e.g. 43m 12s"),
            DurationError::BadPart(p) => {
                write!(
                    f,
                    "{} is not a duration: write e.g. 43m 12s or 1h 30m",
                    quote(p)
                )
            }
            DurationError::MissingUnit(n) => {
                write!(f, "{} has no unit: add one of d, h, m, s, ms", quote(n))
            }
            DurationError::UnknownUnit(u) => {
                write!(
                    f,
                    "unknown unit {}: use w, d, h, m, s, ms, µs or ns",
                    quote(u)
                )
            }
            DurationError::Negative => write!(f, "a duration cannot be negative"),
            DurationError::OutOfRange => write!(f, "this duration is too large or too precise"),
        }
    }
}

impl std::error::Error for DurationError {}

/// Seconds per unit, as `(unit names, seconds numerator, decimal places)`.
const UNITS: [(&[&str], i64, u32); 8] = [
    (&["w", "wk", "week", "weeks"], 604_800, 0),
    (&["d", "day", "days"], 86_400, 0),
    (&["h", "hr", "hour", "hours"], 3_600, 0),
    (&["m", "min", "mins", "minute", "minutes"], 60, 0),
    (&["s", "sec", "secs", "second", "seconds"], 1, 0),
    (&["ms"], 1, 3),
    (&["µs", "us", "μs"], 1, 6),
    (&["ns"], 1, 9),
];

fn unit_seconds(unit: &str) -> Option<Decimal> {
    UNITS
        .iter()
        .find(|(names, _, _)| names.contains(&unit))
        .map(|(_, n, scale)| Decimal::new(*n, *scale))
}

impl ExactDuration {
    /// Zero seconds.
    pub const ZERO: ExactDuration = ExactDuration {
        seconds: Decimal::ZERO,
    };

    /// A duration of `seconds` (exact decimal); `None` if negative.
    pub fn from_seconds(seconds: Decimal) -> Option<Self> {
        (!seconds.is_sign_negative() || seconds.is_zero()).then(|| ExactDuration {
            seconds: seconds.abs().normalize(),
        })
    }

    /// A duration of whole seconds.
    pub fn from_whole_seconds(seconds: u64) -> Self {
        ExactDuration {
            seconds: Decimal::from(seconds),
        }
    }

    /// The length in seconds, exact, without trailing zeros.
    pub fn seconds(&self) -> Decimal {
        self.seconds
    }

    /// The length in whole seconds, rounded up (a simulation step never
    /// shortens a window); `u64::MAX` beyond it.
    ///
    /// ```
    /// let d: slo_core::ExactDuration = "1m 0.2s".parse().unwrap();
    /// assert_eq!(d.whole_seconds_up(), 61);
    /// ```
    pub fn whole_seconds_up(&self) -> u64 {
        use rust_decimal::prelude::ToPrimitive;
        self.seconds.ceil().to_u64().unwrap_or(u64::MAX)
    }
}

impl FromStr for ExactDuration {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DurationError::Empty);
        }
        if text.starts_with('-') {
            return Err(DurationError::Negative);
        }
        let mut total = Decimal::ZERO;
        let mut rest = text;
        while !rest.is_empty() {
            let number_len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let number = &rest[..number_len];
            let after = rest[number_len..].trim_start();
            // A unit is letters; any non-ASCII character counts as one, so
            // "28д" names its unknown unit (without Unicode's letter tables).
            let unit_len = after
                .find(|c: char| c.is_ascii() && !c.is_ascii_alphabetic())
                .unwrap_or(after.len());
            let unit = &after[..unit_len];
            if number.is_empty() || number.matches('.').count() > 1 || number == "." {
                let bad = rest.split_whitespace().next().unwrap_or(rest);
                return Err(DurationError::BadPart(bad.to_string()));
            }
            if unit.is_empty() {
                return Err(DurationError::MissingUnit(number.to_string()));
            }
            let per_unit =
                unit_seconds(unit).ok_or_else(|| DurationError::UnknownUnit(unit.to_string()))?;
            let value = Decimal::from_str_exact(number).map_err(|_| DurationError::OutOfRange)?;
            let seconds = value
                .checked_mul(per_unit)
                .ok_or(DurationError::OutOfRange)?;
            total = total
                .checked_add(seconds)
                .ok_or(DurationError::OutOfRange)?;
            rest = after[unit_len..].trim_start();
        }
        Ok(ExactDuration {
            seconds: total.normalize(),
        })
    }
}

impl fmt::Display for ExactDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.seconds;
        if s.is_zero() {
            return write!(f, "0s");
        }
        if s < Decimal::ONE {
            for (unit, factor) in [("ms", 1_000i64), ("µs", 1_000_000), ("ns", 1_000_000_000)] {
                let scaled = s * Decimal::from(factor);
                if scaled >= Decimal::ONE || unit == "ns" {
                    return write!(f, "{}{unit}", scaled.normalize());
                }
            }
        }
        let whole = s.trunc();
        let fraction = s - whole;
        let whole: u128 = whole.mantissa() as u128 / 10u128.pow(whole.scale());
        let (days, hours, minutes, secs) = (
            whole / 86_400,
            whole % 86_400 / 3_600,
            whole % 3_600 / 60,
            whole % 60,
        );
        let mut parts: Vec<String> = Vec::with_capacity(4);
        for (value, unit) in [(days, "d"), (hours, "h"), (minutes, "m")] {
            if value > 0 {
                parts.push(format!("{value}{unit}"));
            }
        }
        let seconds = (Decimal::from(secs as u64) + fraction).normalize();
        if !seconds.is_zero() {
            parts.push(format!("{seconds}s"));
        }
        write!(f, "{}", parts.join(" "))
    }
}
