//! slo-planner's web app: Leptos components over `slo-core`.
//!
//! Data flows one way: inputs -> the form (one signal, the single source of
//! truth) -> a memo of everything `slo-core` computes -> the views, the URL and
//! local storage. Browser calls live only in [`browser`].

pub mod browser;
pub mod budget;
pub mod frame;
pub mod glossary;
pub mod workshop;
