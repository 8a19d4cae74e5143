//! One module per workshop page, in the order a workshop runs.

pub mod burn;
pub mod dependencies;
pub mod document;
pub mod model;
pub mod policy;
pub mod tradeoffs;
