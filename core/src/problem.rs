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
    /// Why it matters, with its source ("Establishing SRE Foundations,
    /// ch. 6: ..."), for a "why" disclosure: the message itself stays plain.
    /// Empty (left out of the JSON) for most problems.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
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

/// Puts errors before warnings, keeping each one's order otherwise (a
/// stable sort).
///
/// ```
/// use slo_core::problem::{errors_first, Problem, Severity};
/// let mut problems = vec![Problem::warning("a", "w"), Problem::error("b", "e")];
/// errors_first(&mut problems);
/// assert_eq!(problems[0].severity, Severity::Error);
/// ```
pub fn errors_first(problems: &mut [Problem]) {
    problems.sort_by_key(|p| p.severity);
}

impl Problem {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            severity: Severity::Error,
            message: message.into(),
            code: ProblemCode::Other,
            why: String::new(),
        }
    }

    /// The problem with why it matters and its source (see [`Problem::why`]).
    pub fn because(self, why: impl Into<String>) -> Problem {
        Problem {
            why: why.into(),
            ..self
        }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            severity: Severity::Warning,
            message: message.into(),
            code: ProblemCode::Other,
            why: String::new(),
        }
    }

    /// The same problem, of kind `code`.
    pub fn with_code(self, code: ProblemCode) -> Problem {
        Problem { code, ..self }
    }
}

/// The path of `field` under `parent`: `join("services[0]", "name")` is
/// `services[0].name`, and under the model's root (`""`) the field alone.
/// With [`item`], the one place field paths are put together (typed
/// locations in [`crate::model::location`] and every reader use them).
pub fn join(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_string()
    } else {
        format!("{parent}.{field}")
    }
}

/// The path of the `index`-th item of `list` under `parent`:
/// `item("policy", "clauses", 2)` is `policy.clauses[2]`.
pub fn item(parent: &str, list: &str, index: usize) -> String {
    join(parent, &format!("{list}[{index}]"))
}

/// Gathers problems while a model is checked or read: every check, engine
/// and reader reports through one, so a problem is always built the same way.
#[derive(Debug, Default)]
pub struct Collector {
    problems: Vec<Problem>,
}

impl Collector {
    /// An empty collector.
    pub fn new() -> Collector {
        Collector::default()
    }

    /// Records an error at `path`.
    pub fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::error(path, message));
    }

    /// Records a warning at `path`.
    pub fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::warning(path, message));
    }

    /// Records a problem built elsewhere (one with a [`ProblemCode`]).
    pub fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    /// Records problems found by a reader of one item, whose paths are
    /// relative to it (`longWindow`), under the item's path (`alertRules[0]`).
    pub fn under(&mut self, parent: &str, problems: Vec<Problem>) {
        self.problems.extend(problems.into_iter().map(|p| Problem {
            path: join(parent, &p.path),
            ..p
        }));
    }

    /// The value of a read, or `None` with its message recorded as an error at `path`.
    pub fn take<T>(&mut self, path: impl Into<String>, read: Result<T, String>) -> Option<T> {
        read.map_err(|message| self.error(path, message)).ok()
    }

    /// Whether a problem was recorded at `path`.
    pub fn has_problem_at(&self, path: &str) -> bool {
        self.problems.iter().any(|p| p.path == path)
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// `value` when nothing was recorded, every problem otherwise.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }

    /// Everything recorded, in order.
    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }
}
