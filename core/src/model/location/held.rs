//! Places held inside an SLO or a scenario that may not be there yet: an
//! SLO's history, a risk model (a scenario's or a history's) and its
//! severities.

use super::{Locate, Remove, ScenarioAt, SloAt};
use crate::model::history::SloHistory;
use crate::model::scenario::{IncidentSeverity, RiskModel};
use crate::model::Model;
use crate::problem::item;

/// An SLO's history ([`crate::model::history::SloHistory`]); editing a
/// field of it (`get_mut`) starts an empty history when the SLO has none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct HistoryAt(pub SloAt);

impl Locate for HistoryAt {
    type Item = SloHistory;
    fn get<'m>(&self, model: &'m Model) -> Option<&'m SloHistory> {
        self.0.get(model)?.history.as_ref()
    }
    fn get_mut<'m>(&self, model: &'m mut Model) -> Option<&'m mut SloHistory> {
        Some(
            self.0
                .get_mut(model)?
                .history
                .get_or_insert_with(Default::default),
        )
    }
    fn path(&self) -> String {
        self.0.field("history")
    }
}

/// A risk model, when its holder has one: a burn scenario's, or an SLO
/// history's as edited for the trade-off table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RiskAt {
    /// A scenario's `risk`.
    Scenario(ScenarioAt),
    /// An SLO's `history.risk`.
    History(SloAt),
}

impl RiskAt {
    /// Sets (or with `None` removes) the risk model; `false` when its
    /// holder is gone.
    pub fn set(&self, model: &mut Model, risk: Option<RiskModel>) -> bool {
        let slot = match self {
            RiskAt::Scenario(at) => at.get_mut(model).map(|s| &mut s.risk),
            RiskAt::History(at) => HistoryAt(*at).get_mut(model).map(|h| &mut h.risk),
        };
        slot.map(|slot| *slot = risk).is_some()
    }
}

impl Default for RiskAt {
    fn default() -> Self {
        RiskAt::Scenario(ScenarioAt::default())
    }
}

impl Locate for RiskAt {
    type Item = RiskModel;
    fn get<'m>(&self, model: &'m Model) -> Option<&'m RiskModel> {
        match self {
            RiskAt::Scenario(at) => at.get(model)?.risk.as_ref(),
            RiskAt::History(at) => HistoryAt(*at).get(model)?.risk.as_ref(),
        }
    }
    fn get_mut<'m>(&self, model: &'m mut Model) -> Option<&'m mut RiskModel> {
        match self {
            RiskAt::Scenario(at) => at.get_mut(model)?.risk.as_mut(),
            RiskAt::History(at) => at.get_mut(model)?.history.as_mut()?.risk.as_mut(),
        }
    }
    fn path(&self) -> String {
        match self {
            RiskAt::Scenario(at) => at.field("risk"),
            RiskAt::History(at) => HistoryAt(*at).field("risk"),
        }
    }
}

indexed!(
    SeverityAt,
    IncidentSeverity,
    RiskAt,
    severities,
    "severities"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::seed_chain;
    use crate::model::location::ScenarioAt;

    fn risk_model() -> RiskModel {
        RiskModel {
            incidents_per_period: "1".into(),
            median_time_to_restore: "30m".into(),
            p90_time_to_restore: "2h".into(),
            severities: vec![],
            periods: "100".into(),
            seed: "1".into(),
        }
    }

    #[test]
    fn a_history_is_made_by_its_first_edit_and_holds_a_risk_model() {
        let mut model = seed_chain();
        let at = SloAt::new(0, 0, 0, 0);
        assert!(HistoryAt(at).get(&model).is_none());
        assert_eq!(
            HistoryAt(at).field("incidents"),
            "services[0].journeys[0].slis[0].slos[0].history.incidents"
        );
        HistoryAt(at).get_mut(&mut model).unwrap().from = "2025-01-01".into();
        assert_eq!(HistoryAt(at).get(&model).unwrap().from, "2025-01-01");
        let risk = RiskAt::History(at);
        assert!(risk.get(&model).is_none() && risk.get_mut(&mut model).is_none());
        assert!(risk.set(&mut model, Some(risk_model())));
        assert!(risk.get(&model).is_some());
        assert_eq!(
            SeverityAt(risk, 1).path(),
            "services[0].journeys[0].slis[0].slos[0].history.risk.severities[1]"
        );
        assert!(risk.set(&mut model, None));
        assert!(risk.get(&model).is_none());
        // The edit kept the history's other fields.
        assert_eq!(HistoryAt(at).get(&model).unwrap().from, "2025-01-01");
    }

    #[test]
    fn a_scenario_risk_model_is_where_it_always_was() {
        let mut model = seed_chain();
        let scenario = ScenarioAt(SloAt::new(0, 0, 0, 0), 0);
        assert_eq!(
            RiskAt::Scenario(scenario).path(),
            "services[0].journeys[0].slis[0].slos[0].scenarios[0].risk"
        );
        // No such scenario: nothing is set, and nothing else is made.
        assert!(!RiskAt::Scenario(scenario).set(&mut model, Some(risk_model())));
        assert!(!RiskAt::History(SloAt::new(9, 0, 0, 0)).set(&mut model, None));
        assert_eq!(model, seed_chain());
    }
}
