//! Property tests: the laws every budget figure must obey.

use proptest::prelude::*;
use rust_decimal::Decimal;
use slo_core::budget::{
    allowed_bad_events, allowed_bad_time_slices, allowed_downtime, implied_target, ValidEvents,
};
use slo_core::calculator::{evaluate, BudgetForm};
use slo_core::model::EventsPer;
use slo_core::quantity::zone::UtcOnly;
use slo_core::{ExactDuration, Target, Window};

/// Targets with 0 to 6 decimals, strictly between 0 and 100.
fn target() -> impl Strategy<Value = Target> {
    (1u64..100_000_000, 0u32..=6).prop_filter_map("inside (0, 100)", |(units, decimals)| {
        let percent = Decimal::new(units as i64, decimals);
        percent.to_string().parse::<Target>().ok()
    })
}

fn window_seconds() -> impl Strategy<Value = u64> {
    1u64..=36_500 * 86_400
}

proptest! {
    #[test]
    fn downtime_is_monotonic_in_the_target(a in target(), b in target(), w in window_seconds()) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(allowed_downtime(&low, w).unwrap() >= allowed_downtime(&high, w).unwrap());
    }

    #[test]
    fn downtime_is_additive_over_window_length(t in target(), a in window_seconds(), b in window_seconds()) {
        let whole = allowed_downtime(&t, a + b).unwrap().seconds();
        let parts = allowed_downtime(&t, a).unwrap().seconds() + allowed_downtime(&t, b).unwrap().seconds();
        prop_assert_eq!(whole, parts);
    }

    #[test]
    fn format_then_parse_gives_back_the_duration(units in 0u64..u64::MAX / 2, scale in 0u32..=9) {
        let duration = ExactDuration::from_seconds(Decimal::new(units as i64, scale)).unwrap();
        let text = duration.to_string();
        prop_assert_eq!(text.parse::<ExactDuration>().unwrap(), duration, "{}", text);
    }

    #[test]
    fn target_display_round_trips(t in target()) {
        prop_assert_eq!(t.to_string().parse::<Target>().unwrap(), t);
    }

    #[test]
    fn rolling_window_display_round_trips(n in 1u64..=36_500, unit in prop::sample::select(vec!["m", "h", "d"])) {
        let text = format!("{n}{unit}");
        let window: Window = text.parse().unwrap();
        prop_assert_eq!(window.to_string(), text);
    }

    #[test]
    fn reverse_of_downtime_is_the_target(t in target(), w in window_seconds()) {
        let downtime = allowed_downtime(&t, w).unwrap();
        let implied = implied_target(downtime, w).unwrap();
        prop_assert!(implied.exact);
        prop_assert_eq!(implied.percent, t.percent());
    }

    #[test]
    fn implied_target_is_never_above_the_exact_one(down in 1u64..86_400, w in 86_400u64..1_000_000) {
        let downtime = ExactDuration::from_whole_seconds(down);
        let implied = implied_target(downtime, w).unwrap();
        let implied_target: Target = implied.percent.to_string().parse().unwrap();
        // The downtime fits the rounded-down target's budget.
        prop_assert!(allowed_downtime(&implied_target, w).unwrap() >= downtime);
    }

    #[test]
    fn event_budget_is_the_truncated_product(t in target(), events in 0u64..=1_000_000_000_000) {
        let allowed = allowed_bad_events(&t, ValidEvents::PerWindow(events), 0).unwrap();
        let exact = Decimal::from(events) * t.error_budget().fraction();
        prop_assert_eq!(Decimal::from(allowed), exact.floor());
    }

    #[test]
    fn slice_budget_never_exceeds_the_time_budget(t in target(), w in 60u64..=400 * 86_400, slice in 1u64..=3_600) {
        prop_assume!(slice <= w);
        let budget = allowed_bad_time_slices(&t, w, ExactDuration::from_whole_seconds(slice)).unwrap();
        let bad_time = Decimal::from(budget.allowed_bad * slice);
        prop_assert!(bad_time <= allowed_downtime(&t, w).unwrap().seconds());
        prop_assert_eq!(budget.slices, w / slice);
    }

    #[test]
    fn the_calculator_never_panics(target in ".{0,24}", window in ".{0,24}", tz in ".{0,12}", events in ".{0,24}",
                                   slice in ".{0,16}", downtime in ".{0,16}", compare in prop::collection::vec(".{0,12}", 0..6),
                                   per_day in any::<bool>()) {
        let form = BudgetForm {
            target, window, time_zone: tz, events,
            events_per: if per_day { EventsPer::Day } else { EventsPer::Window },
            time_slice: slice, downtime, compare,
        };
        let view = evaluate(&form, &UtcOnly);
        let _ = view.report();
    }

    #[test]
    fn the_calculator_never_panics_on_near_valid_input(
        target in "[0-9]{1,3}(\\.[0-9]{0,18})?",
        window in "([0-9]{1,12}[mhdw])|((month|year|quarter|week)(:[0-9]{4}(-[0-9QW]{1,3})?)?)",
        events in "[0-9]{1,22}",
        slice in "[0-9]{1,8}(\\.[0-9]{0,20})?(ns|ms|s|m|h|d)",
        downtime in "[0-9]{1,12}(\\.[0-9]{0,20})?(ns|s|m|h|d|w)",
        per_day in any::<bool>(),
    ) {
        let form = BudgetForm {
            target, window, time_zone: String::new(), events,
            events_per: if per_day { EventsPer::Day } else { EventsPer::Window },
            time_slice: slice, downtime, compare: vec![],
        };
        let view = evaluate(&form, &UtcOnly);
        let _ = view.report();
    }
}

mod history {
    use proptest::prelude::*;
    use slo_core::history::History;

    #[derive(Clone, Debug)]
    enum Step {
        Edit(u8, i32),
        Undo,
        Redo,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0u8..3, any::<i32>()).prop_map(|(f, v)| Step::Edit(f, v)),
            Just(Step::Undo),
            Just(Step::Redo)
        ]
    }

    proptest! {
        #[test]
        fn undo_everything_gives_back_the_start(start in any::<i32>(), steps in prop::collection::vec(step(), 0..40)) {
            let mut h = History::new(start);
            for s in steps {
                match s {
                    Step::Edit(field, v) => h.edit(&field.to_string(), v),
                    Step::Undo => { h.undo(); }
                    Step::Redo => { h.redo(); }
                }
            }
            let now = *h.present();
            let mut undone = 0;
            while h.undo() {
                undone += 1;
            }
            prop_assert_eq!(*h.present(), start);
            for _ in 0..undone {
                prop_assert!(h.redo());
            }
            prop_assert_eq!(*h.present(), now);
        }

        #[test]
        fn editing_in_place_keeps_the_same_steps_as_replacing(start in any::<i32>(), steps in prop::collection::vec(step(), 0..40)) {
            let mut replaced = History::new(start);
            let mut in_place = History::new(start);
            for s in steps {
                match s {
                    Step::Edit(field, v) => {
                        replaced.edit(&field.to_string(), v);
                        in_place.edit_with(&field.to_string(), |x| *x = v);
                    }
                    Step::Undo => { replaced.undo(); in_place.undo(); }
                    Step::Redo => { replaced.redo(); in_place.redo(); }
                }
                prop_assert_eq!(replaced.present(), in_place.present());
                prop_assert_eq!(replaced.can_undo(), in_place.can_undo());
                prop_assert_eq!(replaced.can_redo(), in_place.can_redo());
            }
            while replaced.undo() {
                prop_assert!(in_place.undo());
                prop_assert_eq!(replaced.present(), in_place.present());
            }
            prop_assert!(!in_place.can_undo());
        }

        /// A history restored with its steps as text (read only when undo or
        /// redo reaches them) behaves exactly as one restored with them read.
        #[test]
        fn reading_steps_when_reached_is_the_same_as_reading_them_all(
            start in any::<i32>(),
            before in prop::collection::vec(step(), 0..30),
            after in prop::collection::vec(step(), 0..30),
        ) {
            let apply = |h: &mut History<i32>, s: &Step| match s {
                Step::Edit(field, v) => h.edit(&field.to_string(), *v),
                Step::Undo => { h.undo(); }
                Step::Redo => { h.redo(); }
            };
            let mut first = History::new(start);
            for s in &before {
                apply(&mut first, s);
            }
            let past: Vec<i32> = first.past().copied().collect();
            let future: Vec<i32> = first.future().copied().collect();
            let text = |xs: &[i32]| xs.iter().map(i32::to_string).collect::<Vec<_>>();
            let mut read = History::restore(past.clone(), *first.present(), future.clone());
            let mut unread = History::restore_unread(*first.present(), text(&past), text(&future));
            let parse = |t: &str| t.parse::<i32>().ok();
            for s in &after {
                match s {
                    Step::Edit(field, v) => {
                        read.edit(&field.to_string(), *v);
                        unread.edit(&field.to_string(), *v);
                    }
                    Step::Undo => prop_assert_eq!(read.undo(), unread.undo_reading(parse)),
                    Step::Redo => prop_assert_eq!(read.redo(), unread.redo_reading(parse)),
                }
                prop_assert_eq!(read.present(), unread.present());
                prop_assert_eq!(read.can_undo(), unread.can_undo());
                prop_assert_eq!(read.can_redo(), unread.can_redo());
            }
            // What would be saved: the read steps, then the unread ones.
            let saved = |h: &History<i32>| -> (Vec<String>, Vec<String>) {
                let past = h.past().map(i32::to_string).chain(h.unread_past().map(str::to_string)).collect();
                let future = h.future().map(i32::to_string).chain(h.unread_future().map(str::to_string)).collect();
                (past, future)
            };
            prop_assert_eq!(saved(&read), saved(&unread));
        }
    }
}
