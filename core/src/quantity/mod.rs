//! Quantities as people type them and as the arithmetic needs them, below
//! everything else: exact durations, figures with their rounding, nines,
//! SLO targets and their error budgets, windows (rolling and calendar) and
//! time zones. They know nothing of a model or a problem.

pub mod calendar;
pub mod duration;
pub mod figure;
pub mod nines;
pub mod numbers;
pub mod target;
pub mod window;
pub mod zone;
