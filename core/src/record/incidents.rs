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
use crate::record::table::{missing, Column, Header, TableReader};
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
    let mut reading = IncidentReading::start(text, zone)?;
    reading.read(usize::MAX)?;
    Ok(reading.finish())
}

/// Incidents read a slice of lines at a time, as [`read_incidents`] reads
/// them at once: a page reads a large paste between its frames and says how
/// far it is.
///
/// ```
/// use slo_core::record::incidents::{read_incidents, IncidentReading};
/// let text = "start,duration\n2025-04-10 14:00,42m\n2025-04-11 09:00,soon\n2025-04-12 09:00,5m\n";
/// let mut reading = IncidentReading::start(text, &slo_core::Utc).unwrap();
/// assert!(!reading.read(2).unwrap());
/// assert!(reading.bytes_read() < reading.bytes());
/// assert!(reading.read(2).unwrap());
/// assert_eq!(reading.finish(), read_incidents(text, &slo_core::Utc).unwrap());
/// ```
pub struct IncidentReading<'a> {
    table: TableReader<'a>,
    zone: &'a dyn ZoneRules,
    bytes: u64,
    rows: Vec<Incident>,
    problems: Vec<RowProblem>,
}

impl<'a> IncidentReading<'a> {
    /// Reads the header line of `text`; errors as [`read_incidents`] does
    /// when the table itself is unusable.
    pub fn start(text: &'a str, zone: &'a dyn ZoneRules) -> Result<IncidentReading<'a>, String> {
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
        Ok(IncidentReading {
            table: TableReader::start(text, &COLUMNS, check)?,
            zone,
            bytes: text.len() as u64,
            rows: Vec::new(),
            problems: Vec::new(),
        })
    }

    /// Reads at most `lines` more lines; true when the text is read to its
    /// end. Errors when the table holds more than 2,000,000 rows.
    pub fn read(&mut self, lines: usize) -> Result<bool, String> {
        let (rows, problems, zone) = (&mut self.rows, &mut self.problems, self.zone);
        self.table.read(lines, |header, line, row| {
            match incident(header, row, line, zone) {
                Ok(incident) => rows.push(incident),
                Err(reason) => problems.push(RowProblem {
                    line: Some(line),
                    reason,
                }),
            }
        })
    }

    /// The bytes of the text read so far.
    pub fn bytes_read(&self) -> u64 {
        self.table.bytes_read()
    }

    /// The bytes of the whole text.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The incidents read, in time order, and the rows left out, in line order.
    pub fn finish(self) -> Imported<Incident> {
        let (header, unsplit) = self.table.finish();
        let (mut rows, mut problems) = (self.rows, self.problems);
        problems.extend(unsplit);
        problems.sort_by_key(|p| p.line);
        rows.sort_by_key(|i: &Incident| (i.start, i.line));
        Imported {
            rows,
            problems,
            unused_columns: header.unused,
        }
    }
}

/// Incidents looked up by the span they may overlap, without looking at
/// every one: in order of start, those starting before the span's end and
/// no earlier than the longest incident before its start. Incidents not in
/// that order are all looked at.
pub(crate) struct Around<'a> {
    incidents: &'a [Incident],
    sorted: bool,
    longest: i64,
}

impl<'a> Around<'a> {
    pub fn new(incidents: &'a [Incident]) -> Around<'a> {
        let longest = incidents.iter().map(|i| i.duration).max().unwrap_or(0);
        Around {
            incidents,
            sorted: incidents.is_sorted_by_key(|i| i.start),
            longest: i64::try_from(longest).unwrap_or(i64::MAX),
        }
    }

    /// The incidents that may overlap `[from, to)` (Unix seconds).
    pub fn of(&self, from: i64, to: i64) -> &'a [Incident] {
        if !self.sorted {
            return self.incidents;
        }
        let earliest = from.saturating_sub(self.longest);
        let first = self.incidents.partition_point(|i| i.start < earliest);
        let last = self.incidents.partition_point(|i| i.start < to);
        &self.incidents[first..last.max(first)]
    }
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
