//! The SLO document and its error budget policy as Markdown (CommonMark with
//! GitHub's tables), for a wiki or a pull request: the shape of the SRE
//! Workbook's Appendix A (example SLO document) and Appendix B (example
//! error budget policy). It carries the facts the Document page shows
//! ([`super::document`]), and the alert table as well.
//!
//! No text from the model can break the Markdown: every character that
//! could start markup is escaped ([`inline`]), HTML's `<`, `>` and `&` are
//! written as entities, and a table cell holds its line breaks as `<br>`.

use crate::alerting::ROUNDING_RULE;
use crate::budget::RoundingRule;
use crate::model::kind::Kind;
use crate::model::policy::ErrorBudgetPolicy;
use crate::model::Model;
use crate::quantity::zone::ZoneResolver;
use crate::validate::revisit_date;

use super::dependency_rows::{dependency_analysis, DependencyAnalysis};
use super::document::{
    alert_rows, component_rows, condition_text, consequence_text, listed, next_review, or_dash,
    slo_rows, DASH,
};

/// `text` as Markdown that shows exactly `text` on one line: backslash
/// before every character that could start markup (`\`, `` ` ``, `*`, `_`,
/// `[`, `]`, `|`, `~`, `#`, `!`, `$`), `<`, `>` and `&` as entities, a line
/// break as `<br>` (so it also fits a table cell), and a leading list or
/// heading marker (`-`, `+`, `=`, `1.`) escaped.
///
/// ```
/// use slo_core::report::markdown::inline;
/// assert_eq!(inline("a | b"), r"a \| b");
/// assert_eq!(inline("# <b>x</b>"), r"\# &lt;b&gt;x&lt;/b&gt;");
/// assert_eq!(inline("1. first\n- second"), r"1\. first<br>\- second");
/// assert_eq!(inline("99.95 %"), "99.95 %");
/// ```
pub fn inline(text: &str) -> String {
    escaped_lines(text, "<br>")
}

/// `text`'s lines, each escaped ([`escape_line`], leading blanks dropped),
/// joined by `between`.
fn escaped_lines(text: &str, between: &str) -> String {
    text.lines()
        .map(|line| escape_line(line.trim_start()))
        .collect::<Vec<_>>()
        .join(between)
}

/// One line of text, escaped ([`inline`]).
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    // An ordered list's marker: 1 to 9 digits, "." or ")", then a space
    // or the line's end ("99.95" is not one).
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let mut after = line[digits..].chars();
    let list_marker = (1..=9).contains(&digits)
        && matches!(after.next(), Some('.' | ')'))
        && matches!(after.next(), None | Some(' ' | '\t'));
    for (i, c) in line.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if list_marker && i == digits => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A paragraph: the text escaped line by line ([`inline`]), or `—`.
fn paragraph(text: &str) -> String {
    if text.trim().is_empty() {
        return DASH.into();
    }
    escaped_lines(text.trim(), "\n")
}

/// A table: a header row, its alignment row (`right` marks numeric
/// columns), then the rows; every cell escaped.
pub(super) fn table(out: &mut String, header: &[&str], right: &[usize], rows: &[Vec<String>]) {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(header.iter().map(|h| inline(h)).collect()));
    out.push_str(&line(
        (0..header.len())
            .map(|i| if right.contains(&i) { "---:" } else { "---" }.to_string())
            .collect(),
    ));
    for row in rows {
        out.push_str(&line(row.iter().map(|c| inline(c)).collect()));
    }
    out.push('\n');
}

/// A heading of `level` with (escaped) `title`.
pub(super) fn heading(out: &mut String, level: usize, title: &str) {
    out.push_str(&format!("{} {}\n\n", "#".repeat(level), inline(title)));
}

/// A heading and a paragraph under it.
fn section(out: &mut String, title: &str, text: &str) {
    heading(out, 2, title);
    out.push_str(&paragraph(text));
    out.push_str("\n\n");
}

/// The SLO document and the error budget policy of `model` as Markdown:
/// the header (status, authors, reviewers, approvers, dates), the service
/// overview, every SLO with its budget in time and events (and the rounding
/// rules), the components, the rationale and error budget, the alert table
/// (each rule rescaled to each SLO's period), the policy's seven parts and
/// its clauses, caveats, the on-call agreement, the change log and the
/// approvals.
///
/// ```
/// use slo_core::{examples, quantity::zone::UtcOnly, report::markdown::document_markdown};
/// let text = document_markdown(&examples::workbook_api(), &UtcOnly);
/// assert!(text.starts_with("# SLO document: "));
/// assert!(text.contains("| 109,897 |"), "{text}");
/// ```
pub fn document_markdown(model: &Model, zones: &dyn ZoneResolver) -> String {
    let mut out = String::new();
    let d = &model.document;
    heading(
        &mut out,
        1,
        &format!("SLO document: {}", or_dash(&model.team.name)),
    );
    let approvers: Vec<String> = d
        .approvers
        .iter()
        .map(|a| format!("{} ({})", a.name, a.role.label()))
        .collect();
    let revisit = revisit_date(d).map_or(DASH.to_string(), |r| r.to_string());
    let header = [
        ("Status", d.status.label().to_string()),
        ("Authors", listed(&d.authors)),
        ("Reviewers", listed(&d.reviewers)),
        ("Approvers", listed(&approvers)),
        ("Approval date", or_dash(&d.approval_date)),
        ("Next review of the SLOs", revisit),
    ];
    let rows: Vec<Vec<String>> = header
        .into_iter()
        .map(|(k, v)| vec![k.to_string(), v])
        .collect();
    table(&mut out, &["Field", "Value"], &[], &rows);
    section(&mut out, "Service overview", &d.service_overview);
    let analysis = dependency_analysis(model);
    slos(&mut out, model, zones, &analysis);
    components(&mut out, model);
    super::markdown_analysis::dependencies(&mut out, &analysis);
    section(&mut out, "Rationale", &d.rationale);
    for (slo, why) in crate::report::document::slo_rationales(model) {
        out.push_str(&format!("- **{}**: {}\n", inline(&slo), inline(&why)));
    }
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    section(&mut out, "Error budget", &d.error_budget);
    alerts(&mut out, model, zones);
    policy(&mut out, &model.policy);
    closing(&mut out, model);
    super::markdown_session::workshop(&mut out, model);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The SLI/SLO table and its rounding rules.
fn slos(out: &mut String, model: &Model, zones: &dyn ZoneResolver, analysis: &DependencyAnalysis) {
    heading(out, 2, "SLIs and SLOs");
    let rows: Vec<Vec<String>> = slo_rows(model, zones)
        .into_iter()
        .map(|r| {
            vec![
                format!("{} / {}", r.service, r.journey),
                format!("{} ({})", r.sli, r.sli_kind),
                format!("good: {}\nvalid: {}", r.good_events, r.valid_events),
                match analysis.ceiling_of(&r.path) {
                    Some(above) => format!("{} % ({})", r.target_percent, above.mark()),
                    None => format!("{} %", r.target_percent),
                },
                match r.zone_matters() {
                    true => format!("{} (time zone: {})", r.window, r.time_zone),
                    false => r.window.clone(),
                },
                r.allowed_downtime,
                r.allowed_bad_events,
                r.sla,
            ]
        })
        .collect();
    table(
        out,
        &[
            "Service / journey",
            "SLI",
            "Events",
            "SLO",
            "Window",
            "Allowed bad time (downtime)",
            "Allowed bad events",
            "SLA",
        ],
        &[3, 5, 6],
        &rows,
    );
    for rule in [RoundingRule::Downtime, RoundingRule::Events] {
        out.push_str(&format!("- {}\n", inline(rule.describe())));
    }
    out.push('\n');
}

/// The components' table, when the model has components.
fn components(out: &mut String, model: &Model) {
    let rows: Vec<Vec<String>> = component_rows(model)
        .into_iter()
        .map(|r| {
            vec![
                r.name,
                r.kind,
                r.own_availability,
                r.with_dependencies,
                r.depends_on,
            ]
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    heading(out, 2, "Components");
    table(
        out,
        &[
            "Component",
            "Kind",
            "Own availability",
            "With dependencies (rounded down)",
            "Depends on",
        ],
        &[2, 3],
        &rows,
    );
}

/// The alert table: each rule for each SLO.
fn alerts(out: &mut String, model: &Model, zones: &dyn ZoneResolver) {
    heading(out, 2, "Alerting");
    out.push_str(&paragraph(&format!(
        "Multi-window, multi-burn-rate alerts (SRE Workbook ch. 5), each rule rescaled to its SLO's period. Rounding: {ROUNDING_RULE}."
    )));
    out.push_str("\n\n");
    let rows: Vec<Vec<String>> = alert_rows(model, zones)
        .into_iter()
        .map(|r| {
            vec![
                r.slo,
                r.rule,
                r.notify,
                r.windows,
                r.burn_rate,
                r.error_ratio,
                r.budget_consumed,
                r.detection_full_outage,
            ]
        })
        .collect();
    if rows.is_empty() {
        out.push_str("No alert rules.\n\n");
        return;
    }
    table(
        out,
        &[
            "SLO",
            "Rule",
            "Notify",
            "Windows",
            "Burn rate",
            "Error ratio",
            "Budget consumed",
            "Detects a full outage after",
        ],
        &[4, 5, 6, 7],
        &rows,
    );
}

/// The error budget policy: its seven parts and its clauses (Appendix B).
fn policy(out: &mut String, p: &ErrorBudgetPolicy) {
    heading(out, 1, "Error budget policy");
    section(out, "Scope", &p.scope);
    section(out, "Purpose", &p.purpose);
    heading(out, 2, "Conditions");
    list(
        out,
        p.conditions
            .iter()
            .map(|c| (c.id.as_str(), condition_text(c))),
    );
    heading(out, 2, "Consequences");
    list(
        out,
        p.consequences
            .iter()
            .map(|c| (c.id.as_str(), consequence_text(c))),
    );
    section(out, "Escalation policy", &p.escalation_policy);
    section(out, "Agreed by", &listed(&p.agreed_by));
    let review = next_review(p);
    section(out, "Next review of this policy", &review);
    heading(out, 2, "Clauses");
    let rows: Vec<Vec<String>> = p
        .clauses
        .iter()
        .map(|c| {
            vec![
                c.condition.clone(),
                listed(&c.consequences),
                or_dash(&c.runbook),
                or_dash(&c.traceability),
            ]
        })
        .collect();
    table(out, &["When", "Then", "Runbook", "Traced by"], &[], &rows);
}

/// A bulleted list of `**id**: text`, or `—` when empty.
fn list<'a>(out: &mut String, items: impl Iterator<Item = (&'a str, String)>) {
    let mut any = false;
    for (id, text) in items {
        any = true;
        out.push_str(&format!("- **{}**: {}\n", inline(id), inline(&text)));
    }
    if !any {
        out.push_str(DASH);
        out.push('\n');
    }
    out.push('\n');
}

/// Caveats, the on-call agreement, the change log and the approvals.
fn closing(out: &mut String, model: &Model) {
    let d = &model.document;
    section(out, "Clarifications and caveats", &d.clarifications);
    heading(out, 2, "On-call agreement");
    let on_call = [
        ("Rotation", &d.on_call.rotation),
        ("Coverage", &d.on_call.coverage),
        ("Time to acknowledge", &d.on_call.time_to_acknowledge),
        ("Escalation", &d.on_call.escalation),
        ("Handover", &d.on_call.handover),
    ];
    let rows: Vec<Vec<String>> = on_call
        .into_iter()
        .map(|(k, v)| vec![k.to_string(), or_dash(v)])
        .collect();
    table(out, &["Field", "Agreement"], &[], &rows);
    heading(out, 2, "Change log");
    let rows: Vec<Vec<String>> = d
        .change_log
        .iter()
        .map(|c| vec![c.date.clone(), c.author.clone(), c.description.clone()])
        .collect();
    table(out, &["Date", "Author", "Change"], &[], &rows);
    heading(out, 2, "Approvals");
    let rows: Vec<Vec<String>> = d
        .approvers
        .iter()
        .map(|a| vec![a.name.clone(), a.role.label().to_string()])
        .collect();
    table(out, &["Approver", "Role"], &[], &rows);
    out.push_str(&format!(
        "Approval date: {}\n",
        inline(&or_dash(&d.approval_date))
    ));
}
