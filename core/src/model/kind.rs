//! Choices without fields: every value a picker offers, its key in the JSON
//! and its label in words, in one place. Code that branches on a choice
//! matches the enum, never its key or its label.
//!
//! ```
//! use slo_core::model::kind::Kind;
//! use slo_core::model::policy::ConditionType;
//! assert_eq!(ConditionType::from_key("burnRate"), Some(ConditionType::BurnRate));
//! assert_eq!(ConditionType::BurnRate.label(), "X % of the budget spent within a time");
//! assert_eq!(ConditionType::ALL.len(), 6);
//! ```

/// A field-less choice: its values, JSON keys and labels.
pub trait Kind: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order a picker lists them.
    const ALL: &'static [Self];

    /// Its key in the JSON ("burnRate"; for a choice that only picks the
    /// shape of a tagged enum, the tag's `type`).
    fn key(self) -> &'static str;

    /// How the editor and the document name it ("X % of the budget spent
    /// within a time").
    fn label(self) -> &'static str;

    /// The value whose key is `key`.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.key() == key)
    }
}

/// Implements [`Kind`] for a field-less enum from one table of
/// `Variant => ("key", "label")`, in the order a picker lists them.
macro_rules! kind {
    ($name:ty { $($variant:path => ($key:literal, $label:literal)),+ $(,)? }) => {
        impl $crate::model::kind::Kind for $name {
            const ALL: &'static [Self] = &[$($variant),+];

            fn key(self) -> &'static str {
                match self {
                    $($variant => $key),+
                }
            }

            fn label(self) -> &'static str {
                match self {
                    $($variant => $label),+
                }
            }
        }
    };
}

pub(crate) use kind;
