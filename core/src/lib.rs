//! # slo-core
//!
//! The pure domain library behind slo-planner: SLO targets typed as people type
//! them, compliance periods (rolling and calendar windows, time-zone aware),
//! error budgets in time, events and time slices, and exact durations.
//!
//! ```
//! use slo_core::{budget, Target, Window, Utc};
//!
//! let target: Target = "99.9".parse().unwrap();
//! let window: Window = "30d".parse().unwrap();
//! let seconds = window.length(&Utc).unwrap().exact().unwrap();
//! let downtime = budget::allowed_downtime(&target, seconds).unwrap();
//! assert_eq!(downtime.to_string(), "43m 12s");
//! assert_eq!(downtime.seconds().to_string(), "2592");
//! ```
//!
//! ## Scope of this crate
//! No I/O, no clock, no browser: time zone rules come in through the
//! [`ZoneRules`] trait (the web app asks the browser's `Intl` API, the CLI
//! uses the IANA database with the `tzdb` feature).
//!
//! ## What is exact and what is a simulation
//! Every figure agreed in a document is computed exactly (decimal or integer
//! arithmetic, never `f64`) and rounded once, at the end, by a rule stated
//! beside it ([`budget::RoundingRule`]): error budgets, allowed downtime, bad
//! events and time slices, composite availability and budget allocation
//! ([`dependency`]), and the alert table's thresholds and times
//! ([`alerting`]). The burn simulation ([`burn::simulate`]), the policy's
//! course through it ([`burn::policy`]) and the Monte Carlo risk
//! ([`burn::risk`]) are simulations in `f64`: they show what a scenario would
//! do, rounded to two decimals ([`quantity::numbers::round2`]), and are never
//! written into a document.
//!
//! ## Layers
//! Bottom first, each importing only from its own layer or below
//! (`scripts/module_layers.py` checks it): [`agenda`], [`echo`], [`glossary`] and [`history`];
//! [`quantity`]; [`problem`]; [`model`] (the JSON types as typed, their
//! choices and typed locations); [`read`] (text to numbers); the engines
//! [`budget`], [`alerting`], [`dependency`] and [`burn`]; [`validate`]; then
//! [`calculator`], [`codec`], [`merge`] and [`report`]; [`examples`] and [`harness`].

pub mod agenda;
pub mod echo;
pub mod glossary;
pub mod quantity;

pub mod problem;

pub mod model;

pub mod read;

pub mod alerting;
pub mod budget;
pub mod burn;
pub mod dependency;
pub mod record;

pub mod validate;

pub mod calculator;
pub mod codec;
pub mod export;
pub mod merge;
pub mod report;
pub mod tradeoff;

pub mod examples;
pub mod harness;
pub mod history;

pub use model::Model;
pub use quantity::duration::ExactDuration;
pub use quantity::figure::Figure;
pub use quantity::target::Target;
pub use quantity::window::Window;
pub use quantity::zone::{Utc, ZoneRules};
