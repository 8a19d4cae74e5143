//! An SLO's saved history as a trade-off table reads it: the incidents
//! read from the text as pasted (and the rows left out), the span from its
//! dates, its candidates and its edited risk model.

use crate::model::location::SloAt;
use crate::model::scenario::RiskModel;
use crate::model::Model;
use crate::quantity::target::Target;
use crate::quantity::zone::ZoneResolver;
use crate::record::incidents::Incident;

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
    let Some((_, slo)) = at.find(model) else {
        return Saved::default();
    };
    let Some(history) = &slo.history else {
        return Saved::default();
    };
    let zone = zones
        .resolve(slo.time_zone_name())
        .unwrap_or_else(|_| Box::new(crate::quantity::zone::Utc));
    let day = |text: &str| crate::record::instant::read_instant(text, zone.as_ref()).ok();
    let (incidents, left_out) = match history.incidents.trim() {
        "" => Default::default(),
        text => match crate::record::incidents::read_incidents(text, zone.as_ref()) {
            Ok(read) => (read.rows, read.problems),
            Err(reason) => (
                Vec::new(),
                vec![crate::record::RowProblem { line: None, reason }],
            ),
        },
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
