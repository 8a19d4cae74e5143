//! Reading typed text into numbers while collecting every problem with its
//! path (relative to the item read): shared by the scenario and alert-rule readers.

use rust_decimal::Decimal;

use crate::duration::ExactDuration;
use crate::validate::{Problem, Severity};

/// Collects problems while fields are read.
#[derive(Debug, Default)]
pub(crate) struct FieldReader {
    pub(crate) problems: Vec<Problem>,
}

impl FieldReader {
    /// Records an error at `path`.
    pub(crate) fn error(&mut self, path: &str, message: String) {
        self.problems.push(Problem {
            path: path.to_string(),
            severity: Severity::Error,
            message,
        });
    }

    /// A decimal for which `ok` holds; otherwise the error `"<text>" is not <what>: write <how>`.
    pub(crate) fn decimal(
        &mut self,
        path: &str,
        text: &str,
        ok: impl Fn(Decimal) -> bool,
        what: &str,
        how: &str,
    ) -> Option<Decimal> {
        match text.trim().parse::<Decimal>() {
            Ok(value) if ok(value) => Some(value),
            _ => {
                self.error(path, format!("\"{text}\" is not {what}: write {how}"));
                None
            }
        }
    }

    /// A duration (zero refused when `positive`); empty text is `None` without
    /// a problem when `optional`.
    pub(crate) fn duration(
        &mut self,
        path: &str,
        text: &str,
        positive: bool,
        optional: bool,
    ) -> Option<ExactDuration> {
        if optional && text.trim().is_empty() {
            return None;
        }
        match text.parse::<ExactDuration>() {
            Ok(d) if positive && d.seconds().is_zero() => {
                self.error(path, "a duration must be longer than zero".into());
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                self.error(path, e.to_string());
                None
            }
        }
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
