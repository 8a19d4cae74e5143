//! An SLI's past as a time series: per step (a minute or coarser), how many
//! valid events there were and how many were good. From a table (CSV or
//! pasted cells: `timestamp,good,valid`, or `bad` instead of one of them)
//! or from a Prometheus range query's JSON (`/api/v1/query_range`), whose
//! series carry a `series` label of `good`, `bad` or `valid`.
//!
//! A sample counts the events of the step that ends at its timestamp, as
//! Prometheus' `increase(x[1m])` does; counts may have fractions (an
//! increase is extrapolated) and are kept exact.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::echo::quote;
use crate::quantity::zone::ZoneRules;
use crate::record::instant::{read_instant, EARLIEST, LATEST};
use crate::record::table::{missing, read_table, Column, Header, MAX_ROWS};
use crate::record::{Imported, RowProblem};

/// The events of one step of the series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    /// The end of the step, Unix seconds.
    pub at: i64,
    /// Good events in the step (exact, at least 0).
    pub good: Decimal,
    /// Valid events in the step (exact, at least `good`).
    pub valid: Decimal,
}

const TIME: usize = 0;
const GOOD: usize = 1;
const VALID: usize = 2;
const BAD: usize = 3;

const COLUMNS: [Column; 4] = [
    Column {
        name: "timestamp",
        aliases: &["timestamp", "time", "at", "date", "datetime", "ts"],
    },
    Column {
        name: "good",
        aliases: &["good", "goodevents", "success", "successes", "ok"],
    },
    Column {
        name: "valid",
        aliases: &[
            "valid",
            "validevents",
            "total",
            "totalevents",
            "requests",
            "count",
        ],
    },
    Column {
        name: "bad",
        aliases: &["bad", "badevents", "errors", "failures", "failed"],
    },
];

/// Reads an SLI series from a table; times without an offset are read in `zone`.
///
/// Needs a timestamp column and two of good, valid and bad. Bad rows
/// (unreadable numbers, good above valid, a repeated timestamp) are listed
/// with their line and left out. The samples come back in time order.
///
/// ```
/// use slo_core::record::series::read_series;
/// let text = "timestamp,good,valid\n1744286460,998,1000\n1744286520,1001,1000\n";
/// let read = read_series(text, &slo_core::Utc).unwrap();
/// assert_eq!(read.rows.len(), 1);
/// assert_eq!(read.problems[0].line, Some(3));
/// ```
pub fn read_series(text: &str, zone: &dyn ZoneRules) -> Result<Imported<Sample>, String> {
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let check = |header: &Header| {
        if header.found[TIME].is_none() {
            return Err(missing(&COLUMNS[TIME]));
        }
        if [GOOD, VALID, BAD]
            .iter()
            .filter(|c| header.found[**c].is_some())
            .count()
            < 2
        {
            return Err(format!(
                "two of the columns {}, {} and {} are needed",
                quote("good"),
                quote("valid"),
                quote("bad")
            ));
        }
        Ok(())
    };
    let (header, unsplit) = read_table(text, &COLUMNS, check, |header, line, row| {
        match sample(header, row, zone) {
            Ok(sample) => {
                rows.push(sample);
                lines.push(line);
            }
            Err(reason) => problems.push(RowProblem {
                line: Some(line),
                reason,
            }),
        }
    })?;
    problems.extend(unsplit);
    let mut imported = Imported {
        rows,
        problems,
        unused_columns: header.unused,
    };
    into_order(&mut imported, lines);
    Ok(imported)
}

fn sample(table: &Header, row: &csv::StringRecord, zone: &dyn ZoneRules) -> Result<Sample, String> {
    let at = fast_unix(table.cell(row, TIME))
        .map_or_else(|| read_instant(table.cell(row, TIME), zone), Ok)
        .map_err(|e| format!("timestamp: {e}"))?;
    let count = |column: usize| -> Result<Option<Decimal>, String> {
        if table.found[column].is_none() {
            return Ok(None);
        }
        read_count(table.cell(row, column))
            .map(Some)
            .map_err(|e| format!("{}: {e}", COLUMNS[column].name))
    };
    let (good, valid, bad) = (count(GOOD)?, count(VALID)?, count(BAD)?);
    counts(at, good, valid, bad)
}

/// A sample from two or three of its counts, checked: good at most valid,
/// bad at most valid, and good + bad = valid when all three are given.
fn counts(
    at: i64,
    good: Option<Decimal>,
    valid: Option<Decimal>,
    bad: Option<Decimal>,
) -> Result<Sample, String> {
    let (good, valid) = match (good, valid, bad) {
        (Some(g), Some(v), _) => (g, v),
        (Some(g), None, Some(b)) => (g, g.checked_add(b).ok_or("too many events")?),
        (None, Some(v), Some(b)) if b <= v => (v - b, v),
        (None, Some(v), Some(b)) => {
            return Err(format!("{b} bad events are more than {v} valid ones"))
        }
        _ => return Err("two of good, valid and bad are needed".into()),
    };
    if good > valid {
        return Err(format!(
            "{good} good events are more than {valid} valid ones"
        ));
    }
    if let Some(bad) = bad {
        if good + bad != valid {
            return Err(format!(
                "{good} good and {bad} bad events do not add up to {valid} valid ones"
            ));
        }
    }
    Ok(Sample { at, good, valid })
}

/// Puts the samples in time order and lists a repeated timestamp's later
/// rows as problems.
fn into_order(imported: &mut Imported<Sample>, lines: Vec<u64>) {
    let mut paired: Vec<(Sample, u64)> = imported.rows.drain(..).zip(lines).collect();
    paired.sort_by_key(|(s, line)| (s.at, *line));
    let mut last: Option<i64> = None;
    for (sample, line) in paired {
        if last == Some(sample.at) {
            imported.problems.push(RowProblem {
                line: Some(line),
                reason: "timestamp: repeats the row before (each step once)".into(),
            });
        } else {
            last = Some(sample.at);
            imported.rows.push(sample);
        }
    }
    imported.problems.sort_by_key(|p| p.line);
}

/// Whole Unix seconds written as plain digits, read without a decimal (the
/// common case of a long series).
fn fast_unix(text: &str) -> Option<i64> {
    if text.is_empty() || text.len() > 11 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<i64>()
        .ok()
        .filter(|s| (EARLIEST..=LATEST).contains(s))
}

/// A count of events: a number at least 0, with a fraction allowed.
fn read_count(text: &str) -> Result<Decimal, String> {
    if text.is_empty() {
        return Err("empty".into());
    }
    // Whole counts, the common case of a long series, without a decimal parse.
    if text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) {
        return text
            .parse::<u64>()
            .map(Decimal::from)
            .map_err(|e| e.to_string());
    }
    let number = Decimal::from_str_exact(text)
        .or_else(|_| Decimal::from_scientific(text))
        .map_err(|_| format!("{} is not a number of events", quote(text)))?;
    if number.is_sign_negative() && !number.is_zero() {
        return Err(format!("{} is below zero", quote(text)));
    }
    Ok(number)
}

#[derive(Deserialize)]
struct Response {
    data: Data,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Data {
    result_type: String,
    result: Vec<RangeSeries>,
}

#[derive(Deserialize)]
struct RangeSeries {
    #[serde(default)]
    metric: BTreeMap<String, String>,
    #[serde(default)]
    values: Vec<(f64, String)>,
}

/// Reads an SLI series from a file or pasted text of either kind: a
/// Prometheus range query's JSON when it starts with `{`
/// ([`read_prometheus_range`]), else a table ([`read_series`], times
/// without an offset read in `zone`).
pub fn read_any_series(text: &str, zone: &dyn ZoneRules) -> Result<Imported<Sample>, String> {
    if text.trim_start().starts_with('{') {
        read_prometheus_range(text)
    } else {
        read_series(text, zone)
    }
}

/// The label that names a range query's series: `good`, `bad` or `valid`.
pub const SERIES_LABEL: &str = "series";

/// Reads an SLI series from a Prometheus range query's JSON: a `matrix`
/// with two or three series, each labelled `series="good"`, `"bad"` or
/// `"valid"` (`"total"` is read as valid). Steps that are not in every
/// series, or whose counts do not fit together, are listed with their
/// Unix time in place of a line number.
///
/// Errors: not such JSON, not a matrix, a series without the label, fewer
/// than two kinds of series.
pub fn read_prometheus_range(json: &str) -> Result<Imported<Sample>, String> {
    let response: Response = serde_json::from_str(json)
        .map_err(|e| format!("not a Prometheus range query's JSON ({e})"))?;
    if response.data.result_type != "matrix" {
        return Err(format!(
            "the result is a {}, not a matrix: export a range query (query_range)",
            quote(&response.data.result_type)
        ));
    }
    let mut by_kind: [Option<BTreeMap<i64, String>>; 3] = [None, None, None];
    let mut total = 0usize;
    for series in response.data.result {
        let kind = series
            .metric
            .get(SERIES_LABEL)
            .map(|k| k.trim().to_ascii_lowercase());
        let slot = match kind.as_deref() {
            Some("good") => 0,
            Some("valid" | "total") => 1,
            Some("bad") => 2,
            _ => {
                return Err(format!(
                    "a series without a {SERIES_LABEL} label of good, bad or valid: label each query with label_replace (the SLI's history query does)"
                ))
            }
        };
        total = total.saturating_add(series.values.len());
        if total > MAX_ROWS {
            return Err(format!("more than {MAX_ROWS} values: take a coarser step"));
        }
        let values = series
            .values
            .into_iter()
            .map(|(t, v)| (t.floor() as i64, v));
        by_kind[slot]
            .get_or_insert_with(BTreeMap::new)
            .extend(values);
    }
    if by_kind.iter().filter(|k| k.is_some()).count() < 2 {
        return Err("two of the series good, bad and valid are needed".into());
    }
    Ok(join(&by_kind))
}

fn join(by_kind: &[Option<BTreeMap<i64, String>>; 3]) -> Imported<Sample> {
    let mut times: Vec<i64> = by_kind
        .iter()
        .flatten()
        .flat_map(|m| m.keys().copied())
        .collect();
    times.sort_unstable();
    times.dedup();
    let mut imported = Imported {
        rows: Vec::with_capacity(times.len()),
        problems: Vec::new(),
        unused_columns: Vec::new(),
    };
    for at in times {
        let value = |slot: usize| -> Result<Option<Decimal>, String> {
            match &by_kind[slot] {
                None => Ok(None),
                Some(values) => match values.get(&at) {
                    None => Err(format!(
                        "no {} value at this step",
                        ["good", "valid", "bad"][slot]
                    )),
                    Some(text) => read_count(text).map(Some),
                },
            }
        };
        let sample = (|| counts(at, value(0)?, value(1)?, value(2)?))().and_then(|s| {
            if (EARLIEST..=LATEST).contains(&at) {
                Ok(s)
            } else {
                Err("outside 1970 to 2200".into())
            }
        });
        match sample {
            Ok(sample) => imported.rows.push(sample),
            Err(reason) => imported.problems.push(RowProblem {
                line: None,
                reason: format!("the step at Unix time {at}: {reason}"),
            }),
        }
    }
    imported
}
