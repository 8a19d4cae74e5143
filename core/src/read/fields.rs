//! Reading typed text into numbers while collecting every problem with its
//! path (relative to the item read): shared by the scenario and alert-rule
//! readers. Each kind of number is read by its reader in [`crate::read`].

use rust_decimal::Decimal;

use crate::problem::Problem;
use crate::quantity::duration::ExactDuration;
use crate::read::{Count, Decimals, Percent, Span};

/// Collects problems while fields are read.
#[derive(Debug, Default)]
pub(crate) struct FieldReader {
    pub(crate) problems: Vec<Problem>,
}

impl FieldReader {
    /// Records an error at `path`.
    pub(crate) fn error(&mut self, path: &str, message: String) {
        self.problems.push(Problem::error(path, message));
    }

    /// The value of a read, or `None` with its problem recorded at `path`.
    pub(crate) fn take<T>(&mut self, path: &str, read: Result<T, String>) -> Option<T> {
        read.map_err(|message| self.error(path, message)).ok()
    }

    /// A decimal in the range of `kind`.
    pub(crate) fn decimal(&mut self, path: &str, text: &str, kind: Decimals) -> Option<Decimal> {
        self.take(path, kind.read(text))
    }

    /// A percentage in the range of `kind`, in percent.
    pub(crate) fn percent(&mut self, path: &str, text: &str, kind: Percent) -> Option<Decimal> {
        self.take(path, kind.read(text))
    }

    /// A whole count in the range of `kind`.
    pub(crate) fn count(&mut self, path: &str, text: &str, kind: Count) -> Option<u64> {
        self.take(path, kind.read(text))
    }

    /// A duration in the range of `kind`; empty text is `None` without a
    /// problem when `optional`.
    pub(crate) fn duration(
        &mut self,
        path: &str,
        text: &str,
        kind: Span,
        optional: bool,
    ) -> Option<ExactDuration> {
        if optional && text.trim().is_empty() {
            return None;
        }
        self.take(path, kind.read(text))
    }

    /// `value` when nothing was wrong, every problem otherwise.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }
}
