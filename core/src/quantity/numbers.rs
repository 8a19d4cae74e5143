//! Number presentation shared by the web page and the CLI.

/// Groups the whole part of a decimal string in threes with commas:
/// `"2592000"` becomes `"2,592,000"`, `"109897.59"` becomes `"109,897.59"`.
///
/// ```
/// assert_eq!(slo_core::quantity::numbers::group_thousands("3663253"), "3,663,253");
/// assert_eq!(slo_core::quantity::numbers::group_thousands("-1234.5"), "-1,234.5");
/// ```
pub fn group_thousands(number: &str) -> String {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", number),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Reads a whole count as people write it: `3663253`, `3,663,253`, `3 663 253`
/// or `3_663_253`. `None` if anything else is in the text or it overflows.
///
/// ```
/// assert_eq!(slo_core::quantity::numbers::parse_count("3,663,253"), Some(3_663_253));
/// assert_eq!(slo_core::quantity::numbers::parse_count("12a"), None);
/// ```
pub fn parse_count(text: &str) -> Option<u64> {
    count_digits(text)?.parse().ok()
}

/// The digits of a count as people write it, without the group separators;
/// `None` if anything else is in the text (so a count too large for
/// [`parse_count`] is still known to be a count).
pub(crate) fn count_digits(text: &str) -> Option<String> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Rounds a simulated figure (an `f64` of the burn simulation or Monte
/// Carlo, never an exact budget) for a report: two decimals, half away from
/// zero.
///
/// ```
/// assert_eq!(slo_core::quantity::numbers::round2(36.4951), 36.5);
/// ```
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
