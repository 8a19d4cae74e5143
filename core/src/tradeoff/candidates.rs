//! The candidate targets a trade-off table compares.

use rust_decimal::Decimal;

use crate::quantity::target::Target;

pub use crate::model::history::MAX_CANDIDATES;

/// The default candidates around `current`: one nine less (ten times the
/// error budget), the half-way step below (five times), the current target,
/// the half-way step above (half the budget) and one nine more (a tenth),
/// lowest first. A step that would leave 0 % to 100 % or need more decimals
/// than a target may have is left out.
///
/// ```
/// use slo_core::tradeoff::candidates::default_candidates;
/// let names: Vec<String> = default_candidates(&"99.9".parse().unwrap())
///     .iter().map(|t| t.to_string()).collect();
/// assert_eq!(names, ["99", "99.5", "99.9", "99.95", "99.99"]);
/// ```
pub fn default_candidates(current: &Target) -> Vec<Target> {
    let budget = current.error_budget().percent();
    let mut candidates: Vec<Target> = [
        Decimal::TEN,
        Decimal::from(5),
        Decimal::ONE,
        Decimal::new(5, 1),
        Decimal::new(1, 1),
    ]
    .into_iter()
    .filter_map(|factor| {
        let candidate = Decimal::ONE_HUNDRED.checked_sub(budget.checked_mul(factor)?)?;
        candidate.normalize().to_string().parse().ok()
    })
    .collect();
    candidates.sort();
    candidates.dedup();
    candidates
}

/// Reads candidates as typed (one per entry, blank entries skipped), with
/// the problem of each bad one by its position; duplicates are kept once, and at most
/// [`MAX_CANDIDATES`] are taken (more is a problem at the first one over).
pub fn read_candidates(texts: &[String]) -> (Vec<Target>, Vec<(usize, String)>) {
    let mut targets: Vec<Target> = Vec::new();
    let mut problems = Vec::new();
    let typed = texts
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.trim().is_empty());
    for (index, text) in typed {
        match text.parse::<Target>() {
            Err(error) => problems.push((index, error.to_string())),
            Ok(_) if targets.len() == MAX_CANDIDATES => problems.push((
                index,
                format!("a table compares at most {MAX_CANDIDATES} candidates"),
            )),
            Ok(target) if targets.contains(&target) => {
                problems.push((index, format!("{target} % is already a candidate")))
            }
            Ok(target) => targets.push(target),
        }
    }
    targets.sort();
    (targets, problems)
}
