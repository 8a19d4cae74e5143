//! SLO targets: percentages as people type them ("99.95"), kept exact.
//!
//! A [`Target`] is a decimal percentage strictly between 0 and 100. The error
//! budget is `1 - target / 100` (Establishing SRE Foundations, ch. 3: "an SLO of
//! 98 % leaves an error budget of 2 %"), held as an exact decimal fraction.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

/// The most decimal places a target may have (in percent): "99.999999999999999"
/// is fifteen nines, far beyond any real SLO and still exact.
pub const MAX_TARGET_DECIMALS: u32 = 15;

/// An SLO target in percent, exact, strictly between 0 and 100.
///
/// Parsed from text as people type it: digits with at most one decimal point,
/// an optional trailing `%`, surrounding spaces ignored.
///
/// ```
/// use slo_core::Target;
/// let t: Target = "99.95".parse().unwrap();
/// assert_eq!(t.to_string(), "99.95");
/// assert_eq!(t.error_budget().fraction().to_string(), "0.0005");
/// assert_eq!("100".parse::<Target>().unwrap_err().to_string(),
///            "100 % leaves no error budget: choose a target below 100");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Target {
    percent: Decimal,
}

/// Why a target could not be read. The `Display` text is shown next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetError {
    /// Nothing was typed.
    Empty,
    /// The text is not a plain decimal number (holds the text as typed).
    NotANumber(String),
    /// More than [`MAX_TARGET_DECIMALS`] decimal places.
    TooManyDecimals(String),
    /// Zero or negative.
    NotAboveZero(String),
    /// Exactly 100: no error budget is left (ESF ch. 3).
    Hundred,
    /// Above 100.
    AboveHundred(String),
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetError::Empty => write!(f, "enter a target in percent, e.g. 99.9"),
            TargetError::NotANumber(s) => {
                write!(
                    f,
                    "{} is not a number: type a percentage such as 99.9",
                    crate::echo::quote(s)
                )
            }
            TargetError::TooManyDecimals(s) => write!(
                f,
                "{} has more than {MAX_TARGET_DECIMALS} decimal places",
                crate::echo::quote(s)
            ),
            TargetError::NotAboveZero(s) => {
                write!(
                    f,
                    "{} % is not a target: it must be above 0 and below 100",
                    crate::echo::cut(s)
                )
            }
            TargetError::Hundred => {
                write!(f, "100 % leaves no error budget: choose a target below 100")
            }
            TargetError::AboveHundred(s) => {
                write!(
                    f,
                    "{} % is above 100 %: a target must be below 100",
                    crate::echo::cut(s)
                )
            }
        }
    }
}

impl std::error::Error for TargetError {}

impl FromStr for Target {
    type Err = TargetError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let number = trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end();
        if number.is_empty() {
            return Err(TargetError::Empty);
        }
        let unsigned = number.strip_prefix('-').unwrap_or(number);
        let (whole, decimals) = match unsigned.split_once('.') {
            Some((w, d)) => (w, d),
            None => (unsigned, ""),
        };
        let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !digits_only(whole)
            || !digits_only(decimals)
            || (whole.is_empty() && decimals.is_empty())
        {
            return Err(TargetError::NotANumber(number.to_string()));
        }
        if number.starts_with('-') {
            return Err(TargetError::NotAboveZero(number.to_string()));
        }
        if whole.trim_start_matches('0').len() > 3 {
            return Err(TargetError::AboveHundred(number.to_string()));
        }
        if decimals.len() > MAX_TARGET_DECIMALS as usize {
            return Err(TargetError::TooManyDecimals(number.to_string()));
        }
        let canonical = format!(
            "{}.{}",
            match whole.trim_start_matches('0') {
                "" => "0",
                w => w,
            },
            if decimals.is_empty() { "0" } else { decimals }
        );
        let percent = Decimal::from_str_exact(&canonical)
            .map_err(|_| TargetError::NotANumber(number.to_string()))?
            .normalize();
        if percent.is_zero() {
            return Err(TargetError::NotAboveZero(number.to_string()));
        }
        let hundred = Decimal::ONE_HUNDRED;
        if percent == hundred {
            return Err(TargetError::Hundred);
        }
        if percent > hundred {
            return Err(TargetError::AboveHundred(number.to_string()));
        }
        Ok(Target { percent })
    }
}

impl fmt::Display for Target {
    /// The percentage without trailing zeros and without the `%` sign: "99.95".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.percent)
    }
}

impl Target {
    /// The target in percent (exact, e.g. `99.95`).
    pub fn percent(&self) -> Decimal {
        self.percent
    }

    /// The target as a fraction of valid events (exact, e.g. `0.9995`).
    pub fn fraction(&self) -> Decimal {
        self.error_budget().complement()
    }

    /// The error budget: the fraction of valid events (or time) allowed to be bad.
    pub fn error_budget(&self) -> ErrorBudget {
        // percent = m / 10^s with s <= MAX_TARGET_DECIMALS, so the budget is
        // (100 * 10^s - m) / 10^(s + 2): an exact fraction with a power-of-ten base.
        let scale = self.percent.scale();
        let mantissa = self.percent.mantissa() as u128;
        let whole = 100u128 * 10u128.pow(scale);
        ErrorBudget::new(whole - mantissa, scale + 2)
    }
}

/// An error budget as an exact fraction `units / 10^scale` (0 < fraction < 1).
///
/// Integer numerator and power-of-ten denominator let every budget (time,
/// events, slices) be computed in integers and rounded once at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ErrorBudget {
    units: u128,
    scale: u32,
}

impl ErrorBudget {
    fn new(units: u128, scale: u32) -> Self {
        let (mut units, mut scale) = (units, scale);
        while scale > 0 && units % 10 == 0 {
            units /= 10;
            scale -= 1;
        }
        ErrorBudget { units, scale }
    }

    /// Numerator of the fraction (`1` for 0.001).
    pub fn units(&self) -> u128 {
        self.units
    }

    /// Decimal places of the fraction (`3` for 0.001); the denominator is `10^scale`.
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// The denominator `10^scale`.
    pub fn denominator(&self) -> u128 {
        10u128.pow(self.scale)
    }

    /// The budget as a fraction, exact (`0.001` for a 99.9 % target).
    pub fn fraction(&self) -> Decimal {
        Decimal::from_i128_with_scale(self.units as i128, self.scale)
    }

    /// The budget in percent, exact (`0.1` for a 99.9 % target).
    pub fn percent(&self) -> Decimal {
        (self.fraction() * Decimal::ONE_HUNDRED).normalize()
    }

    /// `1 - budget`: the target as a fraction.
    fn complement(&self) -> Decimal {
        Decimal::from_i128_with_scale((self.denominator() - self.units) as i128, self.scale)
    }

    /// `floor(count * budget)`: how many whole items of `count` the budget allows,
    /// in exact integer arithmetic; `None` only if the product overflows 128 bits.
    pub fn floor_share(&self, count: u128) -> Option<u128> {
        Some(count.checked_mul(self.units)? / self.denominator())
    }
}
