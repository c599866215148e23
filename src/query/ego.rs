//! Subgraphs for a closer look: the neighbourhood of one entity, and a
//! graph in a few lines.

use std::collections::VecDeque;
use std::fmt::Write as _;

use petgraph::graph::NodeIndex;

use super::lookup::resolve_index;
use super::subgraph;
use crate::error::Result;
use crate::graph::{NodeKind, QuoteGraph};

/// The subgraph within `hops` edges of what `name` names, edges followed
/// in either direction; documents are included when reached but not
/// walked through (two hops through an article would reach everyone in
/// it). Every edge between included nodes is kept, so every exporter
/// writes just that neighbourhood.
pub fn ego(g: &QuoteGraph, name: &str, hops: usize) -> Result<QuoteGraph> {
    let center = resolve_index(g, name)?;
    let gr = g.graph();
    let mut dist: Vec<Option<usize>> = vec![None; gr.node_count()];
    dist[center.index()] = Some(0);
    let mut queue = VecDeque::from([center]);
    while let Some(n) = queue.pop_front() {
        let d = dist[n.index()].expect("queued nodes have a distance");
        if d >= hops || (n != center && gr[n].kind() == NodeKind::Document) {
            continue;
        }
        let mut next: Vec<NodeIndex> = gr.neighbors_undirected(n).collect();
        next.sort();
        for m in next {
            if dist[m.index()].is_none() {
                dist[m.index()] = Some(d + 1);
                queue.push_back(m);
            }
        }
    }
    let keep: Vec<bool> = dist.iter().map(Option::is_some).collect();
    Ok(subgraph(g, &keep, |_| true))
}

/// A graph in a few lines: counts by kind, then the entities by kind.
pub fn outline(g: &QuoteGraph) -> String {
    let mut out = format!("{}\n", g.summary());
    for (kind, label) in [
        (NodeKind::Person, "people"),
        (NodeKind::Organization, "organizations"),
        (NodeKind::Place, "places"),
    ] {
        let mut v: Vec<&str> = g.nodes_of_kind(kind).map(|n| n.name()).collect();
        if v.is_empty() {
            continue;
        }
        v.sort();
        writeln!(out, "{label}: {}", v.join(", ")).expect("to string");
    }
    out
}
