//! What the workshop shows of the model, read-only: the burn results, the
//! dependency diagram, the document, the problem list, and the file actions.

pub mod burn_results;
pub mod composite;
pub mod diagram;
pub mod document_view;
pub mod file_actions;
pub mod problem_list;
