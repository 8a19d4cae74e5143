//! A problem found in a model: where it is (a field path), how serious, and
//! what is wrong. Every engine and every check reports these; they import
//! nothing of the crate.

use std::fmt;

use serde::Serialize;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// Blocks an agreed document and an import.
    Error,
    /// Informs; the document can still be agreed.
    Warning,
}

/// One problem, where it is, and how serious.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The field path: `services[1].slis[0].slos[2].target`.
    pub path: String,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, naming the bad value.
    pub message: String,
    /// What kind of problem it is, for code that acts on some kinds (the
    /// report, the diagram); `other` (left out of the JSON) for the rest.
    #[serde(default, skip_serializing_if = "ProblemCode::is_other")]
    pub code: ProblemCode,
}

/// The kinds of problem that code acts on; everything else is `Other`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ProblemCode {
    /// Any problem no code acts on.
    #[default]
    Other,
    /// Services depend on each other in a circle (no composite, no diagram).
    DependencyCycle,
    /// An SLO or SLA is above the availability its service can reach with
    /// its dependencies.
    AboveCeiling,
}

impl ProblemCode {
    /// Whether it is `Other`.
    pub fn is_other(&self) -> bool {
        *self == ProblemCode::Other
    }
}

impl fmt::Display for Problem {
    /// `services[1].slis[0].slos[2].target: 100 % leaves no error budget: ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Whether any problem is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

impl Problem {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            severity: Severity::Error,
            message: message.into(),
            code: ProblemCode::Other,
        }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            severity: Severity::Warning,
            message: message.into(),
            code: ProblemCode::Other,
        }
    }

    /// The same problem, of kind `code`.
    pub fn with_code(self, code: ProblemCode) -> Problem {
        Problem { code, ..self }
    }
}
