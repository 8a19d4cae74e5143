//! Where an item lives in the model: a typed path with its field-path text,
//! so editors read and write one item and show the problems found there.

use slo_core::model::alert_rule::AlertRuleSpec;
use slo_core::model::document::{Approver, Change, DocumentInfo};
use slo_core::model::policy::{Clause, Condition, Consequence, ErrorBudgetPolicy};
use slo_core::model::scenario::{IncidentSeverity, RiskModel, Scenario, ScenarioEvent};
use slo_core::model::{Dependency, Journey, Model, Service, Sli, Slo, Team};

/// A place in the model holding one `Item`; `None` once the item is gone.
pub trait Locate: Copy + Send + Sync + 'static {
    /// What is found there.
    type Item;
    /// The item, read-only.
    fn get<'m>(&self, model: &'m Model) -> Option<&'m Self::Item>;
    /// The item, to change.
    fn get_mut<'m>(&self, model: &'m mut Model) -> Option<&'m mut Self::Item>;
    /// Its field path, as validation names it: `services[0].journeys[1]`.
    fn path(&self) -> String;
}

macro_rules! root {
    ($name:ident, $item:ty, $field:ident, $path:literal) => {
        #[doc = concat!("The model's `", $path, "`.")]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $name;
        impl Locate for $name {
            type Item = $item;
            fn get<'m>(&self, model: &'m Model) -> Option<&'m $item> {
                Some(&model.$field)
            }
            fn get_mut<'m>(&self, model: &'m mut Model) -> Option<&'m mut $item> {
                Some(&mut model.$field)
            }
            fn path(&self) -> String {
                $path.to_string()
            }
        }
    };
}

root!(TeamAt, Team, team, "team");
root!(PolicyAt, ErrorBudgetPolicy, policy, "policy");
root!(DocumentAt, DocumentInfo, document, "document");

macro_rules! indexed {
    ($name:ident, $item:ty, $parent:ty, $list:ident, $key:literal) => {
        #[doc = concat!("The n-th `", $key, "` item under its parent.")]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $name(pub $parent, pub usize);
        impl Locate for $name {
            type Item = $item;
            fn get<'m>(&self, model: &'m Model) -> Option<&'m $item> {
                self.0.get(model)?.$list.get(self.1)
            }
            fn get_mut<'m>(&self, model: &'m mut Model) -> Option<&'m mut $item> {
                self.0.get_mut(model)?.$list.get_mut(self.1)
            }
            fn path(&self) -> String {
                let parent = self.0.path();
                if parent.is_empty() {
                    format!("{}[{}]", $key, self.1)
                } else {
                    format!("{parent}.{}[{}]", $key, self.1)
                }
            }
        }
        impl Remove for $name {
            fn index(&self) -> usize {
                self.1
            }
            fn remove(&self, model: &mut Model) {
                if let Some(list) = self.0.get_mut(model).map(|parent| &mut parent.$list) {
                    if self.1 < list.len() {
                        list.remove(self.1);
                    }
                }
            }
        }
    };
}

/// An item of a list in the model, which can be taken out of it.
pub trait Remove: Locate {
    /// Removes the item from its list; nothing happens when it is already gone.
    fn remove(&self, model: &mut Model);
    /// The item's index in its list.
    fn index(&self) -> usize;
}

/// The model itself, parent of the services.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelAt;

impl Locate for ModelAt {
    type Item = Model;
    fn get<'m>(&self, model: &'m Model) -> Option<&'m Model> {
        Some(model)
    }
    fn get_mut<'m>(&self, model: &'m mut Model) -> Option<&'m mut Model> {
        Some(model)
    }
    fn path(&self) -> String {
        String::new()
    }
}

indexed!(ServiceAt, Service, ModelAt, services, "services");
indexed!(JourneyAt, Journey, ServiceAt, journeys, "journeys");
indexed!(SliAt, Sli, JourneyAt, slis, "slis");
indexed!(SloAt, Slo, SliAt, slos, "slos");
indexed!(ConditionAt, Condition, PolicyAt, conditions, "conditions");
indexed!(
    ConsequenceAt,
    Consequence,
    PolicyAt,
    consequences,
    "consequences"
);
indexed!(ClauseAt, Clause, PolicyAt, clauses, "clauses");
indexed!(ApproverAt, Approver, DocumentAt, approvers, "approvers");
indexed!(ChangeAt, Change, DocumentAt, change_log, "changeLog");

/// A text inside an item that exists only for some of its shapes (a condition's
/// percent, an action item's deadline): `None` when the item has no such part.
pub struct Part<P: Locate> {
    /// The item holding the text.
    pub parent: P,
    /// The part's path under the parent ("kind").
    pub name: &'static str,
    /// Reads the part.
    pub get: fn(&P::Item) -> Option<&String>,
    /// Writes the part.
    pub get_mut: fn(&mut P::Item) -> Option<&mut String>,
}

/// A [`Part`] reading `$field` of the enum in `$member` when it is one of the
/// variants listed: `part!(at, "kind", ScenarioEvent, kind, error_percent, EventKind::Incident | EventKind::PartialTraffic)`.
#[macro_export]
macro_rules! part {
    ($at:expr, $name:literal, $item:ty, $member:ident, $field:ident, $($variant:path)|+) => {
        $crate::components::locate::Part {
            parent: $at,
            name: $name,
            get: |item: &$item| match &item.$member {
                $($variant { $field, .. })|+ => Some($field),
                #[allow(unreachable_patterns)]
                _ => None,
            },
            get_mut: |item: &mut $item| match &mut item.$member {
                $($variant { $field, .. })|+ => Some($field),
                #[allow(unreachable_patterns)]
                _ => None,
            },
        }
    };
}

impl<P: Locate> Clone for Part<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: Locate> Copy for Part<P> {}

impl<P: Locate> Locate for Part<P> {
    type Item = String;
    fn get<'m>(&self, model: &'m Model) -> Option<&'m String> {
        self.parent.get(model).and_then(self.get)
    }
    fn get_mut<'m>(&self, model: &'m mut Model) -> Option<&'m mut String> {
        self.parent.get_mut(model).and_then(self.get_mut)
    }
    fn path(&self) -> String {
        format!("{}.{}", self.parent.path(), self.name)
    }
}

indexed!(
    DependencyAt,
    Dependency,
    ServiceAt,
    dependencies,
    "dependencies"
);
indexed!(
    AlertRuleAt,
    AlertRuleSpec,
    ModelAt,
    alert_rules,
    "alertRules"
);
indexed!(ScenarioAt, Scenario, SloAt, scenarios, "scenarios");
indexed!(EventAt, ScenarioEvent, ScenarioAt, events, "events");

/// A scenario's risk model, when it has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RiskAt(pub ScenarioAt);

impl Locate for RiskAt {
    type Item = RiskModel;
    fn get<'m>(&self, model: &'m Model) -> Option<&'m RiskModel> {
        self.0.get(model)?.risk.as_ref()
    }
    fn get_mut<'m>(&self, model: &'m mut Model) -> Option<&'m mut RiskModel> {
        self.0.get_mut(model)?.risk.as_mut()
    }
    fn path(&self) -> String {
        format!("{}.risk", self.0.path())
    }
}

indexed!(
    SeverityAt,
    IncidentSeverity,
    RiskAt,
    severities,
    "severities"
);
