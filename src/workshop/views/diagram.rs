//! The dependency graph drawn as SVG: services as boxes with their target and
//! composite, hard edges solid, soft edges dashed, redundancy groups framed.
//! Every label is text, escaped by the view.

use leptos::prelude::*;
use slo_core::dependency::analyze;
use slo_core::model::kind::Kind;
use slo_core::report::diagram::layout;

use crate::workshop::state::Workshop;

/// The diagram of the current model, or a line saying why there is none.
#[component]
pub fn DependencyDiagram() -> impl IntoView {
    let workshop = Workshop::from_context();
    let diagram = Memo::new(move |_| workshop.model.with(|m| layout(m, &analyze(m))));
    move || match diagram.get() {
        None => view! { <p class="hint">"No diagram: add dependencies (and fix any cycle)."</p> }
            .into_any(),
        Some(d) => {
            let name = format!(
                "Dependency graph: {} boxes (services of the model and external dependencies, callers above what they call), {} dependencies",
                d.nodes.len(),
                d.edges.len()
            );
            let edges = d
                .edges
                .into_iter()
                .map(|e| {
                    view! {
                        <line x1=e.from.0 y1=e.from.1 x2=e.to.0 y2=e.to.1 class=format!("edge {}", e.coupling.key())
                            marker-end="url(#arrow)" />
                    }
                })
                .collect_view();
            let nodes = d
                .nodes
                .into_iter()
                .map(|n| {
                    let frame = n.frame().zip(n.group.clone()).map(|((x, y, width, height), g)| {
                        view! {
                            <rect x=x y=y width=width height=height rx="10" class="group-frame" />
                            <text x=n.x + n.width / 2 y=n.group_label_y() class="group-label" text-anchor="middle">{g}</text>
                        }
                    });
                    let class = if n.external { "node external" } else { "node" };
                    view! {
                        <g class=class>
                            <title>{n.name}</title>
                            {frame}
                            <rect x=n.x y=n.y width=n.width height=n.height rx="8" />
                            <text x=n.x + n.width / 2 y=n.y + 26 text-anchor="middle" class="node-name">{n.label}</text>
                            <text x=n.x + n.width / 2 y=n.y + 48 text-anchor="middle" class="node-detail">{n.detail}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <div class="diagram-scroll">
                    <svg id="dependency-diagram" role="img" aria-label=name
                        viewBox=format!("0 0 {} {}", d.width, d.height) width=d.width height=d.height>
                        <defs>
                            <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                                <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
                            </marker>
                        </defs>
                        {edges}
                        {nodes}
                    </svg>
                </div>
            }
            .into_any()
        }
    }
}
