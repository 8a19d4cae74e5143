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
/// name in their journey, SLOs by name in their SLI and alert rules by name
/// (the n-th of a repeated name matches the n-th). A matched part takes the
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
        |mine, theirs| match mine {
            Some(mine) => merge_service(mine, theirs, &mut tally),
            None => tally.add_service(theirs),
        },
    );
    for_each_match(
        &mut model.alert_rules,
        &incoming.alert_rules,
        |r| &r.name,
        |mine, theirs| match mine {
            Some(mine) if mine != theirs => {
                *mine = theirs.clone();
                tally.alert_rules_updated += 1;
            }
            Some(_) => {}
            None => tally.alert_rules_added += 1,
        },
    );
    Merged { model, tally }
}

/// Calls `merge` with each incoming item and its match in `mine` (the
/// n-th item of a name with the n-th of that name), then appends the
/// incoming items that had none.
fn for_each_match<T: Clone>(
    mine: &mut Vec<T>,
    theirs: &[T],
    name: impl Fn(&T) -> &String,
    mut merge: impl FnMut(Option<&mut T>, &T),
) {
    let mut added = Vec::new();
    for (i, item) in theirs.iter().enumerate() {
        let nth = theirs[..i].iter().filter(|t| name(t) == name(item)).count();
        match mine.iter_mut().filter(|m| name(m) == name(item)).nth(nth) {
            Some(m) => merge(Some(m), item),
            None => {
                merge(None, item);
                added.push(item.clone());
            }
        }
    }
    mine.extend(added);
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

fn merge_service(mine: &mut Service, theirs: &Service, tally: &mut Tally) {
    take_choice(&mut mine.kind, theirs.kind);
    take_text(&mut mine.description, &theirs.description);
    for_each_match(
        &mut mine.journeys,
        &theirs.journeys,
        |j| &j.name,
        |m, t| match m {
            Some(m) => merge_journey(m, t, tally),
            None => tally.slos_added += slos_of(t.slis.iter()),
        },
    );
}

fn merge_journey(mine: &mut Journey, theirs: &Journey, tally: &mut Tally) {
    take_choice(&mut mine.kind, theirs.kind);
    take_text(&mut mine.description, &theirs.description);
    for_each_match(
        &mut mine.slis,
        &theirs.slis,
        |s| &s.name,
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
        |m, t| match m {
            Some(m) => merge_slo(m, t, tally),
            None => tally.slos_added += 1,
        },
    );
}

fn merge_slo(mine: &mut Slo, theirs: &Slo, tally: &mut Tally) {
    let before = mine.clone();
    let same_target = matches!(
        (mine.target.parse::<Target>(), theirs.target.parse::<Target>()),
        (Ok(a), Ok(b)) if a.percent() == b.percent()
    );
    if !same_target {
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
    mine.default_slo |= theirs.default_slo;
    if *mine != before {
        tally.slos_updated += 1;
    }
}
