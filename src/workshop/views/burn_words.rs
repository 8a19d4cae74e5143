//! The Burn page's sentences about its figures: where the budget comes
//! from, and how it is spent.

use slo_core::burn::BurnReport;
use slo_core::quantity::numbers::group_thousands;

/// "Budget: 33,264 bad requests allowed over month (simulated over its
/// shortest length, 28d) at 99.95 %, rounded down to whole requests."
pub(crate) fn budget_line(r: &BurnReport) -> String {
    let whole = group_thousands(&r.allowed_bad.to_string());
    let simulated = if r.window == r.period {
        String::new()
    } else {
        format!(" (simulated over its shortest length, {})", r.period)
    };
    let traffic = if r.budget_unit == "requests" {
        " from this scenario's own traffic (its Traffic fields below, not the SLI's expected valid events on the Model page),"
    } else {
        ""
    };
    format!(
        "Budget: {whole} bad {unit} allowed over {}{simulated} at {} %,{traffic} rounded down to whole {unit}. \
         Simulated in {}-second steps. The background error ratio spends budget all period long; \
         an event's spend is what it burns beyond it. \
         Below zero, more was spent than allowed (budget debt): nothing carries over to the next period.",
        r.window,
        r.target_percent,
        r.step_seconds,
        unit = r.budget_unit
    )
}
