//! Counts and speaker summaries of a whole graph.

use std::collections::{HashMap, HashSet};
use std::fmt;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use serde::Serialize;

use super::{EdgeKind, Node, NodeKind, QuoteGraph};

/// Node and edge counts by kind.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Nodes of each kind, in [`NodeKind::ALL`] order.
    pub nodes: Vec<(NodeKind, usize)>,
    /// Edges of each kind, in [`EdgeKind::ALL`] order.
    pub edges: Vec<(EdgeKind, usize)>,
}

impl Summary {
    /// All nodes.
    pub fn node_total(&self) -> usize {
        self.nodes.iter().map(|n| n.1).sum()
    }

    /// All edges.
    pub fn edge_total(&self) -> usize {
        self.edges.iter().map(|n| n.1).sum()
    }
}

impl fmt::Display for Summary {
    /// `12 nodes (3 person, …), 20 edges (5 said, …)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nodes: Vec<String> = self
            .nodes
            .iter()
            .map(|(k, n)| format!("{n} {}", k.as_str()))
            .collect();
        let edges: Vec<String> = self
            .edges
            .iter()
            .map(|(k, n)| format!("{n} {}", k.as_str()))
            .collect();
        write!(
            f,
            "{} nodes ({}), {} edges ({})",
            self.node_total(),
            nodes.join(", "),
            self.edge_total(),
            edges.join(", ")
        )
    }
}

/// One speaker's statements, for "who said what" tables.
#[derive(Debug, Clone)]
pub struct SpeakerSummary<'a> {
    /// The speaker.
    pub speaker: &'a Node,
    /// Their statements, in graph order.
    pub statements: Vec<&'a Node>,
    /// Distinct documents the statements appear in.
    pub documents: usize,
    /// Distinct outlets that relayed them, in order of first use.
    pub relayed_by: Vec<&'a Node>,
}

impl QuoteGraph {
    /// Node and edge counts by kind.
    pub fn summary(&self) -> Summary {
        let mut nodes: HashMap<NodeKind, usize> = HashMap::new();
        for n in self.nodes() {
            *nodes.entry(n.kind()).or_default() += 1;
        }
        let mut edges: HashMap<EdgeKind, usize> = HashMap::new();
        for e in self.graph.edge_weights() {
            *edges.entry(e.kind).or_default() += 1;
        }
        Summary {
            nodes: NodeKind::ALL
                .iter()
                .map(|k| (*k, nodes.get(k).copied().unwrap_or(0)))
                .collect(),
            edges: EdgeKind::ALL
                .iter()
                .map(|k| (*k, edges.get(k).copied().unwrap_or(0)))
                .collect(),
        }
    }

    /// Everyone who said something, most statements first (then by name),
    /// with their statements and the outlets that relayed them.
    pub fn speakers(&self) -> Vec<SpeakerSummary<'_>> {
        let mut out = Vec::new();
        for ix in self.graph.node_indices() {
            if !self.graph[ix].kind().is_entity() {
                continue;
            }
            let said = self.linked_edges(ix, EdgeKind::Said, Direction::Outgoing);
            if said.is_empty() {
                continue;
            }
            let mut docs = HashSet::new();
            let mut relayed: Vec<NodeIndex> = Vec::new();
            let mut statements = Vec::new();
            for (_, st) in &said {
                statements.push(&self.graph[*st]);
                let mut outs: Vec<_> = self
                    .graph
                    .edges_directed(*st, Direction::Outgoing)
                    .map(|e| (e.id(), e.weight().kind, e.target()))
                    .collect();
                outs.sort();
                for (_, kind, to) in outs {
                    match kind {
                        EdgeKind::AppearsIn => {
                            docs.insert(to);
                        }
                        EdgeKind::ReportedBy if !relayed.contains(&to) => relayed.push(to),
                        _ => {}
                    }
                }
            }
            out.push(SpeakerSummary {
                speaker: &self.graph[ix],
                statements,
                documents: docs.len(),
                relayed_by: relayed.into_iter().map(|i| &self.graph[i]).collect(),
            });
        }
        out.sort_by(|a, b| {
            b.statements
                .len()
                .cmp(&a.statements.len())
                .then_with(|| a.speaker.name().cmp(b.speaker.name()))
                .then_with(|| a.speaker.id.cmp(&b.speaker.id))
        });
        out
    }
}
