//! An SLO's history: its span's dates, its candidates (blank ones are
//! skipped, as a list typed one per line leaves them) and its edited risk
//! model. Its incidents are read where they are used: the trade-off table
//! lists the rows it leaves out with their lines ([`crate::record`]), so
//! that the CSV reader stays out of every page that validates.

use super::Checker;
use crate::model::history::{SloHistory, MAX_CANDIDATES};
use crate::model::location::{Locate, SloAt};
use crate::quantity::target::Target;

pub(super) fn check_history(c: &mut Checker, at: SloAt, history: &SloHistory) {
    let path = |field: &str| at.field(&format!("history.{field}"));
    let mut day = |field: &str, text: &str| {
        if text.trim().is_empty() {
            return None;
        }
        let read = super::parse_date(text).ok_or_else(|| {
            format!(
                "{} is not a date: write it as 2025-01-01",
                crate::echo::quote(text)
            )
        });
        c.read(|| path(field), read)
    };
    let (from, to) = (day("from", &history.from), day("to", &history.to));
    if let (Some(from), Some(to)) = (from, to) {
        if to <= from {
            c.error(|| path("to"), "the record must end after it starts");
        }
    }
    let typed = history.candidates.iter().enumerate();
    let typed = typed.filter(|(_, text)| !text.trim().is_empty());
    for (n, (i, text)) in typed.enumerate() {
        let field = format!("candidates[{i}]");
        if n == MAX_CANDIDATES {
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
