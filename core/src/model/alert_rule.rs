//! Alert rules as the workshop writes them into the model: text as typed.
//! [`crate::read::alert_rule`] reads them into numbers and names every bad field.

use serde::{Deserialize, Serialize};

use crate::model::kind::kind;

/// Whether an alert pages someone or opens a ticket.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Notify {
    /// Wakes someone up.
    #[default]
    Page,
    /// Waits for working hours.
    Ticket,
}

kind!(Notify {
    Notify::Page => ("page", "page"),
    Notify::Ticket => ("ticket", "ticket"),
});

/// What a rule's threshold is, as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum ThresholdSpec {
    /// Percent of the period's budget spent in the long window ("2"); rescales with the period.
    #[serde(rename_all = "camelCase")]
    BudgetPercent {
        /// Percent, above 0 and at most 100.
        percent: String,
    },
    /// A fixed burn rate ("2"), as in ESF Table 9.10.
    #[serde(rename_all = "camelCase")]
    BurnRate {
        /// The burn rate, above 0.
        burn_rate: String,
    },
}

/// A threshold's type, without its number: the choice the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThresholdType {
    /// [`ThresholdSpec::BudgetPercent`].
    BudgetPercent,
    /// [`ThresholdSpec::BurnRate`].
    BurnRate,
}

kind!(ThresholdType {
    ThresholdType::BudgetPercent => ("budgetPercent", "share of the budget in the long window (rescales)"),
    ThresholdType::BurnRate => ("burnRate", "fixed burn rate"),
});

impl ThresholdType {
    /// A new threshold of this type (2 % of the budget, or a burn rate of 2).
    pub fn start(self) -> ThresholdSpec {
        match self {
            ThresholdType::BudgetPercent => ThresholdSpec::BudgetPercent {
                percent: "2".into(),
            },
            ThresholdType::BurnRate => ThresholdSpec::BurnRate {
                burn_rate: "2".into(),
            },
        }
    }
}

impl ThresholdSpec {
    /// Its type.
    pub fn threshold_type(&self) -> ThresholdType {
        match self {
            ThresholdSpec::BudgetPercent { .. } => ThresholdType::BudgetPercent,
            ThresholdSpec::BurnRate { .. } => ThresholdType::BurnRate,
        }
    }
}

/// One alert rule of the model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AlertRuleSpec {
    /// Its name ("fast burn").
    pub name: String,
    /// Page or ticket.
    #[serde(default)]
    pub notify: Notify,
    /// When it fires.
    pub threshold: ThresholdSpec,
    /// The long window, in duration syntax ("1h").
    pub long_window: String,
    /// The short window ("5m"); empty for a single-window rule.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_window: String,
    /// How often it is evaluated ("1m").
    pub evaluation_interval: String,
    /// How long its condition must hold before it fires ("2m"; Prometheus
    /// `for`, OpenSLO `alertAfter`); empty for at once.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alert_after: String,
    /// How long it stays quiet after firing ("2h"); empty for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub snooze: String,
}
