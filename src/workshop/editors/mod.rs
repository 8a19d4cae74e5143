//! Editors of parts of the model shared by the workshop's pages: an SLI with
//! its SLOs, a scenario, the risk model, the alert rules.

pub mod alert_rules;
pub mod dependency;
pub mod risk;
pub mod scenario;
pub mod sli;
pub mod slo;
