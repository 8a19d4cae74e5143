//! How people say a target: "three and a half nines", "1 in 2,000".

use rust_decimal::Decimal;

use crate::quantity::numbers::group_thousands;
use crate::quantity::target::Target;

const WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

fn word(n: u32) -> String {
    WORDS
        .get(n as usize)
        .map(|w| w.to_string())
        .unwrap_or_else(|| n.to_string())
}

fn nines_word(n: u32) -> String {
    if n == 1 {
        "one nine".to_string()
    } else {
        format!("{} nines", word(n))
    }
}

/// The target in "nines": a budget of exactly `10^-k` is "k nines" (99.9 % is
/// "three nines"), `5 x 10^-(k+1)` is "k and a half nines" (99.95 % is "three
/// and a half nines", the industry's usage), anything else lies "between k and
/// k + 1 nines".
///
/// ```
/// use slo_core::{quantity::nines::nines_name, Target};
/// let name = |s: &str| nines_name(&s.parse::<Target>().unwrap());
/// assert_eq!(name("99.9"), "three nines");
/// assert_eq!(name("99.95"), "three and a half nines");
/// assert_eq!(name("90"), "one nine");
/// assert_eq!(name("99.97"), "between three and four nines");
/// assert_eq!(name("80"), "less than one nine");
/// ```
pub fn nines_name(target: &Target) -> String {
    let budget = target.error_budget();
    let units = budget.units();
    let digits = units.to_string().len() as u32;
    // budget = (units / 10^(digits-1)) x 10^-(scale - digits + 1), leading digit first.
    let k = budget.scale() + 1 - digits;
    let leading_only = units == 10u128.pow(digits - 1) * (units / 10u128.pow(digits - 1));
    let leading = units / 10u128.pow(digits - 1);
    match (k, leading_only, leading) {
        (0, _, _) => "less than one nine".to_string(),
        (k, true, 1) => nines_word(k),
        (k, true, 5) if k >= 2 => format!("{} and a half nines", word(k - 1)),
        (1, _, _) => "less than one nine".to_string(),
        (k, _, _) => format!("between {} and {}", word(k - 1), nines_word(k)),
    }
}

/// "1 in N": one bad event allowed in every N valid events, `N = 1 / budget`.
///
/// Exact when `N` is a terminating decimal (99.99 % is 1 in 10,000, seed "SRE and
/// Product"); otherwise rounded to the nearest whole number and marked `exact: false`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneIn {
    /// N, exact or rounded to a whole number.
    pub n: Decimal,
    /// Whether `n` is exact.
    pub exact: bool,
}

impl OneIn {
    /// "1 in 10,000", or "about 1 in 333" when rounded.
    pub fn phrase(&self) -> String {
        let n = group_thousands(&self.n.to_string());
        if self.exact {
            format!("1 in {n}")
        } else {
            format!("about 1 in {n}")
        }
    }
}

/// The "1 in N" reading of a target's error budget.
///
/// ```
/// use slo_core::{quantity::nines::one_in, Target};
/// let t: Target = "99.99".parse().unwrap();
/// assert_eq!(one_in(&t).phrase(), "1 in 10,000");
/// let t: Target = "99.7".parse().unwrap();
/// assert_eq!(one_in(&t).phrase(), "about 1 in 333");
/// ```
pub fn one_in(target: &Target) -> OneIn {
    let budget = target.error_budget();
    let (units, denominator) = (budget.units(), budget.denominator());
    // Terminating iff units has no prime factor but 2 and 5.
    let mut rest = units;
    while rest % 2 == 0 {
        rest /= 2;
    }
    while rest % 5 == 0 {
        rest /= 5;
    }
    let fraction = budget.fraction();
    if rest == 1 {
        let n = (Decimal::ONE / fraction).normalize();
        OneIn { n, exact: true }
    } else {
        let rounded = (denominator + units / 2) / units;
        OneIn {
            n: Decimal::from(rounded as u64),
            exact: false,
        }
    }
}
