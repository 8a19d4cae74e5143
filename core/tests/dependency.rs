//! Dependency chains: reference figures (section 6), k-of-n against brute
//! force, properties, and every bad-graph case.

use proptest::prelude::*;
use rust_decimal::Decimal;
use slo_core::dependency::{allocate, analyze, k_of_n, percent_text, Bounds};
use slo_core::examples::seed_chain;
use slo_core::model::kind::Kind;
use slo_core::model::{Coupling, Dependency, DependencySource, Model, Service};
use slo_core::problem::{ProblemCode, Severity};
use slo_core::quantity::zone::UtcOnly;
use slo_core::validate::validate;
use slo_core::Target;

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn external(name: &str, availability: &str, coupling: Coupling) -> Dependency {
    Dependency {
        name: name.into(),
        source: DependencySource::External {
            availability: availability.into(),
            note: String::new(),
        },
        coupling,
    }
}

fn internal(name: &str, coupling: Coupling) -> Dependency {
    Dependency {
        name: name.into(),
        source: DependencySource::Service,
        coupling,
    }
}

fn redundant(n: u64, k: u64) -> Coupling {
    Coupling::Redundant {
        replicas: n.to_string(),
        required: k.to_string(),
        failover: String::new(),
        failures_per_year: String::new(),
    }
}

fn service(name: &str, own: Option<&str>, dependencies: Vec<Dependency>) -> Service {
    Service {
        name: name.into(),
        own_availability: own.map(str::to_string),
        dependencies,
        ..Service::default()
    }
}

fn model(services: Vec<Service>) -> Model {
    Model {
        services,
        ..Model::default()
    }
}

fn independent(services: Vec<Service>) -> Decimal {
    analyze(&model(services)).composites[0]
        .as_ref()
        .unwrap()
        .availability
        .independent
}

#[test]
fn the_seed_chain_is_98_8_percent() {
    // Seed "Insights on setting up a Service Level Agreement": AKS x MySQL x APIM x own code.
    let analysis = analyze(&seed_chain());
    let composite = analysis.composites[0].as_ref().unwrap();
    assert_eq!(composite.availability.independent, dec("0.9880212372525"));
    assert_eq!(percent_text(composite.availability.independent, 1), "98.8");
    assert_eq!(composite.availability.pessimistic, dec("0.988"));
    assert_eq!(composite.availability.optimistic, dec("0.99"));
    assert!(analysis.problems.is_empty());
}

#[test]
fn reference_figures_of_section_6() {
    let hard = Coupling::Hard;
    // system-design-primer "Availability in numbers": serial and parallel 99.9 %.
    let serial = independent(vec![service(
        "a",
        None,
        vec![
            external("x", "99.9", hard.clone()),
            external("y", "99.9", hard.clone()),
        ],
    )]);
    assert_eq!(serial, dec("0.998001"));
    let parallel = independent(vec![service(
        "a",
        None,
        vec![external("x", "99.9", redundant(2, 1))],
    )]);
    assert_eq!(parallel, dec("0.999999"));
    // OpenSLO issue 14: 99 % x 99 %.
    let twice = independent(vec![service(
        "a",
        Some("99"),
        vec![external("x", "99", hard)],
    )]);
    assert_eq!(twice, dec("0.9801"));
}

#[test]
fn a_three_level_chain_uses_each_dependency_composite() {
    let m = model(vec![
        service(
            "web",
            Some("99.9"),
            vec![
                internal("api", Coupling::Hard),
                internal("search", Coupling::Soft),
            ],
        ),
        service("api", Some("99.9"), vec![internal("db", Coupling::Hard)]),
        service("db", None, vec![external("disk", "99.99", Coupling::Hard)]),
        service("search", Some("95"), vec![]),
    ]);
    let analysis = analyze(&m);
    let web = analysis.composites[0].as_ref().unwrap();
    assert_eq!(
        web.availability.independent,
        dec("0.999") * dec("0.999") * dec("0.9999")
    );
    assert_eq!(web.soft, ["search"]);
    assert_eq!(
        analysis.composites[1]
            .as_ref()
            .unwrap()
            .availability
            .independent,
        dec("0.998900100")
    );
    // Switching the database to two replicas (one needed) raises everything above it.
    let mut m2 = m.clone();
    m2.services[1].dependencies[0].coupling = redundant(2, 1);
    let web2 = analyze(&m2).composites[0].clone().unwrap();
    assert!(web2.availability.independent > web.availability.independent);
}

#[test]
fn k_of_n_matches_brute_force_enumeration() {
    for a in ["0.9", "0.99", "0.999", "0.5", "0.95"] {
        let a = dec(a);
        for n in 1..=7u64 {
            for k in 1..=n {
                let mut total = Decimal::ZERO;
                for mask in 0u32..(1 << n) {
                    let up = mask.count_ones() as u64;
                    if up >= k {
                        let mut p = Decimal::ONE;
                        for bit in 0..n {
                            p *= if mask & (1 << bit) != 0 {
                                a
                            } else {
                                Decimal::ONE - a
                            };
                        }
                        total += p;
                    }
                }
                let diff = (k_of_n(a, k, n) - total).abs();
                assert!(diff < dec("0.000000000000000000001"), "a={a} k={k} n={n}");
            }
        }
    }
}

#[test]
fn budget_allocation_of_the_seed_chain() {
    let analysis = analyze(&seed_chain());
    let composite = analysis.composites[0].as_ref().unwrap();
    let allocation = allocate(&"98.5".parse::<Target>().unwrap(), composite);
    let shares: Vec<(String, String)> = allocation
        .dependencies
        .iter()
        .map(|s| (s.name.clone(), s.budget_percent.to_string()))
        .collect();
    assert_eq!(
        shares,
        [
            ("Azure Kubernetes Service".to_string(), "3.3333".to_string()),
            ("Azure Database for MySQL".to_string(), "6.6667".to_string()),
            ("Azure API Management".to_string(), "3.3333".to_string()),
        ]
    );
    assert_eq!(allocation.left.fraction, dec("0.013"));
    assert_eq!(allocation.left.budget_percent, dec("86.6667"));
    // Over 30 days: AKS at 99.95 % takes 21m 36s of the 10h 48m budget.
    assert_eq!(
        allocation.dependencies[0].seconds_of(30 * 86_400),
        dec("1296")
    );
    // Issue 9: 0.05 % of 28 days is exactly 20m 9.6s, not a silently truncated "20m 9s".
    assert_eq!(
        allocation.dependencies[0].seconds_of(28 * 86_400),
        dec("1209.6")
    );
    // An unending fraction is rounded down to the millisecond (the stated rule).
    assert_eq!(allocation.dependencies[0].seconds_of(7), dec("0.003"));
}

#[test]
fn an_slo_above_the_composite_warns_and_names_the_biggest_eaters() {
    let mut m = seed_chain();
    m.services[0].journeys[0].slis[0].slos[0].target = "99.95".into();
    let problems = validate(&m, &UtcOnly);
    let warning = problems
        .iter()
        .find(|p| p.path == "services[0].journeys[0].slis[0].slos[0].target")
        .unwrap();
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.code, ProblemCode::AboveCeiling);
    assert!(
        warning
            .message
            .starts_with("the SLO 99.95 % is above the 98.8021 % this service can reach"),
        "{}",
        warning.message
    );
    assert!(warning.message.contains("most of the budget goes to own code and infrastructure (1 %), Azure Database for MySQL (0.1 %)"), "{}", warning.message);
    m.services[0].journeys[0].slis[0].slos[0].target = "98".into();
    m.services[0].journeys[0].slis[0].slos[0].sla = Some("99".into());
    let problems = validate(&m, &UtcOnly);
    assert!(problems
        .iter()
        .any(|p| p.path.ends_with(".sla") && p.message.starts_with("the SLA 99 % is above")));
}

#[test]
fn a_cycle_has_its_code_and_draws_no_diagram() {
    let m = model(vec![
        service("a", None, vec![internal("b", Coupling::Hard)]),
        service("b", None, vec![internal("a", Coupling::Hard)]),
    ]);
    let analysis = analyze(&m);
    assert!(analysis
        .problems
        .iter()
        .any(|p| p.code == ProblemCode::DependencyCycle));
    assert!(slo_core::report::diagram::layout(&m, &analysis).is_none());
    // Other problems carry no code, and leave it out of the JSON.
    let ghost = model(vec![service(
        "a",
        None,
        vec![internal("ghost", Coupling::Hard)],
    )]);
    let problem = &analyze(&ghost).problems[0];
    assert_eq!(problem.code, ProblemCode::Other);
    assert!(!serde_json::to_string(problem).unwrap().contains("code"));
}

#[test]
fn bad_graphs_are_reported_not_crashed_on() {
    let cases: Vec<(Vec<Service>, &str, &str)> = vec![
        (
            vec![
                service("a", None, vec![internal("b", Coupling::Hard)]),
                service("b", None, vec![internal("c", Coupling::Hard)]),
                service("c", None, vec![internal("a", Coupling::Hard)]),
            ],
            "services[2].dependencies[0].name",
            "dependency cycle: a → b → c → a",
        ),
        (
            vec![service("a", None, vec![internal("ghost", Coupling::Hard)])],
            "services[0].dependencies[0].name",
            "no service \"ghost\" in the model",
        ),
        (
            vec![service("a", None, vec![internal("a", Coupling::Hard)])],
            "services[0].dependencies[0].name",
            "\"a\" depends on itself",
        ),
        (
            vec![service(
                "a",
                None,
                vec![external("x", "99", redundant(2, 3))],
            )],
            "services[0].dependencies[0].coupling.required",
            "3 of 2: more replicas must be up than there are",
        ),
        (
            vec![service(
                "a",
                None,
                vec![external("x", "99", redundant(0, 1))],
            )],
            "services[0].dependencies[0].coupling.replicas",
            "\"0\" is too small: a number of replicas must be at least 1",
        ),
        (
            vec![service("a", None, vec![external("x", "0", Coupling::Hard)])],
            "services[0].dependencies[0].source.availability",
            "\"0\" is too small: an availability must be above 0 %",
        ),
        (
            vec![service(
                "a",
                None,
                vec![external("x", "100.1", Coupling::Hard)],
            )],
            "services[0].dependencies[0].source.availability",
            "\"100.1\" is too large: an availability can be at most 100 %",
        ),
        (
            vec![service("a", Some("-5"), vec![])],
            "services[0].ownAvailability",
            "\"-5\" is too small: an availability must be above 0 %",
        ),
    ];
    for (services, path, needle) in cases {
        let analysis = analyze(&model(services));
        assert!(analysis.composites[0].is_none(), "{path}");
        assert!(
            analysis.problems.iter().any(|p| p.path == path
                && p.message.contains(needle)
                && p.severity == Severity::Error),
            "{path}: {:#?}",
            analysis.problems
        );
    }
    // 100 % is a valid availability for a dependency.
    assert_eq!(
        independent(vec![service(
            "a",
            None,
            vec![external("x", "100", Coupling::Hard)]
        )]),
        Decimal::ONE
    );
}

#[test]
fn failover_time_costs_availability() {
    let with_failover = Coupling::Redundant {
        replicas: "2".into(),
        required: "1".into(),
        failover: "1h".into(),
        failures_per_year: "4".into(),
    };
    let a = independent(vec![service(
        "a",
        None,
        vec![external("x", "99.9", with_failover)],
    )]);
    // 2 replicas x 4 failures x 1 h of failover over 8,760 h.
    assert_eq!(a, dec("0.999999") - dec("8") / dec("8760"));
}

/// Random acyclic graphs: service i depends only on services after it.
fn graph() -> impl Strategy<Value = Model> {
    let availability =
        prop::sample::select(vec!["90", "99", "99.5", "99.9", "99.95", "99.99", "100"]);
    let dep = (0usize..6, availability.clone(), 0u8..4, 1u64..4, 1u64..4)
        .prop_map(|(to, a, kind, n, k)| (to, a, kind, n, k));
    prop::collection::vec(
        (
            prop::option::of(availability),
            prop::collection::vec(dep, 0..4),
        ),
        1..6,
    )
    .prop_map(|specs| {
        let count = specs.len();
        let services = specs
            .into_iter()
            .enumerate()
            .map(|(i, (own, deps))| {
                let dependencies = deps
                    .into_iter()
                    .map(|(to, a, kind, n, k)| {
                        let coupling = match kind {
                            0 => Coupling::Hard,
                            1 => Coupling::Soft,
                            _ => redundant(n, k.min(n)),
                        };
                        let target = i + 1 + to;
                        if target < count && kind != 3 {
                            internal(&format!("s{target}"), coupling)
                        } else {
                            external(&format!("x{to}"), a, coupling)
                        }
                    })
                    .collect();
                service(&format!("s{i}"), own, dependencies)
            })
            .collect();
        model(services)
    })
}

fn bounds_of(m: &Model) -> Bounds {
    analyze(m).composites[0].as_ref().unwrap().availability
}

proptest! {
    #[test]
    fn bounds_are_ordered(m in graph()) {
        let analysis = analyze(&m);
        prop_assert!(analysis.problems.is_empty(), "{:?}", analysis.problems);
        for c in analysis.composites.iter().flatten() {
            let b = c.availability;
            prop_assert!(b.pessimistic <= b.independent && b.independent <= b.optimistic, "{b:?}");
            prop_assert!(b.pessimistic >= Decimal::ZERO && b.optimistic <= Decimal::ONE);
        }
    }

    #[test]
    fn adding_a_hard_dependency_never_raises_availability(m in graph(), a in prop::sample::select(vec!["90", "99.9", "100"])) {
        let before = bounds_of(&m);
        let mut more = m.clone();
        more.services[0].dependencies.push(external("new", a, Coupling::Hard));
        let after = bounds_of(&more);
        prop_assert!(after.independent <= before.independent);
        prop_assert!(after.pessimistic <= before.pessimistic);
        prop_assert!(after.optimistic <= before.optimistic);
    }

    #[test]
    fn adding_a_replica_never_lowers_availability(a in prop::sample::select(vec!["50", "90", "99", "99.9"]), n in 1u64..8, k in 1u64..8) {
        prop_assume!(k <= n);
        let one = |n| bounds_of(&model(vec![service("s", None, vec![external("x", a, redundant(n, k))])]));
        let (before, after) = (one(n), one(n + 1));
        prop_assert!(after.independent >= before.independent);
        prop_assert!(after.pessimistic >= before.pessimistic);
        prop_assert!(after.optimistic >= before.optimistic);
    }
}

#[test]
fn the_diagram_puts_callers_above_what_they_call() {
    use slo_core::report::diagram::layout;
    let m = model(vec![
        service(
            "web",
            None,
            vec![
                internal("api", Coupling::Hard),
                internal("search", Coupling::Soft),
            ],
        ),
        service(
            "api",
            None,
            vec![external("MySQL", "99.9", redundant(2, 1))],
        ),
        service("search", None, vec![]),
    ]);
    let d = layout(&m, &analyze(&m)).unwrap();
    let y = |name: &str| d.nodes.iter().find(|n| n.name == name).unwrap().y;
    assert!(y("web") < y("api") && y("api") < y("MySQL"));
    assert_eq!(d.nodes.len(), 4);
    assert_eq!(d.nodes[3].group.as_deref(), Some("×2, 1 of 2 needed"));
    assert!(d.nodes[3].external);
    let kinds: Vec<_> = d.edges.iter().map(|e| e.coupling.key()).collect();
    assert_eq!(kinds, ["hard", "soft", "redundant"]);
    assert!(d
        .nodes
        .iter()
        .all(|n| n.x + n.width <= d.width && n.y + n.height <= d.height));
    // A cycle draws nothing (validation names it instead).
    let cyclic = model(vec![
        service("a", None, vec![internal("b", Coupling::Hard)]),
        service("b", None, vec![internal("a", Coupling::Hard)]),
    ]);
    assert!(layout(&cyclic, &analyze(&cyclic)).is_none());
}

#[test]
fn the_diagram_holds_every_frame_and_cuts_long_names_to_their_box() {
    use slo_core::report::diagram::layout;
    let long = "Azure Database for MySQL flexible server in West Europe, zone redundant";
    // The redundant group is in the bottom row and the first column: its
    // frame reaches below and left of its box.
    let m = model(vec![service(
        "api",
        None,
        vec![external(long, "99.9", redundant(2, 1))],
    )]);
    let d = layout(&m, &analyze(&m)).unwrap();
    let group = d.nodes.iter().find(|n| n.group.is_some()).unwrap();
    let (x, y, w, h) = group.frame().unwrap();
    assert!(x > 0 && y > 0, "the frame starts inside the drawing");
    assert!(
        x + w < d.width && y + h < d.height,
        "{:?} in {}x{}",
        (x, y, w, h),
        d.width,
        d.height
    );
    assert!(group.group_label_y() < y + h);
    assert_eq!(group.name, long, "the full name stays for the tooltip");
    assert_eq!(group.label, "Azure Database for MySQL…");
    assert!(d
        .nodes
        .iter()
        .all(|n| n.label.chars().count() <= 25 && n.detail.chars().count() <= 37));
}

#[test]
fn an_unnamed_dependency_is_named_as_such_in_the_ceiling_warning() {
    let mut m = seed_chain();
    let mysql = m.services[0]
        .dependencies
        .iter()
        .position(|d| d.name == "Azure Database for MySQL")
        .unwrap();
    m.services[0].dependencies[mysql].name = String::new();
    m.services[0].journeys[0].slis[0].slos[0].target = "99.95".into();
    let problems = slo_core::validate::validate(&m, &slo_core::quantity::zone::UtcOnly);
    let ceiling = problems
        .iter()
        .find(|p| p.message.contains("most of the budget goes to"))
        .expect("a ceiling warning");
    assert!(
        ceiling.message.contains("an unnamed dependency (0.1 %)"),
        "{}",
        ceiling.message
    );
    assert!(!ceiling.message.contains(", (0.1 %)") && !ceiling.message.contains("to (0.1 %)"));
}

#[test]
fn a_redundant_pair_rounds_neither_figure_in_its_own_favour() {
    // Issue 27: 2 of 3 replicas at 99.9 % are up 99.9997002 % of the time,
    // down 0.0002998 %: shown to 4 places the availability rounds down
    // (99.9997) and the unavailability up (0.0003, not 0.0002).
    use rust_decimal::Decimal;
    use slo_core::dependency::{unavailability_text, PERCENT_DECIMALS};
    let up = k_of_n(Decimal::new(999, 3), 2, 3);
    assert_eq!(up, Decimal::new(999997002, 9));
    assert_eq!(percent_text(up, PERCENT_DECIMALS), "99.9997");
    assert_eq!(
        unavailability_text(Decimal::ONE - up, PERCENT_DECIMALS),
        "0.0003"
    );
    // An exact figure keeps its digits either way.
    assert_eq!(
        unavailability_text(Decimal::new(1, 3), PERCENT_DECIMALS),
        "0.1"
    );
    assert_eq!(percent_text(Decimal::new(999, 3), PERCENT_DECIMALS), "99.9");
}
