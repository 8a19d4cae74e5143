//! The agreed SLO document and policy as one readable, printable page.

use leptos::prelude::*;
use slo_core::glossary::Term;
use slo_core::model::kind::Kind;
use slo_core::model::location::{Locate, ModelAt, ServiceAt};
use slo_core::model::policy::ErrorBudgetPolicy;
use slo_core::model::Model;
use slo_core::report::dependency_rows::{dependency_analysis, DependencyAnalysis};
use slo_core::report::document::{
    component_rows, condition_text, consequence_text, listed, next_review, or_dash,
    service_slo_rows,
};
use slo_core::validate::revisit_date;

use crate::browser::IntlZones;
use crate::glossary::Word;
use crate::workshop::later::first_frame_shown;
use crate::workshop::state::Workshop;
use crate::workshop::views::document_analysis::analysis_section;
use crate::workshop::views::document_session::session_section;

/// The components (services with no users of their own): kind, their own
/// availability as typed, what they can promise with their dependencies
/// (rounded down to 4 places), and what they depend on.
fn component_table(model: &Model) -> Option<impl IntoView> {
    let rows = component_rows(model);
    if rows.is_empty() {
        return None;
    }
    let rows = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr><td>{r.name}</td><td>{r.kind}</td><td class="num">{r.own_availability}</td>
                    <td class="num">{r.with_dependencies}</td><td>{r.depends_on}</td></tr>
            }
        })
        .collect_view();
    Some(view! {
        <h3>"Components"</h3>
        <div class="table-scroll">
            <table id="doc-components">
                <thead><tr>
                    <th scope="col">"Component"</th><th scope="col">"Kind"</th><th scope="col" class="num">"Own availability"</th>
                    <th scope="col" class="num">"With dependencies (rounded down)"</th><th scope="col">"Depends on"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
}

/// One service's rows of the SLI/SLO table, with each SLO's computed
/// budget, as HTML with every text escaped: the browser parses 400 rows in
/// a few milliseconds, where building them node by node took 150.
fn slo_rows_html(model: &Model, at: ServiceAt, analysis: &DependencyAnalysis) -> String {
    let text = |t: &str| html_escape::encode_text(t).into_owned();
    service_slo_rows(model, at, &IntlZones)
        .iter()
        .map(|r| {
            let mark = analysis.ceiling_of(&r.path).map_or(String::new(), |above| {
                format!(
                    "<br><span class=\"warning above-ceiling\">{}</span>",
                    text(&above.mark())
                )
            });
            [
                format!("<tr><td>{} / {}</td>", text(&r.service), text(&r.journey)),
                format!(
                    "<td>{}<br><span class=\"hint\">{}</span></td>",
                    text(&r.sli),
                    text(&r.sli_kind)
                ),
                format!(
                    "<td>good: {}<br>valid: {}</td>",
                    text(&r.good_events),
                    text(&r.valid_events)
                ),
                format!(
                    "<td class=\"num strong\">{} %{mark}</td>",
                    text(&r.target_percent)
                ),
                match r.zone_matters() {
                    true => format!(
                        "<td>{}<br><span class=\"hint\">time zone: {}</span></td>",
                        text(&r.window),
                        text(&r.time_zone)
                    ),
                    false => format!("<td>{}</td>", text(&r.window)),
                },
                format!("<td class=\"num\">{}</td>", text(&r.allowed_downtime)),
                format!("<td class=\"num\">{}</td>", text(&r.allowed_bad_events)),
                format!("<td class=\"num\">{}</td></tr>", text(&r.sla)),
            ]
            .concat()
        })
        .collect()
}

/// How many services' rows the document shows in the page's first frame;
/// the others follow in the next (a 50-service model has 400 SLO rows, and
/// the page should open before they are all laid out).
const FIRST_SERVICES: usize = 3;

/// The SLI/SLO table's bodies, one per service: each re-renders when its
/// service is edited, not on every change of the model. The table is
/// `aria-busy` until every service's rows are in.
#[component]
fn SloTable(analysis: Memo<DependencyAnalysis>) -> impl IntoView {
    let workshop = Workshop::from_context();
    let count = Memo::new(move |_| workshop.structure(|m| m.services.len()));
    let all = first_frame_shown(count.get_untracked() <= FIRST_SERVICES);
    let bodies = move |range: std::ops::Range<usize>| {
        range
            .map(|i| {
                let at = ServiceAt(ModelAt, i);
                let section = workshop.section(&at.path());
                // This service's marks only: its rows re-render when they change.
                let prefix = format!("{}.", at.path());
                let marks = Memo::new(move |_| {
                    analysis.with(|a| DependencyAnalysis {
                        above_ceiling: a.above_ceiling.iter().filter(|c| c.path.starts_with(&prefix)).cloned().collect(),
                        ..DependencyAnalysis::default()
                    })
                });
                view! { <tbody inner_html=move || marks.with(|a| section.with(|m| slo_rows_html(m, at, a)))></tbody> }
            })
            .collect_view()
    };
    view! {
        <table id="doc-slos" aria-busy=move || (!all.get()).then_some("true")>
            <thead><tr>
                <th scope="col">"Service / journey"</th><th scope="col"><Word term=Term::Sli /></th><th scope="col">"Events"</th>
                <th scope="col" class="num"><Word term=Term::Slo /></th><th scope="col"><Word term=Term::CompliancePeriod text="Window" /></th>
                <th scope="col" class="num"><Word term=Term::BadTime text="Allowed bad time" /></th><th scope="col" class="num">"Allowed bad events"</th><th scope="col" class="num"><Word term=Term::Sla /></th>
            </tr></thead>
            {move || bodies(0..count.get().min(FIRST_SERVICES))}
            {move || all.get().then(|| bodies(FIRST_SERVICES..count.get().max(FIRST_SERVICES)))}
        </table>
    }
}

/// Reads the part of the model at `path` (`document`, `policy`, `team`),
/// re-rendering `part` when that part changes.
fn part<V: IntoView + 'static>(
    path: &str,
    part: impl Fn(&Model) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let section = Workshop::from_context().section(path);
    move || section.with(&part)
}

/// The document's title and header table.
fn header(m: &Model) -> impl IntoView {
    let d = &m.document;
    let approvers = d
        .approvers
        .iter()
        .map(|a| format!("{} ({})", a.name, a.role.label()))
        .collect::<Vec<_>>();
    let revisit = revisit_date(d)
        .map(|r| r.to_string())
        .unwrap_or_else(|| "—".into());
    view! {
        <table class="doc-header">
            <tbody>
                <tr><th scope="row">"Status"</th><td id="doc-status">{d.status.label()}</td></tr>
                <tr><th scope="row">"Authors"</th><td>{listed(&d.authors)}</td></tr>
                <tr><th scope="row">"Reviewers"</th><td>{listed(&d.reviewers)}</td></tr>
                <tr><th scope="row">"Approvers"</th><td id="doc-approvers">{listed(&approvers)}</td></tr>
                <tr><th scope="row">"Approval date"</th><td>{or_dash(&d.approval_date)}</td></tr>
                <tr><th scope="row">"Next review of the SLOs"</th><td>{revisit}</td></tr>
            </tbody>
        </table>
        <h3>"Service overview"</h3>
        <p class="prose">{or_dash(&d.service_overview)}</p>
    }
}

/// The document's sections after the policy: caveats, on-call and the change log.
fn closing(m: &Model) -> impl IntoView {
    let d = &m.document;
    let changes = d.change_log.iter().map(|c| view! { <tr><td>{c.date.clone()}</td><td>{c.author.clone()}</td><td>{c.description.clone()}</td></tr> }).collect_view();
    view! {
        <h3>"Clarifications and caveats"</h3>
        <p class="prose">{or_dash(&d.clarifications)}</p>
        <h3>"On-call agreement"</h3>
        <dl class="policy">
            <dt>"Rotation"</dt><dd>{or_dash(&d.on_call.rotation)}</dd>
            <dt>"Coverage"</dt><dd>{or_dash(&d.on_call.coverage)}</dd>
            <dt>"Time to acknowledge"</dt><dd>{or_dash(&d.on_call.time_to_acknowledge)}</dd>
            <dt>"Escalation"</dt><dd>{or_dash(&d.on_call.escalation)}</dd>
            <dt>"Handover"</dt><dd>{or_dash(&d.on_call.handover)}</dd>
        </dl>
        <h3>"Change log"</h3>
        <table><thead><tr><th scope="col">"Date"</th><th scope="col">"Author"</th><th scope="col">"Change"</th></tr></thead><tbody>{changes}</tbody></table>
    }
}

/// Each SLO's rationale as `<li>`s, every text escaped (one piece of HTML:
/// a 400-SLO model's list is not made element by element).
fn slo_rationales_html(model: &slo_core::Model) -> String {
    let escaped = |text: &str| {
        text.lines()
            .map(|line| html_escape::encode_text(line).into_owned())
            .collect::<Vec<_>>()
            .join("<br>")
    };
    slo_core::report::document::slo_rationales(model)
        .iter()
        .map(|(slo, why)| {
            format!(
                "<li><strong>{}</strong>: {}</li>",
                escaped(slo),
                escaped(why)
            )
        })
        .collect()
}

/// The whole document, rendered from the model; each part re-renders when
/// what it shows changes (typing in the document's header re-renders the
/// header, not 400 SLO rows).
#[component]
pub fn DocumentView() -> impl IntoView {
    let workshop = Workshop::from_context();
    // The dependency analysis depends on every service, and on nothing
    // else: re-read when any service changes, not at a key press in the
    // document's own fields.
    let services = workshop.section("services");
    let analysis = Memo::new(move |_| services.with(dependency_analysis));
    let shares_open = RwSignal::new(false);
    view! {
        <article class="document card" id="document" aria-label="SLO document">
            <h2 class="doc-title">{part("team", |m| format!("SLO document: {}", or_dash(&m.team.name)))}</h2>
            {part("document", header)}
            <h3>"SLIs and SLOs"</h3>
            <div class="table-scroll">
                <SloTable analysis />
            </div>
            // Composites depend on every service: re-read on any change.
            {move || workshop.model.with(component_table)}
            {move || analysis.with(|a| analysis_section(a, shares_open))}
            {part("document", |m| view! {
                <h3>"Rationale"</h3>
                <p class="prose">{or_dash(&m.document.rationale)}</p>
            })}
            // Each SLO's own rationale (a row chosen on the Trade-offs page leaves its figures there).
            <ul class="prose" id="slo-rationales" inner_html=move || workshop.model.with(slo_rationales_html)></ul>
            {part("document", |m| view! {
                <h3>"Error budget"</h3>
                <p class="prose">{or_dash(&m.document.error_budget)}</p>
            })}
            <h3>"Error budget policy"</h3>
            {part("policy", |m| policy_section(&m.policy))}
            {part("document", closing)}
            {part("session", session_section)}
        </article>
    }
}

/// The error budget policy's seven parts and its clauses, as the document prints them.
fn policy_section(p: &ErrorBudgetPolicy) -> impl IntoView {
    let conditions = p
        .conditions
        .iter()
        .map(|c| {
            view! { <li><strong>{c.id.clone()}</strong>": "{condition_text(c)}</li> }
        })
        .collect_view();
    let consequences = p
        .consequences
        .iter()
        .map(|c| {
            view! { <li><strong>{c.id.clone()}</strong>": "{consequence_text(c)}</li> }
        })
        .collect_view();
    let clauses = p.clauses.iter().map(|c| {
        view! { <tr><td>{c.condition.clone()}</td><td>{c.consequences.join(", ")}</td><td>{c.runbook.clone()}</td><td>{c.traceability.clone()}</td></tr> }
    }).collect_view();
    let review = next_review(p);
    view! {
        <dl class="policy">
            <dt>"Scope"</dt><dd>{or_dash(&p.scope)}</dd>
            <dt>"Purpose"</dt><dd>{or_dash(&p.purpose)}</dd>
            <dt>"Conditions"</dt><dd><ul>{conditions}</ul></dd>
            <dt>"Consequences"</dt><dd><ul>{consequences}</ul></dd>
            <dt>"Escalation policy"</dt><dd>{or_dash(&p.escalation_policy)}</dd>
            <dt>"Agreed by"</dt><dd>{listed(&p.agreed_by)}</dd>
            <dt>"Next review of this policy"</dt><dd>{review}</dd>
        </dl>
        <table id="doc-clauses">
            <thead><tr><th scope="col">"When"</th><th scope="col">"Then"</th><th scope="col">"Runbook"</th><th scope="col">"Traced by"</th></tr></thead>
            <tbody>{clauses}</tbody>
        </table>
    }
}
