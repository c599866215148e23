//! How two entities are connected: the shortest path through statements
//! (and roles).

use std::collections::HashSet;
use std::fmt::Write as _;

use petgraph::algo::{astar, has_path_connecting};
use petgraph::graph::{EdgeIndex, UnGraph};
use serde::Serialize;

use super::lookup::resolve_index;
use super::table::{clip, count};
use super::{EntityRef, ToTable};
use crate::error::Result;
use crate::graph::{shorten, Edge, EdgeKind, Node, NodeKind, QuoteGraph};

/// How one step of a [`Connection`] is joined to the one before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathEdge {
    /// The edge's kind.
    pub kind: EdgeKind,
    /// True when the edge points from the previous step to this one.
    pub forward: bool,
    /// "said", "mentions", "spokesman of"…
    pub label: String,
}

/// One node on a [`Connection`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathStep {
    /// The node.
    pub node: EntityRef,
    /// The edge from the previous step (none for the first).
    pub via: Option<PathEdge>,
}

/// The shortest connection between two entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Connection {
    /// Where it starts.
    pub from: EntityRef,
    /// Where it ends.
    pub to: EntityRef,
    /// Edges on it.
    pub length: usize,
    /// "Dmitry Peskov —spokesman of→ Vladimir Putin —said→ “…” …".
    pub chain: String,
    /// The nodes, `from` first.
    pub steps: Vec<PathStep>,
}

/// The edges a [`path`] may go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Statements (`said`, `addressed_to`, `reported_by`, `mentions`) and
    /// roles (`holds_role`): Peskov reaches Lavrov as Putin's spokesman.
    #[default]
    Any,
    /// Statements only: who said what to or about whom, and who relayed
    /// it; roles are left out.
    Statements,
}

/// Edges a connection may use, best first when two nodes share several:
/// never document links (`appears_in`, `datelined`), which would join
/// everyone quoted in the same article, and roles only with [`Via::Any`].
fn path_priority(kind: EdgeKind, via: Via) -> Option<u8> {
    match kind {
        EdgeKind::Said => Some(0),
        EdgeKind::AddressedTo => Some(1),
        EdgeKind::ReportedBy => Some(2),
        EdgeKind::HoldsRole if via == Via::Any => Some(3),
        EdgeKind::Mentions => Some(4),
        EdgeKind::HoldsRole | EdgeKind::AppearsIn | EdgeKind::Datelined | EdgeKind::Reports => None,
    }
}

fn edge_label(e: &Edge) -> String {
    match e.kind {
        EdgeKind::Said => "said".into(),
        EdgeKind::ReportedBy => "relayed by".into(),
        EdgeKind::AddressedTo => "to".into(),
        EdgeKind::Mentions => "mentions".into(),
        EdgeKind::HoldsRole => match e.title() {
            Some(t) => format!("{t} of"),
            None => "role of".into(),
        },
        EdgeKind::AppearsIn => "appears in".into(),
        EdgeKind::Datelined => "datelined".into(),
        EdgeKind::Reports => "reports".into(),
    }
}

fn step_name(n: &Node) -> String {
    match n.kind() {
        NodeKind::Statement => format!("“{}”", shorten(n.name(), 40)),
        _ => n.name().to_string(),
    }
}

/// The shortest connection between what `from` and `to` name, through
/// statements (said, addressed to, relayed by, mentions) and roles, in
/// either direction; `None` when they are not connected. Found with
/// petgraph's `has_path_connecting` and `astar` on an undirected view of
/// the graph without document links; every edge counts 1.
/// [`path_via`] with [`Via::Statements`] leaves roles out.
pub fn path(g: &QuoteGraph, from: &str, to: &str) -> Result<Option<Connection>> {
    path_via(g, from, to, Via::Any)
}

/// [`path`] over the edges `via` allows: with [`Via::Statements`] every
/// step is a statement edge (said, addressed to, relayed by, mentions), so
/// the connection is made of who said what to or about whom.
pub fn path_via(g: &QuoteGraph, from: &str, to: &str, via: Via) -> Result<Option<Connection>> {
    let a = resolve_index(g, from)?;
    let b = resolve_index(g, to)?;
    let gr = g.graph();
    let mut aux: UnGraph<(), EdgeIndex> = UnGraph::with_capacity(gr.node_count(), gr.edge_count());
    for _ in gr.node_indices() {
        aux.add_node(());
    }
    let mut usable: Vec<(u8, EdgeIndex)> = gr
        .edge_indices()
        .filter_map(|e| path_priority(gr[e].kind, via).map(|p| (p, e)))
        .collect();
    usable.sort();
    let mut pairs = HashSet::new();
    for (_, e) in usable {
        let (s, t) = gr.edge_endpoints(e).expect("edge");
        if pairs.insert((s.min(t), s.max(t))) {
            aux.add_edge(s, t, e);
        }
    }
    if !has_path_connecting(&aux, a, b, None) {
        return Ok(None);
    }
    let (length, nodes) = astar(&aux, a, |n| n == b, |_| 1usize, |_| 0).expect("connected");
    let mut steps = Vec::with_capacity(nodes.len());
    let mut chain = step_name(&gr[a]);
    for (i, &n) in nodes.iter().enumerate() {
        let via = (i > 0).then(|| {
            let prev = nodes[i - 1];
            let ae = aux.find_edge(prev, n).expect("on the path");
            let e = aux[ae];
            let (s, _) = gr.edge_endpoints(e).expect("edge");
            let label = edge_label(&gr[e]);
            let forward = s == prev;
            if forward {
                write!(chain, " —{label}→ {}", step_name(&gr[n])).expect("to string");
            } else {
                write!(chain, " ←{label}— {}", step_name(&gr[n])).expect("to string");
            }
            PathEdge {
                kind: gr[e].kind,
                forward,
                label,
            }
        });
        steps.push(PathStep {
            node: EntityRef::of(&gr[n]),
            via,
        });
    }
    Ok(Some(Connection {
        from: EntityRef::of(&gr[a]),
        to: EntityRef::of(&gr[b]),
        length,
        chain,
        steps,
    }))
}

impl ToTable for Connection {
    fn to_table(&self) -> String {
        let mut out = format!(
            "{} → {}: {}\n",
            self.from.name,
            self.to.name,
            count(self.length, "step")
        );
        for s in &self.steps {
            match &s.via {
                None => writeln!(out, "  {}", self.from.name),
                Some(v) => {
                    let arrow = if v.forward {
                        format!("—{}→", v.label)
                    } else {
                        format!("←{}—", v.label)
                    };
                    let name = match s.node.kind {
                        NodeKind::Statement => format!("“{}”", clip(&s.node.name, 70)),
                        _ => s.node.name.clone(),
                    };
                    writeln!(out, "    {arrow} {name}")
                }
            }
            .expect("to string");
        }
        out
    }
}
