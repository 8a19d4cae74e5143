//! The layout of the dependency graph for drawing: services and external
//! dependencies as boxes in rows by depth (callers above what they call),
//! edges between them. Pure geometry; the web app draws it as SVG.

use std::collections::HashMap;

use serde::Serialize;

use crate::dependency::{percent_text, Analysis, PERCENT_DECIMALS};
use crate::echo::cut_to;
use crate::model::location::service_slos;
use crate::model::{Coupling, CouplingKind, DependencySource, Model, SliKind};
use crate::problem::ProblemCode;

/// Box width and height, and the gaps between boxes, in SVG user units.
const W: u32 = 250;
const H: u32 = 64;
const GAP_X: u32 = 28;
const GAP_Y: u32 = 56;
const MARGIN: u32 = 12;
/// A redundancy group's frame: this far outside its box, and this much
/// deeper below it for the group's label.
const FRAME_PAD: u32 = 6;
/// (12 px text: its baseline 4 units above the frame's bottom edge, so
/// its descenders stay inside the frame.)
const FRAME_LABEL: u32 = 19;
/// The most characters of a name and of a detail line that fit a box (15 px
/// bold and 12 px text in a 250-unit box); longer ones are cut with `…`.
const NAME_CHARS: usize = 24;
const DETAIL_CHARS: usize = 36;

/// One box.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Node {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
    /// The service's name in full (user text: draw it escaped), for a tooltip.
    pub name: String,
    /// The name as drawn: cut with `…` to fit the box.
    pub label: String,
    /// "SLO 98.5 % · composite 98.8021 %" or "SLA 99.95 %", cut to fit the box.
    pub detail: String,
    /// Whether it is outside the model.
    pub external: bool,
    /// For a redundancy group: "×2, 1 of 2 needed" (the box is drawn framed).
    pub group: Option<String>,
}

/// A rectangle: left, top, width, height.
pub type Rect = (u32, u32, u32, u32);

impl Node {
    /// The frame of a redundancy group around the box, with room below for
    /// the group's label (drawn at [`Node::group_label_y`]); inside the diagram.
    pub fn frame(&self) -> Option<Rect> {
        self.group.as_ref().map(|_| {
            (
                self.x - FRAME_PAD,
                self.y - FRAME_PAD,
                self.width + 2 * FRAME_PAD,
                self.height + FRAME_PAD + FRAME_LABEL,
            )
        })
    }

    /// The baseline of the group's label, inside the frame's bottom strip.
    pub fn group_label_y(&self) -> u32 {
        self.y + self.height + FRAME_LABEL - 4
    }

    /// The box, or its frame when it has one: what the diagram must hold.
    fn extent(&self) -> Rect {
        self.frame()
            .unwrap_or((self.x, self.y, self.width, self.height))
    }
}

/// One arrow from a caller to what it depends on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edge {
    /// Start (the caller's bottom centre).
    pub from: (u32, u32),
    /// End (the dependency's top centre).
    pub to: (u32, u32),
    /// Hard (solid), soft (dashed) or redundant (solid, to a framed box).
    pub coupling: CouplingKind,
}

/// The whole drawing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagram {
    /// Total width.
    pub width: u32,
    /// Total height.
    pub height: u32,
    /// The boxes.
    pub nodes: Vec<Node>,
    /// The arrows.
    pub edges: Vec<Edge>,
}

/// The graph to draw: boxes (services by index, then external names in
/// order of appearance, each with whether it is external), links (caller,
/// callee, coupling), redundancy labels and external details by box.
struct Graph<'m> {
    names: Vec<(String, bool)>,
    links: Vec<(usize, usize, &'m Coupling)>,
    groups: HashMap<usize, String>,
    external_detail: HashMap<usize, String>,
}

fn graph(model: &Model) -> Graph<'_> {
    let mut names: Vec<(String, bool)> = model
        .services
        .iter()
        .map(|s| (s.name.clone(), false))
        .collect();
    let mut key: HashMap<String, usize> = HashMap::new();
    for (i, (name, _)) in names.iter().enumerate() {
        key.entry(name.trim().to_lowercase()).or_insert(i);
    }
    let mut links: Vec<(usize, usize, &Coupling)> = Vec::new();
    let mut groups: HashMap<usize, String> = HashMap::new();
    let mut external_detail: HashMap<usize, String> = HashMap::new();
    for (s, service) in model.services.iter().enumerate() {
        for dependency in &service.dependencies {
            let to = match &dependency.source {
                DependencySource::Service => {
                    match key.get(&dependency.name.trim().to_lowercase()) {
                        Some(&t) if t != s => t,
                        _ => continue,
                    }
                }
                DependencySource::External { availability, .. } => {
                    let k = format!("external:{}", dependency.name.trim().to_lowercase());
                    let t = *key.entry(k).or_insert_with(|| {
                        names.push((dependency.name.clone(), true));
                        names.len() - 1
                    });
                    external_detail
                        .entry(t)
                        .or_insert_with(|| format!("SLA {} %", availability.trim()));
                    t
                }
            };
            if let Coupling::Redundant {
                replicas, required, ..
            } = &dependency.coupling
            {
                groups.insert(
                    to,
                    format!(
                        "×{}, {} of {} needed",
                        replicas.trim(),
                        required.trim(),
                        replicas.trim()
                    ),
                );
            }
            links.push((s, to, &dependency.coupling));
        }
    }
    Graph {
        names,
        links,
        groups,
        external_detail,
    }
}

/// Each box's row: the longest chain of callers above it (callers first).
fn depths(boxes: usize, links: &[(usize, usize, &Coupling)]) -> Vec<u32> {
    let mut depth = vec![0u32; boxes];
    for _ in 0..boxes {
        let mut changed = false;
        for &(from, to, _) in links {
            if depth[to] < depth[from] + 1 {
                depth[to] = depth[from] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    depth
}

/// Lays out the model's dependency graph; `None` when it has no dependencies
/// or a cycle (reported by validation instead).
pub fn layout(model: &Model, analysis: &Analysis) -> Option<Diagram> {
    if model.services.iter().all(|s| s.dependencies.is_empty())
        || analysis
            .problems
            .iter()
            .any(|p| p.code == ProblemCode::DependencyCycle)
    {
        return None;
    }
    let Graph {
        names,
        links,
        groups,
        external_detail,
    } = graph(model);
    let depth = depths(names.len(), &links);
    let mut per_row: HashMap<u32, u32> = HashMap::new();
    let nodes: Vec<Node> = names
        .iter()
        .enumerate()
        .map(|(i, (name, external))| {
            let column = per_row.entry(depth[i]).or_insert(0);
            let x = MARGIN + *column * (W + GAP_X);
            *column += 1;
            let detail = if *external {
                external_detail.get(&i).cloned().unwrap_or_default()
            } else {
                service_detail(model, analysis, i)
            };
            Node {
                x,
                y: MARGIN + depth[i] * (H + GAP_Y),
                width: W,
                height: H,
                name: name.clone(),
                label: cut_to(name, NAME_CHARS),
                detail: cut_to(&detail, DETAIL_CHARS),
                external: *external,
                group: groups.get(&i).map(|g| cut_to(g, DETAIL_CHARS)),
            }
        })
        .collect();
    let edges = links
        .iter()
        .map(|&(from, to, coupling)| Edge {
            from: (nodes[from].x + W / 2, nodes[from].y + H),
            to: (nodes[to].x + W / 2, nodes[to].y),
            coupling: coupling.kind(),
        })
        .collect();
    // Everything drawn, frames included, fits with a margin on every side.
    let right = nodes
        .iter()
        .map(|n| {
            let (x, _, w, _) = n.extent();
            x + w
        })
        .max()
        .unwrap_or(0);
    let bottom = nodes
        .iter()
        .map(|n| {
            let (_, y, _, h) = n.extent();
            y + h
        })
        .max()
        .unwrap_or(0);
    Some(Diagram {
        width: right + MARGIN,
        height: bottom + MARGIN,
        nodes,
        edges,
    })
}

/// "SLO 98.5 % · composite 98.8021 %" for a service of the model.
fn service_detail(model: &Model, analysis: &Analysis, s: usize) -> String {
    let target = service_slos(s, &model.services[s])
        .find(|e| e.sli.kind == SliKind::Availability)
        .map(|e| e.slo.target.trim().to_string());
    let composite = analysis
        .composites
        .get(s)
        .and_then(Option::as_ref)
        .map(|c| {
            format!(
                "composite {} %",
                percent_text(c.availability.independent, PERCENT_DECIMALS)
            )
        });
    [target.map(|t| format!("SLO {t} %")), composite]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}
