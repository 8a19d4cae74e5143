//! One module per page.

pub mod budget;
