//! Every choice the editor offers ([`Kind`]): keys unique and equal to what
//! the JSON holds, labels unique, `from_key` the inverse of `key`, and a
//! type started from a choice has that choice.

use std::collections::HashSet;
use std::fmt::Debug;

use serde::Serialize;
use slo_core::model::alert_rule::{Notify, ThresholdType};
use slo_core::model::document::{Role, Status};
use slo_core::model::kind::Kind;
use slo_core::model::policy::{ConditionType, ConsequenceType, Execution, SpendScope, Trigger};
use slo_core::model::scenario::{EventKind, EventType, TrafficShape};
use slo_core::model::{
    Comparison, CouplingKind, EventsPer, JourneyKind, Measurement, Priority, ServiceKind, SliKind,
    SourceKind,
};

/// Keys and labels unique, non-empty labels, and `from_key` finds each value.
fn laws<K: Kind + Debug>() {
    let keys: HashSet<_> = K::ALL.iter().map(|k| k.key()).collect();
    let labels: HashSet<_> = K::ALL.iter().map(|k| k.label()).collect();
    assert_eq!(keys.len(), K::ALL.len(), "{:?}: keys repeat", K::ALL);
    assert_eq!(labels.len(), K::ALL.len(), "{:?}: labels repeat", K::ALL);
    for &k in K::ALL {
        assert!(!k.label().is_empty(), "{k:?}");
        assert_eq!(K::from_key(k.key()), Some(k));
    }
    assert_eq!(K::from_key("no such key"), None);
}

/// For a choice stored as itself: its key is exactly its JSON string.
fn stored_as_key<K: Kind + Debug + Serialize>() {
    laws::<K>();
    for &k in K::ALL {
        assert_eq!(serde_json::to_value(k).unwrap(), k.key(), "{k:?}");
    }
}

/// For a choice of a tagged enum's shape: the value it starts has that
/// shape, and the JSON tag at `tag` is the key.
fn starts<K: Kind + Debug, T: Serialize>(start: fn(K) -> T, kind_of: fn(&T) -> K, tag: &str) {
    laws::<K>();
    for &k in K::ALL {
        let started = start(k);
        assert_eq!(kind_of(&started), k);
        let json = serde_json::to_value(&started).unwrap();
        assert_eq!(
            json.pointer(tag).and_then(|v| v.as_str()),
            Some(k.key()),
            "{k:?}: {json}"
        );
    }
}

#[test]
fn choices_stored_as_themselves_have_their_json_string_as_key() {
    stored_as_key::<ServiceKind>();
    stored_as_key::<JourneyKind>();
    stored_as_key::<SliKind>();
    stored_as_key::<Comparison>();
    stored_as_key::<Measurement>();
    stored_as_key::<EventsPer>();
    stored_as_key::<Priority>();
    stored_as_key::<Status>();
    stored_as_key::<Role>();
    stored_as_key::<Notify>();
    stored_as_key::<Trigger>();
    stored_as_key::<SpendScope>();
    stored_as_key::<Execution>();
    stored_as_key::<CouplingKind>();
    laws::<Option<Priority>>();
}

#[test]
fn choices_of_a_shape_start_that_shape_with_its_key_as_tag() {
    starts(|k: SourceKind| k.start(), |s| s.kind(), "/type");
    starts(|k: CouplingKind| k.start(), |c| c.kind(), "/type");
    starts(
        |k: ConditionType| k.start("30".into()),
        |c| c.condition_type(),
        "/type",
    );
    starts(
        |k: ThresholdType| k.start(),
        |t| t.threshold_type(),
        "/type",
    );
    starts(|k: TrafficShape| k.start(), |t| t.shape(), "/type");
    starts(
        |k: EventType| EventKind::PlannedDowntime.as_type(k),
        |e| e.event_type(),
        "/type",
    );
    // A consequence's choice flattens its type and activity: the key is the
    // activity's when it has one.
    laws::<ConsequenceType>();
    for &k in ConsequenceType::ALL {
        assert_eq!(k.start().consequence_type(), k);
    }
}

#[test]
fn a_condition_keeps_its_share_when_its_type_changes() {
    for &k in ConditionType::ALL {
        let kind = k.start("30".into());
        assert_eq!(kind.percent().is_some(), k.has_percent(), "{k:?}");
        if k.has_percent() {
            assert_eq!(kind.percent().map(String::as_str), Some("30"));
        }
    }
}

#[test]
fn an_event_keeps_its_error_ratio_when_its_type_changes() {
    let incident = EventKind::Incident {
        error_percent: "40".into(),
    };
    let partial = incident.as_type(EventType::PartialTraffic);
    assert_eq!(
        partial,
        EventKind::PartialTraffic {
            traffic_percent: "1".into(),
            error_percent: "40".into()
        }
    );
    assert_eq!(partial.as_type(EventType::Incident), incident);
    assert_eq!(
        EventKind::PlannedDowntime.as_type(EventType::Incident),
        EventKind::Incident {
            error_percent: "100".into()
        }
    );
}
