//! The knowledge graph: people, organizations, places, statements and
//! documents from any number of [`DocRecord`](crate::record::DocRecord)s, in one petgraph
//! [`DiGraph`].
//!
//! Node ids are stable and human-readable — `person:sergey-lavrov`,
//! `statement:<doc>#<n>`, `document:<doc>` — and nodes and edges are kept in
//! insertion order, so the same records in the same order give the same
//! graph and byte-for-byte the same exports.
//!
//! ```
//! use quotegraph::{Document, Extractor, QuoteGraph};
//! use quotegraph::graph::{EdgeKind, NodeKind};
//!
//! let ex = Extractor::default();
//! let a = ex.extract(&Document::new("a.txt",
//!     "Russia is ready to talk, Sergey Lavrov told Tucker Carlson, as cited by TASS.")).to_record();
//! let b = ex.extract(&Document::new("b.txt",
//!     "Russia wants peace, Sergey Lavrov said.")).to_record();
//! let g = QuoteGraph::from_extractions(&[a, b]).unwrap();
//! // one Lavrov, two statements
//! let lavrov = g.node("person:sergey-lavrov").unwrap();
//! assert_eq!(lavrov.name(), "Sergey Lavrov");
//! let said = g.neighbors("person:sergey-lavrov", EdgeKind::Said, petgraph::Direction::Outgoing);
//! assert_eq!(said.len(), 2);
//! assert_eq!(g.nodes_of_kind(NodeKind::Document).count(), 2);
//! ```
//!
//! Entities merge across documents by name (see [`QuoteGraph::add_record`]
//! for the rules); statements never merge: the same words in two documents
//! are two statements that share a speaker.

mod build;
mod claims;
mod context;
pub(crate) use context::contexts_of;
mod edge;
mod index;
mod names;
mod node;
pub(crate) mod shared;
mod summary;

use std::collections::HashSet;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;

use crate::lexicon::Lexicon;
use build::MergeIndex;
use edge::EdgeText;
use index::IdIndex;
use names::NameRules;

pub use edge::{Edge, EdgeKind, EdgeRef};
pub(crate) use node::span32;
pub use node::{
    shorten, ClaimNode, ContextMark, ContextPart, DocumentNode, EntityNode, Node, NodeData,
    NodeKind, StatementContext, StatementNode,
};
pub use shared::SharedStr;
pub use summary::{SpeakerSummary, Summary};

/// The knowledge graph. See the [module docs](self).
#[derive(Debug, Clone)]
pub struct QuoteGraph {
    graph: DiGraph<Node, Edge>,
    index: IdIndex,
    /// The strings statements and edges share (texts, cues, rules, dates,
    /// mentions); not part of the graph's identity.
    strings: HashSet<SharedStr>,
    rules: NameRules,
    merge: MergeIndex,
}

impl PartialEq for QuoteGraph {
    /// Same nodes and edges in the same order.
    fn eq(&self, other: &QuoteGraph) -> bool {
        self.graph.node_count() == other.graph.node_count()
            && self.graph.edge_count() == other.graph.edge_count()
            && self
                .graph
                .node_weights()
                .zip(other.graph.node_weights())
                .all(|(a, b)| a == b)
            && self
                .graph
                .raw_edges()
                .iter()
                .zip(other.graph.raw_edges())
                .all(|(a, b)| {
                    a.source() == b.source() && a.target() == b.target() && a.weight == b.weight
                })
    }
}

impl Default for QuoteGraph {
    fn default() -> Self {
        QuoteGraph::new()
    }
}

impl QuoteGraph {
    /// An empty graph that recognizes titles with the embedded lexicon.
    pub fn new() -> QuoteGraph {
        QuoteGraph::with_lexicon(&Lexicon::embedded())
    }

    /// An empty graph that recognizes titles ("Foreign Minister Anna
    /// Berg") with `lex`.
    pub fn with_lexicon(lex: &Lexicon) -> QuoteGraph {
        QuoteGraph {
            graph: DiGraph::new(),
            index: IdIndex::default(),
            strings: HashSet::new(),
            rules: NameRules::new(lex),
            merge: MergeIndex::default(),
        }
    }

    /// `s` as a string shared with every other use of the same words in
    /// the graph.
    pub(crate) fn intern(&mut self, s: &str) -> SharedStr {
        if let Some(a) = self.strings.get(s) {
            return a.clone();
        }
        let a = SharedStr::from(s);
        self.strings.insert(a.clone());
        a
    }

    /// Take `strings` (read with the graph's nodes and edges, see
    /// [`shared::interning`]) as the graph's own, so what is added later
    /// shares them too.
    pub(crate) fn adopt_strings(&mut self, strings: HashSet<SharedStr>) {
        if self.strings.is_empty() {
            self.strings = strings;
        } else {
            self.strings.extend(strings);
        }
    }

    /// Interned `s` (from [`intern`](Self::intern)) as an edge holds it:
    /// the same string.
    pub(crate) fn edge_text(&mut self, s: &SharedStr) -> EdgeText {
        s.0.clone()
    }

    /// The petgraph graph, for traversals.
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// The index of the node with this id.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(&self.graph, id)
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index_of(id).map(|ix| &self.graph[ix])
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every node in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.graph.node_weights()
    }

    /// Nodes of one kind in insertion order.
    pub fn nodes_of_kind(&self, kind: NodeKind) -> impl Iterator<Item = &Node> + '_ {
        self.nodes().filter(move |n| n.kind() == kind)
    }

    /// Every edge in insertion order.
    pub fn edges(&self) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        self.graph.edge_references().map(|e| EdgeRef {
            index: e.id(),
            from: &self.graph[e.source()],
            to: &self.graph[e.target()],
            edge: e.weight(),
        })
    }

    /// Nodes joined to `id` by `kind` edges in direction `dir`
    /// (`Outgoing`: `id` is the start), in edge insertion order.
    pub fn neighbors(&self, id: &str, kind: EdgeKind, dir: Direction) -> Vec<&Node> {
        let Some(ix) = self.index_of(id) else {
            return Vec::new();
        };
        self.linked_edges(ix, kind, dir)
            .into_iter()
            .map(|(_, n)| &self.graph[n])
            .collect()
    }

    /// The `kind` edges at `ix` in direction `dir`, each with the node at
    /// its other end, in edge insertion order.
    pub(crate) fn linked_edges(
        &self,
        ix: NodeIndex,
        kind: EdgeKind,
        dir: Direction,
    ) -> Vec<(EdgeIndex, NodeIndex)> {
        let mut out: Vec<(EdgeIndex, NodeIndex)> = self
            .graph
            .edges_directed(ix, dir)
            .filter(|e| e.weight().kind == kind)
            .map(|e| {
                let other = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (e.id(), other)
            })
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
pub(crate) mod tests;
