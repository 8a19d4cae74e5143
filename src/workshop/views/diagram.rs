//! The dependency graph drawn as SVG: services as boxes with their target and
//! composite, hard edges solid, soft edges dashed, redundancy groups framed.
//! Written as one piece of SVG text, every label escaped: a 50-service
//! graph is about 800 elements, each made and given its attributes one by
//! one from the wasm otherwise (about 15 ms of the page's opening).

use std::fmt::Write;

use html_escape::encode_text;
use leptos::prelude::*;
use slo_core::dependency::analyze;
use slo_core::model::kind::Kind;
use slo_core::report::diagram::{layout, Diagram};

use crate::frame::Page;
use crate::workshop::state::Workshop;

/// The diagram of the current model, or a line saying why there is none.
#[component]
pub fn DependencyDiagram() -> impl IntoView {
    let workshop = Workshop::from_context();
    let diagram = Memo::new(move |_| workshop.model.with(|m| layout(m, &analyze(m))));
    let no_services = Memo::new(move |_| workshop.structure(|m| m.services.is_empty()));
    move || {
        match diagram.get() {
        None if no_services.get() => view! {
            <p class="hint" id="no-diagram">"No services yet: add one on the "
                <a href=Page::Model.href(Page::Model)>"Model page"</a>
                ", then come back to say what it depends on."</p>
        }
        .into_any(),
        None => view! { <p class="hint" id="no-diagram">"No diagram yet: add a dependency to a service below (and remove any cycle, where services depend on each other in a ring)."</p> }
            .into_any(),
        Some(d) => view! { <div class="diagram-scroll" inner_html=svg_text(&d)></div> }.into_any(),
    }
    }
}

/// The diagram as an `<svg>` element's text: edges under boxes, each box
/// with its name as a tooltip, its label and detail, and its redundancy
/// group's frame and name.
fn svg_text(d: &Diagram) -> String {
    let mut svg = format!(
        r#"<svg id="dependency-diagram" role="img" aria-label="Dependency graph: {} boxes (services of the model and external dependencies, callers above what they call), {} dependencies" viewBox="0 0 {w} {h}" width="{w}" height="{h}">"#,
        d.nodes.len(),
        d.edges.len(),
        w = d.width,
        h = d.height,
    );
    svg.push_str(r#"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head"/></marker></defs>"#);
    // Writing into a String cannot fail.
    for e in &d.edges {
        let _ = write!(
            svg,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" class="edge {}" marker-end="url(#arrow)"/>"#,
            e.from.0,
            e.from.1,
            e.to.0,
            e.to.1,
            e.coupling.key()
        );
    }
    for n in &d.nodes {
        let class = if n.external { "node external" } else { "node" };
        let middle = n.x + n.width / 2;
        let _ = write!(
            svg,
            r#"<g class="{class}"><title>{}</title>"#,
            encode_text(&n.name)
        );
        if let (Some((x, y, width, height)), Some(group)) = (n.frame(), &n.group) {
            let _ = write!(
                svg,
                r#"<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="10" class="group-frame"/><text x="{middle}" y="{}" class="group-label" text-anchor="middle">{}</text>"#,
                n.group_label_y(),
                encode_text(group)
            );
        }
        let _ = write!(
            svg,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="8"/><text x="{middle}" y="{}" text-anchor="middle" class="node-name">{}</text><text x="{middle}" y="{}" text-anchor="middle" class="node-detail">{}</text></g>"#,
            n.x,
            n.y,
            n.width,
            n.height,
            n.y + 26,
            encode_text(&n.label),
            n.y + 48,
            encode_text(&n.detail)
        );
    }
    svg.push_str("</svg>");
    svg
}
