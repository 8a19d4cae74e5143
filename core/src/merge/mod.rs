//! What an import does to the model the room is working on: what replacing
//! it would drop ([`loss`]), and a file of another format merged into it by
//! name ([`merge_by_name`]), keeping everything that format has no place for.
//!
//! OpenSLO carries services, SLIs, SLOs and burn-rate alerts; it has no
//! place for the team, dependencies, an own availability, the error budget
//! policy, the SLO document, burn scenarios or an SLO's history. Reading
//! our own OpenSLO export over the model it came from and merging changes
//! nothing:
//!
//! ```
//! use slo_core::examples;
//! use slo_core::export::openslo::{read::read_openslo, write::openslo_yaml};
//! use slo_core::merge::merge_by_name;
//! use slo_core::quantity::zone::UtcOnly;
//!
//! let model = examples::seed_chain();
//! let yaml = openslo_yaml(&model, &UtcOnly).yaml;
//! let read = read_openslo(yaml.as_bytes()).unwrap();
//! let merged = merge_by_name(&model, &read.model);
//! assert_eq!(merged.model, model);
//! assert_eq!(merged.tally.in_words(), "nothing changed");
//! ```

pub mod loss;
mod tally;

pub use tally::Tally;

use std::collections::{HashMap, VecDeque};

use crate::model::alert_rule::AlertRuleSpec;
use crate::model::{Journey, Model, Service, Sli, Slo};
use crate::quantity::target::Target;
use crate::quantity::window::Window;

/// A model with a file merged into it, and what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The current model with the file's parts updated and added.
    pub model: Model,
    /// What was added and updated, counted by kind.
    pub tally: Tally,
}

/// Merges `incoming` (a model read from OpenSLO) into `current` by name.
///
/// Services are matched by name, journeys by name in their service, SLIs by
/// name in their journey, SLOs by name in their SLI and alert rules by name.
/// Among parts of a repeated name, an SLO of the same target and window (an
/// alert rule the same in every field) is matched first, so an SLO the file
/// left out (OpenSLO cannot hold its numbers) does not shift its namesakes;
/// the rest match in order, the n-th with the n-th. A matched part takes the
/// file's values for the fields the file carries; a field the file leaves
/// blank (empty text, no value, a choice at its default) keeps its value,
/// and a target equal in value ("99.950" and "99.95") keeps its text, as a
/// time zone does where the window does not depend on one. Parts only in
/// the file are added after the model's own; parts only in the model are
/// kept, as is everything OpenSLO cannot carry: the team, dependencies, own
/// availabilities, the policy, the document (and its status), burn
/// scenarios and SLO histories.
pub fn merge_by_name(current: &Model, incoming: &Model) -> Merged {
    let mut model = current.clone();
    let mut tally = Tally::default();
    for_each_match(
        &mut model.services,
        &incoming.services,
        |s| &s.name,
        by_order,
        |mine, theirs| match mine {
            Some(mine) => merge_service(mine, theirs, &mut tally),
            None => tally.add_service(theirs),
        },
    );
    for_each_match(
        &mut model.alert_rules,
        &incoming.alert_rules,
        |r| &r.name,
        |a, b| a == b,
        |mine, theirs| match mine {
            Some(mine) => {
                if merge_rule(mine, theirs) {
                    tally.alert_rules_updated += 1;
                }
            }
            None => tally.alert_rules_added += 1,
        },
    );
    Merged { model, tally }
}

/// Calls `merge` with each incoming item and its match in `mine`, then
/// appends the incoming items that had none. An item matches one of the
/// same name: first one `alike` it (so that a part the file left out, such
/// as an SLO OpenSLO cannot hold, does not shift its namesakes), else the
/// next of that name in order (the n-th with the n-th).
fn for_each_match<T: Clone>(
    mine: &mut Vec<T>,
    theirs: &[T],
    name: impl Fn(&T) -> &String,
    alike: impl Fn(&T, &T) -> bool,
    mut merge: impl FnMut(Option<&mut T>, &T),
) {
    // My unmatched items of each name, by index, in order.
    let mut by_name: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, item) in mine.iter().enumerate() {
        by_name.entry(name(item)).or_default().push_back(i);
    }
    let mut matches: Vec<Option<usize>> = theirs
        .iter()
        .map(|item| {
            let namesakes = by_name.get_mut(name(item).as_str())?;
            let at = namesakes.iter().position(|&i| alike(&mine[i], item))?;
            namesakes.remove(at)
        })
        .collect();
    for (found, item) in matches.iter_mut().zip(theirs) {
        if found.is_none() {
            *found = by_name
                .get_mut(name(item).as_str())
                .and_then(VecDeque::pop_front);
        }
    }
    let mut added = Vec::new();
    for (found, item) in matches.into_iter().zip(theirs) {
        match found {
            Some(i) => merge(Some(&mut mine[i]), item),
            None => {
                merge(None, item);
                added.push(item.clone());
            }
        }
    }
    mine.extend(added);
}

/// Never alike: namesakes match in order.
fn by_order<T>(_: &T, _: &T) -> bool {
    false
}

/// SLOs of the same target (in value) and window.
fn same_objective(mine: &Slo, theirs: &Slo) -> bool {
    mine.window == theirs.window && same_target(mine, theirs)
}

/// Targets equal in value ("99.950" and "99.95").
fn same_target(mine: &Slo, theirs: &Slo) -> bool {
    matches!(
        (mine.target.parse::<Target>(), theirs.target.parse::<Target>()),
        (Ok(a), Ok(b)) if a.percent() == b.percent()
    )
}

/// Text the file carries: taken unless blank.
fn take_text(mine: &mut String, theirs: &str) {
    if !theirs.is_empty() {
        *mine = theirs.to_string();
    }
}

/// A value the file carries: taken when it has one.
fn take_some<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
    if theirs.is_some() {
        mine.clone_from(theirs);
    }
}

/// A choice the file carries: taken unless at its default (which is also
/// what a file without the annotation reads as).
fn take_choice<T: Copy + Default + PartialEq>(mine: &mut T, theirs: T) {
    if theirs != T::default() {
        *mine = theirs;
    }
}

/// Takes the fields an OpenSLO alert carries; a window, interval or delay
/// the file leaves blank keeps the model's. True when the rule changed.
fn merge_rule(mine: &mut AlertRuleSpec, theirs: &AlertRuleSpec) -> bool {
    let before = mine.clone();
    mine.notify = theirs.notify;
    mine.threshold.clone_from(&theirs.threshold);
    take_text(&mut mine.long_window, &theirs.long_window);
    take_text(&mut mine.short_window, &theirs.short_window);
    take_text(&mut mine.evaluation_interval, &theirs.evaluation_interval);
    take_text(&mut mine.alert_after, &theirs.alert_after);
    take_text(&mut mine.snooze, &theirs.snooze);
    *mine != before
}

fn merge_service(mine: &mut Service, theirs: &Service, tally: &mut Tally) {
    take_choice(&mut mine.kind, theirs.kind);
    take_text(&mut mine.description, &theirs.description);
    for_each_match(
        &mut mine.journeys,
        &theirs.journeys,
        |j| &j.name,
        by_order,
        |m, t| match m {
            Some(m) => merge_journey(m, t, tally),
            None => tally.slos_added += slos_of(t.slis.iter()),
        },
    );
}

fn merge_journey(mine: &mut Journey, theirs: &Journey, tally: &mut Tally) {
    take_choice(&mut mine.kind, theirs.kind);
    take_text(&mut mine.description, &theirs.description);
    take_text(&mut mine.happy_moment, &theirs.happy_moment);
    take_text(&mut mine.rank, &theirs.rank);
    mine.start_here |= theirs.start_here;
    for_each_match(
        &mut mine.slis,
        &theirs.slis,
        |s| &s.name,
        by_order,
        |m, t| match m {
            Some(m) => merge_sli(m, t, tally),
            None => tally.slos_added += t.slos.len(),
        },
    );
}

fn slos_of<'a>(slis: impl Iterator<Item = &'a Sli>) -> usize {
    slis.map(|s| s.slos.len()).sum()
}

fn merge_sli(mine: &mut Sli, theirs: &Sli, tally: &mut Tally) {
    let before = mine.clone();
    take_choice(&mut mine.kind, theirs.kind);
    take_text(&mut mine.good_events, &theirs.good_events);
    take_text(&mut mine.valid_events, &theirs.valid_events);
    take_some(&mut mine.bad_responses, &theirs.bad_responses);
    take_some(&mut mine.latency, &theirs.latency);
    // The budgeting method is a field every OpenSLO SLO has.
    mine.measurement = theirs.measurement;
    take_text(&mut mine.time_slice, &theirs.time_slice);
    take_text(&mut mine.measured_at, &theirs.measured_at);
    take_some(&mut mine.traffic, &theirs.traffic);
    take_some(&mut mine.queries, &theirs.queries);
    let slos = std::mem::take(&mut mine.slos);
    if *mine
        != (Sli {
            slos: Vec::new(),
            ..before
        })
    {
        tally.slis_updated += 1;
    }
    mine.slos = slos;
    for_each_match(
        &mut mine.slos,
        &theirs.slos,
        |s| &s.name,
        same_objective,
        |m, t| match m {
            Some(m) => merge_slo(m, t, tally),
            None => tally.slos_added += 1,
        },
    );
}

fn merge_slo(mine: &mut Slo, theirs: &Slo, tally: &mut Tally) {
    let before = mine.clone();
    if !same_target(mine, theirs) {
        take_text(&mut mine.target, &theirs.target);
    }
    take_text(&mut mine.window, &theirs.window);
    let zoned = theirs
        .window
        .parse::<Window>()
        .is_ok_and(|w| w.depends_on_zone());
    if zoned
        && !theirs.time_zone.trim().is_empty()
        && theirs.time_zone_name() != mine.time_zone_name()
    {
        mine.time_zone.clone_from(&theirs.time_zone);
    }
    take_some(&mut mine.sla, &theirs.sla);
    take_some(&mut mine.historical, &theirs.historical);
    take_some(&mut mine.priority, &theirs.priority);
    take_text(&mut mine.rationale, &theirs.rationale);
    take_text(&mut mine.aspirational_target, &theirs.aspirational_target);
    take_text(&mut mine.hypothesis.believe, &theirs.hypothesis.believe);
    take_text(&mut mine.hypothesis.result, &theirs.hypothesis.result);
    take_text(&mut mine.hypothesis.signal, &theirs.hypothesis.signal);
    mine.default_slo |= theirs.default_slo;
    if *mine != before {
        tally.slos_updated += 1;
    }
}
