//! Names the exports derive from what people typed: OpenSLO's DNS labels
//! (`metadata.name`), Prometheus alert names, and durations in Prometheus's
//! syntax.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::quantity::duration::ExactDuration;

/// The longest DNS label (RFC 1123), which OpenSLO's `metadata.name` follows.
pub const DNS_LABEL_MAX: usize = 63;

/// A DNS label (RFC 1123, as OpenSLO requires of `metadata.name`) for a name
/// typed by a person: lowercase ASCII letters and digits, every other run
/// of characters one `-`, no `-` at either end, at most 63 characters;
/// `fallback` when nothing is left.
///
/// ```
/// use slo_core::export::names::dns_label;
/// assert_eq!(dns_label("Game API / 97 % of requests", "slo"), "game-api-97-of-requests");
/// assert_eq!(dns_label("¿?", "slo"), "slo");
/// ```
pub fn dns_label(text: &str, fallback: &str) -> String {
    let mut label = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            label.push(c.to_ascii_lowercase());
        } else if !label.is_empty() && !label.ends_with('-') {
            label.push('-');
        }
    }
    let label = trimmed(&label, DNS_LABEL_MAX);
    if label.is_empty() {
        fallback.to_string()
    } else {
        label
    }
}

/// The first `max` characters of an ASCII label, without a trailing `-`.
fn trimmed(label: &str, max: usize) -> String {
    label[..label.len().min(max)]
        .trim_end_matches('-')
        .to_string()
}

/// Hands out distinct DNS labels: the second "api" is "api-2".
#[derive(Clone, Debug, Default)]
pub struct DistinctLabels {
    taken: BTreeSet<String>,
}

impl DistinctLabels {
    /// A label for `text` (see [`dns_label`]) that was not handed out before.
    pub fn label(&mut self, text: &str, fallback: &str) -> String {
        let base = dns_label(text, fallback);
        let mut label = base.clone();
        let mut n = 1u32;
        while self.taken.contains(&label) {
            n += 1;
            let suffix = format!("-{n}");
            label = format!("{}{suffix}", trimmed(&base, DNS_LABEL_MAX - suffix.len()));
        }
        self.taken.insert(label.clone());
        label
    }
}

/// A name in UpperCamelCase from its words ("fast burn" is "FastBurn"), for
/// Prometheus alert names; `fallback` when it has no ASCII letter or digit.
///
/// ```
/// assert_eq!(slo_core::export::names::camel("fast burn", "Rule1"), "FastBurn");
/// ```
pub fn camel(text: &str, fallback: &str) -> String {
    let name: String = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars).collect::<String>()
        })
        .collect();
    match name.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => name,
        Some(_) => format!("{fallback}{name}"),
        None => fallback.to_string(),
    }
}

/// A duration in Prometheus's syntax ("1h30m", "5m", "3d", "250ms");
/// `None` unless it is a positive whole number of milliseconds.
///
/// ```
/// let d: slo_core::ExactDuration = "1h 30m".parse().unwrap();
/// assert_eq!(slo_core::export::names::prometheus_duration(&d).as_deref(), Some("1h30m"));
/// ```
pub fn prometheus_duration(duration: &ExactDuration) -> Option<String> {
    let ms = duration.seconds().checked_mul(Decimal::from(1000))?;
    if ms.fract() != Decimal::ZERO || ms <= Decimal::ZERO {
        return None;
    }
    let mut left: u128 =
        u128::try_from(ms.trunc().mantissa()).ok()? / 10u128.pow(ms.trunc().scale());
    let mut text = String::new();
    for (unit, size) in [
        ("d", 86_400_000u128),
        ("h", 3_600_000),
        ("m", 60_000),
        ("s", 1_000),
        ("ms", 1),
    ] {
        if left >= size {
            text.push_str(&format!("{}{unit}", left / size));
            left %= size;
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_dns_labels_and_distinct() {
        let long = "x".repeat(80);
        assert_eq!(dns_label(&long, "f").len(), 63);
        assert_eq!(dns_label("--A--b--", "f"), "a-b");
        let mut labels = DistinctLabels::default();
        assert_eq!(labels.label("API", "f"), "api");
        assert_eq!(labels.label("api", "f"), "api-2");
        assert_eq!(labels.label("API!", "f"), "api-3");
        let first = labels.label(&long, "f");
        let second = labels.label(&long, "f");
        assert_eq!(second.len(), 63);
        assert!(second.ends_with("-2") && first != second);
    }

    #[test]
    fn durations_in_prometheus_syntax() {
        let d = |t: &str| prometheus_duration(&t.parse().unwrap());
        assert_eq!(d("3d").as_deref(), Some("3d"));
        assert_eq!(d("1d 2h 3m 4.5s").as_deref(), Some("1d2h3m4s500ms"));
        assert_eq!(d("0.5ms"), None);
        assert_eq!(d("0s"), None);
        assert_eq!(camel("3 nines", "Rule"), "Rule3Nines");
        assert_eq!(camel("é", "Rule"), "Rule");
    }
}
