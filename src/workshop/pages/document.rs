//! The Document page: the SLO document's header and sections, the agreed
//! document rendered for reading and printing, and export, import and share.

use leptos::prelude::*;
use slo_core::model::document::{Approver, Change, DocumentInfo, Role};
use slo_core::model::kind::Kind;
use slo_core::problem::Severity;

use crate::workshop::inputs::{Choice, FieldProblems, Lines, Text};
use crate::workshop::rows::{edit_button, remove_button, rows};
use crate::workshop::state::Workshop;
use crate::workshop::views::document_view::DocumentView;
use crate::workshop::views::file_actions::FileActions;
use crate::workshop::views::problem_list::ProblemItems;
use slo_core::model::location::{ApproverAt, ChangeAt, DocumentAt};

/// Above this many problems the list scrolls in a box of its own.
const LONG_PROBLEM_LIST: usize = 40;

/// Every problem of the model, errors first, each by the names of its place.
#[component]
fn ProblemList() -> impl IntoView {
    let workshop = Workshop::from_context();
    let summary = move || {
        workshop.problems.with(|p| {
            let errors = p.iter().filter(|p| p.severity == Severity::Error).count();
            format!("{errors} error(s), {} warning(s)", p.len() - errors)
        })
    };
    // A long list scrolls in its own box, and says so.
    let long = Memo::new(move |_| workshop.problems.with(|p| p.len() > LONG_PROBLEM_LIST));
    view! {
        <section class="card no-print" aria-labelledby="problems-title">
            <h2 id="problems-title">"Problems: " <span id="problem-summary">{summary}</span></h2>
            <p class="hint">"Errors must be fixed before the document can be marked agreed (it stays a draft until then); an import opens a model with errors and shows them at their fields. Warnings name what is missing or looks wrong, and do not stop the work; those that say an agreed document needs something become errors when it is marked agreed."</p>
            <ul class="problem-list" class:long=long id="problem-list"><ProblemItems problems=workshop.problems /></ul>
            <Show when=move || long.get()>
                <p class="hint" id="problem-list-scrolls">{move || format!("The {} problems scroll inside the box above.", workshop.problems.with(Vec::len))}</p>
            </Show>
        </section>
    }
}

/// Why the document is not agreed: the errors that remained when someone
/// chose "agreed" (or edited an agreed document), by name and path.
#[component]
fn AgreementRefused() -> impl IntoView {
    let workshop = Workshop::from_context();
    move || {
        workshop.agreement_refused.with(|errors| {
            (!errors.is_empty()).then(|| {
                view! {
                    <div class="problems" id="agreement-refused" role="alert">
                        <p class="error">{format!("Not agreed: an agreed document has no errors, and {} remain. It stays a draft:", errors.len())}</p>
                        <ul class="problem-list"><ProblemItems problems=workshop.agreement_refused /></ul>
                    </div>
                }
            })
        })
    }
}

/// The document header and sections editor.
#[component]
fn HeaderEditor() -> impl IntoView {
    let at = DocumentAt;
    view! {
        <section class="card no-print">
            <h2>"Header"</h2>
            <div class="cols">
                <div>
                    <Choice at field="status" label="Status" get=|d: &DocumentInfo| d.status set=|d: &mut DocumentInfo, s| d.status = s />
                    <AgreementRefused />
                </div>
                <Text at field="approvalDate" label="Approval date (YYYY-MM-DD)" placeholder="2025-01-06" get=|d: &DocumentInfo| &d.approval_date set=|d: &mut DocumentInfo| &mut d.approval_date />
                <Text at field="revisitDate" label="Next review of the SLOs (empty: a quarter after approval)" get=|d: &DocumentInfo| &d.revisit_date set=|d: &mut DocumentInfo| &mut d.revisit_date />
            </div>
            <div class="cols">
                <Lines at field="authors" label="Authors" get=|d: &DocumentInfo| &d.authors set=|d: &mut DocumentInfo| &mut d.authors />
                <Lines at field="reviewers" label="Reviewers" get=|d: &DocumentInfo| &d.reviewers set=|d: &mut DocumentInfo| &mut d.reviewers />
            </div>
            <h3>"Approvers"</h3>
            <FieldProblems path="document.approvers".to_string() />
            {rows(|m| m.document.approvers.len(), |i| {
                let at = ApproverAt(DocumentAt, i);
                view! {
                    <div class="cols item-row">
                        <Text at field="name" label="Approver" get=|a: &Approver| &a.name set=|a: &mut Approver| &mut a.name />
                        <Choice at field="role" label="Signs for" get=|a: &Approver| a.role set=|a: &mut Approver, r| a.role = r />
                        {remove_button("Remove", at)}
                    </div>
                }
            })}
            {edit_button("Add an approver".into(), "", |m| {
                let role = Role::ALL.iter().copied().find(|r| !m.document.approvers.iter().any(|a| a.role == *r)).unwrap_or(Role::Operations);
                m.document.approvers.push(Approver { name: String::new(), role });
            })}
        </section>
        <section class="card no-print">
            <h2>"Sections"</h2>
            <Text at field="serviceOverview" label="Service overview" multiline=true get=|d: &DocumentInfo| &d.service_overview set=|d: &mut DocumentInfo| &mut d.service_overview />
            <Text at field="rationale" label="Rationale" multiline=true get=|d: &DocumentInfo| &d.rationale set=|d: &mut DocumentInfo| &mut d.rationale />
            <Text at field="errorBudget" label="Error budget" multiline=true get=|d: &DocumentInfo| &d.error_budget set=|d: &mut DocumentInfo| &mut d.error_budget />
            <Text at field="clarifications" label="Clarifications and caveats" multiline=true get=|d: &DocumentInfo| &d.clarifications set=|d: &mut DocumentInfo| &mut d.clarifications />
            <h3>"On-call agreement"</h3>
            <div class="cols">
                <Text at field="onCall.rotation" label="Rotation" multiline=true get=|d: &DocumentInfo| &d.on_call.rotation set=|d: &mut DocumentInfo| &mut d.on_call.rotation />
                <Text at field="onCall.coverage" label="Coverage" placeholder="24/7" get=|d: &DocumentInfo| &d.on_call.coverage set=|d: &mut DocumentInfo| &mut d.on_call.coverage />
                <Text at field="onCall.timeToAcknowledge" label="Time to acknowledge" placeholder="5m" get=|d: &DocumentInfo| &d.on_call.time_to_acknowledge set=|d: &mut DocumentInfo| &mut d.on_call.time_to_acknowledge />
                <Text at field="onCall.escalation" label="Escalation" multiline=true get=|d: &DocumentInfo| &d.on_call.escalation set=|d: &mut DocumentInfo| &mut d.on_call.escalation />
                <Text at field="onCall.handover" label="Handover" multiline=true get=|d: &DocumentInfo| &d.on_call.handover set=|d: &mut DocumentInfo| &mut d.on_call.handover />
            </div>
            <h3>"Change log"</h3>
            {rows(|m| m.document.change_log.len(), |i| {
                let at = ChangeAt(DocumentAt, i);
                view! {
                    <div class="cols item-row">
                        <Text at field="date" label="Date" placeholder="2025-01-06" get=|c: &Change| &c.date set=|c: &mut Change| &mut c.date />
                        <Text at field="author" label="Author" get=|c: &Change| &c.author set=|c: &mut Change| &mut c.author />
                        <Text at field="description" label="Change" get=|c: &Change| &c.description set=|c: &mut Change| &mut c.description />
                        {remove_button("Remove", at)}
                    </div>
                }
            })}
            {edit_button("Add a change".into(), "", |m| m.document.change_log.push(Change::default()))}
        </section>
    }
}

/// The Document page.
#[component]
pub fn DocumentPage() -> impl IntoView {
    view! {
        <h1 class="page-title no-print">"SLO document"</h1>
        <FileActions />
        <ProblemList />
        <DocumentView />
        <HeaderEditor />
    }
}
