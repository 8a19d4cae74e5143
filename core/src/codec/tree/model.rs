//! The tables of the model's JSON: every struct's fields and every tagged
//! enum's variants with their keys, in the order serde writes them. A key
//! or order that differs from the serde attributes on the model fails the
//! proptest that compares this writer with serde's.

use super::{tree_kinds, tree_struct, tree_tagged};
use crate::model::alert_rule::{AlertRuleSpec, Notify, ThresholdSpec};
use crate::model::document::{Approver, Change, DocumentInfo, OnCallAgreement, Role, Status};
use crate::model::history::SloHistory;
use crate::model::policy::{
    Activity, Clause, Condition, ConditionKind, Consequence, ConsequenceKind, ErrorBudgetPolicy,
    Execution, NextReview, PolicyExtras, SpendScope, StoppedActivity, Trigger,
};
use crate::model::scenario::{
    EventKind, IncidentSeverity, RiskModel, Scenario, ScenarioEvent, TrafficProfile,
};
use crate::model::session::{
    Decision, Hypothesis, OpenQuestion, Participant, ParticipantRole, Session,
};
use crate::model::{
    Comparison, Counts, Coupling, Dependency, DependencySource, EventsPer, Journey, JourneyKind,
    LatencyThreshold, Measurement, Model, Priority, Service, ServiceKind, Sli, SliKind, SliQueries,
    Slo, Team, Traffic,
};

tree_kinds!(
    ServiceKind,
    JourneyKind,
    SliKind,
    Comparison,
    Counts,
    Measurement,
    EventsPer,
    Priority,
    Notify,
    Status,
    Role,
    ParticipantRole,
    Trigger,
    SpendScope,
    Execution,
    StoppedActivity,
);

tree_struct!(Model {
    schema_version: "schemaVersion",
    team: "team",
    services: "services",
    policy: "policy",
    document: "document",
    alert_rules: "alertRules" optional,
    session: "session" optional,
});

tree_struct!(Session {
    participants: "participants" optional,
    done: "done" optional,
    questions: "questions" optional,
    decisions: "decisions" optional,
});

tree_struct!(Participant {
    name: "name",
    role: "role",
});

tree_struct!(OpenQuestion {
    question: "question",
    owner: "owner",
    step: "step" optional,
    answered: "answered" optional,
});

tree_struct!(Decision {
    date: "date",
    what: "what",
    why: "why",
});

tree_struct!(Hypothesis {
    believe: "believe" optional,
    result: "result" optional,
    signal: "signal" optional,
});

tree_struct!(Team {
    name: "name",
    description: "description",
});

tree_struct!(Service {
    name: "name",
    kind: "kind" optional,
    description: "description",
    journeys: "journeys",
    own_availability: "ownAvailability" optional,
    dependencies: "dependencies" optional,
});

tree_struct!(Dependency {
    name: "name",
    source: "source",
    coupling: "coupling",
});

tree_tagged!(DependencySource, "type" {
    Service = "service" {},
    External = "external" { availability: "availability", note: "note" },
});

tree_tagged!(Coupling, "type" {
    Hard = "hard" {},
    Soft = "soft" {},
    Redundant = "redundant" {
        replicas: "replicas",
        required: "required",
        failover: "failover" optional,
        failures_per_year: "failuresPerYear" optional,
    },
});

tree_struct!(Journey {
    name: "name",
    kind: "kind",
    description: "description",
    happy_moment: "happyMoment" optional,
    rank: "rank" optional,
    start_here: "startHere" optional,
    slis: "slis",
});

tree_struct!(Sli {
    name: "name",
    kind: "kind",
    good_events: "goodEvents",
    valid_events: "validEvents",
    bad_responses: "badResponses" optional,
    latency: "latency" optional,
    measurement: "measurement",
    time_slice: "timeSlice" optional,
    measured_at: "measuredAt",
    traffic: "traffic" optional,
    queries: "queries" optional,
    slos: "slos",
});

tree_struct!(SliQueries {
    source: "source",
    counter: "counter",
    counts: "counts",
    counted: "counted",
    total: "total",
});

tree_struct!(LatencyThreshold {
    threshold_ms: "thresholdMs",
    comparison: "comparison",
});

tree_struct!(Traffic {
    valid_events: "validEvents",
    per: "per",
});

tree_struct!(Slo {
    name: "name",
    target: "target",
    aspirational_target: "aspirationalTarget" optional,
    window: "window",
    time_zone: "timeZone" optional,
    sla: "sla" optional,
    historical: "historical" optional,
    priority: "priority" optional,
    rationale: "rationale",
    default_slo: "defaultSlo",
    above_ceiling_reason: "aboveCeilingReason" optional,
    hypothesis: "hypothesis" optional,
    scenarios: "scenarios" optional,
    history: "history" optional,
});

tree_struct!(SloHistory {
    incidents: "incidents",
    from: "from" optional,
    to: "to" optional,
    candidates: "candidates" optional,
    risk: "risk" optional,
});

tree_struct!(Scenario {
    name: "name",
    traffic: "traffic",
    background_error_percent: "backgroundErrorPercent",
    events: "events",
    risk: "risk" optional,
});

tree_tagged!(TrafficProfile, "type" {
    Constant = "constant" { requests_per_minute: "requestsPerMinute" },
    Daily = "daily" {
        peak_per_minute: "peakPerMinute",
        trough_per_minute: "troughPerMinute",
        peak_hour: "peakHour",
    },
});

tree_struct!(ScenarioEvent {
    name: "name",
    kind: "kind",
    start: "start",
    duration: "duration",
    cause: "cause" optional,
});

tree_tagged!(EventKind, "type" {
    Incident = "incident" { error_percent: "errorPercent" },
    PlannedDowntime = "plannedDowntime" {},
    PartialTraffic = "partialTraffic" {
        traffic_percent: "trafficPercent",
        error_percent: "errorPercent",
    },
});

tree_struct!(RiskModel {
    incidents_per_period: "incidentsPerPeriod",
    median_time_to_restore: "medianTimeToRestore",
    p90_time_to_restore: "p90TimeToRestore",
    severities: "severities",
    periods: "periods",
    seed: "seed",
});

tree_struct!(IncidentSeverity {
    share_percent: "sharePercent",
    error_percent: "errorPercent",
});

tree_struct!(AlertRuleSpec {
    name: "name",
    notify: "notify",
    threshold: "threshold",
    long_window: "longWindow",
    short_window: "shortWindow" optional,
    evaluation_interval: "evaluationInterval",
    alert_after: "alertAfter" optional,
    snooze: "snooze" optional,
});

tree_tagged!(ThresholdSpec, "type" {
    BudgetPercent = "budgetPercent" { percent: "percent" },
    BurnRate = "burnRate" { burn_rate: "burnRate" },
});

tree_struct!(ErrorBudgetPolicy {
    scope: "scope",
    purpose: "purpose",
    conditions: "conditions",
    consequences: "consequences",
    clauses: "clauses",
    escalation_policy: "escalationPolicy",
    agreed_by: "agreedBy",
    next_review: "nextReview",
    extras: "extras",
});

tree_struct!(NextReview {
    date: "date",
    or_after_p1_outage: "orAfterP1Outage",
});

tree_struct!(Clause {
    condition: "condition",
    consequences: "consequences",
    runbook: "runbook",
    traceability: "traceability",
});

tree_struct!(PolicyExtras {
    code_yellow: "codeYellow" optional,
    code_red: "codeRed" optional,
    silver_bullets_per_year: "silverBulletsPerYear" optional,
    thaw_tax_days: "thawTaxDays" optional,
    budget_top_up: "budgetTopUp" optional,
});

tree_struct!(Condition {
    id: "id",
    kind: "kind",
    trigger: "trigger",
    description: "description",
});

tree_tagged!(ConditionKind, "type" {
    BudgetExhausted = "budgetExhausted" {},
    BudgetSpend = "budgetSpend" { percent: "percent", scope: "scope" },
    BurnRate = "burnRate" { percent: "percent", within: "within" },
    Dependency = "dependency" { percent: "percent", dependency: "dependency" },
    Resource = "resource" {},
    Custom = "custom" {},
});

tree_struct!(Consequence {
    id: "id",
    kind: "kind",
    execution: "execution",
    description: "description",
});

tree_tagged!(ConsequenceKind, "type" {
    AssignPeople = "assignPeople" { who: "who" },
    ConductActivity = "conductActivity" { activity: "activity" },
    StopActivity = "stopActivity" { activity: "activity" },
});

tree_tagged!(Activity, "activity" {
    Postmortem = "postmortem" {},
    ActionItem = "actionItem" { priority: "priority", deadline: "deadline" },
    EngageDependencyOwner = "engageDependencyOwner" {},
    CommunicateBudget = "communicateBudget" {},
    Other = "other" {},
});

tree_struct!(DocumentInfo {
    status: "status",
    authors: "authors",
    reviewers: "reviewers",
    approvers: "approvers",
    approval_date: "approvalDate",
    revisit_date: "revisitDate",
    service_overview: "serviceOverview",
    rationale: "rationale",
    error_budget: "errorBudget",
    clarifications: "clarifications",
    on_call: "onCall",
    change_log: "changeLog",
});

tree_struct!(Approver {
    name: "name",
    role: "role",
});

tree_struct!(Change {
    date: "date",
    author: "author",
    description: "description",
});

tree_struct!(OnCallAgreement {
    rotation: "rotation",
    coverage: "coverage",
    time_to_acknowledge: "timeToAcknowledge",
    escalation: "escalation",
    handover: "handover",
});
