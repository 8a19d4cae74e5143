//! Past incidents as a table: one row per incident, with when it started,
//! when it ended or how long it lasted (its time to restore), the share of
//! requests (or users) it affected, its cause and, optionally, the SLI it hit.
//!
//! ```text
//! start,duration,affected %,cause,sli
//! 2025-04-10 14:00,42m,100,database failover,Availability
//! 2025-05-02T08:15:00Z,1h 30m,25,bad deploy,
//! ```

use rust_decimal::Decimal;

use crate::echo::quote;
use crate::quantity::duration::ExactDuration;
use crate::quantity::zone::ZoneRules;
use crate::record::instant::read_instant;
use crate::record::table::{missing, read_table, Column, Header};
use crate::record::{Imported, RowProblem};

/// The longest incident accepted: 400 days, longer than any compliance period.
pub const MAX_INCIDENT_SECONDS: u64 = 400 * 86_400;

/// One past incident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incident {
    /// Its line in the table (from 1), for messages.
    pub line: u64,
    /// When it started, Unix seconds (UTC).
    pub start: i64,
    /// How long until service was restored (its time to restore), whole seconds, above 0.
    pub duration: u64,
    /// The share of requests or users it affected, a fraction above 0 and at most 1 (exact).
    pub affected: Decimal,
    /// What caused it, as written (may be empty).
    pub cause: String,
    /// The SLI it hit, as written; `None` when the table does not say.
    pub sli: Option<String>,
}

impl Incident {
    /// When it ended, Unix seconds.
    pub fn end(&self) -> i64 {
        self.start.saturating_add(self.duration as i64)
    }

    /// Its bad time: duration × share affected, in seconds (exact).
    pub fn bad_seconds(&self) -> Decimal {
        Decimal::from(self.duration) * self.affected
    }
}

const START: usize = 0;
const END: usize = 1;
const DURATION: usize = 2;
const AFFECTED: usize = 3;
const CAUSE: usize = 4;
const SLI: usize = 5;

const COLUMNS: [Column; 6] = [
    Column {
        name: "start",
        aliases: &[
            "start",
            "started",
            "startedat",
            "starttime",
            "begin",
            "from",
            "detected",
        ],
    },
    Column {
        name: "end",
        aliases: &[
            "end",
            "ended",
            "endedat",
            "endtime",
            "to",
            "restored",
            "resolved",
            "resolvedat",
        ],
    },
    Column {
        name: "duration",
        aliases: &[
            "duration",
            "timetorestore",
            "ttr",
            "mttr",
            "length",
            "downtime",
            "impactduration",
        ],
    },
    Column {
        name: "share affected",
        aliases: &[
            "affected",
            "shareaffected",
            "share",
            "impact",
            "requestsaffected",
            "usersaffected",
            "errorrate",
            "errorratio",
            "errors",
        ],
    },
    Column {
        name: "cause",
        aliases: &["cause", "rootcause", "reason", "summary", "title"],
    },
    Column {
        name: "SLI",
        aliases: &["sli", "sliname", "indicator"],
    },
];

/// Reads incidents from a table (CSV, or cells pasted from a spreadsheet).
/// Times without an offset are read in `zone` (the SLO's time zone).
///
/// Needs a `start` column and an `end` or a `duration` column (if both are
/// given, `end` wins and `duration` is only checked to be readable). The share affected
/// is in percent ("25", "25 %"), 100 when the column or the cell is empty.
/// Bad rows are listed with their line and reason and left out; the rest
/// are kept. Errors only when the table itself is unusable (no header, a
/// required column missing, too many rows).
///
/// ```
/// use slo_core::record::incidents::read_incidents;
/// let text = "start,duration,affected %\n2025-04-10 14:00,42m,100\n2025-04-11 09:00,soon,100\n";
/// let read = read_incidents(text, &slo_core::Utc).unwrap();
/// assert_eq!(read.rows.len(), 1);
/// assert_eq!(read.rows[0].duration, 42 * 60);
/// assert_eq!(read.problems[0].line, Some(3));
/// ```
pub fn read_incidents(text: &str, zone: &dyn ZoneRules) -> Result<Imported<Incident>, String> {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let check = |header: &Header| {
        if header.found[START].is_none() {
            return Err(missing(&COLUMNS[START]));
        }
        if header.found[END].is_none() && header.found[DURATION].is_none() {
            return Err(format!(
                "no end or duration column: name one {} or {} in the first line",
                quote("end"),
                quote("duration")
            ));
        }
        Ok(())
    };
    let (header, unsplit) =
        read_table(text, &COLUMNS, check, |header, line, row| {
            match incident(header, row, line, zone) {
                Ok(incident) => rows.push(incident),
                Err(reason) => problems.push(RowProblem {
                    line: Some(line),
                    reason,
                }),
            }
        })?;
    problems.extend(unsplit);
    problems.sort_by_key(|p| p.line);
    rows.sort_by_key(|i: &Incident| (i.start, i.line));
    Ok(Imported {
        rows,
        problems,
        unused_columns: header.unused,
    })
}

fn incident(
    table: &Header,
    row: &csv::StringRecord,
    line: u64,
    zone: &dyn ZoneRules,
) -> Result<Incident, String> {
    let start = read_instant(table.cell(row, START), zone).map_err(|e| format!("start: {e}"))?;
    let end_text = table.cell(row, END);
    let duration_text = table.cell(row, DURATION);
    let duration = if !end_text.is_empty() {
        let end = read_instant(end_text, zone).map_err(|e| format!("end: {e}"))?;
        if end <= start {
            return Err(format!("end: {} is not after the start", quote(end_text)));
        }
        (end - start) as u64
    } else if !duration_text.is_empty() {
        read_duration(duration_text).map_err(|e| format!("duration: {e}"))?
    } else {
        return Err("neither an end nor a duration is given".into());
    };
    if duration > MAX_INCIDENT_SECONDS {
        return Err(format!(
            "lasts longer than 400 days ({}): check its end or duration",
            ExactDuration::from_whole_seconds(duration)
        ));
    }
    let affected =
        read_share(table.cell(row, AFFECTED)).map_err(|e| format!("share affected: {e}"))?;
    let sli = Some(table.cell(row, SLI))
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    Ok(Incident {
        line,
        start,
        duration,
        affected,
        cause: table.cell(row, CAUSE).to_string(),
        sli,
    })
}

/// A time to restore: duration syntax ("42m", "1h 30m") or a spreadsheet's
/// `h:mm` / `h:mm:ss` ("0:42", "1:30:00"); whole seconds, rounded up, above 0.
pub fn read_duration(text: &str) -> Result<u64, String> {
    let seconds = if text.contains(':') {
        clock(text)
            .ok_or_else(|| format!("{} is not a duration such as 1:30:00 or 90m", quote(text)))?
    } else {
        let duration: ExactDuration = text.parse().map_err(|e| format!("{e}"))?;
        if duration.seconds() > Decimal::from(MAX_INCIDENT_SECONDS) {
            return Err(format!("{} is longer than 400 days", quote(text)));
        }
        duration.whole_seconds_up()
    };
    if seconds == 0 {
        return Err(format!("{} lasts no time", quote(text)));
    }
    Ok(seconds)
}

fn clock(text: &str) -> Option<u64> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty() || p.len() > 7) {
        return None;
    }
    let mut numbers = parts.iter().map(|p| p.parse::<u64>().ok());
    let hours = numbers.next()??;
    let minutes = numbers.next()??;
    let seconds = numbers.next().unwrap_or(Some(0))?;
    (minutes < 60 && seconds < 60).then_some(hours * 3600 + minutes * 60 + seconds)
}

/// A share in percent ("25", "25 %", "100"), as a fraction above 0 and at
/// most 1; an empty cell is 100 %.
fn read_share(text: &str) -> Result<Decimal, String> {
    let number = text.trim().trim_end_matches('%').trim();
    if number.is_empty() {
        return Ok(Decimal::ONE);
    }
    let percent = Decimal::from_str_exact(number)
        .map_err(|_| format!("{} is not a percentage such as 25", quote(text)))?;
    if percent <= Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        return Err(format!("{} is not above 0 and at most 100", quote(text)));
    }
    Ok(percent / Decimal::ONE_HUNDRED)
}
