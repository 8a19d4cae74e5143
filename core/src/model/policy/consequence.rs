//! What a policy's consequences do (ESF Table 10.2): assign people, conduct
//! or stop an activity, as one choice the editor offers.

use crate::model::kind::{kind, Kind};
use crate::model::Priority;
use serde::{Deserialize, Serialize};

/// Whether a consequence can be carried out by tooling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Execution {
    /// Tooling can do it (a pipeline gate).
    #[default]
    Automatable,
    /// A person does it, and it is traced (a ticket).
    ManualTraceable,
}

kind!(Execution {
    Execution::Automatable => ("automatable", "automatable"),
    Execution::ManualTraceable => ("manualTraceable", "manual, traceable"),
});

/// What a consequence does (ESF Table 10.2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum ConsequenceKind {
    /// Assign people to reliability work.
    #[serde(rename_all = "camelCase")]
    AssignPeople {
        /// Who, or how many ("one developer per sprint").
        who: String,
    },
    /// Conduct an activity.
    #[serde(rename_all = "camelCase")]
    ConductActivity {
        /// Which.
        activity: Activity,
    },
    /// Stop an activity.
    #[serde(rename_all = "camelCase")]
    StopActivity {
        /// Which.
        activity: StoppedActivity,
    },
}

/// A consequence's type with its activity, flattened into one choice: what
/// the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConsequenceType {
    /// [`ConsequenceKind::AssignPeople`].
    AssignPeople,
    /// Conduct [`Activity::Postmortem`].
    Postmortem,
    /// Conduct [`Activity::ActionItem`].
    ActionItem,
    /// Conduct [`Activity::EngageDependencyOwner`].
    EngageDependencyOwner,
    /// Conduct [`Activity::CommunicateBudget`].
    CommunicateBudget,
    /// Conduct [`Activity::Other`].
    OtherActivity,
    /// Stop [`StoppedActivity::FeatureReleasesToStaging`].
    StopStaging,
    /// Stop [`StoppedActivity::FeatureReleasesToProduction`].
    StopProduction,
    /// Stop [`StoppedActivity::Other`].
    StopOther,
}

kind!(ConsequenceType {
    ConsequenceType::AssignPeople => ("assignPeople", "assign people to reliability work"),
    ConsequenceType::Postmortem => ("postmortem", "conduct a postmortem"),
    ConsequenceType::ActionItem => ("actionItem", "create an action item"),
    ConsequenceType::EngageDependencyOwner => ("engageDependencyOwner", "engage the dependency's owner"),
    ConsequenceType::CommunicateBudget => ("communicateBudget", "communicate the budget's state"),
    ConsequenceType::OtherActivity => ("otherActivity", "conduct another activity"),
    ConsequenceType::StopStaging => ("stopStaging", "stop feature releases to staging"),
    ConsequenceType::StopProduction => ("stopProduction", "stop feature releases to production"),
    ConsequenceType::StopOther => ("stopOther", "stop another activity"),
});

impl ConsequenceType {
    /// A new consequence of this type (an action item starts at P1 within 14 days).
    pub fn start(self) -> ConsequenceKind {
        let conduct = |activity| ConsequenceKind::ConductActivity { activity };
        let stop = |activity| ConsequenceKind::StopActivity { activity };
        match self {
            ConsequenceType::AssignPeople => ConsequenceKind::AssignPeople { who: String::new() },
            ConsequenceType::Postmortem => conduct(Activity::Postmortem),
            ConsequenceType::ActionItem => conduct(Activity::ActionItem {
                priority: Priority::P1,
                deadline: "14d".into(),
            }),
            ConsequenceType::EngageDependencyOwner => conduct(Activity::EngageDependencyOwner),
            ConsequenceType::CommunicateBudget => conduct(Activity::CommunicateBudget),
            ConsequenceType::OtherActivity => conduct(Activity::Other),
            ConsequenceType::StopStaging => stop(StoppedActivity::FeatureReleasesToStaging),
            ConsequenceType::StopProduction => stop(StoppedActivity::FeatureReleasesToProduction),
            ConsequenceType::StopOther => stop(StoppedActivity::Other),
        }
    }
}

/// An activity a consequence conducts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "activity", rename_all = "camelCase", deny_unknown_fields)]
pub enum Activity {
    /// Write a postmortem.
    Postmortem,
    /// Create an action item.
    #[serde(rename_all = "camelCase")]
    ActionItem {
        /// Its priority.
        priority: Priority,
        /// Its deadline, in duration syntax ("14d").
        deadline: String,
    },
    /// Engage the owner of a dependency.
    EngageDependencyOwner,
    /// Communicate the budget's state to stakeholders.
    CommunicateBudget,
    /// Anything else, in the description.
    Other,
}

/// An activity a consequence stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum StoppedActivity {
    /// Feature releases to staging.
    FeatureReleasesToStaging,
    /// Feature releases to production.
    FeatureReleasesToProduction,
    /// Anything else, in the description.
    Other,
}

kind!(StoppedActivity {
    StoppedActivity::FeatureReleasesToStaging => ("featureReleasesToStaging", "feature releases to staging"),
    StoppedActivity::FeatureReleasesToProduction => ("featureReleasesToProduction", "feature releases to production"),
    StoppedActivity::Other => ("other", "another activity"),
});

/// A consequence of the policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Consequence {
    /// A short id the clauses refer to ("k1").
    pub id: String,
    /// What it does.
    pub kind: ConsequenceKind,
    /// Automatable or manual but traceable.
    #[serde(default)]
    pub execution: Execution,
    /// In words.
    #[serde(default)]
    pub description: String,
}

impl ConsequenceKind {
    /// Its type, with its activity.
    pub fn consequence_type(&self) -> ConsequenceType {
        match self {
            ConsequenceKind::AssignPeople { .. } => ConsequenceType::AssignPeople,
            ConsequenceKind::ConductActivity { activity } => match activity {
                Activity::Postmortem => ConsequenceType::Postmortem,
                Activity::ActionItem { .. } => ConsequenceType::ActionItem,
                Activity::EngageDependencyOwner => ConsequenceType::EngageDependencyOwner,
                Activity::CommunicateBudget => ConsequenceType::CommunicateBudget,
                Activity::Other => ConsequenceType::OtherActivity,
            },
            ConsequenceKind::StopActivity { activity } => match activity {
                StoppedActivity::FeatureReleasesToStaging => ConsequenceType::StopStaging,
                StoppedActivity::FeatureReleasesToProduction => ConsequenceType::StopProduction,
                StoppedActivity::Other => ConsequenceType::StopOther,
            },
        }
    }

    /// How the document names it ("create an action item").
    pub fn label(&self) -> &'static str {
        self.consequence_type().label()
    }
}
