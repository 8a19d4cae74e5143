//! The error budget policy's numbers as typed.

use crate::read::Span;

/// The time a burn-rate condition's share must be spent within ("24h"):
/// validation and the policy run read it alike.
pub const WITHIN: Span = Span::positive("a duration");
