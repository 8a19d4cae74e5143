//! The charts draw the example's scenario, scale with their container, and
//! escape every user text.

use slo_charts::{budget_chart, burn_rate_chart, risk_chart};
use slo_core::burn::run;
use slo_core::examples::workbook_api;
use slo_core::model::location::ScenarioAt;
use slo_core::quantity::zone::UtcOnly;

fn example(rename: impl FnOnce(&mut slo_core::Model)) -> slo_core::burn::Burn {
    let mut model = workbook_api();
    rename(&mut model);
    run(&model, ScenarioAt::default(), &UtcOnly).unwrap()
}

#[test]
fn the_example_draws_three_charts() {
    let burn = example(|_| {});
    let budget = budget_chart(&burn).unwrap();
    assert!(
        budget.starts_with("<svg") && budget.contains("viewBox=\"0 0 760 300\""),
        "{}",
        &budget[..200]
    );
    assert!(budget.contains("Error budget remaining"));
    assert!(
        budget.contains("Database outage"),
        "incidents are in the legend"
    );
    assert!(budget.contains("fast burn"), "firings are labelled");
    let rates = burn_rate_chart(&burn).unwrap();
    let risk = risk_chart(&burn.risk.as_ref().unwrap().base).unwrap();
    assert!(
        risk.contains("&lt; -100"),
        "the first bar is labelled, escaped"
    );
    assert!(risk.matches("<rect").count() >= 21);
    for rule in ["fast burn", "medium burn", "slow burn"] {
        assert!(rates.contains(rule), "{rule} is in the legend");
    }
    assert!(rates.contains("Burn rate over each rule"));
    // Accessible names in words, and classes the stylesheet themes.
    assert!(
        budget.contains("aria-label=\"Error budget remaining over the 28 days of the period: "),
        "{}",
        &budget[..400]
    );
    assert!(budget.contains("<title>Error budget remaining over the 28 days"));
    assert!(
        rates.contains("fast burn (threshold 13.44, dashed)"),
        "{}",
        &rates[..400]
    );
    assert!(risk.contains("aria-label=\"Budget left at the end of each of "));
    for chart in [&budget, &rates, &risk] {
        assert!(
            chart.contains("class=\"chart-paper\""),
            "the background follows the theme"
        );
        assert!(
            chart.contains("class=\"chart-ink\""),
            "text follows the theme"
        );
    }
    std::fs::write(std::env::temp_dir().join("slo-budget.svg"), &budget).unwrap();
    std::fs::write(std::env::temp_dir().join("slo-rates.svg"), &rates).unwrap();
    std::fs::write(std::env::temp_dir().join("slo-risk.svg"), &risk).unwrap();
}

#[test]
fn user_text_is_escaped() {
    let evil = "<script>alert(1)</script> & \"x\"";
    let burn = example(|m| {
        m.alert_rules[0].name = evil.into();
        m.services[0].journeys[0].slis[0].slos[0].scenarios[0].events[2].name = evil.into();
    });
    for svg in [
        budget_chart(&burn).unwrap(),
        burn_rate_chart(&burn).unwrap(),
    ] {
        assert!(!svg.contains("<script"), "raw markup in the chart");
        assert!(
            !svg.contains("\"x\" ("),
            "a raw quote in the accessible name"
        );
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
    }
}
