//! One SLO's error budget in a sentence, in the words of its SLI's kind:
//! an availability SLO allows downtime, a latency SLO slow time, and so on.

use crate::calculator::BudgetReport;
use crate::model::SliKind;
use crate::quantity::numbers::group_thousands;

/// What the error budget as time is called for an SLI of `kind`: "allowed
/// downtime" for availability (the service is down), "allowed slow time"
/// for latency, "allowed bad time" for the others (stale, wrong or lost
/// data is not downtime). The glossary's "allowed bad time".
pub fn bad_time_name(kind: SliKind) -> &'static str {
    match kind {
        SliKind::Availability => "allowed downtime",
        SliKind::Latency => "allowed slow time",
        _ => "allowed bad time",
    }
}

/// The budget of one SLO as the Model page shows it beside the SLO:
/// "Error budget 3 %: allowed downtime 20h 9m 36s over rolling 28 days;
/// 109,897 bad events". Figures as `report` rounds them (a range for a
/// calendar window of varying length).
///
/// ```
/// use slo_core::calculator::{evaluate, BudgetForm};
/// use slo_core::model::SliKind;
/// use slo_core::quantity::zone::UtcOnly;
/// use slo_core::report::budget_line::budget_line;
///
/// let form = BudgetForm { target: "99.9".into(), window: "30d".into(), ..BudgetForm::default() };
/// let report = evaluate(&form, &UtcOnly).report().unwrap();
/// assert_eq!(
///     budget_line(SliKind::Latency, &report),
///     "Error budget 0.1 %: allowed slow time 43m 12s over rolling 30 days"
/// );
/// ```
pub fn budget_line(kind: SliKind, report: &BudgetReport) -> String {
    let mut line = format!(
        "Error budget {} %: {} {} over {}",
        report.error_budget_percent,
        bad_time_name(kind),
        report.allowed_downtime.describe(|d| d.clone()),
        report.window.label
    );
    let whole = |n: &u64| group_thousands(&n.to_string());
    if let Some(bad) = &report.allowed_bad_events {
        line.push_str(&format!("; {} bad events", bad.describe(whole)));
    }
    if let Some(bad) = &report.allowed_bad_time_slices {
        line.push_str(&format!("; {} bad time slices", bad.describe(whole)));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculator::{evaluate, BudgetForm};
    use crate::quantity::zone::UtcOnly;

    fn report(target: &str, window: &str, events: &str) -> BudgetReport {
        let form = BudgetForm {
            target: target.into(),
            window: window.into(),
            events: events.into(),
            ..BudgetForm::default()
        };
        evaluate(&form, &UtcOnly).report().unwrap()
    }

    #[test]
    fn only_an_availability_slo_speaks_of_downtime() {
        // SRE Workbook ch. 2: 97 % over 28 days of 3,663,253 requests.
        let r = report("97", "28d", "3663253");
        assert_eq!(
            budget_line(SliKind::Availability, &r),
            "Error budget 3 %: allowed downtime 20h 9m 36s over rolling 28 days; 109,897 bad events"
        );
        let latency = budget_line(SliKind::Latency, &report("90", "28d", "3663253"));
        assert_eq!(
            latency,
            "Error budget 10 %: allowed slow time 2d 19h 12m over rolling 28 days; 366,325 bad events"
        );
        for kind in [
            SliKind::Freshness,
            SliKind::Correctness,
            SliKind::Durability,
        ] {
            let line = budget_line(kind, &r);
            assert!(line.contains("allowed bad time 20h 9m 36s"), "{line}");
            assert!(!line.contains("downtime"), "{line}");
        }
    }
}
