//! The document around the SLOs (SRE Workbook Appendix A): authors,
//! overview, rationale, on-call, approvers for every role once agreed, and
//! dates that read and follow each other.

use super::Checker;
use crate::model::document::{DocumentInfo, Role};
use crate::model::kind::Kind;
use crate::model::location::{ApproverAt, ChangeAt, DocumentAt, Locate};

pub(super) fn check_document(c: &mut Checker, document: &DocumentInfo) {
    c.needed(
        || DocumentAt.field("authors"),
        document.authors.iter().all(|a| a.trim().is_empty()),
        "an author",
    );
    c.text(
        || DocumentAt.field("serviceOverview"),
        &document.service_overview,
        "the service overview",
    );
    c.text(
        || DocumentAt.field("rationale"),
        &document.rationale,
        "the rationale",
    );
    c.text(
        || DocumentAt.field("errorBudget"),
        &document.error_budget,
        "the error budget section",
    );
    c.text(
        || DocumentAt.field("onCall.rotation"),
        &document.on_call.rotation,
        "the on-call rotation",
    );
    check_approvers(c, document);
    let approved = c.date(
        || DocumentAt.field("approvalDate"),
        &document.approval_date,
        "the approval date",
    );
    if !document.revisit_date.trim().is_empty() {
        let revisit = c.date(
            || DocumentAt.field("revisitDate"),
            &document.revisit_date,
            "the revisit date",
        );
        if let (Some(approved), Some(revisit)) = (approved, revisit) {
            if revisit <= approved {
                c.error(
                    || DocumentAt.field("revisitDate"),
                    format!("the revisit date {revisit} is not after the approval date {approved}"),
                );
            }
        }
    }
    for (i, change) in document.change_log.iter().enumerate() {
        c.date(
            || ChangeAt(DocumentAt, i).field("date"),
            &change.date,
            "the change's date",
        );
        if change.description.trim().is_empty() {
            c.error(
                || ChangeAt(DocumentAt, i).field("description"),
                "say what changed",
            );
        }
    }
}

/// Every approver named, and once agreed, one for every role.
fn check_approvers(c: &mut Checker, document: &DocumentInfo) {
    if c.agreed {
        for &role in Role::ALL {
            if !document
                .approvers
                .iter()
                .any(|a| a.role == role && !a.name.trim().is_empty())
            {
                c.error(
                    || DocumentAt.field("approvers"),
                    format!("an agreed document needs an approver for {}", role.label()),
                );
            }
        }
    }
    for (i, approver) in document.approvers.iter().enumerate() {
        if approver.name.trim().is_empty() {
            c.error(
                || ApproverAt(DocumentAt, i).field("name"),
                "the approver's name is empty",
            );
        }
    }
}
