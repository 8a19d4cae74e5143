//! Where an item lives in the model, typed: a location per kind of item
//! (`ServiceAt`, `SloAt`, `ConditionAt`, `ScenarioAt`, ...) that finds the
//! item, changes it, and gives the field paths problems carry
//! (`services[0].journeys[1].slis[0].slos[2].target`), built here and nowhere
//! else; and the one walk over every SLO in document order ([`every_slo`]).
//! The engines, validation and the workshop's editors all use these.

use crate::model::alert_rule::AlertRuleSpec;
use crate::model::document::{Approver, Change, DocumentInfo};
use crate::model::policy::{Clause, Condition, Consequence, ErrorBudgetPolicy};
use crate::model::scenario::{Scenario, ScenarioEvent};
use crate::model::{Dependency, Journey, Model, Service, Sli, Slo, Team};
use crate::problem::{item, join};

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
    /// The path of one of its fields, as the JSON names it:
    /// `services[0].journeys[1].name`. Problems are placed with it.
    fn field(&self, name: &str) -> String {
        join(&self.path(), name)
    }
}

macro_rules! root {
    ($name:ident, $item:ty, $field:ident, $path:literal) => {
        #[doc = concat!("The model's `", $path, "`.")]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
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
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
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
                item(&self.0.path(), $key, self.1)
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
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
        $crate::model::location::Part {
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
        join(&self.parent.path(), self.name)
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

/// An SLO's hypothesis (`services[0]…slos[0].hypothesis`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HypothesisAt(pub SloAt);

impl Locate for HypothesisAt {
    type Item = crate::model::session::Hypothesis;
    fn get<'m>(&self, model: &'m Model) -> Option<&'m Self::Item> {
        self.0.get(model).map(|slo| &slo.hypothesis)
    }
    fn get_mut<'m>(&self, model: &'m mut Model) -> Option<&'m mut Self::Item> {
        self.0.get_mut(model).map(|slo| &mut slo.hypothesis)
    }
    fn path(&self) -> String {
        self.0.field("hypothesis")
    }
}
indexed!(EventAt, ScenarioEvent, ScenarioAt, events, "events");

mod held;
pub use held::{HistoryAt, RiskAt, SeverityAt};

impl SloAt {
    /// The SLO at these indices of service, journey, SLI and SLO.
    ///
    /// ```
    /// use slo_core::model::location::{Locate, SloAt};
    /// let at = SloAt::new(1, 0, 2, 0);
    /// assert_eq!(at.field("target"), "services[1].journeys[0].slis[2].slos[0].target");
    /// ```
    pub const fn new(service: usize, journey: usize, sli: usize, slo: usize) -> SloAt {
        SloAt(
            SliAt(JourneyAt(ServiceAt(ModelAt, service), journey), sli),
            slo,
        )
    }

    /// Its service.
    pub fn service(&self) -> ServiceAt {
        self.0 .0 .0
    }

    /// The SLI and SLO it points at, if they exist.
    pub fn find<'m>(&self, model: &'m Model) -> Option<(&'m Sli, &'m Slo)> {
        Some((self.0.get(model)?, self.get(model)?))
    }
}

impl ScenarioAt {
    /// Its SLO.
    pub fn slo(&self) -> SloAt {
        self.0
    }

    /// The SLI, SLO and scenario it points at, if they exist.
    pub fn find<'m>(&self, model: &'m Model) -> Option<(&'m Sli, &'m Slo, &'m Scenario)> {
        let (sli, slo) = self.0.find(model)?;
        Some((sli, slo, slo.scenarios.get(self.1)?))
    }
}

/// One SLO met on the walk, with where it is and what holds it.
#[derive(Clone, Copy, Debug)]
pub struct SloEntry<'m> {
    /// Where it is.
    pub at: SloAt,
    /// Its service.
    pub service: &'m Service,
    /// Its journey or endpoint.
    pub journey: &'m Journey,
    /// Its SLI.
    pub sli: &'m Sli,
    /// The SLO.
    pub slo: &'m Slo,
}

/// Every SLO of `service` (the `index`-th service of its model), in document order.
pub fn service_slos(index: usize, service: &Service) -> impl Iterator<Item = SloEntry<'_>> {
    service
        .journeys
        .iter()
        .enumerate()
        .flat_map(move |(j, journey)| {
            journey.slis.iter().enumerate().flat_map(move |(i, sli)| {
                sli.slos.iter().enumerate().map(move |(o, slo)| SloEntry {
                    at: SloAt::new(index, j, i, o),
                    service,
                    journey,
                    sli,
                    slo,
                })
            })
        })
}

/// Every SLO of the model, in document order, with its location.
///
/// ```
/// use slo_core::{examples, model::location::{every_slo, Locate}};
/// let model = examples::workbook_api();
/// let first = every_slo(&model).next().unwrap();
/// assert_eq!(first.at.path(), "services[0].journeys[0].slis[0].slos[0]");
/// assert_eq!(first.service.name, "Game API");
/// ```
pub fn every_slo(model: &Model) -> impl Iterator<Item = SloEntry<'_>> {
    model
        .services
        .iter()
        .enumerate()
        .flat_map(|(index, service)| service_slos(index, service))
}

/// The SLO `text` names: its path (`services[0].journeys[0].slis[0].slos[0]`),
/// its name, or the name of an SLI with one SLO (letter case ignored).
/// Errors name what was asked and what the model has.
///
/// ```
/// use slo_core::{examples, model::location::{slo_named, Locate}};
/// let model = examples::workbook_api();
/// assert_eq!(slo_named(&model, "API availability").unwrap().path(), "services[0].journeys[0].slis[0].slos[0]");
/// assert!(slo_named(&model, "nothing").is_err());
/// ```
pub fn slo_named(model: &Model, text: &str) -> Result<SloAt, String> {
    let wanted = text.trim();
    let same = |name: &str| !name.trim().is_empty() && name.trim().eq_ignore_ascii_case(wanted);
    let by_path = every_slo(model).find(|e| e.at.path() == wanted);
    let by_name: Vec<SloAt> = every_slo(model)
        .filter(|e| same(&e.slo.name))
        .map(|e| e.at)
        .collect();
    let by_sli: Vec<SloAt> = every_slo(model)
        .filter(|e| same(&e.sli.name) && e.sli.slos.len() == 1)
        .map(|e| e.at)
        .collect();
    match (by_path, by_name.as_slice(), by_sli.as_slice()) {
        (Some(e), _, _) => Ok(e.at),
        (None, [one], _) | (None, [], [one]) => Ok(*one),
        (None, [], []) => Err(format!(
            "no SLO {} in the model: give its path, such as {}, or its name",
            crate::echo::quote(wanted),
            every_slo(model)
                .next()
                .map_or("services[0].journeys[0].slis[0].slos[0]".into(), |e| e
                    .at
                    .path())
        )),
        _ => Err(format!(
            "{} names more than one SLO: give its path",
            crate::echo::quote(wanted)
        )),
    }
}
