//! Reading typed fields into numbers while a [`Collector`] gathers every
//! problem with its path: shared by validation and the scenario and
//! alert-rule readers. Each kind of number is read by its reader in
//! [`crate::read`].

use rust_decimal::Decimal;

use crate::problem::Collector;
use crate::quantity::duration::ExactDuration;
use crate::read::{Count, Decimals, Percent, Span};

/// The readers of [`crate::read`], each recording its problem at the field's path.
pub trait ReadFields {
    /// A decimal in the range of `kind`.
    fn decimal(&mut self, path: &str, text: &str, kind: Decimals) -> Option<Decimal>;
    /// A percentage in the range of `kind`, in percent.
    fn percent(&mut self, path: &str, text: &str, kind: Percent) -> Option<Decimal>;
    /// A whole count in the range of `kind`.
    fn count(&mut self, path: &str, text: &str, kind: Count) -> Option<u64>;
    /// A duration in the range of `kind`; empty text is `None` without a
    /// problem when `optional`.
    fn duration(
        &mut self,
        path: &str,
        text: &str,
        kind: Span,
        optional: bool,
    ) -> Option<ExactDuration>;
}

impl ReadFields for Collector {
    fn decimal(&mut self, path: &str, text: &str, kind: Decimals) -> Option<Decimal> {
        self.take(path, kind.read(text))
    }

    fn percent(&mut self, path: &str, text: &str, kind: Percent) -> Option<Decimal> {
        self.take(path, kind.read(text))
    }

    fn count(&mut self, path: &str, text: &str, kind: Count) -> Option<u64> {
        self.take(path, kind.read(text))
    }

    fn duration(
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
}
