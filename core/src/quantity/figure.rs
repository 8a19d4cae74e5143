//! A figure that is either one exact value or a range (shortest to longest).

use serde::Serialize;

/// One value, or the range a value spans when the window has no fixed length
/// ("every calendar month" is 28 to 31 days).
///
/// Serialized as the bare value, or as `{"min": .., "max": ..}` for a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Figure<T> {
    /// One exact value.
    Exact(T),
    /// From `min` to `max`, both included.
    Range {
        /// The smallest value.
        min: T,
        /// The largest value.
        max: T,
    },
}

impl<T: Copy> Figure<T> {
    /// The exact value, or `None` for a range.
    pub fn exact(&self) -> Option<T> {
        match self {
            Figure::Exact(v) => Some(*v),
            Figure::Range { .. } => None,
        }
    }

    /// The smallest value (the value itself when exact).
    pub fn min(&self) -> T {
        match self {
            Figure::Exact(v) | Figure::Range { min: v, .. } => *v,
        }
    }

    /// The largest value (the value itself when exact).
    pub fn max(&self) -> T {
        match self {
            Figure::Exact(v) | Figure::Range { max: v, .. } => *v,
        }
    }
}

impl<T> Figure<T> {
    /// Applies `f` to each end, keeping the shape.
    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> Figure<U> {
        match self {
            Figure::Exact(v) => Figure::Exact(f(v)),
            Figure::Range { min, max } => Figure::Range {
                min: f(min),
                max: f(max),
            },
        }
    }

    /// Applies a fallible `f` to each end; the first error wins.
    pub fn try_map<U, E>(&self, mut f: impl FnMut(&T) -> Result<U, E>) -> Result<Figure<U>, E> {
        Ok(match self {
            Figure::Exact(v) => Figure::Exact(f(v)?),
            Figure::Range { min, max } => Figure::Range {
                min: f(min)?,
                max: f(max)?,
            },
        })
    }

    /// Joins the two ends with " to " after `f` formats each: "40m 19.2s to 44m 38.4s".
    pub fn describe(&self, mut f: impl FnMut(&T) -> String) -> String {
        match self {
            Figure::Exact(v) => f(v),
            Figure::Range { min, max } => format!("{} to {}", f(min), f(max)),
        }
    }
}
