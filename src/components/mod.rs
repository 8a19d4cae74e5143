//! Reusable pieces of the pages.

pub mod calculator;
pub mod compare;
pub mod downtime;
pub mod events;
pub mod field;
pub mod reverse;
pub mod standard_windows;
pub mod target;
pub mod timeslice;
pub mod window;
