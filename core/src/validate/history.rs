//! An SLO's history: its incidents read as the trade-off table reads them
//! (an unusable table is an error, each bad row a warning with its line),
//! its span's dates, its candidates and its edited risk model.

use super::Checker;
use crate::model::history::{SloHistory, MAX_CANDIDATES};
use crate::model::location::{Locate, SloAt};
use crate::model::Slo;
use crate::quantity::target::Target;
use crate::quantity::zone::{Utc, ZoneRules};
use crate::record::incidents::read_incidents;
use crate::record::instant::read_instant;

/// Bad incident rows named one by one; more are counted in one warning.
const NAMED_ROWS: usize = 10;

pub(super) fn check_history(c: &mut Checker, at: SloAt, slo: &Slo, history: &SloHistory) {
    let path = |field: &str| at.field(&format!("history.{field}"));
    let zone: Box<dyn ZoneRules> = c
        .zones
        .resolve(slo.time_zone_name())
        .unwrap_or_else(|_| Box::new(Utc));
    if !history.incidents.trim().is_empty() {
        match read_incidents(&history.incidents, zone.as_ref()) {
            Err(message) => c.error(|| path("incidents"), message),
            Ok(read) => {
                for problem in read.problems.iter().take(NAMED_ROWS) {
                    c.warning(
                        || path("incidents"),
                        format!("{problem} (the row is left out)"),
                    );
                }
                if read.problems.len() > NAMED_ROWS {
                    let more = read.problems.len() - NAMED_ROWS;
                    c.warning(
                        || path("incidents"),
                        format!("{more} more rows cannot be read and are left out"),
                    );
                }
            }
        }
    }
    let mut day = |field: &str, text: &str| {
        if text.trim().is_empty() {
            return None;
        }
        let read = super::parse_date(text)
            .ok_or_else(|| {
                format!(
                    "{} is not a date: write it as 2025-01-01",
                    crate::echo::quote(text)
                )
            })
            .and_then(|_| read_instant(text, zone.as_ref()));
        c.read(|| path(field), read)
    };
    let (from, to) = (day("from", &history.from), day("to", &history.to));
    if let (Some(from), Some(to)) = (from, to) {
        if to <= from {
            c.error(|| path("to"), "the record must end after it starts");
        }
    }
    for (i, text) in history.candidates.iter().enumerate() {
        let field = format!("candidates[{i}]");
        if i == MAX_CANDIDATES {
            c.error(
                || path(&field),
                format!("a trade-off table compares at most {MAX_CANDIDATES} candidates"),
            );
        }
        c.read(
            || path(&field),
            text.parse::<Target>().map_err(|e| e.to_string()),
        );
    }
    if let Some(risk) = &history.risk {
        if let Err(problems) = risk.plan() {
            c.found.under(&at.field("history"), problems);
        }
    }
}
