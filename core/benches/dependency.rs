//! Composite availability and budget allocation over a generated graph of 500
//! services and 2,000 edges (issue: must stay well under one 16 ms frame).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use slo_core::dependency::{allocate, analyze};
use slo_core::model::{Coupling, Dependency, DependencySource, Model, Service};
use slo_core::Target;

/// 500 services; service i depends on four later services (or, near the end,
/// on external ones): 2,000 edges, some of them redundancy groups and soft.
fn graph() -> Model {
    let n = 500usize;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let services = (0..n)
        .map(|i| {
            let dependencies = (0..4)
                .map(|_| {
                    let r = next();
                    let coupling = match r % 10 {
                        0 => Coupling::Soft,
                        1 => Coupling::Redundant {
                            replicas: "3".into(),
                            required: "2".into(),
                            failover: String::new(),
                            failures_per_year: String::new(),
                        },
                        _ => Coupling::Hard,
                    };
                    let later = n - i - 1;
                    if later == 0 {
                        Dependency {
                            name: format!("external {}", r % 7),
                            source: DependencySource::External {
                                availability: "99.95".into(),
                                note: String::new(),
                            },
                            coupling,
                        }
                    } else {
                        let to = i + 1 + (r as usize % later.min(40));
                        Dependency {
                            name: format!("service {to}"),
                            source: DependencySource::Service,
                            coupling,
                        }
                    }
                })
                .collect();
            Service {
                name: format!("service {i}"),
                own_availability: Some("99.99".into()),
                dependencies,
                ..Service::default()
            }
        })
        .collect();
    Model {
        services,
        ..Model::default()
    }
}

fn dependency_graph(c: &mut Criterion) {
    let model = graph();
    let edges: usize = model.services.iter().map(|s| s.dependencies.len()).sum();
    assert_eq!((model.services.len(), edges), (500, 2_000));
    c.bench_function("composite availability, 500 services, 2,000 edges", |b| {
        b.iter(|| analyze(black_box(&model)))
    });
    let analysis = analyze(&model);
    let target: Target = "99.9".parse().unwrap();
    c.bench_function("budget allocation of every service, 500 services", |b| {
        b.iter(|| {
            let allocations: Vec<_> = analysis
                .composites
                .iter()
                .flatten()
                .map(|c| allocate(&target, c))
                .collect();
            black_box(allocations)
        })
    });
}

criterion_group!(benches, dependency_graph);
criterion_main!(benches);
