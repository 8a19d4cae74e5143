//! One module per page.

pub mod budget;
pub mod document;
pub mod policy;
pub mod model;
