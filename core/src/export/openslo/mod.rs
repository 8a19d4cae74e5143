//! OpenSLO (<https://github.com/OpenSLO/OpenSLO>): the model written as
//! OpenSLO v1 ([`write`]) and OpenSLO v1 or v1alpha read into a model
//! ([`read`]), through one set of object types ([`objects`]).

pub mod objects;
pub mod read;
pub mod write;

/// The `apiVersion` written.
pub const V1: &str = "openslo/v1";

/// The metric source type written for an SLI without queries: a clearly
/// named placeholder to replace; read back as "no queries".
pub const PLACEHOLDER_SOURCE: &str = "slo-planner-placeholder";

/// The prefix of slo-planner's annotations (a DNS label, as OpenSLO asks of
/// an annotation's prefix).
pub const ANNOTATION_PREFIX: &str = "slo-planner/";

/// An annotation's key: `slo-planner/<name>`.
pub fn key(name: &str) -> String {
    format!("{ANNOTATION_PREFIX}{name}")
}
