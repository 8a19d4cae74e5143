//! The SLO document: header and sections (ESF ch. 3; SRE Workbook Appendix A).

use serde::{Deserialize, Serialize};

use crate::model::kind::kind;

/// Where the document stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Being written; problems are allowed.
    #[default]
    Draft,
    /// Signed off; every error must be fixed first.
    Agreed,
    /// Replaced by a newer document.
    Superseded,
}

kind!(Status {
    Status::Draft => ("draft", "draft"),
    Status::Agreed => ("agreed", "agreed"),
    Status::Superseded => ("superseded", "superseded"),
});

/// The role an approver signs for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// Operations (SRE, on call).
    Operations,
    /// Development.
    Development,
    /// The product owner.
    ProductOwner,
}

kind!(Role {
    Role::Operations => ("operations", "operations"),
    Role::Development => ("development", "development"),
    Role::ProductOwner => ("productOwner", "product owner"),
});

/// Someone who approves the document, and for which role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Approver {
    /// Their name.
    pub name: String,
    /// The role they sign for.
    pub role: Role,
}

/// One entry of the change log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Change {
    /// ISO 8601 date.
    pub date: String,
    /// Who changed it.
    #[serde(default)]
    pub author: String,
    /// What changed.
    pub description: String,
}

/// The on-call agreement (ESF Table 3.4).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OnCallAgreement {
    /// Who is on call and how the rotation works.
    #[serde(default)]
    pub rotation: String,
    /// The hours covered ("24/7", "business hours CET").
    #[serde(default)]
    pub coverage: String,
    /// Time to acknowledge a page, in duration syntax ("5m").
    #[serde(default)]
    pub time_to_acknowledge: String,
    /// How and to whom pages escalate.
    #[serde(default)]
    pub escalation: String,
    /// How shifts are handed over.
    #[serde(default)]
    pub handover: String,
}

/// The SLO document's header and the sections people write.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DocumentInfo {
    /// Draft, agreed or superseded.
    #[serde(default)]
    pub status: Status,
    /// Who wrote it.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Who reviewed it.
    #[serde(default)]
    pub reviewers: Vec<String>,
    /// Who approved it, with their roles.
    #[serde(default)]
    pub approvers: Vec<Approver>,
    /// ISO 8601 date of approval.
    #[serde(default)]
    pub approval_date: String,
    /// ISO 8601 date of the next revisit; empty means one quarter after approval.
    #[serde(default)]
    pub revisit_date: String,
    /// The service overview section.
    #[serde(default)]
    pub service_overview: String,
    /// The rationale section.
    #[serde(default)]
    pub rationale: String,
    /// The error budget section (how the budget is used).
    #[serde(default)]
    pub error_budget: String,
    /// Clarifications and caveats.
    #[serde(default)]
    pub clarifications: String,
    /// The on-call agreement.
    #[serde(default)]
    pub on_call: OnCallAgreement,
    /// The change log, oldest first.
    #[serde(default)]
    pub change_log: Vec<Change>,
}
