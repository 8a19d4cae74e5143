//! The trade-off table: up to six candidate targets of one SLO side by
//! side, grounded in the team's record (see [`crate::record`]).
pub mod candidates;
pub mod replay;
pub mod report;
pub mod saved;
pub mod table;
pub mod words;
