//! The team's record: past incidents and an SLI's past time series, read
//! from the tables and exports teams have ([`incidents`], [`series`]),
//! and what they say about a target: the achieved SLI in each past
//! compliance period ([`periods`], [`achieved`]) and the risk model they
//! imply ([`fit`]).
//!
//! Reading never gives up on a table for one bad row: bad rows are listed
//! with their line and reason ([`RowProblem`]) and the good rows kept.

use std::fmt;

pub mod achieved;
pub mod chance;
pub mod fit;
pub mod incidents;
pub mod instant;
pub mod periods;
pub mod series;
pub(crate) mod table;

/// A row that was left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// Its line in the text (from 1; the header is line 1); `None` for a
    /// row with no line (a Prometheus step, named in the reason).
    pub line: Option<u64>,
    /// What is wrong, naming the column and the bad value.
    pub reason: String,
}

impl fmt::Display for RowProblem {
    /// `line 3: duration: "soon" is not a duration ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.reason),
            None => write!(f, "{}", self.reason),
        }
    }
}

/// What a reader kept and what it left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported<T> {
    /// The rows read, in time order.
    pub rows: Vec<T>,
    /// The rows left out, in line order.
    pub problems: Vec<RowProblem>,
    /// Header cells that name no column the reader knows (shown, so a
    /// misspelt column is noticed).
    pub unused_columns: Vec<String>,
}

impl<T> Default for Imported<T> {
    /// Nothing read and nothing left out.
    fn default() -> Self {
        Imported {
            rows: Vec::new(),
            problems: Vec::new(),
            unused_columns: Vec::new(),
        }
    }
}
