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

#[test]
fn with_no_alert_rules_the_burn_rate_axis_labels_are_distinct_numbers() {
    // Issue 27: the y axis read "1 1 1 0 0 0" when no rule set its range.
    let burn = example(|m| m.alert_rules.clear());
    let rates = burn_rate_chart(&burn).unwrap();
    // The y-axis labels are right-aligned text (`text-anchor="end"`).
    let labels: Vec<&str> = rates
        .split("<text")
        .skip(1)
        .filter(|t| t.contains("text-anchor=\"end\""))
        .filter_map(|t| t.split('>').nth(1))
        .map(|t| t.split('<').next().unwrap_or_default().trim())
        .filter(|t| t.parse::<f64>().is_ok())
        .collect();
    assert!(labels.len() >= 3, "{labels:?}");
    let mut distinct = labels.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), labels.len(), "{labels:?}");
}

#[test]
fn a_chart_zooms_to_one_event_in_hours() {
    // Issue 27: a 30-minute event on a 28-day chart can be zoomed to.
    let burn = example(|_| {});
    let event = &burn.simulation.plan.events[0];
    let margin = (event.end() - event.start).max(600);
    let zoom = Some((event.start.saturating_sub(margin), event.end() + margin));
    let budget = slo_charts::budget_chart_in(&burn, zoom).unwrap();
    let rates = slo_charts::burn_rate_chart_in(&burn, zoom).unwrap();
    for svg in [&budget, &rates] {
        assert!(
            svg.contains("hours from the period&apos;s start")
                || svg.contains("hours from the period's start"),
            "{}",
            &svg[..300]
        );
        assert!(svg.contains("aria-label=\"") && svg.contains(" of the period"));
    }
    assert!(budget.contains("over hours "), "{}", &budget[..300]);
    // The whole period is in days, as before.
    assert!(budget_chart(&burn)
        .unwrap()
        .contains("over the 28 days of the period"));
}
