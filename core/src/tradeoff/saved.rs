//! An SLO's saved history as a trade-off table reads it: the incidents
//! read from the text as pasted (and the rows left out), the span from its
//! dates, its candidates and its edited risk model.

use crate::model::location::SloAt;
use crate::model::scenario::RiskModel;
use crate::model::Model;
use crate::quantity::target::Target;
use crate::quantity::zone::{ZoneResolver, ZoneRules};
use crate::record::incidents::{read_incidents, Incident};
use crate::record::{Imported, RowProblem};

/// What an SLO's saved history gives a table: its incidents as read (and
/// the rows left out, with why), its span, its candidates and its edited
/// risk model. Empty when the SLO has no history.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    /// The incidents read from the history's text.
    pub incidents: Vec<Incident>,
    /// What was left out of them: each bad row with its line, or why the
    /// whole text could not be read (no line).
    pub left_out: Vec<crate::record::RowProblem>,
    /// The span from its `from` and `to` dates, when both read.
    pub span: Option<(i64, i64)>,
    /// Its candidates that read as targets.
    pub candidates: Vec<Target>,
    /// Its edited risk model.
    pub risk: Option<RiskModel>,
}

/// The saved history of the SLO at `at`, read in its time zone.
pub fn saved(model: &Model, at: SloAt, zones: &dyn ZoneResolver) -> Saved {
    saved_from(model, at, zones, None)
}

/// The time zone the history of the SLO at `at` is read in: the SLO's, or
/// UTC when it names none that `zones` knows (as validation says).
pub fn history_zone(model: &Model, at: SloAt, zones: &dyn ZoneResolver) -> Box<dyn ZoneRules> {
    at.find(model)
        .and_then(|(_, slo)| zones.resolve(slo.time_zone_name()).ok())
        .unwrap_or_else(|| Box::new(crate::quantity::zone::Utc))
}

/// As [`saved`], with the incidents already read (by an
/// [`IncidentReading`](crate::record::incidents::IncidentReading) of the
/// history's text in [`history_zone`], a slice at a time) when `read` holds
/// them: `Err` is why the whole text could not be read.
pub fn saved_from(
    model: &Model,
    at: SloAt,
    zones: &dyn ZoneResolver,
    read: Option<Result<Imported<Incident>, String>>,
) -> Saved {
    let Some((_, slo)) = at.find(model) else {
        return Saved::default();
    };
    let Some(history) = &slo.history else {
        return Saved::default();
    };
    let zone = history_zone(model, at, zones);
    let day = |text: &str| crate::record::instant::read_instant(text, zone.as_ref()).ok();
    let read = match history.incidents.trim() {
        "" => Ok(Imported::default()),
        text => read.unwrap_or_else(|| read_incidents(text, zone.as_ref())),
    };
    let (incidents, left_out) = match read {
        Ok(read) => (read.rows, read.problems),
        Err(reason) => (Vec::new(), vec![RowProblem { line: None, reason }]),
    };
    Saved {
        incidents,
        left_out,
        span: day(&history.from)
            .zip(day(&history.to))
            .filter(|(from, to)| from < to),
        candidates: crate::tradeoff::candidates::read_candidates(&history.candidates).0,
        risk: history.risk.clone(),
    }
}
