//! Reusable pieces of the pages.

pub mod alert_rules;
pub mod burn_results;
pub mod calculator;
pub mod compare;
pub mod diagram;
pub mod document_view;
pub mod downtime;
pub mod events;
pub mod field;
pub mod file_actions;
pub mod inputs;
pub mod problem_list;
pub mod reverse;
pub mod risk;
pub mod rows;
pub mod scenario_editor;
pub mod sli_editor;
pub mod slo_editor;
pub mod standard_windows;
pub mod target;
pub mod time_slice;
pub mod window;
