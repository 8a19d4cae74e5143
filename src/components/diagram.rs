//! The dependency graph drawn as SVG: services as boxes with their target and
//! composite, hard edges solid, soft edges dashed, redundancy groups framed.
//! Every label is text, escaped by the view.

use leptos::prelude::*;
use slo_core::dependency::analyze;
use slo_core::diagram::layout;

use crate::workshop::Workshop;

/// The diagram of the current model, or a line saying why there is none.
#[component]
pub fn DependencyDiagram() -> impl IntoView {
    let workshop = Workshop::from_context();
    let diagram = Memo::new(move |_| workshop.model.with(|m| layout(m, &analyze(m))));
    move || match diagram.get() {
        None => view! { <p class="hint">"No diagram: add dependencies (and fix any cycle)."</p> }
            .into_any(),
        Some(d) => {
            let edges = d
                .edges
                .into_iter()
                .map(|e| {
                    view! {
                        <line x1=e.from.0 y1=e.from.1 x2=e.to.0 y2=e.to.1 class=format!("edge {}", e.coupling)
                            marker-end="url(#arrow)" />
                    }
                })
                .collect_view();
            let nodes = d
                .nodes
                .into_iter()
                .map(|n| {
                    let frame = n.group.clone().map(|g| {
                        view! {
                            <rect x=n.x - 6 y=n.y - 6 width=n.width + 12 height=n.height + 20 rx="10" class="group-frame" />
                            <text x=n.x + n.width / 2 y=n.y + n.height + 11 class="group-label" text-anchor="middle">{g}</text>
                        }
                    });
                    let class = if n.external { "node external" } else { "node" };
                    view! {
                        <g class=class>
                            {frame}
                            <rect x=n.x y=n.y width=n.width height=n.height rx="8" />
                            <text x=n.x + n.width / 2 y=n.y + 26 text-anchor="middle" class="node-name">{n.name}</text>
                            <text x=n.x + n.width / 2 y=n.y + 48 text-anchor="middle" class="node-detail">{n.detail}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <div class="diagram-scroll">
                    <svg id="dependency-diagram" role="img" aria-label="Dependency graph"
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
