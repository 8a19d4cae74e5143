//! The alert designer: the model's burn-rate alert rules, editable, with the
//! SRE Workbook's set and the ESF single-window rule one click away.

use leptos::prelude::*;
use slo_core::glossary::Term;
use slo_core::model::alert_rule::{AlertRuleSpec, ThresholdSpec, ThresholdType};
use slo_core::read::alert_rule::AlertRule;

use crate::workshop::inputs::{Choice, FieldProblems, Text};
use crate::workshop::rows::{edit_button, remove_button, rows};
use slo_core::model::location::{AlertRuleAt, Locate, ModelAt};
use slo_core::part;

/// One rule's fields.
#[component]
fn RuleEditor(
    /// The rule.
    at: AlertRuleAt,
) -> impl IntoView {
    let percent = part!(
        at,
        "threshold",
        AlertRuleSpec,
        threshold,
        percent,
        ThresholdSpec::BudgetPercent
    );
    let rate = part!(
        at,
        "threshold",
        AlertRuleSpec,
        threshold,
        burn_rate,
        ThresholdSpec::BurnRate
    );
    let workshop = crate::workshop::state::Workshop::from_context();
    let section = workshop.section(&at.path());
    let by_share = Memo::new(move |_| {
        section.with(|m| {
            at.get(m).map(|r| r.threshold.threshold_type()) == Some(ThresholdType::BudgetPercent)
        })
    });
    view! {
        <fieldset class="item rule">
            <legend>{move || format!("Rule {}", at.1 + 1)}</legend>
            <div class="cols">
                <Text at field="name" label="Name" placeholder="fast burn" get=|r: &AlertRuleSpec| &r.name set=|r: &mut AlertRuleSpec| &mut r.name />
                <Choice at field="notify" label="Notifies" get=|r: &AlertRuleSpec| r.notify set=|r: &mut AlertRuleSpec, n| r.notify = n />
                <Choice at field="threshold.type" label="Threshold" get=|r: &AlertRuleSpec| r.threshold.threshold_type()
                    set=|r: &mut AlertRuleSpec, t| {
                        if r.threshold.threshold_type() != t {
                            r.threshold = t.start();
                        }
                    } />
                <Show when=move || by_share.get()
                    fallback=move || view! { <Text at=rate field="burnRate" label="Burn rate" term=Term::BurnRate placeholder="2" get=|s: &String| s set=|s: &mut String| s /> }>
                    <Text at=percent field="percent" label="Budget spent in the long window (%)" placeholder="2" get=|s: &String| s set=|s: &mut String| s />
                </Show>
            </div>
            <div class="cols">
                <Text at field="longWindow" label="Long window" placeholder="1h" get=|r: &AlertRuleSpec| &r.long_window set=|r: &mut AlertRuleSpec| &mut r.long_window />
                <Text at field="shortWindow" label="Short window (blank: none)" placeholder="5m" get=|r: &AlertRuleSpec| &r.short_window set=|r: &mut AlertRuleSpec| &mut r.short_window />
                <Text at field="evaluationInterval" label="Evaluated every" placeholder="1m" get=|r: &AlertRuleSpec| &r.evaluation_interval set=|r: &mut AlertRuleSpec| &mut r.evaluation_interval />
                <Text at field="alertAfter" label="Alert after (held for)" placeholder="2m" get=|r: &AlertRuleSpec| &r.alert_after set=|r: &mut AlertRuleSpec| &mut r.alert_after />
                <Text at field="snooze" label="Snooze after firing" placeholder="2h" get=|r: &AlertRuleSpec| &r.snooze set=|r: &mut AlertRuleSpec| &mut r.snooze />
            </div>
            {remove_button("Remove this rule", at)}
        </fieldset>
    }
}

/// The ESF Table 9.10 rule: burn rate 2 over 60 minutes, every 5, snoozed 120.
fn esf_rule() -> AlertRuleSpec {
    AlertRuleSpec::of(&AlertRule::esf_single_window("single window"))
}

/// Every rule of the model, and the buttons that add rules.
#[component]
pub fn AlertRulesEditor() -> impl IntoView {
    let workshop = crate::workshop::state::Workshop::from_context();
    // Any rule's field can make them the Workbook's or not: the whole model
    // is read (three rules compared; the memo changes only when that does).
    let rules = Memo::new(move |_| {
        workshop.model.with(|m| {
            if m.alert_rules.is_empty() {
                Some(false)
            } else {
                (m.alert_rules == AlertRuleSpec::workbook_defaults()).then_some(true)
            }
        })
    });
    let said = move || {
        match rules.get() {
        Some(true) => Some(view! {
            <p class="hint" id="rules-said">"These are the SRE Workbook's three rules, which every new model starts with: edit them, add your own, or "
                {edit_button("remove every rule".into(), "link-button", |m| m.alert_rules.clear())} "."</p>
        }.into_any()),
        Some(false) => Some(view! {
            <p class="warning" id="rules-said">"No alert rules: nothing would page or open a ticket, and the alert table is empty. Use the SRE Workbook's three rules below, or add your own."</p>
        }.into_any()),
        None => None,
    }
    };
    view! {
        {said}
        {rows(|m| m.alert_rules.len(), |i| view! { <RuleEditor at=AlertRuleAt(ModelAt, i) /> })}
        <FieldProblems path="alertRules".to_string() />
        <div class="actions">
            {edit_button("Use the SRE Workbook's three rules".into(), "", |m| m.alert_rules = AlertRuleSpec::workbook_defaults())}
            {edit_button("Add a single-window rule".into(), "", |m| m.alert_rules.push(esf_rule()))}
        </div>
    }
}
