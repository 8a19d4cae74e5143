//! An SLO's history as the team brought it: past incidents as pasted (a
//! CSV file or spreadsheet cells, kept as typed so nothing is lost), the
//! span they cover, and the trade-off table's candidates and edited risk
//! model (see [`crate::record`] and [`crate::tradeoff`]). An SLI series is
//! too large for the model and is brought again each time.

use serde::{Deserialize, Serialize};

use crate::model::scenario::RiskModel;

/// The most candidate targets one trade-off table compares.
pub const MAX_CANDIDATES: usize = 6;

/// The team's history for one SLO.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SloHistory {
    /// Past incidents as pasted: a header line (start, end or duration,
    /// share affected, cause, SLI), then one line per incident.
    #[serde(default)]
    pub incidents: String,
    /// The first day the record covers (ISO date, "2025-01-01", in the
    /// SLO's time zone); empty: the whole periods around the incidents.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// The day after the last one it covers ("2025-07-01"); empty as `from`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to: String,
    /// Candidate targets in percent, as typed (at most six); empty: the
    /// current target, one nine less and more, and the half-way steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
    /// The risk model as edited; `None`: the one fitted to the incidents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskModel>,
}
