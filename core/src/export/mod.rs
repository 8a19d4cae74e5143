//! Files a team commits, written from the model: OpenSLO ([`openslo`],
//! which is also read), Prometheus rules ([`prometheus`]) with their
//! `promtool` unit tests ([`promtool`]), and the names they derive from
//! what people typed ([`names`]). [`worker`] is how the web app's worker
//! is asked for them.

pub mod names;
pub mod openslo;
pub mod prometheus;
pub mod promtool;
pub mod worker;

/// An SLO an export leaves out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The SLO as "service / SLO name".
    pub title: String,
    /// Its path in the model.
    pub path: String,
    /// Why, in words.
    pub why: String,
}

/// Lines as a YAML comment: each line after `# `, control characters as spaces.
pub fn comment(lines: &[String]) -> String {
    lines
        .iter()
        .flat_map(|l| l.split(['\n', '\r']))
        .map(|l| {
            let clean: String = l
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            format!("# {}\n", clean.trim_end())
        })
        .collect()
}
