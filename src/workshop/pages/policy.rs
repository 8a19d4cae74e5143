//! The Policy page: the error budget policy's seven parts, its conditions,
//! consequences and the clauses that join them (ESF ch. 10).

use leptos::prelude::*;
use slo_core::glossary::Term;
use slo_core::model::policy::{
    Activity, Clause, Condition, ConditionKind, ConditionType, Consequence, ConsequenceKind,
    ConsequenceType, ErrorBudgetPolicy, Execution, NextReview, Reference, SpendScope,
    Trigger as ConditionTrigger,
};
use slo_core::model::Priority;
use slo_core::part;

use crate::frame::example;
use crate::glossary::Word;
use crate::workshop::inputs::{id_of, Check, Choice, FieldProblems, Lines, OptText, Text};
use crate::workshop::rows::{edit_button, remove_button, rows};
use crate::workshop::state::Workshop;
use slo_core::model::location::{ClauseAt, ConditionAt, ConsequenceAt, Locate, Part, PolicyAt};

/// The id of a condition or consequence. Clauses refer to it, so they follow
/// a rename: the references are taken when the field gets focus (before the
/// first keystroke) and re-pointed on every keystroke.
#[component]
fn IdField(
    /// The field path (`policy.conditions[0].id`).
    path: String,
    /// The item's index in its list.
    index: usize,
    /// Placeholder text.
    placeholder: &'static str,
    /// Reads the id.
    get: fn(&ErrorBudgetPolicy, usize) -> Option<String>,
    /// Finds the clauses that refer to the item.
    references: fn(&ErrorBudgetPolicy, usize) -> Vec<Reference>,
    /// Renames the item and re-points those clauses.
    rename: fn(&mut ErrorBudgetPolicy, usize, &str, &[Reference]),
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let id = id_of(&path);
    let following = StoredValue::new(Vec::<Reference>::new());
    let value = move || {
        workshop
            .model
            .with(|m| get(&m.policy, index).unwrap_or_default())
    };
    let take_references = move |_| {
        following.set_value(
            workshop
                .model
                .with_untracked(|m| references(&m.policy, index)),
        )
    };
    let edit_path = path.clone();
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        workshop.edit(&edit_path, |m| {
            following.with_value(|refs| rename(&mut m.policy, index, &text, refs))
        });
    };
    view! {
        <div class="field">
            <label for=id.clone()>"Short name (clauses refer to it by this)"</label>
            <input id=id type="text" autocomplete="off" placeholder=example(placeholder) aria-describedby=format!("{}-problems", id_of(&path))
                prop:value=value on:focus=take_references on:input=on_input />
            <FieldProblems path />
        </div>
    }
}

/// One condition.
#[component]
fn ConditionEditor(
    /// The condition.
    at: ConditionAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let kind = Memo::new(move |_| {
        workshop
            .model
            .with(|m| at.get(m).map(|c| c.kind.condition_type()))
    });
    let percent = Part {
        parent: at,
        name: "kind",
        get: |c| c.kind.percent(),
        get_mut: |c| c.kind.percent_mut(),
    };
    let within = part!(at, "kind", Condition, kind, within, ConditionKind::BurnRate);
    let dependency = part!(
        at,
        "kind",
        Condition,
        kind,
        dependency,
        ConditionKind::Dependency
    );
    view! {
        <fieldset class="item">
            <legend>{move || format!("Condition {}", at.1 + 1)}</legend>
            <div class="cols">
                <IdField path=at.field("id") index=at.1 placeholder="spent-70"
                    get=|p, i| p.conditions.get(i).map(|c| c.id.clone())
                    references=ErrorBudgetPolicy::condition_references
                    rename=ErrorBudgetPolicy::rename_condition />
                <Choice at field="kind.type" label="When"
                    get=|c: &Condition| c.kind.condition_type()
                    set=|c: &mut Condition, t| {
                        if c.kind.condition_type() != t {
                            let percent = c.kind.percent().cloned().unwrap_or_default();
                            c.kind = t.start(percent);
                        }
                    } />
                <Choice at field="trigger" label="Trigger" get=|c: &Condition| c.trigger set=|c: &mut Condition, t| c.trigger = t />
            </div>
            <Show when=move || kind.get().is_some_and(ConditionType::has_percent)>
                <div class="cols">
                    <Text at=percent field="percent" label="Share of the budget (%)" placeholder="70" get=|s: &String| s set=|s: &mut String| s />
                    <Show when=move || kind.get() == Some(ConditionType::BudgetSpend)>
                        <div>
                            <Choice at field="kind.scope" label="Spent"
                                get=|c: &Condition| match c.kind { ConditionKind::BudgetSpend { scope, .. } => scope, _ => SpendScope::Period }
                                set=|c: &mut Condition, s| if let ConditionKind::BudgetSpend { scope, .. } = &mut c.kind { *scope = s } />
                        </div>
                    </Show>
                    <Show when=move || kind.get() == Some(ConditionType::BurnRate)>
                        <div><Text at=within field="within" label="Within" placeholder="24h" get=|s: &String| s set=|s: &mut String| s /></div>
                    </Show>
                    <Show when=move || kind.get() == Some(ConditionType::Dependency)>
                        <div><Text at=dependency field="dependency" label="Dependency" placeholder="Azure MySQL" get=|s: &String| s set=|s: &mut String| s /></div>
                    </Show>
                </div>
            </Show>
            <Text at field="description" label="In words" multiline=true get=|c: &Condition| &c.description set=|c: &mut Condition| &mut c.description />
            {remove_button("Remove this condition", at)}
        </fieldset>
    }
}

/// One consequence.
#[component]
fn ConsequenceEditor(
    /// The consequence.
    at: ConsequenceAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let choice = Memo::new(move |_| {
        workshop
            .model
            .with(|m| at.get(m).map(|c| c.kind.consequence_type()))
    });
    let who = part!(
        at,
        "kind",
        Consequence,
        kind,
        who,
        ConsequenceKind::AssignPeople
    );
    let deadline = Part {
        parent: at,
        name: "kind.activity",
        get: |c| match &c.kind {
            ConsequenceKind::ConductActivity {
                activity: Activity::ActionItem { deadline, .. },
            } => Some(deadline),
            _ => None,
        },
        get_mut: |c| match &mut c.kind {
            ConsequenceKind::ConductActivity {
                activity: Activity::ActionItem { deadline, .. },
            } => Some(deadline),
            _ => None,
        },
    };
    view! {
        <fieldset class="item">
            <legend>{move || format!("Consequence {}", at.1 + 1)}</legend>
            <div class="cols">
                <IdField path=at.field("id") index=at.1 placeholder="freeze"
                    get=|p, i| p.consequences.get(i).map(|c| c.id.clone())
                    references=ErrorBudgetPolicy::consequence_references
                    rename=ErrorBudgetPolicy::rename_consequence />
                <Choice at field="kind.type" label="Then"
                    get=|c: &Consequence| c.kind.consequence_type()
                    set=|c: &mut Consequence, t| {
                        if c.kind.consequence_type() != t {
                            c.kind = t.start();
                        }
                    } />
                <Choice at field="execution" label="Execution" get=|c: &Consequence| c.execution set=|c: &mut Consequence, e| c.execution = e />
            </div>
            <Show when=move || choice.get() == Some(ConsequenceType::AssignPeople)>
                <div><Text at=who field="who" label="Who" placeholder="one developer per sprint" get=|s: &String| s set=|s: &mut String| s /></div>
            </Show>
            <Show when=move || choice.get() == Some(ConsequenceType::ActionItem)>
                <div class="cols">
                    <Choice at field="kind.activity.priority" label="Action item priority"
                        get=|c: &Consequence| match c.kind {
                            ConsequenceKind::ConductActivity { activity: Activity::ActionItem { priority, .. } } => priority,
                            _ => Priority::P1,
                        }
                        set=|c: &mut Consequence, p| {
                            if let ConsequenceKind::ConductActivity { activity: Activity::ActionItem { priority, .. } } = &mut c.kind {
                                *priority = p;
                            }
                        } />
                    <Text at=deadline field="deadline" label="Deadline" placeholder="14d" get=|s: &String| s set=|s: &mut String| s />
                </div>
            </Show>
            <Text at field="description" label="In words" multiline=true get=|c: &Consequence| &c.description set=|c: &mut Consequence| &mut c.description />
            {remove_button("Remove this consequence", at)}
        </fieldset>
    }
}

/// One clause: a condition, its consequences, runbook and traceability.
#[component]
fn ClauseEditor(
    /// The clause.
    at: ClauseAt,
) -> impl IntoView {
    let workshop = Workshop::from_context();
    let section = workshop.section(&at.path());
    let condition_path = at.field("condition");
    let select_id = id_of(&condition_path);
    let conditions = move || {
        section.with(|m| {
            m.policy
                .conditions
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let consequences = move || {
        section.with(|m| {
            m.policy
                .consequences
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let selected = move || {
        workshop
            .model
            .with(|m| at.get(m).map(|c| c.condition.clone()).unwrap_or_default())
    };
    let edit_condition = condition_path.clone();
    view! {
        <fieldset class="item">
            <legend>{move || format!("Clause {}", at.1 + 1)}</legend>
            <div class="field">
                <label for=select_id.clone()>"When condition"</label>
                <select id=select_id prop:value=selected
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        workshop.edit(&edit_condition, |m| if let Some(c) = at.get_mut(m) { c.condition = id });
                    }>
                    <option value="">"choose a condition"</option>
                    {move || conditions().into_iter().map(|id| view! { <option value=id.clone()>{id.clone()}</option> }).collect_view()}
                </select>
                <FieldProblems path=condition_path />
            </div>
            <fieldset class="field">
                <legend>"Then these consequences"</legend>
                {move || consequences().into_iter().map(|id| {
                    let box_id = format!("{}-{}", id_of(&at.path()), id_of(&id));
                    let checked_id = id.clone();
                    let label = id.clone();
                    let path = at.field("consequences");
                    view! {
                        <div class="check">
                            <input type="checkbox" id=box_id.clone()
                                prop:checked=move || section.with(|m| at.get(m).is_some_and(|c| c.consequences.contains(&checked_id)))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id.clone();
                                    workshop.edit(&path, move |m| if let Some(c) = at.get_mut(m) {
                                        c.consequences.retain(|x| *x != id);
                                        if on { c.consequences.push(id); }
                                    });
                                } />
                            <label for=box_id>{label}</label>
                        </div>
                    }
                }).collect_view()}
                <FieldProblems path=at.field("consequences") />
            </fieldset>
            <div class="cols">
                <Text at field="runbook" label="Runbook" term=Term::Runbook placeholder="runbooks/release-freeze.md" get=|c: &Clause| &c.runbook set=|c: &mut Clause| &mut c.runbook />
                <Text at field="traceability" label="Traced by" placeholder="a ticket on the team board" get=|c: &Clause| &c.traceability set=|c: &mut Clause| &mut c.traceability />
            </div>
            {remove_button("Remove this clause", at)}
        </fieldset>
    }
}

/// The Policy page.
#[component]
pub fn PolicyPage() -> impl IntoView {
    let at = PolicyAt;
    view! {
        <h1 class="page-title">"Error budget policy"</h1>
        <p class="lede">"The team's " <Word term=Term::ErrorBudgetPolicy /> ": what it agrees to do as the " <Word term=Term::ErrorBudget /> " is spent. Seven parts, and clauses that join a condition (\"half the budget spent\") to what follows (a " <Word term=Term::ReleaseFreeze /> ", a " <Word term=Term::Postmortem /> ")."</p>
        <section class="card">
            <h2>"Scope and purpose"</h2>
            <Text at field="scope" label="1. Scope" multiline=true get=|p: &ErrorBudgetPolicy| &p.scope set=|p: &mut ErrorBudgetPolicy| &mut p.scope />
            <Text at field="purpose" label="2. Purpose" multiline=true get=|p: &ErrorBudgetPolicy| &p.purpose set=|p: &mut ErrorBudgetPolicy| &mut p.purpose />
        </section>
        <section class="card">
            <h2>"3. Conditions"</h2>
            <FieldProblems path="policy.conditions".to_string() />
            {rows(|m| m.policy.conditions.len(), |i| view! { <ConditionEditor at=ConditionAt(PolicyAt, i) /> })}
            {edit_button("Add a condition".into(), "", |m| {
                let id = format!("c{}", m.policy.conditions.len() + 1);
                m.policy.conditions.push(Condition { id, kind: ConditionKind::BudgetSpend { percent: "70".into(), scope: SpendScope::Period }, trigger: ConditionTrigger::Automatic, description: String::new() });
            })}
        </section>
        <section class="card">
            <h2>"4. Consequences"</h2>
            <FieldProblems path="policy.consequences".to_string() />
            {rows(|m| m.policy.consequences.len(), |i| view! { <ConsequenceEditor at=ConsequenceAt(PolicyAt, i) /> })}
            {edit_button("Add a consequence".into(), "", |m| {
                let id = format!("k{}", m.policy.consequences.len() + 1);
                m.policy.consequences.push(Consequence { id, kind: ConsequenceType::Postmortem.start(), execution: Execution::ManualTraceable, description: String::new() });
            })}
        </section>
        <section class="card">
            <h2>"Clauses"</h2>
            {rows(|m| m.policy.clauses.len(), |i| view! { <ClauseEditor at=ClauseAt(PolicyAt, i) /> })}
            {edit_button("Add a clause".into(), "", |m| {
                let condition = m.policy.conditions.first().map(|c| c.id.clone()).unwrap_or_default();
                m.policy.clauses.push(Clause { condition, ..Clause::default() });
            })}
        </section>
        <section class="card">
            <h2>"Escalation, agreement and review"</h2>
            <Text at field="escalationPolicy" label="5. Escalation policy" multiline=true get=|p: &ErrorBudgetPolicy| &p.escalation_policy set=|p: &mut ErrorBudgetPolicy| &mut p.escalation_policy />
            <Lines at field="agreedBy" label="6. Agreed by" get=|p: &ErrorBudgetPolicy| &p.agreed_by set=|p: &mut ErrorBudgetPolicy| &mut p.agreed_by />
            <div class="cols">
                <Text at field="nextReview.date" label="7. Next review of this policy (YYYY-MM-DD)" placeholder="2025-04-01"
                    get=|p: &ErrorBudgetPolicy| &p.next_review.date set=|p: &mut ErrorBudgetPolicy| &mut p.next_review.date />
                <Check at field="nextReview.orAfterP1Outage" label="or after a priority-1 outage, whichever comes first"
                    get=|p: &ErrorBudgetPolicy| p.next_review.or_after_p1_outage
                    set=|p: &mut ErrorBudgetPolicy, v| p.next_review = NextReview { or_after_p1_outage: v, ..p.next_review.clone() } />
            </div>
        </section>
        <section class="card">
            <h2>"Extras (optional)"</h2>
            <div class="cols">
                <OptText at field="extras.codeYellow" label="Code Yellow means" term=Term::CodeYellow get=|p: &ErrorBudgetPolicy| p.extras.code_yellow.as_ref() set=|p: &mut ErrorBudgetPolicy| &mut p.extras.code_yellow />
                <OptText at field="extras.codeRed" label="Code Red means" get=|p: &ErrorBudgetPolicy| p.extras.code_red.as_ref() set=|p: &mut ErrorBudgetPolicy| &mut p.extras.code_red />
                <OptText at field="extras.silverBulletsPerYear" label="Silver bullets per year (releases despite a freeze)" term=Term::SilverBullet placeholder="3" get=|p: &ErrorBudgetPolicy| p.extras.silver_bullets_per_year.as_ref() set=|p: &mut ErrorBudgetPolicy| &mut p.extras.silver_bullets_per_year />
                <OptText at field="extras.thawTaxDays" label="Thaw tax (extra freeze days per day the SLO was missed)" term=Term::ThawTax placeholder="0.5" get=|p: &ErrorBudgetPolicy| p.extras.thaw_tax_days.as_ref() set=|p: &mut ErrorBudgetPolicy| &mut p.extras.thaw_tax_days />
                <OptText at field="extras.budgetTopUp" label="Budget top-up within the period (extra budget granted, in words)" placeholder="10 % once a quarter" get=|p: &ErrorBudgetPolicy| p.extras.budget_top_up.as_ref() set=|p: &mut ErrorBudgetPolicy| &mut p.extras.budget_top_up />
            </div>
        </section>
    }
}
