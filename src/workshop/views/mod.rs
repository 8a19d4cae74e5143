//! What the workshop shows of the model, read-only: the burn results, the
//! dependency diagram, the document, the problem list, the trade-off table,
//! the file actions, and the pickers over SLOs and scenarios.

pub mod burn_events;
pub mod burn_results;
pub mod burn_words;
pub mod composite;
pub mod diagram;
pub mod document_analysis;
pub mod document_session;
pub mod document_view;
pub mod file_actions;
pub mod incident_slices;
pub mod picker;
pub mod problem_list;
pub mod tradeoff_results;
pub mod tradeoff_table;
