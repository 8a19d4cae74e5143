//! A field path in words, for people: `services[0].journeys[1].slis[0].slos[0].target`
//! reads "Checkout › Pay › Availability › SLO 1 › target".
//!
//! Problems keep their path (the JSON output and the link to the field use
//! it); lists of problems show this name beside it.

use serde_json::Value;

use crate::echo::cut;
use crate::model::Model;

/// The separator between the parts of a place: ` › `.
pub const SEPARATOR: &str = " › ";

/// Names the places of one model: built once (one serialisation of the
/// model), then asked for every problem's path.
///
/// ```
/// use slo_core::{examples, report::place::Places};
///
/// let model = examples::workbook_api();
/// let places = Places::of(&model);
/// let name = places.name("services[0].journeys[0].slis[0].slos[0].target");
/// assert!(name.ends_with(" › target"), "{name}");
/// assert!(name.starts_with(&model.services[0].name), "{name}");
/// ```
pub struct Places {
    json: Value,
}

impl Places {
    /// The places of `model`.
    pub fn of(model: &Model) -> Self {
        Places {
            json: crate::codec::tree::Tree::to_tree(model),
        }
    }

    /// The places of `model` that `paths` name: the same names as
    /// [`Places::of`] gives for those paths, built from the services and
    /// alert rules they are in (a problem list at every keystroke of a
    /// 500-service model serialises one service, not 500).
    ///
    /// ```
    /// use slo_core::{examples, report::place::Places};
    ///
    /// let model = examples::seed_chain();
    /// let path = "services[1].dependencies[0].name";
    /// assert_eq!(Places::of_paths(&model, [path]).name(path), Places::of(&model).name(path));
    /// ```
    pub fn of_paths<'a>(model: &Model, paths: impl IntoIterator<Item = &'a str>) -> Self {
        use crate::codec::tree::Tree;
        // The parts with no lists of their own, whole; the two lists, only
        // the items the paths are in.
        let mut json = Model {
            schema_version: model.schema_version,
            team: model.team.clone(),
            services: Vec::new(),
            policy: model.policy.clone(),
            document: model.document.clone(),
            alert_rules: Vec::new(),
            session: model.session.clone(),
        }
        .to_tree();
        let mut services = vec![Value::Null; model.services.len()];
        let mut rules = vec![Value::Null; model.alert_rules.len()];
        for path in paths {
            let (key, indexes) = split_indexes(path.split('.').next().unwrap_or_default());
            let Some(&i) = indexes.first() else { continue };
            match key {
                "services" => fill(&mut services, i, &model.services),
                "alertRules" => fill(&mut rules, i, &model.alert_rules),
                _ => {}
            }
        }
        if let Value::Object(fields) = &mut json {
            fields.insert("services".into(), Value::Array(services));
            fields.insert("alertRules".into(), Value::Array(rules));
        }
        Places { json }
    }

    /// `path` in words: each list item by its name (or id), or by its kind and
    /// number ("SLO 1", "dependency 2") when it has none; each field by its
    /// name in words ("failures per year"). A path that leaves the model
    /// (an item since removed) keeps the rest in words.
    pub fn name(&self, path: &str) -> String {
        let mut here = Some(&self.json);
        let mut parts: Vec<String> = Vec::new();
        for piece in path.split('.').filter(|p| !p.is_empty()) {
            let (key, indexes) = split_indexes(piece);
            here = here.and_then(|v| v.get(key));
            if indexes.is_empty() {
                let word = words(key);
                parts.push(if parts.is_empty() {
                    crate::echo::capitalised(&word)
                } else {
                    word
                });
                continue;
            }
            for index in indexes {
                here = here.and_then(|v| v.get(index));
                parts.push(item_name(key, index, here));
            }
        }
        parts.join(SEPARATOR)
    }
}

/// Puts item `i` of `items` into `list` as its tree, once.
fn fill<T: crate::codec::tree::Tree>(list: &mut [Value], i: usize, items: &[T]) {
    if let (Some(slot @ Value::Null), Some(item)) = (list.get_mut(i), items.get(i)) {
        *slot = item.to_tree();
    }
}

/// `slos[2]` -> (`slos`, [2]); `name` -> (`name`, []).
fn split_indexes(piece: &str) -> (&str, Vec<usize>) {
    let key_end = piece.find('[').unwrap_or(piece.len());
    let indexes = piece[key_end..]
        .split(['[', ']'])
        .filter_map(|n| n.parse().ok())
        .collect();
    (&piece[..key_end], indexes)
}

/// A list item: its name or id, cut for display, else "SLO 3".
fn item_name(list: &str, index: usize, item: Option<&Value>) -> String {
    let own = ["name", "id"].into_iter().find_map(|field| {
        item.and_then(|v| v.get(field))
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    });
    match own {
        Some(name) => cut(name),
        None => format!("{} {}", singular(list), index + 1),
    }
}

/// The kind of item a list of the model holds.
fn singular(list: &str) -> String {
    match list {
        "services" => "service".into(),
        "journeys" => "journey".into(),
        "slis" => "SLI".into(),
        "slos" => "SLO".into(),
        "dependencies" => "dependency".into(),
        "scenarios" => "scenario".into(),
        "events" => "event".into(),
        "alertRules" => "alert rule".into(),
        "conditions" => "condition".into(),
        "consequences" => "consequence".into(),
        "clauses" => "clause".into(),
        "approvers" => "approver".into(),
        "changeLog" => "change".into(),
        "severities" => "severity".into(),
        "participants" => "participant".into(),
        "questions" => "question".into(),
        "decisions" => "decision".into(),
        other => words(other),
    }
}

/// A JSON field name in words: `failuresPerYear` -> "failures per year",
/// `slis` -> "SLIs".
fn words(key: &str) -> String {
    match key {
        "slis" => return "SLIs".into(),
        "slos" => return "SLOs".into(),
        "sla" => return "SLA".into(),
        "defaultSlo" => return "default SLO".into(),
        _ => {}
    }
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples;

    #[test]
    fn names_every_level_of_an_slo() {
        let mut model = examples::workbook_api();
        model.services[0].name = "Checkout".into();
        model.services[0].journeys[0].name = "Pay".into();
        model.services[0].journeys[0].slis[0].name = "Availability".into();
        model.services[0].journeys[0].slis[0].slos[0].name = String::new();
        let places = Places::of(&model);
        assert_eq!(
            places.name("services[0].journeys[0].slis[0].slos[0].target"),
            "Checkout › Pay › Availability › SLO 1 › target"
        );
    }

    #[test]
    fn the_places_of_some_paths_are_named_as_the_whole_model_names_them() {
        let mut model = crate::harness::rich_model();
        model.services[2].name = String::new();
        let problems = crate::validate::validate(&model, &crate::quantity::zone::UtcOnly);
        let mut paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        paths.extend([
            "services[0].journeys[0].slis[0].slos[0].target",
            "services[2].name",
            "alertRules[0].name",
            "policy.clauses[0]",
            "document.approvers[0].name",
            "team.name",
            "services[99].name",
        ]);
        assert!(paths.len() > 8, "{paths:?}");
        let whole = Places::of(&model);
        let some = Places::of_paths(&model, paths.iter().copied());
        for path in paths {
            assert_eq!(some.name(path), whole.name(path), "{path}");
        }
    }

    #[test]
    fn unnamed_items_read_as_kind_and_number_and_fields_as_words() {
        let mut model = examples::seed_chain();
        model.services[0].dependencies[1].name = "  ".into();
        let places = Places::of(&model);
        let name = places.name("services[0].dependencies[1].coupling.failuresPerYear");
        assert!(
            name.ends_with(" › dependency 2 › coupling › failures per year"),
            "{name}"
        );
    }

    #[test]
    fn policy_items_go_by_their_id_and_gone_items_by_number() {
        let model = examples::workbook_api();
        let places = Places::of(&model);
        let id = &model.policy.conditions[0].id;
        assert_eq!(
            places.name("policy.conditions[0].within"),
            format!("Policy › {id} › within")
        );
        assert_eq!(
            places.name("services[40].journeys"),
            "service 41 › journeys"
        );
        assert_eq!(
            places.name("document.onCall.timeToAcknowledge"),
            "Document › on call › time to acknowledge"
        );
    }

    #[test]
    fn long_names_are_cut() {
        let mut model = examples::workbook_api();
        model.services[0].name = "x".repeat(10_000);
        let name = Places::of(&model).name("services[0].name");
        assert!(name.chars().count() < 60, "{name}");
    }
}
