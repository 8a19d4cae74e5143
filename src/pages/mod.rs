//! One module per page.

pub mod budget;
pub mod burn;
pub mod dependencies;
pub mod document;
pub mod model;
pub mod policy;
